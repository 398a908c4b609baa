/**
 * Squarespace's orders export (Commerce › Orders › Download CSV): Shopify's columns, but "Order
 * ID" for the order and "Amount Refunded" for its refund, on a PAID order too. A tester found it
 * refused (no column for the order's customer: "Email" is read only in Shopify's layout), and
 * read as Shopify's only once renamed, its refund ignored: Bolt Cafe $50 where it kept $40.
 * Figures worked out by hand.
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const VOID = "cancelled, voided, refunded or draft order";
const HEAD =
  "Order ID,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Amount Refunded,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem fulfillment status,Billing Name,Cancelled at,Channel Type,Payment Method";

const fileOf = (lines: string[]): string => csvFile(lines, "orders.csv");

const ROWS = [
  "00090,orders@acme.com,PAID,2025-09-01 10:00:00 +0100,FULFILLED,USD,20.00,5.00,1.60,0.00,26.60,,0.00,2025-09-01 10:00:00 +0100,1,Rye flour 5kg,20.00,RYE5,FULFILLED,Acme Bakery,,ONLINE,Stripe",
  "00101,orders@acme.com,PAID,2026-03-01 10:00:00 +0000,FULFILLED,USD,55.00,5.00,4.40,0.00,64.40,,0.00,2026-03-01 10:00:00 +0000,2,Rye flour 5kg,20.00,RYE5,FULFILLED,Acme Bakery,,ONLINE,Stripe",
  "00101,orders@acme.com,,,,,,,,,,,,2026-03-01 10:00:00 +0000,1,Proofing basket,15.00,BASK1,FULFILLED,,,,",
  "00102,orders@acme.com,REFUNDED,2026-05-10 09:00:00 +0100,FULFILLED,USD,60.00,0.00,4.80,64.80,64.80,,0.00,2026-05-10 09:00:00 +0100,3,Rye flour 5kg,20.00,RYE5,FULFILLED,Acme Bakery,,ONLINE,Stripe",
  "00103,hello@bolt.com,PAID,2026-07-01 12:00:00 +0100,FULFILLED,USD,50.00,0.00,4.00,10.00,54.00,,0.00,2026-07-01 12:00:00 +0100,5,Coffee filter pack,10.00,FILT,FULFILLED,Bolt Cafe,,ONLINE,Stripe",
  "00104,hello@bolt.com,PAID,2026-08-01 12:00:00 +0100,CANCELED,USD,100.00,0.00,8.00,0.00,108.00,,0.00,2026-08-01 12:00:00 +0100,1,Espresso grinder,100.00,GRND,CANCELED,Bolt Cafe,2026-08-02 09:00:00 +0100,ONLINE,Stripe",
];

test("the tester's orders: read as Squarespace's, the refund of a paid order taken off", async () => {
  const { report, revenue, orders } = await analyzeFile(fileOf([HEAD, ...ROWS]));
  // Acme: 00090 (2025-09-01) is over 12 months before 2026-10-31; 00101 2 × 20.00 + 1 × 15.00 =
  // 55.00; 00102 refunded in full: skipped. Bolt: 00103 5 × 10.00 = 50.00 less the 10.00 refunded
  // (one pack, no tax with it) = 40.00; 00104 cancelled: skipped.
  expect(revenue).toEqual({ "orders@acme.com": 55, "hello@bolt.com": 40 });
  expect(orders).toEqual({ "orders@acme.com": 1, "hello@bolt.com": 1 });
  expect(report.read?.layout).toBe("Squarespace orders");
  expect(report.skipped.find((s) => s.rule === VOID)?.rows).toBe(2);
  expect(report.warnings.join(" ")).toContain(
    "00103: Amount Refunded 10.00, 1 of its 5 × 10.00, no tax refunded with it"
  );
});

test("renamed to Shopify's order column, or its customer column to Customer ID: still Squarespace's", async () => {
  const asShopify = await analyzeFile(fileOf([HEAD.replace("Order ID", "Name"), ...ROWS]));
  // the same 55.00 and 40.00: "Amount Refunded" says the export is Squarespace's
  expect(asShopify.revenue).toEqual({ "orders@acme.com": 55, "hello@bolt.com": 40 });
  expect(asShopify.report.read?.layout).toBe("Squarespace orders");
  const byId = await analyzeFile(fileOf([HEAD.replace("Email", "Customer ID"), ...ROWS]));
  expect(byId.revenue).toEqual({ "orders@acme.com": 55, "hello@bolt.com": 40 });
});

test("a refund that is no whole units of one line is flagged, not guessed", async () => {
  const { revenue, report } = await analyzeFile(
    fileOf([
      HEAD,
      // 3 × 10.00 = 30.00, 7.00 refunded: 7.00 is no whole number of 10.00 units, with or
      // without the order's 10% tax (7 × 30/33 = 6.36): the line stays 30.00, the refund said
      "00201,a@x.com,PAID,2026-09-01 10:00:00 +0000,FULFILLED,USD,30.00,0.00,3.00,7.00,33.00,,0.00,2026-09-01 10:00:00 +0000,3,Tea,10.00,TEA,FULFILLED,A Co,,ONLINE,Stripe",
    ])
  );
  expect(revenue).toEqual({ "a@x.com": 30 });
  expect(report.warnings.join(" ")).toMatch(/00201/);
});

test("Shopify's partly refunded order: a refund of whole units with no tax on it comes off too", async () => {
  const { revenue } = await analyzeFile(
    fileOf([
      "Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Refunded Amount",
      // 4 × 12.00 = 48.00, taxed 10% (Total 52.80); 24.00 back: not whole units with tax at the
      // order's rate (24 × 48/52.80 = 21.82), but 2 units of 12.00 with none: 48 − 24 = 24.00
      "#3001,c@x.com,partially_refunded,USD,48.00,0.00,4.80,52.80,2026-09-01 10:00:00 +0000,4,Jam,12.00,JAM,24.00",
    ])
  );
  expect(revenue).toEqual({ "c@x.com": 24 });
});
