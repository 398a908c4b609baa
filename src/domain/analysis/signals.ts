/** Per-category aggregates at as-of, risk flags, alerts and win-back (PRODUCT.md §2.4). */
import type { Period } from '../dates';
import { formatMoney } from '../currency';
import { median, sortSmallInts } from '../numbers';
import { ALERTS, RISK } from '../rules';
import type { AccountRecord, Serial } from '../types';
import { winBackStage } from '../winback';
import { upperBound } from './book';
import { ordersIn, periodBack, returnsIn, type Subject } from './subject';
import type { Alert, HealthInputs, RiskFlag, WinBack } from './types';

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

export interface SignalInputs {
  s: Subject;
  asOf: Serial;
  inputs: HealthInputs;
  rec: AccountRecord | undefined;
  agg: CategoryAggregates;
  categoryName: (cat: number) => string;
  /** "ordered by" names with their first order date (already merged over rolled-up units) */
  orderedBy: ReadonlyMap<string, { name: string; date: Serial }>;
  /** what money figures in messages start with ("£", "€", "SEK ") */
  moneyPrefix: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function riskFlags(x: SignalInputs): RiskFlag[] {
  const { s, asOf, inputs, rec, agg } = x;
  const money = (v: number) => formatMoney(v, x.moneyPrefix);
  const out: RiskFlag[] = [];
  const days = inputs.daysSinceLastOrder;
  if (days !== null && days >= RISK.noOrderDays) {
    out.push({ kind: 'noRecentOrder', message: `No order for ${days} days (flag at ${RISK.noOrderDays}+).`, values: { daysSinceLastOrder: days, threshold: RISK.noOrderDays } });
  }
  // Average order value: the last quarter against the 12 months before it.
  const q = ordersIn(s, periodBack(asOf, 3));
  const b = ordersIn(s, periodBack(asOf, 12, 3));
  if (q.count > 0 && b.count > 0) {
    const aovQ = q.value / q.count;
    const aovB = b.value / b.count;
    if (aovB > 0 && (aovB - aovQ) / aovB > RISK.aovDropShare) {
      out.push({
        kind: 'averageOrderDrop',
        message: `Average order value last quarter ${money(aovQ)} is ${pct((aovB - aovQ) / aovB)} below the ${money(aovB)} of the 12 months before (flag above ${pct(RISK.aovDropShare)}).`,
        values: { averageOrderLastQuarter: aovQ, averageOrderPrior12: aovB, drop: (aovB - aovQ) / aovB, threshold: RISK.aovDropShare },
      });
    }
  }
  // Switched categories: ≥ 10% of the baseline revenue, nothing in the last quarter.
  // forEach, not for-of: no iterator objects on this per-account path
  let baseTotal = 0;
  agg.baseRev.forEach((v) => (baseTotal += v));
  if (baseTotal > 0) {
    agg.baseRev.forEach((v, cat) => {
      if (v / baseTotal >= RISK.switchedCategoryShare && !agg.lastQuarter.has(cat)) {
        out.push({
          kind: 'switchedCategory',
          message: `${x.categoryName(cat)} was ${pct(v / baseTotal)} of revenue in the 12 months before the last quarter and has no order in the last quarter.`,
          values: { category: x.categoryName(cat), categoryRevenuePrior12: v, revenuePrior12: baseTotal, share: v / baseTotal, threshold: RISK.switchedCategoryShare },
        });
      }
    });
  }
  const r1 = returnsIn(s, periodBack(asOf, 3)).count;
  const r0 = returnsIn(s, periodBack(asOf, 3, 3)).count;
  if (r1 > r0) {
    out.push({ kind: 'returnsRising', message: `${r1} returns last quarter against ${r0} the quarter before.`, values: { returnsLastQuarter: r1, returnsPreviousQuarter: r0 } });
  }
  if (inputs.engagement !== null && inputs.engagement <= RISK.lowEngagement) {
    out.push({ kind: 'lowEngagement', message: `Engagement is ${inputs.engagement} of 5 (flag at ${RISK.lowEngagement} or less).`, values: { engagement: inputs.engagement, threshold: RISK.lowEngagement } });
  }
  const hist = rec?.daysBeyondTermsHistory;
  if (inputs.daysBeyondTerms !== null && hist && hist.length > 0) {
    const previous = hist[hist.length - 1];
    if (Number.isFinite(previous) && inputs.daysBeyondTerms > previous) {
      out.push({
        kind: 'paymentSlipping',
        message: `Average days paid beyond terms rose from ${previous} to ${inputs.daysBeyondTerms}.`,
        values: { daysBeyondTerms: inputs.daysBeyondTerms, previousDaysBeyondTerms: previous },
      });
    }
  }
  return out;
}

/**
 * The last 12 months' purchase orders: the days between successive order dates (orders of
 * one day count once), the average order, and the last order with its date.
 */
function orders12(s: Subject, asOf: Serial): { gaps: Float64Array; average: number; lastValue: number | null; lastDate: number | null } {
  const o = ordersIn(s, periodBack(asOf, 12));
  const { ordDate, ordVal } = s.f;
  const gaps = new Float64Array(Math.max(0, o.to - o.from - 1));
  let g = 0;
  let total = 0;
  for (let i = o.from; i < o.to; i++) {
    total += ordVal[i];
    if (i > o.from && ordDate[i] !== ordDate[i - 1]) gaps[g++] = ordDate[i] - ordDate[i - 1];
  }
  const n = o.to - o.from;
  return { gaps: gaps.subarray(0, g), average: n ? total / n : 0, lastValue: n ? ordVal[o.to - 1] : null, lastDate: n ? ordDate[o.to - 1] : null };
}

/**
 * Alerts at as-of. Where a Critical and a Warning say the same thing (no order, low last
 * order) only the Critical one is raised. "Last 30 days" is (as-of − 30 days, as-of].
 * "New" category / orderer opportunities need an order before those 30 days (else every
 * first order of a new account would fire).
 */
export function alerts(x: SignalInputs): Alert[] {
  const { s, asOf, inputs, rec, agg } = x;
  const money = (v: number) => formatMoney(v, x.moneyPrefix);
  const out: Alert[] = [];
  const days = inputs.daysSinceLastOrder;
  const o = orders12(s, asOf);
  const medianGap = median(o.gaps);
  let criticalSilent = false;
  if (days !== null && days >= ALERTS.criticalNoOrderDays && medianGap !== undefined && medianGap <= ALERTS.regularCustomerMedianGapDays) {
    criticalSilent = true;
    out.push({
      severity: 'Critical',
      kind: 'regularCustomerSilent',
      message: `No order for ${days} days from a regular customer (median ${medianGap} days between orders over the last 12 months).`,
      values: { daysSinceLastOrder: days, medianGapDays: medianGap, threshold: ALERTS.criticalNoOrderDays },
    });
  }
  // Last order against the 12-month average order (the last order is within the 12 months).
  const avg = o.average;
  const lastValue = o.lastValue;
  let lowCritical = false;
  if (lastValue !== null && avg > 0) {
    const ratio = lastValue / avg;
    const values = { lastOrderValue: lastValue, lastOrderDate: o.lastDate, averageOrderLast12: avg, ratio };
    if (ratio < ALERTS.criticalLastOrderShare) {
      lowCritical = true;
      out.push({ severity: 'Critical', kind: 'lastOrderVeryLow', message: `Last order ${money(lastValue)} is ${pct(ratio)} of the 12-month average order ${money(avg)}.`, values: { ...values, threshold: ALERTS.criticalLastOrderShare } });
    } else if (ratio < ALERTS.warningLastOrderShare) {
      out.push({ severity: 'Warning', kind: 'lastOrderLow', message: `Last order ${money(lastValue)} is ${pct(ratio)} of the 12-month average order ${money(avg)}.`, values: { ...values, threshold: ALERTS.warningLastOrderShare } });
    } else if (ratio > ALERTS.opportunityLastOrderShare) {
      out.push({ severity: 'Opportunity', kind: 'lastOrderHigh', message: `Last order ${money(lastValue)} is ${pct(ratio)} of the 12-month average order ${money(avg)}.`, values: { ...values, threshold: ALERTS.opportunityLastOrderShare } });
    }
  }
  void lowCritical;
  if (rec?.creditHold) out.push({ severity: 'Critical', kind: 'creditHold', message: 'Account is on credit hold.', values: { creditHold: 'yes' } });
  if (!criticalSilent && days !== null && days >= ALERTS.warningNoOrderDays) {
    out.push({ severity: 'Warning', kind: 'noOrder30Days', message: `No order for ${days} days.`, values: { daysSinceLastOrder: days, threshold: ALERTS.warningNoOrderDays } });
  }
  const recent: Period = { start: asOf - ALERTS.recentDays, end: asOf };
  const ret = returnsIn(s, recent);
  if (ret.count > 0) {
    out.push({
      severity: 'Warning',
      kind: 'recentReturn',
      message: `${ret.count} return${ret.count > 1 ? 's' : ''} in the last ${ALERTS.recentDays} days, worth ${money(-ret.value)}.`,
      values: { returns: ret.count, returnValue: ret.value, lastReturnDate: s.f.retDate[ret.to - 1] },
    });
  }
  if (inputs.daysBeyondTerms !== null && inputs.daysBeyondTerms >= ALERTS.latePaymentDays) {
    out.push({ severity: 'Warning', kind: 'latePayment', message: `Paying ${inputs.daysBeyondTerms} days beyond terms on average.`, values: { daysBeyondTerms: inputs.daysBeyondTerms, threshold: ALERTS.latePaymentDays } });
  }
  const hadEarlierOrder = inputs.firstOrderDate !== null && inputs.firstOrderDate <= recent.start;
  if (hadEarlierOrder) {
    agg.firstDate.forEach((first, cat) => {
      if (first > recent.start && first <= asOf) {
        out.push({ severity: 'Opportunity', kind: 'newCategory', message: `First-ever order in ${x.categoryName(cat)} on this account.`, values: { category: x.categoryName(cat), firstOrderDate: first } });
      }
    });
    x.orderedBy.forEach(({ name, date: first }) => {
      if (first > recent.start && first <= asOf) {
        out.push({ severity: 'Opportunity', kind: 'newOrderer', message: `New person ordering: ${name}.`, values: { orderedBy: name, firstOrderDate: first } });
      }
    });
  }
  return out;
}

export function winBackOf(daysSinceLastOrder: number | null): WinBack | null {
  if (daysSinceLastOrder === null) return null;
  const w = winBackStage(daysSinceLastOrder);
  return { stage: w.stage, name: w.name, action: w.action, script: w.script, daysSinceLastOrder };
}
