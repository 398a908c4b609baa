import { daysInMonth, eomonth, monthKey, monthKeyToYm, serialToYmd } from "./dates";
import type { Serial } from "./types";

export interface SeasonalityResult {
  /** Revenue per calendar month of year (index 0 = January), averaged over the years seen; null when the month never occurs in the full months. */
  monthly: (number | null)[];
  /** month / mean month × 100; null where monthly is null, and every one null when the mean month is £0 or less. */
  index: (number | null)[];
  /** Full months used, as month keys (y*12+m-1). */
  firstMonth: number | null;
  lastMonth: number | null;
}

/**
 * Seasonality over the full calendar months of the data (RULES.md §2.5): revenue by month,
 * averaged by month of year when there are several years, indexed against the mean month.
 * A month is full when the data saw it whole, from the month of the first order (when the data,
 * starting `dataStart`, covers its 1st; else the next month) to `upTo` (default: the last order
 * date); months with no orders inside that span count as 0.
 */
export function seasonality(
  points: Iterable<{ date: Serial; value: number }>,
  upTo?: Serial,
  dataStart?: Serial
): SeasonalityResult {
  const byMonth = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const p of points) {
    const k = monthKey(p.date);
    byMonth.set(k, (byMonth.get(k) ?? 0) + p.value);
    if (p.date < first) first = p.date;
    if (p.date > last) last = p.date;
  }
  const empty: SeasonalityResult = {
    monthly: Array(12).fill(null),
    index: Array(12).fill(null),
    firstMonth: null,
    lastMonth: null,
  };
  if (!Number.isFinite(first)) return empty;
  const end = upTo ?? last;
  // First full month: the month of the first order when the data saw it whole (the order is on
  // the 1st, or the data starts on or before that 1st: the account simply began buying then),
  // else the next.
  const fy = serialToYmd(first);
  const monthStart = first - fy.d + 1;
  const seenWhole = fy.d === 1 || (dataStart !== undefined && dataStart <= monthStart);
  const firstFull = seenWhole ? monthKey(first) : monthKey(first) + 1;
  // Last full month: the month of `end` if `end` is its last day, else the previous.
  const ey = serialToYmd(end);
  const lastFull =
    ey.d === daysInMonth(ey.y, ey.m) || end === eomonth(end, 0) ? monthKey(end) : monthKey(end) - 1;
  if (lastFull < firstFull) return empty;
  const totals = Array<number>(12).fill(0);
  const counts = Array<number>(12).fill(0);
  for (let k = firstFull; k <= lastFull; k++) {
    const m = monthKeyToYm(k).m - 1;
    totals[m] += byMonth.get(k) ?? 0;
    counts[m] += 1;
  }
  const monthly = totals.map((t, i) => (counts[i] ? t / counts[i] : null));
  const present = monthly.filter((v): v is number => v !== null);
  const meanMonth = present.reduce((a, b) => a + b, 0) / present.length;
  // A mean month of £0 or less (returns outweigh sales) indexes nothing: a month of returns
  // divided by a negative mean would come out as the peak.
  const index = monthly.map((v) => (v === null || meanMonth <= 0 ? null : (v / meanMonth) * 100));
  return { monthly, index, firstMonth: firstFull, lastMonth: lastFull };
}
