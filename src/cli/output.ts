/**
 * The CLI's output: standard output written with backpressure and flushed before the process
 * exits (a pipe to a slow reader gets every byte), and progress on standard error only when
 * it is a terminal.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";

/** Bytes per stream write when writing pieces. */
const BLOCK_BYTES = 1 << 16;

export class Output {
  constructor(private stream: Writable) {}

  /** Writes, then waits while the stream's buffer is full (a slow reader holds us back, not our memory). */
  async write(text: string | Uint8Array): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  /**
   * Writes the pieces in blocks of 64 KB (one stream write per block rather than per piece: a
   * portfolio's JSON is thousands of pieces), waiting like write(). Each piece is encoded as
   * UTF-8 straight into its block, never joined into a string first: joining and then encoding
   * cost 20 ms more per 22 MB (1M-line file's JSON, measured). A piece too long for a block
   * is written on its own.
   */
  async writeAll(pieces: Iterable<string>): Promise<void> {
    let block = Buffer.allocUnsafe(BLOCK_BYTES);
    let used = 0;
    for (const piece of pieces) {
      // a UTF-16 unit is at most 3 bytes of UTF-8: a piece that surely fits goes in whole
      if (used + piece.length * 3 > BLOCK_BYTES) {
        if (used > 0) {
          // the stream may keep the block until it is written (a pipe): a new one follows
          await this.write(block.subarray(0, used));
          block = Buffer.allocUnsafe(BLOCK_BYTES);
          used = 0;
        }
        if (piece.length * 3 > BLOCK_BYTES) {
          await this.write(piece);
          continue;
        }
      }
      used += block.write(piece, used);
    }
    if (used > 0) await this.write(block.subarray(0, used));
  }

  /** A line, without waiting (short output). */
  line(text: string): void {
    this.stream.write(`${text}\n`);
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
