/**
 * What `kap clv` prints: the lifetime-value models and each account's forward-looking figures,
 * as JSON ({"model":{"bgnbd":{r, alpha, a, b, logLikelihood},"gammaGamma":{p, q, gamma}},
 * "accounts":[{accountId, frequency, recency, T, pAlive, expectedOrders12m, expectedRevenue12m,
 * clv, reliable}]}, with asOf, the CLV settings, reliability and an optional holdout check beside
 * them) or as a readable summary, whose rows from a fit that is not reliable end "not reliable".
 * Time is in weeks; money in the data's currency; pAlive is null for accounts with one order only.
 */
import type { HoldoutCheck, LifetimeModel } from "../domain/analysis/clv";
import { CLV_DEFAULT_DISCOUNT_RATE, CLV_DEFAULT_HORIZON_MONTHS } from "../domain/analysis/clv";
import type { AccountAnalysis } from "../domain/analysis/types";
import { serialToIso } from "../domain/dates";
import { parameterText } from "../domain/numberText";
import type { KapEngine } from "../engine/engine";
import { money, unnamedCurrencyJson } from "./report";

const sig = (x: number, digits = 6): number => Number(x.toPrecision(digits));
const fixed = (x: number | null, d: number): number | null =>
  x === null ? null : Math.round(x * 10 ** d) / 10 ** d;

function modelJson(m: LifetimeModel | undefined) {
  return {
    bgnbd: m?.bgnbd
      ? {
          r: sig(m.bgnbd.r),
          alpha: sig(m.bgnbd.alpha),
          a: sig(m.bgnbd.a),
          b: sig(m.bgnbd.b),
          logLikelihood: fixed(m.bgnbd.logLikelihood, 2),
        }
      : null,
    gammaGamma: m?.gammaGamma
      ? { p: sig(m.gammaGamma.p), q: sig(m.gammaGamma.q), gamma: sig(m.gammaGamma.gamma) }
      : null,
  };
}

function accountJson(a: AccountAnalysis, withCurrency: boolean) {
  const l = a.lifetime;
  return {
    accountId: a.accountId,
    ...(withCurrency ? { currency: a.currency } : {}),
    frequency: l?.frequency ?? null,
    recency: fixed(l?.recency ?? null, 4),
    T: fixed(l?.T ?? null, 4),
    pAlive: fixed(l?.pAlive ?? null, 4),
    expectedOrders12m: fixed(l?.expectedOrders12m ?? null, 4),
    expectedRevenue12m: fixed(l?.expectedRevenue12m ?? null, 2),
    clv: fixed(l?.clv ?? null, 2),
    // per account: with several currencies the top-level `reliable` is the first model's only
    reliable: l?.reliable ?? false,
  };
}

function holdoutJson(h: HoldoutCheck) {
  return {
    calibrationEnd: serialToIso(h.calibrationEnd),
    holdoutEnd: serialToIso(h.holdoutEnd),
    holdoutWeeks: fixed(h.holdoutWeeks, 4),
    accounts: h.accounts,
    calibrationModel: modelJson(h.model),
    expectedRepeatOrders: fixed(h.expectedRepeatOrders, 2),
    actualRepeatOrders: h.actualRepeatOrders,
    byFrequency: h.byFrequency.map((r) => ({
      frequency: r.frequency,
      accounts: r.accounts,
      expected: fixed(r.expected, 4),
      actual: fixed(r.actual, 4),
    })),
  };
}

/**
 * The JSON document of `kap clv`. `models` appears only when the data have several currencies (one
 * model each). `warnings` says, as `kap analyze --json` does, when the money's currency is null
 * (the data name none): the CLV figures are then in a currency the reader must know.
 */
export function clvJson(engine: KapEngine, holdout?: HoldoutCheck): unknown {
  const p = engine.portfolio!;
  const { warning: currencyWarning } = unnamedCurrencyJson(engine);
  const main = p.lifetimeModels[0];
  const multi = p.lifetimeModels.length > 1;
  return {
    asOf: serialToIso(p.asOf),
    horizonMonths:
      main?.horizonMonths ?? engine.settings?.clvHorizonMonths ?? CLV_DEFAULT_HORIZON_MONTHS,
    discountRate:
      main?.discountRate ?? engine.settings?.clvDiscountRate ?? CLV_DEFAULT_DISCOUNT_RATE,
    model: modelJson(main),
    ...(multi
      ? {
          // each currency's own reliability: the top-level one is the first model's
          models: Object.fromEntries(
            p.lifetimeModels.map((m) => [
              m.currency,
              { ...modelJson(m), reliable: m.reliable, warning: m.warning },
            ])
          ),
        }
      : {}),
    accountsFitted: main?.accounts ?? 0,
    repeatBuyers: main?.repeatBuyers ?? 0,
    reliable: main?.reliable ?? false,
    warning: main?.warning ?? null,
    warnings: currencyWarning ? [currencyWarning] : [],
    accounts: p.accounts.map((a) => accountJson(a, multi)),
    ...(holdout ? { holdout: holdoutJson(holdout) } : {}),
  };
}

function num(x: number | null | undefined, d: number): string {
  return x === null || x === undefined
    ? "n/a"
    : x.toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** The readable form: the models, reliability, then the accounts with the most CLV. */
export function printClv(
  engine: KapEngine,
  out: (s: string) => void,
  holdout?: HoldoutCheck,
  limit = 20
): void {
  const p = engine.portfolio!;
  out(
    `KAP lifetime value as of ${serialToIso(p.asOf)} (horizon ${engine.settings?.clvHorizonMonths ?? CLV_DEFAULT_HORIZON_MONTHS} months, discount ${((engine.settings?.clvDiscountRate ?? CLV_DEFAULT_DISCOUNT_RATE) * 100).toFixed(1)}% a year)`
  );
  for (const m of p.lifetimeModels) {
    const label = m.currency ? ` (${m.currency})` : "";
    out(
      `Accounts fitted${label}: ${m.accounts.toLocaleString("en-GB")} · repeat buyers: ${m.repeatBuyers.toLocaleString("en-GB")}`
    );
    if (m.bgnbd)
      out(
        `BG/NBD${label}: r ${parameterText(m.bgnbd.r)} · α ${parameterText(m.bgnbd.alpha)} · a ${parameterText(m.bgnbd.a)} · b ${parameterText(m.bgnbd.b)} · log-likelihood ${num(m.bgnbd.logLikelihood, 1)}`
      );
    if (m.gammaGamma)
      out(
        `Gamma-Gamma${label}: p ${parameterText(m.gammaGamma.p)} · q ${parameterText(m.gammaGamma.q)} · γ ${parameterText(m.gammaGamma.gamma)}`
      );
    if (m.warning) out(`! ${m.warning}`);
  }
  if (holdout) {
    out(
      `Holdout check: fitted to ${serialToIso(holdout.calibrationEnd)}, ${num(holdout.expectedRepeatOrders, 1)} repeat orders expected to ${serialToIso(holdout.holdoutEnd)}, ${num(holdout.actualRepeatOrders, 0)} actual.`
    );
    for (const r of holdout.byFrequency)
      out(
        `  ${r.frequency.padStart(2)} repeat orders before: ${num(r.accounts, 0).padStart(6)} account${r.accounts === 1 ? " " : "s"} · expected ${num(r.expected, 2)} · actual ${num(r.actual, 2)} each`
      );
  }
  const ranked = p.accounts
    .filter((a) => a.lifetime?.clv !== null && a.lifetime !== null)
    .sort((a, b) => b.lifetime!.clv! - a.lifetime!.clv!);
  // CLV in different currencies is never compared (no exchange rates): one ranking a currency,
  // headed by its code, as the dashboard gives one figure a currency
  // in the order the models are printed above; with no account to rank, the empty table
  const order = p.lifetimeModels.map((m) => m.currency);
  const present = new Set(ranked.map((a) => a.currency));
  const currencies = [
    ...order.filter((c) => present.has(c)),
    ...[...present].filter((c) => !order.includes(c)),
  ];
  if (currencies.length === 0) currencies.push("");
  for (const currency of currencies) {
    out("");
    if (currencies.length > 1) out(currency || "No currency");
    printRanking(
      engine,
      ranked.filter((a) => a.currency === currency),
      out,
      limit
    );
  }
}

/** One currency's accounts, most CLV first: the first `limit` of them. */
function printRanking(
  engine: KapEngine,
  rows: readonly AccountAnalysis[],
  out: (s: string) => void,
  limit: number
): void {
  // the next 12 months' forecasts, not `kap analyze`'s "Revenue 12m" (the last 12 months' actual)
  out(
    `${"Account".padEnd(12)} ${"Orders x".padStart(8)} ${"P(alive)".padStart(14)} ${"Exp. orders 12m".padStart(15)} ${"Exp. revenue 12m".padStart(16)} ${"CLV".padStart(12)}`
  );
  for (const a of rows.slice(0, limit)) {
    const l = a.lifetime!;
    // money in the account's currency, as kap analyze shows it ("£161,512", was "161,512")
    const cash = (x: number | null) =>
      x === null
        ? "n/a"
        : money(
            x,
            a.currency || engine.unnamedCurrency,
            engine.codedCurrencies,
            engine.moneyPlacement
          );
    out(
      `${a.key.slice(0, 12).padEnd(12)} ${String(l.frequency).padStart(8)} ${(l.pAlive === null ? "one order only" : `${(l.pAlive * 100).toFixed(0)}%`).padStart(14)} ${num(l.expectedOrders12m, 2).padStart(15)} ${cash(l.expectedRevenue12m).padStart(16)} ${cash(l.clv).padStart(12)}${l.reliable ? "" : "  not reliable"}`
    );
  }
  if (rows.length > limit) out(`… and ${rows.length - limit} more (--json for every account)`);
}
