/**
 * The QBR insights page: the auto-replenishment table sits under the content above it, its
 * figures beside the product, and ends at column E, where the offers' note ends. The
 * recommendations end at D (Why): what each is worth a year is the internal sheet's, not a column
 * in E the customer reads.
 *
 * Before: its columns were A–E of a page laid out for the recommendations (Why in C, 56 wide), so
 * "Reorder every (days)" stood at the right of the 56-wide C and "Avg units per order" in E, past
 * every other table, at the page's right edge. Now Why and Next expected share the wide column D,
 * Reorder every is in C (14 wide at most), and Recommendation's Priority spans B:C.
 *
 * The account (dates by hand, as in qbrReplenishmentDue): P1 every 30 days 1 Mar – 30 May 2026
 * (next expected 29 Jun 2026, passed) and P2 every 30 days 2 Aug – 31 Oct 2026 (next 30 Nov 2026).
 */
import ExcelJS from "exceljs";
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { d, bookOf, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    ...[d(2026, 3, 1), d(2026, 3, 31), d(2026, 4, 30), d(2026, 5, 30)].map((t) =>
      line("A", t, "P1", 100, { quantity: 2 })
    ),
    ...[d(2026, 8, 2), d(2026, 9, 1), d(2026, 10, 1), d(2026, 10, 31)].map((t) =>
      line("A", t, "P2", 50, { quantity: 1 })
    ),
  ]),
  { asOf }
);

async function insightsPage(): Promise<ExcelJS.Worksheet> {
  const page = qbrSheets(
    qbrData(model, "A", { year: 2026, q: 3 }),
    layoutOptions({ asOf, currency: "GBP" })
  ).find((s) => s.kind === "qbr-insights")!;
  const spec = finishForPrint(page, { paper: "A4", asOfText: "As of 31/10/2026" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

const rowStarting = (ws: ExcelJS.Worksheet, text: string) => {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && row.getCell(1).value === text) found = r;
  });
  return found;
};

test("replenishment: Product, Orders, Reorder every in a narrow C, Next expected, Avg units in E; the recommendations' Why beside Next expected, no estimate column", async () => {
  const ws = await insightsPage();
  const h = rowStarting(ws, "Product");
  expect(ws.getRow(h).values).toEqual([
    undefined,
    "Product",
    "Orders",
    "Reorder every (days)",
    "Next expected",
    "Avg units per order",
  ]);
  // P1: 4 orders every 30 days, 2 units each; 154 days since its last order (30 May) is past
  // 1.5 × 30 = 45: overdue since 30 May + 45 days = 14/07/2026
  const p1 = ws.getRow(h + 1).values as unknown[];
  expect(p1.slice(1)).toEqual(["P1", 4, 30, "overdue since 14/07/2026", 2]);
  // Next expected reads from the left, its header too, in the wide column
  expect(ws.getCell(`D${h}`).alignment?.horizontal).toBe("left");
  expect(ws.getCell(`D${h + 2}`).alignment?.horizontal).toBe("left");
  // the reorder figures stand beside the orders, not at the right of a 56-wide column
  expect(ws.getColumn(3).width).toBeLessThanOrEqual(14);
  const rec = rowStarting(ws, "Recommendation");
  expect(ws.getCell(`E${rec}`).value).toBeNull();
  expect(ws.getCell(`D${rec}`).value).toBe("Why");
  expect(ws.model.merges).toContain(`B${rec}:C${rec}`);
  // nothing written past E: the page is as wide as its tables
  let widest = 0;
  ws.eachRow((row) => row.eachCell((c) => (widest = Math.max(widest, Number(c.col)))));
  expect(widest).toBe(5);
  // one page, fitted
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect([ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual([1, 1]);
});
