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

describe("a month's sales and returns that cancel are summed exactly (as the order book sums them)", () => {
  it("Jan £0.10 + £0.20, Feb a £0.30 credit: net £0, #N/A (was January at 6,485,183,463,413,515,000)", () => {
    // 0.10 + 0.20 − 0.30 = 0.00 exactly: no seasonality to index. In floating point the sum
    // 0.1 + 0.2 is 0.30000000000000004, the mean month 4.6e-18, and January's index 6.5e18.
    const e = thrown(() =>
      both(
        seasonality,
        col(d(2025, 1, 1), d(2025, 1, 3), d(2025, 2, 4)),
        col(0.1, 0.2, -0.3),
        cell(d(2025, 12, 31))
      )
    );
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/zero or below/);
  });

  it("a £100,000,000,000.00 invoice beside £1,000.02, both credited back: #N/A (was January at 2.8e19, February −2.8e19)", () => {
    // Jan 100,000,000,000.00 + 1,000.02; Feb −100,000,000,000.00; Mar −1,000.02: net 0.00
    const e = thrown(() =>
      both(
        seasonality,
        col(d(2025, 1, 1), d(2025, 1, 2), d(2025, 2, 3), d(2025, 3, 4)),
        col(1e11, 1000.02, -1e11, -1000.02),
        cell(d(2025, 12, 31))
      )
    );
    expect(e.code).toBe("#N/A");
  });

  it("the same invoice credited within January beside £1,000.02 in January and February: 600 each", () => {
    // Jan 1e11 − 1e11 + 1,000.02 = 1,000.02; Feb 1,000.02; mean month 2,000.04 / 12 = 166.67;
    // 1,000.02 / 166.67 × 100 = 600.0
    const out = both(
      seasonality,
      col(d(2025, 1, 1), d(2025, 1, 2), d(2025, 1, 3), d(2025, 2, 3)),
      col(1e11, -1e11, 1000.02, 1000.02),
      cell(d(2025, 12, 31))
    );
    expect(out.slice(0, 3)).toEqual([[600], [600], [0]]);
  });
});
