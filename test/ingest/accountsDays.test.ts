/** The accounts table's average days beyond terms written with their unit, as people type them. */
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import { parseAccounts } from "../../src/ingest/tables";

test('"5 days", "12 days late", "3 days early", "4d" and "+2" are read as days beyond terms (was: left out, Payment n/a, without a word)', () => {
  const values: Cell[][] = [
    ["Account ID", "Account Name", "Avg Days Beyond Terms"],
    ["C1", "Gamma", "5 days"],
    ["D1", "Delta", "12 days late"],
    ["E1", "Eps", "3 days early"],
    ["F1", "Phi", "4d"],
    ["G1", "Gee", "+2"],
    ["H1", "Aitch", 7],
  ];
  const grid: Grid = { name: "Accounts", values };
  const d = detectTable(grid)!;
  const days = parseAccounts(d.mapping, values, 1).records.map((r) => [
    r.accountId,
    r.daysBeyondTerms,
  ]);
  expect(days).toEqual([
    ["C1", 5],
    ["D1", 12],
    ["E1", -3],
    ["F1", 4],
    ["G1", 2],
    ["H1", 7],
  ]);
});
