/**
 * How money is labelled in text KAP writes (alerts, risk flags, plan details): "£1,234.50",
 * "€80.00", "SEK 1,200.00". The domain knows currencies only as ISO codes: the line's code, else
 * the analysis' default currency (which the engine reads once from the revenue column's format).
 */
import { roundHalfAwayFromZero } from "./numbers";

/** Symbols for common codes; any other code is written before the figure ("SEK 1,200.00"). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  GBP: "£",
  EUR: "€",
  USD: "$",
  JPY: "¥",
  INR: "₹",
  CHF: "CHF ",
  AUD: "A$",
  CAD: "C$",
  NZD: "NZ$",
};

/** What money figures in text start with for an ISO code: "£", "€", "SEK "; '' when no currency is known. */
export function currencyPrefix(currency: string | undefined): string {
  const code = (currency ?? "").trim().toUpperCase();
  return code ? (CURRENCY_SYMBOLS[code] ?? `${code} `) : "";
}

/** 1234.5 → "£1,234.50" with the prefix; negatives as "-£1,234.50" (toLocaleString is too slow for thousands of messages). */
export function formatMoney(x: number, prefix = ""): string {
  const r = roundHalfAwayFromZero(x, 2);
  const neg = r < 0;
  const fixed = Math.abs(r).toFixed(2);
  const int = fixed.length - 3;
  // thousands separators by slicing (a regex replace costs more, thousands of times over)
  let grouped = fixed.slice(0, int % 3 || 3);
  for (let i = int % 3 || 3; i < int; i += 3) grouped += "," + fixed.slice(i, i + 3);
  return `${neg ? "-" : ""}${prefix}${grouped}${fixed.slice(int)}`;
}

/**
 * Decimal places of a currency's minor unit (ISO 4217): 0 for the yen, won, krona of Iceland …,
 * 3 for the dinars of Bahrain, Iraq, Jordan, Kuwait, Libya, Tunisia and the Omani rial, else 2
 * (also for '' — money with no currency named).
 */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function minorUnitDigits(currency: string | undefined): number {
  return MINOR_DIGITS[(currency ?? "").trim().toUpperCase()] ?? 2;
}

/** Money rounded to its currency's minor unit, half away from zero (what written cells and JSON carry). */
export function roundMoney(x: number, currency: string | undefined): number {
  return roundHalfAwayFromZero(x, minorUnitDigits(currency));
}

/**
 * How many integer steps the order book counts one unit of a currency in: its minor unit, and
 * never coarser than hundredths (a yen total is kept to the sen, so nothing is lost before the
 * figure is written). Sums of these integers are exact up to 2^53 steps (90 trillion pounds).
 */
export function moneySteps(currency: string | undefined): number {
  return 10 ** Math.max(2, minorUnitDigits(currency));
}
