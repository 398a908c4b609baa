/**
 * Any mix of blank cells as the hosts pass them — null (Excel on the web), 0 (Excel desktop), ""
 * (a formula such as =IF(A1="","",A1), on both) — gives the same answers as the web's nulls, for
 * every KAP function over columns with spare rows. Left out, as README "Excel desktop, the web and
 * Mac" documents: a 0 where 0 is a real value (days, % changes, categories and payment days in
 * KAP.HEALTH; days late without amounts in KAP.PAYMENT) — desktop cannot tell it from a blank, so
 * those cells are generated filled or the whole row blank.
 */
import fc from "fast-check";
import {
  accountHealth,
  band,
  discount,
  engagement,
  fiveP,
  health,
  metrics,
  pAlive,
  payment,
  quadrant,
  reorderDays,
  seasonality,
  winBack,
} from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";

/** A generated cell that is blank: how it reaches the function is chosen per run. */
const BLANK = Symbol("blank");
type Gen = unknown;

/** Columns of the same height, each cell from its column's values or blank. */
function columns(maxRows: number, ...values: Gen[][]): fc.Arbitrary<Gen[][]> {
  return fc
    .integer({ min: 1, max: maxRows })
    .chain((n) =>
      fc.tuple(
        ...values.map((v) => fc.array(fc.constantFrom(BLANK, ...v), { minLength: n, maxLength: n }))
      )
    );
}

/** The columns as n×1 ranges, each blank cell passed as `blank(k)` (k counts the blanks). */
function ranges(cols: Gen[][], blank: (k: number) => unknown): unknown[][][] {
  let k = 0;
  return cols.map((c) => c.map((v) => [v === BLANK ? blank(k++) : v]));
}

/** The answer, or the error thrown, as a comparable value. */
function answer(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return { thrown: e };
  }
}

const mixes = fc.array(fc.constantFrom(null, 0, ""), { minLength: 64, maxLength: 64 });

function sameOnEveryHost(
  cols: fc.Arbitrary<Gen[][]>,
  call: (...ranges: unknown[][][]) => unknown
): void {
  fc.assert(
    fc.property(cols, mixes, (c, mix) => {
      const web = answer(() => call(...ranges(c, () => null)));
      expect(answer(() => call(...ranges(c, () => 0)))).toEqual(web);
      expect(answer(() => call(...ranges(c, (k) => mix[k % mix.length])))).toEqual(web);
    }),
    { numRuns: 150 }
  );
}

const JAN1 = d(2026, 1, 1);
const FEB1 = d(2026, 2, 1);
const MAR15 = d(2026, 3, 15);
const APR30 = d(2026, 4, 30);

describe('blank cells as null, 0 or "" in any mix: the same answers', () => {
  it("row functions: BAND, DISCOUNT, WINBACK, QUADRANT (money and 1–5), FIVEP, PALIVE", () => {
    sameOnEveryHost(columns(8, [4.2, 1.5, "Score"]), (s) => band(s));
    sameOnEveryHost(columns(8, [300, 1200, "x"]), (v) => discount(v));
    sameOnEveryHost(columns(8, [35, 61, 100, "never"], [true, "Lost", false]), (x, l) =>
      winBack(x, l)
    );
    sameOnEveryHost(columns(8, [4, 2, 3, "Rarely responds"], [1000, 5000, 200]), (e, p) =>
      quadrant(e, p)
    );
    sameOnEveryHost(columns(8, [4, 2, 3], [1, 2, 4, 5]), (e, p) => quadrant(e, p));
    sameOnEveryHost(columns(6, [4], [3], [5, 2], [2], [1, 5], [2, 5]), (...p) =>
      fiveP(p[0], p[1], p[2], p[3], p[4], p[5])
    );
    sameOnEveryHost(columns(6, [0, 2], [0, 30], [40, 50]), (x, t, age) =>
      pAlive(x, t, age, [[0.243], [4.414], [0.793], [2.426]])
    );
  });

  it("KAP.HEALTH: a row blank in all six cells, or with engagement blank", () => {
    const full = fc.tuple(
      fc.constantFrom(10, "n/a", "never"),
      fc.constantFrom(0.1, "new", -0.2),
      fc.constantFrom(-0.2, "n/a"),
      fc.constantFrom(3, "n/a"),
      fc.constantFrom<Gen>(BLANK, 4, "Rarely responds"),
      fc.constantFrom(5, "n/a", 0)
    );
    const row = fc.oneof(full, fc.constant(Array<Gen>(6).fill(BLANK)));
    const cols = fc
      .array(row, { minLength: 1, maxLength: 6 })
      .map((rows) => rows[0].map((_, k) => rows.map((r) => r[k])));
    sameOnEveryHost(cols, (...f) => health(f[0], f[1], f[2], f[3], f[4], f[5]));
  });

  it("column statistics: SEASONALITY, REORDERDAYS, ENGAGEMENT, PAYMENT", () => {
    sameOnEveryHost(columns(8, [JAN1, FEB1, MAR15, APR30], [100, 250, -40]), (dt, r) =>
      seasonality(dt, r)
    );
    sameOnEveryHost(columns(8, [JAN1, FEB1, MAR15], ["A", "B"]), (dt, p) => reorderDays(dt, p));
    sameOnEveryHost(columns(8, [JAN1, FEB1, MAR15]), (dt) => reorderDays(dt));
    sameOnEveryHost(
      columns(8, [JAN1, JAN1 + 1.5, FEB1], ["Inbound", "Outbound"], [JAN1 + 0.2, FEB1 + 3]),
      (c, dir, r) => engagement(c, dir, r)
    );
    sameOnEveryHost(columns(8, [JAN1, FEB1], [JAN1 + 10, FEB1 + 5], [100, 50]), (due, paid, a) =>
      payment(due, paid, a, [[APR30]])
    );
    sameOnEveryHost(columns(8, [5, -2, 10], [100, 50]), (days, a) =>
      payment(days, null as never, a)
    );
  });

  it("order columns: METRICS and ACCOUNTHEALTH, with and without asOf", () => {
    const orders = columns(
      7,
      ["A", "B"],
      [JAN1, FEB1, MAR15],
      ["I1", "C-1", "I2"],
      [100, 20, -30],
      ["Tools", "Tape", "Postage"],
      [2, -1],
      ["SKU1", "POST", "SKU2"]
    );
    const ids = [["A"], ["B"], [null]];
    sameOnEveryHost(orders, (acc, dt, oid, rev, cat, qty, prod) =>
      metrics(ids, acc, dt, oid, rev, cat, [[APR30]], qty, null as never, prod)
    );
    sameOnEveryHost(orders, (acc, dt, oid, rev, cat, qty, prod) =>
      metrics(ids, acc, dt, oid, rev, cat, null as never, qty, null as never, prod)
    );
    sameOnEveryHost(orders, (acc, dt, oid, rev, cat, qty, prod) =>
      accountHealth(
        ids,
        acc,
        dt,
        oid,
        rev,
        cat,
        [[4], [null], [2]],
        [["n/a"], [5], [null]],
        [[APR30]],
        null as never,
        qty,
        prod
      )
    );
  });
});
