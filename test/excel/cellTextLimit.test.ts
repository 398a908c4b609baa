/**
 * The pane writes the same sheets through Office.js: a 3,000,009-character customer name, over
 * the 32,767 characters a cell holds (the double refuses a longer text, as Excel's limits say),
 * is written cut to 32,767 ending "…", the page header within 255, and the write's notes (shown
 * in the pane's message) say which cell was cut. Before, the write failed and was rolled back.
 */
import { ExcelDouble } from "../excel-double/excel";
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

test("a name of 32,767 characters wrapped in its column: its row 409 points tall, Excel's most", async () => {
  // 32,767 characters in a 30-character column wrap to over 1,000 lines of 15 pt: capped at 409
  const x = new ExcelDouble();
  const spec = finishForPrint(
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
  expect(spec.rowHeights![2]).toBe(409);
  await writeSheetsIn(asCtx(x), [spec]);
  expect(x.sheet("KAP Names").formatAt("A2", "rowHeight")).toBe(409);
});
