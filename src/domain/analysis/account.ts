/**
 * analyzeAccount: the heavier analysis of one account (RULES.md §2.5–2.7): category
 * breakdown, categories not bought, top products with reorder periods, buying pattern,
 * seasonality, dormant products, cross-sell (data rules at category and SKU level, curated
 * rules), product-line gaps, upsell, competitor displacement and the account plan.
 *
 * Decisions:
 * - Categories not bought: every category that at least one comparable account bought in the
 *   last 12 months and this one did not, in the order and with the priority of the account's one
 *   ranked opportunity list (./opportunities.ts), which also feeds Cross-sell, the plan and the QBR.
 * - Top products: SKUs bought in the last 12 months by 12-month revenue; the reorder period uses
 *   every distinct order date of the SKU up to as-of.
 * - Buying pattern: purchase orders of the last 12 months.
 * - Dormant: bought in the prior 12 months (as-of − 24 … − 12 months) and last-12-month revenue
 *   down by DORMANT.dropShare or more; months since last order are whole calendar months (EDATE).
 * - Cross-sell: X → Y data rules with X bought and Y not bought in the last 12 months, lift at least
 *   MIN_RECOMMENDATION_LIFT (1.2); one rule per Y (the best by lift, then confidence), ranked by
 *   lift then confidence. Curated rules follow. `opportunities` merges them with the comparable
 *   group's evidence into the one ranked list.
 * - Top products carry their reorder regularity; `replenishment` lists every product bought in the
 *   last 12 months with a regular reorder period (reorderRegularity: ≥ 4 orders, gaps' CV ≤ 0.5),
 *   most 12-month revenue first, so the QBR's candidates and the top-products table agree.
 * - Competitor displacement: categories that COMPETITOR_DISPLACEMENT_SHARE of the other accounts of
 *   the same industry (same currency, at least MIN_COMPARABLE_ACCOUNTS of them) buy and this one does not.
 * - Plan: quarterly targets = baseline/4 + uplift × QUARTER_TARGET_WEIGHTS[q] / Σ weights (rising,
 *   summing to the target); categories target = now + min(PLAN_NEW_CATEGORIES, max(1, whitespace gaps));
 *   contacts target = now + one per DMU role with nobody in it.
 */
import { edate, MONTH_NAMES, WEEKDAY_NAMES, weekday, serialToYmd } from "../dates";
import { median, roundHalfAwayFromZero } from "../numbers";
import { reorderRegularity } from "../reorder";
import {
  COMPETITOR_DISPLACEMENT_SHARE,
  DEFAULT_GROWTH_TARGET,
  MIN_RECOMMENDATION_LIFT,
  MIN_RULE_SUPPORT_ACCOUNTS,
  DMU_ROLES,
  DORMANT,
  INDUSTRY_MATRIX,
  MIN_COMPARABLE_ACCOUNTS,
  OVERDUE_MULTIPLE,
  PLAN_INITIATIVES,
  PLAN_NEW_CATEGORIES,
  PRODUCT_MATRIX,
  QUARTER_TARGET_WEIGHTS,
  RECENT_ENGAGEMENT,
  TOP_PRODUCTS,
} from "../rules";
import { seasonality } from "../seasonality";
import { recentEntries } from "../engagement";
import type { CatalogItem, ContactRecord, EngagementEntry, Serial } from "../types";
import { healthReport } from "./report";
import { compareRules, type RuleMetrics, rulesForBasket } from "./affinity";
import { priorityOf, rankOpportunities, recommended, type Opportunity } from "./opportunities";
import type { Internal, PortfolioModel } from "./portfolio";
import { currencyPrefix, formatMoney, roundMoney } from "../currency";
import { moneyOf, ordersIn, periodBack, stepsOf, type Subject } from "./subject";
import { initiativeTypeOf } from "./initiatives";
import { relationshipMapOf, type RelationshipMap } from "./relationship";
import { requiredCoverage } from "../relationships";
import type {
  AccountAnalysis,
  AccountDetail,
  AccountPlan,
  AnalysisContext,
  BuyingPattern,
  CategoryNotBought,
  CategoryRow,
  CompetitorDisplacement,
  CrossSellRecommendation,
  DormantProduct,
  PlanInitiative,
  PortfolioAnalysis,
  ProductLineGap,
  ReplenishmentCandidate,
  SeasonalityRow,
  StakeholderCoverage,
  TopProduct,
  Upsell,
} from "./types";

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const lower = (s: string): string => s.trim().toLowerCase();

/** Row index of an account in the portfolio: the given currency, else its largest-revenue row. */
export function accountRowIndex(
  portfolio: PortfolioAnalysis,
  accountId: string,
  currency?: string
): number {
  let best = -1;
  portfolio.accounts.forEach((a, i) => {
    if (a.accountId !== accountId) return;
    if (currency !== undefined && a.currency !== currency) return;
    if (best < 0 || a.revenueLast12 > portfolio.accounts[best].revenueLast12) best = i;
  });
  if (best < 0)
    throw new RangeError(
      `Account ${accountId}${currency !== undefined ? ` (${currency})` : ""} has no order lines in the data.`
    );
  return best;
}

/** Per-SKU figures of one subject at a date (revenue net of returns, currency units). */
export interface SkuFigures {
  sku: number;
  /** distinct purchase dates up to the date, ascending */
  dates: number[];
  rev12: number;
  qty12: number;
  revPrior12: number;
  /** bought = net revenue in the window positive (RULES.md §2) */
  boughtPrior12: boolean;
  bought12: boolean;
}

export function skuFigures(s: Subject, asOf: Serial): Map<number, SkuFigures> {
  const { f, u } = s;
  const y1 = periodBack(asOf, 12);
  const y0 = periodBack(asOf, 12, 12);
  const out = new Map<number, SkuFigures>();
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    const sku = f.pairSku[p];
    let x = out.get(sku);
    if (!x) {
      x = {
        sku,
        dates: [],
        rev12: 0,
        qty12: 0,
        revPrior12: 0,
        boughtPrior12: false,
        bought12: false,
      };
      out.set(sku, x);
    }
    const isRet = f.pairRet[p] === 1;
    // money summed in whole steps (exact), turned into currency units below
    for (let e = f.entStart[p]; e < f.entStart[p + 1]; e++) {
      const d = f.entDate[e];
      if (d > asOf) break;
      if (!isRet) x.dates.push(d);
      if (d > y1.start) {
        x.rev12 += stepsOf(s, f.entRev[e]);
        x.qty12 += f.entQty[e];
      } else if (d > y0.start) x.revPrior12 += stepsOf(s, f.entRev[e]);
    }
  }
  for (const x of out.values()) {
    x.bought12 = x.rev12 > 0;
    x.boughtPrior12 = x.revPrior12 > 0;
    x.rev12 = moneyOf(s, x.rev12);
    x.revPrior12 = moneyOf(s, x.revPrior12);
  }
  return out;
}

/** Whole calendar months from `from` to `to` (EDATE steps that still land on or before `to`). */
export function wholeMonthsBetween(from: Serial, to: Serial): number {
  if (to < from) return 0;
  const a = serialToYmd(from);
  const b = serialToYmd(to);
  let m = (b.y - a.y) * 12 + (b.m - a.m);
  while (m > 0 && edate(from, m) > to) m--;
  return m;
}

export function churnRiskOf(monthsSinceLastOrder: number): "High" | "Medium" | "Low" {
  return monthsSinceLastOrder >= DORMANT.highMonths
    ? "High"
    : monthsSinceLastOrder >= DORMANT.mediumMonths
      ? "Medium"
      : "Low";
}

/** Priority of a category not bought from the comparable share alone (the opportunity list adds the other evidence). */
export function notBoughtPriority(
  share: number,
  buyers = MIN_RULE_SUPPORT_ACCOUNTS
): "High" | "Medium" | "Low" {
  return buyers < MIN_RULE_SUPPORT_ACCOUNTS ? "Low" : priorityOf(share);
}

/**
 * Quarterly revenue targets: each quarter gets a quarter of the baseline plus a rising share
 * of the uplift (weights QUARTER_TARGET_WEIGHTS), so the four add up to baseline × (1 + growth).
 */
export function quarterlyTargets(
  baseline: number,
  growth = DEFAULT_GROWTH_TARGET
): { quarter: 1 | 2 | 3 | 4; target: number }[] {
  const uplift = baseline * growth;
  const total = QUARTER_TARGET_WEIGHTS.reduce((a, b) => a + b, 0);
  return QUARTER_TARGET_WEIGHTS.map((w, i) => ({
    quarter: (i + 1) as 1 | 2 | 3 | 4,
    target: baseline / 4 + (uplift * w) / total,
  }));
}

/** The quarterly targets in money as written: each rounded to the minor unit, the last taking the rounding so the four add up to the rounded target. */
function writtenTargets(
  baseline: number,
  growth: number,
  currency: string | undefined
): { revenueTarget: number; quarterlyTargets: { quarter: 1 | 2 | 3 | 4; target: number }[] } {
  const revenueTarget = roundMoney(baseline * (1 + growth), currency);
  const q = quarterlyTargets(baseline, growth).map((x) => ({
    ...x,
    target: roundMoney(x.target, currency),
  }));
  q[3].target = roundMoney(revenueTarget - q[0].target - q[1].target - q[2].target, currency);
  return { revenueTarget, quarterlyTargets: q };
}

/** DMU roles held and missing among the contacts (role text matched by the DMU_ROLES words). */
export function stakeholderCoverage(contacts: readonly ContactRecord[]): StakeholderCoverage[] {
  return DMU_ROLES.map(({ role, synonyms }) => {
    const names = contacts
      .filter((c) => {
        const r = lower(c.role ?? "");
        if (!r) return false;
        if (r === lower(role)) return true;
        return synonyms.some((w) =>
          new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(r)
        );
      })
      .map((c) => c.name);
    return { role, held: names.length > 0, names };
  });
}

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
    const w = weekday(d);
    wdCount[w]++;
    wdRev[w] += v;
    const m = serialToYmd(d).m - 1;
    monthRev[m] += v;
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
    smallestOrder: values.length ? Math.min(...values) : null,
    largestOrder: values.length ? Math.max(...values) : null,
    peakWeekdays,
    peakMonths,
  };
}

export function seasonalityOf(s: Subject, asOf: Serial, currency = ""): SeasonalityRow[] {
  const points: { date: number; value: number }[] = [];
  const { f, u } = s;
  for (let i = f.ordStart[u]; i < f.ordStart[u + 1] && f.ordDate[i] <= asOf; i++)
    points.push({ date: f.ordDate[i], value: f.ordVal[i] });
  for (let i = f.retStart[u]; i < f.retStart[u + 1] && f.retDate[i] <= asOf; i++)
    points.push({ date: f.retDate[i], value: f.retVal[i] });
  const r = seasonality(points, asOf);
  return MONTH_NAMES.map((month, i) => ({
    month,
    revenue: r.monthly[i] === null ? null : roundMoney(r.monthly[i]!, currency),
    index: r.index[i],
  }));
}

/** Everything SKU-level affinity needs for one currency: baskets of top-level rows, buyers index. */
interface SkuBaskets {
  rows: number[];
  baskets: number[][];
  buyers: number[][];
  rowOf: Map<number, number>;
}

function skuBaskets(internal: Internal, currency: string): SkuBaskets {
  const rows = internal.topByCurrency.get(currency) ?? [];
  const baskets = rows.map((i) => internal.states[i].agg.skus12);
  const buyers: number[][] = [];
  baskets.forEach((b, k) => {
    for (const sku of b) (buyers[sku] ??= []).push(k);
  });
  return { rows, baskets, buyers, rowOf: new Map(rows.map((r, k) => [r, k])) };
}

/** 12-month net spend of a row on one SKU. */
function skuSpend(internal: Internal, row: number, sku: number, asOf: Serial): number {
  const { s } = internal.states[row];
  const { f, u } = s;
  const y1 = periodBack(asOf, 12);
  let rev = 0;
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    if (f.pairSku[p] !== sku) continue;
    for (let e = f.entStart[p]; e < f.entStart[p + 1]; e++)
      if (f.entDate[e] > y1.start && f.entDate[e] <= asOf) rev += stepsOf(s, f.entRev[e]);
  }
  return moneyOf(s, rev);
}

function rationaleOf(x: string, y: string, m: RuleMetrics): string {
  return `${pct(m.confidence)} of accounts that buy ${x} also buy ${y}, ${roundHalfAwayFromZero(m.lift, 1).toFixed(1)}x the base rate.`;
}

/** `skuCrossSell: false` skips SKU-level affinity, the costliest part, for callers that only use category rules (the QBR). */
export function analyzeAccount(
  model: PortfolioModel,
  accountId: string,
  ctx: Partial<AnalysisContext> = {},
  currency?: string,
  options: { skuCrossSell?: boolean } = {}
): AccountDetail {
  const { analysis: portfolio, internal } = model;
  const book = internal.book;
  const asOf = portfolio.asOf;
  const idx = accountRowIndex(portfolio, accountId, currency);
  const account = portfolio.accounts[idx];
  const state = internal.states[idx];
  const { s, agg } = state;
  const cats = book.categories;
  const catalog = ctx.catalog ?? internal.ctx.catalog ?? [];
  const contactsAll = ctx.contacts ?? internal.ctx.contacts ?? [];
  const curated = ctx.curatedRules ?? internal.ctx.curatedRules ?? [];
  const prefix = currencyPrefix(
    account.currency || (ctx.defaultCurrency ?? internal.ctx.defaultCurrency ?? "GBP")
  );
  const money = (v: number) => formatMoney(v, prefix);
  /** money figures as written: rounded to the currency's minor unit */
  const cash = (v: number | null | undefined): number | null =>
    v === null || v === undefined ? null : roundMoney(v, account.currency);
  const bought = new Set(agg.bought12);
  const boughtNames = new Set(agg.bought12.map((c) => lower(cats[c])));

  // Category breakdown: the categories bought (net positive) in the last 12 months.
  let totalRev = 0;
  let totalUnits = 0;
  const catIds = agg.bought12;
  for (const c of catIds) {
    totalRev += agg.rev12.get(c) ?? 0;
    totalUnits += agg.qty12.get(c) ?? 0;
  }
  const categories: CategoryRow[] = catIds
    .map((c) => {
      const revenue = agg.rev12.get(c) ?? 0;
      const units = agg.qty12.get(c) ?? 0;
      return {
        category: cats[c],
        revenue,
        share: totalRev ? revenue / totalRev : 0,
        units,
        averageUnitPrice: units ? revenue / units : null,
      };
    })
    .sort((a, b) => b.revenue - a.revenue || (a.category < b.category ? -1 : 1));

  // Categories not bought, against the comparable group.
  const g = state.group;
  const peers = g ? g.members.length - (g.memberSet.has(idx) ? 1 : 0) : 0;
  const categoriesNotBought: CategoryNotBought[] = [];
  if (g && peers > 0) {
    for (const [c, n] of g.buyers) {
      if (bought.has(c)) continue;
      categoriesNotBought.push({
        category: cats[c],
        comparableBuyers: n,
        comparableAccounts: peers,
        share: n / peers,
        medianSpend: g.medianSpend.get(c) ?? null,
        priority: notBoughtPriority(n / peers, n),
      });
    }
  }
  categoriesNotBought.sort(
    (a, b) =>
      b.share - a.share ||
      (b.medianSpend ?? 0) - (a.medianSpend ?? 0) ||
      (a.category < b.category ? -1 : 1)
  );

  // Products.
  const skus = skuFigures(s, asOf);
  const skuName = (k: number): string =>
    book.skuNames[k] ?? catalogBySku(catalog).get(book.skus[k])?.name ?? book.skus[k];
  const topProducts: TopProduct[] = [...skus.values()]
    .filter((x) => x.bought12)
    .sort((a, b) => b.rev12 - a.rev12 || (book.skus[a.sku] < book.skus[b.sku] ? -1 : 1))
    .slice(0, TOP_PRODUCTS)
    .map((x, i) => {
      const last = x.dates[x.dates.length - 1];
      const reg = reorderRegularity(x.dates);
      const period = reg.reorderDays;
      const days = asOf - last;
      return {
        rank: i + 1,
        sku: book.skus[x.sku],
        name: skuName(x.sku),
        category: cats[book.skuCategory[x.sku]],
        unitsLast12: x.qty12,
        revenueLast12: x.rev12,
        lastOrderDate: last,
        daysSinceLastOrder: days,
        distinctOrderDates: reg.orders,
        reorderDays: period,
        gapVariation: reg.gapVariation,
        regular: reg.regular,
        nextExpectedOrder: period === null ? null : Math.round(last + period),
        overdue: period !== null && days > OVERDUE_MULTIPLE * period,
      };
    });

  const { f: fr, u: unit } = s;
  const replenishment: ReplenishmentCandidate[] = [];
  for (const x of skus.values()) {
    if (!x.bought12) continue;
    const reg = reorderRegularity(x.dates);
    if (!reg.regular) continue;
    let units = 0;
    for (let q = fr.pairStart[unit]; q < fr.pairStart[unit + 1]; q++) {
      if (fr.pairSku[q] !== x.sku || fr.pairRet[q]) continue;
      for (let e = fr.entStart[q]; e < fr.entStart[q + 1] && fr.entDate[e] <= asOf; e++)
        units += fr.entQty[e];
    }
    const last = x.dates[x.dates.length - 1];
    replenishment.push({
      sku: book.skus[x.sku],
      name: skuName(x.sku),
      orderDates: reg.orders,
      reorderDays: reg.reorderDays!,
      gapVariation: reg.gapVariation!,
      lastOrderDate: last,
      nextExpectedOrder: Math.round(last + reg.reorderDays!),
      averageUnitsPerOrder: units / reg.orders,
      revenueLast12: x.rev12,
    });
  }
  replenishment.sort((a, b) => b.revenueLast12 - a.revenueLast12 || (a.sku < b.sku ? -1 : 1));

  const dormantProducts: DormantProduct[] = [];
  for (const x of skus.values()) {
    if (!x.boughtPrior12 || x.revPrior12 <= 0) continue;
    const drop = (x.revPrior12 - x.rev12) / x.revPrior12;
    if (!(drop >= DORMANT.dropShare - 1e-12)) continue;
    const last = x.dates[x.dates.length - 1];
    const months = wholeMonthsBetween(last, asOf);
    dormantProducts.push({
      sku: book.skus[x.sku],
      name: skuName(x.sku),
      lastOrderDate: last,
      monthsSinceLastOrder: months,
      revenueLast12: x.rev12,
      revenuePrior12: x.revPrior12,
      drop,
      churnRisk: churnRiskOf(months),
    });
  }
  dormantProducts.sort((a, b) => b.revenuePrior12 - a.revenuePrior12 || (a.sku < b.sku ? -1 : 1));

  // Cross-sell: category rules of this currency.
  const crossSell: CrossSellRecommendation[] = [];
  const bestByY = new Map<string, (typeof portfolio.categoryRules)[number]>();
  for (const r of portfolio.categoryRules) {
    if (r.currency !== account.currency) continue;
    const x = book.categoryIndexOf(r.antecedent);
    const y = book.categoryIndexOf(r.consequent);
    if (
      x === undefined ||
      y === undefined ||
      !bought.has(x) ||
      bought.has(y) ||
      r.lift < MIN_RECOMMENDATION_LIFT - 1e-12
    )
      continue;
    const prev = bestByY.get(r.consequent);
    if (!prev || compareRules(r, prev) < 0) bestByY.set(r.consequent, r);
  }
  const top = internal.topByCurrency.get(account.currency) ?? [];
  for (const r of [...bestByY.values()].sort(compareRules)) {
    const x = book.categoryIndexOf(r.antecedent)!;
    const y = book.categoryIndexOf(r.consequent)!;
    const spends: number[] = [];
    for (const i of top) {
      const a2 = internal.states[i].agg;
      if (a2.bought12.includes(x) && a2.bought12.includes(y)) spends.push(a2.rev12.get(y) ?? 0);
    }
    const { level: _l, currency: _c, antecedent: _a, consequent: _q, ...metrics } = r;
    crossSell.push({
      source: "affinity",
      curated: false,
      level: "category",
      because: r.antecedent,
      offer: r.consequent,
      rationale: rationaleOf(r.antecedent, r.consequent, r),
      priority: null,
      annualEstimate: cash(median(spends)),
      metrics,
    });
  }
  const groupEstimate = (name: string): number | null => {
    const c =
      book.categoryIndexOf(name) ?? [...cats.keys()].find((k) => lower(cats[k]) === lower(name));
    return c !== undefined && g ? (g.medianSpend.get(c) ?? null) : null;
  };
  const boughtSkuNames = new Set<string>();
  for (const x of skus.values()) {
    if (!x.bought12) continue;
    boughtSkuNames.add(lower(book.skus[x.sku]));
    const n = book.skuNames[x.sku];
    if (n) boughtSkuNames.add(lower(n));
  }
  const buys = (name: string): boolean =>
    boughtNames.has(lower(name)) || boughtSkuNames.has(lower(name));
  const industry = account.industry
    ? INDUSTRY_MATRIX.find((m) => lower(m.industry) === lower(account.industry!))
    : undefined;
  if (industry) {
    for (const t of industry.targets) {
      if (buys(t)) continue;
      crossSell.push({
        source: "industry matrix",
        curated: true,
        level: "category",
        because: industry.industry,
        offer: t,
        rationale: `${industry.industry} accounts usually also need ${t} (alongside ${industry.primary.join(", ")}).`,
        priority: null,
        annualEstimate: groupEstimate(t),
        metrics: null,
      });
    }
  }
  for (const [source, rules] of [
    ["product matrix", PRODUCT_MATRIX],
    ["user rule", curated],
  ] as const) {
    for (const r of rules) {
      if (!buys(r.theyBuy) || buys(r.considerSelling)) continue;
      crossSell.push({
        source,
        curated: true,
        level: "category",
        because: r.theyBuy,
        offer: r.considerSelling,
        rationale: r.rationale,
        priority: r.priority,
        annualEstimate: groupEstimate(r.considerSelling),
        metrics: null,
      });
    }
  }

  // SKU-level rules, mined for this account's basket only.
  const wantSku = options.skuCrossSell !== false;
  const sb = wantSku
    ? skuBaskets(internal, account.currency)
    : { baskets: [], buyers: [], rows: [] };
  const own = agg.skus12;
  const skuRules = wantSku ? rulesForBasket(own, sb.baskets, sb.buyers, internal.minSupport) : [];
  const bestSku = new Map<number, (typeof skuRules)[number]>();
  for (const r of skuRules) {
    if (r.lift < MIN_RECOMMENDATION_LIFT - 1e-12) continue;
    const prev = bestSku.get(r.consequent);
    if (!prev || compareRules(r, prev) < 0) bestSku.set(r.consequent, r);
  }
  const skuCrossSell: CrossSellRecommendation[] = [...bestSku.values()]
    .sort(compareRules)
    .slice(0, TOP_PRODUCTS)
    .map((r) => {
      const bx = new Set(sb.buyers[r.antecedent] ?? []);
      const spends = (sb.buyers[r.consequent] ?? [])
        .filter((k) => bx.has(k))
        .map((k) => skuSpend(internal, sb.rows[k], r.consequent, asOf));
      const { antecedent, consequent, ...metrics } = r;
      const xn = skuName(antecedent);
      const yn = skuName(consequent);
      const label = (k: number, name: string) =>
        name && name !== book.skus[k] ? `${name} (${book.skus[k]})` : book.skus[k];
      return {
        source: "affinity" as const,
        curated: false,
        level: "sku" as const,
        because: label(antecedent, xn),
        offer: label(consequent, yn),
        rationale: rationaleOf(xn, yn, metrics),
        priority: null,
        annualEstimate: cash(median(spends)),
        metrics,
      };
    });

  // Product-line gaps and upsell need the catalog.
  const ownSkus = new Set(own.map((k) => book.skus[k]));
  const medianSkuSpend = (skuCode: string): number | null => {
    const k = book.skuIndexOf(skuCode);
    if (k === undefined) return null;
    const spends = (sb.buyers[k] ?? []).map((b) => skuSpend(internal, sb.rows[b], k, asOf));
    return cash(median(spends));
  };
  const lines = new Map<string, CatalogItem[]>();
  for (const item of catalog)
    if (item.productLine)
      lines.set(item.productLine, [...(lines.get(item.productLine) ?? []), item]);
  const productLineGaps: ProductLineGap[] = [];
  for (const [line, items] of lines) {
    const boughtCount = items.filter((i) => ownSkus.has(i.sku)).length;
    if (boughtCount === 0 || boughtCount === items.length) continue;
    const variants = items.map((i) => {
      const has = ownSkus.has(i.sku);
      return {
        sku: i.sku,
        name: i.name ?? i.sku,
        bought: has,
        medianSpend: has ? null : medianSkuSpend(i.sku),
      };
    });
    productLineGaps.push({
      productLine: line,
      variants,
      boughtCount,
      missingCount: items.length - boughtCount,
      estimate: cash(variants.reduce((t, v) => t + (v.medianSpend ?? 0), 0))!,
    });
  }
  productLineGaps.sort(
    (a, b) => b.estimate - a.estimate || (a.productLine < b.productLine ? -1 : 1)
  );

  const bySku = catalogBySku(catalog);
  const upsell: Upsell[] = [];
  for (const k of own) {
    const code = book.skus[k];
    const item = bySku.get(code);
    if (!item?.premiumSku || ownSkus.has(item.premiumSku)) continue;
    const x = skus.get(k)!;
    const premium = bySku.get(item.premiumSku);
    const currentPrice = item.listPrice ?? (x.qty12 > 0 ? x.rev12 / x.qty12 : null);
    const premiumPrice = premium?.listPrice ?? null;
    const diff =
      currentPrice && premiumPrice !== null
        ? ((premiumPrice - currentPrice) / currentPrice) * 100
        : null;
    const currentName = skuName(k);
    const premiumName = premium?.name ?? item.premiumSku;
    const extra =
      currentPrice !== null && premiumPrice !== null
        ? (premiumPrice - currentPrice) * x.qty12
        : null;
    upsell.push({
      currentSku: code,
      currentName,
      premiumSku: item.premiumSku,
      premiumName,
      currentPrice,
      premiumPrice,
      priceDifferencePct: diff === null ? null : roundHalfAwayFromZero(diff, 1),
      unitsLast12: x.qty12,
      valueProposition:
        `Offer ${premiumName} in place of ${currentName}` +
        (diff !== null
          ? ` (${diff >= 0 ? "+" : ""}${roundHalfAwayFromZero(diff, 1)}% per unit)`
          : "") +
        (extra !== null && x.qty12 > 0
          ? `: on last year's ${x.qty12} units that is ${money(extra)} more per year.`
          : "."),
    });
  }

  // Competitor displacement: same industry, same currency.
  const competitorDisplacement: CompetitorDisplacement[] = [];
  if (account.industry) {
    const members = top.filter(
      (i) => i !== idx && portfolio.accounts[i].industry === account.industry
    );
    if (members.length >= MIN_COMPARABLE_ACCOUNTS) {
      const count = new Map<number, number[]>();
      for (const i of members) {
        const a2 = internal.states[i].agg;
        for (const c of a2.bought12) count.set(c, [...(count.get(c) ?? []), a2.rev12.get(c) ?? 0]);
      }
      for (const [c, spends] of count) {
        const share = spends.length / members.length;
        if (bought.has(c) || share < COMPETITOR_DISPLACEMENT_SHARE) continue;
        competitorDisplacement.push({
          category: cats[c],
          industry: account.industry,
          industryBuyers: spends.length,
          industryAccounts: members.length,
          share,
          medianSpend: cash(median(spends)),
          message: `${spends.length} of ${members.length} ${account.industry} accounts (${pct(share)}) buy ${cats[c]} and this account does not: probably bought elsewhere.`,
        });
      }
      competitorDisplacement.sort(
        (a, b) => b.share - a.share || (a.category < b.category ? -1 : 1)
      );
    }
  }

  // The one ranked list: data rules, the comparable group and curated rules, merged per item.
  const opportunities = rankOpportunities(
    crossSell.filter((r) => !r.curated),
    categoriesNotBought,
    crossSell.filter((r) => r.curated),
    peerBasisText(account.whitespace.basis, account.whitespace.basisValue),
    internal.minSupport
  );
  const oppByName = new Map(opportunities.map((o) => [lower(o.offer), o]));
  for (const n of categoriesNotBought)
    n.priority = oppByName.get(lower(n.category))?.priority ?? n.priority;
  categoriesNotBought.sort(
    (a, b) =>
      (oppByName.get(lower(a.category))?.rank ?? 0) - (oppByName.get(lower(b.category))?.rank ?? 0)
  );

  const contacts = contactsAll.filter((c) => c.accountId === account.accountId);
  const relationships = relationshipMapOf(
    book,
    portfolio,
    account,
    state.units,
    contacts,
    contactsAll,
    state.rec
  );
  const recentEngagement = recentEntries(state.logs?.engagement ?? [], asOf, RECENT_ENGAGEMENT);
  const plan = accountPlan(account, {
    opportunities,
    crossSell,
    dormantProducts,
    upsell,
    competitorDisplacement,
    contacts,
    categoriesNow: agg.bought12.length,
    growthTarget: ctx.growthTarget ?? internal.ctx.growthTarget,
    moneyPrefix: prefix,
    productLineGaps,
    relationships,
    currency: account.currency,
    recentEngagement,
  });

  return {
    account,
    categories,
    categoryTotal: {
      revenue: cash(totalRev)!,
      units: totalUnits,
      averageUnitPrice: totalUnits ? totalRev / totalUnits : null,
    },
    categoriesNotBought,
    topProducts,
    replenishment,
    buyingPattern: buyingPattern(s, asOf, account.currency),
    seasonality: seasonalityOf(s, asOf, account.currency),
    dormantProducts,
    crossSell,
    skuCrossSell,
    opportunities,
    productLineGaps,
    upsell,
    competitorDisplacement,
    contacts,
    plan,
    relationships,
    initiatives: portfolio.initiatives.filter((i) => i.key === account.key),
    report: healthReport(account, s, state.rec, asOf, internal.weights, prefix),
  };
}

const CATALOG_CACHE = new WeakMap<readonly CatalogItem[], Map<string, CatalogItem>>();
function catalogBySku(catalog: readonly CatalogItem[]): Map<string, CatalogItem> {
  let m = CATALOG_CACHE.get(catalog);
  if (!m) {
    m = new Map(catalog.map((c) => [c.sku, c]));
    CATALOG_CACHE.set(catalog, m);
  }
  return m;
}

export function accountPlan(
  account: AccountAnalysis,
  x: {
    /** the account's ranked opportunity list; without it, one is made from crossSell and the whitespace gaps */
    opportunities?: Opportunity[];
    crossSell: CrossSellRecommendation[];
    dormantProducts: DormantProduct[];
    upsell: Upsell[];
    competitorDisplacement: CompetitorDisplacement[];
    contacts: ContactRecord[];
    categoriesNow: number;
    growthTarget?: number;
    /** what money figures in the plan's text start with ("£") */
    moneyPrefix?: string;
    /** the largest product-line gap becomes a range-expansion initiative */
    productLineGaps?: ProductLineGap[];
    /** the relationship map: stakeholder coverage and the multi-site proposal */
    relationships?: Pick<RelationshipMap, "coverage" | "multiSite">;
    /** the account's currency: targets are rounded to its minor unit */
    currency?: string;
    /** the last engagement log entries, newest first */
    recentEngagement?: EngagementEntry[];
  }
): AccountPlan {
  const money = (v: number) => formatMoney(v, x.moneyPrefix ?? "£");
  const baseline = Math.max(0, account.revenueLast12);
  const growth = x.growthTarget ?? DEFAULT_GROWTH_TARGET;
  const stakeholders = x.relationships?.coverage ?? requiredCoverage(x.contacts);
  const missing = stakeholders.filter((r) => !r.held);
  const initiatives: PlanInitiative[] = [];
  const add = (i: Omit<PlanInitiative, "type"> & { type?: PlanInitiative["type"] }) =>
    initiatives.push({ ...i, type: i.type ?? initiativeTypeOf(i.title) });
  const opportunities =
    x.opportunities ??
    rankOpportunities(
      x.crossSell.filter((c) => !c.curated),
      account.whitespace.gaps.map((g) => ({ ...g, priority: priorityOf(g.share) })),
      x.crossSell.filter((c) => c.curated),
      peerBasisText(account.whitespace.basis, account.whitespace.basisValue)
    );
  const top = recommended(opportunities, PLAN_INITIATIVES);
  for (const o of top) {
    add({
      title: `Introduce ${o.offer}`,
      detail: o.rationale,
      estimate: o.annualEstimate,
      source: `opportunity ${o.rank} (${o.priority})`,
      type: "New category",
      categories: [o.offer],
      skus: [],
    });
  }
  const line = (x.productLineGaps ?? []).find((g) => g.estimate > 0);
  if (line) {
    const missingVariants = line.variants.filter((v) => !v.bought);
    add({
      title: `Complete the ${line.productLine} range`,
      detail: `Buys ${line.boughtCount} of ${line.variants.length} variants; send samples of the ${line.missingCount} not bought.`,
      estimate: line.estimate,
      source: "product-line gap",
      type: "Range expansion",
      categories: [],
      skus: missingVariants.map((v) => v.sku),
    });
  }
  const ms = x.relationships?.multiSite;
  if (ms)
    add({
      title: "Multi-site expansion",
      detail: ms.message,
      estimate: ms.estimate,
      source: "sites",
      type: "Multi-site expansion",
      categories: [],
      skus: [],
    });
  if (account.winBack && account.winBack.stage > 0) {
    const w = account.winBack;
    const since =
      w.daysSinceLastOrder === null
        ? "No order in the data."
        : `${w.daysSinceLastOrder} days since the last order.`;
    const more =
      w.stage === 4
        ? ` Offer: ${w.offers.join("; ")}.`
        : w.stage === 5
          ? ` Ask: ${w.questions.join(" ")} ${w.learning ? `Learning recorded: ${w.learning}` : "Record the learning in the accounts table."}`
          : "";
    add({
      title: `Win back: ${w.name}`,
      detail: `${since} ${w.action}.${more}`,
      estimate: null,
      source: "win-back",
      type: "Win-back",
      categories: [],
      skus: [],
    });
  }
  for (const d of x.dormantProducts.filter((p) => p.churnRisk === "High")) {
    add({
      title: `Recover ${d.name}`,
      detail: `No order for ${d.monthsSinceLastOrder} months; ${money(d.revenuePrior12)} in the prior 12 months.`,
      estimate: d.revenuePrior12,
      source: "dormant products",
      type: "Win-back",
      categories: [],
      skus: [d.sku],
    });
  }
  if (x.upsell.length) {
    const u = x.upsell[0];
    add({
      title: `Upgrade ${u.currentName}`,
      detail: u.valueProposition,
      estimate: null,
      source: "upsell",
      type: "Upsell",
      categories: [],
      skus: [u.premiumSku],
    });
  }

  const nextActions: string[] = [];
  for (const a of account.alerts.filter((al) => al.severity === "Critical"))
    nextActions.push(`Resolve: ${a.message}`);
  if (account.winBack && account.winBack.stage > 0) nextActions.push(account.winBack.action);
  if (initiatives.length) nextActions.push(`${initiatives[0].title}: ${initiatives[0].detail}`);
  for (const r of [...missing]
    .sort((a, b) => PRIORITY_RANK[a.priority ?? "Low"] - PRIORITY_RANK[b.priority ?? "Low"])
    .slice(0, 2))
    nextActions.push(
      `Find and meet the ${r.role}: ${r.approaches[0] ?? "ask for an introduction"}.`
    );

  const risks = [
    ...account.riskFlags.map((r) => r.message),
    ...account.alerts.filter((a) => a.severity !== "Opportunity").map((a) => a.message),
  ];
  const categoriesTarget =
    x.categoriesNow + Math.min(PLAN_NEW_CATEGORIES, Math.max(1, account.whitespace.gaps.length));
  return {
    revenueBaseline: baseline,
    growthTarget: growth,
    ...writtenTargets(baseline, growth, x.currency),
    categoriesNow: x.categoriesNow,
    categoriesTarget,
    contactsNow: x.contacts.length,
    contactsTarget: x.contacts.length + missing.length,
    initiatives,
    stakeholders,
    nextActions: [...new Set(nextActions)],
    risks,
    recentEngagement: x.recentEngagement ?? [],
    swot: {
      strengths: account.categoriesLast12.length
        ? [
            `Buys ${account.categoriesLast12.length} categories: ${account.categoriesLast12.join(", ")}.`,
          ]
        : [],
      weaknesses: account.riskFlags.map((r) => r.message),
      opportunities: top.map((o) => `${o.offer}: ${o.rationale}`),
      threats: x.competitorDisplacement.map((c) => c.message),
    },
  };
}

const PRIORITY_RANK = { High: 0, Medium: 1, Low: 2 } as const;

/** Words for the comparable group in a rationale: "comparable Plumber accounts", "Gold-tier accounts", "other accounts". */
export function peerBasisText(basis: "industry" | "tier" | "all", value: string): string {
  return basis === "industry"
    ? `comparable ${value} accounts`
    : basis === "tier"
      ? `${value}-tier accounts`
      : "other accounts";
}
