/**
 * Buying pattern and seasonality of one account (RULES.md §2.5): purchase orders of the last
 * 12 months; seasonality indices over the whole history up to as-of.
 */
import { MONTH_NAMES, WEEKDAY_NAMES, serialToYmd, weekday } from "../dates";
import { median } from "../numbers";
import { roundMoney } from "../currency";
import { seasonality } from "../seasonality";
import type { Serial } from "../types";
import type { Frozen } from "./book";
import { moneyOf, ordersIn, periodBack, stepsOf, type Subject } from "./subject";
import type { BuyingPattern, SeasonalityRow } from "./types";

/** Buying pattern of the last 12 months from the subject's purchase orders (money rounded to the currency's minor unit). */
export function buyingPattern(s: Subject, asOf: Serial, currency = ""): BuyingPattern {
  const o = ordersIn(s, periodBack(asOf, 12));
  const values: number[] = [];
  const dates: number[] = [];
  const wdCount = Array<number>(7).fill(0);
  const wdRev = Array<number>(7).fill(0);
  const monthRev = Array<number>(12).fill(0);
  const monthSeen = Array<boolean>(12).fill(false);
  for (let i = o.from; i < o.to; i++) {
    const d = s.f.ordDate[i];
    const v = s.f.ordVal[i];
    values.push(v);
    if (!dates.length || dates[dates.length - 1] !== d) dates.push(d);
    // summed in whole steps (exact): £0.10 + £0.20 ties £0.30 rather than beating it
    const steps = stepsOf(s, v);
    const w = weekday(d);
    wdCount[w]++;
    wdRev[w] += steps;
    const m = serialToYmd(d).m - 1;
    monthRev[m] += steps;
    monthSeen[m] = true;
  }
  const peakWeekdays = [0, 1, 2, 3, 4, 5, 6]
    .filter((w) => wdCount[w] > 0)
    .sort((a, b) => wdCount[b] - wdCount[a] || wdRev[b] - wdRev[a] || a - b)
    .slice(0, 2)
    .map((w) => WEEKDAY_NAMES[w]);
  const peakMonths = [...Array(12).keys()]
    .filter((m) => monthSeen[m])
    .sort((a, b) => monthRev[b] - monthRev[a] || a - b)
    .slice(0, 2)
    .map((m) => MONTH_NAMES[m]);
  return {
    ordersLast12: values.length,
    meanDaysBetweenOrders:
      dates.length >= 2 ? (dates[dates.length - 1] - dates[0]) / (dates.length - 1) : null,
    medianOrderValue: values.length ? roundMoney(median(values)!, currency) : null,
    smallestOrder: values.length ? roundMoney(Math.min(...values), currency) : null,
    largestOrder: values.length ? roundMoney(Math.max(...values), currency) : null,
    peakWeekdays,
    peakMonths,
  };
}

const DATA_START = new WeakMap<Frozen, Serial>();
/** The data's first order or return date, over every account of the book (worked out once per book). */
export function dataStartOf(f: Frozen): Serial | undefined {
  let d = DATA_START.get(f);
  if (d === undefined) {
    d = Infinity;
    for (let u = 0; u < f.unitCount; u++) {
      if (f.ordStart[u] < f.ordStart[u + 1]) d = Math.min(d, f.ordDate[f.ordStart[u]]);
      if (f.retStart[u] < f.retStart[u + 1]) d = Math.min(d, f.retDate[f.retStart[u]]);
    }
    DATA_START.set(f, d);
  }
  return Number.isFinite(d) ? d : undefined;
}

/** `dataStart`: the data's first date (dataStartOf the whole book): a month it saw whole counts. */
export function seasonalityOf(
  s: Subject,
  asOf: Serial,
  currency = "",
  dataStart?: Serial
): SeasonalityRow[] {
  const points: { date: number; value: number }[] = [];
  const { f, u } = s;
  // in whole money steps, so a month's sum is exact (a sale credited in parts nets to 0, not
  // −2.8e-17 indexed as "−0"); the index is the same in any unit
  for (let i = f.ordStart[u]; i < f.ordStart[u + 1] && f.ordDate[i] <= asOf; i++)
    points.push({ date: f.ordDate[i], value: stepsOf(s, f.ordVal[i]) });
  for (let i = f.retStart[u]; i < f.retStart[u + 1] && f.retDate[i] <= asOf; i++)
    points.push({ date: f.retDate[i], value: stepsOf(s, f.retVal[i]) });
  const r = seasonality(points, asOf, dataStart);
  return MONTH_NAMES.map((month, i) => ({
    month,
    revenue: r.monthly[i] === null ? null : roundMoney(moneyOf(s, r.monthly[i]!), currency),
    index: r.index[i],
  }));
}
