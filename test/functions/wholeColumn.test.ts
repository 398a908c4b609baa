/**
 * The account id column given whole (A:A): 1,048,576 rows, the header, a few ids and spare blank
 * rows. Only the filled rows are worked out: the blank ones cost a blank result row, not an
 * account's figures each (at 500 ids in A:A this was ~1.1 s a recalculation, nearly all garbage
 * collection of a million copies of "never ordered" inputs, against ~0.07 s for the 500 ids).
 */
import * as accountInputs from "../../src/domain/analysis/accountInputs";
import { accountHealth, health, healthFactors, metrics } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";

// a whole column has 1,048,576 rows; 200,000 show the same and keep the test quick
const ROWS = 200_000;
const col = (xs: unknown[]) => xs.map((x) => [x]);
const whole = (xs: unknown[]) => col([...xs, ...Array(ROWS - xs.length).fill(null)]);

// A: £100 on 1 Mar and £50 on 1 Jun 2026; B: £20 on 15 May 2026. As of 30 Jun 2026.
const orders = [
  col(["A", "A", "B"]),
  col([d(2026, 3, 1), d(2026, 6, 1), d(2026, 5, 15)]),
  col(["I1", "I2", "I3"]),
  col([100, 50, 20]),
  col(["Tools", "Tools", "Tape"]),
] as const;
const AS_OF = [[d(2026, 6, 30)]];

describe("accountIds as a whole column", () => {
  afterEach(() => jest.restoreAllMocks());

  it("KAP.METRICS works out the filled rows only and leaves the rest blank", () => {
    const spy = jest.spyOn(accountInputs, "accountsHealthInputs");
    const out = both(metrics, whole(["Account", "A", "B"]), ...orders, AS_OF);
    expect(out).toHaveLength(ROWS);
    // The header "Account" is no account (accountHeader.test.ts): a blank row. Last quarter
    // (30 Mar, 30 Jun], the quarter before (30 Dec, 30 Mar]. A: last order 1 Jun, 29 days before
    // 30 Jun; 1 Jun in the last quarter, 1 Mar in the one before; £150 in 12 months. B: 15 May,
    // 46 days (16 + 30), 1 order last quarter, none before, £20.
    expect(out[0]).toEqual(Array(9).fill(""));
    expect(out[1].slice(0, 3)).toEqual([29, 1, 1]);
    expect(out[1][4]).toBe(150);
    expect(out[2].slice(0, 3)).toEqual([46, 1, 0]);
    expect(out[2][4]).toBe(20);
    expect(out[3]).toEqual(Array(9).fill(""));
    expect(out[ROWS - 1]).toEqual(Array(9).fill(""));
    // both hosts: two calls, each with the two accounts only (not the header, not the blanks)
    expect(spy.mock.calls.map((c) => c[1].length)).toEqual([2, 2]);
  });

  it("KAP.ACCOUNTHEALTH likewise", () => {
    const spy = jest.spyOn(accountInputs, "accountsHealthInputs");
    const out = both(
      accountHealth,
      whole(["A", "B"]),
      ...orders,
      null as never,
      null as never,
      AS_OF
    );
    expect(out).toHaveLength(ROWS);
    expect(typeof out[0][0]).toBe("number");
    expect(out[2]).toEqual([""]);
    expect(spy.mock.calls.map((c) => c[1].length)).toEqual([2, 2]);
  });

  it("KAP.HEALTH and KAP.HEALTHFACTORS over whole columns: the header row a label, blank rows one blank row", () => {
    // 10 days → Recency 4; orders +10% → 4; revenue +20% → 5; 3 categories → 3; engagement 4;
    // 0 days beyond terms → 4. 0.25·4 + 0.20·4 + 0.20·5 + 0.15·3 + 0.10·4 + 0.10·4 = 4.05.
    const args: [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]] = [
      whole(["Days", 10]),
      whole(["Orders", 0.1]),
      whole(["Revenue", 0.2]),
      whole(["Categories", 3]),
      whole(["Engagement", 4]),
      whole(["Payment", 0]),
    ];
    const h = both(health, ...args, null as never);
    expect(h).toHaveLength(ROWS);
    // the label row is not bad input (headerRow.test.ts): it is labelled, not #VALUE! in the user's header
    expect(h[0]).toEqual(["Health score"]);
    expect(h[1]).toEqual([4.05]);
    expect(h[2]).toEqual([""]);
    expect(h[ROWS - 1]).toBe(h[2]); // the spare rows share one array, not a million
    const f = both(healthFactors, ...args, null as never);
    expect(f[1].slice(0, 6)).toEqual([4, 4, 5, 3, 4, 4]);
    expect(f[2]).toEqual(Array(7).fill(""));
    expect(f[ROWS - 1]).toBe(f[2]);
  });
});

describe("an Excel error in the account id column", () => {
  it("costs its own row, not the whole spill", () => {
    // An id looked up with VLOOKUP that failed (#N/A) between A and B; figures of A and B as above.
    const na = { type: "Error", basicValue: "#N/A" };
    const out = both(metrics, col(["A", na, "B"]), ...orders, AS_OF);
    expect(out[0].slice(0, 3)).toEqual([29, 1, 1]);
    expect(out[1]).toEqual(
      Array(9).fill(expect.objectContaining({ code: "#N/A", message: "accountIds holds #N/A." }))
    );
    expect(out[2].slice(0, 3)).toEqual([46, 1, 0]);
    const h = both(
      accountHealth,
      col(["A", na, "B"]),
      ...orders,
      null as never,
      null as never,
      AS_OF
    );
    expect(h[1]).toEqual([expect.objectContaining({ code: "#N/A" })]);
    expect(typeof h[2][0]).toBe("number");
  });
});
