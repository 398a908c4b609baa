/**
 * KAP.METRICS and KAP.ACCOUNTHEALTH's code comes in a chunk of its own, fetched as the functions
 * start (src/functions/functions.ts, withAccountColumns). A workbook recalculating in that moment
 * calls them before it has arrived: they answer with a promise, which Excel awaits as it does an
 * async function's, and the answer is the one they give once loaded.
 */
import { ymdToSerial } from "../../src/domain/dates";

type Functions = typeof import("../../src/functions/functions");

const d = ymdToSerial;
const col = (xs: unknown[]) => xs.map((x) => [x]);
// A: £100 on 1 Oct and £50 on 31 Oct 2026; as of 31 Oct: 0 days since its last order,
// £150 in the last 12 months. Worked by hand from RULES.md §2.
const ACCOUNTS = col(["A"]);
// order accounts, dates, ids, revenue, categories
const ORDER_ARGS: [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]] = [
  col(["A", "A"]),
  col([d(2026, 10, 1), d(2026, 10, 31)]),
  col(["I1", "I2"]),
  col([100, 50]),
  col(["Tools", "Tools"]),
];
const AS_OF = [[d(2026, 10, 31)]];

/** functions.ts loaded anew, synchronously: its chunk's import() has only just begun. */
function freshFunctions(): Functions {
  let fns: Functions | undefined;
  jest.isolateModules(() => {
    fns = jest.requireActual<Functions>("../../src/functions/functions");
  });
  return fns!;
}

const metricsOf = (f: Functions) => f.metrics(ACCOUNTS, ...ORDER_ARGS, AS_OF);

test("KAP.METRICS called before its code has loaded answers with a promise of the same figures", async () => {
  const f = freshFunctions();
  const first = metricsOf(f) as unknown;
  expect(first).toBeInstanceOf(Promise);
  const answer = await (first as Promise<unknown[][]>);
  // days since the last order, then (after the quarter counts) revenue in the last 12 months
  expect(answer[0][0]).toBe(0);
  expect(answer[0][4]).toBe(150);
  // loaded now: the next call answers at once, the same
  const next = metricsOf(f);
  expect(Array.isArray(next)).toBe(true);
  expect(next).toEqual(answer);
});

test("KAP.ACCOUNTHEALTH called before its code has loaded answers with a promise of the loaded score", async () => {
  const f = freshFunctions();
  const health = () =>
    f.accountHealth(ACCOUNTS, ...ORDER_ARGS, null as never, null as never, AS_OF);
  const first = health() as unknown;
  expect(first).toBeInstanceOf(Promise);
  const answer = await (first as Promise<unknown[][]>);
  expect(typeof answer[0][0]).toBe("number");
  expect(health()).toEqual(answer);
});
