/**
 * qbrData: the figures of a QBR workbook for one account and one fiscal quarter (RULES.md §2.9).
 *
 * One truth per workbook: every figure is either the quarter's or "the 12 months to `figuresTo`",
 * and each is computed once here, so the cover, the partnership summary, the insights and the
 * e-mail repeat the same numbers.
 *
 * Decisions:
 * - Quarter figures use the fiscal quarter; "12 months" figures run to the quarter's last day, or
 *   to the portfolio's as-of when the quarter is still running (`figuresTo`). A running quarter
 *   is compared to date: the previous quarter and the same quarter last year run to the same
 *   point of theirs (QuarterFigures.to), not whole quarters against part of one. The comparison with
 *   similar accounts uses the same 12 months for the account and for its peers.
 * - Order value = purchase orders; returns are reported on their own (count and value).
 * - Savings against list price: Σ (list price × quantity) − revenue over the lines of the last
 *   12 months that carry a list price, returns included (a return gives back the saving on what it
 *   returns); the share of the net spend that had one is given with it.
 * - Auto-replenishment candidates: the account detail's (every product bought in the 12 months to
 *   the as-of with a regular reorder period, reorderRegularity), so they agree with the
 *   Breakdown's top-products table; forward-looking, so they use the order history to the as-of.
 * - Comparison with similar accounts: the account's comparable group (as chosen for whitespace);
 *   orders, net revenue and categories bought in the 12 months to `figuresTo`, for the account and
 *   the medians of the others.
 * - Recommendations: the High and Medium opportunities of the account's ranked list
 *   (./opportunities.ts), in its order, at most QBR_RECOMMENDATIONS.max: the same list as the
 *   Breakdown, Cross-sell and the account plan.
 * - A lost account (marked lost in the Accounts table, win-back Stage 5): its QBR is an exit and
 *   win-back conversation, so its "12 months" figures are the 12 whole months to the month of its
 *   last order (`figuresTo`; the relationship as it was), with what it bought then (`lookBack`),
 *   not a quarter, and months, without orders. Its ranked list is empty (opportunitiesWithheld).
 */
import { relationshipStart } from "./relationshipStart";
import { edate, eomonth, MONTH_SHORT, monthKey, monthKeyToYm } from "../dates";
import { type Change, median, revenueChangeOf, roundHalfAwayFromZero } from "../numbers";
import {
  DISCOUNT_TIERS,
  type Factor,
  FACTOR_LABELS,
  FACTORS,
  QBR_RECOMMENDATIONS,
  QBR_TOP_PRODUCTS,
} from "../rules";
import { roundMoney } from "../currency";
import { isMarkedLost } from "../winback";
import { factorSource } from "./basis";
import type { Serial, Tier } from "../types";
import { accountRowIndex, analyzeAccount } from "./account";
import {
  type FiscalQuarter,
  fiscalQuarterSpan,
  type FiscalQuarterSpan,
  shiftQuarter,
} from "./fiscal";
import type { PortfolioModel } from "./portfolio";
import { addTo } from "./aggregates";
import { diversityAt, DiversityScratch } from "./healthAt";
import { recommended, type Opportunity } from "./opportunities";
import {
  moneyOf,
  netRevenueIn,
  netStepsIn,
  ordersIn,
  periodBack,
  returnsIn,
  stepsOf,
  type Subject,
} from "./subject";
import type {
  AccountDetail,
  AnalysisContext,
  CompetitorDisplacement,
  FactorSource,
  HealthInputs,
  ReplenishmentCandidate,
  WinBack,
} from "./types";
import type { InitiativeProgress } from "./initiatives";
import type { Period } from "../dates";

export interface QuarterFigures {
  span: FiscalQuarterSpan;
  /**
   * The last day the figures cover: the quarter's last day, or, while the reviewed quarter is
   * still running, the as-of date and the same point of the quarters it is compared with
   */
  to: Serial;
  orders: number;
  orderValue: number;
  returns: number;
  returnValue: number;
  netRevenue: number;
  distinctProducts: number;
  /**
   * The data's first order date (any account) when it falls after the quarter's first month: the
   * export starts inside the quarter, a month or more of it missing, and its labels say so
   * ("FY2025 Q3 (data from 15/08/2025)") beside figures and changes that cover only that part;
   * else null. (A first order in the quarter's first month is taken as the export's start.)
   */
  dataStartDate: Serial | null;
}

export interface QuarterComparison {
  current: QuarterFigures;
  previous: QuarterFigures;
  sameQuarterLastYear: QuarterFigures;
  /**
   * % change of current against previous / last year: null when the base is 0 or below, or when either
   * quarter is one the data only partly covers (QuarterFigures.dataStartDate): six weeks against
   * thirteen is no like-for-like change, so none is given (the labels say where the data starts).
   */
  ordersVsPrevious: number | null;
  ordersVsLastYear: number | null;
  valueVsPrevious: number | null;
  valueVsLastYear: number | null;
  /** the same on spend after returns (netRevenue), the figure the cover and the e-mail quote */
  netVsPrevious: number | null;
  netVsLastYear: number | null;
  productsVsPrevious: number | null;
  productsVsLastYear: number | null;
}

export interface QbrProduct {
  rank: number;
  sku: string;
  name: string;
  units: number;
  revenue: number;
}

export interface QbrData {
  accountId: string;
  name: string;
  currency: string;
  /**
   * The other currencies this account buys in, each analysed apart with its own QBR (money in
   * different currencies is never added): the workbook says its figures are `currency`'s only
   */
  otherCurrencies: string[];
  quarter: FiscalQuarterSpan;
  /**
   * Set when no quarter was chosen and the default, the last complete quarter (`quarter` here),
   * ends before the data's first order (`firstOrder`): the QBR reviews the running quarter to date
   * instead (fiscal defaultQbrQuarter), and says so
   */
  passedOver?: { quarter: FiscalQuarterSpan; firstOrder: Serial } | null;
  /**
   * the date the 12-month figures run to: the quarter's last day, or the as-of while it runs; for
   * a lost account, the last day of the month of its last order (`lookBack`)
   */
  figuresTo: Serial;
  /**
   * An account the Accounts table marks lost (win-back Stage 5), with an order on or before the
   * as-of: its QBR is a win-back conversation that looks back on the relationship as it was, the
   * 12 months to `figuresTo` (the month of its last order), in place of a quarter it did not order
   * in: those 12 months' orders, returns and products, what it bought most and its categories.
   * Null for any other account.
   */
  lookBack:
    | (PeriodFigures &
        Pick<QbrData, "topProducts" | "categorySplit"> & {
          /** its last order (on or before the as-of) */
          lastOrder: Serial;
        })
    | null;
  /**
   * The data's first order date (any account) when it falls after the first month of the 12 months
   * to `figuresTo` (the same rule as QuarterFigures.dataStartDate): the 12-month figures cover only
   * the part from there, and say so; else null
   */
  twelveMonthsDataStartDate: Serial | null;
  /** the portfolio's as-of: the health score, the recommendations and the replenishment candidates are at this date */
  asOf: Serial;
  customerSince: Serial | null;
  customerSinceSource: "accounts table" | "first order" | null;
  tier: Tier | null;
  primaryContact: { name: string | null; email: string | null; phone: string | null };
  accountManager: string | null;
  ordersLast12: number;
  spendLast12: number;
  /** spend after returns of the 12 months before the 12 months to `figuresTo` */
  spendPrior12: number;
  /**
   * spendLast12 against spendPrior12, worked out as the health score's revenue change (whole minor
   * units; a period netting at or below zero has no revenue), so a 12-month amount and its % come
   * from one pair of periods. The health score's own revenue change is of the 12 months to `asOf`,
   * a different pair when the quarter ended before it. As the health score's, it is given when the
   * data starts inside the earlier 12 months too (`prior12DataStartDate` says so).
   */
  spendChange12: Change;
  /** the data's first order date when it falls after the first month of the 12 months before those to `figuresTo` (as twelveMonthsDataStartDate); else null */
  prior12DataStartDate: Serial | null;
  /** null when no list-priced goods were kept in the 12 months (none bought, or all returned) */
  savings: {
    listValue: number;
    paid: number;
    savings: number;
    shareOfSpendWithListPrice: number;
  } | null;
  /** whether any order line of the portfolio carries a list price (else `savings` cannot be worked out at all) */
  listPricesInData: boolean;
  glance: QuarterComparison;
  topProducts: QbrProduct[];
  /** from the account detail, order history to `asOf` */
  replenishment: ReplenishmentCandidate[];
  /** all in the 12 months to `figuresTo` */
  similarAccounts: {
    basis: string;
    accounts: number;
    medianRevenueLast12: number | null;
    medianOrdersLast12: number | null;
    medianCategoriesLast12: number | null;
    accountRevenueLast12: number;
    accountOrdersLast12: number;
    accountCategoriesLast12: number;
    /**
     * the account's first order, when it falls inside these 12 months (a new customer): its figures
     * cover only `days` of them (first order to figuresTo, both counted), not comparable with the
     * similar accounts' whole year; null otherwise
     */
    shortHistory: { since: Serial; days: number } | null;
  };
  /** High and Medium opportunities of the account's ranked list, in its order (3–5 when the data has them) */
  recommendations: Opportunity[];
  /** the 12 calendar months ending with the quarter's last month, or with the month of `figuresTo` while the quarter runs */
  monthlyRevenue: { month: string; monthKey: number; revenue: number }[];
  /**
   * net revenue by category in the quarter, categories netting to exactly 0 left out (sums to
   * glance.current.netRevenue less service lines); share of the categories bought (net positive),
   * null for one netting below 0 (returned beyond what the quarter bought)
   */
  categorySplit: { category: string; revenue: number; share: number | null }[];
  offers: { label: string; min: number; rate: number }[];
  /** The health score at the as-of with each factor's score and source; `inputs` for its basis in words (basis.ts factorBasis). */
  health: {
    score: number | null;
    band: string | null;
    inputs: HealthInputs;
    factors: { factor: Factor; label: string; score: number | null; source: FactorSource | null }[];
    /** the reason given with a band set by hand in the Accounts table (then `band` is that band), else null */
    overrideReason: string | null;
  };
  /** the account's rows of the user's Initiatives table, tracked at the portfolio's as-of date */
  initiatives: InitiativeProgress[];
  /** categories probably bought elsewhere (for the competitive-intelligence block) */
  competitorDisplacement: CompetitorDisplacement[];
  winBack: WinBack | null;
  /**
   * The account plan's risk factors in its own words (AccountPlan.risks: the risk flags, then the
   * Critical and Warning alerts, at the as-of): what a declining account's QBR names as likely causes
   */
  planRisks: string[];
}

/**
 * % change from a base above 0 only: a quarter of credit notes alone (−£100) is no base, and
 * against its absolute value £200 read +300% (PRODUCT.md §2: zero or below is no revenue).
 */
const change = (base: number, now: number): number | null =>
  // and a quarter netting below 0 had no revenue: −100%, never −138% (£92.66 → −£35.28)
  base > 0 ? ((Math.max(now, 0) - base) / base) * 100 : null;

/** % change of a figure from quarter `base` to `now`; null where either is only partly covered. */
function quarterChange(
  base: QuarterFigures,
  now: QuarterFigures,
  figure: (f: QuarterFigures) => number
): number | null {
  if (base.dataStartDate !== null || now.dataStartDate !== null) return null;
  return change(figure(base), figure(now));
}

/** Orders, returns, spend after returns and products bought in period p (a quarter's, or a look-back's 12 months). */
export type PeriodFigures = Pick<
  QuarterFigures,
  "orders" | "orderValue" | "returns" | "returnValue" | "netRevenue" | "distinctProducts"
>;

function periodFigures(s: Subject, p: Period, currency: string): PeriodFigures {
  const o = ordersIn(s, p);
  const r = returnsIn(s, p);
  const { f, u } = s;
  // distinct products bought (net positive: purchases less returns) in the period
  let products = 0;
  for (let q = f.pairStart[u]; q < f.pairStart[u + 1]; q++) {
    if (f.pairRet[q]) continue;
    const mate = f.pairMate[q];
    if (netIn(s, q, p) + (mate >= 0 ? netIn(s, mate, p) : 0) > 0) products++;
  }
  return {
    orders: o.count,
    orderValue: o.value,
    returns: r.count,
    returnValue: r.value,
    netRevenue: roundMoney(o.value + r.value, currency),
    distinctProducts: products,
  };
}

function quarterFigures(
  s: Subject,
  span: FiscalQuarterSpan,
  upTo: Serial,
  currency: string,
  firstDataDate: Serial | null
): QuarterFigures {
  const p: Period = { start: span.period.start, end: Math.min(span.period.end, upTo) };
  return {
    span,
    to: p.end,
    ...periodFigures(s, p, currency),
    dataStartDate:
      firstDataDate !== null && firstDataDate > eomonth(span.firstDay, 0) ? firstDataDate : null,
  };
}

/** The first order or return date in the whole data (every account), or null for none. */
function firstDateOf(f: PortfolioModel["internal"]["f"]): Serial | null {
  let first = Infinity;
  for (let u = 0; u < f.unitCount; u++) {
    if (f.ordStart[u] < f.ordStart[u + 1]) first = Math.min(first, f.ordDate[f.ordStart[u]]);
    if (f.retStart[u] < f.retStart[u + 1]) first = Math.min(first, f.retDate[f.retStart[u]]);
  }
  return Number.isFinite(first) ? first : null;
}

/** Net of pair q's entries in (p.start, p.end], in whole money steps (exact). */
function netIn(s: Subject, q: number, p: Period): number {
  const f = s.f;
  let t = 0;
  for (let e = f.entStart[q]; e < f.entStart[q + 1]; e++)
    if (f.entDate[e] > p.start && f.entDate[e] <= p.end) t += stepsOf(s, f.entRev[e]);
  return t;
}

/**
 * The top products (QBR_TOP_PRODUCTS, most revenue first) and the spend by category of the
 * account's lines in period p: a quarter's, or a lost account's look-back 12 months.
 */
function boughtIn(
  s: Subject,
  book: PortfolioModel["internal"]["book"],
  p: Period
): Pick<QbrData, "topProducts" | "categorySplit"> {
  const { f, u } = s;
  const qRev = new Map<number, number>();
  const qQty = new Map<number, number>();
  const qCat = new Map<number, number>();
  for (let q = f.pairStart[u]; q < f.pairStart[u + 1]; q++) {
    for (let e = f.entStart[q]; e < f.entStart[q + 1]; e++) {
      const d = f.entDate[e];
      if (d <= p.start || d > p.end) continue;
      const v = stepsOf(s, f.entRev[e]);
      addTo(qRev, f.pairSku[q], v);
      addTo(qQty, f.pairSku[q], f.entQty[e]);
      addTo(qCat, book.skuCategory[f.pairSku[q]], v);
    }
  }
  // summed in whole money steps (exact), and the categories' shares taken over them, so no
  // other account's lines can change a share's last digit; currency units from here
  // shares are of the categories bought (net positive), as the Purchase Breakdown's: a category
  // returned beyond what the period bought has none (it made 90% + 35% − 25% of the total)
  let qTotalSteps = 0;
  for (const v of qCat.values()) if (v > 0) qTotalSteps += v;
  const qCatSteps = new Map(qCat);
  for (const m of [qRev, qCat]) for (const [k, v] of m) m.set(k, moneyOf(s, v));
  const skuName = (k: number): string => book.skuNames[k] ?? book.skus[k];
  // bought = net positive in the period (RULES.md §2): a product returned there more than it was
  // bought there is no top product (and is not counted in the period's Products)
  const topProducts = [...qRev]
    .filter(([, revenue]) => revenue > 0)
    .sort((a, b) => b[1] - a[1] || (book.skus[a[0]] < book.skus[b[0]] ? -1 : 1))
    .slice(0, QBR_TOP_PRODUCTS)
    .map(([k, revenue], i) => ({
      rank: i + 1,
      sku: book.skus[k],
      name: skuName(k),
      units: qQty.get(k) ?? 0,
      revenue,
    }));
  // a category credited in full in the period (net exactly 0) was not bought there (RULES.md §2)
  // and adds nothing to the total: no "£0" line; one returned beyond what the period bought
  // stays, negative, so the lines still add up to the period's net revenue
  const categorySplit = [...qCat]
    .filter(([, revenue]) => revenue !== 0)
    .map(([c, revenue]) => ({
      category: book.categories[c],
      revenue,
      share: revenue > 0 && qTotalSteps ? qCatSteps.get(c)! / qTotalSteps : null,
    }))
    .sort((a, b) => b.revenue - a.revenue || (a.category < b.category ? -1 : 1));
  return { topProducts, categorySplit };
}

export function qbrData(
  model: PortfolioModel,
  accountId: string,
  quarter: FiscalQuarter,
  ctx: Partial<AnalysisContext> = {},
  currency?: string,
  /** the account's detail when the caller has it (the engine caches one per account); else computed */
  detailGiven?: AccountDetail
): QbrData {
  const { analysis: portfolio, internal } = model;
  const book = internal.book;
  const startMonth = ctx.fiscalYearStartMonth ?? internal.ctx.fiscalYearStartMonth ?? 1;
  const idx = accountRowIndex(portfolio, accountId, currency);
  const account = portfolio.accounts[idx];
  const state = internal.states[idx];
  const s = state.s;
  const rec = state.rec;
  const span = fiscalQuarterSpan(quarter, startMonth);
  const upTo = Math.min(span.lastDay, portfolio.asOf);
  const ccy = account.currency;
  const cash = (v: number) => roundMoney(v, ccy);
  const firstDataDate = firstDateOf(internal.f);
  const cur = quarterFigures(s, span, upTo, ccy, firstDataDate);
  // A quarter still running at the as-of is compared to date: the quarters before it run to the
  // same point of theirs (calendar months back, as EDATE; a month's end to that month's end).
  const sameTo = (months: number): Serial =>
    upTo >= span.lastDay
      ? upTo
      : eomonth(upTo, 0) === upTo
        ? eomonth(upTo, -months)
        : edate(upTo, -months);
  const prev = quarterFigures(
    s,
    fiscalQuarterSpan(shiftQuarter(quarter, -1), startMonth),
    sameTo(3),
    ccy,
    firstDataDate
  );
  const ly = quarterFigures(
    s,
    fiscalQuarterSpan(shiftQuarter(quarter, -4), startMonth),
    sameTo(12),
    ccy,
    firstDataDate
  );

  // A lost account's QBR is a win-back conversation, not a quarter's review: it looks back on the
  // relationship as it was, the 12 whole months to the month of its last order, so its pages are
  // not the zeros of a quarter (and months) without orders. Every "12 months" figure runs to there.
  const lost = isMarkedLost(account.winBack);
  const lastOrder = account.health.inputs.lastOrderDate;
  const lookBackTo =
    lost && lastOrder !== null ? Math.min(eomonth(lastOrder, 0), portfolio.asOf) : null;
  const twelveTo = lookBackTo ?? upTo;
  const y1 = periodBack(twelveTo, 12);
  const o12 = ordersIn(s, y1);
  const r12 = returnsIn(s, y1);
  let listValue = 0;
  let paid = 0;
  // (no list prices in the data: ordList is empty)
  if (s.f.ordList.length) {
    for (let i = o12.from; i < o12.to; i++) {
      listValue += stepsOf(s, s.f.ordList[i]);
      paid += stepsOf(s, s.f.ordListCovered[i]);
    }
    // a return gives back the saving on what it returns: only the goods kept saved anything
    for (let i = r12.from; i < r12.to; i++) {
      listValue += stepsOf(s, s.f.retList[i]);
      paid += stepsOf(s, s.f.retListCovered[i]);
    }
  }
  listValue = moneyOf(s, listValue);
  paid = moneyOf(s, paid);
  const spend = cash(o12.value + r12.value);
  // the 12 months before those: the pair of periods the 12-month change is of
  const y0 = periodBack(twelveTo, 12, 12);
  const minor = s.f.unitMinor[s.u];
  const firstOwn =
    s.f.ordStart[s.u] < s.f.ordStart[s.u + 1] ? s.f.ordDate[s.f.ordStart[s.u]] : null;
  const spendChange12 = revenueChangeOf(
    roundHalfAwayFromZero(netStepsIn(s, y0) / minor),
    roundHalfAwayFromZero(netStepsIn(s, y1) / minor),
    firstOwn !== null && firstOwn > y1.start
  );

  const { topProducts, categorySplit } = boughtIn(s, book, { start: span.period.start, end: upTo });

  // Comparison with similar accounts: the same 12 months for the account and its peers.
  const g = state.group;
  const peers = g ? g.members.filter((i) => i !== idx) : [];
  const catOfSku = Int32Array.from(book.skuCategory);
  const scratch = new DiversityScratch(book.categories.length, 1);
  const twelve = (x: Subject) => ({
    orders: ordersIn(x, y1).count,
    revenue: netRevenueIn(x, y1),
    categories: diversityAt(x, [twelveTo], catOfSku, scratch).categories[0],
  });
  const own12 = twelve(s);
  const peer12 = peers.map((i) => twelve(internal.states[i].s));
  // accounts are compared only with accounts in the same currency: with several, the basis says which
  const several = portfolio.currencies.length > 1;
  const allOf = several ? `All ${ccy} accounts` : "All accounts";
  const similarAccounts = {
    basis:
      g && g.basis !== "all"
        ? `${g.basis === "industry" ? "Industry" : "Tier"}: ${g.basisValue}${several ? ` (${ccy} accounts)` : ""}`
        : allOf,
    accounts: peers.length,
    medianRevenueLast12: peer12.length ? cash(median(peer12.map((x) => x.revenue))!) : null,
    medianOrdersLast12: median(peer12.map((x) => x.orders)) ?? null,
    medianCategoriesLast12: median(peer12.map((x) => x.categories)) ?? null,
    accountRevenueLast12: own12.revenue,
    accountOrdersLast12: own12.orders,
    accountCategoriesLast12: own12.categories,
    shortHistory:
      firstOwn !== null && firstOwn > y1.start && firstOwn <= twelveTo
        ? { since: firstOwn, days: twelveTo - firstOwn + 1 }
        : null,
  };

  // Recommendations and replenishment come from the account's detail (one ranked list per account).
  const detail = detailGiven ?? analyzeAccount(model, accountId, ctx, account.currency);
  // a lost account's QBR is a win-back conversation, as its plan: its ranked list is empty
  // (opportunitiesWithheld), so nothing new is sold it here either
  const recommendations = recommended(detail.opportunities, QBR_RECOMMENDATIONS.max);

  // Monthly revenue: the 12 calendar months ending with the quarter's last month, or with the
  // as-of date's month while the quarter runs (no months still to come, shown as £0); a lost
  // account's, with the month of its last order.
  const { f, u } = s;
  const monthsTo = eomonth(twelveTo, 0);
  const lastKey = monthKey(monthsTo);
  const byMonth = new Map<number, number>();
  const from = periodBack(monthsTo, 12);
  for (let i = f.ordStart[u]; i < f.ordStart[u + 1]; i++)
    if (f.ordDate[i] > from.start && f.ordDate[i] <= twelveTo)
      addTo(byMonth, monthKey(f.ordDate[i]), stepsOf(s, f.ordVal[i]));
  for (let i = f.retStart[u]; i < f.retStart[u + 1]; i++)
    if (f.retDate[i] > from.start && f.retDate[i] <= twelveTo)
      addTo(byMonth, monthKey(f.retDate[i]), stepsOf(s, f.retVal[i]));
  for (const [k, v] of byMonth) byMonth.set(k, moneyOf(s, v));
  const monthlyRevenue = [];
  for (let k = lastKey - 11; k <= lastKey; k++) {
    const { y, m } = monthKeyToYm(k);
    monthlyRevenue.push({
      month: `${MONTH_SHORT[m - 1]} ${y}`,
      monthKey: k,
      revenue: byMonth.get(k) ?? 0,
    });
  }

  const firstOrder = f.ordStart[u] < f.ordStart[u + 1] ? f.ordDate[f.ordStart[u]] : null;
  const start = relationshipStart(
    account.accountId,
    internal.records,
    internal.childrenOf,
    firstOrder
  );
  return {
    accountId: account.accountId,
    name: account.name,
    currency: account.currency,
    otherCurrencies: [
      ...new Set(
        portfolio.accounts
          .filter((a) => a.accountId === account.accountId && a.currency !== account.currency)
          .map((a) => a.currency)
      ),
    ].sort(),
    quarter: span,
    figuresTo: twelveTo,
    lookBack:
      lookBackTo === null || lastOrder === null
        ? null
        : { lastOrder, ...periodFigures(s, y1, ccy), ...boughtIn(s, book, y1) },
    twelveMonthsDataStartDate:
      firstDataDate !== null && firstDataDate > eomonth(y1.start + 1, 0) ? firstDataDate : null,
    asOf: portfolio.asOf,
    customerSince: start.date,
    customerSinceSource: start.source,
    tier: account.tier,
    primaryContact: {
      name: rec?.primaryContact ?? null,
      email: rec?.email ?? null,
      phone: rec?.phone ?? null,
    },
    accountManager: account.accountManager,
    ordersLast12: o12.count,
    spendLast12: spend,
    spendPrior12: netRevenueIn(s, y0),
    spendChange12,
    prior12DataStartDate:
      firstDataDate !== null && firstDataDate > eomonth(y0.start + 1, 0) ? firstDataDate : null,
    savings:
      listValue > 0
        ? {
            listValue,
            paid,
            savings: cash(listValue - paid),
            shareOfSpendWithListPrice: spend > 0 ? paid / spend : 0,
          }
        : null,
    listPricesInData: s.f.ordList.length > 0,
    glance: {
      current: cur,
      previous: prev,
      sameQuarterLastYear: ly,
      ordersVsPrevious: quarterChange(prev, cur, (f) => f.orders),
      ordersVsLastYear: quarterChange(ly, cur, (f) => f.orders),
      valueVsPrevious: quarterChange(prev, cur, (f) => f.orderValue),
      valueVsLastYear: quarterChange(ly, cur, (f) => f.orderValue),
      netVsPrevious: quarterChange(prev, cur, (f) => f.netRevenue),
      netVsLastYear: quarterChange(ly, cur, (f) => f.netRevenue),
      productsVsPrevious: quarterChange(prev, cur, (f) => f.distinctProducts),
      productsVsLastYear: quarterChange(ly, cur, (f) => f.distinctProducts),
    },
    topProducts,
    replenishment: detail.replenishment,
    similarAccounts,
    recommendations,
    monthlyRevenue,
    categorySplit,
    offers: DISCOUNT_TIERS.map((t) => ({ label: t.label, min: t.min, rate: t.rate })),
    health: {
      score: account.health.score,
      band: account.health.finalBand,
      inputs: account.health.inputs,
      factors: FACTORS.map((k) => ({
        factor: k,
        label: FACTOR_LABELS[k],
        score: account.health.factors[k],
        source: factorSource(account.health.inputs, k),
      })),
      overrideReason:
        account.health.isOverride && account.health.override
          ? account.health.override.reason
          : null,
    },
    initiatives: detail.initiatives,
    competitorDisplacement: detail.competitorDisplacement,
    winBack: account.winBack,
    planRisks: detail.plan.risks,
  };
}
