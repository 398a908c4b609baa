/**
 * Rounding half away from zero, as Excel's ROUND: on the value as its 15 significant digits show
 * it, so binary noise never decides (0.145 × 100 is 14.499999999999998 in floating point and
 * shows 14.5, which rounds to 15; 2.675 shows 2.675 and rounds to 2.68). `decimals` ≥ 0.
 * A value clearly away from a half (by more than a relative 1e-12, far above binary noise) is
 * rounded directly; only near-halves, and amounts past about 10^11 where that margin passes ½,
 * are read through their 15 digits (a string: the order book rounds every line, so kept rare).
 * A fixed relative nudge here once moved 12,345,678,901.23 to .24 and 999,999,999,999 to 10^12.
 */
export function roundHalfAwayFromZero(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  const f = decimals === 0 ? 1 : 10 ** decimals;
  let scaled = Math.abs(x) * f;
  const fromHalf = Math.abs(scaled - Math.floor(scaled) - 0.5);
  if (fromHalf <= Math.max(1e-12, scaled * 1e-12)) scaled = shownScaled(x, decimals, scaled);
  const r = Math.floor(scaled + 0.5);
  return r === 0 ? 0 : (x < 0 ? -r : r) / f;
}

/**
 * |x| × 10^decimals as x's 15 significant digits show it, the decimal point moved in the text:
 * multiplying first rounds again (1,000,000,000,000.065 × 100 is …006.5 in floating point, where
 * the value shows …000.06). Past 10^15 a number has no decimals to show: `scaled` as it is.
 */
function shownScaled(x: number, decimals: number, scaled: number): number {
  const shown = Math.abs(x).toPrecision(15);
  return shown.includes("e") ? scaled : Number(`${shown}e${decimals}`);
}

/**
 * A number as Excel shows and compares it: to 15 significant digits, so binary noise never
 * decides which side of a threshold it falls (=4.1-1.1 is 2.9999999999999996 in floating point
 * and shows 3, so it is 3 at a cut of 3; =8.2-0.2 is 8 days, not 7). Every band, tier, stage and
 * cut compares values through it; a value really below (2.99999999999999, 14 digits) stays below.
 */
export function asShown(x: number): number {
  // a whole number under 10^15 has at most 15 digits: it shows as itself, without the text
  // (nearly every value compared: day counts, category counts)
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x;
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(15)) : x;
}

/** Median of a list (mean of the middle two for even counts); undefined when empty. Does not mutate. */
export function median(values: readonly number[] | Float64Array): number | undefined {
  if (values.length === 0) return undefined;
  // a typed copy sorts numerically without a comparator
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Sorts small integer lists ascending in place without the allocations of Array.prototype.sort. */
export function sortSmallInts(a: number[]): number[] {
  if (a.length > 32) return a.sort((x, y) => x - y);
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

export function sum(values: Iterable<number>): number {
  let t = 0;
  for (const v of values) t += v;
  return t;
}

export function mean(values: readonly number[]): number | undefined {
  return values.length ? sum(values) / values.length : undefined;
}

/**
 * % change later vs earlier, as a whole-number percent or a special case. The caller
 * knows whether the first order falls inside the later period (too little history).
 */
export type Change =
  | { kind: "pct"; pct: number }
  /** earlier empty, account lapsed and came back: counts as +∞ */
  | { kind: "inf" }
  /** earlier empty and first order inside the later period: too little history */
  | { kind: "na" }
  /** both periods empty */
  | { kind: "none" };

export function percentChange(earlier: number, later: number, firstOrderInLater: boolean): Change {
  // both tests made every time: code compiled while every account had an earlier figure has then
  // seen the second one too, and is not thrown away at the first account without one
  const noEarlier = earlier === 0;
  const noLater = later === 0;
  if (noEarlier && noLater) return { kind: "none" };
  if (noEarlier) return firstOrderInLater ? { kind: "na" } : { kind: "inf" };
  const pct =
    Number.isInteger(earlier) && Number.isInteger(later)
      ? wholePercentChange(earlier, later)
      : roundHalfAwayFromZero(((later - earlier) / Math.abs(earlier)) * 100);
  return { kind: "pct", pct };
}

/**
 * 100 × (later − earlier) / |earlier| rounded half away from zero, exactly, for whole numbers
 * (money in whole steps of its minor unit, order counts). The float route's nudge for lost ulps
 * (roundHalfAwayFromZero) is about 1e-12 of the figure: a 1e9-scale account's change can lie
 * closer than that to a half (19.499999999995%) and was rounded up across a factor boundary.
 */
export function wholePercentChange(earlier: number, later: number): number {
  // |100·Δ| / |E| rounded half away from zero = floor((200·|Δ| + |E|) / (2·|E|))
  const e = Math.abs(earlier);
  const d = later - earlier;
  const num = 200 * Math.abs(d) + e;
  const den = 2 * e;
  let q: number;
  if (num <= Number.MAX_SAFE_INTEGER && Number.isSafeInteger(d)) {
    q = Math.floor(num / den);
    // the division is a float's: put q right by the exact remainders (all below 2^53)
    if (q * den > num) q--;
    else if ((q + 1) * den <= num) q++;
  } else {
    q = Number((200n * BigInt(Math.abs(d)) + BigInt(e)) / (2n * BigInt(e)));
  }
  return q === 0 ? 0 : d < 0 ? -q : q;
}

/**
 * The revenue change of RULES.md §2: a period whose net revenue is zero or below counts as
 * having no revenue (credit notes alone are not negative sales), then as percentChange — so an
 * account with only a credit note scores 1 (both empty), and −£17 → £18,758 is a lapsed account
 * back (+∞), not +110,441%.
 */
export function revenueChangeOf(
  earlier: number,
  later: number,
  firstOrderInLater: boolean
): Change {
  return percentChange(earlier > 0 ? earlier : 0, later > 0 ? later : 0, firstOrderInLater);
}

/**
 * The sign of num/den − t (den > 0), exactly: num and den whole numbers (sums of money in steps
 * of its minor unit, order counts, or their products), t a rule's share with at most 6 decimal
 * places (0.2, 0.1). A float quotient of two exact sums can land a hair on either side of the
 * share (10.02 / 100.20 = 0.09999999999999999): a boundary case must fall where the rule says.
 */
export function fractionVersus(num: bigint, den: bigint, t: number): -1 | 0 | 1 {
  const lhs = num * 1_000_000n;
  const rhs = BigInt(Math.round(t * 1_000_000)) * den;
  return lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
}
