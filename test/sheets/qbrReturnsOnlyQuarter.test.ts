/**
 * A quarter that nets below zero, and a category returned beyond what the quarter bought.
 *
 * PRODUCT.md §2: a period whose net revenue is zero or below counts as having no revenue, so a
 * change from £92.66 to −£35.28 is −100%, not (−35.28 − 92.66) / 92.66 = −138% (the sample's
 * C0142, FY2026 Q4). The category shares are of what was bought (net positive), as the Purchase
 * Breakdown's: the sample's C0295 FY2026 Q2 read 90% + 35% − 25% with a "100%" total.
 *
 * As of 31/10/2026; M's order of 05/01/2025 starts the data, so every quarter here is covered whole.
 *   N: 10/10/2025 Safety £92.66 (FY2025 Q4); 15/10/2026 a return of Safety −£35.28 (FY2026 Q4 to
 *      31/10/2026). Change vs FY2025 Q4 to 31/10/2025: no revenue against £92.66 → −100%.
 *   P: 01/05/2026 Cable Ties £50.00 (FY2026 Q2); FY2026 Q3: Storage £70.14, Consumables £27.60,
 *      Cable Ties returned −£19.70. Bought 70.14 + 27.60 = £97.74: Storage 70.14 / 97.74 = 71.8%,
 *      Consumables 27.60 / 97.74 = 28.2%; Cable Ties no share; total 97.74 − 19.70 = £78.04. (The
 *      note says "£98": these options write whole pounds, as the table beside it.)
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    line("M", d(2025, 1, 5), "T1", 40, { category: "Tools" }),
    line("N", d(2025, 10, 10), "S1", 92.66, { category: "Safety" }),
    line("N", d(2026, 10, 15), "S1", -35.28, { category: "Safety", orderId: "CN1" }),
    line("P", d(2026, 5, 1), "C1", 50, { category: "Cable Ties" }),
    line("P", d(2026, 7, 6), "ST1", 70.14, { category: "Storage" }),
    line("P", d(2026, 8, 3), "CO1", 27.6, { category: "Consumables" }),
    line("P", d(2026, 8, 20), "C1", -19.7, { category: "Cable Ties", orderId: "CN2" }),
  ]),
  { asOf }
);
const quarterPage = (id: string, q: 3 | 4): SheetSpec =>
  qbrSheets(qbrData(model, id, { year: 2026, q }), layoutOptions({ asOf, currency: "GBP" })).find(
    (s) => s.kind === "qbr-quarter"
  )!;
const rowsAt = (s: SheetSpec, at: string) => s.blocks.find((b) => b.at === at)!.rows;
const texts = (s: SheetSpec) =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");

test("N: −£35.28 after £92.66 a year before is −100% (no revenue), not −138%", () => {
  const q = qbrData(model, "N", { year: 2026, q: 4 });
  expect(q.glance.current.netRevenue).toBe(-35.28);
  expect(q.glance.netVsLastYear).toBe(-100);
  const change = rowsAt(quarterPage("N", 4), "A8")[1];
  expect(change[5]).toBe(-1);
});

test("N: the returns-only category has no share, the total no 100%, and there is no chart of negative spend", () => {
  const page = quarterPage("N", 4);
  expect(rowsAt(page, "A20").slice(1)).toEqual([
    ["Safety (returns)", -35.28, null],
    ["Total (spend after returns)", -35.28, null],
  ]);
  expect((page.charts ?? []).filter((c) => c.title.startsWith("Spend by category"))).toEqual([]);
  expect(texts(page)).toContain(
    "Nothing was bought in FY2026 Q4 to 31/10/2026 (no row above zero): the rows are returns or credits of earlier purchases, with no share."
  );
});

test("P: shares of the £97.74 bought (72% + 28%), Cable Ties returned listed after them without one; the pie draws the two", () => {
  const page = quarterPage("P", 3);
  const rows = rowsAt(page, "A20").slice(1);
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ["Storage", 70.14],
    ["Consumables", 27.6],
    ["Cable Ties (returns)", -19.7],
    ["Total (spend after returns)", 78.04],
  ]);
  expect(rows[0][2]).toBeCloseTo(70.14 / 97.74, 12);
  expect(rows[1][2]).toBeCloseTo(27.6 / 97.74, 12);
  expect([rows[2][2], rows[3][2]]).toEqual([null, null]);
  const chart = page.charts!.find((c) => c.title.startsWith("Spend by category"))!;
  expect(chart.type).toBe("pie");
  expect(chart.data).toBe("A20:B22");
  expect(texts(page)).toContain(
    "Shares are of the £98 bought in FY2026 Q3 (the rows above zero, as the Purchase Breakdown counts categories); the rows below zero are returns or credits beyond what the quarter bought, with no share."
  );
});
