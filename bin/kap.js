#!/usr/bin/env node
// `kap`: runs the prebuilt bundle (dist/cli/kap.js, made by `npm run build:cli`, `npm run build`
// and on install). In a clone without it, the bundle is built first (esbuild, a dev dependency):
// one build path, so the command never runs differently from its tests.
const { existsSync, statSync } = require("node:fs");
const { join } = require("node:path");
const { execFileSync, spawn } = require("node:child_process");
const { constants } = require("node:os");

// A large input on Linux: glibc's malloc raises its mmap threshold each time a mid-sized buffer
// is freed, and from then on the typed arrays a long read grows and drops are carved from the
// heap, whose freed holes stay resident. Fixing the threshold (M_MMAP_THRESHOLD, mallopt(3)) took
// the peak memory of a 10,000,000-line CSV from 630 to 582 MB. glibc reads it only at start, so
// kap starts once more with it set; about 40 ms, for a file that takes seconds to read.
const MALLOC_TUNED_ABOVE = Number(process.env.KAP_TUNE_MALLOC_ABOVE) || 256 * 1024 * 1024;
if (
  process.platform === "linux" &&
  process.env.MALLOC_MMAP_THRESHOLD_ === undefined &&
  largestFileArgument(process.argv.slice(2)) >= MALLOC_TUNED_ABOVE
)
  startAgainTuned();
else runHere();

/**
 * Runs kap in a second process with the tuning set, and ends as it ends: its exit status, or the
 * signal that ended it. A signal sent to this process alone (kill PID, a supervisor's SIGTERM)
 * is passed on, so the second process never runs on without it; Ctrl-C reaches both anyway.
 */
function startAgainTuned() {
  // and a young generation of 8 MB semi-spaces rather than 16: 14 MB less at the peak, no slower
  const flags = ["--max-semi-space-size=8", ...process.execArgv];
  // listening before the second process exists: a signal then waits for the event loop, which
  // runs once it does
  const passed = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];
  const pass = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of passed) process.on(signal, pass);
  const child = spawn(process.execPath, [...flags, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, MALLOC_MMAP_THRESHOLD_: "131072" },
  });
  let started = false;
  child.on("spawn", () => (started = true));
  child.on("error", () => {
    if (started) return;
    // could not start again: run here, untuned
    for (const signal of passed) process.off(signal, pass);
    runHere();
  });
  child.on("exit", (code, signal) => {
    for (const s of passed) process.off(s, pass);
    if (signal) {
      process.kill(process.pid, signal);
      process.exitCode = 128 + (constants.signals[signal] ?? 0);
      return;
    }
    process.exit(code ?? 1);
  });
}

/** The size in bytes of the largest argument naming a file (0 when none does). */
function largestFileArgument(args) {
  let largest = 0;
  for (const arg of args) {
    if (arg.startsWith("-")) continue;
    try {
      const stat = statSync(arg);
      if (stat.isFile() && stat.size > largest) largest = stat.size;
    } catch {
      // not a file: a command, a date, a number
    }
  }
  return largest;
}

/** Runs the bundle in this process (built first in a clone without it), from V8's code cache when the build made one (./codeCache.js). */
function runHere() {
  const bundle = join(__dirname, "../dist/cli/kap.js");
  if (!existsSync(bundle)) {
    try {
      execFileSync(process.execPath, [join(__dirname, "../scripts/build-cli.mjs")], {
        stdio: ["ignore", "ignore", "inherit"],
      });
    } catch {
      process.stderr.write(
        "kap: dist/cli/kap.js is missing and could not be built: run npm run build:cli\n"
      );
      process.exit(1);
    }
  }
  // A large text file's reading thread starts first: its start-up and first rows then overlap
  // loading the bundle (src/cli/readingThread.ts, readEarly; a bundle of a few KB).
  let early;
  try {
    early = require("../dist/cli/readingThread.js").readEarly(process.argv.slice(2));
  } catch {
    // no such bundle (an older build): the command starts the thread itself
  }
  require("./codeCache").loadBundle(bundle).exports.main(undefined, early);
}
