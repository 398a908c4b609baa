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

/** FNV-1a over UTF-16 code units, seeded (so a string's hash can be mixed with an integer key). */
function hashString(s: string, seed: number): number {
  let h = (seed ^ 0x811c9dc5) | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
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

  /** Empties it, keeping its (grown) table. */
  clear(): this {
    this.table.fill(-1);
    this.size = 0;
    this.slot = 0;
    this.isNew = false;
    return this;
  }

  /**
   * Reads (a, b)'s home slot and returns what it holds, to be ignored: called a few keys ahead
   * of `intern`, it starts that key's memory read early, so several reads are in flight at once.
   */
  touch(a: number, b: number): number {
    return this.table[(mix(a, b) & this.mask) * this.stride];
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

/**
 * (text, integer scope) → dense id, e.g. (order id, account unit). Slots hold [hash, id]; the
 * text is compared only when the full 32-bit hashes match, so a lookup rarely leaves the table.
 *
 * The texts are kept as bytes in one pool, not as strings: a million-order book would otherwise
 * hold a million strings (about 40 bytes each, and every one marked by each full collection).
 * Each UTF-16 code unit below 255 is one byte; others are 255 and their two bytes.
 */
export class ScopedStringIndex {
  private t: Int32Array;
  private mask: number;
  private pool = new Uint8Array(1 << 16);
  private used = 0;
  /** where each id's text starts in the pool (it ends where the next one starts) */
  private readonly starts = new GrowI32();
  /** each id's scope, unless the caller keeps them (intern's `scopes`) */
  private readonly scopes = new GrowI32(64);
  constructor(slots = 1 << 12) {
    this.t = new Int32Array(slots * 2).fill(-1);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.starts.n;
  }

  /** Empties it, keeping its (grown) table; the texts are let go. Nothing to do when already empty. */
  clear(): this {
    if (this.starts.n === 0) return this;
    this.t.fill(-1);
    this.used = 0;
    this.starts.clear();
    this.scopes.clear();
    this.isNew = false;
    return this;
  }

  /**
   * The id of (text, scope), adding it (as the next id) when new; `isNew` tells which.
   * `scopes`: when the caller keeps each id's scope itself (the order book's order keys), its
   * column, scopes[id] for every id interned so far; the caller then records a new id's scope
   * at index id before the next call, and the index keeps no copy (4 bytes an id).
   */
  intern(text: string, scope: number, scopes: Int32Array | null = null): number {
    const h0 = hashString(text, Math.imul(scope, 0x9e3779b1));
    const t = this.t;
    let h = h0 & this.mask;
    for (;;) {
      const id = t[h * 2 + 1];
      if (id < 0) break;
      if (t[h * 2] === h0 && (scopes ?? this.scopes.a)[id] === scope && this.textIs(id, text)) {
        this.isNew = false;
        return id;
      }
      h = (h + 1) & this.mask;
    }
    const id = this.starts.n;
    this.starts.push(this.used);
    if (scopes === null) this.scopes.push(scope);
    this.store(text);
    t[h * 2] = h0;
    t[h * 2 + 1] = id;
    if (id * 2 + 2 > this.mask + 1) this.grow();
    this.isNew = true;
    return id;
  }
  isNew = false;

  /** Whether id's stored text is `text`. */
  private textIs(id: number, text: string): boolean {
    const p = this.pool;
    let at = this.starts.a[id];
    const end = id + 1 < this.starts.n ? this.starts.a[id + 1] : this.used;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (at >= end) return false;
      if (c < 255) {
        if (p[at++] !== c) return false;
      } else if (p[at] !== 255 || p[at + 1] !== c >> 8 || p[at + 2] !== (c & 255)) return false;
      else at += 3;
    }
    return at === end;
  }

  private store(text: string): void {
    if (this.used + text.length * 3 > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.used + text.length * 3));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    const p = this.pool;
    let at = this.used;
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

  /** Doubles the slots, re-placing each [hash, id] by its stored hash (no text is re-hashed). */
  private grow(): void {
    const old = this.t;
    const slots = (this.mask + 1) * 2;
    const t = (this.t = new Int32Array(slots * 2).fill(-1));
    this.mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] < 0) continue;
      let k = old[i] & this.mask;
      while (t[k * 2 + 1] >= 0) k = (k + 1) & this.mask;
      t[k * 2] = old[i];
      t[k * 2 + 1] = old[i + 1];
    }
  }
}
