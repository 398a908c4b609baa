/**
 * KAP Alerts: every open alert of the portfolio (RULES.md §2.4), one row each, in the dashboard's
 * order (alertOrder: severity, then the account's band, worst first, then the most revenue at
 * stake), with the band and the revenue at stake it is ranked by. The dashboard counts them by
 * severity and lists the first DASHBOARD_ALERTS; this sheet is the full list. A site's alerts carry
 * the parent it is rolled into, so the count matches the Account Health sheet's Alerts column.
 */
import { wholeText } from "../domain/numberText";
import type { PortfolioAnalysis } from "../domain/analysis/types";
import {
  ALERT_ORDER_NOTE,
  BAND_COLOURS,
  DASHBOARD_ALERTS,
  revenueAtStakeText,
  SEVERITY_COLOURS,
  severityCounts,
} from "./dashboardSheet";
import { asOfText, kapName, type LayoutOptions, portfolioMoney, withRowMoney } from "./options";
import { cell, colLetter, PALETTE, sheet, type SheetSpec, table, title } from "./spec";

/** Row of the alerts table's header (title, subtitle with the counts, the order's notes above it). */
const HEADER_ROW = 5;

export function alertsSheet(p: PortfolioAnalysis, opts: LayoutOptions): SheetSpec {
  const alerts = p.dashboard.openAlerts;
  const parentOf = new Map(p.accounts.map((a) => [a.key, a.isTopLevel ? null : a.parentId]));
  const n = severityCounts(alerts);
  const money = portfolioMoney(opts, p.currencies);
  // "Rolled into" only when a site has an alert (no empty columns).
  const sites = alerts.some((a) => parentOf.get(a.key));
  const rows = alerts.map((a, k) => [
    k + 1,
    a.severity,
    a.accountId,
    a.name,
    ...(sites ? [parentOf.get(a.key) ?? null] : []),
    a.band ?? "n/a",
    a.revenueAtStake,
    a.message,
  ]);
  const columns = [
    { header: "#" },
    { header: "Severity" },
    { header: "Account ID" },
    { header: "Account" },
    ...(sites ? [{ header: "Rolled into" }] : []),
    { header: "Status" },
    { header: "Revenue at stake", format: money },
    { header: "Alert" },
  ];
  const alertCol = colLetter(columns.length - 1);
  const statusCol = colLetter(columns.length - 3);
  const blocks = [
    title("A1", "Open alerts"),
    cell(
      "A2",
      `As of ${asOfText(opts.asOf, opts.culture)} · ${wholeText(alerts.length, opts.numberCulture)} alerts: ${n.Critical} Critical, ${n.Warning} Warning, ${n.Opportunity} Opportunity · the dashboard shows the first ${DASHBOARD_ALERTS}`,
      "subtitle"
    ),
    cell("A3", ALERT_ORDER_NOTE, "note"),
    cell("A4", revenueAtStakeText(opts), "note"),
    // In several currencies each revenue cell takes its account's currency.
    withRowMoney(
      table(
        `A${HEADER_ROW}`,
        "KAP_Alerts",
        columns,
        rows.length ? rows : [[...columns.slice(1).map(() => null), "No open alerts."]]
      ),
      opts,
      alerts.map((a) => a.currency),
      [columns.length - 2]
    ),
  ];
  const last = HEADER_ROW + Math.max(1, rows.length);
  return sheet(kapName("Alerts"), "alerts", "", blocks, {
    widths: [5, 12, 11, 30, ...(sites ? [11] : []), 10, 13, 70],
    styles: [
      { range: `${alertCol}${HEADER_ROW + 1}:${alertCol}${last}`, style: { wrap: true } },
      // severity and band in their colours (fills, not conditional formats: they print the same everywhere)
      ...alerts.map((a, k) => ({
        range: `B${HEADER_ROW + 1 + k}`,
        style: {
          fill: SEVERITY_COLOURS[a.severity].fill,
          fontColor: SEVERITY_COLOURS[a.severity].font,
          bold: true,
        },
      })),
      ...alerts.flatMap((a, k) =>
        a.band
          ? [
              {
                range: `${statusCol}${HEADER_ROW + 1 + k}`,
                style: {
                  fill: BAND_COLOURS[a.band].fill,
                  fontColor: BAND_COLOURS[a.band].font,
                  bold: true,
                },
              },
            ]
          : []
      ),
    ],
    freeze: { rows: HEADER_ROW },
    // landscape: each alert on one line at about 95% (portrait printed it at 62%)
    page: {
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    showGridlines: false,
    tabColor: PALETTE.brand,
  });
}
