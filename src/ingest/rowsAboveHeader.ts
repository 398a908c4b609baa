/**
 * Rows above the header row that read as order lines under its columns: a customer, a date and
 * a figure where the header puts them. Lines are read below the header only, so such rows would
 * be left out unseen (a header the detection found lower down, its first copy written
 * differently); they are named instead. A report's title block (one text cell, a period "01.11.25
 * - 31.10.26") has no customer and date in the header's columns.
 */
import type { ColumnMapping } from "./detect";
import { type Cell, isBlankCell } from "./grid";
import { type DateOrder, parseDate, parseMoney, parseQuantity } from "./values";

type Row = readonly Cell[];

/** The rows above `mapping.headerRow` (0-based, in `rows`) that read as order lines. */
export function lineLikeRowsAbove(
  rows: readonly Row[],
  mapping: Pick<ColumnMapping, "fields" | "headerRow">,
  dateOrder: DateOrder
): number[] {
  const col = (f: string) => mapping.fields.find((m) => m.field === f)?.column ?? -1;
  const date = col("date");
  const accounts = [col("accountId"), col("accountName")].filter((c) => c >= 0);
  const revenue = col("revenue");
  const quantity = col("quantity");
  const price = col("unitPrice");
  if (date < 0 || accounts.length === 0) return [];
  const out: number[] = [];
  for (let r = 0; r < Math.min(mapping.headerRow, rows.length); r++) {
    const row = rows[r] ?? [];
    if (!accounts.some((c) => !isBlankCell(row[c]))) continue;
    if (isBlankCell(row[date]) || parseDate(row[date], dateOrder) === undefined) continue;
    const figure =
      (revenue >= 0 && !isBlankCell(row[revenue]) && parseMoney(row[revenue]) !== undefined) ||
      (quantity >= 0 &&
        price >= 0 &&
        parseQuantity(row[quantity]) !== undefined &&
        parseMoney(row[price]) !== undefined);
    if (figure) out.push(r);
  }
  return out;
}

/** The note naming the rows above the header that read as order lines (`sheetRow`: a grid row's number on the sheet). */
export function lineLikeRowsAboveNote(
  above: readonly number[],
  rows: readonly Row[],
  headerRow: number,
  sheetRow: (r: number) => number
): string {
  const n = above.length;
  const filled = (rows[above[0]] ?? []).filter((v) => !isBlankCell(v)).map((v) => String(v).trim());
  const example = `${filled.slice(0, 6).join("; ")}${filled.length > 6 ? "; …" : ""}`;
  const which =
    n === 1 ? `Row ${sheetRow(above[0])}` : `${n} rows (${above.map(sheetRow).join(", ")})`;
  return `${which} above the header row (row ${sheetRow(headerRow)}) ${n === 1 ? "reads as an order line" : "read as order lines"} under its columns (row ${sheetRow(above[0])}: ${example}), but only the rows below the header are read: ${n === 1 ? "it is" : "they are"} not counted. If ${n === 1 ? "it is an order line, move it" : "they are order lines, move them"} below the header row and analyse again.`;
}
