/**
 * "10 meaning 10%" in KAP.HEALTH's % changes. PRODUCT.md §2.1 and the function help take a change
 * as Excel holds a percentage: 20% is 0.2, so 10 is +1,000%. Yet a change over +100% is real
 * (orders 1 → 3 is +200%, which KAP.METRICS writes as 2), so a number over 1 is read as a fraction
 * only where it cannot mean anything else for the score:
 * - where both readings score the same (25: +2,500% or 25%, Frequency 5 either way);
 * - where its column settles the convention: another cell holds a fraction (0.1, −0.05, "12%").
 * Otherwise (a lone 10, or a column of whole numbers 10, 15, 2) it is #VALUE! saying both
 * readings and what to write — never a guess. "10%" typed as text is 10%.
 */
import { health } from "../../src/functions/functions";
import { isKapError, type KapError } from "../../src/functions/errors";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

// 20 days → Recency 3; 3 categories → 3; engagement 4; 0 days late → Payment 4; revenue 0.1 → 4
const rest = (n: number) => ({
  days: col(...Array(n).fill(20)),
  cats: col(...Array(n).fill(3)),
  eng: col(...Array(n).fill(4)),
  pay: col(...Array(n).fill(0)),
  rev: col(...Array(n).fill(0.1)),
});

describe("a % change over 1 in KAP.HEALTH", () => {
  it("a lone 10 is #VALUE! naming both readings; '10%' is 10%", () => {
    const r = rest(1);
    const out = both(health, r.days, cell(10), r.rev, r.cats, r.eng, r.pay);
    expect(isKapError(out[0][0])).toBe(true);
    const msg = (out[0][0] as KapError).message ?? "";
    expect(msg).toContain("frequencyChange");
    expect(msg).toContain("+1000%");
    expect(msg).toContain("10%");
    // "10%" → +10% → Frequency 4: .25·3 + .20·4 + .20·4 + .15·3 + .10·4 + .10·4 = 3.60
    expect(both(health, r.days, cell("10%"), r.rev, r.cats, r.eng, r.pay)).toEqual([[3.6]]);
  });

  it("the revenue change too: a lone 15 is #VALUE! (+1,500% scores 5, 15% scores 4)", () => {
    const r = rest(1);
    const out = both(health, r.days, cell(0.1), cell(15), r.cats, r.eng, r.pay);
    expect((out[0][0] as KapError).message).toContain("revenueChange");
  });

  it("where both readings score the same it is read: 25 is Frequency 5 either way", () => {
    const r = rest(1);
    // Frequency 5: .75 + 1.00 + .80 + .45 + .40 + .40 = 3.80
    expect(both(health, r.days, cell(25), r.rev, r.cats, r.eng, r.pay)).toEqual([[3.8]]);
  });

  it("a column holding fractions settles it: 2 beside 0.1 is +200% (KAP.METRICS's orders 1 → 3)", () => {
    const r = rest(2);
    // row 1: +10% → 4 → 3.60 (as above); row 2: +200% → 5 → 3.80
    expect(both(health, r.days, col(0.1, 2), r.rev, r.cats, r.eng, r.pay)).toEqual([[3.6], [3.8]]);
  });

  it("a column of whole numbers does not: 10 and 15 are #VALUE!, 0 and 30 are read", () => {
    const r = rest(4);
    const out = both(health, r.days, col(10, 15, 0, 30), r.rev, r.cats, r.eng, r.pay);
    expect(isKapError(out[0][0])).toBe(true);
    expect(isKapError(out[1][0])).toBe(true);
    // 0 → 0% → Frequency 3: .75 + .60 + .80 + .45 + .40 + .40 = 3.40; 30 → 5 either way → 3.80
    expect(out[2]).toEqual([3.4]);
    expect(out[3]).toEqual([3.8]);
  });

  it("a heading with % over the column ('Orders change %') settles nothing: 10 under it is #VALUE!", () => {
    // B1:B2 from the header row: the heading is a word, not a fraction typed with "%"; before, its
    // "%" was taken as the column holding percentages, and 10 was read as +1,000% (Frequency 5,
    // 3.80) without a word.
    const r = rest(1);
    const head = (label: string, v: unknown[][]) => [[label], ...v];
    const out = both(
      health,
      head("Days", r.days),
      col("Orders change %", 10),
      head("Revenue change %", r.rev),
      head("Categories", r.cats),
      head("Engagement", r.eng),
      head("Payment days", r.pay)
    );
    expect(out[0]).toEqual(["Health score"]);
    expect(isKapError(out[1][0])).toBe(true);
    expect((out[1][0] as KapError).message).toContain("frequencyChange: 10 could be");
    // the same under a heading without "%": the same answer
    const plain = both(
      health,
      head("Days", r.days),
      col("Orders change", 10),
      head("Revenue change", r.rev),
      head("Categories", r.cats),
      head("Engagement", r.eng),
      head("Payment days", r.pay)
    );
    expect(plain).toEqual(out);
    // "10%" typed as text under the heading is still 10% → Frequency 4 → 3.60 (as above)
    expect(
      both(
        health,
        head("Days", r.days),
        col("Orders change %", "10%"),
        head("Revenue change %", r.rev),
        head("Categories", r.cats),
        head("Engagement", r.eng),
        head("Payment days", r.pay)
      )
    ).toEqual([["Health score"], [3.6]]);
  });
});
