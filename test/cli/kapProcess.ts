/**
 * The `kap` command as a user runs it: bin/kap.js in a child process (its exit status, stdout
 * and stderr), after the bundle is built from the source under test (bin/kap.js runs the bundle).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const KAP = resolve(__dirname, "../../bin/kap.js");

/** Runs `kap …args` to its end (at most 2 minutes). */
export const kap = (...args: string[]) =>
  spawnSync(process.execPath, [KAP, ...args], { encoding: "utf8", timeout: 120_000 });

/** Builds dist/cli from the source under test (call in beforeAll). */
export function buildCli(): void {
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
}
