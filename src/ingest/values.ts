/**
 * Cell values → numbers KAP can use: dates (Excel serials, JS Dates, ISO and day- or
 * month-first text), money and quantities (numbers or text such as "£1,200.50",
 * "1.200,50 €", "(120.00)"). Fast paths first: most cells of a real export are already
 * numbers, and a number never meets a regex.
 */
import {
  DATE1904_OFFSET,
  dayOfSerial,
  isValidYmd,
  serialToYmd,
  ymdToSerial,
} from "../domain/dates";
import type { Serial } from "../domain/types";
import type { Cell } from "./grid";
import {
  CURRENCY_SYMBOLS,
  type DecimalMark,
  type NumberConvention,
  type ParsedNumber,
  parseNumberCell,
  parseNumberText,
} from "./numbers";

export type DateOrder = "dmy" | "mdy";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Plausible serials: 1900-01-01 … 9999-12-31. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 2958465;
/** yyyymmdd as a number (SAP and many ERPs export dates so). */
const MIN_YYYYMMDD = 19000101;
const MAX_YYYYMMDD = 99991231;

/** Excel's two-digit-year rule: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function fromYmd(y: number, m: number, d: number): Serial | undefined {
  return isValidYmd(y, m, d) ? ymdToSerial(y, m, d) : undefined;
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  const m = MONTHS[w.slice(0, 3)];
  if (m === undefined) return undefined;
  // "Sept" and full names are fine; "Marchx" is not.
  const full = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ][m - 1];
  return full.startsWith(w) || w === "sept" ? m : undefined;
}

/**
 * Month names and their usual abbreviations in German, French, Spanish, Dutch and Italian, where
 * they differ from the English ones (ERPs and Excel write "15-ene-2026", "3. März 2026",
 * "12 févr. 2026", "5 mei 2026"): without them such dates were skipped as unreadable.
 */
const LOCAL_MONTHS: Record<string, number> = Object.fromEntries(
  (
    [
      ["januar", "janvier", "janv", "enero", "ene", "januari", "gennaio", "gen"],
      ["februar", "février", "févr", "fév", "fevrier", "fevr", "febrero", "februari", "febbraio"],
      ["märz", "mär", "mrz", "maerz", "mars", "marzo", "maart", "mrt"],
      ["avril", "avr", "abril", "abr", "aprile"],
      ["mai", "mayo", "mei", "maggio", "mag"],
      ["juni", "juin", "junio", "giugno", "giu"],
      ["juli", "juillet", "juil", "julio", "luglio", "lug"],
      ["août", "aout", "agosto", "ago", "augustus"],
      ["septembre", "septiembre", "setiembre", "set", "settembre"],
      ["oktober", "okt", "octobre", "octubre", "ottobre", "ott"],
      ["noviembre"],
      ["dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "dicembre"],
    ] as const
  ).flatMap((words, i) => words.map((w) => [w, i + 1] as const))
);

/** A month's name, in English or (LOCAL_MONTHS) in German, French, Spanish, Dutch or Italian. */
function monthOfAny(word: string): number | undefined {
  return monthOf(word) ?? LOCAL_MONTHS[word.toLowerCase().replace(/\.$/, "")];
}

const WEEKDAY_PREFIX = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:$|[T\s,])/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MONTH_YEAR =
  /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-zÀ-ÿ]{3,10}\.?)[\s\-/.,]+(\d{4}|\d{2})(?:$|[T\s,])/;
/** "October 5, 2026", "Oct 5 2026"; and eBay's "Oct-05-26" (month, day, two-digit year). */
const MONTH_DAY_YEAR =
  /^([A-Za-zÀ-ÿ]{3,10}\.?)[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4}|\d{2})(?:$|[T\s,])/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
/**
 * Dates written with a dot and a space after each part, day first: "2. 9. 2026" (Czech and
 * Slovak exports, Pohoda, Money S3); and the Hungarian year first, "2026. 10. 14.".
 */
const DAY_DOT_SPACED = /^(\d{1,2})\.\s+(\d{1,2})\.\s*(\d{4})(?:$|[T\s,])/;
const YEAR_DOT_SPACED = /^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?(?:$|[T\s,])/;
/**
 * Dates written with the year, month and day signs of Japanese and Chinese (年月日) or Korean
 * (년 월 일): "2026年10月5日", "2026년 10월 5일", a weekday or time after them ("(月)", " 14:30");
 * and the Japanese era years of Reiwa and Heisei, "令和8年10月5日" (元年 its first year).
 */
const CJK_DATE =
  /^(?:(令和|平成)\s*(\d{1,2}|元)|(\d{4}))\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(?:$|[\sT(（,])/;
/** The year before each Japanese era's first: 令和 1 is 2019, 平成 1 is 1989. */
const ERA_BEFORE: Record<string, number> = { 令和: 2018, 平成: 1988 };
/** Full-width digits (Japanese input writes "２０２６年"): ０ is U+FF10. */
const FULL_WIDTH_DIGIT = /[０-９]/g;

/** A date written with 年月日 (or 년 월 일), in the Gregorian year or a Japanese era's; undefined when it is none. */
function cjkDate(s: string): Serial | undefined {
  const m = CJK_DATE.exec(
    s.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  );
  if (!m) return undefined;
  const y = m[3] !== undefined ? +m[3] : ERA_BEFORE[m[1]] + (m[2] === "元" ? 1 : +m[2]);
  return fromYmd(y, +m[4], +m[5]);
}

/**
 * A date cell as an Excel serial (whole days, time dropped); undefined when unreadable.
 * Numbers are serials (or yyyymmdd); JS Dates (ExcelJS) are read in UTC, the way ExcelJS
 * builds them from serials; text may be ISO, day- or month-first (`order` settles
 * 03/04/2025 when both fields are ≤ 12), "3-Apr-2025", "3rd April 2025", "April 3, 2025", "Apr-03-25", or
 * "3. 4. 2025" and "2025. 04. 03." (Czech, Hungarian), "2025年4月3日", "2025년 4월 3일" and
 * "令和7年4月3日" (Japanese, Chinese, Korean).
 * `date1904`: the number came from a workbook in the 1904 date system, where the same day's
 * serial is 1,462 smaller (domain/dates DATE1904_OFFSET); the result is in the 1900 system.
 */
export function parseDate(v: Cell, order: DateOrder = "dmy", date1904 = false): Serial | undefined {
  if (typeof v === "number") {
    // a date-time a float's noise short of midnight is that midnight, as Excel shows it
    if (date1904 && v >= 0 && v <= MAX_SERIAL - DATE1904_OFFSET)
      return dayOfSerial(v) + DATE1904_OFFSET;
    if (v >= MIN_SERIAL && v <= MAX_SERIAL) return dayOfSerial(v);
    if (v >= MIN_YYYYMMDD && v <= MAX_YYYYMMDD && Number.isInteger(v))
      return fromYmd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    return undefined;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return undefined;
    const serial = Math.floor((t - EXCEL_EPOCH_MS) / DAY_MS);
    return serial >= MIN_SERIAL && serial <= MAX_SERIAL ? serial : undefined;
  }
  if (typeof v !== "string") return undefined;
  let s = v.trim();
  if (s === "") return undefined;
  if (WEEKDAY_PREFIX.test(s)) s = s.replace(WEEKDAY_PREFIX, "");
  let m = ISO.exec(s);
  if (m) return fromYmd(+m[1], +m[2], +m[3]);
  m = NUMERIC.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const y = fullYear(+m[3], m[3].length);
    if (a > 12) return fromYmd(y, b, a);
    if (b > 12) return fromYmd(y, a, b);
    return order === "dmy" ? fromYmd(y, b, a) : fromYmd(y, a, b);
  }
  m = YYYYMMDD.exec(s);
  if (m) return fromYmd(+m[1], +m[2], +m[3]);
  m = DAY_DOT_SPACED.exec(s);
  if (m) return fromYmd(+m[3], +m[2], +m[1]);
  m = YEAR_DOT_SPACED.exec(s);
  if (m) return fromYmd(+m[1], +m[2], +m[3]);
  if (s.includes("年") || s.includes("년")) return cjkDate(s);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const mo = monthOfAny(m[2]);
    return mo === undefined ? undefined : fromYmd(fullYear(+m[3], m[3].length), mo, +m[1]);
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const mo = monthOfAny(m[1]);
    return mo === undefined ? undefined : fromYmd(fullYear(+m[3], m[3].length), mo, +m[2]);
  }
  if (SERIAL_TEXT.test(s)) return parseDate(Number(s), order);
  return undefined;
}

/** Cultures whose short dates are month-first (Excel's application.cultureInfo.name). */
const MDY_CULTURES = new Set([
  "en-us",
  "en-ph",
  "en-ca",
  "es-us",
  "en-bz",
  "en-fm",
  "en-mh",
  "en-pw",
  "en-as",
  "en-gu",
  "en-mp",
  "en-pr",
  "en-um",
  "en-vi",
  "fil-ph",
  "sw-ke",
]);
const AMBIGUOUS_TEXT = /^\s*(?:[A-Za-z]{3,9}\.?,?\s+)?(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/;
/**
 * A date written with dots (05.10.2026): day first wherever dates are written so (German,
 * Nordic, Central and Eastern European conventions); month-first dates are written with
 * slashes or dashes, never dots.
 */
const DOTTED_DATE = /^\s*\d{1,2}\.(\d{1,2})\.\d{2,4}(?!\d)/;

/** Whether a text date's writing alone says it is day-first: a day over 12, or dots (DOTTED_DATE). */
function dayFirstByText(m: RegExpExecArray, text: string): boolean {
  if (+m[1] > 12) return true;
  const d = DOTTED_DATE.exec(text);
  return d !== null && +d[1] <= 12;
}

/**
 * Whether a text is written day and month first in either order (05/10/2026, 13.10.2026,
 * "Mon 05/10/2026"): the only texts the date order settles (settleDateOrder, excelSwappedDates);
 * ISO dates (2026-10-05) and dates with the month's name are not.
 */
export function writesDayAndMonth(text: string): boolean {
  return AMBIGUOUS_TEXT.test(text);
}

/** A text date written with slashes or dashes (a date Excel would have converted): 13/10/2026. */
const SLASHED_DATE = /^\s*(\d{1,2})[-/](\d{1,2})[-/]\d{2,4}(?:$|[T\s,])/;

/** Excel's mix of swapped dates and text dates, found in a date column (excelSwappedDates). */
export interface SwappedDates {
  /** how the text dates are written, and so the export's order */
  order: DateOrder;
  /** a text date and a converted date, as evidence */
  text: string;
  savedDate: Serial;
}

/**
 * A day-first export opened in month-first Excel (or the other way round) and saved: Excel made
 * dates of the texts that read both ways, with day and month swapped (05/10/2026, 5 October,
 * became 10 May), and left the others as text (13/10/2026). Such a column holds dates whose day
 * is never over 12 beside text dates that all read one way only, the same way. Undefined unless
 * at least 4 distinct dates (one with day ≠ month) and 2 distinct texts show it: real dates of a
 * whole column have days over 12. Fewer is swappedDatesHint's.
 */
export function excelSwappedDates(
  values: Iterable<Cell>,
  date1904 = false
): SwappedDates | undefined {
  const e = swappedDatesEvidence(values, date1904);
  return e && e.dates >= 4 && e.texts >= 2 ? e : undefined;
}

/**
 * Excel's mix (excelSwappedDates) on too few dates to swap them back on: at least one date with
 * day ≠ month beside one text date; the ingest reads the dates as they are and says they may be
 * swapped. Undefined when excelSwappedDates would swap, or nothing shows the mix.
 */
export function swappedDatesHint(
  values: Iterable<Cell>,
  date1904 = false
): (SwappedDates & { dates: number }) | undefined {
  const e = swappedDatesEvidence(values, date1904);
  return e && !(e.dates >= 4 && e.texts >= 2) ? e : undefined;
}

function swappedDatesEvidence(
  values: Iterable<Cell>,
  date1904: boolean
): (SwappedDates & { dates: number; texts: number }) | undefined {
  const serials = new Set<Serial>();
  const texts = new Set<string>();
  let order: DateOrder | undefined;
  let example: Serial | undefined;
  for (const v of values) {
    if (typeof v === "string") {
      const m = SLASHED_DATE.exec(v);
      if (!m) continue;
      const o: DateOrder | undefined = +m[1] > 12 ? "dmy" : +m[2] > 12 ? "mdy" : undefined;
      // a text that reads both ways would have been converted too: not Excel's mix
      if (!o || (order && o !== order)) return undefined;
      order = o;
      texts.add(v.trim());
    } else if ((typeof v === "number" && v <= MAX_SERIAL) || v instanceof Date) {
      const serial = parseDate(v, "dmy", date1904);
      if (serial === undefined) continue;
      const { m, d } = serialToYmd(serial);
      if (d > 12) return undefined;
      if (d !== m) example ??= serial;
      serials.add(serial);
    }
  }
  if (!order || example === undefined) return undefined;
  return {
    order,
    text: [...texts][0],
    savedDate: example,
    dates: serials.size,
    texts: texts.size,
  };
}

/** A date with its day and month swapped back (10 May → 5 October); unchanged when it cannot be. */
export function swapDayMonth(serial: Serial): Serial {
  const { y, m, d } = serialToYmd(serial);
  return d <= 12 ? ymdToSerial(y, d, m) : serial;
}

const TIME_OF_DAY = /(?:^|[T\s,])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?/i;

/**
 * A date-and-time cell as an Excel serial WITH the time of day as a fraction (noon = .5); the
 * engagement log needs it (a response in 24 hours or in 25). Numbers keep their fraction, JS
 * Dates their UTC time, text its "14:30", "2:30 PM" or "T14:30:00" after the date; a date with
 * no time is midnight. Undefined when the date part is unreadable (as parseDate; `date1904`
 * as there).
 */
export function parseDateTime(
  v: Cell,
  order: DateOrder = "dmy",
  date1904 = false
): number | undefined {
  if (typeof v === "number") {
    if (date1904 && v >= 0 && v < MAX_SERIAL - DATE1904_OFFSET + 1) return v + DATE1904_OFFSET;
    if (v >= MIN_SERIAL && v <= MAX_SERIAL + 1) return v;
    return parseDate(v, order);
  }
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return undefined;
    const serial = (t - EXCEL_EPOCH_MS) / DAY_MS;
    return serial >= MIN_SERIAL && serial < MAX_SERIAL + 1 ? serial : undefined;
  }
  const day = parseDate(v, order);
  if (day === undefined || typeof v !== "string") return day;
  const m = TIME_OF_DAY.exec(v.trim());
  if (!m) return day;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  const ampm = m[4]?.toLowerCase().replace(/\./g, "");
  if (ampm === "pm" && h < 12) h += 12;
  if (ampm === "am" && h === 12) h = 0;
  if (h > 23 || min > 59 || sec > 59) return day;
  return day + (h * 3600 + min * 60 + sec) / 86_400;
}

/**
 * Day-first or month-first for ambiguous text dates: by the workbook's culture when known
 * ("en-US" → mdy, "en-GB", "de-DE" → dmy); else by the data (a first field over 12 anywhere
 * settles day-first; failing that, a second field over 12 settles month-first); else
 * day-first, as the methodology is British.
 */
export function inferDateOrder(values: Iterable<Cell>, culture?: string): DateOrder {
  const c = culture?.trim().replace(/_/g, "-").toLowerCase();
  if (c) return MDY_CULTURES.has(c) ? "mdy" : "dmy";
  return dateOrderEvidence(values) ?? "dmy";
}

/**
 * What text dates alone say about their order: 'dmy' when a first field is over 12 anywhere or a
 * date is written with dots (05.10.2026), else 'mdy' when a second field is over 12; undefined
 * when every date is ambiguous (or none is text).
 */
export function dateOrderEvidence(values: Iterable<Cell>): DateOrder | undefined {
  let secondOver12 = false;
  for (const v of values) {
    if (typeof v !== "string") continue;
    const m = AMBIGUOUS_TEXT.exec(v);
    if (!m) continue;
    if (dayFirstByText(m, v)) return "dmy";
    if (+m[2] > 12) secondOver12 = true;
  }
  return secondOver12 ? "mdy" : undefined;
}

/**
 * What one text date's writing says of its order: 'dmy' or 'mdy' when it reads one way only
 * (dateOrderEvidence), 'either' when it reads both ways as two different days (05/10/2026),
 * undefined when it is no such date or the same day both ways (05/05/2026).
 */
export function textDateReading(text: string): DateOrder | "either" | undefined {
  const m = AMBIGUOUS_TEXT.exec(text);
  if (!m) return undefined;
  if (dayFirstByText(m, text)) return "dmy";
  if (+m[2] > 12) return "mdy";
  return m[1] === m[2] || +m[1] === +m[2] ? undefined : "either";
}

const MONTH_NAME =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** "October 1-31, 2026", "September 1 - October 31, 2026", "Monday, November 2, 2026": month first. */
const MONTH_DAY = new RegExp(`\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, "i");
/** "1 September - 31 October 2026", "1-31 October 2026", "Monday 2 November 2026": day first. */
const DAY_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\b`, "i");

/**
 * The date order a report's own words show, where its dates are written with the month's name
 * (QuickBooks writes its period under the title, "October 1-31, 2026" in the US, "1-31 October
 * 2026" in the UK, and its run date in the footer): 'mdy' when every such text puts the month
 * first, 'dmy' when every one puts the day first; undefined when none says, or they disagree.
 */
export function textDateOrder(texts: Iterable<Cell>): DateOrder | undefined {
  let order: DateOrder | undefined;
  for (const v of texts) {
    if (typeof v !== "string" || v.length > 200) continue;
    const md = MONTH_DAY.test(v);
    const dm = DAY_MONTH.test(v);
    if (md === dm) continue;
    const o: DateOrder = md ? "mdy" : "dmy";
    if (order && order !== o) return undefined;
    order = o;
  }
  return order;
}

/** What settled the date order; 'unneeded' = no text date could be read both ways (real dates, ISO, a field over 12 everywhere it matters). */
export type DateOrderSource = "culture" | "data" | "layout" | "default" | "unneeded";

/**
 * inferDateOrder with what settled it: the workbook's culture, the data (a field over 12), the
 * export layout's known order (`hint`), else day-first by default. When no text date is
 * ambiguous the order does not matter (source 'unneeded'). For the "what KAP assumed" report.
 */
export function settleDateOrder(
  values: Iterable<Cell>,
  culture?: string,
  hint?: DateOrder
): { order: DateOrder; source: DateOrderSource } {
  if (culture?.trim()) return { order: inferDateOrder([], culture), source: "culture" };
  let second = false;
  let ambiguous = false;
  for (const v of values) {
    if (typeof v !== "string") continue;
    const m = AMBIGUOUS_TEXT.exec(v);
    if (!m) continue;
    ambiguous = true;
    if (dayFirstByText(m, v)) return { order: "dmy", source: "data" };
    if (+m[2] > 12) second = true;
  }
  if (second) return { order: "mdy", source: "data" };
  if (ambiguous && hint) return { order: hint, source: "layout" };
  return { order: "dmy", source: ambiguous ? "default" : "unneeded" };
}

export type Money = ParsedNumber;

/**
 * Currencies written out in words, as some ERPs and accounting exports do, with their ISO 4217
 * codes; "UKP" and "STG" are the old non-ISO abbreviations of sterling still found in exports.
 */
const CURRENCY_NAMES: ReadonlyMap<string, string> = new Map([
  ["pound sterling", "GBP"],
  ["pounds sterling", "GBP"],
  ["sterling", "GBP"],
  ["british pound", "GBP"],
  ["british pounds", "GBP"],
  ["uk pound", "GBP"],
  ["uk pounds", "GBP"],
  ["ukp", "GBP"],
  ["stg", "GBP"],
  ["euro", "EUR"],
  ["euros", "EUR"],
  ["us dollar", "USD"],
  ["us dollars", "USD"],
  ["u.s. dollar", "USD"],
  ["u.s. dollars", "USD"],
  ["us$", "USD"],
  ["canadian dollar", "CAD"],
  ["canadian dollars", "CAD"],
  ["australian dollar", "AUD"],
  ["australian dollars", "AUD"],
  ["swiss franc", "CHF"],
  ["swiss francs", "CHF"],
  ["japanese yen", "JPY"],
  ["swedish krona", "SEK"],
  ["danish krone", "DKK"],
  ["norwegian krone", "NOK"],
  ["polish zloty", "PLN"],
]);

/**
 * A currency as written in a currency column or beside a figure: "£" → "GBP", "eur" → "EUR",
 * "Pound Sterling" → "GBP", "EURO" → "EUR"; other text kept, upper-cased.
 */
export function normaliseCurrency(s: string): string {
  const t = s.trim();
  const k = t.toLowerCase();
  return (
    CURRENCY_SYMBOLS.get(k) ??
    CURRENCY_NAMES.get(k.replace(/\s+/g, " ")) ??
    GP_CURRENCY_IDS.get(k) ??
    t.toUpperCase()
  );
}

/**
 * Dynamics GP's currency IDs as its setup (and most companies after it) names them: "Z-US$",
 * "Z-C$", "Z-UK", "Z-EURO" (Microsoft's "Currency ID" setup; a company's own IDs are kept).
 */
const GP_CURRENCY_IDS: ReadonlyMap<string, string> = new Map([
  ["z-us$", "USD"],
  ["z-c$", "CAD"],
  ["z-uk", "GBP"],
  ["z-euro", "EUR"],
  ["z-aud", "AUD"],
  ["z-a$", "AUD"],
  ["z-nz$", "NZD"],
  ["z-sgd", "SGD"],
  ["z-rand", "ZAR"],
  ["z-yen", "JPY"],
  ["z-mxn", "MXN"],
]);

/**
 * A money cell: numbers as they are; text with a currency symbol or ISO code before or after,
 * thousands separators, and negatives as "-120", "120-", "(120.00)" or "120 CR" (./numbers).
 * `decimal` is the column's decimal mark or convention (inferNumberConvention over the column), and text that
 * is no number under it is unreadable ("1,234.50" in a decimal-comma column). Without it a text
 * cell is read by its own evidence ("12,50" = 12.5, "1.234,56", "1,234.56") and an ambiguous
 * one ("1,200", "1.200") with a decimal point — only for lone values that have no column.
 */
export function parseMoney(v: Cell, decimal?: DecimalMark | NumberConvention): Money | undefined {
  if (decimal === undefined || typeof v !== "string") return parseNumberCell(v);
  return parseNumberText(v, decimal);
}

/** A plain number cell (limits, scores, rates); text parsed like money, currency ignored. */
export function parseNumber(v: Cell, decimal?: DecimalMark | NumberConvention): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  return parseMoney(v, decimal)?.value;
}

// and the German, French and Dutch units ERPs print beside a quantity (Stk, St., Stück, VE, pce, stuks)
// (a whole word: the "l" of "50 Coil" is no litre)
const UNIT_SUFFIX =
  /(?<!\p{L})\s*(pcs?|pieces?|ea|each|units?|nos?|off|x|boxes|box|packs?|pks?|rolls?|bags?|pairs?|prs?|sets?|m|kg|l|stk|st|stück|stueck|ve|vpe|pce|pièces?|u|stuks?)\.?$/iu;
const TIMES_PREFIX = /^x\s*/i;
/** Any other unit word after the figure and a space ("50 Coil", "3 Drums", "12 Mtr."). */
const UNIT_WORD = /(?<=\d)\s+(\p{L}{2,12})\.?$/u;

/** The quantity's text without its unit: a listed one, else any word after a space but CR/DR (a credit) and currency codes. */
function withoutUnit(s: string, decimal?: DecimalMark | NumberConvention): string {
  const listed = s.replace(UNIT_SUFFIX, "");
  if (listed !== s) return listed;
  const word = UNIT_WORD.exec(s);
  if (!word || /^(cr|dr)$/i.test(word[1])) return s;
  // money ("45 EUR") keeps its code, and so is no quantity
  return parseMoney(s, decimal)?.currency !== undefined ? s : s.slice(0, word.index);
}

/** A quantity: numbers as they are; text like "12", "1,200", "(3)", "3-", "12 pcs", "x4". Money text is not a quantity. */
export function parseQuantity(
  v: Cell,
  decimal?: DecimalMark | NumberConvention
): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  let s = v.trim();
  // "(20 Nos)": a credit note's quantity in brackets, its unit inside them
  const bracketed = s.length > 2 && s.startsWith("(") && s.endsWith(")");
  if (bracketed) s = s.slice(1, -1).trim();
  s = withoutUnit(s, decimal).replace(TIMES_PREFIX, "");
  if (bracketed) s = `(${s})`;
  const m = parseMoney(s, decimal);
  return m === undefined || m.currency !== undefined ? undefined : m.value;
}

/** yes/no, true/false, y/n, 1/0, ticks, "on hold"/"on stop". */
export function parseBoolean(v: Cell): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v !== "string") return undefined;
  const s = v.trim().toLowerCase();
  if (s === "") return undefined;
  if (/^(y|yes|true|1|on hold|hold|on stop|stop|stopped|x|✓|✔|on credit hold|held)$/.test(s))
    return true;
  if (/^(n|no|false|0|none|-|off|ok|clear|not on hold)$/.test(s)) return false;
  return undefined;
}
