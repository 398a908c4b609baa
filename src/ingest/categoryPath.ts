/**
 * What a category is, whatever the source: the top level of the seller's own product tree, the
 * broad product group a rep sells by (methodology 000 §2.1: "Cable Ties", "Hand Tools", "Power
 * Tools"; PRODUCT.md §2.6a: the whitespace map's columns and the cross-sell's baskets), so that
 * one product tree gives the same categories from any export:
 * - QuickBooks "Tools:Hand tools" (a product's full name, or a report's headings): "Tools"
 *   (productCategoryPrefix, ProductHeadings);
 * - Odoo's category path "All / Saleable / Tools / Hand tools": "Tools". "All", and "Saleable"
 *   under it, are Odoo's catalog roots, which every product sits under, not categories a rep
 *   sells by: they are passed over, and a product in a root alone ("All", "All / Saleable") is
 *   uncategorised ('').
 */

/** Odoo's root category ("All"), as its languages name it. */
const ODOO_ROOT = new Set([
  "all",
  "tous",
  "toutes",
  "alle",
  "alles",
  "todos",
  "todas",
  "tutti",
  "tutte",
]);
/** Odoo's "Saleable" category under the root, as its languages name it. */
const ODOO_SALEABLE = new Set([
  "saleable",
  "sellable",
  "vendable",
  "verkaufbar",
  "verkäuflich",
  "vendible",
  "vendibile",
  "verkoopbaar",
  "vendável",
]);
/** Odoo writes a category's full path with " / " between its levels. */
const ODOO_SEPARATOR = " / ";

/** The segments of an Odoo category path below its catalog roots. */
function belowRoots(path: string): string[] {
  const levels = path.split(ODOO_SEPARATOR).map((s) => s.trim());
  let at = 0;
  if (at < levels.length && ODOO_ROOT.has(levels[at].toLowerCase())) {
    at++;
    if (at < levels.length && ODOO_SALEABLE.has(levels[at].toLowerCase())) at++;
  }
  return levels.slice(at).filter((s) => s !== "");
}

/** The category an Odoo category path counts in: its top level below the roots ('' in a root alone). */
export function odooTopCategory(path: string): string {
  return belowRoots(path)[0] ?? "";
}

/** Whether a category column's values are Odoo paths: each one under Odoo's root ("All", "All / …"). */
export function isOdooCategoryColumn(values: readonly string[]): boolean {
  const filled = values.filter((v) => v.trim() !== "");
  return (
    filled.length > 0 &&
    filled.every((v) => ODOO_ROOT.has(v.split(ODOO_SEPARATOR)[0].trim().toLowerCase())) &&
    filled.some((v) => v.includes(ODOO_SEPARATOR))
  );
}
