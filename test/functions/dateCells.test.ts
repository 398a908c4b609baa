/**
 * Date cells as Excel holds them: a serial of days since 1900 (1 = 1 Jan 1900), its fraction the
 * time of day. A cell holding only a time (10:30 = 0.4375) is no date: read as day 0 it put an
 * order at 30 Dec 1899, and the account's last order 46,000 days back.
 */
import { metrics, reorderDays } from "../../src/functions/functions";
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
