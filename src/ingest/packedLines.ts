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

/** The reading's note on the packed column (its header as the file writes it). */
export function packedProductsNote(header: string): string {
  return `"${header}" packs each order's products into one cell (BigCommerce's order export, one row per order): it is not read as a product, so each order is read as one line with no product or category (Diversity and the product sheets are n/a). For products and categories, ${ONE_ROW_PER_PRODUCT}.`;
}
