/**
 * A discount item on an invoice (QuickBooks Desktop writes it as its own line of the invoice: Type
 * "Invoice", Item "Discount" / "10% Discount", no quantity, Sales Price "-10.0%" or the amount,
 * and a negative Amount) is a price reduction on that invoice, not a return (PRODUCT.md §1:
 * returns are credit notes and negative lines; §2: discounts are service and adjustment lines,
 * counted in revenue, never products). The invoice's revenue is net of it; it adds no return.
 * A discount that is a document of its own (a credit memo, or an invoice number with nothing but
 * the discount) is a credit: still a return. Figures worked by hand from the fixtures.
 */
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

test("QuickBooks Desktop sales by customer detail: discount lines reduce their invoice, no returns", async () => {
  const file = join(EXPORTS, "quickbooks-desktop-sales-by-customer-detail-discounts.csv");
  const { report, revenue, orders, p } = await analyzeFile(file);
  expect(revenue).toEqual({
    // invoice 71: 45.00 + 40.00 − 8.50 (10% Discount) = 76.50; receipt 82: 42.00 − 4.20 (Disc 10%) = 37.80
    "Brightwell Electrical Ltd": 114.3,
    // invoice 77: 18.00; credit memo 79: −9.00; invoice 84: 15.00 − 1.50 (Discount) = 13.50
    "Harbour Plumbing & Heating": 22.5,
  });
  expect(orders).toEqual({ "Brightwell Electrical Ltd": 2, "Harbour Plumbing & Heating": 2 });
  // only credit memo 79
  expect(report.returns).toBe(1);
  const ls = await linesOf(file);
  expect(ls.filter((l) => l.isReturn).map((l) => [l.orderId, l.revenue])).toEqual([["79", -9]]);
  expect(ls.filter((l) => l.revenue < 0 && !l.isReturn).map((l) => [l.orderId, l.sku])).toEqual([
    ["71", "10% Discount"],
    ["82", "Disc 10%"],
    ["84", "Discount"],
  ]);
  const brightwell = p.accounts.find((a) => a.accountId === "Brightwell Electrical Ltd")!;
  // no return, so no "return in the last 30 days" alert
  expect(brightwell.alerts.map((a) => a.kind)).not.toContain("recentReturn");
});

test("German and French discount lines (Rabatt, Mengenrabatt, Remise 10%) inside an invoice are not returns; a discount alone on its own document is", async () => {
  const { report, revenue, orders } = await analyzeFile(
    join(EXPORTS, "invoice-lines-rabatt-remise.csv")
  );
  expect(revenue).toEqual({
    // RE-1001: 45.00 − 2.25; RE-1004: 60.00 − 6.00 → 96.75
    "Kunde Nord GmbH": 96.75,
    // RE-1002: 15.00 − 1.50; RE-1003 (only "Remise" −5.00: a credit) → 8.50
    "Client Sud SARL": 8.5,
  });
  expect(orders).toEqual({ "Kunde Nord GmbH": 2, "Client Sud SARL": 1 });
  expect(report.returns).toBe(1);
});

test("QuickBooks Desktop sales by item detail: the discount item's own heading, its lines apart from the invoice's items, no returns", async () => {
  const file = join(EXPORTS, "quickbooks-desktop-sales-by-item-detail-discounts.csv");
  const { report, revenue } = await analyzeFile(file);
  // Brightwell (Leeds site, York depot): 45.00 + 40.00 + 20.00 − 8.50 = 96.50
  // Harbour: 18.00 − 9.00 (credit memo 79) − 1.80 = 7.20
  expect(revenue).toEqual({ "Brightwell Electrical": 96.5, "Harbour Plumbing": 7.2 });
  expect(report.returns).toBe(1);
  const ls = await linesOf(file);
  expect(ls.filter((l) => l.isReturn).map((l) => l.orderId)).toEqual(["79"]);
});
