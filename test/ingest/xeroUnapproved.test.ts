/**
 * Xero invoices not yet approved ("Submitted" in the export's Status, "Awaiting Approval" on
 * screen) are no sales yet, as Draft, Voided and Deleted ones are not: skipped and counted in the
 * skipped rows, no share of revenue claimed. As of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-xero-unapproved-"));

/** A Xero sales-invoices export (its columns, cut down): one line per row, Status last. */
function xero(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      "ContactName,InvoiceNumber,InvoiceDate,DueDate,Total,InventoryItemCode,Description,Quantity,UnitAmount,LineAmount,AccountCode,TaxType,TaxAmount,Currency,Type,Status",
      ...rows,
    ].join("\n") + "\n"
  );
  return path;
}

test("Submitted and Awaiting Approval invoices are skipped like Draft ones and counted (was: counted as sales)", async () => {
  const path = xero("invoices.csv", [
    "Acme Ltd,INV-0101,01/10/2026,31/10/2026,100.00,CT-1,Cable ties,10,10.00,100.00,200,No VAT,0.00,GBP,Sales invoice,PAID",
    "Acme Ltd,INV-0102,05/10/2026,04/11/2026,45.00,CT-1,Cable ties,3,15.00,45.00,200,No VAT,0.00,GBP,Sales invoice,AUTHORISED",
    // not yet approved, two lines: 200.00 + 50.00
    "Acme Ltd,INV-0103,10/10/2026,09/11/2026,250.00,CT-1,Cable ties,20,10.00,200.00,200,No VAT,0.00,GBP,Sales invoice,SUBMITTED",
    "Acme Ltd,INV-0103,10/10/2026,09/11/2026,250.00,CL-2,Cable clips,10,5.00,50.00,200,No VAT,0.00,GBP,Sales invoice,SUBMITTED",
    // as Xero's screen and its reports write it
    "Bolt Ltd,INV-0104,12/10/2026,11/11/2026,80.00,CT-1,Cable ties,8,10.00,80.00,200,No VAT,0.00,GBP,Sales invoice,Awaiting Approval",
    "Bolt Ltd,INV-0105,14/10/2026,13/11/2026,30.00,CT-1,Cable ties,3,10.00,30.00,200,No VAT,0.00,GBP,Sales invoice,Paid",
    "Bolt Ltd,INV-0106,15/10/2026,14/11/2026,70.00,CT-1,Cable ties,7,10.00,70.00,200,No VAT,0.00,GBP,Sales invoice,DRAFT",
  ]);
  const { report, revenue, orders } = await analyzeFile(path);
  // Acme: INV-0101 100.00 + INV-0102 45.00 = 145.00 over 2 invoices (INV-0103's 250.00 is not yet a sale)
  expect(revenue["Acme Ltd"]).toBe(145);
  expect(orders["Acme Ltd"]).toBe(2);
  // Bolt: INV-0105 30.00 only (INV-0104 awaits approval, INV-0106 is a draft)
  expect(revenue["Bolt Ltd"]).toBe(30);
  expect(orders["Bolt Ltd"]).toBe(1);
  // rows 4, 5 (INV-0103) and 6 (INV-0104); row 8 the draft
  expect(report.rejected).toEqual(
    expect.arrayContaining([
      { reason: "unapproved (submitted or awaiting approval) order", count: 3, rows: [4, 5, 6] },
      { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [8] },
    ])
  );
  expect(report.rejected).toHaveLength(2);
  // never sales: no share of revenue claimed for them, their value said:
  // unapproved 200.00 + 50.00 + 80.00 = 330.00; the draft 70.00. Unapproved: INV-0103 (2 lines)
  // and INV-0104 (1 line), 2 invoices of 3 lines
  expect(report.warnings.join("\n")).toContain(
    "4 rows were skipped: 2 unapproved (submitted or awaiting approval) orders (3 lines: rows 4, 5, 6; 330.00 not counted as sales); 1 cancelled, voided, refunded or draft order (row 8; 70.00 not counted as sales)."
  );
});
