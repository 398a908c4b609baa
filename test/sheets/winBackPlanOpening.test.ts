/**
 * An account plan in a win-back stage opens with its stage's objective, not with its silence as an
 * issue to resolve. Before, the sample's C0135 (marked lost, 260 days since its last order) had
 * "☐ Resolve: No order for 260 days from a regular customer (median 11 days …)" as its first next
 * action, then "☐ Exit interview: …", then "☐ Recover LED Battens, 4ft 20W: …" (a product pushed
 * before the exit interview asks whether they would consider us at all).
 *
 * Data, as of 31/10/2026 (category X, £100 an order, every 14 days):
 * - R: last order 09/02/2026, then every 14 days back to 13/10/2025; 31/10/2026 − 09/02/2026 = 19
 *   (to 28/02) + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 = 264 days. Marked lost: Stage 5. Its
 *   orders in the last 12 months are 14 days apart: a regular customer (median 14 ≤ 30), silent
 *   45+ days, so the Critical alert "No order for 264 days from a regular customer (median 14 days
 *   between orders over the last 12 months)." On credit hold too: that alert is still resolved.
 * - S: last order 14/09/2026, then every 14 days back for 20 more; 16 (to 30/09) + 31 = 47 days:
 *   Stage 2 – Active concern (45–59), the same regular-customer alert with 47 days.
 */
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { planSheet } from "../../src/sheets/planSheet";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const every14Back = (id: string, last: number, orders: number) =>
  Array.from({ length: orders }, (_v, k) => line(id, last - 14 * k, "X1", 100, { category: "X" }));
const model = buildPortfolio(
  bookOf([...every14Back("R", d(2026, 2, 9), 9), ...every14Back("S", d(2026, 9, 14), 21)]),
  {
    asOf,
    accounts: [
      {
        accountId: "R",
        lost: true,
        lostReason: "Moved to a national distributor",
        creditHold: true,
      },
      { accountId: "S" },
    ],
  }
);
const opts = layoutOptions({ asOf, currency: "GBP" });
const texts = (id: string) =>
  planSheet(analyzeAccount(model, id), opts)
    .blocks.flatMap((b) => b.rows.flat())
    .filter((v): v is string => typeof v === "string");

const EXIT =
  "Exit interview: ask why they changed supplier and record the learning for other accounts";

test("lost (R): the exit interview first; the silence is a risk, not an action; credit hold still resolved", () => {
  const x = analyzeAccount(model, "R");
  expect(x.account.winBack?.name).toBe("Stage 5 – Exit interview");
  expect(x.plan.nextActions[0]).toBe(EXIT);
  expect(x.plan.nextActions.filter((a) => /No order for|^Recover/.test(a))).toEqual([]);
  expect(x.plan.nextActions).toContain("Resolve: Account is on credit hold.");
  expect(x.plan.risks).toContain(
    "No order for 264 days from a regular customer (median 14 days between orders over the last 12 months)."
  );
  const t = texts("R");
  // the sheet's first next action, and the objective heading the 12-month objectives
  expect(t.find((s) => s.startsWith("☐ "))).toBe(`☐ ${EXIT}`);
  const at = t.indexOf("Win-back objective");
  expect(t.slice(at, at + 2)).toEqual([
    "Win-back objective",
    'Stage 5 – Exit interview: ask "What made you change suppliers?", "What could we have done differently?" and "Would you consider us for future needs?", and document the learning for other accounts',
  ]);
  expect(t.indexOf("12-month objectives")).toBe(at - 1);
});

test("Stage 2 (S): the direct call first, the silence among the risks", () => {
  const x = analyzeAccount(model, "S");
  expect(x.account.winBack?.name).toBe("Stage 2 – Active concern");
  expect(x.plan.nextActions[0]).toBe("Direct call with value offer");
  expect(x.plan.nextActions.filter((a) => a.startsWith("Resolve:"))).toEqual([]);
  expect(x.plan.risks).toContain(
    "No order for 47 days from a regular customer (median 14 days between orders over the last 12 months)."
  );
  const t = texts("S");
  const at = t.indexOf("Win-back objective");
  expect(t[at + 1]).toBe("Stage 2 – Active concern: Direct call with value offer");
});
