/**
 * BigCommerce's order export: one row per order, its products packed into one cell ("Product
 * Details": "Product ID: 12, Product Qty: 2, Product SKU: TAPE, Product Name: PVC Tape, …,
 * Product Total Price: 12.00 | Product ID: …"). Such a cell is no product: read as one, each
 * order would be a product of its own. The order is read as one line at its amount (PRODUCT.md's
 * invoice-level reading: no product, no category), and the user is told what to export for the
 * products.
 */
import type { Cell } from "./grid";

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
