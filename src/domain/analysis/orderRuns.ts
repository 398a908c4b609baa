/**
 * OrderRuns: the order book's order records, kept without an order-id index.
 *
 * An order is (account unit, sale or return, order id). The lines of one order almost always
 * arrive together, so each run of consecutive lines with the same order makes one record (a
 * "run") holding the order id's text, its earliest date and its money. Runs of the same order
 * that arrived apart are merged later, exactly (by the id's text, never by a hash alone):
 * - by `compact()`, called by the book when the runs have doubled since the last compaction,
 *   so records never exceed about twice the orders however the lines are sorted;
 * - and by `freeze()`.
 *
 * Why: at 10,000,000 lines (3.94 million orders) a hash index from id to order cost 64 MB of
 * table and 16 MB of offsets on top of the ids' text; runs need only the text, 9–10 bytes an
 * order.
 *
 * Record r: key[r] = unit·2 + isReturn; date[r] the earliest line date; val[r] money in whole
 * steps; list[r]/cov[r] the list-price value and the revenue of the lines that had one (null
 * until a line has a list price); and its id's text, the r-th in the pool (texts are stored one
 * after another in record order, each with its length: no column of offsets).
 */
import { GrowF64, GrowI32, int32Room, permute, sortByDate } from "./collections";

/** Records below this many are never compacted before freeze (they cost little). */
const FIRST_COMPACTION = 1 << 20;

/** What freeze hands out: purchases and returns, bucketed by unit, date-sorted within it. */
export interface FrozenOrders {
  /** purchases of unit u: [ordCount[u], ordCount[u+1]) */
  ordCount: Int32Array;
  retCount: Int32Array;
  ordDate: Int32Array;
  ordVal: Float64Array;
  ordList: Float64Array;
  ordListCovered: Float64Array;
  retDate: Int32Array;
  retVal: Float64Array;
  retList: Float64Array;
  retListCovered: Float64Array;
}

export class OrderRuns {
  key = new GrowI32();
  date = new GrowI32();
  val = new GrowF64();
  list: GrowF64 | null = null;
  cov: GrowF64 | null = null;
  /** the records' id texts, one after another in record order (no column says where each starts) */
  private pool = new Uint8Array(1 << 16);
  private used = 0;
  private compactAt: number;
  /** after seal(): no records come, and no id texts are kept */
  private sealed = false;
  /**
   * Whether, so far, the sales' id texts have risen strictly from record to record, and the
   * returns' too, in the order of their stored bytes (length first, then characters): then no
   * two records of one kind share an id, so none of one key does, and there is nothing to merge.
   * That is the usual export, sorted by date and order number (1,048,575-line file: 413,678
   * runs, none merged). Checked as each record comes, while the file is read: merging by a hash
   * table over every record cost about 90 ms there, after the reading.
   */
  private idsRise = true;
  /** where the last sale's and the last return's id texts start (−1: none yet) */
  private lastSaleText = -1;
  private lastReturnText = -1;

  /** `firstCompaction`: records before the first compaction (tests make it small). */
  constructor(private readonly firstCompaction = FIRST_COMPACTION) {
    this.compactAt = firstCompaction;
  }

  /** Empties it, keeping its buffers (a reused book's). */
  clear(): this {
    this.sealed = false;
    this.key.clear();
    this.date.clear();
    this.val.clear();
    this.list = this.cov = null;
    this.used = 0;
    this.compactAt = this.firstCompaction;
    this.idsRise = true;
    this.lastSaleText = this.lastReturnText = -1;
    return this;
  }

  /** Whether the records should be compacted before one more is added (they have doubled since the last compaction). */
  get due(): boolean {
    return this.key.n >= this.compactAt;
  }

  /** A new record for a run of `orderId`'s lines; its money starts at 0. Returns its index. */
  add(key: number, date: number, orderId: string): number {
    if (this.sealed) throw new Error("OrderRuns: no records can be added after seal().");
    const r = this.key.push(key);
    this.date.push(date);
    this.val.push(0);
    if (this.list !== null) {
      this.list.push(0);
      this.cov!.push(0);
    }
    const text = this.used;
    this.store(orderId);
    if (this.idsRise) this.checkRising(key, text);
    return r;
  }

  /** Starts the list-price columns (at the first line with a list price), zero for every record so far. */
  startListPrices(): void {
    const n = this.key.n;
    this.list = new GrowF64(Math.max(1024, n * 2));
    this.cov = new GrowF64(Math.max(1024, n * 2));
    this.list.n = this.cov.n = n;
  }

  /**
   * Merges the records of one order into its first (earliest date, money added), keeping the
   * records' order otherwise. Record indexes change: the caller forgets any it holds.
   * `scratch`: Int32 space the caller has spare (the hash table goes there when it fits: two
   * slots a record).
   */
  compact(scratch: Int32Array | null = null): void {
    if (this.mergeRuns(scratch) > 0) this.dropMerged();
    this.compactAt = Math.max(this.firstCompaction, 2 * this.key.n);
  }

  /**
   * No more records: merges the last runs (as compact) and lets the id texts go, which only
   * merging needs (at 10,000,000 lines about 55 MB with their column), so the book's reader can
   * reclaim them before freezing. `scratch` as for compact().
   */
  seal(scratch: Int32Array | null = null): void {
    if (this.sealed) return;
    this.compact(scratch);
    this.sortByDayAndId(false);
    this.sealed = true;
    this.pool = new Uint8Array(0);
    this.used = 0;
  }

  /**
   * The frozen orders (money still in steps): sales bucketed by unit, then returns bucketed by
   * unit, each unit's in date order. `own`: the book takes no more lines, so the columns are
   * moved in place and handed out as the frozen arrays (no second copy); else the frozen arrays
   * are copies and the records stay for more lines. `scratch` (Int32 space the caller has
   * spare) holds the moves when it fits.
   */
  freeze(units: number, own: boolean, scratch: Int32Array | null = null): FrozenOrders {
    if (!this.sealed) {
      this.compact(scratch);
      this.sortByDayAndId(true);
    }
    const n = this.key.n;
    const key = this.key.a;
    const val = this.val.a;
    // A sale whose lines net below zero (a rebate or discount posted as an invoice of its negative
    // line alone) is a credit: PRODUCT.md §1, credit notes reduce revenue and are no orders. Its
    // lines were all merged into it above, so its sign is the document's.
    const bucket = (r: number) =>
      bucketOf((key[r] & 1) === 0 && val[r] < 0 ? key[r] | 1 : key[r], units);
    const start = new Int32Array(2 * units + 1);
    for (let r = 0; r < n; r++) start[bucket(r) + 1]++;
    for (let b = 0; b < 2 * units; b++) start[b + 1] += start[b];
    const fill = start.slice(0, 2 * units);
    const dest = int32Room(scratch, n);
    for (let r = 0; r < n; r++) dest[r] = fill[bucket(r)]++;
    const date = own ? this.date.a.subarray(0, n) : this.date.a.slice(0, n);
    const vals = own ? val.subarray(0, n) : val.slice(0, n);
    const list = this.list && (own ? this.list.a.subarray(0, n) : this.list.a.slice(0, n));
    const cov = this.cov && (own ? this.cov.a.subarray(0, n) : this.cov.a.slice(0, n));
    const floats = list ? [vals, list, cov!] : [vals];
    permute(dest, [date], floats);
    sortBucketsByDate(start, date, n, vals, list, cov);
    const ordCount = start.slice(0, units + 1);
    const retCount = new Int32Array(units + 1);
    for (let u = 0; u <= units; u++) retCount[u] = start[units + u] - start[units];
    const nO = start[units];
    return {
      ordCount,
      retCount,
      ordDate: date.subarray(0, nO),
      ordVal: vals.subarray(0, nO),
      ordList: list ? list.subarray(0, nO) : new Float64Array(0),
      ordListCovered: cov ? cov.subarray(0, nO) : new Float64Array(0),
      retDate: date.subarray(nO, n),
      retVal: vals.subarray(nO, n),
      retList: list ? list.subarray(nO, n) : new Float64Array(0),
      retListCovered: cov ? cov.subarray(nO, n) : new Float64Array(0),
    };
  }

  /**
   * Merges each record holding the same (key, id text) as an earlier one into that one; the
   * merged-away get key −1. Returns how many were merged away.
   */
  private mergeRuns(scratch: Int32Array | null = null): number {
    const n = this.key.n;
    if (n < 2 || this.idsRise) return 0;
    let slots = 4;
    while (slots < 2 * n) slots *= 2;
    const t = int32Room(scratch, slots).fill(-1);
    const mask = slots - 1;
    const { key, date, val, list, cov } = this;
    // where each record's id text starts
    const id = new Int32Array(n);
    for (let r = 0, at = 0; r < n; r++) {
      id[r] = at;
      at += this.textBytes(at);
    }
    let merged = 0;
    for (let r = 0; r < n; r++) {
      const k = key.a[r];
      let h = (this.hashAt(id[r]) ^ Math.imul(k, 0x9e3779b1)) & mask;
      for (;;) {
        const q = t[h];
        if (q < 0) {
          t[h] = r;
          break;
        }
        if (key.a[q] === k && this.sameText(id[q], id[r])) {
          if (date.a[r] < date.a[q]) date.a[q] = date.a[r];
          val.a[q] += val.a[r];
          if (list) {
            list.a[q] += list.a[r];
            cov!.a[q] += cov!.a[r];
          }
          key.a[r] = -1;
          merged++;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    return merged;
  }

  /**
   * Puts the records in (key, date, id text) order when the ids did not rise as the records came
   * (a file not sorted by date and order number; a sorted one is in that order already). An
   * account's orders of one day then come in the order of their ids whatever the order of the
   * lines, so its "last order" is the day's highest-numbered one in any sort of the same file
   * (before, the one whose line came last). Called after compact(): no two records of one key
   * share an id, so the order is total. `keepTexts`: the id texts move with their records.
   */
  private sortByDayAndId(keepTexts: boolean): void {
    const n = this.key.n;
    if (n < 2 || this.idsRise) return;
    const key = this.key.a;
    const date = this.date.a;
    const id = new Int32Array(n);
    for (let r = 0, at = 0; r < n; r++) {
      id[r] = at;
      at += this.textBytes(at);
    }
    const order = new Int32Array(n);
    for (let r = 0; r < n; r++) order[r] = r;
    order.sort((a, b) => key[a] - key[b] || date[a] - date[b] || this.compareText(id[a], id[b]));
    const dest = new Int32Array(n);
    for (let k = 0; k < n; k++) dest[order[k]] = k;
    const floats = [this.val.a];
    if (this.list) floats.push(this.list.a, this.cov!.a);
    permute(dest, [key, date], floats);
    if (!keepTexts) return;
    const pool = new Uint8Array(this.pool.length);
    let to = 0;
    for (let r = 0; r < n; r++) {
      const from = id[order[r]];
      const len = this.textBytes(from);
      pool.set(this.pool.subarray(from, from + len), to);
      to += len;
    }
    this.pool = pool;
  }

  /** The stored texts at `a` and `b` compared byte by byte, length prefix first (−1, 0 or 1). */
  private compareText(a: number, b: number): number {
    const p = this.pool;
    const end = Math.min(this.textBytes(a), this.textBytes(b));
    for (let i = 0; i < end; i++) if (p[a + i] !== p[b + i]) return p[a + i] < p[b + i] ? -1 : 1;
    return 0;
  }

  /** Keeps idsRise: whether the new record's id text (stored at `text`) comes after its kind's last one. */
  private checkRising(key: number, text: number): void {
    const isReturn = (key & 1) === 1;
    const previous = isReturn ? this.lastReturnText : this.lastSaleText;
    if (previous >= 0 && !this.textAfter(text, previous)) this.idsRise = false;
    else if (isReturn) this.lastReturnText = text;
    else this.lastSaleText = text;
  }

  /** Whether the stored text at `a` comes after the one at `b`, byte by byte (its length prefix first). */
  private textAfter(a: number, b: number): boolean {
    const p = this.pool;
    const end = Math.min(this.textBytes(a), this.textBytes(b));
    for (let i = 0; i < end; i++) if (p[a + i] !== p[b + i]) return p[a + i] > p[b + i];
    // the prefixes were equal, so the lengths are: the same text
    return false;
  }

  /** Removes the merged-away records (key −1) and their id texts, keeping the others' order. */
  private dropMerged(): void {
    const n = this.key.n;
    const key = this.key.a;
    const cols: (Int32Array | Float64Array)[] = [key, this.date.a, this.val.a];
    if (this.list) cols.push(this.list.a, this.cov!.a);
    const pool = this.pool;
    let w = 0;
    let from = 0;
    let to = 0;
    for (let r = 0; r < n; r++) {
      const len = this.textBytes(from);
      if (key[r] >= 0) {
        if (w !== r) for (const c of cols) c[w] = c[r];
        if (to !== from) pool.copyWithin(to, from, from + len);
        w++;
        to += len;
      }
      from += len;
    }
    this.key.n = this.date.n = this.val.n = w;
    if (this.list) this.list.n = this.cov!.n = w;
    this.used = to;
  }

  /**
   * Appends a text as its length (1 byte below 128, else 4 bytes with the top bit set) then its
   * characters: a byte each below 255, else 255 and the UTF-16 unit's two bytes.
   */
  private store(text: string): void {
    const need = text.length * 3 + 4;
    if (this.used + need > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.used + need));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    const p = this.pool;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) bytes += text.charCodeAt(i) < 255 ? 1 : 3;
    let at = this.used;
    if (bytes < 128) p[at++] = bytes;
    else {
      p[at++] = 128 | (bytes >>> 24);
      p[at++] = (bytes >>> 16) & 255;
      p[at++] = (bytes >>> 8) & 255;
      p[at++] = bytes & 255;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 255) p[at++] = c;
      else {
        p[at] = 255;
        p[at + 1] = c >> 8;
        p[at + 2] = c & 255;
        at += 3;
      }
    }
    this.used = at;
  }

  /** Bytes of the stored text at `at`, its length prefix included. */
  private textBytes(at: number): number {
    const p = this.pool;
    const b = p[at];
    if (b < 128) return 1 + b;
    return 4 + (((b & 127) << 24) | (p[at + 1] << 16) | (p[at + 2] << 8) | p[at + 3]);
  }

  private sameText(a: number, b: number): boolean {
    const len = this.textBytes(a);
    if (len !== this.textBytes(b)) return false;
    const p = this.pool;
    for (let i = 0; i < len; i++) if (p[a + i] !== p[b + i]) return false;
    return true;
  }

  /** FNV-1a over the stored bytes (length prefix included), then mixed for the low bits. */
  private hashAt(at: number): number {
    const len = this.textBytes(at);
    const p = this.pool;
    let h = 0x811c9dc5;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ p[at + i], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    return (h ^ (h >>> 13)) >>> 0;
  }
}

/**
 * Sorts each bucket's records by date, stably (a bucket already in date order — the usual
 * export, sorted by date — is left as it is).
 */
function sortBucketsByDate(
  start: Int32Array,
  date: Int32Array,
  n: number,
  val: Float64Array,
  list: Float64Array | null,
  cov: Float64Array | null
): void {
  let dest: Int32Array | null = null;
  for (let b = 0; b + 1 < start.length; b++) {
    const s = start[b];
    const e = start[b + 1];
    let sorted = true;
    for (let r = s + 1; r < e && sorted; r++) sorted = date[r - 1] <= date[r];
    if (sorted) continue;
    if (dest === null) {
      dest = new Int32Array(n);
      for (let r = 0; r < n; r++) dest[r] = r;
    }
    const order = sortByDate(date.subarray(s, e), e - s);
    for (let k = 0; k < order.length; k++) dest[s + order[k]] = s + k;
  }
  if (dest === null) return;
  const floats = [val];
  if (list) floats.push(list, cov!);
  permute(dest, [date], floats);
}

/** Sales of unit u in bucket u, returns in bucket units + u. */
function bucketOf(key: number, units: number): number {
  return key & 1 ? units + (key >> 1) : key >> 1;
}
