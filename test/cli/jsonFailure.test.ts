/**
 * `kap analyze --json` that fails part-way: never a truncated JSON text taken for a whole one.
 * The run always ends with exit status 1 and one line on stderr; an error while the JSON is made
 * leaves standard output as it was (a file is written as the text is made and cut back to where
 * the JSON began; a pipe gets nothing until the text is made in full), and so does a failed
 * write to a file, or Ctrl-C while the JSON is written. Errors are forced into the built `kap`
 * by a preloaded script (test/cli/preload), on a file whose JSON is about 1 MB (16 and more
 * blocks of 64 KB), so the failure comes after the first parts of the output.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-jsonfail-"));
const FILE = join(dir, "orders.csv");

beforeAll(() => {
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
  // 600 accounts of two lines each; "ZZ-FAIL" buys least, so it comes late in the account lists
  let text = "Order Date,Customer,Order No,SKU,Qty,Revenue\n";
  for (let i = 0; i < 600; i++) {
    text += `2026-10-${String(1 + (i % 28)).padStart(2, "0")},C${i},O${i},S${i % 7},1,${100 + i}\n`;
    text += `2026-09-${String(1 + (i % 28)).padStart(2, "0")},C${i},P${i},S${i % 5},2,${50 + i}\n`;
  }
  text += "2026-10-03,ZZ-FAIL,O9999,S1,1,1\n";
  writeFileSync(FILE, text);
});

/** kap analyze FILE --json with `preload`, standard output into a file that already holds `before`. */
function run(preload: string | undefined, before = "") {
  return runWith(preload, before);
}

/** As run, with the whole result of spawnSync (its signal too). */
function runWith(preload: string | undefined, before = "") {
  const outFile = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(outFile, before);
  const fd = openSync(outFile, "a");
  const pre = preload ? ["-r", resolve(__dirname, "preload", preload)] : [];
  const r = spawnSync(
    process.execPath,
    [...pre, KAP, "analyze", FILE, "--json", "--quiet", "--as-of", "2026-10-31"],
    { stdio: ["ignore", fd, "pipe"], encoding: "utf8", timeout: 120_000 }
  );
  closeSync(fd);
  return {
    status: r.status,
    signal: r.signal,
    stderr: r.stderr,
    out: readFileSync(outFile, "utf8"),
  };
}

test("without a failure the JSON is whole (and over 64 KB, so the failures below come part-way)", () => {
  const r = run(undefined);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
  expect(r.out.length).toBeGreaterThan(200_000);
  const j = JSON.parse(r.out) as { ingest: { accounts: number } };
  expect(j.ingest.accounts).toBe(601);
});

test("an error while making a late part of the JSON: nothing on standard output, exit 1, one line on stderr", () => {
  const r = run("failWhileMakingJson.js");
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("kap: forced failure while making the JSON\n");
  expect(r.out).toBe("");
});

test("a write error part-way: exit 1, one line on stderr, and the file is cut back to what it held before", () => {
  const r = run("failWritingStdout.js", "earlier output\n");
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("kap: cannot write the output (EIO: i/o error, write).\n");
  expect(r.out).toBe("earlier output\n");
});

test("an error while making the JSON into a file that held text: the file is cut back to that text", () => {
  const r = run("failWhileMakingJson.js", "earlier output\n");
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("kap: forced failure while making the JSON\n");
  expect(r.out).toBe("earlier output\n");
});

test("Ctrl-C while the JSON is written to a file: kap ends by SIGINT and the file is cut back to what it held before", () => {
  const r = runWith("interruptWhileMakingJson.js", "earlier output\n");
  expect(r.signal).toBe("SIGINT");
  expect(r.out).toBe("earlier output\n");
});

test("to a pipe, an error while making the JSON: nothing reaches the pipe", () => {
  const r = spawnSync(
    process.execPath,
    [
      "-r",
      resolve(__dirname, "preload", "failWhileMakingJson.js"),
      KAP,
      "analyze",
      FILE,
      "--json",
      "--quiet",
      "--as-of",
      "2026-10-31",
    ],
    { encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 }
  );
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("kap: forced failure while making the JSON\n");
  expect(r.stdout).toBe("");
});
