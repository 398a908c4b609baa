/**
 * Account Health prints every column it writes. Its print area stopped at the Lifetime fit column
 * (A1:R on the sample), leaving the inputs and the six factor scores behind each score off paper;
 * 42 columns one page wide print at about 22%, so the account ID and name (A:B) repeat at the left
 * of each page across and the sheet is as many landscape pages wide as keep it at 75% or more.
 *
 * By hand, three accounts in one currency (A ordering monthly, B twice, C once), as of 31/10/2026:
 * the table has one column per header written (account, score, factors, inputs, lifetime, sources),
 * and the print area must end at the last of them, on the last account's row (header row 7, rows
 * 8–10). The scale of one page: A4 landscape inside 0.7-inch margins is (11.69 − 1.4) × 96 =
 * 987.84 px; each page across prints A:B and its share of the other columns, Excel's N × 7 + 5 px.
 */
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { analyzePortfolio } from "../../src/domain/analysis";
import { healthSheet } from "../../src/sheets/healthSheet";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { colLetter, parseRange } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const p = analyzePortfolio(
  bookOf([
    ...[5, 6, 7, 8, 9, 10].map((m) => line("A", d(2026, m, 3), "a", 100)),
    line("B", d(2026, 7, 1), "b", 50),
    line("B", d(2026, 9, 1), "b", 70),
    line("C", d(2026, 10, 15), "c", 500),
  ]),
  { asOf }
);

const spec = () =>
  finishForPrint(healthSheet(p, layoutOptions({ live: false, asOf })), {
    paper: "A4",
    asOfText: "As of 31/10/2026",
  });

async function written(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec()])) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

test("the print area covers every column of the table, factor scores and sources included", async () => {
  const ws = await written();
  const header = ws.getRow(7);
  let last = 0;
  header.eachCell((c, k) => {
    if (c.value !== null && c.value !== "") last = Math.max(last, k);
  });
  const area = parseRange(String(ws.pageSetup.printArea).replace(/\$/g, ""));
  // A1 to the last header's column, down to the third account's row (7 + 3 = 10)
  expect(`${colLetter(area.col)}${area.row + 1}`).toBe("A1");
  expect(area.col + area.cols).toBe(last);
  expect(area.row + area.rows).toBe(10);
  const printed: string[] = [];
  header.eachCell((c, k) => {
    if (k <= area.col + area.cols) printed.push(String(c.value));
  });
  for (const h of [
    "Health score",
    "Recency score",
    "Frequency score",
    "Revenue score",
    "Diversity score",
    "Engagement score",
    "Payment score",
    "Days since last order",
    "Alert details",
    "Payment source",
  ])
    expect(printed).toContain(h);
});

test("landscape, the header row and the account's ID and name repeated, each page at 75% or more", async () => {
  const ws = await written();
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  expect(ws.pageSetup.printTitlesRow).toBe("7:7");
  expect(ws.pageSetup.printTitlesColumn).toBe("A:B");
  const area = parseRange(String(ws.pageSetup.printArea).replace(/\$/g, ""));
  const width = (k: number) => ws.getColumn(k).width ?? 8.43;
  let titles = 0;
  for (let k = 1; k <= 2; k++) titles += width(k);
  let rest = 0;
  for (let k = 3; k <= area.col + area.cols; k++) rest += width(k);
  const wide = ws.pageSetup.fitToWidth ?? 1;
  // one page wide would print every column at under half size: several pages across instead
  expect((987.84 / ((titles + rest) * 7 + 5)) * 100).toBeLessThan(50);
  expect(wide).toBeGreaterThan(1);
  const scale = Math.min(1, 987.84 / ((titles + rest / wide) * 7 + 5));
  expect(scale).toBeGreaterThanOrEqual(0.75);
  // and no more pages across than that needs: one fewer prints under 75%
  expect(987.84 / ((titles + rest / (wide - 1)) * 7 + 5)).toBeLessThan(0.75);
  // a row's other columns print on the very next page
  expect(ws.pageSetup.pageOrder).toBe("overThenDown");
});

test("the pane (Office.js) sets the same print area, titles and pages across", async () => {
  const ws = await written();
  const x = new ExcelDouble();
  await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [spec()]);
  const page = x.sheet("KAP Account Health").page;
  expect(page.printArea).toBe(String(ws.pageSetup.printArea).replace(/\$/g, ""));
  expect(page.printTitleColumns).toBe("$A:$B");
  expect(page.printTitleRows).toBe("$7:$7");
  expect(page.orientation).toBe("Landscape");
  expect(page.zoom).toEqual({
    horizontalFitToPages: ws.pageSetup.fitToWidth,
    verticalFitToPages: 0,
  });
});
