/**
 * The Payment factor from a payments ledger (RULES.md §2.1 and §2.4; methodology 000 Appendix A
 * "Payment (average days beyond terms)"). Thresholds are data in rules.ts (PAYMENT_LEDGER,
 * PAYMENT_STEPS); this file applies them.
 *
 * - Days beyond terms of one invoice = paid date − due date (negative when paid early). An
 *   invoice unpaid at as-of (no paid date, or one after as-of) that is past its due date counts
 *   its days overdue so far, as-of − due date; one not yet due does not count.
 * - Due date: the ledger's, else the invoice date plus the account's credit terms ("30 days",
 *   "Net 30", "30 days EOM" = 30 days after the end of the invoice month, "Pro forma" = 0).
 * - The account's figure: the amount-weighted mean over the invoices due in the last 12 months,
 *   (as-of − 12 months, as-of], rounded to whole days (half away from zero). Invoices of 0 or
 *   less (credit notes) do not count.
 * - "Late payments increasing": the same mean over invoices due in the last quarter, rounded,
 *   at least PAYMENT_LEDGER.risingDays above the previous quarter's (both quarters need invoices).
 */
import { edate, eomonth } from "./dates";
import { roundHalfAwayFromZero } from "./numbers";
import { PAYMENT_LEDGER } from "./rules";
import type { Invoice, Serial } from "./types";

export interface CreditTerms {
  days: number;
  /** the days run from the end of the invoice month ("30 days EOM") */
  endOfMonth: boolean;
}

/** "30 days" → 30; "Net 45" → 45; "2/10 net 30" → 30; "30 days EOM" → 30 from month end; "Pro forma", "Cash", "COD" → 0; else undefined. */
export function parseCreditTerms(text: string | undefined): CreditTerms | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  if (t === "") return undefined;
  const endOfMonth = /\beom\b|end of (the )?month|following month|\bmfi\b/.test(t);
  if (
    /pro ?forma|\bcash\b|\bcod\b|\bcia\b|immediate|on receipt|upon receipt|in advance|prepa(id|y)/.test(
      t
    )
  )
    return { days: 0, endOfMonth: false };
  const net =
    /\bnet\s*(\d{1,3})\b/.exec(t) ?? /(\d{1,3})\s*(?:days?|d)\b/.exec(t) ?? /^(\d{1,3})$/.exec(t);
  if (net) return { days: Number(net[1]), endOfMonth };
  if (endOfMonth) return { days: 0, endOfMonth };
  return undefined;
}

/** The invoice's due date: its own, else invoice date + terms; undefined when neither is known. */
export function dueDateOf(inv: Invoice, terms?: CreditTerms): Serial | undefined {
  if (inv.dueDate !== undefined) return inv.dueDate;
  if (inv.invoiceDate === undefined || !terms) return undefined;
  return (terms.endOfMonth ? eomonth(inv.invoiceDate, 0) : inv.invoiceDate) + terms.days;
}

/** Days beyond terms of one invoice at as-of (see the file's comment); null when it does not count (not yet due, or no due date). */
export function invoiceDaysLate(inv: Invoice, asOf: Serial, terms?: CreditTerms): number | null {
  const due = dueDateOf(inv, terms);
  if (due === undefined) return null;
  if (inv.paidDate !== undefined && inv.paidDate <= asOf) return inv.paidDate - due;
  return asOf > due ? asOf - due : null;
}

export interface LedgerMean {
  /** Rounded to whole days; null when no invoice counts. */
  days: number | null;
  /** Unrounded amount-weighted mean. */
  meanDays: number | null;
  invoices: number;
  amount: number;
  /** Of `invoices`, the unpaid ones counted with their days overdue so far. */
  unpaidOverdue: number;
}

/** Amount-weighted mean days late, at `asOf` (default `to`), of the invoices due in (from, to]. */
export function ledgerMean(
  invoices: readonly Invoice[],
  from: Serial,
  to: Serial,
  terms?: CreditTerms,
  asOf: Serial = to
): LedgerMean {
  let amount = 0;
  let weighted = 0;
  let n = 0;
  let unpaid = 0;
  for (const inv of invoices) {
    if (!(inv.amount > 0)) continue;
    const due = dueDateOf(inv, terms);
    if (due === undefined || !(due > from && due <= to)) continue;
    const late = invoiceDaysLate(inv, asOf, terms);
    if (late === null) continue;
    n++;
    amount += inv.amount;
    weighted += inv.amount * late;
    if (inv.paidDate === undefined || inv.paidDate > asOf) unpaid++;
  }
  const mean = amount > 0 ? weighted / amount : null;
  return {
    days: mean === null ? null : roundHalfAwayFromZero(mean),
    meanDays: mean,
    invoices: n,
    amount,
    unpaidOverdue: unpaid,
  };
}

export interface PaymentFromLedger extends LedgerMean {
  /** The window, (from, to]. */
  from: Serial;
  to: Serial;
  /** Rounded means of the invoices due in the last quarter and the one before; null when a quarter has none. */
  lastQuarterDays: number | null;
  previousQuarterDays: number | null;
  /** Last quarter's mean is PAYMENT_LEDGER.risingDays or more above the previous quarter's. */
  rising: boolean;
  /** In words: "weighted mean 9 days, 14 invoices due in 12 months, 2 unpaid" (weighted by amount). */
  basis: string;
}

/**
 * paymentFromLedger's `days` alone (the amount-weighted mean days late of the invoices due in
 * the last PAYMENT_LEDGER.windowMonths months, rounded; null when none counts), without the
 * quarters and the words: what a history point's score reads.
 */
export function paymentDaysFromLedger(
  invoices: readonly Invoice[],
  asOf: Serial,
  terms?: CreditTerms
): number | null {
  return ledgerMean(invoices, edate(asOf, -PAYMENT_LEDGER.windowMonths), asOf, terms).days;
}

/** The payment figure from one account's ledger at as-of (invoices in any order). */
export function paymentFromLedger(
  invoices: readonly Invoice[],
  asOf: Serial,
  terms?: CreditTerms
): PaymentFromLedger {
  const from = edate(asOf, -PAYMENT_LEDGER.windowMonths);
  const year = ledgerMean(invoices, from, asOf, terms);
  const q1 = ledgerMean(invoices, edate(asOf, -3), asOf, terms);
  // the previous quarter's invoices are judged at as-of too: what was paid since counts as paid
  const q0 = ledgerMean(invoices, edate(asOf, -6), edate(asOf, -3), terms, asOf);
  const rising =
    q1.days !== null && q0.days !== null && q1.days - q0.days >= PAYMENT_LEDGER.risingDays;
  const basis =
    year.days === null
      ? `no invoice due in the last ${PAYMENT_LEDGER.windowMonths} months`
      : `weighted mean ${year.days} day${Math.abs(year.days) === 1 ? "" : "s"}, ${year.invoices} invoice${year.invoices === 1 ? "" : "s"} due in ${PAYMENT_LEDGER.windowMonths} months${year.unpaidOverdue ? `, ${year.unpaidOverdue} unpaid` : ""}`;
  return {
    ...year,
    from,
    to: asOf,
    lastQuarterDays: q1.days,
    previousQuarterDays: q0.days,
    rising,
    basis,
  };
}
