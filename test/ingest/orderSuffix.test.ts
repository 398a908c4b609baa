/**
 * Infor CSD / SX.e writes an order's suffix in a column of its own ("Order #" 1234567, "Suf" 01):
 * 1234567-01 is the backorder of 1234567-00, shipped and invoiced on a later date. Read by the
 * number alone, the backorder's line joined the first shipment's order, whose date it took:
 * account 10045's last order read 02/11 (28 days before 30/11) where it is 09/11 (21 days).
 * Worked by hand from the tester's file 30, as of 2026-11-30 (46328 = 02/11/2026, 46335 = 09/11).
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines);
const AS_OF = "2026-11-30";

const INFOR_CSD = [
  "Order #,Suf,Trans Type,Stage,Invoice Date,Cust #,Customer Name,Ship To,Product,Qty Ship,Net Amount",
  "1234567,00,SO,Paid,46328,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,500,450.00",
  "1234567,01,SO,Invoiced,46335,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,100,90.00",
  "1234570,00,SO,Paid,46330,10077,LAKESHORE MECHANICAL,,PIPE-1,20,300.00",
  '1234571,00,QU,Quoted,46332,10077,LAKESHORE MECHANICAL,,PIPE-1,1000,"15,000.00"',
  "1234575,00,SO,Cancelled,46336,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,0,80.00",
  "1234580,00,RM,Invoiced,46342,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,-50,-45.00",
  "1234585,00,SO,Invoiced,46349,10077,LAKESHORE MECHANICAL,,PIPE-1,10,150.00",
];

test("Infor CSD: 1234567-01, the backorder invoiced 09/11, is an order of its own — 10045's last order 09/11, was 02/11", async () => {
  const { report, revenue, orders, days } = await analyzeFile(fileOf(INFOR_CSD), AS_OF);
  // 10045: 450.00 (-00, 02/11) + 90.00 (-01, 09/11) − 45.00 (RM, a return) = 495.00, the
  // cancelled 80.00 out; 2 documents shipped and invoiced apart, the last 21 days before 30/11
  expect(revenue).toEqual({ "10045": 495, "10077": 450 });
  expect(orders).toEqual({ "10045": 2, "10077": 2 });
  expect(days).toEqual({ "10045": 21, "10077": 7 });
  expect(report.warnings.join("\n")).toContain(
    '"Order #" and "Suf" are read together as the document number (such as 1234567-01)'
  );
});

test("SX.e's orderno and ordersuf, the suffix's zeros dropped by Excel (1), read the same", async () => {
  const lines = INFOR_CSD.map((l, i) =>
    i === 0
      ? l.replace("Order #,Suf", "orderno,ordersuf")
      : l.replace(/^(\d+),0(\d),/, (_, o: string, s: string) => `${o},${s},`)
  );
  const { revenue, orders, days } = await analyzeFile(fileOf(lines), AS_OF);
  expect(revenue).toEqual({ "10045": 495, "10077": 450 });
  expect(orders).toEqual({ "10045": 2, "10077": 2 });
  expect(days).toEqual({ "10045": 21, "10077": 7 });
});

test("a 'Suffix' of words (a name's Jr., Ltd) is no order suffix: the order stays one", async () => {
  const lines = [
    "Order No,Date,Customer,Suffix,SKU,Qty,Amount",
    "5001,02/11/2026,Smith,Jr,A1,1,10.00",
    "5001,09/11/2026,Smith,Jr,A2,1,20.00",
  ];
  const { orders, report } = await analyzeFile(fileOf(lines), AS_OF);
  expect(orders).toEqual({ Smith: 1 });
  expect(report.warnings.join("\n")).not.toContain("read together");
});
