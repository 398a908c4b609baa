/**
 * A bare "Type" column of document types with a value KAP did not know beside the ones it knows
 * (tester round 2, files 15 and 32): the whole column was dropped, so a credit written positive
 * was read as a sale. Now Sage 50's Product/Service Invoice and Credit, Acumatica's Debit Memo
 * and Overdue Charge are known, and an unknown type beside known ones keeps the column (its lines
 * read as sales, said). A "Type" of product or customer types stays unread. Worked by hand, as of
 * 2026-11-30.
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines);
const AS_OF = "2026-11-30";

/** Sage 50 Accounts (UK) invoice/credit item listing: the tester's 15_sage50uk_invoice_items.csv. */
const SAGE50 = [
  "Invoice/Credit No.,Type,Date,A/C Ref,Name,Product Code,Description,Quantity,Net Amount,Tax Code,Tax Amount,Gross Amount",
  "10231,Product Invoice,02/11/2026,ABBOTT,Abbott Electrical Ltd,CAB-25,2.5mm Twin & Earth 100m,3,195.00,T1,39.00,234.00",
  "10231,Product Invoice,02/11/2026,ABBOTT,Abbott Electrical Ltd,M,Delivered to site gate 3,0,0.00,T9,0.00,0.00",
  "10231,Product Invoice,02/11/2026,ABBOTT,Abbott Electrical Ltd,S3,Carriage,1,15.00,T1,3.00,18.00",
  '10232,Product Invoice,04/11/2026,BRIGHT01,Bright Sparks Ltd,CAB-15,1.5mm Twin & Earth 100m,5,"1,150.00",T1,230.00,"1,380.00"',
  "10233,Service Invoice,11/11/2026,BRIGHT01,Bright Sparks Ltd,,Site survey,1,250.00,T1,50.00,300.00",
  "2041,Product Credit,16/11/2026,ABBOTT,Abbott Electrical Ltd,CAB-25,2.5mm Twin & Earth 100m,1,65.00,T1,13.00,78.00",
  "10234,Product Invoice,20/11/2026,ABBOTT,Abbott Electrical Ltd,CAB-15,1.5mm Twin & Earth 100m,2,460.00,T1,92.00,552.00",
];

test("Sage 50: Product Credit (written positive) is a return; Product and Service Invoice are sales — ABBOTT 605.00 in 2 orders, was 735.00 in 3", async () => {
  const { report, revenue, orders, days } = await analyzeFile(fileOf(SAGE50), AS_OF);
  // ABBOTT: 195.00 + 0.00 (M, a message line) + 15.00 (S3 carriage) − 65.00 (Product Credit
  // 2041) + 460.00 = 605.00; orders 10231, 10234; last 20/11 (10 days). BRIGHT01: 1,150.00 +
  // 250.00 (Service Invoice) = 1,400.00 in 2 orders, last 11/11 (19 days).
  expect(revenue).toEqual({ ABBOTT: 605, BRIGHT01: 1400 });
  expect(orders).toEqual({ ABBOTT: 2, BRIGHT01: 2 });
  expect(days).toEqual({ ABBOTT: 10, BRIGHT01: 19 });
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    '"Type" holds document types (Product Invoice, Service Invoice, Product Credit): its Product Credit lines are credit notes, read as returns.'
  );
});

test("one Service Invoice beside Invoice and Credit Note no longer switches the column off — ABBOTT 605.00", async () => {
  const lines = SAGE50.map((l) =>
    l.replace("Product Invoice", "Invoice").replace("Product Credit", "Credit Note")
  );
  const { report, revenue, orders } = await analyzeFile(fileOf(lines), AS_OF);
  // as above: 195 + 15 − 65 + 460 = 605.00 (was 735.00: the credit note read as a sale)
  expect(revenue).toEqual({ ABBOTT: 605, BRIGHT01: 1400 });
  expect(orders).toEqual({ ABBOTT: 2, BRIGHT01: 2 });
  expect(report.returns).toBe(1);
});

/** Acumatica's Invoices and Memos with a Debit Memo: the tester's 32_acumatica_with_debit_memo.csv. */
const ACUMATICA = [
  "Type,Reference Nbr.,Customer,Customer Name,Date,Inventory ID,Quantity,Ext. Price,Status,Currency",
  'Invoice,INV000101,CUST01,Alpha Electric,11/03/2026,CABLE-10,100,"1,000.00",Closed,USD',
  "Invoice,INV000102,CUST02,Beta Builders,11/05/2026,CABLE-10,20,200.00,Open,USD",
  "Credit Memo,CRM000011,CUST01,Alpha Electric,11/12/2026,CABLE-10,10,100.00,Closed,USD",
  "Invoice,INV000103,CUST02,Beta Builders,11/14/2026,BOX-4,5,75.00,Voided,USD",
  "Invoice,INV000104,CUST01,Alpha Electric,11/20/2026,BOX-4,10,150.00,On Hold,USD",
  "Invoice,INV000105,CUST02,Beta Builders,11/25/2026,BOX-4,2,30.00,Closed,USD",
  "Debit Memo,DRM000003,CUST02,Beta Builders,11/21/2026,FREIGHT,1,45.00,Open,USD",
];

test("Acumatica: a Debit Memo is a sale (an extra charge) and the Credit Memo stays a return — CUST01 900.00, 1 order, was 1,100.00, 2", async () => {
  const { report, revenue, orders, days } = await analyzeFile(fileOf(ACUMATICA), AS_OF);
  // CUST01: INV000101 1,000.00 − CRM000011 100.00 = 900.00 (INV000104 on hold: 150.00 out);
  // 1 order, last 03/11 (27 days). CUST02: 200.00 + 30.00 + Debit Memo 45.00 = 275.00
  // (INV000103 voided: 75.00 out); 3 documents, last 25/11 (5 days).
  expect(revenue).toEqual({ CUST01: 900, CUST02: 275 });
  expect(orders).toEqual({ CUST01: 1, CUST02: 3 });
  expect(days).toEqual({ CUST01: 27, CUST02: 5 });
  expect(report.returns).toBe(1);
});

test("Acumatica's Overdue Charge is interest, no sale; an unknown type beside known ones is read as a sale and named", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      ...ACUMATICA,
      "Overdue Charge,FC000001,CUST02,Beta Builders,11/28/2026,FINCHG,1,4.50,Open,USD",
      "Prepayment Invoice,PPI00001,CUST01,Alpha Electric,11/27/2026,BOX-4,1,20.00,Open,USD",
    ]),
    AS_OF
  );
  // CUST01: 900.00 + 20.00 (Prepayment Invoice, unknown: read as a sale, said) = 920.00;
  // CUST02: 275.00, the overdue charge's 4.50 skipped; the credit memo still a return
  expect(revenue).toEqual({ CUST01: 920, CUST02: 275 });
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    '"Type" also lists "Prepayment Invoice", no document type KAP knows: its lines are read as sales. If they are not, filter them out of the export.'
  );
  expect(report.skipped.map((s) => s.rule)).toContain("not a sale (a late fee or finance charge)");
});

test("a 'Type' of product types (Stock, Service, Non-stock) is no document type: every line a sale", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Invoice No,Date,Customer,Type,SKU,Qty,Net",
      "1001,02/11/2026,Acme,Stock,CT-100,10,45.00",
      "1001,02/11/2026,Acme,Service,INSTALL,1,80.00",
      "1002,09/11/2026,Acme,Non-stock,SPECIAL,1,12.00",
    ]),
    AS_OF
  );
  // 45.00 + 80.00 + 12.00 = 137.00, no returns
  expect(revenue).toEqual({ Acme: 137 });
  expect(report.returns).toBe(0);
  expect(report.warnings.join("\n")).not.toMatch(/document type/);
});

test("mostly unknown values beside an invoice and a credit: the column is not read, and that is said", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Invoice No,Date,Customer,Type,SKU,Qty,Net",
      "1001,02/11/2026,Acme,Invoice,CT-100,10,45.00",
      "1002,03/11/2026,Acme,Credit,CT-100,1,4.50",
      "1003,04/11/2026,Acme,Cash,CT-100,2,9.00",
      "1004,05/11/2026,Acme,Cash,CT-100,2,9.00",
      "1005,06/11/2026,Acme,Account,CT-100,2,9.00",
    ]),
    AS_OF
  );
  // 3 of 5 values unknown (an account type, maybe): all read as sales, 45 + 4.50 + 9 + 9 + 9 = 76.50
  expect(revenue).toEqual({ Acme: 76.5 });
  expect(report.warnings.join("\n")).toContain(
    '"Type" lists invoices beside credits or other documents, but most of its values ("Cash", "Account") are no document types KAP knows, so it is not read as the document type'
  );
});
