/**
 * KAP.METRICS / KAP.ACCOUNTHEALTH's rolledInto column with a loop (A rolls into B and B into A,
 * a typing slip in a parent column): each account would take in the other's orders and both
 * show the pair's total, counted twice. A loop is bad input: an error naming it, never a number.
 */
import { accountHealth, metrics } from "../../src/functions/functions";
import { isKapError, type KapError } from "../../src/functions/errors";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const cell = (v: unknown): unknown[][] => [[v]];
const orders = [
  col("A", "B", "C"),
  col(d(2026, 1, 5), d(2026, 3, 5), d(2026, 3, 6)),
  col("I1", "I2", "I3"),
  col(100, 200, 300),
  col("T", "T", "T"),
] as const;

function thrown(f: () => unknown): KapError {
  try {
    f();
  } catch (e) {
    expect(isKapError(e)).toBe(true);
    return e as KapError;
  }
  throw new Error("expected the call to fail");
}

describe("rolledInto with a loop", () => {
  it("A → B → A: #VALUE! naming the loop, for METRICS and ACCOUNTHEALTH", () => {
    const args = [col("A", "B"), ...orders, cell(d(2026, 3, 31))] as const;
    const e = thrown(() =>
      both(metrics, ...args, null as never, null as never, null as never, col("B", "A"))
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/rolledInto.*A.*B.*A/);
    const h = thrown(() =>
      both(
        accountHealth,
        col("A", "B"),
        ...orders,
        null as never,
        null as never,
        cell(d(2026, 3, 31)),
        null as never,
        null as never,
        null as never,
        col("B", "A")
      )
    );
    expect(h.message).toMatch(/loop/);
  });

  it("a chain C → B → A is no loop: A £600 (100 + 200 + 300), B £500, C £300", () => {
    const out = both(
      metrics,
      col("A", "B", "C"),
      ...orders,
      cell(d(2026, 3, 31)),
      null as never,
      null as never,
      null as never,
      col("", "A", "B")
    );
    expect(out.map((r) => r[4])).toEqual([600, 500, 300]);
  });
});
