/**
 * Magento's order items (sales_order_item) write a configurable product as two rows: the parent
 * (product_type "configurable") with the price and row total, and right after it the simple
 * product chosen (its parent_item_id the parent's item_id), priced 0 or repeating the parent's
 * price. Both are the same units sold once: the parent's row is the line, at its value, and the
 * child's SKU names the product bought where the parent's is the configurable's own, generic one.
 */
import { type Cell, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";

/** The columns that tie an option row to its configurable parent (0-based). */
export interface ConfigurableColumns {
  itemId: number;
  parentItemId: number;
  productType: number;
}

/** The rule a configurable product's option row is skipped under: no sale of its own. */
export const CONFIGURABLE_OPTION = "configurable product's option (sold on its parent's line)";

const CONFIGURABLE = /^\s*configurable\s*$/i;

/** How far from a row its parent or option is looked for: Magento writes them side by side. */
const NEAR_ROWS = 20;

/** Magento's item_id, parent_item_id and product_type columns, when the file has all three. */
export function configurableColumns(headers: readonly string[]): ConfigurableColumns | undefined {
  const names = headers.map(normaliseHeader);
  const cols = {
    itemId: names.indexOf("item id"),
    parentItemId: names.indexOf("parent item id"),
    productType: names.indexOf("product type"),
  };
  return cols.itemId >= 0 && cols.parentItemId >= 0 && cols.productType >= 0 ? cols : undefined;
}

function cellText(v: Cell | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Reads the option rows of configurable products, keeping the item ids of the configurable
 * parents read so far (an option row may also stand before its parent, or a chunk apart).
 */
export class ConfigurableItems {
  private readonly parents = new Set<string>();

  constructor(private readonly cols: ConfigurableColumns) {}

  private isConfigurable(row: readonly Cell[]): boolean {
    return CONFIGURABLE.test(cellText(row[this.cols.productType]));
  }

  /**
   * Whether `row` is the option of a configurable product (its parent read, or near it in
   * `rows`): its units and value are the parent's line's.
   */
  isOption(row: readonly Cell[], rows: readonly (readonly Cell[])[], at: number): boolean {
    const parent = cellText(row[this.cols.parentItemId]);
    if (parent === "" || parent === "0" || /^(?:null|\\n)$/i.test(parent)) return false;
    if (this.parents.has(parent)) return true;
    for (let i = Math.max(0, at - NEAR_ROWS); i < Math.min(rows.length, at + NEAR_ROWS); i++)
      if (cellText(rows[i][this.cols.itemId]) === parent && this.isConfigurable(rows[i]))
        return true;
    return false;
  }

  /**
   * For a configurable parent's row, its option row near it in `rows` (the simple product
   * bought), else undefined; the parent is noted so its option is known wherever it stands.
   */
  optionOf(
    row: readonly Cell[],
    rows: readonly (readonly Cell[])[],
    at: number
  ): readonly Cell[] | undefined {
    if (!this.isConfigurable(row)) return undefined;
    const id = cellText(row[this.cols.itemId]);
    if (id === "") return undefined;
    this.parents.add(id);
    for (let i = Math.max(0, at - NEAR_ROWS); i < Math.min(rows.length, at + NEAR_ROWS); i++)
      if (i !== at && cellText(rows[i][this.cols.parentItemId]) === id) return rows[i];
    return undefined;
  }
}

/** The product code a configurable parent's line is read under: its option's, where it has one. */
export function boughtSku(
  parentSku: string,
  option: readonly Cell[] | undefined,
  skuAt: number
): string {
  if (!option || skuAt < 0 || isBlankCell(option[skuAt])) return parentSku;
  return cellText(option[skuAt]);
}
