import fc from "fast-check";
import { serialToIso, ymdToSerial } from "../../src/domain/dates";
import {
  inferDateOrder,
  normaliseCurrency,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseMoney,
  parseNumber,
  parseQuantity,
} from "../../src/ingest/values";

const iso = (v: Parameters<typeof parseDate>[0], order?: "dmy" | "mdy") => {
  const s = parseDate(v, order);
  return s === undefined ? undefined : serialToIso(s);
};

describe("parseDate: Excel serials and JS dates", () => {
  it("reads serials as whole days (times dropped)", () => {
    // 45658 = 2025-01-01 (types.ts); .75 is 18:00 on the same day
    expect(iso(45658)).toBe("2025-01-01");
    expect(iso(45658.75)).toBe("2025-01-01");
    expect(iso(45658.9999)).toBe("2025-01-01");
    expect(iso(61)).toBe("1900-03-01"); // serials from 61 on are exact (dates.ts)
  });
  it("reads a date-time a float's noise short of midnight as that midnight, as Excel shows it", () => {
    // =A2+TIME(18,0,0)+TIME(6,0,0) on 1 Nov 2023 (45231): 45231.99999999999, which Excel shows
    // (15 digits) as 45232.0000000000, 2 Nov 2023 00:00; the task pane reads the cell's raw value
    expect(iso(45231.99999999999)).toBe("2023-11-02");
    expect(parseDate(45231.99999999999, "dmy", true)).toBe(45232 + 1462); // 1904 system
    // a real time of day to the last millisecond stays on its day: 23:59:59.999
    expect(iso(45231 + 86399.999 / 86400)).toBe("2023-11-01");
  });
  it("refuses numbers that are not serials", () => {
    expect(parseDate(0)).toBeUndefined();
    expect(parseDate(-5)).toBeUndefined();
    expect(parseDate(2958466)).toBeUndefined(); // one past 9999-12-31
    expect(parseDate(Number.NaN)).toBeUndefined();
  });
  it("reads yyyymmdd numbers and text (ERP exports)", () => {
    expect(iso(20250304)).toBe("2025-03-04");
    expect(iso("20250304")).toBe("2025-03-04");
    expect(parseDate(20251304)).toBeUndefined(); // month 13
  });
  it("reads JS Dates (as ExcelJS builds them) in UTC, dropping the time", () => {
    expect(parseDate(new Date(Date.UTC(2025, 0, 1)))).toBe(45658);
    expect(parseDate(new Date(Date.UTC(2025, 0, 1, 23, 59, 59)))).toBe(45658);
    expect(parseDate(new Date(Date.UTC(2024, 1, 29, 12)))).toBe(ymdToSerial(2024, 2, 29));
    expect(parseDate(new Date(Number.NaN))).toBeUndefined();
  });
});

describe("parseDate and parseDateTime: serials of a 1904-system workbook", () => {
  // 1904-01-01 is the 1904 system's serial 0 and the 1900 system's 1,462; 2026-11-01 is 1900
  // serial 46,327 (days after 1899-12-30), so 1904 serial 44,865; 44,866 is 2026-11-02.
  it("reads a 1904 serial as the day it shows, in KAP's 1900 count", () => {
    expect(parseDate(44865, "dmy", true)).toBe(46327);
    expect(serialToIso(parseDate(44866, "dmy", true)!)).toBe("2026-11-02");
    expect(serialToIso(parseDate(0, "dmy", true)!)).toBe("1904-01-01");
    expect(parseDate(44865.75, "dmy", true)).toBe(46327);
    expect(parseDateTime(44865.5, "dmy", true)).toBe(46327.5); // noon keeps its fraction
  });
  it("leaves what is no serial as it was: yyyymmdd numbers, text", () => {
    expect(iso(20261101)).toBe("2026-11-01");
    expect(parseDate(20261101, "dmy", true)).toBe(46327);
    expect(parseDate("2026-11-01", "dmy", true)).toBe(46327);
    expect(parseDate(-1, "dmy", true)).toBeUndefined();
  });
});

describe("parseDate: text", () => {
  it.each([
    ["2025-03-04", "2025-03-04"],
    ["2025-03-04T23:30:00Z", "2025-03-04"],
    ["2025-03-04 10:15", "2025-03-04"],
    ["2025/3/4", "2025-03-04"],
    ["3-Apr-2025", "2025-04-03"],
    ["03 Apr 25", "2025-04-03"],
    ["3rd April 2025", "2025-04-03"],
    ["April 3, 2025", "2025-04-03"],
    ["Apr 3rd 2025", "2025-04-03"],
    ["Sept 30, 2024", "2024-09-30"],
    ["Thu 03/04/2025", "2025-04-03"],
    ["  45658  ", "2025-01-01"],
    ["29/02/2024", "2024-02-29"],
  ])("%s → %s", (text, want) => expect(iso(text)).toBe(want));

  it("settles 03/04/2025 by the order given", () => {
    expect(iso("03/04/2025", "dmy")).toBe("2025-04-03");
    expect(iso("03/04/2025", "mdy")).toBe("2025-03-04");
    expect(iso("3.4.25", "dmy")).toBe("2025-04-03");
    expect(iso("3.4.25", "mdy")).toBe("2025-03-04");
    expect(iso("03-04-2025 14:30", "dmy")).toBe("2025-04-03");
  });
  it("a field over 12 wins over the order given", () => {
    expect(iso("13/04/2025", "mdy")).toBe("2025-04-13");
    expect(iso("04/13/2025", "dmy")).toBe("2025-04-13");
  });
  it("two-digit years follow Excel: 00–29 → 20xx, 30–99 → 19xx", () => {
    expect(iso("1/2/29")).toBe("2029-02-01");
    expect(iso("1/2/30")).toBe("1930-02-01");
  });
  it("refuses impossible or unreadable dates", () => {
    for (const bad of [
      "31/02/2025",
      "29/02/2025",
      "2025-13-01",
      "13/13/2025",
      "yesterday",
      "N/A",
      "",
      "   ",
      "3-Foo-2025",
      "Marchx 3, 2025",
    ])
      expect(parseDate(bad)).toBeUndefined();
    expect(parseDate(null)).toBeUndefined();
    expect(parseDate(undefined)).toBeUndefined();
    expect(parseDate(true)).toBeUndefined();
  });
  it("property: every real day written dd/mm/yyyy comes back as itself", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const pad = (n: number) => String(n).padStart(2, "0");
          const serial = ymdToSerial(y, m, d);
          return (
            parseDate(`${pad(d)}/${pad(m)}/${y}`, "dmy") === serial &&
            parseDate(`${pad(m)}/${pad(d)}/${y}`, "mdy") === serial &&
            parseDate(`${y}-${pad(m)}-${pad(d)}`) === serial &&
            parseDate(serial + 0.5) === serial
          );
        }
      )
    );
  });
});

describe("inferDateOrder", () => {
  it("uses the culture when given", () => {
    expect(inferDateOrder(["13/01/2025"], "en-US")).toBe("mdy"); // culture wins over data
    expect(inferDateOrder([], "en_US")).toBe("mdy");
    expect(inferDateOrder([], "en-GB")).toBe("dmy");
    expect(inferDateOrder([], "de-DE")).toBe("dmy");
    expect(inferDateOrder([], "fr-FR")).toBe("dmy");
  });
  it("else a first field over 12 anywhere settles day-first", () => {
    expect(inferDateOrder(["01/02/2025", "02/03/2025", 45658, null, "25/03/2025"])).toBe("dmy");
    // even when a later (inconsistent) value has a second field over 12
    expect(inferDateOrder(["13/01/2025", "01/13/2025"])).toBe("dmy");
  });
  it("else a second field over 12 settles month-first", () => {
    expect(inferDateOrder(["01/02/2025", "12/31/2024", new Date()])).toBe("mdy");
    expect(inferDateOrder(["Thu 03/14/2025"])).toBe("mdy");
  });
  it("else day-first", () => {
    expect(inferDateOrder(["01/02/2025", "03/04/2025"])).toBe("dmy");
    expect(inferDateOrder([45658, "2025-12-31"])).toBe("dmy");
    expect(inferDateOrder([])).toBe("dmy");
  });
});

describe("parseMoney", () => {
  it.each<[string | number, number, string | undefined]>([
    [1200.5, 1200.5, undefined],
    ["1200.50", 1200.5, undefined],
    ["£1,200.50", 1200.5, "GBP"],
    ["1.200,50 €", 1200.5, "EUR"],
    ["1.200,50€", 1200.5, "EUR"],
    ["€1 200,50", 1200.5, "EUR"],
    ["€ 1\u00a0200,50", 1200.5, "EUR"],
    ["CHF 1'200.50", 1200.5, "CHF"],
    ["(120.00)", -120, undefined],
    ["(£120.00)", -120, "GBP"],
    ["£(120)", -120, "GBP"],
    ["-120", -120, undefined],
    ["-£120", -120, "GBP"],
    ["£-120", -120, "GBP"],
    ["120-", -120, undefined],
    ["120.00 CR", -120, undefined],
    ["120.00 DR", 120, undefined],
    ["GBP 45", 45, "GBP"],
    ["GBP45", 45, "GBP"],
    ["45 usd", 45, "USD"],
    ["US$ 9.99", 9.99, "USD"],
    ["$9.99", 9.99, "USD"],
    ["1,200", 1200, undefined], // one comma then 3 digits: thousands
    ["12,50", 12.5, undefined], // one comma then 2 digits: decimal
    ["0,5", 0.5, undefined],
    ["1,234,567.89", 1234567.89, undefined],
    ["1.234.567,89", 1234567.89, undefined],
    ["1.200.000", 1200000, undefined],
    ["+15", 15, undefined],
  ])("%s → %d %s", (text, value, currency) => {
    const m = parseMoney(text)!;
    expect(m.value).toBeCloseTo(value, 10);
    expect(m.currency).toBe(currency);
  });
  it("refuses text that is not money", () => {
    for (const bad of ["", "n/a", "TBC", "£", "12abc", "1-2", "--", "GBP", "1e5x", "(12"])
      expect(parseMoney(bad)).toBeUndefined();
    expect(parseMoney(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseMoney(null)).toBeUndefined();
    expect(parseMoney(new Date())).toBeUndefined();
  });
  it('property: any amount written "£1,234.56" or "1.234,56 €" reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), (pence) => {
        const abs = Math.abs(pence);
        const units = Math.floor(abs / 100).toLocaleString("en-GB");
        const p = String(abs % 100).padStart(2, "0");
        const uk = `${pence < 0 ? "-" : ""}£${units}.${p}`;
        const eu = `${pence < 0 ? "-" : ""}${units.replace(/,/g, ".")},${p} €`;
        const a = parseMoney(uk)!;
        const b = parseMoney(eu)!;
        return (
          Math.round(a.value * 100) === pence &&
          a.currency === "GBP" &&
          Math.round(b.value * 100) === pence &&
          b.currency === "EUR"
        );
      })
    );
  });
});

describe("parseQuantity and parseNumber", () => {
  it.each<[string | number, number]>([
    [12, 12],
    ["12", 12],
    ["1,200", 1200],
    ["(3)", -3],
    ["3-", -3],
    ["-3", -3],
    ["12 pcs", 12],
    ["12pcs", 12],
    ["4 EA", 4],
    ["x4", 4],
    ["2.5 kg", 2.5],
  ])("%s → %d", (v, want) => expect(parseQuantity(v)).toBe(want));
  it("money and words are not quantities", () => {
    for (const bad of ["£12", "twelve", "", "n/a"]) expect(parseQuantity(bad)).toBeUndefined();
    expect(parseQuantity(null)).toBeUndefined();
  });
  it("parseNumber ignores the currency", () => {
    expect(parseNumber("£2,500")).toBe(2500);
    expect(parseNumber(7)).toBe(7);
    expect(parseNumber("abc")).toBeUndefined();
  });
});

describe("parseBoolean and normaliseCurrency", () => {
  it("reads yes/no in its many spellings", () => {
    for (const t of ["yes", "Y", "TRUE", "1", "On Hold", "x", "✓", "stop"])
      expect(parseBoolean(t)).toBe(true);
    for (const f of ["no", "N", "false", "0", "none", "-", "OK"])
      expect(parseBoolean(f)).toBe(false);
    expect(parseBoolean(true)).toBe(true);
    expect(parseBoolean(0)).toBe(false);
    expect(parseBoolean(1)).toBe(true);
    expect(parseBoolean("maybe")).toBeUndefined();
    expect(parseBoolean("")).toBeUndefined();
  });
  it("maps symbols to codes and upper-cases codes", () => {
    expect(normaliseCurrency("£")).toBe("GBP");
    expect(normaliseCurrency(" eur ")).toBe("EUR");
    expect(normaliseCurrency("€")).toBe("EUR");
    expect(normaliseCurrency("US$")).toBe("USD");
    expect(normaliseCurrency("SEK")).toBe("SEK");
  });
});
