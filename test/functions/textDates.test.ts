/**
 * Dates typed as text other than yyyy-mm-dd ("31/10/2026", "10/31/2026", "31.10.2026") in asOf and
 * in date columns, read as the ingest reads them (RULES.md §1.2): a date that reads one way only
 * (a field over 12, or dots) is that date; an ambiguous one ("05/10/2026") follows its column's
 * own evidence, else the workbook's culture; where neither settles it, #VALUE! saying both
 * readings — never a guess. Both hosts alike.
 */
import { metrics, payment, reorderDays, seasonality } from "../../src/functions/functions";
import { setWorkbookCulture } from "../../src/functions/culture";
import { isKapError, type KapError } from "../../src/functions/errors";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

// A: £100 on 1 Mar and £50 on 1 Jun 2026; B: £20 on 15 May 2026 (date cells)
const orders = (dates: unknown[][]) =>
  [
    col("A", "A", "B"),
    dates,
    col("I1", "I2", "I3"),
    col(100, 50, 20),
    col("Tools", "Tools", "Tape"),
  ] as const;
const DATES = col(d(2026, 3, 1), d(2026, 6, 1), d(2026, 5, 15));

afterEach(() => setWorkbookCulture(undefined, undefined));

describe("asOf typed as text", () => {
  it("31/10/2026, 10/31/2026 and 31.10.2026 are all 31 Oct 2026, whatever the culture", () => {
    // A's last order 1 Jun → 31 Oct 2026: 1 Jul 30, 1 Aug 61, 1 Sep 92, 1 Oct 122, 31 Oct 152 days;
    // B's 15 May → 1 Jun is 17 days, then 152: 169
    for (const asOf of ["31/10/2026", "10/31/2026", "31.10.2026", " 31/10/2026 "]) {
      const out = both(metrics, col("A", "B"), ...orders(DATES), cell(asOf));
      expect([out[0][0], out[1][0]]).toEqual([152, 169]);
    }
  });

  it("05/10/2026 with no culture known is #VALUE! naming both readings", () => {
    const e = both(() => {
      try {
        return metrics(col("A", "B"), ...orders(DATES), cell("05/10/2026"));
      } catch (x) {
        return x as KapError;
      }
    });
    expect(isKapError(e)).toBe(true);
    expect((e as KapError).message).toContain("2026-10-05");
    expect((e as KapError).message).toContain("2026-05-10");
  });

  it("05/10/2026 follows the workbook's culture: 5 Oct in en-GB, 10 May in en-US", () => {
    // en-GB: 5 Oct 2026; A: 1 Jun → 1 Oct 122 days (as above), + 4 = 126
    setWorkbookCulture(".", "en-GB");
    expect(both(metrics, col("A"), ...orders(DATES), cell("05/10/2026"))[0][0]).toBe(126);
    // en-US: 10 May 2026; A's orders after it are not counted: its last one by then is 1 Mar,
    // 1 Mar → 1 Apr 31, → 1 May 30, → 10 May 9: 70 days
    setWorkbookCulture(".", "en-US");
    expect(both(metrics, col("A"), ...orders(DATES), cell("05/10/2026"))[0][0]).toBe(70);
  });

  it("05.10.2026 is day-first wherever dates take dots, even in en-US", () => {
    setWorkbookCulture(".", "en-US");
    expect(both(metrics, col("A"), ...orders(DATES), cell("05.10.2026"))[0][0]).toBe(126);
  });
});

describe("date columns typed as text", () => {
  it("a column with a day over 12 settles its ambiguous dates day-first, with no culture", () => {
    // 01/03/2026 (1 Mar), 01/06/2026 (1 Jun), 15/05/2026 (15 May: settles day-first) → as date cells
    const text = col("01/03/2026", "01/06/2026", "15/05/2026");
    const out = both(metrics, col("A", "B"), ...orders(text), cell(d(2026, 10, 31)));
    expect([out[0][0], out[1][0]]).toEqual([152, 169]);
  });

  it("a column of ambiguous dates only, with no culture: the rows are #VALUE!, not a guess", () => {
    // reorder days over 01/02/2026, 01/03/2026: 1 Feb → 1 Mar is 28 days, 2 Jan → 3 Jan is 1 day
    const e = both(() => {
      try {
        return reorderDays(col("01/02/2026", "01/03/2026"));
      } catch (x) {
        return x as KapError;
      }
    });
    expect(isKapError(e)).toBe(true);
    setWorkbookCulture(".", "en-GB");
    expect(both(reorderDays, col("01/02/2026", "01/03/2026"))).toEqual([[28]]);
    setWorkbookCulture(".", "en-US");
    expect(both(reorderDays, col("01/02/2026", "01/03/2026"))).toEqual([[1]]);
  });

  it("KAP.PAYMENT reads day-first text dates, each column settled by its own day over 12", () => {
    // due 31 Jan, paid 10 Feb: 10 days late; due 28 Feb, paid 28 Feb: on time → mean 5 days,
    // 1–7 days beyond terms → Payment 3
    const out = both(
      payment,
      col("31/01/2026", "28/02/2026"),
      col("10/02/2026", "28/02/2026"),
      null as never,
      null as never
    );
    expect(out).toEqual([[5, 3]]);
  });

  it("seasonality reads 31.01.2026-style dates", () => {
    // 1 Jan £100, 15 Feb £300, as of 28 Feb: two full months, mean £200 → 50, 150
    const out = both(
      seasonality,
      col("01.01.2026", "15.02.2026"),
      col(100, 300),
      cell("28.02.2026")
    );
    expect(out.slice(0, 2)).toEqual([[50], [150]]);
  });
});
