/**
 * bin/kap.js starts the reading thread on a large text file before it loads the command's bundle
 * (src/cli/readingThread.ts, readEarly): only for a command that reads a file, only for the one
 * text file named, only where the command would read it on the thread anyway; the command then
 * takes it over (takeEarlyReader), and the rows, hence the JSON, are those read without it.
 * KAP_READ_THREAD=1 reads on the thread at any size, so small files stand in for large ones.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { EarlyReader, ReadingThread } from "../../src/cli/readingThread";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-early-"));
const ORDERS = join(dir, "orders.csv");
const OTHER = join(dir, "other.csv");

/** The built module (its csvWorker.js is beside it, as in an installed kap). */
type Built = {
  readEarly(args: readonly string[]): EarlyReader | undefined;
  offerEarlyReader(early: EarlyReader | undefined): void;
  takeEarlyReader(path: string): ReadingThread | undefined;
};
let built: Built;

beforeAll(async () => {
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
  built = (await import(resolve(__dirname, "../../dist/cli/readingThread.js"))) as Built;
  // 300 lines: 3 accounts × 100 days of October and September 2026, revenue 10 a line
  let text = "Order Date,Customer,Order No,SKU,Qty,Revenue\n";
  for (let i = 0; i < 300; i++)
    text += `2026-${i % 2 ? "09" : "10"}-${String(1 + (i % 28)).padStart(2, "0")},C${i % 3},O${i},S${i % 5},1,10\n`;
  writeFileSync(ORDERS, text);
  writeFileSync(OTHER, text);
});

/** Runs `fn` with KAP_READ_THREAD set to `value` (undefined: unset). */
function withThread<T>(value: string | undefined, fn: () => T): T {
  const before = process.env.KAP_READ_THREAD;
  if (value === undefined) delete process.env.KAP_READ_THREAD;
  else process.env.KAP_READ_THREAD = value;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.KAP_READ_THREAD;
    else process.env.KAP_READ_THREAD = before;
  }
}

/** Stops a thread readEarly started, and waits for it. */
async function stop(early: EarlyReader | undefined): Promise<void> {
  if (early) await early.thread.worker.terminate();
}

test("started for the one text file of a reading command, taken by that file only once", async () => {
  const early = withThread("1", () =>
    built.readEarly(["analyze", ORDERS, "--as-of", "2026-10-31"])
  );
  expect(early?.path).toBe(ORDERS);
  expect(early?.thread.job).toEqual({ kind: "text", path: ORDERS });
  built.offerEarlyReader(early);
  expect(built.takeEarlyReader(ORDERS)).toBe(early!.thread);
  // a second source of the same file starts its own
  expect(built.takeEarlyReader(ORDERS)).toBeUndefined();
  await stop(early);
});

test("a thread started on another file than the command reads is stopped", async () => {
  const early = withThread("1", () => built.readEarly(["analyze", OTHER]));
  built.offerEarlyReader(early);
  const exited = new Promise((r) => early!.thread.worker.once("exit", r));
  expect(built.takeEarlyReader(ORDERS)).toBeUndefined();
  await exited;
});

test("not started: no reading command, two text files, a workbook, no file, a small file, KAP_READ_THREAD=0", () => {
  withThread("1", () => {
    expect(built.readEarly(["--help", ORDERS])).toBeUndefined();
    expect(built.readEarly(["analyze", ORDERS, OTHER])).toBeUndefined();
    expect(built.readEarly(["analyze", join(dir, "orders.xlsx")])).toBeUndefined();
    expect(built.readEarly(["analyze", join(dir, "missing.csv")])).toBeUndefined();
    expect(built.readEarly(["demo"])).toBeUndefined();
  });
  // 300 lines are far below the 8 MB from which a text file is read on the thread
  withThread(undefined, () => expect(built.readEarly(["analyze", ORDERS])).toBeUndefined());
  withThread("0", () => expect(built.readEarly(["analyze", ORDERS])).toBeUndefined());
});

test("kap analyze gives the same JSON, byte for byte, with the thread started early and on the main thread", () => {
  const counting = ["-r", resolve(__dirname, "preload/countWorkers.js")];
  const run = (thread: string) =>
    spawnSync(
      process.execPath,
      [...counting, KAP, "analyze", ORDERS, "--json", "-q", "--as-of", "2026-10-31"],
      // the fold thread (f2717ea) off: the count is of reading threads
      { encoding: "utf8", env: { ...process.env, KAP_READ_THREAD: thread, KAP_FOLD_THREAD: "0" } }
    );
  const early = run("1");
  const here = run("0");
  expect(early.status).toBe(0);
  expect(early.stdout).toBe(here.stdout);
  // the thread bin/kap.js started is the one that read the file
  expect(early.stderr).toBe("threads started: 1\n");
  expect(here.stderr).toBe("threads started: 0\n");
  // 3 accounts (C0, C1, C2), 300 lines
  const j = JSON.parse(early.stdout) as { ingest: { accounts: number; accepted: number } };
  expect(j.ingest.accounts).toBe(3);
  expect(j.ingest.accepted).toBe(300);
});
