/**
 * What a line's product label settles, looked up once per line: whether the label is a tax
 * line's (taxLines.isTaxLabel: its word split costs about 1.5 µs, so it is remembered per
 * label), and the spellings its product code and category are read as (ingest/spellings). An
 * order file repeats a few thousand products over a million lines, each with its code and
 * category: one hash look-up a line where there were three (the label's tax test, the code's
 * spelling, the category's), each a cache miss or more in a table of thousands.
 */
import type { Spellings } from "./spellings";
import { isTaxLabel } from "./taxLines";

/** One label's facts: its tax test, and the code and category last read beside it with their spellings. */
export interface ProductFacts {
  readonly taxLine: boolean;
  /** the product code last read beside the label (undefined: none yet) and the spelling it is read as */
  sku: string | undefined;
  skuAs: string;
  category: string | undefined;
  categoryAs: string;
}

/** Labels remembered per parser before the memo starts again (a file of unique descriptions). */
const MEMO_LIMIT = 65_536;

export class ProductMemo {
  private readonly memo = new Map<string, ProductFacts>();
  /** a line with no label (no description, no code) */
  private readonly none: ProductFacts = {
    taxLine: false,
    sku: undefined,
    skuAs: "",
    category: undefined,
    categoryAs: "",
  };

  constructor(
    private readonly skus: Spellings,
    private readonly categories: Spellings
  ) {}

  /** The facts of `label` (the line's description, else its product code). */
  of(label: string): ProductFacts {
    if (label === "") return this.none;
    let facts = this.memo.get(label);
    if (facts === undefined) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      facts = {
        taxLine: isTaxLabel(label),
        sku: undefined,
        skuAs: "",
        category: undefined,
        categoryAs: "",
      };
      this.memo.set(label, facts);
    }
    return facts;
  }

  /** The spelling product code `sku` (not blank) of a line labelled as `facts` says is read as. */
  skuOf(facts: ProductFacts, sku: string): string {
    if (sku !== facts.sku) {
      facts.sku = sku;
      facts.skuAs = this.skus.of(sku);
    }
    return facts.skuAs;
  }

  /** The spelling category `category` (not blank) of a line labelled as `facts` is read as. */
  categoryOf(facts: ProductFacts, category: string): string {
    if (category !== facts.category) {
      facts.category = category;
      facts.categoryAs = this.categories.of(category);
    }
    return facts.categoryAs;
  }
}
