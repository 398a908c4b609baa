/**
 * The Engagement factor from an engagement log (RULES.md §2.1; methodology 000 Step 1.2 and
 * Step 4.4, Appendix A "Engagement (response to outreach)"). The thresholds are data in
 * rules.ts (ENGAGEMENT_LOG, ENGAGEMENT_RESPONSE_STEPS, ENGAGEMENT_PROACTIVE); this file applies them.
 *
 * Over the contacts of the last 90 days, (as-of − 90 days, as-of] by whole days:
 * - outreach = outbound contacts (a contact with no direction counts as outbound), inbound =
 *   the customer reached out;
 * - fewer than 3 outbound contacts and no inbound one: not enough log (score null);
 * - 1 when half or more of the outreach older than 14 days (as-of − day > 14) has no response
 *   by the as-of date;
 * - otherwise the median response time in hours (responded on − contact, both with their time
 *   of day when the log has one) over the answered outreach: ≤ 24 h scores 4, or 5 when the
 *   customer also reached out; ≤ 72 h (3 days) 3; longer 2;
 * - no answered outreach and no overdue answer: 5 when the customer reached out, else not
 *   enough log (the outreach is still waiting for its answers).
 * A response dated after as-of is no response at as-of (so history points are honest).
 */
import { dayOfSerial } from "./dates";
import { median, roundHalfAwayFromZero } from "./numbers";
import {
  ALERTS,
  CONTACT_FAILED_WORDS,
  ENGAGEMENT_LOG,
  ENGAGEMENT_PROACTIVE,
  ENGAGEMENT_RESPONSE_STEPS,
} from "./rules";
import type { EngagementEntry, Serial } from "./types";

export interface EngagementFromLog {
  /** 1–5, or null when the log is too thin to score (the caller falls back to the accounts table). */
  score: number | null;
  /** First and last day of the window, (from, to]. */
  from: Serial;
  to: Serial;
  outbound: number;
  inbound: number;
  answered: number;
  /** Median hours from outreach to response over the answered outreach; null when none was answered. */
  medianResponseHours: number | null;
  /** Outreach older than 14 days, and how many of them have no response. */
  oldOutreach: number;
  unansweredOld: number;
  /** Contacts (names as logged) of the unanswered old outreach, first seen first. */
  unansweredContacts: string[];
  /** The rule that decided, in words ("median response 6 h: 4 of 5 answered, 1 inbound (90 days)"). */
  basis: string;
}

/** A contact's day (dayOfSerial: a time float noise short of midnight is that midnight). */
const dayOf = (t: number): Serial => dayOfSerial(t);

/** Outbound unless the log says inbound. */
export function isOutbound(e: EngagementEntry): boolean {
  return e.direction !== "inbound";
}

/**
 * Hours from the contact to the customer's response, when there was one by `asOf`
 * (rounded to a millionth of an hour so 24 h of day fractions is exactly 24); null otherwise.
 */
export function responseHours(e: EngagementEntry, asOf: Serial = Infinity): number | null {
  if (e.respondedOn === undefined || !Number.isFinite(e.respondedOn) || dayOf(e.respondedOn) > asOf)
    return null;
  return Math.max(0, roundHalfAwayFromZero((e.respondedOn - e.at) * 24, 6));
}

/** Whole days from the contact's day to as-of. */
function ageDays(e: EngagementEntry, asOf: Serial): number {
  return asOf - dayOf(e.at);
}

/** The engagement score from one account's log at `asOf` (entries in any order; other dates ignored). */
export function engagementFromLog(
  entries: readonly EngagementEntry[],
  asOf: Serial
): EngagementFromLog {
  const from = asOf - ENGAGEMENT_LOG.windowDays;
  let outbound = 0;
  let inbound = 0;
  let oldOutreach = 0;
  let unansweredOld = 0;
  const hours: number[] = [];
  const unansweredContacts: string[] = [];
  for (const e of entries) {
    const d = dayOf(e.at);
    if (!(d > from && d <= asOf)) continue;
    if (!isOutbound(e)) {
      inbound++;
      continue;
    }
    outbound++;
    const h = responseHours(e, asOf);
    if (h !== null) hours.push(h);
    if (ageDays(e, asOf) > ENGAGEMENT_LOG.unansweredAfterDays) {
      oldOutreach++;
      if (h === null) {
        unansweredOld++;
        const who = e.contact?.trim();
        if (who && !unansweredContacts.includes(who)) unansweredContacts.push(who);
      }
    }
  }
  const med = median(hours);
  const base = {
    from,
    to: asOf,
    outbound,
    inbound,
    answered: hours.length,
    medianResponseHours: med ?? null,
    oldOutreach,
    unansweredOld,
    unansweredContacts,
  };
  const days = `${ENGAGEMENT_LOG.windowDays} days`;
  if (outbound < ENGAGEMENT_LOG.minOutbound && inbound === 0) {
    return {
      ...base,
      score: null,
      basis: `too few contacts: ${outbound} outreach, no inbound in ${days}`,
    };
  }
  if (oldOutreach > 0 && unansweredOld / oldOutreach >= ENGAGEMENT_LOG.unansweredShare) {
    return {
      ...base,
      score: 1,
      basis: `${unansweredOld} of ${oldOutreach} outreach older than ${ENGAGEMENT_LOG.unansweredAfterDays} days unanswered (${days})`,
    };
  }
  if (med === undefined) {
    if (inbound > 0)
      return {
        ...base,
        score: ENGAGEMENT_PROACTIVE.score,
        basis: `the customer reached out ${inbound}×; no outreach to answer yet (${days})`,
      };
    return {
      ...base,
      score: null,
      basis: `too soon to tell: ${outbound} outreach awaiting an answer`,
    };
  }
  const step =
    ENGAGEMENT_RESPONSE_STEPS.find((s) => med <= s.maxHours) ??
    ENGAGEMENT_RESPONSE_STEPS[ENGAGEMENT_RESPONSE_STEPS.length - 1];
  const proactive = step === ENGAGEMENT_RESPONSE_STEPS[0] && inbound > 0;
  const score = proactive ? ENGAGEMENT_PROACTIVE.score : step.score;
  return {
    ...base,
    score,
    basis: `median response ${hoursText(med)}: ${hours.length} of ${outbound} answered, ${inbound} inbound (${days})`,
  };
}

/** "6 h", "1.5 days" — how a response time reads in a sentence. */
export function hoursText(h: number): string {
  if (h <= 48) return `${roundHalfAwayFromZero(h, 1)} h`;
  return `${roundHalfAwayFromZero(h / 24, 1)} days`;
}

/** Whether a log entry says the contact failed: a bounced e-mail, no answer on the phone (CONTACT_FAILED_WORDS). */
export function isFailedContact(e: EngagementEntry): boolean {
  if (!isOutbound(e) || e.respondedOn !== undefined) return false;
  const text = `${e.followUp ?? ""} | ${e.topic ?? ""} | ${e.typeText ?? ""}`.toLowerCase();
  return CONTACT_FAILED_WORDS.some((w) => text.includes(w));
}

/**
 * Failed contacts of the last ALERTS.recentDays days that nobody has made good since: the latest
 * failed outreach per contact (or per account when the log names nobody) with no later inbound
 * contact or answered outreach from the same person. Newest first.
 */
export function failedContacts(
  entries: readonly EngagementEntry[],
  asOf: Serial,
  days: number = ALERTS.recentDays
): EngagementEntry[] {
  const from = asOf - days;
  const key = (e: EngagementEntry) => (e.contact ?? "").trim().toLowerCase();
  const latestFail = new Map<string, EngagementEntry>();
  const latestGood = new Map<string, number>();
  for (const e of entries) {
    if (dayOf(e.at) > asOf) continue;
    const k = key(e);
    if (isFailedContact(e)) {
      const cur = latestFail.get(k);
      if (!cur || e.at > cur.at) latestFail.set(k, e);
    } else if (!isOutbound(e) || responseHours(e, asOf) !== null) {
      const t = !isOutbound(e) ? e.at : e.respondedOn!;
      latestGood.set(k, Math.max(latestGood.get(k) ?? -Infinity, t));
    }
  }
  const out: EngagementEntry[] = [];
  for (const [k, e] of latestFail) {
    if (dayOf(e.at) <= from) continue;
    if ((latestGood.get(k) ?? -Infinity) > e.at) continue;
    out.push(e);
  }
  return out.sort((a, b) => b.at - a.at);
}

/** The last `n` entries on or before as-of, newest first (the account plan's "Recent engagement"). */
export function recentEntries(
  entries: readonly EngagementEntry[],
  asOf: Serial,
  n: number
): EngagementEntry[] {
  return entries
    .filter((e) => dayOf(e.at) <= asOf)
    .sort((a, b) => b.at - a.at)
    .slice(0, n);
}
