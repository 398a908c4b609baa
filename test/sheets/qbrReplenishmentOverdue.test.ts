/**
 * The QBR's auto-replenishment table and the account's Breakdown sheet agree on "overdue": past
 * 1.5× the reorder period (the Breakdown's note). Between the next expected date and 1.5× the
 * period the product is due, not overdue.
 *
 * The sample's C0076 (as of 31/10/2026), Batteries 18V, 5.0Ah: reordered every 53 days, last on
 * 14/08/2026, 78 days ago (1.47×): the Breakdown said "Next expected 06/10/2026, Overdue: no" and
 * the QBR "overdue since 06/10/2026".
 *
 * Worked by hand, as of 31/10/2026, each product reordered every 30 days (4 orders):
 *   P1 last 30/05/2026: 154 days (5.1×) → next 29/06/2026, overdue from 30/05 + 1.5 × 30 = 45
 *      days = 14/07/2026 (the sample's C0082 Hybrid Polymer Sealant, Clear, read "overdue since
 *      21/07/2026", its next expected date, where the Breakdown's rule makes it 03/03/2026 +
 *      1.5 × 140 days = 29/09/2026)
 *   P2 last 17/09/2026:  44 days (1.47×) → next 17/10/2026, due, not overdue
 *   P3 last 31/10/2026:   0 days → next 30/11/2026, to come
 */
import { buildPortfolio, qbrData, analyzeAccount } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { d, bookOf, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const every30 = (sku: string, last: number) =>
  [90, 60, 30, 0].map((back) => line("A", last - back, sku, 100, { quantity: 2 }));
const model = buildPortfolio(
  bookOf([
    ...every30("P1", d(2026, 5, 30)),
    ...every30("P2", d(2026, 9, 17)),
    ...every30("P3", d(2026, 10, 31)),
  ]),
  { asOf }
);

it("reads P1 'overdue since 14/07/2026', P2 'due since 17/10/2026', P3 the date 30/11/2026", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  const page = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" })).find(
    (s) => s.kind === "qbr-insights"
  )!;
  const table = page.blocks.find((b) => b.at === "A18")!.rows;
  const next = Object.fromEntries(table.slice(1).map((r) => [r[0], r[3]]));
  expect(next).toEqual({
    P1: "overdue since 14/07/2026",
    P2: "due since 17/10/2026",
    P3: { date: d(2026, 11, 30) },
  });
});

it("as the Breakdown's top products say: P1 overdue, P2 and P3 not", () => {
  const top = analyzeAccount(model, "A").topProducts;
  expect(Object.fromEntries(top.map((t) => [t.sku, t.overdue]))).toEqual({
    P1: true,
    P2: false,
    P3: false,
  });
});
