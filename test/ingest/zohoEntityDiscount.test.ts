/**
 * Zoho Books' invoice export: one row an invoice's item, the invoice's own cells repeated on each.
 * An invoice's discount is either its items' own ("Discount Type" item_level: "Discount" % and
 * "Discount Amount" on the item, "Item Total" after it) or one on the whole invoice (entity_level:
 * "Entity Discount Amount", also as "Entity Discount Percent"), which no item's total shows. Zoho
 * spreads the latter over the items in proportion to their totals (each "Item Tax Amount" is on
 * the item's share after it), and so does KAP: each line's revenue is net, and an invoice's is its
 * items less the discount. Draft and Void invoices are no sales. Every figure by hand, as of
 * 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/exports/zoho-books-invoices-eur.csv");
const dir = mkdtempSync(join(tmpdir(), "kap-zoho-discount-"));
const KESSLER = "4580000000012001";
const BYRNE = "4580000000012002";
const COSTA = "4580000000012003";

/** A Zoho export cut down to an export template's columns: its CSV lines, header first. */
function zohoFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join("\n"));
  return file;
}
test("each invoice is its items less its entity-level discount; item-level discounts are in the items' totals", async () => {
  const { report, revenue, orders } = await analyzeFile(FILE);
  // Kessler INV-000201: 1,200.00 + 800.00 + 200.00 − 100.00 = 2,100.00 (read 2,200.00 before a
  //   discount line); INV-000204: 500.00 + 400.00 − 5% (45.00) = 855.00 + its Shipping Charge
  //   25.00, carriage billed (PRODUCT.md §2; Total 1,047.20 = 880.00 + 19% VAT) = 880.00
  // Byrne INV-000202 (item_level): 20 × 15.00 less 10% = 270.00, + 50 × 2.00 = 370.00
  // Costa INV-000203: 450.00 + 300.00 − 10% (75.00) = 675.00
  expect(revenue).toEqual({ [KESSLER]: 2980, [BYRNE]: 370, [COSTA]: 675 });
  expect(orders).toEqual({ [KESSLER]: 2, [BYRNE]: 1, [COSTA]: 1 });
  expect(report.revenueByCurrency).toEqual({ EUR: 4025 });
  expect(report.warnings).toContain(
    '3 invoices have a discount on the whole invoice ("Entity Discount Amount": INV-000201: 100.00, INV-000203: 75.00, INV-000204: 45.00) that is on none of their lines: it is taken off their lines in proportion to their values, as Zoho spreads it (€220.00 in all), so each product\'s revenue is net of it.'
  );
});

test("the Void and the Draft invoice are no sales, said with their value", async () => {
  const { report } = await analyzeFile(FILE);
  // INV-000205 Void 40 × 12.50 = 500.00; INV-000206 Draft 6 × 20.00 = 120.00
  expect(report.skipped).toEqual([
    expect.objectContaining({
      rule: "cancelled, voided, refunded or draft order",
      rows: 2,
      revenue: 620,
    }),
  ]);
  expect(report.warnings).toContain(
    "2 rows were skipped: 2 cancelled, voided, refunded or draft orders (rows 11, 12; 620.00 not counted as sales)."
  );
});

test("each line less its share of the discount, by its total: every product's revenue is net", async () => {
  const lines = await linesOf(FILE);
  const byLine = lines.map((l) => [l.orderId, l.sku, Math.round(l.revenue * 100) / 100]);
  expect(byLine).toEqual([
    // INV-000201: 100.00 over 2,200.00, each line × 21/22
    ["INV-000201", "HPC-200", 1145.45], // 1,200.00 − 54.55
    ["INV-000201", "CP-25", 763.64], // 800.00 − 36.36
    ["INV-000201", "VS-15", 190.91], // 200.00 − 9.09
    ["INV-000202", "CT-300", 270],
    ["INV-000202", "FX-10", 100],
    // INV-000203: 10% off each
    ["INV-000203", "CP-25", 405],
    ["INV-000203", "VS-15", 270],
    // INV-000204: 5% off each, and its shipping once, a service line
    ["INV-000204", "EV-18", 475],
    ["INV-000204", "Shipping", 25],
    ["INV-000204", "CP-25", 380],
  ]);
  // and no line of its own for the discount
  expect(lines.some((l) => l.sku === "Order discount")).toBe(false);
});

test("a template with only Entity Discount Percent: that share of the items comes off", async () => {
  const file = zohoFile("percent-only.csv", [
    "Invoice Date,Invoice Number,Invoice Status,Customer Name,Currency Code,Discount Type,Entity Discount Percent,Item Name,Quantity,Item Price,Discount,Discount Amount,Item Total",
    "2026-09-02,INV-1,Paid,Kessler,EUR,entity_level,5.00,Pump,2.00,600.00,0.00,0.00,1200.00",
    "2026-09-02,INV-1,Paid,Kessler,EUR,entity_level,5.00,Valve,1.00,1000.00,0.00,0.00,1000.00",
  ]);
  const { report, revenue } = await analyzeFile(file);
  // 1,200.00 + 1,000.00 − 5% (110.00) = 2,090.00 (was 2,200.00, the percentage unread)
  expect(revenue).toEqual({ Kessler: 2090 });
  expect(report.warnings.join("\n")).toContain(
    '1 invoice has a discount on the whole invoice ("Entity Discount Percent": INV-1: 5% = 110.00)'
  );
});

test("a template without the items' discount columns: neither 'Is Discount Before Tax' nor 'Entity Discount Percent' is a line's discount", async () => {
  const file = zohoFile("no-item-discounts.csv", [
    "Invoice Date,Invoice Number,Customer Name,Currency Code,Discount Type,Is Discount Before Tax,Entity Discount Percent,Entity Discount Amount,Item Name,Quantity,Item Price",
    "2026-09-02,INV-1,Kessler,EUR,entity_level,true,10.00,220.00,Pump,2.00,600.00",
    "2026-09-02,INV-1,Kessler,EUR,entity_level,true,10.00,220.00,Valve,1.00,1000.00",
  ]);
  const { report, revenue } = await analyzeFile(file);
  // 2,200.00 − 220.00, once: "true" was read as each line's discount (every row skipped as an
  // unreadable discount), and the 10% would have come off the lines beside the amount
  expect(revenue).toEqual({ Kessler: 1980 });
  expect(report.skipped).toEqual([]);
});

test("a template with Item Total and no item discount columns: the item-level discount is in Item Total", async () => {
  const file = zohoFile("item-total.csv", [
    "Invoice Date,Invoice Number,Invoice Status,Customer Name,Discount Type,Entity Discount Amount,Item Name,Quantity,Item Price,Item Total",
    "2026-09-10,INV-000202,Overdue,Byrne,item_level,0.00,Cable tray 300mm,20.00,15.00,270.00",
    "2026-09-10,INV-000202,Overdue,Byrne,item_level,0.00,Fixings pack 10,50.00,2.00,100.00",
  ]);
  const { revenue } = await analyzeFile(file);
  // 270.00 (20 × 15.00 less its 10%) + 100.00; 20 × 15.00 was read, the discount lost (400.00)
  expect(revenue).toEqual({ Byrne: 370 });
});
