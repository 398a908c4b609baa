/**
 * Tally's Day Book (India) lists every voucher: Sales debit the party, a Credit Note credits it,
 * and Receipts, Payments, Purchases and Journals sit beside them. A tester found the Credit Note
 * skipped as "no revenue" (its amount is in Credit Amount) and the receipts and purchases
 * skipped silently the same way; a Day Book headed plain "Debit" / "Credit" was refused (no
 * revenue column). Figures worked out by hand, as of 2026-10-31 (12 months from 2025-11-01).
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines, "daybook.csv");

const skippedOf = (skipped: readonly { rule: string; rows: number; revenue: number | null }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, [s.rows, s.revenue]]));

test("a Day Book: sales less credit notes; receipts, payments, purchases, journals skipped and said", async () => {
  const { report, revenue, orders } = await analyzeFile(
    fileOf([
      "Kaveri Traders Pvt Ltd,,,,,",
      "Day Book,,,,,",
      "1-Nov-25 to 31-Oct-26,,,,,",
      "Date,Particulars,Vch Type,Vch No.,Debit Amount,Credit Amount",
      '15-Nov-25,Kaveri Infra,Sales,1,"1,18,000.00",',
      '20-Dec-25,Kaveri Infra,Receipt,2,,"1,18,000.00"',
      '10-Mar-26,Deccan Traders,Sales GST,3,"59,000.00",',
      '25-Mar-26,Deccan Traders,Credit Note,4,,"5,900.00"',
      '2-May-26,Kaveri Infra,Sales,5,"2,36,000.00",',
      '3-May-26,Steel Mart,Purchase,6,,"50,000.00"',
      '4-May-26,Office Rent,Payment,7,"20,000.00",',
      '5-May-26,Kaveri Infra,Journal,8,"1,000.00",',
      ',Grand Total,,,"4,34,000.00","1,73,900.00"',
    ])
  );
  // Kaveri Infra: Sales 1,18,000 + 2,36,000 = 3,54,000 (its Receipt and Journal no sales);
  // Deccan Traders: Sales GST 59,000 − Credit Note 5,900 = 53,100. Steel Mart (a purchase) and
  // Office Rent (a payment) are no customers.
  expect(revenue).toEqual({ "Kaveri Infra": 354000, "Deccan Traders": 53100 });
  // a credit note is no order
  expect(orders).toEqual({ "Kaveri Infra": 2, "Deccan Traders": 1 });
  expect(report.returns).toBe(1);
  // each other voucher type with its amount, whichever side it sits on
  expect(skippedOf(report.skipped)).toEqual({
    "totals row": [1, 0],
    'not a sales voucher ("Receipt")': [1, 118000],
    'not a sales voucher ("Purchase")': [1, 50000],
    'not a sales voucher ("Payment")': [1, 20000],
    'not a sales voucher ("Journal")': [1, 1000],
  });
  expect(report.read?.layout).toBe("Tally vouchers");
});

test('a Day Book headed "Debit" and "Credit": the sale is the party\'s debit, a credit note its credit', async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Date,Particulars,Vch Type,Vch No.,Debit,Credit",
      '1-Apr-26,Kaveri Infra,Sales,SR/1,"1,00,000.00",',
      '2-Apr-26,Kaveri Infra,Credit Note,CN/1,,"10,000.00"',
      '9-Apr-26,Kaveri Infra,Receipt,RC/1,,"90,000.00"',
    ])
  );
  // 1,00,000 − 10,000 = 90,000; the receipt of 90,000 is no sale
  expect(revenue).toEqual({ "Kaveri Infra": 90000 });
  expect(report.returns).toBe(1);
  expect(skippedOf(report.skipped)).toEqual({ 'not a sales voucher ("Receipt")': [1, 90000] });
});
