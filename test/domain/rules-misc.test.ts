/**
 * The smaller rules of RULES.md §2.2–2.5 and §2.9, and the date and rounding helpers they
 * stand on. Expected values are worked out by hand (arithmetic in the comments).
 */
import fc from "fast-check";
import {
  edate,
  eomonth,
  inPeriod,
  monthKey,
  monthsBack,
  serialToIso,
  serialToYmd,
  ymdToSerial,
} from "../../src/domain/dates";
import { discountRate, nextDiscountTier } from "../../src/domain/discount";
import { fiveP, FivePError } from "../../src/domain/fivep";
import { median, roundHalfAwayFromZero, sortSmallInts } from "../../src/domain/numbers";
import { defaultPotentialCut, quadrantOf } from "../../src/domain/quadrant";
import { reorderDays } from "../../src/domain/reorder";
import { seasonality } from "../../src/domain/seasonality";
import { isLostStatus, winBackStage } from "../../src/domain/winback";

const d = ymdToSerial;

describe("quadrant (engagement × potential, high means ≥ the cut)", () => {
  it.each([
    [3, 3, "Key"], // both exactly at the cut → high/high
    [5, 5, "Key"],
    [3, 2.99, "Maintenance"], // high engagement, low potential
    [2.99, 3, "Growth Potential"], // low engagement, high potential
    [1, 1, "Service"],
  ])("engagement %p, potential %p → %p", (e, p, q) => {
    expect(quadrantOf(e, p)).toBe(q);
  });

  it("uses the cuts given", () => {
    expect(quadrantOf(3, 3, 4, 4)).toBe("Service"); // 3 < 4 on both
    expect(quadrantOf(4, 4, 4, 4)).toBe("Key");
  });

  it("the default potential cut is 3 on a 1–5 scale", () => {
    expect(defaultPotentialCut([1, 2, 5, 4])).toBe(3);
  });

  it("for money the default potential cut is the portfolio median", () => {
    // sorted 1,000  3,000  15,000  20,000 → median (3,000 + 15,000)/2 = 9,000
    const pots = [20000, 1000, 15000, 3000];
    const cut = defaultPotentialCut(pots);
    expect(cut).toBe(9000);
    expect(quadrantOf(4, 9000, 3, cut)).toBe("Key"); // exactly the median is high
    expect(quadrantOf(4, 8999, 3, cut)).toBe("Maintenance");
    expect(quadrantOf(2, 15000, 3, cut)).toBe("Growth Potential");
    expect(quadrantOf(2, 3000, 3, cut)).toBe("Service");
    // odd count: 100, 200, 50,000 → 200
    expect(defaultPotentialCut([50000, 100, 200])).toBe(200);
  });
});

describe("5P analysis", () => {
  it("Total is the sum of the five Ps; weighted total = Total × Weight", () => {
    // 4 + 3 + 5 + 2 + 1 = 15; × 3 = 45
    expect(
      fiveP({ power: 4, perception: 3, priority: 5, promoter: 2, pliability: 1, weight: 3 })
    ).toEqual({ total: 15, weight: 3, weighted: 45, veto: false });
  });

  it("weight defaults to 1 and keeps the veto flag", () => {
    // 5·5 = 25; × 1 = 25
    expect(
      fiveP({ power: 5, perception: 5, priority: 5, promoter: 5, pliability: 5, veto: true })
    ).toEqual({ total: 25, weight: 1, weighted: 25, veto: true });
    // 1·5 = 5, × 5 = 25
    expect(
      fiveP({ power: 1, perception: 1, priority: 1, promoter: 1, pliability: 1, weight: 5 })
        .weighted
    ).toBe(25);
  });

  it.each([
    ["Power", { power: 0 }],
    ["Perception", { perception: 6 }],
    ["Priority", { priority: 2.5 }],
    ["Promoter", { promoter: -1 }],
    ["Pliability", { pliability: NaN }],
    ["Weight", { weight: 6 }],
  ])("refuses %s out of 1–5, naming it", (name, bad) => {
    const p = { power: 3, perception: 3, priority: 3, promoter: 3, pliability: 3, ...bad };
    expect(() => fiveP(p)).toThrow(FivePError);
    expect(() => fiveP(p)).toThrow(new RegExp(`^${name} must be a whole number from 1 to 5`));
  });
});

describe("win-back stage by days since last order (30–44 Stage 1, 45–59 Stage 2, 60–89 Stage 3, 90+ Stage 4; Stage 5 when lost)", () => {
  it.each([
    [0, 0],
    [29, 0],
    [30, 1],
    [44, 1],
    [44.9, 1], // whole days: 44
    [45, 2],
    [59, 2],
    [60, 3],
    [89, 3],
    [89.99, 3], // whole days: 89
    [90, 4],
    [365, 4],
  ])("%p days → stage %p", (days, stage) => {
    expect(winBackStage(days).stage).toBe(stage);
  });

  it("names the stages and carries the script", () => {
    expect(winBackStage(30).name).toMatch(/Stage 1.*Early warning/);
    expect(winBackStage(45).name).toMatch(/Stage 2.*Active concern/);
    expect(winBackStage(60).name).toMatch(/Stage 3.*Critical/);
    expect(winBackStage(60).script).not.toBe("");
    expect(winBackStage(90).name).toBe("Stage 4 – Recovery offer");
  });

  it("Stage 4 carries the four recovery offers of methodology 000 Step 9.3", () => {
    expect(winBackStage(120).offers).toEqual([
      "One-time 20% discount on the next order",
      "Free delivery for 3 months",
      "Product samples for new lines",
      "Extended credit terms",
    ]);
  });

  it("a lost account is Stage 5 whatever its days, with the three exit-interview questions", () => {
    for (const days of [0, 10, 45, 400]) expect(winBackStage(days, true).stage).toBe(5);
    const s = winBackStage(3, true);
    expect(s.name).toBe("Stage 5 – Exit interview");
    expect(s.questions).toEqual([
      "What made you change suppliers?",
      "What could we have done differently?",
      "Would you consider us for future needs?",
    ]);
  });

  it.each([
    ["Lost", true],
    ["churned", true],
    ["Closed – went to Toolstation", true],
    ["Former customer", true],
    ["Active", false],
    ["Dormant", false],
    ["Not lost", false],
    ["Gold", false],
    ["", false],
  ])("status %p → lost %p", (text, lost) => {
    expect(isLostStatus(text)).toBe(lost);
  });
});

describe("bulk discount (£250–499 3%, £500–999 5%, £1,000–2,499 8%, £2,500+ 10%)", () => {
  it.each([
    [0, 0],
    [249.99, 0],
    [250, 0.03],
    [499, 0.03],
    [500, 0.05],
    [999.99, 0.05],
    [1000, 0.08],
    [2499, 0.08],
    [2500, 0.1],
    [100000, 0.1],
  ])("£%p → %p", (value, rate) => {
    expect(discountRate(value)).toBe(rate);
  });

  it("custom tiers, in any order", () => {
    const tiers = [
      { min: 1000, rate: 0.07 },
      { min: 100, rate: 0.02 },
    ];
    expect(discountRate(99, tiers)).toBe(0);
    expect(discountRate(100, tiers)).toBe(0.02);
    expect(discountRate(999, tiers)).toBe(0.02);
    expect(discountRate(1000, tiers)).toBe(0.07);
  });

  it("says how much more reaches the next tier", () => {
    // £400 is in the 3% tier; £500 − £400 = £100 more for 5%
    expect(nextDiscountTier(400)).toEqual({
      tier: expect.objectContaining({ min: 500, rate: 0.05 }),
      shortBy: 100,
    });
    expect(nextDiscountTier(2500)).toBeUndefined();
  });
});

describe("reorder period (median days between distinct order dates)", () => {
  it("uses distinct dates only", () => {
    // dates 10, 10, 20, 50, 53 → distinct 10, 20, 50, 53 → gaps 10, 30, 3 → sorted 3, 10, 30 → median 10
    expect(reorderDays([10, 10, 20, 50, 53])).toBe(10);
  });

  it("averages the middle two gaps for an even count, whatever the input order", () => {
    // 150, 100, 121, 107, 128 → sorted 100, 107, 121, 128, 150 → gaps 7, 14, 7, 22 → 7, 7, 14, 22 → (7+14)/2 = 10.5
    expect(reorderDays([150, 100, 121, 107, 128])).toBe(10.5);
  });

  it("ignores the time of day: two orders on the same day are one date", () => {
    expect(reorderDays([100.25, 100.75])).toBeUndefined();
    expect(reorderDays([100.25, 100.75, 107.5])).toBe(7);
  });

  it("is n/a under 2 distinct dates", () => {
    expect(reorderDays([])).toBeUndefined();
    expect(reorderDays([5])).toBeUndefined();
    expect(reorderDays([5, 5, 5])).toBeUndefined();
    expect(reorderDays([5, 12])).toBe(7);
  });
});

// A year whose months sum to £12,000, so the mean month is £1,000 and index = month ÷ 10.
const YEAR = [500, 700, 900, 1000, 1100, 1300, 1500, 1400, 1200, 1000, 800, 600];
// 500+700+900+1000+1100+1300+1500+1400+1200+1000+800+600 = 12,000 → index 50, 70, 90, 100, 110, 130, 150, 140, 120, 100, 80, 60
const YEAR_INDEX = [50, 70, 90, 100, 110, 130, 150, 140, 120, 100, 80, 60];

describe("seasonality (full calendar months; averaged by month of year; index = month / mean month × 100)", () => {
  it("one year of full months", () => {
    // Orders on the 1st (Jan) … the last day (Dec), so Jan–Dec 2023 are all full months.
    const pts = YEAR.map((v, i) => ({
      date: i === 0 ? d(2023, 1, 1) : i === 11 ? d(2023, 12, 31) : d(2023, i + 1, 15),
      value: v,
    }));
    const r = seasonality(pts);
    expect(r.monthly).toEqual(YEAR);
    r.index.forEach((x, i) => expect(x).toBeCloseTo(YEAR_INDEX[i], 9));
    expect([r.firstMonth, r.lastMonth]).toEqual([
      monthKey(d(2023, 1, 1)),
      monthKey(d(2023, 12, 1)),
    ]);
  });

  it("leaves out the partial first and last months", () => {
    // First order 20 Dec 2022 (not the 1st → December 2022 is partial) and last order 10 Jan 2024
    // (not the month end → January 2024 is partial): only Jan–Dec 2023 count, so the big
    // partial-month orders change nothing.
    const pts = [
      { date: d(2022, 12, 20), value: 9999 },
      ...YEAR.map((v, i) => ({ date: d(2023, i + 1, 15), value: v })),
      { date: d(2024, 1, 10), value: 5000 },
    ];
    const r = seasonality(pts);
    expect(r.monthly).toEqual(YEAR);
    r.index.forEach((x, i) => expect(x).toBeCloseTo(YEAR_INDEX[i], 9));
  });

  it("an as-of date at a month end makes that month full", () => {
    // Orders from 1 Jan 2023; last order 15 Dec 2023, as-of 31 Dec 2023 → December counts.
    const pts = YEAR.map((v, i) => ({
      date: i === 0 ? d(2023, 1, 1) : d(2023, i + 1, 15),
      value: v,
    }));
    expect(seasonality(pts).monthly[11]).toBeNull(); // without as-of, December is partial (ends 15 Dec)
    expect(seasonality(pts, d(2023, 12, 31)).monthly).toEqual(YEAR);
  });

  it("two years are averaged by month of year", () => {
    // 2022 = YEAR − 100 each month, 2023 = YEAR + 100: averages are YEAR again (e.g. Jan (400 + 600)/2 = 500),
    // so the index is the same 50 … 60.
    const pts = [
      ...YEAR.map((v, i) => ({ date: d(2022, i + 1, 1), value: v - 100 })),
      ...YEAR.map((v, i) => ({ date: d(2023, i + 1, 10), value: v + 100 })),
      { date: d(2023, 12, 31), value: 0 },
    ];
    const r = seasonality(pts);
    expect(r.monthly).toEqual(YEAR);
    r.index.forEach((x, i) => expect(x).toBeCloseTo(YEAR_INDEX[i], 9));
  });

  it("a full month with no orders counts as 0", () => {
    // Jan 2023 £300, Feb none, Mar £600 (on 31 Mar): months 300, 0, 600 → mean 300 → index 100, 0, 200
    const r = seasonality([
      { date: d(2023, 1, 1), value: 300 },
      { date: d(2023, 3, 31), value: 600 },
    ]);
    expect(r.monthly.slice(0, 3)).toEqual([300, 0, 600]);
    expect(r.monthly.slice(3)).toEqual(Array(9).fill(null));
    expect(r.index.slice(0, 3)).toEqual([100, 0, 200]);
  });

  it("no full month → nothing", () => {
    const r = seasonality([
      { date: d(2023, 1, 5), value: 300 },
      { date: d(2023, 1, 20), value: 600 },
    ]);
    expect(r.firstMonth).toBeNull();
    expect(r.index).toEqual(Array(12).fill(null));
  });
});

describe("dates (Excel serials, EDATE, EOMONTH)", () => {
  it("matches Excel serial numbers", () => {
    expect(ymdToSerial(2024, 1, 1)).toBe(45292); // Excel: =DATE(2024,1,1) → 45292
    expect(ymdToSerial(2023, 1, 1)).toBe(44927); // 45292 − 365
    expect(ymdToSerial(1900, 3, 1)).toBe(61);
    expect(serialToYmd(45292)).toEqual({ y: 2024, m: 1, d: 1 });
    expect(serialToIso(45292.75)).toBe("2024-01-01"); // time ignored
  });

  it("EDATE clamps to the month end: 31 Jan + 1 month = 28 Feb (29 in a leap year)", () => {
    expect(edate(d(2023, 1, 31), 1)).toBe(d(2023, 2, 28));
    expect(edate(d(2024, 1, 31), 1)).toBe(d(2024, 2, 29));
    expect(edate(d(2024, 3, 31), -1)).toBe(d(2024, 2, 29));
    expect(edate(d(2024, 2, 29), 12)).toBe(d(2025, 2, 28));
    expect(edate(d(2024, 1, 15), -12)).toBe(d(2023, 1, 15));
    expect(edate(d(2023, 11, 30), 3)).toBe(d(2024, 2, 29));
  });

  it("EOMONTH is the last day of the month N months on", () => {
    expect(eomonth(d(2024, 2, 10), 0)).toBe(d(2024, 2, 29));
    expect(eomonth(d(2023, 12, 15), 2)).toBe(d(2024, 2, 29));
    expect(eomonth(d(2023, 2, 15), -1)).toBe(d(2023, 1, 31));
    expect(eomonth(d(2023, 1, 31), 1)).toBe(d(2023, 2, 28));
  });

  it('"last 3 months" is (as-of − 3 months, as-of]', () => {
    const p = monthsBack(d(2024, 3, 31), 3); // (31 Dec 2023, 31 Mar 2024]
    expect(p).toEqual({ start: d(2023, 12, 31), end: d(2024, 3, 31) });
    expect(inPeriod(d(2023, 12, 31), p)).toBe(false);
    expect(inPeriod(d(2024, 1, 1), p)).toBe(true);
    expect(inPeriod(d(2024, 3, 31), p)).toBe(true);
    // previous quarter: (30 Sep 2023, 31 Dec 2023] — EDATE(31 Mar, −6) clamps to 30 Sep
    expect(monthsBack(d(2024, 3, 31), 3, 3)).toEqual({
      start: d(2023, 9, 30),
      end: d(2023, 12, 31),
    });
  });
});

describe("roundHalfAwayFromZero and median", () => {
  it.each([
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [0.4999, 0, 0],
    [1.234, 2, 1.23],
    [1.235, 2, 1.24],
    [1.005, 2, 1.01], // binary 1.00499999…
    [3.995, 2, 4],
    [2.994, 2, 2.99],
    [-3.995, 2, -4],
  ])("round(%p, %p) = %p", (x, dp, r) => {
    expect(roundHalfAwayFromZero(x, dp)).toBe(r);
  });

  it("0.145 as a fraction × 100 = 14.5 → 15 (binary noise absorbed)", () => {
    expect(0.145 * 100).not.toBe(14.5); // 14.499999999999998
    expect(roundHalfAwayFromZero(0.145 * 100)).toBe(15);
  });

  it("never returns −0", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
  });

  it.each([
    // Excel's ROUND on the value as its 15 significant digits show it
    [12345678901.23, 2, 12345678901.23], // was 12,345,678,901.24: the nudge grew with the value
    [999999999999, 0, 999999999999], // was 1,000,000,000,000
    [9999999999999, 0, 9999999999999], // was 10,000,000,000,009
    [-12345678901.23, 2, -12345678901.23],
    [2.675, 2, 2.68], // binary 2.67499999…, shown 2.675: Excel 2.68
    [1234567.125, 2, 1234567.13], // a true half (exact in binary) rounds away from zero
    [98765432109.875, 2, 98765432109.88],
    [12345678901.2349, 2, 12345678901.23], // under the half by 0.0001: down
  ])("large and binary-noisy values: round(%p, %p) = %p", (x, dp, r) => {
    expect(roundHalfAwayFromZero(x, dp)).toBe(r);
  });

  it("rounds as Excel does: to the nearest, a half away from zero, on 15 significant digits", () => {
    // reference: the value's 15-significant-digit decimal text, rounded as text (no floating point)
    const byText = (x: number, dp: number): number => {
      const [int, frac = ""] = Math.abs(x).toPrecision(15).split(".");
      const kept = BigInt(int + frac.slice(0, dp).padEnd(dp, "0"));
      const up = frac.padEnd(dp + 1, "0").charCodeAt(dp) >= 53; // "5".."9"
      const r = Number(up ? kept + 1n : kept) / 10 ** dp;
      return r === 0 ? 0 : x < 0 ? -r : r;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 3 }),
        (whole, thousandths, dp) => {
          const x = whole + (whole < 0 ? -thousandths : thousandths) / 1000;
          expect(roundHalfAwayFromZero(x, dp)).toBe(byText(x, dp));
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("median: middle value, or the mean of the middle two; undefined when empty", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5); // (2+3)/2
    expect(median([])).toBeUndefined();
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe("sortSmallInts", () => {
  it("sorts like a numeric sort, in place, short and long lists alike", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 80 }), (xs) => {
        const a = xs.slice();
        expect(sortSmallInts(a)).toBe(a);
        expect(a).toEqual(xs.slice().sort((x, y) => x - y));
      })
    );
  });
});
