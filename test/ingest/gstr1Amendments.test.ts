/**
 * India's GSTR-1 amendments (B2BA for invoices, CDNRA for credit/debit notes): a row naming its
 * "Original Invoice Number" (or "Original Note Number") is the invoice or note as revised, read
 * at its "Revised Invoice Number" and date, and replaces the original. A tester found an
 * amendment beside its original counted as one more invoice. Figures worked by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

function fileOf(name: string, lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-gstr1a-")), name);
  writeFileSync(file, lines.join("\n"));
  return file;
}

test("an amended invoice (B2BA) replaces its original in the same file: the revision only", async () => {
  const { revenue, orders, days, report } = await analyzeFile(
    fileOf("gstr1_b2b_b2ba.csv", [
      "GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Rate,Taxable Value,Cess Amount,Original Invoice Number,Original Invoice date",
      // INV/101 as filed: 50,000 at 12% + 50,000 at 18% = 100,000 taxable
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,15-Apr-2026,115000.00,27-Maharashtra,12.00,50000.00,0.00,,",
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,15-Apr-2026,115000.00,27-Maharashtra,18.00,50000.00,0.00,,",
      "24AAAFP5678K1Z2,Patel Electricals,INV/102,12-Jun-2026,118000.00,24-Gujarat,18.00,100000.00,0.00,,",
      "27AAACM1234F1Z5,Mehta Hardware,INV/104,03-Sep-2026,29500.00,27-Maharashtra,18.00,25000.00,0.00,,",
      // the amendment of INV/101 (9A): 90,000 at 18%, dated 20 May 2026
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,20-May-2026,106200.00,27-Maharashtra,18.00,90000.00,0.00,INV/101,15-Apr-2026",
    ])
  );
  // Mehta: 90,000 (INV/101 revised) + 25,000 = 115,000 in 2 orders
  //   (before: 50,000 + 50,000 + 90,000 + 25,000 = 215,000, INV/101 twice)
  // Patel: 100,000
  expect(revenue).toEqual({ "27AAACM1234F1Z5": 115000, "24AAAFP5678K1Z2": 100000 });
  expect(orders).toEqual({ "27AAACM1234F1Z5": 2, "24AAAFP5678K1Z2": 1 });
  // Mehta's last invoice INV/104 on 3 Sep 2026: 58 days before 31 Oct
  expect(days["27AAACM1234F1Z5"]).toBe(58);
  expect(report.rejected).toEqual([
    {
      reason: "amended invoice or note (its amendment read in its place)",
      count: 2,
      rows: [2, 3],
    },
  ]);
});

test("a B2BA sheet alone: each revised invoice read at its revised number and date, and said", async () => {
  const { revenue, days, report } = await analyzeFile(
    fileOf("b2ba.csv", [
      "GSTIN/UIN of Recipient,Receiver Name,Original Invoice Number,Original Invoice date,Revised Invoice Number,Revised Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount",
      // 90,000 taxable (106,200 with 18% GST), revised 20 Oct 2026
      "27AAACM1234F1Z5,Mehta Hardware,INV/101,15-Apr-2026,INV/101-R,20-Oct-2026,106200.00,27-Maharashtra,N,,Regular B2B,,18.00,90000.00,0.00",
    ])
  );
  // before: refused ('No order lines were found')
  expect(revenue).toEqual({ "27AAACM1234F1Z5": 90000 });
  // dated by the revision: 20 Oct → 31 Oct is 11 days
  expect(days["27AAACM1234F1Z5"]).toBe(11);
  expect(report.warnings).toContain(
    '1 amendment (B2BA, CDNRA) revises an invoice or note not in this file (such as "INV/101"): read in its place. If the original is read from another file (an earlier GSTR-1), it is counted there too: analyse the amendments with the returns they amend.'
  );
});

test("an amended credit note (CDNRA) replaces its original: the revised note's value comes off once", async () => {
  const { revenue } = await analyzeFile(
    fileOf("gstr1_cdnr_cdnra.csv", [
      "GSTIN/UIN of Recipient,Receiver Name,Note Number,Note Date,Note Type,Place Of Supply,Note Value,Rate,Taxable Value,Cess Amount,Original Note Number,Original Note Date",
      // an invoice-like debit note D (a sale) of 100,000 and a credit note CN/7 of 10,000
      "24AAAFP5678K1Z2,Patel Electricals,DN/3,12-Jun-2026,D,24-Gujarat,118000.00,18.00,100000.00,0.00,,",
      "24AAAFP5678K1Z2,Patel Electricals,CN/7,01-Jul-2026,C,24-Gujarat,11800.00,18.00,10000.00,0.00,,",
      // CN/7 amended to 4,000
      "24AAAFP5678K1Z2,Patel Electricals,CN/7,01-Aug-2026,C,24-Gujarat,4720.00,18.00,4000.00,0.00,CN/7,01-Jul-2026",
    ])
  );
  // 100,000 − 4,000 = 96,000 (before: 100,000 − 10,000 − 4,000 = 86,000)
  expect(revenue).toEqual({ "24AAAFP5678K1Z2": 96000 });
});
