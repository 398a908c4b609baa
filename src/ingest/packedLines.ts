/**
 * BigCommerce's order export: one row per order, its products packed into one cell ("Product
 * Details": "Product ID: 12, Product Qty: 2, Product SKU: TAPE, Product Name: PVC Tape, …,
 * Product Total Price: 12.00 | Product ID: …"). Such a cell is no product: read as one, each
 * order would be a product of its own. The order is read as one line at its amount (PRODUCT.md's
 * invoice-level reading: no product, no category), and the user is told what to export for the
 * products.
 */
import { type Cell, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";

/** A cell that packs an order's products as BigCommerce writes them. */
const PACKED_PRODUCTS = /^\s*product id\s*:.*\bproduct qty\s*:/i;

/** What to export instead, for the products and categories. */
export const ONE_ROW_PER_PRODUCT =
  "export the orders with one row per product ordered (order ID, order date, customer, product SKU, quantity and the line's amount before tax) and analyse that file";

/** Whether a column's values are an order's products packed into one cell (every non-blank one, and one at least). */
export function holdsPackedProducts(values: readonly Cell[]): boolean {
  const texts = values.filter((v) => typeof v === "string" && v.trim() !== "");
  return (
    texts.length > 0 &&
    texts.length === values.filter((v) => v !== null && v !== undefined && v !== "").length &&
    texts.every((v) => PACKED_PRODUCTS.test(v as string))
  );
}

/**
 * The reading's note on the packed column (its header as the file writes it): each product read
 * as a line of its order, sharing the order's amount (`revenue`'s header), or, with no amount
 * to share, none read.
 */
export function packedProductsNote(
  header: string,
  revenue: string | undefined,
  quantity: string | undefined
): string {
  const what = `"${header}" packs each order's products into one cell (BigCommerce's order export, one row per order)`;
  if (!revenue)
    return `${what}: with no amount for each order, it is not read as a product, so the orders have no product or category. For products and categories, ${ONE_ROW_PER_PRODUCT}.`;
  return `${what}: each product is read as a line of its order, named by its "Product SKU" (else its "Product Name")${quantity ? `, its quantity "Product Qty" (not "${quantity}")` : ""}, its value the order's "${revenue}" shared among its products by their "Product Total Price". The export has no categories: add a catalog with each product's category for the category views.`;
}

/** One product of a packed cell, as its fields read. */
export interface PackedProduct {
  /** "Product SKU", else "" */
  sku: string;
  /** "Product Name", else "" */
  name: string;
  /** "Product Qty" (undefined: unreadable) */
  quantity: number | undefined;
  /** "Product Total Price", else quantity × "Product Unit Price" (undefined: unreadable) */
  total: number | undefined;
}

/** Products are parted by "|", fields by a comma before the next "Product …:" (a name may hold commas). */
const PRODUCT_SPLIT = /\|(?=\s*product id\s*:)/i;
const FIELD_SPLIT = /,\s*(?=product [a-z ]+:)/i;

/** The products packed into a cell, with `money` and `units` reading their numbers. */
export function unpackProducts(
  cell: string,
  money: (t: string) => number | undefined,
  units: (t: string) => number | undefined
): PackedProduct[] {
  return cell.split(PRODUCT_SPLIT).map((item) => {
    const f = new Map<string, string>();
    for (const part of item.split(FIELD_SPLIT)) {
      const at = part.indexOf(":");
      if (at > 0) f.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
    }
    const read = <T>(key: string, of: (t: string) => T | undefined): T | undefined => {
      const t = f.get(key);
      return t === undefined || t === "" ? undefined : of(t);
    };
    const quantity = read("product qty", units);
    const unit = read("product unit price", money);
    const total =
      read("product total price", money) ??
      (quantity !== undefined && unit !== undefined ? quantity * unit : undefined);
    return {
      sku: f.get("product sku") ?? "",
      name: f.get("product name") ?? "",
      quantity,
      total,
    };
  });
}

/**
 * An order's row as one row per packed product: the packed cell holds the product's SKU (its
 * name where it has none), the quantity cell its quantity, the amount cell its share of the
 * order's amount by its total price (so the order's lines add up to the amount exactly, before
 * tax however the shop writes its product prices). Undefined when the products or the amount
 * cannot be read.
 */
export function unpackedRows(
  row: readonly Cell[],
  cols: { packed: number; quantity: number; revenue: number },
  amount: number | undefined,
  money: (t: string) => number | undefined,
  units: (t: string) => number | undefined
): { rows: Cell[][]; names: string[] } | undefined {
  const cell = row[cols.packed];
  if (typeof cell !== "string" || amount === undefined) return undefined;
  const products = unpackProducts(cell, money, units);
  let sum = 0;
  for (const p of products) {
    if (p.total === undefined || (!p.sku && !p.name)) return undefined;
    sum += p.total;
  }
  if (!(Math.abs(sum) > 0.005)) return undefined;
  let given = 0;
  const rows = products.map((p, i) => {
    const copy = row.slice();
    copy[cols.packed] = p.sku || p.name;
    if (cols.quantity >= 0) copy[cols.quantity] = p.quantity ?? null;
    // the last product takes what is left, so the lines add up to the order's amount
    const share = i === products.length - 1 ? amount - given : (amount * p.total!) / sum;
    given += share;
    copy[cols.revenue] = share;
    return copy;
  });
  return { rows, names: products.map((p) => p.name) };
}

/**
 * The columns of a BigCommerce order's totals (0-based; -1: not in the export), beside its
 * "Subtotal (ex tax)" read as the order's amount. The subtotal is the goods before the order's
 * coupons and discounts; "Order Total (ex tax)" is after them, with the shipping and handling.
 * "Refund Amount" is what was given back, its tax and shipping together.
 */
export interface BigCommerceTotalsColumns {
  shipping: number;
  handling: number;
  totalExTax: number;
  totalIncTax: number;
  refund: number;
}

/** BigCommerce's headers, normalised (ingest/fields). */
const SUBTOTAL_EX_TAX = "subtotal ex tax";

/**
 * Whether the headers are BigCommerce's order export, its products packed or not: its goods
 * before and with tax beside its order total with tax.
 */
export function isBigCommerceOrders(headers: readonly string[]): boolean {
  const has = new Set(headers.map(normaliseHeader));
  return has.has(SUBTOTAL_EX_TAX) && has.has("subtotal inc tax") && has.has("order total inc tax");
}

/** Whether `header` is BigCommerce's goods before tax, the amount its packed products share. */
export function isSubtotalExTax(header: string): boolean {
  return normaliseHeader(header) === SUBTOTAL_EX_TAX;
}

/**
 * The totals read beside a packed order's "Subtotal (ex tax)" (`revenueHeader`): the discount
 * where the export has "Order Total (ex tax)" and "Shipping Cost (ex tax)", the refund where it
 * has "Refund Amount". Undefined when it has neither.
 */
export function bigCommerceTotalsColumns(
  headers: readonly string[],
  revenueHeader: string
): BigCommerceTotalsColumns | undefined {
  if (!isSubtotalExTax(revenueHeader)) return undefined;
  const names = headers.map(normaliseHeader);
  const at = (h: string) => names.indexOf(h);
  const cols: BigCommerceTotalsColumns = {
    shipping: at("shipping cost ex tax"),
    handling: at("handling cost ex tax"),
    totalExTax: at("order total ex tax"),
    totalIncTax: at("order total inc tax"),
    refund: at("refund amount"),
  };
  return showsDiscounts(cols) || cols.refund >= 0 ? cols : undefined;
}

/** Whether the totals show the discount: without the shipping, what the total lacks of the subtotal is not told one. */
function showsDiscounts(cols: BigCommerceTotalsColumns): boolean {
  return cols.totalExTax >= 0 && cols.shipping >= 0;
}

/** Whether the refund (paid with its tax) can be taken off before tax, at the order's own rate. */
export function refundBeforeTax(cols: BigCommerceTotalsColumns): boolean {
  return cols.totalExTax >= 0 && cols.totalIncTax >= 0;
}

/** What the reading's summary says: how each order's value is worked out. */
export function bigCommerceTotalsNote(
  cols: BigCommerceTotalsColumns,
  headers: readonly string[],
  revenueHeader: string
): string {
  const h = (c: number) => `"${headers[c].trim()}"`;
  const parts: string[] = [];
  if (showsDiscounts(cols))
    parts.push(
      `less its coupons and discounts (what ${h(cols.totalExTax)} lacks of "${revenueHeader}" + ${h(cols.shipping)}${cols.handling >= 0 ? ` + ${h(cols.handling)}` : ""})`
    );
  if (cols.refund >= 0)
    parts.push(
      `less ${h(cols.refund)}${refundBeforeTax(cols) ? ` before tax (× ${h(cols.totalExTax)} / ${h(cols.totalIncTax)})` : " with its tax (the export has not the order's totals with and without tax to take it off)"}, all of it taken off the goods (the export does not say how much was shipping), and a refund beyond the goods leaves the order at nothing, skipped as refunded`
    );
  return `BigCommerce's orders: each order's value is "${revenueHeader}" ${parts.join(", and ")}.`;
}

/**
 * A packed order's value net of its discount and refund: `subtotal` its goods before discount;
 * `money` reads a cell (undefined: unreadable). `refunded` is the refund taken off (before tax),
 * `beyond` what it held past the goods. Undefined when a cell cannot be read.
 */
export function netOfBigCommerceTotals(
  row: readonly Cell[],
  cols: BigCommerceTotalsColumns,
  subtotal: number,
  money: (c: Cell) => number | undefined
): { revenue: number; discount: number; refunded: number; beyond: number } | undefined {
  const read = (c: number): number | undefined =>
    c < 0 || isBlankCell(row[c]) ? 0 : money(row[c]);
  const shipping = read(cols.shipping);
  const handling = read(cols.handling);
  const totalInc = read(cols.totalIncTax);
  const refund = read(cols.refund);
  // a blank total says nothing of a discount
  const hasTotal = cols.totalExTax >= 0 && !isBlankCell(row[cols.totalExTax]);
  const totalEx = hasTotal ? money(row[cols.totalExTax]) : undefined;
  const readable = [shipping, handling, totalInc, refund].every((v) => v !== undefined);
  if (!readable || (hasTotal && totalEx === undefined)) return undefined;
  // what the order's total lacks of its goods, shipping and handling came off as a discount (a
  // cent's rounding is none; a total above them holds a charge of another kind, no discount)
  const lacks =
    totalEx === undefined || !showsDiscounts(cols) ? 0 : subtotal + shipping! + handling! - totalEx;
  const discount = lacks > 0.005 ? lacks : 0;
  const goods = subtotal - discount;
  // the refund as paid holds its tax: its share before tax is the order's (none known: all of it)
  const rate = totalEx !== undefined && totalEx > 0 && totalInc! > 0 ? totalEx / totalInc! : 1;
  const before = Math.abs(refund!) * rate;
  const refunded = Math.min(before, Math.max(goods, 0));
  return { revenue: goods - refunded, discount, refunded, beyond: before - refunded };
}
