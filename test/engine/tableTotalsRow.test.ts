/**
 * Order lines in an Excel table with its totals row shown (Table Design › Total Row): the totals
 * row is part of the table's range, but it is no order line — not read, not counted as a
 * skipped row, whatever its first cell holds (Excel writes "Total" there by default; a user
 * may set it to a count instead, or leave it blank).
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import { ymdToSerial as d } from "../../src/domain/dates";

const HEAD = ["Order Date", "Invoice No", "Customer ID", "SKU", "Category", "Qty", "Line Total"];
// A: 2 lines £100 + £200; B: 1 line £50. Net revenue £350.
const LINES = [
  [d(2026, 9, 1), "INV1", "A", "S1", "Tools", 1, 100],
  [d(2026, 10, 1), "INV2", "A", "S2", "Tape", 2, 200],
  [d(2026, 10, 20), "INV3", "B", "S1", "Tools", 1, 50],
];

async function analyse(totals: (string | number)[]) {
  const x = new ExcelDouble(["Orders"]);
  const s = x.sheet("Orders");
  x.model.fill(s, "A1", [HEAD, ...LINES, totals]);
  const t = x.model.addTable(s, { row: 0, col: 0, rows: 5, cols: HEAD.length }, true);
  t.name = "Sales";
  t.showTotals = true;
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  const list = await host.analyze(defaultSettings(), () => undefined, new AbortController().signal);
  const d = await host.discover(defaultSettings(), { reuse: true });
  return { list, summary: d.summary!, found: d.tables.find((t) => t.role === "orders")! };
}

describe("an order table with a totals row", () => {
  it.each([
    ["Excel's default: Total … =SUBTOTAL", ["Total", "", "", "", "", 4, 350]],
    ["a count in the first column, no label", [3, "", "", "", "", 4, 350]],
    ["blank but the sum", ["", "", "", "", "", "", 350]],
  ])("%s: 3 lines read, none skipped, A £300 and B £50", async (_label, totals) => {
    const { list, summary, found } = await analyse(totals);
    expect(found.rows).toBe(3);
    expect(summary.rows).toBe(3);
    expect(summary.rejected).toBe(0);
    expect(Object.fromEntries(list.map((a) => [a.id, a.revenue12m]))).toEqual({ A: 300, B: 50 });
  });
});
