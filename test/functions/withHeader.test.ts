/**
 * KAP.METRICS's withHeader as users write a flag: TRUE, 1, or the text "TRUE"/"Yes" (a cell
 * formatted as Text) put the header row on top, as TRUE does; before, only the boolean TRUE did,
 * and 1 or "TRUE" left the header out without a word. FALSE, 0, "no" and a blank leave it out;
 * anything else is #VALUE! naming what to write.
 */
import { accountColumnsReady, metrics } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";
import { cell, thrown } from "./ranges";

beforeAll(() => accountColumnsReady());

const call = (flag: unknown) =>
  both(
    metrics,
    cell("A"),
    cell("A"),
    cell(d(2026, 10, 1)),
    cell("I1"),
    cell(100),
    cell("Tools"),
    cell(d(2026, 10, 31)),
    null as never,
    cell(flag)
  );

describe("KAP.METRICS withHeader", () => {
  it.each([true, 1, "TRUE", " yes "])("%j puts the header row on top", (flag) => {
    const out = call(flag);
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBe("Days since last order");
    expect(out[1][0]).toBe(30); // 1 Oct → 31 Oct
  });

  it.each([false, 0, "FALSE", "no", null])("%j leaves it out", (flag) => {
    expect(call(flag)).toHaveLength(1);
  });

  it("anything else is #VALUE! saying what to write", () => {
    expect(thrown(() => call("header")).message).toMatch(
      /withHeader: "header" is not TRUE or FALSE/
    );
  });
});
