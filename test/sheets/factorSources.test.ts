/**
 * Each factor's source on the sheets (issue 11): the Health sheet's Engagement/Payment source
 * columns, the QBR's "How the health score is made" table and the plan's "Recent engagement".
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import type { AccountRecord, EngagementEntry, Invoice } from "../../src/domain/types";
import { healthSheet } from "../../src/sheets/healthSheet";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { CellValue, SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2025, 6, 30);
const H = 1 / 24;
const out = (
  daysAgo: number,
  hours: number | undefined,
  more: Partial<EngagementEntry> = {}
): EngagementEntry => ({
  accountId: "A",
  at: asOf - daysAgo + 9 * H,
  direction: "outbound",
  respondedOn: hours === undefined ? undefined : asOf - daysAgo + (9 + hours) * H,
  ...more,
});
const accounts: AccountRecord[] = [
  { accountId: "A", engagement: 2, daysBeyondTerms: 20 },
  { accountId: "B", engagement: 3 },
];
const log = [
  out(60, 5, { contact: "Jo", type: "call", topic: "Check-in" }),
  out(40, 5, { type: "e-mail", topic: "Price list" }),
  out(20, 5, { topic: "Samples", followUp: "Quote sent" }),
];
const ledger: Invoice[] = [
  { accountId: "A", dueDate: d(2025, 5, 1), paidDate: d(2025, 5, 1), amount: 100 },
];
const lines = [
  line("A", d(2025, 4, 1), "s", 100),
  line("A", d(2025, 6, 1), "s", 100),
  line("B", d(2025, 6, 1), "s", 100),
];
const book = bookOf(lines);
const model = buildPortfolio(book, { asOf, accounts, engagementLog: log, invoices: ledger });
const p = model.analysis;
const opts = layoutOptions({ asOf });

/** The rows of the first block that holds `header` in its first row. */
function tableWith(spec: SheetSpec, header: string): CellValue[][] {
  const b = spec.blocks.find((x) => x.rows[0]?.includes(header));
  if (!b) throw new Error(`no block with ${header}`);
  return b.rows;
}

it("Health sheet: Engagement and Payment source columns, the log and the ledger winning over what was typed", () => {
  const rows = tableWith(healthSheet(p, opts), "Engagement source");
  const h = rows[0];
  const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
  const a = byId.get("A")!;
  // median 5 h, no inbound → 4; ledger on time → 0 days
  expect(a[h.indexOf("Engagement (1–5)")]).toBe(4);
  expect(a[h.indexOf("Days beyond terms")]).toBe(0);
  expect(a[h.indexOf("Engagement source")]).toBe(
    "engagement log (wins over accounts table: 2 of 5)"
  );
  expect(a[h.indexOf("Payment source")]).toBe(
    "payments ledger (wins over accounts table: 20 days)"
  );
  const b = byId.get("B")!;
  expect(b[h.indexOf("Engagement source")]).toBe("accounts table");
  expect(b[h.indexOf("Payment source")]).toBe("no data");
});

it("QBR: the internal sheet shows how the score is made, factor by factor with its basis in full and its source; the partnership page has none of it", () => {
  const sheets = qbrSheets(qbrData(model, "A", { year: 2025, q: 2 }), opts);
  // the score grades the customer: no table of it on the page they read
  expect(() =>
    tableWith(
      sheets.find((s) => s.name === "Partnership")!,
      "Based on"
    )
  ).toThrow();
  const prep = tableWith(
    sheets.find((s) => s.kind === "qbr-prep")!,
    "Based on"
  );
  expect(prep).toEqual([
    ["Factor", "Based on", "Score", "Source"],
    ["Recency", "29 days since last order", 3, "order lines"], // 01/06 → 30/06 = 29 days → 3
    // first order (01/04) inside the last quarter: too little history
    [
      "Frequency",
      "2 orders in the 3 months to 30/06/2025 vs 0 in the 3 before: too little history (n/a)",
      "n/a",
      "order lines",
    ],
    // likewise inside the last 12 months
    ["Revenue", "revenue, 12 months to 30/06/2025: too little history (n/a)", "n/a", "order lines"],
    ["Diversity", "1 category, 1 product in the 12 months to 30/06/2025", 1, "order lines"], // one category, one product
    // the log and the ledger win over what the accounts table says (2 of 5, 20 days), and say so
    [
      "Engagement",
      "median response 5 h: 3 of 3 answered, 0 inbound (90 days)",
      4,
      "engagement log (wins over accounts table: 2 of 5)",
    ],
    // one invoice of £100, due 01/05 and paid 01/05: 0 days late
    [
      "Payment",
      "weighted mean 0 days, 1 invoice due in the 12 months to 30/06/2025",
      4,
      "payments ledger (wins over accounts table: 20 days)",
    ],
  ]);
});

it('Account plan: "Recent engagement" lists the log newest first', () => {
  const rows = tableWith(planSheet(analyzeAccount(model, "A"), opts), "Follow-up");
  expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
    [{ date: asOf - 20 }, "(outbound)", "Samples", "Quote sent"],
    [{ date: asOf - 40 }, "E-mail (outbound)", "Price list", "Answered"],
    [{ date: asOf - 60 }, "Call (outbound)", "Check-in", "Answered"],
  ]);
});

it("Health report sheet: every factor with weight, score, basis and source; the six warning signs with present/figure/action; a native total", async () => {
  const { healthReportSheet } = await import("../../src/sheets/healthReportSheet");
  const spec = healthReportSheet(analyzeAccount(model, "A"), opts);
  expect(spec.name).toBe("KAP Health Report – A");
  const factors = tableWith(spec, "Based on");
  // the weight after n/a factors are left out says it is a weight (was "Applied", read with the
  // next heading as "Applied Score (1–5)")
  expect(factors[0]).toEqual([
    "Factor",
    "Weight",
    "Applied weight",
    "Score (1–5)",
    "Weighted",
    "Based on",
    "Source",
  ]);
  expect(factors.slice(1).map((r) => [r[0], r[3], r[6]])).toEqual([
    ["Recency", 3, "order lines"],
    ["Frequency", "n/a", "order lines"],
    ["Revenue", "n/a", "order lines"],
    ["Diversity", 1, "order lines"],
    ["Engagement", 4, "engagement log (wins over accounts table: 2 of 5)"],
    ["Payment", 4, "payments ledger (wins over accounts table: 20 days)"],
  ]);
  // Recency 25, Diversity 15, Engagement 10, Payment 10 = 60 used: 3×25/60 + 1×15/60 + 4×10/60 + 4×10/60 = 170/60 = 2.83
  expect(p.accounts.find((a) => a.accountId === "A")!.health.score).toBe(2.83);
  const total = spec.blocks.find((b) => b.rows[0]?.[0] === "Total")!;
  expect(total.rows[0][4]).toEqual({
    formula: expect.stringMatching(/^=ROUND\(SUM\(E\d+:E\d+\),2\)$/),
    // its cached value, what a reader that does not recalculate shows: 170/60 = 2.83
    result: 2.83,
  });
  const signs = tableWith(spec, "Present?");
  expect(signs.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
    ["No order in 45+ days", "No", "Immediate outreach"],
    ["Order value down >20%", "No", "Price/product review"],
    ["Switched product categories", "No", "Investigate competitor"],
    ["Late payments increasing", "Not known", "Credit review"], // the ledger has invoices in the last quarter only: nothing to compare
    ["Contact not responding", "No", "Find new contact"],
    ["Complaints/returns increasing", "No", "Quality review"],
  ]);
});
