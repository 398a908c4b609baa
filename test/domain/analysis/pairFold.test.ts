/**
 * The book's purchases folded elsewhere (OrderBookOptions.folding: the CLI's fold thread) give
 * the book it would have folded itself: the same pairs and entries, frozen the same, whatever
 * the lines' order (entries out of date order take freeze's sort), however many fold batches
 * (4,096 purchases each) they fill, closed or frozen while still open.
 */
import fc from "fast-check";
import { OrderBook } from "../../../src/domain/analysis";
import {
  foldPurchases,
  listsFrom,
  newPairLists,
  partsOf,
  type PairFolding,
  type PairLists,
  type PendingPurchases,
} from "../../../src/domain/analysis/pairFold";
import type { OrderLine } from "../../../src/domain/types";
import { d, line } from "./helpers";

/**
 * Folds as a thread would: each batch copied (the book refills its arrays), folded into lists
 * of its own, and the lists handed back through a structured clone, as postMessage moves them.
 */
class ElsewhereFolding implements PairFolding {
  private lists = newPairLists();
  batches = 0;
  fold(p: PendingPurchases, n: number): void {
    this.batches++;
    const copy: PendingPurchases = {
      key: p.key.slice(0, n),
      sku: p.sku.slice(0, n),
      date: p.date.slice(0, n),
      rev: p.rev.slice(0, n),
      qty: p.qty.slice(0, n),
    };
    foldPurchases(this.lists, copy, n);
  }
  finish(): PairLists {
    const { parts } = partsOf(this.lists);
    return listsFrom(structuredClone(parts));
  }
}

const frozenOf = (b: OrderBook) => {
  const f = b.freeze();
  return {
    pairStart: [...f.pairStart],
    pairSku: [...f.pairSku],
    pairRet: [...f.pairRet],
    entStart: [...f.entStart],
    entDate: [...f.entDate],
    entRev: [...f.entRev],
    entQty: [...f.entQty],
  };
};

const lineArb = fc
  .record({
    account: fc.integer({ min: 0, max: 40 }),
    sku: fc.integer({ min: 0, max: 30 }),
    day: fc.integer({ min: 0, max: 400 }),
    pence: fc.integer({ min: -5_000, max: 50_000 }),
    qty: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ account, sku, day, pence, qty }) =>
    line(`A${account}`, d(2025, 1, 1) + day, `S${sku}`, pence / 100, { quantity: qty })
  );

describe("the book's purchases folded elsewhere", () => {
  test("the same frozen pairs and entries as the book folding its own, closed or open (property)", () => {
    fc.assert(
      fc.property(
        // up to 3 fold batches of 4,096, and a few more lines added after an open book's freeze
        fc.array(lineArb, { maxLength: 9_000, size: "max" }),
        fc.array(lineArb, { maxLength: 50 }),
        fc.boolean(),
        (lines: OrderLine[], later: OrderLine[], closed: boolean) => {
          const here = new OrderBook();
          const folding = new ElsewhereFolding();
          const there = new OrderBook({ folding });
          for (const l of lines) {
            here.add(l);
            there.add(l);
          }
          if (closed) {
            here.close();
            there.close();
            expect(frozenOf(there)).toEqual(frozenOf(here));
            return;
          }
          expect(frozenOf(there)).toEqual(frozenOf(here));
          // frozen while open, the book took its lists back and folds later lines itself
          for (const l of later) {
            here.add(l);
            there.add(l);
          }
          expect(frozenOf(there)).toEqual(frozenOf(here));
        }
      ),
      { numRuns: 25 }
    );
  });

  test("10,000 lines fold in three batches elsewhere: 4,096 + 4,096 at add, 1,808 at close", () => {
    const folding = new ElsewhereFolding();
    const book = new OrderBook({ folding });
    // one account, one SKU a day over 10,000 days: every line a purchase (10,000 = 2 × 4,096 + 1,808)
    for (let i = 0; i < 10_000; i++) book.add(line("A", d(2000, 1, 1) + i, "S", 1));
    expect(folding.batches).toBe(2);
    book.close();
    expect(folding.batches).toBe(3);
    const f = book.freeze();
    // one pair, one entry per day, each £1
    expect(f.pairStart[1]).toBe(1);
    expect(f.entStart[1]).toBe(10_000);
    expect(f.entRev[9_999]).toBe(1);
  });
});
