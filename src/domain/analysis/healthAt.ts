/** Health inputs and score of a subject at any date (as-of and the history month-ends). */
import { eomonth } from '../dates';
import { combineHealth, diversityScore, frequencyScore, type HealthResult, paymentScore, recencyScore, revenueScore, type Weights } from '../health';
import { percentChange } from '../numbers';
import type { AccountRecord, Serial } from '../types';
import { firstOrderOnOrBefore, lastOrderOnOrBefore, netRevenueIn, orderCountIn, periodBack, type Subject } from './subject';
import type { Period } from '../dates';
import type { HealthInputs, HealthPoint } from './types';

/** Engagement 1–5 from the account record, or null. */
export function engagementOf(rec: AccountRecord | undefined): number | null {
  const e = rec?.engagement;
  return e !== undefined && Number.isFinite(e) && e >= 1 && e <= 5 ? Math.round(e) : null;
}

export function daysBeyondTermsOf(rec: AccountRecord | undefined): number | null {
  const d = rec?.daysBeyondTerms;
  return d !== undefined && Number.isFinite(d) ? d : null;
}

/**
 * Categories and distinct products bought (purchases) in (edate(date, −12), date] for each date.
 * Dates must be ascending (their window starts then are too). `categoryOfSku` maps SKU id → category id; `stamp` is scratch of length ≥ categories × dates,
 * whose tokens only ever grow (stampBase), so it is never cleared.
 */
export function diversityAt(s: Subject, dates: readonly Serial[], categoryOfSku: ArrayLike<number>, stamp: Int32Array, stampBase: { v: number }): { categories: number[]; products: number[] } {
  const { f, u } = s;
  const categories = dates.map(() => 0);
  const products = dates.map(() => 0);
  const starts = dates.map((d) => periodBack(d, 12).start);
  const stamps = dates.map(() => ++stampBase.v);
  const D = dates.length;
  const entDate = f.entDate;
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    if (f.pairRet[p]) continue;
    const b = f.entStart[p + 1];
    const cat = categoryOfSku[f.pairSku[p]];
    // windows move forward with j, so one pointer walks the pair's dates once
    let e = f.entStart[p];
    for (let j = 0; j < D; j++) {
      const st = starts[j];
      while (e < b && entDate[e] <= st) e++;
      if (e >= b) break;
      if (entDate[e] <= dates[j]) {
        products[j]++;
        categories[j] += markCategory(stamp, cat, j, D, stamps[j]);
      }
    }
  }
  return { categories, products };
}

/** Marks category `cat` for date slot j in a (slots × categories) stamp region; 1 when new. */
function markCategory(stamp: Int32Array, cat: number, j: number, slots: number, token: number): number {
  const i = cat * slots + j;
  if (stamp[i] === token) return 0;
  stamp[i] = token;
  return 1;
}

/** The four windows every health input reads, for one date (computed once per date, not per account). */
export interface DateWindows {
  date: Serial;
  lastQuarter: Period;
  previousQuarter: Period;
  last12: Period;
  prior12: Period;
}

export function windowsAt(date: Serial): DateWindows {
  return { date, lastQuarter: periodBack(date, 3), previousQuarter: periodBack(date, 3, 3), last12: periodBack(date, 12), prior12: periodBack(date, 12, 12) };
}

export function healthInputsAt(s: Subject, w: DateWindows | Serial, categories: number, products: number, rec: AccountRecord | undefined): HealthInputs {
  return healthInputsInto({} as HealthInputs, s, w, categories, products, rec);
}

/** healthInputsAt written into `out` (the history points reuse one object: only their score is kept). */
export function healthInputsInto(out: HealthInputs, s: Subject, w: DateWindows | Serial, categories: number, products: number, rec: AccountRecord | undefined): HealthInputs {
  const win = typeof w === 'number' ? windowsAt(w) : w;
  const date = win.date;
  const last = lastOrderOnOrBefore(s, date);
  const first = firstOrderOnOrBefore(s, date);
  const oq1 = orderCountIn(s, win.lastQuarter);
  const oq0 = orderCountIn(s, win.previousQuarter);
  const r1 = netRevenueIn(s, win.last12);
  const r0 = netRevenueIn(s, win.prior12);
  out.date = date;
  out.firstOrderDate = first;
  out.lastOrderDate = last;
  out.daysSinceLastOrder = last === null ? null : date - last;
  out.ordersLastQuarter = oq1;
  out.ordersPreviousQuarter = oq0;
  out.ordersChange = percentChange(oq0, oq1, first !== null && first > win.lastQuarter.start);
  out.revenueLast12 = r1;
  out.revenuePrior12 = r0;
  out.revenueChange = percentChange(r0, r1, first !== null && first > win.last12.start);
  out.categoriesLast12 = categories;
  out.productsLast12 = products;
  out.engagement = engagementOf(rec);
  out.daysBeyondTerms = daysBeyondTermsOf(rec);
  return out;
}

/** Factor scores in FACTORS order (null = n/a), written into `out` (no allocation). */
export function factorScoresInto(i: HealthInputs, out: (number | null)[]): (number | null)[] {
  out[0] = recencyScore(i.daysSinceLastOrder);
  out[1] = frequencyScore(i.ordersChange);
  out[2] = revenueScore(i.revenueChange);
  out[3] = diversityScore(i.categoriesLast12, i.productsLast12);
  out[4] = i.engagement;
  out[5] = i.daysBeyondTerms === null ? null : paymentScore(i.daysBeyondTerms);
  return out;
}

/** The history dates: eomonth(asOf, −k) for k = 12 … 1 (oldest first), then as-of. */
export function historyDates(asOf: Serial): Serial[] {
  const out: Serial[] = [];
  for (let k = 12; k >= 1; k--) out.push(eomonth(asOf, -k));
  out.push(asOf);
  return out;
}

export function trendOf(history: readonly HealthPoint[]): 'up' | 'down' | 'flat' | null {
  if (history.length < 2) return null;
  const now = history[history.length - 1].score;
  const prev = history[history.length - 2].score;
  if (now === null || prev === null) return null;
  return now > prev ? 'up' : now < prev ? 'down' : 'flat';
}

/** The full health result (factors, used, effective weights) for one set of inputs. */
export function scoreInputs(i: HealthInputs, weights: Weights): HealthResult {
  const f = factorScoresInto(i, [null, null, null, null, null, null]);
  return combineHealth({ recency: f[0], frequency: f[1], revenue: f[2], diversity: f[3], engagement: f[4], payment: f[5] }, weights);
}
