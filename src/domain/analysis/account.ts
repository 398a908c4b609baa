/**
 * analyzeAccount: the heavier analysis of one account (RULES.md §2.5–2.7), put together from one
 * function per section over an AccountScope (./accountScope.ts): the category breakdown (here),
 * products (./products.ts: top products, replenishment, dormant, upsell, product-line gaps),
 * buying pattern and seasonality (./pattern.ts), cross-sell (./crossSell.ts: categories not
 * bought, category and SKU rules, curated rules, competitor displacement), the one ranked
 * opportunity list (./opportunities.ts), the relationship map, the health report and the plan
 * (./plan.ts).
 */
import { minorUnitDigits } from "../currency";
import { LONG_ORDER_GAP_DAYS, RECENT_ENGAGEMENT } from "../rules";
import { recentEntries } from "../engagement";
import { type AccountScope, accountScope, catalogBySku, lower } from "./accountScope";
import {
  categoriesNotBoughtOf,
  categoryCrossSellOf,
  competitorDisplacementOf,
  NO_SKU_BASKETS,
  type SkuBaskets,
  skuBaskets,
  skuCrossSellOf,
} from "./crossSell";
import {
  type MoreEvidence,
  opportunitiesWithheld,
  rankOpportunities,
  type Opportunity,
} from "./opportunities";
import { buyingPattern, dataStartOf, seasonalityOf } from "./pattern";
import { accountPlan, peerBasisText } from "./plan";
import type { PortfolioModel } from "./portfolio";
import {
  dormantProductsOf,
  lapsedCategoriesOf,
  productLineGapsOf,
  replenishmentOf,
  skuFigures,
  type SkuFigures,
  switchedCategoriesOf,
  topProductsOf,
  upsellOf,
} from "./products";
import { relationshipMapOf } from "./relationship";
import { healthReport } from "./report";
import { relationshipStart } from "./relationshipStart";
import { firstOrderOnOrBefore, netRevenueIn, ordersIn, periodBack, type Subject } from "./subject";
import { isMarkedLost } from "../winback";
import { eomonth } from "../dates";
import type {
  AccountAnalysis,
  AccountDetail,
  AnalysisContext,
  CategoryNotBought,
  CategoryRow,
  CrossSellRecommendation,
  LapsedCategory,
  ProductLineGap,
  SwitchedCategory,
  Upsell,
} from "./types";

export { accountRowIndex } from "./accountScope";
export { notBoughtPriority } from "./crossSell";
export { accountPlan, peerBasisText, quarterlyTargets, stakeholderCoverage } from "./plan";
export { buyingPattern, seasonalityOf } from "./pattern";
export { churnRiskOf, skuFigures, wholeMonthsBetween } from "./products";
export type { SkuFigures } from "./products";

/** The categories bought (net positive) in the last 12 months, most revenue first, and their total. */
export function categoryBreakdownOf(
  x: AccountScope
): Pick<AccountDetail, "categories" | "categoryTotal"> {
  const { agg } = x.state;
  // rev12 holds written figures (whole minor units): summed and shared as whole minor units, so
  // £0.10 of £0.30 is exactly 1/3 and no other account's lines can change the last digit
  const minor = 10 ** minorUnitDigits(x.account.currency);
  const minorUnitsOf = (c: number): number => Math.round((agg.rev12.get(c) ?? 0) * minor);
  let totalMinor = 0;
  let totalUnits = 0;
  for (const c of agg.bought12) {
    totalMinor += minorUnitsOf(c);
    totalUnits += agg.qty12.get(c) ?? 0;
  }
  const totalRev = totalMinor / minor;
  const categories: CategoryRow[] = agg.bought12
    .map((c) => {
      const revenue = agg.rev12.get(c) ?? 0;
      const units = agg.qty12.get(c) ?? 0;
      return {
        category: x.cats[c],
        revenue,
        share: totalMinor ? minorUnitsOf(c) / totalMinor : 0,
        units,
        averageUnitPrice: units ? revenue / units : null,
      };
    })
    .sort((a, b) => b.revenue - a.revenue || (a.category < b.category ? -1 : 1));
  return {
    categories,
    categoryTotal: {
      revenue: totalRev,
      units: totalUnits,
      averageUnitPrice: totalUnits ? totalRev / totalUnits : null,
    },
  };
}

/** What the ranked list is made of: the cross-sell sections' findings for one account. */
interface Evidence {
  crossSell: CrossSellRecommendation[];
  categoriesNotBought: CategoryNotBought[];
  lineGaps: ProductLineGap[];
  upsell: Upsell[];
  lapsed: LapsedCategory[];
  productRules: CrossSellRecommendation[];
}

/**
 * The categories (lower case) an item of the catalog or the order data belongs to, by its name: a
 * category's own name, or the category of the products, SKUs or product line of that name.
 */
function categoriesOfName(x: AccountScope): (name: string) => Set<string> {
  const { book, cats } = x;
  const byName = new Map<string, Set<string>>();
  const add = (name: string | undefined | null, category: string | undefined) => {
    if (!name || !category) return;
    const k = lower(name);
    const set = byName.get(k) ?? new Set<string>();
    set.add(lower(category));
    byName.set(k, set);
  };
  for (const c of cats) add(c, c);
  book.skus.forEach((code, k) => {
    add(code, cats[book.skuCategory[k]]);
    add(book.skuNames[k], cats[book.skuCategory[k]]);
  });
  for (const item of x.catalog)
    for (const n of [item.sku, item.name, item.productLine]) add(n, item.category);
  return (name) => byName.get(lower(name)) ?? new Set<string>();
}

/**
 * The evidence less every item of a category the account switched away from: none of its products
 * is offered as a range completion, an upsell or a cross-sell (nor a category entry of its name)
 * while winning the category back comes first. Left out of the detail as well, so the Cross-Sell
 * sheet's product rules, line gaps and premium alternatives offer none of them either.
 */
function withoutSwitched(x: AccountScope, switched: SwitchedCategory[], e: Evidence): Evidence {
  if (!switched.length) return e;
  const gone = new Set(switched.map((w) => lower(w.category)));
  const named = categoriesOfName(x);
  const byCode = catalogBySku(x.catalog);
  const skuIn = (code: string): boolean => {
    const k = x.book.skuIndexOf(code);
    const category = k !== undefined ? x.cats[x.book.skuCategory[k]] : byCode.get(code)?.category;
    return category !== undefined && gone.has(lower(category));
  };
  const nameIn = (name: string): boolean => [...named(name)].some((c) => gone.has(c));
  const ruleIn = (r: CrossSellRecommendation): boolean =>
    nameIn(r.offer) ||
    (r.category !== undefined && gone.has(lower(r.category))) ||
    (r.sku !== undefined && skuIn(r.sku));
  return {
    crossSell: e.crossSell.filter((r) => !ruleIn(r)),
    categoriesNotBought: e.categoriesNotBought.filter((n) => !gone.has(lower(n.category))),
    lineGaps: e.lineGaps.filter((g) => !g.variants.some((v) => skuIn(v.sku))),
    upsell: e.upsell.filter(
      (u) =>
        !skuIn(u.currentSku) &&
        !skuIn(u.premiumSku) &&
        !(u.premiumCategory !== null && gone.has(lower(u.premiumCategory)))
    ),
    lapsed: e.lapsed.filter((l) => !gone.has(lower(l.category))),
    productRules: e.productRules.filter((r) => !ruleIn(r)),
  };
}

/** The account's evidence for its ranked list, less the items of the categories it switched away from. */
function evidenceOf(
  x: AccountScope,
  skus: Map<number, SkuFigures>,
  sb: SkuBaskets,
  switched: SwitchedCategory[]
): Evidence {
  return withoutSwitched(x, switched, {
    crossSell: categoryCrossSellOf(x, skus),
    categoriesNotBought: categoriesNotBoughtOf(x),
    lineGaps: productLineGapsOf(x, sb),
    upsell: upsellOf(x, skus, sb),
    lapsed: lapsedCategoriesOf(x),
    productRules: skuCrossSellOf(x, sb),
  });
}

/**
 * The one ranked list (data rules, the comparable group and curated rules merged per item); the
 * categories not bought take its priority and order, so every sheet agrees. Empty for an account
 * marked lost (opportunitiesWithheld): nothing is sold it until it orders again, on every sheet.
 * A category it switched away from is won back first (MoreEvidence.switched).
 */
function opportunitiesOf(
  x: AccountScope,
  crossSell: CrossSellRecommendation[],
  categoriesNotBought: CategoryNotBought[],
  more: MoreEvidence
): Opportunity[] {
  if (opportunitiesWithheld(x.account) !== null) return [];
  const opportunities = rankOpportunities(
    crossSell.filter((r) => !r.curated),
    categoriesNotBought,
    crossSell.filter((r) => r.curated),
    peerBasisText(x.account.whitespace.basis, x.account.whitespace.basisValue),
    x.internal.minSupport,
    x.culture,
    x.account.whitespace.basis === "all" ? null : x.account.whitespace.comparableAccounts,
    more
  );
  const byName = new Map(opportunities.map((o) => [lower(o.offer), o]));
  for (const n of categoriesNotBought)
    n.priority = byName.get(lower(n.category))?.priority ?? n.priority;
  categoriesNotBought.sort(
    (a, b) =>
      (byName.get(lower(a.category))?.rank ?? 0) - (byName.get(lower(b.category))?.rank ?? 0)
  );
  return opportunities;
}

/**
 * The account's ranked opportunities alone: analyzeAccount's `opportunities`, from the same
 * category cross-sell and categories not bought, without the rest of the detail (products,
 * relationships, plan, report). What the dashboard's focus list reads for up to ten accounts.
 */
export function accountOpportunities(
  model: PortfolioModel,
  accountId: string,
  ctx: Partial<AnalysisContext> = {},
  currency?: string
): Opportunity[] {
  const x = accountScope(model, accountId, ctx, currency);
  const noProducts = (ctx.hasProducts ?? x.internal.ctx.hasProducts) === false;
  const skus = noProducts ? new Map<number, SkuFigures>() : skuFigures(x.state.s, x.asOf);
  const sb = noProducts ? NO_SKU_BASKETS : skuBaskets(x.internal, x.account.currency);
  const switched = switchedCategoriesOf(x);
  const e = evidenceOf(x, skus, sb, switched);
  return opportunitiesOf(x, e.crossSell, e.categoriesNotBought, {
    lineGaps: e.lineGaps,
    upsell: e.upsell,
    lapsed: e.lapsed,
    productRules: e.productRules,
    switched,
  });
}

/**
 * The detail of one account (`currency`: its row in that currency, else its largest row).
 * Throws RangeError when the account has no order lines.
 */
export function analyzeAccount(
  model: PortfolioModel,
  accountId: string,
  ctx: Partial<AnalysisContext> = {},
  currency?: string
): AccountDetail {
  const x = accountScope(model, accountId, ctx, currency);
  const { account, state, asOf, internal } = x;
  // No product column: the book's entries are the lines' categories standing in for products
  // (OrderBook.add), which count for categories but are no products to list, reorder or upsell.
  const noProducts = (ctx.hasProducts ?? internal.ctx.hasProducts) === false;
  const skus = noProducts ? new Map<number, SkuFigures>() : skuFigures(state.s, asOf);
  // the baskets price and rate the product-line gaps, upsells and product rules of the ranked
  // list, the same on every sheet (the QBR's and the dashboard's included)
  const sb = noProducts ? NO_SKU_BASKETS : skuBaskets(internal, account.currency);
  const switched = switchedCategoriesOf(x);
  const {
    crossSell,
    categoriesNotBought,
    lineGaps: productLineGaps,
    upsell,
    lapsed,
    productRules: skuCrossSell,
  } = evidenceOf(x, skus, sb, switched);
  const dormantProducts = dormantProductsOf(x, skus);
  // a lost account takes everything elsewhere: no category is singled out (lostToCompetitorText)
  const competitorDisplacement = isMarkedLost(account.winBack)
    ? []
    : competitorDisplacementOf(x, switched);
  const opportunities = opportunitiesOf(x, crossSell, categoriesNotBought, {
    lineGaps: productLineGaps,
    upsell,
    lapsed,
    productRules: skuCrossSell,
    switched,
  });

  const contacts = x.contactsAll.filter((c) => c.accountId === account.accountId);
  const relationships = relationshipMapOf(
    x.book,
    x.portfolio,
    account,
    state.units,
    contacts,
    x.contactsAll,
    state.rec,
    x.culture,
    x.prefix,
    state.logs?.engagement ?? []
  );
  const recentEngagement = recentEntries(state.logs?.engagement ?? [], asOf, RECENT_ENGAGEMENT);
  const plan = accountPlan(account, {
    opportunities,
    crossSell,
    dormantProducts,
    upsell,
    competitorDisplacement,
    contacts,
    categoriesNow: state.agg.bought12.length,
    growthTarget: ctx.growthTarget ?? internal.ctx.growthTarget,
    moneyPrefix: x.prefix,
    productLineGaps,
    relationships,
    currency: account.currency,
    recentEngagement,
    winBackBaseline: winBackBaselineOf(account, state.s, asOf) ?? undefined,
    orderGap: longOrderGapOf(state.s, asOf) ?? undefined,
    lastQuarterRevenue: netRevenueIn(state.s, periodBack(asOf, 3)),
    culture: x.culture,
  });

  return {
    account,
    ...categoryBreakdownOf(x),
    categoriesNotBought,
    topProducts: topProductsOf(x, skus),
    replenishment: replenishmentOf(x, skus),
    buyingPattern: buyingPattern(state.s, asOf, account.currency),
    seasonality: seasonalityOf(state.s, asOf, account.currency, dataStartOf(internal.f)),
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
    initiatives: x.portfolio.initiatives.filter((i) => i.key === account.key),
    report: healthReport(
      account,
      state.s,
      state.rec,
      relationshipStart(
        account.accountId,
        internal.records,
        internal.childrenOf,
        firstOrderOnOrBefore(state.s, asOf)
      ),
      asOf,
      internal.weights,
      x.prefix,
      ctx.culture ?? internal.ctx.culture
    ),
  };
}

/**
 * The gap between two orders with the most days inside the last 12 months, when those are
 * LONG_ORDER_GAP_DAYS or more: the 12 months then hold months with no order, which a fall in their
 * revenue should name (the sample's C0129: no order from 29/08/2025 to 01/06/2026, 276 days).
 * A silence still running (no order since) is the recency flag's, not a gap.
 */
function longOrderGapOf(
  s: Subject,
  asOf: number
): { from: number; to: number; days: number } | null {
  const year = periodBack(asOf, 12);
  const o = ordersIn(s, year);
  let best: { from: number; to: number; days: number } | null = null;
  let bestInside = 0;
  for (let i = Math.max(o.from, s.f.ordStart[s.u] + 1); i < o.to; i++) {
    const from = s.f.ordDate[i - 1];
    const to = s.f.ordDate[i];
    // the days of the gap inside the 12 months: a gap mostly before them explains no fall in them
    const inside = to - Math.max(from, year.start);
    if (inside >= LONG_ORDER_GAP_DAYS && inside > bestInside) {
      best = { from, to, days: to - from };
      bestInside = inside;
    }
  }
  return best;
}

/**
 * A lost account's net revenue in the 12 whole months to the month of its last order: the run-rate
 * its win-back aims to recover, over the months its QBR looks back on (qbr.ts, lookBack), so the
 * plan and the QBR give one figure (the sample's C0135 stopped on 13/02/2026: £10,069.88 in the 12
 * months to 28/02/2026, where the 12 months to the as-of hold £2,535.76). Null for an account not
 * marked lost, or one that never ordered.
 */
function winBackBaselineOf(
  account: AccountAnalysis,
  s: Subject,
  asOf: number
): { revenue: number; to: number } | null {
  const last = account.health.inputs.lastOrderDate;
  if (!isMarkedLost(account.winBack) || last === null) return null;
  const to = Math.min(eomonth(last, 0), asOf);
  return { revenue: netRevenueIn(s, periodBack(to, 12)), to };
}
