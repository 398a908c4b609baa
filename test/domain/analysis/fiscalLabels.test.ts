import fc from "fast-check";
import {
  fiscalQuarterLabel,
  fiscalQuarterSpan,
  isFiscalStartMonth,
  parseFiscalQuarter,
} from "../../../src/domain/analysis/fiscal";

describe("fiscal quarter labels: one spelling, read back by one parser", () => {
  it("reads the spellings people type", () => {
    expect(parseFiscalQuarter("FY2026 Q3")).toEqual({ year: 2026, q: 3 });
    expect(parseFiscalQuarter("2026Q1")).toEqual({ year: 2026, q: 1 });
    expect(parseFiscalQuarter(" 2026-q4 ")).toEqual({ year: 2026, q: 4 });
    expect(parseFiscalQuarter("2026 Q5")).toBeUndefined();
  });

  it.each([
    "Q3 2026",
    "2026 Q3",
    "q3-2026",
    "Q3/2026",
    "2026/Q3",
    "Q3 FY2026",
    "FY2026-Q3",
    "FY 2026 Q3",
    "Q3-FY2026",
    "Q3 FY26",
    "FY26 Q3",
    "fy26q3",
    "FY 26-Q3",
    "Q3/FY26",
  ])("reads %p as the third quarter of 2026, quarter first or year first", (text) => {
    expect(parseFiscalQuarter(text)).toEqual({ year: 2026, q: 3 });
  });

  it.each([
    "Q5 2026",
    "2026Q0",
    "Q0 2026",
    "2026 Q5",
    "Q3",
    "2026",
    "Q3 26",
    "26 Q3",
    "FY6 Q3",
    "Q3 FY026x",
    "Q3 2026 Q4",
    "2026Q3 2027",
    "Q32026x",
    "3 2026",
  ])("%p is not a quarter", (text) => {
    expect(parseFiscalQuarter(text)).toBeUndefined();
  });

  it("every label a span carries parses back to its quarter", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
        fc.integer({ min: 1, max: 12 }),
        (year, q, start) => {
          const span = fiscalQuarterSpan({ year, q }, start);
          expect(span.label).toBe(fiscalQuarterLabel({ year, q }));
          expect(parseFiscalQuarter(span.label)).toEqual({ year, q });
        }
      )
    );
  });

  it("a fiscal start month is a whole number 1–12", () => {
    expect([1, 4, 12].every(isFiscalStartMonth)).toBe(true);
    expect([0, 13, 4.5, NaN, "4", undefined].some(isFiscalStartMonth)).toBe(false);
  });
});
