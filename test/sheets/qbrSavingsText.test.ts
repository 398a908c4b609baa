/**
 * What the QBR's "Savings vs list price" row says when there is no saving to show: "list prices
 * not in the data" only when the order lines carry no list price at all. An account whose
 * list-priced goods were all returned (or that bought none in the 12 months) has list prices in
 * the data: saying they are missing would send the user looking for a column that is there.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);

/** The value beside the "Savings vs list price" label (label and value are blocks of their own). */
function savingsValue(lines: Parameters<typeof bookOf>[0]): unknown {
  const q = qbrData(buildPortfolio(bookOf(lines), { asOf }), "A", { year: 2026, q: 3 });
  const blocks = qbrSheets(q, layoutOptions({ asOf })).flatMap((s) => s.blocks);
  const k = blocks.findIndex((b) => String(b.rows[0]?.[0]).startsWith("Savings vs list price"));
  expect(k).toBeGreaterThanOrEqual(0);
  return blocks[k + 1].rows[0][0];
}

test("all list-priced goods returned: the row says none were kept, not that list prices are missing", () => {
  const value = savingsValue([
    line("A", d(2026, 7, 5), "P1", 80, { quantity: 10, listPrice: 10 }),
    line("A", d(2026, 8, 10), "P1", -80, { quantity: -10, listPrice: 10, orderId: "C1" }),
    line("A", d(2026, 8, 12), "P2", 50, { quantity: 5 }),
  ]);
  expect(value).toBe("none: no list-priced goods kept in these 12 months");
});

test("no list price anywhere in the order lines: the row says so", () => {
  const value = savingsValue([line("A", d(2026, 7, 5), "P1", 80, { quantity: 10 })]);
  expect(value).toBe("list prices not in the data");
});

test("a saving: the row gives it (10 at £8 against £10 list: £20)", () => {
  const value = savingsValue([line("A", d(2026, 7, 5), "P1", 80, { quantity: 10, listPrice: 10 })]);
  expect(value).toBe(20);
});

/** The note under the savings row (A13 of the partnership page). */
function savingsNote(lines: Parameters<typeof bookOf>[0]): string {
  const q = qbrData(buildPortfolio(bookOf(lines), { asOf }), "A", { year: 2026, q: 3 });
  const page = qbrSheets(q, layoutOptions({ asOf })).find((s) => s.kind === "qbr-partnership")!;
  return String(
    page.blocks.find((b) => String(b.rows[0][0]).startsWith("Savings are"))!.rows[0][0]
  );
}

test("every line carries a list price: the note says so, not 'over the 100% of spend'", () => {
  // 10 at £8 against £10 list: all £80 of spend has a list price
  const note = savingsNote([line("A", d(2026, 7, 5), "P1", 80, { quantity: 10, listPrice: 10 })]);
  expect(note).toBe(
    "Savings are list price × quantity less what was paid, net of returns; every line carries a list price."
  );
});

test("part of the spend without a list price: its share is given (£80 of £110: 73%)", () => {
  const note = savingsNote([
    line("A", d(2026, 7, 5), "P1", 80, { quantity: 10, listPrice: 10 }),
    line("A", d(2026, 8, 12), "P2", 30, { quantity: 3 }),
  ]);
  // 80 / 110 = 72.7% → 73%
  expect(note).toBe(
    "Savings are list price × quantity less what was paid, net of returns, over the 73% of spend whose lines carry a list price."
  );
});

test("nearly all of it (£999 of £1,000: 99.9%) is not rounded up to 'the 100%': 'over 99%'", () => {
  const note = savingsNote([
    line("A", d(2026, 7, 5), "P1", 999, { quantity: 111, listPrice: 10 }),
    line("A", d(2026, 8, 12), "P2", 1, { quantity: 1 }),
  ]);
  expect(note).toBe(
    "Savings are list price × quantity less what was paid, net of returns, over 99% of spend (the lines that carry a list price)."
  );
});
