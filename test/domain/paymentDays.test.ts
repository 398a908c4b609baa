import fc from "fast-check";
import { ymdToSerial } from "../../src/domain/dates";
import { paymentDaysFromLedger, paymentFromLedger } from "../../src/domain/payment";
import type { Invoice } from "../../src/domain/types";

const asOf = ymdToSerial(2026, 10, 31);

describe("paymentDaysFromLedger (a history point's payment days)", () => {
  it("is the weighted mean days late of the invoices due in the last 12 months, rounded", () => {
    // due 1 Oct, paid 11 Oct (10 days late, £300); due 1 Sep, paid 31 Aug (1 day early, £100);
    // due 1 Oct 2025 (outside the 12 months). (300·10 + 100·(−1)) / 400 = 7.25 → 7
    const invoices: Invoice[] = [
      {
        accountId: "A",
        dueDate: ymdToSerial(2026, 10, 1),
        paidDate: ymdToSerial(2026, 10, 11),
        amount: 300,
      },
      {
        accountId: "A",
        dueDate: ymdToSerial(2026, 9, 1),
        paidDate: ymdToSerial(2026, 8, 31),
        amount: 100,
      },
      {
        accountId: "A",
        dueDate: ymdToSerial(2025, 10, 1),
        paidDate: ymdToSerial(2025, 12, 1),
        amount: 900,
      },
    ];
    expect(paymentDaysFromLedger(invoices, asOf)).toBe(7);
    expect(paymentDaysFromLedger([], asOf)).toBeNull();
  });

  it("equals paymentFromLedger's days for any ledger and date (property)", () => {
    const day = fc.integer({ min: asOf - 800, max: asOf + 30 });
    const invoice = fc.record({
      dueDate: fc.option(day, { nil: undefined }),
      invoiceDate: fc.option(day, { nil: undefined }),
      paidDate: fc.option(day, { nil: undefined }),
      amount: fc.integer({ min: -500, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 30 }), day, (list, at) => {
        const invoices = list.map((i) => ({ accountId: "A", ...i }));
        const terms = { days: 30, endOfMonth: false };
        expect(paymentDaysFromLedger(invoices, at)).toBe(paymentFromLedger(invoices, at).days);
        expect(paymentDaysFromLedger(invoices, at, terms)).toBe(
          paymentFromLedger(invoices, at, terms).days
        );
      }),
      { numRuns: 2000 }
    );
  });
});
