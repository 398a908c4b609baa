/**
 * The one pipeline behind every face: detect → parse (streamed) → analyse → lay out.
 * Pure (no Office.js, no files): the CLI feeds it grids read by ExcelJS, the add-in feeds it
 * chunks read from Excel (in a Web Worker when available). It keeps an OrderBook, not rows.
 */
import {
  accountOpportunities,
  analyzeAccount,
  buildPortfolio,
  OrderBook,
  proposedInitiativeRows,
  qbrData,
  type AccountDetail,
  type Opportunity,
  type ProposedInitiativeRow,
  type PortfolioAnalysis,
  type PortfolioModel,
  type QbrData,
} from "../domain/analysis";
import type { PairFolding } from "../domain/analysis/pairFold";
import {
  fiscalQuarterLabel,
  fiscalQuarterOf,
  fiscalQuarterSpan,
  lastCompletedQuarter,
  defaultQbrQuarter,
  NO_CURRENCY,
  parseFiscalQuarter,
  recommended,
} from "../domain/analysis";
import { normaliseWeights } from "../domain/health";
import type { HoldoutCheck } from "../domain/analysis/clv";
import { portfolioHoldoutCheck } from "../domain/analysis/lifetime";
import { serialOfLocalDay, serialToIso } from "../domain/dates";
import type { Serial } from "../domain/types";
import {
  amountsText,
  codesBesideBareSymbols,
  hasMinorPart,
  isSharedSymbol,
  minorUnitDigits,
  type MoneyWriting,
  type SymbolPlacement,
} from "../domain/currency";
import { symbolAfterPlacement } from "../sheets/formatText";
import type { ColumnMapping } from "../ingest/detect";
import type { Cell, Grid } from "../ingest/grid";
import { layoutById } from "../ingest/layouts";
import { requireComplete } from "../ingest/mapping";
import {
  currencyOfSharedSymbol,
  SYMBOL_EXAMPLES,
  type DefaultCurrency,
  defaultCurrencyOf,
} from "../ingest/cultureCurrency";
import { nearDuplicateWarning, unmatchedAccountsWarning } from "../ingest/nearDuplicates";
import { createOrderParser, type IngestReport, type OrderParser } from "../ingest/orders";
import type { DateOrder } from "../ingest/values";
import { asOfText, layoutOptions, type LayoutOptions } from "../sheets/options";
import { passedOverNote } from "../sheets/qbrWorkbook";
import { finishForPrint, paperFor } from "../sheets/print";
import type { LiveOrderSource } from "../sheets/liveInputs";
import type { SheetSpec } from "../sheets/spec";
import { actionOf, unavailableReason, type ActionId } from "./actions";
import type { KapSettings } from "./settings";
import {
  type IngestSource,
  IngestSession,
  type OrderPlan,
  type OrderReadOptions,
  type OrderSink,
  type SessionOptions,
  emptySideTables,
  type SideTables,
} from "./session";
import { listOf } from "./assumptions";
import { type CurrencyDoubt, currencyDoubtOf, japaneseAccountOf } from "./currencyDoubt";
import { DateTally } from "./dateTally";
import {
  AS_OF_LATE_DAYS,
  asOfOf,
  asOfWarning,
  defaultAsOf,
  returnsAfterLastSaleWarning,
  STRAY_GAP_DAYS,
  strayLateWarning,
} from "./settings";

export { emptySideTables, type SideTables };

/** Cultures that name each shared symbol's commonest currencies (kap --culture's examples). */

/** The cell format of money that names no currency beside money that does: no symbol. */
const PLAIN_MONEY = "#,##0;-#,##0";

export class KapEngine implements OrderSink {
  /** The order lines read (a new one when a provisional reading is discarded). */
  book = new OrderBook();
  side: SideTables = emptySideTables();
  report?: IngestReport;
  portfolio?: PortfolioAnalysis;
  private model?: PortfolioModel;
  private readonly details = new Map<string, AccountDetail>();
  /** accounts' opportunities worked out without their whole detail (the dashboard's focus list) */
  private readonly opportunityLists = new Map<string, Opportunity[]>();
  settings?: KapSettings;
  /** Number format of the source revenue column, so money on KAP's sheets looks like the data's. */
  sourceMoneyFormat?: string;

  /**
   * The currency of money on lines that name none, and where it came from: the revenue column's
   * format, else the symbol on the totals rows, else the culture's region, else GBP.
   */
  get defaultCurrencyChoice(): DefaultCurrency {
    const c = this.currencyChoiceOfData();
    // KAP's default where the data says it is most likely wrong: no symbol, never a guessed "£"
    return c.source === "default" && this.doubtOfData() ? { code: "", source: "default" } : c;
  }

  /** The currency the data, the culture or KAP's default names for lines that name none. */
  private currencyChoiceOfData(): DefaultCurrency {
    return defaultCurrencyOf(
      this.sourceMoneyFormat,
      this.report?.totalsCurrency,
      this.culture,
      this.report?.fileSymbol
    );
  }

  /**
   * Why KAP's default currency (GBP) is most likely not the data's, when it would be the one
   * shown (nothing names another): such money is then shown with no symbol (defaultCurrencyChoice).
   */
  get currencyDoubt(): CurrencyDoubt | undefined {
    return this.currencyChoiceOfData().source === "default" ? this.doubtOfData() : undefined;
  }

  private doubtOfData(): CurrencyDoubt | undefined {
    const r = this.report;
    return r ? currencyDoubtOf(r, () => this.japaneseAccount()) : undefined;
  }

  /** japaneseAccountOf the book's accounts, looked for once per book (asked of every money figure). */
  private japaneseScan?: { book: OrderBook; accounts: number; found?: string };
  private japaneseAccount(): string | undefined {
    const { book } = this;
    const n = book.accountIds.length;
    if (this.japaneseScan?.book !== book || this.japaneseScan.accounts !== n)
      this.japaneseScan = {
        book,
        accounts: n,
        found: japaneseAccountOf(book.accountIds, book.accountNames),
      };
    return this.japaneseScan.found;
  }

  /** ISO code of money on lines without a currency column or symbol (defaultCurrencyChoice). */
  get defaultCurrency(): string {
    return this.defaultCurrencyChoice.code;
  }

  /**
   * The currency text shows money of lines that name none in: the default when the data names
   * no currency at all (RULES.md §1.2); beside lines that name one, none ("") — the analysis
   * keeps such lines apart, and a "£" would pass them off as pounds.
   */
  get unnamedCurrency(): string {
    const c = this.defaultCurrencyChoice;
    const named = Object.keys(this.report?.currencies ?? {}).filter((k) => k !== "");
    // lines written with a shared symbol nothing names ("$100.00" beside "€80.00") are filed
    // under '' as that symbol's: shown with the "$" the data wrote, no ISO code claimed; beside
    // a currency that writes it too (USD) a bare figure, so the two are never taken for one
    // beside a currency that writes it too (USD), still "$": that one is shown by its code
    // (codedCurrencies), so the two are never taken for one
    if (c.source === "symbol" && c.sharedBy) return c.code;
    return named.length ? "" : c.code;
  }
  /** The ISO codes shown by their code beside money written with their bare symbol ("USD" beside "$"). */
  get codedCurrencies(): ReadonlySet<string> {
    const keys = Object.keys(this.report?.currencies ?? {});
    return codesBesideBareSymbols(keys.map((k) => k || this.unnamedCurrency));
  }
  /** Told as accounts are scored during analyze (done of total), e.g. by the worker to the pane. */
  onAnalysisProgress?: (done: number, total: number) => void;
  /** Whether the order lines carry categories: a category column, or a catalog to look them up in. */
  hasCategories = true;
  private parser?: OrderParser;
  /** The workbook's culture when the source knows it: the paper KAP's sheets print on (paperFor). */
  culture?: string;

  /**
   * The culture KAP's sheets write dates in (src/domain/dateText): the workbook's, or `kap
   * --culture`'s. Without one, en-US when the order dates were read month-first because the
   * data or the export's layout said so (10/31/2026 in, 10/31/2026 out: a US export's reader
   * expects its own dates back); else undefined, en-GB's dd/mm/yyyy.
   */
  get dateCulture(): string | undefined {
    return dateCultureOf(this.culture, this.report?.read);
  }
  /**
   * With no culture and money shown with a bare "$" (no dollar named), the paper follows the
   * dates: read month-first from the data (a US export) → en-US's Letter; else none (A4).
   */
  private paperCultureOfSymbol(): string | undefined {
    return this.unnamedCurrency === "$" ? this.dateCulture : undefined;
  }
  /** Each account's QBR figures, computed once per analysis and quarter (they reuse the account's detail). */
  private readonly qbrs = new Map<string, QbrData>();

  setSideTables(t: SideTables): void {
    this.side = t;
  }

  /**
   * Where each book's purchases are folded into pair entries, when not as they come (the CLI's
   * fold thread for a large file: src/cli/foldThread.ts). Each `begin` starts a new book with it.
   */
  pairFolding?: () => PairFolding;

  /** The ingest session's sink: side tables, money format and the order-line mapping, then rows. */
  begin(plan: OrderPlan): void {
    if (this.pairFolding && this.book.linesAdded === 0)
      this.book = new OrderBook({ folding: this.pairFolding() });
    this.setSideTables(plan.side);
    this.sourceMoneyFormat = plan.sourceMoneyFormat;
    this.culture = plan.culture;
    this.beginOrders(plan.mapping, plan.headers, plan.read ?? plan.dateOrder);
  }

  push(rows: readonly (readonly Cell[])[], firstRowNumber: number): void {
    this.pushOrders(rows, firstRowNumber);
  }

  finish(): IngestReport {
    return this.finishOrders();
  }

  /** The lines pushed since `begin` were read with a plan the whole sample did not confirm: forget them. */
  discard(): void {
    this.book = new OrderBook();
    this.linesOnDate = new DateTally();
    this.fractionalCurrencies.clear();
    this.parser = undefined;
  }

  /** The currencies ("" for lines naming none) of the book's lines with amounts below the whole unit (£100.50). */
  private readonly fractionalCurrencies = new Set<string>();

  /** Whether money cells show the minor unit: some currency's lines have pence, cents … (a yen's never). */
  private hasFractionalMoney(): boolean {
    return [...this.fractionalCurrencies].some(
      (c) => minorUnitDigits(c || this.defaultCurrency) > 0
    );
  }

  /** The book's order lines per date: how many an earlier as-of date leaves out. */
  private linesOnDate = new DateTally();

  /** The as-of warning for `asOf`: far past the data, before it, or leaving later lines out. */
  asOfWarning(asOf: Serial): string | undefined {
    if (!this.report) return undefined;
    const after = this.linesOnDate.after(asOf);
    const read = this.report.read;
    const last = this.report.lastDate;
    // no as-of set: lines after the default (the last sale's) are returns, said as such
    if (!this.settings?.asOf && after.lines && last !== null && asOf === defaultAsOf(this.report))
      return returnsAfterLastSaleWarning(
        asOf,
        last,
        after.lines,
        this.culture,
        this.moneyByCurrencyText(after.value)
      );
    return (
      asOfWarning(asOf, this.report.lastDate, this.report.firstDate, after.lines, this.culture, {
        value: this.moneyByCurrencyText(after.value),
        assumedOrder: read?.dateOrderSource === "default" ? read.dateOrder : undefined,
      }) ??
      strayLateWarning(asOf, this.linesOnDate.strayLate(STRAY_GAP_DAYS, 5, 0.01), this.culture)
    );
  }

  /**
   * Money per currency key as text, "$2,350.00" or "£100.00 and €40.00" (amountsText): lines
   * naming no currency in the currency text shows them in (unnamedCurrency); undefined when there
   * is none.
   */
  private moneyByCurrencyText(value: ReadonlyMap<string, number>): string | undefined {
    const list = [...value].map(([c, v]) => [c || this.unnamedCurrency, v] as const);
    return list.length ? amountsText(list, this.moneyWriting) : undefined;
  }

  /**
   * Where the source's money format writes its currency when after the figure ("#,##0.00
   * [$€-407]": "9,348.20 €"), so the text places it as the cells do; undefined otherwise.
   */
  get moneyPlacement(): SymbolPlacement | undefined {
    const c = this.defaultCurrencyChoice;
    if (c.source !== "format" || !c.code || !this.sourceMoneyFormat) return undefined;
    const where = symbolAfterPlacement(this.sourceMoneyFormat);
    return where && { currency: c.code, ...where };
  }

  /** How this run writes money in its text: the culture, the source format's placement, the coded currencies. */
  get moneyWriting(): MoneyWriting {
    return {
      culture: this.culture,
      placement: this.moneyPlacement,
      coded: this.codedCurrencies,
      beside: Object.keys(this.report?.currencies ?? {}).map((c) => c || this.unnamedCurrency),
    };
  }

  /**
   * Money in the company's home currency (QuickBooks' "Amount" beside a Currency column) when the
   * report does not name it (no totals-row symbol, no currency format): said, as the default
   * (the culture's, else GBP) may not be it.
   */
  private homeCurrencyWarning(): string | undefined {
    const mapping = this.reading?.mapping;
    if (!mapping?.homeCurrencyAmounts || mapping.homeCurrency) return undefined;
    const c = this.defaultCurrencyChoice;
    if (c.source === "format" || c.source === "totals") return undefined;
    const revenue = mapping.fields.find((f) => f.field === "revenue")?.header;
    const shown = c.code
      ? `${c.code}, ${c.source === "culture" ? `the culture ${c.culture}'s` : "the default"}`
      : "no currency";
    return `The report does not say which currency is the company's home currency (no symbol on its totals rows, no currency format${revenue ? ` on "${revenue}"` : ""}): its amounts are shown in ${shown}, which may not be it. Check it, and give the culture of the company's country (kap --culture, e.g. en-US) or format ${revenue ? `"${revenue}"` : "the amounts"} with its currency.`;
  }

  /**
   * A shared symbol on the lines ("$", "¥") is the culture's currency when that is one of those
   * it may be (en-CA: CAD), before the book names it; else the lines name no ISO code (filed
   * under '', shown with the bare symbol: defaultCurrencyChoice), never USD or JPY by default.
   */
  private sharedSymbolOfCulture(report: IngestReport): void {
    const from = report.fileCurrency;
    if (!report.fileSymbol || from === undefined) return;
    const code = currencyOfSharedSymbol(report.fileSymbol, this.culture) ?? "";
    if (code === from) return;
    if (code) report.fileCurrency = code;
    else delete report.fileCurrency;
    const move = (m: Record<string, number>) => {
      if (m[from] === undefined) return;
      m[code] = (m[code] ?? 0) + m[from];
      delete m[from];
    };
    move(report.currencies);
    move(report.revenueByCurrency);
    for (const rule of report.skipped) {
      if (rule.revenueByCurrency) move(rule.revenueByCurrency);
      const shares = rule.shareByCurrency;
      if (shares && from in shares) {
        shares[code] = shares[from];
        delete shares[from];
      }
    }
  }

  /**
   * Money written with a symbol several currencies write, that nothing names the currency of:
   * said, with the currencies it may be and how to name the one meant.
   */
  private sharedSymbolWarning(): string | undefined {
    const c = this.defaultCurrencyChoice;
    if (!c.sharedBy || this.unnamedCurrency !== c.code) return undefined;
    // beside lines in other currencies the reading says it of those lines (symbolLinesWarnings)
    if (Object.keys(this.report?.currencies ?? {}).some((k) => k !== "")) return undefined;
    const where =
      c.source === "format"
        ? "the revenue column's number format shows"
        : c.source === "totals"
          ? "the totals rows show"
          : "the amounts are written with";
    const example = SYMBOL_EXAMPLES[c.code] ?? "";
    return `The currency is not known: ${where} "${c.code}", which ${listOf(c.sharedBy)} ${c.sharedBy.length === 2 ? "both" : "all"} write, and nothing in the data or the culture says which. The amounts are shown with "${c.code}" and no currency code. Give the culture of the company's country (kap --culture${example}; in Excel, the workbook's regional format) or write the code in the data ("${c.sharedBy[0]} 1,234.50") to name it.`;
  }

  /** How the order lines are being read (for the report of what KAP assumed). */
  private reading?: { mapping: ColumnMapping; options: OrderReadOptions };

  /** Starts streaming order lines with the (complete) mapping; `read` is the date order, or all the reading options. */
  beginOrders(
    mapping: ColumnMapping,
    headersFound: string[],
    read: DateOrder | OrderReadOptions,
    reportingCurrency?: string
  ): void {
    const options: OrderReadOptions = typeof read === "string" ? { dateOrder: read } : read;
    requireComplete(mapping, headersFound, options.notes);
    this.reading = { mapping, options };
    this.hasCategories =
      mapping.fields.some((f) => f.field === "category") ||
      !!mapping.categoryFromProductPrefix ||
      !!mapping.categoryFromHeadings ||
      this.side.catalog.length > 0;
    this.parser = createOrderParser(mapping, {
      dateOrder: options.dateOrder,
      dateOrderSource: options.dateOrderSource,
      date1904: options.date1904,
      swapSerialDayMonth: options.swapSerialDayMonth,
      sixDigitDates: options.sixDigitDates,
      numbers: options.numbers,
      discountIsFraction: options.discountIsFraction,
      sapDocTypes: options.sapDocTypes,
      cancellationWords: options.cancellationWords,
      pairCancellations: options.pairCancellations,
      cancelledBilling: options.cancelledBilling,
      sageDocTypes: options.sageDocTypes,
      docCreditCodes: options.docCreditCodes,
      docNotSaleCodes: options.docNotSaleCodes,
      creditNoteIds: options.creditNoteIds,
      creditIdPrefixes: options.creditIdPrefixes,
      orderFieldsOnFirstLine: options.orderFieldsOnFirstLine,
      customerOnFirstLine: options.customerOnFirstLine,
      catalog: new Map(this.side.catalog.map((c) => [c.sku, c])),
      rates: this.side.rates,
      reportingCurrency: reportingCurrency ?? (this.side.rates.length ? "GBP" : undefined),
      // OrderBook.add copies what it keeps: one line object serves every row.
      reuseLine: true,
      // An empty book counts the accounts of the lines it takes (one look-up fewer per line).
      countAccounts: this.book.accountIds.length > 0,
      culture: this.culture,
    });
  }

  pushOrders(rows: readonly (readonly unknown[])[], firstRowNumber: number): void {
    if (!this.parser) throw new Error("beginOrders first");
    const book = this.book;
    const dates = this.linesOnDate;
    const fractional = this.fractionalCurrencies;
    // the currency this push last added to `fractional`: its later lines need no test, nor a
    // Set look-up each (most files' lines name one currency, or none)
    let added: string | undefined;
    this.parser.push(rows as Parameters<OrderParser["push"]>[0], firstRowNumber, (line) => {
      book.add(line);
      dates.add(line.date, line.revenue, line.currency);
      const currency = line.currency ?? "";
      if (currency !== added && hasMinorPart(line.revenue)) {
        fractional.add(currency);
        added = currency;
      }
    });
  }

  finishOrders(): IngestReport {
    if (!this.parser) throw new Error("beginOrders first");
    this.report = this.parser.finish();
    this.parser = undefined;
    if (this.report.accounts < 0) this.report.accounts = this.book.accountIds.length;
    const spelling = nearDuplicateWarning(this.book.accountIds);
    if (spelling) this.report.warnings.push(spelling);
    const home = this.homeCurrencyWarning();
    if (home) this.report.warnings.push(home);
    // Ids of the side tables that differ from the order lines' (12347 beside "012347"); the
    // logs' ids are checked against the order lines and the accounts table together.
    const tableIds = this.side.accounts.map((a) => a.accountId);
    const known = [...this.book.accountIds, ...tableIds];
    for (const w of [
      unmatchedAccountsWarning(this.book.accountIds, tableIds),
      unmatchedAccountsWarning(
        known,
        this.side.engagement.map((e) => e.accountId),
        {
          table: "the engagement log",
          cost: "those contacts do not count for those accounts' Engagement",
        }
      ),
      unmatchedAccountsWarning(
        known,
        this.side.invoices.map((e) => e.accountId),
        {
          table: "the payments ledger",
          cost: "those invoices do not count for those accounts' Payment",
        }
      ),
      unmatchedAccountsWarning(
        known,
        this.side.contacts.map((e) => e.accountId),
        {
          table: "the contacts table",
          cost: "those people are not shown for those accounts",
        }
      ),
    ])
      if (w) this.report.warnings.push(w);
    // Every line is in: the book drops what matched lines to records (most of its memory).
    this.book.close();
    this.sharedSymbolOfCulture(this.report);
    const shared = this.sharedSymbolWarning();
    if (shared) this.report.warnings.push(shared);
    const r = this.reading;
    if (r) {
      const layout = layoutById(r.mapping.layout);
      this.report.read = {
        sheet: r.mapping.sheet,
        ...(r.mapping.table ? { table: r.mapping.table } : {}),
        ...(layout ? { layout: layout.name } : {}),
        dateOrder: r.options.dateOrder,
        dateOrderSource: r.options.dateOrderSource ?? "default",
        ...(r.options.date1904 ? { date1904: true } : {}),
        ...(r.options.file?.encoding ? { encoding: r.options.file.encoding } : {}),
        ...(r.options.file?.delimiter ? { delimiter: r.options.file.delimiter } : {}),
        currencies: Object.keys(this.report.currencies).filter((c) => c !== ""),
        ...revenueBeforeTax(r.mapping),
        ...revenueBesideOrderFigures(r.mapping),
        ...accountKey(r.mapping),
      };
      this.report.warnings.unshift(...(r.options.notes ?? []));
    }
    if (this.report.fileCurrency) this.book.nameCurrency(NO_CURRENCY, this.report.fileCurrency);
    return this.report;
  }

  /** The most category rules there is memory for (the CLI sets it from the heap left); default no limit. */
  maxCategoryRules?: number;

  /**
   * Analyses the order lines read, as of the date set, else the data's last order date (`today`
   * only stands in when no line has a date). A set date more than 31 days after the last order
   * is warned about in the analysis' warnings.
   */
  analyze(settings: KapSettings, today?: Serial): PortfolioAnalysis {
    this.settings = settings;
    this.qbrs.clear();
    if (!this.report || this.report.accepted === 0) {
      const why = this.report?.rejected.length ? ` ${this.report.warnings.join(" ")}` : "";
      throw new Error(`No usable order lines were read.${why}`);
    }
    this.details.clear();
    this.opportunityLists.clear();
    const asOf = asOfOf(settings, defaultAsOf(this.report), today);
    this.model = buildPortfolio(this.book, {
      onProgress: this.onAnalysisProgress,
      asOf,
      weights: normaliseWeights(settings.weights),
      accounts: this.side.accounts,
      catalog: this.side.catalog,
      contacts: this.side.contacts,
      curatedRules: this.side.curatedRules,
      engagementLog: this.side.engagement,
      invoices: this.side.invoices,
      initiatives: this.side.initiatives,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      engagementCut: settings.engagementCut,
      growthTarget: settings.growthTarget,
      defaultCurrency: this.unnamedCurrency,
      codedCurrencies: [...this.codedCurrencies],
      // the figures in the analysis' text follow the workbook's (or --culture's) culture; none: en-GB
      culture: this.culture,
      moneyPlacement: this.moneyPlacement,
      dateCulture: this.dateCulture,
      clvHorizonMonths: settings.clvHorizonMonths,
      clvDiscountRate: settings.clvDiscountRate,
      hasCategories: this.hasCategories,
      hasProducts: this.report.hasProducts !== false,
      maxCategoryRules: this.maxCategoryRules,
    });
    this.portfolio = this.model.analysis;
    const late = this.asOfWarning(asOf);
    if (late && !this.portfolio.warnings.includes(late)) this.portfolio.warnings.unshift(late);
    return this.portfolio;
  }

  private need(): PortfolioAnalysis {
    return this.needModel().analysis;
  }

  private needModel(): PortfolioModel {
    if (!this.model) throw new Error("Analyse the data first.");
    return this.model;
  }

  /** The lifetime models' calibration/holdout check: fitted to `calibrationEnd`, compared over (calibrationEnd, as-of]; the main currency unless one is named. */
  holdoutCheck(calibrationEnd: Serial, currency?: string): HoldoutCheck {
    const model = this.needModel();
    const c = currency ?? model.analysis.lifetimeModels[0]?.currency ?? NO_CURRENCY;
    return portfolioHoldoutCheck(model, c, calibrationEnd);
  }

  /** An account by its key ("C001" or "C001 (EUR)") or plain id. */
  account(key: string) {
    const p = this.need();
    return p.accounts.find((a) => a.key === key) ?? p.accounts.find((a) => a.accountId === key);
  }

  /** The account's detail (breakdown, opportunities, plan…): computed once per analysis, then reused. */
  detail(key: string): AccountDetail {
    const a = this.account(key);
    if (!a) throw new Error(`No account "${key}" in the order lines.`);
    // Once per account per analysis: several sheets (and a re-run) read the same detail.
    let d = this.details.get(a.key);
    if (!d) {
      d = analyzeAccount(this.needModel(), a.accountId, {}, a.currency);
      this.details.set(a.key, d);
    }
    return d;
  }

  /**
   * The account's ranked opportunities: its detail's when already made, else worked out on
   * their own (accountOpportunities, the same list without the rest of the detail); once per
   * account per analysis.
   */
  opportunities(key: string): Opportunity[] {
    const a = this.account(key);
    if (!a) throw new Error(`No account "${key}" in the order lines.`);
    const d = this.details.get(a.key);
    if (d) return d.opportunities;
    let o = this.opportunityLists.get(a.key);
    if (!o) {
      o = accountOpportunities(this.needModel(), a.accountId, {}, a.currency);
      this.opportunityLists.set(a.key, o);
    }
    return o;
  }

  /**
   * The account plans' proposed initiatives as rows for the user's Initiatives table, leaving
   * out those the table has (domain proposedInitiativeRows): for one account, or for every
   * top-level account (most 12-month revenue first) when no key is given.
   */
  proposedInitiatives(accountKey?: string): ProposedInitiativeRow[] {
    const p = this.need();
    const accounts = accountKey
      ? [this.account(accountKey)]
      : p.accounts.filter((a) => a.isTopLevel).sort((a, b) => b.revenueLast12 - a.revenueLast12);
    if (accounts[0] === undefined)
      throw new Error(`No account "${accountKey}" in the order lines.`);
    return accounts.flatMap((a) => {
      const d = this.detail(a!.key);
      return proposedInitiativeRows(d.account, d.plan, this.side.initiatives, p.asOf);
    });
  }

  qbr(key: string, quarter?: string): QbrData {
    const a = this.account(key);
    if (!a) throw new Error(`No account "${key}" in the order lines.`);
    const p = this.need();
    const start = this.settings?.fiscalYearStartMonth ?? 1;
    const first = this.report?.firstDate;
    const byDefault = quarter ? null : defaultQbrQuarter(p.asOf, start, first);
    const fq = byDefault ? byDefault.quarter : parseFiscalQuarter(quarter!);
    if (!fq) throw new Error(`"${quarter}" is not a quarter: use e.g. 2026Q3 or FY2026 Q3.`);
    // A quarter that starts after the as-of date has no orders yet: say so rather than write a
    // QBR of zeros. The quarter holding the as-of date is allowed (a review of it so far).
    const span = fiscalQuarterSpan(fq, start);
    if (span.firstDay > p.asOf)
      throw new Error(
        `${span.label} (${span.months}) starts after the analysis date, ${serialToIso(p.asOf)}: choose ${fiscalQuarterLabel(fiscalQuarterOf(p.asOf, start))} or an earlier quarter (the last complete one is ${fiscalQuarterLabel(lastCompletedQuarter(p.asOf, start))}).`
      );
    // A quarter that ends before the data's first order: the data does not cover it, so its zeros
    // would be read as the customer's.
    if (first !== null && first !== undefined && span.lastDay < first)
      throw new Error(
        `${span.label} (${span.months}) ends before the first order in the data, ${serialToIso(first)}: there is nothing to review. Choose ${fiscalQuarterLabel(fiscalQuarterOf(first, start))} (the first quarter with orders) or a later one.`
      );
    const passedOver = byDefault?.passedOver;
    const k = `${a.key}|${fq.year}Q${fq.q}${passedOver ? "|default" : ""}`;
    let q = this.qbrs.get(k);
    if (!q) {
      q = qbrData(
        this.needModel(),
        a.accountId,
        fq,
        { fiscalYearStartMonth: start },
        a.currency,
        this.detail(a.key)
      );
      // the default fell back to the running quarter: the workbook says which it passed over
      if (passedOver && first !== null && first !== undefined)
        q = {
          ...q,
          passedOver: { quarter: fiscalQuarterSpan(passedOver, start), firstOrder: first },
        };
      this.qbrs.set(k, q);
    }
    return q;
  }

  /**
   * What `kap qbr` says when no quarter was chosen and the default passed over the last complete
   * quarter (the data starts after it): the sentence the QBR's cover carries; else null.
   */
  qbrQuarterNote(key: string, quarter?: string): string | null {
    const q = this.qbr(key, quarter);
    return q.passedOver ? passedOverNote(q, this.dateCulture) : null;
  }

  private layoutCurrency(): string | undefined {
    const c = this.defaultCurrencyChoice;
    return (c.source === "format" && !c.culture) || c.source === "default" ? undefined : c.code;
  }

  /** The shared symbol lines naming no code are shown with beside lines that name one ("$" beside €), else undefined. */
  private unnamedSymbolBeside(): string | undefined {
    const currencies = Object.keys(this.report?.currencies ?? {});
    const beside = currencies.includes("") && currencies.some((c) => c !== "");
    return beside && isSharedSymbol(this.unnamedCurrency) ? this.unnamedCurrency : undefined;
  }

  layout(live: boolean, currency?: string): LayoutOptions {
    const asOf = this.need().asOf;
    const last = this.report?.lastDate;
    // lines that name no currency beside lines that do: their money is a plain figure, as in text
    const unnamedBeside = (this.report?.currencies[""] ?? 0) > 0 && this.unnamedCurrency === "";
    const o = layoutOptions({
      live,
      sourceMoneyFormat: unnamedBeside ? PLAIN_MONEY : this.sourceMoneyFormat,
      // a currency the format does not show (the totals rows', the culture's) is given by its code;
      // an account whose lines name none ("") is in that one too (--culture en-US: $, not £)
      currency: currency || (unnamedBeside ? undefined : this.layoutCurrency()),
      asOf,
      hasProducts: this.report?.hasProducts,
      hasCategories: this.hasCategories,
      culture: this.dateCulture,
      numberCulture: this.culture,
      moneyPlacement: this.moneyPlacement,
      textCurrency: this.unnamedCurrency,
      fractionalMoney: this.hasFractionalMoney(),
      unnamedSymbol: this.unnamedSymbolBeside(),
      codedCurrencies: [...this.codedCurrencies],
    });
    // as-of set well past the data (the analysis' as-of warning): the QBR says where the data ends
    return last !== null && last !== undefined && asOf - last > AS_OF_LATE_DAYS
      ? { ...o, dataEndsEarly: last }
      : o;
  }

  /** The sheets an action makes (dispatch by the action's scope in the registry). QBR sheets are for a new workbook, the rest for this one. */
  sheets(
    action: ActionId,
    o: {
      accountKey?: string;
      quarter?: string;
      live: boolean;
      liveOrders?: LiveOrderSource;
      /** the day the QBR is made, for its cover (default: today, local time); tests set it */
      preparedOn?: Serial;
    }
  ): SheetSpec[] {
    const p = this.need();
    const a = actionOf(action);
    const unavailable = unavailableReason(action, p);
    if (unavailable) throw new Error(unavailable);
    // Every sheet prints the same way: paper from the culture (else the data's currency), header, footer, widths, row heights.
    const print = (specs: SheetSpec[], currency?: string) => {
      const money = currency ?? (p.currencies.length === 1 ? p.currencies[0] : undefined);
      const o2 = {
        paper: paperFor(this.culture ?? this.paperCultureOfSymbol(), money),
        asOfText: `As of ${asOfText(p.asOf, this.dateCulture)}`,
        currency: money,
      };
      return specs.map((s) => finishForPrint(s, o2));
    };
    switch (a.scope) {
      case "portfolio":
        return print([
          a.layout(p, {
            ...this.layout(o.live),
            // the order lines the Account Health sheet's inputs can stay live over (the pane only)
            ...(o.live && o.liveOrders ? { liveOrders: o.liveOrders } : {}),
            // the dashboard's focus accounts (ten at most): each account's detail, once per analysis
            topOpportunity: (key) => recommended(this.opportunities(key), 1)[0],
          }),
        ]);
      case "account": {
        if (!o.accountKey) throw new Error("Choose an account first.");
        const d = this.detail(o.accountKey);
        return print([a.layout(d, this.layout(o.live, d.account.currency))], d.account.currency);
      }
      case "workbook": {
        if (!o.accountKey) throw new Error("Choose an account first.");
        const q = this.qbr(o.accountKey, o.quarter);
        const preparedOn = o.preparedOn ?? serialOfLocalDay(new Date());
        return print(a.layout(q, { ...this.layout(false, q.currency), preparedOn }), q.currency);
      }
      case "edit":
        // Edits the user's own table through the Excel host; it makes no sheet.
        return [];
    }
  }
}

/**
 * The culture dates are written in (KapEngine.dateCulture): the workbook's; without one, en-US
 * for order dates the data or the export's layout settled month-first; else undefined (en-GB).
 */
export function dateCultureOf(
  culture: string | undefined,
  read: Pick<NonNullable<IngestReport["read"]>, "dateOrder" | "dateOrderSource"> | undefined
): string | undefined {
  if (culture) return culture;
  const settled = read?.dateOrderSource === "data" || read?.dateOrderSource === "layout";
  return read?.dateOrder === "mdy" && settled ? "en-US" : undefined;
}

/** Whole grids in memory (tests, small files) as a source for the ingest session. */
export function gridSource(grids: readonly Grid[], culture?: string): IngestSource {
  const BLOCK = 50_000;
  return {
    tables: async () => grids.map((g) => ({ peek: g, rows: g.values.length })),
    async read(table, onBlock) {
      const v = table.peek.values;
      for (let i = 0; i < v.length; i += BLOCK) await onBlock(v.slice(i, i + BLOCK), i);
    },
    culture: async () => culture,
  };
}

/** Loads whole grids (tests, small inputs) through the ingest session. */
export async function loadGrids(
  engine: KapEngine,
  grids: readonly Grid[],
  settings: Pick<KapSettings, "mapping">,
  options: SessionOptions = {}
): Promise<IngestReport> {
  return (await new IngestSession(gridSource(grids), settings, options).run(engine)).report;
}

/** Loads any source through the ingest session into the engine. */
export async function loadSource(
  engine: KapEngine,
  source: IngestSource,
  settings: Pick<KapSettings, "mapping">,
  options: SessionOptions = {}
): Promise<IngestReport> {
  return (await new IngestSession(source, settings, options).run(engine)).report;
}

/** The net/tax/gross headers when the line revenue is the trio's net column (for ReadAssumptions). */
function revenueBeforeTax(mapping: ColumnMapping): {
  revenueBeforeTax?: { net: string; tax: string; gross: string };
} {
  const net = mapping.fields.find((f) => f.field === "revenue");
  return mapping.revenueBeforeTax && net
    ? { revenueBeforeTax: { net: net.header, ...mapping.revenueBeforeTax } }
    : {};
}

/** The line amount and the figures per order beside it when the line revenue is such a line amount (for ReadAssumptions). */
function revenueBesideOrderFigures(mapping: ColumnMapping): {
  revenueBesideOrderFigures?: { line: string; orderFigures: string[]; beforeTax: boolean };
} {
  const line = mapping.fields.find((f) => f.field === "revenue");
  return mapping.revenueBesideOrderFigures && line
    ? { revenueBesideOrderFigures: { line: line.header, ...mapping.revenueBesideOrderFigures } }
    : {};
}

/** The account key beside a customer's tax id column (for ReadAssumptions): the tax id or the customer column. */
function accountKey(mapping: ColumnMapping): {
  accountKey?: { by: string; taxId: string; key: boolean };
} {
  const taxId = mapping.taxIdHeader;
  const by =
    mapping.fields.find((f) => f.field === "accountId") ??
    mapping.fields.find((f) => f.field === "accountName");
  return taxId && by ? { accountKey: { by: by.header, taxId, key: by.header === taxId } } : {};
}
