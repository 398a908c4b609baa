/**
 * The order book's product purchases folded into pair entries (./book): per (account unit and
 * sale or return, SKU) a pair, and per pair one entry per date with its revenue and units. The
 * fold needs nothing but numbers, so it can run on another thread while the book's own thread
 * parses the next lines (PairFolding: the CLI's fold thread, src/cli/foldThread.ts); its lists
 * then cross back whole (typed arrays, moved rather than copied) when the book is closed.
 */
import { GrowF64, GrowI32, IntPairIndex } from "./collections";

/** The fold's state: the pair index and the pair and entry lists. */
export interface PairLists {
  /** (unit·2 + isReturn, sku) → pair, with the pair's last entry and its date in the slot */
  pairIndex: IntPairIndex;
  /** per pair: unit·2 + isReturn, and its SKU */
  pKey: GrowI32;
  pSku: GrowI32;
  /** per entry: its pair, date, revenue (in steps) and units */
  ePair: GrowI32;
  eDate: GrowI32;
  eRev: GrowF64;
  eQty: GrowF64;
  /**
   * Whether each pair's entries were appended in date order — true for the usual export sorted
   * by date — so the book's freeze can skip its sort.
   */
  inDateOrder: boolean;
  /** keeps the fold's look-ahead reads from being optimised away */
  touchSink: number;
}

/** Buffered purchases: per purchase its unit·2 + isReturn, SKU, date, revenue (in steps) and units. */
export interface PendingPurchases {
  key: Int32Array;
  sku: Int32Array;
  date: Int32Array;
  rev: Float64Array;
  qty: Float64Array;
}

/** Somewhere else to fold the book's purchases (OrderBookOptions.folding). */
export interface PairFolding {
  /** Folds the first `n` purchases, in order; the arrays are refilled once this returns. */
  fold(p: PendingPurchases, n: number): void;
  /** Every purchase folded: the lists, as foldPurchases would have left them here. */
  finish(): PairLists;
}

/** Empty lists. */
export function newPairLists(): PairLists {
  return {
    pairIndex: new IntPairIndex(1 << 16, 2),
    pKey: new GrowI32(),
    pSku: new GrowI32(),
    ePair: new GrowI32(),
    eDate: new GrowI32(),
    eRev: new GrowF64(),
    eQty: new GrowF64(),
    inDateOrder: true,
    touchSink: 0,
  };
}

/** Each of the first n purchases joins its pair's last entry when the date is the same, else starts a new entry. */
export function foldPurchases(s: PairLists, p: PendingPurchases, n: number): void {
  if (n === 0) return;
  const pairs = s.pairIndex;
  const { key: pendKey, sku: pendSku, date: pendDate, rev: pendRev, qty: pendQty } = p;
  // Room for n more entries first, so the loop writes plain local arrays.
  s.ePair.reserve(n);
  s.eDate.reserve(n);
  s.eRev.reserve(n);
  s.eQty.reserve(n);
  const ePair = s.ePair.a;
  const eDate = s.eDate.a;
  const eRev = s.eRev.a;
  const eQty = s.eQty.a;
  let eN = s.ePair.n;
  let inOrder = s.inDateOrder;
  // Every buffered line's pair slot is read first, in a loop small enough for many reads to be
  // in flight at once (the table, 5 MB at a million lines, is mostly out of cache between
  // batches); the batch's slots, about 256 KB, are still in cache for the loop that folds them.
  let touched = 0;
  for (let k = 0; k < n; k++) touched ^= pairs.touch(pendKey[k], pendSku[k]);
  for (let k = 0; k < n; k++) {
    const ukey = pendKey[k];
    const sku = pendSku[k];
    const date = pendDate[k];
    const pair = pairs.intern(ukey, sku);
    const t = pairs.table;
    const slot = pairs.slot;
    if (pairs.isNew) {
      s.pKey.push(ukey);
      s.pSku.push(sku);
    }
    const last = t[slot + 3];
    if (last >= 0 && t[slot + 4] === date) {
      eRev[last] += pendRev[k];
      eQty[last] += pendQty[k];
    } else {
      if (last >= 0 && date < t[slot + 4]) inOrder = false;
      ePair[eN] = pair;
      eDate[eN] = date;
      eRev[eN] = pendRev[k];
      eQty[eN] = pendQty[k];
      t[slot + 3] = eN++;
      t[slot + 4] = date;
    }
  }
  s.touchSink ^= touched;
  s.ePair.n = s.eDate.n = s.eRev.n = s.eQty.n = eN;
  s.inDateOrder = inOrder;
}

/** PairLists as plain data to post to another thread, with the buffers to move (postMessage's transfer list). */
export interface PairListParts {
  table: Int32Array;
  size: number;
  pKey: Int32Array;
  pSku: Int32Array;
  ePair: Int32Array;
  eDate: Int32Array;
  eRev: Float64Array;
  eQty: Float64Array;
  pairs: number;
  entries: number;
  inDateOrder: boolean;
}

export function partsOf(s: PairLists): { parts: PairListParts; transfer: ArrayBuffer[] } {
  const parts: PairListParts = {
    table: s.pairIndex.table,
    size: s.pairIndex.size,
    pKey: s.pKey.a,
    pSku: s.pSku.a,
    ePair: s.ePair.a,
    eDate: s.eDate.a,
    eRev: s.eRev.a,
    eQty: s.eQty.a,
    pairs: s.pKey.n,
    entries: s.ePair.n,
    inDateOrder: s.inDateOrder,
  };
  const arrays = [
    parts.table,
    parts.pKey,
    parts.pSku,
    parts.ePair,
    parts.eDate,
    parts.eRev,
    parts.eQty,
  ];
  return { parts, transfer: arrays.map((a) => a.buffer as ArrayBuffer) };
}

/** The lists again from partsOf's parts. */
export function listsFrom(p: PairListParts): PairLists {
  const i32 = (a: Int32Array, n: number) => Object.assign(new GrowI32(1), { a, n });
  const f64 = (a: Float64Array, n: number) => Object.assign(new GrowF64(1), { a, n });
  return {
    pairIndex: IntPairIndex.adopt(p.table, p.size, 2),
    pKey: i32(p.pKey, p.pairs),
    pSku: i32(p.pSku, p.pairs),
    ePair: i32(p.ePair, p.entries),
    eDate: i32(p.eDate, p.entries),
    eRev: f64(p.eRev, p.entries),
    eQty: f64(p.eQty, p.entries),
    inDateOrder: p.inDateOrder,
    touchSink: 0,
  };
}
