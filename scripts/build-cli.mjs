// Bundles the `kap` command into dist/cli/kap.js (one file, our code only; packages stay in
// node_modules and load when a command needs them), so `kap` starts without compiling TypeScript.
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
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  // The sample workbook is found from the bundle's folder as it is from src/cli.
  define: {},
});
