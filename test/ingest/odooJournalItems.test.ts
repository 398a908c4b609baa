/**
 * Odoo's Journal Items export (Accounting › Journal Items) lists every posting of every journal
 * entry: an invoice's income lines (before tax), its tax line and its Account Receivable line
 * (with tax); a payment's bank and receivable lines. A tester found it refused ('No column for
 * "line revenue"'): its amounts are in Debit and Credit. Only income postings are sales, each at
 * its Credit − Debit. Figures worked out by hand from the fixture, as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const skippedRows = (skipped: readonly { rule: string; rows: number; revenue: number | null }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, [s.rows, s.revenue]]));

test("only the income postings are sales, at Credit − Debit; the credit note's debit is a return", async () => {
  const { report, revenue, orders, days } = await analyzeFile(
    join(__dirname, "../fixtures/exports/odoo-journal-items.csv")
  );
  expect(report.read?.layout).toBe("Odoo journal items");
  // Azure Interior: INV/2026/00021 80.00 + 120.00 (not the receivable's 230.00 with tax), less
  // RINV/2026/00003's income debit 40.00 = 160.00; Deco Addict: INV/2026/00022 360.00
  expect(revenue).toEqual({ "Azure Interior": 160, "Deco Addict": 360 });
  expect(orders).toEqual({ "Azure Interior": 1, "Deco Addict": 1 });
  expect(report.returns).toBe(1);
  // last orders 2 Sep (59 days) and 15 Sep (46 days): the credit note and the payment are none
  expect(days).toEqual({ "Azure Interior": 59, "Deco Addict": 46 });
  // receivables: 230.00 + 414.00 + 46.00 + 184.00 = 874.00; tax 30.00 + 54.00 + 6.00 = 90.00; bank 184.00
  expect(skippedRows(report.skipped)).toEqual({
    'not a sales account (ledger account "121000 Account Receivable")': [4, 874],
    'not a sales account (ledger account "251000 Tax Received")': [3, 90],
    'not a sales account (ledger account "101401 Bank")': [1, 184],
  });
});
