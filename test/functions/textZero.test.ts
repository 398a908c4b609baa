/**
 * A 0 typed as text ("0", an imported column, a cell formatted as Text) is the same 0 as the
 * number: KAP.WINBACK, KAP.DISCOUNT and KAP.BAND answer a blank for it, as they do for the number 0 and a
 * blank cell (Excel desktop passes a blank as 0, so 0 cannot mean anything of its own there).
 * Before: WINBACK("0") was "None" beside a blank for 0, DISCOUNT("0") 0% (or the first custom
 * tier's rate) beside a blank, BAND("0") #VALUE! ("not a health score from 1 to 5") beside a blank.
 */
import {
  band,
  clv,
  discount,
  fiveP,
  health,
  pAlive,
  quadrant,
  reorderDays,
  seasonality,
  winBack,
} from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";
import { ymdToSerial as d } from "../../src/domain/dates";

describe("a text 0 reads as the number 0 (a blank answer)", () => {
  it('KAP.WINBACK: "0", " 0 " and "0.00" give a blank, as 0 and a blank cell do', () => {
    // 35 days → Stage 1 (30–44), kept beside them to show the column is read
    expect(both(winBack, col(35, "0", " 0 ", "0.00", 0, null))).toEqual([
      ["Stage 1 – Early warning"],
      [""],
      [""],
      [""],
      [""],
      [""],
    ]);
    expect(both(winBack, cell("0"))).toEqual(both(winBack, cell(0)));
  });

  it("KAP.WINBACK: a text 0 with a lost flag is still Stage 5, as the number 0 is", () => {
    expect(both(winBack, col("0", 0), col(true, true))).toEqual([
      ["Stage 5 – Exit interview"],
      ["Stage 5 – Exit interview"],
    ]);
  });

  it('KAP.DISCOUNT: "0" gives a blank under the default tiers (was 0%)', () => {
    // 600 → 5% (500–999) beside them
    expect(both(discount, col(600, "0", "0.00", 0, null))).toEqual([
      [0.05],
      [""],
      [""],
      [""],
      [""],
    ]);
  });

  it('KAP.DISCOUNT: "0" gives a blank under tiers starting at £0 (was that tier\'s 2%)', () => {
    // from £0 2%, from £1,000 7%: 1,200 → 7%; 0 and "0" alike → blank
    const tiers = [
      [0, 0.02],
      [1000, 0.07],
    ];
    expect(both(discount, col(1200, "0", 0), tiers)).toEqual([[0.07], [""], [""]]);
  });

  it('KAP.BAND: "0" gives a blank, as 0 does (was #VALUE!)', () => {
    // 3.5 → Stable (3.00–3.99) beside them
    expect(both(band, col(3.5, "0", 0, null))).toEqual([["Stable"], [""], [""], [""]]);
  });
});

describe("KAP.QUADRANT and KAP.FIVEP: a text 0 reads as the number 0", () => {
  it('QUADRANT: an engagement "0" is a blank row, as 0 is (was #VALUE!)', () => {
    // Potentials counted in the money cut: rows 1, 3, 4 and 5 (row 5's engagement is blank, its
    // potential still counts), row 2 blank in both: median {1000, 2000, 2500, 5000} = 2,250.
    // 4 / 1,000 → Maintenance; 2 / 5,000 → Growth Potential; 3 / 2,000 < 2,250 → Maintenance.
    const asText = both(quadrant, col(4, "0", 2, 3, "0"), col(1000, "0", 5000, 2000, 2500));
    expect(asText).toEqual([["Maintenance"], [""], ["Growth Potential"], ["Maintenance"], [""]]);
    expect(asText).toEqual(both(quadrant, col(4, 0, 2, 3, 0), col(1000, 0, 5000, 2000, 2500)));
  });

  it('QUADRANT: a row of "0" and "0.00" stays out of the money median, as a row of 0s does', () => {
    // Counted with the text zeros, the median of {0, 1000, 2000, 2500, 5000} would be 2,000 and
    // 3 / 2,000 Key; left out as a blank row, the median is 2,250 and it is Maintenance.
    expect(both(quadrant, col(4, " 0 ", 2, 3, 4), col(1000, "0.00", 5000, 2000, 2500))).toEqual([
      ["Maintenance"],
      [""],
      ["Growth Potential"],
      ["Maintenance"],
      ["Key"],
    ]);
  });

  it('QUADRANT: one engagement "0" gives a blank, as 0 does', () => {
    expect(both(quadrant, cell("0"), cell(4))).toEqual(both(quadrant, cell(0), cell(4)));
    expect(both(quadrant, cell("0"), cell(4))).toEqual([[""]]);
  });

  it('FIVEP: a row of five "0" is blank, a "0" weight is 1, a "0" P is blank (was #VALUE! "got 0")', () => {
    // row 1: 4 + 3 + 5 + 2 + 1 = 15, weight "0" → 1: 15; row 2 all "0": blank;
    // row 3: power "0" → "power is blank", as the number 0
    const out = both(
      fiveP,
      col(4, "0", "0"),
      col(3, "0", 3),
      col(5, "0", 5),
      col(2, "0", 2),
      col(1, "0", 1),
      col("0", null, 2)
    );
    expect(out.slice(0, 2)).toEqual([[15], [""]]);
    expect(out[2][0]).toMatchObject({
      code: "#VALUE!",
      message: "power is blank: give a score from 1 to 5.",
    });
    expect(out).toEqual(
      both(
        fiveP,
        col(4, 0, 0),
        col(3, 0, 3),
        col(5, 0, 5),
        col(2, 0, 2),
        col(1, 0, 1),
        col(0, null, 2)
      )
    );
  });
});

describe("HEALTH and PALIVE: a text 0 where 0 is desktop's blank", () => {
  it('HEALTH: an engagement "0" is left out, as 0 is (was #VALUE!)', () => {
    // 10 days → Recency 4; +10% orders → 4; −20% revenue → 2; 3 categories → 3; engagement out;
    // 5 days late → 3. (0.25·4 + 0.20·4 + 0.20·2 + 0.15·3 + 0.10·3) / 0.90 = 2.95 / 0.90 = 3.28
    const row = (e: unknown) =>
      both(health, cell(10), cell(0.1), cell(-0.2), cell(3), cell(e), cell(5));
    expect(row("0")).toEqual([[3.28]]);
    expect(row("0")).toEqual(row(0));
  });

  it('HEALTH and PALIVE: a row of text "0" is a blank row, as a row of 0s is', () => {
    const z = col(10, "0");
    expect(
      both(health, z, col(0.1, "0"), col(-0.2, "0"), col(3, "0"), col(4, "0"), col(5, "0"))
    ).toEqual([
      [both(health, cell(10), cell(0.1), cell(-0.2), cell(3), cell(4), cell(5))[0][0]],
      [""],
    ]);
    const params = [[0.243, 4.414, 0.793, 2.426]];
    expect(both(pAlive, col(0, "0"), col(0, "0"), col(20, "0"), params)).toEqual([
      ["one order only"],
      [""],
    ]);
  });
});

describe('optional single values: a text "0" means "not given", as 0 and a blank do', () => {
  it('QUADRANT engagementCut "0" is the default 3 (was a cut of 0: every engagement high)', () => {
    // cut 3 on both: 4 / 4 → Key; 2 / 2 → Service (a cut of 0 made 2 / 2 Maintenance: 2 ≥ 0 high)
    const e = col(4, 2);
    const p = col(4, 2);
    expect(both(quadrant, e, p, cell("0"))).toEqual([["Key"], ["Service"]]);
    expect(both(quadrant, e, p, cell("0"), cell("0.00"))).toEqual(
      both(quadrant, e, p, cell(0), cell(0))
    );
  });

  it('SEASONALITY asOf "0" is no asOf (the last order date), as 0 is (was #VALUE!)', () => {
    // Orders 1 Jan and 28 Feb 2025 (£100, £300); the last order date, 28 Feb, ends February, so
    // January and February are full: mean month 200 → January 50, February 150
    const dates = col(d(2025, 1, 1), d(2025, 2, 28));
    const revenue = col(100, 300);
    const out = both(seasonality, dates, revenue, cell("0"));
    expect(out.slice(0, 2)).toEqual([[50], [150]]);
    expect(out).toEqual(both(seasonality, dates, revenue, cell(0)));
  });
});

describe("KAP.CLV horizonMonths", () => {
  it('"0" is the default 12 months, as 0 is (was "The CLV horizon must be between 0 and 1,200 months")', async () => {
    const params = [[0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44]];
    const call = (h: unknown) =>
      clv(cell(2), cell(30.43), cell(38.86), cell(22.345), params, cell(h));
    expect(await call("0")).toEqual(await call(12));
    expect(await call(0)).toEqual(await call(12));
  });
});

describe("KAP.WINBACK lost flags typed as text numbers", () => {
  it('"1" is lost as 1 is (was not lost: 35 days read as Stage 1), "0" not lost as 0', () => {
    // 35 days → Stage 1 (30–44); lost → Stage 5 whatever the days
    const out = both(winBack, col(35, 35, 35, 35), col(1, "1", "0", " 1.0 "));
    expect(out).toEqual([
      ["Stage 5 – Exit interview"],
      ["Stage 5 – Exit interview"],
      ["Stage 1 – Early warning"],
      ["Stage 5 – Exit interview"],
    ]);
  });

  it('"2" is refused as 2 is, never read as not lost', () => {
    const out = both(winBack, col(35, 35), col(2, "2"));
    for (const [e] of out)
      expect(e).toMatchObject({
        code: "#VALUE!",
        message: expect.stringMatching(/lost: "2" is not TRUE\/FALSE/),
      });
  });
});

describe("SEASONALITY and REORDERDAYS: spare rows holding a text 0", () => {
  it('SEASONALITY: a row with no date and revenue "0.00" is skipped, as with 0 (was #VALUE! "has revenue but no date")', () => {
    // as above: January 50, February 150
    const dates = col(d(2025, 1, 1), d(2025, 2, 28), null);
    expect(both(seasonality, dates, col(100, 300, "0.00")).slice(0, 2)).toEqual([[50], [150]]);
    expect(both(seasonality, dates, col(100, 300, "0.00"))).toEqual(
      both(seasonality, dates, col(100, 300, 0))
    );
  });

  it('REORDERDAYS: a date "0" is a blank row, as 0 is (was #VALUE!)', () => {
    // 1 Jan, 31 Jan, 2 Mar 2026: gaps 30 and 30 days → median 30
    const dates = (z: unknown) => col(d(2026, 1, 1), d(2026, 1, 31), z, d(2026, 3, 2));
    expect(both(reorderDays, dates("0"))).toEqual([[30]]);
    expect(both(reorderDays, dates("0"))).toEqual(both(reorderDays, dates(0)));
  });
});
