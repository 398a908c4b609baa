/**
 * The QBR's action items print Owner and Due as two columns, each with its own value.
 *
 * Before: Due was blank, so the owner's name spilled over it: in the sample's Dragon Construction
 * QBR the Owner column was narrowed to its header (7 wide) and "Sam Reid" printed across Owner
 * and Due (4.5 wide). Now Due reads "to agree" until the review sets a date, and the Owner column
 * is as wide as the name.
 *
 * By hand: "Sam Reid" in Calibri 11 is S 941 + a 981 + m 1636 + space 463 + R 1112 + e 1019 +
 * i 470 + d 1076 = 7,698 units of 1/2048 em = 55.1 px at 11 pt and 96 dpi; with Excel's cell
 * padding (6 px less the column's 5) that is (55.1 + 1) / 7 = 8.0 characters of column width.
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
    line("A", d(2026, 8, 3), "P1", 100),
    line("A", d(2026, 9, 7), "P2", 80),
    line("B", d(2026, 9, 9), "P1", 120),
  ]),
  { asOf }
);

test("Owner and Due are separate cells: 'Sam Reid' and 'to agree', none merged, Owner 8+ wide", async () => {
  const q = { ...qbrData(model, "A", { year: 2026, q: 3 }), accountManager: "Sam Reid" };
  const planning = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" })).find(
    (s) => s.kind === "qbr-planning"
  )!;
  const spec = finishForPrint(planning, { paper: "A4", asOfText: "As of 31/10/2026" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && row.getCell(2).value === "Owner") header = r;
  });
  expect(header).toBeGreaterThan(0);
  expect(ws.getRow(header).values).toEqual([undefined, "Action", "Owner", "Due", "Status"]);
  // every action row: the owner in B, "to agree" in C, neither merged
  let actions = 0;
  for (let r = header + 1; ws.getCell(`A${r}`).value; r++, actions++) {
    expect(ws.getCell(`B${r}`).value).toBe("Sam Reid");
    expect(ws.getCell(`C${r}`).value).toBe("to agree");
    expect(ws.getCell(`B${r}`).isMerged).toBe(false);
    expect(ws.getCell(`C${r}`).isMerged).toBe(false);
  }
  // at least "Confirm date of next QBR"
  expect(actions).toBeGreaterThanOrEqual(1);
  expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(8);
});
