/**
 * A reviewer's read of the QBR: every sentence pairs an amount with the change of the same pair
 * of periods, and names it. The agenda wrote "£49,926.67 over the 12 months to 30/09/2026;
 * 12 months to 31/10/2026: -48% on the 12 months before" (Kestrel, C0117): the amount was the
 * quarter's 12 months, the % the as-of's, and that amount is −46% on its own year before.
 *
 * As of 31/10/2026, FY2026 Q3 = Jul–Sep 2026. Account A's orders (one order each):
 *   15/11/2024 £1,000 · 15/10/2025 £1,000 · 15/03/2026 £500 · 10/05/2026 £100 · 20/05/2026 £100 ·
 *   10/07/2026 £100 · 10/08/2026 £100 · 15/10/2026 £300
 * 12 months to 30/09/2026, (30/09/2025, 30/09/2026]: 1,000 + 500 + 4 × 100 = £1,900
 *   against (30/09/2024, 30/09/2025]: £1,000 → (1,900 − 1,000) / 1,000 = +90%
 * 12 months to 31/10/2026, (31/10/2025, 31/10/2026]: 500 + 4 × 100 + 300 = £1,200
 *   against (31/10/2024, 31/10/2025]: 1,000 + 1,000 = £2,000 → (1,200 − 2,000) / 2,000 = −40%
 * Orders: the health score's 3 months to 31/10/2026 (Aug–Oct 2026) 2 (10/08, 15/10) against
 *   May–Jul 2026 3 (10/05, 20/05, 10/07) → (2 − 3) / 3 = −33%; the quarter page's Jul–Sep 2 (10/07,
 *   10/08) against Apr–Jun 2 (10/05, 20/05): two windows, and the page says which is which.
 * Z's one line on 01/09/2024 starts the data before both earlier 12-month periods.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const A = (y: number, m: number, day: number, v: number) =>
  line("A", d(y, m, day), "TL", v, { category: "Tools" });
const lines = [
  A(2024, 11, 15, 1000),
  A(2025, 10, 15, 1000),
  A(2026, 3, 15, 500),
  A(2026, 5, 10, 100),
  A(2026, 5, 20, 100),
  A(2026, 7, 10, 100),
  A(2026, 8, 10, 100),
  A(2026, 10, 15, 300),
  line("Z", d(2024, 9, 1), "TL", 10, { category: "Tools" }),
];
const Q3 = { year: 2026, q: 3 } as const;

function sheetsAt(asOf: number): SheetSpec[] {
  const model = buildPortfolio(bookOf(lines), { asOf });
  return qbrSheets(qbrData(model, "A", Q3), layoutOptions({ asOf, currency: "GBP" }));
}
const texts = (sheets: SheetSpec[], kind: string): string[] =>
  sheets
    .find((s) => s.kind === kind)!
    .blocks.flatMap((b) => b.rows.flat())
    .filter((v): v is string => typeof v === "string");
/** the value beside a label (labelledRows: the label in A, its value in B of the same row) */
const beside = (sheets: SheetSpec[], kind: string, label: string): unknown => {
  const blocks = sheets.find((s) => s.kind === kind)!.blocks;
  const at = blocks.find((b) => b.at.startsWith("A") && b.rows[0]?.[0] === label)?.at;
  if (!at) throw new Error(`no row "${label}"`);
  return blocks.find((b) => b.at === `B${at.slice(1)}`)?.rows[0][0];
};

const oct = sheetsAt(d(2026, 10, 31));

test("the data: the 12 months to 30/09/2026 are £1,900, +90% on £1,000; to 31/10/2026 −40%", () => {
  const q = qbrData(buildPortfolio(bookOf(lines), { asOf: d(2026, 10, 31) }), "A", Q3);
  expect(q.spendLast12).toBe(1900);
  expect(q.spendPrior12).toBe(1000);
  expect(q.spendChange12).toEqual({ kind: "pct", pct: 90 });
  expect(q.health.inputs.revenueChange).toEqual({ kind: "pct", pct: -40 });
});

test("the agenda's 12-month spend carries its own change (+90%), not the as-of's (−40%)", () => {
  const review = texts(oct, "qbr-agenda").find((x) => x.startsWith("Spend after returns"))!;
  expect(review).toContain(
    "£1,900 over the 12 months to 30/09/2026, +90% on the 12 months to 30/09/2025;"
  );
  expect(review).not.toContain("-40%");
  expect(review).not.toContain("31/10/2026");
});

test("the partnership page: the spend's change beside it is +90% on the 12 months to 30/09/2025", () => {
  expect(beside(oct, "qbr-partnership", "Spend after returns, 12 months to 30/09/2026")).toBe(1900);
  expect(beside(oct, "qbr-partnership", "Change vs the 12 months to 30/09/2025")).toBe(0.9);
});

test("the health factors (internal sheet) name their own windows and amounts: −40% is £1,200 against £2,000, orders Aug–Oct vs May–Jul", () => {
  const t = texts(oct, "qbr-prep");
  expect(t).toContain("£1,200 in the 12 months to 31/10/2026 vs £2,000 in the 12 before: -40%");
  expect(t).toContain("2 orders in Aug–Oct 2026 vs 3 in May–Jul: -33%");
  expect(t).toContain(
    "The score is as of 31/10/2026: Frequency counts orders in the 3 months to that date (Aug–Oct 2026) against the 3 before (May–Jul 2026), Revenue the 12 months to 31/10/2026 against the 12 before — not FY2026 Q3 (Jul–Sep 2026) or the 12 months to 30/09/2026 of the review pages."
  );
  // the customer's partnership page has the spend and its change only, no score nor its windows
  expect(texts(oct, "qbr-partnership").filter((x) => /score|31\/10\/2026/i.test(x))).toEqual([]);
  // the quarter page's own pair, Jul–Sep against Apr–Jun: 2 and 2
  const glance = oct.find((s) => s.kind === "qbr-quarter")!.blocks.find((b) => b.at === "A4")!;
  expect(glance.rows[1][1]).toBe(2);
  expect(glance.rows[2][1]).toBe(2);
});

test("the internal sheet's fall is the as-of's, with its own amounts: £1,200, −40% on £2,000", () => {
  expect(texts(oct, "qbr-prep")).toContain(
    "Spend after returns, 12 months to 31/10/2026: £1,200, -40% on the £2,000 of the 12 months before. Likely causes, as the account plan lists them:"
  );
});

test("as of the quarter's last day the windows are one: no note, one change (+90%) everywhere", () => {
  const sep = sheetsAt(d(2026, 9, 30));
  const t = texts(sep, "qbr-prep");
  expect(t.some((x) => x.startsWith("The score is as of"))).toBe(false);
  expect(t).toContain("£1,900 in the 12 months to 30/09/2026 vs £1,000 in the 12 before: +90%");
  const review = texts(sep, "qbr-agenda").find((x) => x.startsWith("Spend after returns"))!;
  expect(review).toContain(
    "£1,900 over the 12 months to 30/09/2026, +90% on the 12 months to 30/09/2025;"
  );
});
