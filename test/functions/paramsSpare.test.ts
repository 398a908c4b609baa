/**
 * The lifetime parameters of KAP.PALIVE and KAP.CLV given in a range larger than they fill: a
 * user selects K4:T4 for the seven cells K4:Q4, or a column with spare rows below, or the block
 * K4:Q5 whose second currency row is empty. The blank cells after the last parameter (null on the
 * web, 0 on desktop) are not parameters: the call answers as over the parameters alone. Before,
 * both refused the range: "params must be the 7 fitted parameters …; got 10 cells".
 */
import { clv, pAlive } from "../../src/functions/functions";
import { customerLifetimeValue } from "../../src/domain/analysis/clv";
import { asFunctionArg, type HostMode } from "../excel-double/excel";
import { cell, col } from "./ranges";

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const SEVEN = [BG.r, BG.alpha, BG.a, BG.b, GG.p, GG.q, GG.gamma];

/** The call's answer with web and desktop arguments, which must agree. */
async function both<A extends unknown[]>(f: (...args: A) => unknown, ...args: A): Promise<unknown> {
  const run = async (mode: HostMode) => {
    try {
      return await f(
        ...(args.map((a) => (Array.isArray(a) ? asFunctionArg(a as unknown[][], mode) : a)) as A)
      );
    } catch (e) {
      return { thrown: e };
    }
  };
  const web = await run("web");
  expect(await run("desktop")).toEqual(web);
  return web;
}

describe("lifetime parameters with spare blank cells after them", () => {
  test.each([
    ["a row of 4 and 3 blanks", [[BG.r, BG.alpha, BG.a, BG.b, null, null, null]]],
    ["a row of 4 and 4 blanks", [[BG.r, BG.alpha, BG.a, BG.b, null, null, null, null]]],
    ["a column of 7 and 3 blank rows", col(...SEVEN, null, null, null)],
    ["a row of 7 and one empty text", [[...SEVEN, ""]]],
  ])("KAP.PALIVE over %s: 0.7266, as over the parameters alone", async (_, params) => {
    // 1 / (1 + 0.793/3.426 × (43.274/34.844)^2.243) = 1 / (1 + 0.23147 × 1.62583) = 0.72657
    const out = (await both(pAlive, cell(2), cell(30.43), cell(38.86), params)) as number[][];
    expect(out[0][0]).toBeCloseTo(0.72657, 4);
  });

  test.each([
    ["a row of 7 and 3 blanks", [[...SEVEN, null, null, null]]],
    ["the block K4:Q5, its second row blank", [SEVEN, SEVEN.map(() => null)]],
    ["a column of 7 and 5 blank rows", col(...SEVEN, null, null, null, null, null)],
  ])("KAP.CLV over %s: the CLV of the seven", async (_, params) => {
    const out = (await both(
      clv,
      cell(2),
      cell(30.43),
      cell(38.86),
      cell(22.345),
      params
    )) as number[][];
    const expected = customerLifetimeValue(
      BG,
      GG,
      { frequency: 2, recency: 30.43, T: 38.86, meanValue: 22.345 },
      { horizonMonths: 12, discountRate: 0.1 }
    )!;
    expect(out[0][0]).toBeCloseTo(expected, 9);
    expect(out).toEqual(await both(clv, cell(2), cell(30.43), cell(38.86), cell(22.345), [SEVEN]));
  });

  test("a blank among the parameters is still refused, naming it", async () => {
    // b left blank, the range K4:Q4 and a spare cell: "b must be a positive number"
    const out = await both(pAlive, cell(2), cell(30.43), cell(38.86), [
      [BG.r, BG.alpha, BG.a, null, null],
    ]);
    expect(out).toMatchObject({
      thrown: { code: "#VALUE!", message: expect.stringMatching(/got 3 cells/) },
    });
    const gap = await both(clv, cell(2), cell(30.43), cell(38.86), cell(22.345), [
      [BG.r, null, BG.a, BG.b, GG.p, GG.q, GG.gamma, null],
    ]);
    expect(gap).toMatchObject({
      thrown: {
        code: "#VALUE!",
        message: expect.stringMatching(
          /params: α must be a positive number \(got a blank cell or 0\)/
        ),
      },
    });
  });

  test("five parameters and spare blanks: neither 4 nor 7, refused", async () => {
    const out = await both(pAlive, cell(2), cell(30.43), cell(38.86), [
      [BG.r, BG.alpha, BG.a, BG.b, GG.p, null, null],
    ]);
    expect(out).toMatchObject({
      thrown: {
        code: "#VALUE!",
        message: expect.stringMatching(/params must be the 4 fitted parameters.*got 5 cells/),
      },
    });
  });
});
