/**
 * Issue 16 kind 7: an invoice-level export (invoice, date, customer, total; no product or SKU
 * column) is analysed for everything that needs no product. test/fixtures/exports/invoice-level-totals.csv,
 * as of its last order date 2026-06-30: last 12 months = (2025-06-30, 2026-06-30], prior 12 =
 * (2024-06-30, 2025-06-30]; last quarter (2026-03-30, 2026-06-30], previous (2025-12-30, 2026-03-30].
 * Every figure below is worked by hand from the file (python3 date arithmetic for the day counts).
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { serialToIso } from "../../src/domain/dates";

const FILE = join(__dirname, "../fixtures/exports/invoice-level-totals.csv");

async function analyzed() {
  const { grids } = await readWorkbookFile(FILE);
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  const p = engine.analyze(defaultSettings());
  const by = (id: string) => p.accounts.find((a) => a.accountId === id)!;
  return { engine, report, p, by };
}

test("health inputs from invoice totals: days since last order, 12-month revenue, change %", async () => {
  const { report, p, by } = await analyzed();
  expect(report.hasProducts).toBe(false);
  expect(report.accepted).toBe(14);
  expect(serialToIso(p.asOf)).toBe("2026-06-30");
  const inputs = (id: string) => {
    const i = by(id).health.inputs;
    return [i.daysSinceLastOrder, i.revenueLast12, i.revenuePrior12, i.revenueChange];
  };
  // Acme: last order 2026-06-20 (10 days); 1200 + 1800 + 600 = 3600 vs 1000 + 1500 = 2500: +44%
  expect(inputs("Acme Ltd")).toEqual([10, 3600, 2500, { kind: "pct", pct: 44 }]);
  // Brook: last order 2025-11-11 (231 days; the credit note of 2026-01-05 is not an order);
  // 2500 − 250 = 2250 vs 2000 + 3000 + 1000 = 6000: −62.5% → −63 (half away from zero)
  expect(inputs("Brook & Co")).toEqual([231, 2250, 6000, { kind: "pct", pct: -63 }]);
  // Cedar: last order 2024-12-12 (565 days); 0 vs 500 + 700 = 1200: −100%
  expect(inputs("Cedar Traders")).toEqual([565, 0, 1200, { kind: "pct", pct: -100 }]);
  // Delta: first order 2025-12-01 inside the 12 months: too little history, n/a
  expect(inputs("Delta Supplies")).toEqual([0, 2000, 0, { kind: "na" }]);
});

test("scores with Diversity n/a; no product and no category comes from the totals", async () => {
  const { p, by } = await analyzed();
  for (const a of p.accounts) {
    expect(a.health.factors.diversity).toBeNull();
    expect(a.health.inputs.categoriesLast12).toBeNull();
    expect(a.health.inputs.productsLast12).toBeNull();
    expect(a.categoriesLast12).toEqual([]);
    expect(a.whitespace.gaps).toEqual([]);
    expect(a.riskFlags.map((f) => f.kind)).not.toContain("switchedCategory");
  }
  // Acme: Recency 4 (10 days), Frequency 3 (1 order vs 1: 0%), Revenue 5 (+44%); engagement and
  // payment not given: (0.25×4 + 0.20×3 + 0.20×5) / 0.65 = 2.6 / 0.65 = 4.00
  expect(by("Acme Ltd").health.score).toBe(4);
  // Delta: Recency 5, Frequency 5 (1 order vs none, first order before the quarter: lapsed and back), Revenue n/a: 5.00
  expect(by("Delta Supplies").health.score).toBe(5);
  expect(by("Brook & Co").health.score).toBe(1);
  expect(p.hasProducts).toBe(false);
  expect(p.whitespaceMap.categories).toEqual([]);
  expect(p.serviceLines).toEqual([]);
  expect(p.warnings.join(" ")).toMatch(/no product or SKU column/);
});

test("win-back, alerts, ABC and lifetime value need no product", async () => {
  const { by } = await analyzed();
  // Win-back by days since last order: 90+ is Stage 4
  expect(by("Brook & Co").winBack?.stage).toBe(4);
  expect(by("Cedar Traders").winBack?.stage).toBe(4);
  expect(by("Acme Ltd").winBack?.stage).toBe(0);
  // Acme's last order 600 is 50% of its 12-month average order 3600 / 3 = 1200: below 75%, not below 50%
  expect(by("Acme Ltd").alerts.map((a) => [a.severity, a.kind])).toEqual([
    ["Warning", "lastOrderLow"],
  ]);
  expect(by("Brook & Co").alerts.map((a) => a.kind)).toEqual(["noOrder30Days"]);
  // ABC over 7,850: Acme 3600 (45.9%) A, Brook 2250 (74.5%) A, Delta 2000 (100%) C, Cedar 0 C
  expect(
    ["Acme Ltd", "Brook & Co", "Delta Supplies", "Cedar Traders"].map((id) => by(id).abcTier)
  ).toEqual(["A", "A", "C", "C"]);
  // Lifetime (weeks): Acme first 2024-09-15, last 2026-06-20: T = 653/7, recency = 643/7,
  // 4 repeat orders of mean (1500 + 1200 + 1800 + 600) / 4 = 1275
  const lt = by("Acme Ltd").lifetime!;
  expect(lt.frequency).toBe(4);
  expect(lt.T).toBeCloseTo(653 / 7, 9);
  expect(lt.recency).toBeCloseTo(643 / 7, 9);
  expect(lt.meanValue).toBeCloseTo(1275, 9);
});

test("product-level sheets say which column they need; the others are made", async () => {
  const { engine } = await analyzed();
  expect(() => engine.sheets("breakdown", { accountKey: "Acme Ltd", live: false })).toThrow(
    "Purchase breakdown needs a product or SKU column"
  );
  expect(() => engine.sheets("crossSell", { accountKey: "Acme Ltd", live: false })).toThrow(
    /Cross-sell needs a product or SKU column/
  );
  expect(() => engine.sheets("whitespace", { live: false })).toThrow(/needs a product or SKU/);
  for (const id of ["scoreAll", "dashboard"] as const)
    expect(engine.sheets(id, { live: false })).toHaveLength(1);
  for (const id of ["healthReport", "plan", "relationships", "fiveP"] as const)
    expect(engine.sheets(id, { accountKey: "Acme Ltd", live: false })).toHaveLength(1);
  expect(engine.sheets("qbr", { accountKey: "Acme Ltd", live: false }).length).toBeGreaterThan(0);
});
