import { datePattern, readTypedDate } from "../../src/domain/dateInput";

/** The typed date as yyyy-mm-dd, or the problem's words. */
function read(text: string, culture?: string): string {
  const r = readTypedDate(text, culture);
  if ("problem" in r) return `problem: ${r.problem}`;
  // Excel serial → date: serial 1 is 1900-01-01, with Excel's phantom 29 Feb 1900 (serial 60)
  const ms = Date.UTC(1899, 11, 30) + r.serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

describe("a typed as-of date, read the workbook culture's way", () => {
  it("takes each culture's own way of writing 31 October 2026, and ISO everywhere", () => {
    expect(read("31.10.2026", "de-DE")).toBe("2026-10-31");
    expect(read("10/31/2026", "en-US")).toBe("2026-10-31");
    expect(read("31/10/2026", "en-GB")).toBe("2026-10-31");
    expect(read("31/10/2026")).toBe("2026-10-31"); // no culture: en-GB
    for (const c of ["de-DE", "en-US", "en-GB", "fr-FR", "sv-SE"])
      expect(read("2026-10-31", c)).toBe("2026-10-31");
    expect(read("31/10/2026", "fr-FR")).toBe("2026-10-31");
    expect(read("2026-10-31", "sv-SE")).toBe("2026-10-31");
  });

  it("reads a day and month both up to 12 in the culture's order", () => {
    // 05/04/2026: 5 April in en-GB and de-DE, May 4 in en-US
    expect(read("05/04/2026", "en-GB")).toBe("2026-04-05");
    expect(read("5.4.2026", "de-DE")).toBe("2026-04-05");
    expect(read("5/4/2026", "en-US")).toBe("2026-05-04");
    // another separator than the culture's keeps its order: a German typing slashes
    expect(read("05/04/2026", "de-DE")).toBe("2026-04-05");
    expect(read(" 1-2-2026 ", "en-US")).toBe("2026-01-02");
  });

  it("refuses a date the culture's order makes impossible, and says why and how to write it", () => {
    // a US date typed in a British workbook: month 31
    expect(read("10/31/2026", "en-GB")).toBe(
      'problem: "10/31/2026" is not a date in dd/mm/yyyy order (there is no month 31): write it as 31/10/2026 (dd/mm/yyyy) or 2026-10-31.'
    );
    expect(read("31/10/2026", "en-US")).toBe(
      'problem: "31/10/2026" is not a date in mm/dd/yyyy order (there is no month 31): write it as 10/31/2026 (mm/dd/yyyy) or 2026-10-31.'
    );
    // 2026 is no leap year: February has 28 days
    expect(read("29.02.2026", "de-DE")).toBe(
      'problem: "29.02.2026" is not a date in dd.mm.yyyy order (February 2026 has 28 days): write it as 31.10.2026 (dd.mm.yyyy) or 2026-10-31.'
    );
    expect(read("29.02.2028", "de-DE")).toBe("2028-02-29"); // 2028 is one
    expect(read("2026-02-30", "en-GB")).toMatch(
      /not a date in yyyy-mm-dd order \(February 2026 has 28 days\)/
    );
  });

  it("refuses an ambiguous entry rather than guess", () => {
    // dots are day-first, the en-US culture month-first: 5 October or May 10?
    expect(read("05.10.2026", "en-US")).toBe(
      'problem: "05.10.2026" reads two ways: 5 October 2026 (dots are day-first) or 10 May 2026 (this workbook writes the month first): write it as 10/31/2026 (mm/dd/yyyy) or 2026-10-31.'
    );
    // only one reading is a date: 31.10.2026 can only be 31 October
    expect(read("31.10.2026", "en-US")).toBe("2026-10-31");
    // a two-digit year: 1926 or 2026?
    expect(read("31.10.26", "de-DE")).toBe(
      'problem: "31.10.26": write the year in full (31.10.2026).'
    );
  });

  it("refuses text that is no date at all", () => {
    expect(read("last Friday", "en-GB")).toBe(
      'problem: "last Friday" is not a date: write it as 31/10/2026 (dd/mm/yyyy) or 2026-10-31.'
    );
    expect(read("31.10.", "de-DE")).toMatch(
      /^problem: "31\.10\." is not a date: write it as 31\.10\.2026/
    );
    expect(read("31/10/2026", "sv-SE")).toBe(
      'problem: "31/10/2026" is not a date here: write it as 2026-10-31 (yyyy-mm-dd).'
    );
  });

  it("names each culture's pattern", () => {
    expect(datePattern("de-DE")).toBe("dd.mm.yyyy");
    expect(datePattern("en-US")).toBe("mm/dd/yyyy");
    expect(datePattern("en-GB")).toBe("dd/mm/yyyy");
    expect(datePattern()).toBe("dd/mm/yyyy");
  });
});
