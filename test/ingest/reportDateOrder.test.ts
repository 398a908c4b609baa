/**
 * A QuickBooks report whose every line date reads both ways (10/02/2026) settles day or month
 * first from its own words: the period under its title and its "Accrual basis" footer. A US report
 * read day-first put every order months out (2 October read as 10 February). Worked by hand.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { textDateOrder } from "../../src/ingest/values";
import { serialToIso } from "../../src/domain/dates";

test("the month's name first or the day first", () => {
  expect(
    textDateOrder(["Kestrel Supplies Ltd", "Sales by Customer Detail", "October 1-31, 2026"])
  ).toBe("mdy");
  expect(textDateOrder(["September 1 - October 31, 2026"])).toBe("mdy");
  expect(textDateOrder(["Accrual basis Monday, November 2, 2026 10:15 AM GMT"])).toBe("mdy");
  expect(textDateOrder(["1 September - 31 October 2026"])).toBe("dmy");
  expect(
    textDateOrder(["1-31 October 2026", "Accrual basis Monday 2 November 2026 10:15 GMT"])
  ).toBe("dmy");
  expect(textDateOrder(["Sales by Customer Detail", "All Dates", "October 2026"])).toBeUndefined();
  // words that disagree settle nothing
  expect(textDateOrder(["October 1-31, 2026", "2 November 2026"])).toBeUndefined();
});

test("a US QuickBooks Online report with only ambiguous dates is read month-first from its title", async () => {
  const { grids } = await readWorkbookFile(
    join(__dirname, "../fixtures/exports/quickbooks-online-us-ambiguous-dates.csv")
  );
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  expect(report.read).toMatchObject({ dateOrder: "mdy", dateOrderSource: "data" });
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const days = Object.fromEntries(
    p.accounts.map((a) => [a.accountId, a.health.inputs.daysSinceLastOrder])
  );
  // Brightwell's last order 10/05/2026 = 5 October: 26 days before 31 October (not 10 May, 174 days);
  // Harbour's 10/10/2026 is a credit note, so its last order is 09/03/2026 = 3 September:
  // 27 days to 30 September + 31 = 58 days (day-first it was 9 March, 236 days)
  expect(days).toEqual({ "Brightwell Electrical Ltd": 26, "Harbour Plumbing & Heating": 58 });
  // first line 09/01/2026 = 1 September
  expect(serialToIso(report.firstDate!)).toBe("2026-09-01");
});
