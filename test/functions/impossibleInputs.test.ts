/**
 * Inputs no account can have, which a user types by mistake: a % change written as a whole
 * number (-15 for −15%), or a date cell where a number of days belongs (the last order date
 * instead of the days since it). PRODUCT.md §3: bad input gets an Excel error that says what was
 * wrong, never a wrong number. Expected scores worked by hand from PRODUCT.md §2.1.
 */
import { health, healthFactors, payment, winBack } from "../../src/functions/functions";
import { isKapError, type KapError } from "../../src/functions/errors";
import { ymdToSerial } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { col, cell } from "./ranges";

function valueError(v: unknown): KapError {
  expect(isKapError(v)).toBe(true);
  const e = v as KapError;
  expect(e.code).toBe("#VALUE!");
  return e;
}

describe("a % change below −100% is refused, never scored", () => {
  it("frequencyChange -15 (meant −15%) is #VALUE! naming the argument and the fix; -0.15 scores", () => {
    // -15 read as a fraction is −1,500%: fewer orders than none. The user meant −15%.
    const bad = both(health, cell(20), cell(-15), cell(-0.15), cell(3), cell(4), cell(10));
    const e = valueError(bad[0][0]);
    expect(e.message).toMatch(/frequencyChange/);
    expect(e.message).toMatch(/-15%/);
    // Recency 20 days → 3; −15% orders → 2; −15% revenue → 2; 3 categories → 3; engagement 4;
    // 10 days late → 2: 0.25·3 + 0.20·2 + 0.20·2 + 0.15·3 + 0.10·4 + 0.10·2
    //   = 0.75 + 0.40 + 0.40 + 0.45 + 0.40 + 0.20 = 2.60
    expect(both(health, cell(20), cell(-0.15), cell(-0.15), cell(3), cell(4), cell(10))).toEqual([
      [2.6],
    ]);
  });

  it("revenueChange −150% (text or number) is #VALUE!; exactly −100% (all revenue lost) scores 1", () => {
    for (const v of [-1.5, "-150%"]) {
      const e = valueError(
        both(health, cell(20), cell(-0.15), cell(v), cell(3), cell(4), cell(10))[0][0]
      );
      expect(e.message).toMatch(/revenueChange/);
    }
    // −100% → Revenue 1: 0.75 + 0.40 + 0.20 + 0.45 + 0.40 + 0.20 = 2.40
    expect(both(health, cell(20), cell(-0.15), cell(-1), cell(3), cell(4), cell(10))).toEqual([
      [2.4],
    ]);
  });

  it("in a column only the bad row is an error; HEALTHFACTORS says so in all seven cells", () => {
    const out = both(
      healthFactors,
      col(20, 20),
      col(-0.15, -26),
      col(-0.15, -0.15),
      cell(3),
      cell(4),
      cell(10)
    );
    expect(out[0]).toEqual([3, 2, 2, 3, 4, 2, expect.stringMatching(/^Used: /)]);
    expect(out[1]).toHaveLength(7);
    for (const v of out[1]) expect(valueError(v).message).toMatch(/frequencyChange/);
  });
});

describe("a date where a number of days belongs is refused, never scored as 46,000 days", () => {
  const lastOrder = ymdToSerial(2026, 10, 1); // 46,296: the last order date, not days since it

  it("HEALTH: daysSinceLastOrder holding a date is #VALUE! that says it looks like a date", () => {
    const e = valueError(
      both(health, cell(lastOrder), cell(0.1), cell(0.1), cell(3), cell(4), cell(10))[0][0]
    );
    expect(e.message).toMatch(/daysSinceLastOrder/);
    expect(e.message).toMatch(/date/);
    expect(e.message).toMatch(/2026-10-01/);
  });

  it("HEALTH: paymentDays holding a date (a due date) is #VALUE! too", () => {
    const e = valueError(
      both(health, cell(20), cell(0.1), cell(0.1), cell(3), cell(4), cell(lastOrder))[0][0]
    );
    expect(e.message).toMatch(/paymentDays/);
  });

  it("WINBACK: a date is #VALUE!, not Stage 4; 400 days is still Stage 4", () => {
    const out = both(winBack, col(lastOrder, 400));
    expect(valueError(out[0][0]).message).toMatch(/daysSinceLastOrder.*date/);
    expect(out[1][0]).toBe("Stage 4 – Recovery offer");
  });

  it("PAYMENT: due dates given without paidDates are not read as 46,000 days late per invoice", () => {
    // =KAP.PAYMENT(DueDates) with the paid-date column forgotten: the dates would be days late
    // (10 Jan 2026 = 46,032 days) and score Payment 1
    let err: KapError | undefined;
    try {
      both(payment, col(ymdToSerial(2026, 1, 10), ymdToSerial(2026, 2, 10)));
    } catch (e) {
      err = e as KapError;
    }
    expect(err?.code).toBe("#VALUE!");
    expect(err?.message).toMatch(/daysLate \(row 1\).*2026-01-10.*paid dates/);
    // days late 5, 10 and −2: mean 4.33 → 4 days → Payment 3 (1–7 days)
    expect(both(payment, col(5, 10, -2))).toEqual([[4, 3]]);
  });

  it("a long but possible gap (20 years, 7,305 days) still scores Recency 1", () => {
    // Recency 1, Frequency +10% → 4, Revenue +10% → 4, 3 categories → 3, engagement 4, 10 days → 2
    // 0.25 + 0.80 + 0.80 + 0.45 + 0.40 + 0.20 = 2.90
    expect(both(health, cell(7305), cell(0.1), cell(0.1), cell(3), cell(4), cell(10))).toEqual([
      [2.9],
    ]);
  });
});

describe("a count of categories that is not a whole number is refused", () => {
  it('5.5 categories (an average, say) is #VALUE! naming categories; 4 and "4.0" score', () => {
    const e = valueError(
      both(health, cell(10), cell(0.1), cell(0.1), cell(5.5), cell(4), cell(0))[0][0]
    );
    expect(e.message).toMatch(/categories.*whole/);
    // 10 days → 4, +10% → 4, +10% → 4, 4 categories → 4, engagement 4, on time → 4: 4.00
    for (const v of [4, "4.0"])
      expect(both(health, cell(10), cell(0.1), cell(0.1), cell(v), cell(4), cell(0))).toEqual([
        [4],
      ]);
  });
});
