/**
 * A QBR recommendation's estimate says whose spend it is, and it is the "Probably bought elsewhere"
 * table's median for the same category: one opportunity, one value (opportunityEstimate).
 *
 * In the sample's QBR for Jubilee Electrical Services (C0023, FY2026 Q3) Lighting was £1,018.89 as
 * the recommendation's estimate and £900.96 as the Electrical Contractors' median: the first the
 * affinity rule's (median spend on Y among accounts buying both X and Y, any industry), the second
 * the comparable accounts'. PRODUCT.md §2.2 prices an account's gap "at the median rate of
 * comparable accounts" (the Whitespace Map's figure), so the recommendation now takes that one.
 *
 * Synthetic portfolio (as of 31/10/2026, every line in the 12 months):
 *   A  Electrical Contractor  Electrical £50                      (the account reviewed)
 *   B  Electrical Contractor  Electrical £50, Lighting £100
 *   C  Electrical Contractor  Electrical £50, Lighting £200
 *   D  Electrical Contractor  Lighting £300
 *   E  Plumber                Electrical £50, Lighting £1,000
 *   F  Plumber                Electrical £50, Lighting £1,100
 *   G–J Plumber               Cable Ties £50
 * Baskets: 10 accounts. Electrical: A B C E F = 5; Lighting: B C D E F = 5 (support 0.5);
 * both: B C E F = 4 → confidence 4/5 = 80%, lift 0.8 / 0.5 = 1.6 (≥ 1.2, ≥ 3 accounts).
 * Rule estimate = median of B C E F's Lighting spend (100, 200, 1,000, 1,100) = (200 + 1,000) / 2 = £600.
 * A's comparable group: the 3 other Electrical Contractors, all 3 buy Lighting (100%):
 * median of 100, 200, 300 = £200 — the "Probably bought elsewhere" table's figure.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const EC = "Electrical Contractor";
const accounts = [
  ...["A", "B", "C", "D"].map((accountId) => ({ accountId, industry: EC })),
  ...["E", "F", "G", "H", "I", "J"].map((accountId) => ({ accountId, industry: "Plumber" })),
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
  ]),
  { asOf, accounts }
);

it("estimates Lighting at the Electrical Contractors' £200 (not the rule's £600), the figure the table beside it shows, both on the internal sheet", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  const sheets = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" }));
  const insights = sheets.find((s) => s.kind === "qbr-insights")!;
  const recs = insights.blocks.find((b) => b.rows[0]?.[0] === "Recommendation")!;
  // the customer's page: what and why (Why in D, index 3; Priority stands over B:C), no figure
  expect(recs.rows[0]).toEqual(["Recommendation", "Priority", null, "Why"]);
  expect(recs.rows.find((r) => r[0] === "1. Lighting")).toEqual([
    "1. Lighting",
    "High",
    null,
    "3 of 3 comparable Electrical Contractor accounts (100%) buy Lighting. 80% of accounts that buy Electrical also buy Lighting, 1.6x the base rate.",
  ]);
  // the estimate and whose spend it is: the sales team's, with its period; £200 against A's own
  // £50 of Electrical in the 12 months to 31/10/2026 is 4× it, flagged beside it (not changed)
  const prep = sheets.find((s) => s.kind === "qbr-prep")!;
  const estimates = prep.blocks.find((b) => b.rows[0]?.[0] === "Recommendation (Insights page)")!;
  expect(estimates.rows).toEqual([
    ["Recommendation (Insights page)", "How it is estimated", "Annual estimate, as of 31/10/2026"],
    [
      "1. Lighting",
      "Estimate, 12 months to 31/10/2026: the median 12-month spend of the 3 comparable Electrical Contractor accounts that buy Lighting.",
      200,
    ],
    [
      "Out of scale with the account",
      "£200.00 is 4× this account's £50.00 in the 12 months to 31/10/2026: comparable accounts are larger; size the offer to the account.",
      null,
    ],
  ]);
  // the competitive intelligence is the sales team's: on the internal preparation sheet
  const elsewhere = prep.blocks.find(
    (b) => b.rows[0]?.[0] === "Category" && b.rows[0]?.[1] === "Bought by"
  )!;
  expect(elsewhere.rows[1]).toEqual(["Lighting", `3 of 3 ${EC} accounts`, 1, 200]);
});
