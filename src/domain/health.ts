/**
 * The account health score of RULES.md §2.1: six factors scored 1–5 from the tables in
 * rules.ts, combined with weights that are renormalised over the factors that have data.
 */
import { asShown, type Change, roundHalfAwayFromZero } from "./numbers";
import { percentText } from "./numberText";
import {
  BANDS,
  DEFAULT_WEIGHTS,
  DIVERSITY_STEPS,
  ENGAGEMENT_LEVELS,
  FACTORS,
  type Factor,
  FREQUENCY_STEPS,
  PAYMENT_STEPS,
  RECENCY_STEPS,
  REVENUE_STEPS,
  type Step,
} from "./rules";
import type { HealthBand } from "./types";

/** A factor score 1–5, or null when the factor is n/a or has no data (left out of the score). */
export type FactorScore = number | null;
export type FactorScores = Record<Factor, FactorScore>;
export type Weights = Record<Factor, number>;

function stepScore(value: number, steps: readonly Step[]): number {
  for (const s of steps) if (value >= s.min) return s.score;
  return steps[steps.length - 1].score;
}

function maxStepScore(value: number, steps: readonly { max: number; score: number }[]): number {
  for (const s of steps) if (value <= s.max) return s.score;
  return steps[steps.length - 1].score;
}

/**
 * Whole days since the last order (fractions dropped: times are ignored, but a day as Excel shows
 * it — asShown: 7.999999999999999 is 8 — is that day); null = never ordered → 1.
 */
export function recencyScore(days: number | null): number {
  if (days === null) return 1;
  if (!Number.isFinite(days) || days < 0)
    throw new RangeError("Days since last order must be 0 or more.");
  return maxStepScore(Math.floor(asShown(days)), RECENCY_STEPS);
}

/** A % change already known as a number of percent (19.5 = +19.5%), rounded half away from zero first. */
function pctOf(change: Change | number): Change {
  return typeof change === "number" ? { kind: "pct", pct: roundHalfAwayFromZero(change) } : change;
}

function changeScore(change: Change | number, steps: readonly Step[]): FactorScore {
  const c = pctOf(change);
  switch (c.kind) {
    case "pct":
      return stepScore(roundHalfAwayFromZero(c.pct), steps);
    case "inf":
      return 5;
    case "none":
      return 1;
    case "na":
      return null;
  }
}

/** % change in orders, last quarter vs previous (percent points, e.g. 19.5). */
export function frequencyScore(change: Change | number): FactorScore {
  return changeScore(change, FREQUENCY_STEPS);
}

/** % change in revenue, last 12 months vs prior 12 (percent points). */
export function revenueScore(change: Change | number): FactorScore {
  return changeScore(change, REVENUE_STEPS);
}

/**
 * Categories bought in the last 12 months. One category scores 2 when the account bought
 * several products in it, 1 when it bought one product only; `products` unknown counts as several.
 */
export function diversityScore(categories: number, products?: number): number {
  if (!Number.isFinite(categories) || categories < 0)
    throw new RangeError("Categories must be 0 or more.");
  const c = Math.floor(asShown(categories));
  // the products test made every time (see percentChange)
  const oneProduct = products !== undefined && products <= 1;
  if (c === 1 && oneProduct) return 1;
  return stepScore(c, DIVERSITY_STEPS);
}

const ENGAGEMENT_LOOKUP: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const level of ENGAGEMENT_LEVELS) {
    m.set(normaliseLabel(level.label), level.score);
    for (const s of level.synonyms) m.set(normaliseLabel(s), level.score);
  }
  return m;
})();

function normaliseLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/hrs?\b|hours?/g, "h")
    .replace(/[^a-z0-9<]+/g, " ")
    .trim();
}

/**
 * Engagement as 1–5 or a label ("Proactively reaches out", "responds <24h", "Rarely/Never" …).
 * Returns undefined when the text is not a known label or the number is not 1–5.
 */
export function parseEngagement(v: number | string): number | undefined {
  if (typeof v === "number") {
    // as Excel shows it: =4.1-1.1 (2.9999999999999996) is engagement 3
    const n = asShown(v);
    return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
  }
  const t = v.trim();
  if (t === "") return undefined;
  if (/^[1-5](\.0+)?$/.test(t)) return Number(t);
  const key = normaliseLabel(t);
  return ENGAGEMENT_LOOKUP.get(key) ?? engagementByKeyword(key);
}

/** Looser reading for spellings the synonym list lacks ("Rarely responds", "replies within 24hrs"). */
function engagementByKeyword(key: string): number | undefined {
  if (/proactiv|reaches out|initiat/.test(key)) return 5;
  if (/\b24 ?h\b|same day|within a day|1 day/.test(key)) return 4;
  if (/\b(2|3) ?days?\b|few days/.test(key)) return 3;
  if (/eventual|slow/.test(key)) return 2;
  if (/rarely|never|no response|unresponsive|ignores/.test(key)) return 1;
  return undefined;
}

/** Average days paid beyond terms, rounded to whole days half away from zero (−0.5 counts as a day early). */
export function paymentScore(daysBeyondTerms: number): number {
  if (!Number.isFinite(daysBeyondTerms))
    throw new RangeError("Days beyond terms must be a number.");
  return maxStepScore(roundHalfAwayFromZero(daysBeyondTerms), PAYMENT_STEPS);
}

export class WeightsError extends Error {}

/**
 * Validates user weights: six numbers in factor order (or a record), as percents adding to 100
 * or as fractions adding to 1. Returns percents. The message's figures in `culture`'s way
 * ("these add to 95 %" in de-DE, as the pane shows the weights); none: en-GB.
 */
export function normaliseWeights(
  input: readonly number[] | Partial<Weights>,
  culture?: string
): Weights {
  const values = Array.isArray(input)
    ? input
    : FACTORS.map((f) => (input as Partial<Weights>)[f] ?? 0);
  if (values.length !== FACTORS.length) {
    throw new WeightsError(
      `Weights need 6 values (Recency, Frequency, Revenue, Diversity, Engagement, Payment); got ${values.length}.`
    );
  }
  for (const v of values) {
    if (!Number.isFinite(v) || v < 0)
      throw new WeightsError("Weights must be numbers of 0 or more.");
  }
  const total = values.reduce((a, b) => a + b, 0);
  const scale = Math.abs(total - 1) < 1e-9 ? 100 : Math.abs(total - 100) < 1e-9 ? 1 : 0;
  if (scale === 0) {
    const shown = Number(total.toPrecision(12));
    throw new WeightsError(
      `Weights must add to ${percentText(100, culture)}; these add to ${percentText(shown <= 1.5 ? Number((shown * 100).toPrecision(12)) : shown, culture)}.`
    );
  }
  const out = {} as Weights;
  FACTORS.forEach((f, i) => (out[f] = values[i] * scale));
  return out;
}

export interface HealthResult {
  /** Rounded to 2 decimals; null when no factor has data. */
  score: number | null;
  band: HealthBand | null;
  factors: FactorScores;
  /** Factors that counted, in table order. */
  used: Factor[];
  /** The weights actually applied, in percent, renormalised over `used` (sums to 100). */
  effectiveWeights: Weights;
}

const FACTOR_LIST = FACTORS;

/**
 * The weighted score over the factors that have data (null = n/a, left out), rounded to
 * 2 decimals; null when none has data. Scores and weights in FACTORS order. This is the hot
 * path of KAP.HEALTH over whole columns, so it allocates nothing.
 */
export function weightedScore(
  scores: ArrayLike<number | null>,
  weights: ArrayLike<number>
): number | null {
  let weightSum = 0;
  let raw = 0;
  for (let k = 0; k < 6; k++) {
    const s = scores[k];
    const w = weights[k];
    if (s !== null && w > 0) {
      weightSum += w;
      raw += w * s;
    }
  }
  return weightSum > 0 ? roundHalfAwayFromZero(raw / weightSum, 2) : null;
}

export function weightsArray(weights: Weights): number[] {
  return FACTOR_LIST.map((f) => weights[f]);
}

/** Combines factor scores: n/a factors are left out and the remaining weights scaled up to 100%. */
export function combineHealth(
  factors: Partial<FactorScores>,
  weights: Weights = DEFAULT_WEIGHTS
): HealthResult {
  // every factor present from the start, in FACTORS order (the order they are filled in and
  // written out): the fields sit inside the object rather than in a separate property store
  const full: FactorScores = {
    recency: null,
    frequency: null,
    revenue: null,
    diversity: null,
    engagement: null,
    payment: null,
  };
  const used: Factor[] = [];
  let weightSum = 0;
  for (const f of FACTOR_LIST) {
    const s = factors[f] ?? null;
    full[f] = s;
    if (s !== null && weights[f] > 0) {
      used.push(f);
      weightSum += weights[f];
    }
  }
  const effectiveWeights: Weights = {
    recency: 0,
    frequency: 0,
    revenue: 0,
    diversity: 0,
    engagement: 0,
    payment: 0,
  };
  for (const f of FACTOR_LIST)
    effectiveWeights[f] = full[f] !== null && weights[f] > 0 ? (weights[f] / weightSum) * 100 : 0;
  // the same kind of array as the history points' scores (a literal of nulls, filled in), so
  // weightedScore's compiled code serves both
  const scores: (number | null)[] = [null, null, null, null, null, null];
  for (let k = 0; k < 6; k++) scores[k] = full[FACTOR_LIST[k]];
  const score = weightedScore(scores, weightsArray(weights));
  return {
    score,
    band: score === null ? null : bandOf(score),
    factors: full,
    // a copy of its exact length (the row keeps it; pushing left room for 17)
    used: used.slice(),
    effectiveWeights,
  };
}

/** Band of a score, rounded to 2 decimals first (3.995 is Healthy). */
export function bandOf(score: number): HealthBand {
  const r = roundHalfAwayFromZero(score, 2);
  for (const b of BANDS) if (r >= b.min) return b.band;
  return "Critical";
}

export function bandAction(band: HealthBand): string {
  return BANDS.find((b) => b.band === band)?.action ?? "";
}
