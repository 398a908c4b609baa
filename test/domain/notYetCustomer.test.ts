/**
 * An account whose first order is after the as-of date is not yet a customer then (the README's
 * trend rule: month-ends before the first order have no score): no score, no band, not counted in
 * the portfolio's bands, quadrants or ABC tiers, and a note says how many start after the date.
 * Before, de_erp_cp1252.csv as of 30/06/2025 scored K1005 (first order 02/04/2026) "1.00 Critical,
 * Growth Potential, C" and counted it in "Critical 2".
 *
 * Hand-built, as of 30/06/2025:
 *   A  £100 on 05/01/2025, £80 on 05/03/2025 (a customer)
 *   B  £50 on 01/08/2025 and £60 on 01/09/2025 (first order a month after the as-of date)
 * The portfolio: A alone — 1 account managed, its revenue £180, B named in the note.
 */
import { analyzePortfolio, OrderBook } from "../../src/domain/analysis";
import { ymdToSerial as d } from "../../src/domain/dates";
import { accountHealth } from "../../src/functions/functions";
import { isKapError } from "../../src/functions/errors";
import { col } from "../functions/ranges";

const lines: [string, number, number][] = [
  ["A", d(2025, 1, 5), 100],
  ["A", d(2025, 3, 5), 80],
  ["B", d(2025, 8, 1), 50],
  ["B", d(2025, 9, 1), 60],
];
const book = new OrderBook();
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
const p = analyzePortfolio(book, {
  asOf: d(2025, 6, 30),
  accounts: [{ accountId: "B", name: "Nordbau Süd GmbH" }],
});

test("B, first order after the as-of date, has no row, no band and no tier", () => {
  expect(p.accounts.map((a) => a.accountId)).toEqual(["A"]);
  expect(p.dashboard.accountsManaged).toBe(1);
  // only A counted: one band of one account; one ABC tier of one account
  expect(p.dashboard.bands.reduce((n, b) => n + b.count, 0)).toBe(1);
  expect(p.dashboard.abc.reduce((n, t) => n + t.count, 0)).toBe(1);
  expect(Object.values(p.dashboard.quadrants).reduce((n, c) => n + c, 0)).toBe(1);
  expect(p.notYetCustomers).toEqual([
    { accountId: "B", name: "Nordbau Süd GmbH", currency: "", firstOrderDate: d(2025, 8, 1) },
  ]);
});

test("a note says how many accounts start after the as-of date, and when", () => {
  expect(p.warnings).toContain(
    "1 account has its first order after the as-of date 30/06/2025 (B Nordbau Süd GmbH, 01/08/2025): not yet a customer then, it is not scored and not counted in the bands, quadrants or ABC tiers."
  );
});

test("KAP.ACCOUNTHEALTH as of 30/06/2025: A scored, B #N/A (not yet a customer), never 1.00", () => {
  const out = accountHealth(
    col("A", "B"),
    col(...lines.map((l) => l[0])),
    col(...lines.map((l) => l[1])),
    col("I1", "I2", "I3", "I4"),
    col(...lines.map((l) => l[2])),
    col("C", "C", "C", "C"),
    undefined,
    undefined,
    [[d(2025, 6, 30)]]
  ) as unknown[][];
  expect(typeof out[0][0]).toBe("number");
  const b = out[1][0];
  expect(isKapError(b) && b.code).toBe("#N/A");
  expect(isKapError(b) && b.message).toMatch(/not yet a customer/);
});
