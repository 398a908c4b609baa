/**
 * Portfolio Dashboard (RULES.md §2.8): the methodology's "Account Penetration Dashboard", laid out
 * to be read at a glance on a laptop (columns A–E, rows 1–24 hold the headline and both charts):
 *
 * - headline figures (accounts, 12-month revenue, average health, At Risk or Critical, open alerts
 *   by severity), with the roll-up of sites into their parents said where it changes a count;
 * - the health-band pie and the quadrant column chart, then the tables they draw (bands in their
 *   colours), the focus accounts (focusAccountsOf: Critical and At Risk, most revenue at stake,
 *   the rule written under the title) each with its win-back stage and one specific next step (the
 *   stage's step, or the account's top opportunity with its £ a year), every band set by hand, the
 *   alerts counted by severity with the ten that matter most (alertOrder: severity, then the
 *   account's band, then revenue at stake; all of them on the KAP Alerts sheet, ./alertsSheet.ts),
 *   Initiative Progress and the lifetime-value views.
 */
import { offerToCustomer, offerVerb } from "../domain/analysis/opportunities";
import { isSharedSymbol } from "../domain/currency";
import { money2 } from "./estimateBasis";
import { wholeText } from "../domain/numberText";
import { bandAction } from "../domain/health";
import { FOCUS_PER_BAND } from "../domain/rules";
import type { InitiativeRollupRow } from "../domain/analysis/initiatives";
import type {
  AccountAnalysis,
  FocusAccount,
  OpenAlert,
  PortfolioAnalysis,
} from "../domain/analysis/types";
import type { HealthBand } from "../domain/types";
import { dashboardLifetimeBlocks, P_ALIVE_WIDTH } from "./lifetimeCells";
import {
  asOfText,
  kapName,
  type LayoutOptions,
  moneyFor,
  portfolioMoney,
  withRowMoney,
  textMoneyLabel,
} from "./options";
import {
  type Block,
  type CellStyle,
  type ChartSpec,
  type ConditionalFormat,
  FORMATS,
  moneyFormat,
  PALETTE,
  type RangeStyle,
  sheet,
  type SheetSpec,
  table,
  title,
  cell,
} from "./spec";

/** How many alerts the dashboard lists (the rest are on the KAP Alerts sheet). */
export const DASHBOARD_ALERTS = 10;

/** The alerts' order in one sentence (alertOrder), on the dashboard and the KAP Alerts sheet. */
export const ALERT_ORDER_NOTE =
  "Ranked by severity, then the account's status (Critical, At Risk, Stable, Healthy), then the most revenue at stake: an alert on an account in trouble comes before the same severity on a healthy one.";

/** What "revenue at stake" is (revenueAtStake), for the notes that rank by it. */
export function revenueAtStakeText(opts: LayoutOptions): string {
  return `Revenue at stake: the larger of the account's revenue in the 12 months to ${asOfText(opts.asOf, opts.culture)} and in the 12 months before, so an account that has stopped ordering counts what it used to spend.`;
}

/** Band colours (fill, font), as Excel's good / neutral / bad styles, with an orange for At Risk. */
export const BAND_COLOURS: Record<HealthBand, { fill: string; font: string }> = {
  Healthy: { fill: PALETTE.good, font: PALETTE.goodFont },
  Stable: { fill: PALETTE.neutral, font: PALETTE.neutralFont },
  "At Risk": { fill: "#F8CBAD", font: "#843C0C" },
  Critical: { fill: PALETTE.bad, font: PALETTE.badFont },
};

/** Stronger colours for a chart's slices (a pastel pie reads poorly). */
export const BAND_CHART_COLOURS: Record<HealthBand, string> = {
  Healthy: "#70AD47",
  Stable: "#FFC000",
  "At Risk": "#ED7D31",
  Critical: "#C00000",
};

const bandStyle = (b: HealthBand): CellStyle => ({
  fill: BAND_COLOURS[b].fill,
  fontColor: BAND_COLOURS[b].font,
  bold: true,
});
const severityStyle = (s: keyof typeof SEVERITY_COLOURS): CellStyle => ({
  fill: SEVERITY_COLOURS[s].fill,
  fontColor: SEVERITY_COLOURS[s].font,
  bold: true,
});

/** Severity colours, as on the health sheet's alerts. */
export const SEVERITY_COLOURS = {
  Critical: { fill: PALETTE.bad, font: PALETTE.badFont },
  Warning: { fill: PALETTE.neutral, font: PALETTE.neutralFont },
  Opportunity: { fill: PALETTE.good, font: PALETTE.goodFont },
} as const;

const SEVERITIES = ["Critical", "Warning", "Opportunity"] as const;

/** Conditional formats colouring `range` by the band or severity words it holds. */
export function wordColours(
  range: string,
  colours: Record<string, { fill: string; font: string }>
): ConditionalFormat[] {
  return Object.entries(colours).map(([text, c]) => ({
    range,
    rule: { type: "textContains", text, fill: c.fill, fontColor: c.font },
  }));
}

/** "1 account", "1,234 rows" (de-DE "1.234 rows": the culture's grouping; none: en-GB). */
const plural = (n: number, one: string, culture?: string) =>
  `${wholeText(n, culture)} ${n === 1 ? one : `${one}s`}`;

/**
 * Whole money with its ISO code before it ("EUR"#,##0: EUR 37,232), for figures of several
 * currencies side by side: a symbol alone leaves the reader to tell them apart. Money whose lines
 * name no currency says so.
 */
export function codedWhole(currency: string): string {
  if (!currency) return '#,##0" (no currency)";-#,##0" (no currency)"';
  // a shared symbol no code names ("$" beside £) is its own label, as written: "$42"
  if (isSharedSymbol(currency)) return moneyFormat(currency, 0);
  const code = `"${currency.replace(/"/g, "")} "`;
  return `${code}#,##0;-${code}#,##0`;
}

/** Alerts counted by severity: "3 Critical · 80 Warning · 254 Opportunity". */
export function severityCounts(alerts: readonly OpenAlert[]): Record<string, number> {
  const n: Record<string, number> = { Critical: 0, Warning: 0, Opportunity: 0 };
  for (const a of alerts) n[a.severity]++;
  return n;
}

export function dashboardSheet(p: PortfolioAnalysis, opts: LayoutOptions): SheetSpec {
  const d = p.dashboard;
  const currencies = p.currencies.length ? p.currencies : [""];
  const sites = p.accounts.filter((a) => !a.isTopLevel).length;
  const rows = p.accounts.length;
  const bandCount = (b: HealthBand) => d.bands.find((x) => x.band === b)?.count ?? 0;
  const atRisk = bandCount("At Risk") + bandCount("Critical");
  const counts = severityCounts(d.openAlerts);
  const alertAccounts = new Set(d.openAlerts.map((a) => a.key)).size;
  const styles: RangeStyle[] = [];
  const cfs: ConditionalFormat[] = [];
  const blocks: Block[] = [
    title("A1", "Portfolio Dashboard"),
    cell(
      "A2",
      `As of ${asOfText(opts.asOf, opts.culture)} · revenue is net of returns over the 12 months to ${asOfText(opts.asOf, opts.culture)}`,
      "subtitle"
    ),
  ];

  // Headline figures: labels on row 4, figures on row 5 (a second currency's revenue below).
  const headline = {
    fontSize: 14,
    bold: true,
    fontColor: PALETTE.brand,
    hAlign: "center",
  } as const;
  const label = {
    fontColor: PALETTE.note,
    wrap: true,
    vAlign: "bottom",
    hAlign: "center",
  } as const;
  // headline money in whole units (£3,281,952), as the charts' axes
  const whole = (c: string) => moneyFor(opts, c).replace(/([0#])\.[0#]+/g, "$1");
  // Several currencies: one figure a currency, each naming its own ("EUR 37,232", "USD 1,611")
  // under one label that names none; a code over the column read as every figure's. Lines naming
  // no code but written with a shared symbol ("$" beside €) keep it, as in the tables: "$350".
  const multi = currencies.length > 1;
  const revenueFormat = (c: string) =>
    multi && (c || !opts.unnamedSymbol) ? codedWhole(c) : whole(c);
  blocks.push(
    {
      at: "A4",
      rows: [
        [
          "Accounts managed",
          `Revenue, 12 months${multi ? ", by currency" : ""}`,
          // two lines each, as "Accounts managed" wraps in its column: on one line, side by
          // side, the two read as one ("Average health score At Risk or Critical")
          "Average\nhealth score",
          "At Risk or\nCritical",
          "Open alerts",
        ],
      ],
      style: label,
    },
    {
      at: "A5",
      rows: [
        [
          d.accountsManaged,
          d.annualRevenue[currencies[0]] ?? 0,
          d.averageHealth ?? "n/a",
          atRisk,
          `${counts.Critical} Critical · ${counts.Warning} Warning · ${counts.Opportunity} Opportunity`,
        ],
      ],
      style: headline,
      formats: [FORMATS.integer, revenueFormat(currencies[0]), FORMATS.score, FORMATS.integer],
    }
  );
  let r = 6;
  for (const c of currencies.slice(1)) {
    blocks.push({
      at: `B${r}`,
      rows: [[d.annualRevenue[c] ?? 0]],
      style: headline,
      formats: [revenueFormat(c)],
    });
    r++;
  }
  // Where the counts differ from the Account Health sheet's rows: say why.
  const rollUp = sites
    ? `${plural(d.accountsManaged, "account", opts.numberCulture)} managed: the Account Health sheet's ${wholeText(rows, opts.numberCulture)} rows less ${plural(sites, "site", opts.numberCulture)} rolled into their parents (a parent's figures include its sites'). `
    : "";
  blocks.push(
    cell(
      `A${r}`,
      `${rollUp}${plural(d.openAlerts.length, "open alert", opts.numberCulture)} on ${plural(alertAccounts, "row", opts.numberCulture)} of the Account Health sheet; the ${Math.min(DASHBOARD_ALERTS, d.openAlerts.length)} that matter most are below, all of them on the KAP Alerts sheet.`,
      "note"
    )
  );
  if (p.currencyWarning) blocks.push(cell(`A${++r}`, p.currencyWarning, "note"));
  r += 2;

  // The two charts, side by side within the first screen (their data is in the tables below).
  const chartTop = r;
  const chartBottom = r + 15;
  r = chartBottom + 2;

  // Status by health (one revenue column per currency: never added together), in the bands' colours.
  blocks.push(
    cell(
      `A${r}`,
      `Health bands (${plural(d.accountsManaged, "account", opts.numberCulture)})`,
      "label"
    )
  );
  r++;
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
          { header: `Revenue 12m${c ? ` ${c}` : ""}`, format: moneyFor(opts, c) },
          { header: `% of revenue${c ? ` ${c}` : ""}`, format: FORMATS.percent },
        ]),
      ],
      bandRows,
      { filter: false }
    )
  );
  d.bands.forEach((b, k) =>
    styles.push({
      range: `A${bandTop + 1 + k}`,
      style: bandStyle(b.band),
    })
  );
  r += bandRows.length + 2;

  // Quadrants, then ABC tiers
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
  r += quadRows.length + 2;
  const abcRows = d.abc.map((t) => [t.tier, t.count, ...currencies.map((c) => t.revenue[c] ?? 0)]);
  blocks.push(
    table(
      `A${r}`,
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
  r += abcRows.length + 3;

  // Focus accounts: one specific next step each, under the rule that picked them.
  blocks.push(cell(`A${r - 1}`, "This month's focus accounts: the next step for each", "label"));
  for (const line of focusRuleLines(d, opts)) blocks.push(cell(`A${r++}`, line, "note"));
  const focusTop = r;
  const focusRows = d.focusAccounts.map((f) => {
    const step = nextStep(f, opts);
    return [
      f.accountId,
      f.name,
      f.overrideReason !== null ? `${f.band} (override)` : f.band,
      f.revenueAtStake,
      f.overrideReason ? `${step} (override: ${f.overrideReason})` : step,
      winBackStageText(f),
      f.revenueLast12,
      f.score ?? "n/a",
      f.daysSinceLastOrder ?? "never",
    ];
  });
  const money = portfolioMoney(opts, currencies);
  blocks.push(
    withRowMoney(
      table(
        `A${r}`,
        "KAP_Dashboard_Focus",
        [
          { header: "Account ID" },
          { header: "Account" },
          { header: "Status" },
          { header: "Revenue at stake", format: money },
          { header: "Next action" },
          { header: "Win-back stage" },
          { header: "Revenue 12m", format: money },
          { header: "Score", format: FORMATS.score },
          { header: "Days since order", format: FORMATS.integer },
        ],
        focusRows.length
          ? focusRows
          : [[null, "No account is At Risk or Critical.", null, null, null, null, null, null, null]]
      ),
      opts,
      d.focusAccounts.map((f) => f.currency),
      [3, 6]
    )
  );
  styles.push({ range: `E${r + 1}:E${r + Math.max(1, focusRows.length)}`, style: { wrap: true } });
  d.focusAccounts.forEach((f, k) =>
    styles.push({ range: `C${focusTop + 1 + k}`, style: bandStyle(f.band) })
  );
  r += Math.max(1, focusRows.length) + 3;

  // Bands set by hand: every one, whatever the band (an override is never hidden).
  const overridden = p.accounts.filter((a) => a.health.isOverride && a.health.override);
  if (overridden.length) {
    blocks.push(cell(`A${r - 1}`, "Bands set by hand (the accounts table's override)", "label"));
    blocks.push(
      table(
        `A${r}`,
        "KAP_Dashboard_Overrides",
        [
          { header: "Account ID" },
          { header: "Account" },
          { header: "Band set" },
          { header: "Score", format: FORMATS.score },
          { header: "Reason" },
        ],
        overridden.map((a) => [
          a.accountId,
          a.name,
          a.health.finalBand,
          a.health.score ?? "n/a",
          `${a.health.override!.reason || "no reason given"} (the score's band: ${a.health.computedBand ?? "n/a"})`,
        ]),
        { filter: false }
      )
    );
    r += overridden.length + 3;
  }

  // Alerts: counted by severity, the ten that matter most (ALERT_ORDER_NOTE says in what order).
  blocks.push(cell(`A${r - 1}`, "Open alerts by severity", "label"));
  const sevTop = r;
  blocks.push(
    table(
      `A${r}`,
      "KAP_Dashboard_AlertCounts",
      [
        { header: "Severity" },
        { header: "Alerts", format: FORMATS.integer },
        { header: "Accounts and sites", format: FORMATS.integer },
      ],
      [
        ...SEVERITIES.map((s) => [
          s,
          counts[s],
          new Set(d.openAlerts.filter((a) => a.severity === s).map((a) => a.key)).size,
        ]),
        // the alerts add up; the accounts do not (one with two severities is in two rows)
        ["Total", d.openAlerts.length, alertAccounts],
      ],
      { filter: false }
    )
  );
  styles.push({ range: `A${r + 4}:C${r + 4}`, style: "total" });
  SEVERITIES.forEach((sv, k) =>
    styles.push({ range: `A${sevTop + 1 + k}`, style: severityStyle(sv) })
  );
  // under the table, not in the total's label: in column A's width that label wrapped to 3 lines
  blocks.push(
    cell(
      `A${r + 5}`,
      "The total counts each account or site once: one with alerts of two severities is in two rows above.",
      "note"
    )
  );
  r += 5 + 3;
  const top = d.openAlerts.slice(0, DASHBOARD_ALERTS);
  blocks.push(
    cell(
      `A${r - 1}`,
      `The ${Math.min(DASHBOARD_ALERTS, d.openAlerts.length)} alerts that matter most (of ${d.openAlerts.length}: all on the KAP Alerts sheet)`,
      "label"
    ),
    cell(`A${r++}`, ALERT_ORDER_NOTE, "note")
  );
  const alertTop = r;
  blocks.push(
    // each row in its currency's money
    withRowMoney(
      table(
        `A${r}`,
        "KAP_Dashboard_Alerts",
        [
          { header: "Account ID" },
          { header: "Account" },
          { header: "Severity" },
          { header: "Status" },
          { header: "Alert" },
          { header: "Revenue at stake", format: money },
        ],
        top.length
          ? top.map((a) => [
              a.accountId,
              a.name,
              a.severity,
              a.band ?? "n/a",
              a.message,
              a.revenueAtStake,
            ])
          : [[null, null, null, null, "No open alerts.", null]]
      ),
      opts,
      top.map((a) => a.currency),
      [5]
    )
  );
  styles.push({ range: `E${r + 1}:E${r + Math.max(1, top.length)}`, style: { wrap: true } });
  top.forEach((a, k) => {
    styles.push({ range: `C${alertTop + 1 + k}`, style: severityStyle(a.severity) });
    if (a.band) styles.push({ range: `D${alertTop + 1 + k}`, style: bandStyle(a.band) });
  });
  r += Math.max(1, top.length) + 3;

  // Initiative Progress (methodology 000 output format): the Initiatives table rolled up by type.
  blocks.push(cell(`A${r - 1}`, "Initiative progress", "label"));
  const ip = d.initiativeProgress;
  const ipRows = ip.map((x) => [
    x.type === "Total"
      ? `Total${multi ? ` ${x.currency || ""}` : ""}`
      : `${x.type}${multi ? ` (${x.currency || "no currency"})` : ""}`,
    x.count,
    x.target,
    x.actual,
    initiativeAccountsText(x, opts),
    x.uplift,
    x.progress,
    x.track,
  ]);
  const ipTop = r;
  if (ipRows.length) {
    blocks.push({
      at: `A${r}`,
      rows: [
        [
          "Initiative type",
          "Initiatives",
          "Target (uplift)",
          "Actual since start",
          "Accounts",
          "Uplift",
          "% of target",
          "Status",
        ],
        // the rows under the header in the same block: its figures' headers right-aligned over
        // them and Status indented from "% of target" (was "26%Behind"); formats per row below
        ...ipRows,
      ],
      header: true,
    });
    // Each row in its currency's money format; totals styled as totals.
    ip.forEach((x, k) => {
      const m = moneyFor(opts, x.currency);
      blocks.push({
        at: `A${ipTop + 1 + k}`,
        rows: [ipRows[k]],
        style: x.type === "Total" ? "total" : undefined,
        formats: [undefined, FORMATS.integer, m, m, undefined, m, FORMATS.percent, undefined],
      });
    });
    cfs.push(
      ...wordColours(`H${ipTop + 1}:H${ipTop + ipRows.length}`, {
        Behind: { fill: PALETTE.bad, font: PALETTE.badFont },
        "On track": { fill: PALETTE.good, font: PALETTE.goodFont },
        Achieved: { fill: PALETTE.good, font: PALETTE.goodFont },
      })
    );
    r += ipRows.length + 4;
  } else {
    blocks.push(
      cell(
        `A${r}`,
        "No initiatives tracked yet: add an Initiatives table (Account, Initiative, Categories, SKUs, Target, Start Date, End Date, Owner, Status).",
        "note"
      )
    );
    r += 4;
  }

  // Lifetime value: value × health, silent churn
  const byKey = new Map(p.accounts.map((a) => [a.key, a]));
  const stepOf = (key: string) => {
    const a = byKey.get(key);
    return a ? accountNextStep(a, opts) : "";
  };
  const lifetime = dashboardLifetimeBlocks(p, d, opts, r, stepOf);
  blocks.push(...lifetime.blocks);
  styles.push(...lifetime.styles);

  const charts: ChartSpec[] = [
    {
      type: "pie",
      title: "Accounts by health band",
      data: `A${bandTop}:B${bandTop + bandRows.length}`,
      colors: d.bands.map((b) => BAND_CHART_COLOURS[b.band]),
      from: `A${chartTop}`,
      to: `C${chartBottom}`,
    },
    {
      type: "column",
      title: "Accounts by quadrant",
      data: `A${quadTop}:B${quadTop + quadRows.length}`,
      colors: [PALETTE.brand],
      from: `D${chartTop}`,
      to: `E${chartBottom}`,
    },
  ];
  return sheet(kapName("Dashboard"), "dashboard", "", blocks, {
    // A holds the quadrant names too: 16 shows "Growth Potential" on one line (it wrapped in 12).
    // E is every table's text column (next step, alert, reason, accounts); the figures after it
    // (F–I) are wide enough for a money amount, so no table puts a figure in E's 60 characters.
    // G: the value × health table's P(alive), "one order only" on one line
    widths: [16, 30, 18, 14, 60, 14, Math.max(11, P_ALIVE_WIDTH), 9, 12],
    rowHeights: { 4: 30 },
    styles,
    charts,
    conditionalFormats: cfs,
    page: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
    tabColor: PALETTE.brand,
  });
}

/** How many accounts an initiative type is for, no more than three named ("Allied, Orbit and 2 more"). */
export function initiativeAccountsText(x: InitiativeRollupRow, opts: LayoutOptions): string {
  const n = x.accounts.length;
  if (x.type === "Total") return `${wholeText(n, opts.numberCulture)} account${n === 1 ? "" : "s"}`;
  if (n <= 3) return x.accounts.join(", ");
  return `${x.accounts.slice(0, 2).join(", ")} and ${wholeText(n - 2, opts.numberCulture)} more`;
}

/**
 * The next step for any scored account in one printed line (the lifetime tables' Next step, whose
 * 20 rows must print on one page with their heading): the win-back stage's name ("Stage 2 –
 * Active concern"), else the top opportunity ("Offer Cable Ties, £1,331.90 a year"), else the
 * band's action. The focus table says the same step in full (nextStep). "" for an unscored account.
 */
export function accountNextStep(a: AccountAnalysis, opts: LayoutOptions): string {
  const band = a.health.finalBand;
  if (!band) return "";
  if (a.winBack && a.winBack.stage > 0) return a.winBack.name;
  const o = opts.topOpportunity?.(a.key);
  if (!o) return bandAction(band);
  const verb = offerVerb(o);
  return `${verb[0].toUpperCase()}${verb.slice(1)} ${offerToCustomer(o)}${yearlyEstimate(o.annualEstimate, a.currency, opts)}`;
}

/**
 * ", £1,018.60 a year" in the account's money, to the penny: the opportunity's one estimate as the
 * Whitespace Map, the Cross-Sell sheet and the QBR write it ("about £1,019" beside £1,018.60 read
 * as two figures); "" without an estimate.
 */
function yearlyEstimate(annual: number | null, currency: string, opts: LayoutOptions): string {
  if (annual === null) return "";
  // the workbook's money as its cells show it: "$99.20" where they show "$", a bare 144.15 where
  // they show no symbol (never a default "£" beside them)
  const style = textMoneyLabel(opts, currency);
  return `, ${money2(annual, moneyFor(opts, currency), style)} a year`;
}

/**
 * The one next step for a focus account: the win-back stage's step when it has one ("Direct call
 * with value offer", beside "Stage 2" in the Win-back stage column), else the band's action with
 * the account's top opportunity and its £ a year (LayoutOptions.topOpportunity), else the band's
 * action alone.
 */
export function nextStep(
  f: Pick<FocusAccount, "key" | "band" | "currency" | "winBack" | "nextAction">,
  opts: LayoutOptions
): string {
  // the stage itself is in the focus table's Win-back stage column: its step alone here
  if (f.winBack && f.winBack.stage > 0) return f.winBack.action;
  const o = opts.topOpportunity?.(f.key);
  if (!o) return f.nextAction;
  const act = bandAction(f.band);
  const est = yearlyEstimate(o.annualEstimate, f.currency, opts);
  return `${act}: ${offerVerb(o)} ${offerToCustomer(o)} (opportunity ${o.rank}, ${o.priority}${est})`;
}

/** "Stage 4" for an account in a win-back stage, "–" for one that is not. */
export function winBackStageText(f: Pick<FocusAccount, "winBack">): string {
  return f.winBack && f.winBack.stage > 0 ? `Stage ${f.winBack.stage}` : "–";
}

/**
 * The notes under the focus list's title: the rule that picked the accounts in one sentence, what
 * revenue at stake is, and how many At Risk or Critical accounts the list leaves out.
 */
function focusRuleLines(d: PortfolioAnalysis["dashboard"], opts: LayoutOptions): string[] {
  const count = (b: HealthBand) => d.bands.find((x) => x.band === b)?.count ?? 0;
  const shown = (b: HealthBand) => d.focusAccounts.filter((f) => f.band === b).length;
  const left = (["Critical", "At Risk"] as const)
    .map((b) => ({ b, n: count(b) - shown(b) }))
    .filter((x) => x.n > 0)
    .map((x) => `${wholeText(x.n, opts.numberCulture)} more ${x.b}`);
  return [
    `The ${FOCUS_PER_BAND} Critical and the ${FOCUS_PER_BAND} At Risk accounts with the most revenue at stake, Critical first (a band with fewer leaves its rows to the other).`,
    revenueAtStakeText(opts) +
      (left.length ? ` Not listed: ${left.join(" and ")}, on the Account Health sheet.` : ""),
  ];
}
