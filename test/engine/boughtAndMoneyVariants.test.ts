/**
 * More files of the kinds of cases 16 and 17 (RULES.md §2 "Bought" and "Exact money"), beside
 * boughtAndMoney.test.ts. As-of 2026-10-31: last 12 months (2025-10-31, 2026-10-31], prior 12
 * (2024-10-31, 2025-10-31], last quarter (2026-07-31, 2026-10-31]. Every expected value is worked
 * by hand in the comments.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

const AS_OF = "2026-10-31";
const HEAD = [
  "Customer ID",
  "Order Date",
  "Order No",
  "SKU",
  "Description",
  "Category",
  "Qty",
  "Revenue",
];
type Row = (string | number)[];

async function analyze(rows: Row[]) {
  const engine = new KapEngine();
  await loadGrids(engine, [{ name: "Orders", values: [HEAD, ...rows] } as Grid], defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf: AS_OF });
  const row = (id: string) => {
    const a = p.accounts.find((x) => x.accountId === id);
    if (!a) throw new Error(`no account ${id}`);
    return a;
  };
  return { engine, p, row };
}

describe("kind 16: bought is net of returns, in every view", () => {
  // A4's Ycat is bought on SO-4 and credited in full on CN-4, both in FY2026 Q3 (Jul–Sep 2026)
  const rows: Row[] = [
    ["A1", "2026-09-01", "SO-1", "X1", "x", "Xcat", 1, 10],
    ["A1", "2026-09-01", "SO-1", "Y1", "y", "Ycat", 1, 12],
    ["A2", "2026-09-02", "SO-2", "X1", "x", "Xcat", 1, 11],
    ["A2", "2026-09-02", "SO-2", "Y1", "y", "Ycat", 1, 13],
    ["A3", "2026-09-03", "SO-3", "X1", "x", "Xcat", 1, 14],
    ["A3", "2026-09-03", "SO-3", "Y1", "y", "Ycat", 1, 15],
    ["A4", "2026-09-04", "SO-4", "X1", "x", "Xcat", 1, 16],
    ["A4", "2026-09-04", "SO-4", "Y1", "y", "Ycat", 1, 17],
    ["A4", "2026-09-10", "CN-4", "Y1", "y back", "Ycat", -1, -17],
    // A5 bought Ycat last year and credits it this year: net −36 in the 12 months
    ["A5", "2025-06-04", "SO-5", "Y1", "y", "Ycat", 2, 36],
    ["A5", "2026-09-05", "SO-6", "X1", "x", "Xcat", 1, 19],
    ["A5", "2026-09-15", "CN-6", "Y1", "y back", "Ycat", -2, -36],
    ["A6", "2026-09-06", "SO-7", "Z1", "z", "Zcat", 1, 20],
  ];

  it("leaves a category credited in full in the quarter out of the QBR's spend by category (not a £0 line)", async () => {
    const { engine } = await analyze(rows);
    const q = engine.qbr("A4", "2026Q3");
    // Xcat 16; Ycat 17 − 17 = 0: not bought in the quarter, and nothing to add to the total
    expect(q.categorySplit).toEqual([{ category: "Xcat", revenue: 16, share: 1 }]);
    expect(q.glance.current.netRevenue).toBe(16);
    expect(q.glance.current.distinctProducts).toBe(1);
  });

  it("keeps a category returned beyond what the quarter bought as a negative line, so the split still adds up to net revenue", async () => {
    const { engine } = await analyze(rows);
    const q = engine.qbr("A5", "2026Q3");
    // Q3: Xcat +19; Ycat −36 (the credit of last year's purchase): net revenue 19 − 36 = −17
    expect(q.categorySplit.map((c) => [c.category, c.revenue])).toEqual([
      ["Xcat", 19],
      ["Ycat", -36],
    ]);
    expect(q.glance.current.netRevenue).toBe(-17);
  });

  it("mines affinity over real baskets: a returned or net-negative Ycat is not in A4's or A5's basket", async () => {
    const { p, row } = await analyze(rows);
    // baskets A1…A6 (all bought something); Ycat bought by A1, A2, A3; Xcat by A1…A5
    // Ycat → Xcat: support(Y) 3/6, both 3/6, confidence 1, lift 1 / (5/6) = 1.2
    const rule = p.categoryRules.find((r) => r.antecedent === "Ycat" && r.consequent === "Xcat");
    expect(rule).toMatchObject({
      totalAccounts: 6,
      antecedentAccounts: 3,
      consequentAccounts: 5,
      bothAccounts: 3,
      confidence: 1,
    });
    expect(rule!.lift).toBeCloseTo(1.2, 12);
    // A4's Ycat gap: 3 of its 5 peers buy Ycat, median of 12, 13, 15 = 13 (not 0 for A4's own, nor −36 for A5's)
    expect(row("A4").whitespace.gaps).toEqual([
      expect.objectContaining({ category: "Ycat", comparableBuyers: 3, medianSpend: 13 }),
    ]);
    expect(row("A5").categoriesLast12).toEqual(["Xcat"]);
    // A5: last 12 months 19 − 36 = −17 (no revenue), prior 36 → −100%: Revenue 1
    expect(row("A5").revenueLast12).toBe(-17);
    expect(row("A5").health.inputs.revenueChange).toEqual({ kind: "pct", pct: -100 });
  });

  it("values a gap at the median over accounts that really buy it: partly returned counts net, fully returned and net negative not at all", async () => {
    const { row } = await analyze([
      ["W1", "2026-10-01", "SO-1", "CT-1", "Ties", "Cable Ties", 10, 100],
      ["G1", "2026-09-01", "SO-2", "GL-1", "Gloves", "Gloves", 20, 200],
      ["G1", "2026-09-01", "SO-2", "CT-1", "Ties", "Cable Ties", 10, 101],
      ["G1", "2026-09-20", "CN-2", "GL-1", "Gloves back", "Gloves", -20, -200],
      ["G2", "2026-09-02", "SO-3", "GL-1", "Gloves", "Gloves", 10, 100],
      ["G2", "2026-09-02", "SO-3", "CT-1", "Ties", "Cable Ties", 10, 102],
      ["G2", "2026-09-25", "CN-3", "GL-1", "Gloves back", "Gloves", -15, -150],
      ["G3", "2026-09-03", "SO-4", "GL-1", "Gloves", "Gloves", 30, 300],
      ["G3", "2026-09-03", "SO-4", "CT-1", "Ties", "Cable Ties", 10, 103],
      ["G4", "2026-09-04", "SO-5", "GL-1", "Gloves", "Gloves", 50, 500],
      ["G4", "2026-09-04", "SO-5", "CT-1", "Ties", "Cable Ties", 10, 104],
      ["G4", "2026-09-30", "CN-5", "GL-1", "Gloves back", "Gloves", -10, -100],
    ]);
    // Gloves net: G1 0, G2 −50, G3 300, G4 400 → buyers G3, G4 (2 of W1's 4 peers, ≥ 50%): median 350
    expect(row("W1").whitespace.gaps).toEqual([
      expect.objectContaining({ category: "Gloves", comparableBuyers: 2, medianSpend: 350 }),
    ]);
    expect(row("G4").categoriesLast12).toEqual(["Cable Ties", "Gloves"]);
  });

  it("reads a positive quantity with a negative value, and the reverse, as returns that net a category to 0", async () => {
    const { row } = await analyze([
      ["Q", "2026-08-01", "SO-1", "GL-1", "Gloves", "Gloves", 10, 100],
      ["Q", "2026-08-10", "SO-2", "GL-1", "Gloves credit", "Gloves", 10, -100],
      ["Q", "2026-09-01", "SO-3", "CT-1", "Ties", "Cable Ties", 10, 100],
      ["Q", "2026-09-10", "SO-4", "CT-1", "Ties credit", "Cable Ties", -10, 100],
      ["Q", "2026-10-01", "SO-5", "TP-1", "Tape", "Tape", 10, 40],
    ]);
    // Gloves 100 − 100 = 0, Cable Ties 100 − 100 = 0, Tape 40: one category, one product → Diversity 1
    const q = row("Q");
    expect(q.categoriesLast12).toEqual(["Tape"]);
    expect(q.health.factors.diversity).toBe(1);
    expect(q.revenueLast12).toBe(40);
    // SO-2 and SO-4 are returns, not orders: SO-1, SO-3, SO-5 → 3 orders, (100 + 100 + 40) / 3 = 80
    expect(q.ordersLast12).toBe(3);
    expect(q.averageOrderValueLast12).toBe(80);
  });
});

describe("kind 16: a credit note does not re-file the product it returns", () => {
  it("keeps a product in its category when its credit note line has a blank category, or a 'Returns' one", async () => {
    const { row, p } = await analyze([
      ["E", "2026-09-01", "SO-1", "GL-1", "Gloves", "Gloves", 20, 200],
      ["E", "2026-09-01", "SO-1", "CT-1", "Ties", "Cable Ties", 10, 101],
      ["E", "2026-09-10", "SO-2", "GL-1", "Gloves", "Gloves", 10, 100],
      ["E", "2026-09-20", "CN-1", "GL-1", "Gloves back", "", -5, -50],
      ["F", "2026-09-02", "SO-3", "CT-1", "Ties", "Cable Ties", 10, 102],
      ["F", "2026-09-02", "SO-3", "TP-1", "Tape", "Tape", 5, 30],
      ["F", "2026-09-25", "CN-2", "CT-1", "Ties back", "", -10, -102],
      ["G", "2026-09-03", "SO-4", "GL-2", "Gloves XL", "Gloves", 8, 80],
      ["G", "2026-09-26", "CN-3", "GL-2", "Gloves XL back", "Returns", -2, -20],
    ]);
    // E: Gloves 200 + 100 − 50 = 250, Cable Ties 101 → 2 categories, 2 products → Diversity 3
    expect(row("E").categoriesLast12).toEqual(["Cable Ties", "Gloves"]);
    expect(row("E").health.factors.diversity).toBe(3);
    // F: Cable Ties 102 − 102 = 0 (not bought), Tape 30
    expect(row("F").categoriesLast12).toEqual(["Tape"]);
    // G: Gloves 80 − 20 = 60; the credit note's "Returns" is no category of the product
    expect(row("G").categoriesLast12).toEqual(["Gloves"]);
    expect(p.whitespaceMap.categories).toEqual(["Cable Ties", "Gloves", "Tape"]);
  });

  it("still files a product under its latest purchase's category (re-filed), and a return-only SKU under its own line's", async () => {
    const { row } = await analyze([
      ["H", "2026-08-01", "SO-1", "P1", "Pump", "Plumbing", 1, 40],
      ["H", "2026-09-01", "SO-2", "P1", "Pump", "Heating", 1, 40],
      ["H", "2026-09-15", "CN-1", "P1", "Pump back", "Plumbing", -1, -40],
      ["H", "2026-09-20", "CN-2", "Q9", "Valve back", "Valves", -1, -15],
    ]);
    // P1 is in Heating (its latest purchase) for all its lines: 40 + 40 − 40 = 40 → bought;
    // Q9 has only a return: Valves −15, not bought
    expect(row("H").categoriesLast12).toEqual(["Heating"]);
  });
});

describe("kind 16 in SKU affinity: baskets are the accounts that bought something", () => {
  it("mines SKU rules over real baskets only, not dormant accounts or one whose purchase was credited", async () => {
    const rows: Row[] = [];
    for (const a of ["A1", "A2", "A3"])
      rows.push(
        [a, "2026-09-01", `SO-${a}`, "X1", "x", "Xcat", 1, 10],
        [a, "2026-09-01", `SO-${a}`, "Y1", "y", "Ycat", 1, 12]
      );
    rows.push(["A4", "2026-09-01", "SO-A4", "X1", "x", "Xcat", 1, 10]);
    rows.push(["A5", "2026-09-01", "SO-A5", "W1", "w", "Wcat", 1, 10]);
    // idle: D1, D2 last bought two years ago; R's only purchase in the 12 months was credited
    for (const a of ["D1", "D2"]) rows.push([a, "2024-09-01", `SO-${a}`, "Z1", "z", "Zcat", 1, 10]);
    rows.push(
      ["R", "2026-08-01", "SO-R", "X1", "x", "Xcat", 1, 10],
      ["R", "2026-08-02", "CN-R", "X1", "x", "Xcat", -1, -10]
    );
    const { engine } = await analyze(rows);
    const rule = engine.detail("A4").skuCrossSell.find((r) => r.offer === "y (Y1)");
    // baskets A1…A5: X1 bought by 4, Y1 by 3, both 3 → confidence 3/4, lift 0.75 / (3/5) = 1.25
    // (with the 3 idle accounts as empty baskets: support(Y1) 3/8 and lift 2)
    expect(rule?.metrics).toMatchObject({
      totalAccounts: 5,
      antecedentAccounts: 4,
      consequentAccounts: 3,
      bothAccounts: 3,
      confidence: 0.75,
    });
    expect(rule!.metrics!.lift).toBeCloseTo(1.25, 12);
  });
});

describe("kind 16 in alerts: a first order credited in full is no new category", () => {
  it("raises 'First-ever order in Cable Clips' (partly returned, still bought), not in Gloves (credited in full)", async () => {
    const { row } = await analyze([
      ["N", "2026-01-05", "SO-1", "TP-1", "Tape", "Tape", 10, 40],
      ["N", "2026-10-10", "SO-2", "GL-1", "Gloves", "Gloves", 5, 50],
      ["N", "2026-10-12", "SO-3", "CC-1", "Clips", "Cable Clips", 3, 30],
      ["N", "2026-10-20", "CN-1", "GL-1", "Gloves back", "Gloves", -5, -50],
      ["N", "2026-10-21", "CN-2", "CC-1", "Clips back", "Cable Clips", -1, -10],
    ]);
    // last 30 days (2026-10-01, 2026-10-31]: Gloves 50 − 50 = 0 (not bought), Cable Clips 30 − 10 = 20
    const news = row("N").alerts.filter((a) => a.kind === "newCategory");
    expect(news.map((a) => a.values.category)).toEqual(["Cable Clips"]);
  });
});

describe("kind 17 at the risk flags' boundaries: shares of exact sums compared exactly", () => {
  it("an average order exactly 20% down is not 'more than 20%'; a category exactly 10% of the baseline is '≥ 10%'", async () => {
    const { row } = await analyze([
      // 12 months before the last quarter, (2025-07-31, 2026-07-31]: one order, A 10.02 + B 90.18
      ["F", "2026-03-02", "SO-1", "A1", "a", "Acat", 1, 10.02],
      ["F", "2026-03-02", "SO-1", "B1", "b", "Bcat", 1, 90.18],
      // last quarter (2026-07-31, 2026-10-31]: one order of B, 80.16
      ["F", "2026-10-20", "SO-2", "B1", "b", "Bcat", 1, 80.16],
    ]);
    const kinds = row("F").riskFlags.map((f) => f.kind);
    // average order 100.20 → 80.16: (100.20 − 80.16) / 100.20 = 20.04 / 100.20 = 20% exactly: no flag
    expect(kinds).not.toContain("averageOrderDrop");
    // Acat 10.02 of 100.20 = 10% exactly, nothing in the last quarter: flagged
    const switched = row("F").riskFlags.find((f) => f.kind === "switchedCategory");
    expect(switched?.values).toMatchObject({ category: "Acat", categoryRevenuePrior12: 10.02 });
  });

  it("a last order of exactly 50% of the average is a Warning (< 75%), not Critical (< 50%); exactly 150% is no Opportunity (> 150%)", async () => {
    const { row } = await analyze([
      // 25.10 + 25.10 + 10.04 = 60.24 over 3 orders: average 20.08; the last, 10.04, is 50% exactly
      ["L", "2026-08-03", "SO-1", "A1", "a", "Acat", 1, 25.1],
      ["L", "2026-09-01", "SO-2", "A1", "a", "Acat", 1, 25.1],
      ["L", "2026-10-25", "SO-3", "A1", "a", "Acat", 1, 10.04],
      // 10.04 + 30.12 = 40.16 over 2 orders: average 20.08; the last, 30.12, is 150% exactly
      ["O", "2026-08-03", "SO-4", "A1", "a", "Acat", 1, 10.04],
      ["O", "2026-10-25", "SO-5", "A1", "a", "Acat", 1, 30.12],
    ]);
    const last = (id: string) =>
      row(id)
        .alerts.filter((a) => /^lastOrder/.test(a.kind))
        .map((a) => a.severity);
    expect(last("L")).toEqual(["Warning"]);
    expect(last("O")).toEqual([]);
  });
});

describe("kind 17: sums over windows are exact, whatever the size of the account", () => {
  it("rounds a 1e9-scale account's revenue change exactly: 19.499999999995% is +19% (Revenue 4), not +20%", async () => {
    const { row } = await analyze([
      ["H", "2025-06-01", "I-1", "P1", "Pump", "Pumps", 1, 1000000001.59],
      ["H", "2026-06-01", "I-2", "P1", "Pump", "Pumps", 1, 1195000001.9],
    ]);
    // (1,195,000,001.90 − 1,000,000,001.59) / 1,000,000,001.59 × 100 = 19.5 − 1/200,000,000,318
    // = 19.499999999995…%, below the half: +19% → Revenue 4 (+10…+19)
    expect(row("H").health.inputs.revenueChange).toEqual({ kind: "pct", pct: 19 });
    expect(row("H").health.factors.revenue).toBe(4);
  });

  it("says the same +19% in the health report's year-on-year revenue as the factor it scores", async () => {
    const { engine } = await analyze([
      ["H", "2025-06-01", "I-1", "P1", "Pump", "Pumps", 1, 1000000001.59],
      ["H", "2026-06-01", "I-2", "P1", "Pump", "Pumps", 1, 1195000001.9],
    ]);
    expect(engine.detail("H").report.yearOverYear.revenue).toEqual({ kind: "pct", pct: 19 });
  });

  it("and exactly +19.5% at that scale is +20% (Revenue 5); exactly −10.5% is −11% (Revenue 2)", async () => {
    const { row } = await analyze([
      ["U", "2025-06-01", "I-1", "P1", "Pump", "Pumps", 1, 1000000000],
      ["U", "2026-06-01", "I-2", "P1", "Pump", "Pumps", 1, 1195000000],
      ["D", "2025-06-01", "I-3", "P1", "Pump", "Pumps", 1, 2000000000],
      ["D", "2026-06-01", "I-4", "P1", "Pump", "Pumps", 1, 1790000000],
    ]);
    // U: 195,000,000 / 1,000,000,000 = 19.5% exactly → half away from zero → +20%
    expect(row("U").health.inputs.revenueChange).toEqual({ kind: "pct", pct: 20 });
    expect(row("U").health.factors.revenue).toBe(5);
    // D: −210,000,000 / 2,000,000,000 = −10.5% exactly → −11% (−30…−11)
    expect(row("D").health.inputs.revenueChange).toEqual({ kind: "pct", pct: -11 });
    expect(row("D").health.factors.revenue).toBe(2);
  });

  it("compares months in whole pence: £0.10 + £0.20 ties £0.30 in peak months, and a sale credited in two parts is a £0 month, index 0", async () => {
    const { engine } = await analyze([
      ["S", "2025-10-02", "I-0", "W1", "Washer", "Washers", 1, 1],
      ["S", "2026-03-10", "I-1", "W1", "Washer", "Washers", 3, 0.3],
      ["S", "2026-06-09", "I-2", "W1", "Washer", "Washers", 1, 0.1],
      ["S", "2026-06-16", "I-3", "W1", "Washer", "Washers", 2, 0.2],
      ["S", "2026-08-05", "I-4", "W1", "Washer", "Washers", 3, 0.3],
      ["S", "2026-08-12", "C-1", "W1", "Washer", "Washers", -1, -0.1],
      ["S", "2026-08-19", "C-2", "W1", "Washer", "Washers", -2, -0.2],
      ["S", "2026-10-01", "I-5", "N1", "Nut", "Nuts", 1, 5],
    ]);
    const d = engine.detail("S");
    // orders in the 12 months: March £0.30, June £0.10 + £0.20 = £0.30, August £0.30, October £5:
    // October, then a three-way tie at £0.30 broken by the calendar → March
    expect(d.buyingPattern.peakMonths).toEqual(["October", "March"]);
    // full months Nov 2025 – Oct 2026, each once: March 0.30, June 0.30, August 0.30 − 0.10 − 0.20 = 0,
    // October 5, the rest 0 → mean month 5.60 / 12; index = month / mean × 100
    const season = Object.fromEntries(d.seasonality.map((m) => [m.month, m]));
    expect(season.August.revenue).toBe(0);
    expect(Object.is(season.August.index, 0)).toBe(true);
    expect(season.March.index).toBe(season.June.index);
    expect(season.March.index).toBeCloseTo((0.3 / (5.6 / 12)) * 100, 10);
  });

  it("takes category shares over an exact total: £0.10 of £0.30 is 1/3, in the breakdown and the QBR", async () => {
    const { engine } = await analyze([
      ["S", "2026-08-03", "I-1", "W1", "Washer", "Washers", 1, 0.1],
      ["S", "2026-08-04", "I-2", "N1", "Nut", "Nuts", 1, 0.2],
    ]);
    // 0.10 / 0.30 = 1/3 and 0.20 / 0.30 = 2/3 (not over 0.30000000000000004)
    const d = engine.detail("S");
    expect(d.categories.map((c) => [c.category, c.share])).toEqual([
      ["Nuts", 2 / 3],
      ["Washers", 1 / 3],
    ]);
    expect(d.categoryTotal.revenue).toBe(0.3);
    const q = engine.qbr("S", "2026Q3");
    expect(q.categorySplit.map((c) => [c.category, c.share])).toEqual([
      ["Nuts", 2 / 3],
      ["Washers", 1 / 3],
    ]);
  });
});
