/**
 * What each health factor was based on, in words a person can check, and where its input came
 * from (RULES.md §2.1: "every score says which source it used"). The glance in the pane, the
 * health report sheet and the QBR all show these, so they are written once here.
 */
import type { Change } from "../numbers";
import { hoursText, type EngagementFromLog } from "../engagement";
import { decimalText, percentText } from "../numberText";
import type { Factor } from "../rules";
import type { FactorSource, HealthInputs } from "./types";

export function changeText(c: Change, unit: string, culture?: string): string {
  if (c.kind === "pct") return `${percentText(`${c.pct > 0 ? "+" : ""}${c.pct}`, culture)} ${unit}`;
  return {
    na: "too little history (n/a)",
    inf: "none before, orders now",
    none: "none in either period",
  }[c.kind];
}

/** The source of a factor's input; null when the factor has no data (Engagement or Payment with no log, ledger or typed value). */
export function factorSource(i: HealthInputs, f: Factor): FactorSource | null {
  if (f === "engagement") return i.engagementSource;
  if (f === "payment") return i.paymentSource;
  return "order lines";
}

/** "1 day", "0 days", "12 days", "9,3 days" (de-DE): a count and its noun, singular only for exactly 1. */
export function count(n: number | null, one: string, many = `${one}s`, culture?: string): string {
  return `${decimalText(String(n), culture)} ${n === 1 ? one : many}`;
}

/**
 * The engagement log's rule in words, its median response the culture's way ("median response
 * 8,2 h" in de-DE): the log writes it en-GB (engagementFromLog knows no culture).
 */
function logBasis(log: EngagementFromLog, culture?: string): string {
  const h = log.medianResponseHours;
  if (!culture || h === null || !log.basis.startsWith("median response ")) return log.basis;
  const said = hoursText(h);
  return log.basis.replace(said, decimalText(said, culture));
}

/**
 * The input behind a factor, in words: "12 days since last order", "median response 6 h: 4 of 5
 * answered, 1 inbound (90 days)". With `dateText` (a serial → "31/10/2026"), every 12-month and
 * 3-month window is named by its end date, as the QBR labels its figures (without, "the last 3
 * months": never "quarter", which a QBR means as a fiscal one). With `culture`
 * ("de-DE"), the figures are written its way ("9,3 days", "+37 %"); none: en-GB.
 */
export function factorBasis(
  i: HealthInputs,
  f: Factor,
  dateText?: (serial: number) => string,
  culture?: string
): string {
  const to = dateText ? dateText(i.date) : "";
  const counted = (n: number | null, one: string, many = `${one}s`) => count(n, one, many, culture);
  const num = (n: number | null) => decimalText(String(n), culture);
  switch (f) {
    case "recency":
      return i.daysSinceLastOrder === null
        ? "never ordered"
        : `${counted(i.daysSinceLastOrder, "day")} since last order`;
    case "frequency":
      return dateText
        ? `${counted(i.ordersLastQuarter, "order")} in the 3 months to ${to} vs ${num(i.ordersPreviousQuarter)} in the 3 before: ${changeText(i.ordersChange, "", culture)}`.trim()
        : `${counted(i.ordersLastQuarter, "order")} in the last 3 months vs ${num(i.ordersPreviousQuarter)} in the 3 before: ${changeText(i.ordersChange, "", culture)}`.trim();
    case "revenue":
      return dateText
        ? `revenue, 12 months to ${to}: ${changeText(i.revenueChange, "vs the year before", culture)}`
        : `12-month revenue ${changeText(i.revenueChange, "vs prior 12 months", culture)}`;
    case "diversity": {
      const within = dateText ? `the 12 months to ${to}` : "12 months";
      // productsLast12 is null when the lines carry no product: then the products are not named.
      const products = i.productsLast12 === null ? "" : counted(i.productsLast12, "product");
      if (i.categoriesLast12 === null)
        return products
          ? `no categories in the data; ${products} in ${within}`
          : "no categories in the data";
      const categories = counted(i.categoriesLast12, "category", "categories");
      return `${products ? `${categories}, ${products}` : categories} in ${within}`;
    }
    case "engagement": {
      const log = i.engagementLog && { basis: logBasis(i.engagementLog, culture) };
      if (i.engagementSource === "engagement log" && log) return log.basis;
      if (i.engagement === null)
        return log ? `${log.basis}; no engagement in the accounts table` : "not given";
      return log
        ? `${num(i.engagement)} of 5 as typed (the log: ${log.basis})`
        : `${num(i.engagement)} of 5`;
    }
    case "payment": {
      const led = i.paymentLedger;
      const ledgerText =
        led && dateText
          ? led.days === null
            ? `no invoice due in the 12 months to ${to}`
            : `weighted mean ${counted(led.days, "day")}, ${led.invoices} invoice${led.invoices === 1 ? "" : "s"} due in the 12 months to ${to}${led.unpaidOverdue ? `, ${led.unpaidOverdue} unpaid` : ""}`
          : led?.basis;
      if (i.paymentSource === "payments ledger" && led) return ledgerText!;
      if (i.daysBeyondTerms === null)
        return led ? `${ledgerText}; no figure in the accounts table` : "not given";
      return led
        ? `${counted(i.daysBeyondTerms, "day")} beyond terms on average as typed (the ledger: ${ledgerText})`
        : `${counted(i.daysBeyondTerms, "day")} beyond terms on average`;
    }
  }
}

/**
 * The source as a sheet's Source column shows it: "order lines", "engagement log", "payments
 * ledger (wins over accounts table: 12 days)", "accounts table (log too thin)", "no data".
 */
export function factorSourceText(i: HealthInputs, f: Factor, culture?: string): string {
  const num = (n: number | null) => decimalText(String(n), culture);
  const src = factorSource(i, f);
  if (f === "engagement") {
    if (src === "engagement log")
      return i.engagementTyped !== null && i.engagementTyped !== i.engagement
        ? `engagement log (wins over accounts table: ${num(i.engagementTyped)} of 5)`
        : "engagement log";
    if (i.engagementLog) return `${src ?? "no data"} (log too thin)`;
  }
  if (f === "payment") {
    if (src === "payments ledger")
      return i.daysBeyondTermsTyped !== null && i.daysBeyondTermsTyped !== i.daysBeyondTerms
        ? `payments ledger (wins over accounts table: ${num(i.daysBeyondTermsTyped)} days)`
        : "payments ledger";
    if (i.paymentLedger) return `${src ?? "no data"} (no ledger invoice due in 12 months)`;
  }
  return src ?? "no data";
}
