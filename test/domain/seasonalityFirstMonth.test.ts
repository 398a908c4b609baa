/**
 * The account's first month counts in its seasonality when the data saw that month whole (the
 * data began before it): the account simply started buying then (PRODUCT.md §2.5, "over the
 * available full months" — of the data). Only a month the data itself did not see whole (its
 * first, begun after the 1st, or the as-of month) is blank. Before, de_erp_cp1252.csv's K1005
 * (first order 02/04/2026, data from 02/09/2024) had "Peak months (last 12 months): July, April"
 * above a Seasonality table with April blank; April 2026 had 4,076.40 of orders.
 *
 * Hand-built, as of 30/11/2026:
 *   A  100 on 02/09/2024 (the data's first day) and 100 on 02/10/2026
 *   B  1,000 on 02/04/2026 and 3,076.40 on 20/04/2026 (April 4,076.40); 500 on 10/07/2026
 * B's whole months: April to November 2026 (8 months, each seen once): April 4,076.40, July 500,
 *   the other six 0. Mean month (4,076.40 + 500) / 8 = 572.05; April's index 4,076.40 / 572.05 ×
 *   100 = 712.6 → 713; July 500 / 572.05 × 100 = 87.4 → 87. Peak months: April, July.
 * A's first month, September 2024, is the data's first, begun on the 2nd: not seen whole, left out.
 *   A's September is then the mean of September 2025 and 2026, 0 and 0 = 0 (not (100 + 0 + 0) / 3).
 */
import { analyzeAccount, buildPortfolio, OrderBook } from "../../src/domain/analysis";
import { ymdToSerial as d } from "../../src/domain/dates";

const book = new OrderBook();
const lines: [string, number, number][] = [
  ["A", d(2024, 9, 2), 100],
  ["A", d(2026, 10, 2), 100],
  ["B", d(2026, 4, 2), 1000],
  ["B", d(2026, 4, 20), 3076.4],
  ["B", d(2026, 7, 10), 500],
];
for (const [id, date, revenue] of lines)
  book.add({
    accountId: id,
    date,
    orderId: `${id}${date}`,
    sku: "S",
    category: "C",
    quantity: 1,
    revenue,
    isReturn: false,
  });
const model = buildPortfolio(book, { asOf: d(2026, 11, 30) });

test("B's first month, April, seen whole by the data: in the seasonality as in the peak months", () => {
  const b = analyzeAccount(model, "B");
  const april = b.seasonality.find((m) => m.month === "April")!;
  expect(april.revenue).toBe(4076.4);
  expect(Math.round(april.index!)).toBe(713);
  expect(Math.round(b.seasonality.find((m) => m.month === "July")!.index!)).toBe(87);
  expect(b.seasonality.find((m) => m.month === "March")!.revenue).toBeNull();
  expect(b.buyingPattern.peakMonths).toEqual(["April", "July"]);
});

test("A's first month, the data's own first month begun on the 2nd, is still left out", () => {
  const a = analyzeAccount(model, "A");
  expect(a.seasonality.find((m) => m.month === "September")!.revenue).toBe(0);
});
