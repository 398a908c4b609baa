/**
 * The header row of an Accounts table given whole (=KAP.ACCOUNTHEALTH(A:A, …), or A1:A50 from the
 * header down): its id cell holds the column's name ("Account", "Customer ID") and the input
 * columns beside it their names ("Engagement", "Payment days"). That row is no account: its
 * result row is blank, never a score (it has no orders, so it scored as a never-ordered account)
 * nor an error (its engagement "Engagement" is no engagement). A real account with a bad input
 * still gets its error; a real account at the top with no orders is still scored.
 *
 * KAP.HEALTH over KAP.METRICS's own headers ("Orders change (3m)", "Categories (12m)": digits in
 * a heading) labels that row as it labels a header row of words, instead of #VALUE!.
 */
import { accountHealth, health, metrics } from "../../src/functions/functions";
import { isKapError } from "../../src/functions/errors";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { col } from "./ranges";

// A: £100 on 1 Mar and £50 on 1 Jun 2026 (Tools); B: £20 on 15 May 2026 (Tape). As of 30 Jun 2026.
const orders = [
  col("A", "A", "B"),
  col(d(2026, 3, 1), d(2026, 6, 1), d(2026, 5, 15)),
  col("I1", "I2", "I3"),
  col(100, 50, 20),
  col("Tools", "Tools", "Tape"),
] as const;
const AS_OF = [[d(2026, 6, 30)]];

describe("the Accounts table's header row in the account id range", () => {
  it("KAP.ACCOUNTHEALTH: the header row is blank; A and B are scored", () => {
    // A: last order 1 Jun, 29 days → Recency 3; 1 order in (30 Mar, 30 Jun], 1 in (30 Dec, 30 Mar]
    // → 0% → Frequency 3; revenue: none in the prior 12 months and the first order (1 Mar) inside
    // the last 12 → n/a; 1 category, products unknown → Diversity 2; engagement 4; 0 days → 4.
    // Weights without Revenue: .25 + .20 + .15 + .10 + .10 = .80.
    // (.25·3 + .20·3 + .15·2 + .10·4 + .10·4) / .80 = 2.45 / .80 = 3.0625 → 3.06.
    // B: 15 May → 46 days → Recency 2; first order inside both later periods → Frequency and
    // Revenue n/a; Diversity 2; engagement 3; 5 days late → 3. Weights .25 + .15 + .10 + .10 = .60.
    // (.25·2 + .15·2 + .10·3 + .10·3) / .60 = 1.40 / .60 = 2.333… → 2.33.
    const out = both(
      accountHealth,
      col("Account", "A", "B"),
      ...orders,
      col("Engagement", 4, 3),
      col("Payment days", 0, 5),
      AS_OF
    );
    expect(out).toEqual([[""], [3.06], [2.33]]);
  });

  it("KAP.ACCOUNTHEALTH without engagement or payment columns: the header row is blank, not a never-ordered account's 1.00", () => {
    const out = both(
      accountHealth,
      col("Customer ID", "A", "B"),
      ...orders,
      null as never,
      null as never,
      AS_OF
    );
    expect(out[0]).toEqual([""]);
    expect(out.slice(1).every((r) => typeof r[0] === "number")).toBe(true);
  });

  it("KAP.METRICS: the header row is nine blank cells, not 'never' and zeros", () => {
    const out = both(metrics, col("Account", "A", "B"), ...orders, AS_OF);
    expect(out[0]).toEqual(Array(9).fill(""));
    // A 29 days, 1 order last quarter, 1 before; B 46 days, 1 and 0 (as above)
    expect(out[1].slice(0, 3)).toEqual([29, 1, 1]);
    expect(out[2].slice(0, 3)).toEqual([46, 1, 0]);
  });

  it("a title and a blank row above the header (A:A on a sheet whose table starts in row 3) are blank too", () => {
    // same accounts as above: A 3.06, B 2.33
    const out = both(
      accountHealth,
      col("Key accounts Q3 2026", null, "Account", "A", "B"),
      ...orders,
      col(null, null, "Engagement", 4, 3),
      col(null, null, "Payment days", 0, 5),
      AS_OF
    );
    expect(out).toEqual([[""], [""], [""], [3.06], [2.33]]);
    const m = both(metrics, col("Key accounts Q3 2026", null, "Account", "A"), ...orders, AS_OF);
    expect(m.slice(0, 3)).toEqual([Array(9).fill(""), Array(9).fill(""), Array(9).fill("")]);
    expect(m[3].slice(0, 3)).toEqual([29, 1, 1]);
  });

  it("a real account with a bad input still gets its error; a real account at the top with no orders is still scored", () => {
    const bad = both(accountHealth, col("A", "B"), ...orders, col("soon", 3), col(0, 5), AS_OF);
    expect(bad[0]).toEqual([expect.objectContaining({ code: "#VALUE!" })]);
    expect(bad[1]).toEqual([2.33]);
    // Zed has no order: never → Recency 1; both quarters and both years empty → "none" → 1 and 1;
    // no category bought → Diversity 1; no engagement or payment. All 1 → 1.00.
    const top = both(
      accountHealth,
      col("Zed", "A"),
      ...orders,
      null as never,
      null as never,
      AS_OF
    );
    expect(top[0]).toEqual([1]);
    // a heading word as the id beside numbers is an account, not a header
    const named = both(accountHealth, col("Customer", "A"), ...orders, col(4, 4), col(0, 0), AS_OF);
    expect(typeof named[0][0]).toBe("number");
  });
});

describe("KAP.HEALTH over KAP.METRICS's headings", () => {
  it("labels the header row even where its headings hold digits (12m, qtr)", () => {
    // 10 days → 4; +10% → 4; +20% → 5; 3 categories → 3; engagement 4; 0 days → 4:
    // .25·4 + .20·4 + .20·5 + .15·3 + .10·4 + .10·4 = 1 + .8 + 1 + .45 + .4 + .4 = 4.05
    const out = both(
      health,
      col("Days since last order", 10),
      col("Orders change (3m)", 0.1),
      col("Revenue change (12m)", 0.2),
      col("Categories (12m)", 3),
      col("Engagement (1-5)", 4),
      col("Days late", 0)
    );
    expect(out).toEqual([["Health score"], [4.05]]);
  });

  it("a first data row with a mistyped number among numbers is still #VALUE!", () => {
    const out = both(
      health,
      col("1O", 10),
      col(0.1, 0.1),
      col(0.2, 0.2),
      col(3, 3),
      col(4, 4),
      col(0, 0)
    );
    expect(isKapError(out[0][0])).toBe(true);
    expect(out[1]).toEqual([4.05]);
  });
});
