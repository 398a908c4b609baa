import { fiscalQuarterSpan, lastCompletedQuarter } from "../../../src/domain/analysis";
import { ymdToSerial } from "../../../src/domain/dates";

const label = (y: number, m: number, d: number, start = 1) =>
  fiscalQuarterSpan(lastCompletedQuarter(ymdToSerial(y, m, d), start), start).label;

test("a QBR reviews the last quarter completed by the as-of date", () => {
  // 31/10/2026 is inside Oct–Dec 2026 (Q4, calendar fiscal year): the last completed is Jul–Sep.
  expect(label(2026, 10, 31)).toBe("FY2026 Q3");
  // 30/09/2026 is Q3's last day: Q3 is complete.
  expect(label(2026, 9, 30)).toBe("FY2026 Q3");
  // Fiscal year from April, named by the year it ends in: 15/05/2026 is in FY2027 Q1 (Apr–Jun 2026),
  // so the last completed is FY2026 Q4 (Jan–Mar 2026).
  expect(label(2026, 5, 15, 4)).toBe("FY2026 Q4");
  expect(fiscalQuarterSpan(lastCompletedQuarter(ymdToSerial(2026, 5, 15), 4), 4).months).toBe(
    "Jan–Mar 2026"
  );
});
