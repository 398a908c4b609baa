/**
 * The QBR's % changes read the same on the quarter page and in the e-mail. The page's cell is
 * shown by Excel's "+0%;-0%;0%", which rounds half away from zero (-2.5% shows "-3%") and
 * shows a small fall as "-0%"; the e-mail rounded with Math.round (-2.5 → "-2%", -0.4 → "+0%").
 * Both now take the change rounded to a whole percent, half away from zero (RULES.md §2.1's rule
 * for percent changes). Numbers worked by hand below.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    // C: the data's first order, 2 Jan 2025 (every quarter compared is wholly in the data)
    line("C", d(2025, 1, 2), "P1", 50),
    // A: £200 in FY2026 Q2, £195 in Q3: (195 − 200) / 200 = −2.5% → −3%
    line("A", d(2026, 5, 4), "P1", 200),
    line("A", d(2026, 8, 4), "P1", 195),
    // B: £1,000 in Q2, £996 in Q3: −0.4% → 0%, not "-0%" nor "+0%"
    line("B", d(2026, 5, 5), "P1", 1000),
    line("B", d(2026, 8, 5), "P1", 996),
  ]),
  { asOf }
);

const sheetsOf = (id: string): SheetSpec[] =>
  qbrSheets(qbrData(model, id, { year: 2026, q: 3 }), layoutOptions({ asOf, currency: "GBP" }));
const valueChange = (id: string): unknown =>
  sheetsOf(id)
    .find((s) => s.kind === "qbr-quarter")!
    .blocks.find((b) => b.at === "A8")!.rows[0][2];
const email = (id: string): string =>
  sheetsOf(id)
    .find((s) => s.kind === "qbr-email")!
    .blocks.flatMap((b) => b.rows.map((r) => String(r[0] ?? "")))
    .join("\n");

test("−2.5% is −3% on the quarter page and in the e-mail", () => {
  expect(valueChange("A")).toBe(-0.03);
  expect(email("A")).toContain("you placed 1 order, spend after returns £195 (-3% on FY2026 Q2).");
});

test("−0.4% is 0% on both, without a sign", () => {
  expect(valueChange("B")).toBe(0);
  expect(email("B")).toContain("you placed 1 order, spend after returns £996 (0% on FY2026 Q2).");
});
