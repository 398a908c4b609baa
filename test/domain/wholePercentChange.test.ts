/**
 * RULES.md §2.1: percent changes are rounded to a whole percent, half away from zero — exactly,
 * for whole numbers (money in steps of its minor unit, order counts), at any size.
 */
import fc from "fast-check";
import { fractionVersus, percentChange, wholePercentChange } from "../../src/domain/numbers";

describe("wholePercentChange", () => {
  it("rounds halves away from zero and what is just below a half down, at 1e9-scale money in pence", () => {
    // 100,000,000,159p → 119,500,000,190p: 19.5 − 1/200,000,000,318 % → 19 (the float route said 20)
    expect(wholePercentChange(100000000159, 119500000190)).toBe(19);
    expect(wholePercentChange(100000000000, 119500000000)).toBe(20); // 19.5 exactly
    expect(wholePercentChange(200000000000, 179000000000)).toBe(-11); // −10.5 exactly
    expect(wholePercentChange(200, 139)).toBe(-31); // −30.5
    expect(wholePercentChange(200, 141)).toBe(-30); // −29.5
    expect(wholePercentChange(3, 3)).toBe(0);
    expect(Object.is(wholePercentChange(1000, 999), 0)).toBe(true); // −0.1% → 0, not −0
    expect(wholePercentChange(-50, 100)).toBe(300); // from a negative base: |E| below
  });

  it("is the exact nearest whole percent, ties away from zero, for any whole numbers up to 2^45 (£350 billion in pence)", () => {
    const big = fc.oneof(
      fc.bigInt({ min: -(2n ** 45n), max: 2n ** 45n }),
      fc.bigInt({ min: -1000n, max: 1000n })
    );
    fc.assert(
      fc.property(big, big, (e, l) => {
        fc.pre(e !== 0n);
        const q = BigInt(wholePercentChange(Number(e), Number(l)));
        const ae = e < 0n ? -e : e;
        // exact: 100·(l − e)/|e| − q = r / |e| with |r| ≤ |e|/2, and a tie goes away from zero
        const r = 100n * (l - e) - q * ae;
        const twice = 2n * (r < 0n ? -r : r);
        if (twice > ae) return false;
        // a tie is rounded away from zero: up (r < 0) for a rise, down (r > 0) for a fall
        if (twice === ae && r !== 0n) return l > e ? r < 0n : r > 0n;
        return true;
      }),
      { numRuns: 2000 }
    );
  });

  it("is what percentChange gives for whole numbers, and the float route keeps decimals", () => {
    expect(percentChange(100000000159, 119500000190, false)).toEqual({ kind: "pct", pct: 19 });
    expect(percentChange(100, 114.5, false)).toEqual({ kind: "pct", pct: 15 });
  });
});

describe("fractionVersus", () => {
  it("compares a share of whole steps with a rule's share exactly", () => {
    // 1002 / 10020 = 10% exactly (as floats 10.02 / 100.2 = 0.09999999999999999)
    expect(fractionVersus(1002n, 10020n, 0.1)).toBe(0);
    expect(fractionVersus(1001n, 10020n, 0.1)).toBe(-1);
    // 2004 / 10020 = 20% exactly (as floats (100.2 − 80.16) / 100.2 = 0.20000000000000004)
    expect(fractionVersus(2004n, 10020n, 0.2)).toBe(0);
    expect(fractionVersus(2005n, 10020n, 0.2)).toBe(1);
    // at 1e9-scale sums, one penny decides
    expect(fractionVersus(20_000_000_001n, 100_000_000_000n, 0.2)).toBe(1);
  });
});
