/**
 * The Purchase Breakdown's "Peak months" and its seasonality count months differently, and the
 * sheet says so: an account first seen on 12/11/2025 put November among its peak months (its
 * orders of the last 12 months) while November's seasonality row was blank (November 2025 not
 * seen whole, November 2026 not yet come), with nothing on the sheet to say why.
 *
 * By hand, as of 31/10/2026: orders 12/11/2025 £500, 10/02/2026 £300, 15/06/2026 £100.
 *   Peak months (last 12 months' orders by month): November £500, February £300.
 *   Seasonality over whole months December 2025 – October 2026: November never whole → blank.
 */
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    line("H", d(2025, 11, 12), "A", 500),
    line("H", d(2026, 2, 10), "A", 300),
    line("H", d(2026, 6, 15), "A", 100),
  ]),
  { asOf, accounts: [{ accountId: "H" }] }
);
const detail = analyzeAccount(model, "H")!;
const texts = breakdownSheet(detail, layoutOptions({ asOf, currency: "GBP" })).blocks.flatMap((b) =>
  b.rows.flat()
);

test("November is a peak month of the last 12 months' orders and blank in the seasonality", () => {
  expect(detail.buyingPattern.peakMonths).toEqual(["November", "February"]);
  expect(detail.seasonality.find((s) => s.month === "November")!.index).toBeNull();
});

test("the sheet says which months each block counts", () => {
  expect(texts).toContain("Buying pattern (orders of the last 12 months)");
  // the line itself says its period: the seasonality index below may rank other months first
  expect(texts).toContain("Peak months (last 12 months)");
  expect(texts).toContain(
    "Seasonality (whole calendar months, averaged by month of year; a month not yet seen whole is blank)"
  );
});
