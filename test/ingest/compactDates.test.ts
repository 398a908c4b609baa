/**
 * Order dates written as bare digits that are no Excel serial: day and month without the year
 * (DDMM, as DATEV writes its Belegdatum; "310" once Excel has dropped the leading zero) and six
 * digits (DDMMYY or YYMMDD). Read as serials they were dates in 1904–1908 or 2313–2450, every
 * account's revenue of the last 12 months 0, and nothing said.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

async function refusal(file: string): Promise<Error> {
  try {
    await analyzeFile(join(EXPORTS, file));
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${file} was read`);
}

test("every Belegdatum DDMM (0310, 1510, 2009, 3110): refused, saying the year is missing and what to export", async () => {
  const e = await refusal("german-belegdatum-ohne-jahr.csv");
  expect(e.message).toContain(
    '"Belegdatum" holds dates with a day and month but no year ("0310", "1510", "2009": DDMM, as DATEV\'s booking batches write the Belegdatum): KAP cannot tell which year each falls in, so those rows are skipped, not read as dates in 1900–1908. Export the dates with their year (31.10.2026) and analyse that file.'
  );
  // all 4 rows: 1,000.00 + 200.00 + 500.00 + 50.00 = 1,750.00
  expect(e.message).toContain(
    "4 rows were skipped: 4 no year in the date (rows 2, 3, 4, 5; 1,750.00"
  );
});

test("every Belegdatum six digits (031026, 151026, 200925): refused, DDMMYY and YYMMDD cannot be told apart", async () => {
  const e = await refusal("german-belegdatum-sechsstellig.csv");
  expect(e.message).toContain(
    '"Belegdatum" holds dates written as six digits ("031026", "151026", "200925"): day, month and year (DDMMYY) or year, month and day (YYMMDD), which KAP cannot tell apart'
  );
  // 1,000.00 + 200.00 + 500.00 = 1,700.00
  expect(e.message).toContain("3 rows were skipped: 3 six-digit date rows (rows 2, 3, 4; 1,700.00");
});

test("dates with their year read; the DDMM ones (1510, 310) skipped with their value and said", async () => {
  const a = await analyzeFile(join(EXPORTS, "german-belegdatum-teils-ohne-jahr.csv"));
  // 10001: RE-1001 of 03.10.2026, 1,000.00 (RE-1002 "1510" skipped); 10002: RE-1003 of
  // 20.09.2026, 500.00 (RE-1004 "310" skipped). Nothing dated 1904–1908.
  expect(a.revenue).toEqual({ "10001": 1000, "10002": 500 });
  // days to 31.10.2026: from 03.10, 28; from 20.09, 10 + 31 = 41
  expect(a.days).toEqual({ "10001": 28, "10002": 41 });
  expect(a.report.warnings).toContain(
    '"Belegdatum" holds dates with a day and month but no year ("1510", "310": DDMM, as DATEV\'s booking batches write the Belegdatum): KAP cannot tell which year each falls in, so those rows are skipped, not read as dates in 1900–1908. Export the dates with their year (31.10.2026) and analyse that file.'
  );
  // 200.00 + 50.00 = 250.00 skipped
  expect(a.report.warnings.join(" ")).toMatch(
    /2 rows were skipped: 2 no year in the date \(rows 3, 5; 250\.00/
  );
});
