/**
 * The engagement log and the payments ledger inside the portfolio analysis (RULES.md §2.1, §2.4):
 * which source each account's Engagement and Payment came from, the risk flags and alerts they
 * raise, parents rolling up their sites' logs, and the Step 1 health report. As-of 30/06/2025;
 * every figure worked by hand in the comments.
 */
import {
  analyzeAccount,
  analyzePortfolio,
  buildPortfolio,
  type AccountAnalysis,
} from "../../../src/domain/analysis";
import { factorSourceText } from "../../../src/domain/analysis/basis";
import type { AccountRecord, EngagementEntry, Invoice, OrderLine } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);
const H = 1 / 24;

function out(
  accountId: string,
  daysAgo: number,
  hours?: number,
  more: Partial<EngagementEntry> = {}
): EngagementEntry {
  const at = asOf - daysAgo + 9 * H;
  return {
    accountId,
    at,
    direction: "outbound",
    respondedOn: hours === undefined ? undefined : at + hours * H,
    ...more,
  };
}
const inb = (
  accountId: string,
  daysAgo: number,
  more: Partial<EngagementEntry> = {}
): EngagementEntry => ({ accountId, at: asOf - daysAgo, direction: "inbound", ...more });
const inv = (accountId: string, due: number, paid: number | undefined, amount = 1000): Invoice => ({
  accountId,
  dueDate: due,
  paidDate: paid,
  amount,
});

function analyze(
  lines: OrderLine[],
  accounts: AccountRecord[],
  engagementLog: EngagementEntry[] = [],
  invoices: Invoice[] = []
) {
  const p = analyzePortfolio(bookOf(lines), { asOf, accounts, engagementLog, invoices });
  return { p, row: (id: string): AccountAnalysis => p.accounts.find((a) => a.accountId === id)! };
}
const flags = (a: AccountAnalysis) => a.riskFlags.map((f) => f.kind);
const alertKinds = (a: AccountAnalysis) => a.alerts.map((x) => `${x.severity}:${x.kind}`);
const ordered = (...ids: string[]) => ids.map((id) => line(id, d(2025, 6, 1), "s", 100));

describe("Engagement: the log wins, a thin log falls back to the accounts table, neither is n/a", () => {
  const accounts: AccountRecord[] = [
    { accountId: "E1", engagement: 2 },
    { accountId: "E2", engagement: 4 },
    { accountId: "E3" },
    { accountId: "E4" },
    { accountId: "E5", name: "Echo Five Ltd" },
  ];
  const log = [
    // E1: 3 outreach answered in 6 h and a call from the customer → median 6 h + inbound → 5
    out("E1", 60, 6),
    out("E1", 40, 6),
    out("E1", 20, 6),
    inb("E1", 10),
    // E2: only 2 outreach, no inbound → not enough log → typed 4
    out("E2", 30, 1),
    out("E2", 20, 1),
    // E4: 3 outreach older than 14 days, 2 unanswered (67% ≥ 50%) → 1; and an e-mail bounced 5 days ago
    out("E4", 60, 3, { contact: "Ann" }),
    out("E4", 50, undefined, { contact: "Bob" }),
    out("E4", 40, undefined, { contact: "Bob" }),
    out("E4", 5, undefined, { contact: "Cy", type: "e-mail", followUp: "E-mail bounced" }),
    // E5 is named, not numbered, in the log: 3 outreach answered in 30 h → 3
    out("Echo Five Ltd", 50, 30),
    out("echo five ltd ", 40, 30),
    out("ECHO FIVE LTD", 30, 30),
    // nobody we know
    out("Z9", 10, 1),
  ];
  const { p, row } = analyze(ordered("E1", "E2", "E3", "E4", "E5"), accounts, log);

  it("E1: 5 from the log, which wins over the 2 typed in the accounts table", () => {
    const a = row("E1");
    expect(a.health.factors.engagement).toBe(5);
    expect(a.health.inputs.engagementSource).toBe("engagement log");
    expect(factorSourceText(a.health.inputs, "engagement")).toBe(
      "engagement log (wins over accounts table: 2 of 5)"
    );
    expect(a.health.inputs.engagementLog!.medianResponseHours).toBe(6);
    // the quadrant says where its engagement came from too
    expect(a.quadrant.engagementSource).toBe("engagement log");
  });

  it("E2: the log is too thin (2 outreach, no inbound), so the typed 4 is used and the source says why", () => {
    const a = row("E2");
    expect(a.health.factors.engagement).toBe(4);
    expect(factorSourceText(a.health.inputs, "engagement")).toBe("accounts table (log too thin)");
  });

  it("E3: no log and nothing typed → n/a, left out of the score", () => {
    const a = row("E3");
    expect(a.health.factors.engagement).toBeNull();
    expect(a.health.used).not.toContain("engagement");
    expect(factorSourceText(a.health.inputs, "engagement")).toBe("no data");
  });

  it('E4: 1 from the log, the risk flag "contact not responding" naming Bob (not also "low engagement"), and a Warning for the bounced e-mail', () => {
    const a = row("E4");
    expect(a.health.factors.engagement).toBe(1);
    expect(flags(a)).toContain("contactNotResponding");
    expect(flags(a)).not.toContain("lowEngagement");
    expect(a.riskFlags.find((f) => f.kind === "contactNotResponding")!.values).toMatchObject({
      unansweredOutreach: 2,
      olderOutreach: 3,
      contacts: "Bob",
    });
    expect(alertKinds(a)).toContain("Warning:contactFailed");
    expect(a.alerts.find((x) => x.kind === "contactFailed")!.message).toMatch(
      /Cy .*E-mail bounced.* 5 days ago/
    );
  });

  it("E5: log rows naming the account by name (any case, spaces) count for it: median 30 h → 3", () => {
    expect(row("E5").health.factors.engagement).toBe(3);
  });

  it("rows naming an unknown account are left out with a warning", () => {
    expect(p.warnings.some((w) => /Engagement log: 1 row names an account .*Z9/.test(w))).toBe(
      true
    );
  });
});

describe('Payment: the ledger wins, its quarters raise "late payments increasing", 7+ days is a Warning', () => {
  const accounts: AccountRecord[] = [
    { accountId: "P1", daysBeyondTerms: 0 },
    { accountId: "P2" },
    { accountId: "P3" },
    { accountId: "P4", daysBeyondTerms: 12, daysBeyondTermsHistory: [8] },
    { accountId: "P5", daysBeyondTerms: 12, daysBeyondTermsHistory: [8] },
    { accountId: "P6", daysBeyondTerms: 3, creditTerms: "30 days" },
  ];
  const ledger: Invoice[] = [
    // P1: £1,000 paid 10 days late, £3,000 paid 2 days early → (10,000 − 6,000) / 4,000 = 1 day → 3
    inv("P1", d(2025, 5, 1), d(2025, 5, 11), 1000),
    inv("P1", d(2025, 6, 1), d(2025, 5, 30), 3000),
    // P2: previous quarter (30/12/2024, 30/03/2025] 2 days; last quarter 8 days → +6 ≥ 3: rising; year (2 + 8)/2 = 5 → 3
    inv("P2", d(2025, 3, 1), d(2025, 3, 3)),
    inv("P2", d(2025, 6, 1), d(2025, 6, 9)),
    // P3: one invoice unpaid, due 20/06/2025 → 10 days overdue at 30/06 → 2, and the 7+ days Warning
    inv("P3", d(2025, 6, 20), undefined),
    // P4: ledger on time (0) beats the typed 12 → no typed-history flag either
    inv("P4", d(2025, 5, 1), d(2025, 5, 1)),
    // P6: no due date; invoice 01/05/2025 on 30 days → due 31/05, paid 02/06 → 2 days
    { accountId: "P6", invoiceDate: d(2025, 5, 1), paidDate: d(2025, 6, 2), amount: 50 },
  ];
  const { row } = analyze(ordered("P1", "P2", "P3", "P4", "P5", "P6"), accounts, [], ledger);

  it("P1: amount-weighted mean 1 day → Payment 3, from the ledger over the typed 0", () => {
    const a = row("P1");
    expect(a.health.inputs.daysBeyondTerms).toBe(1);
    expect(a.health.factors.payment).toBe(3);
    expect(factorSourceText(a.health.inputs, "payment")).toBe(
      "payments ledger (wins over accounts table: 0 days)"
    );
  });

  it("P2: late payments increasing (2 → 8 days), no 7+ Warning on a 5-day mean", () => {
    const a = row("P2");
    expect(a.health.inputs.daysBeyondTerms).toBe(5);
    expect(a.riskFlags.find((f) => f.kind === "latePaymentsIncreasing")!.values).toEqual({
      daysLateLastQuarter: 8,
      daysLatePreviousQuarter: 2,
      threshold: 3,
    });
    expect(alertKinds(a)).not.toContain("Warning:latePayment");
  });

  it('P3: an unpaid invoice 10 days overdue → 10 days, Payment 2, Warning "paying 7+ days late" naming the ledger', () => {
    const a = row("P3");
    expect(a.health.factors.payment).toBe(2);
    const w = a.alerts.find((x) => x.kind === "latePayment")!;
    expect(w.severity).toBe("Warning");
    expect(w.message).toBe("Paying 10 days beyond terms on average (payments ledger).");
  });

  it('P4 vs P5: the typed history flag ("payment slipping") is for accounts without a ledger', () => {
    expect(row("P4").health.factors.payment).toBe(4);
    expect(flags(row("P4"))).not.toContain("paymentSlipping");
    expect(flags(row("P5"))).toContain("paymentSlipping");
    expect(row("P5").health.inputs.paymentSource).toBe("accounts table");
  });

  it("P6: the due date comes from the credit terms when the ledger has none", () => {
    expect(row("P6").health.inputs.daysBeyondTerms).toBe(2);
  });
});

describe("parents roll up their sites' logs; history reads the log at each month-end", () => {
  const accounts: AccountRecord[] = [{ accountId: "G" }, { accountId: "S1", parentId: "G" }];
  // outreach on 22/03, 11/04, 11/05 and 10/06/2025, each answered in 2 h
  const log = [out("S1", 100, 2), out("S1", 80, 2), out("S1", 50, 2), out("S1", 20, 2)];
  const lines = [line("S1", d(2025, 1, 10), "s", 100), line("S1", d(2025, 6, 1), "s", 100)];
  const { row } = analyze(lines, accounts, log);

  it("the group G scores its site's log (3 outreach in the 90 days, median 2 h, no inbound → 4)", () => {
    expect(row("G").health.factors.engagement).toBe(4);
    expect(row("S1").health.factors.engagement).toBe(4);
  });

  it("each month-end reads the log as it stood then: 31/05 has 3 outreach in its window (4), 31/03 only one (Engagement n/a)", () => {
    const at = (date: number) =>
      analyzePortfolio(bookOf(lines), { asOf: date, accounts, engagementLog: log }).accounts.find(
        (a) => a.accountId === "S1"
      )!.health;
    const h = row("S1").history;
    expect(h[11].date).toBe(d(2025, 5, 31));
    expect(at(d(2025, 5, 31)).factors.engagement).toBe(4);
    expect(h[11].score).toBe(at(d(2025, 5, 31)).score);
    expect(h[9].date).toBe(d(2025, 3, 31));
    expect(at(d(2025, 3, 31)).factors.engagement).toBeNull();
    expect(h[9].score).toBe(at(d(2025, 3, 31)).score);
  });
});

describe("the account health report (methodology 000, Steps 1.1–1.3)", () => {
  const lines: OrderLine[] = [
    line("R", d(2025, 6, 10), "a", 100),
    line("R", d(2025, 6, 10), "b", 50),
    line("R", d(2025, 6, 20), "a", 200),
    line("R", d(2025, 6, 25), "a", -50, { orderId: "C9" }),
    line("R", d(2025, 5, 15), "c", 300),
    line("R", d(2025, 4, 10), "a", 100),
    line("R", d(2025, 1, 10), "a", 400),
    line("R", d(2024, 3, 1), "a", 500),
    line("R", d(2023, 12, 1), "b", 300),
  ];
  const accounts: AccountRecord[] = [
    {
      accountId: "R",
      name: "Rivet & Co",
      primaryContact: "Jo Bloggs",
      email: "jo@rivet.example",
      phone: "0113 000",
      address: "1 Mill Lane, Leeds",
      tier: "Gold",
      creditTerms: "30 days",
      creditLimit: 5000,
      customerSince: d(2014, 1, 1),
    },
  ];
  const book = bookOf(lines);
  const r = analyzeAccount(buildPortfolio(book, { asOf, accounts }), "R").report;

  it('basic information, with the account age from "customer since" (01/01/2014 → 30/06/2025 = 137 whole months = 11.4 years)', () => {
    expect(r.basics).toMatchObject({
      accountId: "R",
      name: "Rivet & Co",
      primaryContact: "Jo Bloggs",
      email: "jo@rivet.example",
      phone: "0113 000",
      address: "1 Mill Lane, Leeds",
      tier: "Gold",
      creditTerms: "30 days",
      creditLimit: 5000,
      customerSinceSource: "accounts table",
      accountAgeYears: 11.4,
    });
  });

  it("the period table: orders, net revenue, average order (purchase orders), products", () => {
    expect(
      r.periods.map((x) => [x.label, x.orders, x.revenue, x.averageOrderValue, x.products])
    ).toEqual([
      // (31/05, 30/06]: orders 10/06 (£150) and 20/06 (£200), less the £50 return; products a, b
      ["This month", 2, 300, 175, 2],
      // (30/04, 31/05]: 15/05 £300 of c
      ["Last month", 1, 300, 300, 1],
      // (30/03, 30/06]: four orders £150 + £200 + £300 + £100 = £750, less £50 = £700; avg 750/4
      ["Last 3 months", 4, 700, 187.5, 3],
      // + 10/01 £400: 5 orders, £1,100, avg 1,150/5 = 230
      ["Last 12 months", 5, 1100, 230, 3],
      // (30/06/2023, 30/06/2024]: £300 of b (01/12/2023) and £500 of a (01/03/2024)
      ["Prior 12 months", 2, 800, 400, 2],
    ]);
  });

  it("year over year: revenue (1,100 − 800)/800 = +37.5% → +38%; orders (5 − 2)/2 = +150%; average order (230 − 400)/400 = −42.5% → −43%", () => {
    expect(r.yearOverYear).toEqual({
      revenue: { kind: "pct", pct: 38 },
      orders: { kind: "pct", pct: 150 },
      averageOrderValue: { kind: "pct", pct: -43 },
    });
  });

  it("every factor with its weight, score, basis and source; Engagement and Payment n/a, their 20% spread over the rest", () => {
    expect(r.factors.map((f) => [f.label, f.weight, f.score, f.source])).toEqual([
      ["Recency", 25, 4, "order lines"], // 10 days (20/06 → 30/06) → 4
      ["Frequency", 20, 5, "order lines"],
      ["Revenue", 20, 5, "order lines"], // +38% → 5
      ["Diversity", 15, 2, "order lines"], // one category, 3 products → 2
      ["Engagement", 10, null, null],
      ["Payment", 10, null, null],
    ]);
    // effective weight of Recency = 25 / 80 = 31.25%
    expect(r.factors[0].effectiveWeight).toBeCloseTo(31.25, 10);
    expect(r.factors[0].weighted).toBeCloseTo(0.3125 * 4, 10);
    expect(r.factors[4].sourceText).toBe("no data");
  });

  it("the six warning signs of Step 1.3, in order, present or not (or not known), with the figure and the action", () => {
    expect(r.warningSigns.map((w) => [w.sign, w.present, w.action])).toEqual([
      ["No order in 45+ days", false, "Immediate outreach"],
      // baseline (30/03/2024, 30/03/2025]: one order of £400; last quarter £187.50 → −53%
      ["Order value down >20%", true, "Price/product review"],
      ["Switched product categories", false, "Investigate competitor"],
      ["Late payments increasing", null, "Credit review"],
      ["Contact not responding", null, "Find new contact"],
      // 1 return last quarter vs 0 before
      ["Complaints/returns increasing", true, "Quality review"],
    ]);
    expect(r.warningSigns[0].figure).toBe("10 days since the last order");
    // the baseline named by its end (30/06/2025 − 3 months): the report's "Prior 12 months" row
    // is another window, and an undated "12 months before" read as it
    expect(r.warningSigns[1].figure).toBe(
      "average order £187.50 in the last 3 months vs £400.00 in the 12 months to 30/03/2025 (-53%)"
    );
    expect(r.warningSigns[5].figure).toBe(
      "1 return in the last 3 months vs 0 in the 3 months before"
    );
  });

  it("the account plan lists the last log entries, newest first", () => {
    const log = [
      out("R", 30, 2, { topic: "Check-in" }),
      inb("R", 3, { topic: "Quote request" }),
      out("R", 10, undefined, { topic: "Samples" }),
    ];
    const plan = analyzeAccount(
      buildPortfolio(book, { asOf, accounts, engagementLog: log }),
      "R"
    ).plan;
    expect(plan.recentEngagement.map((e) => e.topic)).toEqual([
      "Quote request",
      "Samples",
      "Check-in",
    ]);
  });
});
