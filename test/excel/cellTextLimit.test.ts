/**
 * The pane writes the same sheets through Office.js: a 3,000,009-character customer name, over
 * the 32,767 characters a cell holds (the double refuses a longer text, as Excel's limits say),
 * is written cut to 32,767 ending "…", the page header within 255, and the write's notes (shown
 * in the pane's message) say which cell was cut. Before, the write failed and was rolled back.
 */
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { setRequirementCheck } from "../../src/excel/requirements";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { healthSheet } from "../excel-double/fixtures";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { finishForPrint } from "../../src/sheets/print";
import { sheet, title } from "../../src/sheets/spec";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
const LONG = `Big & Co ${"x".repeat(3_000_000)}`; // 9 + 3,000,000 = 3,000,009 characters

test("Account Health with a 3,000,009-character name: 32,767 characters ending '…', and a note", async () => {
  const x = new ExcelDouble();
  // the name is the second account's: row 5 (header row 3, accounts from row 4), column B
  const res = await writeSheetsIn(asCtx(x), [healthSheet(3, ["Acme Ltd", LONG, "Zenith"])]);
  const cut = x.cellAt("Account Health", "B5")?.value as string;
  expect(cut).toHaveLength(32_767);
  expect(cut).toBe(`${LONG.slice(0, 32_766)}…`);
  expect(x.cellAt("Account Health", "B4")?.value).toBe("Acme Ltd");
  expect(x.cellAt("Account Health", "B6")?.value).toBe("Zenith");
  expect(res.notes).toContain(
    `1 cell's text was cut to Excel's limit of 32,767 characters, ending "…" (Account Health B5, 3,000,009 characters): the full text is still in your data.`
  );
});

test("an account sheet titled with the name: its title cut, its printed header within 255", async () => {
  const x = new ExcelDouble();
  const spec = finishForPrint(
    sheet("KAP Plan – C1", "plan", "C1", [title("A1", `Account Plan – ${LONG}`)]),
    { paper: "A4", asOfText: "As of 31/10/2026" }
  );
  const res = await writeSheetsIn(asCtx(x), [spec]);
  expect((x.cellAt("KAP Plan – C1", "A1")?.value as string).length).toBe(32_767);
  const hf = x.sheet("KAP Plan – C1").page.headersFooters as Record<string, string>;
  // 255 − "&L&R" (4) − "As of 31/10/2026" (16) = 235 coded characters: "Big & Co" has one &, written &&
  expect(hf.leftHeader).toHaveLength(235);
  expect(hf.leftHeader.endsWith("…")).toBe(true);
  expect(res.notes.join(" ")).toContain("(KAP Plan – C1 A1, 3,000,024 characters)");
});

test("a name of 32,767 characters wrapped in its column: its row 180 points (12 lines), the whole text in the cell and a note", async () => {
  // 32,767 characters in a 30-character column wrap to over 1,000 lines of 15 pt: the row was
  // 409 points (Excel's most, most of a page) and still showed a part; now 12 lines, 180 points
  const x = new ExcelDouble();
  const spec = longName();
  expect(spec.rowHeights![2]).toBe(180);
  const cut = `${LONG.slice(0, 32_766)}…`;
  expect(spec.cellNotes).toEqual([{ at: "A2", text: cut }]);
  await writeSheetsIn(asCtx(x), [spec]);
  expect(x.sheet("KAP Names").formatAt("A2", "rowHeight")).toBe(180);
  expect(x.cellAt("KAP Names", "A2")?.value).toBe(cut);
  expect((x.sheet("KAP Names").page.notes as Record<string, string>).A2).toBe(cut);
});

test("an Excel without notes (before ExcelApi 1.18): the row still 180 points, the text whole in the cell", async () => {
  setRequirementCheck((set) => Number(set.split(".")[1]) < 18);
  try {
    const x = new ExcelDouble();
    await writeSheetsIn(asCtx(x), [longName()]);
    expect(x.sheet("KAP Names").formatAt("A2", "rowHeight")).toBe(180);
    expect(x.cellAt("KAP Names", "A2")?.value).toBe(`${LONG.slice(0, 32_766)}…`);
    expect(x.sheet("KAP Names").page.notes).toBeUndefined();
  } finally {
    setRequirementCheck(undefined);
  }
});

test(".xlsx: the same row height and note, read back with ExcelJS", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([longName()])) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("KAP Names")!;
  const cut = `${LONG.slice(0, 32_766)}…`;
  expect(ws.getRow(2).height).toBe(180);
  expect(ws.getCell("A2").value).toBe(cut);
  expect(ws.getCell("A2").alignment?.vertical).toBe("top");
  const note = ws.getCell("A2").note;
  const text = typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("");
  expect(text).toBe(cut);
  // a short text beside it: no note
  expect(ws.getCell("B2").note).toBeUndefined();
});

function longName() {
  return finishForPrint(
    sheet(
      "KAP Names",
      "names",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Name", "Revenue"],
            [LONG, 100],
          ],
          header: true,
        },
      ],
      {
        widths: [30, 10],
      }
    ),
    { paper: "A4", asOfText: "As of 31/10/2026" }
  );
}
