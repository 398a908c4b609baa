/**
 * One-value functions over a block of cells (several rows and columns: the Account Health
 * sheet's twelve month-end scores, B2:M50) answer cell by cell in a block of the same shape, as
 * Excel's own functions do (=ABS(B2:M50)). KAP refused the block whole ("score must be one cell,
 * one column or one row"). Both hosts; values by hand from PRODUCT.md §2.1, §2.4 and §2.9.
 */
import { band, discount, health, winBack } from "../../src/functions/functions";
import { isKapError, type KapError } from "../../src/functions/errors";
import { both } from "./bothHosts";
import { cell, col, thrown } from "./ranges";

describe("a block of cells answers as a block", () => {
  it("KAP.BAND: a header row of months labels each column; blank cells stay blank", () => {
    expect(
      both(band, [
        ["Jan", "Feb", "Mar"],
        [4.2, 3.1, null],
        [1.5, 2, 5],
      ])
    ).toEqual([
      ["Band", "Band", "Band"],
      // 4.2 ≥ 4.00 Healthy; 3.1 Stable; blank; 1.5 < 2 Critical; 2.00 At Risk; 5 Healthy
      ["Healthy", "Stable", ""],
      ["Critical", "At Risk", "Healthy"],
    ]);
  });

  it("KAP.BAND: a bad cell is an error in that cell only", () => {
    const out = both(band, [
      [4.2, "4,5O"],
      [6, 3],
    ]);
    expect(out[0][0]).toBe("Healthy");
    expect(out[1][1]).toBe("Stable");
    for (const bad of [out[0][1], out[1][0]]) {
      expect(isKapError(bad)).toBe(true);
      expect((bad as KapError).code).toBe("#VALUE!");
      expect((bad as KapError).message).toMatch(/score/);
    }
  });

  it("KAP.DISCOUNT and KAP.WINBACK cell by cell", () => {
    // £100 → 0; £300 3%; £600 5%; £2,600 10%
    expect(
      both(discount, [
        [100, 300],
        [600, 2600],
      ])
    ).toEqual([
      [0, 0.03],
      [0.05, 0.1],
    ]);
    // 35 Stage 1; blank; 61 Stage 3; 95 Stage 4; lost as one cell FALSE
    expect(
      both(
        winBack,
        [
          [35, null],
          [61, 95],
        ],
        cell(false)
      )
    ).toEqual([
      ["Stage 1 – Early warning", ""],
      ["Stage 3 – Critical", "Stage 4 – Recovery offer"],
    ]);
  });

  it("a block beside a column is still refused, with the message; so is a block in KAP.HEALTH", () => {
    const e = thrown(() =>
      both(
        winBack,
        [
          [35, 40],
          [61, 95],
        ],
        col(false, true)
      )
    );
    expect(e.message).toMatch(/lost must be one cell when daysSinceLastOrder is a block/);
    expect(
      thrown(() =>
        both(
          health,
          [
            [10, 20],
            [5, 6],
          ],
          cell(0.1),
          cell(0.1),
          cell(3),
          cell(4),
          cell(0)
        )
      ).message
    ).toMatch(/daysSinceLastOrder must be one cell, one column or one row/);
  });
});
