/**
 * A sheet one page wide prints at a readable scale: wider than a page holds at 75% (Excel's
 * measure; about 71% in LibreOffice), it gives up width where it costs least — the empty columns
 * under a chart, then its widest text columns evened down together (their text wraps) — and a
 * page break never runs through a chart. Sample before → after (LibreOffice): Alerts 62% →
 * landscape 93%, Account Plan 66% → 71%, Purchase Breakdown 58% → 86% (its charts under the
 * tables), the QBR's partnership page 66% → 71%.
 *
 * By hand: A4 portrait inside 0.7-inch margins is (8.27 − 1.4) × 96 = 659.52 px across; Excel
 * draws N characters of columns in N × 7 + 5 px, so 75% holds (659.52 / 0.75 − 5) / 7 = 124.909
 * characters.
 */
import ExcelJS from "exceljs";
import { analyzeAccount, analyzePortfolio, buildPortfolio } from "../../src/domain/analysis";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { alertsSheet } from "../../src/sheets/alertsSheet";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { parseRange, sheet } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { ExcelDouble } from "../excel-double/excel";
import { bookOf, d, line } from "../domain/analysis/helpers";

const o = { paper: "A4" as const, asOfText: "As of 31/10/2026" };
const prose = (n: number) => "word ".repeat(n).trim();

test("two wrapping text columns of 70 and 60 are evened down until the page prints at 75%", () => {
  const spec = finishForPrint(
    sheet(
      "S",
      "t",
      "",
      [
        { at: "A1", rows: [[12345, prose(30), prose(30)]], formats: ["#,##0"] },
        // wrapped prose: each column takes its layout width (70, 60)
      ],
      {
        widths: [10, 70, 60],
        styles: [{ range: "B1:C1", style: { wrap: true } }],
        page: { orientation: "portrait", fitToWidth: true },
      }
    ),
    o
  );
  const [a, b, c] = spec.widths as number[];
  // the figure's column is left as its content made it (under 10)
  expect(a).toBeLessThan(10);
  // B and C to one level L: a + 2L = 124.909 → L = (124.909 − a) / 2, down to a quarter
  const level = Math.floor(((124.909 - a) / 2) * 4) / 4;
  expect([b, c]).toEqual([level, level]);
  expect(659.52 / ((a + b + c) * 7 + 5)).toBeGreaterThanOrEqual(0.75);
  // the text wraps to more lines, its row sized for them
  expect(spec.rowHeights?.[1]).toBeGreaterThan(15);
});

test("never below a column's longest word or 16 characters: a sheet still too wide prints smaller", () => {
  const spec = finishForPrint(
    sheet("S", "t", "", [{ at: "A1", rows: [Array.from({ length: 12 }, () => prose(20))] }], {
      widths: Array.from({ length: 12 }, () => 30),
      styles: [{ range: "A1:L1", style: { wrap: true } }],
      page: { orientation: "landscape", fitToWidth: true },
    }),
    o
  );
  // 12 × 30 = 360 characters; A4 landscape holds (987.84 / 0.75 − 5) / 7 = 187.45 at 75%:
  // 15.6 each is under the floor, so each stops at 16
  expect(spec.widths).toEqual(Array.from({ length: 12 }, () => 16));
});

const asOf = d(2026, 10, 31);
const lines = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((m) => [
    line("A", d(2026, m, 3), "Lighting", 100 * m),
    line("A", d(2026, m, 9), "Cable Ties", 40),
  ]),
  line("B", d(2026, 5, 1), "Lighting", 50),
];

describe("the Purchase Breakdown", () => {
  const spec = finishForPrint(
    breakdownSheet(analyzeAccount(buildPortfolio(bookOf(lines), { asOf }), "A")!, {
      ...layoutOptions({ asOf, currency: "GBP" }),
    }),
    o
  );

  it("draws its charts under the tables, not beside them: one landscape page wide at 75% or more", () => {
    let lastTableRow = 0;
    for (const b of spec.blocks)
      lastTableRow = Math.max(lastTableRow, parseRange(b.at).row + b.rows.length);
    for (const ch of spec.charts ?? [])
      expect(parseRange(ch.from).row).toBeGreaterThan(lastTableRow);
    // columns A–K, the tables' own: no more than 187.45 characters on A4 landscape
    const printed = (spec.widths ?? []).slice(0, 11).reduce<number>((t, w) => t + (w ?? 8.43), 0);
    expect(spec.page?.orientation).toBe("landscape");
    expect(987.84 / (printed * 7 + 5)).toBeGreaterThanOrEqual(0.75);
  });

  it("prints the written range, A1 to the charts' last column and row, in both writers", async () => {
    const last = Math.max(...(spec.charts ?? []).map((ch) => parseRange(ch.to).row + 1));
    expect(spec.page?.printArea).toBe(`A1:K${last}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
    expect(String(wb.worksheets[0].pageSetup.printArea).replace(/\$/g, "")).toBe(`A1:K${last}`);
    const x = new ExcelDouble();
    await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [spec]);
    expect(x.sheet(wb.worksheets[0].name).page.printArea).toBe(`A1:K${last}`);
  });
});

test("a page break never runs through a chart: the chart starts the next page", () => {
  // 45 rows of text, blank rows 46–47, a chart on rows 48–63 (16 rows of 15 pt = 240 pt). An A4
  // portrait page at 100% holds (11.69 − 0.75 − 0.75) × 72 = 733.68 pt of rows.
  const rows = Array.from({ length: 45 }, (_, k) => [`row ${k + 1}`]);
  const spec = finishForPrint(
    sheet("S", "t", "", [{ at: "A1", rows }], {
      widths: [20],
      charts: [{ type: "column", title: "T", data: "A1:A2", from: "A48", to: "E63" }],
      page: { orientation: "portrait", fitToWidth: true },
    }),
    o
  );
  // rows 1–46 (690 pt) leave 43.68 pt on page 1, under the chart's 240: it starts page 2, from
  // the blank row just above it (47), so no edge of it is left on page 1
  expect(spec.page?.rowBreaks).toEqual([47]);
});

test("Alerts print landscape (one line an alert)", () => {
  const p = analyzePortfolio(bookOf(lines), { asOf });
  expect(alertsSheet(p, layoutOptions({ asOf })).page?.orientation).toBe("landscape");
});
