/**
 * The KAP worksheet functions as Excel calls them: every argument a 2-D array (one cell is
 * [[v]], a column is [[a],[b],…]), results 2-D arrays that spill. Expected numbers are worked
 * out by hand from RULES.md §2 (arithmetic in the comments).
 */
import { ymdToSerial } from "../../src/domain/dates";
import {
  band,
  discount,
  fiveP,
  health,
  healthFactors,
  quadrant,
  reorderDays,
  seasonality,
  winBack,
} from "../../src/functions/functions";
import { isKapError, type KapError } from "../../src/functions/errors";
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { both } from "./bothHosts";
import { setWorkbookDecimalSeparator } from "../../src/functions/culture";
import { readNumberText, type DecimalMark } from "../../src/ingest/numbers";
import fc from "fast-check";
import { col, cell, thrown } from "./ranges";

function expectValueError(v: unknown, messagePart: RegExp): void {
  expect(isKapError(v)).toBe(true);
  const e = v as KapError;
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toMatch(messagePart);
}

/*
 * Row A: 20 days → 3; orders +10% → 4; revenue −15% → 2; 3 categories → 3;
 *        "Responds within 24 hours" → 4; 10 days late → 2.
 *   25·3 + 20·4 + 20·2 + 15·3 + 10·4 + 10·2 = 75 + 80 + 40 + 45 + 40 + 20 = 300 → 3.00
 * Row B: 3 days → 5; +25% → 5; +12% → 4; 6 categories → 5; 5 → 5; 2 days early → 5.
 *   125 + 100 + 80 + 75 + 50 + 50 = 480 → 4.80
 * Row C: 75 days → 1; −30% → 1; −40% → 1; one product → 1; "Rarely/Never" → 1; 45 days late → 1 → 1.00
 */
const A = [20, 0.1, -0.15, 3, "Responds within 24 hours", 10];
const B = [3, 0.25, 0.12, 6, 5, -2];
const C = [75, -0.3, -0.4, "1 (one product)", "Rarely/Never", 45];
type Six = [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]];
/** The six factor arguments of one row, each a single cell. */
const six = (row: unknown[]): Six => row.map(cell) as Six;
/** The six factor arguments for several rows, each a column. */
const columns = (...rows: unknown[][]): Six => A.map((_, k) => rows.map((r) => [r[k]])) as Six;

describe("KAP.HEALTH", () => {
  it("scores one row of single cells", () => {
    expect(both(health, ...six(A))).toEqual([[3]]);
  });

  it("scores whole columns, returning a column of the same height", () => {
    const [r, f, v, c, e, p] = columns(A, B, C);
    expect(both(health, r, f, v, c, e, p)).toEqual([[3], [4.8], [1]]);
  });

  it("broadcasts a single-cell argument down the column", () => {
    // payment 10 days late (→ 2) for every row: row B becomes 125+100+80+75+50+20 = 450 → 4.50
    const [r, f, v, c, e] = columns(A, B);
    expect(both(health, r, f, v, c, e, cell(10))).toEqual([[3], [4.5]]);
  });

  it("a blank cell is n/a (left out), not zero: engagement blank gives the score over the other 90%", () => {
    // Row A without engagement: (75 + 80 + 40 + 45 + 20) / 90 = 260/90 = 2.888… → 2.89
    expect(both(health, cell(20), cell(0.1), cell(-0.15), cell(3), cell(null), cell(10))).toEqual([
      [2.89],
    ]);
    expect(both(health, cell(20), cell(0.1), cell(-0.15), cell(3), cell(""), cell(10))).toEqual([
      [2.89],
    ]);
  });

  it("a row of empty cells is a blank row, as the web (null) and desktop Excel (0) pass them", () => {
    // Desktop passes empty cells as 0: days 0, 0%, 0%, 0 categories, engagement 0, 0 days would otherwise score
    // (125 + 60 + 60 + 15 + 40)/90 = 3.33 for a row nobody filled in.
    const [r, f, v, c, e, p] = columns(A, [null, null, null, null, null, null], [0, 0, 0, 0, 0, 0]);
    expect(both(health, r, f, v, c, e, p)).toEqual([[3], [""], [""]]);
    expect(both(healthFactors, r, f, v, c, e, p)[2]).toEqual(["", "", "", "", "", "", ""]);
    // in a row with data, 0 is a value: 0 days → 5, 3 categories → 3, 0% changes → 3, 0 days late → 4:
    // (25·5 + 20·3 + 20·3 + 15·3 + 10·4) / 90 = (125 + 60 + 60 + 45 + 40)/90 = 330/90 = 3.666… → 3.67
    expect(both(health, cell(0), cell(0), cell(0), cell(3), cell(0), cell(0))).toEqual([[3.67]]);
  });

  it("reads percentages as Excel holds them and as text", () => {
    // "+10%" = 0.1 and "-15%" = −0.15: same as row A → 3.00
    expect(both(health, cell(20), cell("10%"), cell("-15%"), cell(3), cell(4), cell(10))).toEqual([
      [3],
    ]);
  });

  it("rounds a % change read from a cell to a whole percent half away from zero", () => {
    // frequency: 0.195 → 19.5% → 20 → 5; 0.045 → 4.5% → 5 → 4; −0.055 → −5.5% → −6 → 2
    // revenue:   −0.305 → −30.5% → −31 → 1; 0.095 → 9.5% → 10 → 4; 0.145 → 14.5% → 15 → 4
    // "n/a" leaves a factor out on every Excel (a blank would be 0 categories / on time on desktop)
    const f = both(
      healthFactors,
      col(0, 0, 0),
      col(0.195, 0.045, -0.055),
      col(-0.305, 0.095, 0.145),
      cell("n/a"),
      cell(null),
      cell("n/a")
    );
    expect(f.map((r) => [r[1], r[2]])).toEqual([
      [5, 1],
      [4, 4],
      [2, 4],
    ]);
  });

  it('reads the change words: "new" is n/a, "lapsed" is +∞ (5), "none" is 1', () => {
    // only frequency given: new → nothing to score → #N/A; lapsed → 5; none → 1
    const only = (v: unknown) =>
      both(health, cell("n/a"), cell(v), cell("n/a"), cell("N/A"), cell(null), cell("n/a"));
    expect(only("lapsed")).toEqual([[5]]);
    expect(only("none")).toEqual([[1]]);
    const na = only("new")[0][0] as KapError;
    expect(na.code).toBe("#N/A");
  });

  it("text that is neither a number nor a known label is a #VALUE! in that row naming the argument; other rows still compute", () => {
    const [r, f, v, c, e, p] = columns(A, B, A);
    e[1] = ["sometimes"];
    f[2] = ["lots"];
    const out = both(health, r, f, v, c, e, p);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual([3]);
    expectValueError(out[1][0], /engagement.*sometimes/);
    expectValueError(out[2][0], /frequencyChange.*lots/);
  });

  it("names the argument for every kind of bad text", () => {
    const one = (k: number, v: unknown) => {
      const args = six(A);
      args[k] = cell(v);
      return both(health, ...args)[0][0];
    };
    expectValueError(one(0, "yesterday"), /daysSinceLastOrder/);
    expectValueError(one(0, -3), /daysSinceLastOrder/);
    expectValueError(one(2, "up a bit"), /revenueChange/);
    expectValueError(one(3, "many"), /categories/);
    expectValueError(one(4, 7), /engagement/);
    expectValueError(one(5, "late"), /paymentDays/);
  });

  it("takes custom weights as a row, a column, percents or fractions", () => {
    // 40/10/10/10/10/20 on row A (3,4,2,3,4,2): 120 + 40 + 20 + 30 + 40 + 40 = 290 → 2.90
    const args = six(A);
    expect(both(health, ...args, [[40, 10, 10, 10, 10, 20]])).toEqual([[2.9]]);
    expect(both(health, ...args, col(0.4, 0.1, 0.1, 0.1, 0.1, 0.2))).toEqual([[2.9]]);
    expect(both(health, ...args, col("40%", "10%", "10%", "10%", "10%", "20%"))).toEqual([[2.9]]);
    expect(both(health, ...args, cell(null))).toEqual([[3]]); // omitted → default weights
  });

  it("weights that do not add to 100% fail the whole call with a message saying what they add to", () => {
    const [r, f, v, c, e, p] = columns(A, B);
    // 25+20+20+15+10+5 = 95
    const err = thrown(() => both(health, r, f, v, c, e, p, [[25, 20, 20, 15, 10, 5]]));
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(/100%/);
    expect(err.message).toMatch(/95%/);
    expect(
      thrown(() => both(health, r, f, v, c, e, p, [[25, "x", 20, 15, 10, 10]])).message
    ).toMatch(/weights/);
  });

  it("ranges of different heights fail with a message", () => {
    const [r, f, v, c, e, p] = columns(A, B, C);
    const err = thrown(() => both(health, r, f.slice(0, 2), v, c, e, p));
    expect(err.message).toMatch(/frequencyChange has 2 rows.*3/);
  });

  it("a 2-D block is refused", () => {
    expect(
      thrown(() =>
        both(
          health,
          [
            [1, 2],
            [3, 4],
          ],
          cell(0),
          cell(0),
          cell(1),
          cell(1),
          cell(0)
        )
      ).message
    ).toMatch(/daysSinceLastOrder must be one cell, one column or one row/);
  });
});

describe("KAP.HEALTHFACTORS", () => {
  it("spills seven columns: six scores then the factors used", () => {
    const [r, f, v, c, e, p] = columns(A, B);
    expect(both(healthFactors, r, f, v, c, e, p)).toEqual([
      [3, 4, 2, 3, 4, 2, "Used: Recency, Frequency, Revenue, Diversity, Engagement, Payment"],
      [5, 5, 4, 5, 5, 5, "Used: Recency, Frequency, Revenue, Diversity, Engagement, Payment"],
    ]);
  });

  it('shows "n/a" for a factor left out and does not list it as used', () => {
    expect(
      both(healthFactors, cell(20), cell("new"), cell(-0.15), cell(3), cell(null), cell(10))
    ).toEqual([[3, "n/a", 2, 3, "n/a", 2, "Used: Recency, Revenue, Diversity, Payment"]]);
  });

  it("a factor with weight 0 is not used", () => {
    const args = six(A);
    expect(both(healthFactors, ...args, [[50, 50, 0, 0, 0, 0]])[0][6]).toBe(
      "Used: Recency, Frequency"
    );
  });

  it("a bad row is an error in all seven cells, other rows still compute", () => {
    const [r, f, v, c, e, p] = columns(A, B);
    p[0] = ["soon"];
    const out = both(healthFactors, r, f, v, c, e, p);
    expect(out[0]).toHaveLength(7);
    out[0].forEach((x) => expectValueError(x, /paymentDays/));
    expect(out[1][0]).toBe(5);
  });

  it("whole call fails on bad weights", () => {
    const args = six(A);
    expect(thrown(() => both(healthFactors, ...args, [[30, 30, 30, 30, 30, 30]])).message).toMatch(
      /180%/
    );
  });
});

describe("KAP.BAND", () => {
  it("bands a column, rounding to 2 decimals first", () => {
    const out = both(band, col(3.995, 2.994, 4, 3, 2, 1.5, null, "abc", 7));
    expect(out.slice(0, 7)).toEqual([
      ["Healthy"],
      ["At Risk"],
      ["Healthy"],
      ["Stable"],
      ["At Risk"],
      ["Critical"],
      [""],
    ]);
    expectValueError(out[7][0], /score/);
    expectValueError(out[8][0], /score/);
  });

  it("an empty cell from desktop Excel (0) is blank, not a bad score", () => {
    expect(both(band, col(4.2, 0))).toEqual([["Healthy"], [""]]);
  });
});

describe("KAP.QUADRANT", () => {
  it("1–5 potentials with the default cut of 3", () => {
    expect(both(quadrant, col(3, 3, 2, 2), col(3, 2, 3, 2))).toEqual([
      ["Key"],
      ["Maintenance"],
      ["Growth Potential"],
      ["Service"],
    ]);
  });

  it("money potential uses the median of the potentials given as the cut", () => {
    // sorted 1,000  3,000  15,000  20,000 → median 9,000
    // 5 (proactive) & 1,000 → Maintenance; 2 & 20,000 → Growth Potential; 3 & 15,000 → Key; 1 & 3,000 → Service
    expect(
      both(
        quadrant,
        col("Proactively reaches out", 2, 3, "Rarely/Never"),
        col(1000, 20000, 15000, 3000)
      )
    ).toEqual([["Maintenance"], ["Growth Potential"], ["Key"], ["Service"]]);
  });

  it("uses the cuts given and broadcasts a single engagement", () => {
    expect(both(quadrant, cell(3), col(4, 5), cell(4), cell(5))).toEqual([
      ["Service"],
      ["Growth Potential"],
    ]);
  });

  it("bad engagement or potential is an error in that row naming it; blank rows stay blank", () => {
    const out = both(quadrant, col("keen", 4, 4, null, 0), col(4, 4, "lots", 4, 4));
    expectValueError(out[0][0], /engagement/);
    expect(out[1]).toEqual(["Key"]);
    expectValueError(out[2][0], /potential/);
    expect(out[3]).toEqual([""]);
    expect(out[4]).toEqual([""]); // desktop Excel passes a blank engagement cell as 0
  });
});

describe("KAP.FIVEP", () => {
  it("total, and weighted total with a weight", () => {
    // 4+3+5+2+1 = 15; × 3 = 45
    expect(both(fiveP, cell(4), cell(3), cell(5), cell(2), cell(1))).toEqual([[15]]);
    expect(both(fiveP, cell(4), cell(3), cell(5), cell(2), cell(1), cell(3))).toEqual([[45]]);
  });

  it("a column of people with one weight broadcast, and out-of-range scores as errors naming the P", () => {
    // row 1: 5·5 = 25 × 2 = 50; row 2: power 6 → error; row 3: 1·5 = 5 × 2 = 10
    const out = both(
      fiveP,
      col(5, 6, 1),
      col(5, 3, 1),
      col(5, 3, 1),
      col(5, 3, 1),
      col(5, 3, 1),
      cell(2)
    );
    expect(out[0]).toEqual([50]);
    expectValueError(out[1][0], /Power/);
    expect(out[2]).toEqual([10]);
    expectValueError(
      both(fiveP, cell(3), cell("high"), cell(3), cell(3), cell(3))[0][0],
      /perception/
    );
    expectValueError(
      both(fiveP, cell(3), cell(3), cell(3), cell(3), cell(3), cell(9))[0][0],
      /Weight/
    );
  });

  it("blank rows stay blank and a blank weight means 1, whether Excel passes null (web) or 0 (desktop)", () => {
    // row 2 all empty; row 3: 2+2+2+2+2 = 10 with an empty weight → × 1 = 10
    const out = both(
      fiveP,
      col(4, 0, 2),
      col(3, 0, 2),
      col(5, null, 2),
      col(2, 0, 2),
      col(1, 0, 2),
      col(3, 0, 0)
    );
    expect(out).toEqual([[45], [""], [10]]);
  });
});

describe("KAP.WINBACK", () => {
  it("stages a column of days", () => {
    const out = both(winBack, col(29, 30, 44, 45, 59, 60, 89, 90, null));
    expect(out.map((r) => r[0])).toEqual([
      "None",
      "Stage 1 – Early warning",
      "Stage 1 – Early warning",
      "Stage 2 – Active concern",
      "Stage 2 – Active concern",
      "Stage 3 – Critical",
      "Stage 3 – Critical",
      "Stage 4 – Recovery offer",
      "",
    ]);
    expectValueError(both(winBack, cell("long"))[0][0], /daysSinceLastOrder/);
  });

  it('Stage 5 when the lost column says so (TRUE, Yes, "Lost", "Churned"), whatever the days; blanks (null or desktop 0) are not lost', () => {
    // a blank lost cell, on the web (null) and on desktop (0), is not lost; a blank day with a lost flag is still Stage 5
    const out = both(
      winBack,
      col(10, 120, 5, null, 40, 100),
      col(true, "Yes", "Lost", "churned", null, "Active")
    );
    expect(out.map((r) => r[0])).toEqual([
      "Stage 5 – Exit interview",
      "Stage 5 – Exit interview",
      "Stage 5 – Exit interview",
      "Stage 5 – Exit interview",
      "Stage 1 – Early warning",
      "Stage 4 – Recovery offer",
    ]);
    // one lost flag broadcast over a column of days
    expect(both(winBack, col(1, 2), cell(true))).toEqual([
      ["Stage 5 – Exit interview"],
      ["Stage 5 – Exit interview"],
    ]);
    expectValueError(both(winBack, cell(50), cell(7))[0][0], /lost/);
    expect(thrown(() => winBack(col(1, 2, 3), col(true, false))).message).toMatch(/rows/);
  });
});

describe("KAP.DISCOUNT", () => {
  it("default tiers", () => {
    expect(both(discount, col(249.99, 250, 499, 500, 999.99, 1000, 2499, 2500))).toEqual(
      col(0, 0.03, 0.03, 0.05, 0.05, 0.08, 0.08, 0.1)
    );
  });

  it("a custom tiers range (minimum | rate), rates as numbers or percent text", () => {
    const tiers = [
      [100, 0.02],
      [1000, "7%"],
      [null, null],
    ];
    expect(both(discount, col(99, 100, 999, 1000), tiers)).toEqual(col(0, 0.02, 0.02, 0.07));
  });

  it("a bad tiers range fails the call; a bad order value is an error in its row", () => {
    expect(thrown(() => both(discount, cell(500), [[100, "lots"]])).message).toMatch(/tiers/);
    expect(thrown(() => both(discount, cell(500), col(100, 200))).message).toMatch(/two columns/);
    // (a word in the first of several rows is their header: labelRow.test.ts)
    const out = both(discount, col(600, "big"));
    expectValueError(out[1][0], /orderValue/);
    expect(out[0]).toEqual([0.05]);
  });
});

describe("KAP.SEASONALITY", () => {
  // Jan–Dec 2023 summing to £12,000 → mean month £1,000 → index = month ÷ 10.
  const YEAR = [500, 700, 900, 1000, 1100, 1300, 1500, 1400, 1200, 1000, 800, 600];
  const dates = YEAR.map((_, i) =>
    i === 0
      ? ymdToSerial(2023, 1, 1)
      : i === 11
        ? ymdToSerial(2023, 12, 31)
        : ymdToSerial(2023, i + 1, 15)
  );

  it("spills twelve indices, January first", () => {
    expect(both(seasonality, col(...dates), col(...YEAR))).toEqual(
      col(50, 70, 90, 100, 110, 130, 150, 140, 120, 100, 80, 60)
    );
  });

  it("reads ISO date text and an as-of date", () => {
    // Orders 1 Jan (£300) and 15 Mar (£600), as-of 31 Mar: Jan 300, Feb 0, Mar 600 → mean 300 → 100, 0, 200; the rest blank
    const out = both(
      seasonality,
      col("2023-01-01", "2023-03-15"),
      col(300, 600),
      cell("2023-03-31")
    );
    expect(out).toEqual(col(100, 0, 200, "", "", "", "", "", "", "", "", ""));
  });

  it("skips empty rows below the data, as desktop Excel passes them (0, 0)", () => {
    const out = both(seasonality, col(...dates, 0, 0, null), col(...YEAR, 0, 0, null));
    expect(out).toEqual(col(50, 70, 90, 100, 110, 130, 150, 140, 120, 100, 80, 60));
  });

  it("fails with #N/A when there is no full month, and with a message on bad input", () => {
    expect(thrown(() => both(seasonality, col(ymdToSerial(2023, 1, 5)), col(10))).code).toBe(
      "#N/A"
    );
    expect(
      thrown(() => both(seasonality, col(ymdToSerial(2023, 1, 1), "soon"), col(10, 20))).message
    ).toMatch(/orderDates/);
    expect(
      thrown(() => both(seasonality, col(ymdToSerial(2023, 1, 1)), col(10, 20))).message
    ).toMatch(/same height/);
  });
});

describe("KAP.REORDERDAYS", () => {
  it("one reorder period for a column of dates (distinct dates, median gap)", () => {
    // 100, 100, 110, 130 → distinct 100, 110, 130 → gaps 10, 20 → median 15
    expect(both(reorderDays, col(100, 100, 110, 130))).toEqual([[15]]);
    expect((both(reorderDays, col(100, 100))[0][0] as KapError).code).toBe("#N/A");
  });

  it("per product: each row gets its own product’s period", () => {
    // A: 100, 110, 130 → gaps 10, 20 → 15; B: 100, 107 → 7; C: once → #N/A
    const out = both(
      reorderDays,
      col(100, 100, 110, 107, 130, 120),
      col("A", "B", "a", "B", "A ", "C")
    );
    expect(out.slice(0, 5)).toEqual([[15], [7], [15], [7], [15]]);
    expect((out[5][0] as KapError).code).toBe("#N/A");
  });

  it("empty rows (desktop: 0) are skipped, not read as dates", () => {
    expect(both(reorderDays, col(100, 110, 130, 0, 0))).toEqual([[15]]);
    expect(both(reorderDays, col(100, 110, 130, 0), col("A", "A", "A", 0))).toEqual([
      [15],
      [15],
      [15],
      [""],
    ]);
  });

  it("mismatched heights fail", () => {
    expect(thrown(() => both(reorderDays, col(100, 110), col("A"))).message).toMatch(/same height/);
  });
});

describe("blank cells: Excel desktop passes 0, the web null (../shared/cases/10-functions-blank-as-zero.csv)", () => {
  /** B2:C16 with five accounts in rows 2–6 and ten spare rows, read as each host passes them. */
  function spareRows(engagement: number[], potential: number[]) {
    return (["web", "desktop"] as HostMode[]).map((mode) => {
      const x = new ExcelDouble(["Sheet1"], mode);
      x.model.fill(
        x.sheet("Sheet1"),
        "B2",
        engagement.map((e, i) => [e, potential[i]])
      );
      return {
        mode,
        engagement: x.functionArg("Sheet1", "B2:B16"),
        potential: x.functionArg("Sheet1", "C2:C16"),
      };
    });
  }

  it("the double passes a blank cell as null in web mode and as 0 in desktop mode", () => {
    const [web, desktop] = spareRows([4], [1000]);
    expect(web.engagement.slice(0, 2)).toEqual([[4], [null]]);
    expect(desktop.engagement.slice(0, 2)).toEqual([[4], [0]]);
  });

  it("QUADRANT over money potentials with ten spare rows: the cut is the median of the five potentials (2,500), on both", () => {
    // sorted 200, 1,000, 2,500, 5,000, 8,000 → median 2,500; engagement cut 3.
    // 4 & 1,000 → Maintenance; 2 & 5,000 → Growth Potential; 4 & 8,000 → Key; 2 & 200 → Service; 3 & 2,500 → Key
    for (const host of spareRows([4, 2, 4, 2, 3], [1000, 5000, 8000, 200, 2500])) {
      const out = quadrant(host.engagement, host.potential);
      expect([host.mode, out]).toEqual([
        host.mode,
        [
          ["Maintenance"],
          ["Growth Potential"],
          ["Key"],
          ["Service"],
          ["Key"],
          ...Array.from({ length: 10 }, () => [""]),
        ],
      ]);
    }
  });

  it("QUADRANT over 1–5 potentials with spare rows stays on the 1–5 scale (cut 3): desktop zeros do not push it into money", () => {
    // 4&4 Key, 2&2 Service, 4&5 Key, 2&1 Service, 3&3 Key
    for (const host of spareRows([4, 2, 4, 2, 3], [4, 2, 5, 1, 3])) {
      const out = quadrant(host.engagement, host.potential);
      expect([host.mode, out.slice(0, 6)]).toEqual([
        host.mode,
        [["Key"], ["Service"], ["Key"], ["Service"], ["Key"], [""]],
      ]);
    }
  });

  it("QUADRANT: a blank potential is a blank row on the 1–5 scale and £0 for money, the same on both", () => {
    // 1–5: rows 1–2 given (4, 2 → cut 3): 4&4 Key, 2&2 Service; row 3 engagement 4, potential blank → blank
    expect(both(quadrant, col(4, 2, 4), col(4, 2, null))).toEqual([["Key"], ["Service"], [""]]);
    // money: 1,000, 5,000 and a blank (£0) → median 1,000: 4&1,000 Key, 2&5,000 Growth Potential, 4&£0 Maintenance
    expect(both(quadrant, col(4, 2, 4), col(1000, 5000, null))).toEqual([
      ["Key"],
      ["Growth Potential"],
      ["Maintenance"],
    ]);
  });

  it("WINBACK {35; blank; 61}: Stage 1, blank, Stage 3 on both", () => {
    expect(both(winBack, col(35, null, 61))).toEqual([
      ["Stage 1 – Early warning"],
      [""],
      ["Stage 3 – Critical"],
    ]);
  });

  it('HEALTH: desktop cannot tell an empty payment cell from 0 days (on time), so the help says to write "n/a"', () => {
    // 12 days → 4; +10% orders → 4; +5% revenue → 3; 4 categories → 4; engagement 3; payment:
    //   left out: (25·4 + 20·4 + 20·3 + 15·4 + 10·3)/90 = 330/90 = 3.666… → 3.67
    //   0 days (on time → 4): (330 + 10·4)/100 = 3.70
    const row = (payment: unknown) =>
      [cell(12), cell(0.1), cell(0.05), cell(4), cell(3), cell(payment)] as const;
    expect(health(...row(null))).toEqual([[3.67]]); // the web: blank = no data
    expect(health(...row(0))).toEqual([[3.7]]); // desktop: the same blank cell arrives as 0
    expect(both(health, ...row("n/a"))).toEqual([[3.67]]); // "n/a" is no data on every Excel
  });

  it('optional arguments that are blank (0 on desktop) mean "not given"', () => {
    // default cuts 3 / 3: 3&3 Key, 3&2 Maintenance
    expect(both(quadrant, col(3, 3), col(3, 2), cell(null), cell(null))).toEqual([
      ["Key"],
      ["Maintenance"],
    ]);
    // blank weights → the default weights: row A → 3.00
    expect(both(health, ...six(A), [[null, null, null, null, null, null]])).toEqual([[3]]);
    // a blank weight among given ones is 0: 50/50/blank… → only Recency (3) and Frequency (4) → 3.50
    expect(both(health, ...six(A), [[50, 50, null, null, null, null]])).toEqual([[3.5]]);
    // blank products → one period for the column: 100, 110, 130 → gaps 10, 20 → 15
    expect(both(reorderDays, col(100, 110, 130), cell(null))).toEqual([[15]]);
    // blank as-of → the last order date (15 Mar): only Jan and Feb are whole months → Jan 300, Feb 0 → mean 150 → 200, 0
    expect(
      both(seasonality, col("2023-01-01", "2023-03-15"), col(300, 600), cell(null)).slice(0, 3)
    ).toEqual([[200], [0], [""]]);
  });

  it("a blank in a tiers table is 0, a blank weight is 1, a blank P in a filled row is an error naming it", () => {
    // tiers: from £0 2%, from £1,000 7%
    expect(
      both(discount, col(99, 1000), [
        [null, 0.02],
        [1000, 0.07],
      ])
    ).toEqual([[0.02], [0.07]]);
    // 4+3+5+2+1 = 15, blank weight → × 1
    expect(both(fiveP, cell(4), cell(3), cell(5), cell(2), cell(1), cell(null))).toEqual([[15]]);
    expectValueError(
      both(fiveP, cell(4), cell(null), cell(5), cell(2), cell(1))[0][0],
      /perception is blank/
    );
  });

  it("SEASONALITY: a blank revenue beside a date counts as 0 on both", () => {
    // as-of 31 Mar: Jan 300, Feb 0, Mar 0 (blank) → mean 100 → 300, 0, 0
    expect(
      both(seasonality, col("2023-01-01", "2023-03-15"), col(300, null), cell("2023-03-31")).slice(
        0,
        3
      )
    ).toEqual([[300], [0], [0]]);
    expect(thrown(() => both(seasonality, col("2023-01-01", null), col(300, 50))).message).toMatch(
      /row 2 has revenue but no date/
    );
  });
});

describe("text numbers are read as the workbook writes them", () => {
  afterEach(() => setWorkbookDecimalSeparator(undefined));

  it('KAP.WINBACK("45,0") is 45 days (Stage 2) where it can be read, #VALUE! where it cannot — never 450 days (Stage 3)', () => {
    setWorkbookDecimalSeparator(",");
    expect(both(winBack, cell("45,0"))).toEqual([["Stage 2 – Active concern"]]);
    setWorkbookDecimalSeparator(undefined); // culture not known: only the decimal-comma reading is a number
    expect(both(winBack, cell("45,0"))).toEqual([["Stage 2 – Active concern"]]);
    setWorkbookDecimalSeparator("."); // a decimal-point workbook: "45,0" is not a number there
    expectValueError(
      both(winBack, cell("45,0"))[0][0],
      /daysSinceLastOrder: "45,0" is not a number as this workbook writes them \(decimal point/
    );
  });

  it('"2,5" is 2.5 in a decimal-comma workbook and #VALUE! naming the argument in a decimal-point one', () => {
    // payment 2.5 days late → rounded 3 → 1–7 → 3
    setWorkbookDecimalSeparator(",");
    expect(
      both(
        healthFactors,
        cell("n/a"),
        cell("n/a"),
        cell("n/a"),
        cell("n/a"),
        cell(null),
        cell("2,5")
      )[0][5]
    ).toBe(3);
    setWorkbookDecimalSeparator(".");
    expectValueError(
      both(
        healthFactors,
        cell("n/a"),
        cell("n/a"),
        cell("n/a"),
        cell("n/a"),
        cell(null),
        cell("2,5")
      )[0][5],
      /paymentDays/
    );
  });

  it("reads text the ingest's way in both cultures: currency, brackets, trailing minus, percent", () => {
    // WINBACK by whole days: 45–59 Stage 2, 60–89 Stage 3, 90+ Stage 4 (RULES.md §2.4)
    setWorkbookDecimalSeparator(",");
    // "59,4" = 59.4 days → 59 → Stage 2 (a thousands reading, 594, would be Stage 4)
    expect(both(winBack, cell("59,4"))).toEqual([["Stage 2 – Active concern"]]);
    // "1.250,00 €" = 1,250 → 8% tier; "(4,50)" = −4.5 and "4,50-" = −4.5 are below every tier → 0
    expect(both(discount, col("1.250,00 €", "(4,50)", "4,50-"))).toEqual([[0.08], [0], [0]]);
    // "12,5%" = 0.125 → +12.5% → rounded +13% → Revenue 4 (+10…+19)
    expect(
      both(
        healthFactors,
        cell("n/a"),
        cell("n/a"),
        cell("12,5%"),
        cell("n/a"),
        cell(null),
        cell("n/a")
      )[0][2]
    ).toBe(4);
    setWorkbookDecimalSeparator(".");
    // "59.4" → Stage 2; "12,5%" is not a number in a decimal-point workbook: #VALUE! naming revenueChange
    expect(both(winBack, cell("59.4"))).toEqual([["Stage 2 – Active concern"]]);
    expectValueError(
      both(
        healthFactors,
        cell("n/a"),
        cell("n/a"),
        cell("12,5%"),
        cell("n/a"),
        cell(null),
        cell("n/a")
      )[0][2],
      /revenueChange: "12,5%" is not a number as this workbook writes them/
    );
  });

  it("thousands separators follow the culture; a text that reads two ways is refused while the culture is unknown", () => {
    setWorkbookDecimalSeparator(".");
    expect(both(discount, col("£1,250.00", "1.250"))).toEqual([[0.08], [0]]); // 1,250 → 8%; 1.25 → 0%
    setWorkbookDecimalSeparator(",");
    expect(both(discount, col("1.250,00 €", "1.250"))).toEqual([[0.08], [0.08]]);
    setWorkbookDecimalSeparator(undefined);
    expectValueError(
      both(discount, cell("1,250"))[0][0],
      /orderValue: "1,250" could be 1250 or 1.25/
    );
    expect(both(discount, cell("1,250.00"))).toEqual([[0.08]]); // only one reading
  });

  it("a number written with grouping in either convention reads back as itself under that convention, and never as another number when the convention is unknown", () => {
    const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
        fc.constantFrom<DecimalMark>(".", ","),
        fc.boolean(),
        (cents, mark, grouped) => {
          const whole = String(Math.floor(Math.abs(cents) / 100));
          const frac = String(Math.abs(cents) % 100).padStart(2, "0");
          const text = `${cents < 0 ? "-" : ""}${grouped ? group(whole, mark === "." ? "," : ".") : whole}${mark}${frac}`;
          const value = Number(`${cents < 0 ? "-" : ""}${whole}.${frac}`);
          expect(readNumberText(text, mark)).toEqual({ kind: "number", value });
          const unknown = readNumberText(text, undefined);
          if (unknown.kind === "number") expect(unknown.value).toBe(value);
          else
            expect(unknown).toEqual(
              expect.objectContaining({
                kind: "ambiguous",
                [mark === "." ? "point" : "comma"]: value,
              })
            );
        }
      ),
      { numRuns: 400 }
    );
  });
});

describe("an Excel error in one input row gives an error in that row only", () => {
  const DIV0 = { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" };

  it("HEALTH: the row holding #DIV/0! returns #DIV/0!, the other rows score", () => {
    const [r, f, v, c, e, p] = columns(A, B, A);
    e[1] = [DIV0];
    const out = both(health, r, f, v, c, e, p);
    expect(out[0]).toEqual([3]);
    expect((out[1][0] as KapError).code).toBe("#DIV/0!");
    expect(out[2]).toEqual([3]);
  });

  it("an error object shaped like CustomFunctions.Error passes through too, with a message for #N/A", () => {
    const out = both(winBack, col(35, { code: "#N/A" }));
    expect(out[0]).toEqual(["Stage 1 – Early warning"]);
    expect(out[1][0]).toEqual(
      expect.objectContaining({
        code: "#N/A",
        message: expect.stringMatching(/daysSinceLastOrder holds #N\/A/),
      })
    );
  });

  it("QUADRANT leaves the error row out of the median cut", () => {
    // 1,000, 8,000, 200, 2,500 → median (1,000 + 2,500)/2 = 1,750
    const out = both(quadrant, col(4, 2, 4, 2, 3), col(1000, DIV0, 8000, 200, 2500));
    expect(out.map((r) => (isKapError(r[0]) ? r[0].code : r[0]))).toEqual([
      "Maintenance",
      "#DIV/0!",
      "Key",
      "Service",
      "Key",
    ]);
  });

  it("an error an Excel function cannot return (#REF!) comes back as #VALUE! saying where it was", () => {
    expectValueError(
      both(band, col({ type: "Error", basicValue: "#REF!", errorType: "Ref" }))[0][0],
      /score holds #REF!/
    );
  });

  it("an error value that carries only its errorType (basicValue is optional in Excel.ErrorCellValue) is that error", () => {
    // { type: "Error", errorType: "Div0" } is #DIV/0!, as with its basicValue: the row is #DIV/0!
    // with its message, not #VALUE! saying the cell held #VALUE!
    const out = both(quadrant, col(4, 2), col(1000, { type: "Error", errorType: "Div0" }));
    expect(out[0]).toEqual(["Key"]);
    expect((out[1][0] as KapError).code).toBe("#DIV/0!");
    const na = both(winBack, col({ type: "Error", errorType: "NotAvailable" }))[0][0] as KapError;
    expect(na.code).toBe("#N/A");
    expect(na.message).toMatch(/daysSinceLastOrder holds #N\/A/);
  });

  it("REORDERDAYS: an error in a date fails the rows of its product only", () => {
    const out = both(reorderDays, col(100, DIV0, 110, 130, 107), col("A", "B", "A", "A", "B"));
    expect(out.map((r) => (isKapError(r[0]) ? r[0].code : r[0]))).toEqual([
      15,
      "#DIV/0!",
      15,
      15,
      "#DIV/0!",
    ]);
  });
});

describe("cells holding data types are read through their basic value", () => {
  it("a formatted number is its number; an entity (basic value #VALUE!) is an error in its row naming the argument", () => {
    const days = { type: "FormattedNumber", basicValue: 20, numberFormat: '0 "days"' };
    const pct = { type: "Double", basicType: "Double", basicValue: 0.1, numberFormat: "0%" };
    expect(
      both(
        health,
        cell(days),
        cell(pct),
        cell(-0.15),
        cell(3),
        cell("Responds within 24 hours"),
        cell(10)
      )
    ).toEqual([[3]]);
    const entity = {
      type: "Entity",
      text: "Acme",
      basicType: "Error",
      basicValue: "#VALUE!",
      properties: {},
    };
    expectValueError(both(band, col(4.2, entity))[1][0], /score holds a data type \(Entity\)/);
  });
});
