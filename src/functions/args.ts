/**
 * Argument shapes and cell values for the KAP functions. Every parameter is declared any[][] so
 * one formula works on a single cell or a whole column: a 1×1 argument is broadcast, n×1 (or
 * 1×n) ones must share the height, and the result has that height — down a column, or across
 * when the inputs are a row (liesAcross / laidAs).
 *
 * What arrives in a cell, and how it is read (every function reads its cells through `plain`):
 * - a blank cell arrives as null on Excel on the web and as 0 on Excel desktop (office-js
 *   issues #4702 and #5262); "" (a formula returning "") is blank everywhere. Each function says
 *   what a 0 means where a blank could also be meant (`isEmpty` = blank or 0);
 * - a cell holding a data type (formatted number, entity…) arrives as its JSON cell value,
 *   because the metadata allows custom data for `any` (custom-functions-data-types-concepts.md):
 *   it is read through its basic value, what `Range.values` gives for that cell — an entity's is
 *   #VALUE! (Excel.EntityCellValue.basicValue);
 * - an Excel error (#DIV/0!, #N/A…) reaches the function because functions.json sets
 *   allowErrorForDataTypeAny (custom-functions-errors.md, "Errors as custom function inputs");
 *   the docs do not give its shape, so both a data-type error value ({ type: "Error",
 *   basicValue: "#DIV/0!" }) and a CustomFunctions.Error-like { code: "#DIV/0!" } are recognised.
 *   It becomes an InputError, and the row that holds it returns that error (errors.ts).
 */
import { ArgError, passThroughCode } from "./errors";
import { noteTextReadBeforeMark, workbookDecimalMark } from "./culture";
import {
  type ColumnConvention,
  fileDecimal,
  inferNumberConvention,
  readNumberText,
  type DecimalMark,
} from "../ingest/numbers";

export type Cell = unknown;
export type Matrix = Cell[][];

/** An Excel error found in an input cell, e.g. "#DIV/0!". */
export class InputError {
  constructor(
    readonly excelError: string,
    /** What the cell held when it was not a plain error (an entity, say). */
    readonly detail?: string
  ) {}
}

/** A cell as KAP reads it: blank (null), a number, text, a boolean or an Excel error. */
export type Plain = null | number | string | boolean | InputError;

const ERROR_TEXT = /^#[A-Z0-9/!?_.]+$/i;

/**
 * An error value's text by its errorType (Excel.ErrorCellValueType), for one that comes without
 * its basicValue: the typings make it optional, and the docs do not say which host sends which.
 */
const ERROR_TYPE_TEXT: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/**
 * Whether text starts and ends with a visible ASCII character, so it is not blank and trimming
 * leaves it as it is — a check of two characters where trim would scan (order columns run to a
 * million cells).
 */
export function trimmedFilled(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a > 32 && a < 127 && b > 32 && b < 127;
}

/** Reads one cell as it arrived from Excel (see the file comment). */
export function plain(v: Cell): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : new InputError("#NUM!");
  if (typeof v === "string") return trimmedFilled(v) || v.trim() !== "" ? v : null;
  if (typeof v === "boolean") return v;
  if (v instanceof InputError) return v;
  if (typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (o.type === "Error")
      return new InputError(
        typeof o.basicValue === "string"
          ? o.basicValue
          : (ERROR_TYPE_TEXT[String(o.errorType)] ?? "#VALUE!")
      );
    if (o.type === "Empty") return null;
    if (o.type === "Entity" || o.type === "LinkedEntity" || o.basicType === "Error") {
      return new InputError(
        typeof o.basicValue === "string" && ERROR_TEXT.test(o.basicValue)
          ? o.basicValue
          : "#VALUE!",
        `a data type (${String(o.type)}) whose basic value is an error`
      );
    }
    if (typeof o.type === "string" && "basicValue" in o) return plain(o.basicValue);
    if (typeof o.code === "string" && ERROR_TEXT.test(o.code)) return new InputError(o.code);
  }
  return new InputError("#VALUE!", "a value KAP cannot read");
}

export function isBlank(v: Plain): v is null {
  return v === null;
}

/** Blank, or 0 — what desktop Excel passes for a blank cell. */
export function isEmpty(v: Plain): boolean {
  return v === null || v === 0;
}

/**
 * A 0 typed as text ("0", " 0 ", "0.00", "0,00", "0%"): the number 0 under either decimal mark,
 * so the workbook's culture need not be known. Read wherever a 0 is desktop's blank (isEmpty), so
 * a text 0 answers as the number 0 does (WINBACK, DISCOUNT, BAND, QUADRANT, FIVEP…).
 */
export function isZeroText(v: Plain): boolean {
  // a digit other than 0 is no zero: checked first, as most text is not one
  if (typeof v !== "string" || /[1-9]/.test(v) || !v.includes("0")) return false;
  const r = readNumberText(v, ".");
  return (r.kind === "number" || r.kind === "otherMark") && r.value === 0;
}

/** Blank, desktop's 0, or a 0 typed as text: a cell that answers as a blank one. */
export function isEmptyOrZero(v: Plain): boolean {
  return isEmpty(v) || isZeroText(v);
}

export function isInputError(v: Plain): v is InputError {
  return v instanceof InputError;
}

/** The ArgError a row (or a whole call) returns for an Excel error found in `argName`. */
export function inputErrorOf(e: InputError, argName: string): ArgError {
  const held = e.detail ? `${e.detail} (${e.excelError})` : e.excelError;
  return new ArgError(`${argName} holds ${held}.`, passThroughCode(e.excelError));
}

/** Flattens a single-column or single-row range to a list of plain cells; a 2-D block is refused with a message. */
export function asColumn(m: Matrix | Cell, argName: string): Plain[] {
  if (!Array.isArray(m)) return [plain(m)];
  if (m.length === 0) return [];
  if (m.length === 1) return Array.isArray(m[0]) ? m[0].map(plain) : [plain(m[0])];
  if (m.every((r) => Array.isArray(r) && r.length === 1))
    return m.map((r) => plain((r as Cell[])[0]));
  throw new ArgError(`${argName} must be one cell, one column or one row.`);
}

/**
 * A column argument read in place, cell by cell, without copying it (the order columns of
 * KAP.METRICS run to a million rows): the same shapes as asColumn; a 2-D block is refused with
 * the same message when a cell of it is read. `at(i)` broadcasts a single cell down the column.
 */
export class ColumnView {
  readonly length: number;
  /** n×1: each row an array of one cell */
  private readonly rows: readonly unknown[][] | null = null;
  /** 1×n */
  private readonly row: readonly unknown[] | null = null;
  private readonly single: Plain = null;

  constructor(
    m: Matrix | Cell,
    private readonly argName: string
  ) {
    if (!Array.isArray(m)) {
      this.single = plain(m);
      this.length = 1;
    } else if (m.length === 0) this.length = 0;
    else if (m.length === 1 && !Array.isArray(m[0])) {
      this.single = plain(m[0]);
      this.length = 1;
    } else if (m.length === 1) {
      this.row = m[0] as unknown[];
      this.length = this.row.length;
    } else {
      this.rows = m as unknown[][];
      this.length = m.length;
    }
  }

  cell(i: number): Plain {
    if (this.rows !== null) {
      const r = this.rows[i];
      if (!Array.isArray(r) || r.length !== 1)
        throw new ArgError(`${this.argName} must be one cell, one column or one row.`);
      return plain(r[0]);
    }
    return this.row !== null ? plain(this.row[i]) : this.single;
  }

  /** Row i of the column, or its one cell broadcast. */
  at(i: number): Plain {
    return this.cell(this.length === 1 ? 0 : i);
  }

  /**
   * Rows [start, end) into out[0 … end − start), each as `at(i)` reads it, in one run down the
   * column: reading a block of each column in turn walks Excel's row arrays in the order they lie
   * in memory, where reading several columns cell by cell along each row jumps between them.
   * A row that is not one cell is written as undefined (no Plain is): `at(i)` on it throws the
   * shape error, which the caller raises when it reaches that row, so errors keep their row order.
   */
  readInto(start: number, end: number, out: (Plain | undefined)[]): void {
    const rows = this.rows;
    if (rows !== null) {
      for (let i = start; i < end; i++) {
        const r = rows[i];
        out[i - start] = Array.isArray(r) && r.length === 1 ? plain(r[0]) : undefined;
      }
    } else if (this.length === 1) out.fill(this.cell(0), 0, end - start);
    else for (let i = start; i < end; i++) out[i - start] = this.cell(i);
  }
}

/**
 * Text with no digit, such as a column's label ("Invoice Date", "Line Total"): never a date or an
 * amount, where a mistyped date or amount ("2026-13-05", "12,5O") keeps a digit.
 */
export function isLabel(v: Plain): boolean {
  return typeof v === "string" && !/\d/.test(v);
}

/**
 * A column heading that may carry digits ("Categories (12m)", "Engagement (1-5)", KAP.METRICS's
 * own headings): text with a word of three letters or more. A mistyped number ("4,5O", "12.5%")
 * has none.
 */
function isHeading(v: Plain): boolean {
  return typeof v === "string" && /\p{L}{3}/u.test(v);
}

/**
 * Whether row i of a row-by-row call is the header row of the ranges given (B1:B50, or B:B with
 * the formula in row 1): the first of several rows, each of its filled cells a label (text with
 * no digit) — or, where two cells or more are filled, each a heading (isHeading: "Orders change
 * (3m)", "Categories (12m)"); one cell alone must be a label, as a single mistyped value could
 * look like a heading. Checked only for a row that cannot be read, so a first row of data words
 * ("never", "n/a", "Rarely responds") is still data; that row answers with a label for the
 * result column.
 */
export function isLabelRow(i: number, n: number, cells: readonly Plain[]): boolean {
  if (i !== 0 || n <= 1 || !cells.some((c) => typeof c === "string")) return false;
  if (cells.every((c) => isEmpty(c) || isLabel(c))) return true;
  const filled = cells.filter((c) => !isEmpty(c));
  return filled.length >= 2 && filled.every(isHeading);
}

/**
 * The words an account column's heading is made of ("Account", "Customer ID", "Client name",
 * "Kunden-Nr."): a real account is not named only with them.
 */
const ID_HEADING_WORDS = new Set([
  "account",
  "accounts",
  "acct",
  "customer",
  "customers",
  "client",
  "clients",
  "company",
  "debtor",
  "buyer",
  "organisation",
  "organization",
  "parent",
  "site",
  "name",
  "id",
  "code",
  "no",
  "nr",
  "number",
  "num",
  "ref",
  "reference",
  "key",
  "kunde",
  "kunden",
  "kundennummer",
  "kundenname",
  "firma",
  "compte",
  "cliente",
  "klant",
  "nom",
  "numéro",
]);

/** Whether text is an account column's heading: only heading words (ID_HEADING_WORDS), no digit. */
export function isIdHeading(v: Plain): boolean {
  if (typeof v !== "string" || /\d/.test(v)) return false;
  const words = v
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== "");
  return words.length > 0 && words.every((w) => ID_HEADING_WORDS.has(w));
}

/**
 * Whether the first row of order columns is their header row (a whole column A:A, or a range
 * from the header down): the date cell and, where there is one, the amount cell both hold a
 * label. That row is skipped; any other first row is read, and its errors reported.
 */
export function headerFirst(date: Plain, amount?: Plain): boolean {
  return isLabel(date) && (amount === undefined || isLabel(amount));
}

/**
 * Whether a row function's answers spill across: one of its per-row arguments is a single row of
 * several cells (B2:F2, one account per column) and none is a column of several. Excel's own
 * functions answer a row with a row (=ABS(B2:F2)); a column, or one cell, answers down.
 */
export function liesAcross(args: readonly unknown[]): boolean {
  let across = false;
  for (const a of args) {
    if (!Array.isArray(a) || a.length === 0) continue;
    if (a.length > 1) return false;
    if (Array.isArray(a[0]) && a[0].length > 1) across = true;
  }
  return across;
}

/**
 * The height from which a call's blank tail is cut (cutBlankTail): below it, answering every row
 * costs little. Tests set it to Infinity to answer every row and compare.
 */
export const blankTail = { minRows: 4096 };

/** A row function's arguments cut above their blank tail (cutBlankTail). */
export interface BlankTailCut {
  /** The arguments, each row argument cut to `rows` rows; the others as given. */
  args: unknown[];
  /** Rows kept: down to the first blank row below the last filled one. */
  rows: number;
  /** Rows the call was given. */
  height: number;
}

/** A cell that arrives blank: null or undefined (web), 0 (desktop, office-js #4702) or "". */
function arrivesBlank(v: unknown): boolean {
  return v === null || v === undefined || v === 0 || v === "";
}

/**
 * A range that runs to the foot of the sheet (B2:B1048576, or B:B) arrives as a million rows,
 * nearly all blank. A row function answers each row from that row's cells alone, and every blank
 * row alike, so the call is answered down to the first blank row below the last filled one, and
 * that row's answer repeated for the rest (padBlankTail): the same spill for a thousandth of the
 * work. The first `rowArgCount` arguments are the row arguments (n×1 columns or single cells);
 * the others (weights, parameters, cuts) are passed as given. Undefined when nothing is saved, or
 * the call is not plain columns of one height (rows, blocks, ragged heights): the full call then
 * answers, with its own messages.
 */
export function cutBlankTail(
  args: readonly unknown[],
  rowArgCount: number
): BlankTailCut | undefined {
  let height = 0;
  for (let k = 0; k < rowArgCount; k++) {
    const a = args[k];
    if (!Array.isArray(a) || a.length <= 1) continue;
    if (!Array.isArray(a[0]) || a[0].length !== 1) return undefined;
    if (height === 0) height = a.length;
    else if (a.length !== height) return undefined;
  }
  if (height < blankTail.minRows) return undefined;
  let lastFilled = -1;
  for (let k = 0; k < rowArgCount; k++) {
    const a = args[k];
    if (!Array.isArray(a) || a.length !== height) continue;
    for (let i = height - 1; i > lastFilled; i--) {
      const r: unknown = a[i];
      if (!Array.isArray(r) || r.length !== 1 || !arrivesBlank(r[0])) {
        lastFilled = i;
        break;
      }
    }
  }
  // one blank row kept, to be answered as blank rows are; and two rows at least, as a header
  // row is told from data only in a range of more than one row (isLabelRow)
  const rows = Math.max(lastFilled + 2, 2);
  if (rows >= height) return undefined;
  return {
    args: args.map((a, k) =>
      k < rowArgCount && Array.isArray(a) && a.length === height ? a.slice(0, rows) : a
    ),
    rows,
    height,
  };
}

/**
 * The answers to a cut call (cutBlankTail) spread back to the call's height, the last (blank)
 * row's answer repeated: one array for every blank row. Undefined when the answers are not one
 * row per row kept (then answer in full).
 */
export function padBlankTail<T>(out: T[][], cut: BlankTailCut): T[][] | undefined {
  if (out.length !== cut.rows) return undefined;
  const padded = out.slice();
  // lengthened then filled: 50 ms of CPU for a million rows, where pushing each took 200 ms
  padded.length = cut.height;
  return padded.fill(out[cut.rows - 1], cut.rows);
}

/** A row function's answers, one row per input row, laid as its inputs lie (liesAcross): turned across when they do. */
export function laidAs<T>(rows: T[][], across: boolean): T[][] {
  if (!across) return rows;
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  return Array.from({ length: width }, (_, k) => rows.map((r) => r[k]));
}

/**
 * The columns of a block (several rows and several columns: twelve month-end scores, B2:M50),
 * each an n×1 range; undefined for one cell, a column or a row. A one-value function (BAND,
 * DISCOUNT, WINBACK) answers a block column by column, as Excel's own functions answer cell by
 * cell (=ABS(B2:M50)), and lays the answers side by side (byColumns).
 */
export function blockColumns(m: unknown): unknown[][][] | undefined {
  if (!Array.isArray(m) || m.length < 2 || !Array.isArray(m[0]) || m[0].length < 2)
    return undefined;
  const width = (m[0] as unknown[]).length;
  return Array.from({ length: width }, (_, k) =>
    m.map((r) => [Array.isArray(r) ? (r as unknown[])[k] : undefined])
  );
}

/** Each column of a block answered (one answer per row), the answers laid side by side. */
export function byColumns<T>(cols: unknown[][][], answer: (column: unknown[][]) => T[][]): T[][] {
  const answers = cols.map(answer);
  return answers[0].map((_, i) => answers.map((a) => a[i][0]));
}

/** Every cell of a range, row by row. */
export function cellsOf(m: Matrix | Cell): Plain[] {
  if (!Array.isArray(m)) return [plain(m)];
  return m.flatMap((r) => (Array.isArray(r) ? r.map(plain) : [plain(r)]));
}

/** Whether an argument as Excel passed it is one row of several cells (B2:F2). */
export function isRowRange(m: unknown): boolean {
  return Array.isArray(m) && m.length === 1 && Array.isArray(m[0]) && m[0].length > 1;
}

/** An argument's length as a message names it: rows down a column, cells across a row. */
export interface Extent {
  name: string;
  length: number;
  /** The argument is a row (isRowRange): its length is cells across. */
  across?: boolean;
}

/**
 * The #VALUE! for two arguments whose lengths differ, each named with its own length and
 * direction ("lost is 2 cells across but daysSinceLastOrder is 3 cells across; give ranges of the
 * same width."), so the user sees which two ranges to line up. `fix` replaces the closing advice.
 */
export function lengthMismatch(a: Extent, b: Extent, fix?: string): ArgError {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const extent = (e: Extent) =>
    e.across ? `is ${count(e.length, "cell")} across` : `has ${count(e.length, "row")}`;
  const sameWay = Boolean(a.across) === Boolean(b.across);
  const advice =
    fix ??
    (sameWay
      ? `give ranges of the same ${a.across ? "width" : "height"}`
      : "give ranges of the same length");
  return new ArgError(`${a.name} ${extent(a)} but ${b.name} ${extent(b)}; ${advice}.`);
}

/**
 * The common height of several column arguments; 1-cell arguments broadcast. A column whose
 * length differs from the first of several cells is refused naming both (lengthMismatch); `raw`
 * (the argument as Excel passed it) tells a row's cells across from a column's rows.
 */
export function commonHeight(
  cols: readonly { name: string; values: { readonly length: number }; raw?: unknown }[]
): number {
  let first: Extent | undefined;
  for (const c of cols) {
    const length = c.values.length;
    if (length === 1) continue;
    const here = { name: c.name, length, across: isRowRange(c.raw) };
    if (first === undefined) first = here;
    else if (length !== first.length) throw lengthMismatch(here, first);
  }
  return first?.length ?? 1;
}

export function at<T>(values: T[], i: number): T {
  return values.length === 1 ? values[0] : values[i];
}

/**
 * The decimal mark a column's own text numbers prove, as the ingest decides a column
 * (inferNumberConvention, "data"): "12,50" proves a comma, "1,234.50" a point, the majority wins in
 * a column holding both; undefined when they prove none ("1.200" alone reads two ways). Worked out
 * once, and only when a text number of the column is read: numbers say nothing, and order columns
 * run to a million cells.
 */
export type ColumnMark = () => DecimalMark | undefined;

/**
 * The ColumnMark of a column's cells as Excel passed them (read when first asked). One cell is no
 * column: a single value follows the workbook's culture, never its own text (PRODUCT.md §1: "never
 * one cell at a time"), so "45,0" alone in a decimal-point workbook is still refused.
 */
export function columnMark(cells: () => Iterable<unknown>): ColumnMark {
  const convention = columnConvention(cells);
  return () => convention()?.decimal;
}

/**
 * The convention a column's own text numbers prove (columnMark), with its evidence; undefined
 * when they prove none, for one cell, and for a column whose currencies are each written their
 * own way ("£1,200.50", "30,00 €": no one mark). Worked out when first asked.
 */
function columnConvention(cells: () => Iterable<unknown>): () => ColumnConvention | undefined {
  let known = false;
  let convention: ColumnConvention | undefined;
  return () => {
    if (!known) {
      const seen = { cells: 0 };
      const c = inferNumberConvention(withoutPercent(cells(), seen) as Iterable<never>);
      convention =
        seen.cells > 1 && c.source === "data" && c.byCurrency === undefined ? c : undefined;
      known = true;
    }
    return convention;
  };
}

/**
 * The marks of a call's number columns, as the ingest reads a file's (ingest/plausible
 * orderNumberConventions): each column's own proof (columnMark), else the mark the call's other
 * columns prove together, when they agree (fileDecimal): days "1.200" and "3.400" prove nothing
 * alone, beside payment days "-2,5" they are 1,200 and 3,400, as the pane reads the same
 * columns. With no proof anywhere, the workbook's culture (toNumber). Worked out when first asked.
 */
export function callMarks(columns: readonly (() => Iterable<unknown>)[]): ColumnMark[] {
  const own = columns.map(columnConvention);
  let shared: DecimalMark | undefined | null = null;
  const callMark = () => {
    if (shared === null)
      shared = fileDecimal(
        own.map((c) => c()).filter((c): c is ColumnConvention => c !== undefined)
      );
    return shared;
  };
  return own.map((c) => () => c()?.decimal ?? callMark());
}

/**
 * A column's cells as the ingest's evidence reads them, counted: a % change typed with "%"
 * ("-12,5 %", as toNumber reads it) proves its mark as "-12,5" does.
 */
function* withoutPercent(cells: Iterable<unknown>, seen: { cells: number }): Generator<unknown> {
  for (const v of cells) {
    seen.cells++;
    yield typeof v === "string" && v.trimEnd().endsWith("%") ? v.trimEnd().slice(0, -1) : v;
  }
}

/** Every cell of an argument as Excel passed it, row by row, in place. */
export function* rawCells(m: unknown): Generator<unknown> {
  if (!Array.isArray(m)) {
    yield m;
    return;
  }
  for (const r of m)
    if (Array.isArray(r)) yield* r;
    else yield r;
}

/**
 * A number from a cell: numbers as they are; text read by the ingest's number parser
 * (ingest/numbers readNumberText) under its column's decimal mark where the column's text proves
 * one (`column`, as the ingest reads a column: "1.200" beside "12,50" is 1200 in any workbook),
 * else the workbook's (culture.ts). Text that reads two ways, or only under the other decimal
 * mark, throws an ArgError naming the argument — never a silent 25 for "2,5". Other text and
 * booleans give undefined (the caller words that message); Excel errors throw as themselves.
 */
export function toNumber(v: Plain, argName: string, column?: ColumnMark): number | undefined {
  if (typeof v === "number") return v;
  if (v instanceof InputError) throw inputErrorOf(v, argName);
  if (typeof v !== "string") return undefined;
  const own = column?.();
  const mark = own ?? workbookDecimalMark();
  const r = readNumberText(v, mark);
  if (mark === undefined && r.kind !== "notNumber") noteTextReadBeforeMark();
  switch (r.kind) {
    case "number":
      return r.value;
    case "ambiguous":
      throw new ArgError(
        `${argName}: "${v.trim()}" could be ${r.point} or ${r.comma}; KAP does not know this workbook's decimal mark yet. Type the number without a thousands separator, or as a number rather than text.`
      );
    case "otherMark":
      throw new ArgError(
        `${argName}: "${v.trim()}" is not a number as ${own !== undefined ? "the other text numbers of its column are written" : "this workbook writes them"} (decimal ${mark === "," ? "comma, e.g. 1.234,5" : "point, e.g. 1,234.5"}). Write it that way, or as a number rather than text.`
      );
    case "notNumber":
      return undefined;
  }
}

/**
 * An optional single number: not given when omitted, blank, or 0 (a number or text "0") — 0 is
 * what desktop Excel passes for a blank cell, and none of KAP's optional numbers (cuts, dates)
 * means anything at 0.
 */
export function optionalNumber(m: Matrix | Cell, argName: string): number | undefined {
  // spare blank cells after the value are not values (withoutBlankTail), as after weights
  const col = withoutBlankTail(asColumn(m ?? null, argName));
  if (col.length === 0 || (col.length === 1 && isEmptyOrZero(col[0]))) return undefined;
  if (col.length !== 1)
    throw new ArgError(`${argName} must be a single value (got ${col.length} cells with values).`);
  const n = toNumber(col[0], argName);
  if (n === undefined) throw new ArgError(`${argName} must be a number (got "${String(col[0])}").`);
  return n;
}

/**
 * The one cell of an argument that takes a single value (an as-of date), or undefined when it is
 * left out or blank (desktop's 0 too). Blank cells after it are spare cells of a range selected
 * larger than its value (C2:C4 with C2 filled), as after weights and parameters. A range of
 * several values is refused: taking its first cell would answer for a date the user may not have
 * meant.
 */
export function singleCell(m: Matrix | Cell, argName: string, what: string): Plain | undefined {
  if (notGiven(m)) return undefined;
  const cells = withoutBlankTail(cellsOf(m));
  if (cells.length !== 1)
    throw new ArgError(
      `${argName} must be a single ${what} (got ${cells.length} cells with values).`
    );
  return cells[0];
}

/**
 * A range's cells down to its last filled one: the blank cells after it (null on the web, 0 on
 * desktop, a text "0") are spare cells of a range selected larger than its values (K4:T4 for
 * K4:Q4, a column with rows to spare), not values. The first `keep` cells stay, blank or not (a
 * blank weight is 0).
 */
export function withoutBlankTail(cells: Plain[], keep = 0): Plain[] {
  let end = cells.length;
  while (end > keep && isEmptyOrZero(cells[end - 1])) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * Whether an optional range argument was left out: omitted, or every cell blank or 0 (a number,
 * or text "0": desktop's blank either way).
 */
export function notGiven(m: Matrix | Cell | null | undefined): boolean {
  if (m === null || m === undefined) return true;
  if (!Array.isArray(m)) return isEmptyOrZero(plain(m));
  // in place, stopping at the first filled cell: whole columns run to a million rows
  for (const r of m) {
    if (!Array.isArray(r)) {
      if (!isEmptyOrZero(plain(r))) return false;
    } else for (const v of r) if (!isEmptyOrZero(plain(v))) return false;
  }
  return true;
}
