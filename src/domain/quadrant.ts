import { minorUnitDigits, roundMoney } from "./currency";
import { asShown, median } from "./numbers";
import { DEFAULT_SCALE_CUT, type Quadrant, QUADRANTS } from "./rules";

/** High means ≥ the cut (RULES.md §2.2), both compared as Excel shows them (asShown: 2.9999999999999996 is 3). */
export function quadrantOf(
  engagement: number,
  potential: number,
  engagementCut = DEFAULT_SCALE_CUT,
  potentialCut = DEFAULT_SCALE_CUT
): Quadrant {
  const e = asShown(engagement) >= asShown(engagementCut) ? "h" : "l";
  const p = asShown(potential) >= asShown(potentialCut) ? "h" : "l";
  return QUADRANTS[`${e}${p}` as keyof typeof QUADRANTS].quadrant;
}

/**
 * The potential cut when none is given: 3 when every potential is on the 1–5 scale,
 * otherwise potential is money and the cut is the portfolio median.
 */
export function defaultPotentialCut(potentials: readonly number[]): number {
  const onScale = potentials.every((p) => onFiveScale(p));
  return onScale ? DEFAULT_SCALE_CUT : moneyPotentialCut(potentials);
}

/** Whether a value is on the 1–5 scale as Excel shows it (5.000000000000001 is 5). */
export function onFiveScale(x: number): boolean {
  const v = asShown(x);
  return v >= 1 && v <= 5;
}

/**
 * The money cut: the median potential — but never below the smallest positive amount, so an
 * account with no whitespace at all is low potential even when most accounts have none.
 */
export function moneyPotentialCut(potentials: readonly number[]): number {
  return Math.max(median(potentials) ?? 0, Number.MIN_VALUE);
}

/**
 * The money cut as written, in a currency's minor unit: the median rounded, but never below one
 * minor unit (£0.01) — rounding the guard's tiny positive cut would make it £0 again, and every
 * account with no whitespace high potential.
 */
export function writtenMoneyPotentialCut(
  potentials: readonly number[],
  currency: string | undefined
): number {
  const oneMinorUnit = 10 ** -minorUnitDigits(currency);
  return Math.max(roundMoney(moneyPotentialCut(potentials), currency), oneMinorUnit);
}

export function quadrantApproach(q: Quadrant): string {
  return Object.values(QUADRANTS).find((x) => x.quadrant === q)?.approach ?? "";
}
