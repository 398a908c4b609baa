/**
 * Cell values → numbers KAP can use: dates (Excel serials, JS Dates, ISO and day- or
 * month-first text), money and quantities (numbers or text such as "£1,200.50",
 * "1.200,50 €", "(120.00)"). Fast paths first: most cells of a real export are already numbers.
 */
import { isValidYmd, ymdToSerial } from '../domain/dates';
import type { Serial } from '../domain/types';
import type { Cell } from './grid';

export type DateOrder = 'dmy' | 'mdy';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** Plausible serials: 1900-01-01 … 9999-12-31. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 2958465;

function twoDigitYear(y: number): number {
  return y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

function fromYmd(y: number, m: number, d: number): Serial | undefined {
  const yy = twoDigitYear(y);
  return isValidYmd(yy, m, d) ? ymdToSerial(yy, m, d) : undefined;
}

/**
 * A date cell as an Excel serial (whole days, time dropped); undefined when unreadable.
 * JS Dates (ExcelJS) are read in UTC, the way ExcelJS builds them from serials.
 */
export function parseDate(v: Cell, order: DateOrder = 'dmy'): Serial | undefined {
  if (typeof v === 'number') return v >= MIN_SERIAL && v <= MAX_SERIAL ? Math.floor(v) : undefined;
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? undefined : Math.floor((t - EXCEL_EPOCH_MS) / 86_400_000);
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s === '') return undefined;
  // ISO: 2025-03-04, 2025-03-04T10:00, 2025/03/04
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(s);
  if (m) return fromYmd(+m[1], +m[2], +m[3]);
  // Numeric text: 03/04/2025, 3.4.25, 03-04-2025 (time after a space ignored)
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const y = +m[3];
    if (a > 12) return fromYmd(y, b, a);
    if (b > 12) return fromYmd(y, a, b);
    return order === 'dmy' ? fromYmd(y, b, a) : fromYmd(y, a, b);
  }
  // 3-Apr-2025, 3 April 2025, 03 Apr 25
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-,]+(\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  if (m && MONTHS[m[2].slice(0, 3).toLowerCase()] !== undefined) return fromYmd(+m[3], MONTHS[m[2].slice(0, 3).toLowerCase()], +m[1]);
  // April 3, 2025 / Apr 3 2025
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s.*)?$/.exec(s);
  if (m && MONTHS[m[1].slice(0, 3).toLowerCase()] !== undefined) return fromYmd(+m[3], MONTHS[m[1].slice(0, 3).toLowerCase()], +m[2]);
  // A serial typed as text
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDate(Number(s), order);
  return undefined;
}

/** Cultures whose short dates are month-first. */
const MDY_CULTURES = /^(en-us|en-ph|en-ca|es-us|en-bz|en-fm|en-mh|en-pw|en-as|en-gu|en-mp|en-pr|en-um|en-vi)$/i;

/**
 * Day-first or month-first for ambiguous text dates: by the workbook's culture when known,
 * else by the data (a first field over 12 means day-first, a second over 12 month-first),
 * else day-first (the methodology is UK).
 */
export function inferDateOrder(values: Iterable<Cell>, culture?: string): DateOrder {
  if (culture) return MDY_CULTURES.test(culture.trim()) ? 'mdy' : 'dmy';
  let dmy = 0;
  let mdy = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(v);
    if (!m) continue;
    if (+m[1] > 12) dmy++;
    else if (+m[2] > 12) mdy++;
  }
  return mdy > dmy ? 'mdy' : 'dmy';
}

export interface Money {
  value: number;
  /** Currency symbol or code found in the text ("£", "EUR"); undefined for plain numbers. */
  currency?: string;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '£': 'GBP', '€': 'EUR', $: 'USD', '¥': 'JPY', '₹': 'INR', 'US$': 'USD', 'A$': 'AUD', 'C$': 'CAD', 'NZ$': 'NZD' };

/**
 * A money or quantity cell: numbers as they are; text with currency symbols or codes,
 * thousands separators of either convention, and negatives as "-120", "120-" or "(120.00)".
 */
export function parseMoney(v: Cell): Money | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : undefined;
  if (typeof v !== 'string') return undefined;
  let s = v.trim();
  if (s === '') return undefined;
  let currency: string | undefined;
  const code = /(?:^|\s)([A-Z]{3})(?:\s|$)/.exec(s);
  if (code) {
    currency = code[1];
    s = s.replace(code[1], '');
  }
  const sym = /(US\$|A\$|C\$|NZ\$|[£€$¥₹])/.exec(s);
  if (sym) {
    currency = currency ?? CURRENCY_SYMBOLS[sym[1]];
    s = s.replace(sym[1], '');
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Whichever comes last is the decimal separator.
    normal = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // "1,200" (thousands) vs "12,50" (decimal): three digits after a single comma = thousands.
    const parts = s.split(',');
    normal = parts.length === 2 && parts[1].length !== 3 ? `${parts[0]}.${parts[1]}` : s.replace(/,/g, '');
  } else if (lastDot >= 0 && s.split('.').length > 2) {
    normal = s.replace(/\./g, ''); // 1.200.000
  } else normal = s;
  const n = Number(normal);
  if (!Number.isFinite(n)) return undefined;
  return { value: negative ? -n : n, currency };
}

/** A plain number cell (quantities, limits, scores); text parsed like money without currency. */
export function parseNumber(v: Cell): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return parseMoney(v)?.value;
}

/** yes/no, true/false, y/n, 1/0, "on hold". */
export function parseBoolean(v: Cell): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (s === '') return undefined;
  if (/^(y|yes|true|1|on hold|hold|on stop|stop|x)$/.test(s)) return true;
  if (/^(n|no|false|0|none|-)$/.test(s)) return false;
  return undefined;
}
