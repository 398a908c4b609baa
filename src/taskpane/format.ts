/** Formatting helpers for the pane. Rules (thresholds, formulas) come from src/domain and the host. */
import type { DataRole, KapSettings, Progress } from "../engine/contract";
import { asOfOf } from "../engine/settings";
import {
  fiscalQuarterOf,
  fiscalQuarterSpan,
  isFiscalStartMonth,
  lastCompletedQuarter,
  shiftQuarter,
} from "../domain/analysis/fiscal";
import type { HealthBand } from "../domain/types";

export const ROLE_LABELS: Record<DataRole, string> = {
  orders: "Order lines",
  accounts: "Accounts",
  catalog: "Catalog",
  contacts: "Contacts",
  initiatives: "Initiatives",
};

export { MONTH_NAMES as MONTHS } from "../domain/dates";

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export function wholeNumber(n: number): string {
  return n.toLocaleString("en-GB");
}

export function money(n: number, currency: string): string {
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat("en-GB", {
        style: "currency",
        currency,
        maximumFractionDigits: 0,
      }).format(n);
    } catch {
      // an unknown ISO-looking code: fall through to the plain form
    }
  }
  const plain = n.toLocaleString("en-GB", { maximumFractionDigits: 0 });
  return currency ? `${plain} ${currency}` : plain;
}

export function scoreText(score: number | null): string {
  return score === null ? "n/a" : score.toFixed(2);
}

/** Band colours for the badge; the band is always written out too (never colour alone). */
export const BAND_COLOURS: Record<HealthBand, { background: string; text: string }> = {
  Healthy: { background: "#107c10", text: "#ffffff" },
  Stable: { background: "#0f6cbd", text: "#ffffff" },
  "At Risk": { background: "#ffb900", text: "#201f1e" },
  Critical: { background: "#c50f1f", text: "#ffffff" },
};

export function progressText(p: Progress): string {
  const count =
    p.total !== undefined
      ? `${wholeNumber(p.done)} of ${wholeNumber(p.total)}`
      : p.done > 0
        ? wholeNumber(p.done)
        : "";
  const phase = { reading: "Reading", analyzing: "Analysing", writing: "Writing" }[p.phase];
  return [phase, count].filter(Boolean).join(" ") + (p.message ? ` — ${p.message}` : "");
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

/** The quarter a QBR reviews unless the user picks another: the last one completed by the as-of date. */
export function defaultQuarter(settings: KapSettings, lastOrder?: number, today?: number): string {
  const start = isFiscalStartMonth(settings.fiscalYearStartMonth)
    ? settings.fiscalYearStartMonth
    : 1;
  return fiscalQuarterSpan(lastCompletedQuarter(asOfOf(settings, lastOrder, today), start), start)
    .label;
}

/** Today as yyyy-mm-dd in local time, for the as-of placeholder. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
