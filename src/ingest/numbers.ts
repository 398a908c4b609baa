/**
 * Number text under a decimal convention decided per column (and file), never per cell
 * (RULES.md §1, "Money and quantities"). A cell such as "1,250" reads 1250 with a decimal
 * point and 1.25 with a decimal comma: only the column's other cells ("2,49" settles a comma,
 * "1,234.50" a point), the file's other number columns, or the workbook's culture can say
 * which. When none can, the column is reported as ambiguous, naming it, never guessed silently.
 *
 * Used by ingest for order lines and side tables, and by the worksheet functions (KAP.*), which
 * read each text argument with readNumberText under the workbook's culture.
 *
 *   const c = inferNumberConvention(['0,035 €', '1.200', '2,49 €']);   // { decimal: ',', source: 'data', … }
 *   parseNumberText('1.200', c)        // { value: 1200 }
 *   parseNumberText('4,50-', c)        // { value: -4.5 }
 *   parseNumberText('(1 200,00 €)', c) // { value: -1200, currency: 'EUR' }
 */
import type { Cell } from "./grid";

/** The decimal mark; the other of "." and "," is then a thousands separator, as are spaces (incl. no-break) and apostrophes. */
export type DecimalMark = "." | ",";

export interface NumberConvention {
  decimal: DecimalMark;
}

/**
 * How a column's convention was settled:
 * - 'data': its own cells prove it ("2,49", "0,035", "1,234.50", "1.234.567");
 * - 'file': other number columns of the same file prove it (the caller passes their evidence);
 * - 'culture': the workbook's culture (Excel's decimal separator, or a culture name such as "de-DE");
 * - 'default': nothing settled it; the decimal point was assumed. When `ambiguous` > 0 the
 *   column holds text that reads differently under the two conventions and must be reported.
 */
export type ConventionSource = "data" | "file" | "culture" | "delimiter" | "default";

export interface ColumnConvention extends NumberConvention {
  source: ConventionSource;
  /** cells proving a decimal point / a decimal comma */
  pointEvidence: number;
  commaEvidence: number;
  /** text cells that read differently under the two conventions ("1,250", "1.200") */
  ambiguous: number;
  /** first ambiguous cell text, for messages */
  example?: string;
  /** first cell that proves the other convention, when the column holds both (a mixed column) */
  conflictExample?: string;
  /**
   * A column of whole counts settled by its own cells (inferNumberConvention's `counts`): a cell
   * such as "1,200" (`grouped`) beside a count written bare, such as "3" (`whole`), so the
   * separator groups thousands.
   */
  grouping?: { grouped: string; whole: string };
  /** the first cell grouped in lakhs and crores ("1,25,000.00"), as only India's and its neighbours' cultures write */
  lakh?: string;
  /**
   * A column left to the default with ambiguous cells: `example` reads as `thousands` (its
   * separator grouping thousands) or as `decimals` (its separator the decimal mark), e.g.
   * "1,200": 1200 or 1.2; `counts`: a column of whole counts, where no count was written bare.
   */
  readings?: { thousands: number; decimals: number; counts?: true };
  /**
   * A column whose cells carry currency symbols, each currency written its own way ("£1,200.50"
   * beside "30,00 €"): the mark per currency code; cells without a symbol take `decimal`.
   */
  byCurrency?: Record<string, DecimalMark>;
}

/**
 * The workbook's culture as far as numbers go: Excel's cultureInfo (its numberDecimalSeparator
 * wins) or a culture name ("de-DE", "en_GB", "fr-CH").
 */
export type NumberCulture = string | { name?: string; decimalSeparator?: string };

/**
 * Languages whose standard decimal mark is a comma (CLDR), by language subtag; regions that
 * differ from their language are listed apart. Source: Unicode CLDR "decimal" symbol per locale.
 */
const COMMA_LANGUAGES = new Set([
  "af",
  "az",
  "be",
  "bg",
  "bs",
  "ca",
  "cs",
  "da",
  "de",
  "el",
  "es",
  "et",
  "eu",
  "fi",
  "fo",
  "fr",
  "gl",
  "hr",
  "hu",
  "hy",
  "id",
  "is",
  "it",
  "ka",
  "kk",
  "ky",
  "lt",
  "lv",
  "mk",
  "mn",
  "nb",
  "nl",
  "nn",
  "no",
  "pl",
  "pt",
  "ro",
  "ru",
  "sk",
  "sl",
  "sq",
  "sr",
  "sv",
  "tr",
  "uk",
  "uz",
  "vi",
]);
const POINT_REGIONS = new Set([
  "de-ch",
  "de-li",
  "fr-ch",
  "it-ch",
  "es-mx",
  "es-us",
  "es-pr",
  "es-do",
  "es-gt",
  "es-hn",
  "es-ni",
  "es-pa",
  "es-pe",
  "es-sv",
]);
const COMMA_REGIONS = new Set([
  "en-za",
  "en-be",
  "en-nl",
  "en-de",
  "en-dk",
  "en-fi",
  "en-se",
  "en-at",
  "en-si",
]);

/** The decimal mark a culture writes; undefined when it says nothing usable. */
export function cultureDecimal(culture: NumberCulture | undefined): DecimalMark | undefined {
  if (culture === undefined) return undefined;
  if (typeof culture !== "string") {
    if (culture.decimalSeparator === "," || culture.decimalSeparator === ".")
      return culture.decimalSeparator;
    return culture.name ? cultureDecimal(culture.name) : undefined;
  }
  const c = culture.trim().replace(/_/g, "-").toLowerCase();
  if (c === "") return undefined;
  if (POINT_REGIONS.has(c)) return ".";
  if (COMMA_REGIONS.has(c)) return ",";
  return COMMA_LANGUAGES.has(c.split("-")[0]) ? "," : ".";
}

/** Symbols → ISO codes; longest first so "US$" wins over "$". */
const SYMBOLS: readonly [string, string][] = [
  ["NZ$", "NZD"],
  ["US$", "USD"],
  ["AU$", "AUD"],
  ["A$", "AUD"],
  ["C$", "CAD"],
  ["HK$", "HKD"],
  ["S$", "SGD"],
  ["R$", "BRL"],
  ["£", "GBP"],
  ["€", "EUR"],
  // ISO-8859-15's € (byte A4) as Windows-1252 and Latin-1 read it: a German or French export's euro
  ["¤", "EUR"],
  ["$", "USD"],
  ["¥", "JPY"],
  ["￥", "JPY"],
  ["₹", "INR"],
  ["₽", "RUB"],
  ["₩", "KRW"],
  ["₺", "TRY"],
  ["zł", "PLN"],
  ["Kč", "CZK"],
  ["CHF", "CHF"],
];
/** ISO codes recognised inside money text ("GBP 45", "45 EUR"); a currency column may hold any code. */
const CODES = new Set([
  "GBP",
  "EUR",
  "USD",
  "AUD",
  "NZD",
  "CAD",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "HUF",
  "RON",
  "BGN",
  "JPY",
  "CNY",
  "HKD",
  "SGD",
  "INR",
  "ZAR",
  "AED",
  "SAR",
  "MXN",
  "BRL",
  "TRY",
  "RUB",
  "KRW",
  "ILS",
  "THB",
  "MYR",
  "IDR",
  "PHP",
]);
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map(
  SYMBOLS.map(([s, c]) => [s.toLowerCase(), c])
);

/**
 * Francs before or after the amount: "Fr. 45.00", "Fr 45.00", "SFr. 45.00", "45.00 Fr.". Read as
 * CHF, as "$" is read as USD: "Fr" alone is other francs' too (ingest/cultureCurrency names it).
 */
const SWISS_FRANCS_BEFORE = /^S?Fr(?:\.\s*|\s+)/;
const SWISS_FRANCS_AFTER = /\s*S?Fr\.?$/;
/** "kr" or "kr." after the figure, or "kr" / "kr." before it, apart from any other letter. */
const NORDIC_KRONA_AFTER = /(?<=[\d\s).\-\u2212])\s*kr\.?$/i;
const NORDIC_KRONA_BEFORE = /^kr\.?\s*(?=[\d(+\-\u2212.,])/i;
/**
 * The rupee's "Rs" / "Rs." or the rand's "R" before the figure ("Rs. 1,234.50", "R 1 234,50",
 * "R1,234.50"); a bare "R" or "Rs" only before a space or a figure with a decimal or group mark,
 * so that ids such as "R1042" stay no money.
 */
const RUPEE_OR_RAND = /^(?:(Rs\.)\s*|(Rs|R)(?:\s+|(?=[\d.,]*[.,]\d)))(?=[\d(+\-\u2212.,])/;
const LEADING_CODE = /^([A-Za-z]{3})(?=[\s\d(+\-.,]|$)/;
const TRAILING_CODE = /(?:^|[\s\d).\-])([A-Za-z]{3})$/;
/** Group separators every convention accepts: spaces (incl. no-break and narrow no-break), apostrophes. */
const NEUTRAL_GROUPS = /[\s\u00a0\u202f\u2009'\u2019]/g;
const BODY = /^[\d.,]*\d[\d.,]*$|^[.,]\d+$/;

/** Money text taken apart: the bare digits-and-separators body, its sign and currency. */
interface Pieces {
  body: string;
  negative: boolean;
  currency?: string;
}

function pieces(text: string): Pieces | undefined {
  let s = text.trim();
  if (s === "") return undefined;
  let currency: string | undefined;
  let negative = false;
  // Accounting credit/debit suffixes.
  const tail = s.slice(-2).toUpperCase();
  if ((tail === "CR" || tail === "DR") && s.length > 2 && /[\d\s).,]$/.test(s.slice(0, -2))) {
    negative = tail === "CR";
    s = s.slice(0, -2).trim();
  }
  let m = LEADING_CODE.exec(s);
  if (m && CODES.has(m[1].toUpperCase())) {
    currency = m[1].toUpperCase();
    s = s.slice(3).trim();
  } else {
    m = TRAILING_CODE.exec(s);
    if (m && CODES.has(m[1].toUpperCase())) {
      currency = m[1].toUpperCase();
      s = s.slice(0, -3).trim();
    }
  }
  for (const [sym, code] of SYMBOLS) {
    const at = s.indexOf(sym);
    if (at >= 0) {
      currency = currency ?? code;
      s = s.slice(0, at) + s.slice(at + sym.length);
      break;
    }
  }
  // The Nordic krona's "kr" ("1 249,50 kr", "kr 45"): Swedish, Norwegian, Danish or Icelandic,
  // so it names no currency (the culture's region does, as for money without a symbol)
  if (currency === undefined) {
    const krona = NORDIC_KRONA_AFTER.exec(s) ?? NORDIC_KRONA_BEFORE.exec(s);
    if (krona) s = krona.index === 0 ? s.slice(krona[0].length) : s.slice(0, krona.index);
  }
  // francs written the Swiss way, "Fr. 1'234.50", "SFr. 45.00", "45.00 Fr."
  if (currency === undefined) {
    const c0 = s.charCodeAt(0);
    const francs =
      c0 === 70 || c0 === 83
        ? SWISS_FRANCS_BEFORE.exec(s)
        : s.endsWith("Fr.") || s.endsWith("Fr")
          ? SWISS_FRANCS_AFTER.exec(s)
          : null;
    if (francs) {
      currency = "CHF";
      s = francs.index === 0 ? s.slice(francs[0].length) : s.slice(0, francs.index);
    }
  }
  // "Rs" is the rupee of India, Pakistan, Sri Lanka, Nepal and Mauritius alike: read as INR, as
  // "$" is read as USD, and named by the culture or not at all (ingest/cultureCurrency)
  if (currency === undefined && s.charCodeAt(0) === 82) {
    const m = RUPEE_OR_RAND.exec(s);
    if (m) {
      currency = m[2] === "R" ? "ZAR" : "INR";
      s = s.slice(m[0].length);
    }
  }
  s = s.replace(NEUTRAL_GROUPS, "");
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = !negative;
    s = s.slice(1, -1);
  }
  if (s.endsWith("-") || s.endsWith("\u2212")) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (s.startsWith("-") || s.startsWith("\u2212")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (!BODY.test(s)) return undefined;
  return { body: s, negative, currency };
}

/** What one cell says about the convention. */
type Evidence = "point" | "comma" | "ambiguous" | "neutral" | "unreadable";

/** Digits grouped in threes by `g` ("1,234,567"), optionally followed by `d` and digits. */
function validUnder(body: string, d: DecimalMark): boolean {
  const g = d === "." ? "," : ".";
  const at = body.indexOf(d);
  if (at >= 0 && body.indexOf(d, at + 1) >= 0) return false;
  const int = at >= 0 ? body.slice(0, at) : body;
  const frac = at >= 0 ? body.slice(at + 1) : "";
  if (frac.includes(g)) return false;
  if (at >= 0 && frac === "" && int === "") return false;
  if (int === "") return at >= 0;
  if (!int.includes(g)) return /^\d+$/.test(int);
  const groups = int.split(g);
  // A first group of "0" is no thousands group: "0,035" is never 35.
  if (/^[1-9]\d{0,2}$/.test(groups[0]) && groups.slice(1).every((x) => /^\d{3}$/.test(x)))
    return true;
  // India's lakh and crore grouping: three digits last, pairs before ("2,30,000", "1,23,45,678")
  return d === "." && INDIAN_GROUPS.test(int);
}

const INDIAN_GROUPS = /^[1-9]\d?(?:,\d\d)+,\d{3}$/;

/** "1,25,000.00", "12,34,567": digits grouped in lakhs and crores, never in threes. */
function isLakhGrouped(body: string): boolean {
  const at = body.indexOf(".");
  return INDIAN_GROUPS.test(at >= 0 ? body.slice(0, at) : body);
}

function evidenceOfBody(body: string): Evidence {
  const dot = body.indexOf(".");
  const comma = body.indexOf(",");
  if (dot < 0 && comma < 0) return "neutral";
  const okPoint = validUnder(body, ".");
  const okComma = validUnder(body, ",");
  if (okPoint && !okComma) return "point";
  if (okComma && !okPoint) return "comma";
  if (!okPoint && !okComma) return "unreadable";
  // Both readings are valid: one separator followed by exactly three digits ("1,250", "1.200").
  return "ambiguous";
}

/** What one cell says about its column's decimal mark: numbers say nothing; "2,49" says comma; "1,250" is ambiguous. */
export function numberEvidence(v: Cell): Evidence {
  if (typeof v !== "string") return "neutral";
  const p = pieces(v);
  return p ? evidenceOfBody(p.body) : "unreadable";
}

/** A whole count written bare: a whole number cell, or digits alone ("3", "40"). */
function bareWhole(v: Cell): string | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : undefined;
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return /^-?\d+$/.test(t) ? t : undefined;
}

/**
 * Evidence of grouped thousands in a column of whole counts: a cell whose one separator is
 * followed by three digits ending in 0 ("1,200", "12,500", "1.500"), beside a count written bare
 * ("3"). Read with that separator as the decimal mark, "1,200" would be 1.2 written to three
 * decimals; a writer that pads decimals so pads every value ("3,000"), and one that does not
 * writes "1,2": so beside a bare "3" the separator groups thousands. (Only "1,200"-type cells,
 * with no bare count: a quantity to three decimals reads the same, and nothing is settled.)
 */
class GroupingEvidence {
  /** per separator: the first such cell and how many */
  private grouped = new Map<DecimalMark, { first: string; n: number }>();
  private whole: string | undefined;
  see(v: Cell, e: Evidence, body: string | undefined): void {
    if (e === "neutral") this.whole ??= bareWhole(v);
    else if (e === "ambiguous" && body !== undefined && body.endsWith("0")) {
      const sep: DecimalMark = body.includes(",") ? "," : ".";
      const g = this.grouped.get(sep);
      if (g) g.n++;
      else this.grouped.set(sep, { first: String(v).trim(), n: 1 });
    }
  }
  /** The decimal mark the counts prove (the other of the grouping separator), the proving cells and an example of each kind. */
  settled(): { decimal: DecimalMark; n: number; grouped: string; whole: string } | undefined {
    if (this.whole === undefined || this.grouped.size !== 1) return undefined;
    const [[sep, g]] = [...this.grouped];
    return { decimal: sep === "," ? "." : ",", n: g.n, grouped: g.first, whole: this.whole };
  }
}

/** An ambiguous cell's two values: its separator grouping thousands, or as the decimal mark. */
function twoReadings(text: string): { thousands: number; decimals: number } | undefined {
  const body = pieces(text)?.body;
  if (body === undefined) return undefined;
  const sep = body.includes(",") ? "," : ".";
  const thousands = fromPieces({ body, negative: false }, sep === "," ? "." : ",")?.value;
  const decimals = fromPieces({ body, negative: false }, sep)?.value;
  return thousands === undefined || decimals === undefined ? undefined : { thousands, decimals };
}

/**
 * A column's decimal mark from all its cells. Cells that prove one convention decide it (the
 * majority when a mixed column proves both; `conflictExample` then names a cell of the other);
 * a column of whole `counts` (a quantity) is also settled by "1,200" beside a bare "3"
 * (GroupingEvidence: `grouping`); else `fallback` (the file's other number columns: source
 * 'file'); else the culture; else the decimal point (source 'default'). `ambiguous` counts the
 * cells whose value depends on the choice: when it is above 0 and the source is 'default', the
 * caller must report the column.
 */
export function inferNumberConvention(
  cells: Iterable<Cell>,
  culture?: NumberCulture,
  fallback?: DecimalMark,
  counts = false
): ColumnConvention {
  let point = 0;
  let comma = 0;
  let ambiguous = 0;
  let example: string | undefined;
  let lakh: string | undefined;
  let firstPoint: string | undefined;
  let firstComma: string | undefined;
  const grouping = counts ? new GroupingEvidence() : undefined;
  /** proofs per currency symbol ('' = none): [point, comma] */
  const perCurrency = new Map<string, [number, number]>();
  for (const v of cells) {
    if (typeof v !== "string") {
      grouping?.see(v, "neutral", undefined);
      continue;
    }
    const p = pieces(v);
    const e = p ? evidenceOfBody(p.body) : "unreadable";
    grouping?.see(v, e, p?.body);
    if (e === "point" || e === "comma") {
      const k = p?.currency ?? "";
      const c = perCurrency.get(k) ?? [0, 0];
      c[e === "point" ? 0 : 1]++;
      perCurrency.set(k, c);
    }
    if (e === "point") {
      point++;
      firstPoint ??= v.trim();
      if (lakh === undefined && isLakhGrouped(p!.body)) lakh = v.trim();
    } else if (e === "comma") {
      comma++;
      firstComma ??= v.trim();
    } else if (e === "ambiguous") {
      ambiguous++;
      example ??= v.trim();
    }
  }
  const base = {
    pointEvidence: point,
    commaEvidence: comma,
    ambiguous,
    ...(example !== undefined ? { example } : {}),
    ...(lakh !== undefined ? { lakh } : {}),
  };
  if (
    point &&
    comma &&
    [...perCurrency.values()].every(([a, b]) => a === 0 || b === 0) &&
    perCurrency.size > 1
  ) {
    // Each currency written its own way: "£1,200.50" and "30,00 €" in one column.
    const byCurrency: Record<string, DecimalMark> = {};
    for (const [k, [a]] of perCurrency) if (k !== "") byCurrency[k] = a > 0 ? "." : ",";
    const plain = perCurrency.get("");
    const decimal: DecimalMark = plain
      ? plain[0] > 0
        ? "."
        : ","
      : (fallback ?? cultureDecimal(culture) ?? ".");
    return { decimal, source: "data", ...base, byCurrency };
  }
  if (point || comma) {
    const decimal: DecimalMark = comma > point ? "," : ".";
    const other = decimal === "," ? firstPoint : firstComma;
    return {
      decimal,
      source: "data",
      ...base,
      ...(other !== undefined ? { conflictExample: other } : {}),
    };
  }
  const counted = grouping?.settled();
  if (counted) {
    // the grouped cells prove the file's mark as a proving cell does ("1,200" beside "3": a point)
    const proving = { pointEvidence: 0, commaEvidence: 0 };
    proving[counted.decimal === "." ? "pointEvidence" : "commaEvidence"] = counted.n;
    return {
      decimal: counted.decimal,
      source: "data",
      ...base,
      ...proving,
      grouping: { grouped: counted.grouped, whole: counted.whole },
    };
  }
  if (fallback) return { decimal: fallback, source: "file", ...base };
  const c = cultureDecimal(culture);
  if (c) return { decimal: c, source: "culture", ...base };
  const two = example !== undefined ? twoReadings(example) : undefined;
  const readings = two && (counts ? { ...two, counts: true as const } : two);
  return { decimal: ".", source: "default", ...base, ...(readings ? { readings } : {}) };
}

/**
 * The decimal mark the proving cells of several columns agree on (a file's evidence for its
 * ambiguous columns); undefined when none proves anything or they disagree.
 */
export function fileDecimal(columns: readonly ColumnConvention[]): DecimalMark | undefined {
  let point = 0;
  let comma = 0;
  for (const c of columns) {
    if (c.source !== "data") continue;
    if (c.decimal === ".") point += c.pointEvidence;
    else comma += c.commaEvidence;
  }
  if (point && !comma) return ".";
  if (comma && !point) return ",";
  return undefined;
}

export interface ParsedNumber {
  value: number;
  /** ISO code of a currency symbol or code in the text ("GBP" for "£"); undefined for plain numbers */
  currency?: string;
}

/**
 * Number or money text read under a known decimal mark: currency symbol or ISO code before or
 * after ("£1,200.50", "1.200,50 €", "EUR 45"), thousands grouped by the other mark, spaces
 * (no-break too) or apostrophes ("1 200,50", "1'200.50"), negatives as "-4,50", "4,50-",
 * "(4.50)" or "4.50 CR". Undefined when the text is not a number under that convention
 * ("1,234.50" with a decimal comma; "1,2,3"; "12abc").
 */
export function parseNumberText(
  text: string,
  convention: NumberConvention | ColumnConvention | DecimalMark
): ParsedNumber | undefined {
  const p = pieces(text);
  if (!p) return undefined;
  if (typeof convention === "string") return fromPieces(p, convention);
  const own =
    p.currency !== undefined
      ? (convention as ColumnConvention).byCurrency?.[p.currency]
      : undefined;
  return fromPieces(p, own ?? convention.decimal);
}

function fromPieces(p: Pieces, d: DecimalMark): ParsedNumber | undefined {
  if (!validUnder(p.body, d)) return undefined;
  const g = d === "." ? "," : ".";
  let normal = p.body.includes(g) ? p.body.split(g).join("") : p.body;
  if (d === ",") normal = normal.replace(",", ".");
  const n = Number(normal);
  if (!Number.isFinite(n)) return undefined;
  const value = p.negative && n !== 0 ? -n : n;
  return p.currency !== undefined ? { value, currency: p.currency } : { value };
}

/**
 * One cell on its own, when there is no column to decide by (a typed setting, a lone value):
 * the cell's own evidence, else `decimal` (default the point). Ingest and the functions use
 * parseNumberText with a column's convention instead wherever there is a column.
 */
export function parseNumberCell(v: Cell, decimal: DecimalMark = "."): ParsedNumber | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? { value: v } : undefined;
  if (typeof v !== "string") return undefined;
  const p = pieces(v);
  if (!p) return undefined;
  const e = evidenceOfBody(p.body);
  if (e === "unreadable") return undefined;
  return fromPieces(p, e === "point" ? "." : e === "comma" ? "," : decimal);
}

/**
 * How one lone text number reads (the worksheet functions' arguments, where there is no column
 * to decide by): under `decimal` when the workbook's culture gives it, else by the text's own
 * evidence ("2,5" is 2.5, "1,234.50" is 1234.5).
 * - `number`: one reading;
 * - `ambiguous`: the culture is unknown and the text reads as a different number under each
 *   convention ("1,250": 1250 with a decimal point, 1.25 with a comma) — report it, never guess;
 * - `otherMark`: not a number under the workbook's decimal mark, but one under the other
 *   ("45,0" in a decimal-point workbook) — report it, never read 450;
 * - `notNumber`: no number under either.
 * Accepts everything parseNumberText does, and a trailing % (the value divided by 100: "20%" = 0.2).
 */
export type NumberReading =
  | { kind: "number"; value: number }
  | { kind: "ambiguous"; point: number; comma: number }
  | { kind: "otherMark"; value: number }
  | { kind: "notNumber" };

export function readNumberText(text: string, decimal: DecimalMark | undefined): NumberReading {
  let s = text.trim();
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 100;
    s = s.slice(0, -1);
  }
  const p = pieces(s);
  if (!p) return { kind: "notNumber" };
  const under = (d: DecimalMark): number | undefined => {
    const r = fromPieces(p, d);
    return r === undefined ? undefined : r.value / scale;
  };
  if (decimal !== undefined) {
    const mine = under(decimal);
    if (mine !== undefined) return { kind: "number", value: mine };
    const other = under(decimal === "." ? "," : ".");
    return other === undefined ? { kind: "notNumber" } : { kind: "otherMark", value: other };
  }
  const e = evidenceOfBody(p.body);
  if (e === "unreadable") return { kind: "notNumber" };
  if (e === "ambiguous") return { kind: "ambiguous", point: under(".")!, comma: under(",")! };
  const value = under(e === "comma" ? "," : ".");
  return value === undefined ? { kind: "notNumber" } : { kind: "number", value };
}

/** "decimal comma" / "decimal point", for messages. */
export function conventionName(d: DecimalMark): string {
  return d === "," ? "decimal comma (1.234,56)" : "decimal point (1,234.56)";
}
