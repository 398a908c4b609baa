/**
 * The date order is settled from the first rows, read on while every text date reads both ways,
 * up to 50,000 rows (engine/session SAMPLE_ROWS_MAX). Before, a file whose first 50,000 dates all
 * read both ways was read day-first, and a later "01/13/2025" (month-first only) was read its
 * own way with nothing said: the 50,000 lines of "02/03/2025" stood on 2 March, the one line on
 * 13 January. The figures stay (nothing says which way the rest were meant) and a warning names
 * the row. Worked out by hand.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { isoToSerial } from "../../src/domain/dates";
import { textDateReading } from "../../src/ingest/values";

jest.setTimeout(60_000);

const HEADER = ["Order Date", "Customer", "SKU", "Qty", "Revenue"];

test("a date past the first 50,000 rows that reads only month-first is named with its row", async () => {
  const values: (string | number)[][] = [HEADER];
  // rows 2–50,002: 02/03/2025, both ways; row 50,003: 01/13/2025, month-first only
  for (let i = 0; i < 50_001; i++) values.push(["02/03/2025", "A", "S", 1, 1]);
  values.push(["01/13/2025", "A", "S", 1, 1]);
  const report = await loadGrids(new KapEngine(), [{ name: "Orders", values }], defaultSettings());
  // day-first by default: 02/03/2025 is 2 March 2025; 01/13/2025 only 13 January 2025
  expect(report.accepted).toBe(50_002);
  expect(report.firstDate).toBe(isoToSerial("2025-01-13"));
  expect(report.lastDate).toBe(isoToSerial("2025-03-02"));
  expect(report.warnings).toContain(
    'The order dates were read day-first (no date in the first rows read only one way), but row 50003 holds "01/13/2025", which reads only month-first: dates that read both ways, such as "02/03/2025", may be misread. Give the file\'s culture (kap --culture en-US) or check the date column, and analyse again.'
  );
});

test("no warning where the first rows settled the order, or no date reads both ways", async () => {
  const settled = await loadGrids(
    new KapEngine(),
    [
      {
        name: "Orders",
        values: [HEADER, ["13/02/2025", "A", "S", 1, 1], ["02/03/2025", "A", "S", 1, 1]],
      },
    ],
    defaultSettings()
  );
  expect(settled.warnings.join(" ")).not.toMatch(/read day-first/);
});

test.each([
  ["02/03/2025", "either"],
  ["13/02/2025", "dmy"],
  ["02/13/2025", "mdy"],
  ["02.03.2025", "dmy"],
  ["05/05/2025", undefined],
  ["2025-02-03", undefined],
])("%s reads %s", (text, reading) => expect(textDateReading(text)).toBe(reading));
