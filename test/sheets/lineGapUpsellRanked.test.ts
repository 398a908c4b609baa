/**
 * A product-line gap and an upsell are entries of the account's one ranked opportunity list
 * (PRODUCT.md §2.10, §2.6): the Cross-Sell sheet, the Breakdown, the account plan, the QBR and the
 * dashboard show each with the same value, the same priority and the same rank. Before, a line gap
 * was only in the Cross-Sell sheet's gaps table (the plan took the largest one beside the list, the
 * QBR never, its estimate £0 there as the QBR skipped the product baskets) and the upsell's plan
 * initiative had no estimate beside the sheet's "£20.00 more per year".
 *
 * Hand-built portfolio, as of 31/10/2026, every account Electrical Contractor, category Cable
 * Ties; catalog line "Cable Ties": T100 Ties 100mm, T200 Ties 200mm, T300 Ties 300mm (list £8,
 * premium T300HD), T400 Ties 400mm; T300HD Ties 300mm heavy duty (line Heavy Ties, list £10).
 *   A   T100 £50, T300 £80 (10 units, £8 a unit) on 01/06/2026; T400 £60 on 01/03/2024 (lapsed,
 *       over 24 months ago: a win-back, not a variant to add)
 *   B C D  T100 £40 each, and T200 £30, £50, £70      H  T300 £80      I  T400 £60
 *   E F G  T300HD £100 each     (all on 01/06/2026)
 * Line gap: A's comparable accounts (Electrical Contractor, B–I) buying what A buys of the line
 *   (T100 or T300): B C D H = 4; the variant A does not buy that most of them also buy, T200:
 *   B C D = 3 → 3 / 4 = 75% → High (≥ 50%); estimate = median of £30, £50, £70 = £50.00 (T400,
 *   lapsed, is not priced in); expected value 0.75 × 50 = £37.50. The product rule T100 → T200
 *   (T100: A B C D, both B C D: 75%; T200's base rate 3 of 9 baskets: lift 2.25) is that entry's.
 *   (Before, over every other account buying any variant, B C D H I: 3 of 5 = 60%.)
 * Upsell T300 → T300HD: (10 − 8) × 10 units = £20.00 more a year; other accounts buying T300 or
 *   T300HD: H E F G = 4, of them the premium E F G = 3 → 75% → High; expected value 0.75 × 20 =
 *   £15.00.
 * Both High and backed by data: the larger expected value first, the line gap 1, the upsell 2.
 */
import {
  accountOpportunities,
  analyzeAccount,
  buildPortfolio,
  qbrData,
} from "../../src/domain/analysis";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { accountNextStep, nextStep } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const on = d(2026, 6, 1);
const catalog = [
  {
    sku: "T100",
    name: "Ties 100mm",
    category: "Cable Ties",
    productLine: "Cable Ties",
    listPrice: 5,
  },
  {
    sku: "T200",
    name: "Ties 200mm",
    category: "Cable Ties",
    productLine: "Cable Ties",
    listPrice: 6,
  },
  {
    sku: "T300",
    name: "Ties 300mm",
    category: "Cable Ties",
    productLine: "Cable Ties",
    listPrice: 8,
    premiumSku: "T300HD",
  },
  {
    sku: "T400",
    name: "Ties 400mm",
    category: "Cable Ties",
    productLine: "Cable Ties",
    listPrice: 9,
  },
  {
    sku: "T300HD",
    name: "Ties 300mm heavy duty",
    category: "Cable Ties",
    productLine: "Heavy Ties",
    listPrice: 10,
  },
];
const tie = (id: string, sku: string, v: number, date = on, quantity = 1) =>
  line(id, date, sku, v, { category: "Cable Ties", quantity });
const model = buildPortfolio(
  bookOf([
    tie("A", "T100", 50, on, 10),
    tie("A", "T300", 80, on, 10),
    tie("A", "T400", 60, d(2024, 3, 1)),
    tie("B", "T100", 40),
    tie("B", "T200", 30),
    tie("C", "T100", 40),
    tie("C", "T200", 50),
    tie("D", "T100", 40),
    tie("D", "T200", 70),
    tie("H", "T300", 80),
    tie("I", "T400", 60),
    ...["E", "F", "G"].map((id) => tie(id, "T300HD", 100)),
  ]),
  {
    asOf,
    catalog,
    accounts: ["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((accountId) => ({
      accountId,
      industry: "Electrical Contractor",
    })),
  }
);
const detail = analyzeAccount(model, "A", { catalog });
const opts = layoutOptions({ asOf, currency: "GBP" });

/** The rows of the block whose header row starts with `first`, as header → value maps. */
function rowsUnder(s: SheetSpec, first: string): Map<string, unknown>[] {
  const b = s.blocks.find((x) => x.rows[0]?.[0] === first);
  if (!b) throw new Error(`${s.name}: no block headed "${first}"`);
  const head = b.rows[0] as string[];
  return b.rows.slice(1).map((r) => new Map(head.map((h, i) => [h, r[i]])));
}

test("the line gap and the upsell are entries 1 and 2 of the ranked list, High, £50.00 and £20.00", () => {
  const [gap, up] = detail.opportunities;
  expect([gap.rank, gap.offer, gap.kind, gap.priority, gap.likelihood, gap.annualEstimate]).toEqual(
    [1, "Cable Ties", "range", "High", 0.75, 50]
  );
  expect(gap.expectedValue).toBeCloseTo(37.5, 10);
  expect(gap.sources).toEqual(["affinity", "product-line gap"]);
  expect(gap.rationale).toContain(
    "Buys 2 of the 4 Cable Ties variants, not yet Ties 200mm (Ties 400mm lapsed). 3 of the 4 comparable Electrical Contractor accounts that buy Ties 100mm or Ties 300mm (75%) also buy Ties 200mm."
  );
  expect([up.rank, up.offer, up.kind, up.priority, up.likelihood, up.annualEstimate]).toEqual([
    2,
    "Ties 300mm heavy duty",
    "upsell",
    "High",
    0.75,
    20,
  ]);
  expect(up.because).toBe("Ties 300mm");
  expect(up.rationale).toContain(
    "3 of 4 other accounts buying Ties 300mm or Ties 300mm heavy duty (75%) buy Ties 300mm heavy duty."
  );
});

test("the lapsed variant is a win-back: neither missing nor priced into the gap", () => {
  const g = detail.productLineGaps.find((x) => x.productLine === "Cable Ties")!;
  expect(g.variants.map((v) => [v.sku, v.bought, v.lapsed ?? false, v.medianSpend])).toEqual([
    ["T100", true, false, null],
    ["T200", false, false, 50],
    ["T300", true, false, null],
    ["T400", false, true, null],
  ]);
  expect([g.boughtCount, g.missingCount, g.estimate]).toEqual([2, 1, 50]);
});

test("the Cross-Sell sheet: the same rank, priority and estimate in the ranked list, the gaps table and the upsell table", () => {
  const s = crossSellSheet(detail, opts);
  const ranked = rowsUnder(s, "Rank");
  expect(
    ranked
      .slice(0, 2)
      .map((r) => [
        r.get("Rank"),
        r.get("Consider selling"),
        r.get("Priority"),
        r.get("Annual estimate"),
      ])
  ).toEqual([
    // the offer as the QBR names it: the variant A does not buy, not the line it already buys
    [1, "Ties 200mm", "High", 50],
    [2, "Ties 300mm heavy duty", "High", 20],
  ]);
  expect(String(ranked[0].get("Why (in words)"))).toContain(
    "Estimate £50.00: the median 12-month spend on the variant it does not buy of the accounts buying it."
  );
  const gaps = rowsUnder(s, "Product line");
  expect(
    gaps.map((r) => [
      r.get("SKU"),
      r.get("Status"),
      r.get("Estimate if added"),
      r.get("Rank (priority)"),
    ])
  ).toEqual([
    ["T100", "✔ buys", null, "1 (High)"],
    ["T200", "✘ not yet", 50, null],
    ["T300", "✔ buys", null, null],
    ["T400", "↺ lapsed: win back", null, null],
  ]);
  const upsell = rowsUnder(s, "Current product");
  expect(upsell.map((r) => [r.get("Premium SKU"), r.get("Rank (priority)")])).toEqual([
    ["T300HD", "2 (High)"],
  ]);
});

test("the Breakdown's ranked list is the same list", () => {
  const rows = rowsUnder(breakdownSheet(detail, opts), "Rank");
  expect(rows.slice(0, 2).map((r) => [r.get("Rank"), r.get("Offer"), r.get("Priority")])).toEqual([
    [1, "Ties 200mm", "High"],
    [2, "Ties 300mm heavy duty", "High"],
  ]);
});

test("the plan: one initiative each, with the list's estimate, rank and priority", () => {
  const byTitle = new Map(detail.plan.initiatives.map((i) => [i.title, i]));
  const range = byTitle.get("Complete the Cable Ties range")!;
  expect([range.estimate, range.source, range.type, range.skus]).toEqual([
    50,
    "opportunity 1 (High)",
    "Range expansion",
    ["T200"],
  ]);
  const upgrade = byTitle.get("Upgrade Ties 300mm")!;
  // before: no estimate beside the Cross-Sell sheet's £20.00 more per year
  expect([upgrade.estimate, upgrade.source, upgrade.type, upgrade.skus]).toEqual([
    20,
    "opportunity 2 (High)",
    "Upsell",
    ["T300HD"],
  ]);
  const rows = planSheet(detail, opts).blocks.flatMap((b) => b.rows);
  expect(rows.find((r) => r[0] === "Complete the Cable Ties range")).toContain(50);
  expect(rows.find((r) => r[0] === "Upgrade Ties 300mm")).toContain(20);
});

test("the QBR recommends the same two, with the same figures on its internal sheet; the dashboard reads the same list", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 }, { catalog });
  expect(q.recommendations.map((o) => [o.rank, o.offer, o.priority, o.annualEstimate])).toEqual([
    [1, "Cable Ties", "High", 50],
    [2, "Ties 300mm heavy duty", "High", 20],
  ]);
  const sheets = qbrSheets(q, opts);
  const insights = sheets.find((s) => s.kind === "qbr-insights")!;
  const recs = insights.blocks.find((b) => b.rows[0]?.[0] === "Recommendation")!.rows;
  // the customer already buys Ties 100mm and 300mm of the Cable Ties line: the page names the
  // variant offered (Ties 200mm; Ties 400mm is lapsed, a win-back, not offered here)
  expect(recs.find((r) => r[0] === "1. Ties 200mm")).toBeDefined();
  expect(recs.some((r) => r[0] === "1. Cable Ties")).toBe(false);
  const planning = sheets.find((s) => s.kind === "qbr-planning")!;
  const actions = planning.blocks.flatMap((b) => b.rows.map((r) => r[0]));
  expect(actions).toContain("Send samples / quote for Ties 200mm");
  // the upsell, to the customer: what the premium replaces and who buys it, not its price against
  // the product's nor the £20.00 a year more it would cost them
  expect(recs.find((r) => r[0] === "2. Ties 300mm heavy duty")![3]).toBe(
    "The premium alternative to Ties 300mm, which you buy. 3 of 4 other accounts buying Ties 300mm or Ties 300mm heavy duty (75%) buy Ties 300mm heavy duty."
  );
  // the figures, the sales team's: the same £50.00 and £20.00 on the internal sheet, the upsell's
  // prices with their 12 months (10 units at £8.00, list £8.00 against £10.00: +25%, 10 × £2.00)
  const internal = sheets
    .find((s) => s.kind === "qbr-prep")!
    .blocks.find((b) => b.rows[0]?.[0] === "Recommendation (Insights page)")!.rows;
  expect(internal.slice(1)).toEqual([
    [
      "1. Ties 200mm",
      "Estimate, 12 months to 31/10/2026: the median 12-month spend on the variant it does not buy of the accounts buying it.",
      50,
    ],
    [
      "2. Ties 300mm heavy duty",
      "Upsell from Ties 300mm to Ties 300mm heavy duty (+25% per unit: list £8.00 against £10.00; at the £8.00 a unit it paid in the 12 months to 31/10/2026, £10.00): on its 10 units in the 12 months to 31/10/2026 (£80.00), £20.00 more a year for the customer to pay.",
      20,
    ],
  ]);
  expect(accountOpportunities(model, "A", { catalog })).toEqual(detail.opportunities);
});

/**
 * One product, two reasons, one entry: a product rule offering the variant a line gap misses is
 * that gap's, not an entry of its own (nor counted twice in the plan or the QBR).
 * As of 31/10/2026, every account Electrical Contractor; line Cable Ties: T100, T200.
 *   A        T100 £50            B C D  T100 £40 and T200 £30, £50, £70      E F G H  Gloves £20
 * Baskets A–H = 8. Rule T100 → T200: T100 A B C D = 4, both B C D = 3 → confidence 75%; T200
 *   support 3 / 8 = 37.5% → lift 0.75 / 0.375 = 2.0; median spend on T200 of B C D = £50.
 * Line gap: A's comparable accounts (all Electrical Contractor) buying T100, B C D = 3, all also buy
 *   T200 → 100% → High, £50.
 * The entry: likelihood max(100%, 75%) = 100%, £50, both reasons, the line's first.
 */
describe("a product rule for a missing variant joins the line gap's entry", () => {
  const catalog2 = [
    { sku: "T100", name: "Ties 100mm", category: "Cable Ties", productLine: "Cable Ties" },
    { sku: "T200", name: "Ties 200mm", category: "Cable Ties", productLine: "Cable Ties" },
  ];
  const model2 = buildPortfolio(
    bookOf([
      tie("A", "T100", 50),
      ...(
        [
          ["B", 30],
          ["C", 50],
          ["D", 70],
        ] as const
      ).flatMap(([id, v]) => [tie(id, "T100", 40), tie(id, "T200", v)]),
      ...["E", "F", "G", "H"].map((id) => line(id, on, "G1", 20, { category: "Gloves" })),
    ]),
    {
      asOf,
      catalog: catalog2,
      accounts: ["A", "B", "C", "D", "E", "F", "G", "H"].map((accountId) => ({
        accountId,
        industry: "Electrical Contractor",
      })),
    }
  );
  const det = analyzeAccount(model2, "A", { catalog: catalog2 });

  test("the rule is on the Cross-Sell sheet's product table, its offer one entry with the gap", () => {
    expect(det.skuCrossSell.map((r) => [r.offer, r.metrics?.confidence, r.annualEstimate])).toEqual(
      [["Ties 200mm (T200)", 0.75, 50]]
    );
    expect(det.opportunities.map((o) => o.offer)).not.toContain("Ties 200mm (T200)");
    const gap = det.opportunities.find((o) => o.offer === "Cable Ties")!;
    expect([gap.kind, gap.priority, gap.likelihood, gap.annualEstimate]).toEqual([
      "range",
      "High",
      1,
      50,
    ]);
    expect(gap.sources).toEqual(["affinity", "product-line gap"]);
    expect(gap.rationale).toBe(
      "Buys 1 of the 2 Cable Ties variants, not yet Ties 200mm. 3 of the 3 comparable Electrical Contractor accounts that buy Ties 100mm (100%) also buy Ties 200mm. 75% of accounts that buy Ties 100mm also buy Ties 200mm, 2.0x the base rate."
    );
    expect(det.plan.initiatives.filter((i) => i.skus.includes("T200"))).toHaveLength(1);
    expect(accountOpportunities(model2, "A", { catalog: catalog2 })).toEqual(det.opportunities);
  });
});

test("the dashboard's next step names the offer as the QBR does: the variant, not the line A already buys", () => {
  const top = detail.opportunities[0];
  const withTop = { ...opts, topOpportunity: () => top };
  // before: "offer Cable Ties", a line A buys two variants of
  expect(
    nextStep(
      { key: "A", band: "Critical", currency: "GBP", winBack: null, nextAction: "" },
      withTop
    )
  ).toBe("Escalate to management: offer Ties 200mm (opportunity 1, High, £50.00 a year)");
  // A has not ordered since 01/06/2026 (a win-back stage): without one, the lifetime tables' step
  expect(accountNextStep({ ...detail.account, winBack: null }, withTop)).toBe(
    "Offer Ties 200mm, £50.00 a year"
  );
});
