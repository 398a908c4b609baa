/**
 * Magento's admin order grid (Sales › Orders › Export CSV): one row per order and no products.
 * "Subtotal" is the goods before the order's discount, shipping and tax; "Grand Total" holds all
 * of them. "Total Refunded" is what the order's credit memos gave back, its goods, shipping, tax
 * and adjustments together, not said apart. So an order sold its Subtotal, less its discount
 * (where the export has a discount column), less what was refunded: the whole refund is taken
 * off the goods (the grid does not say how much of it was shipping or tax), never below nothing.
 */
import { type Cell, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";

/** The columns of an order's discount and refunds (0-based; -1: not in the export). */
export interface OrderRefundColumns {
  discount: number;
  refunded: number;
}

/** Magento's order-level discount, as its grid or an extension names it. */
const DISCOUNT_HEADERS = ["discount amount", "discount", "total discount", "discount total"];

/** The discount and refund columns of Magento's order grid, read beside its `Subtotal`. */
export function orderRefundColumns(headers: readonly string[]): OrderRefundColumns | undefined {
  const names = headers.map(normaliseHeader);
  const refunded = names.indexOf("total refunded");
  const discount = DISCOUNT_HEADERS.map((h) => names.indexOf(h)).find((c) => c >= 0) ?? -1;
  return refunded >= 0 || discount >= 0 ? { discount, refunded } : undefined;
}

/** What the reading's summary says: the columns read and the refund rule. */
export function orderRefundsNote(
  cols: OrderRefundColumns,
  headers: readonly string[],
  revenueHeader: string
): string {
  const h = (c: number) => `"${headers[c].trim()}"`;
  const less = [
    cols.discount >= 0 ? h(cols.discount) : "",
    cols.refunded >= 0 ? h(cols.refunded) : "",
  ]
    .filter((s) => s !== "")
    .join(" and less ");
  const rule =
    cols.refunded >= 0
      ? ` ${h(cols.refunded)} holds the shipping and tax refunded too, not said apart: the whole refund is taken off the goods (such an order may be understated by the shipping and tax in it), and a refund beyond the goods leaves the order at nothing, skipped as refunded.`
      : "";
  return `Magento's order grid: each order's value is "${revenueHeader}" (its goods before shipping and tax) less ${less}.${rule}`;
}

/**
 * The order's value net of its discount and refund: `subtotal` its goods before discount; `money`
 * reads a cell (undefined: unreadable). `refunded` is the refund taken off, `beyond` what the
 * refund held past the goods (shipping, tax, a fee). Undefined when a cell cannot be read.
 */
export function netOfOrderRefund(
  row: readonly Cell[],
  cols: OrderRefundColumns,
  subtotal: number,
  money: (c: Cell) => number | undefined
): { revenue: number; refunded: number; beyond: number } | undefined {
  const read = (c: number): number | undefined =>
    c < 0 || isBlankCell(row[c]) ? 0 : money(row[c]);
  const discount = read(cols.discount);
  const refund = read(cols.refunded);
  if (discount === undefined || refund === undefined) return undefined;
  // Magento writes its discounts negative in the grid and positive elsewhere: the same money off
  const goods = subtotal - Math.abs(discount);
  const refunded = Math.min(Math.abs(refund), Math.max(goods, 0));
  return { revenue: goods - refunded, refunded, beyond: Math.abs(refund) - refunded };
}
