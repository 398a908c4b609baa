import fc from "fast-check";
import {
  cultureDecimal,
  fileDecimal,
  inferNumberConvention,
  numberEvidence,
  parseNumberCell,
  parseNumberText,
  readNumberText,
} from "../../src/ingest/numbers";
import { orderNumberConventions } from "../../src/ingest/plausible";
import type { Cell } from "../../src/ingest/grid";
import type { ColumnMapping } from "../../src/ingest/detect";

describe("parseNumberText under a known decimal mark", () => {
  it.each<[string, "," | ".", number, string | undefined]>([
    ["1.200", ",", 1200, undefined],
    ["1.200", ".", 1.2, undefined],
    ["1,250", ",", 1.25, undefined],
    ["1,250", ".", 1250, undefined],
    ["0,035 €", ",", 0.035, "EUR"],
    ["4,50-", ",", -4.5, undefined],
    ["4.50-", ".", -4.5, undefined],
    ["(1 200,00 €)", ",", -1200, "EUR"],
    ["1\u00a0234\u00a0567,89", ",", 1234567.89, undefined],
    ["1\u202f234,5", ",", 1234.5, undefined],
    ["CHF 1'234.50", ".", 1234.5, "CHF"],
    ["Fr. 1'234.50", ".", 1234.5, "CHF"],
    ["SFr. 45.00", ".", 45, "CHF"],
    ["45.00 Fr.", ".", 45, "CHF"],
    ["Fr 45.00", ".", 45, "CHF"],
    ["45.00 Fr", ".", 45, "CHF"],
    ["Fr. -1'234.50", ".", -1234.5, "CHF"],
    ["Rs. 1,234.50", ".", 1234.5, "INR"],
    ["Rs 1,234", ".", 1234, "INR"],
    ["R 1 234,50", ",", 1234.5, "ZAR"],
    ["R1,234.50", ".", 1234.5, "ZAR"],
    ["R$ 1.234,50", ",", 1234.5, "BRL"],
    ["￥1,000", ".", 1000, "JPY"],
    ["R 45", ".", 45, "ZAR"],
    ["1’234.50", ".", 1234.5, undefined],
    ["€ -2.500,75", ",", -2500.75, "EUR"],
    ["2.500,75 EUR", ",", 2500.75, "EUR"],
    ["£1,234,567.89", ".", 1234567.89, "GBP"],
    ["120.00 CR", ".", -120, undefined],
    [",5", ",", 0.5, undefined],
    [".5", ".", 0.5, undefined],
    ["7", ",", 7, undefined],
    ["-0,00", ",", 0, undefined],
  ])('%s with decimal "%s" → %d %s', (text, d, value, currency) => {
    const r = parseNumberText(text, d)!;
    expect(r.value).toBeCloseTo(value, 10);
    expect(Object.is(r.value, -0)).toBe(false);
    expect(r.currency).toBe(currency);
  });

  it.each<[string, "," | "."]>([
    ["1,234.50", ","], // a point after a comma is no number under the decimal comma
    ["1.234,50", "."],
    ["0,035", "."], // "0" is never a thousands group
    ["1,2,3", "."],
    ["12,345,67", "."], // groups are threes (or, the Indian way, pairs then three last: "12,34,567")
    ["12abc", ","],
    ["", ","],
    ["--", "."],
    ["€", ","],
  ])('%s is not a number under decimal "%s"', (text, d) =>
    expect(parseNumberText(text, d)).toBeUndefined()
  );
});

describe("numberEvidence: what one cell proves", () => {
  it.each([
    ["2,49", "comma"],
    ["0,035 €", "comma"], // 0,035 can never be a thousands group
    [",035", "comma"],
    ["1234,567", "comma"], // a four-digit group is no thousands group
    ["1.234.567", "comma"],
    ["1.234,56", "comma"],
    ["12.5", "point"],
    ["0.125", "point"],
    ["1,234,567", "point"],
    ["1,234.56", "point"],
    ["1,250", "ambiguous"],
    ["1.200", "ambiguous"],
    ["£999.000", "ambiguous"],
    ["1200", "neutral"],
    ["1 200", "neutral"],
    ["abc", "unreadable"],
  ])("%s → %s", (text, want) => expect(numberEvidence(text)).toBe(want));
  it("numbers from Excel prove nothing", () => expect(numberEvidence(1.25)).toBe("neutral"));
});

describe("inferNumberConvention: per column, never per cell", () => {
  it("a column holding 2,49 settles 1,250 as one and a quarter", () => {
    const c = inferNumberConvention(["1,250 €", "2,49 €"]);
    expect(c).toMatchObject({ decimal: ",", source: "data", commaEvidence: 1, ambiguous: 1 });
    expect(parseNumberText("1,250 €", c)!.value).toBe(1.25);
  });
  it("a column holding 1,234.50 settles 1,250 as twelve hundred and fifty", () => {
    const c = inferNumberConvention(["1,250", "1,234.50", 17]);
    expect(c).toMatchObject({ decimal: ".", source: "data" });
    expect(parseNumberText("1,250", c)!.value).toBe(1250);
  });
  it("an ambiguous column follows the file, then the culture; else it is the default and must be reported", () => {
    const cells = ["1.200", "2.500", "500"];
    expect(inferNumberConvention(cells, undefined, ",")).toMatchObject({
      decimal: ",",
      source: "file",
      ambiguous: 2,
      example: "1.200",
    });
    expect(inferNumberConvention(cells, "de-DE")).toMatchObject({
      decimal: ",",
      source: "culture",
    });
    expect(inferNumberConvention(cells, { name: "en-GB", decimalSeparator: "," })).toMatchObject({
      decimal: ",",
      source: "culture",
    });
    expect(inferNumberConvention(cells, "en-GB")).toMatchObject({
      decimal: ".",
      source: "culture",
    });
    expect(inferNumberConvention(cells)).toMatchObject({
      decimal: ".",
      source: "default",
      ambiguous: 2,
      example: "1.200",
    });
  });
  it("a column that proves both conventions takes the majority and names a cell of the other", () => {
    const c = inferNumberConvention(["2,49", "3,10", "1,234.50"]);
    expect(c).toMatchObject({
      decimal: ",",
      source: "data",
      commaEvidence: 2,
      pointEvidence: 1,
      conflictExample: "1,234.50",
    });
  });
  it("plain numbers need no convention", () => {
    expect(inferNumberConvention([1, 2.5, "300", null])).toMatchObject({
      decimal: ".",
      source: "default",
      ambiguous: 0,
    });
  });
  it("fileDecimal: the proving columns of a file agree, or say nothing", () => {
    const price = inferNumberConvention(["0,035 €", "2,49 €"]);
    const qty = inferNumberConvention(["1.200", "500"]);
    expect(fileDecimal([price, qty])).toBe(",");
    expect(fileDecimal([price, inferNumberConvention(["1.5"])])).toBeUndefined();
    expect(fileDecimal([qty])).toBeUndefined();
  });
});

describe("orderNumberConventions: each number column of the order rows", () => {
  const mapping: Pick<ColumnMapping, "fields"> = {
    fields: [
      { field: "quantity", column: 1, header: "Qty", confidence: 1 },
      { field: "unitPrice", column: 2, header: "Price", confidence: 1 },
      { field: "revenue", column: 3, header: "Total", confidence: 1 },
    ],
  };
  // numbers from the reader say nothing; only text cells prove a decimal mark
  const rows: Cell[][] = [
    ["A", 3, "1.200", 3600],
    ["B", "2", 5, "2,49"],
    ["C", 4, "2.500", "1,234"],
    ["D", "500", "7", 20],
  ];
  it("reads each column's text cells in row order, and the file's proof settles the ambiguous", () => {
    const c = orderNumberConventions(mapping, rows);
    // worked by hand: Total's "2,49" proves the comma ("1,234" reads both ways); Price's
    // "1.200" and "2.500" read both ways, so the file's comma settles them; Qty has no text
    // that proves anything, and follows the file too
    expect(c.revenue).toMatchObject({
      decimal: ",",
      source: "data",
      commaEvidence: 1,
      ambiguous: 1,
      example: "1,234",
    });
    expect(c.unitPrice).toMatchObject({
      decimal: ",",
      source: "file",
      ambiguous: 2,
      example: "1.200",
    });
    expect(c.quantity).toMatchObject({ decimal: ",", source: "file", ambiguous: 0 });
  });
  it("with no proof anywhere: the culture, else the point, and a semicolon file's comma", () => {
    const plain = rows.map((r) => [r[0], r[1], r[2], 1]);
    expect(orderNumberConventions(mapping, plain).unitPrice).toMatchObject({
      decimal: ".",
      source: "default",
      ambiguous: 2,
    });
    expect(orderNumberConventions(mapping, plain, "de-DE").unitPrice).toMatchObject({
      decimal: ",",
      source: "culture",
    });
    expect(orderNumberConventions(mapping, plain, undefined, ";").quantity).toMatchObject({
      decimal: ",",
      source: "delimiter",
    });
  });
});

describe("cultureDecimal", () => {
  it.each<[string, "," | "." | undefined]>([
    ["de-DE", ","],
    ["fr_FR", ","],
    ["de-CH", "."],
    ["en-GB", "."],
    ["en-US", "."],
    ["pt-BR", ","],
    ["es-MX", "."],
    ["en-ZA", ","],
    ["ja-JP", "."],
    ["", undefined],
  ])("%s → %s", (c, want) => expect(cultureDecimal(c)).toBe(want));
  it("Excel's own decimal separator wins over the name", () =>
    expect(cultureDecimal({ name: "de-DE", decimalSeparator: "." })).toBe("."));
});

describe("property: a column written in either convention reads back exactly", () => {
  const written = (cents: number, d: "," | ".", group: string) => {
    const abs = Math.abs(cents);
    const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return `${units}${d}${String(abs % 100).padStart(2, "0")}${cents < 0 ? "-" : ""}`;
  };
  it("with the other mark, a space, a no-break space or an apostrophe as the thousands group", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -99_999_999, max: 99_999_999 }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.constantFrom<"," | ".">(",", "."),
        fc.constantFrom("other", " ", "\u00a0", "'"),
        (cents, d, g) => {
          const group = g === "other" ? (d === "," ? "." : ",") : g;
          const cells = cents.map((c) => written(c, d, group));
          const conv = inferNumberConvention(cells);
          // two decimals always prove the mark
          return (
            conv.decimal === d &&
            conv.source === "data" &&
            cells.every((t, i) => Math.round(parseNumberText(t, conv)!.value * 100) === cents[i])
          );
        }
      )
    );
  });
  it("parseNumberCell reads lone cells by their own evidence, ambiguous ones with the point", () => {
    expect(parseNumberCell("12,50")!.value).toBe(12.5);
    expect(parseNumberCell("1,200")!.value).toBe(1200);
    expect(parseNumberCell("1,200", ",")!.value).toBe(1.2);
    expect(parseNumberCell("1.234,56 €")).toEqual({ value: 1234.56, currency: "EUR" });
  });
});

describe("readNumberText: one argument's text under the workbook's decimal mark (the worksheet functions)", () => {
  it.each<[string, "," | "." | undefined, unknown]>([
    // decimal-comma workbook
    ["2,5", ",", { kind: "number", value: 2.5 }],
    ["45,0", ",", { kind: "number", value: 45 }],
    ["1.250,00 €", ",", { kind: "number", value: 1250 }],
    ["1.250", ",", { kind: "number", value: 1250 }], // a thousands dot
    ["12,5%", ",", { kind: "number", value: 0.125 }],
    ["4,50-", ",", { kind: "number", value: -4.5 }],
    ["1,234.50", ",", { kind: "otherMark", value: 1234.5 }], // a point number in a comma workbook
    // decimal-point workbook
    ["2,5", ".", { kind: "otherMark", value: 2.5 }], // never 25
    ["45,0", ".", { kind: "otherMark", value: 45 }], // never 450
    ["1,250", ".", { kind: "number", value: 1250 }],
    ["£1,250.00", ".", { kind: "number", value: 1250 }],
    ["(120.00)", ".", { kind: "number", value: -120 }],
    ["-15%", ".", { kind: "number", value: -0.15 }],
    ["12abc", ".", { kind: "notNumber" }],
    // culture unknown: the text's own evidence, else ambiguous
    ["2,5", undefined, { kind: "number", value: 2.5 }],
    ["0,035", undefined, { kind: "number", value: 0.035 }], // "0" is no thousands group
    ["1,234.50", undefined, { kind: "number", value: 1234.5 }],
    ["1,250", undefined, { kind: "ambiguous", point: 1250, comma: 1.25 }],
    ["1.200", undefined, { kind: "ambiguous", point: 1.2, comma: 1200 }],
    ["20", undefined, { kind: "number", value: 20 }],
    ["n/a", undefined, { kind: "notNumber" }],
  ])("%s with decimal %s", (text, mark, expected) => {
    expect(readNumberText(text, mark)).toEqual(expected);
  });

  it("reads a column's cell exactly as parseNumberText does under the same mark", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9_999_999, max: 9_999_999 }),
        fc.constantFrom<"," | ".">(",", "."),
        (cents, mark) => {
          const g = mark === "." ? "," : ".";
          const whole = String(Math.floor(Math.abs(cents) / 100)).replace(
            /\B(?=(\d{3})+(?!\d))/g,
            g
          );
          const text = `${cents < 0 ? "-" : ""}${whole}${mark}${String(Math.abs(cents) % 100).padStart(2, "0")}`;
          expect(readNumberText(text, mark)).toEqual({
            kind: "number",
            value: parseNumberText(text, mark)!.value,
          });
          expect(parseNumberText(text, mark)!.value).toBeCloseTo(cents / 100, 9);
        }
      )
    );
  });
});

test('an id such as "R1042" or "R001" is no rand amount', () => {
  expect(parseNumberText("R1042", ".")).toBeUndefined();
  expect(parseNumberText("R001", ".")).toBeUndefined();
  expect(parseNumberText("Rs", ".")).toBeUndefined();
});
