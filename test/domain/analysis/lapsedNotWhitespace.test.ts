/**
 * A category, product line or product the account bought before and has not bought in the last
 * 12 months is lapsed: a win-back (dormant products, the plan's "Recover"), never whitespace nor a
 * new category to introduce (PRODUCT.md §2: bought = net positive in a window; §2.5 dormant
 * products). On the sample, C0135 (Facilities Management) bought Cleaning wipes (CS-301, product
 * line "Cleaning") for £649.07 in the prior 12 months and none since, and was offered "Cleaning"
 * as a new item from the industry matrix.
 *
 * Portfolio 1, categories, as of 31/10/2026, every account Facilities Management:
 *   A   Consumables £100 (01/09/2026); Cleaning £300 (01/06/2025, before the last 12 months)
 *   X   Consumables £100 (01/09/2026); Cleaning £100 (01/06/2025), returned in full (01/07/2025)
 *   B C D  Consumables £50 and Cleaning £80, £120, £160 (01/09/2026)
 * A's comparable accounts: X B C D; 3 of 4 (75%) buy Cleaning, median of 80, 120, 160 = £120:
 *   whitespace before, but A bought it (net £300 > 0) and lapsed: no gap, potential £0; a
 *   dormant product (prior 12 months £300, last 12 £0), and one win-back entry of the ranked list
 *   for the category (its product that entry's, not a "Recover" initiative of its own beside it):
 *   High, 75%, at the comparable accounts' median £120.
 * X never bought Cleaning (net £100 − £100 = £0): Cleaning stays its gap at £120.
 *
 * Portfolio 2, a product line (the C0135 case), as of 31/10/2026, every account Facilities
 * Management; catalog SEAL (Consumables, line Sealant), WIPES (Consumables, line Cleaning):
 *   P   SEAL £100 (01/09/2026); WIPES £200 (01/05/2025)
 *   Q R S  SEAL £50 (01/09/2026)
 * The industry matrix's "Cleaning" for Facilities Management is a line P bought and lapsed: not
 * offered; WIPES is P's dormant product (prior 12 months £200, last 12 £0), "Recover WIPES".
 */
import { analyzeAccount, buildPortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
const FM = "Facilities Management";

describe("a lapsed category is a win-back, not whitespace", () => {
  const seal = (id: string, v: number) =>
    line(id, d(2026, 9, 1), "SEAL", v, { category: "Consumables" });
  const degr = (id: string, date: number, v: number) =>
    line(id, date, "DEGR", v, { category: "Cleaning" });
  const model = buildPortfolio(
    bookOf([
      seal("A", 100),
      degr("A", d(2025, 6, 1), 300),
      seal("X", 100),
      degr("X", d(2025, 6, 1), 100),
      degr("X", d(2025, 7, 1), -100),
      seal("B", 50),
      degr("B", d(2026, 9, 1), 80),
      seal("C", 50),
      degr("C", d(2026, 9, 1), 120),
      seal("D", 50),
      degr("D", d(2026, 9, 1), 160),
    ]),
    { asOf, accounts: ["A", "X", "B", "C", "D"].map((accountId) => ({ accountId, industry: FM })) }
  );
  const row = (id: string) => model.analysis.accounts.find((a) => a.accountId === id)!;
  const mapRow = (id: string) => model.analysis.whitespaceMap.rows.find((r) => r.accountId === id)!;
  const col = model.analysis.whitespaceMap.categories.indexOf("Cleaning");

  test("A: no Cleaning gap on the Whitespace Map, whitespace potential £0", () => {
    expect(row("A").whitespace.gaps).toEqual([]);
    expect(row("A").whitespace.potential).toBe(0);
    expect(mapRow("A").whitespace[col]).toBeNull();
  });

  test("A: Cleaning is no category not bought nor a new-category initiative; it is one win-back entry", () => {
    const det = analyzeAccount(model, "A");
    expect(det.categoriesNotBought.map((c) => c.category)).not.toContain("Cleaning");
    const cleaning = det.opportunities.filter((o) => o.offer === "Cleaning");
    expect(cleaning.map((o) => [o.kind, o.priority, o.likelihood, o.annualEstimate])).toEqual([
      ["win-back", "High", 0.75, 120],
    ]);
    expect(det.plan.initiatives.map((i) => i.title)).not.toContain("Introduce Cleaning");
    expect(det.dormantProducts.map((p) => [p.sku, p.revenuePrior12, p.revenueLast12])).toEqual([
      ["DEGR", 300, 0],
    ]);
    // the category's one initiative at the list's figure; its product no "Recover DEGR" at £300
    const winBacks = det.plan.initiatives.filter((i) => i.type === "Win-back");
    expect(winBacks.map((i) => [i.title, i.estimate])).toContainEqual(["Win back Cleaning", 120]);
    expect(winBacks.map((i) => i.title)).not.toContain("Recover DEGR");
  });

  test("X, whose Cleaning was returned in full, never bought it: Cleaning stays its gap at £120", () => {
    // X's comparable accounts A B C D: 3 of 4 buy Cleaning; median of 80, 120, 160 = 120
    expect(row("X").whitespace.gaps.map((g) => [g.category, g.medianSpend])).toEqual([
      ["Cleaning", 120],
    ]);
    expect(mapRow("X").whitespace[col]).toBe(120);
    const det = analyzeAccount(model, "X");
    expect(det.opportunities.map((o) => [o.offer, o.annualEstimate])).toContainEqual([
      "Cleaning",
      120,
    ]);
  });
});

describe("a lapsed product line is not offered as new (the C0135 case)", () => {
  const model = buildPortfolio(
    bookOf([
      line("P", d(2026, 9, 1), "SEAL", 100, { category: "Consumables" }),
      line("P", d(2025, 5, 1), "WIPES", 200, { category: "Consumables" }),
      ...["Q", "R", "S"].map((id) =>
        line(id, d(2026, 9, 1), "SEAL", 50, { category: "Consumables" })
      ),
    ]),
    {
      asOf,
      accounts: ["P", "Q", "R", "S"].map((accountId) => ({ accountId, industry: FM })),
      catalog: [
        { sku: "SEAL", category: "Consumables", productLine: "Sealant" },
        { sku: "WIPES", category: "Consumables", productLine: "Cleaning" },
      ],
    }
  );

  test("P: the industry matrix's Cleaning is not offered; WIPES is a product to recover", () => {
    const det = analyzeAccount(model, "P");
    expect(det.crossSell.map((c) => c.offer)).not.toContain("Cleaning");
    expect(det.opportunities.map((o) => o.offer)).not.toContain("Cleaning");
    // the matrix's other target, never bought, is still offered
    expect(det.opportunities.map((o) => o.offer)).toContain("Maintenance");
    expect(det.dormantProducts.map((p) => [p.sku, p.revenuePrior12, p.revenueLast12])).toEqual([
      ["WIPES", 200, 0],
    ]);
    expect(det.plan.initiatives.map((i) => i.title)).toContain("Recover WIPES");
  });

  test("Q, which never bought WIPES, is still offered Cleaning by the industry matrix", () => {
    expect(analyzeAccount(model, "Q").opportunities.map((o) => o.offer)).toContain("Cleaning");
  });
});
