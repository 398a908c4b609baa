/** The summary table keeps one account to a line, whatever the export put inside a name. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

jest.setTimeout(120_000);

const MAIN = resolve(__dirname, "../../src/cli/main.ts");
const dir = mkdtempSync(join(tmpdir(), "kap-oneline-"));

test("a customer name with a line break inside its quotes (an address-style export) is shown on the account's one line", () => {
  const p = join(dir, "names.csv");
  writeFileSync(
    p,
    [
      "Customer,Customer ID,Order Date,Order No,SKU,Qty,Line Total",
      '"Acme\r\nLtd",A1,2026-10-01,O1,X1,2,200',
      '"Bolt\tand  Co",B1,2026-10-06,O3,X1,1,30',
    ].join("\r\n")
  );
  const r = spawnSync(process.execPath, ["-r", "tsx/cjs", MAIN, "analyze", p, "--quiet"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  const lines = r.stdout.split("\n");
  const table = lines.slice(lines.findIndex((l) => l.startsWith("Account ")) + 1).filter(Boolean);
  // two accounts, two lines: A1 £200, B1 £30
  expect(table).toHaveLength(2);
  expect(table[0]).toMatch(/^A1 +Acme Ltd +\d\.\d\d .* £200 /);
  expect(table[1]).toMatch(/^B1 +Bolt and Co +\d\.\d\d .* £30 /);
});

test("one return is 'one return', not '1 returns'", () => {
  const p = join(dir, "one-return.csv");
  writeFileSync(
    p,
    [
      "Customer ID,Order Date,Order No,SKU,Qty,Line Total",
      "A1,2026-10-01,O1,X1,2,200",
      "A1,2026-10-03,C1,X1,-1,-100",
    ].join("\n")
  );
  const r = spawnSync(process.execPath, ["-r", "tsx/cjs", MAIN, "analyze", p, "--quiet"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("Order lines: 2 (1 return) · accounts: 1 ·");
});
