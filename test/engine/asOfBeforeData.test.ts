/**
 * An as-of date before the data's first order (a mistyped year) leaves every line out: every
 * account scores 1.00 Critical as if it never ordered. It is warned about, with the data's span.
 */
import { defaultSettings } from "../../src/engine/settings";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import type { Grid } from "../../src/ingest/grid";

const grid: Grid = {
  name: "Orders",
  values: [
    ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
    ["A", "2026-08-01", "S1", 1, 100],
    ["A", "2026-10-31", "S1", 1, 100],
    ["B", "2026-09-15", "S2", 2, 50],
  ],
};

test("an as-of date before the first order is warned about; one inside the data is not", async () => {
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  const p = e.analyze({ ...defaultSettings(), asOf: "2025-10-31" });
  expect(p.warnings[0]).toBe(
    "The as-of date 2025-10-31 is before the first order in the data (2026-08-01): every order line is after it and left out, so every account looks as if it had never ordered. Set an as-of date within the data (2026-08-01 to 2026-10-31), or leave it blank to analyse as of the last order date."
  );
  // the day of the first order is inside the data: not "before the first order"; since 9608c0e
  // the lines after it are counted out loud instead (2026-09-15 and 2026-10-31: 2 lines, 50 + 100)
  const inside = e.analyze({ ...defaultSettings(), asOf: "2026-08-01" }).warnings;
  expect(inside.some((w) => /before the first order/.test(w))).toBe(false);
  expect(inside).toContain(
    "The as-of date 2026-08-01 is before the last order line in the data (2026-10-31): 2 order lines dated after it, up to 2026-10-31, are not counted. Those lines' value is £150.00. Leave the as-of date blank to count every line, as of the last order date."
  );
});
