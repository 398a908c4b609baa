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
  });
  expect(g.lifetime!.pAlive!).toBeGreaterThan(0);
  expect(toGlance({ ...a, lifetime: null }).lifetime).toBeUndefined();
});
