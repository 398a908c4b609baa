/**
 * The parts of the lifetime-value model (./clv) that need no special function: the parameter
 * shapes, their checks, the CLV options, P(alive) and the expected order value. Kept apart so the worksheet
 * functions' bundle (KAP.PALIVE) does not carry the log-gamma and hypergeometric code that fitting
 * and forecasting need (src/functions loads those lazily for KAP.CLV).
 */
import { decimalText, percentText, wholeText } from "../numberText";

/** CLV defaults (RULES.md §2.7a): a 12-month horizon, 10% a year discount rate. */
export const CLV_DEFAULT_HORIZON_MONTHS = 12;
export const CLV_DEFAULT_DISCOUNT_RATE = 0.1;

export interface ClvOptions {
  /** months ahead (default 12); months are 365/12 days */
  horizonMonths?: number;
  /** yearly discount rate (0.10 = 10%, default); each month's value is discounted by (1+d)^(month/12) */
  discountRate?: number;
}

/**
 * The CLV options with defaults filled in; a RangeError with the reason when the horizon is not in
 * (0, 1200] months or the yearly discount rate not in (−1, 10].
 */
export function clvOptions(
  options: ClvOptions = {},
  /** the workbook's: the messages' figures its way ("1.200 months", "−100 %"); none: en-GB */
  culture?: string
): Required<ClvOptions> {
  const horizon = options.horizonMonths ?? CLV_DEFAULT_HORIZON_MONTHS;
  const d = options.discountRate ?? CLV_DEFAULT_DISCOUNT_RATE;
  if (!(Number.isFinite(horizon) && horizon > 0 && horizon <= 1200))
    throw new RangeError(
      `The CLV horizon must be between 0 and ${wholeText(1200, culture)} months (got ${Number.isFinite(horizon) ? wholeText(horizon, culture) : horizon}).`
    );
  if (!(Number.isFinite(d) && d > -1 && d <= 10))
    throw new RangeError(
      `The discount rate must be a yearly rate above −${percentText(100, culture)} (${decimalText("0.10", culture)} = ${percentText(10, culture)}); got ${Number.isFinite(d) ? wholeText(d, culture) : d}.`
    );
  return { horizonMonths: horizon, discountRate: d };
}

/** What the BG/NBD model reads of an account (time in weeks). */
export interface FrequencyRecency {
  frequency: number;
  recency: number;
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export function checkSummary(s: FrequencyRecency): void {
  const { frequency: x, recency: tx, T } = s;
  if (!Number.isInteger(x) || x < 0)
    throw new RangeError(
      `Frequency must be a whole number of repeat orders, 0 or more (got ${x}).`
    );
  if (!Number.isFinite(T) || T < 0)
    throw new RangeError(`Age T must be 0 weeks or more (got ${T}).`);
  if (!Number.isFinite(tx) || tx < 0 || tx > T + 1e-9)
    throw new RangeError(`Recency must be between 0 and the age T (${T} weeks); got ${tx}.`);
  if (x === 0 && tx !== 0)
    throw new RangeError("Recency must be 0 for an account with no repeat order.");
}

export function checkBgNbd(p: BgNbdParams): void {
  for (const k of ["r", "alpha", "a", "b"] as const) {
    if (!(Number.isFinite(p[k]) && p[k] > 0))
      throw new RangeError(`BG/NBD parameter ${k} must be a positive number (got ${p[k]}).`);
  }
}

export function checkGammaGamma(g: GammaGammaParams): void {
  for (const k of ["p", "q", "gamma"] as const) {
    if (!(Number.isFinite(g[k]) && g[k] > 0))
      throw new RangeError(`Gamma-Gamma parameter ${k} must be a positive number (got ${g[k]}).`);
  }
}

/** P(alive) below this is "probably gone" (./lifetime's silent churn). */
export const SILENT_CHURN_P_ALIVE = 0.5;

/**
 * Below this fitted dropout probability per repeat order, a/(a+b), the data show no dropping out:
 * the likelihood rises toward a = 0 (the NBD model) and P(alive) is near 100% for every account,
 * lapsed ones included — said with the model, not hidden (the bundled sample fits 1.1e-4; CDNOW 0.25).
 */
export const CLV_NO_DROPOUT_SHARE = 1e-3;

/**
 * The fitted chance of leaving after an order, a/(a+b), is below CLV_NO_DROPOUT_SHARE: P(alive)
 * stays near 100% even for accounts that have stopped ordering, so it cannot show who is lost.
 */
export function findsNoDropout(fit: BgNbdParams | null): boolean {
  return fit !== null && fit.a / (fit.a + fit.b) < CLV_NO_DROPOUT_SHARE;
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie & Lee
 * 2008, "Computing P(alive) using the BG/NBD model", eq. 2). 1 for x = 0 by construction (the model
 * assumes no drop-out before the first repeat order): callers show "one order only" there.
 */
export function pAlive(params: BgNbdParams, frequency: number, recency: number, T: number): number {
  checkBgNbd(params);
  checkSummary({ frequency, recency, T });
  if (frequency === 0) return 1;
  const { r, alpha, a, b } = params;
  const x = frequency;
  const logOdds =
    Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[M | x, z̄]: the expected value of the account's future orders, (p(γ + x z̄)) / (px + q − 1)
 * (Fader & Hardie 2013, eq. 5). x = 0 (or no positive mean) gives the population mean pγ/(q−1).
 * A non-positive mean value counts as 0. Null when px + q ≤ 1 (the mean does not exist).
 */
export function expectedOrderValue(
  params: GammaGammaParams,
  frequency: number,
  meanValue: number | null
): number | null {
  checkGammaGamma(params);
  if (!Number.isInteger(frequency) || frequency < 0)
    throw new RangeError(
      `Frequency must be a whole number of repeat orders, 0 or more (got ${frequency}).`
    );
  if (meanValue !== null && !Number.isFinite(meanValue))
    throw new RangeError(`The mean order value must be a number (got ${meanValue}).`);
  const { p, q, gamma } = params;
  const x = meanValue === null ? 0 : frequency;
  const denom = p * x + q - 1;
  if (denom <= 0) return null;
  return (p * (gamma + x * Math.max(0, meanValue ?? 0))) / denom;
}
