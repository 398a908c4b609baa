/**
 * Association-rule metrics with accounts as baskets (RULES.md §2.6), defined as mlxtend's
 * association_rules does: support = share of baskets holding X∪Y; confidence = support/support(X);
 * lift = confidence/support(Y); leverage = support − support(X)·support(Y);
 * conviction = (1 − support(Y)) / (1 − confidence), ∞ when confidence = 1.
 */

export interface RuleMetrics {
  /** baskets (accounts) in all, holding X, holding Y, holding both */
  totalAccounts: number;
  antecedentAccounts: number;
  consequentAccounts: number;
  bothAccounts: number;
  antecedentSupport: number;
  consequentSupport: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  /** Infinity when confidence is 1 */
  conviction: number;
}

export function ruleMetrics(total: number, nX: number, nY: number, nXY: number): RuleMetrics {
  const sX = total ? nX / total : 0;
  const sY = total ? nY / total : 0;
  const s = total ? nXY / total : 0;
  const confidence = nX ? nXY / nX : 0;
  const lift = sY ? confidence / sY : 0;
  const conviction = confidence >= 1 ? Infinity : (1 - sY) / (1 - confidence);
  return {
    totalAccounts: total,
    antecedentAccounts: nX,
    consequentAccounts: nY,
    bothAccounts: nXY,
    antecedentSupport: sX,
    consequentSupport: sY,
    support: s,
    confidence,
    lift,
    leverage: s - sX * sY,
    conviction,
  };
}

/** Metrics of the rule X → Y (itemsets) over baskets of item names. */
export function associationRule(
  baskets: readonly (readonly string[])[],
  antecedent: readonly string[],
  consequent: readonly string[]
): RuleMetrics {
  let nX = 0;
  let nY = 0;
  let nXY = 0;
  for (const b of baskets) {
    const set = new Set(b);
    const x = antecedent.every((i) => set.has(i));
    const y = consequent.every((i) => set.has(i));
    if (x) nX++;
    if (y) nY++;
    if (x && y) nXY++;
  }
  return ruleMetrics(baskets.length, nX, nY, nXY);
}

/** More rules than minePairRules was given room for (`maxRules`). */
export class TooManyRulesError extends RangeError {
  constructor(readonly maxRules: number) {
    super(`more than ${maxRules} rules`);
    this.name = "TooManyRulesError";
  }
}

export interface PairRule extends RuleMetrics {
  antecedent: number;
  consequent: number;
}

/**
 * All single-item rules X → Y (X ≠ Y) with at least `minBothAccounts` baskets holding both.
 * Baskets are lists of distinct item ids < itemCount. Pair counts in an itemCount² matrix up to
 * 4,096 items, else item by item in one row of counters; SKU-level rules are mined per account
 * (see skuRulesFor). Rules come by antecedent, then consequent, ascending. More than
 * `maxRules` of them throw a TooManyRulesError (each takes about 650 bytes of heap, and their
 * number grows with the square of the items an account buys).
 */
export function minePairRules(
  baskets: readonly ArrayLike<number>[],
  itemCount: number,
  minBothAccounts: number,
  maxRules = Infinity
): PairRule[] {
  const single = new Int32Array(itemCount);
  const total = baskets.length;
  const out: PairRule[] = [];
  const emit = (x: number, y: number, c: number): void => {
    if (x !== y && c >= minBothAccounts && c > 0) {
      if (out.length >= maxRules) throw new TooManyRulesError(maxRules);
      out.push({ antecedent: x, consequent: y, ...ruleMetrics(total, single[x], single[y], c) });
    }
  };
  if (itemCount * itemCount > 1 << 24) {
    // Many items: X by X, the baskets holding X counted into one row of counters. Memory by
    // items and rules, never by pairs: 20,000 categories bought at random by 300 accounts make
    // tens of millions of pairs, past what a Map holds (2^24) and, as [pair, count] entries
    // sorted, past the heap.
    const holding: number[][] = Array.from({ length: itemCount }, () => []);
    for (let k = 0; k < baskets.length; k++) {
      const b = baskets[k];
      for (let i = 0; i < b.length; i++) {
        single[b[i]]++;
        holding[b[i]].push(k);
      }
    }
    const counts = new Int32Array(itemCount);
    const touched: number[] = [];
    const kept: number[] = [];
    for (let x = 0; x < itemCount; x++) {
      for (const k of holding[x]) {
        const b = baskets[k];
        for (let j = 0; j < b.length; j++) if (counts[b[j]]++ === 0) touched.push(b[j]);
      }
      for (const y of touched) {
        if (counts[y] >= minBothAccounts) kept.push(y);
      }
      // Y ascending, as the matrix walks them
      kept.sort((a, b) => a - b);
      for (const y of kept) emit(x, y, counts[y]);
      for (const y of touched) counts[y] = 0;
      touched.length = 0;
      kept.length = 0;
    }
    return out;
  }
  const both = new Int32Array(itemCount * itemCount);
  for (const b of baskets) {
    const n = b.length;
    for (let i = 0; i < n; i++) {
      const x = b[i];
      single[x]++;
      const row = x * itemCount;
      for (let j = 0; j < n; j++) if (j !== i) both[row + b[j]]++;
    }
  }
  for (let x = 0; x < itemCount; x++)
    for (let y = 0; y < itemCount; y++) emit(x, y, both[x * itemCount + y]);
  return out;
}

/** Rank: lift, then confidence, then baskets holding both (all descending). */
export function compareRules(a: RuleMetrics, b: RuleMetrics): number {
  return b.lift - a.lift || b.confidence - a.confidence || b.bothAccounts - a.bothAccounts;
}

/**
 * Rules X → Y for one basket: X in `own`, Y not in it, from baskets given as an inverted
 * index (item → baskets holding it) plus the baskets themselves. Cost grows with the
 * account's items × their buyers × basket size, not with itemCount².
 */
export function rulesForBasket(
  own: ArrayLike<number>,
  baskets: readonly ArrayLike<number>[],
  buyers: readonly ArrayLike<number>[],
  minBothAccounts: number
): PairRule[] {
  const ownSet = new Set<number>();
  for (let i = 0; i < own.length; i++) ownSet.add(own[i]);
  const total = baskets.length;
  const out: PairRule[] = [];
  // Dense counters (items are small integers) beat a Map on this hot path.
  const counts = new Int32Array(buyers.length);
  const ownMask = new Uint8Array(buyers.length);
  for (const x of ownSet) if (x < ownMask.length) ownMask[x] = 1;
  const touched: number[] = [];
  for (const x of ownSet) {
    const bx = buyers[x] ?? [];
    for (let k = 0; k < bx.length; k++) {
      const b = baskets[bx[k]];
      for (let j = 0; j < b.length; j++) {
        const y = b[j];
        if (ownMask[y]) continue;
        if (counts[y]++ === 0) touched.push(y);
      }
    }
    for (const y of touched) {
      const c = counts[y];
      counts[y] = 0;
      if (c >= minBothAccounts)
        out.push({
          antecedent: x,
          consequent: y,
          ...ruleMetrics(total, bx.length, (buyers[y] ?? []).length, c),
        });
    }
    touched.length = 0;
  }
  return out;
}
