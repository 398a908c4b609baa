/** The 2-D value arrays that Excel (range.values) and ExcelJS both reduce a sheet to. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface Grid {
  /** Sheet name (or file name for CSV). */
  name: string;
  values: Cell[][];
  /** Number formats parallel to values, where known (first rows are enough). */
  numberFormats?: string[][];
  /** Excel table (ListObject) name when the grid is a table. */
  tableName?: string;
  /** 1-based sheet row of values[0]; default 1. */
  top?: number;
  /** 1-based sheet column of values[0][0]; default 1. */
  left?: number;
  /** What the reader of a text file settled on, for the report of what KAP assumed. */
  file?: { encoding?: string; delimiter?: string };
}

/**
 * Columns of a usual table export (an order line's dozen fields, with room to spare). Readers
 * that hold rows by the thousand (a sample, a chunk, a batch, spare row arrays) count them in
 * cells too, as rows of this width: a 5,000-column export then holds about as many cells at
 * once as a usual one, rather than a hundred times more.
 */
export const USUAL_COLUMNS = 64;

export function isBlankCell(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Excel's error values as range.values hands them over (and the CLI's reader, from a cell of type
 * "e"): a formula that could not be worked out, not a value of 0 or a blank.
 */
const EXCEL_ERROR =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA|PYTHON!)$/;

export function isExcelError(v: Cell): v is string {
  return typeof v === "string" && EXCEL_ERROR.test(v.trim());
}

export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}
