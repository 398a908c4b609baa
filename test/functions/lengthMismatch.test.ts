/**
 * Two range arguments of different lengths: the #VALUE! names both arguments, each with its own
 * length in its own direction — rows down a column, cells across a row — and says what to line
 * up. Before, a row of cells was counted in "rows" and the second argument was "another
 * argument" ("lost has 2 rows but another argument has 3; give ranges of the same height." for
 * two rows B2:D2 and B3:C3).
 */
import { health, quadrant, reorderDays, seasonality, winBack } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col, thrown } from "./ranges";

/** A one-row range from values, left to right (as Excel passes B2:F2). */
const row = (...values: unknown[]): unknown[][] => [values];

describe("ranges of different lengths: both named, rows down or cells across", () => {
  it("two columns: rows, same height, the other argument named", () => {
    expect(thrown(() => both(winBack, col(1, 2, 3), col(true, false))).message).toBe(
      "lost has 2 rows but daysSinceLastOrder has 3 rows; give ranges of the same height."
    );
  });

  it("two rows (one account per column): cells across, same width", () => {
    expect(thrown(() => both(winBack, row(31, 46, 61), row(true, false))).message).toBe(
      "lost is 2 cells across but daysSinceLastOrder is 3 cells across; give ranges of the same width."
    );
  });

  it("a column beside a row: each in its own direction, same length", () => {
    // engagement B2:B4 (3 rows), potential C1:D1 (2 across)
    expect(thrown(() => both(quadrant, col(4, 2, 3), row(5, 1))).message).toBe(
      "potential is 2 cells across but engagement has 3 rows; give ranges of the same length."
    );
  });

  it("KAP.HEALTH: the factor whose row is short is named beside the first", () => {
    const three = row(10, 20, 30);
    expect(thrown(() => both(health, three, three, three, row(3, 4), three, three)).message).toBe(
      "categories is 2 cells across but daysSinceLastOrder is 3 cells across; give ranges of the same width."
    );
  });

  it("KAP.SEASONALITY and KAP.REORDERDAYS: the same wording", () => {
    expect(thrown(() => both(seasonality, row(45000, 45001, 45002), row(10, 20))).message).toBe(
      "revenue is 2 cells across but orderDates is 3 cells across; give ranges of the same width."
    );
    expect(thrown(() => both(seasonality, col(45000), col(10, 20))).message).toBe(
      "revenue has 2 rows but orderDates has 1 row; give ranges of the same height."
    );
    expect(thrown(() => both(reorderDays, col(100, 110, 130), col("A", "B"))).message).toBe(
      "products has 2 rows but orderDates has 3 rows; give ranges of the same height."
    );
  });

  it("a single cell still broadcasts over a row or a column", () => {
    // 31 → Stage 1, 46 → Stage 2, 61 → Stage 3; one lost cell (FALSE) for all three
    expect(both(winBack, row(31, 46, 61), cell(false))).toEqual([
      ["Stage 1 – Early warning", "Stage 2 – Active concern", "Stage 3 – Critical"],
    ]);
  });
});
