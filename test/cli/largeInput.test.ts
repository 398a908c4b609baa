/**
 * Large inputs end with kap's one-line message naming the limit, never a native stack trace
 * (issue 17). Run on the built bundle with a small heap, as a laptop's Node meets a large file.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-large-"));

beforeAll(() => {
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
});

/** `kap analyze FILE --json` as of 31 Oct 2026, with Node's old generation at `heapMb` when given. */
function analyze(file: string, heapMb?: number) {
  const args = [KAP, "analyze", file, "--json", "--quiet", "--as-of", "2026-10-31"];
  return spawnSync(process.execPath, heapMb ? [`--max-old-space-size=${heapMb}`, ...args] : args, {
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 1 << 30,
  });
}

/** The run failed in kap's own words: exit 1, no native heap report. */
function expectRefused(run: ReturnType<typeof analyze>): void {
  expect(run.status).toBe(1);
  expect(run.stderr).not.toMatch(/FATAL|heap out of memory|Native stack/);
}

test("more accounts than the heap can analyse: one line naming the accounts, the memory and the setting, exit 1, before the analysis runs out", () => {
  // 20,000 lines, each its own account (a shape where every order is a new customer)
  const file = join(dir, "accounts.csv");
  let text = "Order Date,Customer,SKU,Qty,Revenue\n";
  for (let i = 0; i < 20_000; i++)
    text += `2026-10-${String(1 + (i % 28)).padStart(2, "0")},C${i},S${i % 40},1,10\n`;
  writeFileSync(file, text);
  // a 64 MB old generation: the analysis of 20,000 accounts (about 6 KB each) would run out
  const small = analyze(file, 64);
  expectRefused(small);
  expect(small.stdout).toBe("");
  const lines = small.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  // no category column: one group, "Uncategorised". 20,000 × (8 KiB + 1 × 16 B) =
  // 164,160,000 B = 156.6 MiB, said as 157 MB
  expect(lines[0]).toMatch(
    /^accounts\.csv has 20,000 accounts and 1 category: analysing them takes about 157 MB, more than the [\d,]+ MB left of Node's [\d,]+ MB heap\. Give Node more memory \(NODE_OPTIONS=--max-old-space-size=\d+\) or analyse the accounts in parts\.$/
  );
  // with the default heap the same file is analysed: 20,000 accounts, £10 each
  const full = analyze(file);
  expect(full.status).toBe(0);
  const json = JSON.parse(full.stdout) as { ingest: { accounts: number; revenue: number } };
  expect(json.ingest.accounts).toBe(20_000);
  expect(json.ingest.revenue).toBe(200_000);
});

test("accounts × categories past the heap (the whitespace map's two numbers for each) are refused the same way", () => {
  // 4,000 accounts, each buying one of 2,000 categories
  const file = join(dir, "categories.csv");
  let text = "Order Date,Customer,SKU,Category,Qty,Revenue\n";
  for (let i = 0; i < 4000; i++)
    text += `2026-10-${String(1 + (i % 28)).padStart(2, "0")},C${i},S${i % 2000},Cat ${i % 2000},1,10\n`;
  writeFileSync(file, text);
  const small = analyze(file, 64);
  expectRefused(small);
  // 4,000 × (8 KiB + 2,000 × 16 B) = 160,768,000 B = 153.3 MiB, said as 154 MB
  expect(small.stderr.trimEnd()).toMatch(
    /^categories\.csv has 4,000 accounts and 2,000 categories: analysing them takes about 154 MB, more than the [\d,]+ MB left of Node's [\d,]+ MB heap\. Give Node more memory \(NODE_OPTIONS=--max-old-space-size=\d+\) or analyse the accounts in parts\.$/
  );
  const full = analyze(file);
  expect(full.status).toBe(0);
  const json = JSON.parse(full.stdout) as {
    portfolio: { whitespaceMap: { categories: string[] } };
  };
  expect(json.portfolio.whitespaceMap.categories).toHaveLength(2000);
});

test("more cross-sell rules than the heap left can hold are refused in one line; with the default heap they are all written", () => {
  // 10 accounts that each buy all 300 categories: every ordered pair of categories is bought
  // together by 10 accounts, 300 × 299 = 89,700 rules (about 58 MB at 650 bytes each)
  const file = join(dir, "rules.csv");
  let text = "Order Date,Customer,SKU,Category,Qty,Revenue\n";
  for (let a = 0; a < 10; a++)
    for (let c = 0; c < 300; c++) text += `2026-10-01,C${a},S${c},Cat ${c},1,10\n`;
  writeFileSync(file, text);
  const small = analyze(file, 64);
  expectRefused(small);
  expect(small.stderr.trimEnd()).toMatch(
    /^kap: The categories bought together by 3 or more accounts make more than [\d,]+ cross-sell rules, more than there is memory for: the category column has 300 values\. Map a coarser category column \(a product group, not a product\), or give the analysis more memory\.$/
  );
  const full = analyze(file);
  expect(full.status).toBe(0);
  const json = JSON.parse(full.stdout) as { portfolio: { categoryRules: unknown[] } };
  expect(json.portfolio.categoryRules).toHaveLength(89_700);
});
