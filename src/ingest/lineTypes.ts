/**
 * A column saying what each row of a sale is (Lightspeed X-Series / Vend's "Line Type": "Sale",
 * "Sale Line", "Payment"): the item rows are the order lines; the sale's own row holds the whole
 * receipt's total again, and a payment row its tender. Those are no lines and no sale lost, so
 * they are skipped as what they are, with nothing said lost (PRODUCT.md §1: every skipped row
 * said, by its reason).
 */
import type { Cell } from "./grid";
import { normaliseHeader } from "./fields";

/** Headers of a row-kind column, normalised. */
const LINE_TYPE_HEADER = /^(?:line|row|record|entry) (?:type|kind)$/;
/** An item row: the order's line ("Sale Line", "Line Item", "Item", "Product"). */
const ITEM_ROW =
  /^\s*(?:(?:sales?|order|invoice|receipt)\s+)?(?:line(?:\s+item)?|item|product)s?\s*$/i;
/** A payment row ("Payment", "Tender"): money received, no sale. */
const PAYMENT_ROW = /^\s*(?:payments?|tenders?)\s*$/i;
/** The sale's own row, its total again ("Sale", "Receipt", "Header", "Total"). */
const TOTAL_ROW =
  /^\s*(?:sales?|receipt|order|invoice|header|totals?|(?:sale|receipt|order|invoice)\s+(?:total|header))\s*$/i;

/** The rule a receipt's total row is skipped under (no sale lost: its lines are read). */
export const RECEIPT_TOTAL_ROW = "receipt total row";
/** The rule a payment row is skipped under (no sale). */
export const PAYMENT_ROW_RULE = "payment row";

/** What a row of a row-kind column is: an item line, the sale's total, a payment, or unknown (read as a line). */
export function lineTypeRule(value: string): string | undefined {
  if (value === "" || ITEM_ROW.test(value)) return undefined;
  if (PAYMENT_ROW.test(value)) return PAYMENT_ROW_RULE;
  if (TOTAL_ROW.test(value)) return RECEIPT_TOTAL_ROW;
  return undefined;
}

/**
 * The row-kind column of a table, or -1: a header naming one whose first rows hold item rows
 * beside total or payment rows. With the note for the user.
 */
export function lineTypeColumn(
  headers: readonly string[],
  sample: readonly (readonly Cell[])[]
): { column: number; note: string } | undefined {
  const column = headers.findIndex((h) => LINE_TYPE_HEADER.test(normaliseHeader(h)));
  if (column < 0) return undefined;
  const items = new Set<string>();
  const totals = new Set<string>();
  const payments = new Set<string>();
  for (const r of sample) {
    const v = typeof r[column] === "string" ? (r[column] as string).trim() : "";
    if (v === "") continue;
    if (ITEM_ROW.test(v)) items.add(v);
    else if (PAYMENT_ROW.test(v)) payments.add(v);
    else if (TOTAL_ROW.test(v)) totals.add(v);
  }
  if (!items.size || !(totals.size || payments.size)) return undefined;
  const q = (s: Set<string>) => [...s].map((v) => `"${v}"`).join(", ");
  const skipped = [
    totals.size ? `${q(totals)} rows hold each sale's total again` : "",
    payments.size ? `${q(payments)} rows its payments` : "",
  ].filter(Boolean);
  const header = headers[column].trim();
  return {
    column,
    note: `"${header}": only its ${q(items)} rows are read, each an item sold; ${skipped.join(" and ")}, so they are skipped as such, no sale lost.`,
  };
}
