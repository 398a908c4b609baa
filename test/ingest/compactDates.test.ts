/**
 * Order dates written as bare digits that are no Excel serial: day and month without the year
 * (DDMM, as DATEV writes its Belegdatum; "310" once Excel has dropped the leading zero) and six
 * digits (DDMMYY or YYMMDD). Read as serials they were dates in 1904–1908 or 2313–2450, every
 * account's revenue of the last 12 months 0, and nothing said.
 */
import { join } from "node:path";
import { sixDigitDateColumn } from "../../src/ingest/compactDates";
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

test("five digits among six-digit dates (31026, 71026: 031026, 071026 with the leading zero lost): skipped with them, not read as 1984 and 2094", async () => {
  const e = await refusal("german-belegdatum-sechsstellig-ohne-null.csv");
  expect(e.message).toContain(
    'Those of five digits ("31026", "71026") are such dates whose leading zero was lost (031026 written 31026), skipped with them, not read as Excel day numbers (31026 would be 10 December 1984).'
  );
  // before: 31026 read as 10.12.1984 and 71026 as 16.06.2094, revenue of the last 12 months 0;
  // now all 4 rows skipped: 1,000.00 + 200.00 + 500.00 + 50.00 = 1,750.00
  expect(e.message).toContain(
    "4 rows were skipped: 4 six-digit date rows (rows 2, 3, 4, 5; 1,750.00"
  );
});

test("a column mostly of six-digit dates: its five-digit cell (91026) skipped and said, the dated rows read", async () => {
  const a = await analyzeFile(join(EXPORTS, "german-belegdatum-teils-sechsstellig.csv"));
  // six-digit 151026, 220926 (2) against 2 dates written out: the column is of six-digit dates.
  // 10001: RE-1001 of 03.10.2026, 1,000.00; 10002: RE-1004 of 20.09.2026, 50.00. RE-1003
  // "91026" (500.00; before: read as 20.03.2149) skipped with RE-1002 and RE-1005.
  expect(a.revenue).toEqual({ "10001": 1000, "10002": 50 });
  // 200.00 + 500.00 + 30.00 = 730.00
  expect(a.report.warnings.join(" ")).toMatch(
    /3 rows were skipped: 3 six-digit date rows \(rows 3, 4, 6; 730\.00/
  );
  // days to 31.10.2026: from 03.10, 28; from 20.09, 10 + 31 = 41 (none from 2149)
  expect(a.days).toEqual({ "10001": 28, "10002": 41 });
});

test("five-digit Excel serials in a column of dates are dates: no six-digit date beside them", () => {
  // 46298 = 2026-10-03, 46285 = 2026-09-20 (Excel serials)
  expect(sixDigitDateColumn([46298, 46285, "151026"])).toBe(false);
  expect(sixDigitDateColumn([46298, 46285])).toBe(false);
  // 151026 and 220926 outnumber the one date written out; 91026 is left aside
  expect(sixDigitDateColumn(["151026", "220926", "03.10.2026", 91026])).toBe(true);
});
