/**
 * Row functions over ranges that start at the header row (B1:B50, or whole columns B:B with the
 * formula in row 1): the label row answers with a label for the result column, not #VALUE! in
 * the user's header row. A first row that holds data — or a mistyped number (it has digits) —
 * is still read and its errors reported; a single cell holding a label is still an error.
 */
import {
  band,
  clv,
  pAlive,
  discount,
  fiveP,
  health,
  healthFactors,
  quadrant,
  winBack,
} from "../../src/functions/functions";
import { isKapError } from "../../src/functions/errors";
import { both } from "./bothHosts";
import { col, cell } from "./ranges";

describe("a header row at the top of the ranges", () => {
  it("HEALTH and HEALTHFACTORS: the label row gets labels, the data rows their scores", () => {
    // 20 days → 3, +10% → 4, −15% → 2, 3 categories → 3, engagement 4, 10 days late → 2:
    // 0.75 + 0.80 + 0.40 + 0.45 + 0.40 + 0.20 = 3.00; the blank row below stays blank
    const args = [
      col("Days since last order", 20, null),
      col("Orders change", 0.1, null),
      col("Revenue change", -0.15, null),
      col("Categories", 3, null),
      col("Engagement", 4, null),
      col("Days late", 10, null),
    ] as const;
    expect(both(health, ...args)).toEqual([["Health score"], [3], [""]]);
    const f = both(healthFactors, ...args);
    expect(f[0]).toEqual([
      "Recency",
      "Frequency",
      "Revenue",
      "Diversity",
      "Engagement",
      "Payment",
      "Factors used",
    ]);
    expect(f[1].slice(0, 6)).toEqual([3, 4, 2, 3, 4, 2]);
  });

  it("a first row of data words is data, not a header: never / none / none / n/a / Rarely responds / n/a scores 1.00", () => {
    // Recency 1 (never), Frequency 1 (none), Revenue 1 (none), Engagement 1: all 1 over 75% → 1.00
    expect(
      both(
        health,
        col("never", 20),
        col("none", 0.1),
        col("none", -0.15),
        col("n/a", 3),
        col("Rarely responds", 4),
        col("n/a", 10)
      )
    ).toEqual([[1], [3]]);
  });

  it("a first data row with a valid word beside a bad one is an error, not a header", () => {
    // "Rarely responds" is an engagement: the row is data, and "unknown" a bad potential
    const q = both(quadrant, col("Rarely responds", 4), col("unknown", 5));
    expect(isKapError(q[0][0])).toBe(true);
    expect(q[1]).toEqual(["Key"]);
    // "never" is a days value: the row is data, and "soon" a bad frequency change
    const h = both(
      health,
      col("never", 20),
      col("soon", 0.1),
      col("none", -0.15),
      col("n/a", 3),
      col("Rarely responds", 4),
      col("n/a", 10)
    );
    expect(isKapError(h[0][0])).toBe(true);
    expect(h[1]).toEqual([3]);
  });

  it("a mistyped number in the first row (it has digits) is still #VALUE!; a single label cell too", () => {
    const out = both(band, col("4,5O", 4.2));
    expect(isKapError(out[0][0])).toBe(true);
    expect(out[1]).toEqual(["Healthy"]);
    expect(isKapError(both(band, cell("Score"))[0][0])).toBe(true);
  });

  it("BAND, WINBACK, DISCOUNT, QUADRANT and FIVEP label their header row", () => {
    expect(both(band, col("Health score", 3.5))).toEqual([["Band"], ["Stable"]]);
    expect(both(winBack, col("Days since last order", 50), col("Status", "Active"))).toEqual([
      ["Win-back stage"],
      ["Stage 2 – Active concern"],
    ]);
    // a lost column headed "Lost" is not a lost flag in the header row
    expect(both(winBack, col("Days", 50), col("Lost", "No"))).toEqual([
      ["Win-back stage"],
      ["Stage 2 – Active concern"],
    ]);
    expect(both(discount, col("Order value", 600))).toEqual([["Discount"], [0.05]]);
    // money potentials below the header: the cut is the median of 1,000 and 4,000 = 2,500
    expect(both(quadrant, col("Engagement", 4, 2), col("Whitespace £", 1000, 4000))).toEqual([
      ["Quadrant"],
      ["Maintenance"],
      ["Growth Potential"],
    ]);
    // 4 + 3 + 5 + 2 + 4 = 18, weight 2 → 36
    expect(
      both(
        fiveP,
        col("Power", 4),
        col("Perception", 3),
        col("Priority", 5),
        col("Promoter", 2),
        col("Pliability", 4),
        col("Weight", 2)
      )
    ).toEqual([["5P"], [36]]);
  });

  it("PALIVE and CLV label their header row too (the Account Health sheet's x | t_x | T | mean columns)", async () => {
    // the CDNOW fit (README): r 0.243, α 4.414, a 0.793, b 2.426; p 6.25, q 3.74, γ 15.44
    const params = [[0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44]];
    const p = both(pAlive, col("x", 0), col("t_x", 0), col("T", 38.86), params);
    expect(p).toEqual([["P(alive)"], ["one order only"]]);
    const v = await clv(col("x", 2), col("t_x", 30.43), col("T", 38.86), col("Mean", 35), params);
    expect(v[0]).toEqual(["CLV"]);
    expect(typeof v[1][0]).toBe("number");
  });
});
