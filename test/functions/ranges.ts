/** What the worksheet-function tests pass and expect: ranges built from values, and the error a call throws. */
import { isKapError, type KapError } from "../../src/functions/errors";

/** A one-column range from values, top to bottom (as Excel passes A2:A9). */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A one-cell range. */
export const cell = (v: unknown): unknown[][] => [[v]];

/** Calls a function expected to fail as a whole and returns the Excel error it throws. */
export function thrown(f: () => unknown): KapError {
  try {
    f();
  } catch (e) {
    expect(isKapError(e)).toBe(true);
    return e as KapError;
  }
  throw new Error("expected the call to fail");
}
