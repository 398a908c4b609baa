/**
 * Order lines found in more than one place — most often one sheet per year ("Orders 2025",
 * "Orders 2026"). KAP reads one order table (session.detectRoles picks it); the others are named
 * in a warning, so figures that leave them out are never shown without a word.
 */
import { detectTable } from "../ingest/detect";
import type { SourceTable } from "./session";
import { wholeText } from "../domain/numberText";

/** The tables other than `chosen` that hold order lines, each with its data rows; a table and its own sheet's used range are one place. */
export function otherOrderTables(
  tables: readonly SourceTable[],
  chosen: SourceTable
): { table: SourceTable; rows: number }[] {
  const sameSheet = (t: SourceTable) =>
    t.peek.name.toLowerCase() === chosen.peek.name.toLowerCase();
  const out: { table: SourceTable; rows: number }[] = [];
  for (const t of tables) {
    if (t === chosen) continue;
    // the used range of a sheet holds its tables: only two Excel tables on one sheet are two places
    if (sameSheet(t) && !(t.peek.tableName && chosen.peek.tableName)) continue;
    const d = detectTable(t.peek);
    if (d?.mapping.role !== "orders") continue;
    const rows = (t.rows ?? t.peek.values.length) - d.mapping.headerRow - 1;
    if (rows > 0) out.push({ table: t, rows });
  }
  return out;
}

const placeOf = (t: SourceTable) =>
  t.peek.tableName ? `table "${t.peek.tableName}" on "${t.peek.name}"` : `"${t.peek.name}"`;

/**
 * The warning naming the order tables not read, or undefined when there are none; their row
 * counts grouped the workbook `culture`'s way ("1.234 rows" in de-DE; none: en-GB).
 */
export function otherOrdersWarning(
  tables: readonly SourceTable[],
  chosen: SourceTable,
  culture?: string
): string | undefined {
  const others = otherOrderTables(tables, chosen);
  if (others.length === 0) return undefined;
  const list = others
    .map(
      (o) =>
        `${placeOf(o.table)} (${o.table.hiddenSheet ? "a hidden sheet, " : ""}${wholeText(o.rows, culture)} row${o.rows === 1 ? "" : "s"})`
    )
    .join(", ");
  return `Order lines were also found on ${list}, and were not read: KAP reads one order table, ${placeOf(chosen)}. To analyse them together, put all the order lines in one sheet or table.`;
}
