/**
 * A product-line gap ranks by the evidence every other entry has: of the comparable accounts (the
 * account's comparable group, as the Whitespace Map's) that buy what this account buys of the
 * line, the share that also buy the variant it misses. Before, the share was taken over every
 * other account buying any variant of the line, the missing variant's own buyers included, so
 * most gaps read High: the sample's C0204 had 11 line gaps High between Electrical and Test
 * Equipment ("51 of 74 other accounts buying the line (69%) buy Abrasive Discs (10), Flap 115mm").
 *
 * Hand-built, as of 31/10/2026. Catalog line "Discs": D1 Discs 115mm, D2 Discs 125mm (category
 * Consumables). On 01/06/2026:
 *   A                    Facilities Management, D1 £20
 *   F1 … F9              Facilities Management, D1 £20 each; F7 F8 F9 also D2 £30
 *   M1 … M6              Manufacturing, D2 £30 each
 * Before: other accounts buying the line F1–F9, M1–M6 = 15, of them D2 F7–F9, M1–M6 = 9 → 60%, High.
 * Now: A's comparable accounts F1–F9 (9); those buying D1 (what A buys of the line) = 9; of them
 *   D2 F7 F8 F9 = 3 → 3 / 9 = 33% → Medium (25% ≤ 33% < 50%). Estimate: the median D2 spend of its
 *   buyers = £30. No product rule: D1 → D2 has confidence 3 / 10 = 30% over D2's base rate 9 / 16
 *   = 56%, lift 0.53 < 1.2.
 */
import { analyzeAccount, buildPortfolio } from "../../../src/domain/analysis";
import { breakdownSheet } from "../../../src/sheets/breakdownSheet";
import { layoutOptions } from "../../../src/sheets/options";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
const on = d(2026, 6, 1);
const catalog = [
  { sku: "D1", name: "Discs 115mm", category: "Consumables", productLine: "Discs" },
  { sku: "D2", name: "Discs 125mm", category: "Consumables", productLine: "Discs" },
];
const disc = (id: string, sku: string, v: number) =>
  line(id, on, sku, v, { category: "Consumables" });
const fm = ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9"];
const mf = ["M1", "M2", "M3", "M4", "M5", "M6"];
const model = buildPortfolio(
  bookOf([
    disc("A", "D1", 20),
    ...fm.map((id) => disc(id, "D1", 20)),
    ...["F7", "F8", "F9"].map((id) => disc(id, "D2", 30)),
    ...mf.map((id) => disc(id, "D2", 30)),
  ]),
  {
    asOf,
    catalog,
    accounts: [
      ...["A", ...fm].map((accountId) => ({ accountId, industry: "Facilities Management" })),
      ...mf.map((accountId) => ({ accountId, industry: "Manufacturing" })),
    ],
  }
);
const detail = analyzeAccount(model, "A", { catalog });

test("the gap's likelihood: 3 of the 9 comparable accounts buying Discs 115mm also buy Discs 125mm, Medium", () => {
  const g = detail.productLineGaps.find((x) => x.productLine === "Discs")!;
  expect([g.lineBuyers, g.gapBuyers, g.gapVariant, g.estimate]).toEqual([9, 3, "Discs 125mm", 30]);
  const o = detail.opportunities.find((x) => x.offer === "Discs")!;
  expect([o.kind, o.priority, o.annualEstimate, o.sources]).toEqual([
    "range",
    "Medium",
    30,
    ["product-line gap"],
  ]);
  expect(o.likelihood).toBeCloseTo(1 / 3, 12);
  expect(o.rationale).toBe(
    "Buys 1 of the 2 Discs variants, not yet Discs 125mm. 3 of the 9 comparable Facilities Management accounts that buy Discs 115mm (33%) also buy Discs 125mm."
  );
});

test("the Breakdown fills the gap's Comparable accounts buying and Share: 3 of 9, 33%", () => {
  const b = breakdownSheet(detail, layoutOptions({ asOf, currency: "GBP" })).blocks.find(
    (x) => x.rows[0]?.[0] === "Rank"
  )!;
  const head = b.rows[0] as string[];
  const row = b.rows.find((r) => r[head.indexOf("Offer")] === "Discs 125mm")!;
  expect(row[head.indexOf("Comparable accounts buying")]).toBe("3 of 9");
  expect(row[head.indexOf("Share")]).toBeCloseTo(1 / 3, 12);
  expect(row[head.indexOf("Priority")]).toBe("Medium");
});

test("fewer than 3 comparable accounts buying the missing variant beside it: no likelihood, Low", () => {
  // only F9 buys both: 1 of 9 (the 6 Manufacturing buyers of D2 are not A's comparable accounts)
  const thin = buildPortfolio(
    bookOf([
      disc("A", "D1", 20),
      ...fm.map((id) => disc(id, "D1", 20)),
      disc("F9", "D2", 30),
      ...mf.map((id) => disc(id, "D2", 30)),
    ]),
    {
      asOf,
      catalog,
      accounts: [
        ...["A", ...fm].map((accountId) => ({ accountId, industry: "Facilities Management" })),
        ...mf.map((accountId) => ({ accountId, industry: "Manufacturing" })),
      ],
    }
  );
  const o = analyzeAccount(thin, "A", { catalog }).opportunities.find((x) => x.offer === "Discs")!;
  expect([o.priority, o.likelihood]).toEqual(["Low", null]);
  expect(o.rationale).toContain(
    "1 of the 9 comparable Facilities Management accounts that buy Discs 115mm (11%) also buy Discs 125mm."
  );
});
