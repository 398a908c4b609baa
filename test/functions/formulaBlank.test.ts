/**
 * Where 0 is a real value (KAP.HEALTH's days, % changes, categories and payment days; KAP.PAYMENT's
 * days late without amounts), Excel desktop cannot tell an empty cell from 0: it passes both as 0
 * (office-js #4702, #5262; README "What remains"). A cell whose formula returns empty text
 * (=IF(G2="","",G2)) is not an empty cell: it arrives as "" on every Excel, and KAP reads "" as
 * blank — so such a helper column leaves a factor out on desktop as on the web, as "n/a" does.
 */
import { health, healthFactors, payment } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

// 20 days → Recency 3; +10% → Frequency 4; −15% → Revenue 2; 3 categories → 3; engagement 4
const row = [cell(20), cell(0.1), cell(-0.15), cell(3), cell(4)] as const;

describe('a formula returning "" leaves a factor out on every Excel', () => {
  it('KAP.HEALTH: payment "" is left out: 2.80 / 0.90 = 3.11; an empty cell on desktop (0) is on time: 3.20', () => {
    // (.25·3 + .20·4 + .20·2 + .15·3 + .10·4) / .90 = (.75 + .80 + .40 + .45 + .40) / .90 = 3.111 → 3.11
    expect(both(health, ...row, cell(""))).toEqual([[3.11]]);
    expect(both(health, ...row, cell("n/a"))).toEqual([[3.11]]);
    // the web's empty cell is blank too; desktop's is 0 days → Payment 4: 2.80 + .40 = 3.20
    expect(health(...row, cell(null))).toEqual([[3.11]]);
    expect(health(...row, cell(0))).toEqual([[3.2]]);
  });

  it("KAP.HEALTHFACTORS says so: Payment n/a, five factors used", () => {
    expect(both(healthFactors, ...row, cell(""))).toEqual([
      [3, 4, 2, 3, 4, "n/a", "Used: Recency, Frequency, Revenue, Diversity, Engagement"],
    ]);
  });

  it('KAP.PAYMENT with days late only: a "" row is no invoice: (10 + 20) / 2 = 15 days, Payment 2', () => {
    expect(both(payment, col(10, "", 20))).toEqual([[15, 2]]);
    // an empty cell on desktop is an invoice paid on time: (10 + 0 + 20) / 3 = 10 days
    expect(payment(col(10, 0, 20))).toEqual([[10, 2]]);
  });
});
