/**
 * BigCommerce's order export: one row per order, its products packed into "Product Details"
 * ("Product ID: 12, Product Qty: 2, Product SKU: TAPE, …, Product Total Price: 12.00|Product ID:
 * …"). A fresh-user tester found it refused. Each packed product is read as a line of its order:
 * its SKU the product, its quantity, and its share of the order's "Subtotal (ex tax)" by its
 * total price (so an order's lines add up to its amount before tax, whether the shop's product
 * prices hold tax or not). Before, the packed cell was read as one product per order. Where no
 * amount before tax is exported, the refusal says what to export. Figures worked by hand from
 * the rows below.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

function file(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-bigcommerce-")), name);
  writeFileSync(path, lines.join("\r\n"));
  return path;
}

const HEADER =
  "Order ID,Customer ID,Customer Name,Customer Email,Customer Phone,Order Date,Order Status,Subtotal (inc tax),Subtotal (ex tax),Tax Total,Shipping Cost (inc tax),Shipping Cost (ex tax),Order Total (inc tax),Order Total (ex tax),Payment Method,Total Quantity,Order Currency Code,Billing Company,Product Details";
const ROWS = [
  '101,7,Anna Fenwick,buyer@fenwick.example,01234 567890,10/21/2026,Completed,36.00,30.00,6.00,6.00,5.00,42.00,35.00,Credit Card,3,GBP,Fenwick Build,"Product ID: 12, Product Qty: 2, Product SKU: TAPE, Product Name: PVC Tape, Product Weight: 0.1000, Product Variation Details: , Product Unit Price: 7.20, Product Total Price: 14.40|Product ID: 14, Product Qty: 1, Product SKU: GLV, Product Name: Nitrile Gloves, Product Weight: 0.2000, Product Variation Details: Size: L, Product Unit Price: 21.60, Product Total Price: 21.60"',
  '102,9,Lee Green,ops@green.example,01234 567891,10/22/2026,Shipped,24.00,20.00,4.00,0.00,0.00,24.00,20.00,Credit Card,4,GBP,Greenline FM,"Product ID: 12, Product Qty: 4, Product SKU: TAPE, Product Name: PVC Tape, Product Weight: 0.1000, Product Variation Details: , Product Unit Price: 5.00, Product Total Price: 20.00"',
  '103,9,Lee Green,ops@green.example,01234 567891,10/25/2026,Awaiting Payment,60.00,50.00,10.00,0.00,0.00,60.00,50.00,Bank Deposit,10,GBP,Greenline FM,"Product ID: 12, Product Qty: 10, Product SKU: TAPE, Product Name: PVC Tape, Product Weight: 0.1000, Product Variation Details: , Product Unit Price: 5.00, Product Total Price: 50.00"',
];

test("BigCommerce orders: each packed product a line of its order, sharing the order's Subtotal (ex tax)", async () => {
  const path = file("orders.csv", [HEADER, ...ROWS]);
  const { revenue, orders, report } = await analyzeFile(path);
  // 7: order 101 30.00; 9: order 102 20.00 (order 103, 50.00, awaits payment: no sale yet)
  expect(revenue).toEqual({ "7": 30, "9": 20 });
  expect(orders).toEqual({ "7": 1, "9": 1 });
  expect(report.hasProducts).toBe(true);
  expect(report.warnings).toContain(
    '"Product Details" packs each order\'s products into one cell (BigCommerce\'s order export, one row per order): each product is read as a line of its order, named by its "Product SKU" (else its "Product Name"), its quantity "Product Qty" (not "Total Quantity"), its value the order\'s "Subtotal (ex tax)" shared among its products by their "Product Total Price". The export has no categories: add a catalog with each product\'s category for the category views.'
  );
  // the 3 products of order 103 are one row skipped
  expect(report.warnings.join("\n")).toContain(
    "1 not yet paid (pending or on-hold) order (row 4; 50.00 not counted as sales)"
  );
  const lines = await linesOf(path);
  // 101: its products' prices hold the tax (14.40 + 21.60 = 36.00, the Subtotal (inc tax)):
  // TAPE 30.00 × 14.40 / 36.00 = 12.00, GLV 30.00 × 21.60 / 36.00 = 18.00; 102: TAPE 20.00
  expect(
    lines.map((l) => [
      l.orderId,
      l.sku,
      l.productName,
      l.quantity,
      Math.round(l.revenue * 100) / 100,
    ])
  ).toEqual([
    ["101", "TAPE", "PVC Tape", 2, 12],
    ["101", "GLV", "Nitrile Gloves", 1, 18],
    ["102", "TAPE", "PVC Tape", 4, 20],
  ]);
});

test("a packed cell whose products cannot be valued: the order is rejected as having no product, its value said", async () => {
  const path = file("orders.csv", [
    HEADER,
    ROWS[1],
    '104,7,Anna Fenwick,buyer@fenwick.example,01234 567890,10/26/2026,Completed,12.00,10.00,2.00,0.00,0.00,12.00,10.00,Credit Card,1,GBP,Fenwick Build,"Product ID: 15, Product Qty: 1, Product SKU: KIT, Product Name: Fixing kit"',
  ]);
  const { revenue, report } = await analyzeFile(path);
  // 9: 102 20.00; order 104 (10.00, no price for its product) is 10.00 of 30.00 = 33.3%
  expect(revenue).toEqual({ "9": 20 });
  expect(report.rejected).toEqual([{ reason: "no product", count: 1, rows: [3] }]);
  expect(report.warnings.join("\n")).toContain("1 no product (row 3; 10.00, 33.3% of revenue)");
});

test("BigCommerce orders with no amount before tax: refused, saying what to export instead", async () => {
  // the same orders exported with their totals with tax only
  const drop = new Set([7, 8, 9, 13]); // Subtotal (inc tax), Subtotal (ex tax), Tax Total, Order Total (ex tax)
  const cut = (line: string) => {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    return cells.filter((_, i) => !drop.has(i)).join(",");
  };
  const path = file("orders-with-tax.csv", [cut(HEADER), ...ROWS.map(cut)]);
  await expect(analyzeFile(path)).rejects.toThrow(
    '"orders-with-tax" is a BigCommerce order export (one row per order, its products packed into "Product Details") that KAP cannot read as it is: export the orders with one row per product ordered (order ID, order date, customer, product SKU, quantity and the line\'s amount before tax) and analyse that file; or, for one line per order with no products, include "Order Date", "Customer ID" and "Subtotal (ex tax)" in the export.'
  );
});

/**
 * BigCommerce's default order export has more money columns than the goods: "Store Credit
 * Redeemed" and "Gift Certificate Amount Redeemed" (payments), "Coupon Details", "Refund Amount".
 * A tester found every order read at its gift certificate (0.00), and, read at its subtotal, an
 * order's coupon and a partial refund not taken off. Tax at 20% throughout.
 */
const DEFAULT_HEADER =
  "Order ID,Customer ID,Customer Name,Customer Email,Order Date,Order Status,Subtotal (inc tax),Subtotal (ex tax),Tax Total,Shipping Cost (inc tax),Shipping Cost (ex tax),Ship Method,Handling Cost (inc tax),Handling Cost (ex tax),Store Credit Redeemed,Gift Certificate Amount Redeemed,Coupon Details,Order Total (inc tax),Order Total (ex tax),Payment Method,Total Quantity,Order Currency Code,Billing Company,Product Details,Refund Amount";
const DEFAULT_ROWS = [
  // 201: goods 20.00 + 30.00 = 50.00 before tax, a 10% coupon (5.00), shipping 5.00: Order Total
  // (ex tax) 50.00 − 5.00 + 5.00 = 50.00, so the coupon is 50.00 + 5.00 + 0.00 − 50.00 = 5.00
  '201,7,Anna Fenwick,buyer@fenwick.example,10/21/2026,Completed,60.00,50.00,10.00,6.00,5.00,Flat Rate,0.00,0.00,0.00,0.00,"Coupon ID: 3, Coupon Code: SAVE10, Coupon Name: Ten off",60.00,50.00,Credit Card,3,GBP,Fenwick Build,"Product ID: 12, Product Qty: 2, Product SKU: TAPE, Product Name: PVC Tape, Product Weight: 0.1000, Product Variation Details: , Product Unit Price: 10.00, Product Total Price: 20.00|Product ID: 14, Product Qty: 1, Product SKU: GLV, Product Name: Nitrile Gloves, Product Weight: 0.2000, Product Variation Details: Size: L, Product Unit Price: 30.00, Product Total Price: 30.00",0.00',
  // 202: goods 40.00, no shipping, 12.00 refunded with its tax: 12.00 × 40.00 / 48.00 = 10.00
  // before tax → 40.00 − 10.00 = 30.00
  '202,9,Lee Green,ops@green.example,10/22/2026,Partially Refunded,48.00,40.00,8.00,0.00,0.00,Free Shipping,0.00,0.00,0.00,0.00,,48.00,40.00,Credit Card,4,GBP,Greenline FM,"Product ID: 12, Product Qty: 4, Product SKU: TAPE, Product Name: PVC Tape, Product Weight: 0.1000, Product Variation Details: , Product Unit Price: 10.00, Product Total Price: 40.00",12.00',
  // 203: goods 20.00, shipping 10.00; 36.00 refunded = 36.00 × 30.00 / 36.00 = 30.00 before tax,
  // past its goods (20.00): nothing sold, skipped as refunded
  '203,9,Lee Green,ops@green.example,10/25/2026,Partially Refunded,24.00,20.00,6.00,12.00,10.00,Flat Rate,0.00,0.00,0.00,0.00,,36.00,30.00,Credit Card,2,GBP,Greenline FM,"Product ID: 12, Product Qty: 2, Product SKU: TAPE, Product Name: PVC Tape, Product Weight: 0.1000, Product Variation Details: , Product Unit Price: 10.00, Product Total Price: 20.00",36.00',
  // 204: refunded whole: skipped by its status
  '204,7,Anna Fenwick,buyer@fenwick.example,10/26/2026,Refunded,12.00,10.00,2.00,0.00,0.00,Free Shipping,0.00,0.00,0.00,0.00,,12.00,10.00,Credit Card,1,GBP,Fenwick Build,"Product ID: 12, Product Qty: 1, Product SKU: TAPE, Product Name: PVC Tape, Product Weight: 0.1000, Product Variation Details: , Product Unit Price: 10.00, Product Total Price: 10.00",12.00',
];

test("BigCommerce's default export: each order's Subtotal (ex tax) less its coupon and its refund before tax", async () => {
  const path = file("orders-default.csv", [DEFAULT_HEADER, ...DEFAULT_ROWS]);
  const { revenue, report } = await analyzeFile(path);
  // 7: 201 50.00 − 5.00 = 45.00 (204 refunded whole); 9: 202 30.00 (203 refunded past its goods).
  // Before: 0.00 each (read at "Gift Certificate Amount Redeemed"); at the subtotal 50.00 and 60.00
  expect(revenue).toEqual({ "7": 45, "9": 30 });
  const said = report.warnings.join("\n");
  expect(said).toContain(
    'BigCommerce\'s orders: each order\'s value is "Subtotal (ex tax)" less its coupons and discounts (what "Order Total (ex tax)" lacks of "Subtotal (ex tax)" + "Shipping Cost (ex tax)" + "Handling Cost (ex tax)"), and less "Refund Amount" before tax'
  );
  expect(said).toContain(
    "1 partly refunded order is read net of the whole refund before tax (202: 40.00 less 10.00 refunded)"
  );
  expect(said).toContain("1 order's refund is more than its goods");
  // 203 (its subtotal 20.00) and 204 (10.00) skipped
  expect(said).toContain(
    "2 cancelled, voided, refunded or draft orders (rows 4, 5; 30.00 not counted as sales)"
  );
  // the refund is taken off: no "counted in full" warning on the partly refunded orders
  expect(said).not.toContain("count in full");
  const lines = await linesOf(path);
  // 201: TAPE 45.00 × 20.00 / 50.00 = 18.00, GLV 45.00 × 30.00 / 50.00 = 27.00; 202: TAPE 30.00
  expect(
    lines.map((l) => [l.orderId, l.sku, l.quantity, Math.round(l.revenue * 100) / 100])
  ).toEqual([
    ["201", "TAPE", 2, 18],
    ["201", "GLV", 1, 27],
    ["202", "TAPE", 4, 30],
  ]);
});

test("BigCommerce's default export without its products (one line per order): the same coupons and refunds come off", async () => {
  // the rows above with "Product Details" left out of the export (the 24th column)
  const cut = (line: string) => {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    return cells.filter((_, i) => i !== 23 && i < 25).join(",");
  };
  const path = file("orders-no-products.csv", [cut(DEFAULT_HEADER), ...DEFAULT_ROWS.map(cut)]);
  const { revenue, report } = await analyzeFile(path);
  // 7: 201 50.00 − 5.00 = 45.00; 9: 202 40.00 − 10.00 = 30.00 (203 and 204 skipped, as above).
  // Before: 0.00 each, read at "Gift Certificate Amount Redeemed"
  expect(revenue).toEqual({ "7": 45, "9": 30 });
  expect(report.hasProducts).toBe(false);
  expect(report.warnings.join("\n")).toContain("202: 40.00 less 10.00 refunded");
});

test("BigCommerce orders without Order Total (ex tax): the refund comes off whole, its tax with it, and the summary says so", async () => {
  const path = file("orders-few-columns.csv", [
    "Order ID,Customer ID,Order Date,Order Status,Subtotal (inc tax),Subtotal (ex tax),Order Total (inc tax),Refund Amount",
    // 40.00 before tax, 12.00 refunded with its tax: no totals to take the tax off by → 40.00 − 12.00 = 28.00
    "301,7,10/21/2026,Partially Refunded,48.00,40.00,48.00,12.00",
  ]);
  const { revenue, report } = await analyzeFile(path);
  expect(revenue).toEqual({ "7": 28 });
  const said = report.warnings.join("\n");
  expect(said).toContain('less "Refund Amount" with its tax');
  expect(said).toContain(
    "1 partly refunded order is read net of the whole refund (301: 40.00 less 12.00 refunded): the export does not say how much of a refund was shipping or tax"
  );
});
