/**
 * Brightpearl's order export (tester round 2, file 29): "Placed on" was no date header (the file
 * was refused), and once read, a sales credit (Order type SC, written positive) and a "Draft /
 * Quote" were counted as sales. Now "Order type" of one system's codes is the document type (SC a
 * return, PO and PC purchases), and "Draft / Quote" is no sale. A bare "Type" of one-letter codes
 * stays unread. Worked by hand, as of 2026-11-30.
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines);
const AS_OF = "2026-11-30";
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

/** The tester's 29_brightpearl_orders.csv. */
const BRIGHTPEARL = [
  "Order ID,Order type,Channel,Contact ID,Company,Placed on,SKU,Product name,Quantity,Net,Tax,Total,Currency,Order status",
  "100231,SO,Trade,2201,Greenfield Landscapes,03/11/2026,HOSE-25,Garden hose 25m,6,90.00,18.00,108.00,GBP,Invoiced",
  "100231,SO,Trade,2201,Greenfield Landscapes,03/11/2026,SHIP,Carriage,1,8.00,1.60,9.60,GBP,Invoiced",
  "100240,SO,Trade,2202,Oakwood Estates,06/11/2026,RAKE-1,Leaf rake,10,75.00,15.00,90.00,GBP,Invoiced",
  "100245,SO,Trade,2202,Oakwood Estates,09/11/2026,HOSE-25,Garden hose 25m,4,60.00,12.00,72.00,GBP,Cancelled",
  "100250,SO,Trade,2201,Greenfield Landscapes,12/11/2026,RAKE-1,Leaf rake,40,300.00,60.00,360.00,GBP,Draft / Quote",
  "100255,SC,Trade,2201,Greenfield Landscapes,18/11/2026,HOSE-25,Garden hose 25m,1,15.00,3.00,18.00,GBP,Credit complete",
  "100260,SO,Trade,2202,Oakwood Estates,24/11/2026,HOSE-25,Garden hose 25m,2,30.00,6.00,36.00,GBP,Invoiced",
];

test("Brightpearl: the sales credit (SC, positive) is a return, the Draft / Quote no sale — 2201 83.00 in 1 order, last 03/11 (was 413.00 in 3, last 18/11)", async () => {
  const { report, revenue, orders, days, names } = await analyzeFile(fileOf(BRIGHTPEARL), AS_OF);
  // Greenfield (2201): 90.00 + 8.00 carriage − 15.00 (SC 100255) = 83.00 in 1 order, last 03/11
  // (27 days); the Draft / Quote 100250 300.00 out. Oakwood (2202): 75.00 + 30.00 = 105.00 in 2
  // orders, last 24/11 (6 days); the Cancelled 100245 60.00 out. Net before tax.
  // the accounts are the Contact IDs (one per Company), named by the Company
  expect(revenue).toEqual({ "2201": 83, "2202": 105 });
  expect(orders).toEqual({ "2201": 1, "2202": 2 });
  expect(days).toEqual({ "2201": 27, "2202": 6 });
  expect(names).toEqual({ "2201": "Greenfield Landscapes", "2202": "Oakwood Estates" });
  expect(report.returns).toBe(1);
  expect(skippedRows(report.skipped)).toEqual({
    "cancelled, voided, refunded or draft order": 1,
    "not a sale (a quote, sales order or delivery note)": 1,
  });
  expect(report.warnings).toContain(
    '"Order type" writes document types as codes: its SC (sales credit) lines are credit notes, read as returns whatever their sign.'
  );
});

test("an 'Order type' of channels (Web, Phone) is no document type", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Order ID,Order type,Customer,Placed on,SKU,Quantity,Net",
      "1,Web,Acme,03/11/2026,CT-1,1,10.00",
      "2,Phone,Acme,04/11/2026,CT-1,1,12.00",
    ]),
    AS_OF
  );
  expect(revenue).toEqual({ Acme: 22 });
  expect(report.warnings.join("\n")).not.toMatch(/document type/);
});

test("a bare 'Type' of one-letter codes (F, A) is not read as invoices and avoirs", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Invoice No,Date,Customer,Type,SKU,Qty,Net",
      "1001,02/11/2026,Acme,F,CT-100,10,45.00",
      "1002,03/11/2026,Acme,A,CT-100,1,4.50",
    ]),
    AS_OF
  );
  // both sales: 45.00 + 4.50 = 49.50
  expect(revenue).toEqual({ Acme: 49.5 });
  expect(report.returns).toBe(0);
});

test("a Contact ID is the account only where it names one Company and each Company has one", async () => {
  // Two contacts (people, a CRM's) of one company: the company stays the account, 10.00 + 12.00
  const { revenue } = await analyzeFile(
    fileOf([
      "Order ID,Contact ID,Company,Placed on,SKU,Quantity,Net",
      "1,501,Acme,03/11/2026,CT-1,1,10.00",
      "2,502,Acme,04/11/2026,CT-1,1,12.00",
      "3,503,Bolt,05/11/2026,CT-1,1,5.00",
    ]),
    AS_OF
  );
  expect(revenue).toEqual({ Acme: 22, Bolt: 5 });
});
