/**
 * File to answer: the 1,048,575-line CSV (test/sample/benchGrid.ts, written once into
 * bench/.cache) through the real CLI entry (`node bin/kap.js analyze … --json`, the prebuilt
 * bundle) as a child process, against DuckDB computing the same core per-account group-bys on
 * the same file (bench/duckdbPeer.mjs), alternating in one run. Whole-process wall time and
 * CPU time (user + system, from /proc stat, summed over the child and the process it may start
 * again), peak RSS (the largest VmHWM of those, sampled from /proc while it runs), medians, and
 * the ratio. Also `kap --help` start-up. Linux only (/proc).
 * `npm run bench -- fileToAnswer` runs it alone; KAP_BENCH_ROWS and KAP_BENCH_RUNS change the size and runs,
 * KAP_BENCH_CACHE the folder of the input files (the 10,000,000-line CSV is 1.6 GB).
 * KAP_BENCH_XLSX=1 also times the same lines as an .xlsx workbook (written once with ExcelJS's
 * streaming writer: minutes at a million rows), alternating with the CSV, and the ratio of the two.
 * KAP_BENCH_WIDE=1 also times the same lines with 28 more columns that KAP does not read
 * (benchWideCsv: contact, address, shipping and payment columns, as a web shop exports them), KAP
 * and DuckDB alternating on that file, with their ratio and KAP's wide-to-narrow ratio.
 * The machine may be shared: each run's 1-minute load average is reported beside its time.
 */
import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { benchCsv, benchWideCsv, benchXlsx, WIDE_EXTRA_HEADERS } from "./benchFiles";
import { report, round } from "./measure";

const ROWS = Number(process.env.KAP_BENCH_ROWS ?? 1_048_575);
const RUNS = Number(process.env.KAP_BENCH_RUNS ?? 3);
const XLSX = process.env.KAP_BENCH_XLSX === "1";
const WIDE = process.env.KAP_BENCH_WIDE === "1";
const root = join(__dirname, "..");
const TICK = 100; // clock ticks per second of /proc/<pid>/stat on Linux

interface Run {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  /** 1-minute load average when the run ended */
  load: number;
  stdout: string;
}

/** The process and its descendants (`kap` starts itself again for a large input: bin/kap.js). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const kids = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, "utf8");
      for (const k of kids.split(" ")) if (k.trim()) out.push(Number(k));
    } catch {
      // exited between samples
    }
  }
  return out;
}

/**
 * Runs a child, sampling from /proc until it exits: the peak resident memory of the largest
 * process of its tree, and the CPU time of the whole tree (each process's last sample).
 */
function measured(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let peak = 0;
    const cpuOf = new Map<number, number>();
    const chunks: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => chunks.push(b));
    const sample = () => {
      for (const pid of processTree(child.pid!)) {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
          if (m) peak = Math.max(peak, Number(m[1]));
          const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
          cpuOf.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / TICK);
        } catch {
          // exited between samples
        }
      }
    };
    const timer = setInterval(sample, 20);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`));
      let cpuMs = 0;
      for (const c of cpuOf.values()) cpuMs += c;
      resolve({
        ms,
        cpuMs,
        peakRssMb: round(peak / 1024),
        load: round(loadavg()[0], 2),
        stdout: Buffer.concat(chunks).toString("utf8"),
      });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

async function main(): Promise<void> {
  const csv = benchCsv(ROWS);
  execFileSync(process.execPath, [join(root, "scripts/build-cli.mjs")]);
  const kap = join(root, "bin/kap.js");
  const asOf = "2026-10-31";
  const help: Run[] = [];
  const bare: Run[] = [];
  for (let i = 0; i < 5; i++) {
    help.push(await measured(process.execPath, [kap, "--help"]));
    bare.push(await measured(process.execPath, ["-e", "0"]));
  }
  const xlsx = XLSX ? await benchXlsx(ROWS) : undefined;
  const wide = WIDE ? benchWideCsv(ROWS) : undefined;
  const ours: Run[] = [];
  const peer: Run[] = [];
  const book: Run[] = [];
  const oursWide: Run[] = [];
  const peerWide: Run[] = [];
  let wideAccounts = 0;
  let peerRows: unknown;
  let accounts = 0;
  let bookAccounts = 0;
  const analyze = async (file: string) => {
    const k = await measured(process.execPath, [
      kap,
      "analyze",
      file,
      "--as-of",
      asOf,
      "--json",
      "--quiet",
    ]);
    const n = (JSON.parse(k.stdout) as { portfolio: { accounts: unknown[] } }).portfolio.accounts
      .length;
    k.stdout = "";
    return { k, n };
  };
  for (let i = 0; i < RUNS; i++) {
    const { k, n } = await analyze(csv);
    accounts = n;
    ours.push(k);
    const d = await measured(process.execPath, [join(__dirname, "duckdbPeer.mjs"), csv, asOf]);
    peerRows = (JSON.parse(d.stdout) as { rows: unknown }).rows;
    peer.push(d);
    if (xlsx) {
      const x = await analyze(xlsx);
      bookAccounts = x.n;
      book.push(x.k);
    }
    if (wide) {
      const w = await analyze(wide);
      wideAccounts = w.n;
      oursWide.push(w.k);
      peerWide.push(
        await measured(process.execPath, [join(__dirname, "duckdbPeer.mjs"), wide, asOf])
      );
    }
  }
  const kapMs = median(ours.map((r) => r.ms));
  const duckMs = median(peer.map((r) => r.ms));
  const summary = (runs: Run[]) => ({
    ms: round(median(runs.map((r) => r.ms))),
    cpuMs: round(median(runs.map((r) => r.cpuMs))),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    runsMs: runs.map((r) => round(r.ms)),
    runsCpuMs: runs.map((r) => round(r.cpuMs)),
    loadAvg1: runs.map((r) => r.load),
  });
  report({
    name: `File to answer: ${ROWS.toLocaleString("en-GB")}-line CSV, whole process, KAP vs DuckDB alternating (medians of ${RUNS})`,
    data: `bench/.cache/orders-${ROWS}.csv from test/sample/benchGrid.ts (seed 7)`,
    kapHelpMs: round(median(help.map((r) => r.ms))),
    kapHelpCpuMs: round(median(help.map((r) => r.cpuMs))),
    nodeAloneMs: round(median(bare.map((r) => r.ms))),
    targetKapHelpMs: 300,
    kap: { ...summary(ours), accounts },
    duckdb: { ...summary(peer), resultRows: peerRows },
    ...(xlsx
      ? {
          kapXlsx: { ...summary(book), accounts: bookAccounts },
          ratioXlsxToCsv: round(median(book.map((r) => r.ms)) / kapMs, 2),
          targetRatioXlsxToCsv: 2.5,
        }
      : {}),
    ...(wide
      ? {
          wide: {
            data: `orders-wide-${ROWS}.csv: the same lines and ${WIDE_EXTRA_HEADERS.length} columns KAP does not read`,
            kap: { ...summary(oursWide), accounts: wideAccounts },
            duckdb: summary(peerWide),
            ratioKapToDuckdb: round(
              median(oursWide.map((r) => r.ms)) / median(peerWide.map((r) => r.ms)),
              2
            ),
            ratioWideToNarrow: round(median(oursWide.map((r) => r.ms)) / kapMs, 2),
          },
        }
      : {}),
    ratioKapToDuckdb: round(kapMs / duckMs, 2),
    cpuRatioKapToDuckdb: round(
      median(ours.map((r) => r.cpuMs)) / median(peer.map((r) => r.cpuMs)),
      2
    ),
    targetRatio: 1,
    targetKapPeakRssMb: 400,
  });
}

void main();
