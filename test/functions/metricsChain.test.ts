/**
 * KAP.METRICS's spill fed into the other functions, as a user chains them: every value METRICS
 * writes must be one the next function reads. Its days since the last order is "never" for an
 * account with no order: KAP.HEALTH reads it (Recency 1), and KAP.WINBACK must too — no order,
 * no win-back stage ("None", as the engine gives such an account), not #VALUE!.
 */
import { metrics, winBack } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { col, cell } from "./ranges";

describe("KAP.METRICS → KAP.WINBACK", () => {
  it("A 26 days → None; B 423 days → Stage 4; Z never ordered → None", () => {
    // as of 31/03/2026: A's last order 05/03/2026 (26 days), B's 01/02/2025 (423 days), Z none
    const m = both(
      metrics,
      col("A", "B", "Z"),
      col("A", "A", "B"),
      col(d(2026, 1, 5), d(2026, 3, 5), d(2025, 2, 1)),
      col("I1", "I2", "I3"),
      col(100, 200, 50),
      col("Tools", "Tools", "Tape"),
      cell(d(2026, 3, 31))
    );
    const days = m.map((r) => [r[0]]);
    expect(days).toEqual([[26], [423], ["never"]]);
    expect(both(winBack, days)).toEqual([["None"], ["Stage 4 – Recovery offer"], ["None"]]);
  });
});
