import type { Serial } from "./types";

/**
 * Excel serial day numbers (1900 system, 1 = 1900-01-01). Serials from 61 on are exact;
 * Excel's fictitious 1900-02-29 (serial 60) is treated as 1900-03-01 — no order history is that old.
 */
const EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A workbook saved with Excel's 1904 date system counts days from 1904-01-01 = 0 ([MS-XLS]
 * 2.4.77 Date1904): its serial for a day is this much smaller than the 1900 system's
 * (1904-01-01 is 1900-system serial 1,462). KAP counts in the 1900 system.
 */
export const DATE1904_OFFSET = 1462;

/** Excel's last date, 31 Dec 9999: no date cell holds a larger serial. */
export const MAX_DATE_SERIAL = 2958465;

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

/** Half a millisecond, in days: Excel shows a date-time to the millisecond. */
const HALF_MS = 0.5 / 86_400_000;

/**
 * The day a date-time serial falls on: its time of day dropped, but a time within half a
 * millisecond of the next midnight is that midnight, as Excel shows date-times (to the ms):
 * =A2+TIME(18,0,0)+TIME(6,0,0) can hold 45231.99999999999, shown 2 Nov 2023 00:00:00.000. Float
 * noise of a few ulps is far inside it at any date (4 ulps at 9999-12-31 is 1.9e-9 days, half a
 * ms 5.8e-9); a real time to 23:59:59.999 stays on its day.
 */
export function dayOfSerial(t: number): Serial {
  const day = Math.floor(t);
  return t - day >= 1 - HALF_MS ? day + 1 : day;
}

export function ymdToSerial(y: number, m: number, d: number): Serial {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_UTC_MS) / DAY_MS);
}

export function serialToYmd(serial: Serial): Ymd {
  const dt = new Date(EPOCH_UTC_MS + Math.floor(serial) * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** The serial of a clock's calendar day where it is read (local time: the day the user sees). */
export function serialOfLocalDay(d: Date): Serial {
  return ymdToSerial(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** ISO yyyy-mm-dd of a serial. */
export function serialToIso(serial: Serial): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Parses yyyy-mm-dd (as given on the command line or in settings); undefined when it is not a real date. */
export function isoToSerial(iso: string): Serial | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidYmd(y, mo, d)) return undefined;
  return ymdToSerial(y, mo, d);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1900 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Excel's EDATE: same day `months` later, clamped to the month's last day. */
export function edate(serial: Serial, months: number): Serial {
  const { y, m, d } = serialToYmd(serial);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return ymdToSerial(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Excel's EOMONTH: last day of the month `months` after the serial's month. */
export function eomonth(serial: Serial, months: number): Serial {
  const { y, m } = serialToYmd(serial);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return ymdToSerial(ny, nm, daysInMonth(ny, nm));
}

/** Months since year 0, a compact key for calendar months: y*12 + (m-1). */
export function monthKey(serial: Serial): number {
  const { y, m } = serialToYmd(serial);
  return y * 12 + (m - 1);
}

export function monthKeyToYm(key: number): { y: number; m: number } {
  return { y: Math.floor(key / 12), m: (key % 12) + 1 };
}

/** 0 = Sunday … 6 = Saturday, as JavaScript and Excel's WEEKDAY(,1)-1 count. */
export function weekday(serial: Serial): number {
  return new Date(EPOCH_UTC_MS + serial * DAY_MS).getUTCDay();
}

/** Today's date as a serial, in the machine's local calendar. Only faces call this; rules take as-of explicitly. */
export function todaySerial(now: Date = new Date()): Serial {
  return ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The half-open period (start, end] in serials used by every "last N months" rule:
 * (as-of − N months, as-of], shifted back by `offsetMonths`.
 */
export interface Period {
  /** exclusive */
  start: Serial;
  /** inclusive */
  end: Serial;
}

export function monthsBack(asOf: Serial, months: number, offsetMonths = 0): Period {
  return { start: edate(asOf, -(months + offsetMonths)), end: edate(asOf, -offsetMonths) };
}

export function inPeriod(serial: Serial, p: Period): boolean {
  return serial > p.start && serial <= p.end;
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
export const MONTH_SHORT = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;
export const WEEKDAY_NAMES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;
