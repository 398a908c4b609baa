/**
 * The .xlsx sheet and shared-strings scanners (src/cli/xlsxReader.ts) against parts generated here: each cell
 * written in one of the forms Excel, ExcelJS, LibreOffice, openpyxl, SheetJS or an ERP's exporter use
 * (attributes in either order, extra attributes, pretty-printed XML), the XML cut
 * into chunks anywhere (an element may end in the next chunk), and the rows expected worked
 * out from the generated values, not from the scanner.
 */
import fc from "fast-check";
import {
  ChunkScanner,
  PrefixStripper,
  SheetScanner,
  sharedStringsIn,
} from "../../src/cli/xlsxReader";
import type { Cell } from "../../src/ingest/grid";

const SHARED = ["Customer", "Acme & Co", "Bolt Ltd", "FX-8", "Fixings"];

type Written =
  | { kind: "number"; value: number; text: string; style: boolean }
  | { kind: "shared"; index: number; style: boolean }
  | { kind: "inline"; text: string }
  | { kind: "formulaText"; text: string }
  | { kind: "formulaNumber"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "error" }
  | { kind: "blank" }
  // forms seen from other writers (LibreOffice, openpyxl, ExcelJS, SheetJS)
  | { kind: "typedNumber"; value: number; text: string }
  | { kind: "sharedFormula"; value: number; master: boolean }
  | { kind: "formulaNoValue"; selfClosingV: boolean }
  | { kind: "emptyCell" }
  | { kind: "richInline"; a: string; b: string }
  | { kind: "isoDate"; text: string };

const numberCell = fc.oneof(
  fc.integer({ min: -99999, max: 99999 }).map((v) => ({ value: v, text: String(v) })),
  fc
    .tuple(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: 1, max: 4 }))
    .map(([units, places]) => {
      const value = units / 10 ** places;
      return { value, text: String(value) };
    }),
  fc.constant({ value: 0.0015, text: "1.5E-3" })
);
const text = fc.stringMatching(/^[A-Za-z0-9 ,.&<>-]{1,12}$/);
const written: fc.Arbitrary<Written> = fc.oneof(
  fc
    .tuple(numberCell, fc.boolean())
    .map(([n, style]) => ({ kind: "number" as const, ...n, style })),
  fc
    .tuple(fc.integer({ min: 0, max: SHARED.length - 1 }), fc.boolean())
    .map(([index, style]) => ({ kind: "shared" as const, index, style })),
  text.map((t) => ({ kind: "inline" as const, text: t })),
  text.map((t) => ({ kind: "formulaText" as const, text: t })),
  fc.integer({ min: 0, max: 500 }).map((value) => ({ kind: "formulaNumber" as const, value })),
  fc.boolean().map((value) => ({ kind: "boolean" as const, value })),
  fc.constant({ kind: "error" as const }),
  fc.constant({ kind: "blank" as const }),
  numberCell.map((n) => ({ kind: "typedNumber" as const, ...n })),
  fc
    .tuple(fc.integer({ min: -500, max: 500 }), fc.boolean())
    .map(([value, master]) => ({ kind: "sharedFormula" as const, value, master })),
  fc.boolean().map((selfClosingV) => ({ kind: "formulaNoValue" as const, selfClosingV })),
  fc.constant({ kind: "emptyCell" as const }),
  fc.tuple(text, text).map(([a, b]) => ({ kind: "richInline" as const, a, b })),
  fc
    .date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
    .map((d) => ({ kind: "isoDate" as const, text: d.toISOString() }))
);

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const letters = (col: number): string =>
  col < 26 ? String.fromCharCode(65 + col) : letters(Math.floor(col / 26) - 1) + letters(col % 26);

/**
 * How a writer lays out a cell: attribute order (r, s, t as Excel writes them, or t first),
 * an extra attribute (cm="1" of a dynamic-array formula, ph="1"), and, pretty-printed, the
 * value on a line of its own.
 */
interface Layout {
  tFirst: boolean;
  extra: string;
  pretty: boolean;
}
const layout: fc.Arbitrary<Layout> = fc.record({
  tFirst: fc.boolean(),
  extra: fc.constantFrom("", "", "", ' cm="1"', ' ph="1"'),
  pretty: fc.boolean(),
});

function cellXml(w: Written, ref: string | undefined, how?: Layout): string {
  const xml = cellXmlAsExcel(w, ref);
  if (!how) return xml;
  let out = xml;
  if (how.tFirst) {
    // <c r="B2" s="1" t="s"> → <c t="s" r="B2" s="1">
    out = out.replace(/^<c((?: [rs]="[^"]*")*) (t="[^"]*")/, "<c $2$1");
  }
  if (how.extra) out = out.replace(/^<c/, `<c${how.extra}`);
  if (how.pretty && !out.endsWith("/>")) {
    // <c …>\n    <v>…</v>\n  </c>
    out = out.replace(/^(<c[^>]*>)([\s\S]*)<\/c>$/, "$1\n    $2\n  </c>");
  }
  return out;
}

function cellXmlAsExcel(w: Written, ref: string | undefined): string {
  const r = ref ? ` r="${ref}"` : "";
  switch (w.kind) {
    case "number":
      return `<c${r}${w.style ? ' s="2"' : ""}><v>${w.text}</v></c>`;
    case "shared":
      return `<c${r}${w.style ? ' s="1"' : ""} t="s"><v>${w.index}</v></c>`;
    case "inline":
      return `<c${r} t="inlineStr"><is><t xml:space="preserve">${escape(w.text)}</t></is></c>`;
    case "formulaText":
      return `<c${r} t="str"><f>A1&amp;"x"</f><v>${escape(w.text)}</v></c>`;
    case "formulaNumber":
      return `<c${r}><f>SUM(A1:A2)</f><v>${w.value}</v></c>`;
    case "boolean":
      return `<c${r} t="b"><v>${w.value ? 1 : 0}</v></c>`;
    case "error":
      return `<c${r} t="e"><v>#DIV/0!</v></c>`;
    case "blank":
      return `<c${r} s="1"/>`;
    case "typedNumber":
      // LibreOffice: t="n", and a formula marked aca="false"
      return `<c${r} s="2" t="n"><f aca="false">B1/2</f><v>${w.text}</v></c>`;
    case "sharedFormula":
      return w.master
        ? `<c${r}><f t="shared" ref="J6:J2995" si="1">H6*I6</f><v>${w.value}</v></c>`
        : `<c${r}><f t="shared" si="1"/><v>${w.value}</v></c>`;
    case "formulaNoValue":
      // openpyxl writes formulas without a cached result
      return `<c${r}><f>H4*I4</f>${w.selfClosingV ? "<v />" : ""}</c>`;
    case "emptyCell":
      return `<c${r} s="3"></c>`;
    case "richInline":
      return `<c${r} t="inlineStr"><is><r><t>${escape(w.a)}</t></r><r><rPr><b val="1" /></rPr><t>${escape(w.b)}</t></r></is></c>`;
    case "isoDate":
      // SheetJS with cellDates: the date as ISO text, which is what is read
      return `<c${r} s="1" t="d"><v>${w.text}</v></c>`;
  }
}

function valueOf(w: Written): Cell {
  switch (w.kind) {
    case "number":
    case "formulaNumber":
    case "typedNumber":
    case "sharedFormula":
      return w.value;
    case "richInline":
      return w.a + w.b;
    case "isoDate":
      return w.text;
    case "shared":
      return SHARED[w.index];
    case "inline":
    case "formulaText":
      return w.text;
    case "boolean":
      return w.value;
    case "error":
      return "#DIV/0!"; // Excel's error as range.values gives it
    default:
      return null;
  }
}

/** A sheet: rows at increasing row numbers (gaps left out of the file), cells at increasing columns. */
const sheet = fc.array(
  fc.record({
    gap: fc.integer({ min: 0, max: 2 }),
    withR: fc.boolean(),
    // Excel (r, spans, x14ac), LibreOffice (r, then its many attributes), r after other attributes
    rowStyle: fc.constantFrom(0, 1, 2),
    // cells on lines of their own, indented (an exporter's pretty-printed XML)
    indent: fc.boolean(),
    cells: fc.array(
      fc.record({
        skip: fc.integer({ min: 0, max: 2 }),
        w: written,
        how: fc.option(layout, { nil: undefined }),
      }),
      { maxLength: 8 }
    ),
  }),
  { maxLength: 12 }
);

/**
 * The part as the Open XML SDK writes it: every element under the prefix x:, bound on the root
 * element to SpreadsheetML's namespace, after an XML declaration.
 */
function withPrefix(xml: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    xml
      .replace(/<(\/?)([A-Za-z])/g, "<$1x:$2")
      .replace(
        /^<x:(\w+)/,
        '<x:$1 xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
      )
  );
}

/** The part's chunks as the reader scans them: through a PrefixStripper, then joined. */
function scanAll(xml: string, cuts: number[]): { rows: Cell[][]; ids: number[][] } {
  const bytes = Buffer.from(xml, "utf8");
  const scanner = new SheetScanner(SHARED, [], undefined, false, true, () => undefined);
  const chunks = new ChunkScanner();
  const strip = new PrefixStripper();
  const rows: Cell[][] = [];
  const ids: number[][] = [];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length]) {
    if (cut <= from) continue;
    const n = chunks.add(strip.push(bytes.subarray(from, cut)));
    const block = scanner.block(chunks.buf, n);
    chunks.keep(scanner.at, n);
    rows.push(...block.rows);
    ids.push(...block.sharedIds);
    from = cut;
  }
  return { rows, ids };
}

test("rows come out as written, however the XML is cut into chunks", () => {
  fc.assert(
    fc.property(
      sheet,
      fc.array(fc.integer({ min: 1, max: 4000 }), { maxLength: 30 }),
      fc.boolean(),
      (rows, cuts, prefixed) => {
        const expected: Cell[][] = [];
        const expectedIds: number[][] = [];
        let xml = '<worksheet><dimension ref="A1:Z9"/><sheetData>';
        let rowNo = 0;
        for (const row of rows) {
          // rows left out of the file come as empty rows (row numbers kept)
          for (let g = 0; g < row.gap; g++) {
            expected.push([]);
            expectedIds.push([]);
          }
          rowNo += row.gap + 1;
          const values: Cell[] = [];
          const ids: number[] = [];
          let cellsXml = "";
          let col = 0;
          for (const { skip, w, how } of row.cells) {
            // a cell without r="…" takes the next column, so only cells with r can skip
            const withRef = row.withR || skip === 0;
            const at = withRef ? col + skip : col;
            while (values.length < at) {
              values.push(null);
              ids.push(-1);
            }
            values.push(valueOf(w));
            ids.push(w.kind === "shared" ? w.index : -1);
            if (row.indent) cellsXml += "\n    ";
            cellsXml += cellXml(w, withRef ? `${letters(at)}${rowNo}` : undefined, how);
            col = at + 1;
          }
          expected.push(values);
          expectedIds.push(ids);
          const attrs = !row.withR
            ? ""
            : [
                ` r="${rowNo}" spans="1:9" x14ac:dyDescent="0.25"`,
                ` r="${rowNo}" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"`,
                ` spans="1:9" r="${rowNo}"`,
              ][row.rowStyle];
          if (row.indent) cellsXml += "\n  ";
          xml +=
            row.cells.length === 0 && row.withR
              ? `<row${attrs}/>`
              : `<row${attrs}>${cellsXml}</row>`;
          if (row.indent) xml += "\n  ";
          if (!row.withR) {
            // a row without r="…" is the next row: the gap is not there in the file
            expected.splice(expected.length - 1 - row.gap, row.gap);
            expectedIds.splice(expectedIds.length - 1 - row.gap, row.gap);
            rowNo -= row.gap;
          }
        }
        xml += "</sheetData></worksheet>";
        const got = scanAll(
          prefixed ? withPrefix(xml) : xml,
          cuts.sort((a, b) => a - b)
        );
        expect(got.rows).toEqual(expected);
        expect(got.ids).toEqual(expectedIds);
      }
    ),
    { numRuns: 3000 }
  );
});

test("a cell cut anywhere, one byte per chunk, still reads whole", () => {
  const xml =
    '<sheetData><row r="1"><c r="A1" s="1" t="s"><v>1</v></c><c r="C1" s="2"><v>-2.79</v></c>' +
    '<c r="D1" t="inlineStr"><is><t>R&amp;D</t></is></c><c r="E1" t="b"><v>1</v></c></row>' +
    '<row r="3"><c r="B3"><f>A1*2</f><v>12.5</v></c><c r="C3" t="str"><v>a &lt; b</v></c>' +
    // a reference without column letters: the next column
    '<c r="7"><v>3</v></c></row></sheetData>';
  const everyByte = Array.from({ length: Buffer.byteLength(xml) }, (_, i) => i + 1);
  const { rows } = scanAll(xml, everyByte);
  expect(rows).toEqual([["Acme & Co", null, -2.79, "R&D", true], [], [null, 12.5, "a < b", 3]]);
  // the same under the x: prefix, cut at every byte (in the declaration and the root tag too)
  const prefixed = withPrefix(`<worksheet>${xml}</worksheet>`);
  const everyPrefixedByte = Array.from({ length: Buffer.byteLength(prefixed) }, (_, i) => i + 1);
  expect(scanAll(prefixed, everyPrefixedByte).rows).toEqual(rows);
});

/** Shared-string items as Excel and other writers put them, with the text each stands for. */
const ITEMS: [string, string][] = [
  ["<si><t>Invoice Date</t></si>", "Invoice Date"],
  ["<si><t>Müller GmbH</t></si>", "Müller GmbH"],
  ["<si><t>R&amp;D &lt;lab&gt;</t></si>", "R&D <lab>"],
  ['<si><t xml:space="preserve"> padded </t></si>', " padded "],
  ["<si><t>line_x000D_break</t></si>", "line\rbreak"],
  ["<si><t>snake_case_id</t></si>", "snake_case_id"],
  ["<si><r><t>Acme </t></r><r><rPr><b/></rPr><t>Ltd</t></r></si>", "Acme Ltd"],
  ['<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>', "東京"],
  ["<si/>", ""],
  ["<si><t/></si>", ""],
  // an empty item as Python's ElementTree writes it, and one with an attribute-like space
  ["<si />", ""],
  ["<si ></si>", ""],
  // LibreOffice: every item's run with xml:space, rich runs with fonts
  [
    '<si><r><rPr><sz val="11"/><rFont val="Calibri"/><family val="2"/><charset val="1"/></rPr><t xml:space="preserve">Unit </t></r><r><rPr><b val="true"/><sz val="11"/></rPr><t xml:space="preserve">Price</t></r></si>',
    "Unit Price",
  ],
  // Excel with Japanese: phonetic properties after the run
  ['<si><t>大阪</t><phoneticPr fontId="1"/></si>', "大阪"],
  // pretty-printed, 4-byte UTF-8, character references
  ["<si>\n  <t>Emoji 😀 Supplies</t>\n</si>", "Emoji 😀 Supplies"],
  ["<si><t>Caf&#233; &#x00C9;conomique</t></si>", "Café Économique"],
];

function sharedStrings(xml: string, cuts: number[]): string[] {
  const bytes = Buffer.from(xml, "utf8");
  const chunks = new ChunkScanner();
  const strip = new PrefixStripper();
  const sst: string[] = [];
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length]) {
    if (cut <= from) continue;
    const n = chunks.add(strip.push(bytes.subarray(from, cut)));
    chunks.keep(sharedStringsIn(chunks.buf.subarray(0, n), sst), n);
    from = cut;
  }
  return sst;
}

test("shared strings come out as written, however the part is cut into chunks", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: ITEMS.length - 1 }), { maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 2000 }), { maxLength: 30 }),
      fc.boolean(),
      (picks, cuts, prefixed) => {
        const part =
          '<sst count="9" uniqueCount="9">' + picks.map((i) => ITEMS[i][0]).join("") + "</sst>";
        expect(
          sharedStrings(
            prefixed ? withPrefix(part) : '<?xml version="1.0"?>' + part,
            cuts.sort((a, b) => a - b)
          )
        ).toEqual(picks.map((i) => ITEMS[i][1]));
      }
    ),
    { numRuns: 2000 }
  );
  const all = ITEMS.map(([x]) => x).join("");
  const everyByte = Array.from({ length: Buffer.byteLength(all) }, (_, i) => i + 1);
  expect(sharedStrings(all, everyByte)).toEqual(ITEMS.map(([, t]) => t));
  const prefixed = withPrefix(`<sst>${all}</sst>`);
  const everyPrefixedByte = Array.from({ length: Buffer.byteLength(prefixed) }, (_, i) => i + 1);
  expect(sharedStrings(prefixed, everyPrefixedByte)).toEqual(ITEMS.map(([, t]) => t));
});
