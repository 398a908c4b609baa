import fc from "fast-check";
import {
  emptyInputs,
  healthInputsInto,
  historyDates,
  historyInputsInto,
  WindowEdges,
  windowsAt,
} from "../../../src/domain/analysis/healthAt";
import type { OrderLine } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);

function subjectOf(lines: readonly OrderLine[]) {
  const book = bookOf(lines);
  return { f: book.freeze(), u: book.unitsOf("A")[0] };
}

describe("history points' order figures (historyInputsInto)", () => {
  test("the month-end six months before as-of, worked out by hand", () => {
    const s = subjectOf([
      line("A", d(2025, 9, 10), "S1", 60),
      line("A", d(2025, 11, 5), "S1", 40),
      line("A", d(2026, 1, 15), "S1", 100),
      line("A", d(2026, 2, 10), "S2", 200),
      line("A", d(2026, 3, 20), "S1", 50),
      line("A", d(2026, 4, 1), "S2", -30, { orderId: "CN1" }),
      line("A", d(2026, 4, 25), "S1", 80),
      // after the point: not counted there
      line("A", d(2026, 6, 3), "S1", 999),
    ]);
    const windows = historyDates(asOf).map(windowsAt);
    const edges = new WindowEdges(windows);
    edges.load(s);
    // history point 6 is eomonth(31 Oct 2026, −6) = 30 Apr 2026
    expect(windows[6].date).toBe(d(2026, 4, 30));
    const i = historyInputsInto(emptyInputs(), s, edges, 6, 2, 2, undefined, undefined, true);
    // last quarter (30 Jan, 30 Apr 2026]: 10 Feb, 20 Mar, 25 Apr (the credit note is no order)
    expect(i.ordersLastQuarter).toBe(3);
    // previous quarter (30 Oct 2025, 30 Jan 2026]: 5 Nov, 15 Jan
    expect(i.ordersPreviousQuarter).toBe(2);
    // last 12 months (30 Apr 2025, 30 Apr 2026]: 60 + 40 + 100 + 200 + 50 − 30 + 80
    expect(i.revenueLast12).toBe(500);
    expect(i.revenuePrior12).toBe(0);
    expect(i.lastOrderDate).toBe(d(2026, 4, 25));
    expect(i.daysSinceLastOrder).toBe(5);
    expect(i.firstOrderDate).toBe(d(2025, 9, 10));
    // 2 → 3 orders: +50%; no revenue the year before, first order inside the 12 months: n/a
    expect(i.ordersChange).toEqual({ kind: "pct", pct: 50 });
    expect(i.revenueChange).toEqual({ kind: "na" });
  });

  test("the same inputs as healthInputsInto at every history point", () => {
    const start = d(2023, 1, 1);
    const linesArb = fc.array(
      fc
        .record({
          day: fc.integer({ min: 0, max: asOf - start + 40 }),
          cents: fc.integer({ min: 1, max: 90_000 }),
          returned: fc.integer({ min: 0, max: 5 }),
        })
        .map(({ day, cents, returned }): OrderLine => {
          const isReturn = returned === 0;
          return line("A", start + day, `S${day % 4}`, (isReturn ? -cents : cents) / 100, {
            isReturn,
            orderId: isReturn ? `R${day}` : `A|${start + day}`,
          });
        }),
      { minLength: 1, maxLength: 80 }
    );
    fc.assert(
      fc.property(linesArb, (lines) => {
        const s = subjectOf(lines);
        const windows = historyDates(asOf).map(windowsAt);
        const edges = new WindowEdges(windows);
        edges.load(s);
        for (let j = 0; j < windows.length; j++) {
          const byEdges = historyInputsInto(
            emptyInputs(),
            s,
            edges,
            j,
            1,
            1,
            undefined,
            undefined,
            true
          );
          const bySearch = healthInputsInto(
            emptyInputs(),
            s,
            windows[j],
            1,
            1,
            undefined,
            undefined,
            true
          );
          expect(byEdges).toEqual(bySearch);
        }
        // as-of (the last date) as the row's own inputs are read
        const last = windows.length - 1;
        expect(
          historyInputsInto(emptyInputs(), s, edges, last, 1, 1, undefined, undefined, false)
        ).toEqual(healthInputsInto(emptyInputs(), s, windows[last], 1, 1, undefined));
      }),
      { numRuns: 200 }
    );
  });
});
