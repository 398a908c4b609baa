/**
 * India's GSTR-1 B2B section (the GST portal's or offline tool's sheet, an accounting package's
 * GSTR-1 export): one row per invoice and GST rate. A tester found it read at "Invoice Value"
 * (with GST, repeated on each of an invoice's rows, so counted twice), and, where an invoice's
 * rows differed in value, refused for want of a quantity ("Rate", the GST %, read as a unit
 * price); amounts in GBP. Figures worked out by hand, as of 2026-10-31.
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines, "gstr1.csv");

const TAIL =
  "Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate";

test("Taxable Value summed over an invoice's rates, one order; Invoice Value and Rate not read; in INR", async () => {
  const { report, revenue, orders, names, currency } = await analyzeFile(
    fileOf([
      `GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,${TAIL},Taxable Value,Cess Amount`,
      "27AAACM1234F1Z5,Mehta Hardware,INV/090,20-Oct-25,59000.00,27-Maharashtra,N,,Regular B2B,,18.00,50000.00,0.00",
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,15-Apr-26,103200.00,27-Maharashtra,N,,Regular B2B,,12.00,50000.00,0.00",
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,15-Apr-26,103200.00,27-Maharashtra,N,,Regular B2B,,18.00,40000.00,0.00",
      "24AAAFP5678K1Z2,Patel Electricals,INV/102,12-Jun-26,118000.00,24-Gujarat,N,,Regular B2B,,18.00,100000.00,0.00",
      "27AAACM1234F1Z5,Mehta Hardware,INV/104,03-Sep-26,29500.00,27-Maharashtra,N,,Regular B2B,,18.00,25000.00,0.00",
    ])
  );
  // 12 months from 2025-11-01: INV/090 (20 Oct 2025) is before them.
  // Mehta: INV/101 50,000 (12%) + 40,000 (18%) = 90,000 (its Invoice Value 56,000 + 47,200 =
  // 1,03,200 holds the GST) + INV/104 25,000 = 1,15,000, in 2 orders. Patel: 1,00,000.
  // Before: refused ("No column for quantity", Rate read as a unit price); with the two rows'
  // Invoice Values equal (1,15,000 each) it read 1,15,000 + 1,15,000 + 29,500 = 2,59,500.
  expect(revenue).toEqual({ "27AAACM1234F1Z5": 115000, "24AAAFP5678K1Z2": 100000 });
  expect(orders["27AAACM1234F1Z5"]).toBe(2);
  expect(names["27AAACM1234F1Z5"]).toBe("Mehta Hardware");
  expect(currency["24AAAFP5678K1Z2"]).toBe("INR");
  expect(report.read?.layout).toBe("GSTR-1 B2B invoices and notes (India)");
  expect(report.skipped).toEqual([]);
});

test("renamed columns (Customer, Revenue) read alike", async () => {
  const { revenue, orders } = await analyzeFile(
    fileOf([
      `GSTIN/UIN of Recipient,Customer,Invoice Number,Invoice date,Invoice Value,${TAIL},Revenue,Cess Amount`,
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,15-Apr-2026,115000.00,27-Maharashtra,N,,Regular B2B,,12.00,50000.00,0.00",
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,15-Apr-2026,115000.00,27-Maharashtra,N,,Regular B2B,,18.00,50000.00,0.00",
      "24AAAFP5678K1Z2,Patel Electricals,INV/102,12-Jun-2026,118000.00,24-Gujarat,N,,Regular B2B,,18.00,100000.00,0.00",
    ])
  );
  // Mehta: 50,000 + 50,000 = 1,00,000 in one order (not 1,15,000 × 2); Patel 1,00,000
  expect(revenue).toEqual({ "27AAACM1234F1Z5": 100000, "24AAAFP5678K1Z2": 100000 });
  expect(orders["27AAACM1234F1Z5"]).toBe(1);
});

test("its credit and debit notes (CDNR): Note Type C a return, D a sale", async () => {
  const { revenue, report } = await analyzeFile(
    fileOf([
      "GSTIN/UIN of Recipient,Receiver Name,Note Number,Note Date,Note Type,Place Of Supply,Reverse Charge,Note Supply Type,Note Value,Applicable % of Tax Rate,Rate,Taxable Value,Cess Amount",
      "27AAACM1234F1Z5,Mehta Hardware,CN/007,20-Sep-26,C,27-Maharashtra,N,Regular B2B,5900.00,,18.00,5000.00,0.00",
      "24AAAFP5678K1Z2,Patel Electricals,DN/002,25-Sep-26,D,24-Gujarat,N,Regular B2B,1180.00,,18.00,1000.00,0.00",
    ])
  );
  // Mehta: −5,000 (before GST, not the Note Value 5,900); Patel: +1,000
  expect(revenue).toEqual({ "27AAACM1234F1Z5": -5000, "24AAAFP5678K1Z2": 1000 });
  expect(report.returns).toBe(1);
});
