/**
 * An order number's suffix in a column of its own (Infor CSD / SX.e's "Order #" and "Suf",
 * "orderno" and "ordersuf"): 1234567-00 is the order as first shipped and invoiced, 1234567-01
 * its backorder shipped and invoiced later, on a date of its own. The document is the number
 * with its suffix; read by the number alone, the backorder's lines joined the first shipment's
 * order and its date was lost (account 10045's last order read 02/11 where it was 09/11).
 */
import { type Cell, cellText, isBlankCell } from "./grid";
import type { FieldMatch } from "./detect";
import { normaliseHeader } from "./fields";

/** Suffix headers, normalised with their spaces removed ("Suf", "Order Suffix", "ordersuf", "Ord Sfx"). */
const SUFFIX_HEADER =
  /^(?:(?:sales)?(?:order|ord|oe|so|invoice|inv)(?:no|num|number)?)?(?:suf|suff|suffix|sfx)$/;

/** A suffix: one to three digits ("00", "01", 1). */
function isSuffix(v: Cell): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v < 1000;
  return typeof v === "string" && /^\s*\d{1,3}\s*$/.test(v);
}

/**
 * The column holding the order number's suffix beside the order number, or undefined: a suffix
 * header no field took, whose filled values in the sample are all one to three digits. With the
 * note for the user.
 */
export function orderSuffixColumn(
  headers: readonly string[],
  sample: readonly (readonly Cell[])[],
  fields: readonly FieldMatch[]
): { column: number; note: string } | undefined {
  const order = fields.find((m) => m.field === "orderId");
  if (!order) return undefined;
  const column = headers.findIndex(
    (h, c) =>
      SUFFIX_HEADER.test(normaliseHeader(h).replace(/ /g, "")) &&
      !fields.some((m) => m.column === c)
  );
  if (column < 0) return undefined;
  let filled = 0;
  let example = "";
  for (const r of sample) {
    const v = r[column];
    if (isBlankCell(v)) continue;
    if (!isSuffix(v)) return undefined;
    filled++;
    if (!example && !isBlankCell(r[order.column]) && suffixText(v) !== "00")
      example = `${cellText(r[order.column])}-${suffixText(v)}`;
  }
  if (!filled) return undefined;
  const header = headers[column].trim();
  const such = example ? ` (such as ${example})` : "";
  return {
    column,
    note: `"${order.header}" and "${header}" are read together as the document number${such}: each suffix of an order is a shipment invoiced on its own date, so it counts as an order of its own.`,
  };
}

/** A suffix as the ERP writes it: two digits at least ("1" → "01"). */
function suffixText(v: Cell): string {
  return cellText(v).trim().padStart(2, "0");
}

/**
 * The rows with the order number joined to its suffix ("1234567" and "01" → "1234567-01"); a
 * row with either blank keeps its order cell as it is. Rows are copied, never changed.
 */
export function withOrderSuffix(
  rows: readonly (readonly Cell[])[],
  orderColumn: number,
  suffixColumn: number
): (readonly Cell[])[] {
  return rows.map((r) => {
    const order = r[orderColumn];
    const suffix = r[suffixColumn];
    if (isBlankCell(order) || isBlankCell(suffix) || !isSuffix(suffix)) return r;
    const copy = r.slice();
    copy[orderColumn] = `${cellText(order).trim()}-${suffixText(suffix)}`;
    return copy;
  });
}
