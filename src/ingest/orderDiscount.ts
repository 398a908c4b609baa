/**
 * Shopify's discounts on a whole order: its "Discount Amount" beyond its lines' "Lineitem
 * discount" came off no line, so the lines overstate the order. Which lines it came off is not
 * shown, so none is changed: the order gets a discount line of its own for that amount (a
 * service line, PRODUCT.md §2: in revenue, never a product or category), as QuickBooks writes a
 * "Discount" item among an invoice's lines. The order being read is settled when the next one
 * starts and at the end.
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
  discount: number;
  subtotal: number | undefined;
  lineDiscounts: number;
  lines: number;
  share: number;
  /** the order's first line, for the discount line's account, date, site and currency */
  first: OrderLine;
  /** the exchange rate its lines were converted at (1: none) */
  rate: number;
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
  /** the discount is all on the goods (isDiscountOnGoodsHeader): no Subtotal needed to say so */
  onGoods?: boolean;
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
 * SubTotal is before it. All of it comes off the goods.
 */
export function isDiscountOnGoodsHeader(header: string | undefined): boolean {
  return header !== undefined && /^entity discount amount$/i.test(header.trim());
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
   * An accepted line of a Shopify order: its value at the store's prices and the line discount
   * taken off it; `share` the order's net share where prices include tax (1: they do not). A
   * line opening another order settles the one before it: its discount line, if any, is returned.
   */
  note(
    row: readonly Cell[],
    line: OrderLine,
    sameOrder: boolean,
    value: number,
    lineDiscount: number,
    rate: number,
    share: number
  ): OrderLine | undefined {
    let settled: OrderLine | undefined;
    if (!sameOrder) {
      settled = this.settle();
      const { orderDiscount, orderSubtotal, priceDec } = this.o;
      const discount = parseMoney(row[orderDiscount], priceDec)?.value;
      const subtotal =
        orderSubtotal >= 0 && !isBlankCell(row[orderSubtotal])
          ? parseMoney(row[orderSubtotal], priceDec)?.value
          : undefined;
      if (discount !== undefined && discount > 0.005)
        this.order = {
          id: line.orderId,
          currency: line.currency ?? "",
          discount,
          subtotal,
          lineDiscounts: 0,
          lines: 0,
          share,
          first: { ...line },
          rate,
        };
    }
    const o = this.order;
    if (o) {
      o.lineDiscounts += lineDiscount;
      o.lines += value;
    }
    return settled;
  }

  /** The order being read ends: its discount line (in the reporting currency), if it has one. */
  settle(): OrderLine | undefined {
    const o = this.order;
    this.order = undefined;
    if (!o) return undefined;
    // Discount Amount holds a shipping discount too: only what the Subtotal shows came off the goods
    let off = o.discount - o.lineDiscounts;
    if (o.subtotal !== undefined) off = Math.min(off, o.lines - o.subtotal);
    // no line discounts and no Subtotal: a shipping discount cannot be told apart
    else if (this.o.lineDiscount < 0 && !this.o.onGoods) return undefined;
    if (!(off > 0.005)) return undefined;
    // the lines are read at the order's net share where prices include tax: so is the discount
    const before = off * o.share;
    const money = this.o.money;
    if (this.overDiscounted++ < 3)
      this.overDiscountedIds.push(
        o.share < 1
          ? `${o.id}: ${money(before)} before tax, ${money(off)} with tax`
          : `${o.id}: ${money(off)}`
      );
    this.overstatedByCurrency.set(
      o.currency,
      (this.overstatedByCurrency.get(o.currency) ?? 0) + before
    );
    return {
      ...o.first,
      sku: ORDER_DISCOUNT_SKU,
      productName: ORDER_DISCOUNT_SKU,
      category: UNCATEGORISED,
      quantity: 0,
      revenue: -before * o.rate,
      unitPrice: undefined,
      listPrice: undefined,
      isReturn: false,
    };
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
      return `${n === 1 ? "1 invoice has" : `${wholeText(n, culture)} invoices have`} a discount on the whole invoice ("${header("orderDiscount")}": ${overDiscountedIds.join(", ")}${n > overDiscountedIds.length ? ", …" : ""}) that is on none of ${their} lines: which items it came off is not shown, so it is read as a line "${ORDER_DISCOUNT_SKU}" of ${n === 1 ? "the invoice" : "each invoice"} (${amounts} in all), in revenue but in no product or category.`;
    return `${n === 1 ? "1 order has" : `${wholeText(n, culture)} orders have`} a discount on the whole order that is not on ${their} lines (${lineDiscount >= 0 ? `"${header("orderDiscount")}" beyond the lines' "${header("lineDiscount")}"` : `"${header("orderDiscount")}" that "${header("orderSubtotal")}" shows came off the goods; the export has no line discounts`}: ${overDiscountedIds.join(", ")}${n > overDiscountedIds.length ? ", …" : ""}): which lines it came off is not shown, so it is read as a line "${ORDER_DISCOUNT_SKU}" of ${n === 1 ? "the order" : "each order"} (${amounts} in all), in revenue but in no product or category.`;
  }
}
