/** Formatting helpers for the pane. Rules (thresholds, formulas) come from src/domain and the host. */
import type { DataRole, FieldChoice, FoundTable, KapSettings, Progress } from "../engine/contract";
import { asOfOf } from "../engine/settings";
import {
  defaultQbrQuarter,
  defaultQbrQuarterNote,
  fiscalQuarterOf,
  fiscalQuarterSpan,
  isFiscalStartMonth,
  shiftQuarter,
} from "../domain/analysis/fiscal";
import { formatMoney, moneyLabel } from "../domain/currency";
import { isoToSerial, MONTH_SHORT } from "../domain/dates";
import { dateText as cultureDateText } from "../domain/dateText";
import type { HealthBand } from "../domain/types";

export const ROLE_LABELS: Record<DataRole, string> = {
  orders: "Order lines",
  accounts: "Accounts",
  catalog: "Catalog",
  contacts: "Contacts",
  initiatives: "Initiatives",
};

export { MONTH_NAMES as MONTHS } from "../domain/dates";

/** The culture the pane writes its numbers in when the workbook's is not known: KAP's default. */
export const DEFAULT_CULTURE = "en-GB";

/**
 * The workbook's culture ("de-DE") as one this browser formats numbers in, else en-GB: a name
 * Intl does not know (or none) must not stop the pane drawing.
 */
export function numberCulture(culture?: string): string {
  if (!culture) return DEFAULT_CULTURE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([culture]).length ? culture : DEFAULT_CULTURE;
  } catch {
    return DEFAULT_CULTURE;
  }
}

/**
 * The pane's own numbers are written the workbook culture's way (de-DE "1.234", "73 %", "3,45");
 * the cells KAP writes keep Excel number formats, which Excel shows in its culture itself.
 */
function numberText(n: number, culture: string | undefined, o: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(numberCulture(culture), o).format(n);
}

/**
 * A setting's number as the user types it: no grouping, up to 4 decimals ("12.5", de-DE "12,5");
 * "percent": a fraction as a percentage ("87,5 %").
 */
export function decimalText(n: number, culture?: string, style?: "percent"): string {
  return numberText(n, culture, {
    useGrouping: false,
    maximumFractionDigits: 4,
    ...(style ? { style } : {}),
  });
}

export function percent(fraction: number, culture?: string): string {
  return numberText(fraction, culture, { style: "percent", maximumFractionDigits: 0 });
}

/** A probability for people: whole percent, but never "100%" or "0%" for what is only very likely or unlikely. */
export function chanceText(p: number, culture?: string): string {
  return p >= 0.995
    ? `over ${percent(0.99, culture)}`
    : p < 0.005
      ? `under ${percent(0.01, culture)}`
      : percent(p, culture);
}

export function wholeNumber(n: number, culture?: string): string {
  return numberText(n, culture, { maximumFractionDigits: 0 });
}

/**
 * Money in whole units of its currency, the culture's way, with the label the engine's text uses
 * (KAP's own symbol, the one the sheets' formats show): en-GB "£39,561", de-DE "39.561 €", US
 * dollars "$14,100" in any culture, never Intl's "US$14,100" or "CA$" beside a sheet's "$", "C$".
 */
export function money(n: number, currency: string, culture?: string): string {
  return formatMoney(n, moneyLabel(currency, numberCulture(culture)), 0);
}

/** A health score to 2 decimals: "3.45", de-DE "3,45". */
export function scoreText(score: number | null, culture?: string): string {
  return score === null
    ? "n/a"
    : numberText(score, culture, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Band colours for the badge; the band is always written out too (never colour alone). */
export const BAND_COLOURS: Record<HealthBand, { background: string; text: string }> = {
  Healthy: { background: "#107c10", text: "#ffffff" },
  Stable: { background: "#0f6cbd", text: "#ffffff" },
  "At Risk": { background: "#ffb900", text: "#201f1e" },
  Critical: { background: "#c50f1f", text: "#ffffff" },
};

/**
 * The one line of progress the pane shows, e.g. "Analysing 24 accounts… 12 of 24" or
 * "Portfolio dashboard: writing 'KAP Dashboard'… 1 of 3". `running` is what the user started
 * ("Analysing" or an action's label); the host's message says what is happening now, and the
 * count is added unless the message already holds one or nothing is done yet.
 */
export function progressLine(running: string, p?: Progress, culture?: string): string {
  if (!p) return `${running}…`;
  const message = p.message.trim().replace(/^Done\.?$/, "");
  const what = message || `${PHASE_WORDS[p.phase]}…`;
  const count =
    p.total !== undefined && p.done > 0 && !/\d of \d/.test(message)
      ? ` ${wholeNumber(Math.min(p.done, p.total), culture)} of ${wholeNumber(p.total, culture)}`
      : "";
  // The analysis's own messages say what runs ("Reading order lines…", "Analysing 24 accounts…").
  if (running === "Analysing") return what + count;
  const lower = /^[A-Z][a-z]/.test(what) ? what[0].toLowerCase() + what.slice(1) : what;
  return `${running}: ${lower}${count}`;
}
const PHASE_WORDS = { reading: "Reading", analyzing: "Analysing", writing: "Writing" } as const;

/**
 * How well KAP matched a table's columns, in words: "all columns matched", or how many need a
 * look — a required field with no column, or a column matched only by part of its header
 * (FieldChoice.confidence < 1: "Net amount (ex VAT)" read as the revenue).
 */
export function columnsCheck(tables: readonly FoundTable[]): string {
  const n = tables.reduce((s, t) => s + columnsToCheck(t).length, 0);
  return n === 0 ? "all columns matched" : `${n} column${n === 1 ? " needs" : "s need"} a look`;
}

/** The fields of one table that need a look (see columnsCheck). */
export function columnsToCheck(t: FoundTable): FieldChoice[] {
  return t.fields.filter((f) => (f.header ? f.confidence < 1 : f.required));
}

/** yyyy-mm-dd → the date as the sheets write it in `culture` (31/10/2026; en-US 10/31/2026); anything else unchanged. */
export function dateText(iso: string, culture?: string): string {
  const serial = isoToSerial(iso);
  return serial === undefined ? iso : cultureDateText(serial, culture);
}

/** yyyy-mm-dd → "Oct 2026". */
export function monthText(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  return m ? `${MONTH_SHORT[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** Days since the last order in words: "today", "yesterday", "12 days ago". */
export function daysAgoText(days: number, culture?: string): string {
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${wholeNumber(days, culture)} days ago`;
}

/** 0–1 for the progress bar, or undefined when the total is unknown (an indeterminate bar). */
export function progressFraction(p: Progress): number | undefined {
  if (p.total === undefined || p.total <= 0) return undefined;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** A thrown error in plain words, with what to do when the host says. */
export function problemOf(e: unknown): { message: string; action?: string } {
  if (e instanceof Error) {
    const action = (e as Error & { action?: unknown }).action;
    return {
      message: e.message || "Something went wrong.",
      action: typeof action === "string" && action ? action : undefined,
    };
  }
  if (typeof e === "string") return { message: e };
  return { message: "Something went wrong." };
}

/**
 * The fiscal quarter that holds the as-of date and the 7 before it, newest first, e.g. "FY2026 Q3".
 * The as-of date is the one set, else `lastOrder` (the data's last order date), else `today`.
 */
export function recentQuarters(
  settings: KapSettings,
  count = 8,
  lastOrder?: number,
  today?: number
): { key: string; text: string }[] {
  const start = isFiscalStartMonth(settings.fiscalYearStartMonth)
    ? settings.fiscalYearStartMonth
    : 1;
  const current = fiscalQuarterOf(asOfOf(settings, lastOrder, today), start);
  const out: { key: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const span = fiscalQuarterSpan(shiftQuarter(current, -i), start);
    out.push({ key: span.label, text: `${span.label} (${span.months})` });
  }
  return out;
}

/**
 * The quarter a QBR reviews unless the user picks another, as `kap qbr` chooses it (domain
 * defaultQbrQuarter): the last one completed by the as-of date; or, when the data's first order
 * (`firstOrder`) comes after it, the quarter running at the as-of date, to date.
 */
export function defaultQuarter(
  settings: KapSettings,
  lastOrder?: number,
  today?: number,
  firstOrder?: number
): string {
  const start = fiscalStartOf(settings);
  const asOf = asOfOf(settings, lastOrder, today);
  return fiscalQuarterSpan(defaultQbrQuarter(asOf, start, firstOrder).quarter, start).label;
}

/**
 * Why the default quarter is a part quarter, in the words `kap qbr` and the QBR's cover use; null
 * when it is the last complete quarter. Dates in `culture`'s way (the pane's sheets' culture).
 */
export function defaultQuarterNote(
  settings: KapSettings,
  lastOrder?: number,
  firstOrder?: number,
  culture?: string,
  today?: number
): string | null {
  return defaultQbrQuarterNote(
    asOfOf(settings, lastOrder, today),
    fiscalStartOf(settings),
    firstOrder,
    culture
  );
}

function fiscalStartOf(settings: KapSettings): number {
  return isFiscalStartMonth(settings.fiscalYearStartMonth) ? settings.fiscalYearStartMonth : 1;
}

/** Today as yyyy-mm-dd in local time, for the as-of placeholder. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
