/** The glance carries P(alive), the expected 12-month revenue and whether the fit is reliable. */
import { analyzePortfolio, OrderBook } from "../../src/domain/analysis";
import { ymdToSerial } from "../../src/domain/dates";
import { toGlance } from "../../src/engine/glance";

test("toGlance passes the lifetime figures and the model’s reliability; none without a fit", () => {
  const book = new OrderBook();
  const add = (id: string, y: number, m: number, d: number, revenue: number) =>
    book.add({
      accountId: id,
      date: ymdToSerial(y, m, d),
      orderId: `${id}${y}${m}${d}`,
      sku: "S",
      category: "C",
      quantity: 1,
      revenue,
      isReturn: false,
    });
  add("A", 2025, 1, 5, 100);
  add("A", 2025, 3, 5, 80);
  add("B", 2025, 2, 1, 50);
  const p = analyzePortfolio(book, { asOf: ymdToSerial(2025, 6, 30) });
  const a = p.accounts.find((x) => x.accountId === "A")!;
  const g = toGlance(a, "GBP", p.lifetimeModels[0]);
  expect(g.lifetime).toEqual({
    pAlive: a.lifetime!.pAlive,
    expectedRevenue12m: a.lifetime!.expectedRevenue12m,
    reliable: false,
    warning: p.lifetimeModels[0].warning,
  });
  expect(g.lifetime!.warning).toMatch(/^Not reliable: 2 accounts and 1 repeat buyer/);
  expect(g.lifetime!.pAlive!).toBeGreaterThan(0);
  // the 12-month trend for the pane's sparkline: month-ends 30/06/2024 … 31/05/2025, then the
  // as-of date 30/06/2025 (13 points), the last one the score on show
  expect(g.history.map((h) => h.date)).toEqual([
    "2024-06-30",
    "2024-07-31",
    "2024-08-31",
    "2024-09-30",
    "2024-10-31",
    "2024-11-30",
    "2024-12-31",
    "2025-01-31",
    "2025-02-28",
    "2025-03-31",
    "2025-04-30",
    "2025-05-31",
    "2025-06-30",
  ]);
  expect(g.history.at(-1)!.score).toBe(g.score);
  // A's first order is 05/01/2025: the 7 month-ends 30/06/2024 … 31/12/2024 are before it (no
  // score, "not yet a customer" in the pane); from 31/01/2025 on it is a customer
  expect(g.history.filter((h) => h.beforeFirstOrder).map((h) => h.date)).toEqual([
    "2024-06-30",
    "2024-07-31",
    "2024-08-31",
    "2024-09-30",
    "2024-10-31",
    "2024-11-30",
    "2024-12-31",
  ]);
  expect(g.history.slice(0, 7).every((h) => h.score === null)).toBe(true);
  expect(g.history.slice(7).every((h) => !h.beforeFirstOrder && h.score !== null)).toBe(true);
  expect(toGlance({ ...a, lifetime: null }, "GBP").lifetime).toBeUndefined();
  // the pane's money names the analysis' own currency: "kr" as the data wrote it (was "KR 180"),
  // none when the analysis has none (was a default "£")
  expect(toGlance(a, "kr").currency).toBe("kr");
  expect(toGlance(a, "").currency).toBe("");
  expect(toGlance(a, "eur").currency).toBe("EUR");
});
