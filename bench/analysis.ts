/**
 * The engine at Excel's row limit: 1,048,575 order lines over 5,000 accounts and 2,000 SKUs,
 * fed as 2-D value arrays in chunks of 20,000 rows (as the add-in reads them): ingest alone
 * (rows/s), then the full pipeline (ingest + book + portfolio analysis with history and
 * affinity), and peak heap. As in the add-in's worker, only the chunk being read is in memory:
 * the engine keeps its order book, not the rows.
 */
import { applyLifetime } from "../src/domain/analysis/lifetime";
import { KapEngine } from "../src/engine/engine";
import { defaultSettings } from "../src/engine/settings";
import { detectTable } from "../src/ingest/detect";
import { createOrderParser } from "../src/ingest/orders";
import { ymdToSerial } from "../src/domain/dates";
import type { Grid } from "../src/ingest/grid";
import { benchChunks } from "../test/sample/benchGrid";
import { ORDER_HEADERS } from "../test/sample/generate";
import { report, round } from "./measure";

const ROWS = 1_048_575;
const CHUNK = 20_000;
const end = ymdToSerial(2026, 10, 31);
let peakHeap = 0;
const sampleHeap = () => {
  const h = process.memoryUsage().heapUsed;
  if (h > peakHeap) peakHeap = h;
};
const gridOptions = { rows: ROWS, accounts: 5_000, skus: 2_000, seed: 7, endDate: end };

/**
 * Feeds the rows to `use` chunk by chunk, timing only `use`. Chunks are made as they are
 * consumed (realistic order lines: accounts keep buying their habitual SKUs from their
 * industry's categories), so, as in the add-in's worker, only the current chunk is in memory.
 */
function stream(use: (rows: (string | number)[][], firstRow: number) => void): number {
  let ms = 0;
  let first = 2;
  for (const rows of benchChunks(gridOptions, CHUNK)) {
    const t = performance.now();
    use(rows, first);
    ms += performance.now() - t;
    first += rows.length;
    sampleHeap();
  }
  return ms;
}

const grid: Grid = { name: "Orders", values: [[...ORDER_HEADERS]] };
const detection = detectTable(grid)!;

// 1. Ingest alone: parse every row into OrderLines (sink counts them).
global.gc?.();
const parser = createOrderParser(detection.mapping, { dateOrder: "dmy" });
let lines = 0;
const ingestMs = stream((rows, first) => parser.push(rows, first, () => lines++));
parser.finish();

// 2. Full analysis as the add-in runs it.
global.gc?.();
peakHeap = 0;
const engine = new KapEngine();
engine.beginOrders(detection.mapping, detection.headers, "dmy");
const bookMs = stream((rows, first) => engine.pushOrders(rows, first));
const rep = engine.finishOrders();
sampleHeap();
const t1 = performance.now();
const settings = { ...defaultSettings(), asOf: "2026-10-31" };
const p = engine.analyze(settings);
const analyzeMs = performance.now() - t1;
sampleHeap();
const totalMs = bookMs + analyzeMs;
// The lifetime-value part of analysePortfolioMs on its own: fitting BG/NBD and Gamma-Gamma to the
// 5,000 accounts and scoring every row (run again here, as analyzePortfolio ran it once). The bench
// data have no parents and one currency, so each row's subject is its account's one unit.
const frozen = engine.book.freeze();
const subjects = p.accounts.map((a) => ({ f: frozen, u: engine.book.unitsOf(a.accountId)[0] }));
const tL = performance.now();
const cL = process.cpuUsage();
const models = applyLifetime(p.accounts, subjects, p.asOf, {});
const lifetimeMs = performance.now() - tL;
// CPU time as well: on a shared machine the wall time above includes waiting for a core.
const cpu = process.cpuUsage(cL);
const lifetimeCpuMs = (cpu.user + cpu.system) / 1000;
const t2 = performance.now();
engine.sheets("scoreAll", { live: true });
const healthSheetMs = performance.now() - t2;

report({
  name: "Full analysis of 1,048,575 order lines (5,000 accounts, 2,000 SKUs)",
  data: "test/sample/benchGrid.ts (seed 7)",
  rows: ROWS,
  accounts: p.accounts.length,
  linesAccepted: rep.accepted,
  ingestOnlyMs: round(ingestMs),
  ingestRowsPerSecond: Math.round(ROWS / (ingestMs / 1000)),
  ingestAndBookMs: round(bookMs),
  analyzePortfolioMs: round(analyzeMs),
  fullAnalysisMs: round(totalMs),
  lifetimeFitAndScoreMs: round(lifetimeMs),
  lifetimeFitAndScoreCpuMs: round(lifetimeCpuMs),
  targetLifetimeMs: 300,
  lifetimeModel: models.map((m) => ({
    currency: m.currency,
    accounts: m.accounts,
    repeatBuyers: m.repeatBuyers,
    reliable: m.reliable,
    bgnbd: m.bgnbd && {
      r: round(m.bgnbd.r, 4),
      alpha: round(m.bgnbd.alpha, 4),
      a: round(m.bgnbd.a, 4),
      b: round(m.bgnbd.b, 4),
    },
    gammaGamma: m.gammaGamma && {
      p: round(m.gammaGamma.p, 4),
      q: round(m.gammaGamma.q, 4),
      gamma: round(m.gammaGamma.gamma, 4),
    },
  })),
  targetFullAnalysisMs: 2000,
  healthSheetLayoutMs: round(healthSheetMs),
  peakHeapMb: round(peakHeap / 1048576),
  targetPeakHeapMb: 1024,
});
