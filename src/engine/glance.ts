/** Domain results → the plain shapes the task pane shows (src/engine/contract.ts). */
import type { AccountAnalysis, CurrencyLifetimeModel, HealthPoint } from "../domain/analysis/types";
import { factorBasis, factorSourceText } from "../domain/analysis/basis";
import { FACTOR_LABELS, FACTORS, type Factor } from "../domain/rules";
import { serialToIso } from "../domain/dates";
import { isSharedSymbol } from "../domain/currency";
import type { Serial } from "../domain/types";
import type { AccountGlance, AccountListItem } from "./contract";

/** The input behind each factor, in words a person can check (domain/analysis/basis.ts). */
export function factorInput(a: AccountAnalysis, f: Factor, culture?: string): string {
  return factorBasis(a.health.inputs, f, undefined, culture);
}

/**
 * `defaultCurrency`: the currency of lines naming none, the analysis' own (engine.unnamedCurrency; '' = none);
 * `culture`: the workbook's, the factor inputs' figures follow it ("9,3 days"); none: en-GB.
 */
export function toGlance(
  a: AccountAnalysis,
  defaultCurrency: string,
  model?: CurrencyLifetimeModel,
  culture?: string
): AccountGlance {
  const l = a.lifetime;
  return {
    id: a.key,
    name: a.name,
    score: a.health.score,
    band: a.health.finalBand,
    override:
      a.health.isOverride && a.health.override
        ? `Band set by hand: ${a.health.override.reason}`
        : undefined,
    factors: FACTORS.map((f) => ({
      factor: f,
      label: FACTOR_LABELS[f],
      score: a.health.factors[f],
      input: factorInput(a, f, culture),
      source: factorSourceText(a.health.inputs, f, culture),
    })),
    used: a.health.used.map((f) => FACTOR_LABELS[f]),
    quadrant: a.quadrant.quadrant,
    abc: a.abcTier ?? "C",
    winBack: a.winBack && a.winBack.stage > 0 ? `${a.winBack.name}: ${a.winBack.action}` : "None",
    alerts: a.alerts.map((x) => ({ severity: x.severity, message: x.message })),
    revenue12m: a.revenueLast12,
    // as the engine names it: an ISO code, or a shared symbol as the data wrote it ("kr", not "KR")
    currency: glanceCurrency(a.currency || defaultCurrency),
    daysSinceLastOrder: a.health.inputs.daysSinceLastOrder,
    history: a.history.map((h) => historyPoint(h, a.health.inputs.firstOrderDate)),
    lifetime:
      l && l.expectedOrders12m !== null
        ? {
            pAlive: l.pAlive,
            expectedRevenue12m: l.expectedRevenue12m,
            reliable: model?.reliable ?? false,
            warning: model?.warning ?? null,
          }
        : undefined,
  };
}

/**
 * One month of the pane's health trend; a month-end before the first order is marked so the pane
 * says "not yet a customer" rather than "n/a" (it has no score: portfolio.ts's history).
 */
function historyPoint(h: HealthPoint, firstOrder: Serial | null): AccountGlance["history"][number] {
  const date = serialToIso(h.date);
  return h.score === null && firstOrder !== null && h.date < firstOrder
    ? { date, score: null, beforeFirstOrder: true }
    : { date, score: h.score };
}

export function toListItem(a: AccountAnalysis): AccountListItem {
  return {
    id: a.key,
    name: a.name,
    band: a.health.finalBand,
    score: a.health.score,
    revenue12m: a.revenueLast12,
  };
}

/** An ISO code in capitals; a shared symbol as the data wrote it ("kr", never "KR"). */
function glanceCurrency(c: string): string {
  return isSharedSymbol(c) ? c : c.toUpperCase();
}
