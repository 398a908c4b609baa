/**
 * Risk flags, alerts and win-back at as-of (RULES.md §2.4), as two rule lists.
 * Adding an alert: its thresholds go in ALERTS (src/domain/rules.ts), its check is one function
 * here, listed in ALERT_RULES. A rule returns what it raises (nothing, one or several).
 */
import type { Period } from "../dates";
import { dateText } from "../dateText";
import { formatMoney, roundMoney, type MoneyLabel } from "../currency";
import { decimalText, figuresText, percentText, wholeText } from "../numberText";
import { fractionVersus, median } from "../numbers";
import { ALERTS, ENGAGEMENT_LOG, PAYMENT_LEDGER, RISK } from "../rules";
import { failedContacts } from "../engagement";
import type { AccountRecord, EngagementEntry, Serial } from "../types";
import { winBackStage } from "../winback";
import type { CategoryAggregates } from "./aggregates";
import {
  moneyOf,
  ordersIn,
  periodBack,
  returnsIn,
  stepsOf,
  type Subject,
  writtenOf,
} from "./subject";
import type { Alert, HealthInputs, RiskFlag, WinBack } from "./types";

export interface SignalInputs {
  s: Subject;
  asOf: Serial;
  inputs: HealthInputs;
  rec: AccountRecord | undefined;
  agg: CategoryAggregates;
  categoryName: (cat: number) => string;
  /** "ordered by" names with their first order date (already merged over rolled-up units) */
  orderedBy: ReadonlyMap<string, { name: string; date: Serial }>;
  /** how money figures in messages are written: a prefix ("£", "€", "SEK "), or the culture's style */
  moneyPrefix: MoneyLabel;
  /** the workbook's culture: figures in messages follow it ("53 %"); none: en-GB */
  culture?: string;
  /** the row's currency: money in `values` is rounded to its minor unit */
  currency?: string;
  /** the account's engagement log entries (its sites' included), when the workbook has a log */
  engagementLog?: readonly EngagementEntry[];
}

/** What every rule reads: the inputs plus the figures several rules share, worked out once. */
interface RuleContext extends SignalInputs {
  money: (v: number) => string;
  /** a share as a whole percent in the culture's way: 0.53 → "53%" (en-GB), "53 %" (de-DE) */
  pct: (x: number) => string;
  /** a figure as given (days, scores) with the culture's decimal mark: 9.3 → "9,3" (de-DE) */
  num: (x: number | null) => string;
  /** a money figure as written in `values`: rounded to the currency's minor unit */
  cash: (v: number) => number;
  days: number | null;
  orders12: Orders12;
  /** median days between order dates over the last 12 months */
  medianGap: number | undefined;
  /** the regular-customer silence rule fires (the plain 30-day warning then says nothing) */
  regularSilent: boolean;
  /** (as-of − 30 days, as-of] */
  recent: Period;
}

type RiskFlagRule = (c: RuleContext) => RiskFlag | RiskFlag[] | null;
type AlertRule = (c: RuleContext) => Alert | Alert[] | null;

// ---- risk flags (methodology Step 1.3) ----

function noRecentOrder({ days, culture }: RuleContext): RiskFlag | null {
  if (days === null || days < RISK.noOrderDays) return null;
  return {
    kind: "noRecentOrder",
    message: `No order for ${wholeText(days, culture)} days (flag at ${RISK.noOrderDays}+).`,
    values: { daysSinceLastOrder: days, threshold: RISK.noOrderDays },
  };
}

/**
 * Average order value: the last quarter against the 12 months before it, named by its end date
 * ("the 12 months to 31/07/2026"): beside a report's "prior 12 months" (the 12 before the last 12)
 * an undated "12 months before" read as that other window.
 */
function averageOrderDrop({ s, asOf, money, cash, pct, culture }: RuleContext): RiskFlag | null {
  const q = ordersIn(s, periodBack(asOf, 3));
  const before = periodBack(asOf, 12, 3);
  const b = ordersIn(s, before);
  if (q.count === 0 || b.count === 0) return null;
  const aovQ = q.value / q.count;
  const aovB = b.value / b.count;
  if (!(aovB > 0)) return null;
  // drop = 1 − (Q/nq)/(B/nb) = (B·nq − Q·nb) / (B·nq), compared in whole steps, exactly: a drop of
  // exactly 20% is not "more than 20%"
  const qSteps = BigInt(stepsOf(s, q.value));
  const bSteps = BigInt(stepsOf(s, b.value));
  const den = bSteps * BigInt(q.count);
  if (fractionVersus(den - qSteps * BigInt(b.count), den, RISK.aovDropShare) <= 0) return null;
  return {
    kind: "averageOrderDrop",
    message: `Average order value in the last 3 months ${money(aovQ)} is ${pct((aovB - aovQ) / aovB)} below the ${money(aovB)} of the 12 months to ${dateText(before.end, culture)} (flag above ${pct(RISK.aovDropShare)}).`,
    values: {
      averageOrderLastQuarter: cash(aovQ),
      averageOrderPrior12: cash(aovB),
      drop: (aovB - aovQ) / aovB,
      threshold: RISK.aovDropShare,
    },
  };
}

/**
 * Switched categories: ≥ 10% of the baseline revenue, nothing in the last quarter, while the
 * account still orders. With no order at all in the last quarter every category stopped at once:
 * that is the account lapsing, said once by "No order for N days", not one switch per category.
 */
function switchedCategory({
  s,
  asOf,
  agg,
  categoryName,
  cash,
  pct,
  culture,
}: RuleContext): RiskFlag[] | null {
  if (ordersIn(s, periodBack(asOf, 3)).count === 0) return null;
  // forEach, not for-of: no iterator objects on this per-account path. Summed in whole steps, and
  // shares compared in them, exactly: 10.02 of 100.20 is 10%, "≥ 10%"
  let sum = 0;
  agg.baseRev.forEach((v) => (sum += stepsOf(s, v)));
  if (sum <= 0) return null;
  const baseTotal = cash(moneyOf(s, sum));
  const totalSteps = BigInt(sum);
  const out: RiskFlag[] = [];
  const baseEnd = dateText(periodBack(asOf, 12, 3).end, culture);
  agg.baseRev.forEach((v, cat) => {
    if (
      !agg.lastQuarter.has(cat) &&
      fractionVersus(BigInt(stepsOf(s, v)), totalSteps, RISK.switchedCategoryShare) >= 0
    ) {
      out.push({
        kind: "switchedCategory",
        message: `${categoryName(cat)} was ${pct(v / baseTotal)} of revenue in the 12 months to ${baseEnd} and has no order in the last 3 months.`,
        values: {
          category: categoryName(cat),
          categoryRevenuePrior12: v,
          revenuePrior12: baseTotal,
          share: v / baseTotal,
          threshold: RISK.switchedCategoryShare,
        },
      });
    }
  });
  // the largest share first (whatever order the categories were first met in)
  return out.sort((a, b) => byNumberThenText(a, b, "share", "category", true));
}

function returnsRising({ s, asOf }: RuleContext): RiskFlag | null {
  const r1 = returnsIn(s, periodBack(asOf, 3)).count;
  const r0 = returnsIn(s, periodBack(asOf, 3, 3)).count;
  if (r1 <= r0) return null;
  return {
    kind: "returnsRising",
    // "1 return", not "1 returns" (the plan's risks and SWOT of a new account read "1 returns …")
    message: `${r1} return${r1 === 1 ? "" : "s"} in the last 3 months against ${r0} in the 3 months before.`,
    values: { returnsLastQuarter: r1, returnsPreviousQuarter: r0 },
  };
}

/** The log says the contact is not answering: half or more of the older outreach unanswered (the log's score 1). */
function notResponding(inputs: HealthInputs): boolean {
  return (
    inputs.engagementSource === "engagement log" &&
    inputs.engagementLog !== null &&
    inputs.engagementLog.score === 1
  );
}

function contactNotResponding({ inputs }: RuleContext): RiskFlag | null {
  const log = inputs.engagementLog;
  if (!log || !notResponding(inputs)) return null;
  const who = log.unansweredContacts.length ? ` (${log.unansweredContacts.join(", ")})` : "";
  return {
    kind: "contactNotResponding",
    message: `${log.unansweredOld} of ${log.oldOutreach} outreach older than ${ENGAGEMENT_LOG.unansweredAfterDays} days in the last ${ENGAGEMENT_LOG.windowDays} days has no response${who} (engagement log).`,
    values: {
      unansweredOutreach: log.unansweredOld,
      olderOutreach: log.oldOutreach,
      share: log.unansweredOld / log.oldOutreach,
      threshold: ENGAGEMENT_LOG.unansweredShare,
      contacts: log.unansweredContacts.join(", ") || null,
    },
  };
}

/** Engagement 1–2 (the log's "not responding" says it with its figures instead). */
function lowEngagement({ inputs, num }: RuleContext): RiskFlag | null {
  if (inputs.engagement === null || inputs.engagement > RISK.lowEngagement || notResponding(inputs))
    return null;
  return {
    kind: "lowEngagement",
    message: `Engagement is ${num(inputs.engagement)} of 5 (flag at ${RISK.lowEngagement} or less).`,
    values: { engagement: inputs.engagement, threshold: RISK.lowEngagement },
  };
}

/** A typed history of days late in the accounts table (the ledger's quarters replace it when the ledger is the source). */
function paymentSlipping({ inputs, rec, num }: RuleContext): RiskFlag | null {
  const hist = rec?.daysBeyondTermsHistory;
  if (
    inputs.daysBeyondTerms === null ||
    inputs.paymentSource !== "accounts table" ||
    !hist ||
    hist.length === 0
  )
    return null;
  const previous = hist[hist.length - 1];
  if (!(Number.isFinite(previous) && inputs.daysBeyondTerms > previous)) return null;
  return {
    kind: "paymentSlipping",
    message: `Average days paid beyond terms rose from ${num(previous)} to ${num(inputs.daysBeyondTerms)}.`,
    values: { daysBeyondTerms: inputs.daysBeyondTerms, previousDaysBeyondTerms: previous },
  };
}

/** From the payments ledger: the last quarter's mean days late at least PAYMENT_LEDGER.risingDays above the previous quarter's. */
function latePaymentsIncreasing({ inputs, num }: RuleContext): RiskFlag | null {
  const p = inputs.paymentLedger;
  if (!p || inputs.paymentSource !== "payments ledger" || !p.rising) return null;
  return {
    kind: "latePaymentsIncreasing",
    message: `Invoices due in the last 3 months were paid ${num(p.lastQuarterDays)} days beyond terms on average, against ${num(p.previousQuarterDays)} in the 3 months before (flag at +${PAYMENT_LEDGER.risingDays}; payments ledger).`,
    values: {
      daysLateLastQuarter: p.lastQuarterDays,
      daysLatePreviousQuarter: p.previousQuarterDays,
      threshold: PAYMENT_LEDGER.risingDays,
    },
  };
}

/** Risk flags in the order they are shown. */
export const RISK_FLAG_RULES: readonly RiskFlagRule[] = [
  noRecentOrder,
  averageOrderDrop,
  switchedCategory,
  returnsRising,
  lowEngagement,
  contactNotResponding,
  paymentSlipping,
  latePaymentsIncreasing,
];

/**
 * Signals of one rule in a fixed order, whatever order the file's lines came in: by a number
 * among their values (ascending, or `descending`), then by a text (code-unit order).
 */
function byNumberThenText(
  a: { values: Record<string, unknown> },
  b: { values: Record<string, unknown> },
  number: string,
  text: string,
  descending = false
): number {
  const d = (Number(a.values[number]) - Number(b.values[number])) * (descending ? -1 : 1);
  if (d !== 0) return d;
  const x = String(a.values[text]);
  const y = String(b.values[text]);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---- alerts (methodology Step 9) ----

interface Orders12 {
  average: number;
  lastValue: number | null;
  lastDate: number | null;
  /** the orders' count and exact sum in whole money steps, and the last order's steps */
  count: number;
  totalSteps: number;
  lastSteps: number;
}

/** The last 12 months' purchase orders: the average order, and the last order with its date. */
function orders12(s: Subject, asOf: Serial): Orders12 {
  const o = ordersIn(s, periodBack(asOf, 12));
  const { ordDate, ordVal } = s.f;
  const n = o.to - o.from;
  // o.value is the exact sum of the window's orders
  return {
    average: n ? o.value / n : 0,
    lastValue: n ? writtenOf(s, ordVal[o.to - 1]) : null,
    lastDate: n ? ordDate[o.to - 1] : null,
    count: n,
    totalSteps: stepsOf(s, o.value),
    lastSteps: n ? stepsOf(s, writtenOf(s, ordVal[o.to - 1])) : 0,
  };
}

/**
 * The median of the days between successive order dates in the last 12 months (orders of one
 * day count once); undefined with fewer than two order days.
 */
function medianGapOf(s: Subject, asOf: Serial): number | undefined {
  const o = ordersIn(s, periodBack(asOf, 12));
  const { ordDate } = s.f;
  const gaps = new Float64Array(Math.max(0, o.to - o.from - 1));
  let g = 0;
  for (let i = o.from + 1; i < o.to; i++)
    if (ordDate[i] !== ordDate[i - 1]) gaps[g++] = ordDate[i] - ordDate[i - 1];
  return median(gaps.subarray(0, g));
}

function regularCustomerSilent({
  days,
  medianGap,
  regularSilent,
  num,
  culture,
}: RuleContext): Alert | null {
  if (!regularSilent || days === null || medianGap === undefined) return null;
  return {
    severity: "Critical",
    kind: "regularCustomerSilent",
    message: `No order for ${wholeText(days, culture)} days from a regular customer (median ${num(medianGap)} days between orders over the last 12 months).`,
    values: {
      daysSinceLastOrder: days,
      medianGapDays: medianGap,
      threshold: ALERTS.criticalNoOrderDays,
    },
  };
}

/**
 * A ratio as a whole percent, or to a tenth where the whole percent would read as the threshold it
 * is below (`below`) or above: 49.85% against a "< 50%" rule is "49.8%", never "50%"; 150.3%
 * against a "> 150%" rule "150.3%".
 */
function pctBeyond(ratio: number, threshold: number, below: boolean, culture?: string): string {
  const whole = Math.round(ratio * 100);
  const t = Math.round(threshold * 1000);
  if (whole * 10 !== t) return percentText(whole, culture);
  // the ratio in float may land on the threshold where the exact comparison (in money steps) did not
  const tenths = below
    ? Math.min(Math.floor(ratio * 1000), t - 1)
    : Math.max(Math.ceil(ratio * 1000), t + 1);
  return percentText((tenths / 10).toFixed(1), culture);
}

/** Last order against the 12-month average order (the last order is within the 12 months): one alert at most. */
function lastOrderAgainstAverage({ orders12: o, money, cash, culture }: RuleContext): Alert | null {
  const avg = o.average;
  const lastValue = o.lastValue;
  if (lastValue === null || !(avg > 0)) return null;
  const ratio = lastValue / avg;
  const values = {
    lastOrderValue: lastValue,
    lastOrderDate: o.lastDate,
    averageOrderLast12: cash(avg),
    ratio,
  };
  const message = (threshold: number, below: boolean) =>
    `Last order ${money(lastValue)} is ${pctBeyond(ratio, threshold, below, culture)} of the 12-month average order ${money(avg)}.`;
  // last / (total / n) against each share, exactly in whole steps: 10.04 of an average 20.08 is
  // 50%, not below it
  const versus = (share: number): number =>
    fractionVersus(BigInt(o.lastSteps) * BigInt(o.count), BigInt(o.totalSteps), share);
  if (versus(ALERTS.criticalLastOrderShare) < 0)
    return {
      severity: "Critical",
      kind: "lastOrderVeryLow",
      message: message(ALERTS.criticalLastOrderShare, true),
      values: { ...values, threshold: ALERTS.criticalLastOrderShare },
    };
  if (versus(ALERTS.warningLastOrderShare) < 0)
    return {
      severity: "Warning",
      kind: "lastOrderLow",
      message: message(ALERTS.warningLastOrderShare, true),
      values: { ...values, threshold: ALERTS.warningLastOrderShare },
    };
  if (versus(ALERTS.opportunityLastOrderShare) > 0)
    return {
      severity: "Opportunity",
      kind: "lastOrderHigh",
      message: message(ALERTS.opportunityLastOrderShare, false),
      values: { ...values, threshold: ALERTS.opportunityLastOrderShare },
    };
  return null;
}

function creditHold({ rec }: RuleContext): Alert | null {
  return rec?.creditHold
    ? {
        severity: "Critical",
        kind: "creditHold",
        message: "Account is on credit hold.",
        values: { creditHold: "yes" },
      }
    : null;
}

/** The plain 30-day silence, unless the regular-customer alert already says it. */
function noOrder30Days({ days, regularSilent, culture }: RuleContext): Alert | null {
  if (regularSilent || days === null || days < ALERTS.warningNoOrderDays) return null;
  return {
    severity: "Warning",
    kind: "noOrder30Days",
    message: `No order for ${wholeText(days, culture)} days.`,
    values: { daysSinceLastOrder: days, threshold: ALERTS.warningNoOrderDays },
  };
}

function recentReturn({ s, recent, money }: RuleContext): Alert | null {
  const ret = returnsIn(s, recent);
  if (ret.count === 0) return null;
  return {
    severity: "Warning",
    kind: "recentReturn",
    message: `${ret.count} return${ret.count > 1 ? "s" : ""} in the last ${ALERTS.recentDays} days, worth ${money(-ret.value)}.`,
    values: { returns: ret.count, returnValue: ret.value, lastReturnDate: s.f.retDate[ret.to - 1] },
  };
}

function latePayment({ inputs, num }: RuleContext): Alert | null {
  if (inputs.daysBeyondTerms === null || inputs.daysBeyondTerms < ALERTS.latePaymentDays)
    return null;
  return {
    severity: "Warning",
    kind: "latePayment",
    message: `Paying ${num(inputs.daysBeyondTerms)} days beyond terms on average (${inputs.paymentSource}).`,
    values: {
      daysBeyondTerms: inputs.daysBeyondTerms,
      threshold: ALERTS.latePaymentDays,
      source: inputs.paymentSource,
    },
  };
}

/** A bounced e-mail or a call nobody answered in the last 30 days, not made good since (engagement log). */
function contactFailed({ engagementLog, asOf }: RuleContext): Alert[] | null {
  if (!engagementLog?.length) return null;
  return failedContacts(engagementLog, asOf).map((e) => {
    const what = e.followUp ?? e.topic ?? e.typeText ?? "no answer";
    const days = asOf - Math.floor(e.at);
    return {
      severity: "Warning" as const,
      kind: "contactFailed" as const,
      message: `Contact failed: ${e.contact ?? "the account"} — "${what}" ${days === 0 ? "today" : `${days} day${days === 1 ? "" : "s"} ago`} (engagement log). Find another way in or a new contact.`,
      values: { contact: e.contact ?? null, date: Math.floor(e.at), note: what },
    };
  });
}

/** "New" needs an order before the last 30 days, else every first order of a new account would fire. */
function hadEarlierOrder({ inputs, recent }: RuleContext): boolean {
  return inputs.firstOrderDate !== null && inputs.firstOrderDate <= recent.start;
}

function newCategory(c: RuleContext): Alert[] | null {
  if (!hadEarlierOrder(c)) return null;
  const out: Alert[] = [];
  c.agg.firstDate.forEach((first, cat) => {
    // a first order credited in full is no category bought (RULES.md §2: net positive); with the
    // first purchase in the last 30 days, every purchase of it is in the 12 months' net
    if (first > c.recent.start && first <= c.asOf && (c.agg.rev12.get(cat) ?? 0) > 0)
      out.push({
        severity: "Opportunity",
        kind: "newCategory",
        message: `First-ever order in ${c.categoryName(cat)} on this account.`,
        values: { category: c.categoryName(cat), firstOrderDate: first },
      });
  });
  return out.sort((a, b) => byNumberThenText(a, b, "firstOrderDate", "category"));
}

function newOrderer(c: RuleContext): Alert[] | null {
  if (!hadEarlierOrder(c)) return null;
  const out: Alert[] = [];
  c.orderedBy.forEach(({ name, date: first }) => {
    if (first > c.recent.start && first <= c.asOf)
      out.push({
        severity: "Opportunity",
        kind: "newOrderer",
        message: `New person ordering: ${name}.`,
        values: { orderedBy: name, firstOrderDate: first },
      });
  });
  return out.sort((a, b) => byNumberThenText(a, b, "firstOrderDate", "orderedBy"));
}

/** Alerts in the order they are shown. */
export const ALERT_RULES: readonly AlertRule[] = [
  regularCustomerSilent,
  lastOrderAgainstAverage,
  creditHold,
  noOrder30Days,
  recentReturn,
  latePayment,
  contactFailed,
  newCategory,
  newOrderer,
];

function contextOf(x: SignalInputs): RuleContext {
  const days = x.inputs.daysSinceLastOrder;
  // the median gap matters only to the regular-customer rule, which needs a long silence first
  const medianGap =
    days !== null && days >= ALERTS.criticalNoOrderDays ? medianGapOf(x.s, x.asOf) : undefined;
  const regularSilent =
    days !== null &&
    days >= ALERTS.criticalNoOrderDays &&
    medianGap !== undefined &&
    medianGap <= ALERTS.regularCustomerMedianGapDays;
  const { moneyPrefix, currency, culture } = x;
  // every field written out (no spread): one object shape for every account's rules
  return {
    s: x.s,
    asOf: x.asOf,
    inputs: x.inputs,
    rec: x.rec,
    agg: x.agg,
    categoryName: x.categoryName,
    orderedBy: x.orderedBy,
    moneyPrefix,
    culture,
    currency,
    engagementLog: x.engagementLog,
    money: (v: number) => formatMoney(v, moneyPrefix),
    pct: (v: number) => percentText(Math.round(v * 100), culture),
    num: (v: number | null) => decimalText(String(v), culture),
    cash: (v: number) => roundMoney(v, currency),
    days,
    orders12: orders12(x.s, x.asOf),
    medianGap,
    regularSilent,
    recent: { start: x.asOf - ALERTS.recentDays, end: x.asOf },
  };
}

/** What the rules raised, gathered here and copied out at its exact length (the row keeps it). */
const raised: unknown[] = [];

function collect<T>(rules: readonly ((c: RuleContext) => T | T[] | null)[], c: RuleContext): T[] {
  raised.length = 0; // (nothing left over should a rule have thrown last time)
  for (const rule of rules) {
    const r = rule(c);
    if (r === null) continue;
    if (Array.isArray(r)) for (const x of r) raised.push(x);
    else raised.push(r);
  }
  const out = raised.slice() as T[];
  raised.length = 0;
  return out;
}

/** Risk flags and alerts at as-of (each names the numbers behind it), from one shared context. */
export function riskFlagsAndAlerts(x: SignalInputs): { riskFlags: RiskFlag[]; alerts: Alert[] } {
  const c = contextOf(x);
  return { riskFlags: collect(RISK_FLAG_RULES, c), alerts: collect(ALERT_RULES, c) };
}

/**
 * The win-back stage of an account: by days since its last order, Stage 5 when the accounts
 * table marks it lost; null when it never ordered and is not marked. The stage's figures in
 * `culture`'s way ("one-time 20 % discount" in de-DE; none: en-GB).
 */
export function winBackOf(
  daysSinceLastOrder: number | null,
  rec?: Pick<AccountRecord, "lost" | "lostReason">,
  culture?: string
): WinBack | null {
  const lost = rec?.lost === true;
  if (daysSinceLastOrder === null && !lost) return null;
  const w = winBackStage(daysSinceLastOrder ?? 0, lost);
  const say = (text: string) => figuresText(text, culture);
  return {
    stage: w.stage,
    name: w.name,
    action: say(w.action),
    script: say(w.script),
    daysSinceLastOrder,
    offers: (w.offers ?? []).map(say),
    questions: w.questions ?? [],
    learning: lost ? (rec?.lostReason ?? null) : null,
  };
}
