/**
 * How money is labelled in text KAP writes (alerts, risk flags, plan details): "£1,234.50",
 * "€80.00", "SEK 1,200.00". The domain knows currencies only as ISO codes: the line's code, else
 * the analysis' default currency (which the engine reads once from the revenue column's format).
 */
import { roundHalfAwayFromZero } from './numbers';

/** Symbols for common codes; any other code is written before the figure ("SEK 1,200.00"). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { GBP: '£', EUR: '€', USD: '$', JPY: '¥', INR: '₹', CHF: 'CHF ', AUD: 'A$', CAD: 'C$', NZD: 'NZ$' };

/** What money figures in text start with for an ISO code: "£", "€", "SEK "; '' when no currency is known. */
export function currencyPrefix(currency: string | undefined): string {
  const code = (currency ?? '').trim().toUpperCase();
  return code ? (CURRENCY_SYMBOLS[code] ?? `${code} `) : '';
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
