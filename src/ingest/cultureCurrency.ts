/**
 * The currency of money that names none (RULES.md §1.2): the data's own symbol or code first (the
 * revenue column's number format, the symbol on a report's totals rows), else the culture's
 * region's currency, else KAP's default GBP. Intl gives no region's currency, so the common
 * regions are listed here; a culture without a listed region (or with no region, "de") names none.
 */
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
  IN: "INR",
  ZA: "ZAR",
};

/** ISO code of the currency of the culture's region ("de-DE" → EUR, "en-CA" → CAD); undefined when not listed. */
export function currencyOfCulture(culture: string | undefined): string | undefined {
  const region = culture
    ?.split(/[-_]/)
    .slice(1)
    .find((p) => /^[A-Za-z]{2}$/.test(p));
  return region ? REGION_CURRENCY[region.toUpperCase()] : undefined;
}

/** The dollars a bare "$" means: the culture's when it is a dollar region, else USD. */
function dollarOf(culture: string | undefined): string {
  const c = currencyOfCulture(culture);
  return c && ["CAD", "AUD", "NZD", "SGD", "HKD"].includes(c) ? c : "USD";
}

/** A symbol or code as KAP shows it: a bare "$" is the culture's dollars (USD unless en-CA, en-AU…). */
export function currencyOfSymbol(code: string, bareDollar: boolean, culture?: string): string {
  return code === "USD" && bareDollar ? dollarOf(culture) : code;
}

export type CurrencySource = "format" | "totals" | "culture" | "default";

/** The currency of money that names none, and where it came from. */
export interface DefaultCurrency {
  /** ISO code; '' for a plain number format (#,##0.00) with no culture: a figure without a symbol */
  code: string;
  source: CurrencySource;
  /** the culture that settled it or a bare "$" (source culture, or a dollar read as its dollars) */
  culture?: string;
  /** the symbol on the totals rows (source totals) */
  symbol?: string;
}

/**
 * The currency of money without one of its own: the revenue column's number format, else the
 * symbol on the report's totals rows (`totals`: its code and whether it was a bare "$"), else the
 * culture's region, else GBP.
 */
export function defaultCurrencyOf(
  format: string | undefined,
  totals: { code: string; symbol: string } | undefined,
  culture: string | undefined
): DefaultCurrency {
  const fromFormat = format === undefined ? undefined : currencyOfNumberFormat(format);
  if (fromFormat) {
    const code = currencyOfSymbol(
      fromFormat,
      /\$/.test(format!) && !/USD|US\$/i.test(format!),
      culture
    );
    return { code, source: "format", ...(code !== fromFormat ? { culture } : {}) };
  }
  if (totals) {
    const code = currencyOfSymbol(totals.code, totals.symbol === "$", culture);
    return {
      code,
      source: "totals",
      symbol: totals.symbol,
      ...(code !== totals.code ? { culture } : {}),
    };
  }
  const fromCulture = currencyOfCulture(culture);
  if (fromCulture) return { code: fromCulture, source: "culture", culture };
  // a plain number format names a figure without a symbol, as before
  return fromFormat === "" ? { code: "", source: "format" } : { code: "GBP", source: "default" };
}
