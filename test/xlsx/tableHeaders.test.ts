/**
 * Hostile headers from the data, written by both faces: the CLI's .xlsx (read back with ExcelJS)
 * and the pane's Office.js path (on the Excel double, which renames duplicate headers as Excel
 * does). Both must give the same names, each equal to its header cell, and text stays text.
 */
import ExcelJS from "exceljs";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { sheet, table, type SheetSpec } from "../../src/sheets/spec";
import { ExcelDouble } from "../excel-double/excel";

const LONG = `Revenue ${"x".repeat(292)}`; // 300 characters
const HEADERS = ["Account", LONG, "Revenue", "revenue", "Net\nrevenue", "", "=SUM(A1)"];
// Worked by hand from Excel's rules (255 characters, unique ignoring case, one line, blank → ColumnN).
const EXPECTED = [
  "Account",
  LONG.slice(0, 255),
  "Revenue",
  "revenue2",
  "Net revenue",
  "Column6",
  "=SUM(A1)",
];

function spec(): SheetSpec {
  return sheet("Breakdown", "breakdown", "", [
    table(
      "A1",
      "KAP_Hostile",
      HEADERS.map((header) => ({ header })),
      [["C001", 1, 2, 3, 4, 5, "=1+1"]]
    ),
  ]);
}

test("the CLI's .xlsx: table columns are the cleaned names and equal their header cells", async () => {
  const bytes = await toXlsxBytes([spec()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Breakdown")!;
  const t = ws.getTable("KAP_Hostile") as unknown as { table: { columns: { name: string }[] } };
  expect(t.table.columns.map((c) => c.name)).toEqual(EXPECTED);
  EXPECTED.forEach((name, j) => {
    const c = ws.getCell(1, j + 1);
    expect(c.value).toBe(name);
    expect(c.type).toBe(ExcelJS.ValueType.String);
  });
  // a data cell "=1+1" and the header "=SUM(A1)" are text, not formulas
  expect(ws.getCell("G2").type).toBe(ExcelJS.ValueType.String);
  expect(ws.getCell("G1").formula).toBeUndefined();
});

test("the pane (Office.js on the Excel double): the same names, nothing renamed by Excel", async () => {
  const x = new ExcelDouble();
  const r = await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [spec()], {
    token: () => "t1",
  });
  expect(r.sheets[0].tables).toEqual(["KAP_Hostile"]);
  EXPECTED.forEach((name, j) => {
    const c = x.cellAt("Breakdown", `${String.fromCharCode(65 + j)}1`);
    expect(c?.value).toBe(name);
    expect(c?.formula).toBeUndefined();
  });
  expect(x.cellAt("Breakdown", "G2")?.value).toBe("=1+1");
});

test("without the cleaning, the double renames a duplicate the way Excel does (the double is not lenient)", async () => {
  const x = new ExcelDouble();
  const ctx = x.newContext();
  const ws = ctx.workbook.worksheets.getItem("Sheet1");
  ws.getRange("A1:B2").values = [
    ["Revenue", "revenue"],
    [1, 2],
  ];
  ws.tables.add(ws.getRange("A1:B2"), true);
  await ctx.sync();
  expect(x.cellAt("Sheet1", "B1")?.value).toBe("revenue2");
});
