/**
 * QuickBooks' reports group the sales with no customer chosen (a counter sale's Sales Receipt)
 * under a "Not Specified" heading, as if it were a customer. It was read as an account of that name.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

test('the "Not Specified" heading is no account: its lines are skipped with their value, and said', async () => {
  const a = await analyzeFile(
    join(EXPORTS, "quickbooks-online-sales-by-customer-detail-not-specified.csv")
  );
  // Brightwell: invoice 1001, 10 × 4.50 = 45.00. Not Specified: receipts 1003 (42.00) and 1004
  // (21.00) = 63.00, skipped: 63 / (45 + 63) = 58.3% of revenue.
  expect(a.revenue).toEqual({ "Brightwell Electrical Ltd": 45 });
  expect(a.names).not.toHaveProperty("Not Specified");
  expect(a.report.warnings).toContain(
    '2 rows were skipped: 2 no account ("Not Specified") (rows 10, 11; 63.00, 58.3% of revenue).'
  );
});
