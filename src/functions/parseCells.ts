/**
 * Cell → domain input for the health factors. Each returns the factor score (1–5), null for
 * n/a (blank), or throws ArgError naming the argument. Kept apart from functions.ts so the
 * metadata plugin sees only the registered functions there.
 */
import { diversityScore, frequencyScore, paymentScore, parseEngagement, recencyScore, revenueScore } from '../domain/health';
import type { Change } from '../domain/numbers';
import { ArgError } from './errors';
import { type Cell, isBlank, toNumber } from './args';

export function recencyCell(v: Cell): number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string' && /^\s*never\s*$/i.test(v)) return recencyScore(null);
  const n = toNumber(v);
  if (n === undefined) throw new ArgError(`daysSinceLastOrder: "${String(v)}" is not a number of days.`);
  if (n < 0) throw new ArgError(`daysSinceLastOrder: ${n} is negative; the last order cannot be after the as-of date.`);
  return recencyScore(n);
}

const CHANGE_WORDS: Record<string, Change> = {
  'n/a': { kind: 'na' },
  na: { kind: 'na' },
  new: { kind: 'na' },
  lapsed: { kind: 'inf' },
  returned: { kind: 'inf' },
  back: { kind: 'inf' },
  inf: { kind: 'inf' },
  '∞': { kind: 'inf' },
  '+∞': { kind: 'inf' },
  none: { kind: 'none' },
};

/** % change as Excel holds a percentage (0.2 = +20%), or a word: "new"/"n/a" (too little history), "lapsed" (+∞), "none" (both periods empty). */
export function changeCell(v: Cell, argName: string): Change | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const w = CHANGE_WORDS[v.trim().toLowerCase()];
    if (w) return w;
  }
  const n = toNumber(v);
  if (n === undefined) throw new ArgError(`${argName}: "${String(v)}" is not a % change (use e.g. 20% or 0.2, or "new", "lapsed", "none").`);
  return { kind: 'pct', pct: n * 100 };
}

export function frequencyCell(v: Cell): number | null {
  const c = changeCell(v, 'frequencyChange');
  return c === null ? null : frequencyScore(c);
}

export function revenueCell(v: Cell): number | null {
  const c = changeCell(v, 'revenueChange');
  return c === null ? null : revenueScore(c);
}

export function diversityCell(v: Cell): number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'string' && /^\s*(1\s*\(\s*one product( only)?\s*\)|one product( only)?)\s*$/i.test(v)) return diversityScore(1, 1);
  const n = toNumber(v);
  if (n === undefined || n < 0) throw new ArgError(`categories: "${String(v)}" is not a count of categories (0 or more).`);
  return diversityScore(n);
}

/** 0 is how desktop Excel passes a blank cell: engagement has no 0, so it is blank too. */
export function engagementCell(v: Cell): number | null {
  if (isBlank(v) || v === 0) return null;
  const e = parseEngagement(typeof v === 'number' ? v : String(v));
  if (e === undefined) throw new ArgError(`engagement: "${String(v)}" is not 1–5 or a known label (e.g. "Responds within 24 hours").`);
  return e;
}

export function paymentCell(v: Cell): number | null {
  if (isBlank(v)) return null;
  const n = toNumber(v);
  if (n === undefined) throw new ArgError(`paymentDays: "${String(v)}" is not a number of days beyond terms.`);
  return paymentScore(n);
}
