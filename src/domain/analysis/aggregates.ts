/** Per-category and per-SKU figures of one account at as-of: what the health, alerts, breakdown and affinity read. */
import type { Period } from '../dates';
import { sortSmallInts } from '../numbers';
import type { Serial } from '../types';
import { upperBound } from './book';
import { periodBack, type Subject } from './subject';

/** Category and SKU figures of one subject at as-of; maps keyed by internal ids. */
export interface CategoryAggregates {
  /** net revenue and units in the last 12 months (returns included) */
  rev12: Map<number, number>;
  qty12: Map<number, number>;
  /** categories / SKUs with a purchase in the last 12 months, ascending ids */
  bought12: number[];
  skus12: number[];
  /** net revenue per category in the 12 months before the last quarter (the risk-flag baseline) */
  baseRev: Map<number, number>;
  /** categories with a purchase in the last quarter */
  lastQuarter: Set<number>;
  /** first purchase date per category, on or before as-of */
  firstDate: Map<number, Serial>;
}

export function addTo(m: Map<number, number>, k: number, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** Sum of entries of pair p in (p.start, p.end], with the count of entries. */
export function pairSum(s: Subject, p: number, w: Period): { rev: number; qty: number; n: number } {
  const { f } = s;
  const a = f.entStart[p];
  const b = f.entStart[p + 1];
  const from = upperBound(f.entDate, a, b, w.start);
  const to = upperBound(f.entDate, a, b, w.end);
  let rev = 0;
  let qty = 0;
  for (let e = from; e < to; e++) {
    rev += f.entRev[e];
    qty += f.entQty[e];
  }
  return { rev, qty, n: to - from };
}

/** Per-category scratch for categoryAggregates, reused across subjects (sized to the category count). */
export class AggScratch {
  rev: Float64Array;
  qty: Float64Array;
  baseRev: Float64Array;
  first: Float64Array;
  /** bit 1: any entry in 12 months, 2: purchase in 12 months, 4: in baseline, 8: purchase last quarter, 16: purchased ever */
  flags: Uint8Array;
  touched: number[] = [];
  constructor(categories: number) {
    const n = Math.max(1, categories);
    this.rev = new Float64Array(n);
    this.qty = new Float64Array(n);
    this.baseRev = new Float64Array(n);
    this.first = new Float64Array(n);
    this.flags = new Uint8Array(n);
  }
}

export function categoryAggregates(s: Subject, asOf: Serial, categoryOfSku: ArrayLike<number>, scratch?: AggScratch): CategoryAggregates {
  const { f, u } = s;
  let maxCat = 0;
  if (!scratch) {
    for (let i = 0; i < categoryOfSku.length; i++) if (categoryOfSku[i] > maxCat) maxCat = categoryOfSku[i];
    scratch = new AggScratch(maxCat + 1);
  }
  const { rev, qty, baseRev: bRevArr, first, flags, touched } = scratch;
  const y1 = periodBack(asOf, 12);
  const base = periodBack(asOf, 12, 3);
  const q1 = periodBack(asOf, 3);
  const skus: number[] = [];
  const { entDate, entRev, entQty } = f;
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
      first[cat] = Infinity;
    }
    // one pass over the pair's entries, each classified into the windows it falls in
    let yN = 0;
    let qN = 0;
    for (let e = a; e < b; e++) {
      const d = entDate[e];
      if (d > asOf) break;
      if (d > y1.start) {
        rev[cat] += entRev[e];
        qty[cat] += entQty[e];
        yN++;
        if (d > q1.start) qN++;
      }
      if (d > base.start && d <= base.end) {
        bRevArr[cat] += entRev[e];
        flags[cat] |= 4;
      }
    }
    if (yN) flags[cat] |= 1;
    if (isRet) continue;
    if (yN) {
      flags[cat] |= 2;
      skus.push(f.pairSku[p]);
    }
    if (a < b && entDate[a] <= asOf) {
      flags[cat] |= 16;
      if (entDate[a] < first[cat]) first[cat] = entDate[a];
    }
    if (qN) flags[cat] |= 8;
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
      rev12.set(c, rev[c]);
      qty12.set(c, qty[c]);
    }
    if (fl & 2) bought12.push(c);
    if (fl & 4) baseRev.set(c, bRevArr[c]);
    if (fl & 8) lastQuarter.add(c);
    if (fl & 16) firstDate.set(c, first[c]);
    flags[c] = 0;
  }
  touched.length = 0;
  return { rev12, qty12, bought12, skus12: sortSmallInts(skus), baseRev, lastQuarter, firstDate };
}

