/**
 * KAP.PALIVE and KAP.CLV as Excel calls them (2-D arguments, spilled results), on Excel on the web
 * (blank = null) and desktop (blank = 0) alike. Expected values are worked by hand from the
 * papers' CDNOW parameters (arithmetic in the comments) or from the domain's tested formulas.
 */
import { clv, pAlive } from "../../src/functions/functions";
import { isKapError, type KapError } from "../../src/functions/errors";
import {
  customerLifetimeValue,
  expectedOrders,
  expectedOrderValue,
} from "../../src/domain/analysis/clv";
import { asFunctionArg, type HostMode } from "../excel-double/excel";
import { setWorkbookDecimalSeparator } from "../../src/functions/culture";
import { col, cell } from "./ranges";

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
/** The Lifetime model cells as the Account Health sheet writes them: one row of 7. */
const PARAMS = [[BG.r, BG.alpha, BG.a, BG.b, GG.p, GG.q, GG.gamma]];

/** Runs f with web and desktop arguments and expects the same result from both. */
async function both<A extends unknown[]>(f: (...args: A) => unknown, ...args: A): Promise<unknown> {
  const run = async (mode: HostMode) => {
    try {
      return {
        ok: true as const,
        value: await f(
          ...(args.map((a) => (Array.isArray(a) ? asFunctionArg(a as unknown[][], mode) : a)) as A)
        ),
      };
    } catch (e) {
      return { ok: false as const, error: e };
    }
  };
  const web = await run("web");
  expect(await run("desktop")).toEqual(web);
  if (!web.ok) throw web.error;
  return web.value;
}

function valueError(v: unknown, message: RegExp): void {
  expect(isKapError(v)).toBe(true);
  expect((v as KapError).code).toBe("#VALUE!");
  expect((v as KapError).message).toMatch(message);
}

describe("KAP.PALIVE", () => {
  test('a column: P(alive | 2, 30.43, 38.86) = 0.7266 by hand; "one order only"; a blank row', async () => {
    // 1 / (1 + 0.793/3.426 × (43.274/34.844)^2.243) = 1 / (1 + 0.23147 × 1.62583) = 0.72657
    const out = (await both(
      pAlive,
      col(2, 0, null),
      col(30.43, 0, null),
      col(38.86, 20, null),
      PARAMS
    )) as unknown[][];
    expect(out[0][0] as number).toBeCloseTo(0.72657, 4);
    expect(out.slice(1)).toEqual([["one order only"], [""]]);
  });

  test("takes the four BG/NBD parameters alone, in a column too", async () => {
    const out = (await both(
      pAlive,
      cell(2),
      cell(30.43),
      cell(38.86),
      col(BG.r, BG.alpha, BG.a, BG.b)
    )) as number[][];
    expect(out[0][0]).toBeCloseTo(0.72657, 4);
  });

  test("a bad row gets its own error; the others still compute", async () => {
    const out = (await both(
      pAlive,
      col(2, 3, "x"),
      col(40, 10, 1),
      col(38.86, 38.86, 5),
      PARAMS
    )) as unknown[][];
    valueError(out[0][0], /Recency must be between 0 and the age T/);
    expect(typeof out[1][0]).toBe("number");
    valueError(out[2][0], /frequency: "x" is not a number/);
  });

  test.each([
    [[[1, 2, 3]], /params must be the 4 fitted parameters r, α, a, b \(BG\/NBD\).*got 3 cells/],
    [[[0.2, 4, -1, 2]], /params: a must be a positive number/],
    [[[0.2, 4, "b", 2]], /params: a must be a positive number/],
  ])("params %j are refused with a message", async (params, message) => {
    await expect(both(pAlive, cell(1), cell(1), cell(2), params)).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(message),
    });
  });
});

describe("KAP.CLV", () => {
  test("defaults: 12 months at 10% a year, as the domain computes it", async () => {
    const out = (await both(
      clv,
      cell(2),
      cell(30.43),
      cell(38.86),
      cell(22.345),
      PARAMS
    )) as number[][];
    expect(out[0][0]).toBeCloseTo(
      customerLifetimeValue(BG, GG, { frequency: 2, recency: 30.43, T: 38.86, meanValue: 22.345 })!,
      9
    );
  });

  test('text mean values are read as their column writes them: "1.234" beside "22,5" is 1,234 (was 1.234, and "22,5" #VALUE!)', async () => {
    setWorkbookDecimalSeparator("."); // an en-GB workbook; the column proves a decimal comma
    try {
      const out = (await both(
        clv,
        col(2, 2),
        col(30.43, 30.43),
        col(38.86, 38.86),
        col("1.234", "22,5"),
        PARAMS
      )) as number[][];
      const s = { frequency: 2, recency: 30.43, T: 38.86 };
      expect(out[0][0]).toBeCloseTo(customerLifetimeValue(BG, GG, { ...s, meanValue: 1234 })!, 9);
      expect(out[1][0]).toBeCloseTo(customerLifetimeValue(BG, GG, { ...s, meanValue: 22.5 })!, 9);
    } finally {
      setWorkbookDecimalSeparator(undefined);
    }
  });

  test("horizon 12 and rate 0 give the expected 12-month revenue: E[Y(365/7)] × E[M] (E[M] = 24.6596 by hand)", async () => {
    const out = (await both(
      clv,
      cell(2),
      cell(30.43),
      cell(38.86),
      cell(22.345),
      PARAMS,
      cell(12),
      cell(0)
    )) as number[][];
    expect(expectedOrderValue(GG, 2, 22.345)).toBeCloseTo(24.6596, 3);
    expect(out[0][0]).toBeCloseTo(expectedOrders(BG, 365 / 7, 2, 30.43, 38.86) * 24.6596, 2);
  });

  test("a one-order account needs no mean value (the population mean pγ/(q−1) = 35.22 is used); a blank row is blank", async () => {
    const out = (await both(
      clv,
      col(0, null),
      col(0, null),
      col(20, null),
      col(null, null),
      PARAMS,
      cell(12),
      cell(0)
    )) as unknown[][];
    expect(out[0][0] as number).toBeCloseTo(
      expectedOrders(BG, 365 / 7, 0, 0, 20) * (96.5 / 2.74),
      6
    );
    expect(out[1]).toEqual([""]);
  });

  test("a repeat buyer with a blank mean value counts as no spend: p·γ/(px+q−1) = 96.5/15.24 per order", async () => {
    const out = (await both(
      clv,
      cell(2),
      cell(30.43),
      cell(38.86),
      cell(null),
      PARAMS,
      cell(12),
      cell(0)
    )) as number[][];
    expect(out[0][0]).toBeCloseTo(expectedOrders(BG, 365 / 7, 2, 30.43, 38.86) * (96.5 / 15.24), 6);
  });

  test("a blank discount-rate cell is 0% on both hosts (desktop passes it as 0); left out, the rate is 10%", async () => {
    // Rate 0, horizon 12: E[Y(365/7)] × E[M] with E[M] = 24.6596 (the test above). A blank cell
    // reads as 0 on desktop, and as Excel's own functions read a blank rate (=NPV(A1, …)); the web
    // passed it as null and took 10%, a different CLV for the same workbook.
    const at0 = expectedOrders(BG, 365 / 7, 2, 30.43, 38.86) * 24.6596;
    const blank = (await both(
      clv,
      cell(2),
      cell(30.43),
      cell(38.86),
      cell(22.345),
      PARAMS,
      cell(12),
      cell(null)
    )) as number[][];
    expect(blank[0][0]).toBeCloseTo(at0, 2);
    // left out (Excel passes an omitted argument as null on both hosts): 10% a year, so less
    const omitted = (await both(
      clv,
      cell(2),
      cell(30.43),
      cell(38.86),
      cell(22.345),
      PARAMS,
      cell(12),
      null as never
    )) as number[][];
    expect(omitted[0][0]).toBeCloseTo(
      customerLifetimeValue(
        BG,
        GG,
        { frequency: 2, recency: 30.43, T: 38.86, meanValue: 22.345 },
        { horizonMonths: 12, discountRate: 0.1 }
      )!,
      9
    );
    expect(omitted[0][0]).toBeLessThan(at0);
  });

  test("a blank parameter cell says so in the same words on both hosts", async () => {
    await expect(
      both(clv, cell(2), cell(30), cell(38), cell(20), [
        [null, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44],
      ])
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /params: r must be a positive number \(got a blank cell or 0\)/
      ),
    });
  });

  test("a bad mean value, a bad horizon, too few parameters and a bad rate say so", async () => {
    const out = (await both(clv, cell(2), cell(30), cell(38), cell("much"), PARAMS)) as unknown[][];
    valueError(out[0][0], /meanValue: "much" is not the mean value of the 2 repeat orders/);
    await expect(
      both(clv, cell(2), cell(30), cell(38), cell(20), PARAMS, cell(-3))
    ).rejects.toMatchObject({
      message: expect.stringMatching(/The CLV horizon must be between 0 and 1,200 months/),
    });
    await expect(
      both(clv, cell(2), cell(30), cell(38), cell(20), [[0.2, 4, 0.8, 2.4]])
    ).rejects.toMatchObject({
      message: expect.stringMatching(/params must be the 7 fitted parameters/),
    });
    await expect(
      both(clv, cell(2), cell(30), cell(38), cell(20), PARAMS, cell(12), cell("lots"))
    ).rejects.toMatchObject({
      message: expect.stringMatching(/discountRate must be a number such as 10%/),
    });
  });
});

describe("text weeks and parameters are read as their column (or range) writes them", () => {
  // An en-GB workbook given a German export's columns: "30,43" proves a comma in recency, so its
  // "1.000" is 1,000 weeks; "38,86" likewise in T ("1.040" is 1,040).
  beforeEach(() => setWorkbookDecimalSeparator("."));
  afterEach(() => setWorkbookDecimalSeparator(undefined));

  test("KAP.PALIVE: 0.7266 and P(alive | 3, 1,000, 1,040) = 0.8310 (were #VALUE! and 1.0, 1.04 weeks)", async () => {
    // row 1 as above: 0.72657. Row 2: 0.793 / (2.426 + 2) = 0.179168;
    // (4.414 + 1,040) / (4.414 + 1,000) = 1.039824, ^3.243 = e^(3.243 × 0.039052) = 1.135016;
    // 1 / (1 + 0.179168 × 1.135016) = 1 / 1.203358 = 0.83101
    const out = (await both(
      pAlive,
      col(2, 3),
      col("30,43", "1.000"),
      col("38,86", "1.040"),
      PARAMS
    )) as number[][];
    expect(out[0][0]).toBeCloseTo(0.72657, 4);
    expect(out[1][0]).toBeCloseTo(0.83101, 4);
  });

  test("KAP.PALIVE: parameters written with a decimal comma ('0,243', '4,414', …) are the CDNOW ones: 0.7266", async () => {
    // "0,243" and "0,793" prove a comma for the range, so "4,414" is 4.414, not 4,414
    const out = (await both(pAlive, cell(2), cell(30.43), cell(38.86), [
      ["0,243", "4,414", "0,793", "2,426"],
    ])) as number[][];
    expect(out[0][0]).toBeCloseTo(0.72657, 4);
  });

  test("KAP.CLV: text recency and T as their columns write them give the figures of the numbers", async () => {
    const out = (await both(
      clv,
      col(2, 3),
      col("30,43", "1.000"),
      col("38,86", "1.040"),
      col(22.345, 22.345),
      [["0,243", "4,414", "0,793", "2,426", "6,25", "3,74", "15,44"]]
    )) as number[][];
    const v = (frequency: number, recency: number, T: number) =>
      customerLifetimeValue(BG, GG, { frequency, recency, T, meanValue: 22.345 })!;
    expect(out[0][0]).toBeCloseTo(v(2, 30.43, 38.86), 9);
    expect(out[1][0]).toBeCloseTo(v(3, 1000, 1040), 9);
  });
});
