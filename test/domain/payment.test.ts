/**
 * Payment from a payments ledger (RULES.md §2.1, §2.4). Expected numbers worked by hand:
 * days late = paid − due (unpaid and past due: as-of − due), amount-weighted mean over the
 * invoices due in (as-of − 12 months, as-of], rounded half away from zero, then the Payment
 * table: ≤ −1 → 5, 0 → 4, 1–7 → 3, 8–30 → 2, 31+ → 1.
 */
import fc from "fast-check";
import { edate, ymdToSerial } from "../../src/domain/dates";
import { paymentScore } from "../../src/domain/health";
import {
  dueDateOf,
  invoiceDaysLate,
  ledgerMean,
  parseCreditTerms,
  paymentFromLedger,
} from "../../src/domain/payment";
import type { Invoice } from "../../src/domain/types";

const AS_OF = ymdToSerial(2026, 10, 31);

/** An invoice due `dueAgo` days before as-of, paid `late` days after its due date (undefined = unpaid). */
function inv(dueAgo: number, late: number | undefined, amount = 1000): Invoice {
  const due = AS_OF - dueAgo;
  return {
    accountId: "A",
    invoiceDate: due - 30,
    dueDate: due,
    paidDate: late === undefined ? undefined : due + late,
    amount,
  };
}

const scoreOf = (invoices: Invoice[]) => {
  const p = paymentFromLedger(invoices, AS_OF);
  return p.days === null ? null : paymentScore(p.days);
};

describe("one invoice: early, on time, 1–7, 8–30, 31+ days late", () => {
  it.each([
    [-2, 5],
    [-1, 5],
    [0, 4],
    [1, 3],
    [7, 3],
    [8, 2],
    [30, 2],
    [31, 1],
    [90, 1],
  ])("paid %p days after the due date → score %p", (late, score) => {
    const p = paymentFromLedger([inv(100, late)], AS_OF);
    expect(p.days).toBe(late);
    expect(paymentScore(p.days!)).toBe(score);
  });
});

describe("unpaid invoices", () => {
  it("unpaid and 20 days past due at as-of counts 20 days → 2", () => {
    const p = paymentFromLedger([inv(20, undefined)], AS_OF);
    expect(p.days).toBe(20);
    expect(p.unpaidOverdue).toBe(1);
    expect(paymentScore(p.days!)).toBe(2);
  });

  it("unpaid and not yet due (due in 5 days, or due today) does not count", () => {
    expect(paymentFromLedger([inv(-5, undefined)], AS_OF).days).toBeNull();
    expect(paymentFromLedger([inv(0, undefined)], AS_OF).days).toBeNull();
    expect(invoiceDaysLate(inv(0, undefined), AS_OF)).toBeNull();
  });

  it("paid after as-of is unpaid at as-of: due 10 days ago, paid in 5 days → 10 days overdue so far", () => {
    expect(invoiceDaysLate(inv(10, 15), AS_OF)).toBe(10);
  });

  it("an unpaid overdue invoice weighs in with the paid ones: £1,000 on time + £1,000 unpaid 40 days past due → mean 20 → 2", () => {
    expect(paymentFromLedger([inv(100, 0), inv(40, undefined)], AS_OF).days).toBe(20);
    expect(scoreOf([inv(100, 0), inv(40, undefined)])).toBe(2);
  });
});

describe("amount weighting and rounding", () => {
  it("£1,000 paid 10 days late and £3,000 paid 2 days early: (10×1000 − 2×3000) / 4000 = 1 day → 3 (the plain mean, 4 days, would also be 3; the weights matter below)", () => {
    const p = paymentFromLedger([inv(100, 10, 1000), inv(80, -2, 3000)], AS_OF);
    expect(p.meanDays).toBeCloseTo(1, 10);
    expect(p.days).toBe(1);
  });

  it("£500 paid 40 days late and £9,500 paid on time: 40×500 / 10,000 = 2 days → 3, not 20 days (→ 2) as an unweighted mean", () => {
    const p = paymentFromLedger([inv(100, 40, 500), inv(80, 0, 9500)], AS_OF);
    expect(p.days).toBe(2);
    expect(paymentScore(p.days!)).toBe(3);
  });

  it("rounding half away from zero: 3 and 4 days on equal amounts → 3.5 → 4; −1 and 0 → −0.5 → −1 (early, 5)", () => {
    expect(paymentFromLedger([inv(100, 3), inv(80, 4)], AS_OF).days).toBe(4);
    const early = paymentFromLedger([inv(100, -1), inv(80, 0)], AS_OF);
    expect(early.days).toBe(-1);
    expect(paymentScore(early.days!)).toBe(5);
  });

  it("0.4 days rounds to 0 (on time, 4): £600 on time + £400 one day late", () => {
    expect(paymentFromLedger([inv(100, 0, 600), inv(80, 1, 400)], AS_OF).days).toBe(0);
  });

  it("credit notes (amount 0 or less) do not count", () => {
    expect(paymentFromLedger([inv(100, 0), { ...inv(80, 50), amount: -200 }], AS_OF).days).toBe(0);
  });
});

describe("the 12-month window: invoices due in (as-of − 12 months, as-of]", () => {
  it("due exactly 12 months before as-of is out; a day later is in", () => {
    const start = edate(AS_OF, -12);
    const due = (d: number, late: number): Invoice => ({
      accountId: "A",
      dueDate: d,
      paidDate: d + late,
      amount: 100,
    });
    expect(paymentFromLedger([due(start, 50)], AS_OF).days).toBeNull();
    expect(paymentFromLedger([due(start + 1, 50)], AS_OF).days).toBe(50);
  });

  it("no invoice due in the window: null with a reason", () => {
    const p = paymentFromLedger([], AS_OF);
    expect(p.days).toBeNull();
    expect(p.basis).toMatch(/no invoice due/);
  });
});

describe("late payments increasing: last quarter at least 3 days above the previous one", () => {
  // last quarter = due in (31/07/2026, 31/10/2026]; previous = (30/04/2026, 31/07/2026]
  it("previous quarter 2 days, last quarter 5 days → rising (+3)", () => {
    const p = paymentFromLedger([inv(120, 2), inv(30, 5)], AS_OF);
    expect([p.previousQuarterDays, p.lastQuarterDays, p.rising]).toEqual([2, 5, true]);
  });

  it("2 → 4 days is not (+2); 5 → 2 (improving) is not", () => {
    expect(paymentFromLedger([inv(120, 2), inv(30, 4)], AS_OF).rising).toBe(false);
    expect(paymentFromLedger([inv(120, 5), inv(30, 2)], AS_OF).rising).toBe(false);
  });

  it("needs invoices in both quarters", () => {
    expect(paymentFromLedger([inv(30, 30)], AS_OF).rising).toBe(false);
  });

  it("the previous quarter is judged at as-of: an invoice of that quarter paid since counts as paid", () => {
    // due 100 days ago, paid 4 days late (long before as-of) → previous quarter 4; last quarter 7 → +3
    const p = paymentFromLedger([inv(100, 4), inv(20, 7)], AS_OF);
    expect(p.previousQuarterDays).toBe(4);
    expect(p.rising).toBe(true);
  });
});

describe("credit terms when the ledger has no due date", () => {
  it.each([
    ["30 days", { days: 30, endOfMonth: false }],
    ["Net 45", { days: 45, endOfMonth: false }],
    ["2/10 net 30", { days: 30, endOfMonth: false }],
    ["30 days EOM", { days: 30, endOfMonth: true }],
    ["Pro forma", { days: 0, endOfMonth: false }],
    ["COD", { days: 0, endOfMonth: false }],
    ["60", { days: 60, endOfMonth: false }],
  ])("%p → %p", (text, terms) => {
    expect(parseCreditTerms(text)).toEqual(terms);
  });

  it("unreadable terms → undefined", () => {
    expect(parseCreditTerms("see contract")).toBeUndefined();
    expect(parseCreditTerms("")).toBeUndefined();
  });

  it("invoice 15/09/2026 on 30 days EOM is due 30/10/2026 (30/09 + 30 days); on 30 days, 15/10/2026", () => {
    const i: Invoice = { accountId: "A", invoiceDate: ymdToSerial(2026, 9, 15), amount: 100 };
    expect(dueDateOf(i, parseCreditTerms("30 days EOM"))).toBe(ymdToSerial(2026, 10, 30));
    expect(dueDateOf(i, parseCreditTerms("30 days"))).toBe(ymdToSerial(2026, 10, 15));
    expect(dueDateOf(i)).toBeUndefined();
  });
});

describe("properties", () => {
  it("the mean lies between the fastest and the slowest invoice; paying every invoice later never lowers it", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -30, max: 20 }), fc.integer({ min: 1, max: 100_000 })),
          { minLength: 1, maxLength: 12 }
        ),
        fc.integer({ min: 0, max: 30 }),
        (rows, delay) => {
          const list = rows.map(([late, amount], i) => inv(20 + i * 10, late, amount));
          const m = ledgerMean(list, edate(AS_OF, -12), AS_OF);
          const lates = rows.map(([l]) => l);
          expect(m.meanDays!).toBeGreaterThanOrEqual(Math.min(...lates) - 1e-9);
          expect(m.meanDays!).toBeLessThanOrEqual(Math.max(...lates) + 1e-9);
          const later = ledgerMean(
            rows.map(([late, amount], i) => inv(20 + i * 10, late + delay, amount)),
            edate(AS_OF, -12),
            AS_OF
          );
          expect(later.meanDays!).toBeGreaterThanOrEqual(m.meanDays! - 1e-9);
        }
      )
    );
  });
});

describe("the figure in words", () => {
  it.each([
    [1, "weighted mean 1 day, 1 invoice due in 12 months"],
    [-1, "weighted mean -1 day, 1 invoice due in 12 months"],
    [0, "weighted mean 0 days, 1 invoice due in 12 months"],
    [9, "weighted mean 9 days, 1 invoice due in 12 months"],
  ])('paid %p days after the due date reads %p ("1 day", never "1 days")', (late, basis) => {
    expect(paymentFromLedger([inv(100, late)], AS_OF).basis).toBe(basis);
  });
});
