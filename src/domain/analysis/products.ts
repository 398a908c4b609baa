/**
 * Product sections of one account's analysis (RULES.md §2.5–2.7): per-SKU figures, top products
 * with reorder periods, replenishment candidates, dormant products, upsell and product-line gaps.
 *
 * Decisions:
 * - Top products: SKUs bought in the last 12 months by 12-month revenue; the reorder period uses
 *   every distinct order date of the SKU up to as-of.
 * - Replenishment: every product bought in the last 12 months with a regular reorder period
 *   (reorderRegularity: ≥ 4 orders, gaps' CV ≤ 0.5), most 12-month revenue first, so the QBR's
 *   candidates and the top-products table agree.
 * - Dormant: bought in the prior 12 months (as-of − 24 … − 12 months) and last-12-month revenue
 *   down by DORMANT.dropShare or more; months since last order are whole calendar months (EDATE).
 */
import { percentText, wholeText } from "../numberText";
import { edate, serialToYmd } from "../dates";
import { median, roundHalfAwayFromZero } from "../numbers";
import { reorderRegularity } from "../reorder";
import { DORMANT, OVERDUE_MULTIPLE, TOP_PRODUCTS, UPSELL_MAX_OF_OWN_SPEND } from "../rules";
import { UNCATEGORISED } from "../orderLines";
import type { CatalogItem, Serial } from "../types";
import { type AccountScope, catalogBySku } from "./accountScope";
import { lapsedBefore12 } from "./aggregates";
import { type SkuBaskets, skuSpend } from "./crossSell";
import { moneyOf, periodBack, stepsOf, type Subject } from "./subject";
import { dateText } from "../dateText";
import { priorityOf } from "./opportunities";
import type {
  DormantProduct,
  LapsedCategory,
  ProductLineGap,
  ReplenishmentCandidate,
  SwitchedCategory,
  TopProduct,
  Upsell,
} from "./types";

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

/** The TOP_PRODUCTS SKUs bought in the last 12 months, most 12-month revenue first, with reorder periods. */
export function topProductsOf(x: AccountScope, skus: Map<number, SkuFigures>): TopProduct[] {
  const { book, cats, asOf } = x;
  return [...skus.values()]
    .filter((k) => k.bought12)
    .sort((a, b) => b.rev12 - a.rev12 || (book.skus[a.sku] < book.skus[b.sku] ? -1 : 1))
    .slice(0, TOP_PRODUCTS)
    .map((k, i) => {
      const last = k.dates[k.dates.length - 1];
      const reg = reorderRegularity(k.dates);
      const period = reg.reorderDays;
      const days = asOf - last;
      return {
        rank: i + 1,
        sku: book.skus[k.sku],
        name: x.skuName(k.sku),
        category: cats[book.skuCategory[k.sku]],
        unitsLast12: k.qty12,
        revenueLast12: k.rev12,
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
}

/** Products bought in the last 12 months with a regular reorder period, most 12-month revenue first. */
export function replenishmentOf(
  x: AccountScope,
  skus: Map<number, SkuFigures>
): ReplenishmentCandidate[] {
  const { book, asOf } = x;
  const { f, u } = x.state.s;
  const out: ReplenishmentCandidate[] = [];
  for (const k of skus.values()) {
    if (!k.bought12) continue;
    const reg = reorderRegularity(k.dates);
    if (!reg.regular) continue;
    let units = 0;
    for (let q = f.pairStart[u]; q < f.pairStart[u + 1]; q++) {
      if (f.pairSku[q] !== k.sku || f.pairRet[q]) continue;
      for (let e = f.entStart[q]; e < f.entStart[q + 1] && f.entDate[e] <= asOf; e++)
        units += f.entQty[e];
    }
    const last = k.dates[k.dates.length - 1];
    out.push({
      sku: book.skus[k.sku],
      name: x.skuName(k.sku),
      orderDates: reg.orders,
      reorderDays: reg.reorderDays!,
      gapVariation: reg.gapVariation!,
      lastOrderDate: last,
      nextExpectedOrder: Math.round(last + reg.reorderDays!),
      // the top products' rule, so the QBR and the Breakdown call the same product overdue
      overdue: asOf - last > OVERDUE_MULTIPLE * reg.reorderDays!,
      overdueFrom: Math.round(last + OVERDUE_MULTIPLE * reg.reorderDays!),
      averageUnitsPerOrder: units / reg.orders,
      revenueLast12: k.rev12,
    });
  }
  return out.sort((a, b) => b.revenueLast12 - a.revenueLast12 || (a.sku < b.sku ? -1 : 1));
}

/** Products whose 12-month revenue fell by DORMANT.dropShare or more, largest prior revenue first. */
export function dormantProductsOf(
  x: AccountScope,
  skus: Map<number, SkuFigures>
): DormantProduct[] {
  const out: DormantProduct[] = [];
  for (const k of skus.values()) {
    if (!k.boughtPrior12 || k.revPrior12 <= 0) continue;
    const drop = (k.revPrior12 - k.rev12) / k.revPrior12;
    if (!(drop >= DORMANT.dropShare - 1e-12)) continue;
    const last = k.dates[k.dates.length - 1];
    const months = wholeMonthsBetween(last, x.asOf);
    out.push({
      sku: x.book.skus[k.sku],
      name: x.skuName(k.sku),
      category: x.cats[x.book.skuCategory[k.sku]],
      lastOrderDate: last,
      monthsSinceLastOrder: months,
      revenueLast12: k.rev12,
      revenuePrior12: k.revPrior12,
      drop,
      churnRisk: churnRiskOf(months),
    });
  }
  return out.sort((a, b) => b.revenuePrior12 - a.revenuePrior12 || (a.sku < b.sku ? -1 : 1));
}

/**
 * Categories the account bought before the last 12 months and not in them (PRODUCT.md §2: lapsed,
 * a win-back, never whitespace): one win-back each on the ranked list, whether lost 13 or 30
 * months ago. Its dormant products (bought in the prior 12 months) are that entry's products, not
 * entries or plan initiatives of their own, so the category has one value on every sheet. Each
 * with its last purchase, its net spend in the 12 months to then and the comparable group's
 * evidence, as a category not bought has it (the Whitespace Map's share and median); most
 * recently lost first.
 */
export function lapsedCategoriesOf(x: AccountScope): LapsedCategory[] {
  const lapsed = new Set(x.state.lapsed);
  if (!lapsed.size) return [];
  const { asOf, book } = x;
  const s = x.state.s;
  const { f, u } = s;
  const last = new Map<number, number>();
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    const c = book.skuCategory[f.pairSku[p]];
    if (!lapsed.has(c)) continue;
    for (let e = f.entStart[p]; e < f.entStart[p + 1] && f.entDate[e] <= asOf; e++)
      if (!f.pairRet[p] && f.entRev[e] > 0) last.set(c, Math.max(last.get(c) ?? 0, f.entDate[e]));
  }
  const g = x.state.group;
  const peers = g ? g.members.length - (g.memberSet.has(x.idx) ? 1 : 0) : 0;
  const out: LapsedCategory[] = [];
  for (const [c, lastOrderDate] of last) {
    const before = periodBack(lastOrderDate, 12);
    let steps = 0;
    for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
      if (book.skuCategory[f.pairSku[p]] !== c) continue;
      for (let e = f.entStart[p]; e < f.entStart[p + 1]; e++)
        if (f.entDate[e] > before.start && f.entDate[e] <= lastOrderDate)
          steps += stepsOf(s, f.entRev[e]);
    }
    const spendBefore = x.cash(moneyOf(s, steps))!;
    const n = g?.buyers.get(c) ?? 0;
    const months = wholeMonthsBetween(lastOrderDate, asOf);
    out.push({
      category: x.cats[c],
      lastOrderDate,
      monthsSinceLastOrder: months,
      spendBefore,
      peers:
        g && n > 0 && peers > 0
          ? {
              category: x.cats[c],
              comparableBuyers: n,
              comparableAccounts: peers,
              share: n / peers,
              medianSpend: g.medianSpend.get(c) ?? null,
              priority: priorityOf(n / peers),
            }
          : null,
      message: `Bought ${x.cats[c]} until ${dateText(lastOrderDate, x.culture)} (${x.money(spendBefore)} in the 12 months to then); none in the ${months} months since.`,
    });
  }
  return out.sort(
    (a, b) => b.lastOrderDate - a.lastOrderDate || (a.category < b.category ? -1 : 1)
  );
}

/**
 * The categories the account switched away from: its "switched product categories" risk flags
 * (alerts.ts), largest share first, so the win-back and the flag name the same categories. Each
 * is priced at its own net spend in the prior 12 months, as the plan's "Recover" initiatives price
 * a dormant product; in the flag's 12 months (to as-of − 3 months) when it bought none in the
 * prior 12 (a category it took up and dropped within the last 15 months). Lines with no category
 * are no category to win back.
 */
export function switchedCategoriesOf(x: AccountScope): SwitchedCategory[] {
  const flags = x.account.riskFlags.filter(
    (r) => r.kind === "switchedCategory" && r.values.category !== UNCATEGORISED
  );
  if (!flags.length) return [];
  const { asOf, book } = x;
  const s = x.state.s;
  const { f, u } = s;
  const prior = periodBack(asOf, 12, 12);
  const flagPeriod = periodBack(asOf, 12, 3);
  const date = (v: Serial) => dateText(v, x.culture);
  const out: SwitchedCategory[] = [];
  for (const flag of flags) {
    const category = String(flag.values.category);
    const c = book.categoryIndexOf(category);
    if (c === undefined) continue;
    let last = 0;
    let priorSteps = 0;
    for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
      if (book.skuCategory[f.pairSku[p]] !== c) continue;
      for (let e = f.entStart[p]; e < f.entStart[p + 1] && f.entDate[e] <= asOf; e++) {
        const at = f.entDate[e];
        if (!f.pairRet[p] && f.entRev[e] > 0) last = Math.max(last, at);
        if (at > prior.start && at <= prior.end) priorSteps += stepsOf(s, f.entRev[e]);
      }
    }
    const priorSpend = x.cash(moneyOf(s, priorSteps))!;
    const inPrior = priorSpend > 0;
    const spendBefore = inPrior ? priorSpend : Number(flag.values.categoryRevenuePrior12);
    const basis = inPrior ? prior : flagPeriod;
    const revenueLast12 = x.state.agg.rev12.get(c) ?? 0;
    const since =
      revenueLast12 > 0 ? ` and ${x.money(revenueLast12)} in the 12 months to ${date(asOf)}` : "";
    out.push({
      category,
      lastOrderDate: last,
      spendBefore,
      basis: { start: basis.start, end: basis.end },
      share: Number(flag.values.share),
      flagPeriodEndDate: flagPeriod.end,
      revenueLast12,
      estimateBasis: `its own net spend on ${category} in the 12 months to ${date(basis.end)}`,
      message: `Bought ${x.money(spendBefore)} of ${category} in the 12 months to ${date(basis.end)}${since}, none since ${date(last)}.`,
    });
  }
  return out;
}

/**
 * Product lines (from the catalog) the account buys part of: each missing variant with the
 * median 12-month spend of its buyers in the affinity population, largest estimate first.
 */
export function productLineGapsOf(x: AccountScope, sb: SkuBaskets): ProductLineGap[] {
  const { book, asOf } = x;
  const ownSkus = new Set(x.state.agg.skus12.map((k) => book.skus[k]));
  // a variant bought before the last 12 months and stopped is a win-back (dormant products), not
  // one to add: neither counted missing nor priced into the gap
  const lapsed = new Set(
    lapsedBefore12(x.state.s, asOf, book.skuCategory, x.state.agg).skus.map((k) => book.skus[k])
  );
  const medianSkuSpend = (skuCode: string): number | null => {
    const k = book.skuIndexOf(skuCode);
    if (k === undefined) return null;
    const spends = (sb.buyers[k] ?? []).map((b) => skuSpend(x.internal, sb.rows[b], k, asOf));
    return x.cash(median(spends));
  };
  const lines = new Map<string, CatalogItem[]>();
  for (const item of x.catalog)
    if (item.productLine)
      lines.set(item.productLine, [...(lines.get(item.productLine) ?? []), item]);
  const out: ProductLineGap[] = [];
  for (const [line, items] of lines) {
    const boughtCount = items.filter((i) => ownSkus.has(i.sku)).length;
    const lapsedCount = items.filter((i) => !ownSkus.has(i.sku) && lapsed.has(i.sku)).length;
    if (boughtCount === 0 || boughtCount + lapsedCount === items.length) continue;
    const variants = items.map((i) => {
      const has = ownSkus.has(i.sku);
      const before = !has && lapsed.has(i.sku);
      return {
        sku: i.sku,
        name: i.name ?? i.sku,
        bought: has,
        ...(before ? { lapsed: true as const } : {}),
        medianSpend: has || before ? null : medianSkuSpend(i.sku),
      };
    });
    const { lineBuyers, gapBuyers, gapVariant } = lineBuyersOf(x, sb, items, ownSkus, lapsed);
    out.push({
      productLine: line,
      variants,
      boughtCount,
      missingCount: items.length - boughtCount - lapsedCount,
      estimate: x.cash(variants.reduce((t, v) => t + (v.medianSpend ?? 0), 0))!,
      lineBuyers,
      gapBuyers,
      gapVariant,
    });
  }
  return out.sort((a, b) => b.estimate - a.estimate || (a.productLine < b.productLine ? -1 : 1));
}

/**
 * The evidence for a line gap, as for any entry of the ranked list: the comparable accounts (the
 * account's comparable group, as the Whitespace Map's; every other account when it has none) that
 * buy what this account buys of the line, in the affinity population (net-positive buyers in the
 * last 12 months, the SKU rules' baskets), and the variant it does not buy that most of them also
 * buy, with how many: the gap's likelihood is gapBuyers / lineBuyers, the confidence of "buys
 * these variants → buys that one" among accounts like it.
 */
function lineBuyersOf(
  x: AccountScope,
  sb: SkuBaskets,
  items: readonly CatalogItem[],
  ownSkus: ReadonlySet<string>,
  lapsed: ReadonlySet<string>
): { lineBuyers: number; gapBuyers: number; gapVariant: string | null } {
  const g = x.state.group;
  const comparable = (b: number) =>
    sb.rows[b] !== x.idx && (g === null || g.memberSet.has(sb.rows[b]));
  const buyersOf = (sku: string): number[] => {
    const k = x.book.skuIndexOf(sku);
    return k === undefined ? [] : (sb.buyers[k] ?? []).filter(comparable);
  };
  // the comparable accounts buying a variant this account buys
  const alike = new Set<number>();
  for (const item of items)
    if (ownSkus.has(item.sku)) for (const b of buyersOf(item.sku)) alike.add(b);
  let gapBuyers = 0;
  let gapVariant: string | null = null;
  for (const item of items) {
    if (ownSkus.has(item.sku) || lapsed.has(item.sku)) continue;
    const n = buyersOf(item.sku).filter((b) => alike.has(b)).length;
    if (n > gapBuyers) {
      gapBuyers = n;
      gapVariant = item.name ?? item.sku;
    }
  }
  return { lineBuyers: alike.size, gapBuyers, gapVariant };
}

/**
 * How the upsell's prices were compared: "list £8.00 against £10.00; at the £7.20 a unit it pays
 * over the last 12 months, £9.00", or "£1.79 a unit paid over the last 12 months against £5.28
 * list" (no current list price), or "list prices, £8.00 against £10.00" (no price paid).
 */
function priceBasisText(
  basis: Upsell["currentPriceBasis"],
  likeForLike: boolean,
  currentList: number | null,
  current: number,
  premium: number,
  money: (n: number) => string
): string {
  if (basis !== "paid") return `list prices, ${money(current)} against ${money(premium)}`;
  if (likeForLike && currentList !== null)
    return `list ${money(currentList)} against ${money(premium)}; at the ${money(current)} a unit it pays over the last 12 months, ${money((current * premium) / currentList)}`;
  return `${money(current)} a unit paid over the last 12 months against ${money(premium)} list`;
}

/** How many other accounts of the affinity population buy the current product or its premium, and how many the premium. */
function premiumBuyersOf(
  x: AccountScope,
  sb: SkuBaskets,
  current: number,
  premiumSku: string
): { alternativeBuyers: number; premiumBuyers: number } {
  const premium = x.book.skuIndexOf(premiumSku);
  const others = (k: number | undefined) =>
    k === undefined ? [] : (sb.buyers[k] ?? []).filter((b) => sb.rows[b] !== x.idx);
  const onPremium = others(premium);
  return {
    alternativeBuyers: new Set([...others(current), ...onPremium]).size,
    premiumBuyers: onPremium.length,
  };
}

/**
 * Catalog premium alternatives of the SKUs bought in the last 12 months that the account does not
 * buy. The premium is priced like for like: its list price against the current product's list
 * price (+25%), carried to what the account pays now (net revenue ÷ units over the last 12
 * months), so "more per year" = the account's own 12-month spend on the product × the list
 * premium, never its discount read as premium. Without the current list price: premium list −
 * price paid, on last year's units. Either way at most UPSELL_MAX_OF_OWN_SPEND × that spend.
 */
export function upsellOf(x: AccountScope, skus: Map<number, SkuFigures>, sb: SkuBaskets): Upsell[] {
  const { book } = x;
  const own = x.state.agg.skus12;
  const ownSkus = new Set(own.map((k) => book.skus[k]));
  const bySku = catalogBySku(x.catalog);
  const out: Upsell[] = [];
  for (const k of own) {
    const code = book.skus[k];
    const item = bySku.get(code);
    if (!item?.premiumSku || ownSkus.has(item.premiumSku)) continue;
    const fig = skus.get(k)!;
    const premium = bySku.get(item.premiumSku);
    // what the account pays a unit (net revenue ÷ units, last 12 months), not the list price it
    // may never pay; the list price only when the 12 months give no positive price
    const paid = fig.qty12 > 0 && fig.rev12 > 0 ? fig.rev12 / fig.qty12 : null;
    const currentList = item.listPrice ?? null;
    const currentPrice = paid ?? currentList;
    const currentPriceBasis = paid !== null ? "paid" : currentPrice !== null ? "list" : null;
    const premiumPrice = premium?.listPrice ?? null;
    // like for like: list against list; else the premium's list against the price paid
    const base = currentList !== null && currentList > 0 ? currentList : currentPrice;
    const premiumShare = base && premiumPrice !== null ? (premiumPrice - base) / base : null;
    const diff = premiumShare === null ? null : premiumShare * 100;
    const currentName = x.skuName(k);
    const premiumName = premium?.name ?? item.premiumSku;
    const spend = paid !== null ? fig.rev12 : 0;
    // the account's price level carried to the premium: paid × (1 + list premium)
    const perUnit =
      premiumShare === null || currentPrice === null
        ? null
        : base === currentList
          ? currentPrice * premiumShare
          : premiumPrice! - currentPrice;
    const raw = perUnit !== null && fig.qty12 > 0 ? perUnit * fig.qty12 : null;
    const bound = UPSELL_MAX_OF_OWN_SPEND * spend;
    const capped = raw !== null && spend > 0 && raw > bound + 1e-9;
    const extra = raw === null ? null : capped ? bound : raw;
    const units = x.culture ? wholeText(fig.qty12, x.culture) : String(fig.qty12);
    out.push({
      currentSku: code,
      currentName,
      premiumSku: item.premiumSku,
      premiumName,
      currentPrice,
      currentPriceBasis,
      premiumPrice,
      currentListPrice: currentList,
      premiumCategory: premium?.category ?? null,
      priceDifferencePct: diff === null ? null : roundHalfAwayFromZero(diff, 1),
      unitsLast12: fig.qty12,
      spendLast12: x.cash(spend)!,
      extraPerYear: extra !== null && fig.qty12 > 0 ? x.cash(extra) : null,
      capped,
      ...premiumBuyersOf(x, sb, k, item.premiumSku),
      valueProposition:
        `Offer ${premiumName} in place of ${currentName}` +
        (diff !== null
          ? ` (${percentText(`${diff >= 0 ? "+" : ""}${roundHalfAwayFromZero(diff, 1)}`, x.culture)} per unit: ${priceBasisText(currentPriceBasis, base === currentList, currentList, currentPrice!, premiumPrice!, x.money)})`
          : "") +
        (extra !== null && fig.qty12 > 0
          ? paid !== null
            ? `: on last year's ${units} units (${x.money(spend)}) that is ${x.money(extra)} more per year${capped ? `, capped at its own 12-month spend on ${currentName} (${x.money(raw!)} at the full premium)` : ""}.`
            : `: on last year's ${units} units that is ${x.money(extra)} more per year.`
          : "."),
    });
  }
  return out;
}
