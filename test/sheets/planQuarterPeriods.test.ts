/**
 * The account plan's quarterly targets say which months they are. A plan made as of 31/10/2026
 * beside a QBR for "FY2026 Q3 (Jul–Sep 2026)" read "Quarter 1 … Quarter 4" with no months: its
 * quarters are the 12 months after the as-of date, 3 calendar months each (EDATE, a month's end to
 * a month's end, RULES.md §2):
 *   Quarter 1 (31/10/2026, 31/01/2027]  Quarter 2 to 30/04/2027  Quarter 3 to 31/07/2027  Quarter 4 to 31/10/2027
 * As of 15/10/2026 (mid-month, EDATE): to 15/01/2027, 15/04/2027, 15/07/2027, 15/10/2027.
 */
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { planSheet } from "../../src/sheets/planSheet";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

function targetsAt(asOf: number): unknown[] {
  const model = buildPortfolio(bookOf([line("A", d(2026, 9, 1), "X", 100)]), { asOf });
  const plan = planSheet(analyzeAccount(model, "A"), layoutOptions({ asOf, currency: "GBP" }));
  const table = plan.blocks.find((b) => b.rows[0]?.[1] === "Revenue target")!;
  return table.rows.map((r) => r[0]);
}

it("as of 31/10/2026: the four quarters are the 3 months to 31/01, 30/04, 31/07 and 31/10/2027", () => {
  expect(targetsAt(d(2026, 10, 31))).toEqual([
    "Next 12 months, by 3 months",
    "Quarter 1: 3 months to 31/01/2027",
    "Quarter 2: 3 months to 30/04/2027",
    "Quarter 3: 3 months to 31/07/2027",
    "Quarter 4: 3 months to 31/10/2027",
  ]);
});

it("as of 15/10/2026: to 15/01, 15/04, 15/07 and 15/10/2027", () => {
  expect(targetsAt(d(2026, 10, 15)).slice(1)).toEqual([
    "Quarter 1: 3 months to 15/01/2027",
    "Quarter 2: 3 months to 15/04/2027",
    "Quarter 3: 3 months to 15/07/2027",
    "Quarter 4: 3 months to 15/10/2027",
  ]);
});
