/**
 * The Cross-Sell sheet prints readable. The sample's largest account (Warren Facilities, C0204)
 * printed at about 50%: eleven columns, 277 characters across (two 60-wide text columns, the
 * the second only for whose spend each estimate is). Now that sentence ends the row's "Why (in
 * words)", as the QBR says it, and the columns are narrower, their words wrapping.
 *
 * By hand: A4 landscape inside 0.7-inch margins is (11.69 − 1.4) × 96 = 987.84 px across; a sheet
 * N characters wide is N × 7 + 5 px in Excel, so 277 characters printed at 987.84 / 1944 = 51%,
 * and 70% or more needs N × 7 + 5 ≤ 987.84 / 0.7 = 1411 px: N ≤ 200 characters.
 */
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { completeSettings } from "../../src/engine/settings";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { ExcelDouble } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import type { SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";

jest.setTimeout(120_000);

let spec: SheetSpec;
let ws: ExcelJS.Worksheet;

beforeAll(async () => {
  const { grids, culture } = await readWorkbookFile(
    join(resolve(__dirname, "../.."), "assets/sample-workbook.xlsx")
  );
  const engine = new KapEngine();
  const settings = completeSettings({});
  await loadGrids(engine, grids, settings, { culture });
  const p = engine.analyze(settings);
  const top = p.accounts.find((a) => a.accountId === "C0204")!;
  [spec] = engine.sheets("crossSell", { accountKey: top.key, live: false });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  ws = wb.worksheets[0];
});

/** Characters across the written columns (a column without a width is Excel's 8.43). */
function printedChars(): number {
  let n = 0;
  for (let k = 1; k <= ws.columnCount; k++) n += ws.getColumn(k).width ?? 8.43;
  return n;
}

test("one landscape page wide, at 70% or more", () => {
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  const chars = printedChars();
  expect(chars).toBeLessThanOrEqual(200);
  expect(987.84 / (chars * 7 + 5)).toBeGreaterThanOrEqual(0.7);
});

test("ten columns, whose spend each estimate is at the end of its Why, wrapped in its row", () => {
  const header = ws.getRow(5).values as unknown[];
  expect(header.slice(1)).toEqual([
    "Rank",
    "Consider selling",
    "Priority",
    "Because",
    "Why (in words)",
    "Annual estimate",
    "Likelihood",
    "Lift",
    "Accounts buying both",
    "Evidence",
  ]);
  expect(ws.columnCount).toBe(10);
  // Electrical, the first opportunity: its Why names whose median £1,370.95 is
  const why = ws.getCell("E6");
  expect(ws.getCell("B6").value).toBe("Electrical");
  expect(String(why.value)).toMatch(
    /Estimate £1,370\.95: the median 12-month spend of the 17 comparable Facilities Management accounts that buy Electrical\./
  );
  expect(why.alignment?.wrapText).toBe(true);
  // its row tall enough for its lines: over one line of 15 pt
  expect(ws.getRow(6).height).toBeGreaterThan(15);
});

test("the pane (Office.js) prints it the same way: landscape, one page wide", async () => {
  const x = new ExcelDouble();
  await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [spec]);
  const page = x.sheet(ws.name).page;
  expect(page.orientation).toBe("Landscape");
  expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
});
