import { analyzePortfolio } from "../../../src/domain/analysis";
import type { AccountRecord, OrderLine } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";
import { dashboardSheet } from "../../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../../src/sheets/options";

const asOf = d(2025, 6, 30);
const recent = d(2025, 6, 1);

describe("ABC tiers (Pareto on 12-month revenue)", () => {
  it("is A while the cumulative share is ≤ 80% — exactly 80% is still A — B to 95%, C after", () => {
    // 50 + 30 = 80 of 100 → A, A; + 15 = 95% → B; + 5 = 100% → C
    const p = analyzePortfolio(
      bookOf([
        line("W", recent, "s", 50),
        line("X", recent, "s", 30),
        line("Y", recent, "s", 15),
        line("Z", recent, "s", 5),
      ]),
      { asOf }
    );
    const tier = Object.fromEntries(p.accounts.map((a) => [a.accountId, a.abcTier]));
    expect(tier).toEqual({ W: "A", X: "A", Y: "B", Z: "C" });
    expect(p.accounts.find((a) => a.accountId === "X")!.cumulativeShare).toBeCloseTo(0.8, 12);
    expect(p.dashboard.abc).toEqual([
      { tier: "A", count: 2, revenue: { "": 80 } },
      { tier: "B", count: 1, revenue: { "": 15 } },
      { tier: "C", count: 1, revenue: { "": 5 } },
    ]);
    // key-account candidates: the A accounts (and Growth Potential ones)
    expect(p.accounts.find((a) => a.accountId === "W")!.keyAccountCandidate).toBe(true);
  });

  it("puts the account whose own revenue takes the cumulative share past 80% in B (PRODUCT.md §2.2a)", () => {
    // 500 / 302 / 198 of 1,000: cumulative 50% → A, 80.2% (> 80%) → B, 100% (> 95%) → C
    const p = analyzePortfolio(
      bookOf([
        line("X", recent, "s", 500),
        line("Y", recent, "s", 302),
        line("Z", recent, "s", 198),
      ]),
      { asOf }
    );
    expect(p.accounts.map((a) => [a.accountId, a.abcTier])).toEqual([
      ["X", "A"],
      ["Y", "B"],
      ["Z", "C"],
    ]);
  });

  it("keeps the largest account A even when it alone holds more than 80%", () => {
    // BIG 81 of 100: the rule would make it B (81% > 80%) and leave the currency no A account;
    // the largest is A by exception. SMALL: cumulative 100% > 95% → C, as the rule says
    const p = analyzePortfolio(
      bookOf([line("BIG", recent, "s", 81), line("SMALL", recent, "s", 19)]),
      { asOf }
    );
    expect(p.accounts.map((a) => [a.accountId, a.abcTier])).toEqual([
      ["BIG", "A"],
      ["SMALL", "C"],
    ]);
  });
});

describe("parent / child roll-up", () => {
  const lines = [
    line("P", recent, "a", 100),
    line("C1", recent, "b", 50),
    line("C2", d(2025, 6, 10), "c", 25),
  ];
  const accounts: AccountRecord[] = [
    { accountId: "P", name: "Parent plc" },
    { accountId: "C1", parentId: "P" },
    { accountId: "C2", parentId: "P" },
  ];
  const p = analyzePortfolio(bookOf(lines), { asOf, accounts });
  const row = (id: string) => p.accounts.find((a) => a.accountId === id)!;

  it("includes the children's figures in the parent's and lists them", () => {
    expect(row("P").revenueLast12).toBe(175); // 100 + 50 + 25
    expect(row("P").childIds).toEqual(["C1", "C2"]);
    expect(row("P").rolledUp).toBe(true);
    expect(row("P").health.inputs.lastOrderDate).toBe(d(2025, 6, 10)); // C2's order
    expect(row("P").health.inputs.productsLast12).toBe(3);
    expect(row("C1")).toMatchObject({
      revenueLast12: 50,
      isTopLevel: false,
      parentId: "P",
      abcTier: null,
    });
  });

  it("counts each line once in the portfolio totals", () => {
    expect(p.dashboard.accountsManaged).toBe(1);
    expect(p.dashboard.annualRevenue).toEqual({ "": 175 });
  });

  it("rolls grandchildren up too and survives a parent cycle", () => {
    const q = analyzePortfolio(
      bookOf([
        line("G", recent, "a", 10),
        line("K", recent, "a", 20),
        line("T", recent, "a", 40),
        line("X1", recent, "a", 1),
        line("X2", recent, "a", 2),
      ]),
      {
        asOf,
        accounts: [
          { accountId: "K", parentId: "G" },
          { accountId: "T", parentId: "K" },
          { accountId: "X1", parentId: "X2" },
          { accountId: "X2", parentId: "X1" },
        ],
      }
    );
    expect(q.accounts.find((a) => a.accountId === "G")!.revenueLast12).toBe(70);
    expect(q.accounts.find((a) => a.accountId === "K")!.revenueLast12).toBe(60);
    expect(q.warnings.length).toBeGreaterThan(0);
  });
});

describe("currencies are never added together", () => {
  const lines = [
    line("M", recent, "a", 100, { currency: "GBP" }),
    line("M", recent, "a", 80, { currency: "EUR" }),
    line("N", recent, "a", 10, { currency: "GBP" }),
  ];
  const p = analyzePortfolio(bookOf(lines), { asOf });

  it("gives one row per (account, currency)", () => {
    const m = p.accounts.filter((a) => a.accountId === "M");
    expect(m.map((a) => [a.key, a.currency, a.revenueLast12])).toEqual([
      ["M (EUR)", "EUR", 80],
      ["M (GBP)", "GBP", 100],
    ]);
  });

  it("totals per currency with a warning", () => {
    expect(p.dashboard.annualRevenue).toEqual({ GBP: 110, EUR: 80 });
    expect(p.currencies).toEqual(["EUR", "GBP"]);
    expect(p.currencyWarning).toMatch(/never added/);
  });

  it("ranks ABC within each currency", () => {
    // GBP: M 100 of 110, the largest → A; N 10, cumulative 110/110 = 100% (> 95%) → C;
    // EUR: M, the only account (cumulative 100%), the largest → A
    const tiers = p.accounts.map((a) => [a.key, a.abcTier]);
    expect(tiers).toEqual([
      ["M (EUR)", "A"],
      ["M (GBP)", "A"],
      ["N", "C"],
    ]);
  });
});

describe("whitespace, quadrant and competitor groups", () => {
  // Four plumbers. Category B is bought by P1 (£200) and P2 (£400), category A by all.
  const lines: OrderLine[] = [
    line("P1", recent, "a", 100, { category: "A" }),
    line("P1", recent, "b", 200, { category: "B" }),
    line("P2", recent, "a", 300, { category: "A" }),
    line("P2", recent, "b", 400, { category: "B" }),
    line("P3", recent, "a", 500, { category: "A" }),
    line("P4", recent, "a", 50, { category: "A" }),
  ];
  const accounts: AccountRecord[] = [
    { accountId: "P1", industry: "Plumber", engagement: 4 },
    { accountId: "P2", industry: "Plumber" },
    { accountId: "P3", industry: "Plumber", engagement: 2 },
    { accountId: "P4", industry: "Plumber", engagement: 4 },
  ];
  const p = analyzePortfolio(bookOf(lines), { asOf, accounts });
  const row = (id: string) => p.accounts.find((a) => a.accountId === id)!;

  it("estimates whitespace from the same industry at the median spend of the buyers", () => {
    // P3's peers: P1, P2, P4 (3 ≥ MIN_COMPARABLE_ACCOUNTS). B: 2 of 3 buy it ≥ half → whitespace;
    // median of 200 and 400 = 300
    expect(row("P3").whitespace).toEqual({
      basis: "industry",
      basisValue: "Plumber",
      comparableAccounts: 3,
      gaps: [
        {
          category: "B",
          comparableBuyers: 2,
          comparableAccounts: 3,
          share: 2 / 3,
          medianSpend: 300,
        },
      ],
      potential: 300,
    });
    expect(row("P1").whitespace.potential).toBe(0);
  });

  it("places accounts in quadrants with the median potential as the money cut", () => {
    // potentials 0, 0, 300, 300 → median 150
    expect(row("P1").quadrant).toMatchObject({
      quadrant: "Maintenance",
      engagement: 4,
      potential: 0,
      potentialCut: 150,
    });
    expect(row("P3").quadrant).toMatchObject({
      quadrant: "Growth Potential",
      engagement: 2,
      potential: 300,
    });
    expect(row("P4").quadrant.quadrant).toBe("Key");
    // no engagement given: the health score stands in
    expect(row("P2").quadrant.engagementSource).toBe("health score");
    expect(row("P2").quadrant.engagement).toBe(row("P2").health.score);
    // Growth Potential makes a key-account candidate
    expect(row("P3").keyAccountCandidate).toBe(true);
    expect(row("P3").keyAccountReason).toMatch(/Growth Potential/);
  });

  it("falls back to the tier, then to all accounts, when the industry group is too small", () => {
    const q = analyzePortfolio(bookOf(lines), {
      asOf,
      accounts: [
        { accountId: "P1", industry: "Plumber", tier: "Gold" },
        { accountId: "P2", industry: "Builder", tier: "Gold" },
        { accountId: "P3", industry: "Plumber", tier: "Gold" },
        { accountId: "P4", tier: "Gold" },
      ],
    });
    expect(q.accounts.find((a) => a.accountId === "P3")!.whitespace).toMatchObject({
      basis: "tier",
      basisValue: "Gold",
      comparableAccounts: 3,
    });
    const r = analyzePortfolio(bookOf(lines), { asOf });
    expect(r.accounts.find((a) => a.accountId === "P3")!.whitespace).toMatchObject({
      basis: "all",
      comparableAccounts: 3,
      potential: 300,
    });
  });

  it("lays out the whitespace map with the flagged empty cells", () => {
    expect(p.whitespaceMap.categories).toEqual(["A", "B"]);
    const r3 = p.whitespaceMap.rows.find((r) => r.accountId === "P3")!;
    expect(r3).toMatchObject({ spend: [500, 0], whitespace: [null, 300], industry: "Plumber" });
    expect(p.whitespaceMap.rows.find((r) => r.accountId === "P1")!.whitespace).toEqual([
      null,
      null,
    ]);
  });
});

describe("dashboard", () => {
  it('a focus account whose band was set by hand says so, with its reason (no "At Risk" beside a healthy score unexplained)', () => {
    const lines = [
      line("OK", d(2025, 6, 29), "s", 10, { category: "A" }), // 1 day since the last order: recency 5
      line("R2", d(2025, 3, 1), "s", 900), // 121 days: Critical by the score
    ];
    const accounts: AccountRecord[] = [
      { accountId: "OK", healthOverride: { band: "At Risk", reason: "Buyer leaving in December" } },
    ];
    const p = analyzePortfolio(bookOf(lines), { asOf, accounts });
    const ok = p.dashboard.focusAccounts.find((f) => f.accountId === "OK")!;
    expect(ok).toMatchObject({ band: "At Risk", overrideReason: "Buyer leaving in December" });
    expect(p.dashboard.focusAccounts.find((f) => f.accountId === "R2")!.overrideReason).toBeNull();
    const spec = dashboardSheet(p, layoutOptions({ asOf }));
    const rows = spec.blocks
      .filter((b) => b.table?.name === "KAP_Dashboard_Focus")
      .flatMap((b) => b.rows);
    const col = (h: string) => rows[0].indexOf(h);
    const okRow = rows.find((r) => r[0] === "OK")!;
    expect(okRow[col("Status")]).toBe("At Risk (override)");
    expect(String(okRow[col("Next action")])).toMatch(/\(override: Buyer leaving in December\)$/);
    expect(rows.find((r) => r[0] === "R2")![2]).toBe("Critical");
  });

  it("counts bands and picks focus accounts: At Risk / Critical, most revenue first", () => {
    const lines = [
      line("OK", d(2025, 6, 29), "s", 10, { category: "A" }),
      line("R1", d(2025, 3, 1), "s", 500), // 121 days: recency 1 …
      line("R2", d(2025, 3, 1), "s", 900),
    ];
    const p = analyzePortfolio(bookOf(lines), {
      asOf,
      accounts: [{ accountId: "R1", creditHold: true }],
    });
    expect(p.dashboard.accountsManaged).toBe(3);
    const focus = p.dashboard.focusAccounts;
    expect(focus.map((f) => f.accountId)).toEqual(["R2", "R1"]);
    // 121 days since the last order → Stage 4 (90+ days, RULES.md §2.4), whose action is the next action
    expect(focus[0].winBack!.stage).toBe(4);
    expect(focus[0].nextAction).toBe(focus[0].winBack!.action);
    const total = p.dashboard.bands.reduce((t, b) => t + b.count, 0);
    expect(total).toBe(3);
    expect(p.dashboard.openAlerts.length).toBeGreaterThan(0);
    // Critical first (R1's credit hold), then Warnings by revenue at stake (R2's £900 before R1's £500)
    expect(p.dashboard.openAlerts.map((a) => `${a.severity}:${a.kind}:${a.accountId}`)).toEqual([
      "Critical:creditHold:R1",
      "Warning:noOrder30Days:R2",
      "Warning:noOrder30Days:R1",
    ]);
  });
});

describe("accounts without order lines", () => {
  it("still get a row, as never ordered, in the data currency", () => {
    const p = analyzePortfolio(bookOf([line("A", recent, "s", 10, { currency: "GBP" })]), {
      asOf,
      accounts: [{ accountId: "A" }, { accountId: "QUIET", name: "Quiet Ltd" }],
    });
    const q = p.accounts.find((a) => a.accountId === "QUIET")!;
    expect(q).toMatchObject({
      name: "Quiet Ltd",
      currency: "GBP",
      revenueLast12: 0,
      rolledUp: false,
      winBack: null,
    });
    expect(q.health.inputs.daysSinceLastOrder).toBeNull();
    // never ordered → recency 1; both periods empty → 1, 1; no categories → 1
    expect(q.health.score).toBe(1);
    expect(p.dashboard.accountsManaged).toBe(2);
  });
});
