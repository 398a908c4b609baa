/**
 * Lifetime value in the portfolio (RULES.md §2.7a): every row's repeat summary at the as-of
 * date, the BG/NBD and Gamma-Gamma models fitted per currency on the top-level rows (each
 * customer once; children are inside their parents), every row scored with its currency's model,
 * and the dashboard's two views built on them.
 *
 * - Value × health: top-level accounts with a CLV, in thirds by CLV within their currency; the
 *   high tier first, then the least healthy band (Critical, At Risk, Stable, Healthy, none), then
 *   the most CLV — "worth most and least healthy first": the ones to protect.
 * - Silent churn: top-level accounts whose 24-month revenue is in the top quarter of their
 *   currency (fewer than SILENT_CHURN_TOP_SHARE of them have more), whose P(alive) is below SILENT_CHURN_P_ALIVE, and on
 *   which no Critical or Warning alert has fired; most 24-month revenue first.
 */
import type { HealthBand, Serial } from "../types";
import {
  type ClvOptions,
  clvOptions,
  fitLifetimeModel,
  type HoldoutCheck,
  holdoutCheck,
  lifetimeScorer,
  type LifetimeScore,
  type RepeatSummary,
  repeatSummary,
} from "./clv";
import type { PortfolioModel } from "./portfolio";
import type { Subject } from "./subject";
import type {
  AccountAnalysis,
  CurrencyLifetimeModel,
  SilentChurnRow,
  ValueHealthRow,
} from "./types";

import { SILENT_CHURN_P_ALIVE } from "./clvBasics";

export { SILENT_CHURN_P_ALIVE };
/** "High past revenue": fewer than this share of the currency's top-level accounts have more 24-month revenue. */
export const SILENT_CHURN_TOP_SHARE = 0.25;
/** Rows kept in each dashboard view. */
export const VALUE_HEALTH_ROWS = 20;
export const SILENT_CHURN_ROWS = 20;

/** The repeat summary of one analysed row (its own and rolled-up children's purchase orders). */
export function summaryOf(s: Subject, asOf: Serial): RepeatSummary | null {
  const f = s.f;
  return repeatSummary(
    f.ordDate,
    f.ordVal,
    asOf,
    f.ordStart[s.u],
    f.ordStart[s.u + 1],
    f.unitScale[s.u]
  );
}

/**
 * Fits one model per currency on its top-level rows and sets `lifetime` on every row. Returns the
 * models, most fitted accounts first (then by currency).
 */
export function applyLifetime(
  accounts: AccountAnalysis[],
  subjects: readonly Subject[],
  asOf: Serial,
  options: ClvOptions,
  culture?: string
): CurrencyLifetimeModel[] {
  const clv = clvOptions(options);
  const summaries = subjects.map((s) => summaryOf(s, asOf));
  const byCurrency = new Map<string, RepeatSummary[]>();
  accounts.forEach((a, i) => {
    const s = summaries[i];
    if (!a.isTopLevel) return;
    const list = byCurrency.get(a.currency) ?? [];
    if (s) list.push(s);
    byCurrency.set(a.currency, list);
  });
  const models = new Map<string, CurrencyLifetimeModel>();
  const scorers = new Map<string, (s: RepeatSummary) => LifetimeScore>();
  for (const [currency, list] of byCurrency) {
    const m: CurrencyLifetimeModel = { currency, ...fitLifetimeModel(list, culture), ...clv };
    models.set(currency, m);
    scorers.set(currency, lifetimeScorer(m, clv));
  }
  accounts.forEach((a, i) => {
    const s = summaries[i];
    const score = scorers.get(a.currency);
    // each account carries its fit's reliability, so a figure is never read apart from it
    a.lifetime = s && score ? { ...score(s), reliable: models.get(a.currency)!.reliable } : null;
  });
  return [...models.values()].sort(
    (x, y) => y.accounts - x.accounts || (x.currency < y.currency ? -1 : 1)
  );
}

const BAND_RISK: Record<HealthBand, number> = { Critical: 0, "At Risk": 1, Stable: 2, Healthy: 3 };
/** The value tiers by their order in the view (High first). */
const VALUE_TIERS = ["High", "Medium", "Low"] as const;

/** The value × health view (see the file comment). */
export function valueHealthView(accounts: readonly AccountAnalysis[]): ValueHealthRow[] {
  const byCurrency = new Map<string, AccountAnalysis[]>();
  for (const a of accounts) {
    if (!a.isTopLevel || a.lifetime?.clv === null || a.lifetime?.clv === undefined) continue;
    const list = byCurrency.get(a.currency) ?? [];
    list.push(a);
    byCurrency.set(a.currency, list);
  }
  // every candidate in row order with its tier, its band's risk and its CLV; only the rows
  // shown are made (the sorts below order positions by figures read once into arrays: the same
  // comparisons, so the same order, as sorting the rows themselves)
  const candidates: AccountAnalysis[] = [];
  const tier: number[] = [];
  const bandRisk: number[] = [];
  const clv: number[] = [];
  for (const list of byCurrency.values()) {
    const listClv = list.map((a) => a.lifetime!.clv!);
    const byClv = list
      .map((_, i) => i)
      .sort((i, j) => listClv[j] - listClv[i] || (list[i].key < list[j].key ? -1 : 1));
    byClv.forEach((i, k) => {
      const a = list[i];
      const third = (k * 3) / list.length;
      candidates.push(a);
      tier.push(third < 1 ? 0 : third < 2 ? 1 : 2);
      bandRisk.push(a.health.finalBand === null ? 4 : BAND_RISK[a.health.finalBand]);
      clv.push(listClv[i]);
    });
  }
  return candidates
    .map((_, i) => i)
    .sort(
      (i, j) =>
        tier[i] - tier[j] ||
        bandRisk[i] - bandRisk[j] ||
        clv[j] - clv[i] ||
        (candidates[i].key < candidates[j].key ? -1 : 1)
    )
    .slice(0, VALUE_HEALTH_ROWS)
    .map((i) => {
      const a = candidates[i];
      return {
        key: a.key,
        accountId: a.accountId,
        name: a.name,
        currency: a.currency,
        valueTier: VALUE_TIERS[tier[i]],
        clv: a.lifetime!.clv!,
        expectedRevenue12m: a.lifetime!.expectedRevenue12m,
        pAlive: a.lifetime!.pAlive,
        score: a.health.score,
        band: a.health.finalBand,
        reliable: a.lifetime!.reliable,
      };
    });
}

/**
 * The silent-churn list (see the file comment), drawn only from currencies whose lifetime fit is
 * reliable: `unreliable` holds the others' codes, whose P(alive) can be near 0 for an account that
 * ordered days ago (a degenerate fit on a handful of accounts).
 */
export function silentChurnList(
  accounts: readonly AccountAnalysis[],
  unreliable: ReadonlySet<string> = new Set()
): SilentChurnRow[] {
  const past = (a: AccountAnalysis) => a.revenueLast12 + a.revenuePrior12;
  const byCurrency = new Map<string, Float64Array>();
  const lists = new Map<string, number[]>();
  for (const a of accounts) {
    if (!a.isTopLevel) continue;
    const list = lists.get(a.currency);
    if (list) list.push(past(a));
    else lists.set(a.currency, [past(a)]);
  }
  for (const [c, list] of lists) byCurrency.set(c, Float64Array.from(list).sort());
  /** fewer than SILENT_CHURN_TOP_SHARE of the currency's top-level accounts have more */
  const inTopShare = (a: AccountAnalysis): boolean => {
    const sorted = byCurrency.get(a.currency);
    if (!sorted) return false;
    const more = sorted.length - upperIndex(sorted, past(a));
    return more < SILENT_CHURN_TOP_SHARE * sorted.length;
  };
  const rows: SilentChurnRow[] = [];
  for (const a of accounts) {
    const l = a.lifetime;
    if (!a.isTopLevel || !l || l.pAlive === null || l.pAlive >= SILENT_CHURN_P_ALIVE) continue;
    if (unreliable.has(a.currency)) continue;
    const revenue = past(a);
    if (!(revenue > 0 && inTopShare(a))) continue;
    if (a.alerts.some((x) => x.severity === "Critical" || x.severity === "Warning")) continue;
    rows.push({
      key: a.key,
      accountId: a.accountId,
      name: a.name,
      currency: a.currency,
      revenuePast24m: revenue,
      pAlive: l.pAlive,
      daysSinceLastOrder: a.health.inputs.daysSinceLastOrder,
      expectedRevenue12m: l.expectedRevenue12m,
      clv: l.clv,
    });
  }
  rows.sort(
    (x, y) => y.revenuePast24m - x.revenuePast24m || x.pAlive - y.pAlive || (x.key < y.key ? -1 : 1)
  );
  return rows.slice(0, SILENT_CHURN_ROWS);
}

/** Index of the first element > value in a sorted array. */
function upperIndex(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The calibration/holdout check a user runs on their own portfolio: the currency's top-level rows
 * fitted on their orders up to `calibrationEnd`, and their expected repeat orders over
 * (calibrationEnd, as-of] compared with the order days they actually had. Throws a RangeError
 * when the calibration end is not before the as-of date or the fit is impossible.
 */
export function portfolioHoldoutCheck(
  model: PortfolioModel,
  currency: string,
  calibrationEnd: Serial
): HoldoutCheck {
  const { analysis, internal } = model;
  if (!(calibrationEnd < analysis.asOf))
    throw new RangeError("The holdout check needs a calibration end before the as-of date.");
  const top = internal.topByCurrency.get(currency) ?? [];
  const histories = top.map((i) => {
    const { f, u } = internal.states[i].s;
    const from = f.ordStart[u];
    const to = upperBoundOf(f.ordDate, from, f.ordStart[u + 1], analysis.asOf);
    return { dates: f.ordDate.subarray(from, to), values: f.ordVal.subarray(from, to) };
  });
  return holdoutCheck(histories, calibrationEnd, analysis.asOf);
}

function upperBoundOf(a: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
