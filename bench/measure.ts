import { performance } from "node:perf_hooks";

/**
 * Runs fn `runs` times: best and median wall time, and best and median CPU time of this process
 * (user + system, all threads) — on a shared, loaded machine the CPU time is the steadier figure.
 */
export function timeBest<T>(
  runs: number,
  fn: () => T
): {
  best: number;
  median: number;
  cpuBest: number;
  cpuMedian: number;
  /** the first call's wall and CPU time (before the JIT has optimised the code) */
  first: number;
  cpuFirst: number;
  last: T;
} {
  const times: number[] = [];
  const cpus: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const first = round(times[0]);
  const cpuFirst = round(cpus[0]);
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return {
    first,
    cpuFirst,
    best: round(times[0]),
    median: round(times[times.length >> 1]),
    cpuBest: round(cpus[0]),
    cpuMedian: round(cpus[cpus.length >> 1]),
    last,
  };
}

export function round(x: number, d = 1): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** Peak resident memory of this process so far, in MB (each bench case runs in its own process). */
export function peakRssMb(): number {
  return round(process.resourceUsage().maxRSS / 1024);
}

/** Each case prints one JSON line; bench/run.ts collects them. */
export function report(result: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ ...result, peakRssMb: peakRssMb() }) + "\n");
}
