/**
 * The order book's fold on a thread of its own (OrderBookOptions.folding, src/domain/analysis/
 * pairFold.ts): the main thread parses the lines and buffers each purchase, this thread folds
 * the buffered purchases into pair entries, and the lists come back, moved rather than copied,
 * when the book is closed. On the 1,048,575-line bench file the fold was about an eighth of the
 * main thread's reading, the critical path, while the reading thread waited for it. The thread
 * runs the reading thread's bundle (dist/cli/csvWorker.js), which starts in milliseconds.
 */
import { availableParallelism } from "node:os";
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from "node:worker_threads";
import {
  listsFrom,
  type PairFolding,
  type PairListParts,
  type PairLists,
  type PendingPurchases,
} from "../domain/analysis/pairFold";
import { readingThreadScript, WORKER_MIN_BYTES } from "./readingThread";

/** What the main thread starts the fold thread with (csvWorker.ts, runFold). */
export interface FoldWorkerData {
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: [0] set to 1 once the lists (or a failure) are posted */
  done: SharedArrayBuffer;
}

/** Messages to the fold thread: purchases to fold, or the end. */
export type FoldMessage = ({ kind: "fold"; n: number } & PendingPurchases) | { kind: "finish" };

/** The fold thread's one answer. */
export type FoldAnswer =
  { kind: "lists"; parts: PairListParts } | { kind: "error"; message: string };

/**
 * Purchases posted to the thread at once: 16 of the book's batches of 4,096 (1.8 MB). A post
 * wakes the thread, and at load a woken thread takes the poster's core for a scheduler slice: a
 * post per batch cost the main thread about as much wall time as the fold (profile at load 13).
 */
export const POST_PURCHASES = 1 << 16;

/** Purchases folded at a time on the thread: the book's batch, whose pair slots are read ahead (foldPurchases). */
export const FOLD_PURCHASES = 4096;

function heldPurchases(): PendingPurchases {
  return {
    key: new Int32Array(POST_PURCHASES),
    sku: new Int32Array(POST_PURCHASES),
    date: new Int32Array(POST_PURCHASES),
    rev: new Float64Array(POST_PURCHASES),
    qty: new Float64Array(POST_PURCHASES),
  };
}

/** A book's fold on its own thread. */
export class FoldThread implements PairFolding {
  private readonly channel = new MessageChannel();
  private readonly done = new SharedArrayBuffer(4);
  private readonly worker: Worker;

  constructor(script: string) {
    const data: FoldWorkerData = { port: this.channel.port2, done: this.done };
    this.worker = new Worker(script, {
      workerData: { kapFold: data },
      transferList: [this.channel.port2],
      // it keeps typed arrays only: a small young generation is enough
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    this.worker.unref();
  }

  /** purchases copied here until POST_PURCHASES are ready to go */
  private held = heldPurchases();
  private heldCount = 0;

  fold(p: PendingPurchases, n: number): void {
    if (this.heldCount + n > POST_PURCHASES) this.post();
    // copied (the book refills its arrays at once)
    const h = this.held;
    const at = this.heldCount;
    h.key.set(p.key.subarray(0, n), at);
    h.sku.set(p.sku.subarray(0, n), at);
    h.date.set(p.date.subarray(0, n), at);
    h.rev.set(p.rev.subarray(0, n), at);
    h.qty.set(p.qty.subarray(0, n), at);
    this.heldCount += n;
  }

  /** The purchases held, moved to the thread. */
  private post(): void {
    if (this.heldCount === 0) return;
    const m: FoldMessage = { kind: "fold", n: this.heldCount, ...this.held };
    const moved = [m.key, m.sku, m.date, m.rev, m.qty].map((a) => a.buffer as ArrayBuffer);
    this.channel.port1.postMessage(m, moved);
    this.held = heldPurchases();
    this.heldCount = 0;
  }

  /** Waits (blocking this thread: the book's close is synchronous) for the thread to fold the rest and hand its lists over. */
  finish(): PairLists {
    this.post();
    const finish: FoldMessage = { kind: "finish" };
    this.channel.port1.postMessage(finish);
    const done = new Int32Array(this.done);
    // a thread that ended without answering (its memory exhausted) says so rather than hangs
    while (Atomics.wait(done, 0, 0, 1000) === "timed-out")
      if (this.worker.threadId === -1)
        throw new Error("The fold thread stopped without its lists.");
    const got = receiveMessageOnPort(this.channel.port1);
    this.stop();
    const answer = got?.message as FoldAnswer | undefined;
    if (!answer) throw new Error("The fold thread stopped without its lists.");
    if (answer.kind === "error") throw new Error(`The fold thread failed: ${answer.message}`);
    return listsFrom(answer.parts);
  }

  /** Stops the thread (a book discarded before it was closed). */
  stop(): void {
    this.channel.port1.close();
    void this.worker.terminate();
  }
}

/**
 * For the CLI's engine (KapEngine.pairFolding): a fold thread for each book read from a file
 * of `size` bytes, where the reading thread reads it too (size, KAP_READ_THREAD, the bundle
 * built) on a machine of 2 cores or more; else undefined (the book folds as it goes). The
 * thread of a book discarded for another (the plan read again) is stopped.
 */
export function foldThreads(size: number): (() => PairFolding) | undefined {
  if (availableParallelism() < 2 || process.env.KAP_FOLD_THREAD === "0") return undefined;
  const script = readingThreadScript(size, WORKER_MIN_BYTES);
  if (!script) return undefined;
  let last: FoldThread | undefined;
  return () => {
    last?.stop();
    return (last = new FoldThread(script));
  };
}
