import fc from "fast-check";
import {
  analyzeAccount,
  analyzePortfolio,
  buildPortfolio,
  associationRule,
  minePairRules,
  ruleMetrics,
  TooManyRulesError,
} from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

/**
 * The market-basket example of Tan, Steinbach & Kumar, "Introduction to Data Mining", ch. 6:
 * T1 {Bread, Milk}, T2 {Bread, Diapers, Beer, Eggs}, T3 {Milk, Diapers, Beer, Cola},
 * T4 {Bread, Milk, Diapers, Beer}, T5 {Bread, Milk, Diapers, Cola}.
 */
const BASKETS = [
  ["Bread", "Milk"],
  ["Bread", "Diapers", "Beer", "Eggs"],
  ["Milk", "Diapers", "Beer", "Cola"],
  ["Bread", "Milk", "Diapers", "Beer"],
  ["Bread", "Milk", "Diapers", "Cola"],
];

describe("association-rule metrics (mlxtend definitions) on the textbook example", () => {
  it("{Milk, Diapers} → {Beer}: support 0.4, confidence 0.67", () => {
    // Milk∧Diapers in T3, T4, T5 = 3; with Beer in T3, T4 = 2 → support 2/5 = 0.4, confidence 2/3
    const m = associationRule(BASKETS, ["Milk", "Diapers"], ["Beer"]);
    expect(m.support).toBeCloseTo(0.4, 12);
    expect(m.confidence).toBeCloseTo(0.67, 2);
  });

  it("{Diapers} → {Beer}: support 0.6, confidence 0.75, lift 1.25, leverage 0.12, conviction 1.6", () => {
    // Diapers 4/5 = 0.8; Beer 3/5 = 0.6; both (T2, T3, T4) 3/5 = 0.6
    // confidence 0.6/0.8 = 0.75; lift 0.75/0.6 = 1.25; leverage 0.6 − 0.8·0.6 = 0.12;
    // conviction (1 − 0.6)/(1 − 0.75) = 0.4/0.25 = 1.6
    const m = associationRule(BASKETS, ["Diapers"], ["Beer"]);
    expect(m.antecedentSupport).toBeCloseTo(0.8, 12);
    expect(m.consequentSupport).toBeCloseTo(0.6, 12);
    expect(m.support).toBeCloseTo(0.6, 12);
    expect(m.confidence).toBeCloseTo(0.75, 12);
    expect(m.lift).toBeCloseTo(1.25, 12);
    expect(m.leverage).toBeCloseTo(0.12, 12);
    expect(m.conviction).toBeCloseTo(1.6, 12);
  });

  it("conviction is ∞ when confidence is 1", () => {
    // {Beer} → {Diapers}: every Beer basket has Diapers
    expect(associationRule(BASKETS, ["Beer"], ["Diapers"]).conviction).toBe(Infinity);
  });

  it("keeps metrics in their ranges (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (total, a, b, c) => {
          const nX = a % (total + 1);
          const nY = b % (total + 1);
          // a real set of baskets has max(0, |X| + |Y| − N) ≤ |X∩Y| ≤ min(|X|, |Y|)
          const lo = Math.max(0, nX + nY - total);
          const hi = Math.min(nX, nY);
          const both = lo + (c % (hi - lo + 1));
          const m = ruleMetrics(total, nX, nY, both);
          expect(m.support).toBeLessThanOrEqual(
            Math.min(m.antecedentSupport, m.consequentSupport) + 1e-12
          );
          expect(m.confidence).toBeGreaterThanOrEqual(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
          expect(m.lift).toBeGreaterThanOrEqual(0);
          expect(Math.abs(m.leverage)).toBeLessThanOrEqual(0.25 + 1e-12);
          expect(m.conviction).toBeGreaterThanOrEqual(0);
        }
      )
    );
  });
});

describe("pair mining", () => {
  it("counts the same pairs with the dense matrix and item by item (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }), {
          maxLength: 25,
        }),
        fc.integer({ min: 1, max: 3 }),
        (baskets, min) => {
          // itemCount 10 uses the matrix; 5,000 (25M cells) the sparse path
          expect(minePairRules(baskets, 5000, min)).toEqual(minePairRules(baskets, 10, min));
        }
      ),
      { numRuns: 50 }
    );
  });
});

describe("pair mining over many items", () => {
  it("more pairs bought together once than a Map can hold (2^24): mined, and only the pair of 3 accounts is a rule", () => {
    // 68 baskets of 500 items each, no item in two of them: 68 × 500 × 499 = 16,966,000 ordered
    // pairs, each in one basket, past V8's 16,777,216 Map entries. Items 34,000 and 34,001 are
    // added to baskets 0, 1 and 2: the one pair with 3 baskets.
    const baskets: number[][] = Array.from({ length: 68 }, (_, k) =>
      Array.from({ length: 500 }, (_, i) => k * 500 + i)
    );
    for (const k of [0, 1, 2]) baskets[k].push(34_000, 34_001);
    const rules = minePairRules(baskets, 34_002, 3);
    // both ways, 3 of 68 baskets: support 3/68, confidence 3/3 = 1, lift 1 / (3/68) = 68/3
    expect(rules.map((r) => [r.antecedent, r.consequent, r.bothAccounts])).toEqual([
      [34_000, 34_001, 3],
      [34_001, 34_000, 3],
    ]);
    expect(rules[0].support).toBeCloseTo(3 / 68, 12);
    expect(rules[0].confidence).toBe(1);
    expect(rules[0].lift).toBeCloseTo(68 / 3, 12);
  });
});

describe("affinity in the engine, accounts as baskets of categories", () => {
  const asOf = d(2025, 6, 30);
  // Each basket is an account; each item a category bought in the last 12 months. Cola spend:
  // T3 £10, T5 £30 (the two accounts that buy Milk and Cola).
  const spend: Record<string, number> = { "T3:Cola": 10, "T5:Cola": 30 };
  const lines = BASKETS.flatMap((items, i) =>
    items.map((item) =>
      line(`T${i + 1}`, d(2025, 6, 1), item.toLowerCase(), spend[`T${i + 1}:${item}`] ?? 100, {
        category: item,
      })
    )
  );
  const book = bookOf(lines);
  // at least 2 accounts buying both (the default MIN_RULE_SUPPORT_ACCOUNTS is 3)
  const model = buildPortfolio(book, { asOf, minRuleSupportAccounts: 2 });
  const p = model.analysis;

  it("mines {Diapers} → {Beer} with the textbook numbers", () => {
    const r = p.categoryRules.find((x) => x.antecedent === "Diapers" && x.consequent === "Beer")!;
    expect(r).toMatchObject({
      totalAccounts: 5,
      antecedentAccounts: 4,
      consequentAccounts: 3,
      bothAccounts: 3,
    });
    expect(
      [r.support, r.confidence, r.lift, r.leverage, r.conviction].map((x) => Number(x.toFixed(6)))
    ).toEqual([0.6, 0.75, 1.25, 0.12, 1.6]);
  });

  it("more rules than the caller has memory for (maxCategoryRules) end in one sentence saying so, not a full heap", () => {
    // pairs in 2+ of the 5 baskets, by hand: Bread–Milk, Bread–Diapers, Bread–Beer, Milk–Diapers,
    // Milk–Beer, Milk–Cola, Diapers–Beer, Diapers–Cola: 8 pairs, 16 rules both ways
    expect(p.categoryRules).toHaveLength(16);
    expect(
      buildPortfolio(book, { asOf, minRuleSupportAccounts: 2, maxCategoryRules: 16 }).analysis
        .categoryRules
    ).toHaveLength(16);
    expect(() =>
      buildPortfolio(book, { asOf, minRuleSupportAccounts: 2, maxCategoryRules: 15 })
    ).toThrow(
      new Error(
        "The categories bought together by 2 or more accounts make more than 15 cross-sell rules, more than there is memory for: the category column has 6 values. Map a coarser category column (a product group, not a product), or give the analysis more memory."
      )
    );
    expect(() =>
      minePairRules(
        [
          [0, 1],
          [0, 1],
          [0, 1],
        ],
        2,
        3,
        1
      )
    ).toThrow(TooManyRulesError);
  });

  it("drops rules under the minimum supporting accounts", () => {
    // Bread ∧ Cola: only T5
    expect(
      p.categoryRules.find((x) => x.antecedent === "Bread" && x.consequent === "Cola")
    ).toBeUndefined();
    const strict = analyzePortfolio(book, { asOf });
    // with 3: Diapers → Beer (3 accounts) stays, Milk → Beer (2) goes
    expect(
      strict.categoryRules.some((x) => x.antecedent === "Diapers" && x.consequent === "Beer")
    ).toBe(true);
    expect(
      strict.categoryRules.some((x) => x.antecedent === "Milk" && x.consequent === "Beer")
    ).toBe(false);
  });

  it("recommends what T1 {Bread, Milk} does not buy, ranked by lift then confidence, in words", () => {
    // Milk → Cola: 2/4 = 50%, lift 0.5/0.4 = 1.25; Bread|Milk → Diapers: 3/4, lift 0.75/0.8 = 0.9375;
    // Bread|Milk → Beer: 2/4, lift 0.5/0.6 = 0.833…; Eggs (1 account) and Bread → Cola (1) fall below 2.
    // Only lift above 1 is a recommendation (MIN_RECOMMENDATION_LIFT): Diapers and Beer are
    // bought LESS often by T1's kind of account than by accounts in general, so only Cola stays.
    const detail = analyzeAccount(model, "T1", { minRuleSupportAccounts: 2 });
    const data = detail.crossSell.filter((r) => !r.curated);
    expect(data.map((r) => r.offer)).toEqual(["Cola"]);
    expect(data[0]).toMatchObject({
      because: "Milk",
      rationale: "50% of accounts that buy Milk also buy Cola, 1.3x the base rate.",
      curated: false,
    });
    // median Cola spend among accounts buying Milk and Cola (T3 £10, T5 £30) = 20
    expect(data[0].annualEstimate).toBe(20);
  });

  it("does the same at SKU level (one SKU per item here)", () => {
    const detail = analyzeAccount(model, "T1");
    // Diapers (lift 0.9375) and Beer (0.8333) are below 1 and not recommended.
    expect(detail.skuCrossSell.map((r) => [r.offer, Number(r.metrics!.lift.toFixed(4))])).toEqual([
      ["cola", 1.25],
    ]);
    expect(detail.skuCrossSell[0]).toMatchObject({
      level: "sku",
      because: "milk",
      annualEstimate: 20,
    });
  });
});
