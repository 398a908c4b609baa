/**
 * Lightspeed X-Series (Vend)'s sales export: each receipt is a "Sale" row (the receipt's totals
 * again), its "Sale Line" rows (the items) and "Payment" rows (its tenders), told apart by "Line
 * Type". The Sale and Payment rows have no SKU and were said skipped as "5 no product (rows 2, 5,
 * 6, 10, 12; 240.00, 50.0% of revenue)", though no revenue was lost. They are now skipped as
 * what they are, said with no value lost.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { lineTypeRule } from "../../src/ingest/lineTypes";

const FILE = join(__dirname, "../fixtures/exports/vend-sales-line-types.csv");

test("Vend: Sale rows are receipt totals and Payment rows tenders, no revenue lost", async () => {
  const { revenue, orders, report } = await analyzeFile(FILE, "2026-11-30");
  // C-01: Sale Lines 40.00 + 20.00 (1001) − 20.00 (1004, a refund) = 40.00 in 1 order (1003
  // VOIDED: its line's 50.00 is no sale); C-02: 200.00 (1002) in 1
  expect(revenue).toEqual({ "C-01": 40, "C-02": 200 });
  expect(orders).toEqual({ "C-01": 1, "C-02": 1 });
  expect(report.skipped.map((s) => [s.rule, s.rows, s.revenue])).toEqual([
    ["receipt total row", 4, 0],
    ["payment row", 2, 0],
    ["cancelled, voided, refunded or draft order", 1, 50],
  ]);
  const said = report.warnings.join("\n");
  expect(said).toContain(
    `"Line Type": only its "Sale Line" rows are read, each an item sold; "Sale" rows hold each sale's total again and "Payment" rows its payments, so they are skipped as such, no sale lost.`
  );
  expect(said).toContain(
    "7 rows were skipped: 4 receipt total rows (rows 2, 6, 8, 10); 2 payment rows (rows 5, 12); 1 cancelled, voided, refunded or draft order (row 9; 50.00 not counted as sales)."
  );
  expect(said).not.toMatch(/no product|of revenue\)/);
});

test.each([
  ["Sale Line", undefined],
  ["Line Item", undefined],
  ["", undefined],
  ["Sale", "receipt total row"],
  ["Header", "receipt total row"],
  ["Payment", "payment row"],
  ["Gift card", undefined],
])("a %s row: %s", (value, rule) => {
  expect(lineTypeRule(value)).toBe(rule);
});
