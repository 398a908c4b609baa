/**
 * The Cross-Sell sheet says whose median each row's estimate is, in the QBR's words (one wording
 * function, src/sheets/estimateBasis.ts), and rates every item as the QBR does: a rule alone is not
 * High when fewer than 25% or fewer than 3 of the account's comparable accounts buy the item.
 *
 * Synthetic portfolio (as of 31/10/2026, every line in the 12 months), qbrEstimateBasis.test.ts's:
 *   A  Electrical Contractor  Electrical £50                      (the account reviewed)
 *   B  Electrical Contractor  Electrical £50, Lighting £100
 *   C  Electrical Contractor  Electrical £50, Lighting £200
 *   D  Electrical Contractor  Lighting £300
 *   E  Plumber                Electrical £50, Lighting £1,000
 *   F  Plumber                Electrical £50, Lighting £1,100
 *   G–J Plumber               Cable Ties £50
 *   X  Plumber                Electrical £50                      (second account reviewed)
 * Baskets: 11. Electrical: A B C E F X = 6; Lighting: B C D E F = 5; both: B C E F = 4.
 * Rule Electrical → Lighting: confidence 4/6 = 67%, lift 0.667 / (5/11) = 1.47 (≥ 1.2, 4 ≥ 3 accounts).
 * Rule estimate = median Lighting spend of B C E F (100, 200, 1,000, 1,100) = (200 + 1,000) / 2 = £600.
 * A (Electrical Contractor): 3 of 3 other Electrical Contractors buy Lighting, median of 100, 200,
 *   300 = £200 — the opportunity's one estimate (the comparable accounts' median wins over the
 *   rule's £600); likelihood max(67%, 100%) → High.
 * X (Plumber): 2 of 6 other Plumbers buy Lighting (E, F): under 3 accounts, no peer support → the
 *   rule's 67% alone would be High, capped to Medium; the QBR must say Medium too.
 */
import {
  analyzeAccount,
  buildPortfolio,
  qbrData,
  rankOpportunities,
} from "../../src/domain/analysis";
import { withEstimateBasis } from "../../src/sheets/estimateBasis";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const EC = "Electrical Contractor";
const accounts = [
  ...["A", "B", "C", "D"].map((accountId) => ({ accountId, industry: EC })),
  ...["E", "F", "G", "H", "I", "J", "X"].map((accountId) => ({ accountId, industry: "Plumber" })),
];
const el = (id: string) => line(id, d(2026, 8, 3), "EL", 50, { category: "Electrical" });
const lt = (id: string, v: number) => line(id, d(2026, 9, 1), "LT", v, { category: "Lighting" });
const model = buildPortfolio(
  bookOf([
    el("A"),
    el("B"),
    lt("B", 100),
    el("C"),
    lt("C", 200),
    lt("D", 300),
    el("E"),
    lt("E", 1000),
    el("F"),
    lt("F", 1100),
    ...["G", "H", "I", "J"].map((id) =>
      line(id, d(2026, 8, 3), "CT", 50, { category: "Cable Ties" })
    ),
    el("X"),
  ]),
  { asOf, accounts }
);
const opts = layoutOptions({ asOf, currency: "GBP" });

/** The opportunities table of a Cross-Sell sheet as header → value maps. */
function opportunityRows(s: SheetSpec): Map<string, unknown>[] {
  const b = s.blocks.find((x) => x.rows[0]?.[0] === "Rank")!;
  const head = b.rows[0] as string[];
  return b.rows.slice(1).map((r) => new Map(head.map((h, i) => [h, r[i]])));
}
const texts = (s: SheetSpec): string =>
  s.blocks.flatMap((b) => b.rows.flat().filter((v) => typeof v === "string")).join("\n");
/** A recommendation's row in the QBR: on the Insights page (kind "qbr-insights"), or the internal sheet's estimates ("qbr-prep"). */
const qbrRec = (id: string, offer: string, kind = "qbr-insights"): unknown[] => {
  const page = qbrSheets(qbrData(model, id, { year: 2026, q: 3 }), opts).find(
    (s) => s.kind === kind
  )!;
  const recs = page.blocks.find((b) =>
    /^Recommendation( \(Insights page\))?$/.test(String(b.rows[0]?.[0]))
  )!;
  return recs.rows.find((r) => String(r[0]).endsWith(`. ${offer}`))!;
};

test("A's Lighting row: £200, the median of the 3 Electrical Contractors buying it (not the rule's £600)", () => {
  const s = crossSellSheet(analyzeAccount(model, "A"), opts);
  const lighting = opportunityRows(s).find((r) => r.get("Consider selling") === "Lighting")!;
  expect(lighting.get("Annual estimate")).toBe(200);
  // whose median, in the row's words as the QBR's (a column of its own printed the sheet at about 50%)
  expect(lighting.has("Estimate basis")).toBe(false);
  expect(String(lighting.get("Why (in words)"))).toContain(
    "Estimate £200.00: the median 12-month spend of the 3 comparable Electrical Contractor accounts that buy Lighting."
  );
  // the QBR says the same of the same item, on its internal sheet (the estimate is what the item
  // is worth to us: the Insights page gives the customer the reasons only)
  expect(qbrRec("A", "Lighting", "qbr-prep").slice(1)).toEqual([
    "Estimate, 12 months to 31/10/2026: the median 12-month spend of the 3 comparable Electrical Contractor accounts that buy Lighting.",
    200,
  ]);
  // the QBR's Why is in D (index 3): Priority stands over B:C
  expect(String(qbrRec("A", "Lighting")[3])).not.toMatch(/Estimate|£/);
  // the note no longer claims one basis for every row
  expect(texts(s)).not.toContain("Estimate = median 12-month spend of the accounts that buy it.");
});

test("X's Lighting: Medium on both the Cross-Sell sheet and the QBR (the rule's 67% alone, 2 of 6 Plumbers)", () => {
  const s = crossSellSheet(analyzeAccount(model, "X"), opts);
  const lighting = opportunityRows(s).find((r) => r.get("Consider selling") === "Lighting")!;
  expect(lighting.get("Likelihood")).toBeCloseTo(4 / 6, 12);
  expect(lighting.get("Priority")).toBe("Medium");
  expect(qbrRec("X", "Lighting")[1]).toBe("Medium");
  // its estimate: the 2 other Plumbers buying Lighting, median of £1,000 and £1,100 = £1,050,
  // said to rest on fewer than 3 accounts
  expect(lighting.get("Annual estimate")).toBe(1050);
  expect(String(lighting.get("Why (in words)"))).toContain(
    "Estimate £1,050.00: the median 12-month spend of the 2 comparable Plumber accounts that buy Lighting, fewer than 3 accounts: a rough figure."
  );
  // the sheet's note states the cap it applies
  expect(texts(s)).toContain(
    "A rule alone is not High when fewer than 25% or fewer than 3 of the account's comparable accounts buy the item: then Medium."
  );
});

test("products to add: LT is part of Lighting's entry, so its rule's £600 is labelled as the rule's median, not a second estimate; its words sit in the wide column E", () => {
  // SKU level the same baskets: EL ↔ Electrical, LT ↔ Lighting → the rule's median of the 4
  // accounts buying both is £600; the ranked list estimates Lighting (its category) at £200
  const s = crossSellSheet(analyzeAccount(model, "A"), opts);
  const b = s.blocks.find((x) => x.rows[0]?.[0] === "They buy")!;
  const head = b.rows[0] as string[];
  expect(head[4]).toBe("Why (in words)");
  const lt = b.rows.find((r) => r[1] === "LT")!;
  expect(lt[head.indexOf("Annual estimate (ranked list)")]).toBeNull();
  expect(lt[head.indexOf("Rule's median spend (not an estimate)")]).toBe(600);
  expect(String(lt[4])).toContain(
    "No estimate of its own: it is part of Lighting (rank 1), estimated at £200.00 a year. The 4 accounts that buy EL and LT spend a median £600.00 a year on it: the rule's figure, not an estimate of this opportunity."
  );
});

test("the Breakdown's opportunities note states the same cap as the Cross-Sell sheet's, and X's Lighting is Medium there too", () => {
  const s = breakdownSheet(analyzeAccount(model, "X"), opts);
  expect(texts(s)).toContain(
    "A rule alone is not High when fewer than 25% or fewer than 3 of the account's comparable accounts buy the item: then Medium."
  );
  const b = s.blocks.find((x) => x.rows[0]?.[0] === "Rank")!;
  const head = b.rows[0] as string[];
  const lighting = b.rows.find((r) => r[head.indexOf("Offer")] === "Lighting")!;
  expect(lighting[head.indexOf("Priority")]).toBe("Medium");
});

test("upsell: the value proposition sits in the wide column E, the premium alternative in B beside the current product", () => {
  const s = crossSellSheet(analyzeAccount(model, "A"), opts);
  const head = s.blocks.find((x) => x.rows[0]?.[0] === "Current product")!.rows[0];
  expect(head.slice(0, 5)).toEqual([
    "Current product",
    "Premium alternative",
    "Current SKU",
    "Premium SKU",
    "Value proposition",
  ]);
});

test("an estimate from the only comparable account buying the item says so", () => {
  // 1 of 40 comparable Plumbers buys Hand Tools, for £217.50: the estimate is that one spend
  const [o] = rankOpportunities(
    [],
    [
      {
        category: "Hand Tools",
        comparableBuyers: 1,
        comparableAccounts: 40,
        share: 1 / 40,
        medianSpend: 217.5,
        priority: "Low",
      },
    ],
    [],
    "comparable Plumber accounts"
  );
  expect(withEstimateBasis(o, (n) => `£${n.toFixed(2)}`)).toBe(
    "1 of 40 comparable Plumber accounts (3%) buy Hand Tools. Estimate £217.50: the 12-month spend of the only one of the comparable Plumber accounts that buys Hand Tools, fewer than 3 accounts: a rough figure."
  );
});
