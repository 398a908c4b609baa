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
  // ABC over 7,850 by cumulative share: Acme 3600 (45.9%) A, Brook 2250 (5850 / 7850 = 74.5%) A,
  // Delta 2000 (100% > 95%) C, Cedar 0 C
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

describe("an invoice-level export with a category column (no product): each line's category stands for its product", () => {
  // test/fixtures/exports/invoice-level-categories.csv, as of its last order date 2026-10-30
  // (last quarter (2026-07-30, 2026-10-30]; weights 25/20/20/15, engagement and payment not given).
  const CATS = join(__dirname, "../fixtures/exports/invoice-level-categories.csv");
  const SITES = ["Acme", "Birch", "Cedar"];
  let engine: KapEngine;
  async function run() {
    const { grids } = await readWorkbookFile(CATS);
    engine = new KapEngine();
    await loadGrids(engine, grids, defaultSettings());
    const p = engine.analyze(defaultSettings());
    return SITES.map((id) => p.accounts.find((a) => a.accountId === id)!);
  }

  test("the categories are no products: none to list, reorder, upsell or pair in the account detail", async () => {
    const [, , cedar] = await run();
    const d = engine.detail(cedar.key);
    expect(d.topProducts).toEqual([]);
    expect(d.replenishment).toEqual([]);
    expect(d.dormantProducts).toEqual([]);
    expect(d.upsell).toEqual([]);
    expect(d.productLineGaps).toEqual([]);
    expect(JSON.stringify(d.plan)).not.toMatch(/Tools \(|reorder Tools/i);
  });

  test("Diversity counts the categories; a category that names a service (Delivery, Samples) is none (PRODUCT.md §2)", async () => {
    const [acme, birch, cedar] = await run();
    // Acme: Delivery and Samples are service lines, Tools a category → 1; Birch: Tools, Fixings → 2
    // (2–3 categories: Diversity 3); Cedar: Tools twice → 1. With no product column one category is
    // never "one product only": Diversity 2
    expect([acme, birch, cedar].map((a) => a.health.inputs.categoriesLast12)).toEqual([1, 2, 1]);
    expect([acme, birch, cedar].map((a) => a.health.factors.diversity)).toEqual([2, 3, 2]);
    expect([acme, birch, cedar].map((a) => a.health.inputs.productsLast12)).toEqual([
      null,
      null,
      null,
    ]);
    // revenue 15 + 120 + 100 (service lines count in revenue); 250 + 80; 60 + 40
    expect([acme, birch, cedar].map((a) => a.revenueLast12)).toEqual([235, 330, 100]);
  });

  test("scores: Recency and Diversity only (orders and revenue are new this year: n/a)", async () => {
    const [acme, birch, cedar] = await run();
    // Acme: 20 Oct → 10 days: Recency 4; (0.25×4 + 0.15×2) / 0.40 = 1.30 / 0.40 = 3.25
    // Birch: 28 Oct → 2 days: Recency 5; (1.25 + 0.45) / 0.40 = 4.25
    // Cedar: 30 Oct → 0 days: Recency 5; (1.25 + 0.15×2) / 0.40 = 3.875 → 3.88 (half away from zero)
    expect([acme, birch, cedar].map((a) => a.health.score)).toEqual([3.25, 4.25, 3.88]);
    // The trend's month-end points read the same rule. Cedar at 30 Sep: one order (15 Sep), 15 days:
    // Recency 3, one category: Diversity 2 → (0.75 + 0.30) / 0.40 = 2.625 → 2.63 (not 2.25, "one product only")
    const sep30 = cedar.history.find((h) => serialToIso(h.date) === "2026-09-30");
    expect(sep30?.score).toBe(2.63);
  });
});

test("a German ERP export whose Artikelnr. column is empty is read as having no product column (tester's repro: every line was rejected)", async () => {
  const { grids } = await readWorkbookFile(
    join(__dirname, "../fixtures/exports/de-empty-artikelnr.csv")
  );
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  expect(report.accepted).toBe(3);
  expect(report.hasProducts).toBe(false);
  expect(report.warnings.join(" ")).toMatch(
    /"Artikelnr\." is empty in every one of the first 3 rows/
  );
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const by = (id: string) => p.accounts.find((a) => a.accountId === id)!;
  // K1: last order 15.10 (16 days: Recency 3), Werkzeug and Befestigung (2 categories: Diversity 3):
  // (0.75 + 0.45) / 0.40 = 3.00; K2: 20.10 (11 days: 4), one category (2): (1.00 + 0.30) / 0.40 = 3.25
  expect([by("K1").health.score, by("K2").health.score]).toEqual([3, 3.25]);
  expect(by("K1").revenueLast12).toBe(150);
});

test("a Xero report (Contact, Account beside Account Code, Net): three customers by contact, not the ledgers Sales and Freight", async () => {
  const { grids } = await readWorkbookFile(
    join(__dirname, "../fixtures/exports/xero-report-contact-account.csv")
  );
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  expect(report.accounts).toBe(3);
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  // Brightwell: 120 + 10 (the Freight line, a delivery service line, counts in revenue)
  expect(Object.fromEntries(p.accounts.map((a) => [a.accountId, a.revenueLast12]))).toEqual({
    "Brightwell Ltd": 130,
    "Harbour Co": 80,
    "Cedar plc": 300,
  });
});

test("an empty Item Code column beside a Description: products are named by the description, and the note says so", async () => {
  const { grids } = await readWorkbookFile(
    join(__dirname, "../fixtures/exports/empty-item-code.csv")
  );
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  expect(report.accepted).toBe(2);
  expect(report.hasProducts).toBe(true);
  expect(report.warnings).toContain(
    '"Item Code" is empty in every one of the first 2 rows: products are named by "Description".'
  );
});
