/**
 * An item in two sections of the Cross-Sell sheet has one estimate (README: "Each opportunity has
 * one estimate on every sheet"). On the sample, Warren Facilities (C0204) had the Rechargeable
 * Twin Tripod light at £12,546.86 in the ranked list (the upsell) and £669.50 in "Products to
 * add" under the same "Annual estimate" header: the product rule's median 12-month spend on the
 * premium of the 6 accounts buying both (PRODUCT.md §2.6), a different measure. Likewise Nylon
 * 100mm Black at £251.20 (the rule's median over the 15 accounts buying both) against £164.34 in
 * the line-gap table (the variant's median over its 30 buyers, its part of the line's £774.91).
 * The table now gives the ranked list's estimate and the rule's median under a header saying it
 * is not an estimate.
 *
 * Hand-built portfolio, as of 31/10/2026, every line on 01/06/2026, category Cable Ties, every
 * account an Electrical Contractor. Catalog: line "Ties" = T100 (list £5), T200 (list £6); P1
 * (list £10, premium P1X), P1X (list £14), no line.
 *   A     T100 £50; P1 10 units, £100 (£10 a unit)         (the account reviewed)
 *   B C D T100 £40 each; T200 £30, £50, £70
 *   E     T200 £400
 *   F G H P1 £20 each; P1X £100, £200, £300
 * Baskets (net-positive in the 12 months): A–H = 8.
 * Rule T100 → T200: T100 A B C D = 4, T200 B C D E = 4, both B C D = 3 → confidence 75%,
 *   lift 0.75 / (4/8) = 1.5; its median = median(30, 50, 70) = £50.00.
 * Line gap "Ties": the variant's median over all its buyers B C D E = median(30, 50, 70, 400)
 *   = (50 + 70) / 2 = £60.00 — the ranked list's estimate (one missing variant, so the line's too).
 * Rule P1 → P1X: P1 A F G H = 4, P1X F G H = 3, both F G H = 3 → confidence 75%,
 *   lift 0.75 / (3/8) = 2; its median = median(100, 200, 300) = £200.00.
 * Upsell P1 → P1X: A's own 12-month spend on P1 £100 × (14 / 10 − 1) = £40.00 (under the cap of
 *   its £100 spend) — the ranked list's estimate.
 */
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const on = d(2026, 6, 1);
const catalog = [
  { sku: "T100", name: "Ties 100mm", category: "Cable Ties", productLine: "Ties", listPrice: 5 },
  { sku: "T200", name: "Ties 200mm", category: "Cable Ties", productLine: "Ties", listPrice: 6 },
  { sku: "P1", name: "Lamp", category: "Cable Ties", listPrice: 10, premiumSku: "P1X" },
  { sku: "P1X", name: "Lamp Pro", category: "Cable Ties", listPrice: 14 },
];
const buy = (id: string, sku: string, v: number, quantity = 1) =>
  line(id, on, sku, v, { category: "Cable Ties", quantity });
const model = buildPortfolio(
  bookOf([
    buy("A", "T100", 50),
    buy("A", "P1", 100, 10),
    ...(
      [
        ["B", 30],
        ["C", 50],
        ["D", 70],
      ] as const
    ).flatMap(([id, v]) => [buy(id, "T100", 40), buy(id, "T200", v)]),
    buy("E", "T200", 400),
    ...(
      [
        ["F", 100],
        ["G", 200],
        ["H", 300],
      ] as const
    ).flatMap(([id, v]) => [buy(id, "P1", 20), buy(id, "P1X", v)]),
  ]),
  {
    asOf,
    catalog,
    accounts: ["A", "B", "C", "D", "E", "F", "G", "H"].map((accountId) => ({
      accountId,
      industry: "Electrical Contractor",
    })),
  }
);
const detail = analyzeAccount(model, "A", { catalog });
const sheet = crossSellSheet(detail, layoutOptions({ asOf, currency: "GBP" }));
const ESTIMATE = "Annual estimate (ranked list)";
const RULE_MEDIAN = "Rule's median spend (not an estimate)";

/** The rows of the block whose header row starts with `first`, as header → value maps. */
function rowsUnder(s: SheetSpec, first: string): Map<string, unknown>[] {
  const b = s.blocks.find((x) => x.rows[0]?.[0] === first);
  if (!b) throw new Error(`${s.name}: no block headed "${first}"`);
  const head = b.rows[0] as string[];
  return b.rows.slice(1).map((r) => new Map(head.map((h, i) => [h, r[i]])));
}

const ranked = rowsUnder(sheet, "Rank");
const products = rowsUnder(sheet, "They buy");
const rankedOf = (offer: string) => ranked.find((r) => r.get("Consider selling") === offer)!;
const productOf = (sku: string) =>
  products.find((r) => String(r.get("Consider selling")).endsWith(`(${sku})`))!;

test("the fixture: the ranked list has the line gap at £60.00 and the upsell at £40.00, and the rules' medians are £50.00 and £200.00", () => {
  expect([
    rankedOf("Ties 200mm").get("Annual estimate"),
    rankedOf("Lamp Pro").get("Annual estimate"),
  ]).toEqual([60, 40]);
  expect(
    detail.skuCrossSell.map((r) => [r.offer, r.metrics?.bothAccounts, r.annualEstimate])
  ).toEqual(
    expect.arrayContaining([
      ["Ties 200mm (T200)", 3, 50],
      ["Lamp Pro (P1X)", 3, 200],
    ])
  );
});

test("a missing variant in Products to add shows the ranked list's £60.00, not the rule's £50.00, as its estimate", () => {
  const t200 = productOf("T200");
  expect(t200.get(ESTIMATE)).toBe(60);
  expect(t200.get(RULE_MEDIAN)).toBe(50);
  expect(t200.get("Rank (priority)")).toBe(`${rankedOf("Ties 200mm").get("Rank")} (High)`);
  expect(String(t200.get("Why (in words)"))).toContain(
    "Estimate £60.00, the ranked list's (rank 1, the Ties range): the median 12-month spend on it of the accounts buying it. The 3 accounts that buy Ties 100mm (T100) and Ties 200mm (T200) spend a median £50.00 a year on it: the rule's figure, not an estimate of this opportunity."
  );
  // the line-gap table gives the same £60.00
  const gap = rowsUnder(sheet, "Product line").find((r) => r.get("SKU") === "T200")!;
  expect(gap.get("Estimate if added")).toBe(60);
});

test("a premium in Products to add shows the upsell's £40.00, not the rule's £200.00, as its estimate", () => {
  const p1x = productOf("P1X");
  expect(p1x.get(ESTIMATE)).toBe(40);
  expect(p1x.get(RULE_MEDIAN)).toBe(200);
  expect(String(p1x.get("Why (in words)"))).toContain(
    "Estimate £40.00, the ranked list's (rank 2, the upsell from Lamp): its own 12-month spend on Lamp × the premium's price difference at list. The 3 accounts that buy Lamp (P1) and Lamp Pro (P1X) spend a median £200.00 a year on it: the rule's figure, not an estimate of this opportunity."
  );
});

test("every item in two sections of the sheet has one estimate: no column headed as an estimate disagrees with the ranked list", () => {
  const estimateOf = new Map<string, unknown>([
    ["T200", rankedOf("Ties 200mm").get("Annual estimate")],
    ["P1X", rankedOf("Lamp Pro").get("Annual estimate")],
  ]);
  for (const [sku, e] of estimateOf) expect(productOf(sku).get(ESTIMATE)).toBe(e);
  // the rule's median is the one other money column of the table, and its header says it is not an estimate
  const head = [...products[0].keys()];
  expect(head.filter((h) => /estimate|median/i.test(h))).toEqual([ESTIMATE, RULE_MEDIAN]);
  expect(RULE_MEDIAN).toContain("not an estimate");
});
