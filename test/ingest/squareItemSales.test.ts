/**
 * Square's item sales export (Item Details CSV), one row an item. A tester found KAP saying
 * "'Gross Sales' the amount with it [tax]": in Square's export Gross Sales is price × quantity
 * before discounts, without tax ("Discounts" off it make "Net Sales"); and "Price Point Name"
 * (the item's variation, "Regular") read as a unit price. Figures worked by hand from the rows.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readingLines } from "../../src/engine/assumptions";
import { headerScores } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { isGrossAmountHeader } from "../../src/ingest/taxTrio";
import { analyzeFile, linesOf } from "./fileAnalysis";

const HEAD =
  "Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,Itemization Type,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix";
const row = (
  date: string,
  item: string,
  qty: string,
  point: string,
  gross: string,
  disc: string,
  net: string,
  tax: string,
  tx: string,
  event: string,
  customer: string,
  name: string
) =>
  `${date},09:00:00,Eastern Time (US & Canada),Paint,${item},${qty},${point},${item.slice(0, 4).toUpperCase()},,${gross},${disc},${net},${tax},${tx},P-${tx},Counter,,,${event},Main St,,${customer},${name},,ea,1,Physical Item,,Point of Sale,tok,Visa,1234`;

function file(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-square-items-")), "items-2026.csv");
  writeFileSync(path, [HEAD, ...lines].join("\r\n"));
  return path;
}

const ROWS = [
  // Pike: 1 × 39.00, no discount: Net Sales 39.00 (its tax 3.12 not read)
  row(
    "10/01/2026",
    "Trade white 10L",
    "1",
    "Regular",
    "$39.00",
    "$0.00",
    "$39.00",
    "$3.12",
    "T1",
    "Payment",
    "CUST1",
    "Pike Builders"
  ),
  // Quill: 5 × 39.00 = 195.00 less a 5% discount 9.75: Net Sales 185.25
  row(
    "10/02/2026",
    "Trade white 10L",
    "5",
    "Regular",
    "$195.00",
    "-$9.75",
    "$185.25",
    "$14.82",
    "T2",
    "Payment",
    "CUST2",
    "Quill Decor"
  ),
  // Quill: the "Large" price point, 2 × 12.00 = 24.00
  row(
    "10/03/2026",
    "Roller",
    "2",
    "Large",
    "$24.00",
    "$0.00",
    "$24.00",
    "$1.92",
    "T3",
    "Payment",
    "CUST2",
    "Quill Decor"
  ),
  // Quill returns one tin of T2: −39.00 less its share of the discount (−1.95) = −37.05
  row(
    "10/05/2026",
    "Trade white 10L",
    "-1",
    "Regular",
    "-$39.00",
    "$1.95",
    "-$37.05",
    "-$2.96",
    "T2",
    "Refund",
    "CUST2",
    "Quill Decor"
  ),
];

test("read as Square item sales: each item its Net Sales (after discounts, before tax), Price Point Name no price, and Gross Sales never said to hold tax", async () => {
  const path = file(ROWS);
  const { revenue, report } = await analyzeFile(path);
  expect(report.read?.layout).toBe("Square item sales");
  // Pike 39.00; Quill 185.25 + 24.00 − 37.05 = 172.20
  expect(revenue).toEqual({ CUST1: 39, CUST2: 172.2 });
  const lines = await linesOf(path);
  // each line is its item, its value its Net Sales
  expect(lines.map((l) => [l.productName, l.quantity, Math.round(l.revenue * 100) / 100])).toEqual([
    ["Trade white 10L", 1, 39],
    ["Trade white 10L", 5, 185.25],
    ["Roller", 2, 24],
    ["Trade white 10L", -1, -37.05],
  ]);
  const said = [...readingLines(report), ...report.warnings].join("\n");
  expect(said).not.toContain("Price Point Name decimal");
  expect(said).not.toContain("the amount with it");
  expect(said).toContain(
    '"Gross Sales" (price × quantity with modifiers, before discounts) less "Discounts", before tax'
  );
});

test('a sales report\'s "Gross Sales" is before discounts, not the amount with tax; a "Gross" or "Total" still is', () => {
  expect(isGrossAmountHeader("Gross Sales")).toBe(false);
  expect(isGrossAmountHeader("Gross sales")).toBe(false);
  expect(isGrossAmountHeader("Gross")).toBe(true);
  expect(isGrossAmountHeader("Total")).toBe(true);
  expect(isGrossAmountHeader("Gross Amount")).toBe(true);
});

test('a price\'s name ("Price Point Name", "Price Level Name") is text, never the unit price; "Price" still is', () => {
  const unitPrice = ORDER_FIELDS.findIndex((f) => f.field === "unitPrice");
  const score = (h: string) => headerScores(h, ORDER_FIELDS)[unitPrice].score;
  expect(score("Price Point Name")).toBe(0);
  expect(score("Price Level Name")).toBe(0);
  expect(score("Price")).toBeGreaterThan(0);
  expect(score("Unit Price")).toBeGreaterThan(0);
});
