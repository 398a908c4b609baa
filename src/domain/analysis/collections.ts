/**
 * Growable typed arrays and open-addressing hash tables for the order book's hot path.
 * At a million lines, V8's Map with string keys costs several times more than these (its
 * chains chase pointers through a busy heap), so the book keys its records on integers and
 * on its own string hash, keeping keys and hashes inline in typed arrays.
 */

/** Growable Int32Array (two classes rather than one generic: each stays monomorphic on the hot path). */
export class GrowI32 {
  a: Int32Array;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
  }
  /** Empties it, keeping its buffer (whose old values stay until written over). */
  clear(): this {
    this.n = 0;
    return this;
  }
  /** Makes room for `more` values beyond n. */
  reserve(more: number): void {
    if (this.n + more <= this.a.length) return;
    const b = new Int32Array(Math.max(this.a.length * 2, this.n + more));
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

/** Growable Float64Array. */
export class GrowF64 {
  a: Float64Array;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Float64Array(capacity);
  }
  /** Empties it, keeping its buffer (whose old values stay until written over). */
  clear(): this {
    this.n = 0;
    return this;
  }
  /** Makes room for `more` values beyond n. */
  reserve(more: number): void {
    if (this.n + more <= this.a.length) return;
    const b = new Float64Array(Math.max(this.a.length * 2, this.n + more));
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }
}

/** A well-spread 32-bit hash of two ints (a multiply alone leaves the low bits, which index the table, poorly mixed). */
function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * (a, b) → dense id 0, 1, 2, … for non-negative integer pairs. Each slot holds [a, b, id] and
 * `extra` ints of the caller's own per-id state, which is then read in the same cache line as
 * the lookup (after `intern`, `slot` is the offset of the id's slot in `table`). The table
 * doubles when three quarters full: a smaller table stays in cache, which matters more here
 * than the slightly longer probes.
 */
export class IntPairIndex {
  table: Int32Array;
  /** offset in `table` of the slot `intern` last found or made */
  slot = 0;
  /** whether `intern` last made a new id */
  isNew = false;
  size = 0;
  private mask: number;
  private readonly stride: number;
  constructor(slots = 1 << 12, extra = 0) {
    this.stride = 3 + extra;
    this.table = new Int32Array(slots * this.stride).fill(-1);
    this.mask = slots - 1;
  }

  /** An index over `table` as another index with `extra` ints per slot left it (its `size` ids). */
  static adopt(table: Int32Array, size: number, extra: number): IntPairIndex {
    const index = new IntPairIndex(1, extra);
    index.table = table;
    index.mask = table.length / (3 + extra) - 1;
    index.size = size;
    return index;
  }

  /** Empties it, keeping its (grown) table. */
  clear(): this {
    this.table.fill(-1);
    this.size = 0;
    this.slot = 0;
    this.isNew = false;
    return this;
  }

  /**
   * Reads (a, b)'s home slot, its first int and its last (a slot may straddle two cache lines),
   * and returns what it read, to be ignored: called some keys ahead of `intern`, it starts that
   * key's memory reads early, so several reads are in flight at once.
   */
  touch(a: number, b: number): number {
    const o = (mix(a, b) & this.mask) * this.stride;
    return this.table[o] ^ this.table[o + this.stride - 1];
  }

  /** The id of (a, b), adding it (as the next id, extra ints −1) when new. */
  intern(a: number, b: number): number {
    const w = this.stride;
    let t = this.table;
    let h = mix(a, b) & this.mask;
    for (;;) {
      const o = h * w;
      const id = t[o + 2];
      if (id < 0) break;
      if (t[o] === a && t[o + 1] === b) {
        this.isNew = false;
        this.slot = o;
        return id;
      }
      h = (h + 1) & this.mask;
    }
    const id = this.size++;
    if (this.size * 4 > (this.mask + 1) * 3) {
      this.grow();
      t = this.table;
      h = mix(a, b) & this.mask;
      while (t[h * w + 2] >= 0) h = (h + 1) & this.mask;
    }
    const o = h * w;
    t[o] = a;
    t[o + 1] = b;
    t[o + 2] = id;
    this.isNew = true;
    this.slot = o;
    return id;
  }

  private grow(): void {
    const old = this.table;
    const w = this.stride;
    const slots = (this.mask + 1) * 2;
    const t = (this.table = new Int32Array(slots * w).fill(-1));
    this.mask = slots - 1;
    for (let i = 0; i < old.length; i += w) {
      if (old[i + 2] < 0) continue;
      let k = mix(old[i], old[i + 1]) & this.mask;
      while (t[k * w + 2] >= 0) k = (k + 1) & this.mask;
      // copied int by int: a subarray per slot would be an object per record (14 MB at a million lines)
      const o = k * w;
      for (let j = 0; j < w; j++) t[o + j] = old[i + j];
    }
  }
}

/** Indices 0..n−1 ordered by date (stable counting sort over the date range; falls back to a comparison sort for huge ranges). */
export function sortByDate(dates: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  if (n === 0) return out;
  let lo = dates[0];
  let hi = dates[0];
  for (let i = 1; i < n; i++) {
    const d = dates[i];
    if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  const range = hi - lo + 1;
  if (range > 4 * n + 100_000) {
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => dates[a] - dates[b] || a - b);
    out.set(idx);
    return out;
  }
  const count = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) count[dates[i] - lo + 1]++;
  for (let r = 0; r < range; r++) count[r + 1] += count[r];
  for (let i = 0; i < n; i++) out[count[dates[i] - lo]++] = i;
  return out;
}

/**
 * Moves value i of each column to place dest[i] (dest: a permutation of 0..dest.length−1), in
 * place as far as the caller sees: each column is scattered into one scratch array, then copied
 * back. Following the permutation's cycles instead would need no scratch, but each step waits
 * for the last one's memory read: 1.6 s against 0.3 s for 7,500,000 entries of three columns.
 */
export function permute(dest: Int32Array, ints: Int32Array[], floats: Float64Array[]): void {
  const n = dest.length;
  if (n === 0) return;
  const scratch = new Float64Array(floats.length > 0 ? n : (n + 1) >> 1);
  for (const col of floats) {
    for (let i = 0; i < n; i++) scratch[dest[i]] = col[i];
    col.set(scratch.subarray(0, n));
  }
  const asInts = new Int32Array(scratch.buffer, 0, n);
  for (const col of ints) {
    for (let i = 0; i < n; i++) asInts[dest[i]] = col[i];
    col.set(asInts);
  }
}

/** n Int32s: the first n of `spare` when it is long enough (its old values stay), else a new array. */
export function int32Room(spare: Int32Array | null | undefined, n: number): Int32Array {
  return spare && spare.length >= n ? spare.subarray(0, n) : new Int32Array(n);
}

/**
 * The number of `key` in `list`, numbering it (appending it to `list`, recording it in `map`)
 * the first time: a value's dense id, 0, 1, 2… in the order first seen.
 */
export function internInto<K>(map: Map<K, number>, list: K[], key: K): number {
  let id = map.get(key);
  if (id === undefined) {
    id = list.length;
    map.set(key, id);
    list.push(key);
  }
  return id;
}
