/**
 * A "Type" column that says a document is voided with the bare word ("Voided", "Void"), no
 * invoice word before it and no Status column beside it (Xero's export without Status, a
 * QuickBooks-style transaction report): the document was never a sale. A fresh-user tester found
 * such lines counted. Figures worked by hand from the rows below; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { INV, XERO_HEADER_NO_STATUS, xero } from "./xeroRows";

const dir = mkdtempSync(join(tmpdir(), "kap-bare-void-"));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}
const VOID = "cancelled, voided, refunded or draft order";

test('Xero without Status: a Type of "Voided" or "Void" is left out as a voided document', async () => {
  const path = file("xero-type-voided.csv", [
    XERO_HEADER_NO_STATUS,
    xero("Delta", "INV-0201", "", "20/10/2026", "CT-200", 10, "6.00", INV),
    xero("Delta", "INV-0202", "", "21/10/2026", "CT-200", 5, "6.00", "Voided"),
    xero("Echo", "INV-0203", "", "22/10/2026", "CT-200", 4, "6.00", INV),
    xero("Echo", "INV-0204", "", "23/10/2026", "CT-200", 2, "6.00", "Void"),
  ]);
  const { revenue, report } = await analyzeFile(path);
  // Delta: INV-0201 10 × 6.00 = 60.00 (INV-0202 5 × 6.00 = 30.00 voided, out; before: 90.00);
  // Echo: INV-0203 4 × 6.00 = 24.00 (INV-0204 12.00 voided, out)
  expect(revenue).toEqual({ Delta: 60, Echo: 24 });
  expect(report.rejected).toEqual([{ reason: VOID, count: 2, rows: [3, 5] }]);
});

test('A QuickBooks-style report whose Transaction Type is "Voided": left out, not a sale', async () => {
  const path = file("sales-by-customer-detail.csv", [
    "Date,Transaction Type,Num,Customer,Memo/Description,Product/Service,Qty,Sales Price,Amount",
    "10/01/2026,Invoice,1001,Acme Ltd,,Cable ties,10,6.00,60.00",
    "10/02/2026,Voided,1002,Acme Ltd,,Cable ties,5,6.00,30.00",
    "10/03/2026,Invoice,1003,Beta Ltd,,Cable ties,2,6.00,12.00",
  ]);
  const { revenue, report } = await analyzeFile(path);
  // Acme: 1001 60.00 (1002 voided, 30.00, out; before: 90.00); Beta: 1003 12.00
  expect(revenue).toEqual({ "Acme Ltd": 60, "Beta Ltd": 12 });
  expect(report.rejected).toEqual([{ reason: VOID, count: 1, rows: [3] }]);
});
