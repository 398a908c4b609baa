/**
 * A category the account stopped buying more than 24 months ago is a win-back entry of the one
 * ranked opportunity list (PRODUCT.md §2.4/§2.7: win-back results feed the plan; §2.10 one list).
 * Before, nothing offered it: lapsed, it was no category not bought nor whitespace; bought before
 * the prior 12 months, none of its products was a dormant product; only the Cross-Sell sheet's
 * competitor displacement named it ("probably bought elsewhere"), with a median no other sheet had.
 *
 * Hand-built portfolio, as of 31/10/2026, every account Plumber:
 *   A        Fittings £100 (01/09/2026); Consumables £200 (01/03/2024) and £100 (01/06/2024)
 *   B C D    Fittings £50; Consumables £80, £120, £160 (01/09/2026)
 *   E        Fittings £50 (01/09/2026)
 * A's last Consumables: 01/06/2024, 28 whole months before 31/10/2026 (01/06/2024 + 28 months =
 *   01/10/2026 ≤ 31/10/2026 < 01/11/2026), over 24: no dormant product (nothing in 01/11/2024 –
 *   31/10/2025). Its spend in the 12 months to then: £200 + £100 = £300.00.
 * A's comparable accounts: B C D E; 3 of 4 (75%) buy Consumables → High; estimate = their median
 *   of £80, £120, £160 = £120.00, the figure competitor displacement gives (3 of 4 Plumber accounts).
 * A's only opportunity with data behind it: rank 1, "Win back Consumables" in the plan at £120.00.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { layoutOptions } from "../../src/sheets/options";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const now = d(2026, 9, 1);
const fittings = (id: string, v: number) => line(id, now, "FIT", v, { category: "Fittings" });
const con = (id: string, date: number, v: number) =>
  line(id, date, "CON", v, { category: "Consumables" });
const model = buildPortfolio(
  bookOf([
    fittings("A", 100),
    con("A", d(2024, 3, 1), 200),
    con("A", d(2024, 6, 1), 100),
    fittings("B", 50),
    con("B", now, 80),
    fittings("C", 50),
    con("C", now, 120),
    fittings("D", 50),
    con("D", now, 160),
    fittings("E", 50),
  ]),
  {
    asOf,
    accounts: ["A", "B", "C", "D", "E"].map((accountId) => ({ accountId, industry: "Plumber" })),
  }
);
const detail = analyzeAccount(model, "A");
const opts = layoutOptions({ asOf, currency: "GBP" });

test("Consumables is A's win-back, rank 1, High, £120.00, its last purchase first among its reasons", () => {
  const o = detail.opportunities.find((x) => x.offer === "Consumables")!;
  expect([o.rank, o.kind, o.priority, o.likelihood, o.annualEstimate]).toEqual([
    1,
    "win-back",
    "High",
    0.75,
    120,
  ]);
  expect(o.sources).toEqual(["comparable accounts", "lapsed category"]);
  expect(o.rationale).toBe(
    "Bought Consumables until 01/06/2024 (£300.00 in the 12 months to then); none in the 28 months since. 3 of 4 comparable Plumber accounts (75%) buy Consumables."
  );
  expect(o.lapsed).toEqual(
    expect.objectContaining({
      lastOrderDate: d(2024, 6, 1),
      monthsSinceLastOrder: 28,
      spendBefore: 300,
    })
  );
});

test("still no whitespace nor category never bought, and no dormant product: the win-back entry alone", () => {
  expect(detail.account.whitespace.gaps).toEqual([]);
  expect(detail.categoriesNotBought.map((c) => c.category)).not.toContain("Consumables");
  expect(detail.dormantProducts).toEqual([]);
});

test("the plan wins it back with the list's figure; competitor displacement gives the same median", () => {
  const i = detail.plan.initiatives.find((x) => x.title === "Win back Consumables")!;
  expect([i.estimate, i.source, i.type, i.categories]).toEqual([
    120,
    "opportunity 1 (High)",
    "Win-back",
    ["Consumables"],
  ]);
  expect(detail.plan.initiatives.filter((x) => x.categories.includes("Consumables"))).toHaveLength(
    1
  );
  expect(detail.competitorDisplacement.map((c) => [c.category, c.share, c.medianSpend])).toEqual([
    ["Consumables", 0.75, 120],
  ]);
  const ranked = crossSellSheet(detail, opts).blocks.find((b) => b.rows[0]?.[0] === "Rank")!;
  const head = ranked.rows[0] as string[];
  const row = ranked.rows.find((r) => r[1] === "Consumables")!;
  expect([row[0], row[head.indexOf("Priority")], row[head.indexOf("Annual estimate")]]).toEqual([
    1,
    "High",
    120,
  ]);
});

test("the QBR recommends it with the same figure, on its internal sheet", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  expect(q.recommendations.map((o) => [o.rank, o.offer, o.priority, o.annualEstimate])).toEqual([
    [1, "Consumables", "High", 120],
  ]);
  // the figure on the QBR's internal sheet; the Insights page the customer reads has none
  const sheets = qbrSheets(q, opts);
  const rowOf = (kind: string, head: string) =>
    sheets
      .find((s) => s.kind === kind)!
      .blocks.find((x) => x.rows[0]?.[0] === head)!
      .rows.find((r) => r[0] === "1. Consumables")!;
  expect(rowOf("qbr-prep", "Recommendation (Insights page)")).toContain(120);
  expect(rowOf("qbr-insights", "Recommendation")).not.toContain(120);
});
