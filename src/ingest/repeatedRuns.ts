/**
 * A document's lines repeated further down the file, row for row: two exports appended with an
 * overlap (the second starts before the first ended) list the overlap's documents twice. The
 * same product twice on one invoice is real, so no row is dropped for being like another; what is
 * dropped is a later run of a document number already read whose rows are, in order and cell for
 * cell, the rows of that document's earlier run — the whole document again. A later run that
 * differs in any cell, or in its count of rows, is read as it stands (a file sorted by product
 * lists a document in several places).
 *
 * The rows of a document's first run are kept as one 53-bit hash (with their count), not as
 * rows, for the documents read last (about 200,000 of them: BUCKETS, WAYS). A later run of a document already seen
 * is held (its rows copied) until it ends, then dropped or handed on, in the file's order.
 */
import type { Cell } from "./grid";

/** A row of a held run: its cells and its 1-based sheet row. */
export interface HeldRow {
  row: readonly Cell[];
  rowNo: number;
}

/** A held run longer than this is no repeat KAP checks: it is handed on as it stands. */
const HELD_MAX = 10_000;
/**
 * The first runs kept: a table of BUCKETS buckets of WAYS runs each (4 MB), a bucket's oldest run
 * giving way to a new one. An overlap of appended exports lies where they meet, so a repeat
 * follows its first run closely; a file of millions of documents keeps no number for each.
 */
const BUCKETS = 1 << 16;
const WAYS = 4;

export class RepeatedRuns {
  /** document key → the hash of its first run's rows, with their count */
  /** the first runs kept: each slot's document key hash (+1: 0 is empty), its rows' hash, when kept */
  private readonly keys = new Int32Array(BUCKETS * WAYS);
  private readonly signatures = new Float64Array(BUCKETS * WAYS);
  private readonly ages = new Uint32Array(BUCKETS * WAYS);
  private runsKept = 0;
  /** the run being read: its document key ('' none), hashes and count */
  private key = "";
  /** the run's document key as a 30-bit hash (a repeat must match its rows' hash too) */
  private keyHash = 0;
  private h1 = 0;
  private h2 = 0;
  private count = 0;
  /** the run's rows, held while its document has been read before; undefined otherwise */
  private held: HeldRow[] | undefined;

  /**
   * `parse` reads a row; `drop` is told of each run dropped as a repeat (its rows, in order);
   * `columns`: the cells a row is compared by (those KAP reads a line from; all when none given).
   */
  constructor(
    private readonly parse: (row: readonly Cell[], rowNo: number) => void,
    private readonly drop: (rows: readonly HeldRow[], key: string) => void,
    private readonly columns?: readonly number[]
  ) {}

  /** A row of document `key` ('' for a row with no document number: it ends the run). */
  take(row: readonly Cell[], rowNo: number, key: string): void {
    if (key !== this.key) this.end();
    if (key === "") {
      this.parse(row, rowNo);
      return;
    }
    if (this.count === 0) {
      this.key = key;
      let h = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      this.keyHash = h & 0x3fffffff;
      this.h1 = 0x811c9dc5;
      this.h2 = 0x01000193;
      if (this.slotOf(this.keyHash) >= 0) this.held = [];
    }
    this.mix(row);
    this.count++;
    if (this.held) {
      this.held.push({ row: row.slice(), rowNo });
      if (this.held.length > HELD_MAX) this.handOn();
      return;
    }
    this.parse(row, rowNo);
  }

  /** The run being read ends (a row of another document, or the last row). */
  end(): void {
    if (this.count === 0) return;
    const signature = this.signature();
    if (this.held) {
      const at = this.slotOf(this.keyHash);
      if (at >= 0 && this.signatures[at] === signature) this.drop(this.held, this.key);
      else this.handOn();
    } else if (this.slotOf(this.keyHash) < 0) {
      // into its bucket's empty or oldest slot
      const first = (this.keyHash & (BUCKETS - 1)) * WAYS;
      let at = first;
      for (let w = 1; w < WAYS; w++) if (this.ages[first + w] < this.ages[at]) at = first + w;
      this.keys[at] = this.keyHash + 1;
      this.signatures[at] = signature;
      this.ages[at] = ++this.runsKept;
    }
    this.held = undefined;
    this.key = "";
    this.count = 0;
  }

  /** The slot keeping document `keyHash`'s first run, −1 when none does. */
  private slotOf(keyHash: number): number {
    const first = (keyHash & (BUCKETS - 1)) * WAYS;
    for (let w = 0; w < WAYS; w++) if (this.keys[first + w] === keyHash + 1) return first + w;
    return -1;
  }

  /** The held rows read as they stand, and the rest of the run with them. */
  private handOn(): void {
    const held = this.held!;
    this.held = undefined;
    for (const r of held) this.parse(r.row, r.rowNo);
  }

  /** The run's rows so far as one number below 2^53: FNV-1a's 32 bits, 21 of a second hash's mixed with the count. */
  private signature(): number {
    const low = ((this.h2 ^ Math.imul(this.count, 0x9e3779b1)) >>> 0) & 0x1fffff;
    return (this.h1 >>> 0) * 0x200000 + low;
  }

  private mix(row: readonly Cell[]): void {
    let a = this.h1;
    let b = this.h2;
    const columns = this.columns;
    const n = columns ? columns.length : row.length;
    for (let j = 0; j < n; j++) {
      const v = row[columns ? columns[j] : j];
      if (typeof v === "string") {
        for (let i = 0; i < v.length; i++) {
          const c = v.charCodeAt(i);
          a = Math.imul(a ^ c, 0x01000193);
          b = (Math.imul(b, 31) + c) | 0;
        }
      } else if (typeof v === "number") {
        // a number by its bits (no text made for it), marked apart from text
        NUMBER[0] = v;
        a = Math.imul(a ^ WORDS[0] ^ 0x4e, 0x01000193);
        b = (Math.imul(b, 31) + WORDS[1]) | 0;
      } else if (v instanceof Date) {
        a = Math.imul(a ^ (v.getTime() | 0) ^ 0x44, 0x01000193);
        b = (Math.imul(b, 31) + ((v.getTime() / 0x100000000) | 0)) | 0;
      } else if (typeof v === "boolean") a = Math.imul(a ^ (v ? 0x54 : 0x46), 0x01000193);
      // the cell's end: "ab","c" is not "a","bc"
      a = Math.imul(a ^ 0x1f, 0x01000193);
      b = (Math.imul(b, 31) + 0x1f) | 0;
    }
    this.h1 = a;
    this.h2 = b;
  }
}

/** A number's 64 bits as two 32-bit words (for the hash). */
const NUMBER = new Float64Array(1);
const WORDS = new Int32Array(NUMBER.buffer);
