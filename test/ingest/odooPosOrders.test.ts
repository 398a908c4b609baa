/**
 * Odoo's point of sale orders exported with their lines: the order's Order Ref, Date, Customer
 * and Status on its first line only. A tester found an order's later lines skipped as "no
 * account" (Deco Addict 150 where it bought 300); the sale orders and invoices were read so
 * already (orderFieldsOnFirstLine). Figures worked out by hand.
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const VOID = "cancelled, voided, refunded or draft order";

const fileOf = (lines: string[]): string => csvFile(lines, "pos.csv");

test("an order's later lines are its own; Subtotal w/o Tax is the line, cancelled orders skipped", async () => {
  const { report, revenue, orders } = await analyzeFile(
    fileOf([
      '"Order Ref","Date","Customer","Status","Total","Order Lines/Product","Order Lines/Quantity","Order Lines/Unit Price","Order Lines/Discount (%)","Order Lines/Subtotal w/o Tax","Order Lines/Subtotal"',
      '"Shop/0001","2025-09-12 10:00:00","Deco Addict","Posted","115.00","[FURN_0001] Office Chair","1","100.00","0","100.00","115.00"',
      '"Shop/0012","2026-03-02 11:30:00","Deco Addict","Posted","402.50","[FURN_0001] Office Chair","2","100.00","0","200.00","230.00"',
      '"","","","","","[FURN_0002] Desk Lamp","3","50.00","0","150.00","172.50"',
      '"Shop/0013","2026-05-19 16:05:00","Gemini Furniture","Invoiced","103.50","[FURN_0003] Bookshelf","1","100.00","10","90.00","103.50"',
      '"Shop/0014","2026-07-01 09:10:00","Gemini Furniture","Cancelled","230.00","[FURN_0001] Office Chair","2","100.00","0","200.00","230.00"',
      '"Shop/0015","2026-09-21 12:00:00","Deco Addict","Paid","-57.50","[FURN_0002] Desk Lamp","-1","50.00","0","-50.00","-57.50"',
    ])
  );
  // Deco Addict: Shop/0001 (2025-09-12) is over 12 months before 2026-10-31; Shop/0012 200.00 +
  // the Desk Lamp line below it 150.00; Shop/0015 a return of −50.00 → 200 + 150 − 50 = 300.00
  // (before tax: not the Subtotals 230.00 + 172.50 − 57.50). Gemini: Shop/0013 90.00; Shop/0014
  // cancelled.
  expect(revenue).toEqual({ "Deco Addict": 300, "Gemini Furniture": 90 });
  expect(orders["Gemini Furniture"]).toBe(1);
  expect(report.read?.layout).toBe("Odoo point of sale orders");
  expect(report.skipped.find((s) => s.rule === "no account")).toBeUndefined();
  expect(report.skipped.find((s) => s.rule === VOID)?.rows).toBe(1);
});
