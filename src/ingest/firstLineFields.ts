/**
 * Order-level cells written on an order's first line only: a report or a PivotTable in tabular
 * form ("Repeat All Item Labels" off), merged cells saved as values, an ERP's sales-order detail
 * with repeated values suppressed. The order's later lines leave its order id and customer blank
 * (its date often too) and hold only the product and its figures. Read as they stand, those lines
 * have no account and are skipped; read as the lines of the order above them, nothing is lost.
 *
 * Decided once, from the sample of the order rows, never row by row: a line whose order id and
 * customer are blank (with a product and a figure on it, and no totals label) right under a line
 * of an order, or under another such line, is a continuation; the file is read so when it has any and at most one in
 * ten such lines stands anywhere else (under a blank row, a total, the header).
 */
import { type Cell, isBlankCell } from "./grid";
import { isTotalsLabel } from "./orders";
import type { ColumnMapping } from "./detect";

/** What the sample shows: the continuation lines found, and such lines standing under no order. */
export interface FirstLineFields {
  continuations: number;
  orphans: number;
  /** continuation lines with a date of their own (all of them: the date is no order-level cell here) */
  dated: number;
}

/**
 * The sample's lines with blank order id and customer under an order's line (`continuations`)
 * and under anything else (`orphans`); with no order id column, lines with a blank customer under
 * a line with one. Undefined when the mapping has no customer, or no product or figure to tell a
 * line from a totals row.
 */
export function firstLineFields(
  mapping: ColumnMapping,
  sample: readonly (readonly Cell[])[]
): FirstLineFields | undefined {
  const column = (f: string) => mapping.fields.find((m) => m.field === f)?.column ?? -1;
  const orderId = column("orderId");
  const date = column("date");
  const accounts = [column("accountId"), column("accountName")].filter((c) => c >= 0);
  const products = [column("sku"), column("productName")].filter((c) => c >= 0);
  const figures = [column("revenue"), column("quantity"), column("credit")].filter((c) => c >= 0);
  if (!accounts.length || !products.length || !figures.length) return undefined;
  const filled = (row: readonly Cell[], cols: readonly number[]) =>
    cols.some((c) => !isBlankCell(row[c]));
  let continuations = 0;
  let orphans = 0;
  let dated = 0;
  /** whether the row above is an order's line (its first, or one carried on from it) */
  let underOrder = false;
  for (const row of sample) {
    // with no order id column, a line's customer starts it
    const hasId = orderId < 0 || !isBlankCell(row[orderId]);
    const hasAccount = filled(row, accounts);
    const isLine = filled(row, products) && filled(row, figures);
    // A totals or summary row is no line: a subtotal within the customer's lines (a PivotTable's
    // "02/09/2026 Total") leaves them going on, one naming the customer ("Acme Ltd Total") or
    // none ("Grand Total", "Lines 3") ends them.
    // (a whole line needs no test: most rows of most files)
    const whole = hasId && hasAccount && isLine;
    if (!whole && row.some(isTotalsText)) {
      if (hasAccount || !filled(row, [date])) underOrder = false;
      continue;
    }
    if ((orderId < 0 || !hasId) && !hasAccount && isLine) {
      if (!underOrder) orphans++;
      else {
        continuations++;
        if (date >= 0 && !isBlankCell(row[date])) dated++;
      }
      continue;
    }
    underOrder = whole;
  }
  return { continuations, orphans, dated };
}

function isTotalsText(v: Cell): boolean {
  return typeof v === "string" && v.length > 0 && isTotalsLabel(v);
}

/** Whether the sample says the order's cells are on its first line only (firstLineFields). */
export function orderFieldsOnFirstLine(found: FirstLineFields | undefined): boolean {
  return !!found && found.continuations > 0 && found.orphans * 10 <= found.continuations;
}

/** What the user is told when the file is read so: the columns left blank (the date unless every continuation line has one). */
export function firstLineFieldsNote(mapping: ColumnMapping, found: FirstLineFields): string {
  const header = (f: string) => mapping.fields.find((m) => m.field === f)?.header;
  const orderId = header("orderId");
  const names = [
    orderId,
    header("accountName") ?? header("accountId"),
    found.dated === found.continuations ? undefined : header("date"),
  ]
    .filter((h): h is string => !!h)
    .map((h) => `"${h}"`);
  const said =
    names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
  return orderId
    ? `An order's later lines leave its ${said} blank (written on its first line only, as a report or a PivotTable lays them out): each such line was read as a line of the order above it.`
    : `Lines leave the ${said} blank under a line that has ${names.length > 1 ? "them" : "it"} (written once for the lines below, as a report or a PivotTable lays them out): each such line was read with the line above's.`;
}
