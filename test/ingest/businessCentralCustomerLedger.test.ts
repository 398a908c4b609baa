/**
 * Dynamics 365 Business Central's Customer Ledger Entries (Kundenposten) exported: one row a
 * posting to a customer's account, of every kind. The sale is "Sales (LCY)" ("Verkauf (MW)"):
 * before VAT, in the company's currency. "Amount" holds the VAT and is what the customer owes
 * (a payment's too). Sign convention, as Business Central writes it: an invoice's Sales (LCY) is
 * positive, a credit memo's negative (as its Amount is), so it is read as it stands and is a
 * return; a payment's, a refund's, a finance charge memo's and a reminder's are 0.00 and they are
 * no sales. Before, "Amount" was read and every type but Payment counted as a sale (the opening
 * balance, the finance charge memo, the reminder, the refund). Figures by hand, as of 2026-10-31;
 * the files have no product column (an invoice-level export).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");
const dir = mkdtempSync(join(tmpdir(), "kap-bc-ledger-"));
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));
const FINANCE = "not a sale (a late fee or finance charge)";
const NOT_SALE = "not a sale (a payment, estimate, journal or other transaction)";

test("English captions: Sales (LCY), not Amount; only invoices and credit memos are sales", async () => {
  const { report, revenue, orders } = await analyzeFile(
    join(EXPORTS, "business-central-customer-ledger.csv")
  );
  expect(report.read?.layout).toBe("Dynamics 365 Business Central customer ledger entries");
  // C10000: invoices 1,000.00 + 2,500.00, credit memo −250.00 = 3,250.00 (Amount with VAT, the
  //   opening balance 5,000.00, the finance charge memo 35.00 and the reminder 10.00 read 8,945.00);
  // C20000: 800.00 + 400.00 − 100.00 = 1,100.00 (the refund of 120.00 pays the credit memo back);
  // C30000: its EUR invoice is 860.00 in the company's currency (Amount: €1,000.00)
  expect(revenue).toEqual({ C10000: 3250, C20000: 1100, C30000: 860 });
  expect(orders).toEqual({ C10000: 2, C20000: 2, C30000: 1 });
  expect(report.returns).toBe(2);
  expect(report.hasProducts).toBe(false);
  // Sales (LCY) is in the company's currency, which the file does not name: no line is labelled
  // with its document's Currency Code (C30000's EUR)
  expect(report.currencies).toEqual({ "": 7 });
});

test("the opening balance, payment, refund, finance charge memo and reminder: skipped and said", async () => {
  const { report } = await analyzeFile(join(EXPORTS, "business-central-customer-ledger.csv"));
  expect(skippedRows(report.skipped)).toEqual({ [NOT_SALE]: 3, [FINANCE]: 2 });
  expect(report.warnings).toContain(
    `5 rows were skipped: 3 ${NOT_SALE} (rows 2, 4, 13); 2 ${FINANCE} (rows 8, 10).`
  );
  expect(report.warnings.join("\n")).not.toContain("no document type KAP knows");
});

test("German captions (Kundenposten): Verkauf (MW); Zinsrechnung and Mahnung are no sales", async () => {
  const { report, revenue, orders } = await analyzeFile(
    join(EXPORTS, "business-central-kundenposten.csv")
  );
  expect(report.read?.layout).toBe("Dynamics 365 Business Central customer ledger entries");
  // D10000: Rechnung 1.000,00 + 2.500,00, Gutschrift −250,00 = 3.250,00 (was 2.722,50: Betrag with
  //   VAT, the Zinsrechnung 35,00 and the Mahnung 10,00, in 4 orders);
  // D20000: 800,00 + 400,00 − 100,00 (the Erstattung 119,00 pays the Gutschrift back);
  // D30000: its SEK invoice is 1.000,00 in the company's currency (Betrag: 11.500,00 SEK)
  expect(revenue).toEqual({ D10000: 3250, D20000: 1100, D30000: 1000 });
  expect(orders).toEqual({ D10000: 2, D20000: 2, D30000: 1 });
  expect(report.returns).toBe(2);
  expect(skippedRows(report.skipped)).toEqual({ [NOT_SALE]: 2, [FINANCE]: 2 });
  expect(report.warnings).toContain(
    `4 rows were skipped: 2 ${NOT_SALE} (rows 3, 11); 2 ${FINANCE} (rows 6, 7).`
  );
});

test("a ledger whose Sales column was left out: a finance charge memo and a reminder are still no sales", async () => {
  // no layout: "Amount" is the value read; the finance charge memo (35.00) and the reminder
  // (10.00) were read as sales, with a note that their type was unknown
  const file = join(dir, "ledger-no-sales-column.csv");
  writeFileSync(
    file,
    [
      "Posting Date,Document Type,Document No.,Customer No.,Customer Name,Amount",
      "05/03/2026,Invoice,103001,C10000,The Cannon Group PLC,1000.00",
      "20/08/2026,Finance Charge Memo,IFC-000001,C10000,The Cannon Group PLC,35.00",
      "10/09/2026,Reminder,IR-000004,C10000,The Cannon Group PLC,10.00",
      "30/09/2026,Invoice,103020,C20000,Selangorian Ltd.,400.00",
    ].join("\n")
  );
  const { report, revenue, orders } = await analyzeFile(file);
  expect(revenue).toEqual({ C10000: 1000, C20000: 400 });
  expect(orders).toEqual({ C10000: 1, C20000: 1 });
  expect(skippedRows(report.skipped)).toEqual({ [FINANCE]: 2 });
  expect(report.warnings).toContain(`2 rows were skipped: 2 ${FINANCE} (rows 3, 4).`);
  expect(report.warnings.join("\n")).not.toContain("no document type KAP knows");
});
