/**
 * The one pipeline behind every face: detect → parse (streamed) → analyse → lay out.
 * Pure (no Office.js, no files): the CLI feeds it grids read by ExcelJS, the add-in feeds it
 * chunks read from Excel (in a Web Worker when available). It keeps an OrderBook, not rows.
 */
import { analyzeAccount, analyzePortfolio, OrderBook, qbrData, type AccountDetail, type PortfolioAnalysis, type QbrData } from '../domain/analysis';
import { lastCompletedQuarter, NO_CURRENCY, parseFiscalQuarter } from '../domain/analysis';
import { normaliseWeights } from '../domain/health';
import type { AccountRecord, CatalogItem, ContactRecord, CuratedRule, CurrencyRate, EngagementEntry, Invoice, Serial } from '../domain/types';
import { type ColumnMapping, detectTable, type Detection, headersOf } from '../ingest/detect';
import type { Role } from '../ingest/fields';
import type { Grid } from '../ingest/grid';
import { closestOrders, noOrdersError, requireComplete, withUserChoices } from '../ingest/mapping';
import { createOrderParser, type IngestReport, type OrderParser } from '../ingest/orders';
import { parseAccounts, parseCatalog, parseContacts, parseCrossSell, parseEngagementLog, parsePayments, parseRates, type TableResult } from '../ingest/tables';
import { type DateOrder, inferDateOrder } from '../ingest/values';
import { layoutOptions, type LayoutOptions } from '../sheets/options';
import type { SheetSpec } from '../sheets/spec';
import { actionOf, type ActionId } from './actions';
import type { KapSettings } from './settings';
import { asOfOf } from './settings';

export interface SideTables {
  accounts: AccountRecord[];
  catalog: CatalogItem[];
  contacts: ContactRecord[];
  curatedRules: CuratedRule[];
  rates: CurrencyRate[];
  /** the engagement log (Engagement factor), empty when the workbook has none */
  engagement: EngagementEntry[];
  /** the payments ledger (Payment factor), empty when the workbook has none */
  invoices: Invoice[];
  /** rows skipped per table, for the user */
  notes: string[];
}

export function emptySideTables(): SideTables {
  return { accounts: [], catalog: [], contacts: [], curatedRules: [], rates: [], engagement: [], invoices: [], notes: [] };
}

/** The best detection per role over a workbook's grids, with the user's column choices applied. */
export function detectAll(grids: readonly Grid[], settings?: Pick<KapSettings, 'mapping'>, ordersSheet?: string): Partial<Record<Role, { grid: Grid; detection: Detection }>> {
  const out: Partial<Record<Role, { grid: Grid; detection: Detection }>> = {};
  const isOrdersSheet = (g: Grid) => g.name.toLowerCase() === ordersSheet?.toLowerCase();
  for (const grid of grids) {
    // A named orders sheet is read as order lines (whatever else it might look like), and only it.
    const d = ordersSheet && isOrdersSheet(grid) ? detectTable(grid, 'orders') : detectTable(grid);
    if (!d || (ordersSheet && d.mapping.role === 'orders' && !isOrdersSheet(grid))) continue;
    const cur = out[d.mapping.role];
    if (!cur || d.confidence > cur.detection.confidence || (d.confidence === cur.detection.confidence && d.dataRows > cur.detection.dataRows)) out[d.mapping.role] = { grid, detection: d };
  }
  // No complete order table: offer the closest one, so its missing columns can be mapped.
  // A sheet with an order date and most order columns is order lines, whatever else it matched.
  if (!out.orders) {
    const near = closestOrders(ordersSheet ? grids.filter(isOrdersSheet) : grids);
    if (near) {
      for (const role of Object.keys(out) as Role[]) if (out[role]?.grid === near.grid) delete out[role];
      out.orders = near;
    }
  }
  for (const role of Object.keys(out) as Role[]) {
    const choices = settings?.mapping?.[role as keyof KapSettings['mapping']];
    const hit = out[role];
    if (hit && choices) hit.detection = { ...hit.detection, mapping: withUserChoices(hit.detection.mapping, hit.detection.headers, choices) };
  }
  return out;
}

function note<T>(label: string, r: TableResult<T>): string[] {
  return r.rejected.map((x) => `${label}: ${x.count} row${x.count === 1 ? '' : 's'} skipped (${x.reason}; row${x.rows.length === 1 ? '' : 's'} ${x.rows.join(', ')}).`);
}

/** Parses the optional tables found among the detections. */
export function readSideTables(found: Partial<Record<Role, { grid: Grid; detection: Detection }>>): SideTables {
  const t = emptySideTables();
  const read = <T>(role: Role, label: string | null, parse: (m: ColumnMapping, v: Grid['values'], top: number) => TableResult<T>): T[] => {
    const f = found[role];
    if (!f) return [];
    const r = parse(f.detection.mapping, f.grid.values, f.grid.top ?? 1);
    if (label) t.notes.push(...note(label, r));
    return r.records;
  };
  t.accounts = read('accounts', 'Accounts', parseAccounts);
  t.catalog = read('catalog', 'Catalog', parseCatalog);
  t.contacts = read('contacts', 'Contacts', parseContacts);
  t.curatedRules = read('crossSell', null, parseCrossSell);
  t.rates = read('rates', 'Rates', parseRates);
  t.engagement = read('engagement', 'Engagement log', parseEngagementLog);
  t.invoices = read('payments', 'Payments ledger', parsePayments);
  return t;
}

export class KapEngine {
  readonly book = new OrderBook();
  side: SideTables = emptySideTables();
  report?: IngestReport;
  portfolio?: PortfolioAnalysis;
  settings?: KapSettings;
  /** Number format of the source revenue column, so money on KAP's sheets looks like the data's. */
  moneySource?: string;
  private parser?: OrderParser;

  setSideTables(t: SideTables): void {
    this.side = t;
  }

  /** Starts streaming order lines with the (complete) mapping. */
  beginOrders(mapping: ColumnMapping, headersFound: string[], dateOrder: DateOrder, reportingCurrency?: string): void {
    requireComplete(mapping, headersFound);
    this.parser = createOrderParser(mapping, {
      dateOrder,
      catalog: new Map(this.side.catalog.map((c) => [c.sku, c])),
      rates: this.side.rates,
      reportingCurrency: reportingCurrency ?? (this.side.rates.length ? 'GBP' : undefined),
      // OrderBook.add copies what it keeps: one line object serves every row.
      reuseLine: true,
    });
  }

  pushOrders(rows: readonly (readonly unknown[])[], firstRowNumber: number): void {
    if (!this.parser) throw new Error('beginOrders first');
    const book = this.book;
    this.parser.push(rows as Parameters<OrderParser['push']>[0], firstRowNumber, (line) => book.add(line));
  }

  finishOrders(): IngestReport {
    if (!this.parser) throw new Error('beginOrders first');
    this.report = this.parser.finish();
    this.parser = undefined;
    if (this.report.fileCurrency) this.book.nameCurrency(NO_CURRENCY, this.report.fileCurrency);
    return this.report;
  }

  analyse(settings: KapSettings, today?: Serial): PortfolioAnalysis {
    this.settings = settings;
    if (!this.report || this.report.accepted === 0) {
      const why = this.report?.rejected.length ? ` ${this.report.warnings.join(' ')}` : '';
      throw new Error(`No usable order lines were read.${why}`);
    }
    this.portfolio = analyzePortfolio(this.book, {
      asOf: asOfOf(settings, today),
      weights: normaliseWeights(settings.weights),
      accounts: this.side.accounts,
      catalog: this.side.catalog,
      contacts: this.side.contacts,
      curatedRules: this.side.curatedRules,
      engagementLog: this.side.engagement,
      invoices: this.side.invoices,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      engagementCut: settings.engagementCut,
      growthTarget: settings.growthTarget,
      moneyFormat: this.moneySource,
    });
    return this.portfolio;
  }

  private need(): PortfolioAnalysis {
    if (!this.portfolio) throw new Error('Analyse the data first.');
    return this.portfolio;
  }

  /** An account by its key ("C001" or "C001 (EUR)") or plain id. */
  account(key: string) {
    const p = this.need();
    return p.accounts.find((a) => a.key === key) ?? p.accounts.find((a) => a.accountId === key);
  }

  detail(key: string): AccountDetail {
    const a = this.account(key);
    if (!a) throw new Error(`No account "${key}" in the order lines.`);
    return analyzeAccount(this.book, this.need(), a.accountId, {}, a.currency);
  }

  qbr(key: string, quarter?: string): QbrData {
    const a = this.account(key);
    if (!a) throw new Error(`No account "${key}" in the order lines.`);
    const p = this.need();
    const start = this.settings?.fiscalYearStartMonth ?? 1;
    const fq = quarter ? parseFiscalQuarter(quarter) : lastCompletedQuarter(p.asOf, start);
    if (!fq) throw new Error(`"${quarter}" is not a quarter: use e.g. 2026Q3 or FY2026 Q3.`);
    return qbrData(this.book, p, a.accountId, fq, { fiscalYearStartMonth: start }, a.currency);
  }

  layout(live: boolean, currency?: string): LayoutOptions {
    return layoutOptions({ live, moneySource: this.moneySource, currency, asOf: this.need().asOf });
  }

  /** The sheets an action makes (dispatch by the action's scope in the registry). QBR sheets are for a new workbook, the rest for this one. */
  sheets(action: ActionId, o: { accountKey?: string; quarter?: string; live: boolean }): SheetSpec[] {
    const p = this.need();
    const a = actionOf(action);
    switch (a.scope) {
      case 'portfolio':
        return [a.layout(p, this.layout(o.live))];
      case 'account': {
        if (!o.accountKey) throw new Error('Choose an account first.');
        const d = this.detail(o.accountKey);
        return [a.layout(d, this.layout(o.live, d.account.currency))];
      }
      case 'workbook': {
        if (!o.accountKey) throw new Error('Choose an account first.');
        const q = this.qbr(o.accountKey, o.quarter);
        return a.layout(q, this.layout(false, q.currency));
      }
      case 'edit':
        // Edits the user's own table through the Excel host; it makes no sheet.
        return [];
    }
  }
}

/** Loads whole grids (files, tests): detects, reads the side tables, streams the orders. */
export function loadGrids(engine: KapEngine, grids: readonly Grid[], settings: KapSettings, options: { culture?: string; ordersSheet?: string; chunkRows?: number } = {}): IngestReport {
  const chunkRows = options.chunkRows ?? 50_000;
  const found = detectAll(grids, settings, options.ordersSheet);
  const orders = found.orders;
  if (!orders) throw noOrdersError(grids.filter((g) => !options.ordersSheet || g.name.toLowerCase() === options.ordersSheet.toLowerCase()).map((g) => ({ name: g.name, headers: headersOf(g) })));
  engine.setSideTables(readSideTables(found));
  const { grid, detection } = orders;
  const mapping = detection.mapping;
  const dateCol = mapping.fields.find((f) => f.field === 'date')?.column ?? 0;
  const dateOrder = inferDateOrder(grid.values.slice(mapping.headerRow + 1).map((r) => r[dateCol]), options.culture);
  engine.beginOrders(mapping, detection.headers, dateOrder);
  const revCol = mapping.fields.find((f) => f.field === 'revenue' || f.field === 'unitPrice')?.column;
  if (revCol !== undefined && grid.numberFormats) engine.moneySource = grid.numberFormats[mapping.headerRow + 1]?.[revCol] || undefined;
  const top = grid.top ?? 1;
  for (let i = mapping.headerRow + 1; i < grid.values.length; i += chunkRows) {
    engine.pushOrders(grid.values.slice(i, i + chunkRows), top + i);
  }
  return engine.finishOrders();
}
