/**
 * A row function given ranges that run to the foot of the sheet (B2:B1048576) answers the rows
 * down to the first blank one below the data and repeats that blank row's answer (cutBlankTail):
 * the spill must be exactly what answering every row gives, on Excel on the web (blank = null)
 * and desktop (blank = 0), whatever the filled rows hold — scores, words, headers, errors.
 */
import fc from "fast-check";
import {
  band,
  clv,
  discount,
  fiveP,
  health,
  healthFactors,
  pAlive,
  quadrant,
  winBack,
} from "../../src/functions/functions";
import { blankTail } from "../../src/functions/args";
import { asFunctionArg, type HostMode } from "../excel-double/excel";

type Row = (...args: never[]) => unknown;

/** Cells as users' sheets hold them: scores, days, % changes, words KAP takes, headers, errors. */
const CELL = fc.constantFrom<unknown>(
  null,
  "",
  0,
  1,
  2,
  3,
  5,
  45,
  120,
  0.2,
  -0.15,
  2.5,
  -3,
  1200,
  "20%",
  "never",
  "new",
  "n/a",
  "Account",
  "Health score",
  "Responds within 24 hours",
  "Lost",
  "abc",
  true,
  { type: "Error", basicValue: "#N/A" }
);

const BG = [0.243, 4.414, 0.793, 2.426];
const LIFETIME = [...BG, 6.25, 3.74, 15.44];
const WEIGHTS = [[25], [20], [20], [15], [10], [10]];

/** Each row function, how many of its arguments are columns, and its other arguments. */
const FUNCTIONS: [string, Row, number, unknown[]][] = [
  ["HEALTH", health, 6, [WEIGHTS]],
  ["HEALTHFACTORS", healthFactors, 6, []],
  ["BAND", band, 1, []],
  ["QUADRANT", quadrant, 2, [null, null]],
  ["FIVEP", fiveP, 6, []],
  ["WINBACK", winBack, 2, []],
  ["DISCOUNT", discount, 1, []],
  ["PALIVE", pAlive, 3, [[BG]]],
  ["CLV", clv, 4, [[LIFETIME], [[12]], [[0.1]]]],
];

const MIN_ROWS = 16;

/** The call's answer (or its error) with the tail cut from `minRows`, in one host's convention. */
async function answer(
  f: Row,
  columns: unknown[][][],
  rest: unknown[],
  mode: HostMode,
  minRows: number
): Promise<unknown> {
  const saved = blankTail.minRows;
  blankTail.minRows = minRows;
  try {
    const args = [...columns.map((c) => asFunctionArg(c, mode)), ...rest] as never[];
    return await f(...args);
  } catch (e) {
    return { threw: e };
  } finally {
    blankTail.minRows = saved;
  }
}

describe("a call over ranges to the foot of the sheet", () => {
  it.each(FUNCTIONS)(
    "KAP.%s spills what answering every row spills, web and desktop",
    async (_name, f, columnCount, rest) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(CELL, { minLength: columnCount, maxLength: columnCount }), {
            maxLength: 12,
          }),
          fc.integer({ min: MIN_ROWS, max: 60 }),
          fc.constantFrom<unknown>(null, 0, ""),
          async (filled, height, blank) => {
            const rows = [
              ...filled,
              ...Array.from({ length: Math.max(0, height - filled.length) }, () =>
                Array<unknown>(columnCount).fill(blank)
              ),
            ];
            const columns = Array.from({ length: columnCount }, (_, k) => rows.map((r) => [r[k]]));
            for (const mode of ["web", "desktop"] as HostMode[]) {
              const whole = await answer(f, columns, rest, mode, Infinity);
              const cut = await answer(f, columns, rest, mode, MIN_ROWS);
              expect(cut).toEqual(whole);
            }
          }
        ),
        { numRuns: 60 }
      );
    }
  );
});
