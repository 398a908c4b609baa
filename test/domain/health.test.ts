/**
 * The health score of RULES.md §2.1, checked against its tables. Every expected number is
 * worked out by hand from the spec (arithmetic in the comments), not copied from the code.
 */
import fc from "fast-check";
import {
  bandOf,
  combineHealth,
  diversityScore,
  type FactorScores,
  frequencyScore,
  normaliseWeights,
  parseEngagement,
  paymentScore,
  recencyScore,
  revenueScore,
  type Weights,
  WeightsError,
} from "../../src/domain/health";
import { percentChange } from "../../src/domain/numbers";
import { DEFAULT_WEIGHTS, FACTORS } from "../../src/domain/rules";
import type { HealthBand } from "../../src/domain/types";

describe("Recency: whole days since last order (5: 0–7, 4: 8–14, 3: 15–30, 2: 31–60, 1: 61+ or never)", () => {
  it.each([
    [0, 5],
    [7, 5],
    [8, 4],
    [14, 4],
    [15, 3],
    [30, 3],
    [31, 2],
    [60, 2],
    [61, 1],
    [400, 1],
  ])("%p days → %p", (days, score) => {
    expect(recencyScore(days)).toBe(score);
  });

  it("never ordered → 1", () => {
    expect(recencyScore(null)).toBe(1);
  });

  it("ignores the time of day: 7.9 days is day 7 → 5; 14.99 is day 14 → 4", () => {
    expect(recencyScore(7.9)).toBe(5);
    expect(recencyScore(14.99)).toBe(4);
  });

  it("refuses a negative number of days", () => {
    expect(() => recencyScore(-1)).toThrow(RangeError);
  });
});

describe("Frequency: % change in orders (5: ≥+20, 4: +5…+19, 3: −5…+4, 2: −25…−6, 1: ≤−26)", () => {
  it.each([
    [-26, 1],
    [-25, 2],
    [-6, 2],
    [-5, 3],
    [0, 3],
    [4, 3],
    [5, 4],
    [19, 4],
    [20, 5],
    [250, 5],
  ])("%p%% → %p", (pct, score) => {
    expect(frequencyScore(pct)).toBe(score);
  });

  it("rounds to a whole percent half away from zero before the table", () => {
    expect(frequencyScore(19.5)).toBe(5); // +19.5% → +20 → 5
    expect(frequencyScore(19.49)).toBe(4); // +19.49% → +19 → 4
    expect(frequencyScore(4.5)).toBe(4); // +4.5% → +5 → 4
    expect(frequencyScore(4.49)).toBe(3); // +4.49% → +4 → 3
    expect(frequencyScore(-5.5)).toBe(2); // −5.5% → −6 (away from zero) → 2
    expect(frequencyScore(-5.49)).toBe(3); // −5.49% → −5 → 3
    expect(frequencyScore(-25.5)).toBe(1); // −25.5% → −26 → 1
  });

  it("reads a fraction ×100 without binary noise: 0.145 × 100 = 14.5 → 15, 0.195 × 100 = 19.5 → 20", () => {
    // 0.145*100 is 14.499999999999998 in floating point; a person means 14.5, which rounds to 15.
    expect(percentChange(100, 114.5, false)).toEqual({ kind: "pct", pct: 15 });
    expect(frequencyScore({ kind: "pct", pct: 0.195 * 100 })).toBe(5); // 19.5 → 20 → 5
    expect(frequencyScore(0.045 * 100)).toBe(4); // 4.5 → 5 → 4
    expect(revenueScore(0.095 * 100)).toBe(4); // 9.5 → 10 → 4 (revenue +10…+19)
  });
});

describe("Revenue: % change, last 12 vs prior 12 months (5: ≥+20, 4: +10…+19, 3: −10…+9, 2: −30…−11, 1: ≤−31)", () => {
  it.each([
    [-31, 1],
    [-30, 2],
    [-11, 2],
    [-10, 3],
    [0, 3],
    [9, 3],
    [10, 4],
    [19, 4],
    [20, 5],
  ])("%p%% → %p", (pct, score) => {
    expect(revenueScore(pct)).toBe(score);
  });

  it("rounds half away from zero: −30.5% → −31 → 1; −29.5% → −30 → 2; +9.5% → +10 → 4", () => {
    expect(revenueScore(-30.5)).toBe(1);
    expect(revenueScore(-29.5)).toBe(2);
    expect(revenueScore(9.5)).toBe(4);
  });
});

describe("n/a rules for % changes (percentChange)", () => {
  it("computes a whole-percent change: 10 → 12 orders is +20%; £200 → £139 is −30.5% → −31%", () => {
    expect(percentChange(10, 12, false)).toEqual({ kind: "pct", pct: 20 }); // (12−10)/10 = 0.2
    expect(percentChange(200, 139, false)).toEqual({ kind: "pct", pct: -31 }); // −61/200 = −30.5% → −31
    expect(revenueScore(percentChange(200, 139, false))).toBe(1);
    expect(revenueScore(percentChange(200, 141, false))).toBe(2); // −59/200 = −29.5% → −30 → 2
  });

  it("earlier period empty and the first order inside the later one → n/a (left out)", () => {
    const c = percentChange(0, 3, true);
    expect(c).toEqual({ kind: "na" });
    expect(frequencyScore(c)).toBeNull();
    expect(revenueScore(c)).toBeNull();
  });

  it("earlier period empty but the account ordered before it (lapsed and back) → +∞ → 5", () => {
    const c = percentChange(0, 3, false);
    expect(c).toEqual({ kind: "inf" });
    expect(frequencyScore(c)).toBe(5);
    expect(revenueScore(c)).toBe(5);
  });

  it("both periods empty → 1", () => {
    const c = percentChange(0, 0, false);
    expect(c).toEqual({ kind: "none" });
    expect(frequencyScore(c)).toBe(1);
    expect(revenueScore(c)).toBe(1);
  });

  it("later period empty after orders before → −100% → 1", () => {
    expect(percentChange(4, 0, false)).toEqual({ kind: "pct", pct: -100 });
    expect(frequencyScore(percentChange(4, 0, false))).toBe(1);
  });
});

describe("Diversity: categories in the last 12 months (5: 6+, 4: 4–5, 3: 2–3, 2: 1 with several products, 1: one product or none)", () => {
  it.each([
    [0, undefined, 1],
    [1, 1, 1], // one category, one product only → 1
    [1, 4, 2], // one category, several products → 2
    [1, undefined, 2], // products unknown counts as several
    [2, undefined, 3],
    [3, undefined, 3],
    [4, undefined, 4],
    [5, undefined, 4],
    [6, undefined, 5],
    [9, undefined, 5],
  ])("%p categories, %p products → %p", (categories, products, score) => {
    expect(diversityScore(categories, products)).toBe(score);
  });

  it("refuses a negative count", () => {
    expect(() => diversityScore(-1)).toThrow(RangeError);
  });
});

describe("Engagement: 1–5 or a label in any sensible spelling", () => {
  it.each([
    [5, 5],
    [1, 1],
    ["4", 4],
    [" 3 ", 3],
    ["Proactively reaches out", 5],
    ["proactive", 5],
    ["PROACTIVELY REACHES OUT", 5],
    ["Reaches out to us", 5],
    ["Responds within 24 hours", 4],
    ["responds < 24 h", 4],
    ["Responds <24h", 4],
    ["responds within 24 hrs", 4],
    ["Same day", 4],
    ["Responds within 3 days", 3],
    ["responds < 3 days", 3],
    ["< 3 days", 3],
    ["Replies in 2 days", 3],
    ["eventually", 2],
    ["Responds eventually", 2],
    ["Slow", 2],
    ["Rarely/Never", 1],
    ["rarely / never", 1],
    ["Rarely or never responds", 1],
    ["Never", 1],
    ["No response", 1],
  ])("%p → %p", (input, score) => {
    expect(parseEngagement(input)).toBe(score);
  });

  it.each([[0], [6], [2.5], [""], ["sometimes"], ["maybe next week"]])(
    "%p is not an engagement level → undefined",
    (input) => {
      expect(parseEngagement(input)).toBeUndefined();
    }
  );
});

describe("Payment: average days beyond terms (5: early ≤ −1, 4: on time 0, 3: 1–7, 2: 8–30, 1: 31+)", () => {
  it.each([
    [-3, 5],
    [-1, 5],
    [-0.5, 5], // rounds half away from zero to −1: a day early
    [0, 4],
    [0.4, 4], // rounds to 0: on time
    [1, 3],
    [7, 3],
    [7.5, 2], // rounds to 8
    [8, 2],
    [30, 2],
    [31, 1],
  ])("%p days → %p", (days, score) => {
    expect(paymentScore(days)).toBe(score);
  });
});

const ALL: FactorScores = {
  recency: 5,
  frequency: 4,
  revenue: 3,
  diversity: 2,
  engagement: 1,
  payment: 5,
};

describe("combineHealth", () => {
  it("weights all six factors 25/20/20/15/10/10", () => {
    // 0.25·5 + 0.20·4 + 0.20·3 + 0.15·2 + 0.10·1 + 0.10·5 = 1.25 + 0.8 + 0.6 + 0.3 + 0.1 + 0.5 = 3.55
    const r = combineHealth(ALL);
    expect(r.score).toBe(3.55);
    expect(r.band).toBe("Stable");
    expect(r.used).toEqual([
      "recency",
      "frequency",
      "revenue",
      "diversity",
      "engagement",
      "payment",
    ]);
  });

  it("all fives → 5 Healthy; all ones → 1 Critical", () => {
    expect(
      combineHealth({
        recency: 5,
        frequency: 5,
        revenue: 5,
        diversity: 5,
        engagement: 5,
        payment: 5,
      }).score
    ).toBe(5);
    const low = combineHealth({
      recency: 1,
      frequency: 1,
      revenue: 1,
      diversity: 1,
      engagement: 1,
      payment: 1,
    });
    expect([low.score, low.band]).toEqual([1, "Critical"]);
  });

  it("leaves engagement out when n/a and scales the other weights to 100% (÷ 90)", () => {
    // (25·5 + 20·4 + 20·3 + 15·2 + 10·5) / 90 = (125 + 80 + 60 + 30 + 50) / 90 = 345/90 = 3.8333… → 3.83
    const r = combineHealth({ ...ALL, engagement: null });
    expect(r.score).toBe(3.83);
    expect(r.band).toBe("Stable");
    expect(r.used).toEqual(["recency", "frequency", "revenue", "diversity", "payment"]);
    expect(r.effectiveWeights.engagement).toBe(0);
    expect(r.effectiveWeights.recency).toBeCloseTo((25 / 90) * 100, 9); // 27.78%
    const total = FACTORS.reduce((a, f) => a + r.effectiveWeights[f], 0);
    expect(total).toBeCloseTo(100, 9);
  });

  it("treats missing factors like n/a: engagement and payment absent → ÷ 80, and rounds half away from zero", () => {
    // R5 F4 V4 D3: (125 + 80 + 80 + 45) / 80 = 330/80 = 4.125 → 4.13 Healthy
    const r = combineHealth({ recency: 5, frequency: 4, revenue: 4, diversity: 3 });
    expect(r.score).toBe(4.13);
    expect(r.band).toBe("Healthy");
  });

  it("one factor only: the score is that factor", () => {
    expect(combineHealth({ recency: 2 }).score).toBe(2);
  });

  it("no factor with data → no score, no band", () => {
    const r = combineHealth({ recency: null, frequency: null });
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.used).toEqual([]);
  });

  it("custom weights as percents adding to 100", () => {
    // weights 40/10/10/10/10/20 on R5 F4 V3 D2 E1 P5: 200 + 40 + 30 + 20 + 10 + 100 = 400 → 4.00 Healthy
    const w = normaliseWeights([40, 10, 10, 10, 10, 20]);
    const r = combineHealth(ALL, w);
    expect(r.score).toBe(4);
    expect(r.band).toBe("Healthy");
  });

  it("custom weights as fractions adding to 1 are read as percents", () => {
    // 0.4/0.1/0.1/0.1/0.1/0.2 is the same as 40/10/10/10/10/20 → 4.00
    const w = normaliseWeights([0.4, 0.1, 0.1, 0.1, 0.1, 0.2]);
    expect(w).toEqual({
      recency: 40,
      frequency: 10,
      revenue: 10,
      diversity: 10,
      engagement: 10,
      payment: 20,
    });
    expect(combineHealth(ALL, w).score).toBe(4);
    expect(normaliseWeights([0.25, 0.2, 0.2, 0.15, 0.1, 0.1])).toEqual(DEFAULT_WEIGHTS);
  });

  it("custom weights given as a record", () => {
    expect(normaliseWeights({ recency: 50, frequency: 50 })).toEqual({
      recency: 50,
      frequency: 50,
      revenue: 0,
      diversity: 0,
      engagement: 0,
      payment: 0,
    });
  });

  it("a factor with weight 0 is not used", () => {
    // weights 50/50/0/0/0/0 on R5 F4: (250 + 200) / 100 = 4.5
    const r = combineHealth(ALL, normaliseWeights([50, 50, 0, 0, 0, 0]));
    expect(r.score).toBe(4.5);
    expect(r.used).toEqual(["recency", "frequency"]);
  });

  it("weights that do not add to 100% are refused with what they add to", () => {
    // 25+20+20+15+10+5 = 95
    expect(() => normaliseWeights([25, 20, 20, 15, 10, 5])).toThrow(WeightsError);
    expect(() => normaliseWeights([25, 20, 20, 15, 10, 5])).toThrow(/add to 100%.*95%/);
    // 0.25+0.2+0.2+0.15+0.1+0.05 = 0.95 → 95%
    expect(() => normaliseWeights([0.25, 0.2, 0.2, 0.15, 0.1, 0.05])).toThrow(/95%/);
    // 30·6 = 180
    expect(() => normaliseWeights([30, 30, 30, 30, 30, 30])).toThrow(/180%/);
    expect(() => normaliseWeights([25, 20, 20, 15, 20])).toThrow(WeightsError); // five values
    expect(() => normaliseWeights([125, -20, 20, -15, -10, 0])).toThrow(WeightsError); // negative
  });

  it("the refusal's figures follow the culture: de-DE 100 %, 99,5 %; none: 100%, 99.5%", () => {
    // 25+20+20+15+10+9.5 = 99.5
    const w = [25, 20, 20, 15, 10, 9.5];
    expect(() => normaliseWeights(w, "de-DE")).toThrow(
      "Weights must add to 100\u00a0%; these add to 99,5\u00a0%."
    );
    expect(() => normaliseWeights(w, "fr-FR")).toThrow(
      "Weights must add to 100\u00a0%; these add to 99,5\u00a0%."
    );
    expect(() => normaliseWeights(w)).toThrow("Weights must add to 100%; these add to 99.5%.");
    // as fractions, 0.995 → 99.5 %
    expect(() => normaliseWeights([0.25, 0.2, 0.2, 0.15, 0.1, 0.095], "de-DE")).toThrow(
      "these add to 99,5\u00a0%."
    );
  });

  it("rounds to 2 decimals before banding: exactly 3.995 → 4.00 Healthy", () => {
    // weights 99.5% recency, 0.5% payment; R4 P3: (4·99.5 + 3·0.5) / 100 = (398 + 1.5) / 100 = 3.995 → 4.00
    const w = normaliseWeights([99.5, 0, 0, 0, 0, 0.5]);
    const r = combineHealth({ recency: 4, payment: 3 }, w);
    expect(r.score).toBe(4);
    expect(r.band).toBe("Healthy");
  });

  it("rounds to 2 decimals before banding: 2.994 → 2.99 At Risk", () => {
    // weights 99.4% recency, 0.6% payment; R3 P2: (3·99.4 + 2·0.6) / 100 = (298.2 + 1.2) / 100 = 2.994 → 2.99
    const w = normaliseWeights([99.4, 0, 0, 0, 0, 0.6]);
    const r = combineHealth({ recency: 3, payment: 2 }, w);
    expect(r.score).toBe(2.99);
    expect(r.band).toBe("At Risk");
  });
});

describe("bandOf", () => {
  it.each([
    [5, "Healthy"],
    [4, "Healthy"],
    [3.995, "Healthy"], // rounds to 4.00
    [3.994, "Stable"], // rounds to 3.99
    [3, "Stable"],
    [2.995, "Stable"], // rounds to 3.00
    [2.994, "At Risk"],
    [2, "At Risk"],
    [1.999, "At Risk"], // rounds to 2.00
    [1.994, "Critical"],
    [1, "Critical"],
  ])("%p → %p", (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});

/* ---------------- properties ---------------- */

const BAND_RANK: Record<HealthBand, number> = { Critical: 0, "At Risk": 1, Stable: 2, Healthy: 3 };

/** Raw inputs a user types, turned into factor scores by the rules under test. */
interface Inputs {
  days: number | null;
  freqPct: number;
  revPct: number;
  categories: number;
  engagement: number;
  payDays: number;
}

function scoresOf(i: Inputs): FactorScores {
  return {
    recency: recencyScore(i.days),
    frequency: frequencyScore(i.freqPct),
    revenue: revenueScore(i.revPct),
    diversity: diversityScore(i.categories),
    engagement: parseEngagement(i.engagement) ?? null,
    payment: paymentScore(i.payDays),
  };
}

const inputsArb: fc.Arbitrary<Inputs> = fc.record({
  days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  freqPct: fc.double({ min: -100, max: 300, noNaN: true }),
  revPct: fc.double({ min: -100, max: 300, noNaN: true }),
  categories: fc.integer({ min: 0, max: 12 }),
  engagement: fc.integer({ min: 1, max: 5 }),
  payDays: fc.double({ min: -30, max: 90, noNaN: true }),
});

/** Valid weights: six whole percents adding to exactly 100 (cuts of 0..100), some may be 0. */
const weightsArb: fc.Arbitrary<Weights> = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 })
  .map((cuts) => {
    const c = [0, ...cuts.sort((a, b) => a - b), 100];
    return normaliseWeights(c.slice(1).map((v, i) => v - c[i]));
  });

const anyWeightsArb = fc.oneof(fc.constant({ ...DEFAULT_WEIGHTS } as Weights), weightsArb);

/** Some factors may be n/a. */
const maskArb = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 });

function masked(s: FactorScores, mask: boolean[]): Partial<FactorScores> {
  const out: Partial<FactorScores> = {};
  FACTORS.forEach((f, i) => (out[f] = mask[i] ? null : s[f]));
  return out;
}

describe("health properties", () => {
  it("the score is within 1–5 and has at most 2 decimals", () => {
    fc.assert(
      fc.property(inputsArb, anyWeightsArb, maskArb, (inp, w, mask) => {
        const r = combineHealth(masked(scoresOf(inp), mask), w);
        if (r.score === null) return r.used.length === 0;
        return (
          r.score >= 1 &&
          r.score <= 5 &&
          Math.abs(r.score * 100 - Math.round(r.score * 100)) < 1e-9 &&
          r.band === bandOf(r.score)
        );
      }),
      { numRuns: 500 }
    );
  });

  const improvements: [string, fc.Arbitrary<(i: Inputs) => Inputs>][] = [
    [
      "fewer days since the last order",
      fc
        .integer({ min: 0, max: 400 })
        .map((k) => (i: Inputs) => ({ ...i, days: i.days === null ? k : Math.max(0, i.days - k) })),
    ],
    [
      "a higher % change in orders",
      fc
        .double({ min: 0, max: 200, noNaN: true })
        .map((k) => (i: Inputs) => ({ ...i, freqPct: i.freqPct + k })),
    ],
    [
      "a higher % change in revenue",
      fc
        .double({ min: 0, max: 200, noNaN: true })
        .map((k) => (i: Inputs) => ({ ...i, revPct: i.revPct + k })),
    ],
    [
      "more categories",
      fc
        .integer({ min: 0, max: 10 })
        .map((k) => (i: Inputs) => ({ ...i, categories: i.categories + k })),
    ],
    [
      "higher engagement",
      fc
        .integer({ min: 0, max: 4 })
        .map((k) => (i: Inputs) => ({ ...i, engagement: Math.min(5, i.engagement + k) })),
    ],
    [
      "fewer days late",
      fc
        .double({ min: 0, max: 100, noNaN: true })
        .map((k) => (i: Inputs) => ({ ...i, payDays: i.payDays - k })),
    ],
  ];

  it.each(improvements)(
    "never decreases with %s (default and random valid weights, some factors n/a)",
    (_name, improveArb) => {
      fc.assert(
        fc.property(inputsArb, improveArb, anyWeightsArb, maskArb, (inp, improve, w, mask) => {
          const before = combineHealth(masked(scoresOf(inp), mask), w).score;
          const after = combineHealth(masked(scoresOf(improve(inp)), mask), w).score;
          if (before === null) return after === null;
          return after !== null && after >= before;
        }),
        { numRuns: 300 }
      );
    }
  );

  it("bandOf is monotone: a higher score never has a worse band", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return BAND_RANK[bandOf(lo)] <= BAND_RANK[bandOf(hi)];
        }
      ),
      { numRuns: 1000 }
    );
  });
});
