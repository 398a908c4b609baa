import fc from "fast-check";
import { OrderRuns } from "../../../src/domain/analysis/orderRuns";

/** Ids meant to collide and to exercise the text store: 255 (ÿ) and wider characters, the empty id, one over 127 bytes. */
const idArb = fc.oneof(
  fc.constantFrom("", "A", "A€", "ÿ", "\u00ff\u0000", "😀", "INV1", "INV10", "x".repeat(130)),
  fc.string({ maxLength: 3 })
);

/** One run of an order: unit, sale (0) or return (1), id, date, money. */
const runArb = fc.record({
  unit: fc.nat(3),
  ret: fc.nat(1),
  id: idArb,
  date: fc.integer({ min: 40000, max: 40030 }),
  val: fc.integer({ min: -500, max: 500 }),
});
type Run = { unit: number; ret: number; id: string; date: number; val: number };

/**
 * The orders worked out apart: per (unit, kind) the sorted list of "date:money", runs of one id
 * merged; a sale whose runs net below zero is a credit, filed with the returns (PRODUCT.md §1).
 */
function expected(runs: Run[], units: number): string[][] {
  const orders = new Map<string, { unit: number; ret: number; date: number; val: number }>();
  for (const r of runs) {
    const k = `${r.unit}|${r.ret}|${r.id}`;
    const o = orders.get(k);
    if (o) {
      o.date = Math.min(o.date, r.date);
      o.val += r.val;
    } else orders.set(k, { unit: r.unit, ret: r.ret, date: r.date, val: r.val });
  }
  const out: string[][] = Array.from({ length: 2 * units }, () => []);
  for (const o of orders.values())
    out[(o.ret || o.val < 0 ? 1 : 0) * units + o.unit].push(`${o.date}:${o.val}`);
  return out.map((b) => b.sort());
}

/** The frozen orders as the same lists, checking each bucket is date-sorted. */
function actual(runs: OrderRuns, units: number, own: boolean): string[][] {
  const f = runs.freeze(units, own);
  const out: string[][] = [];
  for (const [count, date, val] of [
    [f.ordCount, f.ordDate, f.ordVal],
    [f.retCount, f.retDate, f.retVal],
  ] as const)
    for (let u = 0; u < units; u++) {
      const b: string[] = [];
      for (let i = count[u]; i < count[u + 1]; i++) {
        if (i > count[u]) expect(date[i]).toBeGreaterThanOrEqual(date[i - 1]);
        b.push(`${date[i]}:${val[i]}`);
      }
      out.push(b.sort());
    }
  return out;
}

function fill(runs: OrderRuns, input: Run[]): void {
  for (const r of input) {
    if (runs.due) runs.compact();
    const i = runs.add(r.unit * 2 + r.ret, r.date, r.id);
    runs.val.a[i] += r.val;
  }
}

describe("OrderRuns: order records without an order-id index", () => {
  it("merges the runs of one order however far apart they came, and only those (sale and return kept apart, by unit, by exact id)", () => {
    fc.assert(
      fc.property(
        fc.array(runArb, { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (input, first) => {
          const units = 4;
          const runs = new OrderRuns(first); // compacted every time the records double past `first`
          fill(runs, input);
          expect(actual(runs, units, false)).toEqual(expected(input, units));
          // an open book's freeze leaves the records usable: more runs, then freeze again
          fill(runs, input.slice(0, 10));
          // sealed (a closed book's: the ids let go), then frozen in place: the same orders
          runs.seal();
          expect(() => runs.add(0, 40000, "late")).toThrow(/after seal/);
          expect(actual(runs, units, true)).toEqual(
            expected(input.concat(input.slice(0, 10)), units)
          );
        }
      ),
      { numRuns: 200 }
    );
  });

  it("keeps list-price columns in step with the records through compaction", () => {
    const runs = new OrderRuns(2);
    const add = (unit: number, id: string, date: number, val: number, list: number) => {
      if (runs.due) runs.compact();
      const i = runs.add(unit * 2, date, id);
      if (runs.list === null) runs.startListPrices();
      runs.val.a[i] += val;
      runs.list!.a[i] += list;
      runs.cov!.a[i] += val;
    };
    add(0, "SO-1", 40010, 100, 120);
    add(1, "SO-1", 40011, 7, 0); // another account's SO-1
    add(0, "SO-2", 40003, 50, 60);
    add(0, "SO-1", 40002, 30, 40); // SO-1 again, earlier date, after a compaction
    add(1, "SO-3", 40012, 9, 10);
    const f = runs.freeze(2, true);
    // unit 0: SO-2 (3rd day, 50) and SO-1 (2nd day, 100 + 30, list 120 + 40): sorted by date
    expect(Array.from(f.ordDate.subarray(0, 2))).toEqual([40002, 40003]);
    expect(Array.from(f.ordVal.subarray(0, 2))).toEqual([130, 50]);
    expect(Array.from(f.ordList.subarray(0, 2))).toEqual([160, 60]);
    expect(Array.from(f.ordListCovered.subarray(0, 2))).toEqual([130, 50]);
    expect(Array.from(f.ordCount)).toEqual([0, 2, 4]);
    expect(Array.from(f.ordVal.subarray(2, 4))).toEqual([7, 9]);
    expect(f.retDate.length).toBe(0);
  });
  it("keeps list prices with their orders through compaction, seal and freeze, in spare space or not, and again once cleared for reuse (property)", () => {
    const listRun = fc.record({
      unit: fc.nat(2),
      id: fc.constantFrom(
        "",
        "A",
        "a",
        "A ",
        "ÿ",
        "ÿÿ",
        "\u00ff\u0100",
        "€",
        "😀",
        "x".repeat(200)
      ),
      date: fc.integer({ min: 40000, max: 40030 }),
      val: fc.integer({ min: 0, max: 500 }),
      // a list-price value for the run, or none (lines without one add nothing to either column)
      list: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    });
    type ListRun = { unit: number; id: string; date: number; val: number; list?: number };
    const units = 3;
    const put = (runs: OrderRuns, input: ListRun[], scratch?: Int32Array) => {
      for (const r of input) {
        if (runs.due) runs.compact(scratch);
        const i = runs.add(r.unit * 2, r.date, r.id);
        runs.val.a[i] += r.val;
        if (r.list === undefined) continue;
        if (runs.list === null) runs.startListPrices();
        runs.list!.a[i] += r.list;
        runs.cov!.a[i] += r.val;
      }
    };
    /** per unit, sorted "date:money:list:covered" of each order, worked out with a Map */
    const want = (input: ListRun[]) => {
      const orders = new Map<string, number[]>();
      for (const r of input) {
        const k = `${r.unit}|${r.id}`;
        const o = orders.get(k) ?? [r.unit, r.date, 0, 0, 0];
        o[1] = Math.min(o[1], r.date);
        o[2] += r.val;
        if (r.list !== undefined) {
          o[3] += r.list;
          o[4] += r.val;
        }
        orders.set(k, o);
      }
      const anyList = input.some((r) => r.list !== undefined);
      const out: string[][] = Array.from({ length: units }, () => []);
      for (const [u, d, v, l, c] of orders.values())
        out[u].push(anyList ? `${d}:${v}:${l}:${c}` : `${d}:${v}`);
      return out.map((b) => b.sort());
    };
    const got = (runs: OrderRuns, own: boolean, scratch?: Int32Array) => {
      const f = runs.freeze(units, own, scratch);
      expect(f.retDate.length).toBe(0);
      const out: string[][] = [];
      for (let u = 0; u < units; u++) {
        const b: string[] = [];
        for (let i = f.ordCount[u]; i < f.ordCount[u + 1]; i++)
          b.push(
            f.ordList.length
              ? `${f.ordDate[i]}:${f.ordVal[i]}:${f.ordList[i]}:${f.ordListCovered[i]}`
              : `${f.ordDate[i]}:${f.ordVal[i]}`
          );
        out.push(b.sort());
      }
      return out;
    };
    fc.assert(
      fc.property(
        fc.array(listRun, { maxLength: 200 }),
        fc.array(listRun, { maxLength: 40 }),
        fc.array(listRun, { maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(600),
        (first, more, next, compactAt, spare) => {
          // spare Int32 space of any size, full of stale values (a closed book's pair index)
          const scratch = spare ? new Int32Array(spare).fill(7) : undefined;
          const runs = new OrderRuns(compactAt);
          put(runs, first, scratch);
          expect(got(runs, false)).toEqual(want(first));
          put(runs, more, scratch);
          runs.seal(scratch);
          expect(got(runs, true, scratch)).toEqual(want(first.concat(more)));
          // emptied for the next book: nothing of the earlier orders or their list prices stays
          runs.clear();
          put(runs, next);
          expect(got(runs, false)).toEqual(want(next));
        }
      ),
      { numRuns: 300 }
    );
  });

  it("leaves runs whose ids rise within each kind (an export sorted by order number) as they are, and still merges once one id comes back (property)", () => {
    // sales INV9, INV10, INV11 … (rising by length, then characters) and returns CN1, CN2 …
    // interleaved, for any of 4 units; optionally one earlier sale's id again at the end
    const plan = fc.record({
      runs: fc.array(
        fc.record({
          unit: fc.nat(3),
          ret: fc.nat(1),
          date: fc.integer({ min: 40000, max: 40030 }),
          val: fc.integer({ min: -500, max: 500 }),
        }),
        { minLength: 2, maxLength: 200 }
      ),
      again: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(plan, fc.boolean(), ({ runs, again }, sealed) => {
        const numbered = [9, 1];
        const input: Run[] = runs.map((r) => ({
          ...r,
          id: `${r.ret ? "CN" : "INV"}${numbered[r.ret]++}`,
        }));
        const sales = input.filter((r) => r.ret === 0);
        if (again !== undefined && sales.length > 0)
          input.push({ ...sales[again % sales.length], date: 40031, val: 1 });
        const orders = new OrderRuns();
        fill(orders, input);
        if (sealed) orders.seal();
        // every run its own order, but for the one id that came back (merged into its first run)
        expect(actual(orders, 4, sealed)).toEqual(expected(input, 4));
      }),
      { numRuns: 200 }
    );
  });

  it("merges the runs of one id once the ids stop rising (a shorter id after a longer one), keeping sale and return apart", () => {
    const orders = new OrderRuns();
    const input: Run[] = [
      { unit: 0, ret: 0, id: "A1", date: 40001, val: 10 },
      { unit: 1, ret: 0, id: "A10", date: 40002, val: 20 },
      { unit: 0, ret: 1, id: "A1", date: 40003, val: -5 }, // a return of A1: another order
      { unit: 0, ret: 0, id: "A2", date: 40004, val: 30 }, // shorter than A10: the sales' ids stop rising
      { unit: 0, ret: 0, id: "A1", date: 40000, val: 1 }, // A1 again: merged into the first, earlier date
    ];
    fill(orders, input);
    // unit 0 sales: A1 (40000, 11) and A2 (40004, 30); unit 1: A10; unit 0 returns: A1 (−5)
    expect(actual(orders, 2, false)).toEqual([
      ["40000:11", "40004:30"],
      ["40002:20"],
      ["40003:-5"],
      [],
    ]);
  });

  it("files a sale whose runs net below zero (a discount posted as an invoice of its own) with the returns", () => {
    const orders = new OrderRuns();
    fill(orders, [
      { unit: 0, ret: 0, id: "INV-1", date: 40001, val: 100 },
      { unit: 0, ret: 0, id: "INV-2", date: 40002, val: -15 }, // a discount alone on its invoice
      { unit: 0, ret: 0, id: "INV-3", date: 40003, val: -2 }, // a discount before its goods…
      { unit: 0, ret: 0, id: "INV-1", date: 40004, val: -10 }, // a discount after them, apart
      { unit: 0, ret: 0, id: "INV-3", date: 40003, val: 20 }, // …and the goods: 18
    ]);
    // sales INV-1 90 and INV-3 18; INV-2 (−15) a credit
    expect(actual(orders, 1, false)).toEqual([["40001:90", "40003:18"], ["40002:-15"]]);
  });
});
