/**
 * The dashboard's focus accounts, revenue at stake and the order of its alerts (PRODUCT.md §2.8:
 * "lowest health with the most revenue at stake, with win-back stage and next action"). On the
 * sample the focus list was the 10 At Risk accounts with the most 12-month revenue (none of the 12
 * Critical ones), and 5 of the 10 "alerts that matter most" were Critical only because a Healthy
 * account's last order was small. Small books as of 30/06/2025, worked by hand:
 *
 * Revenue at stake = max(last 12 months, prior 12 months, 0); last 12 = 01/07/2024–30/06/2025,
 * prior 12 = 01/07/2023–30/06/2024.
 *   LOST   £600 on 01/09/2023 + £400 on 01/03/2024 (prior £1,000), £150 on 01/09/2024 (last £150)
 *          → at stake £1,000 (what it used to spend), not the £150 left in its last 12 months
 *   GROWN  £100 on 15/01/2024 (prior), £300 on 01/03/2025 (last) → at stake £300
 *
 * Bands by hand (weights 25/20/20/15/10/10, factors without data left out and the rest rescaled):
 *   one order, 01/03/2025 (121 days), nothing before: recency 1 (61+ days), frequency 1 (1 order in
 *     Jan–Mar, 0 in Apr–Jun: −100%), revenue n/a (no prior 12 months), diversity 1 (one product)
 *     → score 1.00, Critical; 121 days is win-back Stage 4 (90+ days)
 *   K1: £5,000 on 15/01/2024, £200 on 01/10/2024 (272 days): recency 1, frequency 1 (none in either
 *     quarter), revenue 1 (−96%), diversity 1 → 1.00, Critical, Stage 4; at stake £5,000
 *   HEALTHY: £800 on the 15th of every month 07/2023–06/2024 (prior £9,600), £1,000 on the 15th of
 *     every month 07/2024–05/2025 and £100 on 29/06/2025 (last 12: 12 orders, £11,100), SKUs of 6
 *     categories, engagement 5: recency 5 (1 day), frequency 3 (3 orders in Apr–Jun as in Jan–Mar),
 *     revenue 4 (+15.6%), diversity 5 (6 categories), engagement 5; no payment data:
 *     (5×25 + 3×20 + 4×20 + 5×15 + 5×10) ÷ 90 = 390 ÷ 90 = 4.33 → Healthy. Its last order, £100, is
 *     10.8% of its average order £925 (11,100 ÷ 12): a Critical alert by the rules (< 50%, §2.4)
 */
import { analyzePortfolio } from "../../../src/domain/analysis";
import { alertOrder, revenueAtStake } from "../../../src/domain/analysis/portfolio";
import type { OrderLine } from "../../../src/domain/types";
import { dashboardSheet } from "../../../src/sheets/dashboardSheet";
import { alertsSheet } from "../../../src/sheets/alertsSheet";
import { layoutOptions } from "../../../src/sheets/options";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);
const opts = layoutOptions({ asOf, currency: "GBP" });
const tableRows = (s: ReturnType<typeof dashboardSheet>, name: string) =>
  s.blocks.find((b) => b.table?.name === name)!.rows;
const texts = (s: ReturnType<typeof dashboardSheet>) =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");

/** An account with one order of `revenue` on 01/03/2025: 121 days silent, Critical (see above). */
const silent = (id: string, revenue: number) => line(id, d(2025, 3, 1), "s", revenue);
/**
 * An account whose first and only order, of `revenue`, was on 20/06/2025: recency 4 (10 days),
 * frequency and revenue n/a (its first order is inside both later periods: too little history),
 * diversity 1 → (4×25 + 1×15) ÷ 40 = 2.875 (2.88 to two places), At Risk; no win-back stage
 * (under 30 days).
 */
const atRisk = (id: string, revenue: number) => line(id, d(2025, 6, 20), "s", revenue);

describe("revenue at stake", () => {
  const p = analyzePortfolio(
    bookOf([
      line("LOST", d(2023, 9, 1), "s", 600),
      line("LOST", d(2024, 3, 1), "s", 400),
      line("LOST", d(2024, 9, 1), "s", 150),
      line("GROWN", d(2024, 1, 15), "s", 100),
      line("GROWN", d(2025, 3, 1), "s", 300),
    ]),
    { asOf }
  );
  const row = (id: string) => p.accounts.find((a) => a.accountId === id)!;

  it("is what an account that has stopped ordering used to spend: the larger of its last and prior 12 months", () => {
    expect([row("LOST").revenueLast12, row("LOST").revenuePrior12]).toEqual([150, 1000]);
    expect(revenueAtStake(row("LOST"))).toBe(1000);
    expect([row("GROWN").revenueLast12, row("GROWN").revenuePrior12]).toEqual([300, 100]);
    expect(revenueAtStake(row("GROWN"))).toBe(300);
  });

  it("is never below 0 (an account whose returns outweigh its orders has nothing at stake)", () => {
    expect(revenueAtStake({ revenueLast12: -20, revenuePrior12: 0 })).toBe(0);
  });
});

describe("focus accounts: the 5 Critical and the 5 At Risk with the most revenue at stake, Critical first", () => {
  // Critical: K1 (at stake £5,000, only £200 in the last 12 months) and K2–K7 (£700, £600, £500,
  // £400, £300, £100). At Risk: A1–A7, £10,000 down to £4,000. BIG: £40,000 on 15/01/2024 and
  // £50,000 on 20/06/2025: recency 4 (10 days), frequency 5 (1 order in Apr–Jun after none in
  // Jan–Mar, not its first: +∞), revenue 5 (+25%), diversity 1 → (4×25 + 5×20 + 5×20 + 1×15) ÷ 80
  // = 3.94, Stable: never a focus account, whatever its revenue.
  const critical: [string, number][] = [
    ["K2", 700],
    ["K3", 600],
    ["K4", 500],
    ["K5", 400],
    ["K6", 300],
    ["K7", 100],
  ];
  const risky = [10000, 9000, 8000, 7000, 6000, 5000, 4000].map((v, k): [string, number] => [
    `A${k + 1}`,
    v,
  ]);
  const lines: OrderLine[] = [
    line("K1", d(2024, 1, 15), "s", 5000),
    line("K1", d(2024, 10, 1), "s", 200),
    ...critical.map(([id, v]) => silent(id, v)),
    ...risky.map(([id, v]) => atRisk(id, v)),
    line("BIG", d(2024, 1, 15), "s", 40000),
    line("BIG", d(2025, 6, 20), "s", 50000),
  ];
  const p = analyzePortfolio(bookOf(lines), { asOf });
  const focus = p.dashboard.focusAccounts;

  it("lists K1–K5, then A1–A5: ranked by 12-month revenue alone it was A1–A7, K2, K3, K4 (no K1)", () => {
    expect(p.accounts.find((a) => a.accountId === "BIG")!.health.finalBand).toBe("Stable");
    expect(focus.map((f) => [f.accountId, f.band, f.revenueAtStake])).toEqual([
      ["K1", "Critical", 5000],
      ["K2", "Critical", 700],
      ["K3", "Critical", 600],
      ["K4", "Critical", 500],
      ["K5", "Critical", 400],
      ["A1", "At Risk", 10000],
      ["A2", "At Risk", 9000],
      ["A3", "At Risk", 8000],
      ["A4", "At Risk", 7000],
      ["A5", "At Risk", 6000],
    ]);
    // K1's at stake is its prior 12 months; its last 12 months are £200
    expect(focus[0]).toMatchObject({ revenueLast12: 200, revenuePrior12: 5000 });
  });

  it("a band with fewer than 5 leaves its rows to the other", () => {
    // 2 Critical (K1 £5,000, K2 £700) and 9 At Risk: the 2, then 8 At Risk (A1–A8)
    const nine = [...risky, ["A8", 3000] as [string, number], ["A9", 2000] as [string, number]];
    const few = analyzePortfolio(
      bookOf([
        line("K1", d(2024, 1, 15), "s", 5000),
        line("K1", d(2024, 10, 1), "s", 200),
        silent("K2", 700),
        ...nine.map(([id, v]) => atRisk(id, v)),
      ]),
      { asOf }
    );
    expect(few.dashboard.focusAccounts.map((f) => f.accountId)).toEqual([
      "K1",
      "K2",
      "A1",
      "A2",
      "A3",
      "A4",
      "A5",
      "A6",
      "A7",
      "A8",
    ]);
    // 12 Critical (C01 £100 … C12 £1,200) and 3 At Risk: the 7 Critical most at stake, then the 3
    const twelve = Array.from({ length: 12 }, (_x, k) =>
      silent(`C${String(k + 1).padStart(2, "0")}`, 100 * (k + 1))
    );
    const many = analyzePortfolio(
      bookOf([...twelve, ...risky.slice(0, 3).map(([id, v]) => atRisk(id, v))]),
      { asOf }
    );
    expect(many.dashboard.focusAccounts.map((f) => f.accountId)).toEqual([
      "C12",
      "C11",
      "C10",
      "C09",
      "C08",
      "C07",
      "C06",
      "A1",
      "A2",
      "A3",
    ]);
  });

  it("the sheet writes the rule under the title, the revenue at stake and the win-back stage of each", () => {
    const s = dashboardSheet(p, opts);
    const t = texts(s);
    expect(t).toContain(
      "The 5 Critical and the 5 At Risk accounts with the most revenue at stake, Critical first (a band with fewer leaves its rows to the other)."
    );
    // 7 Critical less 5 shown, 7 At Risk less 5 shown
    expect(t).toContain(
      "Revenue at stake: the larger of the account's revenue in the 12 months to 30/06/2025 and in the 12 months before, so an account that has stopped ordering counts what it used to spend. Not listed: 2 more Critical and 2 more At Risk, on the Account Health sheet."
    );
    const rows = tableRows(s, "KAP_Dashboard_Focus");
    const head = rows[0] as string[];
    const at = (id: string) => rows.find((r) => r[0] === id)!;
    const get = (id: string, h: string) => at(id)[head.indexOf(h)];
    expect(head).toEqual([
      "Account ID",
      "Account",
      "Status",
      "Revenue at stake",
      "Next action",
      "Win-back stage",
      "Revenue 12m",
      "Score",
      "Days since order",
    ]);
    // K1: £5,000 at stake beside £200 in the last 12 months; 272 days silent: Stage 4, whose step
    expect([get("K1", "Revenue at stake"), get("K1", "Revenue 12m")]).toEqual([5000, 200]);
    expect(get("K1", "Win-back stage")).toBe("Stage 4");
    expect(get("K1", "Next action")).toBe(
      "Recovery offer: one-time 20% discount, free delivery for 3 months, samples of new lines, extended credit terms"
    );
    // A1 ordered 10 days ago: no win-back stage
    expect(get("A1", "Win-back stage")).toBe("–");
    expect([get("A1", "Status"), get("A1", "Score")]).toEqual(["At Risk", 2.88]);
  });
});

describe("alerts: by severity, then the account's band (worst first), then revenue at stake", () => {
  const cats = ["A", "B", "C", "D", "E", "F"];
  const healthy: OrderLine[] = [];
  for (let m = 0; m < 12; m++) {
    const [y, mo] = m < 6 ? [2023, 7 + m] : [2024, m - 5];
    healthy.push(line("HEALTHY", d(y, mo, 15), cats[m % 6], 800, { category: cats[m % 6] }));
  }
  for (let m = 0; m < 11; m++) {
    const [y, mo] = m < 6 ? [2024, 7 + m] : [2025, m - 5];
    healthy.push(line("HEALTHY", d(y, mo, 15), cats[m % 6], 1000, { category: cats[m % 6] }));
  }
  healthy.push(line("HEALTHY", d(2025, 6, 29), "A", 100, { category: "A" }));
  const p = analyzePortfolio(
    bookOf([
      ...healthy,
      // CRIT: £50 on 01/03/2025, on credit hold (Critical alert); LOST as above, on credit hold
      silent("CRIT", 50),
      line("LOST", d(2023, 9, 1), "s", 600),
      line("LOST", d(2024, 3, 1), "s", 400),
      line("LOST", d(2024, 9, 1), "s", 150),
    ]),
    {
      asOf,
      accounts: [
        { accountId: "HEALTHY", engagement: 5 },
        { accountId: "CRIT", creditHold: true },
        { accountId: "LOST", creditHold: true },
      ],
    }
  );
  const band = (id: string) => p.accounts.find((a) => a.accountId === id)!.health.finalBand;

  it("a Critical alert on a Critical account comes before one on a Healthy account with 11× the revenue", () => {
    expect([band("HEALTHY"), band("CRIT"), band("LOST")]).toEqual([
      "Healthy",
      "Critical",
      "Critical",
    ]);
    const healthyRow = p.accounts.find((a) => a.accountId === "HEALTHY")!;
    expect([healthyRow.revenueLast12, healthyRow.revenuePrior12]).toEqual([11100, 9600]);
    const critical = p.dashboard.openAlerts.filter((a) => a.severity === "Critical");
    // by severity then 12-month revenue it was HEALTHY (£11,100), LOST (£150), CRIT (£50);
    // now the Critical accounts first, LOST (£1,000 at stake) before CRIT (£50), then HEALTHY
    expect(critical.map((a) => [a.accountId, a.kind, a.band, a.revenueAtStake])).toEqual([
      ["LOST", "creditHold", "Critical", 1000],
      ["CRIT", "creditHold", "Critical", 50],
      ["HEALTHY", "lastOrderVeryLow", "Healthy", 11100],
    ]);
    // severity still leads: every Critical alert before any Warning, whatever the band
    const severities = p.dashboard.openAlerts.map((a) => a.severity);
    expect(severities.slice(0, 3)).toEqual(["Critical", "Critical", "Critical"]);
    expect(severities.slice(3)).not.toContain("Critical");
  });

  it("ranks an unscored account after Healthy, and one account's alerts of a severity in their own order", () => {
    const alert = (key: string, b: "Healthy" | null, stake: number) =>
      ({ severity: "Warning", band: b, revenueAtStake: stake, key }) as const;
    expect(alertOrder(alert("X", "Healthy", 1), alert("Y", null, 1000))).toBeLessThan(0);
    expect(alertOrder(alert("X", "Healthy", 5), alert("X", "Healthy", 5))).toBe(0);
  });

  it("the dashboard's ten and the KAP Alerts sheet show the band and revenue at stake they are ranked by", () => {
    const s = dashboardSheet(p, opts);
    expect(texts(s)).toContain(
      "Ranked by severity, then the account's status (Critical, At Risk, Stable, Healthy), then the most revenue at stake: an alert on an account in trouble comes before the same severity on a healthy one."
    );
    const rows = tableRows(s, "KAP_Dashboard_Alerts");
    expect(rows[0]).toEqual([
      "Account ID",
      "Account",
      "Severity",
      "Status",
      "Alert",
      "Revenue at stake",
    ]);
    expect(rows.slice(1, 4).map((r) => [r[0], r[2], r[3], r[5]])).toEqual([
      ["LOST", "Critical", "Critical", 1000],
      ["CRIT", "Critical", "Critical", 50],
      ["HEALTHY", "Critical", "Healthy", 11100],
    ]);
    // the full list: every alert, in the same order
    const all = tableRows(alertsSheet(p, opts), "KAP_Alerts");
    expect(all.length - 1).toBe(p.dashboard.openAlerts.length);
    const head = all[0] as string[];
    expect(
      all.slice(1, 4).map((r) => [r[head.indexOf("Account ID")], r[head.indexOf("Status")]])
    ).toEqual([
      ["LOST", "Critical"],
      ["CRIT", "Critical"],
      ["HEALTHY", "Healthy"],
    ]);
  });
});
