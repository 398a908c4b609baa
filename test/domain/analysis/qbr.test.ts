import {
  buildPortfolio,
  fiscalQuarterOf,
  fiscalQuarterSpan,
  qbrData,
  shiftQuarter,
} from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

describe("fiscal quarters", () => {
  it("names the fiscal year by the calendar year it ends in", () => {
    // start month 4: FY2026 runs Apr 2025 – Mar 2026; Q1 = Apr–Jun 2025
    const q1 = fiscalQuarterSpan({ year: 2026, q: 1 }, 4);
    expect(q1).toMatchObject({
      label: "FY2026 Q1",
      months: "Apr–Jun 2025",
      firstDay: d(2025, 4, 1),
      lastDay: d(2025, 6, 30),
    });
    expect(q1.period).toEqual({ start: d(2025, 3, 31), end: d(2025, 6, 30) });
    expect(fiscalQuarterSpan({ year: 2026, q: 4 }, 4)).toMatchObject({
      firstDay: d(2026, 1, 1),
      lastDay: d(2026, 3, 31),
    });
    // start month 1: the calendar year
    expect(fiscalQuarterSpan({ year: 2025, q: 2 })).toMatchObject({
      firstDay: d(2025, 4, 1),
      lastDay: d(2025, 6, 30),
      label: "FY2025 Q2",
    });
    // a quarter across the new year (start month 12: Q1 = Dec–Feb)
    expect(fiscalQuarterSpan({ year: 2025, q: 1 }, 12)).toMatchObject({
      months: "Dec 2024–Feb 2025",
      lastDay: d(2025, 2, 28),
    });
  });

  it("finds the quarter of a date and shifts quarters", () => {
    expect(fiscalQuarterOf(d(2025, 5, 15), 4)).toEqual({ year: 2026, q: 1 });
    expect(fiscalQuarterOf(d(2026, 3, 31), 4)).toEqual({ year: 2026, q: 4 });
    expect(fiscalQuarterOf(d(2025, 12, 31))).toEqual({ year: 2025, q: 4 });
    expect(shiftQuarter({ year: 2026, q: 1 }, -1)).toEqual({ year: 2025, q: 4 });
    expect(shiftQuarter({ year: 2026, q: 1 }, -4)).toEqual({ year: 2025, q: 1 });
  });
});

describe("QBR data for one account and quarter", () => {
  // FY2025 Q2 (calendar, Apr–Jun 2025): 10 Apr £100 (a, list £12 × 10), 10 May £200 (a £120 + b £80),
  // a return of £20 on 1 Jun. Previous quarter: 10 Feb £50 (a). Same quarter last year: 5 May 2024 £80 (c).
  const lines = [
    line("A", d(2025, 4, 10), "a", 100, { quantity: 10, listPrice: 12 }),
    line("A", d(2025, 5, 10), "a", 120, { quantity: 10 }),
    line("A", d(2025, 5, 10), "b", 80, { productName: "Bolts" }),
    line("A", d(2025, 6, 1), "a", -20, { orderId: "C1", quantity: -2 }),
    line("A", d(2025, 2, 10), "a", 50),
    line("A", d(2024, 5, 5), "c", 80),
    // another account's order on 1 Apr 2024: the data covers FY2024 Q2 from its start, so the
    // change against it is like for like (a quarter the data only partly covers gets none)
    line("B", d(2024, 4, 1), "c", 10),
  ];
  const book = bookOf(lines);
  const model = buildPortfolio(book, {
    asOf: d(2025, 7, 15),
    accounts: [{ accountId: "A", tier: "Gold", primaryContact: "Jo Bloggs" }],
  });
  const q = qbrData(model, "A", { year: 2025, q: 2 });

  it("compares the quarter with the previous one and the same quarter last year", () => {
    expect(q.quarter.label).toBe("FY2025 Q2");
    expect(q.glance.current).toMatchObject({
      orders: 2,
      orderValue: 300,
      returns: 1,
      returnValue: -20,
      netRevenue: 280,
      distinctProducts: 2,
    });
    expect(q.glance.previous).toMatchObject({ orders: 1, orderValue: 50, distinctProducts: 1 });
    expect(q.glance.sameQuarterLastYear).toMatchObject({
      orders: 1,
      orderValue: 80,
      distinctProducts: 1,
    });
    expect(q.glance.ordersVsPrevious).toBe(100); // (2 − 1)/1
    expect(q.glance.valueVsLastYear).toBe(275); // (300 − 80)/80
    expect(q.topProducts.map((t) => [t.rank, t.sku, t.revenue])).toEqual([
      [1, "a", 200], // 100 + 120 − 20
      [2, "b", 80],
    ]);
  });

  it("gives the partnership summary as of the quarter end", () => {
    // 12 months (30 Jun 2024, 30 Jun 2025]: orders 10 Feb, 10 Apr, 10 May = 3 (5 May 2024 is before)
    expect(q.figuresTo).toBe(d(2025, 6, 30));
    expect(q.ordersLast12).toBe(3);
    expect(q.spendLast12).toBe(330); // 50 + 100 + 200 − 20
    expect(q).toMatchObject({
      tier: "Gold",
      customerSince: d(2024, 5, 5),
      customerSinceSource: "first order",
    });
    expect(q.primaryContact.name).toBe("Jo Bloggs");
    // list 12 × 10 = 120 against £100 paid on the lines with a list price → £20 saved
    expect(q.savings).toMatchObject({ listValue: 120, paid: 100, savings: 20 });
  });

  it("gives a monthly series of the 12 months ending with the quarter and the category split", () => {
    expect(q.monthlyRevenue).toHaveLength(12);
    expect(q.monthlyRevenue[0].month).toBe("Jul 2024");
    expect(q.monthlyRevenue.map((m) => m.revenue)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 50, 0, 100, 200, -20,
    ]);
    expect(q.categorySplit).toEqual([{ category: "Cat", revenue: 280, share: 1 }]);
    expect(q.offers[0]).toMatchObject({ rate: 0.1 });
  });
});

describe("QBR auto-replenishment candidates", () => {
  it("lists SKUs reordered at a regular period", () => {
    const lines = [
      // every 30 days: gaps 30, 30, 30 → variation 0
      ...[d(2025, 1, 1), d(2025, 1, 31), d(2025, 3, 2), d(2025, 4, 1)].map((x) =>
        line("A", x, "REG", 10)
      ),
      // gaps 5 and 80 → mean 42.5, sd 37.5, variation 0.88 > 0.5
      ...[d(2025, 1, 1), d(2025, 1, 6), d(2025, 3, 27)].map((x) => line("A", x, "IRR", 10)),
    ];
    const book = bookOf(lines);
    const model = buildPortfolio(book, { asOf: d(2025, 6, 30) });
    const q = qbrData(model, "A", { year: 2025, q: 2 });
    expect(q.replenishment.map((r) => [r.sku, r.reorderDays, r.nextExpectedOrder])).toEqual([
      ["REG", 30, d(2025, 5, 1)],
    ]);
  });
});
