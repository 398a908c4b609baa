/**
 * KAP.SEASONALITY when the months' net revenue is zero or below (returns and credit notes
 * outweigh sales): an index against a mean month of £0 or less means nothing — a month of
 * returns would come out as the peak. PRODUCT.md §2.5 indexes month / mean month × 100, and a
 * number KAP is not sure of is flagged, never guessed: #N/A saying why.
 */
import { seasonality } from "../../src/functions/functions";
import { seasonality as seasonalityRule } from "../../src/domain/seasonality";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { col, cell, thrown } from "./ranges";

describe("seasonality over months whose net revenue is zero or below", () => {
  it("only credit notes (Jan −£100, Feb −£300): #N/A, not February as a 900 peak", () => {
    // Full months Jan–Dec 2025: −100, −300, then ten months of 0. Mean month = −400/12 = −33.33;
    // month / mean × 100 would make January 300 and February 900.
    const e = thrown(() =>
      both(seasonality, col(d(2025, 1, 1), d(2025, 2, 10)), col(-100, -300), cell(d(2025, 12, 31)))
    );
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/zero or below/);
  });

  it("sales £1,000 in January and a £1,200 credit in February (net −£200): #N/A too", () => {
    const e = thrown(() =>
      both(seasonality, col(d(2025, 1, 1), d(2025, 2, 10)), col(1000, -1200), cell(d(2025, 12, 31)))
    );
    expect(e.code).toBe("#N/A");
  });

  it("the domain rule leaves every index out (null) when the mean month is ≤ 0, and keeps the monthly figures", () => {
    const r = seasonalityRule(
      [
        { date: d(2025, 1, 1), value: -100 },
        { date: d(2025, 2, 10), value: -300 },
      ],
      d(2025, 12, 31)
    );
    expect(r.monthly.slice(0, 3)).toEqual([-100, -300, 0]);
    expect(r.index).toEqual(Array(12).fill(null));
  });

  it("a net-positive year with one month of returns still indexes it below zero", () => {
    // Jan £1,300, Feb −£100, Mar–Dec 0: mean = 1,200/12 = 100 → Jan 1,300, Feb −100, the rest 0
    const out = both(
      seasonality,
      col(d(2025, 1, 1), d(2025, 2, 10)),
      col(1300, -100),
      cell(d(2025, 12, 31))
    );
    expect(out.slice(0, 3)).toEqual([[1300], [-100], [0]]);
  });
});
