/** Per-category and per-SKU figures of one account at as-of: what the health, alerts, breakdown and affinity read. */
import type { Period } from "../dates";
import { sortSmallInts } from "../numbers";
import type { Serial } from "../types";
import { upperBound } from "./book";
import { moneyOf, periodBack, stepsOf, type Subject, writtenMoney } from "./subject";

/**
 * Category and SKU figures of one subject at as-of; maps keyed by internal ids. "Bought" is
 * RULES.md §2's: net amount (purchases less returns) positive in the window.
 */
export interface CategoryAggregates {
  /** net revenue and units in the last 12 months (returns included), currency units */
  rev12: ByCategory;
  qty12: ByCategory;
  /** categories / SKUs bought (net positive) in the last 12 months, ascending ids */
  bought12: number[];
  skus12: number[];
  /** net revenue per category in the 12 months before the last quarter (the risk-flag baseline) */
  baseRev: ByCategory;
  /** categories bought (net positive) in the last quarter, with that net revenue */
  lastQuarter: ByCategory;
  /** first purchase date per category, on or before as-of */
  firstDate: ByCategory;
}

/**
 * Figures by category id, read-only, ids ascending: get, has and forEach as a Map's (forEach in
 * ascending ids). Two arrays instead of a Map: a portfolio keeps five of these per account, and
 * Maps' hash tables (and their boxed numbers) were a quarter of what the analysis keeps in memory.
 */
export class ByCategory {
  constructor(
    private readonly ids: readonly number[],
    private readonly values: readonly number[]
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /** index of `id` in ids, or −1 (binary search: ids ascend) */
  private indexOf(id: number): number {
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < ids.length && ids[lo] === id ? lo : -1;
  }

  get(id: number): number | undefined {
    const k = this.indexOf(id);
    return k < 0 ? undefined : this.values[k];
  }

  has(id: number): boolean {
    return this.indexOf(id) >= 0;
  }

  forEach(fn: (value: number, id: number) => void): void {
    for (let k = 0; k < this.ids.length; k++) fn(this.values[k], this.ids[k]);
  }
}

export function addTo(m: Map<number, number>, k: number, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** Sum of entries of pair p in (p.start, p.end] (revenue in currency units), with the count of entries. */
export function pairSum(s: Subject, p: number, w: Period): { rev: number; qty: number; n: number } {
  const { f } = s;
  const a = f.entStart[p];
  const b = f.entStart[p + 1];
  const from = upperBound(f.entDate, a, b, w.start);
  const to = upperBound(f.entDate, a, b, w.end);
  let rev = 0;
  let qty = 0;
  for (let e = from; e < to; e++) {
    rev += stepsOf(s, f.entRev[e]);
    qty += f.entQty[e];
  }
  return { rev: moneyOf(s, rev), qty, n: to - from };
}

/** Per-category scratch for categoryAggregates, reused across subjects (sized to the category count). */
export class AggScratch {
  /** money in steps of the currency's minor unit, so the net-positive tests are exact */
  rev: Float64Array;
  qty: Float64Array;
  baseRev: Float64Array;
  qRev: Float64Array;
  first: Float64Array;
  /** bit 1: any entry in 12 months, 4: in baseline, 8: any entry last quarter, 16: purchased ever, 32: touched */
  flags: Uint8Array;
  touched: number[] = [];
  /** lapsedCategoriesBefore12's net per category (steps) and marks: 1 bought in 12 months, 2 summed */
  lapsedNet: Float64Array;
  lapsedMark: Uint8Array;
  constructor(categories: number) {
    const n = Math.max(1, categories);
    this.lapsedNet = new Float64Array(n);
    this.lapsedMark = new Uint8Array(n);
    this.rev = new Float64Array(n);
    this.qty = new Float64Array(n);
    this.baseRev = new Float64Array(n);
    this.qRev = new Float64Array(n);
    this.first = new Float64Array(n);
    this.flags = new Uint8Array(n);
  }
}

/** Net of pair p's entries in (start, end], in whole money steps (exact). */
function pairNet(f: Subject["f"], p: number, start: number, end: number, scale: number): number {
  let t = 0;
  const b = f.entStart[p + 1];
  for (let e = upperBound(f.entDate, f.entStart[p], b, start); e < b; e++) {
    const d = f.entDate[e];
    if (d > end) break;
    t += Math.round(f.entRev[e] * scale);
  }
  return t;
}

export function categoryAggregates(
  s: Subject,
  asOf: Serial,
  categoryOfSku: ArrayLike<number>,
  scratch?: AggScratch
): CategoryAggregates {
  if (!scratch) {
    let maxCat = 0;
    for (let i = 0; i < categoryOfSku.length; i++)
      if (categoryOfSku[i] > maxCat) maxCat = categoryOfSku[i];
    scratch = new AggScratch(maxCat + 1);
  }
  const skus: number[] = [];
  scanPairs(s, asOf, categoryOfSku, scratch, skus);
  return aggregatesOf(scratch, s.f.unitScale[s.u], s.f.unitMinor[s.u], skus);
}

/**
 * The pass over the subject's pairs: per category (in scratch) its sums in steps, window flags
 * and first purchase; the SKUs bought in 12 months go to `skus`. Its own function, apart from
 * the result's arrays: small functions are optimised sooner (the first accounts of a run are
 * analysed before the optimised code is ready).
 */
function scanPairs(
  s: Subject,
  asOf: Serial,
  categoryOfSku: ArrayLike<number>,
  scratch: AggScratch,
  skus: number[]
): void {
  const { f, u } = s;
  const { rev, qty, baseRev: bRevArr, qRev, first, flags, touched } = scratch;
  const y1Start = periodBack(asOf, 12).start;
  const base = periodBack(asOf, 12, 3);
  const baseStart = base.start;
  const baseEnd = base.end;
  const q1Start = periodBack(asOf, 3).start;
  const { entDate, entRev, entQty, entStart, pairSku, pairRet, pairMate } = f;
  // money summed in whole steps: exact, so "net positive" is exact
  const scale = f.unitScale[u];
  const pEnd = f.pairStart[u + 1];
  for (let p = f.pairStart[u]; p < pEnd; p++) {
    const cat = categoryOfSku[pairSku[p]];
    const a = entStart[p];
    const b = entStart[p + 1];
    let fl = flags[cat];
    if (fl === 0) {
      touched.push(cat);
      fl = 32;
      rev[cat] = 0;
      qty[cat] = 0;
      bRevArr[cat] = 0;
      qRev[cat] = 0;
      first[cat] = Infinity;
    }
    // one pass over the pair's entries, each classified into the windows it falls in; entries
    // on or before the baseline's start (the earliest window's) fall in none. The category's
    // running sums are carried in locals from their stored values (the same additions in the
    // same order as adding to the arrays).
    let yN = 0;
    let yRev = 0;
    let q = qty[cat];
    let qr = qRev[cat];
    let br = bRevArr[cat];
    for (let e = upperBound(entDate, a, b, baseStart); e < b; e++) {
      const d = entDate[e];
      if (d > asOf) break;
      const v = Math.round(entRev[e] * scale);
      if (d > y1Start) {
        yRev += v;
        q += entQty[e];
        yN++;
        if (d > q1Start) {
          qr += v;
          fl |= 8;
        }
      }
      if (d <= baseEnd) {
        br += v;
        fl |= 4;
      }
    }
    qty[cat] = q;
    qRev[cat] = qr;
    bRevArr[cat] = br;
    rev[cat] += yRev;
    if (yN) fl |= 1;
    if (pairRet[p] !== 1) {
      // the SKU is bought when its purchases less its returns in the 12 months are positive
      const mate = pairMate[p];
      if (yN && yRev + (mate >= 0 ? pairNet(f, mate, y1Start, asOf, scale) : 0) > 0)
        skus.push(pairSku[p]);
      if (a < b && entDate[a] <= asOf) {
        fl |= 16;
        if (entDate[a] < first[cat]) first[cat] = entDate[a];
      }
    }
    flags[cat] = fl;
  }
}

/** The result from the scratch the pass filled (which it leaves clear for the next subject). */
function aggregatesOf(
  scratch: AggScratch,
  scale: number,
  minor: number,
  skus: number[]
): CategoryAggregates {
  const { rev, qty, baseRev: bRevArr, qRev, first, flags, touched } = scratch;
  // in ascending category ids (as the maps these were filled in), in arrays of their exact
  // length (pushing would leave room for 17 or more)
  sortSmallInts(touched);
  let n12 = 0;
  let nBase = 0;
  let nQuarter = 0;
  let nFirst = 0;
  let nBought = 0;
  for (const c of touched) {
    const fl = flags[c];
    if (fl & 1) {
      n12++;
      if (rev[c] > 0) nBought++;
    }
    if (fl & 4) nBase++;
    if (fl & 8 && qRev[c] > 0) nQuarter++;
    if (fl & 16) nFirst++;
  }
  const ids12 = new Array<number>(n12);
  const rev12 = new Array<number>(n12);
  const qty12 = new Array<number>(n12);
  const baseIds = new Array<number>(nBase);
  const baseRev = new Array<number>(nBase);
  const quarterIds = new Array<number>(nQuarter);
  const quarterRev = new Array<number>(nQuarter);
  const firstIds = new Array<number>(nFirst);
  const firstDate = new Array<number>(nFirst);
  const bought12 = new Array<number>(nBought);
  n12 = nBase = nQuarter = nFirst = nBought = 0;
  for (const c of touched) {
    const fl = flags[c];
    if (fl & 1) {
      ids12[n12] = c;
      rev12[n12] = writtenMoney(rev[c], scale, minor);
      qty12[n12++] = qty[c];
      if (rev[c] > 0) bought12[nBought++] = c;
    }
    if (fl & 4) {
      baseIds[nBase] = c;
      baseRev[nBase++] = writtenMoney(bRevArr[c], scale, minor);
    }
    if (fl & 8 && qRev[c] > 0) {
      quarterIds[nQuarter] = c;
      quarterRev[nQuarter++] = writtenMoney(qRev[c], scale, minor);
    }
    if (fl & 16) {
      firstIds[nFirst] = c;
      firstDate[nFirst++] = first[c];
    }
    flags[c] = 0;
  }
  touched.length = 0;
  return {
    rev12: new ByCategory(ids12, rev12),
    qty12: new ByCategory(ids12, qty12),
    bought12,
    skus12: sortSmallInts(skus),
    baseRev: new ByCategory(baseIds, baseRev),
    lastQuarter: new ByCategory(quarterIds, quarterRev),
    firstDate: new ByCategory(firstIds, firstDate),
  };
}

/** What a subject bought before the last 12 months and has not bought in them. */
export interface Lapsed {
  /** category ids, ascending */
  categories: number[];
  /** SKU ids, ascending */
  skus: number[];
}

/**
 * Categories and SKUs the subject bought before the last 12 months (net positive over its history
 * up to as-of − 12 months, PRODUCT.md §2's "bought") and not in them: lapsed, to win back, never
 * whitespace or a new category to introduce. Reads only the pairs `agg` does not already show
 * bought, and their entries up to the 12 months' start.
 */
export function lapsedBefore12(
  s: Subject,
  asOf: Serial,
  categoryOfSku: ArrayLike<number>,
  agg: Pick<CategoryAggregates, "bought12" | "skus12">
): Lapsed {
  const { f, u } = s;
  const y1Start = periodBack(asOf, 12).start;
  const scale = f.unitScale[u];
  const boughtCat = new Set(agg.bought12);
  const boughtSku = new Set(agg.skus12);
  const catNet = new Map<number, number>();
  const skuNet = new Map<number, number>();
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    const k = f.pairSku[p];
    const c = categoryOfSku[k];
    const newCat = !boughtCat.has(c);
    const newSku = !boughtSku.has(k);
    if (!newCat && !newSku) continue;
    // a return pair's entries are negative: purchases less returns, as "bought" counts them
    const net = pairNet(f, p, -Infinity, y1Start, scale);
    if (net === 0) continue;
    if (newCat) catNet.set(c, (catNet.get(c) ?? 0) + net);
    if (newSku) skuNet.set(k, (skuNet.get(k) ?? 0) + net);
  }
  const positive = (m: Map<number, number>): number[] =>
    sortSmallInts([...m].filter(([, v]) => v > 0).map(([k]) => k));
  return { categories: positive(catNet), skus: positive(skuNet) };
}

/**
 * lapsedBefore12's categories alone, for the portfolio's whitespace: only the pairs of a
 * category not bought in the 12 months are netted (no SKU figures), in per-category scratch
 * rather than Sets and Maps. The same sums in the same order, so the same categories.
 */
export function lapsedCategoriesBefore12(
  s: Subject,
  asOf: Serial,
  categoryOfSku: ArrayLike<number>,
  bought12: readonly number[],
  scratch: AggScratch
): number[] {
  const { f, u } = s;
  const y1Start = periodBack(asOf, 12).start;
  const scale = f.unitScale[u];
  const { lapsedNet: net, lapsedMark: mark } = scratch;
  for (const c of bought12) mark[c] = 1;
  const summed: number[] = [];
  const pEnd = f.pairStart[u + 1];
  for (let p = f.pairStart[u]; p < pEnd; p++) {
    const c = categoryOfSku[f.pairSku[p]];
    if (mark[c] === 1) continue;
    // a return pair's entries are negative: purchases less returns, as "bought" counts them
    const v = pairNet(f, p, -Infinity, y1Start, scale);
    if (v === 0) continue;
    if (mark[c] === 0) {
      mark[c] = 2;
      net[c] = 0;
      summed.push(c);
    }
    net[c] += v;
  }
  const lapsed: number[] = [];
  for (const c of summed) {
    if (net[c] > 0) lapsed.push(c);
    mark[c] = 0;
  }
  for (const c of bought12) mark[c] = 0;
  return sortSmallInts(lapsed);
}
