/**
 * A row of accounts (B2:F2, one account per column) spills its answers across that row, as
 * Excel's own functions answer a row with a row (=ABS(B2:F2)); a column answers down. KAP turned
 * every row into a column, so =KAP.BAND(B5:F5) wrote its bands down over the cells below the
 * formula. Both hosts (blank = null on the web, 0 on desktop). Values worked by hand from
 * PRODUCT.md §2 in the comments.
 */
import fc from "fast-check";
import {
  band,
  clv,
  discount,
  fiveP,
  health,
  healthFactors,
  metrics,
  pAlive,
  quadrant,
  reorderDays,
  winBack,
} from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { asFunctionArg } from "../excel-double/model";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

/** One row of cells (B2:F2). */
const row = (...values: unknown[]): unknown[][] => [values];
const transpose = (m: unknown[][]): unknown[][] =>
  m.length === 0 ? [] : m[0].map((_, k) => m.map((r) => r[k]));

describe("a row of inputs spills its answers across", () => {
  it("KAP.BAND: 4.2, 3.1, blank, 1.5 → Healthy, Stable, blank, Critical in one row", () => {
    expect(both(band, row(4.2, 3.1, null, 1.5))).toEqual([["Healthy", "Stable", "", "Critical"]]);
  });

  it("KAP.HEALTH and KAP.HEALTHFACTORS: two accounts side by side, the weights still a column", () => {
    // A: 10 days → 4; +10% orders → 4; +20% revenue → 5; 3 categories → 3; engagement 4; 0 days → 4
    //    0.25·4 + 0.20·4 + 0.20·5 + 0.15·3 + 0.10·4 + 0.10·4 = 1 + 0.8 + 1 + 0.45 + 0.4 + 0.4 = 4.05
    // B: 20 days → 3; −15% → 2; −15% → 2; 3 → 3; 4; 10 days late → 2
    //    0.75 + 0.40 + 0.40 + 0.45 + 0.40 + 0.20 = 2.60
    const args = [
      row(10, 20),
      row(0.1, -0.15),
      row(0.2, -0.15),
      row(3, 3),
      row(4, 4),
      row(0, 10),
    ] as const;
    const weights = col(0.25, 0.2, 0.2, 0.15, 0.1, 0.1);
    expect(both(health, ...args, weights)).toEqual([[4.05, 2.6]]);
    const used = "Used: Recency, Frequency, Revenue, Diversity, Engagement, Payment";
    expect(both(healthFactors, ...args, weights)).toEqual([
      [4, 3],
      [4, 2],
      [5, 2],
      [3, 3],
      [4, 4],
      [4, 2],
      [used, used],
    ]);
  });

  it("KAP.QUADRANT: case 10's five accounts and two spare cells across", () => {
    // money cut = median(1000, 5000, 8000, 200, 2500) = 2500; engagement cut 3
    // 4|1000 Maintenance, 2|5000 Growth Potential, 4|8000 Key, 2|200 Service, 3|2500 Key
    expect(
      both(quadrant, row(4, 2, 4, 2, 3, null, null), row(1000, 5000, 8000, 200, 2500, null, null))
    ).toEqual([["Maintenance", "Growth Potential", "Key", "Service", "Key", "", ""]]);
  });

  it("KAP.FIVEP, KAP.WINBACK, KAP.DISCOUNT across", () => {
    // 5+5+5+5+5 = 25 × 2 = 50; 4+3+5+2+4 = 18 × (blank weight = 1) = 18
    expect(
      both(fiveP, row(5, 4), row(5, 3), row(5, 5), row(5, 2), row(5, 4), row(2, null))
    ).toEqual([[50, 18]]);
    // 35 days Stage 1 (30–44), blank, 61 days Stage 3 (60–89); lost given as one cell
    expect(both(winBack, row(35, null, 61), cell(false))).toEqual([
      ["Stage 1 – Early warning", "", "Stage 3 – Critical"],
    ]);
    // £100 below £250 → 0; £300 3%; £600 5%; £1,200 8%; £2,600 10%
    expect(both(discount, row(100, 300, 600, 1200, 2600))).toEqual([[0, 0.03, 0.05, 0.08, 0.1]]);
  });

  it("KAP.REORDERDAYS with products across: 1, 11 and 31 Jan 2026 → gaps 10 and 20, median 15", () => {
    expect(
      both(reorderDays, row(d(2026, 1, 1), d(2026, 1, 11), d(2026, 1, 31)), row("A", "A", "A"))
    ).toEqual([[15, 15, 15]]);
  });

  it("KAP.PALIVE and KAP.CLV across: a one-order account and a blank cell", async () => {
    const params = col(0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44);
    expect(both(pAlive, row(0, null), row(0, null), row(10, null), params)).toEqual([
      ["one order only", ""],
    ]);
    const down = await clv(col(0, null), col(0, null), col(10, null), col(null, null), params);
    const across = await clv(row(0, null), row(0, null), row(10, null), row(null, null), params);
    expect(across).toEqual(transpose(down));
    expect(across[0][1]).toBe("");
  });

  it("KAP.METRICS for accounts laid across: nine rows, one column per account", () => {
    // A: £100 on 1 Mar and £50 on 1 Jun 2026; B: £20 on 15 May 2026; as of 30 Jun 2026.
    // A: 29 days, 1 order last quarter (30 Mar, 30 Jun], 1 the quarter before, £150 in 12 months;
    // B: 46 days (16 in May + 30 in June), 1 order last quarter, none before, £20.
    const out = both(
      metrics,
      row("A", "B"),
      col("A", "A", "B"),
      col(d(2026, 3, 1), d(2026, 6, 1), d(2026, 5, 15)),
      col("I1", "I2", "I3"),
      col(100, 50, 20),
      col("Tools", "Tools", "Tape"),
      cell(d(2026, 6, 30))
    );
    expect(out).toHaveLength(9);
    expect(out.slice(0, 3)).toEqual([
      [29, 46],
      [1, 1],
      [1, 0],
    ]);
    expect(out[4]).toEqual([150, 20]);
  });
});

describe("any row of cells answers as the same cells in a column, turned across", () => {
  const anyCell = fc.oneof(
    fc.constantFrom(null, 0, "", "n/a", "x", true, 35, 61, 400, 1.5, 3.2, 4.9, 300, 1200, "12%"),
    fc.double({ min: -5, max: 3000, noNaN: true })
  );
  it("BAND, DISCOUNT, WINBACK and HEALTH (one factor filled per cell), on both hosts", () => {
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 2, maxLength: 12 }), (cells) => {
        for (const mode of ["web", "desktop"] as const) {
          const r = asFunctionArg([cells], mode);
          const c = asFunctionArg(
            cells.map((x) => [x]),
            mode
          );
          expect(band(r)).toEqual(transpose(band(c)));
          expect(discount(r)).toEqual(transpose(discount(c)));
          expect(winBack(r)).toEqual(transpose(winBack(c)));
          const blank = [[null]];
          expect(health(r, blank, blank, blank, blank, blank)).toEqual(
            transpose(health(c, blank, blank, blank, blank, blank))
          );
        }
      })
    );
  });
});
