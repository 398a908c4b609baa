/**
 * A sheet printed several pages wide repeats its print-title columns on every page across: text
 * in them that spilled to the right was cut at their edge on every page after the first. The
 * Whitespace Map's subtitle ('12-month spend by category, as of 31/10/2026. "Gap" columns show
 * what the account would add …') printed as '12-month spend by category, as of 31/10/202' on its
 * second page across. Now such text wraps within the title columns (merged over them), so every
 * page shows all of it; on a sheet one page wide it still spills across.
 *
 * By hand, A4 landscape with 0.7-inch side margins: (11.69 − 1.4) × 96 = 988 px printable.
 * Columns A 10, B 20 (the titles) and 30 of 12: 390 characters, 390 × 7 + 5 = 2,735 px, so one page
 * wide prints at 988 / 2,735 = 36% (< 60%); two pages wide, each with A:B, hold 30 + 360 / 2 = 210
 * characters, 1,475 px, at 67%: two pages wide. With 6 columns of 12 (102 characters at most,
 * 719 px) it prints one page wide at 100%.
 */
import ExcelJS from "exceljs";
import { finishForPrint } from "../../src/sheets/print";
import { sheet, table, type SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";

const note =
  '12-month spend by category, as of 31/10/2026. "Gap" columns show what the account would add by buying a category that comparable accounts usually buy, at their median spend.';

function map(categories: number): SheetSpec {
  const cols = [
    { header: "Account ID" },
    { header: "Account" },
    ...Array.from({ length: categories }, (_, k) => ({ header: `Category ${k + 1}` })),
  ];
  const row = ["C1", "Ironside Industries", ...Array.from({ length: categories }, () => 1000)];
  return finishForPrint(
    sheet(
      "Map",
      "whitespace",
      "",
      [
        { at: "A1", rows: [["Whitespace Map"]], style: "title" },
        { at: "A2", rows: [[note]], style: "subtitle" },
        table("A5", "Map", cols, [row]),
      ],
      {
        widths: [10, 20, ...Array.from({ length: categories }, () => 12)],
        page: {
          orientation: "landscape",
          fitToWidth: true,
          printTitleRows: "5:5",
          printTitleColumns: "A:B",
        },
      }
    ),
    { paper: "A4", asOfText: "As of 31/10/2026" }
  );
}

async function written(spec: SheetSpec): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

test("two pages wide: the subtitle wraps within the title columns A:B, its row as tall as its lines", async () => {
  const spec = map(30);
  expect(spec.page?.pagesWide).toBe(2);
  const ws = await written(spec);
  expect(ws.pageSetup.printTitlesColumn).toBe("A:B");
  expect(ws.pageSetup.fitToWidth).toBe(2);
  expect(ws.model.merges).toContain("A2:B2");
  expect(ws.getCell("A2").alignment?.wrapText).toBe(true);
  // about 155 characters of Calibri 11 in A:B, narrowed to their content (8.25 + 16.75 = 25):
  // 155 / 25 = 6.2, so at least 7 lines of 15 pt, and word wrap leaves at most one line more
  expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([8.25, 16.75]);
  expect(ws.getRow(2).height).toBeGreaterThanOrEqual(7 * 15);
  expect(ws.getRow(2).height).toBeLessThanOrEqual(8 * 15);
});

test("one page wide: the subtitle still runs across the page", async () => {
  const spec = map(6);
  expect(spec.page?.pagesWide).toBe(1);
  const ws = await written(spec);
  expect(ws.model.merges ?? []).not.toContain("A2:B2");
  // across all eight printed columns (A–H), not confined to A:B
  expect(ws.model.merges).toEqual(["A2:H2"]);
});
