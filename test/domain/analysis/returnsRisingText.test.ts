/**
 * The "returns rising" flag counts its returns in words that agree with the count: "1 return", not
 * "1 returns". The sample's C0013 (a new account, one credit note in October 2026) read "1 returns
 * in the last 3 months against 0 in the 3 months before." in its plan's risk factors and SWOT.
 *
 * As of 30/06/2025: the last 3 months are (31/03/2025, 30/06/2025], the 3 before (31/12/2024,
 * 31/03/2025]. ONE: one credit note on 10/05/2025, none before. TWO: two in the last 3 months
 * (10/05, 10/06), one before (10/02).
 */
import { analyzePortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const model = analyzePortfolio(
  bookOf([
    line("ONE", d(2025, 1, 10), "s", 500),
    line("ONE", d(2025, 5, 10), "s", -10, { orderId: "C1" }),
    line("TWO", d(2025, 1, 10), "s", 500),
    line("TWO", d(2025, 2, 10), "s", -10, { orderId: "C2" }),
    line("TWO", d(2025, 5, 10), "s", -10, { orderId: "C3" }),
    line("TWO", d(2025, 6, 10), "s", -10, { orderId: "C4" }),
  ]),
  { asOf: d(2025, 6, 30) }
);
const message = (id: string) =>
  model.accounts.find((a) => a.accountId === id)!.riskFlags.find((f) => f.kind === "returnsRising")
    ?.message;

test("one return: singular; two: plural", () => {
  expect(message("ONE")).toBe("1 return in the last 3 months against 0 in the 3 months before.");
  expect(message("TWO")).toBe("2 returns in the last 3 months against 1 in the 3 months before.");
});
