// Bundles the `kap` command into dist/cli/kap.js, so `kap` starts without compiling TypeScript.
// Its packages are bundled too (ExcelJS is still initialised only when a command writes or reads
// a workbook): resolving and loading ExcelJS's few hundred files from node_modules cost more than
// the demo's analysis (measured: about 0.3 s of CPU, 1–2 s on a loaded machine).
// Run by `npm run build`, `npm run build:cli`, on install (prepare) and before `npm run demo`.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
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
});
// The worker thread that reads and parses large text files (src/cli/csvWorker.ts): on its own,
// so it starts without loading the whole command.
await build({
  entryPoints: [join(root, "src/cli/csvWorker.ts")],
  outfile: join(root, "dist/cli/csvWorker.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
