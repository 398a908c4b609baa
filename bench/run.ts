/**
 * `npm run bench`: runs each benchmark case in its own Node process (so peak memory is the
 * case's own) and prints one JSON document with every result. Each case is first bundled
 * with esbuild, as webpack bundles the add-in, so the timings are of bundled code rather than
 * of a TypeScript loader's module wrappers.
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { buildSync } from "esbuild";
import { cpus } from "node:os";
import { join } from "node:path";

// Run by name only (`npm run bench sheets`): longer than a minute on the 2-core VM.
//   sheets: kap sheets on 50,000 accounts (500,000 lines), wall and CPU time and peak RSS
const cases = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      "health",
      "metrics",
      "ingest",
      "analysis",
      "qbr",
      "bundle",
      "fileToAnswer",
      "panePath",
      "wholeColumn",
    ];
const results: Record<string, unknown>[] = [];
for (const name of cases) {
  const file = join(__dirname, `${name}.ts`);
  if (!existsSync(file)) continue;
  // Written beside the source so __dirname-relative paths stay right; removed afterwards.
  const bundled = join(__dirname, `.${name}.bundle.js`);
  try {
    buildSync({
      entryPoints: [file],
      outfile: bundled,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      packages: "external",
      logLevel: "silent",
    });
    const out = execFileSync(
      process.execPath,
      ["--max-old-space-size=4096", "--expose-gc", bundled],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 }
    );
    for (const line of out.split("\n"))
      if (line.trim().startsWith("{")) results.push({ case: name, ...JSON.parse(line) });
  } catch (e) {
    results.push({ case: name, error: (e as Error).message.split("\n")[0] });
  } finally {
    rmSync(bundled, { force: true });
  }
}
console.log(
  JSON.stringify(
    { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version }, results },
    null,
    2
  )
);
