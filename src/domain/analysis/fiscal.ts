/**
 * Fiscal quarters. The fiscal year starts in a configurable month (default January) and is
 * named by the calendar year in which it ENDS ("FY2026" with start month 4 runs April 2025 –
 * March 2026, so "FY2026 Q1" is April–June 2025); with start month 1 the fiscal year is the
 * calendar year.
 */
import type { Period } from "../dates";
import { daysInMonth, MONTH_SHORT, serialToYmd, ymdToSerial } from "../dates";
import type { Serial } from "../types";
import { dateText } from "../dateText";

export interface FiscalQuarter {
  /** fiscal year, named by the calendar year it ends in */
  year: number;
  q: 1 | 2 | 3 | 4;
}

export interface FiscalQuarterSpan {
  quarter: FiscalQuarter;
  /** "FY2026 Q1" */
  label: string;
  /** "Apr–Jun 2025" */
  months: string;
  firstDay: Serial;
  lastDay: Serial;
  /** (firstDay − 1, lastDay], the form every window rule uses */
  period: Period;
}

/** True for a usable fiscal-year start month (a whole number 1–12). The one check every face uses. */
export function isFiscalStartMonth(startMonth: unknown): startMonth is number {
  return (
    typeof startMonth === "number" &&
    Number.isInteger(startMonth) &&
    startMonth >= 1 &&
    startMonth <= 12
  );
}

export const FISCAL_START_MESSAGE =
  "The fiscal year start month must be a whole number from 1 to 12.";

function checkStart(startMonth: number): void {
  if (!isFiscalStartMonth(startMonth)) throw new RangeError(FISCAL_START_MESSAGE);
}

/** "FY2026 Q3": the one spelling of a quarter's label; parseFiscalQuarter reads it back. */
export function fiscalQuarterLabel(fq: FiscalQuarter): string {
  return `FY${fq.year} Q${fq.q}`;
}

/** A year: "2026", or after FY "FY2026" or the short "FY26" (a bare "26" is no year). */
const YEAR = String.raw`(?:FY\s*(\d{4}|\d{2})|(\d{4}))`;
/** Year first: "FY2026 Q3", "FY26 Q3", "2026Q3", "2026-Q3", "2026/Q3". */
const YEAR_FIRST = new RegExp(String.raw`^\s*${YEAR}\s*[-/]?\s*Q([1-4])\s*$`, "i");
/** Quarter first, as often written: "Q3 2026", "q3-2026", "Q3/2026", "Q3 FY2026", "Q3 FY26" ("Q32026" is not). */
const QUARTER_FIRST = new RegExp(String.raw`^\s*Q([1-4])(?=[\s\-/]|FY)\s*[-/]?\s*${YEAR}\s*$`, "i");

/** "26" of "FY26" is 2026. */
const fullYear = (fy: string | undefined, year: string | undefined): number =>
  fy !== undefined ? (fy.length === 2 ? 2000 + Number(fy) : Number(fy)) : Number(year);

/** A quarter as people type it, year or quarter first → { year, q }; undefined when the text is not a quarter. */
export function parseFiscalQuarter(text: string): FiscalQuarter | undefined {
  const y = YEAR_FIRST.exec(text);
  if (y) return { year: fullYear(y[1], y[2]), q: Number(y[3]) as 1 | 2 | 3 | 4 };
  const q = QUARTER_FIRST.exec(text);
  return q ? { year: fullYear(q[2], q[3]), q: Number(q[1]) as 1 | 2 | 3 | 4 } : undefined;
}

/** True when a quarter's spelling names a fiscal year ("FY26 Q3"): its days depend on when that year starts. */
export function namesFiscalYear(text: string): boolean {
  return /FY/i.test(text);
}

export function fiscalQuarterSpan(fq: FiscalQuarter, startMonth = 1): FiscalQuarterSpan {
  checkStart(startMonth);
  if (![1, 2, 3, 4].includes(fq.q)) throw new RangeError("A quarter is 1, 2, 3 or 4.");
  // month index (y*12 + m−1) of the fiscal year's first month
  const fyStart = (startMonth === 1 ? fq.year : fq.year - 1) * 12 + (startMonth - 1);
  const first = fyStart + (fq.q - 1) * 3;
  const last = first + 2;
  const fy = Math.floor(first / 12);
  const fm = (first % 12) + 1;
  const ly = Math.floor(last / 12);
  const lm = (last % 12) + 1;
  const firstDay = ymdToSerial(fy, fm, 1);
  const lastDay = ymdToSerial(ly, lm, daysInMonth(ly, lm));
  return {
    quarter: fq,
    label: fiscalQuarterLabel(fq),
    months: `${MONTH_SHORT[fm - 1]}${fy !== ly ? ` ${fy}` : ""}–${MONTH_SHORT[lm - 1]} ${ly}`,
    firstDay,
    lastDay,
    period: { start: firstDay - 1, end: lastDay },
  };
}

/** The fiscal quarter a date falls in. */
export function fiscalQuarterOf(date: Serial, startMonth = 1): FiscalQuarter {
  checkStart(startMonth);
  const { y, m } = serialToYmd(date);
  const offset = (m - startMonth + 12) % 12;
  const q = (Math.floor(offset / 3) + 1) as 1 | 2 | 3 | 4;
  // the fiscal year ends in the calendar year of its last month
  const fyStartYear = m >= startMonth ? y : y - 1;
  const year = startMonth === 1 ? fyStartYear : fyStartYear + 1;
  return { year, q };
}

export function shiftQuarter(fq: FiscalQuarter, quarters: number): FiscalQuarter {
  const k = fq.year * 4 + (fq.q - 1) + quarters;
  return { year: Math.floor(k / 4), q: ((k % 4) + 1) as 1 | 2 | 3 | 4 };
}

/**
 * The quarter a QBR reviews by default: the last one completed by the as-of date (the
 * quarter holding the as-of date when that is its last day, else the one before).
 */
export function lastCompletedQuarter(asOf: Serial, startMonth = 1): FiscalQuarter {
  const current = fiscalQuarterOf(asOf, startMonth);
  return fiscalQuarterSpan(current, startMonth).lastDay === asOf
    ? current
    : shiftQuarter(current, -1);
}

/**
 * The quarter a QBR reviews when none is chosen: the last one completed by the as-of date; but
 * when the data's first order comes after that quarter ends (an export that starts in the running
 * quarter), the quarter running at the as-of date, reviewed to date, since the data holds nothing
 * of the complete one. `passedOver` is then that complete quarter, which the QBR names so a part
 * quarter is never taken for the default whole one; else null.
 */
export function defaultQbrQuarter(
  asOf: Serial,
  startMonth: number,
  firstOrder: Serial | null | undefined
): { quarter: FiscalQuarter; passedOver: FiscalQuarter | null } {
  const complete = lastCompletedQuarter(asOf, startMonth);
  if (firstOrder === null || firstOrder === undefined)
    return { quarter: complete, passedOver: null };
  if (fiscalQuarterSpan(complete, startMonth).lastDay >= firstOrder)
    return { quarter: complete, passedOver: null };
  return { quarter: fiscalQuarterOf(asOf, startMonth), passedOver: complete };
}

/**
 * What every face says when the default quarter passed over the last complete one (see
 * defaultQbrQuarter): the QBR's cover and `kap qbr` (through sheets/qbrWorkbook passedOverNote)
 * and the pane beside its quarter choice. `figuresTo`: the as-of, or the quarter's last day if
 * sooner. Dates in `culture`'s way (none: dd/mm/yyyy).
 */
export function passedOverText(
  passedOver: FiscalQuarterSpan,
  quarter: FiscalQuarterSpan,
  asOf: Serial,
  firstOrder: Serial,
  figuresTo: Serial,
  culture?: string
): string {
  const d = (s: Serial) => dateText(s, culture);
  return `${passedOver.label} (${passedOver.months}), the last quarter complete at ${d(asOf)}, has no orders in the data, which starts ${d(firstOrder)}: this QBR covers ${quarter.label} to date, ${d(quarter.firstDay)} – ${d(figuresTo)}, not a whole quarter.`;
}

/** passedOverText for the default quarter at `asOf`, or null when the default is the last complete quarter. */
export function defaultQbrQuarterNote(
  asOf: Serial,
  startMonth: number,
  firstOrder: Serial | null | undefined,
  culture?: string
): string | null {
  const { quarter, passedOver } = defaultQbrQuarter(asOf, startMonth, firstOrder);
  if (!passedOver || firstOrder === null || firstOrder === undefined) return null;
  const span = fiscalQuarterSpan(quarter, startMonth);
  return passedOverText(
    fiscalQuarterSpan(passedOver, startMonth),
    span,
    asOf,
    firstOrder,
    Math.min(span.lastDay, asOf),
    culture
  );
}
