#!/usr/bin/env node
// `kap`: runs the prebuilt bundle (dist/cli/kap.js, made by `npm run build:cli`, `npm run build`
// and on install). In a clone without it, the bundle is built first (esbuild, a dev dependency):
// one build path, so the command never runs differently from its tests.
const { existsSync, statSync } = require("node:fs");
const { join } = require("node:path");
const { execFileSync, spawnSync } = require("node:child_process");

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
) {
  // and a young generation of 8 MB semi-spaces rather than 16: 14 MB less at the peak, no slower
  const flags = ["--max-semi-space-size=8", ...process.execArgv];
  const run = spawnSync(process.execPath, [...flags, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, MALLOC_MMAP_THRESHOLD_: "131072" },
  });
  if (!run.error) {
    if (run.signal) process.kill(process.pid, run.signal);
    process.exit(run.status ?? 1);
  }
  // could not start again: run here, untuned
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
require(bundle).main();
