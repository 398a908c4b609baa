/**
 * An option's value that starts with "-" (`--discount -0.5`, `--horizon-months -1`): Node's
 * parser calls it "ambiguous", which told the user nothing; kap says how to give it.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

// The TypeScript source through tsx, as a user runs kap: on a loaded machine that takes a while.
jest.setTimeout(120_000);
const MAIN = resolve(__dirname, "../../src/cli/main.ts");
const kap = (...args: string[]) =>
  spawnSync(process.execPath, ["-r", "tsx/cjs", MAIN, ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });

test.each([
  [["clv", "orders.csv", "--discount", "-0.5"], "--discount", "-0.5"],
  [["clv", "orders.csv", "--horizon-months", "-1", "--json"], "--horizon-months", "-1"],
  [["sheets", "orders.csv", "--account", "-C01", "--out", "s.xlsx"], "--account", "-C01"],
])("%p names the value and how to write it, in one line, status 1", (args, option, value) => {
  const r = kap(...args);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    `${option} "${value}" starts with "-", so it was read as an option: to give that value, write ${option}=${value}.\n`
  );
});
