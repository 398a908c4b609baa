/**
 * A report's summary rows below its lines: the count of lines ("Lines 5", "Number of lines: 5",
 * "Total lines", "Record count", "Anzahl Positionen"), Excel's Data ▸ Subtotal rows with the Count,
 * Average, Max or Min function ("Brightwell Count", "Grand Count"), wherever the label stands, are
 * skipped as totals rows (RULES.md §1.2), never read as an order line with no account or no date,
 * and never counted as revenue skipped. Every expected figure is worked out by hand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const FOOTER = join(__dirname, "../fixtures/exports/invoice-lines-report-footer.csv");

const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

const HEADER =
  "Account,Customer Name,Invoice No,Invoice Date,Product Code,Description,Qty,Unit Price,Net Amount";
const LINES = [
  "BRI001,Brightwell Electrical Ltd,SI-2041,02/10/2026,CT100,Cable ties 100mm black,10,4.50,45.00",
  "BRI001,Brightwell Electrical Ltd,SI-2041,02/10/2026,CF15,Copper fitting 15mm,50,0.80,40.00",
  "HAR002,Harbour Plumbing & Heating,SI-2047,15/10/2026,CT100,Cable ties 100mm black,4,4.50,18.00",
];
// Brightwell 45.00 + 40.00 = 85.00; Harbour 18.00
const REVENUE = { BRI001: 85, HAR002: 18 };

function fileOf(rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-summary-")), "lines.csv");
  writeFileSync(file, rows.join("\n"));
  return file;
}

test("an invoice-lines report's footer (Lines, Total, Number of lines) is skipped as totals rows", async () => {
  const { report, revenue, orders } = await analyzeFile(FOOTER);
  expect(revenue).toEqual({
    // 10×4.50 + 50×0.80 = 45 + 40 = 85.00
    BRI001: 85,
    // 4×4.50 − 2×4.50 (credit SC-0112) = 18 − 9 = 9.00
    HAR002: 9,
    // 1,000×0.09
    NOR003: 90,
  });
  expect(orders).toEqual({ BRI001: 1, HAR002: 1, NOR003: 1 });
  expect(report.accepted).toBe(5);
  expect(report.returns).toBe(1);
  // 85 + 9 + 90
  expect(report.revenue).toBe(184);
  // "Lines 5", "Total 1062 … 184.00", "Number of lines: 5"; nothing rejected
  expect(skippedRows(report.skipped)).toEqual({ "totals row": 3 });
  expect(report.rejected).toEqual([]);
  expect(report.warnings.join(" ")).not.toMatch(/no account|no date/);
});

describe.each([
  // the label in the description column, the count under Qty
  ["Lines in the description", ",,,,,Lines,3,,"],
  ["Lines: 3 in the account column", "Lines: 3,,,,,,,,"],
  ["Total lines in the customer name, the sum beside it", ",Total lines,,,,,3,,103.00"],
  ["Number of lines under the product code", ",,,,Number of lines: 3,,,,"],
  ["No. of lines", "No. of lines,,,,,,3,,"],
  ["Line count with its sum", ",,,,,Line count,3,,103.00"],
  ["Record count in the invoice number column", ",,Record count: 3,,,,,,"],
  ["Rows: 3", "Rows: 3,,,,,,,,"],
  ["3 lines", ",,,,,3 lines,,,"],
  ["Count", ",,,,,Count,3,,"],
  ["German Anzahl Positionen", "Anzahl Positionen: 3,,,,,,,,"],
  ["French Nombre de lignes", ",,,,,Nombre de lignes : 3,,,"],
  ["Dutch Aantal regels", ",,,,,Aantal regels,3,,"],
  ["Total number of invoices", "Total number of invoices: 2,,,,,,,,"],
  ["Record(s): 3", ",,,,,Record(s): 3,,,"],
  ["Total count with the sum", ",,,,,Total count,3,,103.00"],
  ["German Anzahl: 3", "Anzahl: 3,,,,,,,,"],
  ["German Summe Positionen", ",,,,,Summe Positionen,3,,103.00"],
  ["the report's run date beside it", ",,,31/10/2026,,Lines,3,,103.00"],
])("a summary row: %s", (_name, summary) => {
  it("is a totals row; the lines' revenue stands", async () => {
    const { report, revenue } = await analyzeFile(fileOf([HEADER, ...LINES, summary]));
    expect(revenue).toEqual(REVENUE);
    expect(report.accepted).toBe(3);
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 1 });
  });
});

test("Excel's Data ▸ Subtotal with Count and Average: 'Brightwell Electrical Ltd Count', 'Grand Count' rows are totals rows", async () => {
  const file = fileOf([
    "Customer,Invoice Date,Invoice No,SKU,Qty,Unit Price,Line Total",
    "Brightwell Electrical Ltd,02/10/2026,SI-2041,CT100,10,4.50,45.00",
    "Brightwell Electrical Ltd,02/10/2026,SI-2041,CF15,50,0.80,40.00",
    "Brightwell Electrical Ltd Count,,,,,,2",
    "Brightwell Electrical Ltd Average,,,,,,42.50",
    "Harbour Plumbing & Heating,15/10/2026,SI-2047,CT100,4,4.50,18.00",
    "Harbour Plumbing & Heating Count,,,,,,1",
    "Harbour Plumbing & Heating Average,,,,,,18.00",
    "Grand Count,,,,,,3",
    "Grand Average,,,,,,34.33",
  ]);
  const { report, revenue } = await analyzeFile(file);
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 85, "Harbour Plumbing & Heating": 18 });
  expect(skippedRows(report.skipped)).toEqual({ "totals row": 6 });
});

test("a product or customer whose name holds those words is still read", async () => {
  const file = fileOf([
    HEADER,
    "LIN004,Lines & Co,SI-2060,27/10/2026,LN1,Line marker paint,2,6.00,12.00",
    "COU005,Count Electrical,SI-2061,28/10/2026,Lines,Lines,1,5.00,5.00",
  ]);
  const { report, revenue } = await analyzeFile(file);
  // 2×6.00; 1×5.00
  expect(revenue).toEqual({ LIN004: 12, COU005: 5 });
  expect(report.skipped).toEqual([]);
});

test("below a grouped report (QuickBooks sales by customer detail), a lone 'Number of lines' is no customer heading", async () => {
  const desktop = readFileSync(
    join(__dirname, "../fixtures/exports/quickbooks-desktop-sales-by-customer-detail.csv"),
    "utf8"
  );
  const { report, revenue } = await analyzeFile(fileOf([desktop.trimEnd(), "Number of lines: 7"]));
  // as in customerDetail.test.ts: 127.00, 24.00, 110.00
  expect(revenue).toEqual({
    "Brightwell Electrical Ltd": 127,
    "Harbour Plumbing & Heating": 24,
    "Northfield Builders": 110,
  });
  const rows = skippedRows(report.skipped);
  // Brightwell, Harbour, Northfield, Quay Street site
  expect(rows["customer heading row"]).toBe(4);
  // 3 customers' totals, Quay Street's, TOTAL, and the count
  expect(rows["totals row"]).toBe(6);
});
