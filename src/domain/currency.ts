/**
 * How money is labelled in text KAP writes (alerts, risk flags, plan details): "£1,234.50",
 * "€80.00", "SEK 1,200.00". The label comes from the line's currency code when there is one,
 * else from the revenue column's own number format, else £ (the methodology is UK).
 */
import { roundHalfAwayFromZero } from './numbers';

/** Symbols for common codes; any other code is written before the figure ("SEK 1,200.00"). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { GBP: '£', EUR: '€', USD: '$', JPY: '¥', INR: '₹', CHF: 'CHF ', AUD: 'A$', CAD: 'C$', NZD: 'NZ$' };

/** The prefix money figures get: from a currency code, else from an Excel number format. */
export function moneyPrefix(currency: string | undefined, numberFormat?: string): string {
  const code = (currency ?? '').trim().toUpperCase();
  if (code) return CURRENCY_SYMBOLS[code] ?? `${code} `;
  const f = numberFormat ?? '';
  // [$€-x-euro2] #,##0.00 · "£"#,##0 · £#,##0 · #,##0.00 [$EUR]
  const bracket = /\[\$([^\]-]+)(?:-[^\]]*)?\]/.exec(f);
  if (bracket) return symbolOrCode(bracket[1]);
  const quoted = /"([^"]+)"/.exec(f);
  if (quoted && /[0#]/.test(f)) return symbolOrCode(quoted[1]);
  const bare = /[£€$¥₹]/.exec(f);
  if (bare) return bare[0];
  // A plain number format (#,##0.00) names no currency; no format at all falls back to £.
  return /[0#]/.test(f) ? '' : '£';
}

/**
 * The ISO code money is in: the line's own code, else the one the revenue column's format
 * names ("£#,##0.00" → GBP), else GBP when there is no format at all; '' when a plain number
 * format names none.
 */
export function currencyCodeOf(currency: string | undefined, numberFormat?: string): string {
  const code = (currency ?? '').trim().toUpperCase();
  if (code) return code;
  const prefix = moneyPrefix('', numberFormat).trim();
  if (!prefix) return '';
  if (/^[A-Z]{3}$/.test(prefix)) return prefix;
  return Object.keys(CURRENCY_SYMBOLS).find((c) => CURRENCY_SYMBOLS[c].trim() === prefix) ?? '';
}

function symbolOrCode(s: string): string {
  const t = s.trim();
  if (/^[A-Z]{3}$/i.test(t)) return CURRENCY_SYMBOLS[t.toUpperCase()] ?? `${t.toUpperCase()} `;
  return t;
}

/** 1234.5 → "£1,234.50" with the prefix; negatives as "-£1,234.50" (toLocaleString is too slow for thousands of messages). */
export function formatMoney(x: number, prefix = ''): string {
  const r = roundHalfAwayFromZero(x, 2);
  const neg = r < 0;
  const fixed = Math.abs(r).toFixed(2);
  const int = fixed.length - 3;
  // thousands separators by slicing (a regex replace costs more, thousands of times over)
  let grouped = fixed.slice(0, int % 3 || 3);
  for (let i = int % 3 || 3; i < int; i += 3) grouped += ',' + fixed.slice(i, i + 3);
  return `${neg ? '-' : ''}${prefix}${grouped}${fixed.slice(int)}`;
}
