/**
 * A category lapsed 13–24 months is one win-back entry with one value on every sheet. Before, the
 * sample's C0071 (Westfield Heating Services) had no Consumables entry at all: competitor
 * displacement priced it at the Plumbers' median (£1,692.84) and the plan recovered its one product
 * at its own prior spend ("Recover Abrasive Discs (10), Flap 115mm", £45.40): two figures, no entry.
 * Now it is ranked as a category lapsed more than 24 months is (lapsedLongAgoWinBack.test.ts):
 * priced at the comparable accounts' median, the basis said in its Why, its dormant product its own.
 *
 * Hand-built portfolio, as of 31/10/2026, every account Plumber:
 *   A        Fittings £100 (01/09/2026); Consumables CON1 £30.00 (01/01/2025), £15.40 (17/02/2025)
 *   B C D    Fittings £50; Consumables £80, £120, £160 (01/09/2026)
 *   E        Fittings £50 (01/09/2026)
 * A's last Consumables: 17/02/2025; 17/02/2025 + 20 months = 17/10/2026 ≤ 31/10/2026 < 17/11/2026:
 *   20 whole months. Its spend in the 12 months to then (17/02/2024, 17/02/2025]: £45.40.
 * CON1 is a dormant product (prior 12 months 01/11/2024–31/10/2025: £45.40; last 12: £0), last
 *   ordered 20 months ago → churn risk High (7+).
 * A's comparable accounts: B C D E; 3 of 4 (75%) buy Consumables → High; estimate = their median
 *   of £80, £120, £160 = £120.00, competitor displacement's figure (3 of 4 Plumber accounts).
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const now = d(2026, 9, 1);
const fittings = (id: string, v: number) => line(id, now, "FIT", v, { category: "Fittings" });
const con = (id: string, date: number, v: number) =>
  line(id, date, "CON1", v, { category: "Consumables" });
const model = buildPortfolio(
  bookOf([
    fittings("A", 100),
    con("A", d(2025, 1, 1), 30),
    con("A", d(2025, 2, 17), 15.4),
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

function rowsUnder(s: SheetSpec, first: string): Map<string, unknown>[] {
  const b = s.blocks.find((x) => x.rows[0]?.[0] === first);
  if (!b) throw new Error(`${s.name}: no block headed "${first}"`);
  const head = b.rows[0] as string[];
  return b.rows.slice(1).map((r) => new Map(head.map((h, i) => [h, r[i]])));
}

test("Consumables is one win-back entry: rank 1, High, 75%, £120.00, its last purchase first", () => {
  const named = detail.opportunities.filter((x) => x.offer === "Consumables");
  expect(named).toHaveLength(1);
  const o = named[0];
  expect([o.rank, o.kind, o.priority, o.likelihood, o.annualEstimate]).toEqual([
    1,
    "win-back",
    "High",
    0.75,
    120,
  ]);
  expect(o.rationale).toBe(
    "Bought Consumables until 17/02/2025 (£45.40 in the 12 months to then); none in the 20 months since. 3 of 4 comparable Plumber accounts (75%) buy Consumables."
  );
  // the dormant product stays in the products table, its category named
  expect(
    detail.dormantProducts.map((p) => [p.sku, p.category, p.revenuePrior12, p.churnRisk])
  ).toEqual([["CON1", "Consumables", 45.4, "High"]]);
});

test("the plan: one initiative for Consumables at the list's £120.00, no 'Recover' at £45.40 beside it", () => {
  const about = detail.plan.initiatives.filter(
    (i) => i.categories.includes("Consumables") || i.skus.includes("CON1")
  );
  expect(about.map((i) => [i.title, i.estimate, i.source, i.type])).toEqual([
    ["Win back Consumables", 120, "opportunity 1 (High)", "Win-back"],
  ]);
  expect(detail.plan.initiatives.some((i) => i.title.startsWith("Recover"))).toBe(false);
  const rows = planSheet(detail, opts).blocks.flatMap((b) => b.rows);
  expect(rows.find((r) => r[0] === "Win back Consumables")).toContain(120);
  expect(rows.some((r) => r.includes(45.4))).toBe(false);
});

test("competitor displacement, the Breakdown, the Cross-Sell sheet and the QBR: the same £120.00", () => {
  expect(detail.competitorDisplacement.map((c) => [c.category, c.share, c.medianSpend])).toEqual([
    ["Consumables", 0.75, 120],
  ]);
  expect(detail.competitorDisplacement[0].message).toBe(
    "3 of 4 Plumber accounts (75%) buy Consumables; this account bought it before and not in the last 12 months: probably bought elsewhere now."
  );
  const b = rowsUnder(breakdownSheet(detail, opts), "Rank").find(
    (r) => r.get("Offer") === "Consumables"
  )!;
  expect([b.get("Rank"), b.get("Priority"), b.get("Annual estimate")]).toEqual([1, "High", 120]);
  const c = rowsUnder(crossSellSheet(detail, opts), "Rank").find(
    (r) => r.get("Consider selling") === "Consumables"
  )!;
  expect(c.get("Annual estimate")).toBe(120);
  // the Why says whose figure it is: the peers' median, not A's own £45.40
  expect(String(c.get("Why (in words)"))).toContain(
    "the median 12-month spend of the 3 comparable Plumber accounts that buy Consumables"
  );
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  expect(q.recommendations.map((o) => [o.rank, o.offer, o.annualEstimate])).toEqual([
    [1, "Consumables", 120],
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

test("a win-back only two comparable accounts buy is priced at its own £45.40 before, not their median", () => {
  // B and C buy Consumables (£80, £120), D and E not: 2 of 4, under the 3 accounts evidence
  // needs; their median £100 would be a rough figure: A's own £45.40 in the 12 months to its last
  const thin = buildPortfolio(
    bookOf([
      fittings("A", 100),
      con("A", d(2025, 1, 1), 30),
      con("A", d(2025, 2, 17), 15.4),
      fittings("B", 50),
      con("B", now, 80),
      fittings("C", 50),
      con("C", now, 120),
      fittings("D", 50),
      fittings("E", 50),
    ]),
    {
      asOf,
      accounts: ["A", "B", "C", "D", "E"].map((accountId) => ({ accountId, industry: "Plumber" })),
    }
  );
  const det = analyzeAccount(thin, "A");
  const o = det.opportunities.find((x) => x.offer === "Consumables")!;
  expect([o.kind, o.annualEstimate]).toEqual(["win-back", 45.4]);
  const c = rowsUnder(crossSellSheet(det, opts), "Rank").find(
    (r) => r.get("Consider selling") === "Consumables"
  )!;
  expect(String(c.get("Why (in words)"))).toContain(
    "its own net spend on Consumables in the 12 months to its last purchase"
  );
  expect(
    det.plan.initiatives.filter((i) => i.categories.includes("Consumables")).map((i) => i.estimate)
  ).toEqual([45.4]);
});
