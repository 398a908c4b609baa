/**
 * How the workbooks KAP writes show a date, from the user's culture (a BCP-47 name such as
 * "en-US", "en-GB", "de-DE"): the text of every label ("As of 10/31/2026") and the number format
 * of every date cell ("m/d/yyyy") come from one DateStyle, so a label and the cell beside it agree.
 *
 * - The order of day, month and year and the separator are Intl's short numeric date for the
 *   culture (CLDR, what Windows and Excel use too): en-GB 31/10/2026, de-DE/de-CH/fr-CH
 *   31.10.2026, nl-NL 31-10-2026, sv-SE and en-CA 2026-10-31, ja-JP 2026/10/31.
 * - Month-first cultures (en-US) drop the leading zeros: 1/5/2026, as Excel's en-US short date
 *   (m/d/yyyy) shows it; every other order keeps them (05/01/2026), as Intl and Excel do there.
 * - Digits are always Latin and the separator one of / . - (Excel's number formats are literal
 *   codes; "2026. 10. 31." becomes 2026.10.31). Dates are Gregorian whatever the culture's calendar.
 * - No culture, or one Intl does not know: en-GB, the methodology's own (never an error).
 */
import { serialToYmd } from "./dates";
import type { Serial } from "./types";

export interface DateStyle {
  order: "dmy" | "mdy" | "ymd";
  separator: "/" | "." | "-";
  /** leading zeros on day and month (05/01/2026) */
  pad: boolean;
}

/** The methodology's culture: dates written day-first, dd/mm/yyyy. */
export const DEFAULT_DATE_CULTURE = "en-GB";
const EN_GB: DateStyle = { order: "dmy", separator: "/", pad: true };

/** Styles worked out so far, by culture name: asking Intl costs 0.1–1 ms a call, and every label asks. */
const styles = new Map<string, DateStyle>();

/** The date style of a culture; en-GB for none or one Intl does not know. */
export function dateStyle(culture?: string): DateStyle {
  const name = culture?.trim().replace(/_/g, "-");
  if (!name) return EN_GB;
  let style = styles.get(name);
  if (style === undefined) styles.set(name, (style = styleFromIntl(name)));
  return style;
}

function styleFromIntl(name: string): DateStyle {
  let parts: Intl.DateTimeFormatPart[];
  try {
    // a culture Intl has no data for resolves to the runtime's default locale: not what was asked
    if (Intl.DateTimeFormat.supportedLocalesOf([name]).length === 0) return EN_GB;
    parts = new Intl.DateTimeFormat(name, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      timeZone: "UTC",
      calendar: "gregory",
    }).formatToParts(0);
  } catch {
    return EN_GB; // not a culture name at all ("en-GB-x-", "not a culture")
  }
  const fields = parts
    .map((p) => p.type)
    .filter((t) => t === "day" || t === "month" || t === "year")
    .map((t) => t[0])
    .join("");
  const order = fields === "mdy" || fields === "ymd" ? fields : "dmy";
  // the text between the first two fields, without spaces or direction marks
  const first = parts.findIndex((p) => p.type === "day" || p.type === "month" || p.type === "year");
  const between = parts[first + 1]?.type === "literal" ? parts[first + 1].value : "";
  const sep = /[./-]/.exec(between)?.[0];
  const separator = sep === "." || sep === "-" ? sep : "/";
  return { order, separator, pad: order !== "mdy" };
}

function fieldsOf(serial: Serial, s: DateStyle): { d: string; m: string; y: string } {
  const { y, m, d } = serialToYmd(serial);
  const two = (n: number) => (s.pad ? String(n).padStart(2, "0") : String(n));
  return { d: two(d), m: two(m), y: String(y).padStart(4, "0") };
}

/** A date as the culture writes it: "31/10/2026" (en-GB), "10/31/2026" (en-US), "31.10.2026" (de-DE). */
export function dateText(serial: Serial, culture?: string): string {
  const s = dateStyle(culture);
  const { d, m, y } = fieldsOf(serial, s);
  const order = { dmy: [d, m, y], mdy: [m, d, y], ymd: [y, m, d] }[s.order];
  return order.join(s.separator);
}

/** Day and month without the year, in the culture's order: "15/10", "10/15", "15.10". */
export function dayMonthText(serial: Serial, culture?: string): string {
  const s = dateStyle(culture);
  const { d, m } = fieldsOf(serial, s);
  return (s.order === "dmy" ? [d, m] : [m, d]).join(s.separator);
}

/** The Excel number format of a date cell in the culture: "dd/mm/yyyy", "m/d/yyyy", "dd.mm.yyyy", "yyyy-mm-dd". */
export function dateCellFormat(culture?: string): string {
  const s = dateStyle(culture);
  const d = s.pad ? "dd" : "d";
  const m = s.pad ? "mm" : "m";
  const order = { dmy: [d, m, "yyyy"], mdy: [m, d, "yyyy"], ymd: ["yyyy", m, d] }[s.order];
  return order.join(s.separator);
}
