/**
 * What a generated sheet looks like, decided once for every face: the Office.js writer
 * (src/excel/writeSheets.ts) and the .xlsx writer (src/xlsx/writeXlsx.ts) both render these.
 *
 * Text-safe by construction: a `string` value is ALWAYS shown literally, whatever it starts
 * with (`=`, `+`, `-`, `@`, `'`). Only a `{ formula }` value becomes a formula, and those are
 * built by KAP code (the `formula()` builder), never from data. Both writers enforce this and
 * test/excel + test/xlsx prove it.
 *
 * Positions are A1 addresses on the sheet ("B3"); rows/columns in helpers are 0-based.
 */
import type { Serial } from "../domain/types";
import { CURRENCY_SYMBOLS, currencyPrefix, isSharedSymbol, moneyLabel } from "../domain/currency";

// ---------------------------------------------------------------- values

/**
 * A formula written by KAP code, e.g. `=SUM(B2:B9)`. Never build one from data text. `result`
 * is what it evaluates to as written, stored in the .xlsx so readers that do not recalculate
 * (Excel's protected view, file previewers) show the figure rather than a blank.
 */
export interface Formula {
  readonly formula: string;
  readonly result?: number | string;
}
/** An Excel serial date; written as a number with a date format. */
export interface DateValue {
  readonly date: Serial;
}
export type CellValue = string | number | boolean | null | Formula | DateValue;

export function isFormula(v: CellValue): v is Formula {
  return typeof v === "object" && v !== null && "formula" in v;
}
export function isDate(v: CellValue): v is DateValue {
  return typeof v === "object" && v !== null && "date" in v;
}
/** Builds a formula value; the leading '=' is added when missing. `result`: its value as written (see Formula). */
export function formula(f: string, result?: number | string): Formula {
  const text = f.startsWith("=") ? f : `=${f}`;
  return result === undefined ? { formula: text } : { formula: text, result };
}
export function date(serial: Serial): DateValue {
  return { date: serial };
}

// ---------------------------------------------------------------- number formats

export const FORMATS = {
  general: "General",
  text: "@",
  integer: "#,##0",
  decimal2: "#,##0.00",
  score: "0.00",
  percent: "0%",
  percent1: "0.0%",
  /** A change with its sign: +10%, -5%, 0% (a rise shown as "10%" reads as a plain share). */
  signedPercent: "+0%;-0%;0%",
  /** The methodology is UK: day-first. Layouts use their culture's (options.ts dateFormatOf); this is the fallback. */
  date: "dd/mm/yyyy",
  month: "mmm yyyy",
} as const;

/**
 * A median of whole numbers (days between orders, orders, categories): whole ("31") or half
 * ("7.5", the middle of two), never rounded to a whole the data does not show. Not "#,##0.#",
 * which Excel shows as "31." with a trailing point.
 */
export function medianFormat(x: number | null): string {
  return x === null || Number.isInteger(x) ? FORMATS.integer : "#,##0.0";
}

/**
 * The money format for a column. `source` is the source column's own number format (used
 * as-is when it is a real money format, so sheets follow the data — given its `decimals` where
 * it shows none), a currency code ("EUR") or a symbol ("£"). Default £ (the methodology is UK).
 */
export function moneyFormat(source?: string, decimals = 2, culture?: string): string {
  let s = (source ?? "").trim();
  if (/[0#]/.test(s)) return decimals > 0 ? withDecimals(s, decimals) : s;
  if (s.toLowerCase() === "general" || s === FORMATS.text) s = "";
  const places = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  const inCulture = s && culture ? cultureMoneyFormat(s, culture, places) : undefined;
  if (inCulture) return inCulture;
  const symbol =
    s === ""
      ? "£"
      : isSharedSymbol(s)
        ? currencyPrefix(s)
        : (CURRENCY_SYMBOLS[s.toUpperCase()] ??
          (s.length <= 3 && !/^[A-Z]{3}$/i.test(s) ? s : `${s} `));
  const quoted = /^[£€$¥₹]$/.test(symbol) ? symbol : `"${symbol}"`;
  return `${quoted}#,##0${places};-${quoted}#,##0${places}`;
}

/**
 * The money format of a culture that writes the symbol elsewhere than KAP's default prefix
 * (de-DE '#,##0.00" €";"-"#,##0.00" €"', as Excel's own de-DE currency format and KAP's text,
 * "3.453,50 €", place it); undefined where the culture puts KAP's prefix first as it is ("$" in
 * en-US, "£" in en-GB), so those formats stay as they were. The marks come from the viewer's Excel.
 */
function cultureMoneyFormat(code: string, culture: string, places: string): string | undefined {
  const style = moneyLabel(code, culture);
  if (typeof style === "string") return undefined;
  const prefix = isSharedSymbol(code)
    ? currencyPrefix(code)
    : (CURRENCY_SYMBOLS[code.toUpperCase()] ?? `${code.toUpperCase()} `);
  if (
    !style.after &&
    !style.negAfter &&
    style.before === prefix &&
    style.negBefore === `-${prefix}`
  )
    return undefined;
  // no-break spaces (Intl's) as plain ones: Excel shows either the same
  const lit = (t: string) => (t ? `"${t.replace(/[\u00a0\u202f]/g, " ").replace(/"/g, "")}"` : "");
  const digits = `#,##0${places}`;
  return `${lit(style.before)}${digits}${lit(style.after)};${lit(style.negBefore)}${digits}${lit(style.negAfter)}`;
}

/**
 * A number format that shows `decimals` places: as it is when it shows some ("£#,##0.00"), else
 * each run of digits given them ("£#,##0" → "£#,##0.00"), text in quotes or brackets untouched.
 */
function withDecimals(format: string, decimals: number): string {
  if (/[0#]\.[0#]/.test(format)) return format;
  const places = `.${"0".repeat(decimals)}`;
  return format.replace(/("[^"]*"|\[[^\]]*\])|([#,]*0)/g, (all, literal: string | undefined) =>
    literal ? all : `${all}${places}`
  );
}

// ---------------------------------------------------------------- styles

export type HAlign = "left" | "center" | "right";
export type VAlign = "top" | "center" | "bottom";
export type BorderKind = "box" | "bottom" | "top" | "all";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** '#RRGGBB' */
  fontColor?: string;
  fontSize?: number;
  /** '#RRGGBB' background */
  fill?: string;
  border?: BorderKind;
  wrap?: boolean;
  hAlign?: HAlign;
  vAlign?: VAlign;
  /** Left indent in Excel's steps (about one character each); text aligns left with it. */
  indent?: number;
}

export const PALETTE = {
  brand: "#1F4E79",
  headerFill: "#1F4E79",
  headerFont: "#FFFFFF",
  totalFill: "#D9E1F2",
  note: "#595959",
  good: "#C6EFCE",
  goodFont: "#006100",
  neutral: "#FFEB9C",
  neutralFont: "#9C5700",
  bad: "#FFC7CE",
  badFont: "#9C0006",
  bar: "#5B9BD5",
} as const;

/** Named styles so layouts read well; writers resolve them with `resolveStyle`. */
export const STYLES = {
  title: { bold: true, fontSize: 16, fontColor: PALETTE.brand },
  subtitle: { italic: true, fontColor: PALETTE.note },
  header: {
    bold: true,
    fill: PALETTE.headerFill,
    fontColor: PALETTE.headerFont,
    wrap: true,
    vAlign: "center",
    border: "bottom",
  },
  total: { bold: true, fill: PALETTE.totalFill, border: "top" },
  note: { italic: true, fontColor: PALETTE.note, wrap: false },
  label: { bold: true },
  /** A table's header row: the table style gives fill and font; long headers wrap. */
  tableHeader: { wrap: true, vAlign: "center" },
} as const satisfies Record<string, CellStyle>;
export type StyleName = keyof typeof STYLES;

export function resolveStyle(s: StyleName | CellStyle | undefined): CellStyle | undefined {
  return typeof s === "string" ? STYLES[s] : s;
}

// ---------------------------------------------------------------- layout pieces

/** A rectangle of values placed with its top-left cell at `at`. */
export interface Block {
  at: string;
  rows: CellValue[][];
  /** Style for the whole block. */
  style?: StyleName | CellStyle;
  /** The first row is a header row (styled 'header' unless `style` overrides it). */
  header?: boolean;
  /** The last row is a total row (styled 'total'). */
  total?: boolean;
  /** Number format per column of the block (undefined = General; dates default to FORMATS.date). */
  formats?: (string | undefined)[];
  /**
   * Number formats cell by cell, row by row, where set winning over `formats`: a money column
   * whose rows are in different currencies (each account's revenue in its own €, $, "PLN ").
   */
  cellFormats?: (string | undefined)[][];
  /** Makes the block an Excel table (ListObject); implies `header`. */
  table?: TableSpec;
}

/** The number format of a block's cell (row `i`, column `j` of the block): its own, else its column's. */
export function formatAt(b: Block, i: number, j: number): string | undefined {
  return b.cellFormats?.[i]?.[j] ?? b.formats?.[j];
}

/** Text that stands for a missing figure in a numeric column ("n/a", a dash). */
const PLACEHOLDER = /^(?:n\/a|–|—|-)$/i;

/**
 * Which columns of a block hold figures: below the header, every cell is a number, a date, or a
 * formula the column formats as a number (blanks and placeholders such as "n/a" aside), and at
 * least one is — or the column has a number format and its cells are still blank (a form to fill in). Their header cells are right-aligned, over the figures, as in Excel's own tables.
 */
export function numericColumns(b: Block): boolean[] {
  const width = Math.max(0, ...b.rows.map((r) => r.length));
  return Array.from({ length: width }, (_, j) => {
    const f = b.formats?.[j];
    let any = false;
    for (let i = 1; i < b.rows.length; i++) {
      const v = b.rows[i][j];
      if (v === null || v === undefined || v === "") continue;
      if (typeof v === "number" || isDate(v) || (isFormula(v) && !!f && f !== FORMATS.text))
        any = true;
      else if (!(typeof v === "string" && PLACEHOLDER.test(v.trim()))) return false;
    }
    // a column of figures still to be filled in (a number format, no text) is one too
    return any || (b.rows.length > 1 && !!f && f !== FORMATS.text);
  });
}

/**
 * Cells of a block holding a placeholder ("n/a", a dash) where a figure would stand: in a column
 * of figures (numericColumns, blocks with a header) or under a number format. Writers align them
 * right, with the figures, not at the far left of the column. Positions within the block.
 */
export function placeholderCells(b: Block): { row: number; col: number }[] {
  const headed = !!(b.header || b.table);
  const numeric = headed ? numericColumns(b) : [];
  const out: { row: number; col: number }[] = [];
  for (let i = headed ? 1 : 0; i < b.rows.length; i++)
    b.rows[i].forEach((v, j) => {
      if (typeof v !== "string" || !PLACEHOLDER.test(v.trim())) return;
      const f = formatAt(b, i, j);
      if (numeric[j] || (!!f && f !== FORMATS.text && f !== FORMATS.general))
        out.push({ row: i, col: j });
    });
  return out;
}

/**
 * Text columns that follow a column of figures: right-aligned figures would run into their
 * left-aligned text ("19" beside "01/10/2026" reads "1901/10/2026"), so these get a one-step indent.
 */
export function gapColumns(b: Block): boolean[] {
  const numeric = numericColumns(b);
  return numeric.map((n, j) => j > 0 && numeric[j - 1] && !n);
}

export interface TableSpec {
  /** Wanted name; writers make it valid and unique in the workbook. */
  name: string;
  /** e.g. 'TableStyleMedium2' */
  style?: string;
  /** Autofilter buttons on the header row (default true). */
  filter?: boolean;
}

/** A style applied to a range after the data (wins over block styles). */
export interface RangeStyle {
  range: string;
  style: StyleName | CellStyle;
}

export type CfRule =
  | {
      type: "cellValue";
      operator:
        "greaterThan" | "lessThan" | "between" | "equal" | "greaterThanOrEqual" | "lessThanOrEqual";
      values: number[];
      fill?: string;
      fontColor?: string;
    }
  | { type: "textContains"; text: string; fill?: string; fontColor?: string }
  | { type: "dataBar"; color?: string }
  | { type: "colorScale"; colors: [string, string] | [string, string, string] }
  | { type: "iconSet"; icons: "3Arrows" | "3TrafficLights1" | "3Symbols" | "4Arrows" | "5Arrows" };

export interface ConditionalFormat {
  range: string;
  rule: CfRule;
}

export type ChartType = "line" | "column" | "bar" | "pie" | "scatter";

/** One value axis of a scatter chart: its title and fixed bounds (else automatic). */
export interface ChartAxis {
  title?: string;
  min?: number;
  max?: number;
  majorUnit?: number;
}

export interface ChartSpec {
  type: ChartType;
  title: string;
  /**
   * Source data including its header row and category column, e.g. 'A5:B17'. A scatter chart
   * takes three columns — name, x, y — and draws each row as its own point, labelled with its name.
   */
  data: string;
  seriesBy?: "columns" | "rows";
  /** Top-left and bottom-right cells of the chart's place, e.g. 'E3', 'L18'. */
  from: string;
  to: string;
  /** '#RRGGBB': a pie's slices in order, else each series' colour (default: the program's palette). */
  colors?: string[];
  /** Scatter charts: the horizontal (x) and vertical (y) axes. */
  axes?: { x?: ChartAxis; y?: ChartAxis };
  /**
   * Scatter charts: the data rows (in order) whose point is labelled to its left, not its right —
   * a label that would run past the plot's right edge and be cut there.
   */
  labelLeft?: boolean[];
}

export interface PageSetupSpec {
  orientation?: "portrait" | "landscape";
  /** Fit all columns onto one page wide (any number of pages tall). */
  fitToWidth?: boolean;
  /** With fitToWidth: also one page tall (a QBR page). */
  onePage?: boolean;
  /** Rows repeated on every printed page, e.g. '1:3'. */
  printTitleRows?: string;
  /**
   * Columns repeated at the left of every printed page, e.g. 'A:B' (which account a row is). A
   * sheet with them may print several pages wide: finishForPrint sets pagesWide to keep type readable.
   */
  printTitleColumns?: string;
  /** With fitToWidth: fit to this many pages wide (default 1). */
  pagesWide?: number;
  /** Inches. */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Paper from the culture (A4; Letter in the US and a few other countries): see paperFor. */
  paper?: PaperSize;
  /** What prints, e.g. 'A1:N120' (default: the used range). */
  printArea?: string;
  /** Rows (1-based) that start a new printed page: a table that would be split keeps together. */
  rowBreaks?: number[];
  /**
   * Runs of rows ('30:36') that are one block though no table (a heading over a checklist, the
   * Relationship map's contact plan): finishForPrint keeps each on one page when it fits on one.
   */
  keepTogether?: string[];
  /** Header text, left (what and whom) and right (the as-of date); footer: footerLeft, "Page n of m" right. */
  headerLeft?: string;
  headerRight?: string;
  /**
   * Footer text, left (default KAP_FOOTER): a page the customer sees names whom it was prepared
   * for, not the tool that made it.
   */
  footerLeft?: string;
}

export type PaperSize = "A4" | "Letter";

/** The footer of the sheets KAP makes for the sales team. */
export const KAP_FOOTER = "KAP — Key Account Planner";

export interface SheetSpec {
  /** Wanted name; writers make it valid and unique (31 chars, no []:*?/\, " (2)" on a clash). */
  name: string;
  /** What KAP made, e.g. 'health', 'dashboard', 'breakdown', 'crossSell', 'plan', 'qbr-cover'. */
  kind: string;
  /** Whom it is about (an account id; '' for portfolio sheets). Same kind + subject = same sheet on a re-run. */
  subject?: string;
  blocks: Block[];
  styles?: RangeStyle[];
  /** Column widths in characters, by column from A (undefined = leave). finishForPrint narrows them to the content, keeping these as the cap. */
  widths?: (number | undefined)[];
  /** Row heights in points, by 1-based row (set for rows whose text wraps; other rows keep the program's height). */
  rowHeights?: Record<number, number>;
  /**
   * Notes (comments) on cells, e.g. { at: "B9", text }: a wrapped text too long for a row of
   * MAX_WRAPPED_ROW_POINTS (finishForPrint) has its whole wording there as well as in the cell.
   */
  cellNotes?: { at: string; text: string }[];
  freeze?: { rows?: number; columns?: number };
  merges?: string[];
  conditionalFormats?: ConditionalFormat[];
  charts?: ChartSpec[];
  page?: PageSetupSpec;
  showGridlines?: boolean;
  tabColor?: string;
}

// ---------------------------------------------------------------- builders

export function cell(
  at: string,
  value: CellValue,
  style?: StyleName | CellStyle,
  format?: string
): Block {
  return { at, rows: [[value]], style, formats: format ? [format] : undefined };
}

export function title(at: string, text: string): Block {
  return { at, rows: [[text]], style: "title" };
}

export interface ColumnSpec {
  header: string;
  format?: string;
}

/** A header row + data rows as an Excel table. */
export function table(
  at: string,
  name: string,
  columns: ColumnSpec[],
  rows: CellValue[][],
  opts: Omit<TableSpec, "name"> = {}
): Block {
  return {
    at,
    rows: [columns.map((c) => c.header), ...rows],
    header: true,
    formats: columns.map((c) => c.format),
    table: { name, style: opts.style ?? "TableStyleMedium2", filter: opts.filter ?? true },
  };
}

/** Label/value pairs down two columns ("Accounts managed | 42"). */
export function keyValues(
  at: string,
  pairs: [string, CellValue][],
  valueFormats?: (string | undefined)[]
): Block {
  return { at, rows: pairs.map(([k, v]) => [k, v]), formats: [undefined, valueFormats?.[0]] };
}

export function sheet(
  name: string,
  kind: string,
  subject: string,
  blocks: Block[],
  extra: Partial<Omit<SheetSpec, "name" | "kind" | "subject" | "blocks">> = {}
): SheetSpec {
  return { name, kind, subject, blocks, ...extra };
}

// ---------------------------------------------------------------- sparkline

const BARS = "▁▂▃▄▅▆▇█";

/**
 * A text sparkline (Office.js has no sparkline API): one block character per value,
 * scaled between the series' min and max; null/NaN shows as a space. A flat series is
 * drawn at mid height.
 */
export function textSparkline(values: readonly (number | null | undefined)[]): string {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (nums.length === 0) return " ".repeat(values.length);
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  return values
    .map((v) => {
      if (typeof v !== "number" || !Number.isFinite(v)) return " ";
      if (max === min) return BARS[3];
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))];
    })
    .join("");
}

// ---------------------------------------------------------------- A1 helpers

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function colLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellPos {
  row: number;
  col: number;
}
export interface RangePos {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** 'B3' → { row: 2, col: 1 }. Accepts $ signs and an optional sheet prefix. */
export function parseCell(a1: string): CellPos {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not a cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** 'B3:D9' (or 'B3') → 0-based rectangle. */
export function parseRange(a1: string): RangePos {
  const body = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const [a, b] = body.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  const row = Math.min(p.row, q.row);
  const col = Math.min(p.col, q.col);
  return { row, col, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

export function cellA1(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}

export function rangeA1(r: RangePos): string {
  const a = cellA1(r.row, r.col);
  return r.rows === 1 && r.cols === 1
    ? a
    : `${a}:${cellA1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** The rectangle a block covers (its widest row sets the width). */
export function blockRange(b: Block): RangePos {
  const at = parseCell(b.at);
  return {
    row: at.row,
    col: at.col,
    rows: Math.max(1, b.rows.length),
    cols: Math.max(1, ...b.rows.map((r) => r.length)),
  };
}

/** Excel column width in characters → points (what Office.js `columnWidth` takes). */
export function widthCharsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** An axis reads in whole units (£20,000, not £20,000.00): a number format without its decimals. */
export function wholeUnits(format: string): string {
  return format.replace(/([0#])\.[0#]+/g, "$1");
}

/** The number format a writer uses for one value of a block column. */
export function formatFor(v: CellValue, columnFormat: string | undefined): string {
  if (typeof v === "string") return FORMATS.text;
  if (isDate(v)) return columnFormat && columnFormat !== FORMATS.text ? columnFormat : FORMATS.date;
  return columnFormat && columnFormat !== FORMATS.text ? columnFormat : FORMATS.general;
}

// Names Excel accepts (tables, sheets, table columns): one module used by both writers.
export { isValidSheetName, tableNameFrom, uniqueSheetName } from "./excelNames";
