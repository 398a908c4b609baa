/**
 * The pane says what kap says when the as-of date is before the data's last order: how many
 * order lines after it are not counted, and up to which date.
 *
 * Worked by hand (fixtures/monthlyOrders): account a's m-th order is dated START + 30m + a,
 * A5 stopping after m = 20. As of START + 30·22 + 6 every m = 22 order (START + 660 + a, a ≤ 6)
 * is on or before it; the m = 23 orders of A1–A4 and A6 are after it: 5 lines, the last
 * START + 690 + 6. Their Line Totals, 100 + 10a + 23: 133 + 143 + 153 + 163 + 183 = 775.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import { serialToIso } from "../../src/domain/dates";
import type { Progress } from "../../src/engine/contract";
import { monthlyOrderRows } from "./fixtures/monthlyOrders";

const START = 45_601; // 2024-11-05

test("an as-of date before the last order: the pane warns that 5 order lines after it are not counted", async () => {
  const x = new ExcelDouble(["Orders"], "web");
  x.model.fill(x.sheet("Orders"), "A1", monthlyOrderRows(START));
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const asOf = serialToIso(START + 30 * 22 + 6);
  // 2024-11-05 + 666 days: + 365 = 2025-11-05, + 301 = 2026-09-02; the last order 30 days on, 2026-10-02.
  // The double's workbook is en-GB: the pane's warning writes them as it does, dd/mm/yyyy.
  expect(asOf).toBe("2026-09-02");
  const [asOfShown, lastShown] = ["02/09/2026", "02/10/2026"];
  const settings = { ...defaultSettings(), asOf };
  const host = createExcelHost();
  await host.analyze(settings, (_p: Progress) => undefined, new AbortController().signal);
  const d = await host.discover(settings, { reuse: true });
  expect(d.summary!.warnings).toContain(
    `The as-of date ${asOfShown} is before the last order line in the data (${lastShown}): 5 order lines dated after it, up to ${lastShown}, are not counted. Those lines' value is £775.00. Leave the as-of date blank to count every line, as of the last order date.`
  );
});
