/**
 * A customer whose first order falls inside the QBR's 12 months: its monthly revenue starts with the
 * month of that order, and the agenda compares no quarter it was not yet a customer in. The sample's
 * C0013 (first order 05/09/2026) showed Oct 2025 to Aug 2026 at £0.00 above its £882.77 of
 * September, and its agenda read "£882.77 in FY2026 Q3 vs £0.00 in FY2026 Q2".
 *
 * As of 31/10/2026, FY2026 Q3 (Jul–Sep 2026), the 12 months to 30/09/2026 (Oct 2025 – Sep 2026).
 * The data starts 10/09/2024, before the 12 months before those (from Oct 2024): N's first order
 * is its first. (An export starting later keeps every month, n/a before it: qbrTwelveMonthsPartial.)
 *   N: 05/09/2026 £420, 20/09/2026 £80: Sep 2026 £500, total £500.
 *   B (the control, the data's first order): 10/09/2024 £100, 15/11/2025 £200, 15/05/2026 £300,
 *      15/08/2026 £400: its 12 months from Oct 2025 (£0.00) to Sep 2026, total £900; Q3 £400 vs
 *      Q2 (Apr–Jun) £300.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { layoutOptions } from "../../src/sheets/options";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    line("N", d(2026, 9, 5), "P1", 420),
    line("N", d(2026, 9, 20), "P1", 80),
    line("B", d(2024, 9, 10), "P1", 100),
    line("B", d(2025, 11, 15), "P1", 200),
    line("B", d(2026, 5, 15), "P1", 300),
    line("B", d(2026, 8, 15), "P1", 400),
  ]),
  { asOf }
);
const sheets = (id: string) =>
  qbrSheets(qbrData(model, id, { year: 2026, q: 3 }), layoutOptions({ asOf, currency: "GBP" }));
const byKind = (id: string, kind: string): SheetSpec => sheets(id).find((s) => s.kind === kind)!;
const months = (s: SheetSpec) => s.blocks.find((b) => b.rows[0]?.[0] === "Month")!.rows.slice(1);
const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");

test("N's monthly revenue is its own month, Sep 2026, and its chart says so", () => {
  const p = byKind("N", "qbr-partnership");
  expect(months(p)).toEqual([
    ["Sep 2026", 500],
    ["Total", 500],
  ]);
  expect(texts(p)).toContain("Monthly revenue, Sep 2026");
  expect(p.charts?.map((c) => [c.title, c.data])).toEqual([
    ["Monthly revenue, Sep 2026", "A16:B17"],
  ]);
});

test("N's agenda: its quarter, no 'vs £0.00' of the quarter before it was a customer", () => {
  const review = byKind("N", "qbr-agenda")
    .blocks.flatMap((b) => b.rows)
    .find((r) => r[0] === "2. Partnership review")!;
  expect(review[1]).toBe(
    "Spend after returns £500 in FY2026 Q3; £500 over the 12 months to 30/09/2026; top products; savings; service levels; issues resolved"
  );
});

test("B, a customer before these 12 months: all 12, an empty month at £0.00, and its comparison", () => {
  const m = months(byKind("B", "qbr-partnership"));
  expect(m).toHaveLength(13);
  expect(m[0]).toEqual(["Oct 2025", 0]);
  expect(m[12]).toEqual(["Total", 900]);
  const review = byKind("B", "qbr-agenda")
    .blocks.flatMap((b) => b.rows)
    .find((r) => r[0] === "2. Partnership review")!;
  expect(String(review[1])).toContain("£400 in FY2026 Q3 vs £300 in FY2026 Q2");
});
