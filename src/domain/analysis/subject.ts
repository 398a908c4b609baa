/**
 * A "subject" is what one analysis row is about: a unit of the frozen book, or a parent
 * account rolled up with its children (same currency) into a one-unit frozen book of its own.
 */
import { type Frozen, matePairs, upperBound } from "./book";
import { edate, type Period } from "../dates";
import { roundHalfAwayFromZero } from "../numbers";

export interface Subject {
  f: Frozen;
  u: number;
}

/**
 * Whole money steps (moneySteps) → currency units rounded half away from zero to the minor unit,
 * as a written figure: 300 steps of £0.0001 (three washers at £0.01 … or £0.03) → 0.03, 150 → 0.02.
 */
export function moneyOf(s: Subject, steps: number): number {
  return writtenMoney(steps, s.f.unitScale[s.u], s.f.unitMinor[s.u]);
}

/** A money figure of the book (an order's value, in currency units) as written: to the minor unit. */
export function writtenOf(s: Subject, money: number): number {
  return moneyOf(s, stepsOf(s, money));
}

/** Steps → currency units, rounded once to whole minor units (`minor` steps each). */
export function writtenMoney(steps: number, scale: number, minor: number): number {
  const whole = roundHalfAwayFromZero(steps / minor);
  return whole === 0 ? 0 : whole / (scale / minor);
}

/** A money figure of the book (currency units) → its whole steps: exact, so sums of these are exact. */
export function stepsOf(s: Subject, money: number): number {
  return Math.round(money * s.f.unitScale[s.u]);
}

/** Merges several units of one frozen book into a one-unit book (parent roll-up). */
export function rollUp(f: Frozen, units: readonly number[]): Subject {
  const ord: number[] = [];
  const ret: number[] = [];
  const pairsBySku = new Map<number, number[]>();
  const retPairsBySku = new Map<number, number[]>();
  for (const u of units) {
    for (let i = f.ordStart[u]; i < f.ordStart[u + 1]; i++) ord.push(i);
    for (let i = f.retStart[u]; i < f.retStart[u + 1]; i++) ret.push(i);
    for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
      const m = f.pairRet[p] ? retPairsBySku : pairsBySku;
      const list = m.get(f.pairSku[p]) ?? [];
      list.push(p);
      m.set(f.pairSku[p], list);
    }
  }
  ord.sort((a, b) => f.ordDate[a] - f.ordDate[b]);
  ret.sort((a, b) => f.retDate[a] - f.retDate[b]);
  const nO = ord.length;
  const nR = ret.length;
  // (same currency throughout: one scale) prefix sums in whole steps, as the book's
  const scale = units.length ? f.unitScale[units[0]] : 10_000;
  const ordPrefix = new Float64Array(nO + 1);
  const ordVal = Float64Array.from(ord, (i) => f.ordVal[i]);
  for (let k = 0; k < nO; k++) ordPrefix[k + 1] = ordPrefix[k] + Math.round(ordVal[k] * scale);
  const retVal = Float64Array.from(ret, (i) => f.retVal[i]);
  const retPrefix = new Float64Array(nR + 1);
  for (let k = 0; k < nR; k++) retPrefix[k + 1] = retPrefix[k] + Math.round(retVal[k] * scale);

  const pairSku: number[] = [];
  const pairRet: number[] = [];
  const entStart: number[] = [0];
  const entDate: number[] = [];
  const entRev: number[] = [];
  const entQty: number[] = [];
  for (const [m, flag] of [
    [pairsBySku, 0],
    [retPairsBySku, 1],
  ] as const) {
    for (const [sku, pairs] of m) {
      const ents: number[] = [];
      for (const p of pairs) for (let e = f.entStart[p]; e < f.entStart[p + 1]; e++) ents.push(e);
      ents.sort((a, b) => f.entDate[a] - f.entDate[b]);
      pairSku.push(sku);
      pairRet.push(flag);
      const first = entDate.length;
      for (const e of ents) {
        const d = f.entDate[e];
        if (entDate.length > first && entDate[entDate.length - 1] === d) {
          // in steps and back, so the merged entry is still a whole number of steps
          entRev[entRev.length - 1] =
            (Math.round(entRev[entRev.length - 1] * scale) + Math.round(f.entRev[e] * scale)) /
            scale;
          entQty[entQty.length - 1] += f.entQty[e];
        } else {
          entDate.push(d);
          entRev.push(f.entRev[e]);
          entQty.push(f.entQty[e]);
        }
      }
      entStart.push(entDate.length);
    }
  }
  const pairSkus = Int32Array.from(pairSku);
  const pairRets = Uint8Array.from(pairRet);
  let skuCount = 0;
  for (const k of pairSku) if (k >= skuCount) skuCount = k + 1;
  const g: Frozen = {
    unitCount: 1,
    unitScale: Float64Array.of(scale),
    unitMinor: Float64Array.of(units.length ? f.unitMinor[units[0]] : 100),
    ordStart: Int32Array.of(0, nO),
    ordDate: Int32Array.from(ord, (i) => f.ordDate[i]),
    ordVal,
    ordList: f.ordList.length ? Float64Array.from(ord, (i) => f.ordList[i]) : f.ordList,
    ordListCovered: f.ordListCovered.length
      ? Float64Array.from(ord, (i) => f.ordListCovered[i])
      : f.ordListCovered,
    ordPrefix,
    retList: f.retList.length ? Float64Array.from(ret, (i) => f.retList[i]) : f.retList,
    retListCovered: f.retListCovered.length
      ? Float64Array.from(ret, (i) => f.retListCovered[i])
      : f.retListCovered,
    retStart: Int32Array.of(0, nR),
    retDate: Int32Array.from(ret, (i) => f.retDate[i]),
    retVal,
    retPrefix,
    pairStart: Int32Array.of(0, pairSku.length),
    pairSku: pairSkus,
    pairRet: pairRets,
    pairMate: matePairs(Int32Array.of(0, pairSku.length), pairSkus, pairRets, 1, skuCount),
    entStart: Int32Array.from(entStart),
    entDate: Int32Array.from(entDate),
    entRev: Float64Array.from(entRev),
    entQty: Float64Array.from(entQty),
  };
  return { f: g, u: 0 };
}

/** Records in (p.start, p.end] of one date-sorted list of the subject, with their summed value (currency units, exact). */
function windowIn(
  s: Subject,
  start: ArrayLike<number>,
  dates: ArrayLike<number>,
  prefix: ArrayLike<number>,
  p: Period
): { count: number; value: number; from: number; to: number } {
  const u = s.u;
  const from = upperBound(dates, start[u], start[u + 1], p.start);
  const to = upperBound(dates, start[u], start[u + 1], p.end);
  return { count: to - from, value: moneyOf(s, prefix[to + u] - prefix[from + u]), from, to };
}

/** Purchase orders of the subject in (p.start, p.end]. */
export function ordersIn(
  s: Subject,
  p: Period
): { count: number; value: number; from: number; to: number } {
  return windowIn(s, s.f.ordStart, s.f.ordDate, s.f.ordPrefix, p);
}

/** Return records of the subject in (p.start, p.end]. */
export function returnsIn(
  s: Subject,
  p: Period
): { count: number; value: number; from: number; to: number } {
  return windowIn(s, s.f.retStart, s.f.retDate, s.f.retPrefix, p);
}

/** Sum of the values in (p.start, p.end] of one unit's run (no allocation: history points call it thousands of times). */
function sumIn(
  start: ArrayLike<number>,
  dates: ArrayLike<number>,
  prefix: ArrayLike<number>,
  u: number,
  p: Period
): number {
  return (
    prefix[upperBound(dates, start[u], start[u + 1], p.end) + u] -
    prefix[upperBound(dates, start[u], start[u + 1], p.start) + u]
  );
}

/** Net revenue (orders less returns) in (p.start, p.end] in whole steps: an exact sum of the subject's own lines. */
export function netStepsIn(s: Subject, p: Period): number {
  const { f, u } = s;
  return (
    sumIn(f.ordStart, f.ordDate, f.ordPrefix, u, p) +
    sumIn(f.retStart, f.retDate, f.retPrefix, u, p)
  );
}

/** Net revenue in (p.start, p.end] in currency units, rounded once to the minor unit (moneyOf). */
export function netRevenueIn(s: Subject, p: Period): number {
  return moneyOf(s, netStepsIn(s, p));
}

/** Number of purchase orders in (p.start, p.end]. */
export function orderCountIn(s: Subject, p: Period): number {
  const { f, u } = s;
  const a = f.ordStart[u];
  const b = f.ordStart[u + 1];
  return upperBound(f.ordDate, a, b, p.end) - upperBound(f.ordDate, a, b, p.start);
}

/** Date of the last purchase order on or before `date`, or null. */
export function lastOrderOnOrBefore(s: Subject, date: number): number | null {
  const { f, u } = s;
  const a = f.ordStart[u];
  const i = upperBound(f.ordDate, a, f.ordStart[u + 1], date);
  return i > a ? f.ordDate[i - 1] : null;
}

/** First purchase order date on or before `date`, or null. */
export function firstOrderOnOrBefore(s: Subject, date: number): number | null {
  const { f, u } = s;
  const a = f.ordStart[u];
  return a < f.ordStart[u + 1] && f.ordDate[a] <= date ? f.ordDate[a] : null;
}

/** Whether pair p has an entry in (start, end]. */
export function pairActiveIn(f: Frozen, p: number, start: number, end: number): boolean {
  const a = f.entStart[p];
  const b = f.entStart[p + 1];
  return upperBound(f.entDate, a, b, end) > upperBound(f.entDate, a, b, start);
}

const EDATE_CACHE = new Map<number, number>();

/** edate, memoised: the same few as-of windows are asked for thousands of times. */
function cachedEdate(serial: number, months: number): number {
  if (months === 0) return serial;
  const key = serial * 1024 + (months + 512);
  let v = EDATE_CACHE.get(key);
  if (v === undefined) {
    if (EDATE_CACHE.size > 50_000) EDATE_CACHE.clear();
    v = edate(serial, months);
    EDATE_CACHE.set(key, v);
  }
  return v;
}

/** monthsBack (as-of − N months, as-of], shifted back by offset months; memoised. */
export function periodBack(asOf: number, months: number, offsetMonths = 0): Period {
  return {
    start: cachedEdate(asOf, -(months + offsetMonths)),
    end: cachedEdate(asOf, -offsetMonths),
  };
}
