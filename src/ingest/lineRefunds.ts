/**
 * Magento's order-item export (sales_order_item): "row_total" is the line's price × quantity
 * before its discount, and refunds are columns of the line, not lines of their own. Magento
 * writes, for each line, "discount_amount" (the money taken off it), "qty_refunded" (the units
 * given back on credit memos), "amount_refunded" (the credit memos' row totals for them, before
 * their discount) and "discount_refunded" (the discount those credit memos gave back). So the line
 * sold row_total − discount_amount − (amount_refunded − discount_refunded), and its quantity less
 * qty_refunded. Without amount_refunded the refunded units are valued at the line's price after
 * its discount; without discount_refunded the refund carries the line's share of discount.
 */
import { type Cell, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";

/** The columns of a line's discount and refunds (0-based; -1: not in the export). */
export interface LineRefundColumns {
  discount: number;
  amountRefunded: number;
  discountRefunded: number;
  qtyRefunded: number;
}

/** Magento's line values before discount: the order currency's and the base currency's. */
const ROW_TOTAL = /^(?:base )?row total$/;

/**
 * The line's discount and refund columns, when the file is Magento's order items read at its
 * row total (`revenueHeader`): those of the same currency, the base ones beside base_row_total.
 */
export function lineRefundColumns(
  headers: readonly string[],
  revenueHeader: string
): LineRefundColumns | undefined {
  const revenue = normaliseHeader(revenueHeader);
  if (!ROW_TOTAL.test(revenue)) return undefined;
  const names = headers.map(normaliseHeader);
  const base = revenue.startsWith("base ") ? "base " : "";
  const cols: LineRefundColumns = {
    discount: names.indexOf(`${base}discount amount`),
    amountRefunded: names.indexOf(`${base}amount refunded`),
    discountRefunded: names.indexOf(`${base}discount refunded`),
    qtyRefunded: names.indexOf("qty refunded"),
  };
  return cols.qtyRefunded >= 0 || cols.amountRefunded >= 0 ? cols : undefined;
}

/** What the reading's summary says: the columns read and how. */
export function lineRefundsNote(
  cols: LineRefundColumns,
  headers: readonly string[],
  revenueHeader: string,
  quantityHeader: string | undefined
): string {
  const h = (c: number) => `"${headers[c].trim()}"`;
  const refund =
    cols.amountRefunded >= 0
      ? cols.discountRefunded >= 0
        ? `what was refunded (${h(cols.amountRefunded)} less ${h(cols.discountRefunded)})`
        : `what was refunded (${h(cols.amountRefunded)}, less its share of the discount)`
      : `the ${h(cols.qtyRefunded)} units refunded, at the line's price after its discount`;
  const qty =
    quantityHeader && cols.qtyRefunded >= 0
      ? `; its quantity is "${quantityHeader}" less ${h(cols.qtyRefunded)}`
      : "";
  return `Magento's order items: each line's value is "${revenueHeader}"${cols.discount >= 0 ? ` less ${h(cols.discount)}` : ""} and less ${refund}${qty}.`;
}

/**
 * The line's value and quantity net of its discount and refunds: `revenue` its row total,
 * `quantity` its units; `money` and `units` read a cell (undefined: unreadable). Undefined when a
 * cell cannot be read.
 */
export function netOfLineRefunds(
  row: readonly Cell[],
  cols: LineRefundColumns,
  revenue: number,
  quantity: number | undefined,
  money: (c: Cell) => number | undefined,
  units: (c: Cell) => number | undefined
): { revenue: number; refundedUnits: number } | undefined {
  const read = (c: number, of: (c: Cell) => number | undefined): number | undefined =>
    c < 0 || isBlankCell(row[c]) ? 0 : of(row[c]);
  const discount = read(cols.discount, money);
  const refundedUnits = read(cols.qtyRefunded, units);
  if (discount === undefined || refundedUnits === undefined) return undefined;
  // Magento writes its discounts positive; a minus sign says the same
  const net = revenue - Math.abs(discount);
  let refunded: number;
  if (cols.amountRefunded >= 0 && !isBlankCell(row[cols.amountRefunded])) {
    const gross = money(row[cols.amountRefunded]);
    if (gross === undefined) return undefined;
    const given =
      cols.discountRefunded >= 0
        ? read(cols.discountRefunded, money)
        : revenue !== 0
          ? (Math.abs(gross) * Math.abs(discount)) / revenue
          : 0;
    if (given === undefined) return undefined;
    refunded = Math.abs(gross) - Math.abs(given);
  } else refunded = quantity ? (net * refundedUnits) / quantity : 0;
  return { revenue: net - refunded, refundedUnits };
}
