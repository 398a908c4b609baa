/**
 * analyzePortfolio: every account (per currency) as of a date — health with its inputs and
 * 12-month history, whitespace potential, quadrant, ABC tier, risk flags, alerts, win-back —
 * and the portfolio views built from them (dashboard, whitespace map, category affinity).
 *
 * Decisions (documented for the faces):
 * - Each currency is its own portfolio for every comparison (ABC, medians, affinity, cuts).
 * - Parents: a parent's row includes its children's lines (same currency) and lists them;
 *   children are drill-down rows (isTopLevel false). Portfolio totals, ABC tiers, comparable
 *   groups and affinity baskets use top-level rows only, so nothing is counted twice.
 * - Comparable group: other top-level accounts of the same currency and industry when there
 *   are at least MIN_COMPARABLE_ACCOUNTS of them, else of the same tier (same minimum), else all.
 *   A category is "bought by comparable accounts" when at least CATEGORY_ADOPTION_SHARE of the
 *   group bought it in the last 12 months; its estimate is the median 12-month spend of those buyers.
 *   A category the account bought before the last 12 months and not in them is lapsed: a win-back
 *   (dormant products, the plan's "Recover"), never whitespace (lapsedBefore12).
 * - Quadrant engagement: the account's engagement (1–5); without one, the combined health
 *   score (1–5) stands in, flagged as engagementSource 'health score'. Potential = whitespace £,
 *   cut = the median potential of the currency's top-level accounts (no whitespace is never high).
 * - Revenue at stake: the larger of the last and the prior 12 months' revenue, so an account that
 *   has stopped ordering counts what it used to spend, not the little left in its last 12 months.
 * - Focus accounts: the FOCUS_PER_BAND Critical and the FOCUS_PER_BAND At Risk top-level rows with
 *   the most revenue at stake (then the lowest score), Critical first; a band with fewer leaves its
 *   rows to the other (focusAccountsOf).
 * - Alerts: by severity, then the account's band (worst first), then the most revenue at stake: a
 *   Critical alert on a Critical account before the same severity on a Healthy one (alertOrder).
 */
import {
  DEFAULT_WEIGHTS,
  CATEGORY_ADOPTION_SHARE,
  DEFAULT_SCALE_CUT,
  FOCUS_ACCOUNTS,
  FOCUS_PER_BAND,
  MIN_COMPARABLE_ACCOUNTS,
  MIN_RULE_SUPPORT_ACCOUNTS,
  type Quadrant,
  ABC_CUTS,
} from "../rules";
import {
  bandAction,
  bandOf,
  normaliseWeights,
  type Weights,
  weightedScore,
  weightsArray,
} from "../health";
import { codeLabel, isSharedSymbol, moneyLabel, roundMoney, type MoneyLabel } from "../currency";
import { median, sortSmallInts } from "../numbers";
import { percentText, wholeText } from "../numberText";
import { quadrantApproach, quadrantOf, writtenMoneyPotentialCut } from "../quadrant";
import type { AccountRecord, HealthBand, Serial } from "../types";
import { dateText } from "../dateText";
import { compareRules, minePairRules, type PairRule, TooManyRulesError } from "./affinity";
import { initiativeRollup, trackInitiatives } from "./initiatives";
import { type Frozen, NO_CURRENCY, NO_PRODUCT, type OrderBook } from "./book";
import {
  type DateWindows,
  diversityAt,
  DiversityScratch,
  emptyInputs,
  factorScoresInto,
  historyInputsInto,
  historyDates,
  scoreInputs,
  type SubjectLogs,
  trendOf,
  WindowEdges,
  windowsAt,
} from "./healthAt";
import {
  AggScratch,
  categoryAggregates,
  type CategoryAggregates,
  lapsedCategoriesBefore12,
} from "./aggregates";
import { riskFlagsAndAlerts, winBackOf } from "./alerts";
import { opportunitiesWithheld } from "./opportunities";
import { applyLifetime, silentChurnList, valueHealthView } from "./lifetime";
import { groupLogs } from "./logs";
import { ordersIn, periodBack, rollUp, type Subject } from "./subject";
import type {
  AbcTier,
  AccountAnalysis,
  AffinityRule,
  AnalysisContext,
  BandSummary,
  CurrencyLifetimeModel,
  ComparableBasis,
  Dashboard,
  FocusAccount,
  HealthInputs,
  HealthPoint,
  NotYetCustomer,
  OpenAlert,
  PortfolioAnalysis,
  Whitespace,
  WhitespaceMap,
} from "./types";

/** A comparable group of top-level rows of one currency. */
export interface ComparableGroup {
  basis: ComparableBasis;
  basisValue: string;
  /** indices into portfolio.accounts */
  members: number[];
  memberSet: Set<number>;
  /** category id → number of members that bought it in the last 12 months */
  buyers: Map<number, number>;
  /** category id → median 12-month spend among the members that bought it */
  medianSpend: Map<number, number>;
}

export interface SubjectState {
  s: Subject;
  units: number[];
  rec: AccountRecord | undefined;
  agg: CategoryAggregates;
  group: ComparableGroup | null;
  /** categories bought before the last 12 months and not in them (lapsed: win-back, not whitespace) */
  lapsed: number[];
  /** the account's engagement log and ledger (its sites' included), when the workbook has them */
  logs: SubjectLogs | undefined;
}

export interface Internal {
  book: OrderBook;
  f: Frozen;
  ctx: AnalysisContext;
  weights: Weights;
  states: SubjectState[];
  /** currency → indices of its top-level rows */
  topByCurrency: Map<string, number[]>;
  groups: Map<string, ComparableGroup>;
  minSupport: number;
  /** the accounts table by id, and each account's sites (its children in that table) */
  records: ReadonlyMap<string, AccountRecord>;
  childrenOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * A portfolio analysis with the working state behind it: what analyzeAccount and qbrData need
 * besides the account rows (the frozen book, per-account aggregates, comparable groups).
 * Plain rows go to the faces as `analysis`; the model stays with the engine that made it.
 */
export interface PortfolioModel {
  readonly analysis: PortfolioAnalysis;
  readonly internal: Internal;
}

const BAND_ORDER: HealthBand[] = ["Healthy", "Stable", "At Risk", "Critical"];

/** The account rows of a portfolio analysis (see buildPortfolio for the model behind them). */
export function analyzePortfolio(book: OrderBook, ctx: AnalysisContext): PortfolioAnalysis {
  return buildPortfolio(book, ctx).analysis;
}

/** Scores every account at ctx.asOf and keeps the state account sheets and the QBR read. */
export function buildPortfolio(book: OrderBook, ctx: AnalysisContext): PortfolioModel {
  const asOf = Math.floor(ctx.asOf);
  const weights = ctx.weights ? normaliseWeights(ctx.weights) : { ...DEFAULT_WEIGHTS };
  const f = book.freeze();
  const warnings: string[] = [];
  const records = new Map<string, AccountRecord>();
  for (const r of ctx.accounts ?? []) records.set(r.accountId, r);

  // Parent links, with cycles broken (a cycle member is treated as top-level).
  const parentOf = new Map<string, string>();
  for (const r of records.values())
    if (r.parentId && r.parentId !== r.accountId) parentOf.set(r.accountId, r.parentId);
  for (const id of [...parentOf.keys()]) {
    const seen = new Set<string>([id]);
    let p = parentOf.get(id);
    while (p !== undefined) {
      if (seen.has(p)) {
        warnings.push(`Parent links of ${id} form a cycle; ${id} is treated as top-level.`);
        parentOf.delete(id);
        break;
      }
      seen.add(p);
      p = parentOf.get(p);
    }
  }
  const childrenOf = new Map<string, string[]>();
  for (const [c, p] of parentOf) childrenOf.set(p, [...(childrenOf.get(p) ?? []), c]);

  // Subjects: (account, currency) for every unit and for every ancestor of it.
  const subjectUnits = new Map<
    string,
    { accountId: string; currency: string; units: number[]; fromChildren: boolean }
  >();
  const unitsPerCurrency = new Map<string, number>();
  for (let u = 0; u < f.unitCount; u++) {
    const currency = book.currencies[book.unitCurrency[u]];
    unitsPerCurrency.set(currency, (unitsPerCurrency.get(currency) ?? 0) + 1);
    let id: string | undefined = book.accountIds[book.unitAccount[u]];
    let own = true;
    while (id !== undefined) {
      const key = `${id}\u0001${currency}`;
      let e = subjectUnits.get(key);
      if (!e) {
        e = { accountId: id, currency, units: [], fromChildren: false };
        subjectUnits.set(key, e);
      }
      e.units.push(u);
      if (!own) e.fromChildren = true;
      id = parentOf.get(id);
      own = false;
    }
  }
  // each subject's units in an array of its exact length (kept with its row)
  for (const e of subjectUnits.values()) e.units = e.units.slice();
  // Accounts in the Accounts table with no lines (themselves or below) still get a row — never
  // ordered — in the data's main currency (their money is 0, so nothing is mixed).
  const mainCurrency = [...unitsPerCurrency].sort((a, b) => b[1] - a[1])[0]?.[0] ?? NO_CURRENCY;
  const hasRow = new Set([...subjectUnits.values()].map((e) => e.accountId));
  for (const id of records.keys()) {
    if (!hasRow.has(id))
      subjectUnits.set(`${id}\u0001${mainCurrency}`, {
        accountId: id,
        currency: mainCurrency,
        units: [],
        fromChildren: false,
      });
  }
  // An account whose first line is after the as-of date is not yet a customer then (as the
  // trend's month-ends before its first order): no score, no band, not in the counts or tiers.
  const notYetCustomers: NotYetCustomer[] = [];
  for (const [key, e] of subjectUnits) {
    const first = firstLineDate(f, e.units);
    if (first === null || first <= asOf) continue;
    subjectUnits.delete(key);
    const name =
      records.get(e.accountId)?.name ??
      book.accountNames[book.accountIndexOf(e.accountId) ?? -1] ??
      e.accountId;
    notYetCustomers.push({
      accountId: e.accountId,
      name,
      currency: e.currency,
      firstOrderDate: first,
    });
  }
  notYetCustomers.sort(
    (a, b) => a.firstOrderDate - b.firstOrderDate || (a.accountId < b.accountId ? -1 : 1)
  );
  if (notYetCustomers.length)
    warnings.push(notYetCustomersNote(notYetCustomers, asOf, ctx.dateCulture ?? ctx.culture));
  const currenciesOf = new Map<string, number>();
  for (const e of subjectUnits.values())
    currenciesOf.set(e.accountId, (currenciesOf.get(e.accountId) ?? 0) + 1);

  const catOfSku = Int32Array.from(book.skuCategory);
  const nCat = book.categories.length;
  const dates = historyDates(asOf);
  const windows = dates.map(windowsAt);
  const logs = groupLogs(ctx.engagementLog, ctx.invoices, book, records, childrenOf);
  warnings.push(...logs.warnings);
  const env: SubjectEnv = {
    book,
    f,
    asOf,
    ctx,
    weights,
    weightArr: weightsArray(weights),
    catOfSku,
    dates,
    windows,
    edges: new WindowEdges(windows),
    divScratch: new DiversityScratch(nCat, dates.length),
    hasCategories: ctx.hasCategories !== false,
    hasProducts: ctx.hasProducts !== false,
    scratch: [null, null, null, null, null, null],
    pointInputs: emptyInputs(),
    aggScratch: new AggScratch(nCat),
    records,
    parentOf,
    childrenOf,
    currenciesOf,
    categoryName: (c: number) => book.categories[c],
    categoryNamesSorted: namesSorter(book.categories),
    moneyPrefixOf: memoByCurrency((c) =>
      ctx.codedCurrencies?.includes(c)
        ? codeLabel(c, ctx.culture)
        : moneyLabel(c || (ctx.defaultCurrency ?? "GBP"), ctx.culture, ctx.moneyPlacement)
    ),
    logsOf: logs.logsOf,
  };
  const accounts: AccountAnalysis[] = [];
  const states: SubjectState[] = [];
  const entries = [...subjectUnits.values()].sort((a, b) =>
    a.accountId < b.accountId
      ? -1
      : a.accountId > b.accountId
        ? 1
        : a.currency < b.currency
          ? -1
          : 1
  );
  const step = Math.max(1, Math.ceil(entries.length / 20));
  for (const e of entries) {
    const { account, state } = analyzeSubject(e, env);
    accounts.push(account);
    states.push(state);
    if (ctx.onProgress && (accounts.length % step === 0 || accounts.length === entries.length))
      ctx.onProgress(accounts.length, entries.length);
  }

  // Per currency: comparable groups, whitespace, quadrant, ABC.
  const topByCurrency = new Map<string, number[]>();
  const rowsByCurrency = new Map<string, number[]>();
  accounts.forEach((a, i) => {
    pushTo(rowsByCurrency, a.currency, i);
    if (a.isTopLevel) pushTo(topByCurrency, a.currency, i);
  });
  const groups = new Map<string, ComparableGroup>();
  const groupFor = (
    currency: string,
    basis: ComparableBasis,
    value: string,
    members: number[]
  ): ComparableGroup => {
    const key = `${currency}\u0001${basis}\u0001${value}`;
    let g = groups.get(key);
    if (!g) {
      // counted by category id in arrays, then put in maps in the order the categories first
      // turn up (as the maps were filled before): no map lookups per member and category
      const count = new Int32Array(nCat);
      const spendOf: number[][] = [];
      const seen: number[] = [];
      for (const i of members) {
        const agg = states[i].agg;
        for (const c of agg.bought12) {
          if (count[c]++ === 0) {
            seen.push(c);
            spendOf[c] = [];
          }
          spendOf[c].push(agg.rev12.get(c) ?? 0);
        }
      }
      const buyers = new Map<number, number>();
      const medianSpend = new Map<number, number>();
      for (const c of seen) {
        buyers.set(c, count[c]);
        medianSpend.set(c, roundMoney(median(spendOf[c]) ?? 0, currency));
      }
      g = { basis, basisValue: value, members, memberSet: new Set(members), buyers, medianSpend };
      groups.set(key, g);
    }
    return g;
  };
  for (const [currency, top] of topByCurrency) {
    const byIndustry = new Map<string, number[]>();
    const byTier = new Map<string, number[]>();
    for (const i of top) {
      const a = accounts[i];
      if (a.industry) pushTo(byIndustry, a.industry, i);
      if (a.tier) pushTo(byTier, a.tier, i);
    }
    const pick = (i: number): ComparableGroup => {
      const a = accounts[i];
      // top-level rows are members of their own industry/tier group; children are not
      const others = (m: number[] | undefined): number =>
        m ? m.length - (a.isTopLevel ? 1 : 0) : 0;
      const ind = a.industry ? byIndustry.get(a.industry) : undefined;
      if (a.industry && others(ind) >= MIN_COMPARABLE_ACCOUNTS)
        return groupFor(currency, "industry", a.industry, ind!);
      const tier = a.tier ? byTier.get(a.tier) : undefined;
      if (a.tier && others(tier) >= MIN_COMPARABLE_ACCOUNTS)
        return groupFor(currency, "tier", a.tier, tier!);
      return groupFor(currency, "all", "All accounts", top);
    };
    // children are compared with the top-level rows of their currency too
    const rows = rowsByCurrency.get(currency) ?? [];
    for (const i of rows) {
      const g = pick(i);
      states[i].group = g;
      states[i].lapsed = lapsedCategoriesBefore12(
        states[i].s,
        asOf,
        catOfSku,
        states[i].agg.bought12,
        env.aggScratch
      );
      accounts[i].whitespace = whitespaceOf(
        g,
        i,
        states[i].agg,
        book.categories,
        currency,
        states[i].lapsed
      );
    }
    const potentials = top.map((i) => accounts[i].whitespace.potential);
    const cut = writtenMoneyPotentialCut(potentials, currency);
    for (const i of rows) {
      const a = accounts[i];
      const eng = a.health.inputs.engagement;
      const engagement = eng ?? a.health.score ?? 1;
      const q = quadrantOf(
        engagement,
        a.whitespace.potential,
        ctx.engagementCut ?? DEFAULT_SCALE_CUT,
        cut
      );
      a.quadrant = {
        quadrant: q,
        approach: quadrantApproach(q),
        engagement,
        engagementSource:
          eng === null
            ? "health score"
            : a.health.inputs.engagementSource === "engagement log"
              ? "engagement log"
              : "account",
        engagementCut: ctx.engagementCut ?? DEFAULT_SCALE_CUT,
        potential: a.whitespace.potential,
        potentialCut: cut,
      };
    }
    assignAbc(top.map((i) => accounts[i]));
    for (const i of rows) {
      const a = accounts[i];
      const reasons: string[] = [];
      if (a.abcTier === "A")
        reasons.push(
          `A tier (top ${percentText(Math.round(ABC_CUTS.A * 100), ctx.culture)} of revenue)`
        );
      if (a.quadrant.quadrant === "Growth Potential") reasons.push("Growth Potential quadrant");
      a.keyAccountCandidate = reasons.length > 0;
      a.keyAccountReason = reasons.length ? reasons.join("; ") : null;
    }
  }

  const minSupport = ctx.minRuleSupportAccounts ?? MIN_RULE_SUPPORT_ACCOUNTS;
  const categoryRules: AffinityRule[] = [];
  for (const [currency, top] of topByCurrency) {
    // baskets: the accounts that bought something (net positive) in the 12 months; dormant accounts are not empty baskets
    const baskets = top.map((i) => states[i].agg.bought12).filter((b) => b.length > 0);
    const room = (ctx.maxCategoryRules ?? Infinity) - categoryRules.length;
    let mined: PairRule[];
    try {
      mined = minePairRules(baskets, nCat, minSupport, room);
    } catch (e) {
      if (!(e instanceof TooManyRulesError)) throw e;
      throw new Error(
        `The categories bought together by ${minSupport} or more accounts make more than ${wholeText(ctx.maxCategoryRules ?? 0, ctx.culture)} cross-sell rules, more than there is memory for: the category column has ${wholeText(nCat, ctx.culture)} values. Map a coarser category column (a product group, not a product), or give the analysis more memory.`
      );
    }
    for (const r of mined) {
      const { antecedent, consequent, ...m } = r;
      categoryRules.push({
        ...m,
        level: "category",
        currency,
        antecedent: book.categories[antecedent],
        consequent: book.categories[consequent],
      });
    }
  }
  categoryRules.sort(compareRules);

  const lifetimeModels = applyLifetime(
    accounts,
    states.map((st) => st.s),
    asOf,
    { horizonMonths: ctx.clvHorizonMonths, discountRate: ctx.clvDiscountRate },
    ctx.culture
  );

  const currencies = [...topByCurrency.keys()].sort();
  // lines naming no code, written with a shared symbol nothing else writes ("$" beside €): named
  // as written, as the summary's Currency line does; else they name no currency at all
  const unnamed = isSharedSymbol(ctx.defaultCurrency) ? `"${ctx.defaultCurrency}"` : "no currency";
  const initiatives = trackInitiatives(book, accounts, { states }, ctx.initiatives ?? [], asOf);
  // Lines that name no product are an invoice-level file's totals, said once below, not service lines.
  const serviceLines = book.serviceLines().filter((l) => l.kind !== NO_PRODUCT);
  if (serviceLines.length) {
    const lines = serviceLines.reduce((t, l) => t + l.lines, 0);
    const named = serviceLines
      .slice(0, 6)
      .map((l) => (l.name && l.name !== l.sku ? `${l.sku} (${l.name})` : l.sku));
    warnings.push(
      `${lines} service and adjustment line${lines === 1 ? "" : "s"} (${named.join(", ")}${serviceLines.length > 6 ? ", …" : ""}) count in revenue but not as products or categories.`
    );
  }
  if (ctx.hasProducts === false)
    warnings.push(
      `The order lines have no product or SKU column (an invoice-level export): revenue, health (${ctx.hasCategories === false ? "Diversity n/a" : "Diversity from the category column"}), win-back, alerts, ABC tiers and lifetime value are analysed; the purchase breakdown, cross-sell and whitespace map need a product or SKU column.`
    );
  else if (ctx.hasCategories === false)
    warnings.push(
      'The order lines have no category column and there is no catalog: Diversity is n/a, and category views have one "Uncategorised" group.'
    );
  const portfolio: PortfolioAnalysis = {
    asOf,
    weights,
    currencies,
    currencyWarning:
      currencies.length > 1
        ? `The order lines are in ${currencies.length} currencies (${currencies.map((c) => (isSharedSymbol(c) ? `"${c}"` : c || unnamed)).join(", ")}). Money is shown per currency and never added across currencies; accounts are compared only with accounts in the same currency.`
        : null,
    accounts,
    dashboard: {
      ...dashboardOf(accounts, lifetimeModels),
      initiativeProgress: initiativeRollup(initiatives),
    },
    whitespaceMap: whitespaceMapOf(accounts, states, book.categories),
    categoryRules,
    initiatives,
    warnings,
    lifetimeModels,
    serviceLines,
    hasCategories: ctx.hasCategories !== false,
    hasProducts: ctx.hasProducts !== false,
    notYetCustomers,
  };
  return {
    analysis: portfolio,
    internal: {
      book,
      f,
      ctx,
      weights,
      states,
      topByCurrency,
      groups,
      minSupport,
      records,
      childrenOf,
    },
  };
}

/** The date of the subject's first order or return line; null when it has none. */
function firstLineDate(f: Frozen, units: readonly number[]): number | null {
  let first: number | null = null;
  for (const u of units) {
    if (f.ordStart[u] < f.ordStart[u + 1])
      first = Math.min(first ?? Infinity, f.ordDate[f.ordStart[u]]);
    if (f.retStart[u] < f.retStart[u + 1])
      first = Math.min(first ?? Infinity, f.retDate[f.retStart[u]]);
  }
  return first;
}

/**
 * "1 account has its first order after the as-of date 30/06/2025 (K1005 Nordbau Süd GmbH,
 * 02/04/2026): not yet a customer then, it is not scored and not counted in the bands, quadrants
 * or ABC tiers." Five named at most.
 */
function notYetCustomersNote(
  list: readonly NotYetCustomer[],
  asOf: Serial,
  culture: string | undefined
): string {
  const n = list.length;
  const named = list
    .slice(0, 5)
    .map(
      (a) =>
        `${a.name !== a.accountId ? `${a.accountId} ${a.name}` : a.accountId}, ${dateText(a.firstOrderDate, culture)}`
    );
  const more = n > 5 ? `; and ${wholeText(n - 5, culture)} more` : "";
  return `${wholeText(n, culture)} account${n === 1 ? " has its" : "s have their"} first order after the as-of date ${dateText(asOf, culture)} (${named.join("; ")}${more}): not yet ${n === 1 ? "a customer" : "customers"} then, ${n === 1 ? "it is" : "they are"} not scored and not counted in the bands, quadrants or ABC tiers.`;
}

/** What every subject's analysis shares: the book, the dates, scratch space, the account records. */
interface SubjectEnv {
  book: OrderBook;
  f: Frozen;
  asOf: number;
  ctx: AnalysisContext;
  weights: Weights;
  weightArr: number[];
  catOfSku: Int32Array;
  dates: number[];
  windows: DateWindows[];
  /** the history windows' edges, loaded with each subject's positions in turn */
  edges: WindowEdges;
  divScratch: DiversityScratch;
  /** false: the data has no categories, so Diversity is n/a */
  hasCategories: boolean;
  hasProducts: boolean;
  scratch: (number | null)[];
  pointInputs: HealthInputs;
  aggScratch: AggScratch;
  records: Map<string, AccountRecord>;
  parentOf: Map<string, string>;
  childrenOf: Map<string, string[]>;
  currenciesOf: Map<string, number>;
  categoryName: (c: number) => string;
  /** the names of some categories (distinct ids), sorted as Array.prototype.sort sorts them */
  categoryNamesSorted: (cats: readonly number[]) => string[];
  /** the money prefix of a currency (worked out once per currency, not per row) */
  moneyPrefixOf: (currency: string) => MoneyLabel;
  /** the engagement log and payments ledger of an account and its sites */
  logsOf: (accountId: string) => SubjectLogs | undefined;
}

/**
 * One row: health now and at the 12 month-ends, category aggregates, risk flags, alerts. Its
 * own function (not the loop body of analyzePortfolio) so the engine optimises it early.
 */
function analyzeSubject(
  e: { accountId: string; currency: string; units: number[]; fromChildren: boolean },
  x: SubjectEnv
): { account: AccountAnalysis; state: SubjectState } {
  const s: Subject = e.units.length === 1 ? { f: x.f, u: e.units[0] } : rollUp(x.f, e.units);
  const rec = x.records.get(e.accountId);
  const logs = x.logsOf(e.accountId);
  const div = diversityAt(s, x.dates, x.catOfSku, x.divScratch);
  const cats = x.hasCategories ? div.categories : null;
  // with categories, the products of the categories bought; without, every SKU bought
  const prods = x.hasCategories ? div.products : div.skusBought;
  // History points need only the score: the allocation-free path; as-of gets the full result.
  // The history array has its exact length (it stays with the row; pushing leaves room for 17).
  const history = new Array<HealthPoint>(x.dates.length);
  const last = x.dates.length - 1;
  x.edges.load(s);
  for (let j = 0; j < last; j++) {
    const point = historyInputsInto(
      x.pointInputs,
      s,
      x.edges,
      j,
      cats && cats[j],
      // no product column: one category is never "one product only" (as today's row below)
      x.hasProducts ? prods[j] : null,
      rec,
      logs,
      true
    );
    // a month-end before the first order is blank, not "never ordered" (1, Critical): the
    // sparkline and trend start when the account became a customer, not with a false recovery
    const score =
      point.firstOrderDate === null
        ? null
        : weightedScore(factorScoresInto(point, x.scratch), x.weightArr);
    history[j] = { date: x.dates[j], score, band: score === null ? null : bandOf(score) };
  }
  // as inputsFrom(s, x.windows[last], div, last, rec, x.hasCategories, logs), by the edges
  const inputs = historyInputsInto(
    emptyInputs(),
    s,
    x.edges,
    last,
    x.hasCategories ? div.categories[last] : null,
    prods[last],
    rec,
    logs,
    false
  );
  if (!x.hasProducts) inputs.productsLast12 = null;
  const today = scoreInputs(inputs, x.weights);
  history[last] = { date: x.asOf, score: today.score, band: today.band };
  const override = rec?.healthOverride ?? null;
  const agg = categoryAggregates(s, x.asOf, x.catOfSku, x.aggScratch);
  let orderedBy =
    e.units.length === 1
      ? x.book.orderedByOf(e.units[0])
      : new Map<string, { name: string; date: number }>();
  if (e.units.length > 1) {
    const merged = new Map<string, { name: string; date: number }>();
    for (const u of e.units)
      for (const [k, v] of x.book.orderedByOf(u))
        if (!merged.has(k) || v.date < merged.get(k)!.date) merged.set(k, v);
    orderedBy = merged;
  }
  const sig = {
    s,
    asOf: x.asOf,
    inputs,
    rec,
    agg,
    categoryName: x.categoryName,
    orderedBy,
    moneyPrefix: x.moneyPrefixOf(e.currency),
    culture: x.ctx.culture,
    currency: e.currency,
    engagementLog: logs?.engagement,
  };
  const signals = riskFlagsAndAlerts(sig);
  const o12 = ordersInLast12(s, inputs);
  const name =
    rec?.name ?? x.book.accountNames[x.book.accountIndexOf(e.accountId) ?? -1] ?? e.accountId;
  const multi = (x.currenciesOf.get(e.accountId) ?? 1) > 1;
  const account: AccountAnalysis = {
    key: multi ? `${e.accountId} (${e.currency || "no currency"})` : e.accountId,
    accountId: e.accountId,
    name,
    currency: e.currency,
    parentId: x.parentOf.get(e.accountId) ?? null,
    childIds: (x.childrenOf.get(e.accountId) ?? []).slice().sort(),
    isTopLevel: !x.parentOf.has(e.accountId),
    rolledUp: e.fromChildren,
    industry: rec?.industry ?? null,
    tier: rec?.tier ?? null,
    accountManager: rec?.accountManager ?? null,
    // HealthResult's members written out in its order (no spread: one object shape for every row)
    health: {
      score: today.score,
      band: today.band,
      factors: today.factors,
      used: today.used,
      effectiveWeights: today.effectiveWeights,
      inputs,
      computedBand: today.band,
      finalBand: override ? override.band : today.band,
      isOverride: override !== null,
      override,
    },
    history,
    trend: trendOf(history),
    revenueLast12: inputs.revenueLast12,
    revenuePrior12: inputs.revenuePrior12,
    ordersLast12: o12.count,
    averageOrderValueLast12: o12.count ? roundMoney(o12.value / o12.count, e.currency) : null,
    categoriesLast12: x.categoryNamesSorted(agg.bought12),
    whitespace: {
      basis: "all",
      basisValue: "All accounts",
      comparableAccounts: 0,
      gaps: [],
      potential: 0,
    },
    quadrant: {
      quadrant: "Service",
      approach: "",
      engagement: 0,
      engagementSource: "account",
      engagementCut: DEFAULT_SCALE_CUT,
      potential: 0,
      potentialCut: 0,
    },
    abcTier: null,
    revenueShare: null,
    cumulativeShare: null,
    keyAccountCandidate: false,
    keyAccountReason: null,
    riskFlags: signals.riskFlags,
    alerts: signals.alerts,
    winBack: winBackOf(inputs.daysSinceLastOrder, rec, x.ctx.culture),
    lifetime: null,
  };
  return { account, state: { s, units: e.units, rec, agg, group: null, lapsed: [], logs } };
}

/**
 * Sorts lists of category ids into their names' order (UTF-16 code units, as `.sort()` orders
 * strings) through the names' ranks, worked out once: no string comparisons per account.
 */
function namesSorter(names: readonly string[]): (ids: readonly number[]) => string[] {
  const byName = names
    .map((_, i) => i)
    .sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const rank = new Int32Array(names.length);
  byName.forEach((c, k) => (rank[c] = k));
  return (ids) => {
    // pushed, not mapped: one kind of array whatever the length (an empty map result is another)
    const ranks: number[] = [];
    for (let k = 0; k < ids.length; k++) ranks.push(rank[ids[k]]);
    sortSmallInts(ranks);
    return ranks.map((k) => names[byName[k]]);
  };
}

function memoByCurrency<T>(fn: (currency: string) => T): (currency: string) => T {
  const seen = new Map<string, T>();
  return (c) => {
    let v = seen.get(c);
    if (v === undefined) seen.set(c, (v = fn(c)));
    return v;
  };
}

function ordersInLast12(s: Subject, inputs: { date: number }): { count: number; value: number } {
  return ordersIn(s, periodBack(inputs.date, 12));
}

export function whitespaceOf(
  g: ComparableGroup,
  self: number,
  agg: CategoryAggregates,
  categories: readonly string[],
  currency = "",
  /** categories the account bought before the last 12 months: a win-back, not whitespace */
  lapsed: readonly number[] = []
): Whitespace {
  const peers = g.members.length - (g.memberSet.has(self) ? 1 : 0);
  const own = new Set([...agg.bought12, ...lapsed]);
  const gaps = [];
  let potential = 0;
  if (peers > 0) {
    for (const [c, n] of g.buyers) {
      if (own.has(c)) continue;
      if (n >= CATEGORY_ADOPTION_SHARE * peers) {
        const m = g.medianSpend.get(c) ?? 0;
        gaps.push({
          category: categories[c],
          comparableBuyers: n,
          comparableAccounts: peers,
          share: n / peers,
          medianSpend: m,
        });
        potential += m;
      }
    }
  }
  gaps.sort((a, b) => b.medianSpend - a.medianSpend || (a.category < b.category ? -1 : 1));
  return {
    basis: g.basis,
    basisValue: g.basisValue,
    comparableAccounts: peers,
    // a copy of its exact length (kept with the row)
    gaps: gaps.slice(),
    potential: roundMoney(potential, currency),
  };
}

/**
 * Pareto tiers within one currency (PRODUCT.md §2.2a), accounts by 12-month revenue, largest
 * first: A while the cumulative share (the account's own revenue included) is ≤ 80%, B to 95%,
 * C the rest. 50/30/15/5: A, A, B, C; 500/302/198: A, B (50% → 80.2%), C.
 * One exception, where the rule would rank no account A: the largest account is always A (an
 * account with 81% of a currency's revenue, or its only account; the next account is then
 * ranked by the same cumulative share: 81/19 reads A, C).
 */
export function assignAbc(rows: AccountAnalysis[]): void {
  const sorted = rows
    .slice()
    .sort((a, b) => b.revenueLast12 - a.revenueLast12 || (a.accountId < b.accountId ? -1 : 1));
  let total = 0;
  for (const r of sorted) if (r.revenueLast12 > 0) total += r.revenueLast12;
  let cum = 0;
  const eps = 1e-9;
  for (const r of sorted) {
    if (total <= 0 || r.revenueLast12 <= 0) {
      r.abcTier = "C";
      r.revenueShare = total > 0 ? Math.max(0, r.revenueLast12) / total : 0;
      r.cumulativeShare = total > 0 ? cum / total : 0;
      continue;
    }
    const largest = cum === 0;
    cum += r.revenueLast12;
    const share = cum / total;
    r.revenueShare = r.revenueLast12 / total;
    r.cumulativeShare = share;
    r.abcTier = largest || share <= ABC_CUTS.A + eps ? "A" : share <= ABC_CUTS.B + eps ? "B" : "C";
  }
}

function pushTo<K>(m: Map<K, number[]>, k: K, v: number): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Adds money of one currency, kept rounded to its minor unit (a sum of rounded figures, written as such). */
function addMoney(m: Record<string, number>, currency: string, v: number): void {
  m[currency] = roundMoney((m[currency] ?? 0) + v, currency);
}

const SEVERITY_RANK = { Critical: 0, Warning: 1, Opportunity: 2 } as const;
/** The worst band first; an unscored account after Healthy. */
const BAND_RANK: Record<HealthBand, number> = { Critical: 0, "At Risk": 1, Stable: 2, Healthy: 3 };
const bandRank = (b: HealthBand | null) => (b === null ? 4 : BAND_RANK[b]);

/**
 * What an account has at stake: the larger of its last and prior 12 months' revenue (never below
 * 0). An account that has stopped ordering has lost what it used to spend, not just what is left
 * in its last 12 months (£2,535.76 last 12 months after £10,029.87 the 12 before: £10,029.87).
 */
export function revenueAtStake(
  a: Pick<AccountAnalysis, "revenueLast12" | "revenuePrior12">
): number {
  return Math.max(a.revenueLast12, a.revenuePrior12, 0);
}

/** Most revenue at stake first, then the lowest score, then by key (a fixed order). */
function byStake(a: AccountAnalysis, b: AccountAnalysis): number {
  return (
    revenueAtStake(b) - revenueAtStake(a) ||
    (a.health.score ?? 0) - (b.health.score ?? 0) ||
    (a.key < b.key ? -1 : 1)
  );
}

/**
 * This month's focus accounts (PRODUCT.md §2.8, "lowest health with the most revenue at stake"):
 * the FOCUS_PER_BAND Critical and the FOCUS_PER_BAND At Risk top-level accounts with the most
 * revenue at stake, Critical first. Ranked by revenue alone the large At Risk accounts filled every
 * row and no Critical one showed; Critical alone would drop a large At Risk account for a tiny
 * Critical one. A band with fewer accounts leaves its rows to the other (FOCUS_ACCOUNTS in all).
 */
export function focusAccountsOf(top: readonly AccountAnalysis[]): AccountAnalysis[] {
  const critical = top.filter((a) => a.health.finalBand === "Critical").sort(byStake);
  const atRisk = top.filter((a) => a.health.finalBand === "At Risk").sort(byStake);
  const criticalRows = Math.min(
    critical.length,
    Math.max(FOCUS_PER_BAND, FOCUS_ACCOUNTS - atRisk.length)
  );
  return [...critical.slice(0, criticalRows), ...atRisk.slice(0, FOCUS_ACCOUNTS - criticalRows)];
}

/**
 * The order alerts are listed in (the dashboard shows the first ones): severity, then the
 * account's band, worst first, then the most revenue at stake. The rules flag a small last order
 * on a healthy account that ordered yesterday as Critical too; ranked by revenue alone those led
 * the list over the Critical accounts a director must act on.
 */
export function alertOrder(
  x: Pick<OpenAlert, "severity" | "band" | "revenueAtStake" | "key">,
  y: Pick<OpenAlert, "severity" | "band" | "revenueAtStake" | "key">
): number {
  return (
    SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
    bandRank(x.band) - bandRank(y.band) ||
    y.revenueAtStake - x.revenueAtStake ||
    (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
}

function dashboardOf(
  accounts: AccountAnalysis[],
  lifetimeModels: readonly CurrencyLifetimeModel[]
): Omit<Dashboard, "initiativeProgress"> {
  const top = accounts.filter((a) => a.isTopLevel);
  const annualRevenue: Record<string, number> = {};
  for (const a of top) addMoney(annualRevenue, a.currency, a.revenueLast12);
  const scores = top.map((a) => a.health.score).filter((x): x is number => x !== null);
  // the top-level rows of each band and tier, in one pass each (in row order, as filters give them)
  const inBand = new Map<HealthBand, AccountAnalysis[]>(BAND_ORDER.map((b) => [b, []]));
  const inTier = new Map<AbcTier, AccountAnalysis[]>([
    ["A", []],
    ["B", []],
    ["C", []],
  ]);
  for (const a of top) {
    if (a.health.finalBand !== null) inBand.get(a.health.finalBand)?.push(a);
    if (a.abcTier !== null) inTier.get(a.abcTier)?.push(a);
  }
  const bands: BandSummary[] = BAND_ORDER.map((band) => {
    const rows = inBand.get(band)!;
    const revenue: Record<string, number> = {};
    for (const a of rows) addMoney(revenue, a.currency, a.revenueLast12);
    const revenueShare: Record<string, number> = {};
    for (const c of Object.keys(revenue))
      revenueShare[c] = annualRevenue[c] ? revenue[c] / annualRevenue[c] : 0;
    return {
      band,
      count: rows.length,
      countShare: top.length ? rows.length / top.length : 0,
      revenue,
      revenueShare,
    };
  });
  const quadrants: Record<Quadrant, number> = {
    Key: 0,
    Maintenance: 0,
    "Growth Potential": 0,
    Service: 0,
  };
  for (const a of top) quadrants[a.quadrant.quadrant]++;
  const abc = (["A", "B", "C"] as AbcTier[]).map((tier) => {
    const revenue: Record<string, number> = {};
    const rows = inTier.get(tier)!;
    for (const a of rows) addMoney(revenue, a.currency, a.revenueLast12);
    return { tier, count: rows.length, revenue };
  });
  const focusAccounts: FocusAccount[] = focusAccountsOf(top).map((a) => ({
    key: a.key,
    accountId: a.accountId,
    name: a.name,
    currency: a.currency,
    band: a.health.finalBand!,
    score: a.health.score,
    revenueLast12: a.revenueLast12,
    revenuePrior12: a.revenuePrior12,
    revenueAtStake: revenueAtStake(a),
    daysSinceLastOrder: a.health.inputs.daysSinceLastOrder,
    winBack: a.winBack,
    nextAction:
      a.winBack && a.winBack.stage > 0 ? a.winBack.action : bandAction(a.health.finalBand!),
    overrideReason: a.health.isOverride && a.health.override ? a.health.override.reason : null,
  }));
  const openAlerts: OpenAlert[] = [];
  for (const a of accounts) {
    for (const al of a.alerts)
      openAlerts.push({
        severity: al.severity,
        kind: al.kind,
        message: al.message,
        values: al.values,
        key: a.key,
        accountId: a.accountId,
        name: a.name,
        currency: a.currency,
        revenueLast12: a.revenueLast12,
        band: a.health.finalBand,
        revenueAtStake: revenueAtStake(a),
      });
  }
  openAlerts.sort(alertOrder);
  return {
    accountsManaged: top.length,
    annualRevenue,
    averageHealth: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    bands,
    quadrants,
    abc,
    focusAccounts,
    openAlerts,
    valueHealth: valueHealthView(accounts),
    // not from a fit flagged not reliable (the dashboard's note says why)
    silentChurn: silentChurnList(
      accounts,
      new Set(lifetimeModels.filter((m) => !m.reliable).map((m) => m.currency))
    ),
  };
}

function whitespaceMapOf(
  accounts: AccountAnalysis[],
  states: SubjectState[],
  categories: readonly string[]
): WhitespaceMap {
  const order = categories
    .map((_, i) => i)
    .sort((a, b) => (categories[a] < categories[b] ? -1 : categories[a] > categories[b] ? 1 : 0));
  // a category's column by its name (names are distinct): each row's few gaps go straight there
  const columnOf = new Map(order.map((c, k) => [categories[c], k]));
  const rows = [];
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    if (!a.isTopLevel) continue;
    const agg = states[i].agg;
    const whitespace = new Array<number | null>(order.length).fill(null);
    // a lost account's gaps are not offered (its plan, QBR and Cross-Sell say so): none shown here
    const lost = opportunitiesWithheld(a) !== null;
    for (const g of lost ? [] : a.whitespace.gaps) {
      const k = columnOf.get(g.category);
      if (k !== undefined) whitespace[k] = g.medianSpend;
    }
    rows.push({
      key: a.key,
      accountId: a.accountId,
      name: a.name,
      currency: a.currency,
      industry: a.industry,
      tier: a.tier,
      accountManager: a.accountManager,
      spend: order.map((c) => agg.rev12.get(c) ?? 0),
      whitespace,
      potential: lost ? null : a.whitespace.potential,
      lost,
    });
  }
  return { categories: order.map((c) => categories[c]), rows };
}

export { NO_CURRENCY };
