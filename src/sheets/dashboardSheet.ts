/** Portfolio Dashboard (RULES.md §2.8): the methodology's "Account Penetration Dashboard". */
import type { PortfolioAnalysis } from "../domain/analysis/types";
import { dashboardLifetimeBlocks } from "./lifetimeCells";
import { asOfText, kapName, type LayoutOptions, moneyFor } from "./options";
import {
  type Block,
  type CellValue,
  type ChartSpec,
  FORMATS,
  PALETTE,
  sheet,
  type SheetSpec,
  table,
  title,
  cell,
} from "./spec";

export function dashboardSheet(p: PortfolioAnalysis, opts: LayoutOptions): SheetSpec {
  const d = p.dashboard;
  const currencies = p.currencies.length ? p.currencies : [""];
  const blocks: Block[] = [
    title("A1", "Portfolio Dashboard"),
    cell("A2", `As of ${asOfText(opts.asOf)}`, "subtitle"),
  ];
  let r = 4;

  // Summary
  const summary: [string, CellValue, string | undefined][] = [
    ["Accounts managed", d.accountsManaged, FORMATS.integer],
  ];
  for (const c of currencies)
    summary.push([
      `Annual revenue${currencies.length > 1 ? ` (${c || "no currency"})` : ""}`,
      d.annualRevenue[c] ?? 0,
      moneyFor(opts, c),
    ]);
  summary.push(["Average health score", d.averageHealth ?? "n/a", FORMATS.score]);
  blocks.push(cell(`A${r}`, "Summary", "label"));
  r++;
  for (const [k, v, f] of summary) {
    blocks.push({ at: `A${r}`, rows: [[k, v]], formats: [undefined, f] });
    r++;
  }
  if (p.currencyWarning) {
    blocks.push(cell(`A${r}`, p.currencyWarning, "note"));
    r++;
  }
  r++;

  // Status by health (one revenue column per currency: never added together)
  const bandTop = r;
  const bandRows = d.bands.map((b) => [
    b.band,
    b.count,
    ...currencies.flatMap((c) => [b.revenue[c] ?? 0, b.revenueShare[c] ?? 0]),
  ]);
  blocks.push(
    table(
      `A${r}`,
      "KAP_Dashboard_Bands",
      [
        { header: "Status" },
        { header: "Accounts", format: FORMATS.integer },
        ...currencies.flatMap((c) => [
          { header: `Revenue${c ? ` ${c}` : ""}`, format: moneyFor(opts, c) },
          { header: `% of total${c ? ` ${c}` : ""}`, format: FORMATS.percent },
        ]),
      ],
      bandRows,
      { filter: false }
    )
  );
  r += bandRows.length + 2;

  // Quadrants and ABC side by side
  const quadTop = r;
  const quadRows = Object.entries(d.quadrants).map(([q, n]) => [q, n]);
  blocks.push(
    table(
      `A${r}`,
      "KAP_Dashboard_Quadrants",
      [{ header: "Quadrant" }, { header: "Accounts", format: FORMATS.integer }],
      quadRows,
      { filter: false }
    )
  );
  const abcRows = d.abc.map((t) => [t.tier, t.count, ...currencies.map((c) => t.revenue[c] ?? 0)]);
  blocks.push(
    table(
      `D${r}`,
      "KAP_Dashboard_ABC",
      [
        { header: "ABC tier" },
        { header: "Accounts", format: FORMATS.integer },
        ...currencies.map((c) => ({
          header: `Revenue 12m${c ? ` ${c}` : ""}`,
          format: moneyFor(opts, c),
        })),
      ],
      abcRows,
      { filter: false }
    )
  );
  r += Math.max(quadRows.length, abcRows.length) + 3;

  // Focus accounts
  blocks.push(cell(`A${r - 1}`, "This month's focus accounts", "label"));
  // A band set by hand says so, with its reason, as on the health sheet: "At Risk" beside a score of 4.00 is no contradiction then.
  const focusRows = d.focusAccounts.map((f) => [
    f.accountId,
    f.name,
    f.overrideReason !== null ? `${f.band} (override)` : f.band,
    f.score ?? "n/a",
    f.revenueLast12,
    f.daysSinceLastOrder ?? "never",
    f.winBack && f.winBack.stage > 0 ? f.winBack.name : "",
    f.overrideReason ? `${f.nextAction} (override: ${f.overrideReason})` : f.nextAction,
  ]);
  blocks.push(
    table(
      `A${r}`,
      "KAP_Dashboard_Focus",
      [
        { header: "Account ID" },
        { header: "Account" },
        { header: "Status" },
        { header: "Score", format: FORMATS.score },
        { header: "Revenue 12m", format: opts.money },
        { header: "Days since order", format: FORMATS.integer },
        { header: "Win-back" },
        { header: "Next action" },
      ],
      focusRows.length
        ? focusRows
        : [["", "No account is At Risk or Critical.", "", "", "", "", "", ""]]
    )
  );
  r += Math.max(1, focusRows.length) + 3;

  // Initiative Progress (methodology 000 output format): the Initiatives table rolled up by type.
  blocks.push(cell(`A${r - 1}`, "Initiative progress", "label"));
  const ip = d.initiativeProgress;
  const multi = currencies.length > 1;
  const ipRows = ip.map((x) => [
    x.type === "Total"
      ? `Total${multi ? ` ${x.currency || ""}` : ""}`
      : `${x.type}${multi ? ` (${x.currency || "no currency"})` : ""}`,
    x.count,
    x.target,
    x.actual,
    x.uplift,
    x.progress,
    x.track,
  ]);
  const ipTop = r;
  blocks.push({
    at: `A${r}`,
    rows: [
      [
        "Initiative type",
        "Initiatives",
        "Target (uplift)",
        "Actual since start",
        "Uplift",
        "% of target",
        "Status",
      ],
      ...(ipRows.length
        ? ipRows
        : [
            [
              "No initiatives tracked yet: add an Initiatives table (Account, Initiative, Categories, SKUs, Target, Start Date, End Date, Owner, Status).",
              null,
              null,
              null,
              null,
              null,
              "",
            ],
          ]),
    ],
    header: true,
    formats: [
      undefined,
      FORMATS.integer,
      opts.money,
      opts.money,
      opts.money,
      FORMATS.percent,
      undefined,
    ],
  });
  // Each row in its currency's money format; totals styled as totals.
  ip.forEach((x, k) => {
    const m = moneyFor(opts, x.currency);
    blocks.push({
      at: `A${ipTop + 1 + k}`,
      rows: [ipRows[k]],
      style: x.type === "Total" ? "total" : undefined,
      formats: [undefined, FORMATS.integer, m, m, m, FORMATS.percent, undefined],
    });
  });
  const ipEnd = r + Math.max(1, ipRows.length);
  r = ipEnd + 3;

  // Lifetime value: value × health, silent churn
  const lifetime = dashboardLifetimeBlocks(p, d, opts, r);
  blocks.push(...lifetime.blocks);
  r = lifetime.next;

  // Open alerts
  blocks.push(cell(`A${r - 1}`, "Open alerts", "label"));
  const order = { Critical: 0, Warning: 1, Opportunity: 2 } as const;
  const alerts = [...d.openAlerts].sort(
    (a, b) => order[a.severity] - order[b.severity] || b.revenueLast12 - a.revenueLast12
  );
  const alertRows = alerts.map((a) => [
    a.severity,
    a.accountId,
    a.name,
    a.message,
    a.revenueLast12,
  ]);
  blocks.push(
    table(
      `A${r}`,
      "KAP_Dashboard_Alerts",
      [
        { header: "Severity" },
        { header: "Account ID" },
        { header: "Account" },
        { header: "Alert" },
        { header: "Revenue 12m", format: opts.money },
      ],
      alertRows.length ? alertRows : [["", "", "", "No open alerts.", ""]]
    )
  );
  const alertsEnd = r + Math.max(1, alertRows.length);

  const charts: ChartSpec[] = [
    {
      type: "pie",
      title: "Accounts by health band",
      data: `A${bandTop}:B${bandTop + bandRows.length}`,
      from: "K4",
      to: "Q18",
    },
    {
      type: "column",
      title: "Accounts by quadrant",
      data: `A${quadTop}:B${quadTop + quadRows.length}`,
      from: "K20",
      to: "Q34",
    },
  ];
  return sheet(kapName("Dashboard"), "dashboard", "", blocks, {
    widths: [26, 30, 16, 16, 16, 16, 22, 40, 4, 4],
    charts,
    conditionalFormats: [
      {
        range: `G${ipTop + 1}:G${ipEnd}`,
        rule: {
          type: "textContains",
          text: "Behind",
          fill: PALETTE.bad,
          fontColor: PALETTE.badFont,
        },
      },
      {
        range: `G${ipTop + 1}:G${ipEnd}`,
        rule: {
          type: "textContains",
          text: "On track",
          fill: PALETTE.good,
          fontColor: PALETTE.goodFont,
        },
      },
      {
        range: `G${ipTop + 1}:G${ipEnd}`,
        rule: {
          type: "textContains",
          text: "Achieved",
          fill: PALETTE.good,
          fontColor: PALETTE.goodFont,
        },
      },
      {
        range: `A${r + 1}:A${alertsEnd}`,
        rule: {
          type: "textContains",
          text: "Critical",
          fill: PALETTE.bad,
          fontColor: PALETTE.badFont,
        },
      },
      {
        range: `A${r + 1}:A${alertsEnd}`,
        rule: {
          type: "textContains",
          text: "Warning",
          fill: PALETTE.neutral,
          fontColor: PALETTE.neutralFont,
        },
      },
      {
        range: `A${r + 1}:A${alertsEnd}`,
        rule: {
          type: "textContains",
          text: "Opportunity",
          fill: PALETTE.good,
          fontColor: PALETTE.goodFont,
        },
      },
    ],
    page: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
    tabColor: PALETTE.brand,
  });
}
