/**
 * A workbook with order lines in more than one place — the commonest: one sheet per year
 * ("Orders 2025", "Orders 2026"). KAP reads one order table; the others must be named, never
 * left out without a word (PRODUCT.md: a number KAP is not sure of is flagged, never guessed).
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings } from "../../src/engine/contract";
import { ymdToSerial as d } from "../../src/domain/dates";

const HEAD = [
  "Order Date",
  "Invoice No",
  "Customer ID",
  "Customer",
  "SKU",
  "Category",
  "Qty",
  "Line Total",
];
/** n lines of £100 in `year`, accounts A1–A3 in turn, one invoice each. */
function lines(year: number, n: number, firstInvoice: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [
    d(year, 1 + (i % 10), 1 + (i % 27)),
    `INV${firstInvoice + i}`,
    `A${(i % 3) + 1}`,
    `Account ${(i % 3) + 1}`,
    `S${i % 4}`,
    `Cat${i % 2}`,
    1,
    100,
  ]);
}
const settings = (): KapSettings => defaultSettings();
const run = async (x: ExcelDouble) => {
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, new AbortController().signal);
  return (await host.discover(settings(), { reuse: true })).summary!;
};

describe("order lines on more than one sheet", () => {
  it("one sheet per year: the one read is said, and the other sheet is named with its rows", async () => {
    const x = new ExcelDouble(["Orders 2025", "Orders 2026"]);
    x.model.fill(x.sheet("Orders 2025"), "A1", [HEAD, ...lines(2025, 40, 1)]);
    x.model.fill(x.sheet("Orders 2026"), "A1", [HEAD, ...lines(2026, 30, 100)]);
    const summary = await run(x);
    // 40 lines are read (the longer sheet); the 30 lines of 2026 are not
    expect(summary.rows).toBe(40);
    const w = summary.warnings.find((s) => /Orders 2026/.test(s));
    expect(w).toBeDefined();
    expect(w).toMatch(/30 rows/);
    expect(w).toMatch(/Orders 2025/);
    expect(w).toMatch(/one (sheet|table)/);
  });

  it("an Excel table and its own sheet's used range are one place: no warning", async () => {
    const x = new ExcelDouble(["Orders", "Notes"]);
    const s = x.sheet("Orders");
    x.model.fill(s, "A1", [HEAD, ...lines(2026, 30, 1)]);
    x.model.addTable(s, { row: 0, col: 0, rows: 31, cols: HEAD.length }, true).name = "Sales";
    x.model.fill(x.sheet("Notes"), "A1", [["Call Acme about the fixings order"]]);
    const summary = await run(x);
    expect(summary.rows).toBe(30);
    expect(summary.warnings.filter((s) => /not read/.test(s))).toEqual([]);
  });
});
