/**
 * A 0 typed as text ("0", an imported column, a cell formatted as Text) is the same 0 as the
 * number: KAP.WINBACK, KAP.DISCOUNT and KAP.BAND answer a blank for it, as they do for the number 0 and a
 * blank cell (Excel desktop passes a blank as 0, so 0 cannot mean anything of its own there).
 * Before: WINBACK("0") was "None" beside a blank for 0, DISCOUNT("0") 0% (or the first custom
 * tier's rate) beside a blank, BAND("0") #VALUE! ("not a health score from 1 to 5") beside a blank.
 */
import { band, discount, winBack } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

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
