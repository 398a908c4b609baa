/** kap qbr --all-top over several currencies says which, in words: lines with no currency are not "XXX". */
import { severalCurrenciesNote, topAccountsByCurrency } from "../../src/cli/main";
import type { AccountAnalysis } from "../../src/domain/analysis/types";

const account = (key: string, currency: string, revenueLast12: number) =>
  ({ key, currency, revenueLast12, isTopLevel: true }) as unknown as AccountAnalysis;

test("the note names the currencies, and lines without one as such (was 'Amounts in XXX, EUR, GBP')", () => {
  // C1 £10-looking but no currency named, A1 €200, A2 €150, G1 £100: EUR has the most accounts
  const { top, currencies } = topAccountsByCurrency(
    [
      account("C1", "", 10),
      account("A1", "EUR", 200),
      account("A2", "EUR", 150),
      account("G1", "GBP", 100),
    ],
    1
  );
  expect(top.map((a) => a.key)).toEqual(["A1", "C1", "G1"]);
  expect(severalCurrenciesNote(currencies, 1)).toBe(
    "Amounts in EUR, GBP and with no currency named are not compared without exchange rates: the top 1 of each currency."
  );
  expect(severalCurrenciesNote(["GBP", "EUR"], 2)).toBe(
    "Amounts in GBP, EUR are not compared without exchange rates: the top 2 of each currency."
  );
});
