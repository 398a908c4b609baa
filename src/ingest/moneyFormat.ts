/**
 * The currency an Excel number format names: "£#,##0.00" → GBP, "[$€-x-euro2] #,##0.00" → EUR,
 * "#,##0.00 [$CHF]" → CHF. Read once per file from the revenue column's format, so that lines
 * without a currency column still carry an ISO code through the analysis (RULES.md §1.2).
 */
import { CURRENCY_SYMBOLS } from "../domain/currency";

/** The symbol or code a money number format shows; '' for a plain number format; undefined for no format. */
function formatSymbol(format: string | undefined): string | undefined {
  const f = format ?? "";
  const bracket = /\[\$([^\]-]+)(?:-[^\]]*)?\]/.exec(f);
  if (bracket) return bracket[1].trim();
  const quoted = /"([^"]+)"/.exec(f);
  if (quoted && /[0#]/.test(f)) return quoted[1].trim();
  const bare = /[£€$¥₹]/.exec(f);
  if (bare) return bare[0];
  // A plain number format (#,##0.00) names no currency; no format at all: none known.
  return /[0#]/.test(f) ? "" : undefined;
}

/**
 * ISO code of the currency a number format names. No format at all → GBP (the methodology is
 * UK); a plain number format (#,##0.00) → '' (a figure without a symbol).
 */
export function currencyOfNumberFormat(format: string | undefined): string {
  const s = formatSymbol(format);
  if (s === undefined) return "GBP";
  if (s === "") return "";
  if (/^[A-Z]{3}$/i.test(s)) return s.toUpperCase();
  return Object.keys(CURRENCY_SYMBOLS).find((c) => CURRENCY_SYMBOLS[c].trim() === s) ?? "";
}
