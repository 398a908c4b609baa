/**
 * The QBR's "savings vs list price" counts only the goods the customer kept: a return gives back
 * the saving on what it returns (the figure is Σ list price × quantity − paid over the 12 months,
 * returns included, beside a total spend that is net of returns).
 */
import { buildPortfolio, qbrData } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
const Q3 = { year: 2026, q: 3 } as const;

test("10 bought at £8 against a £10 list price, 4 returned: savings £12 on the 6 kept, not £20", () => {
  const model = buildPortfolio(
    bookOf([
      line("A", d(2026, 7, 5), "P1", 80, { quantity: 10, listPrice: 10 }),
      line("A", d(2026, 8, 10), "P1", -32, { quantity: -4, listPrice: 10, orderId: "C1" }),
    ]),
    { asOf }
  );
  const q = qbrData(model, "A", Q3);
  // kept: 6 × £10 = £60 at list, £48 paid
  expect(q.spendLast12).toBe(48);
  expect(q.savings).toMatchObject({ listValue: 60, paid: 48, savings: 12 });
  expect(q.savings!.shareOfSpendWithListPrice).toBeCloseTo(1, 10);
});

test("a return of a line without a list price leaves the savings of the lines with one", () => {
  const model = buildPortfolio(
    bookOf([
      line("A", d(2026, 7, 5), "P1", 80, { quantity: 10, listPrice: 10 }),
      line("A", d(2026, 7, 6), "P2", 50, { quantity: 5 }),
      line("A", d(2026, 8, 10), "P2", -20, { quantity: -2, orderId: "C1" }),
    ]),
    { asOf }
  );
  const q = qbrData(model, "A", Q3);
  // spend 80 + 50 − 20 = 110; savings 100 − 80 = 20 over the £80 of it that had a list price
  expect(q.spendLast12).toBe(110);
  expect(q.savings).toMatchObject({ listValue: 100, paid: 80, savings: 20 });
  expect(q.savings!.shareOfSpendWithListPrice).toBeCloseTo(80 / 110, 10);
});

test("every list-priced purchase returned: no savings, but the data has list prices (the QBR must not say it has none)", () => {
  const model = buildPortfolio(
    bookOf([
      line("A", d(2026, 7, 5), "P1", 80, { quantity: 10, listPrice: 10 }),
      line("A", d(2026, 8, 10), "P1", -80, { quantity: -10, listPrice: 10, orderId: "C1" }),
      line("A", d(2026, 8, 12), "P2", 50, { quantity: 5 }),
    ]),
    { asOf }
  );
  const q = qbrData(model, "A", Q3);
  // kept: nothing list-priced (10 bought, 10 returned); spend 80 − 80 + 50 = 50
  expect(q.spendLast12).toBe(50);
  expect(q.savings).toBeNull();
  expect(q.listPricesInData).toBe(true);
});

test("order lines without any list price: listPricesInData is false", () => {
  const model = buildPortfolio(bookOf([line("A", d(2026, 7, 5), "P1", 80, { quantity: 10 })]), {
    asOf,
  });
  expect(qbrData(model, "A", Q3).listPricesInData).toBe(false);
});
