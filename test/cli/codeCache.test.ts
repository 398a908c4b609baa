/**
 * bin/codeCache.js: kap runs from the V8 code cache the build made for dist/cli/kap.js; a cache
 * made from other bytes, or cut short, is not used, and kap runs the same without it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, "../..");
let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")]);
  dir = mkdtempSync(join(tmpdir(), "kap-cache-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What loadBundle made of the cache beside `bundle`, in a fresh Node process with no flags. */
const cacheOf = (bundle: string) =>
  execFileSync(
    process.execPath,
    [
      "-e",
      `const r = require(${JSON.stringify(join(ROOT, "bin/codeCache.js"))}).loadBundle(${JSON.stringify(bundle)}); console.log(r.cache, typeof r.exports.main);`,
    ],
    { encoding: "utf8" }
  ).trim();

/** A copy of bin/ and dist/cli/kap.js (with its cache) in a folder of its own; `change` edits the copies. */
function copyOfKap(name: string, change: (bundle: string, cache: string) => void): string {
  const root = join(dir, name);
  mkdirSync(join(root, "bin"), { recursive: true });
  mkdirSync(join(root, "dist/cli"), { recursive: true });
  for (const f of ["bin/kap.js", "bin/codeCache.js", "dist/cli/kap.js", "dist/cli/kap.js.cache"])
    copyFileSync(join(ROOT, f), join(root, f));
  change(join(root, "dist/cli/kap.js"), join(root, "dist/cli/kap.js.cache"));
  return root;
}

const help = (root: string) =>
  spawnSync(process.execPath, [join(root, "bin/kap.js"), "--help"], { encoding: "utf8" });

test("the build makes a cache that V8 takes", () => {
  expect(cacheOf(join(ROOT, "dist/cli/kap.js"))).toBe("used function");
});

test("a cache made from other bytes is not given to V8, and kap runs the same", () => {
  const root = copyOfKap("changed", (bundle) =>
    writeFileSync(bundle, `${readFileSync(bundle, "utf8")}// one more line\n`)
  );
  expect(cacheOf(join(root, "dist/cli/kap.js"))).toBe("stale function");
  const r = help(root);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(help(ROOT).stdout);
  expect(r.stdout).toMatch(/^usage:\n\s+kap analyze/);
});

test("a cache cut short (a write that did not finish) is refused by V8, and kap runs the same", () => {
  const root = copyOfKap("cut", (_bundle, cache) => {
    const bytes = readFileSync(cache);
    writeFileSync(cache, bytes.subarray(0, bytes.length >> 1));
  });
  expect(cacheOf(join(root, "dist/cli/kap.js"))).toBe("rejected function");
  const r = help(root);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(help(ROOT).stdout);
});

test("without a cache the bundle is simply required", () => {
  const root = copyOfKap("none", (_bundle, cache) => rmSync(cache));
  expect(cacheOf(join(root, "dist/cli/kap.js"))).toBe("none function");
  expect(help(root).status).toBe(0);
});
