/**
 * `kap sheets` on a portfolio of 50,000 accounts: 500,000 order lines over 300 products read,
 * analysed, and the portfolio workbook (Account Health, Dashboard, Alerts, Whitespace Map) with
 * one account's sheets written as .xlsx. The built command (bin/kap.js) runs in a child process;
 * a preloaded hook reports its peak RSS and CPU time as it exits.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchCsv } from "./benchFiles";
import { report, round } from "./measure";

const LINES = 500_000;
const ACCOUNTS = 50_000;
const root = join(__dirname, "..");

/** Written into the child's exit: its own peak RSS (KB) and CPU time (µs). */
const HOOK = `process.on("exit", () => {
  const u = process.resourceUsage();
  require("node:fs").writeFileSync(process.env.KAP_BENCH_USAGE, JSON.stringify({ maxRss: u.maxRSS, cpu: u.userCPUTime + u.systemCPUTime }));
});
`;

function main(): void {
  const csv = benchCsv(LINES, ACCOUNTS, 300);
  execFileSync(process.execPath, [join(root, "scripts/build-cli.mjs")]);
  const dir = mkdtempSync(join(tmpdir(), "kap-bench-sheets-"));
  const out = join(dir, "portfolio.xlsx");
  const hook = join(dir, "hook.js");
  const usage = join(dir, "usage.json");
  writeFileSync(hook, HOOK);
  try {
    const t0 = performance.now();
    execFileSync(
      process.execPath,
      [
        "--require",
        hook,
        join(root, "bin/kap.js"),
        "sheets",
        csv,
        "--account",
        "C00001",
        "--out",
        out,
        "-q",
      ],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, KAP_BENCH_USAGE: usage },
      }
    );
    const wallMs = performance.now() - t0;
    const u = JSON.parse(readFileSync(usage, "utf8")) as { maxRss: number; cpu: number };
    report({
      name: "kap sheets: portfolio workbook for 50,000 accounts from 500,000 order lines",
      rows: LINES,
      accounts: ACCOUNTS,
      wallMs: round(wallMs),
      cpuMs: round(u.cpu / 1000),
      kapPeakRssMb: round(u.maxRss / 1024),
      workbookKb: Math.round(statSync(out).size / 1024),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
