/**
 * A Swiss ERP export that writes its francs as "Fr. 1'234.50" (apostrophe thousands, "Fr." before
 * the amount): every line was unreadable and kap found no usable order line. By hand from the
 * file; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

test("'Fr. 2'148.00' is 2,148.00 francs; Gutschrift and Storno reduce revenue", async () => {
  const { revenue, currency, report } = await analyzeFile(
    join(__dirname, "../fixtures/tester/ch-franken-fr.csv")
  );
  // K-2001: 1'000 × 0.45 = 450.00 + 24 × 89.50 = 2'148.00 − Gutschrift 2 × 89.50 = 179.00 → 2'419.00
  // K-2002: 500 × 0.80 = 400.00 + 3 × 1'234.50 = 3'703.50 − Storno 1'234.50 → 2'869.00
  expect(revenue).toEqual({ "K-2001": 2419, "K-2002": 2869 });
  // "Fr." is the Swiss franc's and other francs': with no culture, no currency is named (the
  // culture de-CH names CHF: test/cli/francSymbol.test.ts)
  expect(currency).toEqual({ "K-2001": "", "K-2002": "" });
  expect(report.fileSymbol).toBe("Fr");
  expect(report.returns).toBe(2);
  expect(report.skippedTotals).toBe(1);
});
