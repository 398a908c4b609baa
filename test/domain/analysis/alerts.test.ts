import { analyzePortfolio, type AccountAnalysis } from "../../../src/domain/analysis";
import type { AccountRecord, OrderLine } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);

function analyze(
  lines: OrderLine[],
  accounts: AccountRecord[] = []
): (id: string) => AccountAnalysis {
  const p = analyzePortfolio(bookOf(lines), { asOf, accounts });
  return (id) => p.accounts.find((a) => a.accountId === id)!;
}
const flags = (a: AccountAnalysis) => a.riskFlags.map((f) => f.kind);
const alertKinds = (a: AccountAnalysis) => a.alerts.map((x) => `${x.severity}:${x.kind}`);

describe("risk flags", () => {
  it("no order in 45+ days: 45 fires, 44 does not", () => {
    // 30 Jun − 16 May = 45 days; − 17 May = 44 days
    const row = analyze([
      line("A45", d(2025, 5, 16), "s", 10),
      line("A44", d(2025, 5, 17), "s", 10),
    ]);
    expect(flags(row("A45"))).toContain("noRecentOrder");
    expect(
      row("A45").riskFlags.find((f) => f.kind === "noRecentOrder")!.values.daysSinceLastOrder
    ).toBe(45);
    expect(flags(row("A44"))).not.toContain("noRecentOrder");
  });

  it("average order value of the last quarter down more than 20% against the 12 months before it", () => {
    // Baseline (30 Mar 2024, 30 Mar 2025]: 4 orders of £100 → £100. Last quarter: one order.
    const base = (id: string) =>
      [d(2024, 6, 1), d(2024, 9, 1), d(2024, 12, 1), d(2025, 3, 1)].map((x) =>
        line(id, x, "s", 100)
      );
    const row = analyze([
      ...base("DROP"),
      line("DROP", d(2025, 6, 1), "s", 79),
      ...base("FLAT"),
      line("FLAT", d(2025, 6, 1), "s", 80),
    ]);
    const f = row("DROP").riskFlags.find((x) => x.kind === "averageOrderDrop")!;
    // (100 − 79)/100 = 21% > 20%
    expect(f.values).toMatchObject({ averageOrderLastQuarter: 79, averageOrderPrior12: 100 });
    expect(f.values.drop).toBeCloseTo(0.21, 10);
    // (100 − 80)/100 = 20%: not more than 20%
    expect(flags(row("FLAT"))).not.toContain("averageOrderDrop");
  });

  it("switched categories: a category ≥ 10% of the baseline revenue with nothing in the last quarter", () => {
    const lines = [
      // SW: baseline A 900 + B 100 → B is exactly 10%; last quarter only A
      line("SW", d(2024, 10, 1), "a", 900, { category: "A" }),
      line("SW", d(2024, 11, 1), "b", 100, { category: "B" }),
      line("SW", d(2025, 6, 1), "a", 50, { category: "A" }),
      // NO: B is 99 of 1000 = 9.9%
      line("NO", d(2024, 10, 1), "a", 901, { category: "A" }),
      line("NO", d(2024, 11, 1), "b", 99, { category: "B" }),
      line("NO", d(2025, 6, 1), "a", 50, { category: "A" }),
    ];
    const row = analyze(lines);
    const f = row("SW").riskFlags.filter((x) => x.kind === "switchedCategory");
    expect(f).toHaveLength(1);
    expect(f[0].values).toMatchObject({
      category: "B",
      categoryRevenuePrior12: 100,
      revenuePrior12: 1000,
      share: 0.1,
    });
    expect(flags(row("NO"))).not.toContain("switchedCategory");
  });

  it("an account with no order in the last quarter: no switch per category, its lapse is said once", () => {
    // ST: baseline (30 Jun 2024, 31 Mar 2025] A 500, B 300, C 200, each ≥ 10%; last order 1 Dec
    // 2024, nothing in (31 Mar, 30 Jun 2025]: 211 days without an order, every category stopped
    const row = analyze([
      line("ST", d(2024, 10, 1), "a", 500, { category: "A" }),
      line("ST", d(2024, 11, 1), "b", 300, { category: "B" }),
      line("ST", d(2024, 12, 1), "c", 200, { category: "C" }),
    ]);
    expect(flags(row("ST"))).not.toContain("switchedCategory");
    expect(flags(row("ST")).filter((k) => k === "noRecentOrder")).toHaveLength(1);
  });

  it("returns in the last quarter above the quarter before", () => {
    const lines = [
      line("RR", d(2025, 1, 10), "s", 500),
      line("RR", d(2025, 2, 10), "s", -10, { orderId: "C1" }), // previous quarter (30 Dec, 30 Mar]: 1
      line("RR", d(2025, 5, 10), "s", -10, { orderId: "C2" }), // last quarter: 2
      line("RR", d(2025, 6, 10), "s", -10, { orderId: "C3" }),
      line("EQ", d(2025, 1, 10), "s", 500),
      line("EQ", d(2025, 2, 10), "s", -10, { orderId: "C4" }),
      line("EQ", d(2025, 5, 10), "s", -10, { orderId: "C5" }),
    ];
    const row = analyze(lines);
    expect(row("RR").riskFlags.find((x) => x.kind === "returnsRising")!.values).toEqual({
      returnsLastQuarter: 2,
      returnsPreviousQuarter: 1,
    });
    expect(flags(row("EQ"))).not.toContain("returnsRising");
    // returns reduce revenue and are not orders: 500 − 30
    expect(row("RR").revenueLast12).toBe(470);
    expect(row("RR").ordersLast12).toBe(1);
  });

  it("engagement ≤ 2 and average days late rising", () => {
    const lines = [line("E2", d(2025, 6, 1), "s", 1), line("E3", d(2025, 6, 1), "s", 1)];
    const row = analyze(lines, [
      { accountId: "E2", engagement: 2, daysBeyondTerms: 10, daysBeyondTermsHistory: [5, 8] },
      { accountId: "E3", engagement: 3, daysBeyondTerms: 10, daysBeyondTermsHistory: [12] },
    ]);
    expect(flags(row("E2"))).toEqual(expect.arrayContaining(["lowEngagement", "paymentSlipping"]));
    expect(row("E2").riskFlags.find((f) => f.kind === "paymentSlipping")!.values).toEqual({
      daysBeyondTerms: 10,
      previousDaysBeyondTerms: 8,
    });
    expect(flags(row("E3"))).not.toContain("lowEngagement");
    expect(flags(row("E3"))).not.toContain("paymentSlipping"); // 10 < 12: falling
  });
});

describe("alerts", () => {
  it("Critical: a regular customer silent for 45 days; an irregular one only gets the 30-day warning", () => {
    // REG orders every 10 days up to 16 May (45 days before 30 Jun): median gap 10 ≤ 30
    const reg = [d(2025, 4, 6), d(2025, 4, 16), d(2025, 4, 26), d(2025, 5, 6), d(2025, 5, 16)].map(
      (x) => line("REG", x, "s", 100)
    );
    // IRR orders every 40 days: median gap 40 > 30
    const irr = [d(2025, 2, 25), d(2025, 4, 6), d(2025, 5, 16)].map((x) =>
      line("IRR", x, "s", 100)
    );
    const row = analyze([...reg, ...irr]);
    const c = row("REG").alerts.find((a) => a.kind === "regularCustomerSilent")!;
    expect(c.severity).toBe("Critical");
    expect(c.values).toMatchObject({ daysSinceLastOrder: 45, medianGapDays: 10 });
    expect(alertKinds(row("REG"))).not.toContain("Warning:noOrder30Days"); // the Critical says it already
    expect(alertKinds(row("IRR"))).not.toContain("Critical:regularCustomerSilent");
    expect(alertKinds(row("IRR"))).toContain("Warning:noOrder30Days");
  });

  it("Warning: no order in 30 days fires at 30, not at 29", () => {
    const row = analyze([line("D30", d(2025, 5, 31), "s", 1), line("D29", d(2025, 6, 1), "s", 1)]);
    expect(alertKinds(row("D30"))).toContain("Warning:noOrder30Days");
    expect(alertKinds(row("D29"))).not.toContain("Warning:noOrder30Days");
  });

  it("last order against the 12-month average order: < 50% Critical, < 75% Warning, > 150% Opportunity", () => {
    const three = (id: string) =>
      [d(2025, 3, 1), d(2025, 4, 1), d(2025, 5, 1)].map((x) => line(id, x, "s", 100));
    const row = analyze([
      ...three("LOW"),
      line("LOW", d(2025, 6, 1), "s", 40), // avg (300+40)/4 = 85; 40/85 = 47% < 50%
      ...three("MID"),
      line("MID", d(2025, 6, 1), "s", 50), // avg 87.5; 50/87.5 = 57% < 75%
      ...three("HIGH"),
      line("HIGH", d(2025, 6, 1), "s", 200), // avg 125; 200/125 = 160% > 150%
      ...three("OK"),
      line("OK", d(2025, 6, 1), "s", 150), // avg 112.5; 133%: nothing
    ]);
    const low = row("LOW").alerts.find((a) => a.kind === "lastOrderVeryLow")!;
    expect(low.severity).toBe("Critical");
    expect(low.values).toMatchObject({ lastOrderValue: 40, averageOrderLast12: 85 });
    expect(alertKinds(row("LOW"))).not.toContain("Warning:lastOrderLow");
    expect(alertKinds(row("MID"))).toContain("Warning:lastOrderLow");
    expect(alertKinds(row("HIGH"))).toContain("Opportunity:lastOrderHigh");
    expect(row("OK").alerts.filter((a) => a.kind.startsWith("lastOrder"))).toEqual([]);
  });

  it("credit hold, late payment (7+ days), and a return in the last 30 days", () => {
    const row = analyze(
      [
        line("CH", d(2025, 6, 20), "s", 100),
        line("CH", d(2025, 6, 15), "s", -20, { orderId: "C9" }), // inside (31 May, 30 Jun]
        line("OK", d(2025, 6, 20), "s", 100),
        line("OK", d(2025, 5, 31), "s", -20, { orderId: "C8" }), // exactly 30 days before: outside
      ],
      [
        { accountId: "CH", creditHold: true, daysBeyondTerms: 7 },
        { accountId: "OK", creditHold: false, daysBeyondTerms: 6 },
      ]
    );
    expect(alertKinds(row("CH"))).toEqual(
      expect.arrayContaining(["Critical:creditHold", "Warning:latePayment", "Warning:recentReturn"])
    );
    expect(row("CH").alerts.find((a) => a.kind === "recentReturn")!.values).toMatchObject({
      returns: 1,
      returnValue: -20,
    });
    expect(alertKinds(row("OK"))).not.toEqual(expect.arrayContaining(["Critical:creditHold"]));
    expect(alertKinds(row("OK"))).not.toContain("Warning:latePayment");
    expect(alertKinds(row("OK"))).not.toContain("Warning:recentReturn");
  });

  it("Opportunity: first-ever order in a category, and a new person ordering, in the last 30 days", () => {
    const row = analyze([
      line("N", d(2024, 9, 1), "a", 100, { category: "A", orderedBy: "Sam" }),
      line("N", d(2025, 6, 10), "b", 100, { category: "B", orderedBy: "Sam" }),
      line("N", d(2025, 6, 20), "a", 100, { category: "A", orderedBy: "Alex" }),
      line("M", d(2024, 9, 1), "a", 100, { category: "A", orderedBy: "Kim" }),
      line("M", d(2025, 5, 31), "b", 100, { category: "B", orderedBy: "Lee" }), // 30 days before: not "last 30 days"
      line("M", d(2025, 6, 20), "a", 100, { category: "A", orderedBy: "Kim" }),
    ]);
    const n = row("N").alerts;
    expect(n.find((a) => a.kind === "newCategory")!.values).toEqual({
      category: "B",
      firstOrderDate: d(2025, 6, 10),
    });
    expect(n.filter((a) => a.kind === "newOrderer").map((a) => a.values.orderedBy)).toEqual([
      "Alex",
    ]);
    expect(alertKinds(row("M"))).not.toContain("Opportunity:newCategory");
    expect(alertKinds(row("M"))).not.toContain("Opportunity:newOrderer");
  });
});

describe("win-back stage", () => {
  it("29 days none, 30 Stage 1, 45 Stage 2, 60 Stage 3, never ordered none", () => {
    const row = analyze([
      line("W29", d(2025, 6, 1), "s", 1),
      line("W30", d(2025, 5, 31), "s", 1),
      line("W45", d(2025, 5, 16), "s", 1),
      line("W60", d(2025, 5, 1), "s", 1),
    ]);
    expect(row("W29").winBack!.stage).toBe(0);
    expect(row("W30").winBack!.stage).toBe(1);
    expect(row("W45").winBack).toMatchObject({ stage: 2, daysSinceLastOrder: 45 });
    expect(row("W60").winBack!.stage).toBe(3);
    expect(row("W60").winBack!.script).toMatch(/Sales Manager/);
  });

  it("89 days Stage 3, 90 days Stage 4 with its recovery offers", () => {
    // 30 Jun 2025 − 2 Apr = 89 days; − 1 Apr = 90 days
    const row = analyze([line("W89", d(2025, 4, 2), "s", 1), line("W90", d(2025, 4, 1), "s", 1)]);
    expect(row("W89").winBack).toMatchObject({ stage: 3, daysSinceLastOrder: 89 });
    expect(row("W90").winBack).toMatchObject({
      stage: 4,
      name: "Stage 4 – Recovery offer",
      daysSinceLastOrder: 90,
    });
    expect(row("W90").winBack!.offers).toHaveLength(4);
  });

  it("marked lost in the accounts table: Stage 5 with the learning recorded, even after a recent order or with no order at all", () => {
    const row = analyze(
      [
        line("L1", d(2025, 6, 20), "s", 1),
        line("L2", d(2025, 1, 2), "s", 1),
        line("OTHER", d(2025, 6, 30), "s", 1),
      ],
      [
        { accountId: "L1", lost: true, lostReason: "Went to Toolstation for same-day collection" },
        { accountId: "L2", lost: true },
        { accountId: "L3", lost: true },
      ]
    );
    expect(row("L1").winBack).toMatchObject({
      stage: 5,
      daysSinceLastOrder: 10,
      learning: "Went to Toolstation for same-day collection",
    });
    expect(row("L1").winBack!.questions).toHaveLength(3);
    expect(row("L2").winBack).toMatchObject({ stage: 5, learning: null });
    // L3 never ordered: no days, still Stage 5
    expect(row("L3").winBack).toMatchObject({ stage: 5, daysSinceLastOrder: null });
  });
});
