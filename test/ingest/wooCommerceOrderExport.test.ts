/**
 * The "Advanced Order Export For WooCommerce" plugin's default export (its default fields: the
 * order's Number, Status, Date, Customer Note, billing and shipping address; per product "Item #",
 * "SKU", "Item Name", "Quantity", "Item Cost"; the coupon's "Coupon Code", "Discount Amount",
 * "Discount Amount Tax"; the order's totals). A tester found it refused: no line revenue or unit
 * price ("Item Cost" is the plugin's unit price after the order's coupons, before tax:
 * WooCommerce's item total ÷ quantity). Figures worked by hand from the rows below.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

function file(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-woo-export-")), name);
  writeFileSync(path, lines.join("\r\n"));
  return path;
}

const ORDER =
  "Order Number,Order Status,Order Date,Customer Note,First Name (Billing),Last Name (Billing),Company (Billing),Address 1&2 (Billing),City (Billing),State Code (Billing),Postcode (Billing),Country Code (Billing),Email (Billing),Phone (Billing),First Name (Shipping),Last Name (Shipping),Address 1&2 (Shipping),City (Shipping),State Code (Shipping),Postcode (Shipping),Country Code (Shipping)";
const TOTALS =
  "Coupon Code,Discount Amount,Discount Amount Tax,Shipping Method Title,Payment Method Title,Cart Discount Amount,Order Subtotal Amount,Order Shipping Amount,Order Refund Amount,Order Total Amount,Order Total Tax Amount";
const HEADER = `${ORDER},Item #,SKU,Item Name,Quantity,Item Cost,${TOTALS}`;
const JONES =
  "Sarah,Jones,Jones Joinery,1 Mill Rd,Derby,DBY,DE1 1AA,GB,Sarah@JonesJoinery.co.uk,01332 000000,Sarah,Jones,1 Mill Rd,Derby,DBY,DE1 1AA,GB";
const SHAH =
  "Raj,Shah,Shah Kitchens,9 Dock St,Hull,HUL,HU1 1AA,GB,raj@shahkitchens.co.uk,01482 000000,Raj,Shah,9 Dock St,Hull,HUL,HU1 1AA,GB";
const BAKER =
  "Tom,Baker,,4 Rye Lane,York,YOR,YO1 1AA,GB,tom.baker@gmail.com,01904 000000,Tom,Baker,4 Rye Lane,York,YOR,YO1 1AA,GB";
const ROWS = [
  // 1001: TAPE 4 × 5.00 + GLV 2 × 10.00 = 40.00 less a 10% coupon (4.00): Item Cost 4.50 and 9.00
  // → 4 × 4.50 = 18.00 and 2 × 9.00 = 18.00 (the coupon's "Discount Amount" 4.00 beside the first
  // product is already off its Item Cost: not taken off again)
  `1001,Completed,2026-10-03 09:15,,${JONES},1,TAPE,PVC Tape,4,4.50,save10,4.00,0.80,Flat rate,Direct bank transfer,4.00,40.00,5.00,0.00,49.20,8.20`,
  `1001,Completed,2026-10-03 09:15,,${JONES},2,GLV,Nitrile Gloves,2,9.00,,,,Flat rate,Direct bank transfer,4.00,40.00,5.00,0.00,49.20,8.20`,
  // 1002: 10 × 5.00 = 50.00 (its Customer Note is no customer)
  `1002,Processing,2026-10-05 11:00,Leave at the back door,${SHAH},1,TAPE,PVC Tape,10,5.00,,,,Free shipping,Credit card,0.00,50.00,0.00,0.00,60.00,10.00`,
  // 1003: 3 × 10.00 = 30.00, 12.00 refunded (with its tax and shipping): which line is not shown
  `1003,Completed,2026-10-09 14:30,,${JONES},1,GLV,Nitrile Gloves,3,10.00,,,,Flat rate,Credit card,0.00,30.00,5.00,12.00,42.00,7.00`,
  // 1004: cancelled, 5 × 10.00 = 50.00 skipped
  `1004,Cancelled,2026-10-10 08:00,,${SHAH},1,GLV,Nitrile Gloves,5,10.00,,,,Flat rate,Credit card,0.00,50.00,5.00,0.00,66.00,11.00`,
  // 1005: a buyer with no company: 3 × 2.50 = 7.50, the account named by the billing name
  `1005,Completed,2026-10-12 16:45,,${BAKER},1,CLIP,Spring Clips,3,2.50,,,,Flat rate,Credit card,0.00,7.50,3.00,0.00,12.60,2.10`,
];

test("Advanced Order Export's default columns: each product a line at Quantity × Item Cost, each order its billing e-mail's", async () => {
  const path = file("orders-export.csv", [HEADER, ...ROWS]);
  const { revenue, names, report } = await analyzeFile(path);
  expect(report.read?.layout).toBe("WooCommerce orders (Advanced Order Export)");
  // Jones Joinery: 18.00 + 18.00 + 30.00 = 66.00; Shah Kitchens: 50.00 (1004 cancelled);
  // Tom Baker: 7.50. Before: refused, no line revenue or unit price
  expect(revenue).toEqual({
    "sarah@jonesjoinery.co.uk": 66,
    "raj@shahkitchens.co.uk": 50,
    "tom.baker@gmail.com": 7.5,
  });
  expect(names).toEqual({
    "sarah@jonesjoinery.co.uk": "Jones Joinery",
    "raj@shahkitchens.co.uk": "Shah Kitchens",
    "tom.baker@gmail.com": "Tom Baker",
  });
  const said = report.warnings.join("\n");
  expect(said).toContain(
    "1 order is partially refunded (1003: 12.00, with tax and shipping): the export does not show which lines or how much before tax and shipping, so its lines count in full and revenue may be overstated by up to 12.00"
  );
  expect(said).toContain('Add "Order Line Total (- Refund)" to the export\'s product fields');
  expect(said).toContain(
    "1 cancelled, voided, refunded or draft order (row 6; 50.00 not counted as sales)"
  );
  const lines = await linesOf(path);
  expect(
    lines.map((l) => [
      l.orderId,
      l.sku,
      l.productName,
      l.quantity,
      Math.round(l.revenue * 100) / 100,
    ])
  ).toEqual([
    ["1001", "TAPE", "PVC Tape", 4, 18],
    ["1001", "GLV", "Nitrile Gloves", 2, 18],
    ["1002", "TAPE", "PVC Tape", 10, 50],
    ["1003", "GLV", "Nitrile Gloves", 3, 30],
    ["1005", "CLIP", "Spring Clips", 3, 7.5],
  ]);
});

test("with the plugin's refund columns ticked: each line read net of its refund, nothing flagged", async () => {
  const path = file("orders-export.csv", [
    `${ORDER},Item #,SKU,Item Name,Quantity,Quantity (- Refund),Item Cost,Order Line Total,Order Line Total (- Refund),${TOTALS}`,
    // 1003: 3 × 10.00 = 30.00, one unit refunded: Order Line Total (- Refund) 30.00 − 10.00 = 20.00, 3 − 1 = 2 units
    `1003,Completed,2026-10-09 14:30,,${JONES},1,GLV,Nitrile Gloves,3,2,10.00,30.00,20.00,,,,Flat rate,Credit card,0.00,30.00,5.00,12.00,42.00,7.00`,
  ]);
  const { revenue, report } = await analyzeFile(path);
  expect(revenue).toEqual({ "sarah@jonesjoinery.co.uk": 20 });
  expect(report.warnings.join("\n")).not.toContain("partially refunded");
  expect((await linesOf(path)).map((l) => l.quantity)).toEqual([2]);
});

test('the same export with "Customer User ID" ticked: read, each product at Quantity × Item Cost, the registered customer its id', async () => {
  // Before: refused, 'No column for "line revenue" (or "unit price")': with Customer User ID the
  // file is the "WooCommerce orders" layout, which did not know "Item Cost".
  const ids = ["41", "41", "187", "41", "187", "0"];
  const path = file("orders-export.csv", [
    `${HEADER},Customer User ID`,
    ...ROWS.map((r, i) => `${r},${ids[i]}`),
  ]);
  const { revenue, names, report } = await analyzeFile(path);
  expect(report.read?.layout).toBe("WooCommerce orders");
  // 41 (Jones Joinery): 1001 4 × 4.50 + 2 × 9.00 = 36.00, 1003 3 × 10.00 = 30.00 → 66.00;
  // 187 (Shah Kitchens): 1002 10 × 5.00 = 50.00 (1004 cancelled);
  // guest 0 (Tom Baker): 1005 3 × 2.50 = 7.50, its billing e-mail's
  expect(revenue).toEqual({ "41": 66, "187": 50, "tom.baker@gmail.com": 7.5 });
  expect(names).toEqual({
    "41": "Jones Joinery",
    "187": "Shah Kitchens",
    "tom.baker@gmail.com": "Tom Baker",
  });
  const said = report.warnings.join("\n");
  // 1003's "Order Refund Amount" 12.00 is flagged as in the export without the id
  expect(said).toContain(
    "1 order is partially refunded (1003: 12.00, with tax and shipping): the export does not show which lines"
  );
  // the coupon's "Discount Amount" 4.00 beside 1001's first product is already off its Item Cost
  expect((await linesOf(path)).map((l) => Math.round(l.revenue * 100) / 100)).toEqual([
    18, 18, 50, 30, 7.5,
  ]);
});
