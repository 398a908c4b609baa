import fc from "fast-check";
import { analyzePortfolio, OrderBook } from "../../../src/domain/analysis";
import { permute } from "../../../src/domain/analysis/collections";
import type { OrderLine } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);
const start = d(2023, 1, 1);

/** Random small order books: 1–6 accounts, 1–5 SKUs in 1–3 categories, dates over 2.5 years, some returns. */
const lineArb = fc
  .record({
    acc: fc.integer({ min: 0, max: 5 }),
    day: fc.integer({ min: 0, max: asOf - start + 20 }),
    sku: fc.integer({ min: 0, max: 4 }),
    rev: fc.integer({ min: 1, max: 1000 }),
    ret: fc.boolean(),
    retChance: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ acc, day, sku, rev, ret, retChance }): OrderLine => {
    const isReturn = ret && retChance === 0;
    return line(`A${acc}`, start + day, `S${sku}`, isReturn ? -rev : rev, {
      category: `C${sku % 3}`,
      isReturn,
      orderId: isReturn ? `C${day}` : `A${acc}|${start + day}`,
    });
  });

/** A seeded Fisher–Yates shuffle of a copy. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let s = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    const j = Math.abs(s) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("engine properties", () => {
  it("scores stay within 1–5 with a 13-point history, and ABC tiers never improve as revenue falls", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 60 }), (lines) => {
        const p = analyzePortfolio(bookOf(lines), { asOf });
        const rank = { A: 0, B: 1, C: 2 };
        for (const a of p.accounts) {
          expect(a.history).toHaveLength(13);
          for (const h of a.history)
            if (h.score !== null) expect(h.score >= 1 && h.score <= 5).toBe(true);
          expect(a.health.used.length).toBeGreaterThan(0);
        }
        const sorted = p.accounts.slice().sort((x, y) => y.revenueLast12 - x.revenueLast12);
        for (let i = 1; i < sorted.length; i++) {
          if (sorted[i].revenueLast12 < sorted[i - 1].revenueLast12)
            expect(rank[sorted[i].abcTier!]).toBeGreaterThanOrEqual(rank[sorted[i - 1].abcTier!]);
        }
      }),
      { numRuns: 60 }
    );
  });

  it("gives the same analysis whatever order the lines arrive in", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (lines, seed) => {
          const shuffled = shuffle(lines, seed);
          const a = analyzePortfolio(bookOf(lines), { asOf });
          const b = analyzePortfolio(bookOf(shuffled), { asOf });
          const view = (p: typeof a) =>
            p.accounts.map((x) => [
              x.key,
              x.health.score,
              x.revenueLast12,
              x.history.map((h) => h.score),
              x.abcTier,
              x.alerts.length,
            ]);
          expect(view(b)).toEqual(view(a));
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("the order book keeps aggregates, not lines", () => {
  it("folds lines of the same account, SKU and day into one entry and lines of one order into one order", () => {
    const book = new OrderBook();
    // ("SK", not "S": a lone S is the samples code, a service line and no product)
    for (let i = 0; i < 1000; i++)
      book.add(line("A", d(2025, 6, 1), "SK", 1, { orderId: `O${i % 2}` }));
    const f = book.freeze();
    expect(book.linesAdded).toBe(1000);
    expect(f.entDate.length).toBe(1); // one (account, SKU, date) entry holding £1,000
    expect(f.entRev[0]).toBe(1000);
    expect(f.ordDate.length).toBe(2); // two orders
  });
});

/** The frozen book as plain data, independent of the order units and pairs were first seen in. */
function frozenView(book: OrderBook) {
  const f = book.freeze();
  const units = [];
  for (let u = 0; u < f.unitCount; u++) {
    const orders = [];
    for (let i = f.ordStart[u]; i < f.ordStart[u + 1]; i++)
      orders.push([f.ordDate[i], f.ordVal[i]]);
    const returns = [];
    for (let i = f.retStart[u]; i < f.retStart[u + 1]; i++)
      returns.push([f.retDate[i], f.retVal[i]]);
    const pairs = [];
    for (let p = f.pairStart[u]; p < f.pairStart[u + 1]; p++) {
      const entries = [];
      for (let e = f.entStart[p]; e < f.entStart[p + 1]; e++)
        entries.push([f.entDate[e], f.entRev[e], f.entQty[e]]);
      pairs.push({ sku: book.skus[f.pairSku[p]], ret: f.pairRet[p], entries });
    }
    pairs.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.ret - b.ret));
    // orders of one date may come in either order
    orders.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    returns.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    units.push({ account: book.accountIds[book.unitAccount[u]], orders, returns, pairs });
  }
  return units.sort((a, b) => (a.account < b.account ? -1 : 1));
}

describe("the order book is the same however the lines arrive", () => {
  it("builds the same orders and dated product entries from date-sorted lines (its fast path) and shuffled ones", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 80 }),
        fc.integer(),
        (lines, seed) => {
          const sorted = lines.slice().sort((a, b) => a.date - b.date);
          const shuffled = shuffle(lines, seed);
          expect(frozenView(bookOf(shuffled))).toEqual(frozenView(bookOf(sorted)));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("gives the same frozen book once closed (its lists released while copied), sorted or shuffled", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 80 }),
        fc.integer(),
        (lines, seed) => {
          const sorted = lines.slice().sort((a, b) => a.date - b.date);
          for (const input of [sorted, shuffle(lines, seed)]) {
            const closed = bookOf(input);
            closed.close();
            expect(frozenView(closed)).toEqual(frozenView(bookOf(input)));
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("gives the same list-price values per order once closed (its lists moved into place)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lineArb, fc.option(fc.integer({ min: 1, max: 50 }))), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer(),
        (rows, seed) => {
          const lines = rows.map(([l, list]) => (list === null ? l : { ...l, listPrice: list }));
          const listView = (book: OrderBook) => {
            const f = book.freeze();
            const out: string[] = [];
            for (let u = 0; u < f.unitCount; u++)
              for (let i = f.ordStart[u]; i < f.ordStart[u + 1]; i++)
                out.push(
                  `${book.accountIds[book.unitAccount[u]]} ${f.ordDate[i]} ${f.ordVal[i]} ${f.ordList[i] ?? "-"} ${f.ordListCovered[i] ?? "-"}`
                );
            return out.sort();
          };
          const input = shuffle(lines, seed);
          const closed = bookOf(input);
          closed.close();
          expect(listView(closed)).toEqual(listView(bookOf(input)));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("moves values to their places (permute) as a copy to dest[i] would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 200 }),
        fc.integer(),
        (values, seed) => {
          const n = values.length;
          const dest = Int32Array.from(
            shuffle(
              Array.from({ length: n }, (_, i) => i),
              seed
            )
          );
          const a = Int32Array.from(values);
          const b = Float64Array.from(values, (v) => v / 4);
          const c = Float64Array.from(values, (v) => v * 3);
          const want = [new Int32Array(n), new Float64Array(n), new Float64Array(n)];
          for (let i = 0; i < n; i++) {
            want[0][dest[i]] = a[i];
            want[1][dest[i]] = b[i];
            want[2][dest[i]] = c[i];
          }
          permute(dest, [a], [b, c]);
          expect([a, b, c]).toEqual(want);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("refuses a line after close, and keeps its frozen figures when a currency is named", () => {
    const book = bookOf([line("A", d(2025, 3, 3), "S1", 100)]);
    book.close();
    const before = frozenView(book);
    book.nameCurrency("", "GBP");
    expect(frozenView(book)).toEqual(before);
    expect(book.currencies).toEqual(["GBP"]);
    expect(() => book.add(line("A", d(2025, 3, 4), "S1", 5))).toThrow(/after close/);
  });

  it("keeps one order id used by two accounts, or by a sale and a credit note, as separate orders", () => {
    const day = d(2025, 3, 3);
    const book = bookOf([
      line("A", day, "S1", 100, { orderId: "1001" }),
      line("B", day, "S1", 40, { orderId: "1001" }),
      line("A", day + 1, "S2", -30, { orderId: "1001", isReturn: true }),
      line("A", day + 2, "S2", 25, { orderId: "1001" }),
    ]);
    const v = frozenView(book);
    // A: one order of £125 dated at its first line, one credit note of −£30; B: one order of £40
    expect(v.map((u) => [u.account, u.orders, u.returns])).toEqual([
      ["A", [[day, 125]], [[day + 1, -30]]],
      ["B", [[day, 40]], []],
    ]);
  });

  it("builds the same book on a released book's arrays as on fresh ones, and the released book's frozen arrays stay as they were", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 120 }),
        fc.array(lineArb, { minLength: 0, maxLength: 40 }),
        (first, second) => {
          const old = bookOf(first);
          const before = frozenView(old);
          const reused = new OrderBook({ reuse: old.release() });
          for (const l of second) reused.add(l);
          expect(frozenView(reused)).toEqual(frozenView(bookOf(second)));
          expect(frozenView(old)).toEqual(before);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("a released book takes no more lines", () => {
    const old = bookOf([line("A", d(2025, 3, 3), "S1", 100)]);
    old.release();
    expect(() => old.add(line("A", d(2025, 3, 4), "S1", 100))).toThrow(/after release/);
    expect(() => old.freeze()).toThrow("the book was released");
  });

  it("a closed and frozen book, released, gives the next book lists of its own (no two lists share one array)", () => {
    // closed, frozen (its lists become the frozen arrays), a currency named, then released
    const old = bookOf([
      line("A", d(2025, 1, 1), "S1", 10, { orderId: "X", quantity: 2 }),
      line("B", d(2025, 1, 3), "S1", 30, { orderId: "X", quantity: 4 }),
    ]);
    old.freeze();
    old.close();
    old.nameCurrency("", "GBP");
    const before = frozenView(old);
    const reused = new OrderBook({ reuse: old.release() });
    for (const l of [
      line("C", d(2025, 2, 1), "S3", 5, { orderId: "Z", quantity: 1 }),
      line("C", d(2025, 2, 2), "S4", 7, { orderId: "W", quantity: 6 }),
      line("D", d(2025, 2, 3), "S3", 9, { orderId: "Z", quantity: 8 }),
    ])
      reused.add(l);
    // C: orders Z (1 Feb, £5) and W (2 Feb, £7), one entry each for S3 and S4; D: its own Z
    const entry = (sku: string, day: number, rev: number, qty: number) => ({
      sku,
      ret: 0,
      entries: [[day, rev, qty]],
    });
    expect(frozenView(reused)).toEqual([
      {
        account: "C",
        orders: [
          [d(2025, 2, 1), 5],
          [d(2025, 2, 2), 7],
        ],
        returns: [],
        pairs: [entry("S3", d(2025, 2, 1), 5, 1), entry("S4", d(2025, 2, 2), 7, 6)],
      },
      {
        account: "D",
        orders: [[d(2025, 2, 3), 9]],
        returns: [],
        pairs: [entry("S3", d(2025, 2, 3), 9, 8)],
      },
    ]);
    expect(frozenView(old)).toEqual(before);
  });

  it("finds every order again after its hash table has grown many times", () => {
    const book = new OrderBook();
    const n = 100_000;
    for (let i = 0; i < n; i++)
      book.add(line(`A${i % 97}`, d(2025, 1, 1) + (i % 300), "SK", 1, { orderId: `INV${i}` }));
    // every id once more, in reverse: no new orders, each order now worth £2
    for (let i = n - 1; i >= 0; i--)
      book.add(line(`A${i % 97}`, d(2025, 1, 1) + (i % 300), "SK", 1, { orderId: `INV${i}` }));
    const f = book.freeze();
    expect(f.ordDate.length).toBe(n);
    expect(f.ordVal.every((v) => v === 2)).toBe(true);
  });
});
