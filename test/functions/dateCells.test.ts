/**
 * Date cells as Excel holds them: a serial of days since 1900 (1 = 1 Jan 1900), its fraction the
 * time of day. A cell holding only a time (10:30 = 0.4375) is no date: read as day 0 it put an
 * order at 30 Dec 1899, and the account's last order 46,000 days back.
 */
import {
  engagement,
  metrics,
  payment,
  reorderDays,
  seasonality,
} from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe("a time of day where a date is expected", () => {
  it("KAP.METRICS: the row is an error naming it, not an order in 1899", () => {
    const out = both(
      metrics,
      col(["A", "B"]),
      col(["A", "B"]),
      col([d(2026, 3, 1), 0.4375]),
      col(["I1", "I2"]),
      col([100, 50]),
      col(["Tools", "Tools"]),
      [[d(2026, 3, 31)]]
    );
    // A: 30 days since 1 Mar 2026, as of 31 Mar
    expect(out[0][0]).toBe(30);
    expect(out[1][0]).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Order row 2: orderDates: "0.4375" is not a date/),
    });
  });

  it("KAP.REORDERDAYS refuses it too", () => {
    expect(() => both(reorderDays, col([d(2025, 1, 1), 0.5, d(2025, 1, 11)]))).toThrow(
      /"0.5" is not a date/
    );
  });
});

/*
 * A number past Excel's last date (31 Dec 9999 = serial 2,958,465) is no date either: an order
 * number column (10045678) picked as the dates was read as orders in the year 29,000 —
 * KAP.REORDERDAYS over 1 Jan 2026, 10045678, 11 Jan 2026 answered the median of 10 and
 * 9,999,645 days, 4,999,827.5, and KAP.METRICS with an asOf left such a row out as an
 * order after it, silently. The ingest refuses such serials (ingest/values MAX_SERIAL).
 */
describe("a number past 31 Dec 9999 where a date is expected", () => {
  it("KAP.REORDERDAYS, KAP.SEASONALITY, KAP.PAYMENT and KAP.ENGAGEMENT refuse it, naming it", () => {
    expect(() => both(reorderDays, col([d(2026, 1, 1), 10045678, d(2026, 1, 11)]))).toThrow(
      /orderDates: "10045678" is not a date/
    );
    expect(() => both(seasonality, col([d(2026, 1, 5), 2958466]), col([100, 200]))).toThrow(
      /orderDates: "2958466" is not a date/
    );
    expect(() =>
      both(payment, col([d(2026, 1, 1), 10045678]), col([d(2026, 1, 5), d(2026, 1, 9)]))
    ).toThrow(/dueDates: "10045678" in row 2 is not a date/);
    expect(() =>
      both(engagement, col([d(2026, 1, 1), 10045678]), [[null]], col([null, null]))
    ).toThrow(/contactDates: "10045678" in row 2 is not a date/);
    // 31 Dec 9999 itself is a date: gaps from 1 Jan 9999 (364 days) → 364
    expect(both(reorderDays, col([2958465 - 364, 2958465]))).toEqual([[364]]);
  });

  it("KAP.METRICS: that row is an error in its account's row, with an asOf given", () => {
    const out = both(
      metrics,
      col(["A", "B"]),
      col(["A", "B"]),
      col([d(2026, 3, 1), 10045678]),
      col(["I1", "I2"]),
      col([100, 50]),
      col(["Tools", "Tools"]),
      [[d(2026, 3, 31)]]
    );
    expect(out[0][0]).toBe(30);
    expect(out[1][0]).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/Order row 2: orderDates: "10045678" is not a date/),
    });
  });
});
