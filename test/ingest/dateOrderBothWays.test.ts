/**
 * A date column the data (or the culture) settled one way that also holds a date reading only the
 * other way. Before, 31/08/2026 settled day-first and 09/30/2026 (month-first only) was read as
 * 30 September with nothing said — and became the as-of date; 05/09/2026 was read as 5 September.
 * Now the figures stay (each date read the only way it reads; those reading both ways the settled
 * way) and a warning names the row, says the column holds both orders, and that the date is the
 * as-of date. Worked out by hand.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { isoToSerial } from "../../src/domain/dates";

const HEADER = ["Date", "Customer", "Product", "Category", "Qty", "Amount"];

test("a month-first-only date in a column the data settled day-first is named with its row, and as the as-of date", async () => {
  const values = [
    HEADER,
    ["31/08/2026", "Juliet Ltd", "Widget", "Widgets", 1, 100], // row 2: day-first only
    ["09/30/2026", "Juliet Ltd", "Gadget", "Gadgets", 1, 50], // row 3: month-first only, 30 Sep
    ["05/09/2026", "Kilo Ltd", "Widget", "Widgets", 1, 70], // row 4: both ways, read 5 Sep
  ];
  const report = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings());
  // nothing lost: 100 + 50 + 70 = 220 over 3 lines, 31 Aug – 30 Sep 2026
  expect(report.accepted).toBe(3);
  expect(report.firstDate).toBe(isoToSerial("2026-08-31"));
  expect(report.lastDate).toBe(isoToSerial("2026-09-30"));
  expect(report.warnings).toContain(
    'The order dates were read day-first (the data: row 2 holds "31/08/2026"), but row 3 holds "09/30/2026", which reads only month-first: the date column holds dates written both ways. Dates that read both ways, such as "05/09/2026", were read day-first and may be misread. Row 3\'s "09/30/2026", read as 30 September 2026, is the last order date, and so the as-of date unless another is given. Check the date column (one order throughout), and analyse again.'
  );
});

test("past the first 1,000 rows, a day-first-only date in a month-first column is named too", async () => {
  const values: (string | number)[][] = [HEADER];
  // row 2: 12/13/2026 settles month-first; rows 3–1,502: 01/02/2026 (2 January, both ways);
  // row 1,503: 25/01/2026, day-first only (25 January), not the last date (13 December is)
  values.push(["12/13/2026", "A", "P", "C", 1, 1]);
  for (let i = 0; i < 1_500; i++) values.push(["01/02/2026", "A", "P", "C", 1, 1]);
  values.push(["25/01/2026", "A", "P", "C", 1, 1]);
  const report = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings());
  expect(report.accepted).toBe(1_502);
  expect(report.lastDate).toBe(isoToSerial("2026-12-13"));
  expect(report.warnings).toContain(
    'The order dates were read month-first (the data: row 2 holds "12/13/2026"), but row 1503 holds "25/01/2026", which reads only day-first: the date column holds dates written both ways. Dates that read both ways, such as "01/02/2026", were read month-first and may be misread. Check the date column (one order throughout), and analyse again.'
  );
});

test("a column written one way throughout gets no such warning", async () => {
  const values = [
    HEADER,
    ["31/08/2026", "A", "P", "C", 1, 1],
    ["05/09/2026", "A", "P", "C", 1, 1],
    ["30/09/2026", "A", "P", "C", 1, 1],
  ];
  const report = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings());
  expect(report.warnings.join(" ")).not.toMatch(/written both ways|read day-first/);
});
