/**
 * KAP.METRICS as Excel calls it: every argument a column passed as an array ([[v], [v], …]),
 * dates and money as numbers, ids as text. Two sizes (issue 14): 300 accounts over 70,000 order
 * lines, and 5,000 accounts over 1,048,575 (Excel's row limit). Bundled like the add-in (bench/run.ts);
 * best and median of several calls, each building its order book from the columns; the first
 * (cold) call apart, and the load average.
 */
import { ymdToSerial } from "../src/domain/dates";
import { metrics } from "../src/functions/functions";
import { buildBenchGrid } from "../test/sample/benchGrid";
import { ORDER_HEADERS } from "../test/sample/generate";
import { loadavg } from "node:os";
import { report, round, timeBest } from "./measure";

const end = ymdToSerial(2026, 10, 31);
const col = (name: (typeof ORDER_HEADERS)[number], rows: (string | number)[][]) => {
  const k = ORDER_HEADERS.indexOf(name);
  return rows.map((r) => [r[k]]);
};

/**
 * The call's arguments, made before the timing as Excel hands them over ready; only they stay in
 * memory (the grid they are cut from is let go, as a workbook's rows are not in the add-in's heap).
 */
function argumentsOf(rowsN: number, accounts: number) {
  const grid = buildBenchGrid({ rows: rowsN, accounts, skus: 2_000, seed: 7, endDate: end }).slice(
    1
  );
  const ids = [...new Set(grid.map((r) => r[ORDER_HEADERS.indexOf("Customer ID")]))].map((x) => [
    x,
  ]);
  const args = [
    col("Customer ID", grid),
    col("Invoice Date", grid),
    col("Invoice No", grid),
    col("Line Total", grid),
    col("Category", grid),
    col("Qty", grid),
    col("SKU", grid),
  ];
  return { ids, args };
}

for (const [rowsN, accounts, runs, target] of [
  // enough calls for the small case to reach its steady (recalculation) speed
  [70_000, 300, 20, 50],
  [1_048_575, 5_000, 5, 1500],
] as const) {
  const { ids, args } = argumentsOf(rowsN, accounts);
  const loadBefore = loadavg()[0];
  const t = timeBest(runs, () =>
    metrics(ids, args[0], args[1], args[2], args[3], args[4], [[end]], args[5], [[false]], args[6])
  );
  report({
    name: `KAP.METRICS: ${ids.length} accounts over ${rowsN.toLocaleString("en-GB")} order lines (one spilled call)`,
    rows: rowsN,
    accounts: ids.length,
    outputRows: t.last.length,
    bestMs: t.best,
    medianMs: t.median,
    cpuBestMs: t.cpuBest,
    cpuMedianMs: t.cpuMedian,
    targetMs: target,
    firstCallMs: t.first,
    firstCallCpuMs: t.cpuFirst,
    // the machine's 1-minute load average before and after the calls (2 cores shared: CPU time is the steadier figure)
    load: [round(loadBefore, 2), round(loadavg()[0], 2)],
  });
}
