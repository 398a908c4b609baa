/**
 * An engine over one small order grid, analysed under a workbook culture (or none), and the texts
 * of the sheets it writes for account "A": what the culture tests of the sheets read.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { ActionId } from "../../src/engine/actions";
import type { Grid } from "../../src/ingest/grid";
import type { SheetSpec } from "../../src/sheets/spec";

export async function engineIn(grid: Grid, culture?: string): Promise<KapEngine> {
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings(), culture ? { culture } : {});
  e.analyze(defaultSettings());
  return e;
}

/** Every text of a sheet, its tables' header rows too. */
export const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");

/** The sheets an action writes for account "A", as values (not live formulas); `preparedOn` the day the QBR is made. */
export function sheetsOf(e: KapEngine, action: ActionId, preparedOn?: number): SheetSpec[] {
  return e.sheets(action, { accountKey: "A", live: false, preparedOn });
}
