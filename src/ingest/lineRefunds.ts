/**
 * Magento's order-item export (sales_order_item): "row_total" is the line's price × quantity
 * before its discount, and refunds are columns of the line, not lines of their own. Magento
 * writes, for each line, "discount_amount" (the money taken off it), "qty_refunded" (the units
 * given back on credit memos), "amount_refunded" (the credit memos' row totals for them, before
 * their discount) and "discount_refunded" (the discount those credit memos gave back). So the line
 * sold row_total − discount_amount − (amount_refunded − discount_refunded), and its quantity less
 * qty_refunded. Without amount_refunded the refunded units are valued at the line's price after
 * its discount; without discount_refunded the refund carries the line's share of discount.
 * A line partly cancelled before it was invoiced keeps its row_total for every unit ordered:
 * "qty_canceled" of its "qty_ordered" units were never sold, so that share of the line's value
 * after its discount comes off too, and the units off its quantity where that is qty_ordered
 * (qty_invoiced and qty_shipped never held them).
 */
import { type Cell, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";

/** The columns of a line's discount and refunds (0-based; -1: not in the export). */
export interface LineRefundColumns {
  discount: number;
  amountRefunded: number;
  discountRefunded: number;
  qtyRefunded: number;
  qtyCanceled: number;
  qtyOrdered: number;
  /** whether the quantity read is qty_ordered, which holds the cancelled units */
  quantityHoldsCanceled: boolean;
}

/** Magento's line values before discount: the order currency's and the base currency's. */
const ROW_TOTAL = /^(?:base )?row total$/;

/**
 * Magento's "qty_ordered" column (0-based; -1: none) where the line value read is its row total:
 * the units the row total is for, whatever was invoiced, shipped or cancelled since.
 */
export function orderedUnitsColumn(headers: readonly string[], revenueHeader: string): number {
  if (!ROW_TOTAL.test(normaliseHeader(revenueHeader))) return -1;
  return headers.map(normaliseHeader).indexOf("qty ordered");
}

/**
 * The line's discount and refund columns, when the file is Magento's order items read at its
 * row total (`revenueHeader`): those of the same currency, the base ones beside base_row_total.
 */
export function lineRefundColumns(
  headers: readonly string[],
  revenueHeader: string,
  quantityHeader?: string
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
    qtyCanceled: names.indexOf("qty canceled"),
    qtyOrdered: names.indexOf("qty ordered"),
    quantityHoldsCanceled:
      quantityHeader !== undefined && normaliseHeader(quantityHeader) === "qty ordered",
  };
  // a cancelled share needs the units ordered to be a share of
  if (cols.qtyOrdered < 0 && !cols.quantityHoldsCanceled) cols.qtyCanceled = -1;
  return cols.qtyRefunded >= 0 || cols.amountRefunded >= 0 || cols.qtyCanceled >= 0
    ? cols
    : undefined;
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
  const canceled =
    cols.qtyCanceled >= 0
      ? `, less the cancelled units' share (${h(cols.qtyCanceled)} of ${cols.qtyOrdered >= 0 ? h(cols.qtyOrdered) : `"${quantityHeader}"`})`
      : "";
  const off = [
    cols.qtyRefunded >= 0 ? h(cols.qtyRefunded) : "",
    cols.qtyCanceled >= 0 && cols.quantityHoldsCanceled ? h(cols.qtyCanceled) : "",
  ].filter((s) => s !== "");
  const qty =
    quantityHeader && off.length
      ? `; its quantity is "${quantityHeader}" less ${off.join(" and less ")}`
      : "";
  const refunds = cols.qtyRefunded >= 0 || cols.amountRefunded >= 0 ? ` and less ${refund}` : "";
  return `Magento's order items: each line's value is "${revenueHeader}"${cols.discount >= 0 ? ` less ${h(cols.discount)}` : ""}${canceled}${refunds}${qty}.`;
}

/**
 * The line's value and quantity net of its discount, its cancelled units and its refunds:
 * `revenue` its row total, `quantity` its units; `money` and `units` read a cell (undefined:
 * unreadable). `offUnits` is what comes off the quantity read (the refunded units, and the
 * cancelled ones where the quantity is qty_ordered); `canceled` whether every unit ordered was
 * cancelled. Undefined when a cell cannot be read.
 */
export function netOfLineRefunds(
  row: readonly Cell[],
  cols: LineRefundColumns,
  revenue: number,
  quantity: number | undefined,
  money: (c: Cell) => number | undefined,
  units: (c: Cell) => number | undefined
): { revenue: number; offUnits: number; canceled: boolean } | undefined {
  const read = (c: number, of: (c: Cell) => number | undefined): number | undefined =>
    c < 0 || isBlankCell(row[c]) ? 0 : of(row[c]);
  const discount = read(cols.discount, money);
  const refundedUnits = read(cols.qtyRefunded, units);
  const canceledUnits = read(cols.qtyCanceled, units);
  if (discount === undefined || refundedUnits === undefined || canceledUnits === undefined)
    return undefined;
  // Magento writes its discounts positive; a minus sign says the same
  let net = revenue - Math.abs(discount);
  let sold = quantity;
  if (canceledUnits > 0) {
    const ordered = cols.qtyOrdered >= 0 ? read(cols.qtyOrdered, units) : quantity;
    if (ordered === undefined || !(ordered > 0) || canceledUnits > ordered) return undefined;
    // the row total and its discount are for every unit ordered: the cancelled ones' share off
    net -= (net * canceledUnits) / ordered;
    // the refunded units' price (below) is over the units the line still holds
    sold = ordered - canceledUnits;
    if (canceledUnits === ordered) return { revenue: 0, offUnits: quantity ?? 0, canceled: true };
  }
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
  } else refunded = sold ? (net * refundedUnits) / sold : 0;
  const offUnits = refundedUnits + (cols.quantityHoldsCanceled ? canceledUnits : 0);
  return { revenue: net - refunded, offUnits, canceled: false };
}
