/**
 * Kind 17 as a property (RULES.md §2 "Exact money"): an account's figures come from its own lines
 * alone, so a small account's figures are the same whatever large account (1e9-scale revenue,
 * many lines, returns, the same SKUs and categories, lines in any order) sits beside it.
 * Compared: the row (health inputs, factors, score, history, revenue, orders, average order,
 * categories, lifetime inputs, risk flags, alerts), the account detail (categories and their
 * total, top products, buying pattern, seasonality, dormant products) and the QBR's quarter
 * (glance, monthly revenue, spend by category, top products).
 */
import fc from "fast-check";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

const HEAD = ["Customer ID", "Order Date", "Order No", "SKU", "Category", "Qty", "Revenue"];
type Line = [string, string, string, string, string, number, number];
const SKUS = ["SK-1", "SK-2", "SK-3", "SK-4"];
const CATEGORY: Record<string, string> = {
  "SK-1": "Tools",
  "SK-2": "Fixings",
  "SK-3": "Tools",
  "SK-4": "Tape",
};
/** 2024-11-01 + n days (n < 730) as ISO text */
const day = (n: number): string => new Date(Date.UTC(2024, 10, 1 + n)).toISOString().slice(0, 10);

/** A line: (day, sku, pence, return?) → an order line of `account`; order ids unique per line. */
const line =
  (account: string, pennies: fc.Arbitrary<number>) =>
  (k: number): fc.Arbitrary<Line> =>
    fc
      .tuple(fc.nat({ max: 729 }), fc.constantFrom(...SKUS), pennies, fc.boolean(), fc.nat(3))
      .map(([d, sku, p, isReturn, q]) => {
        const qty = q + 1;
        const id = `${isReturn ? "CN-" : "SO-"}${account}${k}`;
        const value = p / 100;
        return [
          account,
          day(d),
          id,
          sku,
          CATEGORY[sku],
          isReturn ? -qty : qty,
          isReturn ? -value : value,
        ];
      });

const lines = (account: string, pennies: fc.Arbitrary<number>, max: number) =>
  fc
    .array(fc.nat(), { minLength: 1, maxLength: max })
    .chain((ks) => fc.tuple(...ks.map((_, i) => line(account, pennies)(i))));

async function figuresOf(rows: Line[]) {
  const engine = new KapEngine();
  const grid: Grid = { name: "Orders", values: [HEAD, ...rows] };
  await loadGrids(engine, [grid], defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const a = p.accounts.find((x) => x.accountId === "SMALL")!;
  const d = engine.detail("SMALL");
  const q = engine.qbr("SMALL", "2026Q3");
  return {
    row: {
      health: a.health,
      history: a.history,
      revenueLast12: a.revenueLast12,
      revenuePrior12: a.revenuePrior12,
      ordersLast12: a.ordersLast12,
      averageOrderValueLast12: a.averageOrderValueLast12,
      categoriesLast12: a.categoriesLast12,
      lifetimeInputs: a.lifetime && [
        a.lifetime.frequency,
        a.lifetime.recency,
        a.lifetime.T,
        a.lifetime.meanValue,
      ],
      riskFlags: a.riskFlags,
      alerts: a.alerts,
      winBack: a.winBack,
    },
    detail: {
      categories: d.categories,
      categoryTotal: d.categoryTotal,
      topProducts: d.topProducts,
      buyingPattern: d.buyingPattern,
      seasonality: d.seasonality,
      dormantProducts: d.dormantProducts,
    },
    qbr: {
      glance: q.glance,
      monthlyRevenue: q.monthlyRevenue,
      categorySplit: q.categorySplit,
      topProducts: q.topProducts,
    },
  };
}

describe("a small account beside any large account", () => {
  it("has the same figures as when analysed alone", async () => {
    // SMALL: £0.01 – £999.99 a line; BIG: £1,000,000,000.00 – £9,999,999,999.99 a line
    const small = lines("SMALL", fc.integer({ min: 1, max: 99_999 }), 12);
    const big = lines("BIG", fc.integer({ min: 100_000_000_000, max: 999_999_999_999 }), 40);
    await fc.assert(
      fc.asyncProperty(small, big, fc.array(fc.nat()), async (s0, b, seed) => {
        let s = s0;
        // the lines interleaved in an order of the seed's choosing (not sorted by date)
        const all = [...s0, ...b].map((l, i) => ({
          l,
          k: seed[i % Math.max(1, seed.length)] ?? i,
        }));
        all.sort((x, y) => x.k - y.k);
        // SMALL's first line opens the data (2024-11-01), so the data's start, which says whether a
        // quarter of the QBR is covered, is the same with BIG or without
        s = [["SMALL", day(0), "SO-SMALL-first", "SK-1", "Tools", 1, 1], ...s];
        all.push({ l: s[0], k: -1 });
        const together = await figuresOf(all.map((x) => x.l));
        const alone = await figuresOf(s);
        expect(together).toEqual(alone);
      }),
      {
        numRuns: 200,
        // found by CI's random seeds before categories were rounded before they were summed: the
        // shares of the breakdown then differed in the 16th digit with BIG beside SMALL
        examples: [
          [
            [
              ["SMALL", "2024-11-01", "SO-SMALL0", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2024-11-01", "SO-SMALL1", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2024-11-01", "SO-SMALL2", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2024-11-01", "SO-SMALL3", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2024-11-01", "SO-SMALL4", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2024-11-01", "SO-SMALL5", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2025-11-01", "SO-SMALL6", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2025-11-01", "SO-SMALL7", "SK-2", "Fixings", 1, 64],
              ["SMALL", "2024-11-01", "SO-SMALL8", "SK-1", "Tools", 1, 0.01],
              ["SMALL", "2025-11-01", "SO-SMALL9", "SK-4", "Tape", 1, 0.04],
              ["SMALL", "2024-11-01", "SO-SMALL10", "SK-1", "Tools", 1, 0.01],
            ],
            [["BIG", "2024-11-01", "SO-BIG0", "SK-1", "Tools", 1, 1000000000]],
            [0, 1, 0],
          ],
        ],
      }
    );
  }, 600_000);
});
