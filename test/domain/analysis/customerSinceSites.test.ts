/**
 * "Partnership since" (QBR) and "customer since" (Health Report) of an account with sites rolled
 * into it: the earliest of the accounts table's dates of the account and its sites, and the first
 * order in the data — the account's figures include its sites' orders.
 *
 * The sample's C0003 Harbour Building Services (since 05/05/2025 in the accounts table, its own
 * first order that day) rolls in C0006 – Leicester (since 01/09/2021, orders from 19/08/2024):
 * its QBR said "Partnership since 05/05/2025" above twelve months of figures that include orders
 * of 2024, and its Health Report "1.4 years (customer since 05/05/2025)".
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
const accounts = [
  { accountId: "P", name: "Harbour", customerSince: d(2025, 5, 5) },
  { accountId: "S1", name: "Harbour – Leicester", parentId: "P", customerSince: d(2021, 9, 1) },
  { accountId: "S2", name: "Harbour – Coventry", parentId: "P", customerSince: d(2022, 6, 1) },
  // the table's date is after an order in the data: the order shows the relationship had begun
  { accountId: "X", name: "Later in the table", customerSince: d(2025, 5, 5) },
];
const book = bookOf([
  line("P", d(2025, 5, 5), "a", 100),
  line("S1", d(2024, 8, 19), "a", 100),
  line("S2", d(2024, 9, 9), "a", 100),
  line("X", d(2024, 8, 19), "a", 100),
  line("X", d(2026, 9, 1), "a", 100),
]);
const model = buildPortfolio(book, { asOf, accounts });
const q3 = { year: 2026, q: 3 as const };

it("a parent's partnership starts with its earliest site: 01/09/2021 (S1), from the accounts table", () => {
  const q = qbrData(model, "P", q3);
  expect([q.customerSince, q.customerSinceSource]).toEqual([d(2021, 9, 1), "accounts table"]);
});

it("its Health Report: customer since 01/09/2021, 5.1 years", () => {
  const b = analyzeAccount(model, "P").report.basics;
  // 01/09/2021 → 31/10/2026: 61 whole months, 61 / 12 = 5.08 → 5.1 years
  expect([b.customerSince, b.customerSinceSource, b.accountAgeYears]).toEqual([
    d(2021, 9, 1),
    "accounts table",
    5.1,
  ]);
});

it("a site keeps its own date: S2 since 01/06/2022", () => {
  expect(qbrData(model, "S2", q3).customerSince).toBe(d(2022, 6, 1));
});

it("an order before the table's date moves it back: X since 19/08/2024, the first order", () => {
  const q = qbrData(model, "X", q3);
  expect([q.customerSince, q.customerSinceSource]).toEqual([d(2024, 8, 19), "first order"]);
  // 19/08/2024 → 31/10/2026: 26 whole months, 26 / 12 = 2.17 → 2.2 years
  expect(analyzeAccount(model, "X").report.basics.accountAgeYears).toBe(2.2);
});
