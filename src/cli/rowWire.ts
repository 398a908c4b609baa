/**
 * Rows of a text file in a form that crosses threads cheaply: a batch of typed arrays (moved, not
 * copied) plus the strings not sent before. The CLI reads and parses a large file on a worker
 * thread (src/cli/csvWorker.ts) while the main thread folds the rows it already has into the
 * order book; structured-cloning the rows themselves (arrays of strings and numbers) would cost
 * about what the second thread saves.
 *
 * Text cells go by a per-column dictionary: a string is sent once, then as its number (a column
 * of accounts, products or dates repeats a few thousand strings down a million rows). A column's
 * dictionary holds at most DICTIONARY_MAX strings; past that, new strings are sent with their
 * batch (order ids and descriptions that never repeat) — once per run: a cell that repeats the
 * row above's string (an order's id and customer on each of its lines) is sent as SAME.
 */
import type { Cell } from "../ingest/grid";

/**
 * A worker that waited is woken when the batches not yet taken are down to this many: one wake
 * per IN_FLIGHT − RESUME_AT batches (csvWorker.ts) rather than one per batch. Each wake of a waiting thread
 * can hand it the main thread's core for a scheduler slice on a loaded machine (Atomics.notify
 * was the main thread's largest self time in profiles at load 9).
 */
export const RESUME_AT = 4;

/** The most strings one column's dictionary holds. */
export const DICTIONARY_MAX = 1 << 16;
/** New strings after which a column whose strings came back less often than not stops using its dictionary. */
export const DICTIONARY_TRIAL = 4096;

const NULL = 0;
const NUMBER = 1;
const DICTIONARY = 2;
const INLINE = 3;
const TRUE = 4;
const FALSE = 5;
/** the string of the row above in this column, sent inline (or SAME) there */
const SAME = 6;
/** a workbook's shared string, by its index in the workbook's table (sent once, with its index) */
const SHARED = 7;

/** One batch of rows. */
export interface RowBatch {
  /** cells per row */
  lengths: Int32Array;
  /** per cell: what it is (NULL, NUMBER, DICTIONARY, INLINE, TRUE, FALSE, SAME) */
  tags: Uint8Array;
  /** per cell: its number, or its string's number in the column's dictionary */
  values: Float64Array;
  /** strings sent with this batch only, in cell order */
  inline: string[];
  /** strings added to the dictionaries, as [column, text] in the order they were numbered */
  added: [number, string][];
  /** a workbook's shared strings first met in this batch: their indexes and texts (two arrays clone faster than pairs) */
  sharedIndex: number[];
  sharedText: string[];
}

/** The buffers of a batch, to move them to the other thread (postMessage's transfer list). */
export function batchBuffers(b: RowBatch): ArrayBuffer[] {
  return [b.lengths.buffer, b.tags.buffer, b.values.buffer] as ArrayBuffer[];
}

/**
 * Rows → batches, one row at a time (the row may be refilled once `add` returns). Text is
 * numbered per column by the numbers the caller passes (CsvParser.rowIds: its table of values
 * numbers each column's texts 0, 1, 2… as first met), else by a dictionary kept here.
 */
export class RowEncoder {
  private dictionaries: Map<string, number>[] = [];
  /** per column: texts found in its dictionary, and whether it was given up (idOf) */
  private dictionaryHits: number[] = [];
  private dictionaryOff: boolean[] = [];
  /** the last string of each column and its number (a value repeated down a column is one compare) */
  private lastText: (string | undefined)[] = [];
  private lastId: number[] = [];
  /** per column: how many of the caller's numbered texts have been sent */
  private sent: number[] = [];
  /** per column: the last string sent inline (or SAME), and the row it was in (rows counted across batches) */
  private inlineText: (string | undefined)[] = [];
  private inlineRow: number[] = [];
  private rowNo = 0;
  private rows = 0;
  private cells = 0;
  private lengths = new Int32Array(1024);
  private tags = new Uint8Array(16_384);
  private values = new Float64Array(16_384);
  private inline: string[] = [];
  private added: [number, string][] = [];
  private sharedIndex: number[] = [];
  private sharedText: string[] = [];
  /** per shared-string index: whether its text was sent */
  private sharedSent = new Uint8Array(0);
  /** buffers of taken batches handed back (giveBack), filled again by take() */
  private spare: ArrayBuffer[][] = [];

  /** Rows added since the last take(). */
  get size(): number {
    return this.rows;
  }

  /** Cells added since the last take() (with those of a row begun). */
  get cellCount(): number {
    return this.cells;
  }

  /** Adds one row; `ids` (per column, −1 = not numbered) as CsvParser.rowIds gives them. */
  add(row: readonly Cell[], ids?: Int32Array): void {
    this.beginRow();
    for (let c = 0; c < row.length; c++)
      this.put(c, row[c], ids && c < ids.length ? ids[c] : -1, !ids);
    this.endRow();
  }

  /**
   * Adds one row of a workbook sheet; `sharedIds` gives each cell's index in the workbook's
   * shared strings (−1: not one), which numbers its texts without a look-up
   * (XlsxReader.sheetBlocks' `sharedIds`).
   */
  addShared(row: readonly Cell[], sharedIds: readonly number[]): void {
    this.beginRow();
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const id = c < sharedIds.length ? sharedIds[c] : -1;
      if (typeof v === "string" && id >= 0) {
        const k = this.nextCell();
        this.sendShared(id, v);
        this.tags[k] = SHARED;
        this.values[k] = id;
      } else this.put(c, v, -1, true);
    }
    this.endRow();
  }

  /** Sends shared string `id`'s text with this batch, the first time it is met. */
  private sendShared(id: number, text: string): void {
    if (id >= this.sharedSent.length) {
      const bigger = new Uint8Array(Math.max(id + 1, this.sharedSent.length * 2, 1024));
      bigger.set(this.sharedSent);
      this.sharedSent = bigger;
    }
    if (this.sharedSent[id]) return;
    this.sharedSent[id] = 1;
    this.sharedIndex.push(id);
    this.sharedText.push(text);
  }

  /** Starts a row written cell by cell (`cell`, then `endRow` or `abortRow`): CsvParser's `wire` option. */
  beginRow(): void {
    if (this.rows === this.lengths.length) this.lengths = grown(this.lengths, this.rows * 2);
    this.rowStart = this.cells;
    this.inlineMark = this.inline.length;
  }

  /**
   * Takes back the cells of the row begun: the parser met the end of its bytes inside it and
   * writes it again, whole, from the next chunk. Texts it numbered stay sent (the parser's table
   * keeps their numbers). Its columns forget the text last sent inline (the other thread never
   * got it): their next text goes inline again, never as SAME.
   */
  abortRow(): void {
    for (let c = 0; c < this.cells - this.rowStart; c++) this.inlineRow[c] = -2;
    this.cells = this.rowStart;
    this.inline.length = this.inlineMark;
  }
  private inlineMark = 0;

  /** The next cell of the row begun; `id` as `add`'s `ids` give it (−1: not numbered). */
  cell(c: number, v: Cell, id: number): void {
    this.put(c, v, id, false);
  }

  /** The next cell of the row begun: a number. */
  numberCell(v: number): void {
    const k = this.nextCell();
    this.tags[k] = NUMBER;
    this.values[k] = v;
  }

  /**
   * The next cell of the row begun: column c's `text`, numbered `id` by the caller (−1: not
   * numbered). The string is read only when it is sent: CsvParser hands on millions of cells
   * whose strings it made long before (reading one's kind is a cache miss).
   */
  textCell(c: number, text: string, id: number): void {
    const k = this.nextCell();
    this.text(k, c, text, this.numbered(c, text, id));
  }

  /** The next cell of the row begun: blank. */
  nullCell(): void {
    this.tags[this.nextCell()] = NULL;
  }

  /** The next cell's index, with room for it. */
  private nextCell(): number {
    const k = this.cells++;
    if (k === this.tags.length) {
      this.tags = grown(this.tags, k * 2);
      this.values = grown(this.values, k * 2);
    }
    return k;
  }

  /** Column c's next cell: a text by the caller's number `id`, or (`own`) by this encoder's dictionary. */
  private put(c: number, v: Cell, id: number, own: boolean): void {
    const k = this.nextCell();
    if (typeof v === "number") {
      this.tags[k] = NUMBER;
      this.values[k] = v;
    } else if (typeof v === "string")
      this.text(k, c, v, own ? this.idOf(c, v) : this.numbered(c, v, id));
    else if (v === true || v === false) this.tags[k] = v ? TRUE : FALSE;
    else if (v instanceof Date)
      // the text reader never makes one: refuse rather than send it as something else
      throw new Error("RowEncoder: a Date cell cannot be sent");
    else this.tags[k] = NULL;
  }

  /** Ends the row begun. */
  endRow(): void {
    this.lengths[this.rows++] = this.cells - this.rowStart;
    this.rowNo++;
  }
  private rowStart = 0;

  /** Cell k, text `v` of column c: by its number `id`, else sent with the batch (or as SAME as the row above). */
  private text(k: number, c: number, v: string, id: number): void {
    if (id >= 0) {
      this.tags[k] = DICTIONARY;
      this.values[k] = id;
      return;
    }
    const r = this.rowNo;
    if (this.inlineRow[c] === r - 1 && this.inlineText[c] === v) this.tags[k] = SAME;
    else {
      this.tags[k] = INLINE;
      this.inline.push(v);
      this.inlineText[c] = v;
    }
    this.inlineRow[c] = r;
  }

  /**
   * A taken batch's buffers (batchBuffers), back from the thread that decoded it: the next take()
   * fills them again rather than making new ones, which the garbage collector would hold on to
   * (at 10,000,000 lines, some 25 MB of dead batches at any time).
   */
  giveBack(buffers: ArrayBuffer[]): void {
    if (buffers.length === 3 && this.spare.length < 8) this.spare.push(buffers);
  }

  /** The rows added since the last take(), as one batch. */
  take(): RowBatch {
    const [l, t, v] = this.spare.pop() ?? [];
    const batch: RowBatch = {
      lengths: refill(this.lengths, this.rows, l),
      tags: refill(this.tags, this.cells, t),
      values: refill(this.values, this.cells, v),
      inline: this.inline,
      added: this.added,
      sharedIndex: this.sharedIndex,
      sharedText: this.sharedText,
    };
    this.rows = this.cells = 0;
    this.inline = [];
    this.added = [];
    this.sharedIndex = [];
    this.sharedText = [];
    return batch;
  }

  /** Rows → one batch (tests, small inputs). */
  encode(rows: readonly (readonly Cell[])[]): RowBatch {
    for (const r of rows) this.add(r);
    return this.take();
  }

  /** The caller's number for `text`, sending the text the first time; −1 (sent inline) if out of step. */
  private numbered(c: number, text: string, id: number): number {
    if (id < 0) return -1;
    const sent = this.sent[c] ?? 0;
    if (id < sent) return id;
    if (id > sent) return -1;
    this.added.push([c, text]);
    this.sent[c] = sent + 1;
    return id;
  }

  /** The column's number for `text`, numbering it if new; −1 when the column's dictionary is full. */
  private idOf(c: number, text: string): number {
    if (this.lastText[c] === text) return this.lastId[c];
    if (this.dictionaryOff[c]) return -1;
    let d = this.dictionaries[c];
    if (d === undefined) d = this.dictionaries[c] = new Map();
    let id = d.get(text);
    if (id === undefined) {
      if (d.size >= DICTIONARY_MAX) return -1;
      id = d.size;
      d.set(text, id);
      this.added.push([c, text]);
      // A column whose texts seldom come back (order ids, per-line notes) sends them with their
      // batch from here on: a look-up in a table that only grows costs more than it saves.
      if (id + 1 === DICTIONARY_TRIAL && (this.dictionaryHits[c] ?? 0) < DICTIONARY_TRIAL)
        this.dictionaryOff[c] = true;
    } else this.dictionaryHits[c] = (this.dictionaryHits[c] ?? 0) + 1;
    this.lastText[c] = text;
    this.lastId[c] = id;
    return id;
  }
}

/** The first n values of `from` in the given buffer when it is large enough, else in a new array. */
function refill<T extends Int32Array | Uint8Array | Float64Array>(
  from: T,
  n: number,
  into: ArrayBuffer | undefined
): T {
  const Kind = from.constructor as {
    new (buffer: ArrayBuffer, offset: number, length: number): T;
    new (length: number): T;
    BYTES_PER_ELEMENT: number;
  };
  const out =
    into && into.byteLength >= n * Kind.BYTES_PER_ELEMENT ? new Kind(into, 0, n) : new Kind(n);
  out.set(from.subarray(0, n));
  return out;
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Batches → rows, in the order they were encoded. */
export class RowDecoder {
  private dictionaries: string[][] = [];
  /** a workbook's shared strings met so far, by index */
  private shared: string[] = [];
  /** per column: the last string sent inline (SAME repeats it) */
  private inlineText: string[] = [];

  /** The batch's rows; `spare` row arrays are filled first (CsvParser.recycle's pool). */
  decode(b: RowBatch, spare: Cell[][] = []): Cell[][] {
    for (const [c, text] of b.added) (this.dictionaries[c] ??= []).push(text);
    for (let i = 0; i < b.sharedIndex.length; i++) this.shared[b.sharedIndex[i]] = b.sharedText[i];
    const rows: Cell[][] = new Array<Cell[]>(b.lengths.length);
    let k = 0;
    let t = 0;
    for (let i = 0; i < b.lengths.length; i++) {
      const n = b.lengths[i];
      const row = spare.pop() ?? [];
      for (let c = 0; c < n; c++, k++) {
        const tag = b.tags[k];
        row[c] =
          tag === NUMBER
            ? b.values[k]
            : tag === DICTIONARY
              ? this.dictionaries[c][b.values[k]]
              : tag === INLINE
                ? (this.inlineText[c] = b.inline[t++])
                : tag === SAME
                  ? this.inlineText[c]
                  : tag === SHARED
                    ? this.shared[b.values[k]]
                    : tag === TRUE
                      ? true
                      : tag === FALSE
                        ? false
                        : null;
      }
      if (row.length !== n) row.length = n;
      rows[i] = row;
    }
    return rows;
  }
}
