/** An initiative's uplift and expected-to-date are money: written rounded to the penny, as every figure is. */
import { buildPortfolio } from "../../../src/domain/analysis";
import type { InitiativeRecord } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

test("uplift 300.49 − 77.52 = 222.97 (not 222.97000000000003); expected by now 800 × 153/183 = 668.85", () => {
  const asOf = d(2026, 10, 31);
  const ties = { category: "Cable Ties" };
  // start 1 Jun 2026, end 30 Nov 2026: 183 days planned, 153 run to 31 Oct (both ends counted);
  // actual since the start 180.88 + 119.61 = 300.49; baseline, the 153 days before: 77.52
  const book = bookOf([
    line("N004", d(2026, 5, 21), "CT-2", 77.52, ties),
    line("N004", d(2026, 8, 26), "CT-2", 180.88, ties),
    line("N004", d(2026, 10, 27), "CT-1", 119.61, ties),
  ]);
  const initiatives: InitiativeRecord[] = [
    {
      account: "N004",
      initiative: "SKU push",
      categories: [],
      skus: ["CT-1", "CT-2"],
      target: 800,
      start: d(2026, 6, 1),
      end: d(2026, 11, 30),
    },
  ];
  const [i] = buildPortfolio(book, { asOf, initiatives }).analysis.initiatives;
  expect(i).toMatchObject({ actual: 300.49, baseline: 77.52, uplift: 222.97 });
  // 800 × 153 / 183 = 668.8524… → 668.85
  expect(i.expectedByNow).toBe(668.85);
  // 222.97 < 668.85: behind the straight line
  expect(i.track).toBe("Behind");
});
