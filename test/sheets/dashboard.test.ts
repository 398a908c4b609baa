/**
 * The dashboard read at a glance (issue 15, item 5) and the KAP Alerts sheet: headline figures,
 * charts within the first screen, band colours, one next step per focus account, overrides shown,
 * alerts counted by severity (ten on the dashboard, all on their own sheet), and the roll-up of
 * sites said where it changes a count. Small portfolio, worked by hand:
 *
 *   OK  1 order 29/06/2025 (1 day before as-of 30/06/2025), band set by hand to Stable
 *   R1  1 order 01/03/2025 (121 days), credit hold → a Critical alert, win-back Stage 4
 *   R2  1 order 01/03/2025 (121 days), the most revenue at stake of the two → first focus account
 *   P   a parent ordering 29/06/2025, with its site S (rolled into P): 5 rows, 4 accounts managed
 */
import { analyzePortfolio } from "../../src/domain/analysis";
import type { AccountRecord } from "../../src/domain/types";
import { alertsSheet } from "../../src/sheets/alertsSheet";
import { BAND_COLOURS, dashboardSheet, DASHBOARD_ALERTS } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { parseCell, parseRange, type SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2025, 6, 30);
const lines = [
  line("OK", d(2025, 6, 29), "s", 10, { category: "A" }),
  line("R1", d(2025, 3, 1), "s", 500),
  line("R2", d(2025, 3, 1), "s", 900),
  line("P", d(2025, 6, 29), "s", 100),
  line("S", d(2025, 6, 29), "s", 50),
];
const accounts: AccountRecord[] = [
  { accountId: "OK", healthOverride: { band: "Stable", reason: "New buyer since June" } },
  { accountId: "R1", creditHold: true },
  { accountId: "P", name: "Parent Ltd" },
  { accountId: "S", name: "Site Ltd", parentId: "P" },
];
const p = analyzePortfolio(bookOf(lines), { asOf, accounts });
const opts = layoutOptions({ asOf, currency: "GBP" });

/** Every value of a spec by A1 address. */
function valuesOf(s: SheetSpec): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const b of s.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((v, j) => out.set(`${String.fromCharCode(65 + at.col + j)}${at.row + i + 1}`, v))
    );
  }
  return out;
}
const tableRows = (s: SheetSpec, name: string) =>
  s.blocks.find((b) => b.table?.name === name)!.rows;

describe("dashboard", () => {
  const dash = dashboardSheet(p, opts);
  const v = valuesOf(dash);

  test("headline figures on row 5: 4 accounts managed (5 rows less 1 site), 12-month revenue £1,560, 2 At Risk or Critical", () => {
    expect(v.get("A5")).toBe(4);
    // 10 + 500 + 900 + (100 + 50): the site's revenue is in its parent's
    expect(v.get("B5")).toBe(1560);
    expect(v.get("D5")).toBe(2);
    const note = [...v.values()].find((x) => typeof x === "string" && x.includes("rolled into"));
    expect(note).toMatch(
      /^4 accounts managed: the Account Health sheet's 5 rows less 1 site rolled into their parents/
    );
  });

  test("the headline labels over the narrow columns take two lines each, so neighbours never read as one label", () => {
    expect([v.get("A4"), v.get("C4"), v.get("D4")]).toEqual([
      "Accounts managed",
      "Average\nhealth score",
      "At Risk or\nCritical",
    ]);
  });

  test("both charts sit within the first screen (columns A–E, rows 1–30), the pie in the bands' colours", () => {
    const printed = finishForPrint(dash, { paper: "A4", asOfText: "As of 30/06/2025" });
    expect(printed.charts).toHaveLength(2);
    for (const c of printed.charts!) {
      const to = parseCell(c.to);
      expect(to.col).toBeLessThanOrEqual(4);
      expect(to.row).toBeLessThan(30);
    }
    // the columns the charts cover fit a laptop screen: at most 150 characters (about 1,050 px)
    const width = printed.widths!.slice(0, 5).reduce<number>((a, w) => a + (w ?? 8.43), 0);
    expect(width).toBeLessThanOrEqual(150);
    const pie = dash.charts!.find((c) => c.type === "pie")!;
    expect(pie.colors).toHaveLength(4);
  });

  test("band rows carry their colour; the counts add up to the accounts managed", () => {
    const bands = tableRows(dash, "KAP_Dashboard_Bands").slice(1);
    expect(bands.map((r) => r[0])).toEqual(["Healthy", "Stable", "At Risk", "Critical"]);
    expect(bands.reduce((t, r) => t + (r[1] as number), 0)).toBe(4);
    const top = parseRange(dash.blocks.find((b) => b.table?.name === "KAP_Dashboard_Bands")!.at);
    const critical = dash.styles!.find((s) => s.range === `A${top.row + 5}`)!.style;
    expect(critical).toMatchObject({ fill: BAND_COLOURS.Critical.fill });
  });

  test("each focus account has one specific step: the win-back stage's, else the top opportunity with its £", () => {
    const focus = tableRows(dash, "KAP_Dashboard_Focus");
    const col = (h: string) => focus[0].indexOf(h);
    // R2 (£900 at stake) before R1 (£500); 121 days since the last order is Stage 4 (90+ days,
    // RULES.md §2.4). The stage has its own column now (PRODUCT.md §2.8: "with win-back stage"),
    // so the next action is the stage's step alone, not "Stage 4 – Recovery offer: …" again
    expect(focus.slice(1).map((r) => r[0])).toEqual(["R2", "R1"]);
    expect(focus[1][col("Win-back stage")]).toBe("Stage 4");
    expect(focus[1][col("Next action")]).toBe(
      "Recovery offer: one-time 20% discount, free delivery for 3 months, samples of new lines, extended credit terms"
    );
    // no win-back stage: the band's action and the account's first recommended opportunity
    const noStage = {
      ...p,
      dashboard: {
        ...p.dashboard,
        focusAccounts: p.dashboard.focusAccounts.map((f) => ({ ...f, winBack: null })),
      },
    };
    const withOpp = dashboardSheet(noStage, {
      ...opts,
      topOpportunity: (key) =>
        key === "R2"
          ? { offer: "Fixings", rank: 1, priority: "High", annualEstimate: 1370.95 }
          : undefined,
    });
    const rows = tableRows(withOpp, "KAP_Dashboard_Focus");
    expect(rows[1][col("Next action")]).toBe(
      "Escalate to management: offer Fixings (opportunity 1, High, £1,370.95 a year)"
    );
  });

  test("a band set by hand is listed whatever the band, with its reason and the score's own band", () => {
    const o = tableRows(dash, "KAP_Dashboard_Overrides");
    expect(o.slice(1).map((r) => [r[0], r[2]])).toEqual([["OK", "Stable"]]);
    expect(String(o[1][4])).toMatch(/^New buyer since June \(the score's band: /);
  });

  test("alerts counted by severity reconcile with the list and with the KAP Alerts sheet", () => {
    const counts = tableRows(dash, "KAP_Dashboard_AlertCounts");
    const all = p.dashboard.openAlerts;
    const n = (s: string) => all.filter((a) => a.severity === s).length;
    expect(counts.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ["Critical", n("Critical")],
      ["Warning", n("Warning")],
      ["Opportunity", n("Opportunity")],
      ["Total", all.length],
    ]);
    expect(n("Critical")).toBeGreaterThanOrEqual(1); // R1's credit hold
    const shown = tableRows(dash, "KAP_Dashboard_Alerts").slice(1);
    expect(shown.length).toBe(Math.min(DASHBOARD_ALERTS, all.length));
    expect(shown[0][2]).toBe("Critical");
    const sheet = alertsSheet(p, opts);
    const listed = tableRows(sheet, "KAP_Alerts").slice(1);
    expect(listed).toHaveLength(all.length);
    expect(listed.map((r) => r[0])).toEqual(all.map((_a, k) => k + 1));
  });
});

describe("alerts sheet", () => {
  test("more than ten alerts: the dashboard shows ten, the sheet all, Critical first then revenue at stake", () => {
    // 12 accounts, each silent for 40 days (a Warning each), one on credit hold (Critical)
    const many = Array.from({ length: 12 }, (_x, k) =>
      line(`A${String(k).padStart(2, "0")}`, d(2025, 5, 21), "s", 100 * (k + 1))
    );
    const q = analyzePortfolio(bookOf(many), {
      asOf,
      accounts: [{ accountId: "A00", creditHold: true }],
    });
    const total = q.dashboard.openAlerts.length;
    expect(total).toBeGreaterThan(DASHBOARD_ALERTS);
    const dash = dashboardSheet(q, opts);
    expect(tableRows(dash, "KAP_Dashboard_Alerts").length - 1).toBe(DASHBOARD_ALERTS);
    const rows = tableRows(alertsSheet(q, opts), "KAP_Alerts").slice(1);
    expect(rows).toHaveLength(total);
    expect(rows[0].slice(1, 3)).toEqual(["Critical", "A00"]);
    // the Warnings follow, all on accounts of one band (one order 40 days ago: recency 2, frequency
    // and revenue n/a, diversity 1 → 1.63, Critical), by revenue at stake, which is their 12-month
    // revenue (nothing before): A11 (£1,200) first
    expect(rows[1].slice(1, 3)).toEqual(["Warning", "A11"]);
    // no site has an alert: no "Rolled into" column
    expect(tableRows(alertsSheet(q, opts), "KAP_Alerts")[0]).not.toContain("Rolled into");
  });
});
