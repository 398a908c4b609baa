import fc from "fast-check";
import {
  analyzeAccount,
  buildPortfolio,
  priorityOf,
  qbrData,
  rankOpportunities,
  recommended,
  type CrossSellRecommendation,
  type CategoryNotBought,
} from "../../../src/domain/analysis";
import { ruleMetrics } from "../../../src/domain/analysis/affinity";
import { reorderRegularity } from "../../../src/domain/reorder";
import { bookOf, d, line } from "./helpers";

const rule = (
  because: string,
  offer: string,
  m: ReturnType<typeof ruleMetrics>,
  estimate: number
): CrossSellRecommendation => ({
  source: "affinity",
  curated: false,
  level: "category",
  because,
  offer,
  rationale: `${Math.round(m.confidence * 100)}% of accounts that buy ${because} also buy ${offer}.`,
  priority: null,
  annualEstimate: estimate,
  metrics: m,
});
const peers = (category: string, n: number, of: number, spend: number): CategoryNotBought => ({
  category,
  comparableBuyers: n,
  comparableAccounts: of,
  share: n / of,
  medianSpend: spend,
  priority: "Low",
});

describe("one ranked opportunity list", () => {
  // 40 accounts. Fixings: 21 of 40 comparable accounts buy it (52.5% → High), median £904.
  // Test Equipment: Cable Ties → Test Equipment, 39% confidence (7 of 18), lift 1.7 → Medium;
  // only 3 of 40 comparable accounts buy it. Lighting: a rule with 2 accounts buying both (too few,
  // whatever its confidence) and no comparable buyers → Low. Maintenance: the industry matrix only.
  const te = ruleMetrics(40, 18, 9, 7); // confidence 7/18 = 0.389, lift 0.389 / (9/40) = 1.73
  const li = ruleMetrics(40, 4, 3, 2); // 2 accounts buying both
  const list = rankOpportunities(
    [rule("Cable Ties", "Test Equipment", te, 955), rule("Cable Ties", "Lighting", li, 500)],
    [peers("Fixings", 21, 40, 904), peers("Test Equipment", 3, 40, 1200)],
    [
      {
        source: "industry matrix",
        curated: true,
        level: "category",
        because: "Facilities Management",
        offer: "Maintenance",
        rationale: "Facilities Management accounts usually also need Maintenance.",
        priority: null,
        annualEstimate: null,
        metrics: null,
      },
    ],
    "comparable Facilities Management accounts"
  );

  it("ranks by priority, then expected value (likelihood × estimate)", () => {
    expect(list.map((o) => [o.rank, o.offer, o.priority])).toEqual([
      [1, "Fixings", "High"],
      [2, "Test Equipment", "Medium"],
      // curated only: Medium at most, no likelihood → after the data-backed Medium
      [3, "Maintenance", "Medium"],
      [4, "Lighting", "Low"],
    ]);
    // Fixings 0.525 × 904 = 474.6; Test Equipment max(7/18, 3/40) × 1,200 = 466.7
    expect(list[0].expectedValue).toBeCloseTo(474.6, 6);
    expect(list[1].likelihood).toBeCloseTo(7 / 18, 12);
    expect(list[1].expectedValue).toBeCloseTo((7 / 18) * 1200, 6);
    // the comparable accounts' median spend (the Whitespace Map's figure) wins over the rule's
    // estimate (accounts buying both): one value for one opportunity
    expect(list[1].annualEstimate).toBe(1200);
    expect(list[1].sources).toEqual(["affinity", "comparable accounts"]);
    expect(list[1].because).toBe("Cable Ties");
    expect(list[1].rationale).toBe(
      "39% of accounts that buy Cable Ties also buy Test Equipment. 3 of 40 comparable Facilities Management accounts (8%) buy Test Equipment."
    );
    expect(list[0].rationale).toBe(
      "21 of 40 comparable Facilities Management accounts (53%) buy Fixings."
    );
  });

  it("recommends High and Medium only, in the same order", () => {
    expect(recommended(list, 5).map((o) => o.offer)).toEqual([
      "Fixings",
      "Test Equipment",
      "Maintenance",
    ]);
    expect(recommended(list, 2).map((o) => o.offer)).toEqual(["Fixings", "Test Equipment"]);
  });

  it("keeps the user's own priority, caps the built-in matrices at Medium", () => {
    const curated = (
      source: CrossSellRecommendation["source"],
      priority: "High" | "Low"
    ): CrossSellRecommendation => ({
      source,
      curated: true,
      level: "category",
      because: "Cable Ties",
      offer: "Cable Tie Gun",
      rationale: "Increases efficiency",
      priority,
      annualEstimate: null,
      metrics: null,
    });
    expect(rankOpportunities([], [], [curated("product matrix", "High")])[0].priority).toBe(
      "Medium"
    );
    expect(rankOpportunities([], [], [curated("user rule", "High")])[0].priority).toBe("High");
    expect(rankOpportunities([], [], [curated("user rule", "Low")])[0].priority).toBe("Low");
    // data evidence above the curated priority wins
    expect(
      rankOpportunities([], [peers("Cable Tie Gun", 6, 10, 50)], [curated("user rule", "Low")])[0]
        .priority
    ).toBe("High");
  });

  it("ranks what the data backs above the built-in matrices' item nothing in the workbook sells, which is Low", () => {
    // Zinc Plugs: 3 of 40 comparable accounts (7.5%: Low, but 3 supporting accounts, so data),
    // no estimate. Aardvark Clips: the product matrix alone, High in the matrix, not in the
    // catalog or the order data: Low (was Medium, ranked above Zinc Plugs), and after it by evidence
    // although its name sorts first.
    const notStocked: CrossSellRecommendation = {
      source: "product matrix",
      curated: true,
      level: "category",
      because: "Cable Ties",
      offer: "Aardvark Clips",
      rationale: "Complementary",
      priority: "High",
      annualEstimate: null,
      metrics: null,
      notStocked: true,
    };
    const zinc: CategoryNotBought = { ...peers("Zinc Plugs", 3, 40, 0), medianSpend: null };
    const ranked = rankOpportunities([], [zinc], [notStocked]);
    expect(ranked.map((o) => [o.rank, o.offer, o.priority, o.notStocked])).toEqual([
      [1, "Zinc Plugs", "Low", false],
      [2, "Aardvark Clips", "Low", true],
    ]);
    expect(recommended(ranked, 5)).toEqual([]);
  });

  it("priority never falls as the likelihood rises (property)", () => {
    const rank = { Low: 0, Medium: 1, High: 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(rank[priorityOf(hi)]).toBeGreaterThanOrEqual(rank[priorityOf(lo)]);
        }
      )
    );
    expect([0.2499, 0.25, 0.4999, 0.5].map(priorityOf)).toEqual([
      "Low",
      "Medium",
      "Medium",
      "High",
    ]);
  });
});

describe("recommendations need lift ≥ 1.2", () => {
  it("drops a rule with lift 1.04 and keeps one with lift 1.30", () => {
    // 25 accounts, all buying Base. Each also buys its own "Own<i>" (so no one's basket is a copy).
    // Y: 12 of 25 buy it; of the 12 that buy X, 6 do → conf 0.5, lift 0.5 / 0.48 = 1.04 (out: "1.0x the base rate").
    // Z: 8 of 25 buy it; of the 12 buying X, 5 do → conf 5/12 = 0.4167, lift 0.4167 / 0.32 = 1.30 (in).
    const r = d(2025, 6, 1);
    const lines = [line("A", r, "x", 10, { category: "X" })];
    const ids = Array.from({ length: 24 }, (_x, i) => `P${String(i).padStart(2, "0")}`);
    ids.forEach((p, i) => {
      if (i < 11) lines.push(line(p, r, "x", 10, { category: "X" }));
      else lines.push(line(p, r, "base", 10, { category: "Base" }));
    });
    // X buyers: A + P00…P10 (12). Y: P00…P05 (6 X buyers) + P11…P16 (6 others) = 12.
    ids.slice(0, 6).forEach((p) => lines.push(line(p, r, "y", 40, { category: "Y" })));
    ids.slice(11, 17).forEach((p) => lines.push(line(p, r, "y", 40, { category: "Y" })));
    // Z: P06…P10 (5 X buyers) + P18…P20 (3 others) = 8.
    ids.slice(6, 11).forEach((p) => lines.push(line(p, r, "z", 60, { category: "Z" })));
    ids.slice(18, 21).forEach((p) => lines.push(line(p, r, "z", 60, { category: "Z" })));
    const book = bookOf(lines);
    const model = buildPortfolio(book, { asOf: d(2025, 6, 30) });
    const p = model.analysis;
    const det = analyzeAccount(model, "A");
    const data = det.crossSell.filter((c) => !c.curated);
    expect(
      p.categoryRules.find((x) => x.antecedent === "X" && x.consequent === "Y")!.lift
    ).toBeCloseTo(0.5 / 0.48, 12);
    expect(data.map((c) => c.offer)).toEqual(["Z"]);
    expect(data[0].metrics!.lift).toBeCloseTo(5 / 12 / (8 / 25), 12);
    expect(data[0].rationale).toBe("42% of accounts that buy X also buy Z, 1.3x the base rate.");
  });
});

describe("regular reorder periods (auto-replenishment)", () => {
  it("needs 4 orders and gaps varying by at most 50%", () => {
    // gaps 30, 30, 30: CV 0 → regular, period 30
    expect(reorderRegularity([0, 30, 60, 90])).toEqual({
      orders: 4,
      reorderDays: 30,
      gapVariation: 0,
      regular: true,
    });
    // 3 orders (gaps 30, 30): too few
    expect(reorderRegularity([0, 30, 60]).regular).toBe(false);
    // gaps 10, 20, 30: mean 20, population SD √(200/3) = 8.165 → CV 0.408 → regular; median 20
    const r = reorderRegularity([0, 10, 30, 60]);
    expect(r.gapVariation).toBeCloseTo(Math.sqrt(200 / 3) / 20, 12);
    expect(r).toMatchObject({ reorderDays: 20, regular: true });
    // gaps 2, 2, 20: mean 8, SD √((36 + 36 + 144)/3) = 8.485 → CV 1.06 → irregular, though its median is 2 days
    expect(reorderRegularity([0, 2, 4, 24])).toMatchObject({ reorderDays: 2, regular: false });
    // same-day duplicates count once
    expect(reorderRegularity([0, 0, 30, 60, 90]).orders).toBe(4);
  });

  it("the QBR candidates are the regular products of the top-products table", () => {
    const lines = [
      ...[d(2025, 1, 1), d(2025, 1, 31), d(2025, 3, 2), d(2025, 4, 1)].map((x) =>
        line("A", x, "REG", 100)
      ),
      ...[d(2025, 1, 1), d(2025, 1, 3), d(2025, 1, 5), d(2025, 6, 1)].map((x) =>
        line("A", x, "IRR", 200)
      ),
    ];
    const book = bookOf(lines);
    const model = buildPortfolio(book, { asOf: d(2025, 6, 30) });
    const det = analyzeAccount(model, "A");
    expect(det.topProducts.map((t) => [t.sku, t.reorderDays, t.regular])).toEqual([
      ["IRR", 2, false],
      ["REG", 30, true],
    ]);
    const q = qbrData(model, "A", { year: 2025, q: 2 }, {}, undefined, det);
    expect(q.replenishment.map((r) => r.sku)).toEqual(
      det.topProducts.filter((t) => t.regular).map((t) => t.sku)
    );
  });
});
