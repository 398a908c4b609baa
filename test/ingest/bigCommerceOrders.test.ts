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
