/**
 * KAP.SEASONALITY over one account's lines: the account's first month counts when the data saw it
 * whole, as KAP's sheets count it since efd66cb (PRODUCT.md §2.5, test/domain/seasonalityFirstMonth),
 * once the call is told where the data starts (dataStart, e.g. MIN(Orders[Date])). The function
 * sees only the lines it is given: without dataStart their first date is the data's start.
 *
 * By hand (the domain test's account B), as of 30/11/2026, the data from 02/09/2024:
 *   1,000 on 02/04/2026 and 3,076.40 on 20/04/2026 (April 4,076.40); 500 on 10/07/2026.
 *   With dataStart: whole months April–November 2026 (8, each seen once): April 4,076.40, July
 *   500, the other six 0. Mean month 4,576.40 / 8 = 572.05; April 4,076.40 / 572.05 × 100 =
 *   712.595 → 712.6; July 500 / 572.05 × 100 = 87.405 → 87.4; May, June, Aug–Nov 0; Jan–Mar and
 *   Dec no whole month: blank.
 *   Without: April (begun on the 2nd, the first date given) is left out: May–November, 7 months,
 *   July 500 / (500 / 7) × 100 = 700.0, April blank (before: the only answer, the account's first
 *   month always left out).
 */
import { seasonality } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { cell, col, thrown } from "./ranges";

const dates = col(d(2026, 4, 2), d(2026, 4, 20), d(2026, 7, 10));
const revenue = col(1000, 3076.4, 500);
const asOf = cell(d(2026, 11, 30));

test("with dataStart the account's first month counts: April 712.6, July 87.4", () => {
  const out = both(seasonality, dates, revenue, asOf, cell(d(2024, 9, 2)));
  expect(out.map((r) => r[0])).toEqual(["", "", "", 712.6, 0, 0, 87.4, 0, 0, 0, 0, ""]);
});

test("dataStart as text, as the workbook writes dates, reads the same", () => {
  const out = both(seasonality, dates, revenue, asOf, cell("2024-09-02"));
  expect(out[3]).toEqual([712.6]);
});

test("without dataStart (or blank) the first date given starts the data: April, begun on the 2nd, is left out", () => {
  const expected = ["", "", "", "", 0, 0, 700, 0, 0, 0, 0, ""];
  expect(both(seasonality, dates, revenue, asOf).map((r) => r[0])).toEqual(expected);
  expect(both(seasonality, dates, revenue, asOf, cell(null)).map((r) => r[0])).toEqual(expected);
});

test("dataStart on the 1st of the account's first month counts it; on its first order's day, the 2nd, it does not", () => {
  expect(both(seasonality, dates, revenue, asOf, cell(d(2026, 4, 1)))[3]).toEqual([712.6]);
  // the data starting 02/04/2026 itself (the account's first order is the data's first): not whole
  expect(both(seasonality, dates, revenue, asOf, cell(d(2026, 4, 2)))[3]).toEqual([""]);
});

test("a dataStart after the first order given is #VALUE!, saying both dates", () => {
  const e = thrown(() => both(seasonality, dates, revenue, asOf, cell(d(2026, 5, 1))));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe(
    "dataStart (2026-05-01) is after the first order date given (2026-04-02): give the first date of all the order lines, or leave it blank."
  );
});
