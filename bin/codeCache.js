// Loads the `kap` bundle (dist/cli/kap.js) with V8's code cache beside it (kap.js.cache), so the
// functions a run needs are not compiled again at every start. scripts/build-cli.mjs makes the
// cache from a run of `kap analyze --json` on a small sample (KAP_CODE_CACHE_WRITE=1 below):
// V8 then keeps the bytecode of everything that run compiled, not only the top level.
// Measured (bin/kap.js with and without the cache, 25 alternating runs): `kap analyze --json` of
// a small CSV 0.19 → 0.16 s of CPU, `kap --help` 0.11 → 0.10 s. Node 20 has no
// module.enableCompileCache (Node 22), hence vm.Script's cachedData. V8 refuses the cache under
// other V8 flags (NODE_OPTIONS=--max-old-space-size=…, bin/kap.js's second process for a file
// over 256 MB): kap then compiles as before.
const { createHash } = require("node:crypto");
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname } = require("node:path");
const { Script } = require("node:vm");

/** Bytes of the SHA-1 of the wrapped bundle at the head of the cache file. */
const HASH_BYTES = 20;

/** Node's own module wrapper, on the first line, so that line numbers stay those of the file. */
const WRAP = ["(function (exports, require, module, __filename, __dirname) { ", "\n})"];

/**
 * The bundle's exports, as require(file) gives them, and what became of the cache: "used";
 * "none" (no cache file: the bundle is simply required); "stale" (made from other bytes than
 * the bundle's, so not given to V8: V8 itself checks only the source's length); "rejected" (V8
 * refused it: another Node version or V8 flags); "writing" (KAP_CODE_CACHE_WRITE=1: compiled
 * afresh, and the cache is written when the process exits).
 * The bundle runs as a CommonJS module would (exports, require, module, __filename, __dirname),
 * but is not in require.cache and is not require.main. It must not use import(): a vm.Script
 * has no module loader for it in Node 20 (the build makes no cache for a bundle that does).
 * @param {string} file
 * @returns {{ exports: Record<string, unknown>, cache: "used" | "none" | "stale" | "rejected" | "writing" }}
 */
function loadBundle(file) {
  const cacheFile = `${file}.cache`;
  const writing = process.env.KAP_CODE_CACHE_WRITE === "1";
  let cache;
  if (!writing) {
    try {
      cache = readFileSync(cacheFile);
    } catch {
      return { exports: require(file), cache: "none" };
    }
  }
  const bytes = readFileSync(file);
  const hash = createHash("sha1").update(WRAP[0]).update(bytes).update(WRAP[1]).digest();
  const fresh =
    cache !== undefined && cache.length > HASH_BYTES && hash.equals(cache.subarray(0, HASH_BYTES));
  const script = new Script(`${WRAP[0]}${bytes.toString("utf8")}${WRAP[1]}`, {
    filename: file,
    cachedData: fresh ? cache.subarray(HASH_BYTES) : undefined,
  });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (writing)
    process.on("exit", () => {
      // whole or not at all: another kap may be reading it
      const part = `${cacheFile}.${process.pid}`;
      writeFileSync(part, Buffer.concat([hash, script.createCachedData()]));
      renameSync(part, cacheFile);
    });
  const status = writing
    ? "writing"
    : !fresh
      ? "stale"
      : script.cachedDataRejected
        ? "rejected"
        : "used";
  return { exports: module.exports, cache: status };
}

module.exports = { loadBundle };
