import {
  defaultQbrQuarter,
  fiscalQuarterSpan,
  lastCompletedQuarter,
} from "../../../src/domain/analysis";
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

test("by default the last complete quarter; the running one only when the data starts after it", () => {
  const d = (y: number, m: number, day: number) => ymdToSerial(y, m, day);
  const labels = (first: number | null, start = 1) => {
    const r = defaultQbrQuarter(d(2026, 10, 28), start, first);
    return [
      fiscalQuarterSpan(r.quarter, start).label,
      r.passedOver && fiscalQuarterSpan(r.passedOver, start).label,
    ];
  };
  // as of 28/10/2026: Q3 (Jul–Sep) ends 30/09; data from 15/09 holds some of it
  expect(labels(d(2026, 9, 15))).toEqual(["FY2026 Q3", null]);
  // data from 30/09, Q3's last day: still Q3
  expect(labels(d(2026, 9, 30))).toEqual(["FY2026 Q3", null]);
  // data from 02/10: nothing of Q3, so Q4 to date, Q3 passed over
  expect(labels(d(2026, 10, 2))).toEqual(["FY2026 Q4", "FY2026 Q3"]);
  expect(labels(null)).toEqual(["FY2026 Q3", null]);
  // fiscal year from April: Jul–Sep 2026 is FY2027 Q2, Oct–Dec FY2027 Q3
  expect(labels(d(2026, 10, 2), 4)).toEqual(["FY2027 Q3", "FY2027 Q2"]);
});
