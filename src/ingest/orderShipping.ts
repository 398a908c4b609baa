/**
 * An order's shipping charged in a column of its own beside the item lines (Zoho Inventory's
 * "Shipping Charge"), written on each of the order's lines or on its first only. Carriage billed
 * is revenue (PRODUCT.md §2: postage, carriage and delivery lines count in revenue, never as
 * products), so each order gets a "Shipping" service line of that amount, once, as an invoice
 * would list it. A later line holding another amount is its own line's shipping and is added.
 * The order being read is settled when the next one starts and at the end.
 */
import type { OrderLine } from "../domain/types";
import { wholeText } from "../domain/numberText";
import { type Cell, isBlankCell } from "./grid";
import { UNCATEGORISED } from "../domain/orderLines";
import { normaliseHeader } from "./fields";
import type { ColumnConvention } from "./numbers";
import { parseMoney } from "./values";
import type { SettledDiscount } from "./orderDiscount";

/** The line an order's shipping charge is read as (a "postage and delivery" service line). */
export const ORDER_SHIPPING_SKU = "Shipping";

/**
 * Headers of an order's shipping amount, normalised: "Shipping Charge", "Shipping", "Freight
 * Amount", "Delivery Charges", "Carriage", Cin7 Omni's "Freight Total" (not "Shipping Address", "Shipping Method", nor one
 * with its tax in it; nor a bare "Delivery", SAP's delivery document number).
 */
const SHIPPING_AMOUNT_HEADER =
  /^(?:(?:shipping|freight|carriage|postage)(?: and handling)?(?: (?:charges?|costs?|amount|fees?|total))?|delivery (?:charges?|costs?|amount|fees?|total))(?: (?:ex|excl|excluding|before) (?:tax|vat|gst))?$/;

/** Whether a header names an order's shipping amount. */
export function isShippingAmountHeader(header: string): boolean {
  return SHIPPING_AMOUNT_HEADER.test(normaliseHeader(header));
}

/** The order being read, for its shipping. */
interface ShippedOrder {
  id: string;
  currency: string;
  /** the amount on its first line, which a repeat on a later line does not add to */
  first: number;
  amount: number;
  share: number;
  /** the order's first line, for the shipping line's account, date, site, currency and sign */
  line: OrderLine;
  rate: number;
}

export interface OrderShippingOptions {
  /** the shipping column */
  column: number;
  /** the shipping is left out of revenue (Shopify's lines are the goods alone): only summed, for the note */
  leftOut?: boolean;
  /** the money columns' convention */
  priceDec: ColumnConvention | undefined;
  /** the column's header as the file writes it, for the note */
  header: string;
  /** amounts by currency for the note, one way in every message ("$130.00 and CAD 21.00") */
  amounts: (byCurrency: Iterable<readonly [string, number]>) => string;
  culture?: string;
}

export class OrderShipping {
  private readonly o: OrderShippingOptions;
  private order: ShippedOrder | undefined;
  private orders = 0;
  private readonly byCurrency = new Map<string, number>();

  constructor(options: OrderShippingOptions) {
    this.o = options;
  }

  private amountOf(row: readonly Cell[]): number {
    const cell = row[this.o.column];
    if (isBlankCell(cell)) return 0;
    return parseMoney(cell, this.o.priceDec)?.value ?? 0;
  }

  /**
   * An accepted line of an order; `share` the order's net share where prices include tax (1: they
   * do not). A line of another order settles the one before: its shipping line, if any.
   */
  note(
    row: readonly Cell[],
    line: OrderLine,
    rate: number,
    share: number
  ): SettledDiscount | undefined {
    const amount = this.amountOf(row);
    const o = this.order;
    if (o && o.id === line.orderId) {
      // the order's charge repeated on each line counts once; another amount is this line's own
      if (Math.abs(amount) > 0.005 && Math.abs(amount - o.first) > 0.005) o.amount += amount;
      return undefined;
    }
    const settled = this.settle();
    this.order = {
      id: line.orderId,
      currency: line.currency ?? "",
      first: amount,
      amount,
      share,
      line: { ...line },
      rate,
    };
    return settled;
  }

  /** The order being read ends: its shipping line (in the reporting currency), if it has one. */
  settle(): SettledDiscount | undefined {
    const o = this.order;
    this.order = undefined;
    if (!o || Math.abs(o.amount) <= 0.005) return undefined;
    // a credit note's shipping is given back: it takes off, as its lines do
    const sign = o.line.isReturn || o.line.revenue < 0 ? -1 : 1;
    const value = sign * Math.abs(o.amount) * o.share;
    this.orders++;
    this.byCurrency.set(o.currency, (this.byCurrency.get(o.currency) ?? 0) + value);
    if (this.o.leftOut) return undefined;
    const shipping: OrderLine = {
      ...o.line,
      sku: ORDER_SHIPPING_SKU,
      productName: ORDER_SHIPPING_SKU,
      category: UNCATEGORISED,
      quantity: 0,
      revenue: value * o.rate,
      unitPrice: undefined,
      listPrice: undefined,
    };
    return { lines: [shipping], currency: shipping.currency, change: shipping.revenue };
  }

  /** What the user is told of the shipping read, if any was. */
  warning(): string | undefined {
    const n = this.orders;
    if (!n) return undefined;
    const { header, amounts, culture } = this.o;
    if (this.o.leftOut)
      return `The orders' shipping ("${header}": ${amounts(this.byCurrency)} on ${n === 1 ? "1 order" : `${wholeText(n, culture)} orders`}) is left out of revenue: each line's value is its goods alone, and the order Total, which holds the shipping and tax, is not read.`;
    return `"${header}" is each order's shipping, written on its lines: it counts in revenue once per order (carriage billed to the customer is revenue), read as a line "${ORDER_SHIPPING_SKU}" of ${n === 1 ? "the order" : `each of ${wholeText(n, culture)} orders`} (${amounts(this.byCurrency)} in all), in no product or category.`;
  }
}
