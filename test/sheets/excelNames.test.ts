import fc from "fast-check";
import {
  isValidDefinedName,
  tableColumnNames,
  tableNameFrom,
  withExcelNames,
} from "../../src/sheets/excelNames";
import { formula, date, sheet, table } from "../../src/sheets/spec";

describe("table column names Excel accepts", () => {
  test("hostile headers: 300 characters, Revenue/revenue, a line break, empty, '=' at the start", () => {
    const long = "Q".repeat(300);
    const names = tableColumnNames(
      [long, "Revenue", "revenue", "Net\r\nrevenue", "", "=SUM(A1)", long, null],
      8
    );
    expect(names).toEqual([
      "Q".repeat(255), // cut to Excel's 255
      "Revenue",
      "revenue2", // unique ignoring case
      "Net revenue", // one line
      "Column5", // blank: Excel's own name for the 5th column
      "=SUM(A1)", // a string, written as text by both writers
      `${"Q".repeat(254)}2`, // the clash suffix fits inside 255
      "Column8",
    ]);
  });

  test("formulas and dates in a header row never become column names; missing cells are named", () => {
    expect(tableColumnNames([formula("=1+1"), date(46000), 42, true], 5)).toEqual([
      "Column1",
      "Column2",
      "42",
      "true",
      "Column5",
    ]);
  });

  test("any header row → one-line names of 1–255 characters, unique ignoring case", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.constant("a"), fc.constant("A")), {
          maxLength: 12,
        }),
        (headers) => {
          const names = tableColumnNames(headers, headers.length + 1);
          expect(names).toHaveLength(headers.length + 1);
          for (const n of names) {
            expect(n.length).toBeGreaterThanOrEqual(1);
            expect(n.length).toBeLessThanOrEqual(255);
            expect(n).not.toMatch(/[\r\n]/);
          }
          expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("withExcelNames rewrites only table header rows", () => {
    const s = sheet("S", "k", "", [
      table("A1", "T", [{ header: "a" }, { header: "A" }], [["x", "y"]]),
      { at: "A5", rows: [["a", "A"]], header: true },
    ]);
    const out = withExcelNames(s);
    expect(out.blocks[0].rows).toEqual([
      ["a", "A2"],
      ["x", "y"],
    ]);
    expect(out.blocks[1].rows).toEqual([["a", "A"]]);
  });
});

describe("table and defined names", () => {
  test("names that Excel reads as references, booleans or R1C1 are prefixed", () => {
    expect(tableNameFrom("TRUE")).toBe("T_TRUE");
    expect(tableNameFrom("R2D2")).toBe("T_R2D2"); // begins with the R1C1 row reference R2
    expect(tableNameFrom("c")).toBe("T_c");
    expect(tableNameFrom("XFD1048576")).toBe("T_XFD1048576");
    expect(tableNameFrom("Revenue")).toBe("Revenue");
    expect(tableNameFrom("Customer 1")).toBe("Customer_1");
  });

  test("any wanted text → a valid defined name of at most 255 characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (w) =>
        expect(isValidDefinedName(tableNameFrom(w))).toBe(true)
      ),
      { numRuns: 500 }
    );
  });
});
