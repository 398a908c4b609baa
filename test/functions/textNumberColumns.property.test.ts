/**
 * A column of numbers written as text with one decimal mark, consistently (a decimal comma's
 * "1.234,56" and "12,50", or a point's "1,234.56" and "12.50"), and proving it (one cell at least
 * with two decimals: "12,50" can be nothing but 12.5), is read as those numbers in any workbook
 * (PRODUCT.md §1, §3: decided per column, as the pane reads a column). So every function scores
 * it as it scores the same column of numbers, on both hosts: the same scores, stages, bands and
 * rates, and an error where the numbers give one (its code; its message quotes the text).
 */
import fc from "fast-check";
import {
  band,
  discount,
  fiveP,
  health,
  healthFactors,
  pAlive,
  payment,
  quadrant,
  seasonality,
  winBack,
} from "../../src/functions/functions";
import { setWorkbookDecimalSeparator } from "../../src/functions/culture";
import { isKapError } from "../../src/functions/errors";
import type { DecimalMark } from "../../src/ingest/numbers";
import { both } from "./bothHosts";

afterAll(() => setWorkbookDecimalSeparator(undefined));

/** A number in hundredths, and whether its text shows the decimals (a whole one may leave them out). */
interface Entry {
  cents: number;
  decimals: boolean;
  grouped: boolean;
}

/** `cents` / 100 as text under `mark`: "-1.234,56", "1234,5" never (always 0 or 2 decimals). */
function written(e: Entry, mark: DecimalMark): string {
  const a = Math.abs(e.cents);
  const int = String(Math.floor(a / 100));
  const group = mark === "." ? "," : ".";
  const intText = e.grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  const frac = e.decimals ? mark + String(a % 100).padStart(2, "0") : "";
  return (e.cents < 0 ? "-" : "") + intText + frac;
}

/**
 * A column of `n` numbers from `min` to `max` hundredths (`whole`: whole numbers only), one with
 * two decimals. `noZero`: where a number 0 is desktop's blank cell and answers blank (KAP.DISCOUNT,
 * KAP.WINBACK), while the text "0,00" is a value; 0 is left out there.
 */
function column(n: number, min: number, max: number, whole = false, noZero = false) {
  const entry = fc
    .record({
      cents: fc
        .integer({ min, max })
        .map((c) => (whole ? c - (c % 100) : c))
        .filter((c) => !noZero || c !== 0),
      decimals: fc.boolean(),
      grouped: fc.boolean(),
    })
    .map((e) => ({ ...e, decimals: e.decimals || e.cents % 100 !== 0 }));
  return fc
    .tuple(fc.array(entry, { minLength: n, maxLength: n }), fc.nat({ max: n - 1 }))
    .map(([es, k]) => es.map((e, i) => (i === k ? { ...e, decimals: true } : e)));
}

const marks = fc.constantFrom<DecimalMark>(".", ",");
const workbooks = fc.constantFrom<DecimalMark | undefined>(".", ",", undefined);

/** The answers as compared: a number or text as it is, an error by its code; the call's own error too. */
function answers(call: () => unknown[][]): unknown {
  try {
    return call().map((r) => r.map((v) => (isKapError(v) ? { error: v.code } : v)));
  } catch (e) {
    if (!isKapError(e)) throw e;
    return { callError: e.code };
  }
}

const asText = (es: Entry[], mark: DecimalMark) => es.map((e) => [written(e, mark)]);
const asNumbers = (es: Entry[]) => es.map((e) => [e.cents / 100]);

/** Checks that `f` answers the text columns as it answers the numbers, for each mark and workbook. */
function sameAsNumbers(
  columns: fc.Arbitrary<Entry[][]>,
  f: (cols: unknown[][][]) => unknown[][],
  runs = 150
): void {
  fc.assert(
    fc.property(columns, marks, workbooks, (cols, mark, workbook) => {
      setWorkbookDecimalSeparator(workbook);
      const text = answers(() => f(cols.map((c) => asText(c, mark))));
      const numbers = answers(() => f(cols.map(asNumbers)));
      expect(text).toEqual(numbers);
    }),
    { numRuns: runs }
  );
}

const n = 4;

test("KAP.DISCOUNT: order values £−50 to £5,000", () => {
  sameAsNumbers(
    column(n, -5_000, 500_000, false, true).map((c) => [c]),
    ([v]) => both(discount, v)
  );
});

test("KAP.BAND: scores 0.5 to 5.5 (off the scale is an error either way)", () => {
  sameAsNumbers(
    column(n, 50, 550).map((c) => [c]),
    ([v]) => both(band, v)
  );
});

test("KAP.WINBACK: 0.01 to 5,000 days", () => {
  sameAsNumbers(
    column(n, 1, 500_000, false, true).map((c) => [c]),
    ([v]) => both(winBack, v)
  );
});

test("KAP.QUADRANT: engagement 1–5 and money potentials £0 to £50,000", () => {
  sameAsNumbers(fc.tuple(column(n, 100, 500, true), column(n, 0, 5_000_000)), ([e, p]) =>
    both(quadrant, e, p)
  );
});

test("KAP.FIVEP: whole scores 1–5 and weights", () => {
  const p = column(n, 100, 500, true);
  sameAsNumbers(fc.tuple(p, p, p, p, p, p), (cols) =>
    both(fiveP, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5])
  );
});

test("KAP.PALIVE: recency and T of 0 to 2,000 weeks", () => {
  const params = [[0.243, 4.414, 0.793, 2.426]];
  sameAsNumbers(fc.tuple(column(n, 0, 200_000), column(n, 0, 200_000)), ([r, t]) =>
    both(pAlive, [[2], [3], [1], [5]], r, t, params)
  );
});

/** The factor columns: days, two changes (fractions −1.00 to 3.00), categories, engagement 1–5, payment days. */
const factors = fc.tuple(
  column(n, 0, 300_000),
  column(n, -100, 300),
  column(n, -100, 300),
  column(n, 0, 1_000, true),
  column(n, 100, 500, true),
  column(n, -3_000, 300_000)
);
const factorArgs = (cols: unknown[][][]) =>
  [cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]] as const;

test("KAP.HEALTHFACTORS: days, % changes, categories, engagement and payment days", () => {
  sameAsNumbers(factors, (cols) => both(healthFactors, ...factorArgs(cols)));
});

test("KAP.HEALTH: the same columns scored", () => {
  sameAsNumbers(factors, (cols) => both(health, ...factorArgs(cols)));
});

test("KAP.PAYMENT: days late −30 to 2,000 weighted by amounts £−100 to £50,000", () => {
  sameAsNumbers(fc.tuple(column(n, -3_000, 200_000), column(n, -10_000, 5_000_000)), ([d, a]) =>
    both(payment, d, null as never, a)
  );
});

test("KAP.SEASONALITY: revenue £−100 to £50,000 in January to April", () => {
  const dates = [["2026-01-10"], ["2026-02-10"], ["2026-03-10"], ["2026-04-10"]];
  sameAsNumbers(
    column(n, -10_000, 5_000_000).map((c) => [c]),
    ([r]) => both(seasonality, dates, r, [["2026-04-30"]])
  );
});
