/**
 * Starting the reading thread (src/cli/csvWorker.ts), on its own so that bin/kap.js can start it
 * for a large text file before it loads the command's bundle (dist/cli/readingThread.js, a few
 * KB): the thread's start-up (a Node environment of its own, about 100 ms of CPU on this
 * project's VM) and its first batches then overlap loading kap.js and detecting the columns,
 * rather than following them. src/cli/fileSource.ts reads from the thread (WorkerRows) and
 * takes over one started early (takeEarlyReader). Node built-ins only: nothing of the bundle.
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { extname, join, resolve } from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import type { CsvWorkerData, CsvWorkerMessage, ReadJob } from "./csvWorker";

/**
 * Rows per block handed to the session, and per chunk it pushes to the engine: few enough that
 * a block's rows are gone by the next young-generation collection rather than copied into the
 * old one (measured on the 1,048,575-line bench file: about 40 MB less peak memory than 20,000,
 * CPU time no worse). The reading thread's full batches are this size.
 */
export const BLOCK_ROWS = 4096;

/**
 * Text files from this size are read and parsed on a worker thread while the main thread folds
 * the rows into the order book (measured on the 1,048,575-line bench file: see README's
 * performance table). KAP_READ_THREAD=0 reads on the main thread, =1 on the worker at any size.
 */
export const WORKER_MIN_BYTES = 8 << 20;

/** The commands that read a file of order lines (src/cli/main.ts). */
const READING_COMMANDS: ReadonlySet<string> = new Set([
  "analyze",
  "analyse",
  "sheets",
  "qbr",
  "clv",
  "initiatives",
]);

/** The extensions read as delimited text by their name (src/cli/fileSource.ts, fileSource). */
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set([".csv", ".txt", ".tsv"]);

/** The worker's script beside the bundle (dist/cli); absent when running from TypeScript sources. */
export function readingThreadScript(
  size: number,
  minBytes = WORKER_MIN_BYTES,
  minCores = 1
): string | undefined {
  const wanted = process.env.KAP_READ_THREAD;
  if (wanted === "0") return undefined;
  if (wanted !== "1" && (size < minBytes || availableParallelism() < minCores)) return undefined;
  const p = join(__dirname, "csvWorker.js");
  return existsSync(p) ? p : undefined;
}

/** What the main thread holds of a started reading thread. */
export interface ReadingThread {
  job: ReadJob;
  worker: Worker;
  /** [0]: batches sent and not yet taken, [1]: the thread waits for room (CsvWorkerData.inFlight) */
  flight: Int32Array;
  spares: MessageChannel;
  /** the thread's messages, in order, until they are taken */
  queue: CsvWorkerMessage[];
  state: { failure?: Error; exited: boolean; wake?: () => void };
}

/**
 * Starts the reading thread on `job`, which reads ahead up to IN_FLIGHT batches (csvWorker.ts);
 * its messages wait in `queue`. `unref`'d, so a thread that is never read from does not keep
 * the process alive.
 */
export function startReadingThread(script: string, job: ReadJob): ReadingThread {
  const inFlight = new SharedArrayBuffer(8);
  const spares = new MessageChannel();
  const data: CsvWorkerData = { job, batchRows: BLOCK_ROWS, inFlight, spares: spares.port2 };
  const worker = new Worker(script, {
    workerData: { kapCsv: data },
    transferList: [spares.port2],
    // A text file's rows are encoded as they are parsed and die at once: a small young
    // generation is enough (measured at 10,000,000 lines: 12 MB less peak memory than the
    // default, no slower). The .xlsx reader makes each row first: it gets the default.
    resourceLimits: job.kind === "text" ? { maxYoungGenerationSizeMb: 4 } : {},
  });
  worker.unref();
  const queue: CsvWorkerMessage[] = [];
  const state: ReadingThread["state"] = { exited: false };
  worker.on("message", (m: CsvWorkerMessage) => {
    queue.push(m);
    state.wake?.();
  });
  worker.on("error", (e) => {
    state.failure = e;
    state.wake?.();
  });
  worker.on("exit", () => {
    state.exited = true;
    state.wake?.();
  });
  return { job, worker, flight: new Int32Array(inFlight), spares, queue, state };
}

/** A reading thread started by bin/kap.js before the bundle, for the file at `path` (absolute). */
export interface EarlyReader {
  path: string;
  thread: ReadingThread;
}

/**
 * For bin/kap.js, before it loads the bundle: the reading thread started on the one large text
 * file among `args` when they name a command that reads one (`kap analyze orders.csv …`); else
 * undefined. The thread sniffs the file's encoding and delimiter itself, as the main thread does
 * (textFile's sniffFile: the same bytes give the same dialect). It is started only where
 * textSource would read the file on the thread anyway (by size and KAP_READ_THREAD), so the
 * rows are the same; one the command does not take (a usage error, another file) is stopped by
 * takeEarlyReader or ends with the process.
 */
export function readEarly(args: readonly string[]): EarlyReader | undefined {
  if (!args.some((a) => READING_COMMANDS.has(a))) return undefined;
  let found: { path: string; size: number } | undefined;
  for (const arg of args) {
    if (arg.startsWith("-") || !TEXT_EXTENSIONS.has(extname(arg).toLowerCase())) continue;
    let size: number;
    try {
      const st = statSync(arg);
      if (!st.isFile()) continue;
      size = st.size;
    } catch {
      continue;
    }
    // two text files named: which one is read is for the command to say
    if (found) return undefined;
    found = { path: resolve(arg), size };
  }
  if (!found) return undefined;
  const script = readingThreadScript(found.size);
  if (!script) return undefined;
  return {
    path: found.path,
    thread: startReadingThread(script, { kind: "text", path: found.path }),
  };
}

/** The reading thread bin/kap.js started, until a source takes it. */
let offered: EarlyReader | undefined;

/** Hands the command the reading thread bin/kap.js started (src/cli/main.ts, main). */
export function offerEarlyReader(early: EarlyReader | undefined): void {
  offered = early;
}

/**
 * The reading thread started early on the file at `path`, once (the next source of the same
 * file starts its own); undefined when none was. A thread started on another file is stopped.
 */
export function takeEarlyReader(path: string): ReadingThread | undefined {
  const early = offered;
  offered = undefined;
  if (!early) return undefined;
  if (early.path === resolve(path)) return early.thread;
  void early.thread.worker.terminate();
  return undefined;
}
