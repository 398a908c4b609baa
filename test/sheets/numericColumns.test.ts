/**
 * Which columns of a block hold figures (their headers are right-aligned over them, as in
 * Excel's own tables): numbers, dates and number-formatted formulas; blanks and "n/a" aside.
 */
import { date, formula, gapColumns, numericColumns, type Block } from "../../src/sheets/spec";

const block = (rows: Block["rows"], formats?: Block["formats"]): Block => ({
  at: "A1",
  rows,
  header: true,
  formats,
});

describe("numericColumns", () => {
  test("numbers, dates and formulas formatted as numbers are figures; text is not", () => {
    const b = block(
      [
        ["Account", "Orders", "Last order", "Score", "Note", "Link"],
        ["C1", 4, date(46000), formula("=B2*2"), "call", formula('=HYPERLINK("x","y")')],
        ["C2", null, date(46001), formula("=B3*2"), "", formula('=HYPERLINK("x","z")')],
      ],
      [undefined, "0", undefined, "0.00", undefined, undefined]
    );
    expect(numericColumns(b)).toEqual([false, true, true, true, false, false]);
  });

  test("a column of figures with n/a or a dash for missing ones is still figures; an empty one is not", () => {
    const b = block([
      ["Days late", "Change", "Empty", "Mixed"],
      [3, "n/a", null, 5],
      ["N/A", 0.1, null, "five"],
      ["—", "-", null, 6],
    ]);
    expect(numericColumns(b)).toEqual([true, true, false, false]);
  });

  test("a column of figures still to be filled in (a number format, blank cells) is figures; a blank text column is not", () => {
    const b = block(
      [
        ["Name", "Priority", "Weighted total", "Notes"],
        ["Priya Brown", null, formula('=IF(H7="","",H7*2)'), ""],
      ],
      [undefined, "#,##0", "General", "@"]
    );
    expect(numericColumns(b)).toEqual([false, true, true, false]);
  });

  test("the header row itself does not count, and a block of only a header has no figure columns", () => {
    expect(numericColumns(block([["Orders", 5]]))).toEqual([false, false]);
  });
});

describe("gapColumns", () => {
  test("a text column right after a column of figures is indented; others are not", () => {
    const b = block([
      ["Period", "Products", "Dates", "Orders", "Revenue", "Note"],
      ["This month", 19, "01/10/2026 – 31/10/2026", 38, 27140.36, "best month"],
    ]);
    expect(gapColumns(b)).toEqual([false, false, true, false, false, true]);
  });
});
