/**
 * Print-ready sheets (RULES.md §2.10): every SheetSpec a layout makes passes through
 * finishForPrint before a writer draws it, so the pane's sheets and the CLI's files print alike.
 *
 * - Paper from the culture: A4, Letter where Letter is the norm (paperFor).
 * - Header: the sheet's title (and account) left, "As of 31/10/2026" (in the culture's way) right; footer: "KAP" left,
 *   "Page n of m" right. One page wide; landscape when the printed columns are wider than a
 *   portrait page; print titles as the layout set them.
 * - Column widths from the content (the widest value that cannot spill into an empty neighbour),
 *   capped by the layout's width for the column (DEFAULT_CAP when it gave none).
 * - One page wide at MIN_PRINT_SCALE or more: a wider sheet narrows the empty columns under its
 *   charts, then its widest text columns (narrowToPage); a sheet with charts prints A1 to their end.
 * - A table (with its heading) or a chart that a page break would split starts a new page when it fits on one
 *   (manual row breaks, page.rowBreaks); a longer one when its header and first rows would not fit.
 * - Text wider than its column wraps, and its row gets a height that holds the lines; a heading
 *   or note longer than the printed width wraps across the empty cells to its right (merged).
 * Estimates come from ./measure (Calibri metrics, as Excel and LibreOffice's Carlito lay out).
 */
import { roundMoney } from "../domain/currency";
import { CELL_TEXT_MAX, cutText } from "./cellLimits";
import { formatText, isMoneyFormatText } from "./formatText";
import { charsFor, DEFAULT_FONT_SIZE, rowHeightFor, wrappedLines } from "./measure";
import { repeatHeaders } from "./repeatHeaders";
import {
  blockRange,
  formatAt,
  colLetter,
  FORMATS,
  gapColumns,
  isDate,
  isFormula,
  KAP_FOOTER,
  parseRange,
  resolveStyle,
  type CellStyle,
  type CellValue,
  type PaperSize,
  type RangePos,
  type SheetSpec,
} from "./spec";

/** A column the layout gave no width gets at most this many characters. */
export const DEFAULT_CAP = 50;
/** A column widens past its cap for its longest word up to this many characters (longer words break). */
const MAX_WORD = 24;
/** Characters one step of indent takes (Excel: about 10 pixels; Calibri 11's digit is 7). */
const INDENT_CHARS = 1.5;
/** Narrowest column finishForPrint makes. */
const MIN_WIDTH = 4;
/** Printable width (characters of Calibri 11) of a portrait page with 0.7-inch margins (A4 and Letter alike, rounded down). */
const PORTRAIT_CHARS = 92;

/** Regions whose paper is Letter (the US, Canada, Mexico, the Philippines, Chile, Colombia, Venezuela…). */
const LETTER_REGIONS = new Set([
  "US",
  "CA",
  "MX",
  "PH",
  "CL",
  "CO",
  "VE",
  "PR",
  "GT",
  "CR",
  "PA",
  "DO",
  "SV",
  "NI",
  "HN",
  "BO",
]);
/** Currencies of those regions: the data's currency decides when no culture is known (the CLI). */
const LETTER_CURRENCIES = new Set(["USD", "CAD", "MXN", "PHP", "CLP", "COP"]);

/**
 * Paper for a culture ("en-US" → Letter, "en-GB" → A4); without a culture, the data's currency
 * (USD, CAD, MXN… → Letter); else A4.
 */
export function paperFor(culture?: string, currency?: string): PaperSize {
  const region = culture ? /[-_]([A-Za-z]{2})\b/.exec(culture)?.[1]?.toUpperCase() : undefined;
  if (region) return LETTER_REGIONS.has(region) ? "Letter" : "A4";
  if (culture && /^en$/i.test(culture)) return "Letter";
  return currency && LETTER_CURRENCIES.has(currency.toUpperCase()) ? "Letter" : "A4";
}

export interface PrintOptions {
  paper: PaperSize;
  /** ISO code of the money on the sheet (its minor unit rounds money cells: 0 decimals for JPY, 3 for KWD); default 2 decimals. */
  currency?: string;
  /** "As of 31/10/2026" */
  asOfText: string;
}

/** One written cell as the writers will style it. */
export interface SheetCell {
  row: number;
  col: number;
  value: CellValue;
  format: string | undefined;
  style: CellStyle;
  /** in a header row (a header wraps to two lines rather than widen its column to one) */
  header?: boolean;
}

/** A cell as finishForPrint reads it: its shown text, one-line width and whether it spills, worked out once. */
interface PrintCell extends SheetCell {
  text: string | undefined;
  spill: boolean | undefined;
  /** characters its widest line takes (-1 until measured) */
  line: number;
}

/** The tallest row Excel allows, in points ("Excel specifications and limits": row height 409 points). */
export const MAX_ROW_POINTS = 409;
/**
 * The tallest a row grows for its wrapped text: 12 lines of 11-point type (a recommendation's Why runs to 11). A longer text (a note
 * of thousands of characters) made its row 409 points, most of a page, and still showed only a
 * part: its row stops here, the text starts at the top, and the whole wording is in the cell and
 * in a note on it (SheetSpec.cellNotes).
 */
export const MAX_WRAPPED_ROW_POINTS = 180;

/** Columns a sheet can have (Excel's XFD): a cell's key in cellsOf is row × MAX_COLS + col. */
const MAX_COLS = 16_384;

/** The key of cell (r, c) in cellsOf's map: a number, not a "r,c" string (millions on a 50,000-account sheet). */
export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}

/** Every written cell of a spec with its resolved style, in the writers' order (block, header, total, range styles); keyed by cellKey. */
export function cellsOf(spec: SheetSpec): Map<number, SheetCell> {
  return printCells(spec);
}

function newCell(
  row: number,
  col: number,
  value: CellValue,
  format: string | undefined
): PrintCell {
  return { row, col, value, format, style: {}, text: undefined, spill: undefined, line: -1 };
}

function printCells(spec: SheetSpec): Map<number, PrintCell> {
  const cells = new Map<number, PrintCell>();
  const styleAt = (r: number, c: number, s: CellStyle | undefined) => {
    if (!s) return;
    const k = cellKey(r, c);
    const cur = cells.get(k) ?? newCell(r, c, null, undefined);
    // the cell's own style object (made here), so merged into in place
    Object.assign(cur.style, s);
    cells.set(k, cur);
  };
  for (const b of spec.blocks) {
    const pos = blockRange(b);
    for (let i = 0; i < b.rows.length; i++) {
      const row = b.rows[i];
      for (let j = 0; j < row.length; j++) {
        const k = cellKey(pos.row + i, pos.col + j);
        const cur = cells.get(k);
        const format = formatAt(b, i, j);
        if (cur) {
          cur.value = row[j];
          cur.format = format;
        } else cells.set(k, newCell(pos.row + i, pos.col + j, row[j], format));
      }
    }
    if (b.header || b.table) {
      for (let j = 0; j < pos.cols; j++) {
        styleAt(pos.row, pos.col + j, resolveStyle("header"));
        cells.get(cellKey(pos.row, pos.col + j))!.header = true;
      }
    }
    // text beside a column of figures, indented by both writers
    gapColumns(b).forEach((gap, j) => {
      if (gap) for (let i = 0; i < pos.rows; i++) styleAt(pos.row + i, pos.col + j, { indent: 1 });
    });
    const bs = resolveStyle(b.style);
    if (bs)
      for (let i = 0; i < pos.rows; i++)
        for (let j = 0; j < pos.cols; j++) styleAt(pos.row + i, pos.col + j, bs);
    if (b.total && pos.rows > 1)
      for (let j = 0; j < pos.cols; j++)
        styleAt(pos.row + pos.rows - 1, pos.col + j, resolveStyle("total"));
  }
  for (const s of spec.styles ?? []) {
    const r = parseRange(s.range);
    const style = resolveStyle(s.style);
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.cols; j++) styleAt(r.row + i, r.col + j, style);
  }
  return cells;
}

/** The text a cell shows, near enough to measure it (formulas: a typical result for their format). */
export function shownText(v: CellValue, format: string | undefined): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isDate(v)) return format === FORMATS.month ? "Sep 2026" : "00/00/0000";
  const f = format && format !== FORMATS.general ? format.split(";")[0] : "";
  if (isFormula(v)) {
    // a formula whose text result is known (KAP.PALIVE's "one order only") shows that text
    if (typeof v.result === "string") return v.result;
    if (/^IF\(ISNUMBER\(.*LOOKUP\(.*"(Healthy|Stable|At Risk|Critical)"/.test(v.formula.slice(1)))
      return "At Risk";
    if (!f) return "00000000";
    return shownText(f.includes("%") ? 1 : 99999, format);
  }
  if (!f) return Number.isInteger(v) ? v.toFixed(0) : v.toFixed(2);
  // scientific ("0.000E+00"): 67,370,350 shows "6.737E+07", 9 characters, not its 12 digits
  if (/E[+-]/i.test(f)) {
    const decimals = /\.(0+|#+)/.exec(f)?.[1].length ?? 0;
    return v
      .toExponential(decimals)
      .replace(/e([+-])(\d)$/, "E$10$2")
      .replace("e", "E");
  }
  // all the format shows: a suffix symbol ("9,348.20 €"), a code, a negative's brackets or sign
  return formatText(v, format!);
}

/** Characters a cell's indent takes. */
function indentOf(x: SheetCell): number {
  return (x.style.indent ?? 0) * INDENT_CHARS;
}

/** The widest word of a text, in characters (a wrapped header must at least show its longest word). */
function longestWord(text: string, size: number, bold: boolean): number {
  return Math.max(0, ...text.split(/[\s]+/).map((w) => charsFor(w, size, bold)));
}

/**
 * The narrowest width (characters) that shows a header in two lines, broken at a space: a
 * header over narrow figures ("Avg units per order" over "3") wrapped to its longest word took
 * four lines. One line when it has no space.
 */
function twoLineWidth(text: string, size: number, bold: boolean): number {
  const words = text.trim().split(/\s+/);
  let best = charsFor(words.join(" "), size, bold);
  for (let k = 1; k < words.length; k++) {
    const first = charsFor(words.slice(0, k).join(" "), size, bold);
    const second = charsFor(words.slice(k).join(" "), size, bold);
    best = Math.min(best, Math.max(first, second));
  }
  return best;
}

/**
 * The spec made print-ready (a new object; the input is not changed). See the module comment.
 */
export function finishForPrint(spec: SheetSpec, o: PrintOptions): SheetSpec {
  const cells = printCells(spec);
  const merges = (spec.merges ?? []).map(parseRange);
  const mergedAt = (r: number, c: number) =>
    merges.find((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols);
  // Charts drawn over cells: text does not spill under them (it would print hidden).
  const chartRects = (spec.charts ?? []).map((ch) => {
    const a = parseRange(ch.from);
    const b = parseRange(ch.to);
    return {
      r0: Math.min(a.row, b.row),
      r1: Math.max(a.row, b.row),
      c0: Math.min(a.col, b.col),
      c1: Math.max(a.col, b.col),
    };
  });
  const underChart = (r: number, c: number) =>
    chartRects.some((k) => r >= k.r0 && r <= k.r1 && c >= k.c0 && c <= k.c1);
  const filled = (r: number, c: number) => {
    const x = cells.get(cellKey(r, c));
    return (!!x && x.value !== null && x.value !== "") || underChart(r, c);
  };
  /** Layout widths of the empty columns right of (r, c) before a chart on that row; undefined when no chart is to the right. */
  const roomBeforeChart = (r: number, c: number): number | undefined => {
    if (!chartRects.some((k) => r >= k.r0 && r <= k.r1 && k.c0 > c)) return undefined;
    let room = 0;
    for (let k = c + 1; !filled(r, k) && !mergedAt(r, k); k++)
      room += spec.widths?.[k] ?? DEFAULT_CAP;
    return room;
  };
  let lastCol = 0;
  for (const x of cells.values())
    if (x.value !== null && x.value !== "") lastCol = Math.max(lastCol, x.col);
  // Text spills and wraps within the written columns (not under a chart drawn beside them).
  const textLast = lastCol;
  for (const ch of spec.charts ?? []) lastCol = Math.max(lastCol, parseRange(ch.to).col);
  const printArea = spec.page?.printArea ? parseRange(spec.page.printArea) : undefined;
  const printedLast = printArea ? printArea.col + printArea.cols - 1 : lastCol;
  const spillLast = printArea ? printedLast : textLast;

  // 1. Widths from the content that has to fit its own column.
  const need: number[] = Array(lastCol + 1).fill(0);
  // text in the last printed column has nowhere to spill: it needs its own width (up to the cap)
  // Excel tables: no cell of one is ever merged (Excel repairs such a file by dropping the table),
  // and a table is sorted and filtered row by row, so a data row's text wraps in its own column.
  // Only a message row (one cell filled, "No account …") spills, over the table's empty cells.
  const tables = spec.blocks.filter((b) => b.table).map(blockRange);
  const tableAt = (r: number, c: number) =>
    tables.find((t) => r >= t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols);
  const messageRow = (r: number, c: number, t: RangePos) => {
    for (let k = t.col; k < t.col + t.cols; k++) if (k !== c && filled(r, k)) return false;
    return true;
  };
  const spillsOf = (x: PrintCell) =>
    typeof x.value === "string" &&
    x.col < printedLast &&
    !x.style.wrap &&
    !mergedAt(x.row, x.col) &&
    !filled(x.row, x.col + 1) &&
    x.col < spillLast &&
    inTableMaySpill(x);
  const inTableMaySpill = (x: PrintCell) => {
    const t = tableAt(x.row, x.col);
    return t === undefined || messageRow(x.row, x.col, t);
  };
  // each cell's shown text, its one-line width and whether it spills, worked out once (three passes read them)
  const spills = (x: PrintCell): boolean => (x.spill ??= spillsOf(x));
  const textOf = (x: PrintCell): string => (x.text ??= shownText(x.value, x.format));
  const lineOf = (x: PrintCell, size: number, bold: boolean): number => {
    if (x.line < 0)
      x.line = Math.max(
        ...textOf(x)
          .split("\n")
          .map((t) => charsFor(t, size, bold))
      );
    return x.line;
  };
  for (const x of cells.values()) {
    if (x.value === null || x.value === "" || mergedAt(x.row, x.col)) continue;
    const size = x.style.fontSize ?? DEFAULT_FONT_SIZE;
    const bold = !!x.style.bold;
    const text = textOf(x);
    const line = lineOf(x, size, bold);
    // a header wraps to two lines (never narrower than its longest word); wrapping prose takes
    // the column up to its cap; text that can spill needs nothing — unless a chart to its right
    // leaves too little room
    const room = spills(x) ? roomBeforeChart(x.row, x.col) : undefined;
    const spillNeed = room === undefined ? 0 : Math.max(0, line - room);
    const w = x.header
      ? Math.max(...text.split("\n").map((t) => twoLineWidth(t, size, bold)))
      : x.style.wrap
        ? line
        : spills(x)
          ? spillNeed
          : line;
    need[x.col] = Math.max(need[x.col], w + 0.75 + indentOf(x));
  }
  // A column that wraps text is at least as wide as its longest word (up to MAX_WORD): a word
  // wider than its column is broken mid-word ("orderin|g", "account|s table").
  const word: number[] = Array(lastCol + 1).fill(0);
  // A number or date cannot wrap or spill (a column too narrow shows ###): its width wins over the cap.
  const figure: number[] = Array(lastCol + 1).fill(0);
  for (const x of cells.values()) {
    if (typeof x.value !== "number" && !isDate(x.value)) continue;
    const size = x.style.fontSize ?? DEFAULT_FONT_SIZE;
    const w = charsFor(textOf(x), size, !!x.style.bold) + 0.75;
    if (!mergedAt(x.row, x.col)) figure[x.col] = Math.max(figure[x.col], w);
  }
  for (const x of cells.values()) {
    if (typeof x.value !== "string" || x.value === "" || mergedAt(x.row, x.col) || spills(x))
      continue;
    const w = longestWord(x.value, x.style.fontSize ?? DEFAULT_FONT_SIZE, !!x.style.bold) + 0.75;
    word[x.col] = Math.max(word[x.col], Math.min(MAX_WORD, w) + indentOf(x));
  }
  const widths: (number | undefined)[] = [];
  for (let c = 0; c <= Math.max(lastCol, (spec.widths?.length ?? 0) - 1); c++) {
    const cap = Math.max(spec.widths?.[c] ?? DEFAULT_CAP, word[c] ?? 0, figure[c] ?? 0);
    const n = Math.max(need[c] ?? 0, word[c] ?? 0);
    widths[c] =
      n > 0 ? Math.round(Math.min(cap, Math.max(MIN_WIDTH, n)) * 4) / 4 : spec.widths?.[c];
  }
  const widthOf = (c: number) => widths[c] ?? 8.43;

  // 2. Page: paper, orientation, one page wide, header and footer.
  const printedFirst = printArea?.col ?? 0;
  let printedWidth = widths
    .slice(printedFirst, printedLast + 1)
    .reduce<number>((a, w) => a + (w ?? 8.43), 0);
  const a1 = cells.get(cellKey(0, 0))?.value;
  const title = typeof a1 === "string" ? a1 : undefined;
  const page = {
    fitToWidth: true,
    orientation: printedWidth > PORTRAIT_CHARS ? ("landscape" as const) : ("portrait" as const),
    ...spec.page,
    paper: o.paper,
    headerLeft: spec.page?.headerLeft ?? title ?? spec.name,
    headerRight: spec.page?.headerRight ?? o.asOfText,
  };
  // One page wide at a readable scale: a sheet wider than that gives up width where it costs least.
  if (page.fitToWidth && !page.printTitleColumns) {
    const textCols = new Set<number>();
    for (const x of cells.values())
      if (typeof x.value === "string" && x.value !== "" && !mergedAt(x.row, x.col))
        textCols.add(x.col);
    const chartOnly = new Set<number>();
    for (const ch of spec.charts ?? []) {
      // a scatter's point labels are placed for its plot's width (relationshipSheet)
      if (ch.type === "scatter") continue;
      const a = parseRange(ch.from);
      const b = parseRange(ch.to);
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++)
        if (!textCols.has(c) && !figure[c]) chartOnly.add(c);
    }
    printedWidth = narrowToPage(widths, printedFirst, printedLast, maxPageChars(page), (c) => {
      if (chartOnly.has(c)) return { kind: "chart", floor: (widthOf(c) * 2) / 3 };
      if (!textCols.has(c)) return undefined;
      return { kind: "text", floor: Math.max(MIN_PROSE, word[c] ?? 0, figure[c] ?? 0) };
    });
  }
  const titleCols = titleColumnsWidth(page, widthOf);
  if (titleCols !== undefined && page.fitToWidth && !page.onePage)
    Object.assign(page, { pagesWide: pagesWideFor(page, printedWidth, titleCols) });
  // Several pages wide with print-title columns (the Whitespace Map's account ID and name): text
  // in them wraps within them, as every page across repeats them and cut it at their edge.
  const titleRange = page.pagesWide && page.pagesWide > 1 ? titleColumnsRange(page) : undefined;
  const titleLast = titleRange ? titleRange.col + titleRange.cols - 1 : -1;

  // 3. Wrap what does not fit, and size the rows.
  const extraStyles: NonNullable<SheetSpec["styles"]> = [];
  const extraMerges: string[] = [];
  const notes: NonNullable<SheetSpec["cellNotes"]> = [];
  const heights = new Map<number, number>();
  const lineHeight = new Map<number, number>();
  for (const x of cells.values()) {
    if (x.value !== null && x.value !== "")
      lineHeight.set(
        x.row,
        Math.max(lineHeight.get(x.row) ?? 0, rowHeightFor(1, x.style.fontSize ?? DEFAULT_FONT_SIZE))
      );
  }
  // row by row, left to right: keys sort as the cells do
  const order = Float64Array.from(cells.keys()).sort();
  for (const k of order) {
    const x = cells.get(k)!;
    if (x.value === null || x.value === "") continue;
    // Beyond the print area, text is for the screen: it keeps one line (rows stay as printed).
    if (printArea && (x.col > printedLast || x.col < printArea.col) && !x.style.wrap) continue;
    const size = x.style.fontSize ?? DEFAULT_FONT_SIZE;
    const bold = !!x.style.bold;
    const text = textOf(x);
    const m = mergedAt(x.row, x.col);
    let width = m
      ? Array.from({ length: m.cols }, (_v, k) => widthOf(m.col + k)).reduce((a, b) => a + b, 0)
      : widthOf(x.col);
    // an indent takes room from the text
    width -= indentOf(x);
    let wrap = !!x.style.wrap;
    const one = lineOf(x, size, bold);
    if (!wrap && typeof x.value === "string" && (one > width || text.includes("\n"))) {
      if (spills(x)) {
        // Spill over the empty cells to the right, up to the printed width (a table's edge in a
        // table); wrap over them if it still does not fit — in its own cell in a table (no merge).
        const t = tableAt(x.row, x.col);
        const last = t
          ? Math.min(spillLast, t.col + t.cols - 1)
          : x.col <= titleLast
            ? titleLast
            : spillLast;
        let end = x.col;
        let room = width;
        while (end < last && !filled(x.row, end + 1) && !mergedAt(x.row, end + 1) && room < one)
          room += widthOf(++end);
        if (one > room || text.includes("\n")) {
          if (!t) {
            if (end > x.col)
              extraMerges.push(`${colLetter(x.col)}${x.row + 1}:${colLetter(end)}${x.row + 1}`);
            width = room;
          }
          wrap = true;
        }
      } else wrap = true;
      if (wrap)
        extraStyles.push({
          range: `${colLetter(x.col)}${x.row + 1}`,
          style: { wrap: true, vAlign: x.style.vAlign ?? "top" },
        });
    }
    if (wrap) {
      const lines = wrappedLines(text, width, size, bold);
      const h = rowHeightFor(lines, size);
      if (h > MAX_WRAPPED_ROW_POINTS && typeof x.value === "string") {
        // its row stops at the cap: the text reads from its start, and whole in a note
        const at = `${colLetter(x.col)}${x.row + 1}`;
        notes.push({ at, text: cutText(x.value, CELL_TEXT_MAX) });
        extraStyles.push({ range: at, style: { vAlign: "top" } });
      }
      if (lines > 1)
        heights.set(
          x.row + 1,
          Math.max(heights.get(x.row + 1) ?? 0, Math.min(MAX_WRAPPED_ROW_POINTS, h))
        );
    }
  }
  // A row of several lines reads from the top: its one-line cells sit beside the first line of
  // the wrapped text, not at the foot of the row (header rows keep their own alignment).
  const headerRows = new Set<number>();
  for (const x of cells.values()) if (x.header) headerRows.add(x.row);
  const topKeys: number[] = [];
  for (const [k, x] of cells) {
    const h = heights.get(x.row + 1);
    if (h === undefined || h <= (lineHeight.get(x.row) ?? 0) || headerRows.has(x.row)) continue;
    if (x.value === null || x.value === "" || x.style.vAlign) continue;
    topKeys.push(k);
  }
  // neighbouring cells of a row share one range ("C8:F8"): one entry per cell made hundreds of
  // thousands on a 50,000-account sheet
  for (const r of rowRuns(topKeys)) extraStyles.push({ range: r, style: { vAlign: "top" } });
  // Every written row gets its height (its largest font's line, or its wrapped lines), so programs
  // do not size rows by a fallback font's tall glyphs (the ▁▂▃ sparkline) and all print alike.
  for (const [r, h] of lineHeight) heights.set(r + 1, Math.max(heights.get(r + 1) ?? 0, h));
  // Table header rows wrap (the writers style a table's header row with the table style only).
  for (const b of spec.blocks) {
    if (!b.table) continue;
    const pos = blockRange(b);
    extraStyles.push({
      range: `${colLetter(pos.col)}${pos.row + 1}:${colLetter(pos.col + pos.cols - 1)}${pos.row + 1}`,
      style: { wrap: true, vAlign: "center" },
    });
  }

  // no taller than Excel's 409 points a row ("Excel specifications and limits"): a cell of 32,767
  // characters wraps to thousands of lines, and a taller row is one Excel repairs
  const rowHeights: Record<number, number> = {};
  for (const [r, h] of [...heights, ...Object.entries(spec.rowHeights ?? {})])
    rowHeights[Number(r)] = Math.min(MAX_ROW_POINTS, h);
  const pagePoints = pageRowsPoints(page, printedWidth, titleCols ?? 0);
  const rowBreaks = page.onePage ? [] : tableBreaks(spec, cells, rowHeights, pagePoints);
  if (rowBreaks.length) Object.assign(page, { rowBreaks });
  // A chart's anchor ends at the left edge of the column after it (K for a chart to J), and
  // LibreOffice printed that empty column too (the QBR's partnership page at 67%, not 71%): a
  // sheet with charts prints its written range, A1 to the last column and row of its cells and charts.
  if (!page.printArea && spec.charts?.length) {
    let lastRow = 0;
    for (const x of cells.values())
      if (x.value !== null && x.value !== "") lastRow = Math.max(lastRow, x.row);
    for (const ch of spec.charts) lastRow = Math.max(lastRow, parseRange(ch.to).row);
    Object.assign(page, { printArea: `A1:${colLetter(lastCol)}${lastRow + 1}` });
  }
  // a table a page break falls in heads the next page with its header row (print titles where the
  // sheet set them)
  return repeatHeaders(
    {
      ...spec,
      blocks: spec.blocks.map((b) => tidy(b, o.currency)),
      widths,
      rowHeights,
      styles: [...(spec.styles ?? []), ...extraStyles],
      merges: [...(spec.merges ?? []), ...extraMerges],
      ...(notes.length ? { cellNotes: [...(spec.cellNotes ?? []), ...notes] } : {}),
      page,
    },
    pagePoints
  );
}

/** Cells (cellKey) as ranges of neighbouring cells in a row ("C8:F8", "H8"), row by row. */
function rowRuns(keys: number[]): string[] {
  const sorted = Float64Array.from(keys).sort();
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1] === sorted[j] + 1 &&
      sorted[j + 1] % MAX_COLS !== 0
    )
      j++;
    const row = Math.floor(sorted[i] / MAX_COLS);
    const a = `${colLetter(sorted[i] % MAX_COLS)}${row + 1}`;
    out.push(j > i ? `${a}:${colLetter(sorted[j] % MAX_COLS)}${row + 1}` : a);
    i = j + 1;
  }
  return out;
}

/** Paper in inches, portrait (width, height). */
const PAPER_INCHES: Record<PaperSize, [number, number]> = { A4: [8.27, 11.69], Letter: [8.5, 11] };
/** The margins a writer uses when the layout gives none (ExcelJS's and Excel's defaults), inches. */
const DEFAULT_MARGINS = { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 };
/** Share of a page by which programs' page breaks may differ (LibreOffice's columns are about 6% wider than Excel's). */
const SLACK = 0.15;
/** Row height (points) of a row the layout gave none: Calibri 11's line. */
const DEFAULT_ROW_POINTS = 15;

/**
 * Smallest print scale finishForPrint lets a sheet with print-title columns fall to: body text
 * stays readable. 75% as Excel lays columns is about 70% in LibreOffice (its columns are wider);
 * at 60% Account Health and the Whitespace Map printed at about 53%.
 */
export const MIN_PRINT_SCALE = 0.75;

/** The print-title columns ('A:B') as a range on row 1, or undefined when the sheet has none. */
function titleColumnsRange(page: NonNullable<SheetSpec["page"]>): RangePos | undefined {
  const m = /^([A-Z]+):([A-Z]+)$/.exec(page.printTitleColumns ?? "");
  return m ? parseRange(`${m[1]}1:${m[2]}1`) : undefined;
}

/** Characters of the print-title columns ('A:B'), or undefined when the sheet has none. */
function titleColumnsWidth(
  page: NonNullable<SheetSpec["page"]>,
  widthOf: (c: number) => number
): number | undefined {
  const r = titleColumnsRange(page);
  if (!r) return undefined;
  let w = 0;
  for (let c = r.col; c < r.col + r.cols; c++) w += widthOf(c);
  return w;
}

/** The printable width of a page inside the margins, pixels at 96 dpi. */
function printablePx(page: NonNullable<SheetSpec["page"]>): number {
  const [w, h] = PAPER_INCHES[page.paper ?? "A4"];
  const across = page.orientation === "landscape" ? h : w;
  const m = page.margins ?? DEFAULT_MARGINS;
  return (across - m.left - m.right) * 96;
}

/**
 * The scale a sheet prints at fitted to `wide` pages wide, each repeating the title columns
 * (their width in characters): the other columns shared out evenly, Excel's N × 7 + 5 pixels.
 */
export function printScale(
  page: NonNullable<SheetSpec["page"]>,
  printedWidthChars: number,
  titleChars = 0,
  wide = 1
): number {
  const perPage =
    wide > 1 ? titleChars + (printedWidthChars - titleChars) / wide : printedWidthChars;
  return Math.min(1, printablePx(page) / Math.max(1, perPage * 7 + 5));
}

/** Text columns narrowToPage leaves at least this wide (characters). */
const MIN_PROSE = 16;

/** The most characters of columns one page wide holds at MIN_PRINT_SCALE (Excel's N × 7 + 5 pixels). */
function maxPageChars(page: NonNullable<SheetSpec["page"]>): number {
  return (printablePx(page) / MIN_PRINT_SCALE - 5) / 7;
}

/**
 * Narrows the printed columns (first..last) of a sheet wider than `maxChars` — a page printed
 * below MIN_PRINT_SCALE (Alerts, the plan, the QBR's partnership page printed at 60–67%):
 * first the empty columns under a chart (the chart shrinks with them, to two thirds at most),
 * then the widest text columns, evened down together (their text wraps into more lines, the rows
 * sized for it afterwards), never below their floor (a text column's longest word, its figures
 * or MIN_PROSE). A sheet still too wide prints as small as it must. Returns the printed width.
 */
function narrowToPage(
  widths: (number | undefined)[],
  first: number,
  last: number,
  maxChars: number,
  kindOf: (c: number) => { kind: "chart" | "text"; floor: number } | undefined
): number {
  const w = (c: number) => widths[c] ?? 8.43;
  const total = () => {
    let t = 0;
    for (let c = first; c <= last; c++) t += w(c);
    return t;
  };
  for (const kind of ["chart", "text"] as const) {
    const excess = total() - maxChars;
    if (excess <= 0) break;
    const cols: { c: number; floor: number }[] = [];
    for (let c = first; c <= last; c++) {
      const k = kindOf(c);
      if (k?.kind === kind && w(c) > k.floor) cols.push({ c, floor: k.floor });
    }
    if (!cols.length) continue;
    // the level L every such column is cut down to (none below its floor) that saves `excess`
    const saved = (level: number) =>
      cols.reduce((t, x) => t + Math.max(0, w(x.c) - Math.max(level, x.floor)), 0);
    let lo = 0;
    let hi = Math.max(...cols.map((x) => w(x.c)));
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (saved(mid) > excess) lo = mid;
      else hi = mid;
    }
    for (const x of cols) {
      // quarter characters: down to reach the page, up at the floor (a figure's width holds it)
      const cut = lo > x.floor ? Math.floor(lo * 4) / 4 : Math.ceil(x.floor * 4) / 4;
      widths[x.c] = Math.min(w(x.c), cut);
    }
  }
  return total();
}

/** Fewest pages wide (up to 6) at which the sheet prints at MIN_PRINT_SCALE or more. */
function pagesWideFor(
  page: NonNullable<SheetSpec["page"]>,
  printedWidthChars: number,
  titleChars: number
): number {
  let wide = 1;
  while (wide < 6 && printScale(page, printedWidthChars, titleChars, wide) < MIN_PRINT_SCALE)
    wide++;
  return wide;
}

/**
 * Points of sheet rows that fit on one printed page: the paper's height inside the margins, at
 * the scale that fits the printed columns to one page wide (a narrow sheet prints at 100%).
 * Column pixels as Excel counts them (N × 7 + 5 at 96 dpi); LibreOffice lays columns a little
 * wider, so it scales down a little more and fits more rows: a break placed here comes early
 * there, never late.
 */
export function pageRowsPoints(
  page: NonNullable<SheetSpec["page"]>,
  printedWidthChars: number,
  titleChars = 0
): number {
  const [w, h] = PAPER_INCHES[page.paper ?? "A4"];
  const down = page.orientation === "landscape" ? w : h;
  const m = page.margins ?? DEFAULT_MARGINS;
  const scale = page.fitToWidth
    ? printScale(page, printedWidthChars, titleChars, page.pagesWide ?? 1)
    : 1;
  return ((down - m.top - m.bottom) * 72) / scale;
}

/**
 * Where pages must start so no table (a block with a header row, with its heading and note on the
 * two rows just above) and no chart is split by a page break when it fits on one page; a longer one starts on a new page
 * when fewer than its header and three rows fit on the current one. Pages are laid out as the
 * printer does: rows fill a page until the next one does not fit. Print-title rows repeat on every
 * page after the first and take their room there.
 */
function tableBreaks(
  spec: SheetSpec,
  cells: Map<number, SheetCell>,
  rowHeights: Record<number, number>,
  pagePoints: number
): number[] {
  const area = spec.page?.printArea ? parseRange(spec.page.printArea) : undefined;
  const height = (r: number) => rowHeights[r] ?? DEFAULT_ROW_POINTS;
  const titles = /^(\d+)(?::(\d+))?$/.exec(spec.page?.printTitleRows ?? "");
  let titlePoints = 0;
  if (titles)
    for (let r = Number(titles[1]); r <= Number(titles[2] ?? titles[1]); r++)
      titlePoints += height(r);
  // rows (1-based) with a value in them, found once
  const filledRows = new Set<number>();
  for (const x of cells.values()) if (x.value !== null && x.value !== "") filledRows.add(x.row + 1);
  const filledRow = (r: number) => filledRows.has(r);
  const tables = spec.blocks
    .filter((b) => b.header || b.table)
    .map((b) => {
      const pos = blockRange(b);
      const header = pos.row + 1; // 1-based
      // its heading and note: up to two written rows just above
      let from = header;
      while (from > 1 && header - from < 2 && filledRow(from - 1)) from--;
      return { from, header, to: pos.row + pos.rows };
    })
    // a run the layout names as one block (a heading over its checklist) is kept whole like a table
    .concat(
      (spec.page?.keepTogether ?? []).flatMap((run) => {
        const m = /^(\d+):(\d+)$/.exec(run);
        return m ? [{ from: Number(m[1]), header: Number(m[1]), to: Number(m[2]) }] : [];
      })
    )
    // a chart is kept whole like a table (a break through the Breakdown's pie printed its halves
    // on two pages)
    .concat(
      (spec.charts ?? []).map((ch) => {
        const a = parseRange(ch.from).row + 1;
        const b = parseRange(ch.to).row + 1;
        // from the row above: a chart starting right at a break left its top edge on the page before
        const from = Math.max(1, Math.min(a, b) - 1);
        return { from, header: from, to: Math.max(a, b) };
      })
    )
    .filter((t) => !area || (t.from >= area.row + 1 && t.to <= area.row + area.rows))
    .sort((a, b) => a.from - b.from);
  const breaks: number[] = [];
  const span = (a: number, b: number) => {
    let t = 0;
    for (let r = a; r <= b; r++) t += height(r);
    return t;
  };
  for (const t of tables) {
    // lay the pages out up to the table's first row
    const first = area ? area.row + 1 : 1;
    let pageStart = first;
    let used = 0;
    // whether the current page began where the rows ran out (not at a break placed here)
    let auto = false;
    for (let r = first; r < t.from; r++) {
      const room = pagePoints - (pageStart > first ? titlePoints : 0);
      const manual = breaks.includes(r);
      if (manual || used + height(r) > room) {
        pageStart = r;
        used = 0;
        auto = !manual;
      }
      used += height(r);
    }
    if (used === 0 || breaks.includes(t.from)) continue;
    const room = pagePoints - (pageStart > first ? titlePoints : 0) - used;
    const whole = span(t.from, t.to);
    const fitsOnAPage = whole <= pagePoints - titlePoints;
    const start = span(t.from, Math.min(t.to, t.header + 3));
    // a page that began on its own just above the table may begin a little lower in another
    // program (LibreOffice fits a few more rows a page): the table starts the page in both
    // (a page that starts at a break placed here starts there in every program)
    const justAfterAutoBreak = auto && used < pagePoints * SLACK;
    if ((fitsOnAPage && whole > room) || (!fitsOnAPage && start > room) || justAfterAutoBreak)
      breaks.push(t.from);
  }
  return breaks.sort((a, b) => a - b);
}

/** A money format: a symbol or quoted code before the digits ("£#,##0", '"SEK "#,##0.00'), or a currency's after them ('#,##0.00 [$€-407]'). */
export function isMoneyFormat(f: string | undefined): boolean {
  if (!f || !/[0#]/.test(f)) return false;
  return /^(?:"[^"]+"|[£€$¥₹]|\[\$[^\]]+\])/.test(f) || isMoneyFormatText(f);
}

/**
 * Tidy values: money rounded to the currency's minor unit (no float noise like 162.459999999963 in
 * the file), an empty text ("") written as a true blank, and a number that is not finite (a model
 * that could not say) as "n/a" rather than NaN.
 */
function tidy(b: SheetSpec["blocks"][number], currency?: string): SheetSpec["blocks"][number] {
  const money = (i: number, j: number) => isMoneyFormat(formatAt(b, i, j));
  const need = b.rows.some((row, i) =>
    row.some(
      (v, j) =>
        v === "" || (typeof v === "number" && (!Number.isFinite(v) || (money(i, j) && v % 1 !== 0)))
    )
  );
  if (!need) return b;
  return {
    ...b,
    rows: b.rows.map((row, i) =>
      row.map((v, j) => {
        if (v === "") return null;
        if (typeof v !== "number") return v;
        if (!Number.isFinite(v)) return "n/a";
        return money(i, j) ? roundMoney(v, currency) : v;
      })
    ),
  };
}

/** The header and footer in Excel's codes (&L left, &R right, &P page, &N pages; a literal & is &&). */
export function headerFooterCodes(page: NonNullable<SheetSpec["page"]>): {
  header: string;
  footer: string;
} {
  const esc = (s: string) => s.replace(/&/g, "&&");
  return {
    header: `&L${esc(page.headerLeft ?? "")}&R${esc(page.headerRight ?? "")}`,
    footer: `&L${esc(page.footerLeft ?? KAP_FOOTER)}&RPage &P of &N`,
  };
}
