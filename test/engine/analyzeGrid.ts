/**
 * Test helper: one order grid through the engine as the pane and the CLI take it (loadGrids with
 * the default settings, then analyze as of `asOf`), with a lookup of an account's row that fails
 * the test by name when the account is missing.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

export async function analyzeGrid(grid: Grid, asOf = "2026-10-31") {
  const engine = new KapEngine();
  const report = await loadGrids(engine, [grid], defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf });
  const row = (id: string) => {
    const a = p.accounts.find((x) => x.accountId === id);
    if (!a) throw new Error(`no account ${id}`);
    return a;
  };
  return { engine, report, p, row };
}
