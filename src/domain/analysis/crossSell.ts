/**
 * Cross-sell sections of one account's analysis (RULES.md §2.6–2.7): categories not bought
 * against the comparable group, category and SKU association rules, curated rules (industry and
 * product matrices, the user's rules) and competitor displacement.
 *
 * Decisions:
 * - Categories not bought: every category that at least one comparable account bought in the
 *   last 12 months and this one did not, nor before (a lapsed category is a win-back, never
 *   offered as new; the same for the rules' and the matrices' offers); analyzeAccount re-orders them by the account's one ranked
 *   opportunity list (./opportunities.ts).
 * - Cross-sell: X → Y data rules with X bought and Y not bought in the last 12 months, lift at least
 *   MIN_RECOMMENDATION_LIFT (1.2); one rule per Y (the best by lift, then confidence), ranked by
 *   lift then confidence. Curated rules follow.
 * - Competitor displacement: the categories the account switched away from (the risk flag's), then
 *   categories that COMPETITOR_DISPLACEMENT_SHARE of the other accounts of the same industry (same
 *   currency, at least MIN_COMPARABLE_ACCOUNTS of them) buy and this one does not.
 */
import { median, roundHalfAwayFromZero } from "../numbers";
import {
  COMPETITOR_DISPLACEMENT_SHARE,
  INDUSTRY_MATRIX,
  MIN_COMPARABLE_ACCOUNTS,
  MIN_RECOMMENDATION_LIFT,
  MIN_RULE_SUPPORT_ACCOUNTS,
  PRODUCT_MATRIX,
  TOP_PRODUCTS,
} from "../rules";
import type { Serial } from "../types";
import { type AccountScope, catalogBySku, lower } from "./accountScope";
import { lapsedBefore12 } from "./aggregates";
import { decimalText } from "../numberText";
import { compareRules, type RuleMetrics, rulesForBasket } from "./affinity";
import { priorityOf } from "./opportunities";
import type { Internal } from "./portfolio";
import type { SkuFigures } from "./products";
import { moneyOf, periodBack, stepsOf } from "./subject";
import { dateText } from "../dateText";
import type {
  CategoryNotBought,
  CompetitorDisplacement,
  CrossSellRecommendation,
  SwitchedCategory,
} from "./types";

/** Priority of a category not bought from the comparable share alone (the opportunity list adds the other evidence). */
export function notBoughtPriority(
  share: number,
  buyers = MIN_RULE_SUPPORT_ACCOUNTS
): "High" | "Medium" | "Low" {
  return buyers < MIN_RULE_SUPPORT_ACCOUNTS ? "Low" : priorityOf(share);
}

function rationaleOf(x: string, y: string, m: RuleMetrics, s: AccountScope): string {
  const lift = decimalText(roundHalfAwayFromZero(m.lift, 1).toFixed(1), s.culture);
  return `${s.pct(m.confidence)} of accounts that buy ${x} also buy ${y}, ${lift}x the base rate.`;
}

/** Names (lower case) in the order data: categories, SKUs, product names; rebuilt when the book grows. */
const BOOK_NAMES = new WeakMap<object, { skus: number; names: Set<string> }>();
/** Names (lower case) in a catalog: SKUs, names, categories, product lines. */
const CATALOG_NAMES = new WeakMap<object, Set<string>>();

/** Whether the catalog or the order data has an item of this name (a curated rule's offer). */
function stockedIn(x: AccountScope): (name: string) => boolean {
  const { book, catalog } = x;
  let b = BOOK_NAMES.get(book);
  if (!b || b.skus !== book.skus.length) {
    const names = new Set<string>();
    for (const c of book.categories) names.add(lower(c));
    for (const k of book.skus) names.add(lower(k));
    for (const n of book.skuNames) if (n) names.add(lower(n));
    b = { skus: book.skus.length, names };
    BOOK_NAMES.set(book, b);
  }
  let c = CATALOG_NAMES.get(catalog);
  if (!c) {
    c = new Set<string>();
    for (const item of catalog)
      for (const v of [item.sku, item.name, item.category, item.productLine])
        if (v) c.add(lower(v));
    CATALOG_NAMES.set(catalog, c);
  }
  const inBook = b.names;
  const inCatalog = c;
  return (name) => inBook.has(lower(name)) || inCatalog.has(lower(name));
}

/**
 * Why nothing was compared, when the account has no comparable accounts, else null. Accounts are
 * compared within their currency (industry, else tier, else all), so the only account buying in
 * its currency has none: "buys everything comparable accounts buy" would claim a comparison that
 * was never made.
 */
export function noComparableAccountsText(
  currency: string,
  /** the other accounts it is compared with (Whitespace.comparableAccounts) */
  comparableAccounts: number
): string | null {
  if (comparableAccounts > 0) return null;
  return currency
    ? `No comparable accounts: it is the only account buying in ${currency} (accounts are compared within their currency), so nothing was compared with what it buys.`
    : "No comparable accounts: it is the only account in the data, so nothing was compared with what it buys.";
}

/** Categories the comparable group bought in the last 12 months and this account did not, most-bought first. */
export function categoriesNotBoughtOf(x: AccountScope): CategoryNotBought[] {
  const g = x.state.group;
  const peers = g ? g.members.length - (g.memberSet.has(x.idx) ? 1 : 0) : 0;
  const out: CategoryNotBought[] = [];
  if (g && peers > 0) {
    const lapsed = new Set(x.state.lapsed);
    for (const [c, n] of g.buyers) {
      // bought before and lapsed: a win-back (dormant products), not a category never bought
      if (x.bought.has(c) || lapsed.has(c)) continue;
      out.push({
        category: x.cats[c],
        comparableBuyers: n,
        comparableAccounts: peers,
        share: n / peers,
        medianSpend: g.medianSpend.get(c) ?? null,
        priority: notBoughtPriority(n / peers, n),
      });
    }
  }
  return out.sort(
    (a, b) =>
      b.share - a.share ||
      (b.medianSpend ?? 0) - (a.medianSpend ?? 0) ||
      (a.category < b.category ? -1 : 1)
  );
}

/** Category-level cross-sell: the data rules of the account's currency, then the curated rules. */
export function categoryCrossSellOf(
  x: AccountScope,
  skus: Map<number, SkuFigures>
): CrossSellRecommendation[] {
  const { book, cats, account, bought, internal } = x;
  const lapsed = lapsedBefore12(x.state.s, x.asOf, book.skuCategory, x.state.agg);
  const lapsedCats = new Set(lapsed.categories);
  const out: CrossSellRecommendation[] = [];
  const bestByY = new Map<string, (typeof x.portfolio.categoryRules)[number]>();
  for (const r of x.portfolio.categoryRules) {
    if (r.currency !== account.currency) continue;
    const a = book.categoryIndexOf(r.antecedent);
    const c = book.categoryIndexOf(r.consequent);
    if (
      a === undefined ||
      c === undefined ||
      !bought.has(a) ||
      bought.has(c) ||
      lapsedCats.has(c) ||
      r.lift < MIN_RECOMMENDATION_LIFT - 1e-12
    )
      continue;
    const prev = bestByY.get(r.consequent);
    if (!prev || compareRules(r, prev) < 0) bestByY.set(r.consequent, r);
  }
  for (const r of [...bestByY.values()].sort(compareRules)) {
    const a = book.categoryIndexOf(r.antecedent)!;
    const c = book.categoryIndexOf(r.consequent)!;
    const spends: number[] = [];
    for (const i of x.top) {
      const a2 = internal.states[i].agg;
      if (a2.bought12.includes(a) && a2.bought12.includes(c)) spends.push(a2.rev12.get(c) ?? 0);
    }
    const { level: _l, currency: _c, antecedent: _a, consequent: _q, ...metrics } = r;
    out.push({
      source: "affinity",
      curated: false,
      level: "category",
      because: r.antecedent,
      offer: r.consequent,
      rationale: rationaleOf(r.antecedent, r.consequent, r, x),
      priority: null,
      annualEstimate: x.cash(median(spends)),
      metrics,
    });
  }

  const g = x.state.group;
  const groupEstimate = (name: string): number | null => {
    const c =
      book.categoryIndexOf(name) ?? [...cats.keys()].find((k) => lower(cats[k]) === lower(name));
    return c !== undefined && g ? (g.medianSpend.get(c) ?? null) : null;
  };
  const boughtNames = new Set(x.state.agg.bought12.map((c) => lower(cats[c])));
  const boughtSkuNames = new Set<string>();
  const byCode = catalogBySku(x.catalog);
  for (const k of skus.values()) {
    if (!k.bought12) continue;
    boughtSkuNames.add(lower(book.skus[k.sku]));
    const n = book.skuNames[k.sku];
    if (n) boughtSkuNames.add(lower(n));
    // the matrices name product lines ("Insulation Tape"): a product of that line is the line bought
    const productLine = byCode.get(book.skus[k.sku])?.productLine;
    if (productLine) boughtSkuNames.add(lower(productLine));
  }
  const buys = (name: string): boolean =>
    boughtNames.has(lower(name)) || boughtSkuNames.has(lower(name));
  // what it bought before the last 12 months and lapsed ("Cleaning", a line of wipes it stopped
  // buying): a win-back (dormant products), never offered as a new item
  const lapsedNames = new Set(lapsed.categories.map((c) => lower(cats[c])));
  for (const k of lapsed.skus) {
    lapsedNames.add(lower(book.skus[k]));
    const n = book.skuNames[k];
    if (n) lapsedNames.add(lower(n));
    const productLine = byCode.get(book.skus[k])?.productLine;
    if (productLine) lapsedNames.add(lower(productLine));
  }
  const boughtEver = (name: string): boolean => buys(name) || lapsedNames.has(lower(name));
  const stocked = stockedIn(x);
  const industry = account.industry
    ? INDUSTRY_MATRIX.find((m) => lower(m.industry) === lower(account.industry!))
    : undefined;
  if (industry) {
    for (const t of industry.targets) {
      if (boughtEver(t)) continue;
      out.push({
        source: "industry matrix",
        curated: true,
        level: "category",
        because: industry.industry,
        offer: t,
        // what such accounts usually buy — not a claim that this one buys it
        rationale: `${industry.industry} accounts usually buy ${andList(industry.primary)}, and also need ${t}.`,
        priority: null,
        annualEstimate: groupEstimate(t),
        metrics: null,
        ...(stocked(t) ? {} : { notStocked: true }),
      });
    }
  }
  for (const [source, rules] of [
    ["product matrix", PRODUCT_MATRIX],
    ["user rule", x.curated],
  ] as const) {
    for (const r of rules) {
      if (!buys(r.theyBuy) || boughtEver(r.considerSelling)) continue;
      out.push({
        source,
        curated: true,
        level: "category",
        because: r.theyBuy,
        offer: r.considerSelling,
        rationale: r.rationale,
        priority: r.priority,
        annualEstimate: groupEstimate(r.considerSelling),
        metrics: null,
        ...(stocked(r.considerSelling) ? {} : { notStocked: true }),
      });
    }
  }
  return out;
}

/** Everything SKU-level affinity needs for one currency: baskets of top-level rows, buyers index. */
export interface SkuBaskets {
  rows: readonly number[];
  baskets: number[][];
  buyers: number[][];
}

export const NO_SKU_BASKETS: SkuBaskets = { rows: [], baskets: [], buyers: [] };

export function skuBaskets(internal: Internal, currency: string): SkuBaskets {
  // baskets: the accounts that bought a product (net positive) in the 12 months, as for the
  // category rules (RULES.md §2.6); dormant accounts, or one whose purchases were all credited,
  // are no empty baskets lowering every support
  const rows = (internal.topByCurrency.get(currency) ?? []).filter(
    (i) => internal.states[i].agg.skus12.length > 0
  );
  const baskets = rows.map((i) => internal.states[i].agg.skus12);
  const buyers: number[][] = [];
  baskets.forEach((b, k) => {
    for (const sku of b) (buyers[sku] ??= []).push(k);
  });
  return { rows, baskets, buyers };
}

/** 12-month net spend of a row on one SKU (currency units). */
export function skuSpend(internal: Internal, row: number, sku: number, asOf: Serial): number {
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

/** SKU-level rules mined for this account's basket only: one per SKU offered, the TOP_PRODUCTS best. */
export function skuCrossSellOf(x: AccountScope, sb: SkuBaskets): CrossSellRecommendation[] {
  const { book, internal, asOf } = x;
  const skuRules = sb.baskets.length
    ? rulesForBasket(x.state.agg.skus12, sb.baskets, sb.buyers, internal.minSupport)
    : [];
  // a product it bought before and stopped is a win-back (dormant products), never offered as new
  const lapsed = new Set(lapsedBefore12(x.state.s, asOf, book.skuCategory, x.state.agg).skus);
  const bestSku = new Map<number, (typeof skuRules)[number]>();
  for (const r of skuRules) {
    if (r.lift < MIN_RECOMMENDATION_LIFT - 1e-12 || lapsed.has(r.consequent)) continue;
    const prev = bestSku.get(r.consequent);
    if (!prev || compareRules(r, prev) < 0) bestSku.set(r.consequent, r);
  }
  return [...bestSku.values()]
    .sort(compareRules)
    .slice(0, TOP_PRODUCTS)
    .map((r) => {
      const bx = new Set(sb.buyers[r.antecedent] ?? []);
      const spends = (sb.buyers[r.consequent] ?? [])
        .filter((k) => bx.has(k))
        .map((k) => skuSpend(internal, sb.rows[k], r.consequent, asOf));
      const { antecedent, consequent, ...metrics } = r;
      const xn = x.skuName(antecedent);
      const yn = x.skuName(consequent);
      const label = (k: number, name: string) =>
        name && name !== book.skus[k] ? `${name} (${book.skus[k]})` : book.skus[k];
      return {
        source: "affinity" as const,
        curated: false,
        level: "sku" as const,
        because: label(antecedent, xn),
        offer: label(consequent, yn),
        rationale: rationaleOf(xn, yn, metrics, x),
        priority: null,
        annualEstimate: x.cash(median(spends)),
        metrics,
        sku: book.skus[consequent],
        category: x.cats[book.skuCategory[consequent]],
      };
    });
}

/**
 * Categories probably bought elsewhere: those the account switched away from (its own orders, the
 * "switched product categories" risk flag's: first, largest share first), then those most of the
 * same industry's accounts buy and this one does not.
 */
export function competitorDisplacementOf(
  x: AccountScope,
  switched: readonly SwitchedCategory[] = []
): CompetitorDisplacement[] {
  const own = switched.map((w) => switchedDisplacement(x, w));
  const taken = new Set(switched.map((w) => lower(w.category)));
  return [...own, ...industryDisplacementOf(x).filter((c) => !taken.has(lower(c.category)))];
}

/** "Fixings: 30% of revenue in the 12 months to 31/07/2026, none in the last 3 months (last order 22/06/2026): probably bought elsewhere now." */
function switchedDisplacement(x: AccountScope, w: SwitchedCategory): CompetitorDisplacement {
  const date = (v: Serial) => dateText(v, x.culture);
  return {
    category: w.category,
    industry: null,
    industryBuyers: null,
    industryAccounts: null,
    share: null,
    medianSpend: null,
    switched: w,
    boughtBy: `this account until ${date(w.lastOrderDate)} (${x.pct(w.share)} of its revenue in the 12 months to ${date(w.flagPeriodEndDate)})`,
    message: `${w.category}: ${x.pct(w.share)} of revenue in the 12 months to ${date(w.flagPeriodEndDate)}, none in the last 3 months (last order ${date(w.lastOrderDate)}): probably bought elsewhere now.`,
  };
}

/** Categories most of the same industry's accounts buy and this one does not: probably bought elsewhere. */
function industryDisplacementOf(x: AccountScope): CompetitorDisplacement[] {
  const { account, portfolio, internal, cats } = x;
  const out: (CompetitorDisplacement & { share: number })[] = [];
  if (!account.industry) return out;
  const members = x.top.filter(
    (i) => i !== x.idx && portfolio.accounts[i].industry === account.industry
  );
  if (members.length < MIN_COMPARABLE_ACCOUNTS) return out;
  const count = new Map<number, number[]>();
  for (const i of members) {
    const a2 = internal.states[i].agg;
    for (const c of a2.bought12) {
      const spends = count.get(c);
      if (spends) spends.push(a2.rev12.get(c) ?? 0);
      else count.set(c, [a2.rev12.get(c) ?? 0]);
    }
  }
  for (const [c, spends] of count) {
    const share = spends.length / members.length;
    if (x.bought.has(c) || share < COMPETITOR_DISPLACEMENT_SHARE) continue;
    out.push({
      category: cats[c],
      industry: account.industry,
      industryBuyers: spends.length,
      industryAccounts: members.length,
      share,
      medianSpend: x.cash(median(spends)),
      switched: null,
      boughtBy: `${spends.length} of ${members.length} ${account.industry} accounts`,
      // a category it bought before: the ranked list's win-back, at this same median
      message: x.state.lapsed.includes(c)
        ? `${spends.length} of ${members.length} ${account.industry} accounts (${x.pct(share)}) buy ${cats[c]}; this account bought it before and not in the last 12 months: probably bought elsewhere now.`
        : `${spends.length} of ${members.length} ${account.industry} accounts (${x.pct(share)}) buy ${cats[c]} and this account does not: probably bought elsewhere.`,
    });
  }
  return out.sort((a, b) => b.share - a.share || (a.category < b.category ? -1 : 1));
}

/** "A", "A and B", "A, B and C". */
function andList(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}
