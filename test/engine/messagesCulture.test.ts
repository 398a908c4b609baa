/**
 * The engine's warnings and the settings' messages the pane shows write their figures and dates
 * the workbook culture's way: de-DE "1.234 order lines", "31.10.2026", "1.200 months", "0,10 =
 * 10 %"; en-US "10/31/2026". No culture (the command line): counts grouped en-GB, yyyy-mm-dd.
 */
import { buildPortfolio } from "../../src/domain/analysis";
import { clvOptions } from "../../src/domain/analysis/clvBasics";
import { ymdToSerial } from "../../src/domain/dates";
import { asOfWarning, defaultSettings, settingsProblems } from "../../src/engine/settings";
import { bookOf, d, line } from "../domain/analysis/helpers";

const JAN1 = ymdToSerial(2026, 1, 1);
const AUG1 = ymdToSerial(2026, 8, 1);
const OCT31 = ymdToSerial(2026, 10, 31);
const DEC2 = ymdToSerial(2026, 12, 2); // 31 Oct + 32 days: 1 Nov … 2 Dec

describe("the as-of date's warning", () => {
  it("de-DE: its dates dd.mm.yyyy, its count grouped with a dot", () => {
    expect(asOfWarning(AUG1, OCT31, JAN1, 1234, "de-DE")).toBe(
      "The as-of date 01.08.2026 is before the last order line in the data (31.10.2026): 1.234 order lines dated after it, up to 31.10.2026, are not counted. Leave the as-of date blank to count every line, as of the last order date."
    );
  });

  it("en-US: month first, no leading zeros, as Excel's short date there", () => {
    expect(asOfWarning(DEC2, OCT31, JAN1, 0, "en-US")).toMatch(
      /^The as-of date 12\/2\/2026 is 32 days after the last order in the data \(10\/31\/2026\):/
    );
  });

  it("en-GB: dd/mm/yyyy; before the first order names the data's range", () => {
    expect(asOfWarning(ymdToSerial(2025, 10, 31), OCT31, JAN1, 0, "en-GB")).toMatch(
      /^The as-of date 31\/10\/2025 is before the first order in the data \(01\/01\/2026\): .* \(01\/01\/2026 to 31\/10\/2026\)/
    );
  });

  it("no culture (the command line): yyyy-mm-dd as before", () => {
    expect(asOfWarning(AUG1, OCT31, JAN1, 1234)).toMatch(
      /^The as-of date 2026-08-01 is before the last order line in the data \(2026-10-31\): 1,234 order lines/
    );
  });
});

describe("the lifetime-value settings' messages", () => {
  it("de-DE: 1.200 months, −100 %, 0,10 = 10 %", () => {
    expect(() => clvOptions({ horizonMonths: 1500 }, "de-DE")).toThrow(
      "The CLV horizon must be between 0 and 1.200 months (got 1.500)."
    );
    expect(() => clvOptions({ discountRate: 12.5 }, "de-DE")).toThrow(
      "The discount rate must be a yearly rate above −100\u00a0% (0,10 = 10\u00a0%); got 12,5."
    );
    expect(settingsProblems({ ...defaultSettings(), clvHorizonMonths: 1500 }, "de-DE")).toContain(
      "The CLV horizon must be between 0 and 1.200 months (got 1.500)."
    );
  });

  it("no culture: as before", () => {
    expect(() => clvOptions({ horizonMonths: 1500 })).toThrow(
      "The CLV horizon must be between 0 and 1,200 months (got 1,500)."
    );
    expect(() => clvOptions({ discountRate: 12 })).toThrow(
      "The discount rate must be a yearly rate above −100% (0.10 = 10%); got 12."
    );
  });
});

test("too many cross-sell rules for the memory: de-DE groups its figures with a dot", () => {
  // 2 accounts each buy the same 50 categories: every ordered pair is a rule, 50 × 49 = 2,450
  const cats = Array.from({ length: 50 }, (_, i) => `Cat ${i + 1}`);
  const lines = ["T1", "T2"].flatMap((a) =>
    cats.map((c) => line(a, d(2025, 6, 1), c.toLowerCase(), 100, { category: c }))
  );
  const build = () =>
    buildPortfolio(bookOf(lines), {
      asOf: d(2025, 6, 30),
      minRuleSupportAccounts: 2,
      maxCategoryRules: 1500,
      culture: "de-DE",
    });
  expect(build).toThrow(
    "The categories bought together by 2 or more accounts make more than 1.500 cross-sell rules, more than there is memory for: the category column has 50 values."
  );
});
