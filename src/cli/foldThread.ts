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

  fold(p: PendingPurchases, n: number): void {
    // copies of the first n (the book refills its arrays at once), moved to the thread
    const m: FoldMessage = {
      kind: "fold",
      n,
      key: p.key.slice(0, n),
      sku: p.sku.slice(0, n),
      date: p.date.slice(0, n),
      rev: p.rev.slice(0, n),
      qty: p.qty.slice(0, n),
    };
    const moved = [m.key, m.sku, m.date, m.rev, m.qty].map((a) => a.buffer as ArrayBuffer);
    this.channel.port1.postMessage(m, moved);
  }

  /** Waits (blocking this thread: the book's close is synchronous) for the thread to fold the rest and hand its lists over. */
  finish(): PairLists {
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
