/**
 * Magento's order-item export: "row_total" is price × quantity before the line's discount, and a
 * refund stays on its line ("qty_refunded", "amount_refunded" — the credit memos' row totals,
 * before discount — and "discount_refunded"). A fresh-user tester found a refunded line counted in
 * full and a discounted one at its gross row total. Figures worked by hand from the rows below.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

function file(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-magento-")), name);
  writeFileSync(path, lines.join("\n"));
  return path;
}

const HEADER =
  "increment_id,created_at,status,customer_id,customer_email,order_currency_code,item_id,parent_item_id,product_type,sku,name,qty_ordered,qty_invoiced,qty_shipped,qty_refunded,qty_canceled,price,discount_percent,discount_amount,row_total,amount_refunded,discount_refunded,tax_amount,row_total_incl_tax";

const ROWS = [
  HEADER,
  // #301: 20 × 1.50 = 30.00 less 10% = 3.00 → 27.00, nothing refunded
  '000000301,"2026-10-01 10:00:00",complete,12,buyer@fenwick.example,GBP,901,,simple,TAPE,"PVC Tape",20,20,20,0,0,1.5000,10.0000,3.0000,30.0000,0.0000,0.0000,5.4000,36.0000',
  // #302: 10 × 9.50 = 95.00, 4 refunded (amount_refunded 38.00) → 57.00, 6 units
  '000000302,"2026-10-05 10:00:00",complete,12,buyer@fenwick.example,GBP,902,,simple,GLV,"Nitrile Gloves",10,10,10,4,0,9.5000,0.0000,0.0000,95.0000,38.0000,0.0000,11.4000,114.0000',
  // #303 line 1: 8 × 10.00 = 80.00 less 20% = 16.00; 2 refunded: 20.00 less their 4.00 discount
  // = 16.00 → 80.00 − 16.00 − 16.00 = 48.00, 6 units (6 × 8.00)
  '000000303,"2026-10-10 10:00:00",complete,31,ops@green.example,GBP,903,,simple,GLV,"Nitrile Gloves",8,8,8,2,0,10.0000,20.0000,16.0000,80.0000,20.0000,4.0000,12.8000,76.8000',
  // #303 line 2: 5 × 1.50 = 7.50, all 5 refunded → nothing sold
  '000000303,"2026-10-10 10:00:00",complete,31,ops@green.example,GBP,904,,simple,TAPE,"PVC Tape",5,5,5,5,0,1.5000,0.0000,0.0000,7.5000,7.5000,0.0000,1.5000,9.0000',
  // #304: 10 × 1.50 = 15.00 less a 1.50 coupon → 13.50
  '000000304,"2026-10-20 10:00:00",processing,31,ops@green.example,GBP,905,,simple,TAPE,"PVC Tape",10,10,0,0,0,1.5000,0.0000,1.5000,15.0000,0.0000,0.0000,2.7000,16.2000',
];

test("Magento order items: each line is row_total less discount_amount and the refund (amount_refunded less discount_refunded)", async () => {
  const path = file("sales_order_item.csv", ROWS);
  const { revenue, report } = await analyzeFile(path, "2026-10-31");
  // 12: 27.00 + 57.00 = 84.00 (before: 30.00 + 95.00 = 125.00)
  // 31: 48.00 + 13.50 = 61.50 (before: 80.00 + 7.50 + 15.00 = 102.50)
  expect(revenue).toEqual({ "12": 84, "31": 61.5 });
  expect(report.rejected).toEqual([{ reason: "fully refunded line", count: 1, rows: [5] }]);
  expect(report.warnings).toContain(
    'Magento\'s order items: each line\'s value is "row_total" less "discount_amount", less the cancelled units\' share ("qty_canceled" of "qty_ordered") and less what was refunded ("amount_refunded" less "discount_refunded"); its quantity is "qty_invoiced" less "qty_refunded".'
  );
});

test("Magento order items: the quantity is net of the units refunded", async () => {
  const lines = await linesOf(file("sales_order_item.csv", ROWS));
  // 20 − 0, 10 − 4, 8 − 2 (the fully refunded line left out), 10 − 0
  expect(lines.map((l) => [l.orderId, l.quantity, Math.round(l.revenue * 100) / 100])).toEqual([
    ["000000301", 20, 27],
    ["000000302", 6, 57],
    ["000000303", 6, 48],
    ["000000304", 10, 13.5],
  ]);
});

test("Magento order items without amount_refunded: the refunded units at the line's price after its discount", async () => {
  const path = file("sales_order_item.csv", [
    "increment_id,created_at,status,customer_id,sku,name,qty_ordered,qty_refunded,price,row_total,discount_amount",
    // 30 × 9.50 = 285.00 less 15.00 = 270.00, 9.00 a unit; 6 refunded: 270.00 − 54.00 = 216.00
    '000000401,"2026-10-01 10:00:00",complete,12,GLV,"Nitrile Gloves",30,6,9.5000,285.0000,15.0000',
  ]);
  const { revenue, report } = await analyzeFile(path, "2026-10-31");
  expect(revenue).toEqual({ "12": 216 });
  expect(report.warnings).toContain(
    'Magento\'s order items: each line\'s value is "row_total" less "discount_amount" and less the "qty_refunded" units refunded, at the line\'s price after its discount; its quantity is "qty_ordered" less "qty_refunded".'
  );
});

describe("Magento order items partly cancelled (qty_canceled): the cancelled units and their share of the line's value come off", () => {
  // A tester found a line of 10 ordered, 4 cancelled, counted at its full row total.
  const rows = [
    HEADER,
    // #501: 10 × 2.00 = 20.00 less 2.00 = 18.00 for the 10 ordered (1.80 a unit); 4 cancelled:
    // 18.00 − 4 × 1.80 = 18.00 − 7.20 = 10.80; 6 invoiced (the cancelled never were)
    '000000501,"2026-10-02 10:00:00",complete,12,buyer@fenwick.example,GBP,951,,simple,TAPE,"PVC Tape",10,6,6,0,4,2.0000,10.0000,2.0000,20.0000,0.0000,0.0000,2.1600,12.9600',
    // #502: 5 × 10.00 = 50.00, 2 cancelled: 50.00 − 2 × 10.00 = 30.00; then 1 of the 3 invoiced
    // refunded (amount_refunded 10.00) → 20.00, 3 − 1 = 2 units
    '000000502,"2026-10-06 10:00:00",complete,12,buyer@fenwick.example,GBP,952,,simple,GLV,"Nitrile Gloves",5,3,3,1,2,10.0000,0.0000,0.0000,50.0000,10.0000,0.0000,4.0000,24.0000',
    // #503: all 4 ordered cancelled (row total 20.00): nothing sold
    '000000503,"2026-10-08 10:00:00",complete,12,buyer@fenwick.example,GBP,953,,simple,TAPE,"PVC Tape",4,0,0,0,4,5.0000,0.0000,0.0000,20.0000,0.0000,0.0000,0.0000,0.0000',
  ];

  test("each line's value and quantity net of its cancelled units; a line cancelled whole is skipped", async () => {
    const path = file("sales_order_item.csv", rows);
    const { revenue, report } = await analyzeFile(path, "2026-10-31");
    // 12: 10.80 + 20.00 = 30.80 (before: 18.00 + 40.00 + 20.00 = 78.00)
    expect(revenue).toEqual({ "12": 30.8 });
    expect(report.rejected).toEqual([{ reason: "fully cancelled line", count: 1, rows: [4] }]);
    expect(report.warnings.join("\n")).toContain(
      "1 fully cancelled line (row 4; 20.00 not counted"
    );
    // row_total is for the units ordered (10 × 2.00 = 20.00), not those invoiced (6 × 2.00 = 12.00):
    // still read as the line's value, not replaced by qty_invoiced × price
    expect(report.warnings.join("\n")).not.toContain("does not equal");
    const lines = await linesOf(path);
    expect(lines.map((l) => [l.orderId, l.quantity, Math.round(l.revenue * 100) / 100])).toEqual([
      ["000000501", 6, 10.8],
      ["000000502", 2, 20],
    ]);
  });

  test("read at qty_ordered, without amount_refunded: the cancelled units come off the quantity too", async () => {
    const path = file("sales_order_item.csv", [
      "increment_id,created_at,status,customer_id,sku,name,qty_ordered,qty_refunded,qty_canceled,price,row_total,discount_amount",
      // 30 × 9.50 = 285.00 less 15.00 = 270.00, 9.00 a unit; 10 cancelled: 270.00 − 90.00 =
      // 180.00; 5 refunded at 9.00 = 45.00 → 135.00; 30 − 5 − 10 = 15 units
      '000000601,"2026-10-01 10:00:00",complete,12,GLV,"Nitrile Gloves",30,5,10,9.5000,285.0000,15.0000',
    ]);
    const { revenue, report } = await analyzeFile(path, "2026-10-31");
    expect(revenue).toEqual({ "12": 135 });
    expect(report.warnings).toContain(
      'Magento\'s order items: each line\'s value is "row_total" less "discount_amount", less the cancelled units\' share ("qty_canceled" of "qty_ordered") and less the "qty_refunded" units refunded, at the line\'s price after its discount; its quantity is "qty_ordered" less "qty_refunded" and less "qty_canceled".'
    );
    expect((await linesOf(path)).map((l) => l.quantity)).toEqual([15]);
  });
});
