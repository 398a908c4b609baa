/**
 * A date-time float noise short of midnight is that midnight. A sheet's date-times can land an
 * ulp or a few under the next day (an export that writes 45231.99999999999, a date-time computed
 * through a subtraction or a product): Excel shows it as 2 Nov 2023 00:00:00.000 (date-times to the
 * millisecond). Days were floored from the raw serial, so such a date counted as the day before: a last
 * order one day earlier (days since last order one more), an invoice paid a day early, a reorder
 * gap a day short. Now every function takes the day as Excel shows it (domain dayOfSerial); a real
 * time of day, to the millisecond, is still dropped.
 */
import fc from "fast-check";
import { dayOfSerial, ymdToSerial as d } from "../../src/domain/dates";
import { toSerial } from "../../src/functions/dateCell";
import { accountColumnsReady, metrics, payment, reorderDays } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

beforeAll(() => accountColumnsReady());

/** One unit in the last place of x (x ≥ 1): the spacing of doubles just below it. */
const ulpBelow = (x: number) => 2 ** (Math.ceil(Math.log2(x)) - 53);

/**
 * Days from 1 Jan 1900 to 30 Dec 9999: 4 ulps under the next midnight stay within half a
 * millisecond of it at any date (at 9999-12-31, 1.9e-9 days against 5.8e-9). CI once drew 65,536
 * (2079), where 4 ulps show as 65536.9999999999 at 15 digits: the day is read to the millisecond,
 * not at 15 digits.
 */
const day = fc.integer({ min: 1, max: 2_958_464 });

describe("the day of a date-time (dateCell toSerial, dayOfSerial)", () => {
  it("1 to 4 ulps under midnight is that midnight's day", () => {
    // the draw CI failed on: serial 65,536 (17 Jun 2079), 4 ulps under the next midnight
    const t = 65_537 - 4 * ulpBelow(65_537);
    expect(Number(t.toPrecision(15))).toBeLessThan(65_537);
    expect(dayOfSerial(t)).toBe(65_537);
    expect(toSerial(t, "date")).toBe(65_537);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 4 }), (D, k) => {
        const t = D + 1 - k * ulpBelow(D + 1);
        expect(t).toBeLessThan(D + 1);
        expect(toSerial(t, "date")).toBe(D + 1);
        expect(dayOfSerial(t)).toBe(D + 1);
      })
    );
  });

  it("a real time of day (0 ms to 23:59:59.999) is dropped: the same day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_958_465 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (D, ms) => {
          expect(toSerial(D + ms / 86_400_000, "date")).toBe(D);
        }
      )
    );
  });
});

// 1 Oct 2026, and the noisy midnight of the day after n days: shown as that day
const START = d(2026, 10, 1);
const noisyDay = (n: number) => START + n - 2 * ulpBelow(START + n);

describe("day differences through the functions", () => {
  it("KAP.METRICS: a last order at a noisy midnight n days before asOf is n days ago", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 60 }), (n, gap) => {
        // last order at START + n (noisy), asOf n + gap days after START: gap days
        const out = both(
          metrics,
          cell("A"),
          cell("A"),
          cell(noisyDay(n)),
          cell("I1"),
          cell(100),
          cell("Tools"),
          cell(START + n + gap)
        );
        expect(out[0][0]).toBe(gap);
      }),
      { numRuns: 40 }
    );
  });

  it("KAP.PAYMENT: paid at a noisy midnight n days after the due date is n days late", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
        // due 1 Oct, paid START + n (noisy): n days beyond terms; as of 31 Dec 2026
        const out = both(
          payment,
          cell(START),
          cell(noisyDay(n)),
          null as never,
          cell(d(2026, 12, 31))
        );
        expect(out[0][0]).toBe(n);
      }),
      { numRuns: 40 }
    );
  });

  it("KAP.REORDERDAYS: orders 1 Oct, a noisy 1 Oct + g, 1 Oct + 2g: g days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (g) => {
        // gaps g and g: median g
        expect(both(reorderDays, col(START, noisyDay(g), START + 2 * g))).toEqual([[g]]);
      }),
      { numRuns: 40 }
    );
  });
});
