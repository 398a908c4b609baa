/**
 * eBay Seller Hub's orders report, as eBay writes it: the buyer under "Buyer Username" and "Buyer
 * Name" (no "Customer ID"), and an order of several items as a summary row (the buyer, shipping,
 * tax and "Total Price", no item) above one row per item (the same order number, "Item Title",
 * "Quantity", "Sold For", the buyer's name left blank). A tester found the report refused for
 * want of a customer column, and the summary row is no line of its own. Figures worked by hand.
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const HEAD =
  '"Sales Record Number","Order Number","Buyer Username","Buyer Name","Buyer Email","Buyer Address 1","Buyer City","Buyer State","Buyer Zip","Item Number","Item Title","Custom Label","Quantity","Sold For","Shipping And Handling","eBay Collected Tax","Total Price","Payment Method","Sale Date","Paid On Date"';

const fileOf = (lines: string[]): string => csvFile(lines, "orders.csv");

const ROWS = [
  "",
  HEAD,
  // order 13-11111: summary row, Total Price 93.00 = items 80.00 + shipping 8.00 + tax 5.00
  '"2001","13-11111","kline_auto","Kline Auto Parts","k@example.com","12 Main St","Dayton","OH","45402","","","","3","","$8.00","$5.00","$93.00","eBay Payments","Oct-05-26","Oct-05-26"',
  // its items: 1 × 40.00 and 2 × 20.00; the second with no Sale Date of its own
  '"2001","13-11111","kline_auto","","","","","","","334455667788","Brake pads","BRK-01","1","$40.00","","","","","Oct-05-26",""',
  '"2001","13-11111","kline_auto","","","","","","","334455667799","Synthetic oil","OIL-05","2","$20.00","","","","","",""',
  // a one-item order on one row: 1 × 50.00 (Total Price 66.13 with shipping and tax)
  '"2002","13-22222","harbor_marine","Harbor Marine Supply","h@example.com","4 Dock Rd","Erie","PA","16507","334455668800","Anchor 10lb","ANC-10","1","$50.00","$12.00","$4.13","$66.13","eBay Payments","Sep-01-26","Sep-01-26"',
  // a second multi-item order of kline_auto: 2 × 15.00 + 1 × 25.00 = 55.00 (Total 61.00)
  '"2003","13-33333","kline_auto","Kline Auto Parts","k@example.com","12 Main St","Dayton","OH","45402","","","","3","","$6.00","$0.00","$61.00","eBay Payments","Oct-20-26","Oct-20-26"',
  '"2003","13-33333","kline_auto","","","","","","","334455667700","Wiper blade","WIP-01","2","$15.00","","","","","Oct-20-26",""',
  '"2003","13-33333","kline_auto","","","","","","","334455667711","Air filter","AIR-01","1","$25.00","","","","","Oct-20-26",""',
  "",
  '"3 record(s) downloaded,from Aug-01-25 00:00:00 to Oct-31-26 23:59:59",,,,',
  '"Seller ID : mypartsshop"',
];

test("eBay multi-item orders: the items once, the summary row's Total Price not added on top", async () => {
  const { revenue, orders, names, report } = await analyzeFile(fileOf(ROWS));
  // kline_auto: (40.00 + 2 × 20.00) + (2 × 15.00 + 25.00) = 80.00 + 55.00 = 135.00 in 2 orders
  //   (not 93.00 + 61.00 or 80.00 + 93.00 + …: shipping and tax are no sale)
  // harbor_marine: 1 × 50.00 = 50.00
  expect(revenue).toEqual({ kline_auto: 135, harbor_marine: 50 });
  expect(orders).toEqual({ kline_auto: 2, harbor_marine: 1 });
  // the buyer named by the summary row, whose item rows leave the name blank
  expect(names).toEqual({ kline_auto: "Kline Auto Parts", harbor_marine: "Harbor Marine Supply" });
  expect(report.rejected).toEqual([
    { reason: "order summary row (its items on the rows below)", count: 2, rows: [3, 7] },
  ]);
  expect(report.accepted).toBe(5);
});
