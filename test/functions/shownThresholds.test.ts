/**
 * Every threshold of the worksheet functions compares a value as Excel shows it, to 15 significant
 * digits: a score computed in the sheet (=0.7*3+0.9 is 2.9999999999999996 in floating point, shown
 * 3) is 3, on the high side of a cut at 3. Values below are written as the formula that makes them
 * (worked out in Node, as Excel computes in IEEE doubles too) and as the number itself; each expected
 * answer is the one the shown value gets from PRODUCT.md's tables. A value really below the cut
 * (2.99999999999999, 15 digits shown) stays below.
 */
import {
  band,
  discount,
  fiveP,
  health,
  healthFactors,
  pAlive,
  quadrant,
  winBack,
} from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

const NOISE = {
  three: 0.7 * 3 + 0.9, // 2.9999999999999996, shows 3
  threeUp: 0.1 * 3 * 10, // 3.0000000000000004, shows 3
  one: 1.4 - 0.4, // 0.9999999999999999, shows 1
  five: 8.3 - 3.3, // 5.000000000000001, shows 5
  eight: 8.2 - 0.2, // 7.999999999999999, shows 8
  fifteen: 16.4 - 1.4, // 14.999999999999998, shows 15
  thirty: 32.3 - 2.3, // 29.999999999999996, shows 30
  fortyFive: 64.1 - 19.1, // 44.99999999999999, shows 45
  plus100: 2.2 - 1.2, // 1.0000000000000002, shows 1 (+100%)
  minus100: 1.2 - 2.2, // −1.0000000000000002, shows −1 (−100%)
  money300: 0.1 * 3 * 1000, // 300.00000000000006, shows 300
};

it("the noisy values are what the comments say (so the tests test noise)", () => {
  expect(NOISE.three).toBe(2.9999999999999996);
  expect(NOISE.threeUp).toBe(3.0000000000000004);
  expect(NOISE.one).toBe(0.9999999999999999);
  expect(NOISE.five).toBe(5.000000000000001);
  expect(NOISE.eight).toBe(7.999999999999999);
  expect(NOISE.fifteen).toBe(14.999999999999998);
  expect(NOISE.thirty).toBe(29.999999999999996);
  expect(NOISE.fortyFive).toBe(44.99999999999999);
  expect(NOISE.plus100).toBe(1.0000000000000002);
  expect(NOISE.minus100).toBe(-1.0000000000000002);
  expect(NOISE.money300).toBe(300.00000000000006);
});

describe("KAP.QUADRANT: a value shown as the cut is at the cut (high)", () => {
  it("potential =0.7*3+0.9 is 3: high, so engagement 4 is Key and 2 is Growth Potential", () => {
    // 1–5 scale, cut 3: potential 3 ≥ 3 high; engagement 4 high → Key, 2 low → Growth Potential
    expect(both(quadrant, col(4, 2), col(NOISE.three, NOISE.three))).toEqual([
      ["Key"],
      ["Growth Potential"],
    ]);
  });

  it("engagement =0.7*3+0.9 is engagement 3 (high), not #VALUE!", () => {
    // engagement 3 ≥ 3 high, potential 4 ≥ 3 high → Key
    expect(both(quadrant, cell(NOISE.three), cell(4))).toEqual([["Key"]]);
  });

  it("a cut of =0.1*3*10 (3.0000000000000004) is a cut of 3: engagement 3 is high", () => {
    // engagement 3 ≥ cut 3 high; potential 2 < 3 low → Maintenance
    expect(both(quadrant, cell(3), cell(2), cell(NOISE.threeUp))).toEqual([["Maintenance"]]);
  });

  it("a money cut of =0.1*3*1000 (300.00000000000006): a potential of £300 is high", () => {
    // £300 ≥ £300 high → Key; £100 low → Maintenance (engagement 4 high in both)
    expect(both(quadrant, col(4, 4), col(300, 100), cell(3), cell(NOISE.money300))).toEqual([
      ["Key"],
      ["Maintenance"],
    ]);
  });

  it("a potential shown 5 (5.000000000000001) keeps the column on the 1–5 scale", () => {
    // on the scale the cut is 3: 5, 5, 4, 3 all high → Key (engagement 4). Read as money, the
    // median (4 + 5) / 2 = 4.5 would make 4 and 3 low (Maintenance).
    expect(both(quadrant, col(4, 4, 4, 4), col(NOISE.five, 5, 4, 3))).toEqual([
      ["Key"],
      ["Key"],
      ["Key"],
      ["Key"],
    ]);
  });

  it("2.99999999999999 (shown so, 15 digits) is below the cut: Maintenance", () => {
    expect(both(quadrant, cell(4), cell(2.99999999999999))).toEqual([["Maintenance"]]);
  });
});

describe("KAP.BAND: a score shown 1 or 5 is on the scale", () => {
  it("=1.4-0.4 is 1.00: Critical (below 2); 5.000000000000001 is 5.00: Healthy", () => {
    expect(both(band, col(NOISE.one, NOISE.five))).toEqual([["Critical"], ["Healthy"]]);
  });
});

describe("KAP.WINBACK: days shown as a stage's first day are in that stage", () => {
  it("=64.1-19.1 is 45 days: Stage 2; =32.3-2.3 is 30 days: Stage 1", () => {
    // 45–59 Stage 2 Active concern; 30–44 Stage 1 Early warning (PRODUCT.md §2.4)
    expect(both(winBack, col(NOISE.fortyFive, NOISE.thirty))).toEqual([
      ["Stage 2 – Active concern"],
      ["Stage 1 – Early warning"],
    ]);
  });

  it("44.9999999999999 (15 digits shown) is still 44 days: Stage 1", () => {
    expect(both(winBack, cell(44.9999999999999))).toEqual([["Stage 1 – Early warning"]]);
  });
});

describe("KAP.HEALTH and HEALTHFACTORS: factor bands at the shown value", () => {
  const na = cell("n/a");

  it("=8.2-0.2 days is 8 days: Recency 4 (8–14), not 5; =16.4-1.4 is 15 days: Recency 3", () => {
    // Recency alone is used: the score is its factor score (weights rescaled to 100%)
    expect(both(health, col(NOISE.eight, NOISE.fifteen), na, na, na, na, na)).toEqual([[4], [3]]);
  });

  it("an order change =2.2-1.2 is +100%: Frequency 5 (≥ +20%), not #VALUE! (+100% or 1%?)", () => {
    const row = both(healthFactors, na, cell(NOISE.plus100), na, na, na, na)[0];
    expect(row.slice(0, 6)).toEqual(["n/a", 5, "n/a", "n/a", "n/a", "n/a"]);
  });

  it("a revenue change =1.2-2.2 is −100%: Revenue 1 (≤ −31%), not #VALUE! (below −100%)", () => {
    const row = both(healthFactors, na, na, cell(NOISE.minus100), na, na, na)[0];
    expect(row.slice(0, 6)).toEqual(["n/a", "n/a", 1, "n/a", "n/a", "n/a"]);
  });

  it("engagement =0.7*3+0.9 is Engagement 3", () => {
    const row = both(healthFactors, na, na, na, na, cell(NOISE.three), na)[0];
    expect(row.slice(0, 6)).toEqual(["n/a", "n/a", "n/a", "n/a", 3, "n/a"]);
  });
});

describe("KAP.DISCOUNT: a custom tier's minimum shown as £300 starts at £300", () => {
  it("tier from =0.1*3*1000 at 4%: an order of £300 gets 4%, £299.99 none", () => {
    expect(both(discount, col(300, 299.99), [[NOISE.money300, 0.04]])).toEqual([[0.04], [0]]);
  });
});

describe("KAP.FIVEP: a score shown whole is that score", () => {
  it("Power =0.1*3*10 is 3: 3+4+5+2+1 = 15; weight =0.7*3+0.9 is 3: 45", () => {
    expect(both(fiveP, cell(NOISE.threeUp), cell(4), cell(5), cell(2), cell(1))).toEqual([[15]]);
    expect(
      both(fiveP, cell(NOISE.threeUp), cell(4), cell(5), cell(2), cell(1), cell(NOISE.three))
    ).toEqual([[45]]);
  });
});

describe("KAP.PALIVE: repeat orders shown whole are that count", () => {
  it("frequency =0.1*3*10 answers as frequency 3 does (was #VALUE!, not whole)", () => {
    const params = [[0.243, 4.414, 0.793, 2.426]];
    const exact = both(pAlive, cell(3), cell(20), cell(30), params);
    expect(typeof exact[0][0]).toBe("number");
    expect(both(pAlive, cell(NOISE.threeUp), cell(20), cell(30), params)).toEqual(exact);
  });
});
