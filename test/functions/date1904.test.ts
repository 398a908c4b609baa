/**
 * Workbooks in Excel's 1904 date system: their date cells hold serials 1,462 smaller than the 1900
 * system's for the same day ([MS-XLS] 2.4.77). Office.js has no released property for it
 * (Workbook.use1904DateSystem is in the preview set only), but DATE(1904,1,1) is 0 there
 * (workbook.functions, ExcelApi 1.2): the shared runtime asks it with the culture when it starts
 * (src/excel/culture.ts), and again after the functions calculate, so a change of the setting is
 * seen. The functions then count a date cell as the day it shows. A date cell read before the
 * answer came (as 1900) makes the runtime ask Excel for one full recalculation.
 *
 * The =A2+1462 helper column README advised before cannot be shifted twice: in a 1904 workbook a
 * date that would land more than a year after today is refused, naming the helper.
 */
import { health, metrics, reorderDays } from "../../src/functions/functions";
import { setWorkbookCulture, setWorkbookDateSystem } from "../../src/functions/culture";
import { loadDecimalSeparator, recheckDateSystem } from "../../src/excel/culture";
import { isKapError, type KapError } from "../../src/functions/errors";
import { DATE1904_OFFSET, ymdToSerial } from "../../src/domain/dates";
import { ExcelDouble } from "../excel-double/excel";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

type Runner = Parameters<typeof loadDecimalSeparator>[1];
/** The serial a 1904 workbook's cell holds for a day. */
const d1904 = (y: number, m: number, d: number) => ymdToSerial(y, m, d) - DATE1904_OFFSET;

// A: £100 on 1 Mar and £50 on 1 Jun 2026; B: £20 on 15 May 2026 — as a 1904 workbook holds them
const orders = (day: (y: number, m: number, d: number) => number) =>
  [
    col("A", "A", "B"),
    col(day(2026, 3, 1), day(2026, 6, 1), day(2026, 5, 15)),
    col("I1", "I2", "I3"),
    col(100, 50, 20),
    col("Tools", "Tools", "Tape"),
  ] as const;

const TODAY = Date.UTC(2026, 11, 1); // 1 Dec 2026

describe("KAP.* functions in a 1904 workbook", () => {
  let excel: ExcelDouble;
  beforeEach(() => {
    jest.spyOn(Date, "now").mockReturnValue(TODAY);
    setWorkbookCulture(undefined, undefined);
    setWorkbookDateSystem(undefined); // not known yet, as when the runtime starts
    excel = new ExcelDouble();
    excel.model.date1904 = true;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    setWorkbookDateSystem(undefined);
  });

  it("reads its date cells as the days they show, with asOf as text too", async () => {
    await loadDecimalSeparator(setWorkbookCulture, excel.Excel as unknown as Runner);
    // asOf typed "2026-06-30": A's last order 1 Jun → 29 days, 1 order in (30 Mar, 30 Jun], 1 in
    // (30 Dec, 30 Mar]; B 15 May → 46 days (17 + 29), 1 and 0. Read as 1900 serials the orders
    // would be in 2022, four years and a day before: A 1,462 + 29 = 1,491 days.
    const out = both(metrics, col("A", "B"), ...orders(d1904), cell("2026-06-30"));
    expect(out.map((r) => r.slice(0, 3))).toEqual([
      [29, 1, 1],
      [46, 1, 0],
    ]);
    // and as a date cell of the workbook
    const cellAsOf = both(metrics, col("A"), ...orders(d1904), cell(d1904(2026, 6, 30)));
    expect(cellAsOf[0].slice(0, 3)).toEqual([29, 1, 1]);
  });

  it("a date cell read before the date system was known: one full recalculation once it is", async () => {
    // 1 Mar and 1 Jun 2026 are 92 days apart in either system: the call reads them (as 1900)
    expect(both(reorderDays, col(d1904(2026, 3, 1), d1904(2026, 6, 1)))).toEqual([[92]]);
    await loadDecimalSeparator(setWorkbookCulture, excel.Excel as unknown as Runner);
    expect(excel.model.calculations).toEqual(["Full"]);
  });

  it("the setting changed after start: the next check sees it and recalculates once", async () => {
    excel.model.date1904 = false;
    await loadDecimalSeparator(setWorkbookCulture, excel.Excel as unknown as Runner);
    both(reorderDays, col(d1904(2026, 3, 1), d1904(2026, 6, 1)));
    excel.model.date1904 = true; // File > Options > Advanced > Use 1904 date system
    await recheckDateSystem(setWorkbookDateSystem, excel.Excel as unknown as Runner);
    expect(excel.model.calculations).toEqual(["Full"]);
    // nothing changed since: no second recalculation
    both(reorderDays, col(d1904(2026, 3, 1), d1904(2026, 6, 1)));
    await recheckDateSystem(setWorkbookDateSystem, excel.Excel as unknown as Runner);
    expect(excel.model.calculations).toEqual(["Full"]);
  });

  it("dates already moved by =A2+1462 are refused, not moved again", async () => {
    await loadDecimalSeparator(setWorkbookCulture, excel.Excel as unknown as Runner);
    // the helper column holds the 1900 serials; read as 1904 ones they would be 2 Jun 2030 and
    // later, years after today (1 Dec 2026)
    const e = both(() => {
      try {
        return metrics(col("A", "B"), ...orders(ymdToSerial), cell("2026-06-30"));
      } catch (x) {
        return x as KapError;
      }
    });
    const rows = Array.isArray(e) ? e.flat() : [e];
    const err = rows.find((x) => isKapError(x)) as KapError | undefined;
    expect(err?.message).toContain("1462");
    expect(rows.every((x) => isKapError(x))).toBe(true);
  });

  it("a date cell given where days belong is named as the day it shows", async () => {
    await loadDecimalSeparator(setWorkbookCulture, excel.Excel as unknown as Runner);
    // the last order date 1 Oct 2026 (1904 serial 44,834) given as daysSinceLastOrder
    const out = both(
      health,
      cell(d1904(2026, 10, 1)),
      cell(0.1),
      cell(0.1),
      cell(3),
      cell(4),
      cell(0)
    );
    expect((out[0][0] as KapError).message).toContain("2026-10-01");
  });
});
