import fc from "fast-check";
import { DATE_KEYS, isDateKey } from "../../src/cli/report";

describe("isDateKey (which JSON members hold serial dates)", () => {
  it("names ending in a lower-case letter then Date, and the listed names", () => {
    expect(isDateKey("lastReturnDate")).toBe(true);
    expect(isDateKey("asOf")).toBe(true);
    expect(isDateKey("Date")).toBe(false);
    expect(isDateKey("XDate")).toBe(false);
    expect(isDateKey("updated")).toBe(false);
    expect(isDateKey("lastDates")).toBe(false);
    expect(isDateKey("lastDate\n")).toBe(false);
  });

  it("agrees with the pattern /[a-z]Date$/ on any name (property)", () => {
    const name = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(fc.string({ maxLength: 6 }), fc.constantFrom("Date", "date", "DATE", "Date\n"))
        .map(([a, b]) => a + b)
    );
    fc.assert(
      fc.property(name, (k) => {
        expect(isDateKey(k)).toBe(DATE_KEYS.has(k) || /[a-z]Date$/.test(k));
      }),
      { numRuns: 3000 }
    );
  });
});
