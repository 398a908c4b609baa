import fc from "fast-check";
import { edate } from "../../../src/domain/dates";
import { diversityAt, DiversityScratch, historyDates } from "../../../src/domain/analysis/healthAt";
import type { OrderLine } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);
const start = d(2022, 1, 1);

/** One account's lines: 1–6 SKUs in 1–3 categories over 3.5 years, some returns and some free lines. */
const linesArb = fc.array(
  fc
    .record({
      day: fc.integer({ min: 0, max: asOf - start + 40 }),
      sku: fc.integer({ min: 0, max: 5 }),
      rev: fc.integer({ min: 0, max: 900 }),
      returned: fc.integer({ min: 0, max: 4 }),
    })
    .map(({ day, sku, rev, returned }): OrderLine => {
      const isReturn = returned === 0 && rev > 0;
      return line("A", start + day, `S${sku}`, (isReturn ? -rev : rev) / 100, {
        category: `C${sku % 3}`,
        isReturn,
        orderId: isReturn ? `R${day}` : `A|${start + day}`,
      });
    }),
  { minLength: 1, maxLength: 60 }
);

/**
 * RULES.md §2 worked out line by line: in (edate(date, −12), date], a SKU is bought when its
 * purchases less its returns are positive, and a category when its lines' net is positive;
 * Diversity's products are the SKUs bought of the categories bought (skusBought: every one).
 */
function bruteForce(lines: readonly OrderLine[], dates: readonly number[]) {
  return dates.map((date) => {
    const from = edate(date, -12);
    const sku = new Map<string, number>();
    const cat = new Map<string, number>();
    const catOf = new Map<string, string>();
    for (const l of lines) {
      if (!(l.date > from && l.date <= date)) continue;
      const pence = Math.round(l.revenue * 100);
      sku.set(l.sku, (sku.get(l.sku) ?? 0) + pence);
      cat.set(l.category!, (cat.get(l.category!) ?? 0) + pence);
      catOf.set(l.sku, l.category!);
    }
    const bought = [...sku].filter(([, v]) => v > 0);
    return {
      products: bought.filter(([k]) => cat.get(catOf.get(k)!)! > 0).length,
      skusBought: bought.length,
      categories: [...cat.values()].filter((v) => v > 0).length,
    };
  });
}

function run(lines: readonly OrderLine[], dates: readonly number[]) {
  const book = bookOf(lines);
  const f = book.freeze();
  const scratch = new DiversityScratch(book.categories.length, dates.length);
  const catOfSku = Int32Array.from(book.skuCategory);
  const got = diversityAt({ f, u: book.unitsOf("A")[0] }, dates, catOfSku, scratch);
  return dates.map((_, j) => ({
    products: got.products[j],
    skusBought: got.skusBought[j],
    categories: got.categories[j],
  }));
}

describe("diversityAt: categories and products bought in the 12 months to each date", () => {
  it("matches the line-by-line count at the 13 history dates", () => {
    fc.assert(
      fc.property(linesArb, (lines) => {
        const dates = historyDates(asOf);
        expect(run(lines, dates)).toEqual(bruteForce(lines, dates));
      }),
      { numRuns: 200 }
    );
  });

  it("matches it for dates spread over more than 55 years (no day-to-window table)", () => {
    fc.assert(
      fc.property(linesArb, fc.integer({ min: 0, max: 220 }), (lines, shift) => {
        const dates = [d(1960, 1, 31), start + shift, asOf - 200 + shift, asOf + 30];
        expect(run(lines, dates)).toEqual(bruteForce(lines, dates));
      }),
      { numRuns: 200 }
    );
  });

  it("nets a fully credited SKU out and keeps a partly credited one (hand-worked)", () => {
    const lines = [
      line("A", d(2025, 1, 10), "S1", 50, { category: "Tools" }),
      line("A", d(2025, 2, 10), "S1", -50, { category: "Tools", isReturn: true, orderId: "R1" }),
      line("A", d(2025, 3, 10), "S2", 30, { category: "Tools" }),
      line("A", d(2025, 3, 20), "S2", -10, { category: "Tools", isReturn: true, orderId: "R2" }),
      line("A", d(2024, 3, 10), "S3", 20, { category: "Paint" }),
    ];
    // at 2025-06-30: S1 nets £0 (not bought), S2 £20, S3 is older than 12 months → 1 product, 1 category
    // at 2025-02-28: S1 nets £0, S3 (2024-03-10) is inside (2024-02-28, 2025-02-28] → 1 product (S3), 1 category (Paint)
    // at 2025-01-31: S1 £50 and S3 £20 → 2 products in 2 categories
    expect(run(lines, [d(2025, 1, 31), d(2025, 2, 28), d(2025, 6, 30)])).toEqual([
      { products: 2, skusBought: 2, categories: 2 },
      { products: 1, skusBought: 1, categories: 1 },
      { products: 1, skusBought: 1, categories: 1 },
    ]);
  });
});
