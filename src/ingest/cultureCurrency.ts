/**
 * The currency of money that names none (RULES.md §1.2): the data's own symbol or code first (the
 * revenue column's number format, the symbol on a report's totals rows), else the culture's
 * region's currency, else KAP's default GBP. Intl gives no region's currency, so the common
 * regions are listed here; a culture without a listed region (or with no region, "de") names none.
 */
import { SHARED_SYMBOLS } from "../domain/currency";
import { currencyOfNumberFormat } from "./moneyFormat";

/** Region (ISO 3166) → ISO 4217 code: the euro area, then the other regions KAP's users write in. */
const REGION_CURRENCY: Record<string, string> = {
  ...Object.fromEntries(
    "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK".split(" ").map((r) => [r, "EUR"])
  ),
  GB: "GBP",
  US: "USD",
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  SG: "SGD",
  HK: "HKD",
  CH: "CHF",
  LI: "CHF",
  SE: "SEK",
  NO: "NOK",
  DK: "DKK",
  PL: "PLN",
  CZ: "CZK",
  HU: "HUF",
  JP: "JPY",
  CN: "CNY",
  MX: "MXN",
  IS: "ISK",
  IN: "INR",
  PK: "PKR",
  LK: "LKR",
  NP: "NPR",
  MU: "MUR",
  ZA: "ZAR",
  // the francs "Fr" may be beside the Swiss one (SHARED_SYMBOLS)
  ...Object.fromEntries("BJ BF CI GW ML NE SN TG".split(" ").map((r) => [r, "XOF"])),
  ...Object.fromEntries("CM CF TD CG GQ GA".split(" ").map((r) => [r, "XAF"])),
  ...Object.fromEntries("PF NC WF".split(" ").map((r) => [r, "XPF"])),
  CD: "CDF",
  RW: "RWF",
  BI: "BIF",
  GN: "GNF",
  DJ: "DJF",
  KM: "KMF",
};

/** ISO code of the currency of the culture's region ("de-DE" → EUR, "en-CA" → CAD); undefined when not listed. */
export function currencyOfCulture(culture: string | undefined): string | undefined {
  const region = culture
    ?.split(/[-_]/)
    .slice(1)
    .find((p) => /^[A-Za-z]{2}$/.test(p));
  return region ? REGION_CURRENCY[region.toUpperCase()] : undefined;
}

/**
 * The ISO code a symbol several currencies write means under the culture: its region's currency
 * when that is one of them ("$" in en-AU → AUD, "kr" in nb-NO → NOK); undefined when the culture
 * names none of them (no culture, or en-GB beside a "$"): which one is then not known.
 */
export function currencyOfSharedSymbol(
  symbol: string,
  culture: string | undefined
): string | undefined {
  const c = currencyOfCulture(culture);
  return c && SHARED_SYMBOLS[symbol]?.includes(c) ? c : undefined;
}

/**
 * The shared symbol a number format shows with no ISO code beside it ("$#,##0.00" → "$";
 * "[$USD] #,##0" or "US$" → none); an Excel locale tag that names the country settles it
 * ("[$$-C09]" is en-AU's dollar): `code` then.
 */
function sharedSymbolOfFormat(format: string, code: string): { symbol?: string; code?: string } {
  // "[$€-x-euro2]": the "$" of Excel's bracket, no dollar; only a "$" or "¥" read as USD or JPY
  const symbol = code === "USD" ? "$" : code === "JPY" ? "¥" : undefined;
  if (!symbol || /USD|US\$|JPY/i.test(format)) return {};
  const lcid = /\[\$[$¥]-([0-9A-Fa-f]+)\]/.exec(format)?.[1];
  const named = lcid ? LOCALE_CURRENCY[lcid.toUpperCase().replace(/^0+/, "")] : undefined;
  return named && SHARED_SYMBOLS[symbol].includes(named) ? { code: named } : { symbol };
}

/** The cultures that name each shared symbol's currencies, for messages: ", e.g. en-AU for AUD, …". */
export const SYMBOL_EXAMPLES: Readonly<Record<string, string>> = {
  $: ", e.g. en-AU for AUD, en-CA for CAD, en-US for USD",
  kr: ", e.g. sv-SE for SEK, nb-NO for NOK, da-DK for DKK",
  "¥": ", e.g. ja-JP for JPY, zh-CN for CNY",
  Rs: ", e.g. en-IN for INR, ur-PK for PKR, si-LK for LKR",
  Fr: ", e.g. de-CH or fr-CH for CHF, fr-SN for XOF",
};

/** Excel's locale ids (hex) of the countries whose "$" or "¥" a format may carry. */
const LOCALE_CURRENCY: Record<string, string> = {
  "409": "USD",
  C09: "AUD",
  "1009": "CAD",
  "1409": "NZD",
  "4809": "SGD",
  "3C09": "HKD",
  "80A": "MXN",
  "411": "JPY",
  "804": "CNY",
};

/** "Fr." or "Fr" apart from other letters, before or after the figure ("SFr." is no match). */
const SHARED_FRANC = /(?:^|[\s\d(\-\u2212])Fr(?![A-Za-z])/;

/** "kr" or "kr." after the figure or before it (numbers.ts reads such money as naming no currency). */
const KRONA = /(?:^|[\d\s).\-\u2212])kr\.?$|^kr\.?\s*[\d(+\-\u2212.,]/i;

/**
 * The shared symbol money text is written with, where nothing in it names the currency (`code`:
 * what the parser read it as): "$40.00" → "$" ("US$40", "USD 40", "C$40" → none), "¥1,000" →
 * "¥", "Rs. 1,234.50" → "Rs", "1 249,50 kr" → "kr" (read with no code), "Fr. 45.00" → "Fr"
 * ("SFr. 45.00" → none: CHF).
 */
export function sharedSymbolOfText(text: string, code: string | undefined): string | undefined {
  if (code === "USD") return text.includes("$") && !/US\$|USD/i.test(text) ? "$" : undefined;
  if (code === "JPY") return /[¥￥]/.test(text) && !/JPY/i.test(text) ? "¥" : undefined;
  if (code === "INR")
    return /(?:^|[\s(\-\u2212])Rs(?![A-Za-z])/.test(text) && !/INR/i.test(text) ? "Rs" : undefined;
  // "Fr." / "Fr" (not "SFr.", "CHF 45"): the Swiss franc's and other francs'
  if (code === "CHF") return SHARED_FRANC.test(text) && !/CHF|SFr/i.test(text) ? "Fr" : undefined;
  if (code === undefined) return KRONA.test(text.trim()) ? "kr" : undefined;
  return undefined;
}

export type CurrencySource = "format" | "totals" | "symbol" | "culture" | "default";

/** The currency of money that names none, and where it came from. */
export interface DefaultCurrency {
  /**
   * ISO code; '' for a plain number format (#,##0.00) with no culture: a figure without a
   * symbol; a shared symbol ("$", "kr", "¥") that nothing says the currency of (`sharedBy`)
   */
  code: string;
  source: CurrencySource;
  /** the culture that settled it or a shared symbol (source culture, or a "$" read as its dollars) */
  culture?: string;
  /** the symbol on the totals rows (source totals), or on the lines (source symbol) */
  symbol?: string;
  /** the code is a symbol these currencies all write, and nothing says which is meant */
  sharedBy?: readonly string[];
}

/** `code` read under the culture: a shared symbol's currency, else the symbol kept with what may be meant. */
function underCulture(
  code: string,
  symbol: string | undefined,
  culture: string | undefined
): Pick<DefaultCurrency, "code" | "culture" | "sharedBy"> {
  if (symbol === undefined || !SHARED_SYMBOLS[symbol]) return { code };
  const named = currencyOfSharedSymbol(symbol, culture);
  return named
    ? { code: named, culture: culture! }
    : { code: symbol, sharedBy: SHARED_SYMBOLS[symbol] };
}

/**
 * The currency of money without one of its own: the revenue column's number format, else the
 * symbol on the report's totals rows (`totals`: its code and symbol), else the symbol on the
 * lines that names no currency by itself (`linesSymbol`, IngestReport.fileSymbol: "kr"), else
 * the culture's region, else GBP. A symbol several currencies write ("$", "kr", "¥") is the
 * culture's currency when that is one of them, else it stays the bare symbol (`sharedBy`).
 */
export function defaultCurrencyOf(
  format: string | undefined,
  totals: { code: string; symbol: string } | undefined,
  culture: string | undefined,
  linesSymbol?: string
): DefaultCurrency {
  const fromFormat = format === undefined ? undefined : currencyOfNumberFormat(format);
  if (fromFormat) {
    const shared = sharedSymbolOfFormat(format!, fromFormat);
    if (shared.code) return { code: shared.code, source: "format" };
    return { ...underCulture(fromFormat, shared.symbol, culture), source: "format" };
  }
  if (totals) {
    const symbol = SHARED_SYMBOLS[totals.symbol] ? totals.symbol : undefined;
    return {
      ...underCulture(totals.code, symbol, culture),
      source: "totals",
      symbol: totals.symbol,
    };
  }
  if (linesSymbol && SHARED_SYMBOLS[linesSymbol])
    return {
      ...underCulture(linesSymbol, linesSymbol, culture),
      source: "symbol",
      symbol: linesSymbol,
    };
  const fromCulture = currencyOfCulture(culture);
  if (fromCulture) return { code: fromCulture, source: "culture", culture };
  // a plain number format names a figure without a symbol, as before
  return fromFormat === "" ? { code: "", source: "format" } : { code: "GBP", source: "default" };
}
