/**
 * Whether the Account Health sheet's inputs can stay live over the user's order lines, and
 * where those are (issue 14): the task pane's found order table and its confirmed mapping →
 * the LiveOrderSource the health layout writes KAP.METRICS over (src/sheets/liveInputs).
 *
 * KAP.METRICS reads each row as the ingest reads a plain line (src/functions/orderColumns), but
 * not everything the ingest does: an export layout's own reading (QuickBooks "Parent:Job",
 * headings, …), a document-type column, currencies and conversion, revenue worked out from unit
 * price × quantity, categories filled in from a catalog, order-level cells on the first line of
 * an order only, text dates or amounts, rows the analysis skipped (totals, repeated headers,
 * unreadable or rejected lines: the function would count them or stop at them). When the data needs any of these the live figures could
 * differ from KAP's, so the sheet keeps values and `why` says which; otherwise the live inputs
 * equal the engine's (test/sheets/liveInputsSample.test.ts checks every account of the sample workbook).
 */
import { isoToSerial } from "../domain/dates";
import type { Serial } from "../domain/types";
import type { ColumnMapping } from "../ingest/detect";
import type { Cell } from "../ingest/grid";
import type { LiveOrderField, LiveOrderSource } from "../sheets/liveInputs";
import { isValidDefinedName } from "../sheets/excelNames";

export interface LiveSourceInput {
  sheet: string;
  table?: string;
  /** 0-based sheet row and column of the grid's top-left cell (for a table: its header row) */
  rowIndex: number;
  columnIndex: number;
  /** the confirmed order mapping (the one the analysis read with) */
  mapping: ColumnMapping;
  /** the grid's header row, one text per column */
  headers: readonly string[];
  /** data rows below the header (a sample) */
  sample: readonly (readonly Cell[])[];
  /** a catalog table was found (it fills in blank categories) */
  hasCatalog: boolean;
  /** the as-of date the user set; undefined = the data's last order date */
  asOf?: Serial;
  /** how many currencies the analysis found (IngestReport.currencies); the function reads one */
  currencies?: number;
  /** the rows the analysis skipped, by rule (IngestReport.skipped) */
  skipped?: readonly { rule: string; rows: number }[];
}

/** Skipped rows KAP.METRICS skips too: blank rows, and comment lines with neither quantity nor value. */
const SKIPPED_ALIKE = new Set(["blank row", "empty line (no quantity, no value)"]);

export type LiveSourceResult = { source: LiveOrderSource } | { why: string };

const FIELDS: Partial<Record<string, LiveOrderField>> = {
  accountId: "accountId",
  date: "date",
  orderId: "orderId",
  revenue: "revenue",
  category: "category",
  quantity: "quantity",
  sku: "sku",
};

const blank = (v: Cell | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The live source, or why the inputs stay values (one sentence). */
export function liveOrderSource(i: LiveSourceInput): LiveSourceResult {
  const m = i.mapping;
  const field = (f: string) => m.fields.find((x) => x.field === f);
  for (const f of ["accountId", "date", "revenue"] as const)
    if (!field(f))
      return {
        why: `the order lines have no ${f === "accountId" ? "account id" : f === "date" ? "date" : "line revenue"} column KAP.METRICS can read`,
      };
  if (m.layout) return { why: `the order lines are read as a known export layout (${m.layout})` };
  if (field("docType"))
    return { why: "the order lines mark credit notes in a document-type column" };
  if (field("currency")) return { why: "the order lines have a currency column" };
  if ((i.currencies ?? 1) > 1) return { why: "the order lines are in several currencies" };
  if (!field("category") && i.hasCatalog)
    return { why: "the categories come from the catalog, not the order lines" };
  if (i.table && m.headerRow !== 0) return { why: "the table's header is not its first row" };
  const other = (i.skipped ?? []).filter((r) => r.rows > 0 && !SKIPPED_ALIKE.has(r.rule));
  if (other.length) {
    const n = other.reduce((t, r) => t + r.rows, 0);
    return {
      why: `the analysis skipped ${n} order row${n === 1 ? "" : "s"} (${other.map((r) => r.rule).join(", ")}) that KAP.METRICS would read otherwise`,
    };
  }
  if (i.table && !isValidDefinedName(i.table))
    return { why: `"${i.table}" is not a table name a formula can use` };

  const columns: Partial<Record<LiveOrderField, { header: string; column: number }>> = {};
  for (const fm of m.fields) {
    const f = FIELDS[fm.field] ?? (fm.field === "productName" && !field("sku") ? "sku" : undefined);
    if (!f) continue;
    const header = i.headers[fm.column] ?? "";
    if (i.table && (header === "" || /[\r\n]/.test(header)))
      return { why: `the table column of ${fm.field} has no name a formula can use` };
    columns[f] = { header, column: i.columnIndex + fm.column };
  }
  // Cells the functions read differently from the ingest: a sample of the rows decides.
  const col = (f: string) => field(f)!.column;
  for (const row of i.sample) {
    const acc = row[col("accountId")];
    const date = row[col("date")];
    const rev = row[col("revenue")];
    if (blank(acc) && blank(date) && blank(rev)) continue;
    if (blank(acc)) return { why: "some order lines leave the account to the order's first line" };
    if (
      !(typeof date === "number" && date > 0) &&
      !(typeof date === "string" && isoToSerial(date.trim().slice(0, 10)) !== undefined)
    )
      return { why: "the order dates are text, not date cells" };
    if (!blank(rev) && typeof rev !== "number")
      return { why: "the line revenue is text, not numbers" };
  }
  return {
    source: {
      sheet: i.sheet,
      ...(i.table ? { table: i.table } : {}),
      headerRow: i.rowIndex + m.headerRow + 1,
      columns: columns as LiveOrderSource["columns"],
      ...(i.asOf !== undefined ? { asOf: i.asOf } : {}),
    },
  };
}
