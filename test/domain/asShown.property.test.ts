/**
 * asShown takes a whole number under 10^15 as it is, without writing it out to 15 digits (the
 * analysis compares about 140,000 day and category counts per run of the 1,048,575-line bench):
 * such a number has at most 15 digits, so Excel shows it exactly and the answer is the same.
 */
import fc from "fast-check";
import { asShown } from "../../src/domain/numbers";

/** What asShown always meant: the number as its 15 significant digits show it. */
const shown = (x: number) => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(15)) : x);

describe("asShown on whole numbers", () => {
  it("is the number itself under 10^15, as its 15 digits show it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }),
        (x) => asShown(x) === x && shown(x) === x
      ),
      { numRuns: 5_000 }
    );
  });

  it("by hand: 0, 7 days, 999,999,999,999,999 (15 nines) are themselves; −0 stays −0", () => {
    expect(asShown(0)).toBe(0);
    expect(asShown(7)).toBe(7);
    expect(asShown(999_999_999_999_999)).toBe(999_999_999_999_999);
    expect(Object.is(asShown(-0), -0)).toBe(true);
  });

  it("from 10^15 on it is still rounded to 15 digits: 1,234,567,890,123,456 shows 1,234,567,890,123,460", () => {
    expect(asShown(1_234_567_890_123_456)).toBe(1_234_567_890_123_460);
    expect(asShown(-1_234_567_890_123_456)).toBe(-1_234_567_890_123_460);
    fc.assert(
      fc.property(fc.double({ min: 1e15, max: 1e300, noNaN: true }), (x) => asShown(x) === shown(x))
    );
  });

  it("a day count short of a whole one by float noise is still that day (=8.2-0.2 is 8)", () => {
    expect(asShown(8.2 - 0.2)).toBe(8);
    expect(asShown(16.4 - 1.4)).toBe(15);
    // really below: 14 nines after the point show as they are
    expect(asShown(7.99999999999999)).toBe(7.99999999999999);
  });
});
