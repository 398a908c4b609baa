/** Domain results → the plain shapes the task pane shows (src/engine/contract.ts). */
import type { AccountAnalysis, CurrencyLifetimeModel } from '../domain/analysis/types';
import { CHANGE_TEXT, FACTOR_LABELS, FACTORS, type Factor } from '../domain/rules';
import type { Change } from '../domain/numbers';
import type { AccountGlance, AccountListItem } from './contract';

function changeText(c: Change, unit: string): string {
  if (c.kind === 'pct') return `${c.pct > 0 ? '+' : ''}${c.pct}% ${unit}`;
  return { na: 'too little history (n/a)', inf: 'none before, orders now', none: 'none in either period' }[c.kind] ?? CHANGE_TEXT[c.kind];
}

/** The input behind each factor, in words a person can check. */
export function factorInput(a: AccountAnalysis, f: Factor): string {
  const i = a.health.inputs;
  switch (f) {
    case 'recency':
      return i.daysSinceLastOrder === null ? 'never ordered' : `${i.daysSinceLastOrder} days since last order`;
    case 'frequency':
      return `${i.ordersLastQuarter} orders last quarter vs ${i.ordersPreviousQuarter} before: ${changeText(i.ordersChange, '')}`.trim();
    case 'revenue':
      return `12-month revenue ${changeText(i.revenueChange, 'vs prior 12 months')}`;
    case 'diversity':
      return i.categoriesLast12 === null ? `no categories in the data; ${i.productsLast12} products in 12 months` : `${i.categoriesLast12} categories, ${i.productsLast12} products in 12 months`;
    case 'engagement':
      return i.engagement === null ? 'not given' : `${i.engagement} of 5`;
    case 'payment':
      return i.daysBeyondTerms === null ? 'not given' : `${i.daysBeyondTerms} days beyond terms on average`;
  }
}

/** `defaultCurrency`: the ISO code of lines that have no currency column ('' = not known). */
export function toGlance(a: AccountAnalysis, defaultCurrency = 'GBP', model?: CurrencyLifetimeModel): AccountGlance {
  const l = a.lifetime;
  return {
    id: a.key,
    name: a.name,
    score: a.health.score,
    band: a.health.finalBand,
    override: a.health.isOverride && a.health.override ? `Band set by hand: ${a.health.override.reason}` : undefined,
    factors: FACTORS.map((f) => ({ factor: f, label: FACTOR_LABELS[f], score: a.health.factors[f], input: factorInput(a, f) })),
    used: a.health.used.map((f) => FACTOR_LABELS[f]),
    quadrant: a.quadrant.quadrant,
    abc: a.abcTier ?? 'C',
    winBack: a.winBack && a.winBack.stage > 0 ? `${a.winBack.name}: ${a.winBack.action}` : 'None',
    alerts: a.alerts.map((x) => ({ severity: x.severity, message: x.message })),
    revenue12m: a.revenueLast12,
    currency: (a.currency || defaultCurrency).toUpperCase(),
    daysSinceLastOrder: a.health.inputs.daysSinceLastOrder,
    lifetime: l && l.expectedOrders12m !== null ? { pAlive: l.pAlive, expectedRevenue12m: l.expectedRevenue12m, reliable: model?.reliable ?? false } : undefined,
  };
}

export function toListItem(a: AccountAnalysis): AccountListItem {
  return { id: a.key, name: a.name, band: a.health.finalBand, score: a.health.score, revenue12m: a.revenueLast12 };
}
