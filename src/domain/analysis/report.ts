/**
 * The account health report of methodology 000, Steps 1.1–1.3: basic information, the order
 * history by period, year-over-year change, the score with every factor and its basis and
 * source, and the six warning signs of Step 1.3 (present or not, the figure behind it, the action).
 *
 * Decisions:
 * - Periods, each (start, end]: this month = the calendar month to as-of (EOMONTH(as-of, −1),
 *   as-of]; last month = the calendar month before; last 3 months = (as-of − 3 months, as-of] (RULES.md
 *   calls it the last quarter; labels say "3 months", as a QBR's quarter is a fiscal one);
 *   last 12 months and prior 12 months as everywhere (RULES.md §2).
 * - Orders = purchase orders; revenue = net (orders less returns), shown beside the order value
 *   and the returns so it adds up; average order value =
 *   purchase order value / orders (as everywhere in KAP); products = distinct SKUs bought.
 * - Year-over-year: last 12 months against the prior 12, as percentChange (rounded to a whole
 *   percent; "new" when the account's first order is inside the last 12 months).
 * - Account age: whole months from "customer since" (accounts table, else the first order) to
 *   as-of, in years to one decimal.
 * - A warning sign KAP cannot judge from the workbook (late payments without a ledger or a typed
 *   history; a contact not responding without a log or a typed engagement) is "not known".
 */
import type { RelationshipStart } from "./relationshipStart";
import { formatMoney, type MoneyLabel } from "../currency";
import { decimalText, figuresText, signedPercentText } from "../numberText";
import type { Weights } from "../health";
import { eomonth, type Period } from "../dates";
import { dateText } from "../dateText";
import { type Change, percentChange, roundHalfAwayFromZero } from "../numbers";
import { FACTOR_LABELS, FACTORS, type Factor, WARNING_SIGNS } from "../rules";
import type { AccountRecord, HealthBand, Serial, Tier } from "../types";
import { wholeMonthsBetween } from "./products";
import { count, factorBasis, factorSource, factorSourceText } from "./basis";
import {
  firstOrderOnOrBefore,
  netRevenueIn,
  ordersIn,
  periodBack,
  returnsIn,
  stepsOf,
  type Subject,
  writtenOf,
} from "./subject";
import type { AccountAnalysis, FactorSource, RiskFlag } from "./types";

export interface ReportPeriod {
  label: "This month" | "Last month" | "Last 3 months" | "Last 12 months" | "Prior 12 months";
  period: Period;
  orders: number;
  /** the purchase orders' value, before returns */
  orderValue: number;
  /** returns (credit notes) in the period, ≤ 0: revenue − order value, so the row adds up as written */
  returns: number;
  revenue: number;
  /** order value / orders (before returns), as everywhere in KAP */
  averageOrderValue: number | null;
  products: number;
}

export interface ReportFactor {
  factor: Factor;
  label: string;
  /** the weight set (percent) and the weight applied after n/a factors are left out */
  weight: number;
  effectiveWeight: number;
  score: number | null;
  /** effectiveWeight / 100 × score; null when n/a */
  weighted: number | null;
  basis: string;
  source: FactorSource | null;
  sourceText: string;
}

export interface WarningSign {
  sign: string;
  /** null = not known from this workbook */
  present: boolean | null;
  figure: string;
  action: string;
}

export interface HealthReport {
  basics: {
    accountId: string;
    name: string;
    primaryContact: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
    customerSince: Serial | null;
    customerSinceSource: "accounts table" | "first order" | null;
    accountAgeYears: number | null;
    tier: Tier | null;
    industry: string | null;
    accountManager: string | null;
    creditTerms: string | null;
    creditLimit: number | null;
  };
  periods: ReportPeriod[];
  yearOverYear: { revenue: Change; orders: Change; averageOrderValue: Change };
  factors: ReportFactor[];
  score: number | null;
  band: HealthBand | null;
  override: { band: HealthBand; reason: string } | null;
  warningSigns: WarningSign[];
}

function productsIn(s: Subject, p: Period): number {
  const { f, u } = s;
  let n = 0;
  for (let q = f.pairStart[u]; q < f.pairStart[u + 1]; q++) {
    if (f.pairRet[q]) continue;
    for (let e = f.entStart[q]; e < f.entStart[q + 1]; e++) {
      const d = f.entDate[e];
      if (d > p.end) break;
      if (d > p.start) {
        n++;
        break;
      }
    }
  }
  return n;
}

function periodRow(s: Subject, label: ReportPeriod["label"], period: Period): ReportPeriod {
  const o = ordersIn(s, period);
  const revenue = netRevenueIn(s, period);
  return {
    label,
    period,
    orders: o.count,
    orderValue: o.value,
    // from the two written figures (each rounded once): order value + returns = revenue exactly
    returns: writtenOf(s, revenue - o.value),
    revenue,
    averageOrderValue: o.count ? writtenOf(s, o.value / o.count) : null,
    products: productsIn(s, period),
  };
}

const flagOf = (a: AccountAnalysis, kind: RiskFlag["kind"]): RiskFlag | undefined =>
  a.riskFlags.find((r) => r.kind === kind);

function warningSigns(
  a: AccountAnalysis,
  s: Subject,
  rec: AccountRecord | undefined,
  asOf: Serial,
  money: (v: number) => string,
  culture?: string
): WarningSign[] {
  const num = (n: number | null | undefined) => decimalText(String(n), culture);
  const i = a.health.inputs;
  const [noOrder, aov, switched, late, silent, returns] = WARNING_SIGNS;
  const out: WarningSign[] = [];
  // 1. No order in 45+ days
  const nr = flagOf(a, "noRecentOrder");
  out.push({
    ...noOrder,
    present: i.daysSinceLastOrder === null ? true : !!nr,
    figure:
      i.daysSinceLastOrder === null
        ? "never ordered"
        : `${count(i.daysSinceLastOrder, "day", "days", culture)} since the last order`,
  });
  // 2. Order value down > 20% (the change signed, as every change in words: "+10%", "-53%")
  // the 12 months before the last 3 named by their end: the report's own "Prior 12 months" row
  // is another window (the 12 before the last 12), and an undated "12 months before" read as it
  const q = ordersIn(s, periodBack(asOf, 3));
  const before = periodBack(asOf, 12, 3);
  const beforeText = `the 12 months to ${dateText(before.end, culture)}`;
  const b = ordersIn(s, before);
  const aovFigure =
    q.count && b.count
      ? `average order ${money(q.value / q.count)} in the last 3 months vs ${money(b.value / b.count)} in ${beforeText} (${b.value ? signedPercentText(roundHalfAwayFromZero(((q.value / q.count - b.value / b.count) / (b.value / b.count)) * 100), culture) : "n/a"})`
      : q.count
        ? `no orders in ${beforeText}`
        : "no orders in the last 3 months";
  out.push({ ...aov, present: !!flagOf(a, "averageOrderDrop"), figure: aovFigure });
  // 3. Switched product categories
  const sw = a.riskFlags.filter((r) => r.kind === "switchedCategory");
  out.push({
    ...switched,
    present: sw.length > 0,
    figure: sw.length
      ? `no order in the last 3 months in ${sw.map((r) => String(r.values.category)).join(", ")}`
      : q.count
        ? "every main category ordered in the last 3 months"
        : // every category stopped at once: the account stopped ordering, not a switch
          "no order at all in the last 3 months: the account stopped ordering, not a switch of categories",
  });
  // 4. Late payments increasing: the ledger's quarters, else the typed history
  const led = i.paymentLedger;
  if (i.paymentSource === "payments ledger" && led) {
    const fig =
      led.lastQuarterDays !== null && led.previousQuarterDays !== null
        ? `${num(led.lastQuarterDays)} days late in the last 3 months vs ${num(led.previousQuarterDays)} in the 3 months before (payments ledger)`
        : "too few invoices in the last 6 months to compare 3 months with 3 (payments ledger)";
    out.push({
      ...late,
      present: led.lastQuarterDays !== null && led.previousQuarterDays !== null ? led.rising : null,
      figure: fig,
    });
  } else {
    const ps = flagOf(a, "paymentSlipping");
    const hist = rec?.daysBeyondTermsHistory;
    const prev =
      i.paymentSource === "accounts table" && hist?.length ? hist[hist.length - 1] : undefined;
    const known = prev !== undefined && Number.isFinite(prev);
    out.push({
      ...late,
      present: known ? !!ps : null,
      figure: known
        ? `${num(i.daysBeyondTerms)} days beyond terms now vs ${num(prev)} before (accounts table)`
        : "not known: no payments ledger or days-late history",
    });
  }
  // 5. Contact not responding: the log, else the typed engagement
  const log = i.engagementLog;
  if (i.engagementSource === "engagement log" && log) {
    const cn = flagOf(a, "contactNotResponding");
    out.push({
      ...silent,
      present: !!cn,
      figure: log.oldOutreach
        ? `${log.unansweredOld} of ${log.oldOutreach} outreach older than 14 days unanswered${log.unansweredContacts.length ? ` (${log.unansweredContacts.join(", ")})` : ""} (engagement log)`
        : `${log.basis} (engagement log)`,
    });
  } else if (i.engagement !== null) {
    out.push({
      ...silent,
      present: i.engagement === 1,
      figure: `engagement ${num(i.engagement)} of 5 (accounts table)`,
    });
  } else {
    out.push({
      ...silent,
      present: null,
      figure: log ? `not known: ${log.basis}` : "not known: no engagement log or engagement score",
    });
  }
  // 6. Complaints/returns increasing
  const r1 = returnsIn(s, periodBack(asOf, 3)).count;
  const r0 = returnsIn(s, periodBack(asOf, 3, 3)).count;
  out.push({
    ...returns,
    present: !!flagOf(a, "returnsRising"),
    figure: `${r1} return${r1 === 1 ? "" : "s"} in the last 3 months vs ${r0} in the 3 months before`,
  });
  // the methodology's signs, their figures the culture's way ("Order value down >20 %")
  return out.map((w) => ({ ...w, sign: figuresText(w.sign, culture) }));
}

/**
 * The Step 1 report for one analysed account (its subject `s`, its accounts-table row `rec`,
 * `start` when the relationship began: ./relationshipStart.ts).
 */
export function healthReport(
  a: AccountAnalysis,
  s: Subject,
  rec: AccountRecord | undefined,
  start: RelationshipStart,
  asOf: Serial,
  weights: Weights,
  moneyPrefix: MoneyLabel,
  /** the workbook's culture: the report's figures in text follow it ("9,3 days"); none: en-GB */
  culture?: string
): HealthReport {
  const money = (v: number) => formatMoney(v, moneyPrefix);
  const thisMonth: Period = { start: eomonth(asOf, -1), end: asOf };
  const lastMonth: Period = { start: eomonth(asOf, -2), end: eomonth(asOf, -1) };
  const periods = [
    periodRow(s, "This month", thisMonth),
    periodRow(s, "Last month", lastMonth),
    periodRow(s, "Last 3 months", periodBack(asOf, 3)),
    periodRow(s, "Last 12 months", periodBack(asOf, 12)),
    periodRow(s, "Prior 12 months", periodBack(asOf, 12, 12)),
  ];
  const [, , , y1, y0] = periods;
  const first = firstOrderOnOrBefore(s, asOf);
  const newInYear = first !== null && first > y1.period.start;
  const since = start.date;
  const h = a.health;
  const factors: ReportFactor[] = FACTORS.map((f) => {
    const score = h.factors[f];
    const eff = h.effectiveWeights[f];
    return {
      factor: f,
      label: FACTOR_LABELS[f],
      weight: weights[f],
      effectiveWeight: eff,
      score,
      weighted: score === null ? null : (eff / 100) * score,
      basis: factorBasis(h.inputs, f, undefined, culture),
      source: factorSource(h.inputs, f),
      sourceText: factorSourceText(h.inputs, f, culture),
    };
  });
  return {
    basics: {
      accountId: a.accountId,
      name: a.name,
      primaryContact: rec?.primaryContact ?? null,
      email: rec?.email ?? null,
      phone: rec?.phone ?? null,
      address: rec?.address ?? null,
      customerSince: since,
      customerSinceSource: start.source,
      accountAgeYears:
        since === null || since > asOf
          ? null
          : roundHalfAwayFromZero(wholeMonthsBetween(since, asOf) / 12, 1),
      tier: a.tier,
      industry: a.industry,
      accountManager: a.accountManager,
      creditTerms: rec?.creditTerms ?? null,
      creditLimit: rec?.creditLimit ?? null,
    },
    periods,
    yearOverYear: {
      // in whole steps, rounded exactly: the same change as the Revenue factor's (inputsInto)
      revenue: percentChange(
        y0.revenue > 0 ? stepsOf(s, y0.revenue) : 0,
        y1.revenue > 0 ? stepsOf(s, y1.revenue) : 0,
        newInYear
      ),
      orders: percentChange(y0.orders, y1.orders, newInYear),
      averageOrderValue: percentChange(
        y0.averageOrderValue ?? 0,
        y1.averageOrderValue ?? 0,
        newInYear
      ),
    },
    factors,
    score: h.score,
    band: h.finalBand,
    override: h.isOverride && h.override ? h.override : null,
    warningSigns: warningSigns(a, s, rec, asOf, money, culture),
  };
}
