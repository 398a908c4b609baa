/**
 * KAP.METRICS over order columns where a 0 is typed as text ("0", "0.00": a column formatted as
 * Text, an import): read as the number 0, which is what desktop passes for a blank cell.
 * - a comment line (account and date, no revenue) with a quantity "0" is skipped, as one with the
 *   quantity 0 is: before, it was an order on its date (last order 10 Oct: 21 days, 2 orders);
 * - a spare row with only a revenue "0.00" is a blank row, as one with 0 is: before, the whole
 *   call was #VALUE! "Order row 3 has a date or revenue but no account".
 */
import { accountColumnsReady, metrics } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

beforeAll(() => accountColumnsReady());

const AS_OF = cell(d(2026, 10, 31));

/** A's row of KAP.METRICS over the lines, with quantities. */
function rowOfA(lines: unknown[][]) {
  const c = (k: number) => col(...lines.map((l) => l[k]));
  return both(metrics, cell("A"), c(0), c(1), c(2), c(3), c(4), AS_OF, c(5))[0];
}

describe('KAP.METRICS: a text "0" in the order columns is the number 0', () => {
  // one order, 1 Oct 2026, £100 of Tools: 30 days to 31 Oct; 1 order in the last 3 months
  // (31 Jul, 31 Oct], none before; £100 in the last 12 months, none in the prior 12
  const order = ["A", d(2026, 10, 1), "I1", 100, "Tools", 1];

  it('a comment line with quantity "0" and no revenue is skipped, as with 0: 30 days, 1 order', () => {
    const numberZero = rowOfA([order, ["A", d(2026, 10, 10), null, null, null, 0]]);
    expect(numberZero.slice(0, 2)).toEqual([30, 1]);
    expect(rowOfA([order, ["A", d(2026, 10, 10), null, null, null, "0"]])).toEqual(numberZero);
  });

  it('a spare row with only a revenue "0.00" is blank, as with 0 (was #VALUE! for the call)', () => {
    const numberZero = rowOfA([order, [null, null, null, 0, null, null]]);
    expect(numberZero.slice(0, 2)).toEqual([30, 1]);
    expect(rowOfA([order, [null, null, null, "0.00", null, null]])).toEqual(numberZero);
  });
});
