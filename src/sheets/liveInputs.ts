/**
 * The live Account Health sheet (issue 14): the order-derived inputs of every row read one
 * spilled `=KAP.METRICS(...)` over the user's own order lines, so appending orders re-scores the
 * sheet without KAP running again. This module builds the formula text; ./healthSheet places it.
 *
 * Why this shape (Microsoft's docs, "Return multiple results from your custom function" and
 * "Dynamic array formulas and spilled array behavior"): a spilled array cannot live inside an
 * Excel table (#SPILL!), so the one call sits to the right of the health table on the same sheet
 * (same-sheet A1 references survive the writer's temporary names and a " (2)" sheet name), and
 * each input cell of the table takes its value from the spill by position:
 * `INDEX($AK$8#, ROW()-ROW($AK$8)+1, k)`. One call per table, never one per row: each call reads
 * the order columns once (README, "Live from the order lines").
 *
 * Text from the data never becomes a formula by accident: a sheet name is always quoted with its
 * apostrophes doubled; a table column is always written `Table[[Column]]` with `[ ] # '` escaped
 * by an apostrophe (the structured-reference rules: a header with a space, comma, period, quote…
 * needs the double brackets; those four characters need the escape); a table name must already
 * be a valid Excel name (it comes from the workbook), else no formula is made.
 */
import { serialToIso } from "../domain/dates";
import type { Serial } from "../domain/types";
import { isValidDefinedName } from "./excelNames";
import { colLetter } from "./spec";

/** The order columns KAP.METRICS reads, by the ingest's field names. */
export type LiveOrderField =
  "accountId" | "date" | "orderId" | "revenue" | "category" | "quantity" | "sku";

export interface LiveOrderColumn {
  /** the header cell's text: for a table, its column name */
  header: string;
  /** 0-based column on the sheet */
  column: number;
}

/** Where the user's order lines are, as the task pane found and mapped them. */
export interface LiveOrderSource {
  sheet: string;
  /** the Excel table (ListObject) holding them, when they are one */
  table?: string;
  /** 1-based sheet row of the header (a range source's data starts on the next row) */
  headerRow: number;
  columns: Partial<Record<LiveOrderField, LiveOrderColumn>> &
    Record<"accountId" | "date" | "revenue", LiveOrderColumn>;
  /** the as-of date the user fixed in the settings; absent: the last order date, which moves as orders are appended */
  asOf?: Serial;
}

/** Last row of a worksheet (Excel 2007+). */
const LAST_ROW = 1_048_576;

/** A sheet name as a formula reference prefix: always quoted, apostrophes doubled ('Bob''s sheet'!). */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/**
 * A structured reference to one table column: `Table[[Column]]`, with `[`, `]`, `#` and `'`
 * escaped by an apostrophe. Throws when `table` is not a valid table name.
 */
export function tableColumnRef(table: string, column: string): string {
  if (!isValidDefinedName(table)) throw new Error(`"${table}" is not an Excel table name.`);
  if (/[\r\n]/.test(column)) throw new Error(`The column "${column}" has a line break.`);
  return `${table}[[${column.replace(/['[\]#]/g, "'$&")}]]`;
}

/** One order column as KAP.METRICS takes it: the table column, else the whole column below the header. */
export function orderColumnRef(src: LiveOrderSource, c: LiveOrderColumn): string {
  if (src.table) return tableColumnRef(src.table, c.header);
  const L = colLetter(c.column);
  return `${sheetPrefix(src.sheet)}$${L}$${src.headerRow + 1}:$${L}$${LAST_ROW}`;
}

/** What the note says the inputs come from: the table's name, or 'Sheet'!A:L. */
export function sourceText(src: LiveOrderSource): string {
  if (src.table) return `the table ${src.table}`;
  const cols = Object.values(src.columns).map((c) => c.column);
  return `${sheetPrefix(src.sheet)}${colLetter(Math.min(...cols))}:${colLetter(Math.max(...cols))}`;
}

/**
 * `=KAP.METRICS(ids, accounts, dates, orderIds, revenue, categories, asOf, quantity, , products, rolledInto)`
 * over the source's columns. `ids` and `rolledInto` are the health table's Account ID and Rolled
 * into cells (A1 ranges). A missing order-id or category column is "" (one order per account per
 * day; Diversity n/a), a missing optional one is left out; asOf is DATE(y,m,d) when fixed.
 */
export function metricsFormula(src: LiveOrderSource, ids: string, rolledInto: string): string {
  const ref = (f: LiveOrderField) => {
    const c = src.columns[f];
    return c ? orderColumnRef(src, c) : undefined;
  };
  const asOf =
    src.asOf === undefined ? "" : `DATE(${serialToIso(src.asOf).split("-").map(Number).join(",")})`;
  const args = [
    ids,
    ref("accountId")!,
    ref("date")!,
    ref("orderId") ?? '""',
    ref("revenue")!,
    ref("category") ?? '""',
    asOf,
    ref("quantity") ?? "",
    "",
    ref("sku") ?? "",
    rolledInto,
  ];
  return `KAP.METRICS(${args.join(",")})`;
}

/** The input cell that reads column `k` (1-based) of the spill anchored at `anchor` ("$AK$8"), on the same row. */
export function spillCellFormula(anchor: string, k: number): string {
  return `INDEX(${anchor}#,ROW()-ROW(${anchor})+1,${k})`;
}
