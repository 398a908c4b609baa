/**
 * An --out that cannot be written is told in one line, with a non-zero exit, before the analysis:
 * never a hang (Node's recursive mkdir loops forever under /proc), never the wrong reason (a link
 * that leads nowhere was "its folder cannot be made" or "part of its path is a file").
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, KAP } from "./kapProcess";
import { refused } from "./refused";

const dir = mkdtempSync(join(tmpdir(), "kap-unwritable-"));
const orders = join(dir, "orders.csv");
writeFileSync(orders, "Customer ID,Order Date,SKU,Qty,Revenue\nA1,2026-10-01,X,1,10\n");

/** `kap …args` in a child process, stopped after 20 s: a hang is a failed test, not a stuck run. */
const kapQuickly = (...args: string[]) =>
  spawnSync(process.execPath, [KAP, ...args], { encoding: "utf8", timeout: 20_000 });

const onLinux = existsSync("/proc/self") ? test : test.skip;

beforeAll(() => buildCli(), 120_000);

onLinux(
  "--out under /proc, where no folder can be made, ends at once with one line and status 1 (was: a hang)",
  () => {
    for (const args of [
      ["qbr", orders, "--account", "A1", "--out", "/proc/kap-x/q.xlsx"],
      ["qbr", orders, "--all-top", "1", "--out", "/proc/kap-x"],
      ["sheets", orders, "--account", "A1", "--out", "/proc/kap-x/deeper/s.xlsx"],
    ]) {
      const r = kapQuickly(...args, "--quiet");
      expect(r.error).toBeUndefined(); // no timeout
      expect(r.status).toBe(1);
      const out = args[args.length - 1];
      expect(r.stderr).toBe(
        `Cannot write ${out}: its folder cannot be made. Give --out a path in a folder you can write to.\n`
      );
    }
  },
  60_000
);

onLinux(
  "--out straight in /proc (a folder that takes no files) is one line and status 1 too",
  () => {
    const r = kapQuickly("qbr", orders, "--account", "A1", "--out", "/proc/kap-q.xlsx", "--quiet");
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    // root may write anywhere (the system refuses the file); anyone else may not write in /proc
    expect([
      "Cannot write /proc/kap-q.xlsx: its folder takes no new files (a system folder?). Give --out a path in a folder you can write to.\n",
      "Cannot write /proc/kap-q.xlsx: you may not write there. Give --out a path in a folder you can write to.\n",
    ]).toContain(r.stderr);
  },
  60_000
);

test("--out that is a link to a folder that does not exist says so (was: 'its folder cannot be made', the link's own folder existing)", async () => {
  const link = join(dir, "report.xlsx");
  symlinkSync(join(dir, "gone", "report.xlsx"), link);
  expect(await refused(["qbr", orders, "--account", "A1", "--out", link])).toBe(
    `Cannot write ${link}: it is a link to ${join(dir, "gone", "report.xlsx")}, whose folder does not exist. Give --out another path, or make that folder first.`
  );
});

test("a folder of workbooks named by a link to nowhere, or a path through one, says so (was: 'part of its path is a file' / 'its folder cannot be made')", async () => {
  const link = join(dir, "pack");
  symlinkSync(join(dir, "nowhere"), link);
  const why = `is a link to ${join(dir, "nowhere")}, which does not exist. Give --out another path, or make that folder first.`;
  expect(await refused(["qbr", orders, "--all-top", "1", "--out", link])).toBe(
    `Cannot write ${link}: it ${why}`
  );
  const inside = join(link, "q.xlsx");
  expect(await refused(["sheets", orders, "--account", "A1", "--out", inside])).toBe(
    `Cannot write ${inside}: ${link} ${why}`
  );
});

test("a link to a file not made yet, in a folder that exists, is written through as before", async () => {
  const link = join(dir, "via-link.xlsx");
  symlinkSync(join(dir, "target.xlsx"), link);
  expect(
    await refused([
      "qbr",
      orders,
      "--account",
      "NOPE",
      "--out",
      link,
      "--quiet",
      "--as-of",
      "2026-10-31",
    ])
  ).toMatch(/NOPE/);
});
