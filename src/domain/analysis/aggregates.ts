/** Per-category and per-SKU figures of one account at as-of: what the health, alerts, breakdown and affinity read. */
import type { Period } from "../dates";
import { sortSmallInts } from "../numbers";
import type { Serial } from "../types";
import { upperBound } from "./book";
import { moneyOf, periodBack, stepsOf, type Subject } from "./subject";

/**
 * Category and SKU figures of one subject at as-of; maps keyed by internal ids. "Bought" is
 * RULES.md §2's: net amount (purchases less returns) positive in the window.
 */
export interface CategoryAggregates {
  /** net revenue and units in the last 12 months (returns included), currency units */
  rev12: Map<number, number>;
  qty12: Map<number, number>;
  /** categories / SKUs bought (net positive) in the last 12 months, ascending ids */
  bought12: number[];
  skus12: number[];
  /** net revenue per category in the 12 months before the last quarter (the risk-flag baseline) */
  baseRev: Map<number, number>;
  /** categories bought (net positive) in the last quarter */
  lastQuarter: Set<number>;
  /** first purchase date per category, on or before as-of */
  firstDate: Map<number, Serial>;
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
  constructor(categories: number) {
    const n = Math.max(1, categories);
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
  const { f, u } = s;
  let maxCat = 0;
  if (!scratch) {
    for (let i = 0; i < categoryOfSku.length; i++)
      if (categoryOfSku[i] > maxCat) maxCat = categoryOfSku[i];
    scratch = new AggScratch(maxCat + 1);
  }
  const { rev, qty, baseRev: bRevArr, qRev, first, flags, touched } = scratch;
  const y1 = periodBack(asOf, 12);
  const base = periodBack(asOf, 12, 3);
  const q1 = periodBack(asOf, 3);
  const skus: number[] = [];
  const { entDate, entRev, entQty } = f;
  // money summed in whole steps: exact, so "net positive" is exact
  const scale = f.unitScale[u];
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    const cat = categoryOfSku[f.pairSku[p]];
    const isRet = f.pairRet[p] === 1;
    const a = f.entStart[p];
    const b = f.entStart[p + 1];
    if (flags[cat] === 0) {
      touched.push(cat);
      flags[cat] = 32;
      rev[cat] = 0;
      qty[cat] = 0;
      bRevArr[cat] = 0;
      qRev[cat] = 0;
      first[cat] = Infinity;
    }
    // one pass over the pair's entries, each classified into the windows it falls in; entries
    // on or before the baseline's start (the earliest window's) fall in none
    let yN = 0;
    let yRev = 0;
    for (let e = upperBound(entDate, a, b, base.start); e < b; e++) {
      const d = entDate[e];
      if (d > asOf) break;
      const v = Math.round(entRev[e] * scale);
      if (d > y1.start) {
        yRev += v;
        qty[cat] += entQty[e];
        yN++;
        if (d > q1.start) {
          qRev[cat] += v;
          flags[cat] |= 8;
        }
      }
      if (d > base.start && d <= base.end) {
        bRevArr[cat] += v;
        flags[cat] |= 4;
      }
    }
    rev[cat] += yRev;
    if (yN) flags[cat] |= 1;
    if (isRet) continue;
    // the SKU is bought when its purchases less its returns in the 12 months are positive
    const mate = f.pairMate[p];
    if (yN && yRev + (mate >= 0 ? pairNet(f, mate, y1.start, asOf, scale) : 0) > 0)
      skus.push(f.pairSku[p]);
    if (a < b && entDate[a] <= asOf) {
      flags[cat] |= 16;
      if (entDate[a] < first[cat]) first[cat] = entDate[a];
    }
  }
  const rev12 = new Map<number, number>();
  const qty12 = new Map<number, number>();
  const baseRev = new Map<number, number>();
  const lastQuarter = new Set<number>();
  const firstDate = new Map<number, Serial>();
  const bought12: number[] = [];
  sortSmallInts(touched);
  for (const c of touched) {
    const fl = flags[c];
    if (fl & 1) {
      rev12.set(c, rev[c] / scale);
      qty12.set(c, qty[c]);
      if (rev[c] > 0) bought12.push(c);
    }
    if (fl & 4) baseRev.set(c, bRevArr[c] / scale);
    if (fl & 8 && qRev[c] > 0) lastQuarter.add(c);
    if (fl & 16) firstDate.set(c, first[c]);
    flags[c] = 0;
  }
  touched.length = 0;
  return { rev12, qty12, bought12, skus12: sortSmallInts(skus), baseRev, lastQuarter, firstDate };
}
