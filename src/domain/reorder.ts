import { median } from "./numbers";
import { REPLENISHMENT } from "./rules";
import type { Serial } from "./types";

function distinctDays(dates: Iterable<Serial>): number[] {
  return [...new Set(Array.from(dates, (d) => Math.floor(d)))].sort((a, b) => a - b);
}

/**
 * Reorder period: the median of the days between consecutive distinct order dates.
 * Undefined under 2 distinct dates (n/a).
 */
export function reorderDays(dates: Iterable<Serial>): number | undefined {
  const distinct = distinctDays(dates);
  if (distinct.length < 2) return undefined;
  const gaps: number[] = [];
  for (let i = 1; i < distinct.length; i++) gaps.push(distinct[i] - distinct[i - 1]);
  return median(gaps);
}

export interface ReorderRegularity {
  /** distinct order dates */
  orders: number;
  /** median gap in days; null under 2 orders */
  reorderDays: number | null;
  /** coefficient of variation of the gaps (population SD / mean); null under 2 orders */
  gapVariation: number | null;
  /** at least REPLENISHMENT.minOrders orders and gapVariation ≤ REPLENISHMENT.maxGapCv */
  regular: boolean;
}

/**
 * How regularly a product is reordered (the auto-replenishment test, RULES.md §2.9): the gaps
 * between distinct order dates, their median (the reorder period) and their coefficient of
 * variation (population standard deviation ÷ mean). "Regular" = at least 4 orders
 * (REPLENISHMENT.minOrders) and a coefficient of variation of at most 0.5 (REPLENISHMENT.maxGapCv):
 * gaps of 30, 30, 30 days vary 0; 5 and 80 days vary 0.88.
 */
export function reorderRegularity(dates: Iterable<Serial>): ReorderRegularity {
  const d = distinctDays(dates);
  if (d.length < 2)
    return { orders: d.length, reorderDays: null, gapVariation: null, regular: false };
  const gaps = d.slice(1).map((x, i) => x - d[i]);
  const m = gaps.reduce((t, g) => t + g, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((t, g) => t + (g - m) ** 2, 0) / gaps.length);
  const cv = m ? sd / m : 0;
  return {
    orders: d.length,
    reorderDays: median(gaps)!,
    gapVariation: cv,
    regular: d.length >= REPLENISHMENT.minOrders && cv <= REPLENISHMENT.maxGapCv + 1e-12,
  };
}
