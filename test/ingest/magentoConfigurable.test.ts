/**
 * Magento's order items with configurable products: the configurable parent's row carries the
 * price and row total, the simple product chosen follows it (parent_item_id the parent's item_id)
 * priced 0 or repeating the price. A tester found both rows counted as lines. The units are sold
 * once, at the parent's row total, as the product chosen (the child's SKU). Figures worked by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

function file(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-magento-conf-")), "sales_order_item.csv");
  writeFileSync(path, lines.join("\n"));
  return path;
}

const ROWS = [
  "increment_id,created_at,status,customer_id,order_currency_code,item_id,parent_item_id,product_type,sku,name,qty_ordered,qty_invoiced,qty_refunded,price,discount_amount,row_total,base_row_total,amount_refunded",
  // #101: a T-shirt (configurable TSHIRT) 2 × 15.00 = 30.00 less 3.00 = 27.00, chosen as
  // TSHIRT-RED-M (child priced 0); a mug 1 × 5.00 = 5.00
  '000000101,"2026-10-01 10:00:00",complete,12,GBP,11,,configurable,TSHIRT,"T-Shirt",2,2,0,15.0000,3.0000,30.0000,30.0000,0.0000',
  '000000101,"2026-10-01 10:00:00",complete,12,GBP,12,11,simple,TSHIRT-RED-M,"T-Shirt Red M",2,2,0,0.0000,0.0000,0.0000,0.0000,0.0000',
  '000000101,"2026-10-01 10:00:00",complete,12,GBP,13,,simple,MUG,"Mug",1,1,0,5.0000,0.0000,5.0000,5.0000,0.0000',
  // #102: the child repeats the price and row total (3 × 20.00 = 60.00), parent's SKU already the
  // child's (as Magento writes it): 60.00 once, not 120.00
  '000000102,"2026-10-08 10:00:00",complete,31,GBP,21,,configurable,HOODIE-BLU-L,"Hoodie",3,3,0,20.0000,0.0000,60.0000,60.0000,0.0000',
  '000000102,"2026-10-08 10:00:00",complete,31,GBP,22,21,simple,HOODIE-BLU-L,"Hoodie Blue L",3,3,0,20.0000,0.0000,60.0000,60.0000,0.0000',
  // #103: the child written before its parent (1 × 40.00); parent_item_id "NULL" as a database dump writes it
  '000000103,"2026-10-15 10:00:00",complete,31,GBP,32,31,simple,JACKET-GRN-S,"Jacket Green S",1,1,0,40.0000,0.0000,40.0000,40.0000,0.0000',
  '000000103,"2026-10-15 10:00:00",complete,31,GBP,31,NULL,configurable,JACKET,"Jacket",1,1,0,40.0000,0.0000,40.0000,40.0000,0.0000',
];

test("Magento configurable products: the parent's row total once, the option row not a second line", async () => {
  const { revenue, orders, report } = await analyzeFile(file(ROWS), "2026-10-31");
  // 12: (30.00 − 3.00) + 5.00 = 32.00 (before: the same, 3 lines, 4 T-shirts)
  // 31: 60.00 + 40.00 = 100.00 (before: 60 + 60 + 40 + 40 = 200.00)
  expect(revenue).toEqual({ "12": 32, "31": 100 });
  expect(orders).toEqual({ "12": 1, "31": 2 });
  expect(report.rejected).toEqual([
    {
      reason: "configurable product's option (sold on its parent's line)",
      count: 3,
      rows: [3, 6, 7],
    },
  ]);
});

test("Magento configurable products: the line is the product chosen, its units counted once", async () => {
  const lines = await linesOf(file(ROWS));
  expect(lines.map((l) => [l.orderId, l.sku, l.quantity, l.revenue])).toEqual([
    ["000000101", "TSHIRT-RED-M", 2, 27],
    ["000000101", "MUG", 1, 5],
    ["000000102", "HOODIE-BLU-L", 3, 60],
    ["000000103", "JACKET-GRN-S", 1, 40],
  ]);
});
