/**
 * Lifetime value (RULES.md §2.7a, methodology 003): the standard probabilistic models of
 * repeat buying, fitted by maximum likelihood to the portfolio's own accounts.
 *
 * - BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way: an alternative to
 *   the Pareto/NBD model", Marketing Science 24(2), 275–284): while alive, an account orders as a
 *   Poisson process with rate λ ~ Gamma(r, α); after each order it drops out with probability
 *   p ~ Beta(a, b). Likelihood: the paper's eq. (6); expected orders in the next t weeks: eq. (10);
 *   P(alive): Fader, Hardie & Lee (2008), "Computing P(alive) using the BG/NBD model" (note).
 * - Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves for customer base
 *   analysis", Journal of Marketing Research 42(4), 415–430, and Fader & Hardie 2013, "The
 *   Gamma-Gamma model of monetary value"): the mean value z̄ of an account's x repeat orders has
 *   density Γ(px+q)/(Γ(px)Γ(q)) · γ^q z̄^(px−1) x^px / (γ + x z̄)^(px+q); the expected value of its
 *   next order is (p (γ + x z̄)) / (p x + q − 1).
 *
 * Units: dates are Excel serial days; time in the models is in weeks (days / 7), as in the
 * papers. An account's summary at the as-of date: frequency x = distinct order dates after the
 * first (orders on the same day are one order; returns are not orders), recency t_x = weeks from
 * the first to the last order date, age T = weeks from the first order date to as-of, and the
 * mean value of the repeat order days (each day's orders summed; the first day left out).
 *
 * Parameters are fitted in log space (all are positive) by BFGS on the analytic gradient (Nelder–Mead
 * as the fallback); special functions come
 * from stdlib (`@stdlib/math-base-special-gammaln`, `-betaln`, `-digamma`, `-hyp2f1`: ports of
 * Cephes/Boost).
 */
import betaln from "@stdlib/math-base-special-betaln";
import gammaln from "@stdlib/math-base-special-gammaln";
import digamma from "@stdlib/math-base-special-digamma";
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { decimalText, percentText, wholeText } from "../numberText";
import { bfgs } from "../bfgs";
import { nelderMead } from "../nelderMead";
import type { Serial } from "../types";
import { internInto } from "./collections";
import {
  type BgNbdParams,
  checkBgNbd,
  checkGammaGamma,
  checkSummary,
  type ClvOptions,
  clvOptions,
  expectedOrderValue,
  findsNoDropout,
  type FrequencyRecency,
  type GammaGammaParams,
  pAlive,
} from "./clvBasics";

export {
  CLV_DEFAULT_DISCOUNT_RATE,
  CLV_DEFAULT_HORIZON_MONTHS,
  CLV_NO_DROPOUT_SHARE,
  checkBgNbd,
  checkGammaGamma,
  checkSummary,
  clvOptions,
  expectedOrderValue,
  findsNoDropout,
  pAlive,
} from "./clvBasics";
export type { BgNbdParams, ClvOptions, FrequencyRecency, GammaGammaParams } from "./clvBasics";

/** Days in a model week. */
export const WEEK_DAYS = 7;
/** "The next 12 months" of expected orders and revenue: 365 days. */
export const NEXT_YEAR_DAYS = 365;
/** Below these, the fit is reported as not reliable (too little data for four or three parameters). */
export const CLV_MIN_RELIABLE_ACCOUNTS = 200;
export const CLV_MIN_RELIABLE_REPEAT_BUYERS = 50;
/** Log-parameters are kept within ±LOG_BOUND (e^30 ≈ 1e13), where the special functions stay accurate; the fits stop well inside it (the gradient vanishes as a parameter runs off to 0 or ∞). */
const LOG_BOUND = 30;

/** One account's purchase summary at an as-of date (time in weeks). */
export interface RepeatSummary {
  /** x: distinct order dates after the first, up to as-of */
  frequency: number;
  /** t_x: weeks from the first to the last order date (0 when x = 0) */
  recency: number;
  /** T: weeks from the first order date to as-of */
  T: number;
  /** mean value of the x repeat order days (each day's orders summed); null when x = 0 */
  meanValue: number | null;
  firstOrderDate: Serial;
  lastOrderDate: Serial;
}

/**
 * The summary of one account's orders up to `asOf` (inclusive), from its order dates and values
 * in date order in [start, end) (purchase orders only: returns are not orders). Null when the
 * account has no order on or before `asOf`. Throws a RangeError when the dates are not in order.
 * `scale`: money steps per currency unit (10,000 for steps of £0.0001) when each value is a whole number of
 * them (the order book's): the values are then summed as whole steps, exactly, so the mean is the
 * same to the last bit whatever order one day's orders came in.
 */
export function repeatSummary(
  dates: ArrayLike<number>,
  values: ArrayLike<number>,
  asOf: Serial,
  start = 0,
  end = dates.length,
  scale?: number
): RepeatSummary | null {
  let first = NaN;
  let last = NaN;
  let x = 0;
  let repeatValue = 0;
  for (let i = start; i < end; i++) {
    const d = Math.floor(dates[i]);
    if (d > asOf) break;
    if (d < last)
      throw new RangeError("Order dates must be in date order for the repeat-buying summary.");
    if (Number.isNaN(first)) first = last = d;
    else if (d !== last) {
      x++;
      last = d;
    }
    if (d !== first) repeatValue += scale ? Math.round(values[i] * scale) : values[i];
  }
  if (Number.isNaN(first)) return null;
  return {
    frequency: x,
    recency: (last - first) / WEEK_DAYS,
    T: (Math.floor(asOf) - first) / WEEK_DAYS,
    meanValue: x > 0 ? (scale ? repeatValue / scale : repeatValue) / x : null,
    firstOrderDate: first,
    lastOrderDate: last,
  };
}

export interface BgNbdFit extends BgNbdParams {
  /** the maximised log-likelihood, summed over the accounts (the papers' LL) */
  logLikelihood: number;
  /** false when the optimiser stopped on its evaluation budget or at the parameter bounds */
  converged: boolean;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  converged: boolean;
}

function logSumExp(u: number, v: number): number {
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** Accounts as typed arrays, with the distinct frequencies (terms that depend on x alone are computed once per x). */
class Prepared {
  readonly n: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly xs: number[];
  readonly xIndex: Int32Array;
  /** the distinct ages T and recencies t_x, and each account's: ln(α+T), ln(α+t_x) are taken once per value */
  readonly Ts: number[];
  readonly TIndex: Int32Array;
  readonly txs: number[];
  readonly txIndex: Int32Array;
  lnT = new Float64Array(0);
  lnTx = new Float64Array(0);
  /** per distinct x: scratch for the likelihood's terms and gradient */
  c1 = new Float64Array(0);
  c2 = new Float64Array(0);
  dR = new Float64Array(0);
  dA = new Float64Array(0);
  dB = new Float64Array(0);
  constructor(data: readonly FrequencyRecency[]) {
    this.n = data.length;
    this.x = new Float64Array(this.n);
    this.tx = new Float64Array(this.n);
    this.T = new Float64Array(this.n);
    this.xIndex = new Int32Array(this.n);
    this.TIndex = new Int32Array(this.n);
    this.txIndex = new Int32Array(this.n);
    const index = new Map<number, number>();
    this.xs = [];
    this.Ts = [];
    this.txs = [];
    const TAt = new Map<number, number>();
    const txAt = new Map<number, number>();
    data.forEach((s, i) => {
      checkSummary(s);
      this.x[i] = s.frequency;
      this.tx[i] = s.recency;
      this.T[i] = s.T;
      let k = index.get(s.frequency);
      if (k === undefined) {
        k = this.xs.length;
        index.set(s.frequency, k);
        this.xs.push(s.frequency);
      }
      this.xIndex[i] = k;
      this.TIndex[i] = internInto(TAt, this.Ts, s.T);
      this.txIndex[i] = internInto(txAt, this.txs, s.recency);
    });
    this.lnT = new Float64Array(this.Ts.length);
    this.lnTx = new Float64Array(this.txs.length);
    const K = this.xs.length;
    [this.c1, this.c2, this.dR, this.dA, this.dB] = [0, 0, 0, 0, 0].map(() => new Float64Array(K));
  }
}

/**
 * The BG/NBD log-likelihood, summed; with `grad`, also its gradient in (r, α, a, b), from
 * ∂/∂r = ψ(r+x) − ψ(r) + ln α − w₁ ln(α+T) − w₂ ln(α+t_x), ∂/∂α = r/α − (r+x)(w₁/(α+T) + w₂/(α+t_x)),
 * ∂/∂a = ψ(a+b) − ψ(a+b+x) + w₂/a, ∂/∂b = ψ(b+x) − ψ(a+b+x) − ψ(b) + ψ(a+b) − w₂/(b+x−1),
 * where w₁, w₂ are the shares of the likelihood's two terms (w₂ = 0 for x = 0).
 */
function bgnbdLL(p: BgNbdParams, d: Prepared, grad?: number[]): number {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const base = betaln(a, b);
  const gr = gammaln(r);
  const lnA = Math.log(a);
  const K = d.xs.length;
  const { c1, c2, dR, dA, dB } = d;
  const psiR = grad ? digamma(r) : 0;
  const psiB = grad ? digamma(b) : 0;
  const psiAB = grad ? digamma(a + b) : 0;
  for (let k = 0; k < K; k++) {
    const x = d.xs[k];
    // Γ(r+x)α^r/Γ(r) · B(a, b+x)/B(a, b), and a/(b+x−1) for the second term (x > 0)
    c1[k] = gammaln(r + x) - gr + r * lnAlpha + betaln(a, b + x) - base;
    c2[k] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
    if (grad) {
      const psiABX = digamma(a + b + x);
      dR[k] = digamma(r + x) - psiR + lnAlpha;
      dA[k] = psiAB - psiABX;
      dB[k] = digamma(b + x) - psiABX - psiB + psiAB;
    }
  }
  let ll = 0;
  let gR = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  const { x, tx, T, xIndex, Ts, txs, lnT, lnTx, TIndex, txIndex } = d;
  // the same logarithms as per account (same operands), once per distinct age and recency
  for (let k = 0; k < Ts.length; k++) lnT[k] = Math.log(alpha + Ts[k]);
  for (let k = 0; k < txs.length; k++) lnTx[k] = Math.log(alpha + txs[k]);
  for (let i = 0; i < d.n; i++) {
    const k = xIndex[i];
    const xi = x[i];
    const rx = r + xi;
    const lT = lnT[TIndex[i]];
    const t1 = -rx * lT;
    if (xi > 0) {
      const lTx = lnTx[txIndex[i]];
      const t2 = c2[k] - rx * lTx;
      const lse = logSumExp(t1, t2);
      ll += c1[k] + lse;
      if (grad) {
        const w1 = Math.exp(t1 - lse);
        const w2 = Math.exp(t2 - lse);
        gR += dR[k] - w1 * lT - w2 * lTx;
        gAlpha += r / alpha - rx * (w1 / (alpha + T[i]) + w2 / (alpha + tx[i]));
        gA += dA[k] + w2 / a;
        gB += dB[k] - w2 / (b + xi - 1);
      }
    } else {
      ll += c1[k] + t1;
      if (grad) {
        gR += dR[k] - lT;
        gAlpha += r / alpha - rx / (alpha + T[i]);
        gA += dA[k];
        gB += dB[k];
      }
    }
  }
  if (grad) {
    grad[0] = gR;
    grad[1] = gAlpha;
    grad[2] = gA;
    grad[3] = gB;
  }
  return ll;
}

/**
 * The BG/NBD log-likelihood of the accounts under the parameters (Fader, Hardie & Lee 2005,
 * eq. 6), summed. Throws a RangeError on a bad summary or parameter.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: readonly FrequencyRecency[]): number {
  checkBgNbd(params);
  return bgnbdLL(params, new Prepared(data));
}

/** The gradient of bgnbdLogLikelihood in (r, α, a, b) (what the fit follows; exported for its test). */
export function bgnbdGradient(params: BgNbdParams, data: readonly FrequencyRecency[]): number[] {
  checkBgNbd(params);
  const g = [0, 0, 0, 0];
  bgnbdLL(params, new Prepared(data), g);
  return g;
}

function fromLog(theta: readonly number[]): number[] {
  return theta.map(Math.exp);
}

function inBounds(theta: readonly number[]): boolean {
  for (const t of theta) if (!(t >= -LOG_BOUND && t <= LOG_BOUND)) return false;
  return true;
}

/**
 * Maximum-likelihood BG/NBD parameters for the accounts (log-parameters by BFGS, started
 * from r = 1, α = mean T / (mean x + 1), a = b = 1). Throws a RangeError when there are no
 * accounts or no account has a repeat order (the likelihood then has no maximum).
 */
export function fitBgNbd(data: readonly FrequencyRecency[]): BgNbdFit {
  const d = new Prepared(data);
  if (d.n === 0) throw new RangeError("There are no accounts to fit the repeat-buying model to.");
  let sumX = 0;
  let sumT = 0;
  let repeaters = 0;
  for (let i = 0; i < d.n; i++) {
    sumX += d.x[i];
    sumT += d.T[i];
    if (d.x[i] > 0) repeaters++;
  }
  if (repeaters === 0)
    throw new RangeError(
      "No account has ordered on a second day, so the repeat-buying model cannot be fitted."
    );
  const alpha0 = Math.max(1e-3, sumT / d.n / (sumX / d.n + 1));
  const grad = [0, 0, 0, 0];
  const objective = (theta: readonly number[], g?: number[]): number => {
    if (!inBounds(theta)) return Infinity;
    const [r, alpha, a, b] = fromLog(theta);
    const ll = bgnbdLL({ r, alpha, a, b }, d, g ? grad : undefined);
    // gradient in log-parameters: ∂/∂ln θ = θ ∂/∂θ, of −LL/n
    if (g) [r, alpha, a, b].forEach((v, i) => (g[i] = (-v * grad[i]) / d.n));
    return -ll / d.n;
  };
  const res = minimise(objective, [0, Math.log(alpha0), 0, 0]);
  const [r, alpha, a, b] = fromLog(res.x);
  return { r, alpha, a, b, logLikelihood: -res.fx * d.n, converged: res.converged };
}

/**
 * BFGS with the analytic gradient (a few dozen evaluations), then Nelder–Mead from its best point
 * when BFGS stopped short of its tolerance (a kink, or a bound reached). Nelder–Mead stops after
 * 200 evaluations per parameter without a gain above its tolerance: where the fit runs along a
 * ridge towards a bound (a and b both growing, a/(a+b) fixed: no dropout model can be told from
 * its neighbours) the likelihood's rounding noise (about 3e-5 in 44,000 for 4,413 accounts) is
 * all that is left to gain, and the whole budget (8,000 evaluations) went on it.
 */
function minimise(
  objective: (theta: readonly number[], g?: number[]) => number,
  start: number[]
): { x: number[]; fx: number; converged: boolean } {
  const q = bfgs(objective, start, { gradientTolerance: 1e-7 });
  if (q.converged) return q;
  const nm = nelderMead((t) => objective(t), q.x, {
    initialStep: 0.1,
    xTolerance: 1e-6,
    stallEvaluations: 200 * start.length,
  });
  return nm.fx <= q.fx ? nm : { ...q, converged: nm.converged };
}

/** What the Gamma-Gamma model reads of a repeat buyer. */
export interface FrequencyValue {
  frequency: number;
  meanValue: number;
}

/**
 * The Gamma-Gamma log-likelihood, summed; with `grad`, its gradient in (p, q, γ):
 * ∂/∂p = x(ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ+x z̄)), ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ+x z̄),
 * ∂/∂γ = q/γ − (px+q)/(γ+x z̄).
 */
function ggLL(g: GammaGammaParams, d: ReturnType<typeof prepareGG>, grad?: number[]): number {
  const { p, q, gamma } = g;
  const { xs, xIndex, lnM, lnX, m, x, c, dP, dQ } = d;
  const K = xs.length;
  const gq = gammaln(q);
  const lnGamma = Math.log(gamma);
  const qlg = q * lnGamma;
  const psiQ = grad ? digamma(q) : 0;
  for (let k = 0; k < K; k++) {
    const px = p * xs[k];
    c[k] = gammaln(px + q) - gammaln(px) - gq + qlg;
    if (grad) {
      const psiPXQ = digamma(px + q);
      dP[k] = psiPXQ - digamma(px);
      dQ[k] = psiPXQ - psiQ + lnGamma;
    }
  }
  let ll = 0;
  let gP = 0;
  let gQ = 0;
  let gG = 0;
  for (let i = 0; i < m.length; i++) {
    const k = xIndex[i];
    const px = p * x[i];
    const denom = gamma + m[i] * x[i];
    const lDen = Math.log(denom);
    ll += c[k] + (px - 1) * lnM[i] + px * lnX[i] - (px + q) * lDen;
    if (grad) {
      gP += x[i] * (dP[k] + lnM[i] + lnX[i] - lDen);
      gQ += dQ[k] - lDen;
      gG += q / gamma - (px + q) / denom;
    }
  }
  if (grad) {
    grad[0] = gP;
    grad[1] = gQ;
    grad[2] = gG;
  }
  return ll;
}

function prepareGG(data: readonly FrequencyValue[]) {
  const n = data.length;
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  const lnX = new Float64Array(n);
  const lnM = new Float64Array(n);
  const xIndex = new Int32Array(n);
  const xs: number[] = [];
  const index = new Map<number, number>();
  data.forEach((s, i) => {
    if (!Number.isInteger(s.frequency) || s.frequency < 1)
      throw new RangeError(
        `The spend model needs repeat buyers: frequency must be a whole number, 1 or more (got ${s.frequency}).`
      );
    if (!(Number.isFinite(s.meanValue) && s.meanValue > 0))
      throw new RangeError(
        `The spend model needs a positive mean repeat-order value (got ${s.meanValue}).`
      );
    x[i] = s.frequency;
    m[i] = s.meanValue;
    lnX[i] = Math.log(s.frequency);
    lnM[i] = Math.log(s.meanValue);
    let k = index.get(s.frequency);
    if (k === undefined) {
      k = xs.length;
      index.set(s.frequency, k);
      xs.push(s.frequency);
    }
    xIndex[i] = k;
  });
  const K = xs.length;
  return {
    n,
    x,
    m,
    lnX,
    lnM,
    xIndex,
    xs,
    c: new Float64Array(K),
    dP: new Float64Array(K),
    dQ: new Float64Array(K),
  };
}

/** The Gamma-Gamma log-likelihood of the repeat buyers' mean order values (Fader & Hardie 2013, eq. 4), summed. */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  data: readonly FrequencyValue[]
): number {
  checkGammaGamma(params);
  return ggLL(params, prepareGG(data));
}

/** The gradient of gammaGammaLogLikelihood in (p, q, γ) (what the fit follows; exported for its test). */
export function gammaGammaGradient(
  params: GammaGammaParams,
  data: readonly FrequencyValue[]
): number[] {
  checkGammaGamma(params);
  const g = [0, 0, 0];
  ggLL(params, prepareGG(data), g);
  return g;
}

/**
 * Maximum-likelihood Gamma-Gamma parameters for the repeat buyers (x ≥ 1, mean value > 0), in log
 * space by BFGS from p = 1, q = 2, γ = the mean of the mean values (so the prior mean
 * pγ/(q−1) starts at the data's mean). Throws a RangeError with fewer than 2 repeat buyers.
 */
export function fitGammaGamma(data: readonly FrequencyValue[]): GammaGammaFit {
  const d = prepareGG(data);
  if (d.n < 2)
    throw new RangeError("The spend model needs at least 2 accounts with repeat orders.");
  let mean = 0;
  for (let i = 0; i < d.n; i++) mean += d.m[i] / d.n;
  const grad = [0, 0, 0];
  const objective = (theta: readonly number[], g?: number[]): number => {
    if (!inBounds(theta)) return Infinity;
    const [p, q, gamma] = fromLog(theta);
    const ll = ggLL({ p, q, gamma }, d, g ? grad : undefined);
    if (g) [p, q, gamma].forEach((v, i) => (g[i] = (-v * grad[i]) / d.n));
    return -ll / d.n;
  };
  const res = minimise(objective, [0, Math.log(2), Math.log(mean)]);
  const [p, q, gamma] = fromLog(res.x);
  return { p, q, gamma, logLikelihood: -res.fx * d.n, converged: res.converged };
}

/**
 * E[Y(t) | x, t_x, T]: expected repeat orders in the next t weeks (Fader, Hardie & Lee 2005,
 * eq. 10). The paper's 2F1(r+x, b+x; a+b+x−1; z), z = t/(α+T+t), is taken through Euler's
 * transformation, (1−z)^(r+x)·2F1(r+x, b+x; c; z) = (1−z)^(a−1)·2F1(a+b−1−r, a−1; c; z), which
 * keeps its parameters small for accounts with many orders (no overflow, no cancellation).
 * At a = 1 exactly the formula is 0/0; a is moved by 1e-7 there (a relative error of that order).
 */
export function expectedOrders(
  params: BgNbdParams,
  t: number,
  frequency: number,
  recency: number,
  T: number
): number {
  checkBgNbd(params);
  checkSummary({ frequency, recency, T });
  if (!(Number.isFinite(t) && t >= 0))
    throw new RangeError(`The forecast period must be 0 weeks or more (got ${t}).`);
  if (t === 0) return 0;
  return forecastAt(forecastTerms(params, frequency, recency, T), t);
}

/** The parts of eq. 10 that do not depend on t, worked out once per account (no checks here). */
interface ForecastTerms {
  r: number;
  x: number;
  /** α + T */
  alphaT: number;
  /** a − 1 (a moved off 1, see expectedOrders) */
  aMinus1: number;
  /** the 2F1's first parameter, a + b − 1 − r, and its third, c = a + b + x − 1 */
  h1: number;
  c: number;
  /** c / (a − 1) */
  lead: number;
  /** 1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) for x > 0, else 1 */
  denominator: number;
}

function forecastTerms(
  params: BgNbdParams,
  frequency: number,
  recency: number,
  T: number
): ForecastTerms {
  const { r, alpha, b } = params;
  const a = Math.abs(params.a - 1) < 1e-7 ? 1 + 1e-7 : params.a;
  const x = frequency;
  const c = a + b + x - 1;
  return {
    r,
    x,
    alphaT: alpha + T,
    aMinus1: a - 1,
    h1: a + b - 1 - r,
    c,
    lead: c / (a - 1),
    denominator:
      x > 0
        ? 1 +
          (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + recency)))
        : 1,
  };
}

/** E[Y(t)] for t > 0 weeks from an account's terms (expectedOrders without its checks). */
function forecastAt(k: ForecastTerms, t: number): number {
  const oneMinusZ = k.alphaT / (k.alphaT + t);
  const z = t / (k.alphaT + t);
  const bracket = 1 - Math.pow(oneMinusZ, k.aMinus1) * hyp2f1(k.h1, k.aMinus1, k.c, z);
  const numerator = k.lead * bracket;
  const exact = numerator / k.denominator;
  if (Number.isFinite(exact)) return exact;
  // With a and b both large (a fit where dropping out after an order is all but impossible,
  // a/(a+b) → 0) the 2F1 series overflows: take the no-dropout limit, the Gamma–Poisson posterior
  // mean (r+x)·t/(α+T) of an account still alive, times P(alive) (1/denominator).
  return ((k.r + k.x) * t) / k.alphaT / k.denominator;
}

/**
 * Customer lifetime value over the horizon: Σ over months i = 1…H of (E[Y(i months)] −
 * E[Y(i−1 months)]) × E[M] / (1 + d)^(i/12) — each month's expected orders valued at the expected
 * order value, discounted to today from the month's end (as the lifetimes library's
 * `customer_lifetime_value`, with a yearly rate). A fractional horizon ends with a part-month.
 * With d = 0 and H = 12 it equals the expected 12-month revenue. Null when E[M] does not exist.
 */
export function customerLifetimeValue(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  s: FrequencyRecency & { meanValue: number | null },
  options: ClvOptions = {}
): number | null {
  const disc = discountsOf(clvOptions(options));
  const value = expectedOrderValue(gg, s.frequency, s.meanValue);
  if (value === null) return null;
  checkBgNbd(bg);
  checkSummary(s);
  return clvFrom(forecastTerms(bg, s.frequency, s.recency, s.T), value, disc);
}

/** Each month's end of the horizon, in weeks, with its discount factor (1 + d)^(month/12). */
interface Discounts {
  weeks: number[];
  factor: number[];
}

function discountsOf({ horizonMonths: horizon, discountRate: d }: Required<ClvOptions>): Discounts {
  const monthWeeks = NEXT_YEAR_DAYS / 12 / WEEK_DAYS;
  const out: Discounts = { weeks: [], factor: [] };
  for (let i = 1; i <= Math.ceil(horizon); i++) {
    const m = Math.min(i, horizon);
    out.weeks.push(m * monthWeeks);
    out.factor.push(Math.pow(1 + d, m / 12));
  }
  return out;
}

/** The CLV from an account's forecast terms and expected order value (null without one). */
function clvFrom(k: ForecastTerms, value: number | null, disc: Discounts): number | null {
  if (value === null) return null;
  let total = 0;
  let prev = 0;
  for (let i = 0; i < disc.weeks.length; i++) {
    const cum = forecastAt(k, disc.weeks[i]);
    total += (cum - prev) / disc.factor[i];
    prev = cum;
  }
  return total * value;
}

/** Both models fitted to one portfolio (one currency), with what the user needs to judge them. */
export interface LifetimeModel {
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  /** accounts in the BG/NBD fit (every account with an order on or before as-of) */
  accounts: number;
  /** accounts with x ≥ 1 */
  repeatBuyers: number;
  /** false under CLV_MIN_RELIABLE_ACCOUNTS accounts or CLV_MIN_RELIABLE_REPEAT_BUYERS repeat buyers, or when a fit did not converge */
  reliable: boolean;
  /** why the numbers are not reliable or not there; null when reliable */
  warning: string | null;
}

/**
 * Fits both models to the accounts' summaries. Never throws on thin data: the model says what is
 * missing, its figures in `culture`'s way ("1.234 accounts", "0,00053", "100 %" in de-DE; none: en-GB).
 */
export function fitLifetimeModel(
  summaries: readonly RepeatSummary[],
  culture?: string
): LifetimeModel {
  const accounts = summaries.length;
  const buyers = summaries.filter((s) => s.frequency > 0);
  const repeatBuyers = buyers.length;
  const notes: string[] = [];
  let bgnbd: BgNbdFit | null = null;
  let gammaGamma: GammaGammaFit | null = null;
  if (accounts === 0) notes.push("No account has an order on or before the as-of date.");
  else if (repeatBuyers === 0)
    notes.push(
      "No account has ordered again after its first order day, so P(alive) and expected orders cannot be estimated."
    );
  else {
    bgnbd = fitBgNbd(summaries);
    if (!bgnbd.converged) notes.push("The repeat-buying fit did not settle on a stable optimum.");
    const dropout = bgnbd.a / (bgnbd.a + bgnbd.b);
    if (findsNoDropout(bgnbd))
      notes.push(
        `The orders show almost no dropping out (fitted chance of leaving after an order ${decimalText(dropout.toPrecision(2), culture)}), so P(alive) stays near ${percentText(100, culture)} even for accounts that have stopped ordering: judge those by Recency and the win-back stage.`
      );
  }
  const spenders = buyers
    .filter((s) => s.meanValue !== null && s.meanValue > 0)
    .map((s) => ({ frequency: s.frequency, meanValue: s.meanValue! }));
  if (bgnbd && spenders.length >= 2) {
    gammaGamma = spendFitOrNull(spenders);
    if (!gammaGamma)
      notes.push(
        "The spend model could not be fitted to these order values: expected revenue and CLV cannot be estimated. Check the order lines for an amount typed wrong."
      );
    else if (!gammaGamma.converged) notes.push("The spend fit did not settle on a stable optimum.");
  } else if (bgnbd)
    notes.push(
      "Fewer than 2 accounts have repeat orders with a positive value, so expected revenue and CLV cannot be estimated."
    );
  if (
    accounts > 0 &&
    (accounts < CLV_MIN_RELIABLE_ACCOUNTS || repeatBuyers < CLV_MIN_RELIABLE_REPEAT_BUYERS)
  ) {
    notes.unshift(
      `Not reliable: ${wholeText(accounts, culture)} account${accounts === 1 ? "" : "s"} and ${wholeText(repeatBuyers, culture)} repeat buyer${repeatBuyers === 1 ? "" : "s"}; the lifetime-value models need about ${wholeText(CLV_MIN_RELIABLE_ACCOUNTS, culture)} accounts and ${wholeText(CLV_MIN_RELIABLE_REPEAT_BUYERS, culture)} repeat buyers.`
    );
  }
  return {
    bgnbd,
    gammaGamma,
    accounts,
    repeatBuyers,
    reliable: notes.length === 0,
    warning: notes.length ? notes.join(" ") : null,
  };
}

/**
 * The Gamma-Gamma fit, or null when these values cannot be fitted (an amount typed wrong, 1E+16,
 * overflows its likelihood): the health scores and P(alive) do not need it, so one bad cell must
 * not stop the analysis.
 */
function spendFitOrNull(spenders: readonly FrequencyValue[]): GammaGammaFit | null {
  try {
    return fitGammaGamma(spenders);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** One account's forward-looking figures. */
export interface LifetimeScore {
  frequency: number;
  /** weeks */
  recency: number;
  /** weeks */
  T: number;
  meanValue: number | null;
  /** null for one-order accounts ("one order only": the model gives 1 by construction) or without a fit */
  pAlive: number | null;
  /** expected orders in the next 365 days */
  expectedOrders12m: number | null;
  /** expected orders in the next 365 days × expected order value */
  expectedRevenue12m: number | null;
  /** CLV over the horizon, discounted */
  clv: number | null;
}

/** Scores one account with a fitted model; fields the model cannot give are null. */
export function scoreLifetime(
  model: LifetimeModel,
  s: RepeatSummary,
  options: ClvOptions = {}
): LifetimeScore {
  return scoreWith(model, s, () => discountsOf(clvOptions(options)));
}

/**
 * scoreLifetime with the horizon's months and discount factors worked out once (the portfolio
 * scores every account with the same options): the account's checks and its forecast's terms
 * are taken once for the 12-month orders and every month of the CLV.
 */
export function lifetimeScorer(
  model: LifetimeModel,
  options: ClvOptions = {}
): (s: RepeatSummary) => LifetimeScore {
  const disc = discountsOf(clvOptions(options));
  return (s) => scoreWith(model, s, () => disc);
}

function scoreWith(model: LifetimeModel, s: RepeatSummary, disc: () => Discounts): LifetimeScore {
  const bg = model.bgnbd;
  const gg = model.gammaGamma;
  let terms: ForecastTerms | null = null;
  if (bg) {
    checkBgNbd(bg);
    checkSummary(s);
    terms = forecastTerms(bg, s.frequency, s.recency, s.T);
  }
  const orders = terms ? forecastAt(terms, NEXT_YEAR_DAYS / WEEK_DAYS) : null;
  const value = gg ? expectedOrderValue(gg, s.frequency, s.meanValue) : null;
  return {
    frequency: s.frequency,
    recency: s.recency,
    T: s.T,
    meanValue: s.meanValue,
    pAlive: bg && s.frequency > 0 ? pAlive(bg, s.frequency, s.recency, s.T) : null,
    expectedOrders12m: orders,
    expectedRevenue12m: orders !== null && value !== null ? orders * value : null,
    clv: terms && gg ? clvFrom(terms, value, disc()) : null,
  };
}

/** One account's order history: purchase-order dates (serial days, in date order) and values. */
export interface OrderHistory {
  dates: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface HoldoutRow {
  /** calibration frequency: '0' … '6', or '7+' */
  frequency: string;
  accounts: number;
  /** mean expected and actual repeat orders per account in the holdout period */
  expected: number;
  actual: number;
}

export interface HoldoutCheck {
  calibrationEnd: Serial;
  holdoutEnd: Serial;
  holdoutWeeks: number;
  /** the model fitted on the orders up to calibrationEnd */
  model: LifetimeModel;
  /** accounts with an order on or before calibrationEnd */
  accounts: number;
  /** Σ E[Y(holdout weeks) | calibration summary] */
  expectedRepeatOrders: number;
  /** order days in (calibrationEnd, holdoutEnd] of those accounts */
  actualRepeatOrders: number;
  /** by calibration frequency, as Figure 4 of Fader, Hardie & Lee (2005) */
  byFrequency: HoldoutRow[];
}

/**
 * The calibration/holdout check: fit the models on the orders up to `calibrationEnd`, then compare
 * each account's expected repeat orders over (calibrationEnd, holdoutEnd] with the order days it
 * actually had there. Throws a RangeError when the holdout period is empty or the fit impossible.
 */
export function holdoutCheck(
  histories: readonly OrderHistory[],
  calibrationEnd: Serial,
  holdoutEnd: Serial
): HoldoutCheck {
  const cal = Math.floor(calibrationEnd);
  const end = Math.floor(holdoutEnd);
  if (!(end > cal))
    throw new RangeError("The holdout period must end after the calibration period.");
  const rows: { s: RepeatSummary; actual: number }[] = [];
  for (const h of histories) {
    const s = repeatSummary(h.dates, h.values, cal);
    if (!s) continue;
    let actual = 0;
    let last = NaN;
    for (let i = 0; i < h.dates.length; i++) {
      const d = Math.floor(h.dates[i]);
      if (d > cal && d <= end && d !== last) {
        actual++;
        last = d;
      }
    }
    rows.push({ s, actual });
  }
  const model = fitLifetimeModel(rows.map((r) => r.s));
  if (!model.bgnbd)
    throw new RangeError(
      model.warning ?? "The repeat-buying model cannot be fitted on the calibration period."
    );
  const weeks = (end - cal) / WEEK_DAYS;
  const buckets = new Map<string, { accounts: number; expected: number; actual: number }>();
  let expectedTotal = 0;
  let actualTotal = 0;
  for (const { s, actual } of rows) {
    const e = expectedOrders(model.bgnbd, weeks, s.frequency, s.recency, s.T);
    expectedTotal += e;
    actualTotal += actual;
    const key = s.frequency >= 7 ? "7+" : String(s.frequency);
    const b = buckets.get(key) ?? { accounts: 0, expected: 0, actual: 0 };
    b.accounts++;
    b.expected += e;
    b.actual += actual;
    buckets.set(key, b);
  }
  const byFrequency = ["0", "1", "2", "3", "4", "5", "6", "7+"]
    .filter((k) => buckets.has(k))
    .map((k) => {
      const b = buckets.get(k)!;
      return {
        frequency: k,
        accounts: b.accounts,
        expected: b.expected / b.accounts,
        actual: b.actual / b.accounts,
      };
    });
  return {
    calibrationEnd: cal,
    holdoutEnd: end,
    holdoutWeeks: weeks,
    model,
    accounts: rows.length,
    expectedRepeatOrders: expectedTotal,
    actualRepeatOrders: actualTotal,
    byFrequency,
  };
}
