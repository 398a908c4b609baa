/**
 * eBay Seller Hub's orders report (Orders › Download report). A tester found its dates
 * ("Oct-05-26": month, day, two-digit year) unreadable, its "Total Price" (with shipping and
 * tax) taken for the items' value, and its footer ("4 record(s) downloaded, from …", "Seller ID :
 * …") counted as rows with no account. Figures worked out by hand; the customer column is headed
 * "Customer ID" (a header KAP reads already).
 */
import { parseDate } from "../../src/ingest/values";
import { ymdToSerial } from "../../src/domain/dates";
import { analyzeFile, csvFile } from "./fileAnalysis";

const HEAD =
  '"Sales Record Number","Order Number","Customer ID","Buyer Name","Buyer Email","Item Number","Item Title","Custom Label","Quantity","Sold For","Shipping And Handling","Seller Collected Tax","eBay Collected Tax","Total Price","Payment Method","Sale Date","Paid On Date","Transaction ID"';

const fileOf = (lines: string[]): string => csvFile(lines, "orders.csv");

test("eBay's dates read month, day, two-digit year", () => {
  expect(parseDate("Oct-05-26")).toBe(ymdToSerial(2026, 10, 5));
  expect(parseDate("Aug-01-25")).toBe(ymdToSerial(2025, 8, 1));
  expect(parseDate("Oct-31-26 23:59:59")).toBe(ymdToSerial(2026, 10, 31));
  // the four-digit forms read as before
  expect(parseDate("Oct 5, 2026")).toBe(ymdToSerial(2026, 10, 5));
  expect(parseDate("5-Oct-26")).toBe(ymdToSerial(2026, 10, 5));
  // no 31st of February
  expect(parseDate("Feb-31-26")).toBeUndefined();
});

test("the tester's report: Sold For × Quantity, dated by Sale Date, the footer no order line", async () => {
  const file = fileOf([
    "",
    HEAD,
    '"1001","12-11111","kline_auto","Kline Auto Parts","k@example.com","334455667788","Brake pads","BRK-01","3","$25.00","$5.99","$0.00","$6.19","$87.18","eBay Payments","Oct-05-26","Oct-05-26","2233445566"',
    '"1002","12-22222","kline_auto","Kline Auto Parts","k@example.com","334455667799","Synthetic oil","OIL-05","2","$20.00","$0.00","$0.00","$3.30","$43.30","eBay Payments","Jul-15-26","Jul-15-26","2233445577"',
    '"1003","12-33333","harbor_marine","Harbor Marine","h@example.com","334455668800","Anchor 10lb","ANC-10","4","$50.00","$12.00","$0.00","$16.50","$228.50","eBay Payments","Sep-01-26","Sep-01-26","2233445588"',
    '"1000","12-00000","harbor_marine","Harbor Marine","h@example.com","334455668800","Anchor 10lb","ANC-10","1","$50.00","$12.00","$0.00","$4.13","$66.13","eBay Payments","Aug-01-25","Aug-01-25","2233445500"',
    "",
    '"4 record(s) downloaded,from Aug-01-25 00:00:00 to Oct-31-26 23:59:59",,,,',
    '"Seller ID : mypartsshop"',
  ]);
  const { report, revenue, orders, days } = await analyzeFile(file);
  // Kline: 3 × 25.00 + 2 × 20.00 = 115.00 (not its Total Prices 87.18 + 43.30 = 130.48).
  // Harbor: 4 × 50.00 = 200.00 on Sep-01-26; its Aug-01-25 order is over 12 months before
  // 2026-10-31 (Total Price would say 228.50).
  expect(revenue).toEqual({ kline_auto: 115, harbor_marine: 200 });
  expect(orders).toEqual({ kline_auto: 2, harbor_marine: 1 });
  // Kline's last order Oct-05-26: 26 days before 31 October 2026; Harbor's Sep-01-26: 60 days
  expect(days).toEqual({ kline_auto: 26, harbor_marine: 60 });
  expect(report.read?.layout).toBe("eBay orders report");
  expect(report.skipped.find((s) => s.rule === "no account")).toBeUndefined();
  expect(report.skipped.find((s) => s.rule === "report footer row")?.rows).toBe(2);
});
