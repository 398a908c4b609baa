/**
 * A wide sheet prints at a readable size: with print-title columns it is fitted to as few pages
 * wide as keep the scale at 75% or more (the Whitespace Map printed one page wide at about 35%),
 * and the Account Plan prints landscape (portrait printed it at about 40%).
 *
 * By hand, A4 landscape, default margins 0.7 in left and right: printable width
 * (11.69 − 1.4) in × 96 = 987.84 px. Title columns A:B of 20 characters each (40), then 20
 * columns of 15 (300): 340 characters.
 *   1 page wide: 340 × 7 + 5 = 2385 px → 987.84 / 2385 = 41% (< 75%).
 *   2 pages wide: each page A:B + half the rest = 40 + 150 = 190 → 1335 px → 74% (< 75%).
 *   3 pages wide: 40 + 300 / 3 = 140 → 985 px → 100% (≥ 75%): 3.
 */
import JSZip from "jszip";
import { analyzeAccount, analyzePortfolio, buildPortfolio } from "../../src/domain/analysis";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { whitespaceSheet } from "../../src/sheets/whitespaceSheet";
import { finishForPrint, printScale } from "../../src/sheets/print";
import { sheet, type SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const o = { paper: "A4" as const, asOfText: "As of 31/10/2026" };
// longer than every column, in short words: each column keeps its given width (the text wraps)
const text = "word ".repeat(12).trim();

function wide(titleColumns?: string): SheetSpec {
  return finishForPrint(
    sheet("S", "t", "", [{ at: "A1", rows: [Array.from({ length: 22 }, () => text)] }], {
      widths: [20, 20, ...Array.from({ length: 20 }, () => 15)],
      page: {
        orientation: "landscape",
        fitToWidth: true,
        ...(titleColumns ? { printTitleColumns: titleColumns } : {}),
      },
    }),
    o
  );
}

async function pageXml(spec: SheetSpec): Promise<{ sheet: string; book: string }> {
  const zip = await JSZip.loadAsync(await toXlsxBytes([spec]));
  return {
    sheet: await zip.file("xl/worksheets/sheet1.xml")!.async("string"),
    book: await zip.file("xl/workbook.xml")!.async("string"),
  };
}

test("scales worked by hand: 41% one page wide, 74% two and 100% three pages wide with A:B repeated", () => {
  const page = { orientation: "landscape" as const, fitToWidth: true, paper: "A4" as const };
  expect(printScale(page, 340, 40, 1)).toBeCloseTo(987.84 / 2385, 6);
  expect(printScale(page, 340, 40, 2)).toBeCloseTo(987.84 / 1335, 6);
  expect(printScale(page, 340, 40, 3)).toBe(1);
});

test("a wide sheet with title columns is written 3 pages wide, A:B repeated on each", async () => {
  const spec = wide("A:B");
  expect(spec.widths).toEqual([20, 20, ...Array.from({ length: 20 }, () => 15)]);
  expect(spec.page?.pagesWide).toBe(3);
  const { sheet: xml, book } = await pageXml(spec);
  expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="3" fitToHeight="0"/);
  // a row's other columns on the very next page
  expect(xml).toMatch(/<pageSetup [^>]*pageOrder="overThenDown"/);
  expect(book).toMatch(/_xlnm\.Print_Titles[^>]*>[^<]*\$A:\$B/);
});

test("without title columns it stays one page wide", async () => {
  const { sheet: xml } = await pageXml(wide());
  expect(xml).toMatch(/fitToWidth="1" fitToHeight="0"/);
});

describe("the Account Plan and the Whitespace Map ask for a readable page", () => {
  const asOf = d(2025, 6, 30);
  const opts = layoutOptions({ asOf });
  const lines = [line("A", d(2025, 6, 1), "a", 100), line("B", d(2025, 5, 1), "b", 50)];
  const model = buildPortfolio(bookOf(lines), { asOf });

  it("the plan prints landscape (its tables run to column J)", () => {
    expect(planSheet(analyzeAccount(model, "A"), opts).page).toMatchObject({
      orientation: "landscape",
      fitToWidth: true,
    });
  });

  it("the map repeats account ID and name (A:B) on every page", () => {
    expect(whitespaceSheet(analyzePortfolio(bookOf(lines), { asOf }), opts).page).toMatchObject({
      orientation: "landscape",
      printTitleColumns: "A:B",
    });
  });
});
