/**
 * Text from the data never drives the terminal: a customer named "Bell\x07 \x1b[31mRED" (BEL,
 * then an escape sequence that turns the terminal red, or could retitle it, clear it or plant a
 * link) was printed as is by `kap analyze` and in error lines. Control characters are shown as
 * U+FFFD instead; the layout's own line breaks and tabs stay.
 */
import { PassThrough } from "node:stream";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Output } from "../../src/cli/output";

jest.setTimeout(120_000);

test("Output.line shows control characters as U+FFFD, keeping line breaks and tabs", () => {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (b: Buffer) => (text += b.toString()));
  new Output(stream).line("B\x07 \x1b[31mRED\x9b2J\x7f\tnext\nline");
  stream.end();
  expect(text).toBe("B\uFFFD \uFFFD[31mRED\uFFFD2J\uFFFD\tnext\nline\n");
});

test("kap analyze and its error line print no escape character from the data", () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-ctl-"));
  const file = join(dir, "orders.csv");
  writeFileSync(
    file,
    "Customer ID,Customer Name,Order Date,Order No,SKU,Qty,Revenue\nB,Bell\x07 \x1b[31mRED,2026-09-05,O3,X,1,50\n"
  );
  const MAIN = resolve(__dirname, "../../src/cli/main.ts");
  const kap = (...args: string[]) =>
    spawnSync(process.execPath, ["-r", "tsx/cjs", MAIN, ...args], { encoding: "utf8" });
  const r = kap("analyze", file, "-q");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("Bell\uFFFD \uFFFD[31mRED");
  expect(r.stdout).not.toMatch(/[\x07\x1b]/);
  // an --account from the command line echoed in the error
  const e = kap(
    "sheets",
    file,
    "--account",
    "\x1b]0;owned\x07",
    "--out",
    join(dir, "s.xlsx"),
    "-q"
  );
  expect(e.status).toBe(1);
  expect(e.stderr).toBe('No account "\uFFFD]0;owned\uFFFD" in the order lines.\n');
});
