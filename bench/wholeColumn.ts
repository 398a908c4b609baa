/**
 * The row functions over ranges that run to the foot of the sheet (B2:B1048576: 1,048,575 rows,
 * 5,000 of them filled), as Excel on the web (blank = null) and desktop (blank = 0) pass them,
 * beside the same call over the 5,000 filled rows alone (B2:B5001) — the least a whole-column
 * call can cost. From the production bundle (dist/functions.js); the TypeScript source without one.
 */
import * as source from "../src/functions/functions";
import { functionsFromBundle, type Fn } from "./functionsBundle";
import { report, round } from "./measure";
import { performance } from "node:perf_hooks";

const HEIGHT = 1_048_575;
const FILLED = 5_000;
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** One filled column's cells, by kind. */
const KINDS: Record<string, () => unknown> = {
  days: () => int(0, 150),
  change: () => rnd() * 0.8 - 0.4,
  categories: () => int(1, 8),
  score15: () => int(1, 5),
  money: () => int(0, 20_000),
  health: () => 1 + rnd() * 4,
  frequency: () => int(0, 12),
  weeks: () => int(0, 100),
};

const BG = [[0.243, 4.414, 0.793, 2.426]];
const LIFETIME = [[0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44]];

/** Each function's column kinds and its other arguments. */
const CASES: [string, string[], unknown[]][] = [
  ["HEALTH", ["days", "change", "change", "categories", "score15", "days"], []],
  ["HEALTHFACTORS", ["days", "change", "change", "categories", "score15", "days"], []],
  ["BAND", ["health"], []],
  ["QUADRANT", ["score15", "money"], []],
  ["FIVEP", ["score15", "score15", "score15", "score15", "score15", "score15"], []],
  ["WINBACK", ["days"], []],
  ["DISCOUNT", ["money"], []],
  ["PALIVE", ["frequency", "weeks", "weeks"], [BG]],
  ["CLV", ["frequency", "weeks", "weeks", "money"], [LIFETIME]],
];

const SOURCE: Record<string, unknown> = {
  HEALTH: source.health,
  HEALTHFACTORS: source.healthFactors,
  BAND: source.band,
  QUADRANT: source.quadrant,
  FIVEP: source.fiveP,
  WINBACK: source.winBack,
  DISCOUNT: source.discount,
  PALIVE: source.pAlive,
  CLV: source.clv,
};

function column(kind: string, height: number, blank: null | 0): unknown[][] {
  const make = KINDS[kind];
  return Array.from({ length: height }, (_, i) => [i < FILLED ? make() : blank]);
}

/** Best and median of `runs` calls, in ms. */
async function time(fn: () => unknown, runs = 5): Promise<{ best: number; median: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { best: round(ms[0]), median: round(ms[ms.length >> 1]) };
}

async function main(): Promise<void> {
  const bundle = functionsFromBundle();
  const results: Record<string, unknown>[] = [];
  for (const [name, kinds, rest] of CASES) {
    // CLV loads its model as a chunk, which the bundle fetches with a script tag: from the source
    const bundled = name === "CLV" ? undefined : bundle?.[name];
    const f = (bundled ?? SOURCE[name]) as Fn;
    const row: Record<string, unknown> = { function: name, source: bundled ? "bundle" : "src" };
    for (const [host, blank] of [
      ["web", null],
      ["desktop", 0],
    ] as const) {
      seed = 7;
      const whole = kinds.map((k) => column(k, HEIGHT, blank));
      const filled = whole.map((c) => c.slice(0, FILLED));
      const wholeMs = await time(() => f(...whole, ...rest));
      const filledMs = await time(() => f(...filled, ...rest));
      row[host] = { wholeColumnMs: wholeMs.median, filledRowsMs: filledMs.median };
    }
    results.push(row);
  }
  report({
    name: `Row functions over B2:B${HEIGHT + 1} (${FILLED.toLocaleString("en-GB")} rows filled) beside B2:B${FILLED + 1}`,
    source: bundle ? "dist/functions.js (production bundle)" : "src (no build found)",
    rows: HEIGHT,
    filledRows: FILLED,
    results,
  });
}

void main();
