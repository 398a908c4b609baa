/**
 * A one-cell argument beside columns with spare rows (B2:B100, 3 rows filled): the cell applies
 * to every row, and must not make a spare row a row of data.
 * - KAP.ENGAGEMENT's directions, "One cell applies to every row": before, each spare row below the
 *   contacts had "a direction but no date", and the call was #VALUE!.
 * - KAP.PAYMENT's amounts given as one cell beside a column of days late: every spare row would
 *   be an invoice of that amount 0 days late (an empty days cell beside an amount is 0 days, as
 *   desktop passes it), so days 10, 20, 30 in a range of 9 rows averaged 60 / 9 = 7 days (score
 *   3) where the three invoices average 20 (score 2) — on both hosts, silently. One amount for
 *   every invoice weighs nothing: it is refused, naming what to give.
 */
import { ymdToSerial } from "../../src/domain/dates";
import { engagement, payment } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { col, cell, thrown } from "./ranges";

const D = ymdToSerial(2026, 10, 31);
const H = 1 / 24;

describe("one cell beside columns with spare rows", () => {
  it('ENGAGEMENT: outreach on D−30, D−20, D−10 answered in 24 h, directions one cell "Outbound", two spare rows: 4', () => {
    // median response 24 h, no inbound contact → 4
    const dates = col(D - 30, D - 20, D - 10, null, null);
    const resp = col(D - 30 + 24 * H, D - 20 + 24 * H, D - 10 + 24 * H, null, null);
    expect(both(engagement, dates, cell("Outbound"), resp, cell(D))).toEqual([[4]]);
    // the same as over the three rows alone
    expect(
      both(
        engagement,
        col(D - 30, D - 20, D - 10),
        cell("Outbound"),
        col(D - 30 + 24 * H, D - 20 + 24 * H, D - 10 + 24 * H),
        cell(D)
      )
    ).toEqual([[4]]);
  });

  it("ENGAGEMENT: a spare row with a response but no date is still refused", () => {
    expect(
      thrown(() => both(engagement, col(D - 30, null), cell("Outbound"), col(null, D - 1), cell(D)))
        .message
    ).toMatch(/row 2 has a direction or a response but no date/);
  });

  it("PAYMENT: days late 10, 20, 30 and six spare rows with one amount cell: refused, not 7 days", () => {
    const days = col(10, 20, 30, null, null, null, null, null, null);
    expect(thrown(() => both(payment, days, undefined, cell(100))).message).toMatch(
      /amounts must be a column with one amount per invoice/
    );
    // without amounts: (10 + 20 + 30) / 3 = 20 → 8–30 days → 2 (web; desktop's spare 0s are the
    // documented limit), and one invoice with one amount is fine: 10 → 2
    expect(payment(col(10, 20, 30), undefined, undefined)).toEqual([[20, 2]]);
    expect(both(payment, col(10), undefined, cell(100))).toEqual([[10, 2]]);
  });
});
