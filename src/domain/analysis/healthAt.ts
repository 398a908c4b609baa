/** Health inputs and score of a subject at any date (as-of and the history month-ends). */
import { eomonth } from "../dates";
import {
  combineHealth,
  diversityScore,
  frequencyScore,
  type HealthResult,
  paymentScore,
  recencyScore,
  revenueScore,
  type Weights,
} from "../health";
import { percentChange, revenueChangeOf, roundHalfAwayFromZero } from "../numbers";
import { engagementFromLog } from "../engagement";
import { paymentDaysFromLedger, paymentFromLedger } from "../payment";
import type { AccountRecord, EngagementEntry, Invoice, Serial } from "../types";
import { upperBound } from "./book";
import {
  firstOrderOnOrBefore,
  lastOrderOnOrBefore,
  netStepsIn,
  orderCountIn,
  periodBack,
  type Subject,
  writtenMoney,
} from "./subject";
import type { Period } from "../dates";
import type { HealthInputs, HealthPoint } from "./types";

/** Engagement 1–5 from the account record, or null. */
export function engagementOf(rec: AccountRecord | undefined): number | null {
  const e = rec?.engagement;
  return e !== undefined && Number.isFinite(e) && e >= 1 && e <= 5 ? Math.round(e) : null;
}

export function daysBeyondTermsOf(rec: AccountRecord | undefined): number | null {
  const d = rec?.daysBeyondTerms;
  return d !== undefined && Number.isFinite(d) ? d : null;
}

/** Longest span of days (first window start to last date) that gets a day → window lookup table. */
const WINDOW_TABLE_DAYS = 20_000;

/** Scratch for diversityAt, reused across subjects: per (category, date) net sums and their tokens. */
export class DiversityScratch {
  sum: Float64Array;
  /** the SKUs bought (net positive) of each category in each window, counted where the category is bought */
  skus: Int32Array;
  stamp: Int32Array;
  token = 0;
  touched: number[] = [];
  /** one SKU's net changes by window (its entries added where their windows begin, taken off after they end) */
  diff: Float64Array;
  /** the last dates asked for and their window starts (the same dates for every subject of a portfolio) */
  private dates: Serial[] = [];
  private starts: Serial[] = [];
  /** for a day d in (starts[0], last date]: the first and last window holding it (first > last: none); empty when the span is too long */
  firstWindow = new Int32Array(0);
  lastWindow = new Int32Array(0);
  constructor(categories: number, dates: number) {
    const n = Math.max(1, categories * dates);
    this.sum = new Float64Array(n);
    this.skus = new Int32Array(n);
    this.stamp = new Int32Array(n);
    this.diff = new Float64Array(dates + 1);
  }
  /** periodBack(date, 12).start of each date, worked out once per list of dates (with the day → window table). */
  startsOf(dates: readonly Serial[]): readonly Serial[] {
    const known = this.dates;
    let same = known.length === dates.length;
    for (let j = 0; same && j < dates.length; j++) same = known[j] === dates[j];
    if (!same) {
      const starts = dates.map((d) => periodBack(d, 12).start);
      this.starts = starts;
      this.dates = dates.slice();
      if (this.diff.length < dates.length + 1) this.diff = new Float64Array(dates.length + 1);
      const D = dates.length;
      const span = D ? dates[D - 1] - starts[0] : 0;
      if (span > 0 && span <= WINDOW_TABLE_DAYS) {
        const first = new Int32Array(span);
        const last = new Int32Array(span);
        // day d sits at d − starts[0] − 1; windows are (starts[j], dates[j]], both ascending in j
        let lo = 0;
        let hi = -1;
        for (let k = 0; k < span; k++) {
          const d = starts[0] + 1 + k;
          while (lo < D && dates[lo] < d) lo++;
          while (hi + 1 < D && starts[hi + 1] < d) hi++;
          first[k] = lo;
          last[k] = hi;
        }
        this.firstWindow = first;
        this.lastWindow = last;
      } else {
        this.firstWindow = new Int32Array(0);
        this.lastWindow = new Int32Array(0);
      }
    }
    return this.starts;
  }
}

/** One subject's engagement log entries and ledger invoices (its own and its sites'; due dates already filled in from credit terms where missing). */
export interface SubjectLogs {
  engagement: readonly EngagementEntry[];
  invoices: readonly Invoice[];
}

/**
 * Engagement and Payment inputs at `date`, with their sources (RULES.md §2.1): the log or the
 * ledger wins when it can score; otherwise the accounts table's value; otherwise null (n/a).
 */
function logInputsInto(
  out: HealthInputs,
  date: Serial,
  rec: AccountRecord | undefined,
  logs: SubjectLogs | undefined,
  scoreOnly: boolean
): void {
  const typedEngagement = engagementOf(rec);
  const typedPayment = daysBeyondTermsOf(rec);
  const log = logs && logs.engagement.length ? engagementFromLog(logs.engagement, date) : null;
  const hasLedger = !!logs && logs.invoices.length > 0;
  // only the score read (a history point): the ledger's days, without its quarters and words
  const ledger = hasLedger && !scoreOnly ? paymentFromLedger(logs.invoices, date) : null;
  const ledgerDays = ledger
    ? ledger.days
    : hasLedger && scoreOnly
      ? paymentDaysFromLedger(logs.invoices, date)
      : null;
  out.engagementLog = log;
  out.engagementTyped = typedEngagement;
  out.daysBeyondTermsTyped = typedPayment;
  if (log && log.score !== null) {
    out.engagement = log.score;
    out.engagementSource = "engagement log";
  } else {
    out.engagement = typedEngagement;
    out.engagementSource = typedEngagement === null ? null : "accounts table";
  }
  out.paymentLedger = ledger;
  if (ledgerDays !== null) {
    out.daysBeyondTerms = ledgerDays;
    out.paymentSource = "payments ledger";
  } else {
    out.daysBeyondTerms = typedPayment;
    out.paymentSource = typedPayment === null ? null : "accounts table";
  }
}

/**
 * Categories and distinct products **bought** in (edate(date, −12), date] for each date: an
 * account bought a SKU or category in a window when its net amount there (purchases less
 * returns, exact in money steps) is positive (RULES.md §2), so a fully credited category is
 * not bought, and its SKUs are no products bought (gloves sold as GL-1 and credited as GL-2 leave
 * no glove bought: Diversity's "several products" counts those of the categories bought). Dates must be ascending (their window starts then are too). `categoryOfSku` maps
 * SKU id → category id; `scratch` holds categories × dates slots.
 */
export function diversityAt(
  s: Subject,
  dates: readonly Serial[],
  categoryOfSku: ArrayLike<number>,
  scratch: DiversityScratch
): { categories: number[]; products: number[]; skusBought: number[] } {
  const { f, u } = s;
  const D = dates.length;
  const categories = new Array<number>(D).fill(0);
  const products = new Array<number>(D).fill(0);
  // every SKU bought, whatever its category's net (a file without categories has one group)
  const skusBought = new Array<number>(D).fill(0);
  const starts = scratch.startsOf(dates);
  const token = ++scratch.token;
  const { sum, skus, stamp, touched, diff } = scratch;
  const w: WindowRange = { lo: D, hi: -1 };
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    const mate = f.pairMate[p];
    // a SKU with purchases and returns is netted once, from its purchase pair
    if (mate >= 0 && f.pairRet[p]) continue;
    w.lo = D;
    w.hi = -1;
    addWindowChanges(s, p, dates, starts, scratch, w);
    if (mate >= 0) addWindowChanges(s, mate, dates, starts, scratch, w);
    if (w.hi < 0) continue;
    const cat = categoryOfSku[f.pairSku[p]];
    const base = cat * D;
    if (stamp[base] !== token) {
      for (let j = 0; j < D; j++) {
        stamp[base + j] = token;
        sum[base + j] = 0;
        skus[base + j] = 0;
      }
      touched.push(cat);
    }
    // the SKU's net in each window it has entries in (whole money steps: exact, so it returns to 0 after)
    let v = 0;
    for (let j = w.lo; j <= w.hi; j++) {
      v += diff[j];
      diff[j] = 0;
      if (v === 0) continue;
      sum[base + j] += v;
      if (v > 0) {
        skus[base + j]++;
        skusBought[j]++;
      }
    }
    diff[w.hi + 1] = 0;
  }
  for (const cat of touched) {
    const base = cat * D;
    for (let j = 0; j < D; j++)
      if (sum[base + j] > 0) {
        categories[j]++;
        products[j] += skus[base + j];
      }
  }
  touched.length = 0;
  return { categories, products, skusBought };
}

/** The windows one SKU has entries in: lo … hi (none while hi < lo). */
interface WindowRange {
  lo: number;
  hi: number;
}

/**
 * Adds pair p's entries to scratch.diff as changes by window: an entry on day d is in the
 * windows (starts[j], dates[j]] from the first j with dates[j] ≥ d to the last with starts[j] <
 * d, so its amount is added at the first and taken off after the last. Widens `w` to them.
 */
function addWindowChanges(
  s: Subject,
  p: number,
  dates: readonly Serial[],
  starts: readonly Serial[],
  scratch: DiversityScratch,
  w: WindowRange
): void {
  const f = s.f;
  const b = f.entStart[p + 1];
  const entDate = f.entDate;
  const entRev = f.entRev;
  const D = dates.length;
  const from = starts[0];
  const to = dates[D - 1];
  // in whole money steps, so the window sums are exact (adding and taking off leave no residue)
  const scale = f.unitScale[s.u];
  const { diff, firstWindow, lastWindow } = scratch;
  const table = firstWindow.length > 0;
  for (let e = upperBound(entDate, f.entStart[p], b, from); e < b; e++) {
    const d = entDate[e];
    if (d > to) break;
    let lo: number;
    let hi: number;
    if (table) {
      lo = firstWindow[d - from - 1];
      hi = lastWindow[d - from - 1];
    } else {
      lo = 0;
      while (dates[lo] < d) lo++;
      hi = D - 1;
      while (starts[hi] >= d) hi--;
    }
    if (lo > hi) continue;
    const v = Math.round(entRev[e] * scale);
    diff[lo] += v;
    diff[hi + 1] -= v;
    if (lo < w.lo) w.lo = lo;
    if (hi > w.hi) w.hi = hi;
  }
}

/**
 * A subject's health inputs at slot j of its diversity counts: the engine's row at as-of and
 * KAP.METRICS / KAP.ACCOUNTHEALTH (accountInputs.ts) both come through here.
 */
export function inputsFrom(
  s: Subject,
  w: DateWindows,
  div: { categories: number[]; products: number[]; skusBought: number[] },
  j: number,
  rec: AccountRecord | undefined,
  hasCategories: boolean,
  logs?: SubjectLogs
): HealthInputs {
  return hasCategories
    ? healthInputsAt(s, w, div.categories[j], div.products[j], rec, logs)
    : healthInputsAt(s, w, null, div.skusBought[j], rec, logs);
}

/** The four windows every health input reads, for one date (computed once per date, not per account). */
export interface DateWindows {
  date: Serial;
  lastQuarter: Period;
  previousQuarter: Period;
  last12: Period;
  prior12: Period;
}

export function windowsAt(date: Serial): DateWindows {
  return {
    date,
    lastQuarter: periodBack(date, 3),
    previousQuarter: periodBack(date, 3, 3),
    last12: periodBack(date, 12),
    prior12: periodBack(date, 12, 12),
  };
}

export function healthInputsAt(
  s: Subject,
  w: DateWindows | Serial,
  categories: number | null,
  products: number,
  rec: AccountRecord | undefined,
  logs?: SubjectLogs
): HealthInputs {
  return healthInputsInto(emptyInputs(), s, w, categories, products, rec, logs);
}

const NO_CHANGE: HealthInputs["ordersChange"] = { kind: "none" };

/**
 * A HealthInputs with every field present, in the order healthInputsInto writes them (the order
 * they are shown and written out): one object shape from the start, its fields inside the
 * object, instead of an empty object grown field by field into a separate property store.
 */
export function emptyInputs(): HealthInputs {
  return {
    date: 0,
    firstOrderDate: null,
    lastOrderDate: null,
    daysSinceLastOrder: null,
    ordersLastQuarter: 0,
    ordersPreviousQuarter: 0,
    ordersChange: NO_CHANGE,
    revenueLast12: 0,
    revenuePrior12: 0,
    revenueChange: NO_CHANGE,
    categoriesLast12: null,
    productsLast12: null,
    engagementLog: null,
    engagementTyped: null,
    daysBeyondTermsTyped: null,
    engagement: null,
    engagementSource: null,
    paymentLedger: null,
    daysBeyondTerms: null,
    paymentSource: null,
  };
}

/** healthInputsAt written into `out` (the history points reuse one object: only their score is kept). */
/** `categories` null: the data has no categories (no category column, no catalog), so Diversity is n/a. */
export function healthInputsInto(
  out: HealthInputs,
  s: Subject,
  w: DateWindows | Serial,
  categories: number | null,
  products: number | null,
  rec: AccountRecord | undefined,
  logs?: SubjectLogs,
  /** true: only the score will be read (a history point): the ledger's details are left out (paymentLedger null) */
  scoreOnly = false
): HealthInputs {
  const win = typeof w === "number" ? windowsAt(w) : w;
  const date = win.date;
  return inputsInto(
    out,
    win,
    firstOrderOnOrBefore(s, date),
    lastOrderOnOrBefore(s, date),
    orderCountIn(s, win.lastQuarter),
    orderCountIn(s, win.previousQuarter),
    netStepsIn(s, win.last12),
    netStepsIn(s, win.prior12),
    s.f.unitScale[s.u],
    s.f.unitMinor[s.u],
    categories,
    products,
    rec,
    logs,
    scoreOnly
  );
}

/**
 * healthInputsInto at date j of the history (as-of the last): the order figures read from
 * `edges`, loaded for this subject (WindowEdges.load) — the same figures, without a binary
 * search per window. `scoreOnly` as for healthInputsInto.
 */
export function historyInputsInto(
  out: HealthInputs,
  s: Subject,
  edges: WindowEdges,
  j: number,
  categories: number | null,
  products: number | null,
  rec: AccountRecord | undefined,
  logs: SubjectLogs | undefined,
  scoreOnly: boolean
): HealthInputs {
  const win = edges.windows[j];
  const { f, u } = s;
  const { at, ord, ret } = edges;
  const k = j * 9;
  // positions in the unit's orders and returns of the first record after each edge
  const oDate = ord[at[k]];
  const oQ1s = ord[at[k + 1]];
  const oQ1e = ord[at[k + 2]];
  const oQ0s = ord[at[k + 3]];
  const oQ0e = ord[at[k + 4]];
  const o12s = ord[at[k + 5]];
  const o12e = ord[at[k + 6]];
  const o24s = ord[at[k + 7]];
  const o24e = ord[at[k + 8]];
  const a = f.ordStart[u];
  const { ordPrefix, retPrefix } = f;
  // as netStepsIn: orders' sum + returns' sum, in steps
  const r1 =
    ordPrefix[o12e + u] -
    ordPrefix[o12s + u] +
    (retPrefix[ret[at[k + 6]] + u] - retPrefix[ret[at[k + 5]] + u]);
  const r0 =
    ordPrefix[o24e + u] -
    ordPrefix[o24s + u] +
    (retPrefix[ret[at[k + 8]] + u] - retPrefix[ret[at[k + 7]] + u]);
  return inputsInto(
    out,
    win,
    firstOrderOnOrBefore(s, win.date),
    oDate > a ? f.ordDate[oDate - 1] : null,
    oQ1e - oQ1s,
    oQ0e - oQ0s,
    r1,
    r0,
    f.unitScale[u],
    f.unitMinor[u],
    categories,
    products,
    rec,
    logs,
    scoreOnly
  );
}

/** The inputs from a date's order figures (one place for both ways of reading them). */
function inputsInto(
  out: HealthInputs,
  win: DateWindows,
  first: Serial | null,
  last: Serial | null,
  oq1: number,
  oq0: number,
  /** net revenue of the last and prior 12 months, in steps */
  r1: number,
  r0: number,
  /** money steps per currency unit and per minor unit */
  scale: number,
  minor: number,
  categories: number | null,
  products: number | null,
  rec: AccountRecord | undefined,
  logs: SubjectLogs | undefined,
  scoreOnly: boolean
): HealthInputs {
  const date = win.date;
  out.date = date;
  out.firstOrderDate = first;
  out.lastOrderDate = last;
  out.daysSinceLastOrder = last === null ? null : date - last;
  out.ordersLastQuarter = oq1;
  out.ordersPreviousQuarter = oq0;
  out.ordersChange = percentChange(oq0, oq1, first !== null && first > win.lastQuarter.start);
  out.revenueLast12 = writtenMoney(r1, scale, minor);
  out.revenuePrior12 = writtenMoney(r0, scale, minor);
  // from the written figures in whole minor units (pence): the % change a user works out from
  // the two figures shown, rounded exactly
  out.revenueChange = revenueChangeOf(
    roundHalfAwayFromZero(r0 / minor),
    roundHalfAwayFromZero(r1 / minor),
    first !== null && first > win.last12.start
  );
  out.categoriesLast12 = categories;
  out.productsLast12 = products;
  logInputsInto(out, date, rec, logs, scoreOnly);
  return out;
}

/**
 * The edges of the health windows of a list of dates (each date, and the starts and ends of its
 * last and previous quarter and last and prior 12 months), distinct and ascending, worked out
 * once per portfolio; then, per subject (`load`), the position in its orders and in its returns
 * of the first record after each edge — what upperBound gives, found in one walk of the records
 * rather than a binary search per window and date.
 */
export class WindowEdges {
  readonly windows: readonly DateWindows[];
  readonly edges: Int32Array;
  /** per date j, at[9j … 9j+8]: the edge index of the date, then start and end of lastQuarter, previousQuarter, last12, prior12 */
  readonly at: Int32Array;
  /** per edge, for the loaded subject: upperBound over its orders, and over its returns */
  readonly ord: Int32Array;
  readonly ret: Int32Array;
  constructor(windows: readonly DateWindows[]) {
    this.windows = windows;
    const values: number[] = [];
    for (const w of windows)
      values.push(
        w.date,
        w.lastQuarter.start,
        w.lastQuarter.end,
        w.previousQuarter.start,
        w.previousQuarter.end,
        w.last12.start,
        w.last12.end,
        w.prior12.start,
        w.prior12.end
      );
    const distinct = [...new Set(values)].sort((x, y) => x - y);
    this.edges = Int32Array.from(distinct);
    const index = new Map(distinct.map((v, i) => [v, i]));
    this.at = Int32Array.from(values, (v) => index.get(v)!);
    this.ord = new Int32Array(distinct.length);
    this.ret = new Int32Array(distinct.length);
  }

  /** Positions for subject s (see the class comment). */
  load(s: Subject): void {
    const { f, u } = s;
    walk(this.edges, f.ordDate, f.ordStart[u], f.ordStart[u + 1], this.ord);
    walk(this.edges, f.retDate, f.retStart[u], f.retStart[u + 1], this.ret);
  }
}

/** out[k] = upperBound(dates, a, b, edges[k]) for ascending edges (dates[a, b) ascending). */
function walk(edges: Int32Array, dates: Int32Array, a: number, b: number, out: Int32Array): void {
  if (edges.length === 0) return;
  let i = upperBound(dates, a, b, edges[0]);
  out[0] = i;
  for (let k = 1; k < edges.length; k++) {
    const e = edges[k];
    while (i < b && dates[i] <= e) i++;
    out[k] = i;
  }
}

/** Factor scores in FACTORS order (null = n/a), written into `out` (no allocation). */
export function factorScoresInto(i: HealthInputs, out: (number | null)[]): (number | null)[] {
  out[0] = recencyScore(i.daysSinceLastOrder);
  out[1] = frequencyScore(i.ordersChange);
  out[2] = revenueScore(i.revenueChange);
  out[3] =
    i.categoriesLast12 === null
      ? null
      : diversityScore(i.categoriesLast12, i.productsLast12 ?? undefined);
  out[4] = i.engagement;
  out[5] = i.daysBeyondTerms === null ? null : paymentScore(i.daysBeyondTerms);
  return out;
}

/** The history dates: eomonth(asOf, −k) for k = 12 … 1 (oldest first), then as-of. */
export function historyDates(asOf: Serial): Serial[] {
  const out: Serial[] = [];
  for (let k = 12; k >= 1; k--) out.push(eomonth(asOf, -k));
  out.push(asOf);
  return out;
}

export function trendOf(history: readonly HealthPoint[]): "up" | "down" | "flat" | null {
  if (history.length < 2) return null;
  const now = history[history.length - 1].score;
  const prev = history[history.length - 2].score;
  if (now === null || prev === null) return null;
  return now > prev ? "up" : now < prev ? "down" : "flat";
}

/** The full health result (factors, used, effective weights) for one set of inputs. */
export function scoreInputs(i: HealthInputs, weights: Weights): HealthResult {
  const f = factorScoresInto(i, [null, null, null, null, null, null]);
  return combineHealth(
    {
      recency: f[0],
      frequency: f[1],
      revenue: f[2],
      diversity: f[3],
      engagement: f[4],
      payment: f[5],
    },
    weights
  );
}
