/**
 * Xero's Receivable Invoice Detail grouped by contact, its Contact column hidden: each contact is
 * a heading row in the date column and "Total <contact>" ends it. The "Account" column
 * ("200 - Sales") is the sales ledger, never the customer: it was read as one customer holding
 * every sale. By hand from the file; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/tester/xero-receivable-invoice-detail-by-contact.csv");

test("each contact heading is the customer of the lines below it; '200 - Sales' is no customer", async () => {
  const { report, revenue, orders } = await analyzeFile(FILE);
  // Linden Electrical: INV-0601 24.00 + 15.00 = 39.00 (Net, before the VAT in Gross)
  // Marsh Plumbing: INV-0655 30.00 − CN-0044 6.00 = 24.00 (INV-0660 75.00 Voided)
  expect(revenue).toEqual({ "Linden Electrical": 39, "Marsh Plumbing": 24 });
  expect(orders).toEqual({ "Linden Electrical": 1, "Marsh Plumbing": 1 });
  expect(report.returns).toBe(1);
  expect(report.skipped.find((s) => s.rule === "customer heading row")?.rows).toBe(2);
  // "Total Linden Electrical", "Total Marsh Plumbing", "Total"
  expect(report.skippedTotals).toBe(3);
  expect(report.read!.layout).toBe("Xero invoice detail report grouped by contact");
  expect(report.rejected).toEqual([
    { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [13] },
  ]);
});
