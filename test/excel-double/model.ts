/**
 * The in-memory workbook behind the Excel API double (./excel.ts): sheets, cells, tables,
 * charts, settings — plus the rules real Excel applies when a value is entered, so tests of
 * src/excel mean something:
 * - a string entered through `range.values` is parsed like typed input: '=...' becomes a
 *   formula, '+A1'/'-A1'/'@SUM(A1)' become formulas, '12' becomes a number, 'TRUE' a boolean —
 *   unless the cell's number format is Text ('@') or the string starts with an apostrophe
 *   (Excel's quote prefix: the apostrophe is dropped and the rest kept as text);
 * - sheet names are validated like Excel (1–31 chars, none of []:*?/\, no edge apostrophe,
 *   not 'History', unique ignoring case).
 */
import { parseRange, rangeA1, type RangePos } from "../../src/sheets/spec";

export type Scalar = string | number | boolean;

export class DoubleError extends Error {
  constructor(
    public readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export interface CellModel {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  /** Entered with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
}

/** What a formula cell reads as through `values`: the double does not calculate. */
export const NOT_CALCULATED = "#DOUBLE-NOT-CALCULATED";

let nextId = 1;
export function newId(prefix: string): string {
  return `{${prefix}-${nextId++}}`;
}

export interface FormatRecord {
  range: RangePos;
  path: string;
  value: unknown;
}

/** One range's data validation: its rule (exactly one of list, date, decimal, …) and error alert. */
export interface DataValidationModel {
  range: RangePos;
  rule?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  range: RangePos;
  style: string;
  showFilterButton: boolean;
  showHeaders: boolean;
  showTotals: boolean;
  /** criteria applied in the table's own AutoFilter (table.autoFilter.isDataFiltered, ExcelApi 1.9) */
  filtered?: boolean;
}

export interface ChartSeriesModel {
  name: string;
  /** x-axis (or category) values and values, as A1 addresses with their sheet */
  xValues?: string;
  values?: string;
  hasDataLabels: boolean;
  showSeriesName: boolean;
  showValue: boolean;
  /** dataLabels.position ("Left", "Right"…); unset: the program's default */
  labelPosition?: string;
  /** series.format.fill.setSolidColor */
  color?: string;
  /** series.points.getItemAt(k).format.fill.setSolidColor, by point */
  pointColors?: Record<number, string>;
}

export interface ChartAxisModel {
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  numberFormat?: string;
  title?: string;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  readonly source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
  /** Series added or changed through chart.series (the double makes one for an XYScatter's source). */
  series: ChartSeriesModel[];
  legendVisible: boolean;
  axes: { category: ChartAxisModel; value: ChartAxisModel };
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
}

/** The value Excel computes for a name whose formula is a constant ("=\"text\"" → text, "=12" → 12). */
export function nameValue(formula: string): unknown {
  const str = /^="((?:[^"]|"")*)"$/s.exec(formula);
  if (str) return str[1].replace(/""/g, '"');
  const body = formula.replace(/^=/, "");
  return /^[+-]?\d+(\.\d+)?$/.test(body) ? Number(body) : formula;
}

export interface ConditionalFormatModel {
  range: RangePos;
  type: string;
  props: Record<string, unknown>;
}

export class SheetModel {
  readonly id = newId("sheet");
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  cells: (CellModel | undefined)[][] = [];
  formats: FormatRecord[] = [];
  merges: RangePos[] = [];
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  charts: ChartModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  /** range.dataValidation rules (ExcelApi 1.8), in the order set. */
  dataValidations: DataValidationModel[] = [];
  page: Record<string, unknown> = {};
  customProperties = new Map<string, { key: string; value: string }>();
  /** Sheet-scoped defined names (worksheet.names), keyed by lower-cased name. */
  names = new Map<string, NameModel>();
  showGridlines = true;
  tabColor = "";
  /** 0-based rows hidden, by the user (Hide) or by a filter (see applyFilter). */
  hiddenRows = new Set<number>();
  /**
   * Rows hidden unless given a height (an .xlsx's <sheetFormatPr zeroHeight="1">, a sheet whose
   * unused rows were hidden): only `shownRows` show. Excel answers rowHidden and the visible
   * view so; Office.js has no property for the default itself.
   */
  rowsHiddenByDefault = false;
  /** 0-based rows given a height on a sheet whose rows are hidden by default. */
  shownRows = new Set<number>();
  /** Whether Excel shows row `r` (0-based) of the sheet. */
  isRowHidden(r: number): boolean {
    return this.hiddenRows.has(r) || (this.rowsHiddenByDefault && !this.shownRows.has(r));
  }
  /**
   * The sheet's AutoFilter (worksheet.autoFilter, ExcelApi 1.9) when one is set on a plain range:
   * its range, and whether criteria are applied (isDataFiltered). A table's filter is its own
   * (TableModel.filtered), as in Excel.
   */
  autoFilter?: { range: RangePos; filtered: boolean };
  constructor(public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    return this.cells[row]?.[col];
  }

  setCell(row: number, col: number, c: CellModel | undefined): void {
    const r = (this.cells[row] ??= []);
    r[col] = c;
  }

  /** Rectangle from A1 to the last non-empty cell (valuesOnly) — Excel's used range. */
  usedRange(): RangePos | null {
    let maxR = -1;
    let maxC = -1;
    let minR = Infinity;
    let minC = Infinity;
    this.cells.forEach((row, r) => {
      if (!row) return;
      row.forEach((c, ci) => {
        if (c && (c.value !== "" || c.formula)) {
          maxR = Math.max(maxR, r);
          maxC = Math.max(maxC, ci);
          minR = Math.min(minR, r);
          minC = Math.min(minC, ci);
        }
      });
    });
    return maxR < 0 ? null : { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
  }

  /** The last format written to `path` over a range covering (row, col); for test assertions. */
  formatAt(a1: string, path: string): unknown {
    const p = parseRange(a1);
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.path === path && within(p.row, p.col, f.range)) return f.value;
    }
    return undefined;
  }
}

export function within(row: number, col: number, r: RangePos): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/**
 * Which Excel the double plays. They differ where Microsoft documents or its tracker reports a
 * difference KAP must survive:
 * - web: a blank cell reaches a custom function's `any` argument as null; requests and
 *   responses are limited to 5 MB, counted in bytes (resource-limits-and-performance-optimization.md);
 * - desktop: a blank cell reaches a custom function as 0 (office-js #4702, #5262); no payload
 *   limit is documented for desktop.
 */
export type HostMode = "web" | "desktop";

export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
export const PAYLOAD_LIMIT: Record<HostMode, number> = {
  web: MAX_REQUEST_BYTES,
  desktop: Infinity,
};

const encoder = new TextEncoder();
/** UTF-8 bytes of a string (what goes over the wire), not UTF-16 characters. */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

/**
 * Cells as a custom function receives them on a host: a blank cell is null on the web, 0 on
 * desktop. A cell holding empty text ("", what =IF(A2="","",A2) gives) is a value, not a blank
 * cell: it arrives as "" on both (xlwings' Office.js UDF tests: "returns 0 for empty cells. To get
 * None … set the formula to: =\"\"").
 */
export function asFunctionArg(
  values: readonly (readonly unknown[])[],
  mode: HostMode
): unknown[][] {
  const blank = mode === "desktop" ? 0 : null;
  return values.map((r) => r.map((v) => (v === null || v === undefined ? blank : v)));
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  settings = new Map<string, { key: string; value: unknown }>();
  activeSheetId = "";
  culture = { name: "en-GB", decimalSeparator: ".", thousandsSeparator: "," };
  /**
   * Excel's own separators, set when the user turned off "Use system separators" (File > Options
   * > Advanced on Windows, Preferences > Edit on a Mac): application.decimalSeparator and
   * thousandsSeparator are "based on the local Excel settings" and useSystemSeparators is false,
   * while cultureInfo.numberFormat keeps the system's (ExcelApi 1.11;
   * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-decimalseparator-member,
   * https://learn.microsoft.com/javascript/api/excel/excel.numberformatinfo). Undefined: the system's.
   */
  excelSeparators?: { decimal: string; thousands: string };
  /**
   * The workbook's date system (Excel: File > Options > Advanced > "Use 1904 date system"; on a
   * Mac, Preferences > Calculation). Its cells hold serials counted from 1904-01-01 = 0, 1,462
   * less than the 1900 system's for the same day ([MS-XLS] 2.4.77 Date1904). The double stores
   * whatever serial a test fills in; only DATE (workbook.functions.date) reads this.
   */
  date1904 = false;
  createdWorkbooks: string[] = [];
  insertedFromBase64: { base64: string; options?: unknown }[] = [];
  calculationSuspendedSyncs = 0;
  /** application.calculate(type) calls, in order (e.g. "Full"). */
  calculations: string[] = [];

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
  }

  sheetByName(name: string): SheetModel | undefined {
    const l = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === l);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  validateSheetName(name: string, except?: SheetModel): void {
    if (name.length < 1 || name.length > 31)
      throw new DoubleError("InvalidArgument", `Sheet name must be 1–31 characters: '${name}'`);
    if (/[[\]:*?/\\]/.test(name))
      throw new DoubleError("InvalidArgument", `Sheet name has a forbidden character: '${name}'`);
    if (name.startsWith("'") || name.endsWith("'"))
      throw new DoubleError(
        "InvalidArgument",
        `Sheet name cannot start or end with an apostrophe: '${name}'`
      );
    if (name.toLowerCase() === "history")
      throw new DoubleError("InvalidArgument", "'History' is reserved by Excel");
    const clash = this.sheetByName(name);
    if (clash && clash !== except)
      throw new DoubleError("ItemAlreadyExists", `A sheet named '${name}' already exists`);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.validateSheetName(n);
    const s = new SheetModel(n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  deleteSheet(s: SheetModel): void {
    if (!this.sheets.includes(s))
      throw new DoubleError("ItemNotFound", `Sheet '${s.name}' no longer exists`);
    if (this.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
      throw new DoubleError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet"
      );
    }
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    if (this.activeSheetId === s.id)
      this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")?.id ?? "";
  }

  moveSheet(s: SheetModel, position: number): void {
    if (position < 0 || position >= this.sheets.length)
      throw new DoubleError("InvalidArgument", `Position ${position} out of range`);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(position, 0, s);
  }

  validateTableName(name: string, except?: TableModel): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new DoubleError("InvalidArgument", `Invalid table name '${name}'`);
    const l = name.toLowerCase();
    if (this.tables.some((t) => t !== except && t.name.toLowerCase() === l))
      throw new DoubleError("InvalidArgument", `A table named '${name}' already exists`);
  }

  addTable(sheet: SheetModel, range: RangePos, hasHeaders: boolean): TableModel {
    for (const t of this.tables) {
      if (t.sheet === sheet && overlaps(t.range, range))
        throw new DoubleError("InvalidOperation", "A table cannot overlap another table");
    }
    let i = this.tables.length + 1;
    while (this.tables.some((t) => t.name === `Table${i}`)) i++;
    const t: TableModel = {
      id: newId("table"),
      name: `Table${i}`,
      sheet,
      range,
      style: "TableStyleMedium2",
      showFilterButton: true,
      showHeaders: true,
      showTotals: false,
    };
    if (!hasHeaders) {
      // Excel inserts a header row above the data; the double keeps it simple and refuses.
      throw new DoubleError(
        "InvalidArgument",
        "The double only supports tables.add(address, true)"
      );
    }
    // Excel turns header cells into text; blank headers become Column1, Column2...; a header
    // equal (ignoring case) to an earlier one gets 2, 3... appended, so the cell changes under
    // the writer; a column name is at most 255 characters ([MS-OI29500] 2.1.681): the double refuses longer.
    const seen = new Set<string>();
    for (let c = 0; c < range.cols; c++) {
      const h = sheet.cell(range.row, range.col + c);
      let name = !h || h.value === "" || h.value === null ? `Column${c + 1}` : String(h.value);
      if (name.length > 255)
        throw new DoubleError("InvalidArgument", `Table column name longer than 255 characters`);
      const stem = name;
      for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${stem}${k}`;
      seen.add(name.toLowerCase());
      if (!h || h.value !== name) sheet.setCell(range.row, range.col + c, { ...h, value: name });
    }
    this.tables.push(t);
    return t;
  }

  /**
   * A user's "Move or Copy → Create a copy" in Excel: a new sheet (new id) with the cells,
   * formats, merges, charts, freeze panes, page setup and sheet-scoped names of the original —
   * but not its worksheet custom properties, which Excel does not copy (office-js #5486, closed
   * "by design"). Named like Excel's copies: "Name (2)".
   */
  copySheet(original: SheetModel): SheetModel {
    let k = 2;
    const stem = original.name.replace(/ \(\d+\)$/, "");
    while (this.sheetByName(`${stem} (${k})`)) k++;
    const copy = this.addSheet(`${stem} (${k})`.slice(-31));
    copy.cells = original.cells.map((r) => r?.map((c) => (c ? { ...c } : c)));
    copy.formats = original.formats.map((f) => ({ ...f }));
    copy.merges = [...original.merges];
    copy.freeze = { ...original.freeze };
    copy.page = { ...original.page };
    copy.names = new Map([...original.names].map(([key, n]) => [key, { ...n }]));
    copy.showGridlines = original.showGridlines;
    copy.tabColor = original.tabColor;
    return copy;
  }

  /**
   * Test helper: a user's filter. Hides the body rows of `range` (the first row is its header)
   * for which `keep` is false, as Excel's AutoFilter does; on a table's range it is the
   * table's own filter, else the sheet's AutoFilter.
   */
  applyFilter(
    sheet: SheetModel,
    range: RangePos,
    keep: (row: Scalar[], index: number) => boolean
  ): void {
    const table = this.tables.find(
      (t) => t.sheet === sheet && t.range.row === range.row && t.range.col === range.col
    );
    if (table) table.filtered = true;
    else sheet.autoFilter = { range, filtered: true };
    for (let r = range.row + 1; r < range.row + range.rows; r++) {
      const row: Scalar[] = [];
      for (let c = range.col; c < range.col + range.cols; c++)
        row.push(sheet.cell(r, c)?.value ?? "");
      if (!keep(row, r)) sheet.hiddenRows.add(r);
    }
  }

  /** Test helper: fill a sheet with rows directly (no API, no parsing). */
  fill(sheet: SheetModel, at: string, rows: Scalar[][]): void {
    const p = parseRange(at);
    rows.forEach((r, i) => r.forEach((v, j) => sheet.setCell(p.row + i, p.col + j, { value: v })));
  }
}

const DAY_MS = 86_400_000;

/**
 * Excel's DATE(year, month, day) in this workbook's date system, as `workbook.functions.date`
 * evaluates it: months and days outside their range roll over; a year below 1900 is read as
 * 1900 + year (OOXML 18.17.7.61: 0–1899 in the 1900 system, 4–1899 in the 1904 one). 1904
 * system: days since 1904-01-01 (= 0). 1900 system: 1900-01-01 = 1, and Excel counts a
 * 1900-02-29 that never was (60), so from 1900-03-01 (61) on it is the days since 1899-12-30.
 * A year out of range, or a day before the system's first, is #NUM!.
 */
export function excelDate(
  wb: WorkbookModel,
  year: number,
  month: number,
  day: number
): { value: number } | { error: string } {
  let y = Math.trunc(year);
  if (y >= 0 && y < 1900 && (!wb.date1904 || y >= 4)) y += 1900;
  if (y < 1900 || y > 9999) return { error: "#NUM!" };
  const t = Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day));
  const from = wb.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  let serial = Math.round((t - from) / DAY_MS);
  if (!wb.date1904 && serial <= 60) serial -= 1;
  return serial < 0 ? { error: "#NUM!" } : { value: serial };
}

function overlaps(a: RangePos, b: RangePos): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A value entered through `range.values` (or a non-formula through `range.formulas`),
 * parsed like Excel parses typed input. `numberFormat` is the cell's format at that moment.
 */
export function enterValue(
  v: unknown,
  numberFormat: string | undefined,
  viaFormulas = false
): CellModel | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number" || typeof v === "boolean") return { value: v, numberFormat };
  if (typeof v !== "string")
    throw new DoubleError("InvalidArgument", `Unsupported cell value ${JSON.stringify(v)}`);
  // Excel's specifications and limits: a cell holds at most 32,767 characters
  if (v.length > 32767)
    throw new DoubleError("InvalidArgument", "A cell holds at most 32,767 characters");
  if (numberFormat === "@") return { value: v, numberFormat };
  if (v.startsWith("'")) return { value: v.slice(1), numberFormat, quotePrefix: true };
  if (v.startsWith("=") && v.length > 1) return { value: NOT_CALCULATED, formula: v, numberFormat };
  const t = v.trim();
  if (NUMERIC.test(t)) return { value: Number(t), numberFormat };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", numberFormat };
  // Lotus-style entry: '+A1', '-A1', '@SUM(A1)' are formulas when typed into a General cell.
  if ((v.startsWith("+") || v.startsWith("-")) && v.length > 1)
    return { value: NOT_CALCULATED, formula: `=${v}`, numberFormat };
  if (v.startsWith("@") && v.length > 1)
    return { value: NOT_CALCULATED, formula: `=${v.slice(1)}`, numberFormat };
  void viaFormulas;
  return { value: v, numberFormat };
}

export function a1(r: RangePos, sheet?: SheetModel): string {
  const body = rangeA1(r);
  if (!sheet) return body;
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name)
    ? sheet.name
    : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${quoted}!${body}`;
}
