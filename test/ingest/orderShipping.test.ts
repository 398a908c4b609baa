/**
 * Zoho Inventory's sales-order export: "Shipping Charge" is the order's shipping, written again on
 * each of its lines. It was left out with nothing said (Redwood 80.00 where its lines and shipping
 * make 95.00). Carriage billed to the customer is revenue (PRODUCT.md §2), so each order now gets
 * one "Shipping" service line of that amount, and the user is told how much was read so.
 */
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";
import { isShippingAmountHeader } from "../../src/ingest/orderShipping";

const FILE = join(__dirname, "../fixtures/exports/zoho-inventory-sales-orders-shipping.csv");

test("Zoho Inventory: each order's Shipping Charge counts once in its revenue", async () => {
  const { revenue, orders, report } = await analyzeFile(FILE, "2026-11-30");
  // Redwood: SO-00012 50.00 + 20.00 + shipping 10.00 (on both lines, once) and SO-00016 10.00 +
  // shipping 5.00 = 95.00 in 2 orders (SO-00015, a draft of 40.00, is no sale);
  // Pinecrest: SO-00014 25.00 + shipping 5.00 = 30.00 (SO-00013, void, 100.00, is no sale)
  expect(revenue).toEqual({ "Redwood Hardware": 95, "Pinecrest Builders": 30 });
  expect(orders).toEqual({ "Redwood Hardware": 2, "Pinecrest Builders": 1 });
  expect(report.warnings).toContain(
    `"Shipping Charge" is each order's shipping, written on its lines: it counts in revenue once per order (carriage billed to the customer is revenue), read as a line "Shipping" of each of 3 orders ($20.00 in all), in no product or category.`
  );
});

test("the shipping line is a service line of its order: no product, no order of its own", async () => {
  const lines = await linesOf(FILE);
  const shipping = lines.filter((l) => l.sku === "Shipping");
  expect(shipping.map((l) => [l.orderId, l.revenue, l.quantity])).toEqual([
    ["SO-00012", 10, 0],
    ["SO-00014", 5, 0],
    ["SO-00016", 5, 0],
  ]);
});

test.each([
  ["Shipping Charge", true],
  ["Shipping", true],
  ["Freight Amount", true],
  ["Delivery Charges", true],
  ["Shipping Cost (ex tax)", true],
  ["Shipping Address", false],
  ["Shipping Method", false],
  ["Delivery Date", false],
  ["Delivery", false],
])("%s names an order's shipping amount: %s", (header, is) => {
  expect(isShippingAmountHeader(header)).toBe(is);
});

/*
 * Shopify's lines are the goods alone and its order "Shipping" is left out of revenue (its
 * layout's rule); that was said only as "not the order Total (which holds shipping and tax)".
 * The note now says how much shipping was left out.
 */
test("Shopify: the shipping left out of revenue is said with its amount", async () => {
  const { revenue, report } = await analyzeFile(
    join(__dirname, "../fixtures/exports/shopify-pos-shipping.csv"),
    "2026-11-30"
  );
  // Apex: #1001 100.00 − the order discount 10.00 = 90.00, #1003 200.00 − its refund 60.00 before
  // 20% tax (50.00) = 150.00: 240.00 (#1001's shipping 5.00 left out; #1004 voided);
  // Café Lumière: €60.00 + €30.00 = €90.00
  expect(revenue).toEqual({ "buyer@apex.co.uk": 240, "Café Lumière SARL": 90 });
  expect(report.warnings).toContain(
    `The orders' shipping ("Shipping": £5.00 on 1 order) is left out of revenue: each line's value is its goods alone, and the order Total, which holds the shipping and tax, is not read.`
  );
});
