/**
 * A date the user types (the pane's as-of date), read the way the workbook's culture writes
 * dates: de-DE 31.10.2026, en-US 10/31/2026, en-GB 31/10/2026, and yyyy-mm-dd in every culture.
 * Anything else is refused with words that say why and how to write it; never guessed.
 *
 * - The culture's order decides; the separator may be / . or - (a German user may type 31/10/2026).
 * - A year first (4 digits) is always year-month-day (2026-10-31, 2026/10/31).
 * - Dots are day-first wherever dates take dots (RULES.md §1.2): a month-first culture (en-US)
 *   reading 05.10.2026 as May 10 would go against that, so such an entry is refused as ambiguous
 *   unless only one reading is a date.
 * - A two-digit year is refused (1926 or 2026?): the year is written in full.
 */
import { dateStyle, dateText } from "./dateText";
import { daysInMonth, isValidYmd, MONTH_NAMES, ymdToSerial } from "./dates";
import type { Serial } from "./types";

export type TypedDate = { serial: Serial } | { problem: string };

/** The pattern a culture's dates are typed in: "dd.mm.yyyy", "mm/dd/yyyy", "yyyy-mm-dd". */
export function datePattern(culture?: string): string {
  const s = dateStyle(culture);
  const order = { dmy: ["dd", "mm", "yyyy"], mdy: ["mm", "dd", "yyyy"], ymd: ["yyyy", "mm", "dd"] };
  return order[s.order].join(s.separator);
}

/** 31 October 2026 as the culture writes it: the example in every message. */
function example(culture?: string): string {
  return dateText(ymdToSerial(2026, 10, 31), culture);
}

/** "write it as 31.10.2026 (dd.mm.yyyy) or 2026-10-31" */
function howToWrite(culture?: string): string {
  const pattern = datePattern(culture);
  return pattern === "yyyy-mm-dd"
    ? "write it as 2026-10-31 (yyyy-mm-dd)"
    : `write it as ${example(culture)} (${pattern}) or 2026-10-31`;
}

/** "5 October 2026" */
function spoken(y: number, m: number, d: number): string {
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** Why y-m-d is no date: "there is no month 13", "February 2026 has 28 days". */
function whyNot(y: number, m: number, d: number): string {
  if (y < 1900) return "Excel's dates start in 1900";
  if (m < 1 || m > 12) return `there is no month ${m}`;
  if (d < 1) return "there is no day 0";
  return `${MONTH_NAMES[m - 1]} ${y} has ${daysInMonth(y, m)} days`;
}

const SHAPE = /^(\d{1,4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,4})\.?$/;

/** The typed text as a date in `culture` (none: en-GB), or why it is not one. */
export function readTypedDate(text: string, culture?: string): TypedDate {
  const t = text.trim();
  const parts = SHAPE.exec(t);
  if (!parts) return { problem: `"${t}" is not a date: ${howToWrite(culture)}.` };
  const [, a, sep, b, c] = parts;
  const order = dateStyle(culture).order;
  if (a.length === 4) return checked(t, Number(a), Number(b), Number(c), culture);
  if (c.length !== 4 || a.length > 2)
    return { problem: `"${t}": write the year in full (${example(culture)}).` };
  const y = Number(c);
  if (order === "ymd") return { problem: `"${t}" is not a date here: ${howToWrite(culture)}.` };
  const [day, month] = order === "dmy" ? [Number(a), Number(b)] : [Number(b), Number(a)];
  if (order === "mdy" && sep === ".") {
    const dotted = isValidYmd(y, Number(b), Number(a));
    const usual = isValidYmd(y, month, day);
    if (dotted && usual && Number(a) !== Number(b))
      return {
        problem: `"${t}" reads two ways: ${spoken(y, Number(b), Number(a))} (dots are day-first) or ${spoken(y, month, day)} (this workbook writes the month first): ${howToWrite(culture)}.`,
      };
    if (dotted) return { serial: ymdToSerial(y, Number(b), Number(a)) };
  }
  return checked(t, y, month, day, culture);
}

function checked(t: string, y: number, m: number, d: number, culture?: string): TypedDate {
  if (isValidYmd(y, m, d)) return { serial: ymdToSerial(y, m, d) };
  const order = datePattern(culture);
  const read = /^\d{4}/.test(t) ? "yyyy-mm-dd" : order;
  return {
    problem: `"${t}" is not a date in ${read} order (${whyNot(y, m, d)}): ${howToWrite(culture)}.`,
  };
}
