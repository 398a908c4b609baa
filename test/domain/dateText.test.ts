/**
 * Dates in the workbooks KAP writes follow the user's culture (src/domain/dateText.ts): the text
 * of a label and the number format of a date cell, decided by one function so they agree.
 * Expected strings are written by hand from how Excel shows a short date in each culture.
 */
import { ymdToSerial } from "../../src/domain/dates";
import { dateCellFormat, dateText, dayMonthText } from "../../src/domain/dateText";

const oct31 = ymdToSerial(2026, 10, 31);
const jan5 = ymdToSerial(2026, 1, 5);

test.each([
  // culture, 31 Oct 2026, 5 Jan 2026, the cell's number format
  ["en-US", "10/31/2026", "1/5/2026", "m/d/yyyy"],
  ["en", "10/31/2026", "1/5/2026", "m/d/yyyy"],
  ["en-GB", "31/10/2026", "05/01/2026", "dd/mm/yyyy"],
  ["fr-FR", "31/10/2026", "05/01/2026", "dd/mm/yyyy"],
  ["en-AU", "31/10/2026", "05/01/2026", "dd/mm/yyyy"],
  ["de-DE", "31.10.2026", "05.01.2026", "dd.mm.yyyy"],
  ["de-AT", "31.10.2026", "05.01.2026", "dd.mm.yyyy"],
  ["de-CH", "31.10.2026", "05.01.2026", "dd.mm.yyyy"],
  ["fr-CH", "31.10.2026", "05.01.2026", "dd.mm.yyyy"],
  ["de", "31.10.2026", "05.01.2026", "dd.mm.yyyy"],
  ["nl-NL", "31-10-2026", "05-01-2026", "dd-mm-yyyy"],
  ["sv-SE", "2026-10-31", "2026-01-05", "yyyy-mm-dd"],
  ["en-CA", "2026-10-31", "2026-01-05", "yyyy-mm-dd"],
  ["ja-JP", "2026/10/31", "2026/01/05", "yyyy/mm/dd"],
  // "2026. 10. 31." in Intl: the separator without its space, no trailing dot
  ["hu-HU", "2026.10.31", "2026.01.05", "yyyy.mm.dd"],
  // Arabic-Indic digits and a right-to-left mark in Intl: Latin digits and the plain slash, as Excel's codes take
  ["ar-EG", "31/10/2026", "05/01/2026", "dd/mm/yyyy"],
  // a Persian-calendar culture still gets Gregorian dates (Excel serials are Gregorian)
  ["fa-IR", "2026/10/31", "2026/01/05", "yyyy/mm/dd"],
  // the underscore spelling the CLI accepts
  ["en_US", "10/31/2026", "1/5/2026", "m/d/yyyy"],
])("%s: 31 Oct 2026 is %s, 5 Jan 2026 is %s, a date cell is %s", (culture, oct, jan, code) => {
  expect(dateText(oct31, culture)).toBe(oct);
  expect(dateText(jan5, culture)).toBe(jan);
  expect(dateCellFormat(culture)).toBe(code);
});

test.each([undefined, "", "xx-YY", "zz", "not a culture", "123", "en-GB-x-"])(
  "culture %p: en-GB, never an error",
  (culture) => {
    expect(dateText(oct31, culture)).toBe("31/10/2026");
    expect(dateCellFormat(culture)).toBe("dd/mm/yyyy");
  }
);

test("a day and month without the year, in the culture's order: 15 Oct is 15/10, 10/15, 15.10, 10-15", () => {
  const oct15 = ymdToSerial(2026, 10, 15);
  const may3 = ymdToSerial(2026, 5, 3);
  expect(dayMonthText(oct15, "en-GB")).toBe("15/10");
  expect(dayMonthText(oct15, "en-US")).toBe("10/15");
  expect(dayMonthText(may3, "en-US")).toBe("5/3");
  expect(dayMonthText(oct15, "de-DE")).toBe("15.10");
  expect(dayMonthText(oct15, "sv-SE")).toBe("10-15");
  expect(dayMonthText(oct15, undefined)).toBe("15/10");
});
