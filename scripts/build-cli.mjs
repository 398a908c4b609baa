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
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stampFile = join(root, "dist/cli/.build-inputs.json");
const outputs = ["dist/cli/kap.js", "dist/cli/csvWorker.js", "dist/cli/xlsxWriter.js"];
const always = ["scripts/build-cli.mjs", "tsconfig.json", "package.json"];
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
  if (stamp.esbuild !== version) return false;
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
const cli = await build({
  absWorkingDir: root,
  metafile: true,
  entryPoints: [join(root, "src/cli/main.ts")],
  outfile: join(root, "dist/cli/kap.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["@duckdb/node-api"],
  sourcemap: "linked",
  logLevel: "warning",
  // The sample workbook is found from the bundle's folder as it is from src/cli.
  define: {},
  plugins: [besideTheBundle],
});
// The .xlsx writer (ExcelJS and the sheet layout code it needs): on its own, loaded by the
// commands that write a workbook. In kap.js it was three quarters of the code V8 had to read
// at every start, for `kap --help` and `kap analyze --json` too.
const writer = await build({
  absWorkingDir: root,
  metafile: true,
  entryPoints: [join(root, "src/xlsx/writeFile.ts")],
  outfile: join(root, "dist/cli/xlsxWriter.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
// The worker thread that reads and parses large text files (src/cli/csvWorker.ts): on its own,
// so it starts without loading the whole command.
const worker = await build({
  absWorkingDir: root,
  metafile: true,
  entryPoints: [join(root, "src/cli/csvWorker.ts")],
  outfile: join(root, "dist/cli/csvWorker.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
for (const r of [cli, worker, writer]) for (const f of Object.keys(r.metafile.inputs)) read.add(f);
const stamp = { esbuild: version, inputs: {}, outputs: {} };
for (const f of read) {
  const st = statOf(f);
  if (st) stamp.inputs[f] = st[0] >= started ? [-1, st[1]] : st;
}
for (const o of outputs) stamp.outputs[o] = statOf(o);
writeFileSync(stampFile, JSON.stringify(stamp));
