/**
 * Xero's sales-invoice export with LineAmount and "LineAmountTypes" but no Total / TaxTotal
 * columns (a trimmed export, or one built from the API's fields): an invoice marked Inclusive
 * holds its tax in LineAmount, so the line's TaxAmount comes off. Worked by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-xero-inclusive-"));

it("LineAmount on Inclusive invoices less its TaxAmount; Exclusive ones as they are", async () => {
  const path = join(dir, "inclusive-line-amount.csv");
  writeFileSync(
    path,
    [
      "ContactName,InvoiceNumber,InvoiceDate,InventoryItemCode,Description,Quantity,UnitAmount,Discount,LineAmount,AccountCode,TaxType,TaxAmount,Currency,Type,Status,LineAmountTypes",
      "Brightwell Electrical Ltd,INV-0201,14 Sep 2026,CT-200-BK,Cable ties 200mm,10,5.40,,54.00,200,20% (VAT on Income),9.00,GBP,Sales invoice,PAID,Inclusive",
      // the invoice's later line leaves LineAmountTypes blank: it follows the first
      "Brightwell Electrical Ltd,INV-0201,14 Sep 2026,CC-10-WH,Cable clips 10mm,20,2.52,10%,45.36,200,20% (VAT on Income),7.56,GBP,Sales invoice,PAID,",
      "Harbour Plumbing & Heating,INV-0220,2 Oct 2026,PF-15-CU,Copper fitting 15mm,50,0.80,,40.00,200,20% (VAT on Income),8.00,GBP,Sales invoice,AUTHORISED,Exclusive",
      "Harbour Plumbing & Heating,CN-0009,9 Oct 2026,PF-15-CU,Copper fitting 15mm,5,0.96,,4.80,200,20% (VAT on Income),0.80,GBP,Sales credit note,PAID,Inclusive",
    ].join("\n") + "\n"
  );
  const { revenue, report } = await analyzeFile(path);
  // Brightwell: (54.00 − 9.00) + (45.36 − 7.56) = 45.00 + 37.80 = 82.80 (not 99.36, with the VAT)
  // Harbour: 40.00 (Exclusive) − (4.80 − 0.80) (an Inclusive credit note) = 36.00 (not 35.20)
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 82.8, "Harbour Plumbing & Heating": 36 });
  expect(report.warnings.join("\n")).toMatch(/"LineAmount" − "TaxAmount"/);
});
