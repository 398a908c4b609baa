/**
 * A QBR of one currency of an account that buys in two (kap qbr --account "X (EUR)"): money in
 * different currencies is never added (PRODUCT.md §1), so its figures are the EUR orders only,
 * and the workbook must say so — its cover said "Orders, 12 months: 2 · Total spend €500" and the
 * e-mail to the customer "2 orders, €500 in total" although they also bought £300 in GBP.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
// X: 10 Jul €400, 10 Aug €100, 20 Jul £300. Y: 5 Aug £200; Z: 1 Sep €50 (one currency each).
const model = buildPortfolio(
  bookOf([
    // W, in USD, none of the others' peers: the data starts 1 Oct 2025, so the 12 months to
    // 30/09/2026 are wholly in it (no "data from" in their labels)
    line("W", d(2025, 10, 1), "P1", 10, { currency: "USD" }),
    line("X", d(2026, 7, 10), "P1", 400, { currency: "EUR" }),
    line("X", d(2026, 8, 10), "P1", 100, { currency: "EUR" }),
    line("X", d(2026, 7, 20), "P1", 300, { currency: "GBP" }),
    line("Y", d(2026, 8, 5), "P1", 200, { currency: "GBP" }),
    line("Z", d(2026, 9, 1), "P1", 50, { currency: "EUR" }),
  ]),
  { asOf }
);
const Q3 = { year: 2026, q: 3 } as const;
const texts = (id: string, currency: string): string[] =>
  qbrSheets(qbrData(model, id, Q3, {}, currency), layoutOptions({ asOf, currency }))
    .flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))
    .filter((v): v is string => typeof v === "string");

test("the EUR QBR of an account that also buys in GBP: 2 orders, €500, and it says they are the EUR orders only", () => {
  const q = qbrData(model, "X", Q3, {}, "EUR");
  expect([q.ordersLast12, q.spendLast12]).toEqual([2, 500]);
  expect(q.otherCurrencies).toEqual(["GBP"]);
  const t = texts("X", "EUR");
  expect(t).toContain(
    "Orders in EUR only: this account also buys in GBP, reviewed in its own QBR (money in different currencies is never added)."
  );
  expect(t).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed 2 orders in EUR, spend after returns €500."
  );
  expect(t).toContain(
    "- Over the 12 months to 30/09/2026: 2 orders in EUR, €500 after returns (your orders in GBP are reviewed separately)."
  );
  // compared with the EUR accounts only (Z), and it says so
  expect(q.similarAccounts.accounts).toBe(1);
  expect(t).toContain("Measure (All EUR accounts, 1 account)");
});

test("an account in one currency has no such note, and its e-mail says 'in total'", () => {
  expect(qbrData(model, "Y", Q3, {}, "GBP").otherCurrencies).toEqual([]);
  const t = texts("Y", "GBP");
  expect(t.some((x) => x.startsWith("Orders in GBP only"))).toBe(false);
  expect(t).toContain("- Over the 12 months to 30/09/2026: 1 order, £200 in total after returns.");
});
