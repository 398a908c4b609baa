/**
 * The QBR's auto-replenishment table as of 31/10/2026: a product whose next expected order has
 * passed without a reorder reads "overdue since 14/07/2026" (past 1.5× its period), not a bare "Next expected 29/06/2026"
 * four months before the date the QBR is prepared (the sample's C0082, Hybrid Polymer Sealant,
 * Clear: next expected 21/07/2026 in a QBR of 31/10/2026). A date still to come stays a date cell.
 * Dates worked by hand below.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { d, bookOf, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    // P1 every 30 days: 1 Mar, 31 Mar, 30 Apr, 30 May 2026 → next expected 29 Jun 2026 (passed);
    // overdue past 30 May + 1.5 × 30 = 45 days = 14 Jul 2026
    ...[d(2026, 3, 1), d(2026, 3, 31), d(2026, 4, 30), d(2026, 5, 30)].map((t) =>
      line("A", t, "P1", 100, { quantity: 2 })
    ),
    // P2 every 30 days: 2 Aug, 1 Sep, 1 Oct, 31 Oct 2026 → next expected 30 Nov 2026 (to come)
    ...[d(2026, 8, 2), d(2026, 9, 1), d(2026, 10, 1), d(2026, 10, 31)].map((t) =>
      line("A", t, "P2", 50, { quantity: 1 })
    ),
  ]),
  { asOf }
);

test("a product past 1.5× its period reads 'overdue since 14/07/2026'; one to come stays the date 30/11/2026", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  const page = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" })).find(
    (s) => s.kind === "qbr-insights"
  )!;
  const table = page.blocks.find((b) => b.at === "A18")!.rows;
  const next = Object.fromEntries(table.slice(1).map((r) => [r[0], r[3]]));
  expect(next).toEqual({ P1: "overdue since 14/07/2026", P2: { date: d(2026, 11, 30) } });
});
