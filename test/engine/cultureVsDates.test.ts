/**
 * The workbook's culture reads month-first (en-US) but the order dates include 15.10.2026, which
 * only reads day-first: the column is read day-first as a whole, and the user is told, rather
 * than 01.10.2026 read as 10 January beside 15.10.2026 read as 15 October.
 */
import { join } from "node:path";
import { isoToSerial } from "../../src/domain/dates";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";

test("dates that read one way only settle the column against the culture, with a note", async () => {
  const { grids } = await readWorkbookFile(join(__dirname, "../fixtures/tester/de-1252-summe.csv"));
  const report = await loadGrids(new KapEngine(), grids, defaultSettings(), { culture: "en-US" });
  // 03.09.2026, 15.10.2026, 20.10.2026 (GU), 01.10.2026: 3 September to 20 October 2026
  expect(report.firstDate).toBe(isoToSerial("2026-09-03"));
  expect(report.lastDate).toBe(isoToSerial("2026-10-20"));
  expect(report.read).toMatchObject({ dateOrder: "dmy", dateOrderSource: "data" });
  expect(report.warnings).toContain(
    'The workbook\'s regional settings (en-US) read dates month-first, but order dates such as "15.10.2026" read day-first only: every order date is read day-first.'
  );
});

test("dates that read both ways still follow the culture", async () => {
  const values = [
    ["Order Date", "Customer", "SKU", "Qty", "Revenue"],
    ["02/03/2025", "A", "S", 1, 1],
  ];
  const us = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings(), {
    culture: "en-US",
  });
  expect(us.firstDate).toBe(isoToSerial("2025-02-03"));
  expect(us.warnings.join(" ")).not.toMatch(/regional settings/);
});

test("dates written with dots are day-first even when every day is 12 or less: 05.10.2026 is 5 October, under en-US too", async () => {
  const values = [
    ["Order Date", "Customer", "SKU", "Qty", "Revenue"],
    ["05.10.2026", "A", "S", 1, 1],
    ["01.10.2026", "B", "S", 1, 2],
  ];
  // by hand: 1 October to 5 October 2026 (month-first would be 10 January to 10 May)
  const us = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings(), {
    culture: "en-US",
  });
  expect(us.firstDate).toBe(isoToSerial("2026-10-01"));
  expect(us.lastDate).toBe(isoToSerial("2026-10-05"));
  expect(us.read).toMatchObject({ dateOrder: "dmy", dateOrderSource: "data" });
  expect(us.warnings.join(" ")).toContain(
    'The workbook\'s regional settings (en-US) read dates month-first, but the order dates are written with dots, as day-first dates are ("05.10.2026"): every order date is read day-first.'
  );
  // without a culture: day-first from the data, not assumed
  const plain = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings());
  expect(plain.lastDate).toBe(isoToSerial("2026-10-05"));
  expect(plain.read).toMatchObject({ dateOrder: "dmy", dateOrderSource: "data" });
});
