/**
 * Initiatives that track themselves (RULES.md §2.7a; methodology 000 Steps 6.2 and 8.4, and the
 * dashboard's Initiative Progress). For each row of the user's Initiatives table, as of the
 * portfolio's date:
 * - actual   = net revenue (purchases less returns) of the initiative's categories and SKUs on the
 *              account (its row, children included) from the start date through the end date or
 *              the as-of date, whichever comes first; no categories and no SKUs = all its revenue;
 * - baseline = the same on the same number of days just before the start date;
 * - uplift   = actual − baseline; progress = uplift / target (the target is the extra revenue the
 *              initiative is to bring, as methodology 000 Step 8.4 writes it: "Target: +£1,800");
 * - on track = uplift ≥ target × elapsed share, the straight line from start to end, where the
 *              elapsed share = days run / days planned (both ends counted). Achieved = uplift ≥ target.
 * Days run = min(end, as-of) − start + 1. Before the start date it is "Not started".
 * The dashboard roll-up adds initiatives per currency by type and in total (cancelled ones left
 * out), with the same rule on the sums.
 */
import { roundMoney } from "../currency";
import { edate } from "../dates";
import { INITIATIVE_TYPES, type InitiativeType, PROPOSAL_MONTHS } from "../rules";
import type { InitiativeRecord, Serial } from "../types";
import type { OrderBook } from "./book";
import type { Internal } from "./portfolio";
import { moneyOf, stepsOf, type Subject } from "./subject";
import type { AccountAnalysis, AccountPlan } from "./types";

export type InitiativeTrack =
  "Achieved" | "On track" | "Behind" | "Not started" | "In progress" | "Not tracked";

export interface InitiativeProgress {
  /** worksheet row of the user's table */
  row: number | null;
  initiative: string;
  type: InitiativeType;
  /** the account as written, and the portfolio row it was matched to (null when not found) */
  account: string;
  accountId: string | null;
  key: string | null;
  name: string | null;
  currency: string;
  categories: string[];
  skus: string[];
  target: number | null;
  start: Serial | null;
  end: Serial | null;
  owner: string | null;
  /** the user's own status, as written */
  status: string | null;
  /** cancelled / dropped in the user's status: shown, not rolled up */
  cancelled: boolean;
  actual: number;
  baseline: number;
  uplift: number;
  /** uplift / target; null without a target */
  progress: number | null;
  /** share of the planned days run; null without an end date */
  elapsedShare: number | null;
  /** target × elapsed share: the uplift the straight line from start to end expects by the as-of date (money) */
  expectedByNow: number | null;
  track: InitiativeTrack;
  /** why it is not tracked, or what in it was not found */
  note: string | null;
}

export interface InitiativeRollupRow {
  currency: string;
  /** an initiative type, or 'Total' */
  type: InitiativeType | "Total";
  count: number;
  /** the accounts these initiatives are for, each once, as matched (else as written), in table order */
  accounts: string[];
  target: number;
  actual: number;
  uplift: number;
  expectedByNow: number;
  progress: number | null;
  track: InitiativeTrack;
}

const CANCELLED = /\b(cancel(l?ed)?|dropped|abandoned|withdrawn|scrapped)\b/i;

/** The initiative's type: the user's type column when it names one, else read from the initiative's words. */
export function initiativeTypeOf(initiative: string, userType?: string): InitiativeType {
  for (const text of [userType, initiative]) {
    if (!text) continue;
    for (const t of INITIATIVE_TYPES) if (t.match.test(text)) return t.type;
  }
  return "Other";
}

function track(
  uplift: number,
  target: number | null,
  share: number | null,
  started: boolean,
  ended: boolean
): InitiativeTrack {
  if (!started) return "Not started";
  if (target === null || target <= 0) return "In progress";
  if (uplift >= target - 1e-9) return "Achieved";
  if (share === null) return "In progress";
  if (ended) return "Behind";
  return uplift >= target * share - 1e-9 ? "On track" : "Behind";
}

/** Net revenue of a subject's chosen SKUs (all SKUs when `skus` is null) in (from, to]. */
export function skuRevenueIn(
  s: Subject,
  skus: ReadonlySet<number> | null,
  from: Serial,
  to: Serial
): number {
  const { f, u } = s;
  let rev = 0;
  if (to <= from) return 0;
  for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
    if (skus && !skus.has(f.pairSku[p])) continue;
    for (let e = f.entStart[p]; e < f.entStart[p + 1]; e++) {
      const d = f.entDate[e];
      if (d > to) break;
      if (d > from) rev += stepsOf(s, f.entRev[e]);
    }
  }
  // summed in whole money steps: exact
  return moneyOf(s, rev);
}

/** Finds the portfolio row of an initiative's account: by id, then id or name ignoring case (largest 12-month revenue when several currencies). */
function rowFor(accounts: readonly AccountAnalysis[], account: string): number {
  const want = account.trim().toLowerCase();
  let best = -1;
  for (const pass of [0, 1, 2]) {
    accounts.forEach((a, i) => {
      const hit =
        pass === 0
          ? a.accountId === account.trim()
          : pass === 1
            ? a.accountId.toLowerCase() === want
            : a.name.trim().toLowerCase() === want;
      if (hit && (best < 0 || a.revenueLast12 > accounts[best].revenueLast12)) best = i;
    });
    if (best >= 0) return best;
  }
  return -1;
}

/** Tracks every initiative of the user's table as of the portfolio's date. */
export function trackInitiatives(
  book: OrderBook,
  accounts: readonly AccountAnalysis[],
  internal: Pick<Internal, "states">,
  records: readonly InitiativeRecord[],
  asOf: Serial
): InitiativeProgress[] {
  const catByName = new Map<string, number>();
  book.categories.forEach((c, i) => catByName.set(c.trim().toLowerCase(), i));
  const skuByCode = new Map<string, number>();
  book.skus.forEach((s, i) => skuByCode.set(s.trim().toLowerCase(), i));

  return records.map((r) => {
    const idx = rowFor(accounts, r.account);
    const a = idx >= 0 ? accounts[idx] : undefined;
    const base: InitiativeProgress = {
      row: r.row ?? null,
      initiative: r.initiative,
      type: initiativeTypeOf(r.initiative, r.type),
      account: r.account,
      accountId: a?.accountId ?? null,
      key: a?.key ?? null,
      name: a?.name ?? null,
      currency: a?.currency ?? "",
      categories: r.categories,
      skus: r.skus,
      target: r.target ?? null,
      start: r.start ?? null,
      end: r.end ?? null,
      owner: r.owner ?? null,
      status: r.status ?? null,
      cancelled: r.status !== undefined && CANCELLED.test(r.status),
      actual: 0,
      baseline: 0,
      uplift: 0,
      progress: null,
      elapsedShare: null,
      expectedByNow: null,
      track: "Not tracked",
      note: null,
    };
    if (!a) return { ...base, note: `Account "${r.account}" is not in the order lines.` };
    if (r.start === undefined) return { ...base, note: "No start date: give one to track it." };

    // The SKUs it sells: listed SKUs and every SKU of its categories.
    const missing: string[] = [];
    let skus: Set<number> | null = null;
    if (r.categories.length || r.skus.length) {
      skus = new Set<number>();
      const cats = new Set<number>();
      for (const c of r.categories) {
        const k = catByName.get(c.trim().toLowerCase());
        if (k === undefined) missing.push(`category "${c}"`);
        else cats.add(k);
      }
      for (const code of r.skus) {
        const k = skuByCode.get(code.trim().toLowerCase());
        if (k === undefined) missing.push(`SKU "${code}"`);
        else skus.add(k);
      }
      book.skuCategory.forEach((c, k) => {
        if (cats.has(c)) skus!.add(k);
      });
    }
    const note = missing.length ? `Not in the order lines: ${missing.join(", ")}.` : null;
    if (skus && skus.size === 0) return { ...base, note };

    const s = internal.states[idx].s;
    const start = r.start;
    const started = asOf >= start;
    const stop = r.end === undefined ? asOf : Math.min(r.end, asOf);
    const days = started ? stop - start + 1 : 0;
    const actual = started ? skuRevenueIn(s, skus, start - 1, stop) : 0;
    const baseline = started ? skuRevenueIn(s, skus, start - 1 - days, start - 1) : 0;
    // money, written to the minor unit: 300.49 − 77.52 is 222.97, not 222.97000000000003
    const uplift = roundMoney(actual - baseline, a.currency);
    const target = r.target !== undefined && r.target > 0 ? r.target : null;
    const share =
      r.end === undefined ? null : started ? Math.min(1, days / (r.end - start + 1)) : 0;
    return {
      ...base,
      actual,
      baseline,
      uplift,
      progress: target === null ? null : uplift / target,
      elapsedShare: share,
      expectedByNow:
        target === null || share === null ? null : roundMoney(target * share, a.currency),
      track: track(uplift, target, share, started, r.end !== undefined && asOf > r.end),
      note,
    };
  });
}

/**
 * Initiative Progress for the dashboard: per currency, one row per initiative type and a total,
 * over tracked initiatives that are started or planned (cancelled and untracked ones left out).
 * Targets and expected-to-date add up over the initiatives with a target.
 */
export function initiativeRollup(progress: readonly InitiativeProgress[]): InitiativeRollupRow[] {
  const live = progress.filter((p) => !p.cancelled && p.track !== "Not tracked");
  const out: InitiativeRollupRow[] = [];
  const currencies = [...new Set(live.map((p) => p.currency))].sort();
  for (const currency of currencies) {
    const mine = live.filter((p) => p.currency === currency);
    const groups: [InitiativeType | "Total", InitiativeProgress[]][] = [];
    for (const t of [...INITIATIVE_TYPES.map((x) => x.type), "Other" as const]) {
      const g = mine.filter((p) => p.type === t);
      if (g.length) groups.push([t, g]);
    }
    groups.push(["Total", mine]);
    for (const [type, g] of groups) {
      const withTarget = g.filter((p) => p.target !== null);
      const target = withTarget.reduce((t, p) => t + (p.target ?? 0), 0);
      const uplift = g.reduce((t, p) => t + p.uplift, 0);
      const upliftT = withTarget.reduce((t, p) => t + p.uplift, 0);
      const expected = withTarget.reduce((t, p) => t + (p.expectedByNow ?? 0), 0);
      const started = g.some((p) => p.track !== "Not started");
      const anyEnd = withTarget.some((p) => p.elapsedShare !== null);
      let tr: InitiativeTrack;
      if (!started) tr = "Not started";
      else if (target <= 0) tr = "In progress";
      else if (upliftT >= target - 1e-9) tr = "Achieved";
      else if (!anyEnd) tr = "In progress";
      else tr = upliftT >= expected - 1e-9 ? "On track" : "Behind";
      // sums of money, written to the minor unit as each initiative's figures are
      const cash = (x: number) => roundMoney(x, currency);
      out.push({
        currency,
        type,
        count: g.length,
        accounts: [...new Set(g.map((p) => p.name ?? p.account))],
        target: cash(target),
        actual: cash(g.reduce((t, p) => t + p.actual, 0)),
        uplift: cash(uplift),
        expectedByNow: cash(expected),
        progress: target > 0 ? upliftT / target : null,
        track: tr,
      });
    }
  }
  return out;
}

/** One proposed row for the user's Initiatives table (KAP adds these on request; never over the user's rows). */
export interface ProposedInitiativeRow {
  account: string;
  initiative: string;
  type: InitiativeType;
  categories: string[];
  skus: string[];
  target: number | null;
  start: Serial;
  end: Serial;
  owner: string;
  status: "Proposed";
}

/**
 * The account plan's initiatives as rows for the Initiatives table, leaving out any the table
 * already has for the account (same initiative text, ignoring case and spacing). Start = the day
 * after the as-of date; end = start + PROPOSAL_MONTHS of its type − 1 day; target = the estimate,
 * rounded to whole money; owner = the account manager.
 */
export function proposedInitiativeRows(
  account: AccountAnalysis,
  plan: Pick<AccountPlan, "initiatives">,
  existing: readonly InitiativeRecord[],
  asOf: Serial
): ProposedInitiativeRow[] {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
  const have = new Set(
    existing
      .filter(
        (r) => norm(r.account) === norm(account.accountId) || norm(r.account) === norm(account.name)
      )
      .map((r) => norm(r.initiative))
  );
  const start = asOf + 1;
  const out: ProposedInitiativeRow[] = [];
  for (const i of plan.initiatives) {
    if (have.has(norm(i.title))) continue;
    have.add(norm(i.title));
    out.push({
      account: account.accountId,
      initiative: i.title,
      type: i.type,
      categories: i.categories,
      skus: i.skus,
      target: i.estimate === null ? null : Math.round(i.estimate),
      start,
      end: edate(start, PROPOSAL_MONTHS[i.type]) - 1,
      owner: account.accountManager ?? "Account manager",
      status: "Proposed",
    });
  }
  return out;
}
