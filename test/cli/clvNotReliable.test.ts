/**
 * Figures from a lifetime fit that is not reliable are flagged on every account's row, in
 * `kap clv` and `kap analyze --json`, not only once above the table: with two currencies the
 * top-level `reliable` is the first (largest) model's, and said nothing of the other's accounts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const KAP = resolve(__dirname, "../../bin/kap.js");
const kap = (...args: string[]) =>
  spawnSync(process.execPath, [KAP, ...args], {
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 1 << 28,
  });
const dir = mkdtempSync(join(tmpdir(), "kap-clv-reliable-"));

/**
 * Three EUR accounts as of 30/06/2026: A orders on 3 days, B on 2, C once — 3 accounts and 2
 * repeat buyers, far under the 200 accounts and 50 repeat buyers a reliable fit needs.
 */
const tiny = join(dir, "tiny.csv");
writeFileSync(
  tiny,
  [
    "Account ID,Order Date,Order ID,SKU,Qty,Revenue,Currency",
    "A,2026-01-05,1,S,1,100,EUR",
    "A,2026-03-05,2,S,1,300,EUR",
    "A,2026-06-05,3,S,1,200,EUR",
    "B,2026-02-05,4,S,1,50,EUR",
    "B,2026-05-05,5,S,1,70,EUR",
    "C,2026-04-05,6,S,1,500,EUR",
  ].join("\n") + "\n"
);

test("kap clv: each account's row from a fit that is not reliable ends 'not reliable'", () => {
  const r = kap("clv", tiny, "--as-of", "2026-06-30");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("! Not reliable: 3 accounts and 2 repeat buyers;");
  const rows = r.stdout.split("\n").filter((l) => /^[ABC] /.test(l));
  expect(rows).toHaveLength(3);
  for (const row of rows) expect(row).toMatch(/€[\d,]+ {2}not reliable$/);
});

test("kap clv --json and kap analyze --json: every account of the thin fit has reliable false", () => {
  const clv = JSON.parse(kap("clv", tiny, "--as-of", "2026-06-30", "--json").stdout);
  expect(clv.reliable).toBe(false);
  expect(clv.accounts.map((a: { reliable: boolean }) => a.reliable)).toEqual([false, false, false]);
  const analysis = JSON.parse(kap("analyze", tiny, "--as-of", "2026-06-30", "--json").stdout);
  expect(
    analysis.portfolio.accounts.map((a: { lifetime: { reliable: boolean } }) => a.lifetime.reliable)
  ).toEqual([false, false, false]);
});

test("two currencies: the CDNOW accounts' reliable fit beside two EUR accounts' thin one — each account carries its own", () => {
  // the CDNOW sample in USD (2,357 accounts, 946 repeat buyers: reliable) and E1 (3 order days),
  // E2 (1): 2 accounts and 1 repeat buyer in EUR
  const cdnow = readFileSync(
    resolve(__dirname, "../fixtures/cdnow/cdnow-sample-orders.csv"),
    "utf8"
  )
    .trim()
    .split(/\r?\n/);
  const file = join(dir, "two-currencies.csv");
  writeFileSync(
    file,
    [
      `${cdnow[0]},Currency`,
      ...cdnow.slice(1).map((l) => `${l},USD`),
      "E1,1997-01-10,1,500,EUR",
      "E1,1997-04-10,1,400,EUR",
      "E1,1997-08-10,1,600,EUR",
      "E2,1997-02-10,1,300,EUR",
    ].join("\n") + "\n"
  );
  const r = kap("clv", file, "--as-of", "1997-09-30", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  // the top-level flag is the largest model's (USD)
  expect([j.accountsFitted, j.reliable]).toEqual([2357, true]);
  const byId = new Map(
    j.accounts.map((a: { accountId: string; reliable: boolean }) => [a.accountId, a.reliable])
  );
  expect([byId.get("00004"), byId.get("E1"), byId.get("E2")]).toEqual([true, false, false]);
  // and each currency's model says its own
  expect([j.models.USD.reliable, j.models.EUR.reliable]).toEqual([true, false]);
  expect(j.models.EUR.warning).toMatch(/^Not reliable: 2 accounts and 1 repeat buyer;/);
});
