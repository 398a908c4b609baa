/**
 * A new account's plan grows from a year at its rate so far, not from the weeks it has been a
 * customer. The sample's C0013 (first order 05/09/2026) had £3,490.07 in its 12 months to
 * 31/10/2026, all in its last 3 months; +50% on that set its next 3 months at £1,047.02, 70% below
 * what it had just bought. Now its year is £3,490.07 × 365 / 92 = £13,846.47 and its first quarter's
 * target £4,153.94.
 *
 * As of 31/10/2026; the 12 months (31/10/2025, 31/10/2026] have 365 days, the last 3 months
 * (31/07/2026, 31/10/2026] 92.
 *   N (new):     05/09/2026 £420, 15/10/2026 £500. 57 days as a customer (05/09–31/10), taken as 92:
 *                £920 × 365 / 92 = £3,650.00; target × 1.5 = £5,475.00; quarters £3,650/4 = £912.50
 *                plus £1,825 × 1/10, 2/10, 3/10, 4/10: £1,095.00, £1,277.50, £1,460.00, £1,642.50.
 *   M (7 months): 15/04/2026 £300, 20/10/2026 £500. 200 days (16 in April, 31+30+31+31+30, 31 in
 *                October): £800 × 365 / 200 = £1,460.00; target £2,190.00.
 *   O (old):     01/06/2025 £100, 20/10/2026 £600: 12 months of history, baseline £600, target £900.
 *   L (new, lapsed): 05/06/2026 £300, 10/07/2026 £200: 113 days silent, Stage 4: won back first,
 *                its £500 as it is, target £750.
 */
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    line("N", d(2026, 9, 5), "P1", 420),
    line("N", d(2026, 10, 15), "P1", 500),
    line("M", d(2026, 4, 15), "P1", 300),
    line("M", d(2026, 10, 20), "P1", 500),
    line("O", d(2025, 6, 1), "P1", 100),
    line("O", d(2026, 10, 20), "P1", 600),
    line("L", d(2026, 6, 5), "P1", 300),
    line("L", d(2026, 7, 10), "P1", 200),
  ]),
  { asOf }
);
const plan = (id: string) => analyzeAccount(model, id).plan;

test("N, a customer for 57 days: its year at the last 3 months' rate, £3,650.00, +50%", () => {
  const p = plan("N");
  expect(p.revenueBaseline).toBe(920);
  expect(p.newAccountYear).toEqual({ since: d(2026, 9, 5), days: 57, counted: 92, revenue: 3650 });
  expect(p.revenueTarget).toBe(5475);
  expect(p.quarterlyTargets.map((q) => q.target)).toEqual([1095, 1277.5, 1460, 1642.5]);
  // the first quarter's target is above what it bought in its last 3 months
  expect(p.quarterlyTargets[0].target).toBeGreaterThan(920);
});

test("M, 200 days: £1,460.00 a year, target £2,190.00", () => {
  const p = plan("M");
  expect(p.newAccountYear).toEqual({
    since: d(2026, 4, 15),
    days: 200,
    counted: 200,
    revenue: 1460,
  });
  expect(p.revenueTarget).toBe(2190);
});

test("an account with 12 months of history, and a new one gone silent, keep their 12 months", () => {
  const o = plan("O");
  expect([o.newAccountYear, o.revenueBaseline, o.revenueTarget]).toEqual([null, 600, 900]);
  const l = plan("L");
  expect([l.newAccountYear, l.revenueBaseline, l.revenueTarget]).toEqual([null, 500, 750]);
});

test("the plan sheet says where the target comes from", () => {
  const s = planSheet(analyzeAccount(model, "N"), layoutOptions({ asOf, currency: "GBP" }));
  const rows = s.blocks.flatMap((b) => b.rows);
  const at = (label: string) => rows.find((r) => r[0] === label)?.[1];
  expect(at("Revenue last 12 months")).toBe(920);
  expect(
    at(
      "A year at its rate so far (a customer since 05/09/2026, 57 days, taken as the last 3 months' 92 days)"
    )
  ).toBe(3650);
  expect(at("Revenue target")).toBe(5475);
  expect(at("Quarter 1: 3 months to 31/01/2027")).toBe(1095);
});
