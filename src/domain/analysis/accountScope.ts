/**
 * AccountScope: what every section of one account's analysis reads (RULES.md §2.5–2.7): the
 * account row, its working state in the portfolio model, the context tables and the money
 * helpers. Built once by analyzeAccount and handed to each section function.
 */
import { codeLabel, formatMoney, moneyLabel, roundMoney, type MoneyLabel } from "../currency";
import { percentText } from "../numberText";
import type { CatalogItem, ContactRecord, CuratedRule, Serial } from "../types";
import type { OrderBook } from "./book";
import type { Internal, PortfolioModel, SubjectState } from "./portfolio";
import type { AccountAnalysis, AnalysisContext, PortfolioAnalysis } from "./types";

export const lower = (s: string): string => s.trim().toLowerCase();

export interface AccountScope {
  portfolio: PortfolioAnalysis;
  internal: Internal;
  book: OrderBook;
  asOf: Serial;
  /** the account's row index in `portfolio.accounts` and `internal.states` */
  idx: number;
  account: AccountAnalysis;
  state: SubjectState;
  /** category names by index */
  cats: readonly string[];
  catalog: readonly CatalogItem[];
  /** every account's contacts (the relationship map also looks at other accounts') */
  contactsAll: readonly ContactRecord[];
  curated: readonly CuratedRule[];
  /** top-level rows of the account's currency (its affinity population) */
  top: readonly number[];
  /** category indices bought (net positive) in the last 12 months */
  bought: ReadonlySet<number>;
  /** how money in text is written: a prefix ("£"), or the culture's style */
  prefix: MoneyLabel;
  /** money in text, e.g. "£1,250" */
  money: (v: number) => string;
  /** the workbook's culture: figures in text follow it ("63 %", "1,7x"); none: en-GB */
  culture?: string;
  /** a share as a whole percent in text: 0.63 → "63%" (en-GB), "63 %" (de-DE) */
  pct: (x: number) => string;
  /** money figures as written: rounded to the currency's minor unit; null stays null */
  cash: (v: number | null | undefined) => number | null;
  /** display name of a SKU index: the lines' name, else the catalog's, else the code */
  skuName: (k: number) => string;
}

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

const CATALOG_CACHE = new WeakMap<readonly CatalogItem[], Map<string, CatalogItem>>();
/** The catalog by SKU code, built once per catalog array. */
export function catalogBySku(catalog: readonly CatalogItem[]): Map<string, CatalogItem> {
  let m = CATALOG_CACHE.get(catalog);
  if (!m) {
    m = new Map(catalog.map((c) => [c.sku, c]));
    CATALOG_CACHE.set(catalog, m);
  }
  return m;
}

/**
 * The scope of one account's analysis. Context tables given in `ctx` win over the model's.
 * Throws RangeError when the account (in that currency) has no order lines.
 */
export function accountScope(
  model: PortfolioModel,
  accountId: string,
  ctx: Partial<AnalysisContext> = {},
  currency?: string
): AccountScope {
  const { analysis: portfolio, internal } = model;
  const book = internal.book;
  const idx = accountRowIndex(portfolio, accountId, currency);
  const account = portfolio.accounts[idx];
  const state = internal.states[idx];
  const catalog = ctx.catalog ?? internal.ctx.catalog ?? [];
  const culture = ctx.culture ?? internal.ctx.culture;
  const coded = ctx.codedCurrencies ?? internal.ctx.codedCurrencies;
  const prefix = coded?.includes(account.currency)
    ? codeLabel(account.currency, culture)
    : moneyLabel(
        account.currency || (ctx.defaultCurrency ?? internal.ctx.defaultCurrency ?? "GBP"),
        culture,
        ctx.moneyPlacement ?? internal.ctx.moneyPlacement
      );
  return {
    portfolio,
    internal,
    book,
    asOf: portfolio.asOf,
    idx,
    account,
    state,
    cats: book.categories,
    catalog,
    contactsAll: ctx.contacts ?? internal.ctx.contacts ?? [],
    curated: ctx.curatedRules ?? internal.ctx.curatedRules ?? [],
    top: internal.topByCurrency.get(account.currency) ?? [],
    bought: new Set(state.agg.bought12),
    prefix,
    money: (v) => formatMoney(v, prefix),
    culture,
    pct: (v) => percentText(Math.round(v * 100), culture),
    cash: (v) => (v === null || v === undefined ? null : roundMoney(v, account.currency)),
    skuName: (k) =>
      book.skuNames[k] ?? catalogBySku(catalog).get(book.skus[k])?.name ?? book.skus[k],
  };
}
