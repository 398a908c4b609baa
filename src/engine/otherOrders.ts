/**
 * Order lines found in more than one place — most often one sheet per year ("Orders 2025",
 * "Orders 2026"). KAP reads one order table (session.detectRoles picks it); the others are named
 * in a warning, so figures that leave them out are never shown without a word.
 */
import { detectTable } from "../ingest/detect";
import type { SourceTable } from "./session";
import { wholeText } from "../domain/numberText";
import { parseMoney } from "../ingest/values";

/** The tables other than `chosen` that hold order lines, each with its data rows; a table and its own sheet's used range are one place. */
export function otherOrderTables(
  tables: readonly SourceTable[],
  chosen: SourceTable
): { table: SourceTable; rows: number; credits?: number }[] {
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
    if (rows <= 0) continue;
    const credits = CREDIT_SHEET.test(t.peek.name) ? creditsOf(t, d.mapping) : undefined;
    out.push({ table: t, rows, ...(credits !== undefined ? { credits } : {}) });
  }
  return out;
}

/** A sheet of credit notes or returns kept apart from the invoices ("Credit Notes", "Gutschriften", "Avoirs", "Returns"). */
const CREDIT_SHEET = /credit|gutschrift|avoir|abono|creditnota|retour|return|refund/i;

/**
 * The line values of a credit-note sheet, unsigned, when every row of it was read ahead (the
 * peek): how much revenue is overstated while they are not read; undefined when not all were.
 */
function creditsOf(
  t: SourceTable,
  mapping: NonNullable<ReturnType<typeof detectTable>>["mapping"]
): number | undefined {
  const col = mapping.fields.find((f) => f.field === "revenue")?.column;
  const rows = t.peek.values.slice(mapping.headerRow + 1);
  if (col === undefined || (t.rows !== undefined && t.rows > t.peek.values.length))
    return undefined;
  let sum = 0;
  for (const r of rows) {
    const v = parseMoney(r[col])?.value;
    if (v !== undefined) sum += Math.abs(v);
  }
  return sum > 0 ? Math.round(sum * 100) / 100 : undefined;
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
  const credits = others.filter(
    (o) => o.credits !== undefined || CREDIT_SHEET.test(o.table.peek.name)
  );
  const overstated = credits.length
    ? ` ${credits.map((o) => placeOf(o.table)).join(", ")} ${credits.length === 1 ? "holds" : "hold"} credit notes or returns${
        credits.every((o) => o.credits !== undefined)
          ? ` (${amountText(
              credits.reduce((a, o) => a + o.credits!, 0),
              culture
            )} in all)`
          : ""
      }: they are not taken off, so revenue is overstated by them.`
    : "";
  return `Order lines were also found on ${list}, and were not read: KAP reads one order table, ${placeOf(chosen)}.${overstated} To analyse them together, put all the order lines in one sheet or table${credits.length ? " (credit notes as negative amounts or with a document type)" : ""}.`;
}

/** 1279 → "1,279.00" (en-GB), "1.279,00" (de-DE): an amount whose currency the sheet may not say. */
function amountText(x: number, culture?: string): string {
  const name = culture?.trim().replace(/_/g, "-") || "en-GB";
  const options = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  try {
    return new Intl.NumberFormat(name, options).format(x);
  } catch {
    return new Intl.NumberFormat("en-GB", options).format(x);
  }
}
