/**
 * The Health Report's "Order value down >20%" figure gives the change with its sign, as every
 * other change KAP writes in words ("+85% vs the year before"): a rise read "(10%)" beside
 * "(-53%)" for a fall, so a reader could take a 10% rise for a 10% fall.
 */
import { analyzeAccount, buildPortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
// the 12 months before the last 3: (31/07/2025, 31/07/2026]; the last 3 months: (31/07/2026, 31/10/2026]
const model = buildPortfolio(
  bookOf([
    // UP: four orders of £100 before, two of £110 in the last 3 months: (110 − 100) / 100 = +10%
    ...[d(2025, 9, 1), d(2025, 12, 1), d(2026, 3, 2), d(2026, 6, 1)].map((t) =>
      line("UP", t, "S", 100)
    ),
    line("UP", d(2026, 8, 3), "S", 110),
    line("UP", d(2026, 10, 1), "S", 110),
    // SAME: £100 before and after: 0%
    line("SAME", d(2026, 1, 5), "S", 100),
    line("SAME", d(2026, 9, 7), "S", 100),
  ]),
  { asOf }
);
const figure = (id: string) =>
  analyzeAccount(model, id).report.warningSigns.find((w) => w.sign === "Order value down >20%")!
    .figure;

test("a rise is +10%, not 10%", () => {
  expect(figure("UP")).toBe(
    "average order £110.00 in the last 3 months vs £100.00 in the 12 months to 31/07/2026 (+10%)"
  );
});

test("no change is 0%, with no sign", () => {
  expect(figure("SAME")).toBe(
    "average order £100.00 in the last 3 months vs £100.00 in the 12 months to 31/07/2026 (0%)"
  );
});
