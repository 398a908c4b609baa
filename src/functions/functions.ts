/* eslint-disable @typescript-eslint/no-explicit-any --
   custom-functions-metadata-plugin reads these TypeScript types: `any[][]` is Excel's
   "any value, any shape", which lets one formula take a cell or a whole column. */
/**
 * The KAP worksheet functions (namespace KAP). Only the top-level functions tagged
 * @customfunction are registered; custom-functions-metadata-plugin builds functions.json
 * from these comments and appends CustomFunctions.associate at build time.
 * Each is a thin wrapper: the rules live in src/domain.
 */
import { bandOf, combineHealth, normaliseWeights, weightedScore, weightsArray, WeightsError } from '../domain/health';
import { DEFAULT_WEIGHTS, FACTOR_LABELS, FACTORS, type Factor } from '../domain/rules';
import { defaultPotentialCut, quadrantOf } from '../domain/quadrant';
import { fiveP as fivePRule, FivePError } from '../domain/fivep';
import { winBackStage } from '../domain/winback';
import { discountRate, type DiscountTier } from '../domain/discount';
import { seasonality as seasonalityRule } from '../domain/seasonality';
import { reorderDays as reorderRule } from '../domain/reorder';
import { roundHalfAwayFromZero } from '../domain/numbers';
import type { FactorScores, Weights } from '../domain/health';
import { ArgError, guard, kapError, type KapError } from './errors';
import { asColumn, at, commonHeight, isBlank, numbersOf, optionalNumber, toNumber, type Cell } from './args';
import { diversityCell, engagementCell, frequencyCell, paymentCell, recencyCell, revenueCell } from './parseCells';
import { toSerial } from './dateCell';

type Out = (number | string | KapError)[][];

function weightsArg(m: any[][] | null | undefined): Weights {
  if (m === null || m === undefined) return DEFAULT_WEIGHTS;
  const values = numbersOf(m, 'weights');
  if (values.length === 0) return DEFAULT_WEIGHTS;
  try {
    return normaliseWeights(values);
  } catch (e) {
    if (e instanceof WeightsError) throw new ArgError(e.message);
    throw e;
  }
}

const ROW_ARGS = ['daysSinceLastOrder', 'frequencyChange', 'revenueChange', 'categories', 'engagement', 'paymentDays'];
const ROW_PARSERS = [recencyCell, frequencyCell, revenueCell, diversityCell, engagementCell, paymentCell];

/** An empty cell as Excel passes it: null/"" on the web, 0 on desktop. */
const emptyCell = (v: Cell): boolean => v === 0 || isBlank(v);

/**
 * Scores each row's six factors (FACTORS order); a row with bad input gets its own #VALUE! and the others still score.
 * A row whose six cells are all empty (desktop passes them as 0) is a blank row, not a score of zeros.
 */
function scoreRows(args: any[][][], each: (scores: (number | null)[]) => (number | string | KapError)[]): Out {
  const cols = args.map((a, i) => asColumn(a ?? null, ROW_ARGS[i]));
  const n = commonHeight(cols.map((values, i) => ({ name: ROW_ARGS[i], values })));
  const out: Out = new Array(n);
  const scores: (number | null)[] = [null, null, null, null, null, null];
  for (let i = 0; i < n; i++) {
    let empty = true;
    for (let k = 0; k < 6 && empty; k++) empty = emptyCell(cols[k].length === 1 ? cols[k][0] : cols[k][i]);
    if (empty) {
      out[i] = [''];
      continue;
    }
    try {
      for (let k = 0; k < 6; k++) {
        const c = cols[k];
        scores[k] = ROW_PARSERS[k](c.length === 1 ? c[0] : c[i]);
      }
      out[i] = each(scores);
    } catch (e) {
      if (!(e instanceof ArgError)) throw e;
      out[i] = [kapError(e.code, e.message)];
    }
  }
  return out;
}

/**
 * Account health score, 1–5 (2 decimals), from the six factors of the KAP method: Recency 25%, Frequency 20%, Revenue 20%, Diversity 15%, Engagement 10%, Payment 10%. Blank inputs are n/a and the other weights are scaled up. Works on one row or whole columns.
 * @customfunction HEALTH
 * @param daysSinceLastOrder Whole days since the last order (0 = today); "never" if it never ordered; blank = no data.
 * @param frequencyChange % change in orders, last quarter vs the quarter before (e.g. 20% or 0.2); "new" = too little history, "lapsed" = none before but orders now, "none" = no orders in either.
 * @param revenueChange % change in revenue, last 12 months vs the prior 12 (e.g. -15%); same words as frequencyChange.
 * @param categories Number of product categories bought in the last 12 months; "1 (one product)" when the account bought a single product.
 * @param engagement Response to outreach: 1–5 or a label such as "Proactively reaches out", "Responds within 24 hours", "Responds within 3 days", "Responds eventually", "Rarely responds".
 * @param paymentDays Average days paid beyond terms (negative = early, 0 = on time).
 * @param [weights] Optional six weights in factor order (Recency, Frequency, Revenue, Diversity, Engagement, Payment) that add to 100%.
 * @returns The health score, or a column of scores.
 */
export function health(daysSinceLastOrder: any[][], frequencyChange: any[][], revenueChange: any[][], categories: any[][], engagement: any[][], paymentDays: any[][], weights?: any[][]): any[][] {
  return guard(() =>
    scoreRows([daysSinceLastOrder, frequencyChange, revenueChange, categories, engagement, paymentDays], ((w) => (scores) => {
      const score = weightedScore(scores, w);
      return [score === null ? kapError('notAvailable', 'No factor has data: give at least one input.') : score];
    })(weightsArray(weightsArg(weights)))),
  );
}

/**
 * The six factor scores (1–5, "n/a" when left out) behind KAP.HEALTH, then the factors used, spilled across seven columns so a score explains itself.
 * @customfunction HEALTHFACTORS
 * @param daysSinceLastOrder Whole days since the last order; "never" if it never ordered; blank = no data.
 * @param frequencyChange % change in orders, last quarter vs the quarter before; "new", "lapsed" or "none" also accepted.
 * @param revenueChange % change in revenue, last 12 months vs the prior 12; "new", "lapsed" or "none" also accepted.
 * @param categories Number of product categories bought in the last 12 months.
 * @param engagement 1–5 or a label such as "Responds within 24 hours".
 * @param paymentDays Average days paid beyond terms (negative = early).
 * @param [weights] Optional six weights adding to 100%; only factors with a weight above 0 count as used.
 * @returns Recency, Frequency, Revenue, Diversity, Engagement, Payment scores and the list of factors used.
 */
export function healthFactors(daysSinceLastOrder: any[][], frequencyChange: any[][], revenueChange: any[][], categories: any[][], engagement: any[][], paymentDays: any[][], weights?: any[][]): any[][] {
  return guard(() => {
    const w = weightsArg(weights);
    const rows = scoreRows([daysSinceLastOrder, frequencyChange, revenueChange, categories, engagement, paymentDays], (scores) => {
      const f = {} as FactorScores;
      FACTORS.forEach((k, i) => (f[k] = scores[i]));
      const r = combineHealth(f, w);
      const used = r.used.length ? `Used: ${r.used.map((k: Factor) => FACTOR_LABELS[k]).join(', ')}` : 'Used: none';
      return [...FACTORS.map((k) => f[k] ?? 'n/a'), used];
    });
    // Rows that failed hold one error: widen them so the spill stays rectangular.
    return rows.map((r) => (r.length === 1 ? Array.from({ length: 7 }, () => r[0]) : r));
  });
}

/**
 * Health band of a score: Healthy (4.00+), Stable (3.00–3.99), At Risk (2.00–2.99), Critical (below 2.00). The score is rounded to 2 decimals first.
 * @customfunction BAND
 * @param score A health score from 1 to 5, or a column of them.
 * @returns "Healthy", "Stable", "At Risk" or "Critical".
 */
export function band(score: any[][]): any[][] {
  return guard(() =>
    asColumn(score, 'score').map((v) => {
      if (emptyCell(v)) return [''];
      const n = toNumber(v);
      if (n === undefined || n < 1 || n > 5) return [kapError('invalidValue', `score: "${String(v)}" is not a health score from 1 to 5.`)];
      return [bandOf(n)];
    }),
  );
}

/**
 * Account quadrant from engagement and potential: Key (high, high), Maintenance (high engagement, low potential), Growth Potential (low engagement, high potential), Service (low, low). High means at or above the cut.
 * @customfunction QUADRANT
 * @param engagement Engagement 1–5 (or a label such as "Responds within 24 hours").
 * @param potential Potential 1–5, or money (such as whitespace £).
 * @param [engagementCut] Engagement at or above this is high (default 3).
 * @param [potentialCut] Potential at or above this is high (default 3 on a 1–5 scale; for money, the median of the potentials given).
 * @returns The quadrant name.
 */
export function quadrant(engagement: any[][], potential: any[][], engagementCut?: any[][], potentialCut?: any[][]): any[][] {
  return guard(() => {
    const e = asColumn(engagement, 'engagement');
    const p = asColumn(potential, 'potential');
    const n = commonHeight([
      { name: 'engagement', values: e },
      { name: 'potential', values: p },
    ]);
    const eCut = optionalNumber(engagementCut, 'engagementCut') ?? 3;
    const pots = p.map((v) => toNumber(v)).filter((v): v is number => v !== undefined);
    const pCut = optionalNumber(potentialCut, 'potentialCut') ?? defaultPotentialCut(pots);
    const out: Out = [];
    for (let i = 0; i < n; i++) {
      const ev = at(e, i);
      const pv = at(p, i);
      if (isBlank(ev) || isBlank(pv)) {
        out.push(['']);
        continue;
      }
      let en: number | null;
      try {
        en = engagementCell(ev);
      } catch (err) {
        out.push([kapError('invalidValue', (err as Error).message)]);
        continue;
      }
      // 0 is how desktop Excel passes a blank engagement cell: a blank row, not a potential error.
      if (en === null) {
        out.push(['']);
        continue;
      }
      const pn = toNumber(pv);
      if (pn === undefined) {
        out.push([kapError('invalidValue', `potential: "${String(pv)}" is not a number.`)]);
        continue;
      }
      out.push([quadrantOf(en, pn, eCut, pCut)]);
    }
    return out;
  });
}

/**
 * 5P score of a person in the decision-making unit: Power + Perception + Priority + Promoter + Pliability (each 1–5), times their weight (1–5) when given.
 * @customfunction FIVEP
 * @param power Power to decide or block, 1–5.
 * @param perception How they perceive us, 1–5.
 * @param priority How high a priority this is for them, 1–5.
 * @param promoter How much they promote us, 1–5.
 * @param pliability How open they are to change, 1–5.
 * @param [weight] Weight of the person, 1–5 (default 1: the plain total).
 * @returns The weighted total (5–125), or the total (5–25) without a weight.
 */
export function fiveP(power: any[][], perception: any[][], priority: any[][], promoter: any[][], pliability: any[][], weight?: any[][]): any[][] {
  return guard(() => {
    const names = ['power', 'perception', 'priority', 'promoter', 'pliability', 'weight'];
    const raw = [power, perception, priority, promoter, pliability, weight ?? null];
    const cols = raw.map((a, i) => ({ name: names[i], values: asColumn(a, names[i]) }));
    const n = commonHeight(cols);
    const out: Out = [];
    for (let i = 0; i < n; i++) {
      const vals = cols.map((c) => at(c.values, i));
      if (vals.slice(0, 5).every(emptyCell)) {
        out.push(['']);
        continue;
      }
      const nums = vals.map((v, k) => (k === 5 && emptyCell(v) ? 1 : toNumber(v)));
      const bad = nums.findIndex((x) => x === undefined);
      if (bad >= 0) {
        out.push([kapError('invalidValue', `${names[bad]}: "${String(vals[bad] ?? '')}" is not a score from 1 to 5.`)]);
        continue;
      }
      try {
        const [pw, pe, pr, pm, pl, w] = nums as number[];
        out.push([fivePRule({ power: pw, perception: pe, priority: pr, promoter: pm, pliability: pl, weight: w }).weighted]);
      } catch (e) {
        if (e instanceof FivePError) out.push([kapError('invalidValue', e.message)]);
        else throw e;
      }
    }
    return out;
  });
}

/**
 * Win-back stage from days since the last order: 30–44 Stage 1 Early warning, 45–59 Stage 2 Active concern, 60+ Stage 3 Critical, otherwise None.
 * @customfunction WINBACK
 * @param daysSinceLastOrder Whole days since the last order, one cell or a column.
 * @returns The stage name, e.g. "Stage 2 – Active concern".
 */
export function winBack(daysSinceLastOrder: any[][]): any[][] {
  return guard(() =>
    asColumn(daysSinceLastOrder, 'daysSinceLastOrder').map((v) => {
      if (isBlank(v)) return [''];
      const n = toNumber(v);
      if (n === undefined || n < 0) return [kapError('invalidValue', `daysSinceLastOrder: "${String(v)}" is not a number of days (0 or more).`)];
      return [winBackStage(n).name];
    }),
  );
}

/**
 * Bulk order discount for an order value: £250–499 3%, £500–999 5%, £1,000–2,499 8%, £2,500+ 10%, otherwise 0%.
 * @customfunction DISCOUNT
 * @param orderValue Order value, one cell or a column.
 * @param [tiers] Optional two-column table of your own tiers: minimum order value | discount rate.
 * @returns The discount rate (format the cell as %).
 */
export function discount(orderValue: any[][], tiers?: any[][]): any[][] {
  return guard(() => {
    let custom: DiscountTier[] | undefined;
    if (tiers && !(tiers.length === 1 && tiers[0].length === 1 && isBlank(tiers[0][0]))) {
      custom = tiers
        .filter((r) => !r.every(isBlank))
        .map((r) => {
          if (r.length < 2) throw new ArgError('tiers must have two columns: minimum order value and discount rate.');
          const min = toNumber(r[0]);
          const rate = toNumber(r[1]);
          if (min === undefined || rate === undefined || rate < 0 || rate > 1) throw new ArgError(`tiers: row "${String(r[0])} | ${String(r[1])}" needs a minimum value and a rate between 0% and 100%.`);
          return { min, rate };
        });
    }
    return asColumn(orderValue, 'orderValue').map((v) => {
      if (isBlank(v)) return [''];
      const n = toNumber(v);
      if (n === undefined) return [kapError('invalidValue', `orderValue: "${String(v)}" is not an amount.`)];
      return [discountRate(n, custom)];
    });
  });
}

/**
 * Seasonality index by calendar month (January to December, spilled down 12 rows): each month's revenue over the full months in the data, averaged across years, divided by the mean month, times 100.
 * @customfunction SEASONALITY
 * @param orderDates Column of order dates.
 * @param revenue Column of revenue, the same height as orderDates.
 * @param [asOf] Last day to count (default: the last order date); only whole calendar months count.
 * @returns Twelve indices, January first; blank where a month has no full-month data.
 */
export function seasonality(orderDates: any[][], revenue: any[][], asOf?: any[][]): any[][] {
  return guard(() => {
    const d = asColumn(orderDates, 'orderDates');
    const r = asColumn(revenue, 'revenue');
    if (d.length !== r.length) throw new ArgError(`orderDates has ${d.length} rows and revenue ${r.length}; give ranges of the same height.`);
    const points: { date: number; value: number }[] = [];
    for (let i = 0; i < d.length; i++) {
      if (emptyCell(d[i]) && emptyCell(r[i])) continue;
      const date = toSerial(d[i], 'orderDates');
      const value = toNumber(r[i]);
      if (value === undefined) throw new ArgError(`revenue: "${String(r[i])}" in row ${i + 1} is not an amount.`);
      points.push({ date, value });
    }
    const end = asOf === null || asOf === undefined ? undefined : asColumn(asOf, 'asOf')[0];
    const res = seasonalityRule(points, end === undefined || isBlank(end) ? undefined : toSerial(end, 'asOf'));
    if (res.firstMonth === null) throw new ArgError('No full calendar month of data: give at least one whole month of orders.', 'notAvailable');
    return res.index.map((x) => [x === null ? '' : roundHalfAwayFromZero(x, 1)]);
  });
}

/**
 * Reorder period: the median number of days between consecutive orders. With a products column, each row gets the reorder period of its own product (a column the same height).
 * @customfunction REORDERDAYS
 * @param orderDates Column of order dates.
 * @param [products] Optional column of SKUs or product names, the same height as orderDates.
 * @returns Median days between orders; #N/A under two orders.
 */
export function reorderDays(orderDates: any[][], products?: any[][]): any[][] {
  return guard(() => {
    const d = asColumn(orderDates, 'orderDates');
    const serials: (number | null)[] = d.map((v) => (emptyCell(v) ? null : toSerial(v, 'orderDates')));
    const noneGiven = products === null || products === undefined || (products.length === 1 && products[0].length === 1 && isBlank(products[0][0]));
    const under2 = () => kapError('notAvailable', 'Needs at least two orders on different days.');
    if (noneGiven) {
      const r = reorderRule(serials.filter((s): s is number => s !== null));
      return [[r === undefined ? under2() : r]];
    }
    const p = asColumn(products, 'products');
    if (p.length !== d.length) throw new ArgError(`products has ${p.length} rows and orderDates ${d.length}; give ranges of the same height.`);
    const byProduct = new Map<string, number[]>();
    p.forEach((v, i) => {
      const s = serials[i];
      if (emptyCell(v) || s === null) return;
      const key = String(v).trim().toLowerCase();
      const list = byProduct.get(key);
      if (list) list.push(s);
      else byProduct.set(key, [s]);
    });
    const period = new Map<string, number | undefined>();
    for (const [k, dates] of byProduct) period.set(k, reorderRule(dates));
    return p.map((v: Cell) => {
      if (emptyCell(v)) return [''];
      const r = period.get(String(v).trim().toLowerCase());
      return [r === undefined ? under2() : r];
    });
  });
}
