/**
 * A lost account's Breakdown and Cross-Sell agree with its plan and QBR: nothing to sell it. The
 * sample's lost C0135 had a win-back plan ("no growth target, no new categories or upsell until
 * the account orders again") and a QBR saying "None this time", while its Breakdown and Cross-Sell
 * listed 20 opportunities (Electrical, premium sealants …) under "the same list as … the plan and
 * the QBR". The one ranked list is now empty for a lost account (opportunitiesWithheld), and both
 * sheets say why in its place; the factual tables (what it bought, dormant products) stay.
 *
 * Data, as of 31/10/2026 (no industry or tier: every other account is comparable):
 * - A, marked lost: X only, £100 on 10/01/2026 and £200 on 10/05/2026.
 * - E, not marked lost (the control): X only, £100 on 01/06/2026 and £200 on 01/08/2026.
 * - B, C, D: X £100 and Y £50 each, on 01/09/2026.
 * For E: of the 4 other accounts (A, B, C, D), 3 buy Y: 3/4 = 75% ≥ 50% → High; the estimate is
 * their median 12-month spend on Y, median(50, 50, 50) = £50. No data rule X → Y: 5 accounts buy X,
 * 3 of them Y (confidence 3/5 = 60%), and 3 of 5 accounts buy Y (base rate 60%): lift 1.0 < 1.2.
 * So E's list is Y alone: rank 1, High, "3 of 4", 75%, £50, comparable accounts.
 */
import { accountOpportunities, analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { LOST_AS_OF, lostAndControlBook } from "./lostAndControl";

const asOf = LOST_AS_OF;
const model = () =>
  buildPortfolio(lostAndControlBook(), {
    asOf,
    accounts: [
      { accountId: "A", lost: true, lostReason: "Moved to a national distributor on price" },
      { accountId: "E" },
    ],
  });

const opts = layoutOptions({ asOf, currency: "GBP" });
const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");
/** the row of a block that starts with `first` */
const rowStarting = (s: SheetSpec, first: unknown): unknown[] | undefined =>
  s.blocks.flatMap((b) => b.rows).find((row) => row[0] === first && row.length > 2);

const REASON =
  /^None: A is marked lost in the accounts table\. Win it back first: nothing new, no other category and no upsell, is offered until it orders again, as its plan and QBR say\. What it used to buy is in the plan's win-back initiatives/;

test("lost: the one list is empty, for the detail and for the dashboard's own reading", () => {
  const m = model();
  expect(analyzeAccount(m, "A").opportunities).toEqual([]);
  expect(accountOpportunities(m, "A")).toEqual([]);
});

test("lost: the Breakdown lists no opportunity, says why, and keeps what it bought", () => {
  const s = breakdownSheet(analyzeAccount(model(), "A"), opts);
  const all = texts(s);
  expect(
    all.some((t) => t.startsWith("Opportunities: none while the account is lost (the same answer"))
  ).toBe(true);
  expect(all.some((t) => REASON.test(t))).toBe(true);
  expect(all.some((t) => t.startsWith("Opportunities: what to sell next"))).toBe(false);
  expect(all).not.toContain("Y");
  expect(all.some((t) => /^Priority: High when/.test(t))).toBe(false);
  // the factual tables stay: what it bought (X, £300, 100%) and the dormant products' section
  expect(rowStarting(s, "X")?.slice(0, 3)).toEqual(["X", 300, 1]);
  expect(all.some((t) => t.startsWith("Dormant products"))).toBe(true);
});

test("lost: the Cross-Sell sheet lists nothing to sell and says why", () => {
  const s = crossSellSheet(analyzeAccount(model(), "A"), opts);
  const all = texts(s);
  expect(all.some((t) => REASON.test(t))).toBe(true);
  expect(all).not.toContain("Y");
  for (const heading of [
    "Products to add",
    "Product-line gaps",
    "Upsell to premium alternatives",
    "Competitor displacement",
  ])
    expect(all.some((t) => t.startsWith(heading))).toBe(false);
  expect(all.some((t) => t.startsWith("Opportunities, ranked"))).toBe(false);
});

test("not lost, the same data: E still gets Y (rank 1, High, 3 of 4, 75%, £50)", () => {
  const x = analyzeAccount(model(), "E");
  expect(x.opportunities.map((o) => [o.rank, o.offer, o.priority])).toEqual([[1, "Y", "High"]]);
  expect(x.opportunities[0].likelihood).toBeCloseTo(0.75, 10);
  expect(x.opportunities[0].annualEstimate).toBe(50);

  const b = breakdownSheet(x, opts);
  expect(rowStarting(b, 1)).toEqual([
    1,
    "Y",
    "High",
    "3 of 4",
    0.75,
    null,
    50,
    "comparable accounts",
  ]);
  expect(texts(b).some((t) => t.startsWith("Opportunities: what to sell next"))).toBe(true);
  expect(texts(b).some((t) => REASON.test(t))).toBe(false);

  const c = crossSellSheet(x, opts);
  const row = rowStarting(c, 1)!;
  expect([row[0], row[1], row[2], row[5], row[6]]).toEqual([1, "Y", "High", 50, 0.75]);
  expect(texts(c).some((t) => REASON.test(t))).toBe(false);
});
