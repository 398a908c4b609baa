/**
 * KAP.ENGAGEMENT and KAP.PAYMENT (issue 11): a user's own log and invoice rows scored by the
 * rules KAP applies to an engagement log and a payments ledger (RULES.md §2.1). Every expected
 * value is worked out by hand from the rule's table; every call runs as Excel on the web passes
 * blanks (null) and as desktop Excel does (0), and the two must agree.
 */
import { ymdToSerial } from "../../src/domain/dates";
import { engagement, payment } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { col, cell, thrown } from "./ranges";

const D = ymdToSerial(2026, 10, 31);
const H = 1 / 24;
const NINE = 9 * H;

describe("KAP.ENGAGEMENT", () => {
  /** Outreach at 09:00 on D−30, D−20, D−10, each answered after `hours`. */
  const answeredAfter = (hours: number, inbound = false) => {
    const dates = [D - 30 + NINE, D - 20 + NINE, D - 10 + NINE];
    const dirs = ["Outbound", "Outbound", "Outbound"];
    const resp: unknown[] = dates.map((d) => d + hours * H);
    if (inbound) {
      dates.push(D - 5 + NINE);
      dirs.push("Inbound");
      resp.push(null);
    }
    return both(engagement, col(...dates), col(...dirs), col(...resp), cell(D));
  };

  it("24 h median scores 4, 25 h scores 3; with an inbound contact 24 h scores 5 (reaches out and answers within a day)", () => {
    expect(answeredAfter(24)).toEqual([[4]]);
    expect(answeredAfter(25)).toEqual([[3]]);
    expect(answeredAfter(24, true)).toEqual([[5]]);
    expect(answeredAfter(25, true)).toEqual([[3]]);
  });

  it("72 h (3 days) scores 3, 73 h scores 2 (answers eventually)", () => {
    expect(answeredAfter(72)).toEqual([[3]]);
    expect(answeredAfter(73)).toEqual([[2]]);
  });

  it("median of the answered: 2 h, 30 h, 100 h → 30 h → 3", () => {
    const dates = [D - 30 + NINE, D - 20 + NINE, D - 10 + NINE];
    const resp = [dates[0] + 2 * H, dates[1] + 30 * H, dates[2] + 100 * H];
    expect(both(engagement, col(...dates), cell("Outbound"), col(...resp), cell(D))).toEqual([[3]]);
  });

  it("half of the outreach older than 14 days unanswered scores 1; a quarter does not", () => {
    // D−40, D−30, D−20, D−15 are older than 14 days; two of four unanswered = 50% → 1
    const dates = [D - 40, D - 30, D - 20, D - 15].map((d) => d + NINE);
    const half = [dates[0] + 2 * H, dates[1] + 2 * H, null, null];
    expect(both(engagement, col(...dates), cell(null), col(...half), cell(D))).toEqual([[1]]);
    // one of four (25%): the three answered in 2 h → median 2 h → 4
    const quarter = [dates[0] + 2 * H, dates[1] + 2 * H, dates[2] + 2 * H, null];
    expect(both(engagement, col(...dates), cell(null), col(...quarter), cell(D))).toEqual([[4]]);
  });

  it("outreach exactly 14 days old is not yet overdue: two answered in 2 h and two unanswered of 14 and 13 days → 4", () => {
    const dates = [D - 40, D - 30, D - 14, D - 13].map((d) => d + NINE);
    const resp = [dates[0] + 2 * H, dates[1] + 2 * H, null, null];
    expect(both(engagement, col(...dates), cell(null), col(...resp), cell(D))).toEqual([[4]]);
  });

  it("the 90-day window is (as-of − 90, as-of]: a contact 90 days back is out, so two outreach are too few (#N/A)", () => {
    const dates = [D - 90, D - 60, D - 30].map((d) => d + NINE);
    const resp = dates.map((d) => d + 2 * H);
    const e = thrown(() => both(engagement, col(...dates), cell(null), col(...resp), cell(D)));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/too few contacts: 2 outreach/);
    // 89 days back is in: three outreach answered in 2 h → 4
    dates[0] = D - 89 + NINE;
    resp[0] = dates[0] + 2 * H;
    expect(both(engagement, col(...dates), cell(null), col(...resp), cell(D))).toEqual([[4]]);
  });

  it("a response after as-of is no response yet; the default as-of is the latest contact or response day", () => {
    const dates = [D - 40, D - 30, D - 20].map((d) => d + NINE);
    const resp = dates.map((d) => d + 2 * H);
    resp[2] = D + 1 + NINE; // answered the day after as-of
    // at D: D−40 and D−30 answered, D−20 (20 days old) unanswered = 1 of 3 old → median 2 h → 4
    expect(both(engagement, col(...dates), cell(null), col(...resp), cell(D))).toEqual([[4]]);
    // as-of D−21: only D−40 and D−30 in the window, both answered: 2 outreach, no inbound → #N/A
    expect(
      thrown(() => both(engagement, col(...dates), cell(null), col(...resp), cell(D - 21))).code
    ).toBe("#N/A");
    // default as-of = D+1 (the latest response day): the 3rd answered after 21 days = 504 h; median of 2, 2, 504 h = 2 h → 4
    expect(both(engagement, col(...dates), cell(null), col(...resp))).toEqual([[4]]);
  });

  it("reads yyyy-mm-dd hh:mm text, and skips blank rows as the web (null) and desktop (0) pass them", () => {
    const out = both(
      engagement,
      col("2026-10-01 09:00", "2026-10-10 09:00", "2026-10-20 09:00", null, null),
      col("out", "out", "out", null, null),
      col("2026-10-02 09:00", "2026-10-11 09:00", "2026-10-21 10:00", null, null),
      cell("2026-10-31")
    );
    // 24 h, 24 h, 25 h → median 24 h → 4
    expect(out).toEqual([[4]]);
  });

  it("bad input: a clear #VALUE! message", () => {
    const dates = col(D - 30, D - 20, D - 10);
    expect(
      thrown(() => both(engagement, dates, col("Out", "sideways", "Out"), col(null, null, null)))
        .message
    ).toMatch(/"sideways" in row 2 is neither inbound nor outbound/);
    expect(
      thrown(() => both(engagement, dates, cell(null), col(D - 31, null, null))).message
    ).toMatch(/row 1 is answered before its contact date/);
    expect(
      thrown(() => both(engagement, col(D - 30, "soon", D - 10), cell(null), col(null, null, null)))
        .message
    ).toMatch(/contactDates: "soon" in row 2 is not a date/);
    expect(thrown(() => both(engagement, dates, cell(null), col(null, null))).message).toMatch(
      /same height/
    );
    // one directions cell applies to every row: it makes no blank row a contact
    // (test/functions/broadcastCell.test.ts); a direction of the row's own still needs a date
    expect(
      thrown(() => both(engagement, col(null, null), cell("Inbound"), col(null, null))).message
    ).toMatch(/No contacts/);
    expect(
      thrown(() => both(engagement, col(D - 30, null), col("Out", "Inbound"), col(null, null)))
        .message
    ).toMatch(/row 2 has a direction or a response but no date/);
  });
});

describe("KAP.PAYMENT", () => {
  /** One invoice due D−30 paid `late` days after it (negative = early). */
  const paidLate = (late: number) =>
    both(payment, col(D - 30), col(D - 30 + late), undefined, cell(D));

  it("early / on time / 1–7 / 8–30 / 31+ days: −1 → 5, 0 → 4, 1 and 7 → 3, 8 and 30 → 2, 31 → 1", () => {
    expect(paidLate(-1)).toEqual([[-1, 5]]);
    expect(paidLate(0)).toEqual([[0, 4]]);
    expect(paidLate(1)).toEqual([[1, 3]]);
    expect(paidLate(7)).toEqual([[7, 3]]);
    expect(paidLate(8)).toEqual([[8, 2]]);
    expect(paidLate(30)).toEqual([[30, 2]]);
    // paid after as-of is unpaid at as-of: 31 days late needs the invoice due 31+ days before
    expect(both(payment, col(D - 40), col(D - 40 + 31), undefined, cell(D))).toEqual([[31, 1]]);
  });

  it("amount-weighted: £1,000 10 days late and £3,000 4 days early → (10,000 − 12,000) / 4,000 = −0.5 → −1 (half away from zero) → 5; unweighted (10 − 4) / 2 = 3 → 3", () => {
    const due = col(D - 60, D - 50);
    const paid = col(D - 50, D - 54);
    expect(both(payment, due, paid, col(1000, 3000), cell(D))).toEqual([[-1, 5]]);
    expect(both(payment, due, paid, undefined, cell(D))).toEqual([[3, 3]]);
  });

  it("an unpaid invoice past due counts its days overdue at as-of; one not yet due does not", () => {
    // due D−40 paid on the day (0) and due D−20 unpaid (20 days at D), £1,000 each → 10 → 2; due D+10 unpaid: not counted
    const out = both(
      payment,
      col(D - 40, D - 20, D + 10),
      col(D - 40, null, null),
      col(1000, 1000, 5000),
      cell(D)
    );
    expect(out).toEqual([[10, 2]]);
  });

  it("only invoices due in the 12 months to as-of: one due 400 days back 60 days late is left out", () => {
    expect(both(payment, col(D - 400, D - 30), col(D - 340, D - 30), undefined, cell(D))).toEqual([
      [0, 4],
    ]);
  });

  it("days late per invoice instead of dates: 7.5 → 8 → 2; with amounts −0.5 → −1 → 5; blank rows with amounts skipped on every Excel", () => {
    expect(both(payment, col(7, 8))).toEqual([[8, 2]]);
    expect(both(payment, col(10, -4, null, null), undefined, col(1000, 3000, null, null))).toEqual([
      [-1, 5],
    ]);
    expect(both(payment, col(-2))).toEqual([[-2, 5]]);
    expect(both(payment, col(31))).toEqual([[31, 1]]);
  });

  it("days late with amounts: an empty days cell beside an amount is 0 days (on time) on every Excel, as desktop passes it", () => {
    // £1,000 10 days late, £3,000 with its days cell empty: desktop passes 0, so the web reads it
    // as 0 too (it skipped the invoice: 10 days, Payment 2). (1,000·10 + 3,000·0) / 4,000 = 2.5
    // → 3 (half away from zero) → 1–7 days late → 3. An empty row (no amount) is left out.
    expect(both(payment, col(10, null, null), undefined, col(1000, 3000, null))).toEqual([[3, 3]]);
  });

  it("blank rows of dates are skipped as the web (null) and desktop (0) pass them; a blank paid date is unpaid", () => {
    expect(
      both(payment, col(D - 20, null, null), col(null, null, null), col(500, null, null), cell(D))
    ).toEqual([[20, 2]]);
  });

  it("bad input and nothing to score: clear messages", () => {
    expect(thrown(() => both(payment, col(D + 5), col(null), undefined, cell(D))).code).toBe(
      "#N/A"
    );
    expect(
      thrown(() => both(payment, col(D - 5, "later"), col(D - 5, null), undefined, cell(D))).message
    ).toMatch(/dueDates: "later" in row 2 is not a date/);
    expect(
      thrown(() => both(payment, col(null, D - 5), col(D - 5, D - 5), undefined, cell(D))).message
    ).toMatch(/row 1 has a paid date but no due date/);
    expect(thrown(() => both(payment, col("late"))).message).toMatch(/not a number of days/);
    expect(thrown(() => both(payment, col(5, 6), undefined, col(100, "lots"))).message).toMatch(
      /amounts: "lots" in row 2 is not an amount/
    );
  });
});
