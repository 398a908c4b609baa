/**
 * A discount on a whole order, apart from its lines' own.
 *
 * Shopify's "Discount Amount" beyond its lines' "Lineitem discount" came off no line, so the
 * lines overstate the order. Which lines it came off is not shown, so none is changed: the order
 * gets a discount line of its own for that amount (a service line, PRODUCT.md §2: in revenue,
 * never a product or category), as QuickBooks writes a "Discount" item among an invoice's lines.
 *
 * Zoho Books' entity-level discount ("Entity Discount Amount", or only "Entity Discount Percent")
 * comes off the invoice's items in proportion to their totals: Zoho itself so spreads it (each
 * line's "Item Tax Amount" is on its share after the discount). Its lines are held until the
 * invoice ends and handed over each less its share, so every product's revenue is net.
 *
 * The order being read is settled when the next one starts and at the end.
 */
import type { OrderLine } from "../domain/types";
import { wholeText } from "../domain/numberText";
import { type Cell, isBlankCell } from "./grid";
import { UNCATEGORISED } from "../domain/orderLines";
import type { ColumnConvention } from "./numbers";
import { parseMoney } from "./values";

/** The line a Shopify order's discount on the whole order is read as (a "discount" service line). */
export const ORDER_DISCOUNT_SKU = "Order discount";

/** The order being read, for its discount on the whole order. */
interface DiscountedOrder {
  id: string;
  currency: string;
  /** the discount as written: money, or a percentage of the goods (OrderDiscountsOptions.percent) */
  discount: number;
  subtotal: number | undefined;
  lineDiscounts: number;
  lines: number;
  share: number;
  /** the order's first line, for the discount line's account, date, site and currency */
  first: OrderLine;
  /** the exchange rate its lines were converted at (1: none) */
  rate: number;
  /** where the discount is spread over the lines: the lines held, with their store values */
  held: { line: OrderLine; value: number }[];
}

/**
 * An order settled: the lines to hand over (its discount line, or its held lines less their
 * shares) and the change to the revenue already counted for its lines, in `currency`.
 */
export interface SettledDiscount {
  lines: OrderLine[];
  currency: string | undefined;
  change: number;
}

export interface OrderDiscountsOptions {
  /** the columns of the order's Discount Amount, its Subtotal and its lines' discounts (-1: none) */
  orderDiscount: number;
  orderSubtotal: number;
  lineDiscount: number;
  /** the money columns' convention */
  priceDec: ColumnConvention | undefined;
  /** a column's header as the file writes it, for the warning */
  header: (field: string) => string;
  /** an amount for the warning, in the reading culture */
  money: (x: number) => string;
  /** amounts by currency for the warning, one way in every message ("$130.00 and CAD 21.00") */
  amounts: (byCurrency: Iterable<readonly [string, number]>) => string;
  culture?: string;
  /**
   * The discount is all on the goods (isDiscountOnGoodsHeader: Zoho's entity-level discount): no
   * Subtotal needed to say so, and it is spread over the order's lines by their values.
   */
  onGoods?: boolean;
  /** the discount column is a percentage of the goods (Zoho's "Entity Discount Percent") */
  percent?: boolean;
}

/** Whether the columns show an order's discount on the whole order apart from its lines'. */
export function showsOrderDiscounts(
  col: Readonly<Record<string, number>>,
  onGoods = false
): boolean {
  return col.orderDiscount >= 0 && (onGoods || col.lineDiscount >= 0 || col.orderSubtotal >= 0);
}

/**
 * Zoho Books' "Entity Discount Amount": the invoice's discount on its items as a whole (its
 * "Discount Type" entity_level), apart from each item's own discount, never on shipping; its
 * SubTotal is before it. All of it comes off the goods. "Entity Discount Percent" says the same
 * as a percentage of the items, where an export template leaves the amount out.
 */
export function isDiscountOnGoodsHeader(header: string | undefined): boolean {
  return (
    header !== undefined &&
    (ENTITY_DISCOUNT_AMOUNT.test(header.trim()) || isDiscountPercentOnGoodsHeader(header))
  );
}

const ENTITY_DISCOUNT_AMOUNT = /^entity discount amount$/i;

/** Zoho's "Entity Discount Percent": the entity-level discount as a percentage of the items. */
export function isDiscountPercentOnGoodsHeader(header: string | undefined): boolean {
  return header !== undefined && /^entity discount percent(?:age)?$/i.test(header.trim());
}

/** The column of the discount on the goods: Zoho's Entity Discount Amount, else its Percent (-1: none). */
export function discountOnGoodsColumn(headers: readonly string[]): number {
  const amount = headers.findIndex((h) => ENTITY_DISCOUNT_AMOUNT.test(h.trim()));
  return amount >= 0 ? amount : headers.findIndex((h) => isDiscountPercentOnGoodsHeader(h));
}

export class OrderDiscounts {
  private readonly o: OrderDiscountsOptions;
  private order: DiscountedOrder | undefined;
  private overDiscounted = 0;
  private readonly overDiscountedIds: string[] = [];
  private readonly overstatedByCurrency = new Map<string, number>();

  constructor(options: OrderDiscountsOptions) {
    this.o = options;
  }

  /**
   * An accepted line of an order: its value at the store's prices and the line discount taken
   * off it; `share` the order's net share where prices include tax (1: they do not). A line
   * opening another order settles the one before it (`settled`). A line of an order whose
   * discount is spread over its lines is `held`, handed over when its order is settled.
   */
  note(
    row: readonly Cell[],
    line: OrderLine,
    sameOrder: boolean,
    value: number,
    lineDiscount: number,
    rate: number,
    share: number
  ): { settled: SettledDiscount | undefined; held: boolean } {
    let settled: SettledDiscount | undefined;
    if (!sameOrder) {
      settled = this.settle();
      this.order = this.discountedOrder(row, line, rate, share);
    }
    const o = this.order;
    if (o) {
      o.lineDiscounts += lineDiscount;
      o.lines += value;
      // a copy: the parser reuses its line object for the next row
      if (this.o.onGoods) o.held.push({ line: { ...line }, value });
    }
    return { settled, held: !!o && !!this.o.onGoods };
  }

  /** The order a line opens, if its discount on the whole order is above 0. */
  private discountedOrder(
    row: readonly Cell[],
    line: OrderLine,
    rate: number,
    share: number
  ): DiscountedOrder | undefined {
    const { orderDiscount, orderSubtotal, priceDec } = this.o;
    const discount = parseMoney(row[orderDiscount], priceDec)?.value;
    if (discount === undefined || !(discount > 0.005)) return undefined;
    const subtotal =
      orderSubtotal >= 0 && !isBlankCell(row[orderSubtotal])
        ? parseMoney(row[orderSubtotal], priceDec)?.value
        : undefined;
    return {
      id: line.orderId,
      currency: line.currency ?? "",
      discount,
      subtotal,
      lineDiscounts: 0,
      lines: 0,
      share,
      first: { ...line },
      rate,
      held: [],
    };
  }

  /** The order being read ends: its discount line or its lines less the discount, if any. */
  settle(): SettledDiscount | undefined {
    const o = this.order;
    this.order = undefined;
    if (!o) return undefined;
    if (this.o.onGoods) return this.spread(o);
    // Discount Amount holds a shipping discount too: only what the Subtotal shows came off the goods
    let off = o.discount - o.lineDiscounts;
    if (o.subtotal !== undefined) off = Math.min(off, o.lines - o.subtotal);
    // no line discounts and no Subtotal: a shipping discount cannot be told apart
    else if (this.o.lineDiscount < 0) return undefined;
    if (!(off > 0.005)) return undefined;
    this.said(o, off);
    const line: OrderLine = {
      ...o.first,
      sku: ORDER_DISCOUNT_SKU,
      productName: ORDER_DISCOUNT_SKU,
      category: UNCATEGORISED,
      quantity: 0,
      revenue: -off * o.share * o.rate,
      unitPrice: undefined,
      listPrice: undefined,
      isReturn: false,
    };
    return { lines: [line], currency: line.currency, change: line.revenue };
  }

  /**
   * Zoho's entity-level discount, apart from the items' own: each held line less its share of it,
   * in proportion to its value (the amount, or the percentage of all the items' values).
   */
  private spread(o: DiscountedOrder): SettledDiscount {
    const lines = o.held.map((h) => h.line);
    const off = Math.min(this.o.percent ? (o.discount / 100) * o.lines : o.discount, o.lines);
    if (!(off > 0.005)) return { lines, currency: o.first.currency, change: 0 };
    this.said(o, off);
    const kept = 1 - off / o.lines;
    let change = 0;
    for (const line of lines) {
      change -= line.revenue * (1 - kept);
      line.revenue *= kept;
      if (line.unitPrice !== undefined) line.unitPrice *= kept;
    }
    return { lines, currency: o.first.currency, change };
  }

  /** An order's discount `off` (at the store's prices), for the warning. */
  private said(o: DiscountedOrder, off: number): void {
    // the lines are read at the order's net share where prices include tax: so is the discount
    const before = off * o.share;
    const money = this.o.money;
    const written = this.o.percent ? `${o.discount}% = ${money(off)}` : money(off);
    if (this.overDiscounted++ < 3)
      this.overDiscountedIds.push(
        o.share < 1
          ? `${o.id}: ${money(before)} before tax, ${written} with tax`
          : `${o.id}: ${written}`
      );
    this.overstatedByCurrency.set(
      o.currency,
      (this.overstatedByCurrency.get(o.currency) ?? 0) + before
    );
  }

  /** The warning on the orders given a discount line, if any. */
  warning(): string | undefined {
    const n = this.overDiscounted;
    if (!n) return undefined;
    const { header, amounts: said, culture, lineDiscount } = this.o;
    const { overDiscountedIds } = this;
    const their = n === 1 ? "its" : "their";
    const amounts = said(this.overstatedByCurrency);
    if (this.o.onGoods)
      return `${n === 1 ? "1 invoice has" : `${wholeText(n, culture)} invoices have`} a discount on the whole invoice ("${header("orderDiscount")}": ${overDiscountedIds.join(", ")}${n > overDiscountedIds.length ? ", …" : ""}) that is on none of ${their} lines: it is taken off ${their} lines in proportion to their values, as Zoho spreads it (${amounts} in all), so each product's revenue is net of it.`;
    return `${n === 1 ? "1 order has" : `${wholeText(n, culture)} orders have`} a discount on the whole order that is not on ${their} lines (${lineDiscount >= 0 ? `"${header("orderDiscount")}" beyond the lines' "${header("lineDiscount")}"` : `"${header("orderDiscount")}" that "${header("orderSubtotal")}" shows came off the goods; the export has no line discounts`}: ${overDiscountedIds.join(", ")}${n > overDiscountedIds.length ? ", …" : ""}): which lines it came off is not shown, so it is read as a line "${ORDER_DISCOUNT_SKU}" of ${n === 1 ? "the order" : "each order"} (${amounts} in all), in revenue but in no product or category.`;
  }
}
