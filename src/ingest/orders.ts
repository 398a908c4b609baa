/**
 * The streaming order-line parser: rows arrive in chunks (as Excel or ExcelJS hand them
 * over), each usable row becomes an OrderLine passed to the sink, and nothing keeps the
 * rows — memory grows with accounts and currencies, not with lines. Rows that cannot be
 * used are counted by reason with their first row numbers; one bad row never stops a run.
 */
import type { CatalogItem, CurrencyRate, OrderLine } from '../domain/types';
import type { ColumnMapping } from './detect';
import { normaliseHeader } from './fields';
import { type Cell, isBlankCell } from './grid';
import { type DateOrder, normaliseCurrency, parseDate, parseMoney, parseQuantity } from './values';

export const UNCATEGORISED = 'Uncategorised';
/** Row numbers kept per reject reason, for the message. */
const ROWS_KEPT = 5;

export interface RejectCount {
  reason: string;
  count: number;
  /** first few 1-based sheet row numbers */
  rows: number[];
}

export interface IngestReport {
  accepted: number;
  returns: number;
  skippedBlank: number;
  skippedHeaders: number;
  skippedTotals: number;
  rejected: RejectCount[];
  firstDate: number | null;
  lastDate: number | null;
  accounts: number;
  /** currency → lines (as found, before conversion); '' = no currency given */
  currencies: Record<string, number>;
  converted: boolean;
  reportingCurrency?: string;
  /**
   * With no currency column, the currency the money symbols name (the first one seen): the
   * lines in it and the lines with no symbol are filed under '' and named this at the end.
   */
  fileCurrency?: string;
  warnings: string[];
}

export interface OrderParserOptions {
  dateOrder: DateOrder;
  catalog?: ReadonlyMap<string, CatalogItem>;
  rates?: readonly CurrencyRate[];
  reportingCurrency?: string;
  /**
   * Hand the sink the same OrderLine object each time, refilled (no garbage per row). Only for
   * sinks that copy what they keep, such as OrderBook.add; a million rows then make no million objects.
   */
  reuseLine?: boolean;
}

export interface OrderParser {
  /** `firstRowNumber`: 1-based sheet row of rows[0]. */
  push(rows: readonly (readonly Cell[])[], firstRowNumber: number, sink: (line: OrderLine) => void): void;
  finish(): IngestReport;
}

/**
 * Totals rows: "Total", "Totals", "Grand Total", "Sub-total", "Total:", "Total for Acme", and
 * the "Acme Ltd Total" rows Excel's Data ▸ Subtotal writes. A customer called "Total Tools
 * Ltd" is not a totals row: only the words above, alone or before ":" / "for".
 */
const TOTAL_START = /^(?:grand\s*|sub[\s-]*)?totals?(?:\s*$|\s*[:\-–]|\s+for\b|\s+\()/i;
const TOTAL_END = /\s(?:grand\s*|sub[\s-]*)?totals?:?$/i;
/**
 * Credit notes: an order id of C or c followed by a digit or a dash ("C1042", "c-77"), and the
 * common credit-note prefixes CN and CRN the same way ("CN000123", "CRN-5"). "Cash", "CUST1"
 * and "INV-C1" are not.
 */
const CREDIT_PREFIX = /^c(?:n|rn)?[\d-]/i;
function isCreditNoteId(id: string): boolean {
  if (id.length < 2) return false;
  const c0 = id.charCodeAt(0);
  return (c0 === 67 || c0 === 99) && CREDIT_PREFIX.test(id);
}

function text(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    // Most cells have no surrounding space: two character tests cost less than trim().
    const n = v.length;
    if (n === 0) return v;
    const a = v.charCodeAt(0);
    const b = v.charCodeAt(n - 1);
    return a > 32 && a < 127 && b > 32 && b < 127 ? v : v.trim();
  }
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export function createOrderParser(mapping: ColumnMapping, options: OrderParserOptions): OrderParser {
  // Every order field present from the start (-1 = not mapped): a fixed-shape object keeps the
  // per-row lookups fast, where a dictionary built field by field would not.
  const col: Record<string, number> = { accountId: -1, accountName: -1, date: -1, orderId: -1, sku: -1, productName: -1, category: -1, quantity: -1, revenue: -1, unitPrice: -1, listPrice: -1, orderedBy: -1, site: -1, currency: -1 };
  for (const f of mapping.fields) col[f.field] = f.column;
  const headerNorm = mapping.fields.map((f) => ({ column: f.column, norm: normaliseHeader(f.header) }));
  const rateOf = new Map<string, number>();
  for (const r of options.rates ?? []) rateOf.set(normaliseCurrency(r.from), r.rate);
  // Without a stated reporting currency, the rates table's own base (the currency at rate 1) is it.
  const reporting = options.reportingCurrency ? normaliseCurrency(options.reportingCurrency) : [...rateOf].find(([, r]) => r === 1)?.[0];
  const convert = rateOf.size > 0 && !!reporting;

  const rejects = new Map<string, RejectCount>();
  const reject = (reason: string, row: number) => {
    const r = rejects.get(reason) ?? { reason, count: 0, rows: [] };
    r.count++;
    if (r.rows.length < ROWS_KEPT) r.rows.push(row);
    rejects.set(reason, r);
  };
  const accounts = new Set<string>();
  const currencies: Record<string, number> = {};
  const report = { accepted: 0, returns: 0, skippedBlank: 0, skippedHeaders: 0, skippedTotals: 0 };
  // Without a currency column (and no conversion), money symbols name the file's currency: lines
  // in the first currency seen and lines with no symbol are one currency; only a different
  // symbol is kept apart. The book files them under '' and the engine names it at the end.
  const symbolsOnly = col.currency < 0 && !convert;
  let fileCurrency: string | undefined;
  let firstDate = Infinity;
  let lastDate = -Infinity;

  // A repeated header row has the header's own text in the date column: test that cheaply
  // first (dates are numbers in almost every row), then count the other headers.
  const dateHeader = headerNorm.find((h) => h.column === col.date)?.norm ?? '';
  function isRepeatedHeader(row: readonly Cell[]): boolean {
    const d = row[col.date];
    if (typeof d !== 'string' || d.length > dateHeader.length + 8 || normaliseHeader(d) !== dateHeader) return false;
    let same = 0;
    for (const h of headerNorm) {
      const v = row[h.column];
      if (typeof v === 'string' && normaliseHeader(v) === h.norm) same++;
    }
    return same >= Math.max(2, Math.ceil(headerNorm.length / 2));
  }

  const totalCols = ['accountId', 'accountName', 'orderId', 'sku', 'date', 'productName'].map((f) => col[f]).filter((c) => c >= 0);
  function isTotalsRow(row: readonly Cell[]): boolean {
    // A row with a real order date is an order line ("Total Tools Ltd" is a customer): totals
    // and subtotal rows carry no date. This also keeps the text tests off the hot path.
    const d = row[col.date];
    if ((typeof d === 'number' && d > 0) || d instanceof Date) return false;
    for (const c of totalCols) {
      const v = row[c];
      if (typeof v !== 'string' || v.length === 0) continue;
      const t = v.trim();
      if (TOTAL_START.test(t) || TOTAL_END.test(t)) return true;
    }
    return false;
  }

  const shared = {} as OrderLine;
  let prevRawDate: Cell = undefined;
  let prevDate: number | undefined;

  function parseRow(row: readonly Cell[], rowNo: number, sink: (line: OrderLine) => void): void {
    let blank = true;
    for (let k = 0; k < row.length; k++) {
      if (!isBlankCell(row[k])) {
        blank = false;
        break;
      }
    }
    if (blank) {
      report.skippedBlank++;
      return;
    }
    // The date first: a row whose date parses is neither a repeated header (whose date cell
    // holds the header's text) nor a totals row (which carries no date), so it skips those
    // checks. The row above's date text is reused as is: exports list an order's lines together.
    const rawDate = row[col.date];
    let date: number | undefined;
    if (rawDate === prevRawDate && rawDate !== undefined) date = prevDate;
    else if (!isBlankCell(rawDate)) {
      date = parseDate(rawDate, options.dateOrder);
      prevRawDate = rawDate;
      prevDate = date;
    }
    if (date === undefined) {
      if (isRepeatedHeader(row)) {
        report.skippedHeaders++;
        return;
      }
      if (isTotalsRow(row)) {
        report.skippedTotals++;
        return;
      }
    }
    const accountName = col.accountName >= 0 ? text(row[col.accountName]) : '';
    const accountId = (col.accountId >= 0 ? text(row[col.accountId]) : '') || accountName;
    if (!accountId) return reject('no account', rowNo);
    if (isBlankCell(rawDate)) return reject('no date', rowNo);
    if (date === undefined) return reject('unreadable date', rowNo);
    const sku = text(row[col.sku]);
    if (!sku) return reject('no product', rowNo);
    const rawQty = row[col.quantity];
    const quantity = isBlankCell(rawQty) ? undefined : parseQuantity(rawQty);
    if (quantity === undefined) return reject(isBlankCell(rawQty) ? 'no quantity' : 'unreadable quantity', rowNo);

    let revenue: number | undefined;
    let moneyCurrency: string | undefined;
    let unitPrice: number | undefined;
    let priceUnreadable = false;
    const rawPrice = row[col.unitPrice];
    const rawRevenue = row[col.revenue];
    // Plain numbers (almost every cell Excel hands over) skip the text parser and its allocation.
    if (typeof rawPrice === 'number' && Number.isFinite(rawPrice)) unitPrice = rawPrice;
    else if (col.unitPrice >= 0 && !isBlankCell(rawPrice)) {
      const p = parseMoney(rawPrice);
      if (p) {
        unitPrice = p.value;
        moneyCurrency = p.currency;
      } else priceUnreadable = true;
    }
    if (typeof rawRevenue === 'number' && Number.isFinite(rawRevenue)) revenue = rawRevenue;
    else if (col.revenue >= 0 && !isBlankCell(rawRevenue)) {
      const m = parseMoney(rawRevenue);
      if (!m) return reject('unreadable revenue', rowNo);
      revenue = m.value;
      moneyCurrency = m.currency ?? moneyCurrency;
    } else if (unitPrice !== undefined) revenue = quantity * unitPrice;
    if (revenue === undefined) return reject(priceUnreadable ? 'unreadable unit price' : col.revenue >= 0 ? 'no revenue' : 'no revenue or unit price', rowNo);

    const currencyText = col.currency >= 0 ? text(row[col.currency]) : '';
    let currency = (currencyText ? normaliseCurrency(currencyText) : '') || moneyCurrency;
    currencies[currency ?? ''] = (currencies[currency ?? ''] ?? 0) + 1;
    if (symbolsOnly) {
      // "£1,200.50" beside plain 80.00: one currency, filed as '' and named at the end.
      if (currency !== undefined && fileCurrency === undefined) fileCurrency = currency;
      if (currency === fileCurrency) currency = undefined;
    }
    if (convert && currency && currency !== reporting) {
      const rate = rateOf.get(currency);
      if (rate === undefined) return reject(`no exchange rate for ${currency}`, rowNo);
      revenue *= rate;
      if (unitPrice !== undefined) unitPrice *= rate;
      currency = reporting;
    } else if (convert && !currency) currency = reporting;

    const rawOrder = col.orderId >= 0 ? text(row[col.orderId]) : '';
    const isReturn = quantity < 0 || revenue < 0 || isCreditNoteId(rawOrder);
    const cat = options.catalog?.get(sku);
    const listRaw = col.listPrice >= 0 ? parseMoney(row[col.listPrice])?.value : undefined;
    const line: OrderLine = options.reuseLine ? shared : ({} as OrderLine);
    line.accountId = accountId;
    line.accountName = accountName || undefined;
    line.date = date;
    line.orderId = rawOrder || `${accountId}|${date}`;
    line.sku = sku;
    line.productName = (col.productName >= 0 ? text(row[col.productName]) : '') || cat?.name;
    line.category = (col.category >= 0 ? text(row[col.category]) : '') || cat?.category || UNCATEGORISED;
    line.quantity = isReturn ? -Math.abs(quantity) : quantity;
    line.revenue = isReturn ? -Math.abs(revenue) : revenue;
    line.unitPrice = unitPrice;
    line.listPrice = listRaw ?? cat?.listPrice;
    line.orderedBy = col.orderedBy >= 0 ? text(row[col.orderedBy]) || undefined : undefined;
    line.site = col.site >= 0 ? text(row[col.site]) || undefined : undefined;
    line.currency = currency;
    line.isReturn = isReturn;
    line.row = rowNo;
    report.accepted++;
    if (isReturn) report.returns++;
    accounts.add(accountId);
    if (date < firstDate) firstDate = date;
    if (date > lastDate) lastDate = date;
    sink(line);
  }

  return {
    push(rows, firstRowNumber, sink) {
      for (let i = 0; i < rows.length; i++) parseRow(rows[i], firstRowNumber + i, sink);
    },
    finish() {
      const warnings: string[] = [];
      const unlabelled = currencies[''] ?? 0;
      if (fileCurrency !== undefined && unlabelled) {
        currencies[fileCurrency] += unlabelled;
        delete currencies[''];
        if (Object.keys(currencies).length > 1) warnings.push(`${unlabelled} line${unlabelled === 1 ? '' : 's'} with no currency symbol ${unlabelled === 1 ? 'was' : 'were'} taken to be in ${fileCurrency}, the first currency in the data.`);
      }
      const found = Object.keys(currencies).filter((c) => c !== '');
      const foreign = found.filter((c) => c !== reporting);
      if (convert && foreign.length) warnings.push(`Revenue in ${foreign.join(', ')} was converted to ${reporting} with the rates table.`);
      else if (found.length > 1) warnings.push(`Revenue is in ${found.length} currencies (${found.join(', ')}) and no rates table was found: figures are shown per currency and never added together.`);
      const rejected = [...rejects.values()].sort((a, b) => b.count - a.count);
      const total = rejected.reduce((s, r) => s + r.count, 0);
      if (total) warnings.push(`${total} row${total === 1 ? ' was' : 's were'} skipped: ${rejected.map((r) => `${r.count} ${r.reason} (row${r.rows.length > 1 ? 's' : ''} ${r.rows.join(', ')}${r.count > r.rows.length ? ', …' : ''})`).join('; ')}.`);
      return {
        ...report,
        rejected,
        firstDate: Number.isFinite(firstDate) ? firstDate : null,
        lastDate: Number.isFinite(lastDate) ? lastDate : null,
        accounts: accounts.size,
        currencies,
        converted: convert,
        reportingCurrency: reporting,
        fileCurrency,
        warnings,
      };
    },
  };
}
