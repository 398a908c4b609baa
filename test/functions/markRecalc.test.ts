/**
 * The workbook's decimal mark reaches the functions asynchronously when the shared runtime starts
 * (src/excel/culture.ts). A text number read before it came ("1,200": #VALUE! "could be 1200 or
 * 1.2"; "2,5": 2.5 by its own evidence) kept that answer after it came, until the cell happened to
 * recalculate — on the web, where the answer comes later, more often than on desktop. Now, if
 * any text number was read without the mark, the runtime asks Excel for one full recalculation
 * once the mark is known. The Excel double plays Excel (en-GB: decimal point).
 */
import { discount, reorderDays } from "../../src/functions/functions";
import {
  setWorkbookCulture,
  setWorkbookDecimalSeparator,
  forgetTextReadBeforeMark,
} from "../../src/functions/culture";
import { loadDecimalSeparator } from "../../src/excel/culture";
import { isKapError } from "../../src/functions/errors";
import { ExcelDouble } from "../excel-double/excel";
import { col, thrown } from "./ranges";

type Runner = Parameters<typeof loadDecimalSeparator>[1];

describe("text numbers read before the workbook's decimal mark is known", () => {
  beforeEach(() => {
    setWorkbookDecimalSeparator(undefined);
    forgetTextReadBeforeMark();
  });
  afterAll(() => setWorkbookDecimalSeparator(undefined));

  it("'1,200' was refused before the mark; Excel recalculates once it is known, and it reads 1,200 → 8%", async () => {
    expect(isKapError(discount(col("1,200"))[0][0])).toBe(true);
    const excel = new ExcelDouble();
    await loadDecimalSeparator(setWorkbookDecimalSeparator, excel.Excel as unknown as Runner);
    expect(excel.model.calculations).toEqual(["Full"]);
    // £1,200 is in the £1,000–2,499 tier: 8%
    expect(discount(col("1,200"))).toEqual([[0.08]]);
  });

  it("no text number read before the mark: no recalculation", async () => {
    // numbers, blanks and words are not text numbers
    discount(col(1200, null, "n/a"));
    const excel = new ExcelDouble();
    await loadDecimalSeparator(setWorkbookDecimalSeparator, excel.Excel as unknown as Runner);
    expect(excel.model.calculations).toEqual([]);
  });

  it("an ambiguous text date refused before the culture came ('01/02/2026'): one recalculation, then it reads en-GB's way", async () => {
    setWorkbookCulture(undefined, undefined);
    expect(thrown(() => reorderDays(col("01/02/2026", "01/03/2026"))).code).toBe("#VALUE!");
    const excel = new ExcelDouble();
    await loadDecimalSeparator(setWorkbookCulture, excel.Excel as unknown as Runner);
    expect(excel.model.calculations).toEqual(["Full"]);
    // en-GB (the double's culture): 1 Feb → 1 Mar 2026 is 28 days
    expect(reorderDays(col("01/02/2026", "01/03/2026"))).toEqual([[28]]);
    setWorkbookCulture(undefined, undefined);
  });
});
