/**
 * An account numbered 0. Typed as text ("0": a Text-formatted id column, an import) it is an
 * account like any other in KAP.METRICS and KAP.ACCOUNTHEALTH: its ids, its order lines and its
 * roll-up. Before, a rolledInto column whose only parent was "0" was read as no roll-up at all
 * (notGiven took the text "0" for desktop's blank 0): the sites' orders were left out of 0's row.
 * The number 0 cannot be an id: Excel desktop passes a blank cell as 0, so it is blank on both
 * hosts (a spare row), and an order line with the number 0 for its account says how to write it.
 */
import { accountColumnsReady, accountHealth, metrics } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { cell, col, thrown } from "./ranges";

beforeAll(() => accountColumnsReady());

const AS_OF = cell(d(2026, 6, 30));

/** Account x: £100 of Tools on 1 Mar 2026; B: £20 of Tape on 15 May 2026. */
const ordersOf = (x: unknown) =>
  [
    col(x, "B"),
    col(d(2026, 3, 1), d(2026, 5, 15)),
    col("I1", "I2"),
    col(100, 20),
    col("Tools", "Tape"),
  ] as const;

describe('account "0" typed as text', () => {
  it("KAP.METRICS: 0's row holds its own figures", () => {
    // as of 30 Jun 2026: last order 1 Mar → 31 + 30 + 31 + 29 = 121 days; orders in (31 Mar,
    // 30 Jun]: 0, in (31 Dec, 31 Mar]: 1 → −100%; revenue 12 months £100
    const out = both(metrics, col("0", "B"), ...ordersOf("0"), AS_OF);
    expect(out[0].slice(0, 5)).toEqual([121, 0, 1, -1, 100]);
  });

  it("KAP.METRICS: B rolled into \"0\" puts B's orders in 0's row (was left out)", () => {
    // 0 with B: last order 15 May → 16 + 30 = 46 days; orders in (31 Mar, 30 Jun]: 1 (15 May),
    // in (31 Dec, 31 Mar]: 1 (1 Mar) → 0%; revenue 12 months £100 + £20 = £120
    const out = both(
      metrics,
      col("0", "B"),
      ...ordersOf("0"),
      AS_OF,
      null as never,
      null as never,
      null as never,
      col(null, "0")
    );
    expect(out[0].slice(0, 5)).toEqual([46, 1, 1, 0, 120]);
  });

  it('KAP.ACCOUNTHEALTH: "0" scores as the same orders under another id', () => {
    const score = (id: string) =>
      both(accountHealth, col(id), ...ordersOf(id), null as never, null as never, AS_OF)[0][0];
    expect(typeof score("Z")).toBe("number");
    expect(score("0")).toEqual(score("Z"));
  });
});

describe("the number 0 for an account (desktop's blank)", () => {
  it("an order line's account 0: #VALUE! saying to type '0", () => {
    const e = thrown(() => both(metrics, col("0"), ...ordersOf(0), AS_OF));
    expect(e.message).toBe(
      "Order row 1 has a date or revenue but no account (orderAccounts is blank or 0). An account numbered 0 must be typed as text ('0): Excel desktop passes a blank cell as 0."
    );
  });

  it("accountIds 0 is a blank row on both hosts, as a blank cell is", () => {
    const out = both(metrics, col(0, "B"), ...ordersOf("0"), AS_OF);
    expect(out[0].every((v) => v === "")).toBe(true);
    // B: 15 May → 46 days
    expect(out[1][0]).toBe(46);
  });
});
