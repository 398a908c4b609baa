/**
 * An argument that takes one value (an as-of date, a cut, a horizon, a rate, a flag) given a range
 * larger than its value — C2:C4 with only C2 filled — takes the one value, as weights and lifetime
 * parameters take theirs with spare blank cells after them (spareCells, paramsSpare). Before, every
 * such call was #VALUE! ("asOf must be a single date (got 3 cells)", "engagementCut must be a
 * single value."), and ENGAGEMENT and PAYMENT refused even a range of blanks that the others read
 * as left out. A range holding two values is still #VALUE!, naming how many. Both hosts (the spare
 * cells arrive as null on the web, 0 on desktop).
 */
import {
  accountHealth,
  clv,
  engagement,
  metrics,
  payment,
  quadrant,
  seasonality,
} from "../../src/functions/functions";
import { accountColumnsReady } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { METRIC_HEADERS } from "../../src/sheets/healthSheet";
import { asFunctionArg, type HostMode } from "../excel-double/excel";
import { both } from "./bothHosts";
import { cell, col, thrown } from "./ranges";

beforeAll(() => accountColumnsReady());

/** One value and two spare blank cells below it. */
const spare = (v: unknown) => col(v, null, null);

// A: £100 on 1 Mar 2026; B: £20 on 15 May 2026.
const orders = [
  col("A", "B"),
  col(d(2026, 3, 1), d(2026, 5, 15)),
  col("I1", "I2"),
  col(100, 20),
  col("Tools", "Tape"),
] as const;

describe("as-of dates with spare cells", () => {
  it("KAP.METRICS and ACCOUNTHEALTH read C2 of C2:C4", () => {
    // as of 30 Jun 2026: A's last order 1 Mar → 31 (to 1 Apr) + 30 + 31 + 29 (to 30 Jun) = 121
    // days; B 15 May → 16 + 30 = 46 days
    const out = both(metrics, col("A", "B"), ...orders, spare(d(2026, 6, 30)));
    expect(out.map((r) => r[0])).toEqual([121, 46]);
    const h = both(
      accountHealth,
      col("A", "B"),
      ...orders,
      null as never,
      null as never,
      spare(d(2026, 6, 30))
    );
    expect(h).toEqual(
      both(
        accountHealth,
        col("A", "B"),
        ...orders,
        null as never,
        null as never,
        cell(d(2026, 6, 30))
      )
    );
  });

  it("KAP.SEASONALITY: Jan £100 (from 1 Jan), Feb £300 to 28 Feb: January 50, February 150", () => {
    // mean month (100 + 300) / 2 = 200: 100/200 × 100 = 50, 300/200 × 100 = 150
    const out = both(
      seasonality,
      col(d(2026, 1, 1), d(2026, 2, 5)),
      col(100, 300),
      spare(d(2026, 2, 28))
    );
    expect(out.slice(0, 3)).toEqual([[50], [150], [""]]);
  });

  it("KAP.ENGAGEMENT: three outreach answered in 12 hours to 31 Mar: 4", () => {
    // median response 12 h ≤ 24 h, no inbound contact → 4 (PRODUCT.md §2.1)
    const log = [
      col(d(2026, 3, 1), d(2026, 3, 5), d(2026, 3, 10)),
      cell("Outbound"),
      col(d(2026, 3, 1) + 0.5, d(2026, 3, 5) + 0.5, d(2026, 3, 10) + 0.5),
    ] as const;
    expect(both(engagement, ...log, spare(d(2026, 3, 31)))).toEqual([[4]]);
    // a range of blanks is left out, as the other functions read it: the latest date decides
    expect(both(engagement, ...log, col(null, null, null))).toEqual([[4]]);
  });

  it("KAP.PAYMENT: due 1 Jun, paid 6 Jun, as of 30 Jun: 5 days late, score 3", () => {
    const due = cell(d(2026, 6, 1));
    const paid = cell(d(2026, 6, 6));
    expect(both(payment, due, paid, null as never, spare(d(2026, 6, 30)))).toEqual([[5, 3]]);
    expect(both(payment, due, paid, null as never, col(null, null))).toEqual([[5, 3]]);
  });

  it("two dates in the range are still #VALUE!, naming how many", () => {
    const e = thrown(() =>
      both(payment, cell(d(2026, 6, 1)), cell(d(2026, 6, 6)), null as never, col(1, 2, null))
    );
    expect(e.message).toMatch(/asOf must be a single date \(got 2 cells with values\)/);
  });
});

describe("cuts, horizon, rate and flag with spare cells", () => {
  it("KAP.QUADRANT engagementCut 4 in C2:C4: engagement 3 is low, so Growth Potential", () => {
    // 3 < 4 low; potential 4 ≥ 3 high → Growth Potential (Key under the default cut 3)
    expect(both(quadrant, cell(3), cell(4), spare(4))).toEqual([["Growth Potential"]]);
    expect(both(quadrant, cell(3), cell(4), col(null, null))).toEqual([["Key"]]);
    const e = thrown(() => both(quadrant, cell(3), cell(4), col(4, 5)));
    expect(e.message).toMatch(/engagementCut must be a single value \(got 2 cells with values\)/);
  });

  it("KAP.METRICS withHeader TRUE in C2:C3 puts the header row on top", () => {
    const out = both(
      metrics,
      col("A"),
      ...orders,
      cell(d(2026, 6, 30)),
      null as never,
      col(true, null)
    );
    expect(out[0]).toEqual([...METRIC_HEADERS]);
  });

  it("KAP.CLV horizonMonths and discountRate with spare cells answer as the single cells", async () => {
    const seven = [[0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44]];
    const run = async (mode: HostMode, horizon: unknown[][], rate: unknown[][]) =>
      clv(
        ...([cell(2), cell(30.43), cell(38.86), cell(35), seven, horizon, rate].map((a) =>
          asFunctionArg(a, mode)
        ) as Parameters<typeof clv>)
      );
    for (const mode of ["web", "desktop"] as const) {
      const single = await run(mode, cell(24), cell(0.1));
      expect(typeof single[0][0]).toBe("number");
      expect(await run(mode, spare(24), spare(0.1))).toEqual(single);
    }
  });
});
