/**
 * finishForPrint (src/sheets/print.ts): column widths and row heights for wrapped body text.
 * Widths worked by hand from Calibri's advance widths (1/2048 em, 11 pt at 96 dpi = 14.67 px/em;
 * a column of N characters is 7N + 5 px and a cell pads about 6 px).
 */
import { finishForPrint, cellsOf, cellKey } from "../../src/sheets/print";
import { parseRange, sheet, type SheetSpec } from "../../src/sheets/spec";

const o = { paper: "A4" as const, asOfText: "As of 31/10/2026" };
/** The styles given to cell a1, alone or in a range ("A2:C2" holds A2). */
const styleAt = (s: SheetSpec, a1: string) => {
  const c = parseRange(a1);
  return (s.styles ?? [])
    .filter((x) => {
      const r = parseRange(x.range);
      return c.row >= r.row && c.row < r.row + r.rows && c.col >= r.col && c.col < r.col + r.cols;
    })
    .map((x) => x.style);
};

describe("wrapped body text", () => {
  test("a column that wraps is at least as wide as its longest word (no 'account|s table')", () => {
    // "accounts" = a 981 + c 866 + c 866 + o 1080 + u 1076 + n 1076 + t 686 + s 801 = 7432 units
    // = 7432 / 2048 × 14.67 px = 53.2 px → (53.2 + 6 − 5) / 7 = 7.75 characters (+ 0.75 margin) = 8.5
    const spec = sheet(
      "S",
      "t",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Factor", "Source"],
            ["Recency", "order lines"],
            ["Engagement", "accounts table"],
          ],
          header: true,
        },
      ],
      { widths: [20, 7] }
    );
    const out = finishForPrint(spec, o);
    expect(out.widths![1]).toBeGreaterThanOrEqual(8.5);
  });

  test("a long note in a capped column wraps; its row is tall enough and its neighbours read from the top", () => {
    const long =
      "63% of accounts that buy Cable Ties also buy Electrical, 1.7x the base rate. 17 of 40 comparable accounts buy Electrical.";
    const spec = sheet(
      "S",
      "t",
      "",
      [
        { at: "A1", rows: [["Initiative", "Detail", "From"]], header: true },
        { at: "A2", rows: [["Introduce Electrical", long, "opportunity 1"]] },
      ],
      { widths: [22, 30, 16] }
    );
    const out = finishForPrint(spec, o);
    // 121 characters of about 5.7 px (≈ 690 px) in a 30-character column (215 − 6 px): at least 4 lines of 15 pt
    expect(out.rowHeights![2]).toBeGreaterThanOrEqual(60);
    expect(out.rowHeights![2] % 15).toBe(0);
    expect(styleAt(out, "B2")).toContainEqual({ wrap: true, vAlign: "top" });
    expect(styleAt(out, "A2")).toContainEqual({ vAlign: "top" });
    expect(styleAt(out, "C2")).toContainEqual({ vAlign: "top" });
    // the header row keeps its own (centred) alignment
    expect(styleAt(out, "A1")).toEqual([]);
    expect(cellsOf(out).get(cellKey(0, 0))!.style.vAlign).toBe("center");
  });

  test("one-line rows keep the default alignment", () => {
    const spec = sheet("S", "t", "", [
      {
        at: "A1",
        rows: [
          ["a", "b"],
          ["c", "d"],
        ],
      },
    ]);
    const out = finishForPrint(spec, o);
    expect(out.styles).toEqual([]);
    expect(out.rowHeights).toEqual({ 1: 15, 2: 15 });
  });
});

describe("tidy values (issue 15, item 6)", () => {
  const spec = (currency?: string) =>
    finishForPrint(
      sheet("S", "t", "", [
        {
          at: "A1",
          rows: [
            ["Account", "Revenue", "Share", "Note"],
            ["A", 162.459999999963, 0.123456, ""],
            ["B", 1234.5678, Number.NaN, "x"],
          ],
          header: true,
          formats: [undefined, '"X "#,##0.00', "0%", undefined],
        },
      ]),
      { ...o, currency }
    );
  const body = (s: SheetSpec) => s.blocks[0].rows.slice(1);
  test("money to the minor unit of the sheet's currency; other numbers as they are", () => {
    expect(body(spec("GBP")).map((r) => r[1])).toEqual([162.46, 1234.57]);
    // the yen has no minor unit; the Kuwaiti dinar three decimals (ISO 4217)
    expect(body(spec("JPY")).map((r) => r[1])).toEqual([162, 1235]);
    expect(body(spec("KWD")).map((r) => r[1])).toEqual([162.46, 1234.568]);
    expect(body(spec()).map((r) => r[1])).toEqual([162.46, 1234.57]);
    expect(body(spec("GBP"))[0][2]).toBe(0.123456);
  });
  test('an empty text is a true blank; a number that is not finite reads "n/a"', () => {
    const b = body(spec("GBP"));
    expect(b[0][3]).toBeNull();
    expect(b[1][2]).toBe("n/a");
  });
});

describe("text indented beside a column of figures", () => {
  // "accounts" is 7.75 characters of Calibri 11 (worked above) + 0.75 margin = 8.5; the writers
  // indent text right after a column of figures one step (about 10 px = 1.5 characters), so the
  // same word there needs 8.5 + 1.5 = 10 characters or it breaks mid-word ("Evidenc|e").
  const twoColumns = (first: [string, string | number]) =>
    sheet(
      "S",
      "t",
      "",
      [
        {
          at: "A1",
          rows: [
            [first[0], "Source"],
            [first[1], "accounts"],
          ],
          header: true,
        },
      ],
      { widths: [20, 20] }
    );
  test("the text column is wider by the indent, and only beside figures", () => {
    expect(finishForPrint(twoColumns(["Name", "Acme"]), o).widths![1]).toBe(8.5);
    expect(finishForPrint(twoColumns(["Units", 12]), o).widths![1]).toBe(10);
  });
  test("cellsOf reports the indent the writers give the text column (header too)", () => {
    const cells = cellsOf(twoColumns(["Units", 12]));
    expect(cells.get(cellKey(0, 1))!.style.indent).toBe(1);
    expect(cells.get(cellKey(1, 1))!.style.indent).toBe(1);
    expect(cells.get(cellKey(1, 0))!.style.indent).toBeUndefined();
  });
});

describe("text beside a chart", () => {
  // A table in A–B with a chart drawn over D1:H10; C is a narrow empty gap column.
  const withChart = (text: string) =>
    sheet("C", "t", "", [{ at: "A1", rows: [["What to do"], [text]], header: true }], {
      widths: [40, 3, 3],
      charts: [{ type: "pie", title: "T", data: "J1:K3", from: "D1", to: "H10" }],
    });

  test("text that would spill under the chart gets its own column's width instead (up to the layout's)", () => {
    // 40 characters of text: C's 3 characters of room before the chart are not enough
    const out = finishForPrint(withChart("Keep close: ask for introductions to all"), o);
    expect(out.widths![0]).toBeGreaterThan(30);
    expect(out.widths![0]).toBeLessThanOrEqual(40);
  });

  test("text that fits in the room before the chart still spills and leaves its column narrow", () => {
    const out = finishForPrint(withChart("Ok"), o);
    expect(out.widths![0]).toBeLessThan(12);
  });
});

describe("table headers", () => {
  test("a header over narrow figures wraps to two lines at most, not one word a line", () => {
    // "Avg units per order" over one-digit figures: wrapped to its longest word ("units", 5.2
    // characters) it took four lines. Bold Calibri 11, 1/2048 em × 14.67 px × 1.05:
    // "Avg units" = A 1185 + v 925 + g 964 + space 463 + u 1076 + n 1076 + i 470 + t 686 + s 801
    //   = 7646 units = 57.5 px → (57.5 + 1) / 7 = 8.4 characters;
    // "per order" = p 1076 + e 1019 + r 714 + space 463 + o 1080 + r 714 + d 1076 + e 1019 + r 714
    //   = 7875 units = 59.2 px → 8.6 characters: two lines need 8.6 + 0.75 margin = 9.35, written
    //   in quarters of a character: 9.25 (7 × 9.25 + 5 = 69.75 px: 59.2 px of text and 6 px of padding fit).
    const spec = sheet(
      "S",
      "t",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Product", "Avg units per order"],
            ["Cable ties", 3],
          ],
          header: true,
        },
      ],
      { widths: [20, 16] }
    );
    const out = finishForPrint(spec, o);
    expect(out.widths![1]).toBeGreaterThanOrEqual(9.25);
    expect(out.widths![1]).toBeLessThanOrEqual(10.5);
  });

  test("the layout's width still caps a header: a 6-character column keeps its width", () => {
    const spec = sheet(
      "S",
      "t",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Product", "Avg units per order"],
            ["Cable ties", 3],
          ],
          header: true,
        },
      ],
      { widths: [20, 6] }
    );
    expect(finishForPrint(spec, o).widths![1]).toBeLessThanOrEqual(6);
  });
});
