/** Health inputs and score of a subject at any date (as-of and the history month-ends). */
import { eomonth, monthsBack } from '../dates';
import { combineHealth, diversityScore, frequencyScore, paymentScore, recencyScore, revenueScore, type Weights } from '../health';
import { percentChange } from '../numbers';
import type { AccountRecord, Serial } from '../types';
import { upperBound } from './book';
import { firstOrderOnOrBefore, lastOrderOnOrBefore, netRevenueIn, ordersIn, type Subject } from './subject';
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
 * `categoryOfSku` maps SKU id → category id; `stamp` is scratch of length ≥ categories × dates,
 * whose tokens only ever grow (stampBase), so it is never cleared.
 */
export function diversityAt(s: Subject, dates: readonly Serial[], categoryOfSku: ArrayLike<number>, stamp: Int32Array, stampBase: { v: number }): { categories: number[]; products: number[] } {
  const { f, u } = s;
  const categories = dates.map(() => 0);
  const products = dates.map(() => 0);
  const starts = dates.map((d) => monthsBack(d, 12).start);
  const stamps = dates.map(() => ++stampBase.v);
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    if (f.pairRet[p]) continue;
    const a = f.entStart[p];
    const b = f.entStart[p + 1];
    const cat = categoryOfSku[f.pairSku[p]];
    for (let j = 0; j < dates.length; j++) {
      if (upperBound(f.entDate, a, b, dates[j]) > upperBound(f.entDate, a, b, starts[j])) {
        products[j]++;
        categories[j] += markCategory(stamp, cat, j, dates.length, stamps[j]);
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

export function healthInputsAt(
  s: Subject,
  date: Serial,
  categories: number,
  products: number,
  rec: AccountRecord | undefined,
): HealthInputs {
  const last = lastOrderOnOrBefore(s, date);
  const first = firstOrderOnOrBefore(s, date);
  const q1 = monthsBack(date, 3);
  const q0 = monthsBack(date, 3, 3);
  const y1 = monthsBack(date, 12);
  const y0 = monthsBack(date, 12, 12);
  const oq1 = ordersIn(s, q1).count;
  const oq0 = ordersIn(s, q0).count;
  const r1 = netRevenueIn(s, y1);
  const r0 = netRevenueIn(s, y0);
  return {
    date,
    firstOrderDate: first,
    lastOrderDate: last,
    daysSinceLastOrder: last === null ? null : date - last,
    ordersLastQuarter: oq1,
    ordersPreviousQuarter: oq0,
    ordersChange: percentChange(oq0, oq1, first !== null && first > q1.start),
    revenueLast12: r1,
    revenuePrior12: r0,
    revenueChange: percentChange(r0, r1, first !== null && first > y1.start),
    categoriesLast12: categories,
    productsLast12: products,
    engagement: engagementOf(rec),
    daysBeyondTerms: daysBeyondTermsOf(rec),
  };
}

export function scoreInputs(i: HealthInputs, weights: Weights): ReturnType<typeof combineHealth> {
  return combineHealth(
    {
      recency: recencyScore(i.daysSinceLastOrder),
      frequency: frequencyScore(i.ordersChange),
      revenue: revenueScore(i.revenueChange),
      diversity: diversityScore(i.categoriesLast12, i.productsLast12),
      engagement: i.engagement,
      payment: i.daysBeyondTerms === null ? null : paymentScore(i.daysBeyondTerms),
    },
    weights,
  );
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
