// Bundles the `kap` command into dist/cli/kap.js, so `kap` starts without compiling TypeScript.
// Its packages are bundled too: resolving and loading ExcelJS's few hundred files from
// node_modules cost more than the demo's analysis (measured: about 0.3 s of CPU, 1–2 s on a
// loaded machine). The .xlsx writer with ExcelJS is a bundle of its own (dist/cli/xlsxWriter.js),
// read only by the commands that write a workbook: V8 reads all of kap.js at every start.
// Run by `npm run build`, `npm run build:cli`, on install (prepare) and before `npm run demo`.
// Nothing is rebuilt when every file the last build read (esbuild's metafile: sources and
// bundled packages, with tsconfig.json, package.json and this script) has the size and time it
// had then, and the bundles are the ones it wrote: an esbuild run costs 1–2 s on a loaded machine,
// more than the demo's analysis. `--force` always builds.
import { build, version } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = join(root, "dist/cli/.build-inputs.json");
const outputs = [
  "dist/cli/kap.js",
  "dist/cli/csvWorker.js",
  "dist/cli/xlsxWriter.js",
  "dist/cli/readingThread.js",
];
const always = [
  "scripts/build-cli.mjs",
  "tsconfig.json",
  "package.json",
  "bin/kap.js",
  "bin/codeCache.js",
];
const codeCache = "dist/cli/kap.js.cache";
const statOf = (rel) => {
  try {
    const st = statSync(join(root, rel));
    return [st.mtimeMs, st.size];
  } catch {
    return null;
  }
};
const sameStat = (rel, known) => {
  const now = statOf(rel);
  return now !== null && now[0] === known[0] && now[1] === known[1];
};

if (!process.argv.includes("--force") && upToDate()) process.exit(0);

/** Whether the bundles are those the last build wrote from files that are unchanged since. */
function upToDate() {
  if (!outputs.every((o) => existsSync(join(root, o)))) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return false;
  }
  if (stamp.esbuild !== version || stamp.node !== process.version) return false;
  for (const files of [stamp.inputs, stamp.outputs])
    for (const [rel, known] of Object.entries(files ?? {})) if (!sameStat(rel, known)) return false;
  return outputs.every((o) => stamp.outputs?.[o]) && always.every((a) => stamp.inputs?.[a]);
}

/**
 * src/xlsx/writeFile, imported by src/cli/main.ts when a command writes a workbook: in kap.js a
 * require() of its own bundle beside it (below), so that it is read only then.
 */
const besideTheBundle = {
  name: "xlsx-writer-beside",
  setup(b) {
    b.onResolve({ filter: /\/xlsx\/writeFile$/ }, () => ({
      path: "xlsxWriter",
      namespace: "beside",
    }));
    b.onLoad({ filter: /.*/, namespace: "beside" }, () => ({
      contents: 'module.exports = require("./xlsxWriter.js");',
      loader: "js",
    }));
    b.onResolve({ filter: /^\.\/xlsxWriter\.js$/ }, () => ({
      path: "./xlsxWriter.js",
      external: true,
    }));
  },
};

const read = new Set(always);
// a file changed while esbuild ran may not be in the bundle: it is recorded so as to differ
const started = Date.now();
/** One bundle of `entry` (under src) at `out` (under dist/cli), for Node 20, CommonJS, with its source map. */
const bundle = (entry, out, more = {}) =>
  build({
    absWorkingDir: root,
    metafile: true,
    entryPoints: [join(root, entry)],
    outfile: join(root, out),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    ...more,
  });
const cli = await bundle("src/cli/main.ts", "dist/cli/kap.js", {
  external: ["@duckdb/node-api"],
  // The sample workbook is found from the bundle's folder as it is from src/cli.
  define: {},
  plugins: [besideTheBundle],
});
// The .xlsx writer (ExcelJS and the sheet layout code it needs): on its own, loaded by the
// commands that write a workbook. In kap.js it was three quarters of the code V8 had to read
// at every start, for `kap --help` and `kap analyze --json` too.
const writer = await bundle("src/xlsx/writeFile.ts", "dist/cli/xlsxWriter.js");
// The worker thread that reads and parses large text files (src/cli/csvWorker.ts): on its own,
// so it starts without loading the whole command.
const worker = await bundle("src/cli/csvWorker.ts", "dist/cli/csvWorker.js");
// Starting that thread (src/cli/readingThread.ts): bin/kap.js starts it for a large text file
// before it loads kap.js, so that it need not wait for the whole command to load.
const early = await bundle("src/cli/readingThread.ts", "dist/cli/readingThread.js");
for (const r of [cli, worker, writer, early])
  for (const f of Object.keys(r.metafile.inputs)) read.add(f);
makeCodeCache();
const stamp = { esbuild: version, node: process.version, inputs: {}, outputs: {} };
for (const f of read) {
  const st = statOf(f);
  if (st) stamp.inputs[f] = st[0] >= started ? [-1, st[1]] : st;
}
for (const o of [...outputs, codeCache])
  if (existsSync(join(root, o))) stamp.outputs[o] = statOf(o);
writeFileSync(stampFile, JSON.stringify(stamp));

/**
 * V8's code cache for kap.js (bin/codeCache.js), made by running `kap analyze --json` on a small
 * sample of order lines: the cache then holds the bytecode of everything that run compiled.
 * Without it (it could not be made), kap runs the same, compiling as it goes.
 */
function makeCodeCache() {
  rmSync(join(root, codeCache), { force: true });
  // a vm.Script has no loader for import() in Node 20: such a bundle is required, never cached
  if (/\bimport\(/.test(readFileSync(join(root, "dist/cli/kap.js"), "utf8"))) return;
  const dir = mkdtempSync(join(tmpdir(), "kap-code-cache-"));
  try {
    const csv = join(dir, "orders.csv");
    writeFileSync(csv, sampleOrders());
    execFileSync(process.execPath, [join(root, "bin/kap.js"), "analyze", csv, "--json", "-q"], {
      env: { ...process.env, KAP_CODE_CACHE_WRITE: "1" },
      stdio: "ignore",
    });
  } catch (e) {
    console.warn(`build-cli: no code cache for kap.js (${e.message}); kap compiles as it goes.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A CSV of order lines for the code cache's run: 12 accounts over 30 months, 16 SKUs in 4
 * categories, a return now and then, so that every step of the analysis runs.
 */
function sampleOrders() {
  const rows = ["Order Date,Order ID,Customer ID,Customer Name,SKU,Category,Quantity,Revenue"];
  let order = 1000;
  for (let m = 0; m < 30; m++)
    for (let a = 1; a <= 12; a++) {
      if ((a * 7 + m) % 5 === 0) continue; // not every account orders every month
      const day = 1 + ((a * 3 + m) % 27);
      const date = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      order++;
      for (let l = 0; l < 1 + ((a + m) % 3); l++) {
        const sku = (a * 5 + m + l * 3) % 16;
        const qty = (a + m + l) % 11 === 0 ? -1 : 1 + ((a + l) % 4);
        rows.push(
          `${date},SO${order},C${String(a).padStart(3, "0")},Account ${a},SKU${sku},Category ${sku % 4},${qty},${(qty * (20 + sku * 7.5)).toFixed(2)}`
        );
      }
    }
  return `${rows.join("\n")}\n`;
}
