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

/**
 * Money symbols several currencies write, and those currencies: with no ISO code in the data,
 * only the culture's region says which is meant ("$" in en-AU is AUD). Unresolved, KAP keeps the
 * bare symbol as the money's label and names no ISO code (a "$" is never passed off as USD).
 */
export const SHARED_SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  $: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"],
  kr: ["SEK", "NOK", "DKK", "ISK"],
  "¥": ["JPY", "CNY"],
  Rs: ["INR", "PKR", "LKR", "NPR", "MUR"],
  // "Fr." is the Swiss franc's, and "Fr" the CFA, CFP, Congolese, Rwandan, Burundian, Guinean,
  // Djiboutian and Comorian francs' ("SFr." and "CHF" are the Swiss franc's alone)
  Fr: ["CHF", "XOF", "XAF", "XPF", "CDF", "RWF", "BIF", "GNF", "DJF", "KMF"],
};

/** Whether `label` is one of SHARED_SYMBOLS, kept as the label of money no ISO code names. */
export function isSharedSymbol(label: string | undefined): boolean {
  return label !== undefined && Object.hasOwn(SHARED_SYMBOLS, label);
}

/**
 * The ISO codes among a portfolio's currency labels that write a bare symbol also among them
 * ("USD" beside money written "$" that names no code): shown by their code ("USD 80"), never
 * with the symbol, so the two are not read as one currency.
 */
export function codesBesideBareSymbols(labels: Iterable<string>): Set<string> {
  const all = [...labels];
  const bare = new Set(all.filter(isSharedSymbol).map(symbolPrefix));
  const out = new Set<string>();
  if (bare.size === 0) return out;
  for (const c of all)
    if (!isSharedSymbol(c) && bare.has(CURRENCY_SYMBOLS[c.trim().toUpperCase()] ?? "")) out.add(c);
  return out;
}

/**
 * Whether money in `code` is said by its code beside the `others` currencies ("CAD 648.60"
 * beside USD's "$", as the analysis shows them): it shares a bare symbol with one of them ("$")
 * and its `label` is not that bare symbol ("C$"), so no reader takes one dollar for the other.
 * The one written with the bare symbol (USD's "$", en-CA's CAD) keeps it.
 */
export function codedBesideSameSymbol(
  code: string,
  label: MoneyLabel,
  others: Iterable<string>
): boolean {
  const written = (typeof label === "string" ? label : `${label.before}${label.after}`).trim();
  const rest = [...others].filter((o) => o !== code);
  return Object.entries(SHARED_SYMBOLS).some(
    ([sym, codes]) => written !== sym && codes.includes(code) && rest.some((o) => codes.includes(o))
  );
}

/** A shared symbol as figures start with it: "$", "¥"; a symbol of letters with a space, "kr ". */
function symbolPrefix(symbol: string): string {
  return /[a-z.]$/i.test(symbol) ? `${symbol} ` : symbol;
}

/** What money figures in text start with for an ISO code: "£", "€", "SEK "; a shared symbol as written ("$", "kr "); '' when no currency is known. */
export function currencyPrefix(currency: string | undefined): string {
  if (isSharedSymbol(currency)) return symbolPrefix(currency!);
  const code = (currency ?? "").trim().toUpperCase();
  return code ? (CURRENCY_SYMBOLS[code] ?? `${code} `) : "";
}

/**
 * How a culture writes money in text (KAP's words stay English, the figures follow the culture,
 * as Office does with an English UI and German regional format): de-DE "1.234,50 €", en-US
 * "$1,234.50", fr-FR "1 234,50 €" (narrow no-break space). What comes before and after the
 * digits, for a positive and a negative figure, and the group and decimal marks.
 */
export interface MoneyStyle {
  before: string;
  negBefore: string;
  after: string;
  negAfter: string;
  group: string;
  decimal: string;
  /** digits grouped in lakhs and crores ("12,34,567.50"), as en-IN writes them */
  lakh?: boolean;
}

/** A money label: a prefix written the en-GB way ("£", "SEK "), or a culture's style. */
export type MoneyLabel = string | MoneyStyle;

type Parts = Intl.NumberFormatPart[];
const isDigits = (p: Intl.NumberFormatPart): boolean =>
  p.type === "integer" || p.type === "group" || p.type === "decimal" || p.type === "fraction";

/** The text before the first digit and after the last one of a formatted sample. */
function around(parts: Parts): { before: string; after: string } {
  const first = parts.findIndex(isDigits);
  let last = parts.length - 1;
  while (last >= 0 && !isDigits(parts[last])) last--;
  const text = (ps: Parts) => ps.map((p) => p.value).join("");
  return { before: text(parts.slice(0, first)), after: text(parts.slice(last + 1)) };
}

const partOf = (parts: Parts, type: string, fallback: string): string =>
  parts.find((p) => p.type === type)?.value ?? fallback;

/** Worked out from Intl once per culture and currency (formatMoney runs thousands of times). */
function styleFromIntl(culture: string, code: string): MoneyStyle {
  // a figure of seven digits: es-ES and pl-PL group none of four ("1234,50"), and their mark was missed
  const plain = new Intl.NumberFormat(culture, { minimumFractionDigits: 2 }).formatToParts(
    1234567.5
  );
  const marks = {
    group: partOf(plain, "group", ","),
    decimal: partOf(plain, "decimal", "."),
    ...(groupsInLakhs(culture) ? { lakh: true } : {}),
  };
  if (!code) {
    const neg = new Intl.NumberFormat(culture).formatToParts(-1);
    return { before: "", negBefore: around(neg).before, after: "", negAfter: "", ...marks };
  }
  let f: Intl.NumberFormat;
  if (isSharedSymbol(code)) {
    // a bare "$" or "kr" names no ISO code Intl could place: before the figure, as written
    const p = symbolPrefix(code);
    return { before: p, negBefore: `-${p}`, after: "", negAfter: "", ...marks };
  }
  try {
    f = new Intl.NumberFormat(culture, { style: "currency", currency: code });
  } catch {
    // not an ISO code Intl knows ("EURO"): the code before the figure, as without a culture
    return { before: `${code} `, negBefore: `-${code} `, after: "", negAfter: "", ...marks };
  }
  // KAP's own symbol where it has one (the one its cell formats show: "£", not fr-FR's "£GB"),
  // placed where the culture places it
  const own = CURRENCY_SYMBOLS[code]?.trim();
  const withOwn = (parts: Parts): Parts =>
    own ? parts.map((p) => (p.type === "currency" ? { ...p, value: own } : p)) : parts;
  const pos = around(withOwn(f.formatToParts(1234.5)));
  const neg = around(withOwn(f.formatToParts(-1234.5)));
  return {
    before: pos.before,
    negBefore: neg.before,
    after: pos.after,
    negAfter: neg.after,
    ...marks,
  };
}

/** Whether the culture groups digits in lakhs and crores (en-IN: "12,34,567"). */
function groupsInLakhs(culture: string): boolean {
  const ints = new Intl.NumberFormat(culture)
    .formatToParts(1234567)
    .filter((p) => p.type === "integer");
  return ints.length === 3 && ints[1].value.length === 2;
}

/** The rupee's prefix (no culture given): its figures grouped in lakhs and crores, as India writes them. */
const RUPEE_PREFIXES: ReadonlySet<string> = new Set([CURRENCY_SYMBOLS.INR, "INR "]);

/** "1234567" → "12,34,567": three digits last, pairs before. */
function lakhGrouped(digits: string, group: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.slice(0, -3);
  let out = head.slice(0, head.length % 2 || 2);
  for (let i = head.length % 2 || 2; i < head.length; i += 2) out += group + head.slice(i, i + 2);
  return out + group + digits.slice(-3);
}

const STYLES = new Map<string, MoneyLabel>();

/**
 * Where the source's money format writes its currency, when after the figure ("#,##0.00
 * [$€-407]", German ERP exports: "9,348.20 €"): text KAP writes of money in that currency
 * places it there too, so text and cells agree. The digits' marks stay the culture's (en-GB
 * without one), as Excel shows the cells' with the viewer's own.
 */
export interface SymbolPlacement {
  /** the currency key the format's money is in ("EUR"; a shared symbol "kr" as written) */
  currency: string;
  before: string;
  negBefore: string;
  after: string;
  negAfter: string;
}

/** The group and decimal marks of a culture (en-GB's without one), and its lakh grouping. */
function marksOf(culture: string | undefined): Pick<MoneyStyle, "group" | "decimal" | "lakh"> {
  if (!culture) return { group: ",", decimal: "." };
  try {
    const plain = new Intl.NumberFormat(culture, { minimumFractionDigits: 2 }).formatToParts(
      1234567.5
    );
    return {
      group: partOf(plain, "group", ","),
      decimal: partOf(plain, "decimal", "."),
      ...(groupsInLakhs(culture) ? { lakh: true } : {}),
    };
  } catch {
    return { group: ",", decimal: "." };
  }
}

/**
 * The money label for a currency in a culture: without a culture (or one Intl does not know),
 * the en-GB prefix of currencyPrefix, so text stays as it always was; money in the currency of
 * a `placement` is placed as the source's format places it ("9,348.20 €"). Memoised.
 */
export function moneyLabel(
  currency: string | undefined,
  culture: string | undefined,
  placement?: SymbolPlacement
): MoneyLabel {
  culture = culture?.trim().replace(/_/g, "-");
  if (placement && placement.currency === (currency ?? "")) {
    const key = `${culture ?? ""}\u0002${placement.currency}\u0002${placement.before}\u0002${placement.after}\u0002${placement.negBefore}\u0002${placement.negAfter}`;
    let s = STYLES.get(key);
    if (s === undefined) {
      const marks = marksOf(culture);
      // the rupee in lakhs and crores where no culture says how to group it
      const lakh = culture ? marks.lakh : placement.currency === "INR" || undefined;
      const { currency: _c, ...where } = placement;
      STYLES.set(key, (s = { ...where, ...marks, ...(lakh ? { lakh } : {}) }));
    }
    return s;
  }
  if (!culture) return currencyPrefix(currency);
  const code = isSharedSymbol(currency) ? currency! : (currency ?? "").trim().toUpperCase();
  const key = `${culture}\u0001${code}`;
  let s = STYLES.get(key);
  if (s === undefined) {
    try {
      s = styleFromIntl(culture, code);
    } catch {
      s = currencyPrefix(currency); // a culture tag Intl refuses: en-GB, as with none
    }
    STYLES.set(key, s);
  }
  return s;
}

const CODE_STYLES = new Map<string, MoneyLabel>();

/**
 * Money said by its ISO code ("CAD 648.60" beside USD's "$"): before the figure without a
 * culture; where and with what marks the culture writes a code with one (de-DE "648,60 CAD").
 */
export function codeLabel(code: string, culture: string | undefined): MoneyLabel {
  culture = culture?.trim().replace(/_/g, "-");
  if (!culture) return `${code} `;
  const key = `${culture}\u0001${code}`;
  let s = CODE_STYLES.get(key);
  if (s === undefined) {
    try {
      const f = new Intl.NumberFormat(culture, {
        style: "currency",
        currency: code,
        currencyDisplay: "code",
      });
      const pos = around(f.formatToParts(1234.5));
      const neg = around(f.formatToParts(-1234.5));
      s = {
        before: pos.before,
        negBefore: neg.before,
        after: pos.after,
        negAfter: neg.after,
        ...marksOf(culture),
      };
    } catch {
      s = `${code} `; // not a code Intl knows, or a culture it refuses: before the figure
    }
    CODE_STYLES.set(key, s);
  }
  return s;
}

/**
 * How a run writes money in its text: the culture's marks and placement, the source format's
 * placement of its currency, the codes said by their code beside a bare symbol.
 */
export interface MoneyWriting {
  culture?: string;
  placement?: SymbolPlacement;
  /** codes said by their code ("USD 80.00") beside money written with their bare symbol ("$") */
  coded?: ReadonlySet<string> | readonly string[];
  /**
   * the run's currencies, said elsewhere in its text: CAD is "CAD 21.00" in every message of a
   * run with USD in it, also one that names CAD alone
   */
  beside?: readonly string[];
}

/**
 * The label of money in `currency` said beside money in `others`: its own (moneyLabel), or its
 * code where a reader could take it for another's ("CAD 648.60" beside USD's "$").
 */
export function amountLabel(
  currency: string,
  others: Iterable<string>,
  w: MoneyWriting = {}
): MoneyLabel {
  const label = moneyLabel(currency, w.culture, w.placement);
  const coded = w.coded && [...w.coded].includes(currency);
  return currency !== "" &&
    !isSharedSymbol(currency) &&
    (coded || codedBesideSameSymbol(currency, label, others))
    ? codeLabel(currency, w.culture)
    : label;
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Money in several currencies in one sentence, each in its own currency and never added across
 * them: "$3,072.53 and CAD 648.60", "£100.00, €40.00 and SEK 1,200.00"; de-DE "130,00 $ and
 * 21,00 CAD" (the words stay English, the figures follow the culture). Money naming no currency
 * ('') is the plain figure, said so beside others: "21.00 (no currency)". The one formatter for
 * such lists.
 */
export function amountsText(
  amounts: Iterable<readonly [string, number]>,
  w: MoneyWriting = {},
  digits: 0 | 2 = 2
): string {
  const list = [...amounts];
  const keys = [...list.map(([c]) => c), ...(w.beside ?? [])];
  return andList(
    list.map(([c, v]) =>
      // beside money in a currency, a plain figure is said to be in none
      c === ""
        ? `${formatMoney(v, moneyLabel("", w.culture), digits)}${keys.some((k) => k !== "") ? " (no currency)" : ""}`
        : formatMoney(v, amountLabel(c, keys, w), digits)
    )
  );
}

/**
 * 1234.5 → "£1,234.50" with a prefix, "1.234,50 €" with de-DE's style; negatives "-£1,234.50",
 * "-1.234,50 €"; `digits` 0 for whole money ("1.235 €"). toLocaleString is too slow for
 * thousands of messages.
 */
export function formatMoney(x: number, label: MoneyLabel = "", digits: 0 | 2 = 2): string {
  const r = roundHalfAwayFromZero(x, digits);
  const neg = r < 0;
  const fixed = Math.abs(r).toFixed(digits);
  const int = digits ? fixed.length - 3 : fixed.length;
  const group = typeof label === "string" ? "," : label.group;
  let grouped: string;
  // the rupee's figures in lakhs and crores, as India writes them ("₹1,47,500.00")
  if (typeof label === "string" ? RUPEE_PREFIXES.has(label) : label.lakh)
    grouped = lakhGrouped(fixed.slice(0, int), group);
  else {
    // thousands separators by slicing (a regex replace costs more, thousands of times over)
    grouped = fixed.slice(0, int % 3 || 3);
    for (let i = int % 3 || 3; i < int; i += 3) grouped += group + fixed.slice(i, i + 3);
  }
  if (typeof label === "string") return `${neg ? "-" : ""}${label}${grouped}${fixed.slice(int)}`;
  const cents = digits ? label.decimal + fixed.slice(int + 1) : "";
  return neg
    ? `${label.negBefore}${grouped}${cents}${label.negAfter}`
    : `${label.before}${grouped}${cents}${label.after}`;
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

/**
 * Whether an amount has a part below the whole unit, to a thousandth (£100.50, 1.005 KWD), not
 * counting float noise (3 × £33.3333333 = £99.9999999 is whole).
 */
export function hasMinorPart(x: number): boolean {
  return Math.round(x * 1000) % 1000 !== 0;
}

/** Money rounded to its currency's minor unit, half away from zero (what written cells and JSON carry). */
export function roundMoney(x: number, currency: string | undefined): number {
  return roundHalfAwayFromZero(x, minorUnitDigits(currency));
}

/**
 * How many integer steps the order book counts one unit of a currency in: a hundredth of its
 * minor unit, and never coarser than ten-thousandths (£0.0001; a yen total to the hundredth of a
 * sen), so unit prices quoted below the minor unit (0,035 € a screw, £0.125 a washer) add up
 * exactly: 200 × £0.125 is £25.00, where rounding each line to the penny made £26.00. Sums of
 * these integers are exact up to 2^53 steps (£900 billion per account and currency); figures are
 * rounded to the minor unit only where they are written (`minorSteps`, roundMoney).
 */
export function moneySteps(currency: string | undefined): number {
  return 10 ** (Math.max(2, minorUnitDigits(currency)) + 2);
}

/** Steps (moneySteps) in one minor unit: 100 (a penny is 100 steps of £0.0001). */
export function minorSteps(currency: string | undefined): number {
  return moneySteps(currency) / 10 ** minorUnitDigits(currency);
}
