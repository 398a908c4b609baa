/**
 * Dates written with a German, French, Spanish, Dutch or Italian month name ("15-ene-2026",
 * "3. März 2026", "12 févr. 2026") are read, not skipped as unreadable. Figures worked out by hand
 * from the files, as of 2026-10-31 (12 months: 2025-11-01 to 2026-10-31).
 */
import { join } from "node:path";
import { ymdToSerial } from "../../src/domain/dates";
import { parseDate } from "../../src/ingest/values";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

test.each([
  ["15-ene-2026", 2026, 1, 15],
  ["03-abr-2026", 2026, 4, 3],
  ["20-ago-2026", 2026, 8, 20],
  ["9-dic-2025", 2025, 12, 9],
  ["3. März 2026", 2026, 3, 3],
  ["20. Dez. 2025", 2025, 12, 20],
  ["1. Okt. 2026", 2026, 10, 1],
  ["12 févr. 2026", 2026, 2, 12],
  ["1 août 2026", 2026, 8, 1],
  ["5 déc. 2025", 2025, 12, 5],
  ["5 mei 2026", 2026, 5, 5],
  ["7 mrt 2026", 2026, 3, 7],
  ["14 okt. 2026", 2026, 10, 14],
  ["2 gen 2026", 2026, 1, 2],
  ["30 giu 2026", 2026, 6, 30],
  ["maggio 4, 2026", 2026, 5, 4],
])("%s is %i-%i-%i", (text, y, m, d) => {
  expect(parseDate(text)).toBe(ymdToSerial(y, m, d));
});

test("English month names read as before; a word that is no month is no date", () => {
  expect(parseDate("05-Nov-2025")).toBe(ymdToSerial(2025, 11, 5));
  expect(parseDate("3 Sept 2026")).toBe(ymdToSerial(2026, 9, 3));
  expect(parseDate("3 Marchx 2026")).toBeUndefined();
  expect(parseDate("3 foo 2026")).toBeUndefined();
});

test("a Spanish export's dates with month names: every row read, none skipped", async () => {
  const { revenue, report } = await analyzeFile(join(DIR, "es-month-names.csv"));
  // C10: 100,00 (05-nov-2025) + 50,00 (15-ene-2026) + 100,00 (03-abr-2026) = 250,00
  // C20: 80,00 (20-ago-2026); 30-oct-2025 is before the 12 months
  expect(revenue).toEqual({ C10: 250, C20: 80 });
  expect(report.rejected).toEqual([]);
});

test("a German export's dates with month names ('3. März 2026', '20. Dez. 2025')", async () => {
  const { revenue, report } = await analyzeFile(join(DIR, "de-month-names.csv"));
  // K1: 100,00 + 50,00 + 100,00 (3. März 2026) = 250,00; K2: 80,00 (20. Dez. 2025)
  expect(revenue).toEqual({ K1: 250, K2: 80 });
  expect(report.rejected).toEqual([]);
});
