/**
 * The CLI's output: standard output written with backpressure and flushed before the process
 * exits (a pipe to a slow reader gets every byte), and progress on standard error only when
 * it is a terminal.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";

/** Characters per stream write when writing pieces (about 64 KB). */
const BLOCK_CHARS = 1 << 16;

export class Output {
  constructor(private stream: Writable) {}

  /** Writes, then waits while the stream's buffer is full (a slow reader holds us back, not our memory). */
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  /**
   * Writes the pieces in blocks of about 64 KB (one stream write per block rather than per
   * piece: a portfolio's JSON is hundreds of thousands of small pieces), waiting like write().
   */
  async writeAll(pieces: Iterable<string>): Promise<void> {
    let block: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      block.push(piece);
      size += piece.length;
      if (size >= BLOCK_CHARS) {
        await this.write(block.join(""));
        block = [];
        size = 0;
      }
    }
    if (block.length) await this.write(block.join(""));
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
