import { asShown } from "./numbers";
import { DISCOUNT_TIERS } from "./rules";

export interface DiscountTier {
  min: number;
  rate: number;
}

/** Bulk order incentive for an order value: £250–499 3%, £500–999 5%, £1,000–2,499 8%, £2,500+ 10%, else 0. */
export function discountRate(
  orderValue: number,
  tiers: readonly DiscountTier[] = DISCOUNT_TIERS
): number {
  // as Excel shows them: order lines summing to £2,500.00 are often 2,499.9999999999995
  const value = asShown(orderValue);
  let best: DiscountTier | undefined;
  for (const t of tiers) if (value >= asShown(t.min) && (!best || t.min > best.min)) best = t;
  return best ? best.rate : 0;
}

/** The next tier up and how much more the order needs to reach it (for "spend £X more to get Y%"). */
export function nextDiscountTier(
  orderValue: number,
  tiers: readonly DiscountTier[] = DISCOUNT_TIERS
): { tier: DiscountTier; shortBy: number } | undefined {
  const above = tiers.filter((t) => t.min > orderValue).sort((a, b) => a.min - b.min)[0];
  return above ? { tier: above, shortBy: above.min - orderValue } : undefined;
}
