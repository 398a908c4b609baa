/**
 * A % change means something only from a base above 0 (PRODUCT.md §2: a period whose net revenue
 * is zero or below counts as having no revenue). A quarter of credit notes alone (−£100) was taken
 * at its absolute value: £200 after it showed +300%. It is "n/a", as a change from £0 is.
 */
import { buildPortfolio, qbrData } from "../../../src/domain/analysis";
import { qbrSheets } from "../../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../../src/sheets/options";
import { bookOf, d, line } from "./helpers";

// A: 15 May 2026 £500 (the data starts before FY2026 Q3, so Q3 is covered whole);
// FY2026 Q3 (Jul–Sep): a credit note of −£100 on 10 Aug, no order; FY2026 Q4: 10 Nov £200.
// B, the control: Q3 10 Aug £100, Q4 10 Nov £200.
const book = bookOf([
  line("A", d(2026, 5, 15), "a", 500),
  line("A", d(2026, 8, 10), "a", -100),
  line("A", d(2026, 11, 10), "a", 200),
  line("B", d(2026, 5, 15), "a", 500),
  line("B", d(2026, 8, 10), "a", 100),
  line("B", d(2026, 11, 10), "a", 200),
]);
const asOf = d(2026, 12, 31);
const model = buildPortfolio(book, { asOf });
const q4 = { year: 2026, q: 4 } as const;

const textOf = (account: string): string[] =>
  qbrSheets(qbrData(model, account, q4), layoutOptions({ asOf }))
    .flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))
    .filter((v): v is string => typeof v === "string");

test("spend after returns from −£100 to £200 is no % change (was +300%: (200 − (−100)) / |−100|)", () => {
  const g = qbrData(model, "A", q4).glance;
  expect(g.previous.netRevenue).toBe(-100);
  expect(g.current.netRevenue).toBe(200);
  expect(g.netVsPrevious).toBeNull();
  // no order in Q3 (a credit note is no order): order value £0 → no change either, as before
  expect(g.valueVsPrevious).toBeNull();
  expect(g.ordersVsPrevious).toBeNull();
});

test("the follow-up e-mail quotes no made-up % for it, and the glance shows n/a", () => {
  const text = textOf("A");
  const mail = text.find((t) => t.startsWith("- In FY2026 Q4"));
  expect(mail).toBe("- In FY2026 Q4 (Oct–Dec 2026) you placed 1 order, spend after returns £200.");
  expect(text.some((t) => t.includes("300%"))).toBe(false);
  const glance = qbrSheets(qbrData(model, "A", q4), layoutOptions({ asOf })).find(
    (s) => s.name === "Quarter at a glance"
  )!;
  const row = glance.blocks.flatMap((b) => b.rows).find((r) => r[0] === "Change vs FY2026 Q3")!;
  // orders, order value, returns, return value (no change shown), spend after returns, products
  expect(row).toEqual(["Change vs FY2026 Q3", "n/a", "n/a", null, null, "n/a", expect.anything()]);
});

test("a base above 0 still gives its change: £100 → £200 is +100%", () => {
  const g = qbrData(model, "B", q4).glance;
  // (200 − 100) / 100 = +100%
  expect(g.netVsPrevious).toBe(100);
  expect(textOf("B")).toContain(
    "- In FY2026 Q4 (Oct–Dec 2026) you placed 1 order, spend after returns £200 (+100% on FY2026 Q3)."
  );
});
