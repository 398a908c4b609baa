/**
 * A QBR of the first quarter of the data (the sample's orders start 31/07/2024; kap qbr --quarter
 * 2024Q3): the quarters it is compared with, FY2024 Q2 (Apr–Jun 2024) and FY2023 Q3, end before
 * the data starts. They read "FY2024 Q2 (data from 31/07/2024)" — a start after the quarter's end —
 * beside 0 orders and £0, as if the customer had bought nothing then; now they say they are
 * before the data, their figures are n/a, and the agenda sets the quarter against nothing.
 * Numbers worked by hand below.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    // the data's first order: B on 31 Jul 2024
    line("B", d(2024, 7, 31), "P1", 40),
    // W: £300 on 26 Aug and £200 on 10 Sep 2024 (FY2024 Q3), £120 on 5 Aug 2025 (FY2025 Q3)
    line("W", d(2024, 8, 26), "P1", 300),
    line("W", d(2024, 9, 10), "P1", 200),
    line("W", d(2025, 8, 5), "P1", 120),
    line("B", d(2026, 10, 31), "P1", 40),
  ]),
  { asOf }
);

const sheetsOf = (year: number): SheetSpec[] =>
  qbrSheets(qbrData(model, "W", { year, q: 3 }), layoutOptions({ asOf, currency: "GBP" }));
const rowsAt = (s: SheetSpec, at: string) => s.blocks.find((b) => b.at === at)!.rows;

test("FY2024 Q3: the quarters before the data say so, with n/a, not 0 orders and £0", () => {
  const page = sheetsOf(2024).find((s) => s.kind === "qbr-quarter")!;
  const table = rowsAt(page, "A4");
  // this quarter: 2 orders, £500
  expect(table[1].slice(0, 3)).toEqual(["This quarter, FY2024 Q3 (Jul–Sep 2024)", 2, 500]);
  expect(table[2]).toEqual([
    "Previous quarter, FY2024 Q2 (Apr–Jun 2024; before the data, which starts 31/07/2024)",
    "n/a",
    "n/a",
    "n/a",
    "n/a",
    "n/a",
    "n/a",
  ]);
  expect(table[3][0]).toBe(
    "Same quarter last year, FY2023 Q3 (Jul–Sep 2023; before the data, which starts 31/07/2024)"
  );
  expect(table[3].slice(1)).toEqual(["n/a", "n/a", "n/a", "n/a", "n/a", "n/a"]);
  const changes = rowsAt(page, "A8");
  expect(changes[0].slice(0, 3)).toEqual([
    "Change vs FY2024 Q2 (before the data, which starts 31/07/2024)",
    "n/a",
    "n/a",
  ]);
});

test("FY2024 Q3's agenda gives the quarter's order value alone, not 'vs £0 in FY2024 Q2'", () => {
  const agenda = sheetsOf(2024).find((s) => s.kind === "qbr-agenda")!;
  const item = rowsAt(agenda, "A4").find((r) => r[0] === "2. Partnership review")!;
  expect(item[1]).toMatch(
    /^Spend after returns £500 in FY2024 Q3; £500 over the 12 months to 30\/09\/2024/
  );
});

test("FY2025 Q3, a year on, is compared with FY2024 Q3 as before (£120 against £500: -76%)", () => {
  const page = sheetsOf(2025).find((s) => s.kind === "qbr-quarter")!;
  const table = rowsAt(page, "A4");
  // the data starts in FY2024 Q3's first month (31 Jul): the quarter counts as covered
  expect(table[3].slice(0, 3)).toEqual([
    "Same quarter last year, FY2024 Q3 (Jul–Sep 2024)",
    2,
    500,
  ]);
  // (120 − 500) / 500 = −76%
  expect(rowsAt(page, "A8")[1][2]).toBeCloseTo(-0.76, 10);
});
