/**
 * The CLI's output: standard output written with backpressure and flushed before the process
 * exits (a pipe to a slow reader gets every byte), and progress on standard error only when
 * it is a terminal.
 */
import { once } from "node:events";
import { fstatSync, ftruncateSync } from "node:fs";
import type { Writable } from "node:stream";

/** Bytes per stream write when writing pieces. */
const BLOCK_BYTES = 1 << 16;
/**
 * The most text writeWhole holds before writing (UTF-16 units, about bytes for JSON): a
 * 1M-line file's JSON, 22 MB, fits (measured: peak RSS 206 → 219 MB); a larger one is made twice.
 */
const HOLD_UNITS = 32 << 20;
/** Signals that stop `kap` while it writes a file: the file is cut back first (writeWhole). */
const STOPPING: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
/** Blocks written between two turns of the event loop (1 MB) while a file is written whole. */
const SIGNAL_CHECK_BLOCKS = 16;

/**
 * The pieces packed into blocks of 64 KB (one stream write per block rather than per piece: a
 * portfolio's JSON is thousands of pieces), each piece encoded as UTF-8 straight into its
 * block, never joined into a string first: joining and then encoding cost 20 ms more per 22 MB
 * (1M-line file's JSON, measured). A piece too long for a block comes on its own, as a string.
 * Each block yielded is the caller's to keep, unless `reuse()`, asked when the caller asks for
 * the next, says it is done with it: the next block is then made in the same memory.
 */
function* blocks(pieces: Iterable<string>, reuse?: () => boolean): Generator<Uint8Array | string> {
  let block = Buffer.allocUnsafe(BLOCK_BYTES);
  let used = 0;
  for (const piece of pieces) {
    // a UTF-16 unit is at most 3 bytes of UTF-8: a piece that surely fits goes in whole
    if (used + piece.length * 3 > BLOCK_BYTES) {
      if (used > 0) {
        yield block.subarray(0, used);
        if (!reuse?.()) block = Buffer.allocUnsafe(BLOCK_BYTES);
        used = 0;
      }
      if (piece.length * 3 > BLOCK_BYTES) {
        yield piece;
        continue;
      }
    }
    used += block.write(piece, used);
  }
  if (used > 0) yield block.subarray(0, used);
}

/**
 * Text for a terminal: control characters (C0 but line feed and tab, DEL, C1) as U+FFFD, so a
 * name from the data ("\x1b[31m…", "\x1b]0;…\x07") cannot colour, retitle or clear the screen.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}

/** Resolves after a turn of the event loop (signals, I/O), as setImmediate runs it. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class Output {
  /** Where the output, a regular file, ended when a whole write began (abandon() cuts it back there). */
  private fileStart: number | undefined;

  constructor(
    private stream: Writable,
    private readonly holdUnits = HOLD_UNITS
  ) {}

  /** Writes, then waits while the stream's buffer is full (a slow reader holds us back, not our memory). */
  async write(text: string | Uint8Array): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  /** Writes the pieces in blocks of 64 KB (see blocks()), waiting like write(). */
  async writeAll(pieces: Iterable<string>): Promise<void> {
    for (const b of blocks(pieces)) await this.write(b);
  }

  /**
   * Writes the text `make` yields whole or not at all, so that a failure never leaves a
   * truncated JSON text that reads as if it were complete.
   *
   * To a regular file (standard output redirected with > or >>) the text is written as it is
   * made, block after block in the same 64 KB of memory; when making or writing it fails, or
   * SIGINT, SIGTERM or SIGHUP stops the process meanwhile, the file is cut back to its length
   * before (abandon()). Holding the blocks first cost the 1M-line file's 22 MB of JSON 0.1–0.2 s
   * of CPU on this project's VM, most of it the kernel giving that much new memory its pages.
   *
   * To a pipe or terminal, whose bytes cannot be taken back, the text is made in full first,
   * held as 64 KB blocks of UTF-8, and only then written: an error while making it leaves the
   * output untouched. Past `holdUnits` (32 MB) the blocks are dropped and the rest is made
   * only to know it can be, then the text is made again and written as it comes (memory stays
   * bounded, the making is paid twice). A write that fails part-way cannot be taken back from a
   * pipe. `make` must yield the same text each call.
   */
  async writeWhole(make: () => Iterable<string>): Promise<void> {
    const start = this.regularFileSize();
    if (start !== undefined) return this.writeToFile(make(), start);
    const held: (Uint8Array | string)[] = [];
    let units = 0;
    let overflow = false;
    for (const b of blocks(make())) {
      if (overflow) continue;
      held.push(b);
      units += b.length;
      if (units > this.holdUnits) {
        overflow = true;
        held.length = 0;
      }
    }
    if (overflow) await this.writeAll(make());
    else for (const b of held) await this.write(b);
  }

  /** writeWhole to a regular file that is `start` bytes long: written as made, cut back on failure. */
  private async writeToFile(pieces: Iterable<string>, start: number): Promise<void> {
    this.fileStart = start;
    const stopped = (signal: NodeJS.Signals) => {
      this.abandon();
      for (const s of STOPPING) process.off(s, stopped);
      // ended by the signal, as it would have been without this listener
      process.kill(process.pid, signal);
    };
    for (const s of STOPPING) process.on(s, stopped);
    try {
      let n = 0;
      // a block is made again in the same memory once the stream holds nothing (a file's
      // stream writes each block at once)
      for (const b of blocks(pieces, () => this.stream.writableLength === 0)) {
        await this.write(b);
        // the event loop runs now and then, so that a signal is taken while the text is made
        if (++n % SIGNAL_CHECK_BLOCKS === 0) await turn();
      }
      // and once at the end, for a signal that came during the last blocks
      await turn();
    } finally {
      for (const s of STOPPING) process.off(s, stopped);
    }
    // written whole: abandon() has nothing more to cut
    this.fileStart = undefined;
  }

  /**
   * After a failure during writeWhole: a regular file receiving the output is cut back to its
   * length before the write began (a pipe or terminal cannot be: the failure is said on stderr).
   */
  abandon(): void {
    const fd = this.fd();
    if (this.fileStart === undefined || fd === undefined) return;
    try {
      ftruncateSync(fd, this.fileStart);
    } catch {
      // the file cannot be cut (its disk gone): the exit status and stderr say it failed
    }
    this.fileStart = undefined;
  }

  private fd(): number | undefined {
    const fd = (this.stream as Writable & { fd?: unknown }).fd;
    return typeof fd === "number" ? fd : undefined;
  }

  /** The output's length when it is a regular file (stdout redirected with > or >>), else undefined. */
  private regularFileSize(): number | undefined {
    const fd = this.fd();
    if (fd === undefined) return undefined;
    try {
      const st = fstatSync(fd);
      return st.isFile() ? st.size : undefined;
    } catch {
      return undefined;
    }
  }

  /** A line, without waiting (short output). */
  line(text: string): void {
    this.stream.write(`${terminalSafe(text)}\n`);
  }

  /** Resolves once everything written so far has been handed to the operating system. */
  flush(): Promise<void> {
    return new Promise((resolve) => {
      if (this.stream.writableLength === 0 && !this.stream.writableNeedDrain) return resolve();
      // An empty write's callback runs after every earlier write has been flushed.
      this.stream.write("", () => resolve());
    });
  }
}

/** "Reading orders.csv: 45% (73 of 163 MB), 6 s left" on one line of a terminal, at most 5 times a second. */
export class Progress {
  private readonly on: boolean;
  private last = 0;
  private started = Date.now();
  private stage = "";
  private shown = false;

  constructor(
    private stream: NodeJS.WriteStream,
    wanted: boolean
  ) {
    this.on = wanted && stream.isTTY === true;
  }

  show(stage: string, done?: number, total?: number): void {
    if (!this.on) return;
    const now = Date.now();
    if (stage !== this.stage) {
      this.stage = stage;
      this.started = now;
    } else if (now - this.last < 200) return;
    this.last = now;
    let text = stage;
    if (done !== undefined && total) {
      const f = Math.min(1, done / total);
      const mb = (x: number) => Math.round(x / 1048576).toLocaleString("en-GB");
      const secs = now - this.started;
      const left = f > 0.02 ? Math.round(((secs / f) * (1 - f)) / 1000) : undefined;
      text += `: ${Math.round(f * 100)}% (${mb(done)} of ${mb(total)} MB)${left !== undefined ? `, ${left} s left` : ""}`;
    } else text += "…";
    this.stream.write(`\r\x1b[K${text}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.on || !this.shown) return;
    this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
