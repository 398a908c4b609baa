/**
 * A web shop's order still awaiting payment is no sale yet: WooCommerce's "On hold" and "Pending
 * payment" (a bank transfer not yet received), Shopify's "pending", Magento's pending and holded,
 * BigCommerce's "Awaiting Payment". A fresh-user tester found on-hold orders counted as sales. They
 * are skipped and the summary says how many rows and their value; an invoice "Awaiting Payment"
 * (Xero: approved, not yet paid) stays a sale. Figures worked by hand from the rows below.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AWAITING_PAYMENT, holdsShopStatuses } from "../../src/ingest/statuses";
import { analyzeFile } from "./fileAnalysis";

function file(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-shop-")), name);
  writeFileSync(path, lines.join("\r\n"));
  return path;
}
const skippedWarning = (warnings: readonly string[]) =>
  warnings.find((w) => w.includes("skipped:"));

const WOO_HEADER =
  '"Order Number","Order Status","Order Date","Customer Note","First Name (Billing)","Last Name (Billing)","Company (Billing)","Email (Billing)","Customer User ID","Order Currency","Item #","SKU","Item Name","Quantity (- Refund)","Item Cost","Order Line Total","Order Shipping Amount","Order Total Amount","Payment Method Title"';

test("WooCommerce: wc-on-hold (bank transfer not received) and wc-pending orders are no sales yet, their count and value said", async () => {
  const path = file("woocommerce-orders.csv", [
    WOO_HEADER,
    '"7001","wc-completed","2026-09-02 10:00","","Sarah","Jones","Jones Joinery","sarah@jonesjoinery.co.uk","41","GBP","1","SCR","Screws","4","6.50","26.00","0.00","26.00","Card"',
    '"7002","wc-on-hold","2026-10-20 09:30","","Sarah","Jones","Jones Joinery","sarah@jonesjoinery.co.uk","41","GBP","1","SCR","Screws","10","6.50","65.00","0.00","79.00","Direct bank transfer"',
    '"7002","wc-on-hold","2026-10-20 09:30","","Sarah","Jones","Jones Joinery","sarah@jonesjoinery.co.uk","41","GBP","2","GLUE","PVA Glue","1","14.00","14.00","0.00","79.00","Direct bank transfer"',
    '"7003","wc-processing","2026-10-21 11:00","","Ravi","Shah","Shah Kitchens","accounts@shahkitchens.com","187","GBP","1","HNG","Hinges","5","12.00","60.00","0.00","60.00","Card"',
    '"7004","wc-pending","2026-10-22 16:45","","Ravi","Shah","Shah Kitchens","accounts@shahkitchens.com","187","GBP","1","HNG","Hinges","20","12.00","240.00","0.00","240.00","Card"',
  ]);
  const { revenue, orders, report } = await analyzeFile(path, "2026-10-31");
  expect(report.read!.layout).toBe("WooCommerce orders");
  // 41: 7001 4 × 6.50 = 26.00 (7002 on hold: 65.00 + 14.00 = 79.00 out);
  // 187: 7003 5 × 12.00 = 60.00 (7004 pending: 20 × 12.00 = 240.00 out)
  expect(revenue).toEqual({ "41": 26, "187": 60 });
  expect(orders).toEqual({ "41": 1, "187": 1 });
  // 3 rows (rows 3, 4, 6 of the file), 79.00 + 240.00 = 319.00 not counted as sales; 2 orders:
  // 7002 (its 2 lines) and 7004
  expect(skippedWarning(report.warnings)).toBe(
    "3 rows were skipped: 2 not yet paid (pending or on-hold) orders (3 lines: rows 3, 4, 6; 319.00 not counted as sales)."
  );
  expect(report.warnings.join("\n")).toContain(
    '"Order Status" is a web shop\'s order status: an order awaiting payment ("wc-on-hold": pending, on hold) is no sale yet'
  );
});

test("WooCommerce written as shown (On hold, Pending payment), with no Customer User ID: the same", async () => {
  const { revenue, report } = await analyzeFile(
    join(__dirname, "../fixtures/tester/woocommerce-statuses.csv")
  );
  // Alpha: 1001 20.00 (1002 Refunded skipped); Beta: 1003 5.00 only — 1004 Pending payment
  // 15.00 and 1006 On hold 10.00 are not yet paid (25.00), 1005 Checkout Draft 15.00 skipped
  expect(revenue).toEqual({ "Alpha Ltd": 20, "Beta Ltd": 5 });
  expect(skippedWarning(report.warnings)).toContain(
    "2 not yet paid (pending or on-hold) orders (rows 5, 7; 25.00 not counted as sales)"
  );
});

const SHOPIFY_HEADER =
  "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Company,Cancelled at,Payment Method,Payment Terms Name,Next Payment Due At";

test("Shopify: a pending order is no sale yet, unless it is on payment terms (Payment Terms Name)", async () => {
  const path = file("orders_export.csv", [
    SHOPIFY_HEADER,
    "#4001,buyer@acme.example,paid,2026-10-01 10:00:00 +0100,fulfilled,GBP,40.00,0.00,0.00,40.00,2026-10-01 10:00:00 +0100,2,Cable ties,20.00,CT-1,Acme Ltd,,Shopify Payments,,",
    "#4002,buyer@acme.example,pending,,unfulfilled,GBP,100.00,0.00,0.00,100.00,2026-10-05 10:00:00 +0100,5,Cable ties,20.00,CT-1,Acme Ltd,,Bank Deposit,,",
    "#4003,ops@beta.example,pending,,fulfilled,GBP,300.00,0.00,0.00,300.00,2026-10-06 10:00:00 +0100,10,Drill set,30.00,DS-1,Beta Build,,,Net 30,2026-11-05 10:00:00 +0100",
  ]);
  const { revenue, report } = await analyzeFile(path, "2026-10-31");
  expect(report.read!.layout).toBe("Shopify orders");
  // Acme: #4001 2 × 20.00 = 40.00 (#4002 pending, bank deposit not received: 100.00 out);
  // Beta: #4003 10 × 30.00 = 300.00, pending on Net 30 terms: a sale
  expect(revenue).toEqual({ "buyer@acme.example": 40, "ops@beta.example": 300 });
  expect(skippedWarning(report.warnings)).toBe(
    "1 row was skipped: 1 not yet paid (pending or on-hold) order (row 3; 100.00 not counted as sales)."
  );
});

test("Magento: pending, pending_payment and holded orders are no sales yet", async () => {
  const path = file("sales_order_item.csv", [
    "increment_id,created_at,status,customer_id,customer_email,order_currency_code,sku,name,qty_ordered,qty_refunded,price,row_total,discount_amount",
    '000000201,"2026-10-01 10:00:00",complete,12,buyer@fenwick.example,GBP,TAPE,"PVC Tape",10,0,1.2000,12.0000,0.0000',
    '000000202,"2026-10-02 10:00:00",pending,12,buyer@fenwick.example,GBP,TAPE,"PVC Tape",50,0,1.2000,60.0000,0.0000',
    '000000203,"2026-10-03 10:00:00",holded,12,buyer@fenwick.example,GBP,GLV,"Gloves",4,0,9.5000,38.0000,0.0000',
    '000000204,"2026-10-04 10:00:00",pending_payment,31,ops@green.example,GBP,GLV,"Gloves",2,0,9.5000,19.0000,0.0000',
    '000000205,"2026-10-05 10:00:00",processing,31,ops@green.example,GBP,GLV,"Gloves",3,0,9.5000,28.5000,0.0000',
  ]);
  const { revenue, report } = await analyzeFile(path, "2026-10-31");
  // 12: #201 12.00 (#202 60.00 and #203 38.00 out); 31: #205 28.50 (#204 19.00 out)
  expect(revenue).toEqual({ "12": 12, "31": 28.5 });
  // 60.00 + 38.00 + 19.00 = 117.00
  expect(skippedWarning(report.warnings)).toContain(
    "3 not yet paid (pending or on-hold) orders (rows 3, 4, 5; 117.00 not counted as sales)"
  );
});

test("Xero: an invoice Awaiting Payment (approved, not yet paid) is still a sale", async () => {
  const path = file("xero-invoices.csv", [
    "ContactName,InvoiceNumber,InvoiceDate,DueDate,Total,Status,Description,Quantity,UnitAmount,LineAmount,AccountCode,TaxType,Currency",
    "Harbour Plumbing,INV-0201,01/10/2026,31/10/2026,48.00,Paid,Pipe clips,10,4.00,40.00,200,20% (VAT on Income),GBP",
    "Harbour Plumbing,INV-0202,15/10/2026,14/11/2026,120.00,Awaiting Payment,Pipe clips,25,4.00,100.00,200,20% (VAT on Income),GBP",
  ]);
  const { revenue, report } = await analyzeFile(path, "2026-10-31");
  // 40.00 + 100.00 = 140.00: the invoice awaiting payment is billed, a sale
  expect(revenue).toEqual({ "Harbour Plumbing": 140 });
  expect(report.rejected).toEqual([]);
});

test("the awaiting-payment words, and where they mean no sale", () => {
  for (const w of [
    "wc-on-hold",
    "On hold",
    "on-hold",
    "wc-pending",
    "Pending payment",
    "pending",
    "pending_payment",
    "Payment pending",
    "payment_review",
    "holded",
    "Awaiting Payment",
  ])
    expect(AWAITING_PAYMENT.test(w)).toBe(true);
  for (const w of [
    "Pending Fulfillment",
    "Awaiting Fulfillment",
    "Paid",
    "Processing",
    "Hold harmless",
  ])
    expect(AWAITING_PAYMENT.test(w)).toBe(false);
  // an invoicing tool's statuses (Paid, Awaiting Payment, Draft) are no shop's
  expect(holdsShopStatuses(undefined, ["Status"], ["Paid", "Awaiting Payment", "Draft"])).toBe(
    false
  );
  expect(holdsShopStatuses("xero", ["Status"], ["Awaiting Payment"])).toBe(false);
  // BigCommerce's statuses are a shop's
  expect(
    holdsShopStatuses(undefined, ["Order Status"], ["Awaiting Fulfillment", "Awaiting Payment"])
  ).toBe(true);
});

// The Advanced Order Export plugin's default columns, no "Customer User ID" (the layout
// "WooCommerce orders (Advanced Order Export)"): a tester found its Pending payment and On hold
// orders counted as sales (12 orders, 601.25 in their file), only this layout's.
const WOO_EXPORT_HEADER =
  "Order Number,Order Status,Order Date,First Name (Billing),Last Name (Billing),Company (Billing),Email (Billing),Order Currency,Order Refund Amount,Order Total Amount,SKU,Item #,Item Name,Quantity,Item Cost,Coupon Code";

test("WooCommerce Advanced Order Export (no Customer User ID): Pending payment and On hold, as labels or slugs in any case, are no sales yet", async () => {
  const path = file("orders-export.csv", [
    WOO_EXPORT_HEADER,
    "3001,Completed,2026-09-01 10:00,Cy,Wu,Wu Electrical,cy@wu.example,GBP,0.00,30.00,CB,1,Cable,3,10.00,",
    "3002,Pending payment,2026-09-05 10:00,Cy,Wu,Wu Electrical,cy@wu.example,GBP,0.00,50.00,CB,1,Cable,5,10.00,",
    "3003,ON HOLD,2026-09-09 10:00,Cy,Wu,Wu Electrical,cy@wu.example,GBP,0.00,16.00,FU,1,Fuse,4,2.50,",
    "3003,ON HOLD,2026-09-09 10:00,Cy,Wu,Wu Electrical,cy@wu.example,GBP,0.00,16.00,CB,2,Cable,1,6.00,",
    "3004,processing,2026-09-12 10:00,Ben,Ortiz,Ortiz Roofing,ben@ortiz.example,GBP,0.00,17.00,TS,1,Screws,2,8.50,",
    "3005,wc-on-hold,2026-09-15 10:00,Ben,Ortiz,Ortiz Roofing,ben@ortiz.example,GBP,0.00,44.00,DB,1,Drill bits,2,22.00,",
    "3006,Pending,2026-09-18 10:00,Ben,Ortiz,Ortiz Roofing,ben@ortiz.example,GBP,0.00,8.50,TS,1,Screws,1,8.50,",
  ]);
  const { revenue, report } = await analyzeFile(path, "2026-09-30");
  expect(report.read!.layout).toBe("WooCommerce orders (Advanced Order Export)");
  // Wu: 3001 3 × 10.00 = 30.00 (3002 5 × 10.00 = 50.00 and 3003 4 × 2.50 + 1 × 6.00 = 16.00 out);
  // Ortiz: 3004 2 × 8.50 = 17.00 (3005 2 × 22.00 = 44.00 and 3006 1 × 8.50 = 8.50 out)
  expect(revenue).toEqual({ "cy@wu.example": 30, "ben@ortiz.example": 17 });
  // rows 3, 4, 5, 7, 8: 50.00 + 16.00 + 44.00 + 8.50 = 118.50; 4 orders (3002, 3003 of 2 lines,
  // 3005, 3006) of 5 lines
  expect(skippedWarning(report.warnings)).toBe(
    "5 rows were skipped: 4 not yet paid (pending or on-hold) orders (5 lines: rows 3, 4, 5, 7, 8; 118.50 not counted as sales)."
  );
});

test("every WooCommerce layout's order status is a shop's", () => {
  for (const layout of ["woocommerce", "woocommerce-order-export"])
    expect(holdsShopStatuses(layout, ["Order Status"], ["Completed"])).toBe(true);
});
