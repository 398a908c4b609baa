/**
 * A reorder period is the median of whole-day gaps between orders, so it can fall half-way
 * (an even number of gaps): 7.5 days is shown as "7.5", not rounded to "8" (the sample's C0204
 * Breakdown H38 read "8" for 7.5 and "12" for 11.5).
 *
 * By hand, product P ordered on 1, 8, 16, 23 and 31 October 2026: gaps 7, 8, 7, 8 days, sorted
 * 7 7 8 8, median (7 + 8) / 2 = 7.5. Product W ordered on 1, 8, 15 and 22 October: gaps 7, 7, 7,
 * median 7 (a whole number stays whole: "7", not "7.0").
 */
import ExcelJS from "exceljs";
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { formatAt } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    ...[1, 8, 16, 23, 31].map((day) => line("A", d(2026, 10, day), "P", 100, { quantity: 2 })),
    ...[1, 8, 15, 22].map((day) => line("A", d(2026, 10, day), "W", 50, { quantity: 1 })),
  ]),
  { asOf }
);
const opts = layoutOptions({ asOf, currency: "GBP" });

/** The text a cell shows: its value through its number format, as a reader sees it. */
async function shownText(spec: ReturnType<typeof breakdownSheet>, product: string, header: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  let headerRow = 0;
  let col = 0;
  ws.eachRow((row, r) =>
    row.eachCell((c, k) => {
      if (!headerRow && c.value === header) [headerRow, col] = [r, k];
    })
  );
  let cell: ExcelJS.Cell | undefined;
  ws.eachRow((row, r) => {
    if (r > headerRow && !cell && row.values && (row.values as unknown[]).includes(product))
      cell = row.getCell(col);
  });
  return { value: cell!.value, format: cell!.numFmt };
}

test("Breakdown's Top 10: 7.5-day reorder period shows 7.5 (one decimal), a 7-day one shows 7", async () => {
  const spec = breakdownSheet(analyzeAccount(model, "A")!, opts);
  const p = await shownText(spec, "P", "Reorder period (days)");
  expect(p).toEqual({ value: 7.5, format: "#,##0.0" });
  const w = await shownText(spec, "W", "Reorder period (days)");
  expect(w).toEqual({ value: 7, format: "#,##0" });
  // the block's own formats agree (the Office.js writer reads the same spec)
  const top = spec.blocks.find((b) => b.table?.name.startsWith("KAP_Top_"))!;
  const rowOfP = top.rows.findIndex((r) => r[1] === "P");
  expect(formatAt(top, rowOfP, 7)).toBe("#,##0.0");
});

test("QBR auto-replenishment: 'Reorder every (days)' 7.5, not 8", async () => {
  const page = qbrSheets(qbrData(model, "A", { year: 2026, q: 3 }), opts).find(
    (s) => s.kind === "qbr-insights"
  )!;
  const p = await shownText(page, "P", "Reorder every (days)");
  expect(p).toEqual({ value: 7.5, format: "#,##0.0" });
});
