/**
 * A range of values given larger than its values: the six weights of KAP.HEALTH,
 * KAP.HEALTHFACTORS and KAP.ACCOUNTHEALTH selected as B1:B8 (two spare rows), or across with a
 * spare cell. The blank cells after the sixth (null on the web, 0 on desktop) are not weights:
 * the call answers as over the six. Before: #VALUE! "Weights need 6 values …; got 8."
 */
import { health, healthFactors } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

// 10 days → Recency 4; +10% orders → 4; −20% revenue → 2; 3 categories → 3; engagement 4 → 4;
// 5 days late → 3
const ROW = [cell(10), cell(0.1), cell(-0.2), cell(3), cell(4), cell(5)] as const;

describe("weights with spare blank cells after the six", () => {
  it("the default weights in a column of 8: 3.35, as the six alone", () => {
    // 0.25·4 + 0.20·4 + 0.20·2 + 0.15·3 + 0.10·4 + 0.10·3 = 1 + 0.8 + 0.4 + 0.45 + 0.4 + 0.3 = 3.35
    const w = col(0.25, 0.2, 0.2, 0.15, 0.1, 0.1, null, null);
    expect(both(health, ...ROW, w)).toEqual([[3.35]]);
    expect(both(health, ...ROW, [[25, 20, 20, 15, 10, 10, null]])).toEqual([[3.35]]);
  });

  it("a blank sixth weight is still Payment's 0, the spare cells after it ignored: 3.45", () => {
    // 0.25·4 + 0.20·4 + 0.20·2 + 0.15·3 + 0.20·4 + 0·3 = 1 + 0.8 + 0.4 + 0.45 + 0.8 = 3.45
    const w = col(0.25, 0.2, 0.2, 0.15, 0.2, null, null, null);
    expect(both(health, ...ROW, w)).toEqual([[3.45]]);
    expect(both(healthFactors, ...ROW, w)[0][6]).toBe(
      "Used: Recency, Frequency, Revenue, Diversity, Engagement"
    );
  });

  it("seven weights filled is still refused", () => {
    const out = (() => {
      try {
        return both(health, ...ROW, col(0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1, null));
      } catch (e) {
        return e;
      }
    })();
    expect(out).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/got 7/) });
  });
});
