/**
 * A sales ledger account is never the customer (PRODUCT.md §1): a Xero invoice detail report with
 * its Net column hidden is not recognised as Xero's, and its "Account" column ("200 - Sales" on
 * every line) was read as the one customer holding every sale. Now its "Contact" is the customer.
 * By hand from the file; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/tester/xero-invoice-detail-without-net.csv");

test("'Account' holding '200 - Sales' on every line is the ledger; 'Contact' is the customer", async () => {
  const { report, revenue, orders } = await analyzeFile(FILE);
  // quantity × unit price, before the VAT in Gross:
  // Linden Electrical: INV-0601 10 × 2.40 + 5 × 3.00 = 24.00 + 15.00 = 39.00
  // Marsh Plumbing: INV-0655 20 × 1.50 = 30.00 − CN-0044 (a Sales credit note) 4 × 1.50 = 6.00 → 24.00
  expect(revenue).toEqual({ "Linden Electrical": 39, "Marsh Plumbing": 24 });
  expect(orders).toEqual({ "Linden Electrical": 1, "Marsh Plumbing": 1 });
  expect(report.warnings).toContain(
    '"Account" holds sales ledger accounts (such as "200 - Sales"), not customers: the customer is "Contact".'
  );
});
