/**
 * One cell given beside columns that run past their data (B2:B16 with 5 rows filled, B:B): the
 * cell applies to every row, and a row whose own cells are all blank is still a blank row — the
 * one cell does not make it a row of data. Before, every spare row took the cell as its data:
 * - QUADRANT(4, C2:C16): the ten spare potentials counted as £0 in the money median (cut £0: all
 *   five accounts Key) and each spare row answered Maintenance;
 * - HEALTH with one engagement cell: each spare row scored 4.00 from engagement alone;
 * - WINBACK with one lost cell TRUE: each spare row Stage 5 – Exit interview;
 * - PALIVE with one T cell: each spare row "one order only".
 */
import { fiveP, health, pAlive, quadrant, winBack } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

const SPARE = Array<null>(10).fill(null);

describe("one cell beside columns with spare rows", () => {
  it("QUADRANT(4, potentials with 10 spare rows): cut = median of the 5 = 2,500", () => {
    // engagement 4 is high; 1,000 and 200 < 2,500 → Maintenance; 5,000, 8,000, 2,500 → Key
    const out = both(quadrant, cell(4), col(1000, 5000, 8000, 200, 2500, ...SPARE));
    expect(out).toEqual([
      ["Maintenance"],
      ["Key"],
      ["Key"],
      ["Maintenance"],
      ["Key"],
      ...SPARE.map(() => [""]),
    ]);
  });

  it("HEALTH with one engagement cell: the spare row is blank, the filled one 3.35", () => {
    // 10 days → 4; +10% → 4; −20% → 2; 3 categories → 3; engagement 4; 5 days late → 3:
    // 1 + 0.8 + 0.4 + 0.45 + 0.4 + 0.3 = 3.35
    const out = both(
      health,
      col(10, null),
      col(0.1, null),
      col(-0.2, null),
      col(3, null),
      cell(4),
      col(5, null)
    );
    expect(out).toEqual([[3.35], [""]]);
  });

  it("WINBACK with one lost cell: the filled rows Stage 5, the spare row blank", () => {
    expect(both(winBack, col(35, 61, null), cell(true))).toEqual([
      ["Stage 5 – Exit interview"],
      ["Stage 5 – Exit interview"],
      [""],
    ]);
    // one cell for one account is still that account's flag
    expect(both(winBack, cell(null), cell(true))).toEqual([["Stage 5 – Exit interview"]]);
  });

  it("PALIVE with one T cell: 0.7266 and a blank spare row", () => {
    // 1 / (1 + 0.793/3.426 × (43.274/34.844)^2.243) = 0.72657
    const out = both(pAlive, col(2, null), col(30.43, null), cell(38.86), [
      [0.243, 4.414, 0.793, 2.426],
    ]) as unknown[][];
    expect(out[0][0] as number).toBeCloseTo(0.72657, 4);
    expect(out[1]).toEqual([""]);
  });

  it("FIVEP with one Power cell: 4 + 3 + 5 + 2 + 1 = 15 and a blank spare row", () => {
    expect(both(fiveP, cell(4), col(3, null), col(5, null), col(2, null), col(1, null))).toEqual([
      [15],
      [""],
    ]);
  });

  it("every argument one cell beside a weight column: the five Ps are each row's", () => {
    // 4 + 3 + 5 + 2 + 1 = 15, × 2 = 30 and × 1 (blank weight) = 15
    expect(both(fiveP, cell(4), cell(3), cell(5), cell(2), cell(1), col(2, null))).toEqual([
      [30],
      [15],
    ]);
  });
});
