/**
 * The QBR e-mail quotes the quarter on the cover's basis, spend after returns, and its % change
 * against the previous quarter is on that figure too (it quoted the orders' value before returns
 * and its change, with the after-returns figure added only when there were returns).
 *
 * Account A, as of 30/09/2026 (Account B's order of 01/09/2025 starts the data before the year):
 *   FY2026 Q2 (Apr–Jun 2026): 15/05/2026 order 3 units £300; 20/06/2026 return 1 unit −£100
 *     → spend after returns £300 − £100 = £200.
 *   FY2026 Q3 (Jul–Sep 2026): 10/08/2026 order 5 units £500; 20/08/2026 return 1 unit −£100
 *     → spend after returns £500 − £100 = £400.
 *   Change on spend after returns: (400 − 200) / 200 = +100% (before returns it was
 *   (500 − 300) / 300 = +67%, the figure the e-mail gave).
 *   Cover: 'Spend after returns, FY2026 Q3' £400.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 9, 30);
const opts = layoutOptions({ asOf, currency: "GBP" });
const sheetsOf = (lines: ReturnType<typeof line>[]): SheetSpec[] =>
  qbrSheets(qbrData(buildPortfolio(bookOf(lines), { asOf }), "A", { year: 2026, q: 3 }), opts);
const texts = (s: SheetSpec): string =>
  s.blocks.flatMap((b) => b.rows.flat().filter((v) => typeof v === "string")).join("\n");
const start = line("B", d(2025, 9, 1), "X", 100);
const q2 = [
  line("A", d(2026, 5, 15), "X", 300, { quantity: 3 }),
  line("A", d(2026, 6, 20), "X", -100, { quantity: -1 }),
];
const q3 = [
  line("A", d(2026, 8, 10), "X", 500, { quantity: 5 }),
  line("A", d(2026, 8, 20), "X", -100, { quantity: -1 }),
];

test("e-mail: 1 order, spend after returns £400, +100% on FY2026 Q2's £200 (not £500, +67%)", () => {
  const sheets = sheetsOf([start, ...q2, ...q3]);
  const email = texts(sheets.find((s) => s.kind === "qbr-email")!);
  expect(email).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed 1 order, spend after returns £400 (+100% on FY2026 Q2)."
  );
  expect(email).not.toContain("£500");
  // the glance's change row gives the same +100% under spend after returns
  const glance = sheets.find((s) => s.kind === "qbr-quarter")!;
  const head = glance.blocks.find((b) => b.rows[0]?.[0] === "Quarter")!.rows[0];
  const changeRow = glance.blocks.find((b) => String(b.rows[0]?.[0]).startsWith("Change vs"))!
    .rows[0];
  expect(changeRow[head.indexOf("Spend after returns")]).toBe(1);
});

test("no orders in the quarter: the quarter before on the same basis, 1 order, spend after returns £200", () => {
  const email = texts(sheetsOf([start, ...q2]).find((s) => s.kind === "qbr-email")!);
  expect(email).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed no orders, against 1 order in FY2026 Q2 (spend after returns £200)."
  );
});

test("one name for one figure: the QBR calls A's spend after returns so everywhere, never 'net revenue'", () => {
  // 12 months to 30/09/2026: £300 − £100 + £500 − £100 = £600; the quarter's category total £400
  const sheets = sheetsOf([start, ...q2, ...q3]);
  const all = sheets.map(texts).join("\n");
  expect(all).not.toMatch(/net revenue/i);
  const rowOf = (kind: string, label: string): unknown[] =>
    sheets
      .find((s) => s.kind === kind)!
      .blocks.flatMap((b) => b.rows)
      .find((r) => r[0] === label)!;
  expect(rowOf("qbr-insights", "Spend after returns, 12 months to 30/09/2026")[1]).toBe(600);
  expect(rowOf("qbr-quarter", "Total (spend after returns)")[1]).toBe(400);
});
