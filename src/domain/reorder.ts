import { median } from './numbers';
import type { Serial } from './types';

/**
 * Reorder period: the median of the days between consecutive distinct order dates.
 * Undefined under 2 distinct dates (n/a).
 */
export function reorderDays(dates: Iterable<Serial>): number | undefined {
  const distinct = [...new Set(Array.from(dates, (d) => Math.floor(d)))].sort((a, b) => a - b);
  if (distinct.length < 2) return undefined;
  const gaps: number[] = [];
  for (let i = 1; i < distinct.length; i++) gaps.push(distinct[i] - distinct[i - 1]);
  return median(gaps);
}
