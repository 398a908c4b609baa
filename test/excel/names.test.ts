import fc from "fast-check";
import {
  isValidSheetName,
  uniqueSheetName,
  tableNameFrom,
  textSparkline,
  moneyFormat,
  colLetter,
  colIndex,
  parseRange,
  rangeA1,
} from "../../src/sheets/spec";
import {
  sheetsToReplace,
  encodeMarker,
  decodeMarker,
  markFormula,
  markFromFormula,
  subjectKey,
} from "../../src/excel/marker";
import { layoutOptions } from "../../src/sheets/options";
import { ExcelDouble } from "../excel-double/excel";

describe("sheet names", () => {
  test("any wanted name and any taken names → a valid name not taken (ignoring case)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }),
        (wanted, taken) => {
          const n = uniqueSheetName(wanted, taken);
          expect(isValidSheetName(n)).toBe(true);
          expect(taken.map((t) => t.toLowerCase())).not.toContain(n.toLowerCase());
        }
      ),
      { numRuns: 500 }
    );
  });

  test("the Excel double accepts every name uniqueSheetName makes", async () => {
    const x = new ExcelDouble();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 50 }), async (wanted) => {
        const name = uniqueSheetName(wanted, x.sheetNames());
        const ctx = x.newContext();
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
        expect(x.sheetNames()).toContain(name);
      }),
      { numRuns: 150 }
    );
  });

  test('clashes get " (2)", " (3)" and the stem is cut so the suffix fits in 31', () => {
    expect(uniqueSheetName("Account Health", ["account health"])).toBe("Account Health (2)");
    expect(uniqueSheetName("Account Health", ["Account Health", "Account Health (2)"])).toBe(
      "Account Health (3)"
    );
    const long = "Purchase breakdown — Acme Electrical Ltd";
    expect(uniqueSheetName(long, [])).toBe("Purchase breakdown — Acme Elect");
    expect(uniqueSheetName(long, ["Purchase breakdown — Acme Elect"])).toBe(
      "Purchase breakdown — Acme E (2)"
    );
    expect(uniqueSheetName("a/b\\c?d*e:f[g]h", [])).toBe("a b c d e f g h");
    expect(uniqueSheetName("History", [])).toBe("History (KAP)");
    expect(uniqueSheetName("''", [])).toBe("KAP");
  });

  test("table names are valid Excel names", () => {
    expect(tableNameFrom("KAP Health")).toBe("KAP_Health");
    expect(tableNameFrom("2024 sales")).toBe("T_2024_sales");
    expect(tableNameFrom("A1")).toBe("T_A1");
    expect(tableNameFrom("R1C1")).toBe("T_R1C1");
  });
});

describe("markers", () => {
  const m = (kind: string, subject: string, run: string, name: string) =>
    decodeMarker(encodeMarker({ kind, subject, run, name }));
  test("the original (custom property present) is replaced, even renamed; a copy (name mark only) is the user's", () => {
    const sheets = [
      { name: "Health in October", marker: m("health", "", "r1", "Health"), original: true },
      { name: "Health (2)", marker: m("health", "", "r1", "Health"), original: false },
      { name: "Breakdown", marker: m("breakdown", "A1", "r1", "Breakdown"), original: true },
      { name: "Mine", marker: undefined, original: false },
    ];
    expect(sheetsToReplace(sheets, "health", "")).toEqual(["Health in October"]);
    expect(sheetsToReplace(sheets, "breakdown", "A1")).toEqual(["Breakdown"]);
    expect(sheetsToReplace(sheets, "breakdown", "B2")).toEqual([]);
  });

  test("where the host cannot say which is the original, only the sheet with its written name is replaced", () => {
    const sheets = [
      { name: "Health", marker: m("health", "", "r1", "Health") },
      { name: "Health (2)", marker: m("health", "", "r1", "Health") },
      { name: "Renamed", marker: m("health", "", "r0", "Health") },
    ];
    expect(sheetsToReplace(sheets, "health", "")).toEqual(["Health"]);
  });

  test("the mark is a text constant in a name formula: quotes doubled, under Excel's 255 characters, read back exactly", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 31 }), (subject, name) => {
        const f = markFormula({ kind: "breakdown", subject, run: "abc123", name });
        const inner = /^="((?:[^"]|"")*)"$/s.exec(f)![1].replace(/""/g, '"');
        expect(inner.length).toBeLessThanOrEqual(255);
        const back = markFromFormula(f)!;
        expect(back).toMatchObject({
          kind: "breakdown",
          run: "abc123",
          name,
          subject: subjectKey(subject),
        });
        // a marked sheet is found again for the same subject, however long or odd the subject
        expect(
          sheetsToReplace([{ name, marker: back, original: true }], "breakdown", subject)
        ).toEqual([name]);
      }),
      { numRuns: 300 }
    );
    expect(decodeMarker("not json")).toBeUndefined();
    expect(decodeMarker('{"v":2,"kind":"x","run":"r"}')).toBeUndefined();
    expect(markFromFormula("=A1")).toBeUndefined();
  });
});

describe("spec helpers", () => {
  test("text sparkline scales min..max onto ▁..█", () => {
    // min 0, max 7: each value maps to its own bar
    expect(textSparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe("▁▂▃▄▅▆▇█");
    expect(textSparkline([10, null, 20])).toBe("▁ █");
    expect(textSparkline([5, 5, 5])).toBe("▄▄▄");
    expect(textSparkline([])).toBe("");
  });

  test("money formats follow the source column", () => {
    expect(moneyFormat("[$€-x-euro2] #,##0.00")).toBe("[$€-x-euro2] #,##0.00");
    expect(moneyFormat()).toBe("£#,##0.00;-£#,##0.00");
    expect(moneyFormat("EUR", 0)).toBe("€#,##0;-€#,##0");
    expect(moneyFormat("General")).toBe("£#,##0.00;-£#,##0.00"); // a source column with no money format
    expect(moneyFormat("SEK")).toBe('"SEK "#,##0.00;-"SEK "#,##0.00');
    // an account's own currency wins over the column's single format; without one the format is kept
    expect(
      layoutOptions({ currency: "EUR", sourceMoneyFormat: '"£"#,##0.00', asOf: 0 }).money
    ).toBe("€#,##0;-€#,##0");
    expect(layoutOptions({ currency: "", sourceMoneyFormat: '"£"#,##0.00', asOf: 0 }).money).toBe(
      '"£"#,##0.00'
    );
  });

  test("A1 helpers round-trip", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => colIndex(colLetter(c)) === c));
    expect(colLetter(27)).toBe("AB");
    expect(parseRange("'My sheet'!$B$3:D9")).toEqual({ row: 2, col: 1, rows: 7, cols: 3 });
    expect(rangeA1({ row: 0, col: 0, rows: 1, cols: 1 })).toBe("A1");
  });
});
