/**
 * A file whose every date reads both ways (no field past 12, no culture given) is read day-first,
 * as PRODUCT.md says, and kap says what to do if that is wrong: a US export's dates change the
 * 12-month revenue. By hand, as of 2026-10-31:
 *   A 03/04/2026 £250, 10/11/2025 £50; B 11/10/2026 £120
 *   day-first:   A 3 Apr 2026 + 10 Nov 2025 → £300 in the 12 months; B 11 Oct 2026 → £120
 *   month-first: A 4 Mar 2026 + 11 Oct 2025 (before 1 Nov 2025) → £250; B 10 Nov 2026, after the
 *                as-of date: its first order, so B is not yet a customer and not in the portfolio
 * With --culture the line names it as where the order came from, not "the workbook's".
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

let csv: string;
beforeAll(() => {
  buildCli();
  csv = join(mkdtempSync(join(tmpdir(), "kap-assumed-")), "orders.csv");
  writeFileSync(
    csv,
    "Customer,Order Date,Order No,SKU,Qty,Line Total\nA,03/04/2026,1001,S1,10,250.00\nA,10/11/2025,1002,S1,2,50.00\nB,11/10/2026,1003,S1,4,120.00\n"
  );
});

const revenue = (...args: string[]) => {
  const r = kap("analyze", csv, "--as-of", "2026-10-31", "--json", "--quiet", ...args);
  expect(r.status).toBe(0);
  const p = JSON.parse(r.stdout) as {
    portfolio: { accounts: { accountId: string; revenueLast12: number }[] };
  };
  return Object.fromEntries(p.portfolio.accounts.map((a) => [a.accountId, a.revenueLast12]));
};

test("day-first by assumption, and the summary says how to read month-first", () => {
  const r = kap("analyze", csv, "--as-of", "2026-10-31");
  expect(r.stdout).toContain(
    "  Dates: day-first (assumed: no date in the data settles it) — if the file's dates are month-first (a US export), give --culture en-US\n"
  );
  expect(revenue()).toEqual({ A: 300, B: 120 });
});

test("--culture en-US reads them month-first and the summary names --culture", () => {
  const r = kap("analyze", csv, "--as-of", "2026-10-31", "--culture", "en-US");
  expect(r.stdout).toContain("  Dates: month-first (the --culture given)\n");
  expect(r.stdout).not.toContain("regional settings");
  expect(revenue("--culture", "en-US")).toEqual({ A: 250 });
  expect(r.stdout).toContain("1 account has its first order after the as-of date");
});
