/**
 * Amazon Seller Central's order reports (tab-separated): every amount is for the line's whole
 * quantity, not a unit price (Amazon: ItemPrice "is equal to the selling price of the item
 * multiplied by the quantity ordered"). A tester found item-price multiplied by the quantity
 * again: Harbor Marine $800 where it bought $200, Kline Auto $330 where it bought $140. Figures
 * worked out by hand; the customer column is headed "Customer ID" (a header KAP reads already).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const VOID = "cancelled, voided, refunded or draft order";
const UNPAID = "not yet paid (pending or on-hold) order";

function fileOf(rows: string[][]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-amazon-")), "orders.txt");
  writeFileSync(file, rows.map((r) => r.join("\t")).join("\n"));
  return file;
}

test("the order report of Manage Orders: item-price is the line's value, never × quantity", async () => {
  const head = [
    "order-id",
    "order-item-id",
    "purchase-date",
    "payments-date",
    "Customer ID",
    "buyer-name",
    "sku",
    "product-name",
    "quantity-purchased",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "ship-service-level",
  ];
  const line = (
    order: string,
    item: string,
    date: string,
    who: string,
    sku: string,
    qty: string,
    price: string,
    tax: string,
    ship: string
  ) => [order, item, date, date, who, who, sku, sku, qty, "USD", price, tax, ship, "0.00", "Std"];
  const file = fileOf([
    head,
    line(
      "111-1",
      "11",
      "2026-10-05T14:22:10+00:00",
      "Kline",
      "BRK-01",
      "3",
      "75.00",
      "6.19",
      "5.99"
    ),
    line(
      "111-1",
      "12",
      "2026-10-05T14:22:10+00:00",
      "Kline",
      "OIL-05",
      "2",
      "40.00",
      "3.30",
      "0.00"
    ),
    line(
      "111-2",
      "13",
      "2026-07-15T09:01:44+00:00",
      "Kline",
      "BRK-01",
      "1",
      "25.00",
      "2.06",
      "5.99"
    ),
    line(
      "111-3",
      "14",
      "2026-09-01T18:30:00+00:00",
      "Harbor",
      "ANC-10",
      "4",
      "200.00",
      "16.50",
      "0"
    ),
    line("111-4", "15", "2025-08-01T08:00:00+00:00", "Harbor", "ANC-10", "1", "50.00", "4.13", "0"),
  ]);
  const { report, revenue, orders } = await analyzeFile(file);
  // Kline: 75.00 + 40.00 + 25.00 = 140.00 (not 3×75 + 2×40 + 25 = 330; tax and shipping left out).
  // Harbor: 200.00 for the 4 anchors on 2026-09-01 (not 4 × 200 = 800); its 2025-08-01 order is
  // more than 12 months before 2026-10-31.
  expect(revenue).toEqual({ Kline: 140, Harbor: 200 });
  expect(orders).toEqual({ Kline: 2, Harbor: 1 });
  expect(report.read?.layout).toBe("Amazon Seller Central order report");
});

test("the All Orders report: promotion discounts off, cancelled items and pending orders skipped", async () => {
  const head = [
    "amazon-order-id",
    "merchant-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "sales-channel",
    "product-name",
    "sku",
    "asin",
    "item-status",
    "quantity",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "gift-wrap-price",
    "gift-wrap-tax",
    "item-promotion-discount",
    "ship-promotion-discount",
    "Customer ID",
  ];
  const line = (
    order: string,
    date: string,
    status: string,
    sku: string,
    itemStatus: string,
    qty: string,
    price: string,
    promo: string,
    who: string
  ) => [
    order,
    "",
    date,
    date,
    status,
    "Merchant",
    "Amazon.com",
    sku,
    sku,
    "B0" + sku,
    itemStatus,
    qty,
    "USD",
    price,
    "1.00",
    "4.99",
    "0.00",
    "0.00",
    "0.00",
    promo,
    "0.00",
    who,
  ];
  const file = fileOf([
    head,
    line(
      "112-1",
      "2026-09-10T10:00:00+00:00",
      "Shipped",
      "BRK",
      "Shipped",
      "2",
      "60.00",
      "-10.00",
      "Kline"
    ),
    line(
      "112-1",
      "2026-09-10T10:00:00+00:00",
      "Shipped",
      "OIL",
      "Cancelled",
      "1",
      "20.00",
      "0.00",
      "Kline"
    ),
    line(
      "112-2",
      "2026-10-01T10:00:00+00:00",
      "Shipped",
      "ANC",
      "Shipped",
      "3",
      "90.00",
      "",
      "Harbor"
    ),
    line(
      "112-3",
      "2026-10-20T10:00:00+00:00",
      "Cancelled",
      "ANC",
      "Cancelled",
      "1",
      "30.00",
      "0.00",
      "Harbor"
    ),
    line(
      "112-4",
      "2026-10-30T10:00:00+00:00",
      "Pending",
      "ANC",
      "Pending",
      "2",
      "60.00",
      "0.00",
      "Harbor"
    ),
  ]);
  const { report, revenue } = await analyzeFile(file);
  // Kline: BRK 60.00 for the 2 less its 10.00 promotion = 50.00; the cancelled OIL item skipped.
  // Harbor: 90.00 for the 3 anchors (not 270); order 112-3 cancelled, 112-4 pending: skipped.
  expect(revenue).toEqual({ Kline: 50, Harbor: 90 });
  expect(report.skipped.find((s) => s.rule === VOID)?.rows).toBe(2);
  expect(report.skipped.find((s) => s.rule === UNPAID)?.rows).toBe(1);
});

test("a plain export with an Item Price and no Amazon columns keeps it a unit price", async () => {
  const file = fileOf([
    ["Order ID", "Purchase Date", "Customer ID", "SKU", "Quantity", "Item Price"],
    ["A1", "2026-09-01", "Acme", "X1", "3", "10.00"],
    ["A2", "2026-10-01", "Acme", "X2", "2", "5.00"],
  ]);
  const { report, revenue } = await analyzeFile(file);
  // 3 × 10.00 + 2 × 5.00 = 40.00
  expect(revenue).toEqual({ Acme: 40 });
  expect(report.read?.layout).toBeUndefined();
});
