/**
 * kap qbr, sheets, clv and initiatives say on stderr when the as-of date is set far past the data
 * (as analyze does in its summary).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

let dir: string;
let csv: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "kap-late-"));
  csv = join(dir, "orders.csv");
  writeFileSync(
    csv,
    "Customer,Order Date,SKU,Qty,Revenue\nA,2026-07-05,S1,1,100\nA,2026-09-05,S1,1,100\nA,2026-11-15,S1,1,100\n"
  );
});

test("as of 31/12/2026, 46 days after the last order (15/11/2026): one warning line, the output still made", () => {
  for (const [args, said] of [
    [["qbr", csv, "--account", "A", "--out", join(dir, "q.xlsx")], /Wrote /],
    [["qbr", csv, "--all-top", "1", "--out", join(dir, "pack")], /Wrote /],
    // were silent (tester): the same sheets, lifetime values and progress, as of a lapsed date
    [["sheets", csv, "--account", "A", "--out", join(dir, "s.xlsx")], /Wrote /],
    [["clv", csv], /KAP lifetime value as of 2026-12-31/],
    [["initiatives", csv], /No initiatives in orders\.csv/],
  ] as const) {
    const r = kap(...args, "--as-of", "2026-12-31", "--quiet");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      "kap: warning: The as-of date 2026-12-31 is 46 days after the last order in the data (2026-11-15): recency, win-back stages and alerts count from the as-of date, so accounts look lapsed that may not be. Leave the as-of date blank to analyse as of the last order date.\n"
    );
    expect(r.stdout).toMatch(said);
  }
});

test("as of the last order date: no warning", () => {
  const r = kap("qbr", csv, "--account", "A", "--out", join(dir, "q2.xlsx"), "--quiet");
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
});
