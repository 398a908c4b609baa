/**
 * A lost account's plan is a win-back plan, and its status is said at the top. The sample's
 * C0135 (marked "Lost" in the Accounts table) had a +50% target, rising quarterly targets and
 * "Introduce …" initiatives, and neither its Plan nor its Health Report said "Lost".
 *
 * Data, as of 31/10/2026: A buys category X only, £100 on 10/01/2026 and £200 on 10/05/2026
 * (12-month revenue £300); B, C and D buy X (£100 each) and Y (£50 each), so Y is whitespace for A.
 * Marked lost ("Moved to a national distributor on price"):
 *   no growth: revenue to win back £300 (the last 12 months), quarters £300 / 4 = £75.00 each;
 *   categories 1 → 1; no "Introduce Y"; the win-back initiative is "Stage 5 – Exit interview".
 * Not marked lost, the same data: +50% → £450, and "Introduce Y" (the control).
 */
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { planSheet } from "../../src/sheets/planSheet";
import { healthReportSheet } from "../../src/sheets/healthReportSheet";
import { relationshipSheet } from "../../src/sheets/relationshipSheet";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const book = () =>
  bookOf([
    line("A", d(2026, 1, 10), "X1", 100, { category: "X" }),
    line("A", d(2026, 5, 10), "X1", 200, { category: "X" }),
    ...["B", "C", "D"].flatMap((id) => [
      line(id, d(2026, 9, 1), "X1", 100, { category: "X" }),
      line(id, d(2026, 9, 1), "Y1", 50, { category: "Y" }),
    ]),
  ]);

function detail(lost: boolean) {
  const model = buildPortfolio(book(), {
    asOf,
    accounts: [
      lost
        ? { accountId: "A", lost: true, lostReason: "Moved to a national distributor on price" }
        : { accountId: "A" },
    ],
  });
  return analyzeAccount(model, "A");
}

const opts = layoutOptions({ asOf, currency: "GBP" });
const valueAt = (blocks: { at: string; rows: unknown[][] }[], at: string) =>
  blocks.find((b) => b.at === at)?.rows[0]?.[0];
const pairOf = (blocks: { at: string; rows: unknown[][] }[], label: string) =>
  blocks.find((b) => b.rows[0]?.[0] === label && b.rows[0].length === 2)?.rows[0][1];

it("marked lost: a win-back plan with no growth, no new category, its status at the top", () => {
  const x = detail(true);
  expect(x.plan.lost).toBe(true);
  expect(x.plan.revenueTarget).toBe(300);
  expect(x.plan.quarterlyTargets.map((q) => q.target)).toEqual([75, 75, 75, 75]);
  expect(x.plan.categoriesTarget).toBe(1);
  const titles = x.plan.initiatives.map((i) => i.title);
  expect(titles.some((t) => /^Introduce|^Upgrade/.test(t))).toBe(false);
  expect(titles).toContain("Win back: Stage 5 – Exit interview");

  const plan = planSheet(x, opts);
  expect(valueAt(plan.blocks, "A3")).toBe(
    "Status: Lost (marked in the accounts table: Moved to a national distributor on price). This is a win-back plan (Stage 5 – Exit interview): no growth target, no new categories or upsell until the account orders again."
  );
  expect(pairOf(plan.blocks, "Growth target")).toBe("none: win the account back first");
  // both orders are in the 12 months to the month of its last order (31/05/2025, 31/05/2026]: £300
  expect(x.plan.winBackBaseline).toEqual({ revenue: 300, to: d(2026, 5, 31) });
  expect(
    pairOf(
      plan.blocks,
      "Revenue to win back (its 12 months to 31/05/2026, the month of its last order)"
    )
  ).toBe(300);
  expect(pairOf(plan.blocks, "Categories: now → target")).toBe("1 → 1");
  // the quarters are headed as the figure above them says (no "Revenue target" without a growth
  // target), and the SWOT says what it bought, not that it buys: it has stopped
  const quarters = plan.blocks.find((b) => b.rows[0]?.[0] === "Next 12 months, by 3 months")!;
  expect(quarters.rows[0]).toEqual(["Next 12 months, by 3 months", "Revenue to win back"]);
  expect(x.plan.swot.strengths).toEqual([
    "Bought 1 category in the last 12 months, before it stopped ordering: X.",
  ]);

  const report = healthReportSheet(x, opts);
  expect(String(valueAt(report.blocks, "A3"))).toMatch(
    /^Status: Lost \(marked in the accounts table/
  );
});

it("not marked lost: +50% (£300 → £450) and Y introduced, no status line", () => {
  const x = detail(false);
  expect(x.plan.lost).toBe(false);
  expect(x.plan.winBackBaseline).toBeNull();
  expect(x.plan.revenueTarget).toBe(450);
  expect(x.plan.initiatives.map((i) => i.title)).toContain("Introduce Y");
  // 174 days since its last order (10/05/2026): lapsed, so what it bought is in the past tense
  expect(x.plan.swot.strengths).toEqual([
    "Bought 1 category in the 12 months to 31/10/2026, none since its last order on 10/05/2026: X.",
  ]);
  expect(valueAt(planSheet(x, opts).blocks, "A3")).toBeUndefined();
  expect(valueAt(healthReportSheet(x, opts).blocks, "A3")).toBeUndefined();
});

/*
 * Sites of an account that has stopped as a whole, as of 31/10/2026: S orders at its North site
 * £100 on 10/01/2026 and at its South site £200 on 10/05/2026; neither has ordered in the last 90
 * days (294 and 174 days): both silent. Its last order is 174 days ago, Stage 4 – Recovery offer.
 * L is the same, marked lost: Stage 5 – Exit interview. Before, both plans (and relationship maps)
 * proposed "Multi-site expansion: 2 of 2 sites do not order (North, South): map their contacts and
 * ask for an introduction to each site manager." (a growth idea on a lost account's win-back plan,
 * when no site orders at all), and their next actions listed the win-back twice: its action, then
 * the win-back initiative that repeats it. T, the control: North ordering (£150 on 01/10/2026, 30
 * days) and South silent: 1 of 2 sites does not order, expansion proposed; estimate = North's
 * 12-month revenue £100 + £150 = £250 (the median of the one ordering site) less South's own £200
 * of the 12 months (already in the account's revenue) = £50.
 */
describe("an account none of whose sites orders: its win-back, no multi-site expansion", () => {
  const model = buildPortfolio(
    bookOf([
      ...["S", "L", "T"].flatMap((id) => [
        line(id, d(2026, 1, 10), "X1", 100, { category: "X", site: "North" }),
        line(id, d(2026, 5, 10), "X1", 200, { category: "X", site: "South" }),
      ]),
      line("T", d(2026, 10, 1), "X1", 150, { category: "X", site: "North" }),
    ]),
    {
      asOf,
      accounts: [{ accountId: "S" }, { accountId: "L", lost: true }, { accountId: "T" }],
    }
  );
  const sheetTexts = (x: ReturnType<typeof analyzeAccount>) =>
    [planSheet(x, opts), relationshipSheet(x, opts)]
      .flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))
      .filter((v): v is string => typeof v === "string");

  it.each([
    ["S", "Stage 4 – Recovery offer"],
    ["L", "Stage 5 – Exit interview"],
  ])("%s (%s): no multi-site proposal; the win-back once in the next actions", (id, stage) => {
    const x = analyzeAccount(model, id);
    expect(x.account.winBack?.name).toBe(stage);
    expect(x.relationships.sites.map((s) => [s.site, s.status])).toEqual([
      ["South", "silent"],
      ["North", "silent"],
    ]);
    expect(x.relationships.multiSite).toBeNull();
    expect(x.plan.initiatives.some((i) => i.type === "Multi-site expansion")).toBe(false);
    expect(sheetTexts(x).filter((t) => /multi-site|site manager/i.test(t))).toEqual([]);
    expect(x.plan.nextActions.filter((a) => a.includes(x.account.winBack!.action))).toEqual([
      x.account.winBack!.action,
    ]);
    expect(x.plan.nextActions.filter((a) => a.startsWith("Win back:"))).toEqual([]);
  });

  it("T, one site still ordering: the expansion into the silent one stays", () => {
    const x = analyzeAccount(model, "T");
    expect(x.relationships.multiSite).toMatchObject({ notOrdering: ["South"], estimate: 50 });
    expect(
      sheetTexts(x).filter((t) =>
        t.startsWith("Multi-site expansion: 1 of 2 sites have not ordered in the last 90 days")
      )
    ).toHaveLength(2);
  });
});

/*
 * What there is to win back is what the account spent before it stopped, not what is left of it in
 * the last 12 months, over the 12 whole months its QBR looks back on (to the end of the month of its
 * last order), so the plan and the QBR give one figure. The sample's C0135 stopped on 13/02/2026:
 * £2,535.76 in the 12 months to the as-of, £10,069.88 in the 12 months to 28/02/2026 (the QBR's
 * look-back), while its plan said "Revenue to win back £2,535.76" beside "Recover …" initiatives
 * worth £9,315.71.
 *
 * W, marked lost ("Moved to a national distributor on price"), as of 31/10/2026, buys X:
 * £400 on 10/01/2025, £300 on 10/06/2025, £100 on 10/01/2026 (its last order).
 * - last 12 months (31/10/2025, 31/10/2026]: £100;
 * - 12 months to the month of its last order (31/01/2025, 31/01/2026]: £300 + £100 = £400 (the
 *   £400 of 10/01/2025 is before it): revenue to win back £400, quarters £100 each.
 * B, C, D (the same industry) buy X £100 and Y £50 on 01/09/2026: Y would be "probably bought
 * elsewhere" for W; lost, it has taken everything elsewhere, so the threat and the competitive
 * intelligence say that instead of singling Y out.
 */
describe("a lost account that stopped months ago: the run-rate it had is what to win back", () => {
  const model = buildPortfolio(
    bookOf([
      line("W", d(2025, 1, 10), "X1", 400, { category: "X" }),
      line("W", d(2025, 6, 10), "X1", 300, { category: "X" }),
      line("W", d(2026, 1, 10), "X1", 100, { category: "X" }),
      ...["B", "C", "D"].flatMap((id) => [
        line(id, d(2026, 9, 1), "X1", 100, { category: "X" }),
        line(id, d(2026, 9, 1), "Y1", 50, { category: "Y" }),
      ]),
    ]),
    {
      asOf,
      accounts: [
        {
          accountId: "W",
          industry: "Plumber",
          lost: true,
          lostReason: "Moved to a national distributor on price",
        },
        ...["B", "C", "D"].map((accountId) => ({ accountId, industry: "Plumber" })),
      ],
    }
  );
  const x = analyzeAccount(model, "W");
  const plan = planSheet(x, opts);
  const texts = plan.blocks
    .flatMap((b) => b.rows.flat())
    .filter((v): v is string => typeof v === "string");

  it("revenue to win back: £400 in the 12 months to 31/01/2026, £100 a quarter; last 12 months £100", () => {
    expect(x.plan.revenueBaseline).toBe(100);
    expect(x.plan.winBackBaseline).toEqual({ revenue: 400, to: d(2026, 1, 31) });
    expect(x.plan.revenueTarget).toBe(400);
    expect(x.plan.quarterlyTargets.map((q) => q.target)).toEqual([100, 100, 100, 100]);
    expect(pairOf(plan.blocks, "Revenue last 12 months")).toBe(100);
    expect(
      pairOf(
        plan.blocks,
        "Revenue to win back (its 12 months to 31/01/2026, the month of its last order)"
      )
    ).toBe(400);
  });

  it("the threat is the loss itself, and no category is singled out as bought elsewhere", () => {
    expect(x.competitorDisplacement).toEqual([]);
    expect(x.plan.swot.threats).toEqual([
      "Lost to another supplier (the accounts table: Moved to a national distributor on price): £400.00 in the 12 months to 31/01/2026, the month of its last order, now goes elsewhere.",
    ]);
    expect(texts).toContain(
      "All of it: the account is marked lost (the accounts table: Moved to a national distributor on price). What it bought now goes to another supplier; the exit interview asks why."
    );
    expect(texts).toContain("☐ Who else do you work with for these products?");
    expect(texts.some((t) => /\bY\b.*probably bought elsewhere/.test(t))).toBe(false);
  });

  it("the control, not lost: Y is probably bought elsewhere (3 of 3 Plumber accounts)", () => {
    const control = analyzeAccount(
      buildPortfolio(
        bookOf([
          line("W", d(2025, 1, 10), "X1", 400, { category: "X" }),
          line("W", d(2026, 1, 10), "X1", 100, { category: "X" }),
          ...["B", "C", "D"].flatMap((id) => [
            line(id, d(2026, 9, 1), "X1", 100, { category: "X" }),
            line(id, d(2026, 9, 1), "Y1", 50, { category: "Y" }),
          ]),
        ]),
        {
          asOf,
          accounts: ["W", "B", "C", "D"].map((accountId) => ({ accountId, industry: "Plumber" })),
        }
      ),
      "W"
    );
    expect(control.competitorDisplacement.map((c) => c.category)).toEqual(["Y"]);
    expect(control.plan.winBackBaseline).toBeNull();
  });
});
