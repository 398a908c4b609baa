/**
 * Account Health prints the review, not the workings. All 42 columns printed the sample on 60
 * pages, 4 across at about 70%; now the print area is the first 14 columns — who (ID, name, rolled
 * into, tier, manager), how healthy (score, band, trend), how much (revenue, ABC, quadrant) and
 * what to do (alerts, win-back stage) — one landscape page wide with the header row on every
 * page. Lifetime value, the six inputs and factor scores, details and sources stay on screen to
 * the right (the Health Report prints one account's factors).
 *
 * By hand, three accounts in one currency (A ordering monthly, B twice, C once), as of 31/10/2026:
 * header row 7, rows 8–10, so the print area is A1:N10. The scale of a page: A4 landscape inside
 * 0.7-inch margins is (11.69 − 1.4) × 96 = 987.84 px, Letter (11 − 1.4) × 96 = 921.6 px; the
 * printed columns are Excel's N × 7 + 5 px.
 */
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { analyzePortfolio } from "../../src/domain/analysis";
import { healthSheet } from "../../src/sheets/healthSheet";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
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

const spec = (paper: "A4" | "Letter" = "A4") =>
  finishForPrint(healthSheet(p, layoutOptions({ live: false, asOf })), {
    paper,
    asOfText: "As of 31/10/2026",
  });

async function written(paper: "A4" | "Letter" = "A4"): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec(paper)])) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

test("the print area is A1:N10: ID to Win-back stage, down to the third account", async () => {
  const ws = await written();
  expect(String(ws.pageSetup.printArea).replace(/\$/g, "")).toBe("A1:N10");
  const header = ws.getRow(7).values as unknown[];
  expect(header.slice(1, 15)).toEqual([
    "Account ID",
    "Account",
    "Rolled into",
    "Account tier",
    "Account manager",
    "Health score",
    "Band",
    "Trend",
    "12-month trend",
    "Revenue 12m",
    "ABC",
    "Quadrant",
    "Alerts",
    "Win-back stage",
  ]);
  // on screen, right of it: the lifetime value, the inputs and factor scores, the sources
  for (const h of ["P(alive)", "Recency score", "Days since last order", "Payment source"])
    expect(header.indexOf(h)).toBeGreaterThan(14);
});

test("one landscape page wide at 75% or more (A4 and Letter), the header row on every page", async () => {
  for (const paper of ["A4", "Letter"] as const) {
    const ws = await written(paper);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.paperSize).toBe(paper === "A4" ? 9 : 1);
    expect(ws.pageSetup.printTitlesRow).toBe("7:7");
    let chars = 0;
    for (let k = 1; k <= 14; k++) chars += ws.getColumn(k).width ?? 8.43;
    const across = paper === "A4" ? 987.84 : 921.6;
    expect(across / (chars * 7 + 5)).toBeGreaterThanOrEqual(0.75);
  }
});

test("the pane (Office.js) sets the same print area, titles and one page across", async () => {
  const ws = await written();
  const x = new ExcelDouble();
  await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [spec()]);
  const page = x.sheet("KAP Account Health").page;
  expect(page.printArea).toBe("A1:N10");
  expect(page.paperSize).toBe("A4");
  expect(page.printTitleColumns).toBe("$A:$B");
  expect(page.printTitleRows).toBe("$7:$7");
  expect(page.orientation).toBe("Landscape");
  expect(page.zoom).toEqual({
    horizontalFitToPages: ws.pageSetup.fitToWidth,
    verticalFitToPages: 0,
  });
});
