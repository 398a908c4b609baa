/**
 * An upsell is sized from the account's own purchases of the product it replaces, like for like,
 * and never larger than that spend; and an upsell whose premium is in a category the account does
 * not buy is that category's entry, not a second one.
 *
 * Before, C0204 (the sample's Warren Facilities) read "Rechargeable LED Work Lights, Twin Tripod
 * 2x50W … +96.9% per unit: £80.43 a unit paid against £158.40 list … £20,272.57 more per year":
 * its 19% discount on the £99 list read as premium; and "Cut Resistant Gloves (pair), Size L" at
 * £21,825.73 a year against the £11,158 it spends on the Nitrile Gloves they would replace.
 *
 * Hand-built, as of 31/10/2026, every account Facilities Management. Catalog: G1 Nitrile Gloves L
 * (category Gloves, list £2.20, premium G1P); G1P Cut Resistant Gloves L (category Cut Resistant,
 * list £5.28). On 01/06/2026:
 *   A  G1 100 units for £180 (pays £1.80 a unit)
 *   B C D  G1 £40 each, and G1P £50, £60, £70      E  G1 £40
 * Upsell G1 → G1P: list premium (5.28 − 2.20) / 2.20 = 140%; on A's own £180 that is £252, more
 *   than the £180 it spends on G1: capped at £180. (Before: (5.28 − 1.80) × 100 = £348.)
 *   Other accounts buying G1 or G1P: B C D E = 4, the premium B C D = 3 → 75%.
 * Category Cut Resistant: 3 of A's 4 comparable accounts (B C D) buy it → 75%, High; their median
 *   spend £60. Rules: Gloves → Cut Resistant has confidence 3/5 = 60% over a base rate of 3/5:
 *   lift 1.0, below 1.2, no rule.
 * One entry "Cut Resistant": the comparable accounts' share and median (£60), the upsell beside it;
 *   no entry "Cut Resistant Gloves L".
 */
import fc from "fast-check";
import { analyzeAccount, buildPortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
const on = d(2026, 6, 1);
const catalog = [
  {
    sku: "G1",
    name: "Nitrile Gloves L",
    category: "Gloves",
    listPrice: 2.2,
    premiumSku: "G1P",
  },
  { sku: "G1P", name: "Cut Resistant Gloves L", category: "Cut Resistant", listPrice: 5.28 },
];
const gloves = (id: string, v: number, quantity = 1) =>
  line(id, on, "G1", v, { category: "Gloves", quantity });
const premium = (id: string, v: number) => line(id, on, "G1P", v, { category: "Cut Resistant" });
const accounts = ["A", "B", "C", "D", "E"].map((accountId) => ({
  accountId,
  industry: "Facilities Management",
}));
const model = buildPortfolio(
  bookOf([
    gloves("A", 180, 100),
    ...(
      [
        ["B", 50],
        ["C", 60],
        ["D", 70],
      ] as const
    ).flatMap(([id, v]) => [gloves(id, 40), premium(id, v)]),
    gloves("E", 40),
  ]),
  { asOf, catalog, accounts }
);
const detail = analyzeAccount(model, "A", { catalog });

test("the upsell: +140% at list on A's own £180 is £252, capped at the £180 it spends on the gloves", () => {
  expect(detail.upsell).toHaveLength(1);
  const u = detail.upsell[0];
  expect([u.priceDifferencePct, u.spendLast12, u.extraPerYear, u.capped]).toEqual([
    140,
    180,
    180,
    true,
  ]);
  expect(u.valueProposition).toBe(
    "Offer Cut Resistant Gloves L in place of Nitrile Gloves L (+140% per unit: list £2.20 against £5.28; at the £1.80 a unit it pays over the last 12 months, £4.32): on last year's 100 units (£180.00) that is £180.00 more per year, capped at its own 12-month spend on Nitrile Gloves L (£252.00 at the full premium)."
  );
});

test("the premium's category not bought: one entry, the category's, with the upsell beside it", () => {
  const named = detail.opportunities.filter((o) => /Cut Resistant/.test(o.offer));
  expect(named.map((o) => o.offer)).toEqual(["Cut Resistant"]);
  const o = named[0];
  expect(o.kind).toBe("new");
  expect(o.sources).toEqual(["comparable accounts", "upsell"]);
  // 3 of 4 comparable accounts (75%); the upsell's share 3 of 4 (75%)
  expect([o.priority, o.likelihood, o.annualEstimate]).toEqual(["High", 0.75, 60]);
  expect(o.upsell?.premiumSku).toBe("G1P");
  expect(o.rationale).toContain(
    "3 of 4 comparable Facilities Management accounts (75%) buy Cut Resistant."
  );
  expect(o.rationale).toContain("Offer Cut Resistant Gloves L in place of Nitrile Gloves L");
  // the plan introduces the category once
  expect(detail.plan.initiatives.filter((i) => /Cut Resistant/.test(i.title))).toEqual([
    expect.objectContaining({ title: "Introduce Cut Resistant", estimate: 60 }),
  ]);
});

test("property: an upsell never adds more a year than the account spends on the product it replaces", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 500 }),
      fc.integer({ min: 50, max: 5000 }),
      fc.integer({ min: 50, max: 5000 }),
      fc.integer({ min: 0, max: 400 }),
      (units, paidPence, listPence, premiumPct) => {
        const list = listPence / 100;
        const premiumList = Math.round(list * (100 + premiumPct)) / 100;
        const spend = Math.round(units * paidPence) / 100;
        const cat = [
          { sku: "P", name: "Plain", category: "Gloves", listPrice: list, premiumSku: "PP" },
          { sku: "PP", name: "Premium", category: "Gloves", listPrice: premiumList },
        ];
        const m = buildPortfolio(
          bookOf([line("A", on, "P", spend, { category: "Gloves", quantity: units })]),
          { asOf, catalog: cat }
        );
        const u = analyzeAccount(m, "A", { catalog: cat }).upsell[0];
        // spend × (premium list − list) / list, at most the spend, to the penny
        const expected = Math.min((spend * (premiumList - list)) / list, spend);
        expect(u.extraPerYear!).toBeLessThanOrEqual(spend + 1e-9);
        expect(Math.abs(u.extraPerYear! - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    ),
    { numRuns: 40 }
  );
});
