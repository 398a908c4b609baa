/**
 * The dashboard's "Open alerts by severity" total row: its Alerts cell is the sum of the rows
 * above, its "Accounts and sites" cell is not (an account with alerts of two severities is in two
 * rows and counted once in the total). The sample's table read Critical 69, Warning 148,
 * Opportunity 80, "Total 232" — 69 + 148 + 80 = 297 — under a bare "Total" label, with nothing
 * to say why. The label then said so itself, and wrapped to three lines in column A's width in
 * print; a note under the table says it now.
 *
 * Worked by hand, as of 30/06/2025:
 *   X  one order 21/05/2025 (40 days), on credit hold: Critical (credit hold) + Warning (no order in 30 days)
 *   Y  one order 26/05/2025 (35 days): Warning (no order in 30 days)
 *   → Critical 1 alert on 1 account, Warning 2 on 2, Opportunity 0 on 0; 3 alerts on 2 accounts.
 */
import { analyzePortfolio } from "../../src/domain/analysis";
import { dashboardSheet } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2025, 6, 30);
const p = analyzePortfolio(
  bookOf([line("X", d(2025, 5, 21), "s", 100), line("Y", d(2025, 5, 26), "s", 100)]),
  { asOf, accounts: [{ accountId: "X", creditHold: true }, { accountId: "Y" }] }
);

it("says the total counts each account once: 3 alerts on 2 accounts, not 1 + 2 + 0", () => {
  const rows = dashboardSheet(p, layoutOptions({ asOf, currency: "GBP" })).blocks.find(
    (b) => b.table?.name === "KAP_Dashboard_AlertCounts"
  )!.rows;
  expect(rows).toEqual([
    ["Severity", "Alerts", "Accounts and sites"],
    ["Critical", 1, 1],
    ["Warning", 2, 2],
    ["Opportunity", 0, 0],
    ["Total", 3, 2],
  ]);
});

it("says under the table, on the row after the total, that each account or site counts once", () => {
  const blocks = dashboardSheet(p, layoutOptions({ asOf, currency: "GBP" })).blocks;
  const counts = blocks.find((b) => b.table?.name === "KAP_Dashboard_AlertCounts")!;
  const top = Number(counts.at.slice(1));
  // header, Critical, Warning, Opportunity, Total: the total is 4 rows under the header
  const note = blocks.find((b) => b.at === `A${top + 5}`);
  expect(note?.rows[0][0]).toBe(
    "The total counts each account or site once: one with alerts of two severities is in two rows above."
  );
});
