/** Default settings, validation, and settings → analysis context. */
import { clvOptions } from "../domain/analysis/clvBasics";
import { FISCAL_START_MESSAGE, isFiscalStartMonth } from "../domain/analysis/fiscal";
import { readTypedDate } from "../domain/dateInput";
import { dateText } from "../domain/dateText";
import { MONTH_NAMES, isoToSerial, serialToIso, serialToYmd, todaySerial } from "../domain/dates";
import { wholeText } from "../domain/numberText";
import { normaliseWeights, WeightsError } from "../domain/health";
import { DEFAULT_GROWTH_TARGET, DEFAULT_SCALE_CUT, DEFAULT_WEIGHTS } from "../domain/rules";
import type { Serial } from "../domain/types";
import type { Factor } from "../domain/rules";
import type { DataRole } from "./contract";

/** What the user chooses for an analysis; saved in the workbook by the pane, given as options to the CLI. */
export interface KapSettings {
  /** yyyy-mm-dd; undefined = the data's last order date */
  asOf?: string;
  /** 1–12 */
  fiscalYearStartMonth: number;
  /** Percent per factor; must add to 100. */
  weights: Record<Factor, number>;
  /** Engagement ≥ this is high (quadrant). */
  engagementCut: number;
  /** Revenue growth target for account plans, e.g. 0.5 for +50%. */
  growthTarget: number;
  /**
   * The sheet the user said holds the order lines (the pane's "Order lines are on"): only it is
   * read as order lines, even when its headers are unknown to KAP. Undefined: KAP finds them.
   */
  ordersSheet?: string;
  /** User corrections to the column mapping: role → field → header. */
  mapping: Partial<Record<DataRole, Record<string, string | undefined>>>;
  /** CLV horizon in months (default 12) */
  clvHorizonMonths?: number;
  /** CLV discount rate a year, 0.1 = 10% (default) */
  clvDiscountRate?: number;
  /**
   * The pane's Account Health sheet: its order-derived inputs as one live KAP.METRICS over the
   * order lines in the workbook (default, when the data allows it: src/engine/liveSource);
   * false = values as of the analysis.
   */
  liveHealthInputs?: boolean;
}

export function defaultSettings(): KapSettings {
  return {
    fiscalYearStartMonth: 1,
    weights: { ...DEFAULT_WEIGHTS },
    engagementCut: DEFAULT_SCALE_CUT,
    growthTarget: DEFAULT_GROWTH_TARGET,
    mapping: {},
  };
}

/**
 * Problems with the settings in plain words; empty when they can be used. `culture`: the
 * workbook's, the figures follow it ("these add to 95 %" in de-DE); none: en-GB.
 */
export function settingsProblems(s: KapSettings, culture?: string): string[] {
  const out: string[] = [];
  try {
    normaliseWeights(s.weights, culture);
  } catch (e) {
    if (e instanceof WeightsError) out.push(e.message);
    else throw e;
  }
  if (s.asOf !== undefined && s.asOf !== "" && isoToSerial(s.asOf) === undefined)
    out.push(asOfProblem(s.asOf, culture));
  if (!isFiscalStartMonth(s.fiscalYearStartMonth)) out.push(FISCAL_START_MESSAGE);
  try {
    clvOptions({ horizonMonths: s.clvHorizonMonths, discountRate: s.clvDiscountRate }, culture);
  } catch (e) {
    if (e instanceof RangeError) out.push(e.message);
    else throw e;
  }
  return out;
}

/**
 * Why a set as-of date is no date, in the words the pane's date field uses (the culture's way of
 * writing dates, de-DE 31.10.2026); text that reads as a date but is not yyyy-mm-dd (settings
 * written by hand) is asked for as yyyy-mm-dd, what the settings keep.
 */
function asOfProblem(asOf: string, culture?: string): string {
  const typed = readTypedDate(asOf, culture);
  return "problem" in typed
    ? `The as-of date ${typed.problem}`
    : `The as-of date "${asOf}" is not a date (use yyyy-mm-dd).`;
}

/**
 * The analysis' as-of date: the one set, else the data's last order date (RULES.md §2: the
 * default, so an analysis never ages), else `today` (no data read yet: the pane's quarter list).
 */
export function asOfOf(
  s: Pick<KapSettings, "asOf">,
  lastOrderDate?: Serial | null,
  today: Serial = todaySerial()
): Serial {
  return (s.asOf && isoToSerial(s.asOf)) || lastOrderDate || today;
}

/**
 * The as-of date when none is set: the data's last sale's date (a line that is no return), else
 * its last line's. A credit note dated after the last invoice is no order: an analysis as of it
 * would count days with no sale as days each account went without ordering. Lines after it (such
 * returns) are said by returnsAfterLastSaleWarning, never dropped unsaid.
 */
export function defaultAsOf(report: {
  lastDate: Serial | null;
  lastSaleDate?: Serial | null;
}): Serial | null {
  return report.lastSaleDate ?? report.lastDate;
}

/**
 * The warning for the returns dated after the default as-of date (the last sale's): they are not
 * counted in any figure, said with their count and value, and how to count them.
 */
export function returnsAfterLastSaleWarning(
  asOf: Serial,
  lastDate: Serial,
  lines: number,
  culture?: string,
  value?: string
): string {
  const day = (serial: Serial) => (culture ? dateText(serial, culture) : serialToIso(serial));
  const one = lines === 1;
  return `The analysis is as of ${day(asOf)}, the last sale's date: ${wholeText(lines, culture)} return line${one ? "" : "s"} (credit notes, refunds) dated after it, up to ${day(lastDate)}, ${one ? "is" : "are"} not counted${value ? ` (${one ? "its" : "their"} value ${value})` : ""}. Set the as-of date to ${day(lastDate)} to count ${one ? "it" : "them"}.`;
}

/** A set as-of date this many days after the data's last order date or more draws a warning. */
export const AS_OF_LATE_DAYS = 31;

/**
 * The warning for an as-of date set more than 31 days after the data's last order date (every
 * account then looks lapsed: recency counts from the as-of date), before its first order date
 * (every line is left out), or before its last (the `linesAfter` lines after it are left out,
 * said with their count); undefined otherwise.
 */
export function asOfWarning(
  asOf: Serial,
  lastOrderDate: Serial | null | undefined,
  /** the data's first order date: an as-of date before it leaves every line out */
  firstOrderDate?: Serial | null,
  /** the order lines dated after `asOf` (not counted in any figure), when known */
  linesAfter?: number,
  /**
   * the workbook's: the count grouped its way and the dates written its way ("1.234 order lines",
   * "31.10.2026" in de-DE); none: en-GB counts and yyyy-mm-dd dates (the command line's text)
   */
  culture?: string,
  /**
   * what else is known of the lines after `asOf`: their value as text ("$2,350.00"), and the
   * day/month order the dates were read in when nothing in the data settled it (then a line
   * after the as-of date may be an earlier one read the wrong way round)
   */
  after?: { value?: string; assumedOrder?: "dmy" | "mdy" }
): string | undefined {
  const day = (serial: Serial) => (culture ? dateText(serial, culture) : serialToIso(serial));
  if (
    firstOrderDate !== null &&
    firstOrderDate !== undefined &&
    lastOrderDate !== null &&
    lastOrderDate !== undefined &&
    asOf < firstOrderDate
  )
    return `The as-of date ${day(asOf)} is before the first order in the data (${day(firstOrderDate)}): every order line is after it and left out, so every account looks as if it had never ordered. Set an as-of date within the data (${day(firstOrderDate)} to ${day(lastOrderDate)}), or leave it blank to analyse as of the last order date.`;
  if (lastOrderDate === null || lastOrderDate === undefined) return undefined;
  if (asOf < lastOrderDate && linesAfter) {
    const one = linesAfter === 1;
    const value = after?.value
      ? ` ${one ? "That line's value is" : "Those lines' value is"} ${after.value}.`
      : "";
    return `The as-of date ${day(asOf)} is before the last order line in the data (${day(lastOrderDate)}): ${wholeText(linesAfter, culture)} order line${one ? "" : "s"} dated after it, up to ${day(lastOrderDate)}, ${one ? "is" : "are"} not counted.${value}${assumedOrderNote(after?.assumedOrder, lastOrderDate)} Leave the as-of date blank to count every line, as of the last order date.`;
  }
  if (asOf - lastOrderDate <= AS_OF_LATE_DAYS) return undefined;
  return `The as-of date ${day(asOf)} is ${wholeText(asOf - lastOrderDate, culture)} days after the last order in the data (${day(lastOrderDate)}): recency, win-back stages and alerts count from the as-of date, so accounts look lapsed that may not be. Leave the as-of date blank to analyse as of the last order date.`;
}

/**
 * " The dates were read day-first by assumption …": the order no date in the data settled, the
 * last order date read the other way (in words: written as the file writes it, either reading
 * would look the same), and how to read them so; '' when the data, the layout or the culture
 * settled it.
 */
function assumedOrderNote(order: "dmy" | "mdy" | undefined, last: Serial): string {
  if (!order) return "";
  const [read, other, culture] =
    order === "dmy"
      ? ["day-first", "month-first (a US export)", "en-US"]
      : ["month-first", "day-first", "en-GB"];
  // every date reads both ways, so the last one's day of the month is a month (1–12)
  const { y, m, d } = serialToYmd(last);
  const swapped =
    d <= 12
      ? ` (the last, read as ${d} ${MONTH_NAMES[m - 1]} ${y}, is ${m} ${MONTH_NAMES[d - 1]} ${y} the other way)`
      : "";
  return ` The dates were read ${read} by assumption: no date in the data settles it${swapped}. If they are ${other}, give the culture that writes them so (kap --culture ${culture}; in Excel, the workbook's regional format).`;
}

/** Order lines this many days after all the others, few of them, are taken for a mistyped year. */
export const STRAY_GAP_DAYS = 365;

/**
 * The warning for an as-of date (the default: the last order date) that only a few lines dated
 * more than a year after all the others reach: a mistyped year (2062 for 2026) makes every other
 * account look lapsed. Undefined when the as-of date is before those lines.
 */
export function strayLateWarning(
  asOf: Serial,
  stray: { lines: number; first: Serial; last: Serial; restEnds: Serial } | null,
  culture?: string
): string | undefined {
  if (!stray || asOf < stray.first) return undefined;
  const one = stray.lines === 1;
  const span =
    stray.first === stray.last ? "" : `${serialToIso(stray.first)} to ${serialToIso(stray.last)}; `;
  const end = serialToIso(stray.restEnds);
  return `The as-of date ${serialToIso(asOf)} is the date of ${wholeText(stray.lines, culture)} order line${one ? "" : "s"} dated more than a year after all the others (${span}they end on ${end}): a mistyped year? As of it, every other account looks lapsed. Correct ${one ? "that date" : "those dates"}, or set the as-of date to ${end}.`;
}

/** Settings read back from a workbook may be old or partial: fill in what is missing. */
export function completeSettings(partial: Partial<KapSettings> | undefined): KapSettings {
  const d = defaultSettings();
  return {
    ...d,
    ...(partial ?? {}),
    weights: { ...d.weights, ...(partial?.weights ?? {}) },
    mapping: { ...(partial?.mapping ?? {}) },
  };
}
