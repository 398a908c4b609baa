/**
 * The QBR's preparation checklist prints as an even list: each item on one line. Before, its
 * column A was 40 characters wide and three items wrapped to two lines ("☐ Create presentation
 * deck / print the review pages", "☐ Book meeting room or video call (45–60 minutes)", and the
 * row of "☐ Confirm attendees (request MD attendance)" was sized for two though LibreOffice set
 * it on one): rows of 15, 30 and 30 points among rows of 15.
 *
 * The longest item, "☐ Create presentation deck / print the review pages", is 51 characters, the
 * box and 50 others: in Calibri 11 it measures over 44 of Excel's width characters, so column A is
 * at least 45 wide, and every checklist row one 15-point line. The checklist is on the internal
 * sheet (Preparation (internal)), never the customer's agenda.
 * Read back as a user gets it: the .xlsx (kap qbr, the pane's QBR) and the Office.js writer.
 */
import ExcelJS from "exceljs";
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { ExcelDouble } from "../excel-double/excel";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const agenda = qbrSheets(
  qbrData(buildPortfolio(bookOf([line("A", d(2026, 8, 3), "P1", 100)]), { asOf }), "A", {
    year: 2026,
    q: 3,
  }),
  layoutOptions({ asOf, currency: "GBP" })
)
  .filter((s) => s.kind === "qbr-prep")
  .map((s) => finishForPrint(s, { paper: "A4", asOfText: "As of 31/10/2026" }));
/** The checklist is on the internal sheet (never the customer's agenda): its heading's row (read from the written sheet), the 11 items under it. */
let TOP = 0;
let CHECKLIST_ROWS: number[] = [];

test(".xlsx: the checklist's items are each one 15-point line, column A wide enough for the longest", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes(agenda)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Preparation (internal)")!;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === "Preparation checklist") TOP = r;
  });
  CHECKLIST_ROWS = Array.from({ length: 11 }, (_, k) => TOP + 1 + k);
  expect(TOP).toBeGreaterThan(0);
  expect(ws.getCell(`A${TOP + 1}`).value).toBe("☐ Pull 12-month order history");
  expect(ws.getCell(`A${TOP + 6}`).value).toBe(
    "☐ Create presentation deck / print the review pages"
  );
  expect(ws.getCell(`A${TOP + 11}`).value).toBe("☐ Bring notepad for action items");
  expect(CHECKLIST_ROWS.map((r) => [r, ws.getRow(r).height])).toEqual(
    CHECKLIST_ROWS.map((r) => [r, 15])
  );
  // each item runs on from A into the empty B: the two together hold the longest
  expect(ws.getColumn(1).width! + ws.getColumn(2).width!).toBeGreaterThanOrEqual(45);
  for (const r of CHECKLIST_ROWS) expect([r, ws.getCell(`B${r}`).value]).toEqual([r, null]);
  // nothing in the list wraps
  for (const r of CHECKLIST_ROWS)
    expect([r, ws.getCell(`A${r}`).alignment?.wrapText]).not.toEqual([r, true]);
});

test("Office.js writer: the same row heights and width", async () => {
  const x = new ExcelDouble([]);
  await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, agenda);
  const s = x.sheet("Preparation (internal)");
  expect(CHECKLIST_ROWS.map((r) => [r, s.formatAt(`A${r}`, "rowHeight")])).toEqual(
    CHECKLIST_ROWS.map((r) => [r, 15])
  );
  // Office.js sets widths in points: 45 characters are (45 × 7 + 5) px × 0.75 = 240 pt
  expect(
    Number(s.formatAt("A1", "columnWidth")) + Number(s.formatAt("B1", "columnWidth"))
  ).toBeGreaterThanOrEqual(240);
});
