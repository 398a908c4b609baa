/**
 * An argument that takes one value (the as-of date) given a range of several cells: a clear
 * #VALUE!, never the first cell taken silently. =KAP.METRICS(…, asOf:=C2:C3) read C2 alone and
 * gave every account its figures as of that day, whatever C3 held. Both hosts.
 */
import { accountHealth, metrics, seasonality } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { cell, col, thrown } from "./ranges";

// A: £100 on 1 Mar 2026; B: £20 on 15 May 2026.
const orders = [
  col("A", "B"),
  col(d(2026, 3, 1), d(2026, 5, 15)),
  col("I1", "I2"),
  col(100, 20),
  col("Tools", "Tape"),
] as const;

describe("asOf given several cells", () => {
  it("KAP.METRICS and KAP.ACCOUNTHEALTH: #VALUE! saying asOf is one date; one cell still works", () => {
    const twoDates = col(d(2026, 3, 31), d(2026, 6, 30));
    for (const f of [
      () => both(metrics, col("A", "B"), ...orders, twoDates),
      () => both(accountHealth, col("A", "B"), ...orders, null as never, null as never, twoDates),
    ]) {
      const e = thrown(f);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(/asOf must be a single date \(got 2 cells with values\)/);
    }
    // as of 30 Jun 2026: A's last order 1 Mar → 31 (to 1 Apr) + 30 + 31 + 29 (1 → 30 Jun) = 121 days;
    // B 15 May → 46 days (16 + 30)
    const out = both(metrics, col("A", "B"), ...orders, cell(d(2026, 6, 30)));
    expect(out.map((r) => r[0])).toEqual([121, 46]);
  });

  it("KAP.SEASONALITY likewise", () => {
    const e = thrown(() =>
      both(
        seasonality,
        col(d(2026, 1, 5), d(2026, 2, 5)),
        col(100, 300),
        col(d(2026, 2, 28), d(2026, 3, 31))
      )
    );
    expect(e.message).toMatch(/asOf must be a single date \(got 2 cells with values\)/);
  });
});
