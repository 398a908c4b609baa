/** Production bundle sizes, gzipped: the task pane's page (all initial chunks) and the code that registers the functions. */
import { execSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { report } from "./measure";

const root = resolve(__dirname, "..");
const dist = join(root, "dist");
execSync("npx webpack --mode production", { cwd: root, stdio: "ignore" });
const gz = (f: string) =>
  Math.round((gzipSync(readFileSync(join(dist, f)), { level: 9 }).length / 1024) * 10) / 10;
const files = readdirSync(dist).filter((f) => f.endsWith(".js"));
const html = readFileSync(join(dist, "taskpane.html"), "utf8");
const scripts = [...html.matchAll(/src="?([^"\s>]+)"?/g)].map((m) => m[1].replace(/^.*\//, ""));
const initial = files.filter((f) => scripts.includes(f));
const lazy = files.filter((f) => !initial.includes(f));
report({
  name: "Production bundle sizes (gzip -9)",
  taskpaneInitialKb:
    Math.round(initial.filter((f) => f !== "functions.js").reduce((s, f) => s + gz(f), 0) * 10) /
    10,
  taskpaneTargetKb: 350,
  functionsKb: gz("functions.js"),
  functionsTargetKb: 30,
  lazyChunksKb: Object.fromEntries(lazy.map((f) => [f, gz(f)])),
  initialFiles: initial,
  rawBytes: Object.fromEntries(files.map((f) => [f, statSync(join(dist, f)).size])),
});
