import { performance } from "node:perf_hooks";

export function timeBest<T>(runs: number, fn: () => T): { best: number; median: number; last: T } {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { best: round(times[0]), median: round(times[times.length >> 1]), last };
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
