/**
 * The book two tests of a lost account share, as of 31/10/2026 (no industry or tier: every other
 * account is comparable): A (to be marked lost) buys X only, £100 on 10/01/2026 and £200 on
 * 10/05/2026; E (the control) buys X only, £100 on 01/06/2026 and £200 on 01/08/2026; B, C and D
 * buy X £100 and Y £50 each on 01/09/2026. For A and for E, 3 of their 4 comparable accounts buy Y.
 */
import type { OrderBook } from "../../src/domain/analysis";
import { bookOf, d, line } from "../domain/analysis/helpers";

export const LOST_AS_OF = d(2026, 10, 31);

export function lostAndControlBook(): OrderBook {
  return bookOf([
    line("A", d(2026, 1, 10), "X1", 100, { category: "X" }),
    line("A", d(2026, 5, 10), "X1", 200, { category: "X" }),
    line("E", d(2026, 6, 1), "X1", 100, { category: "X" }),
    line("E", d(2026, 8, 1), "X1", 200, { category: "X" }),
    ...["B", "C", "D"].flatMap((id) => [
      line(id, d(2026, 9, 1), "X1", 100, { category: "X" }),
      line(id, d(2026, 9, 1), "Y1", 50, { category: "Y" }),
    ]),
  ]);
}
