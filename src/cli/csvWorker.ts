/**
 * The reading thread of the CLI (src/cli/fileSource.ts): it reads and parses a large text file,
 * or one sheet of an .xlsx workbook, while the main thread folds the rows into the order book.
 * Rows go back in batches (src/cli/rowWire.ts), at most IN_FLIGHT ahead of what the main thread
 * has taken, so a slow consumer holds the reader back rather than filling memory. Bundled on its
 * own (dist/cli/csvWorker.js) so it starts in milliseconds.
 */
import {
  parentPort,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from "node:worker_threads";
import { foldPurchases, newPairLists, partsOf } from "../domain/analysis/pairFold";
import { USUAL_COLUMNS } from "../ingest/grid";
import {
  FOLD_PURCHASES,
  type FoldAnswer,
  type FoldMessage,
  type FoldWorkerData,
} from "./foldThread";
import { batchBuffers, RESUME_AT, RowEncoder, type RowBatch } from "./rowWire";
import { TextFileReader, TextLimitError, type TextDialect } from "./textFile";
import { XlsxFileError, XlsxLimitError, XlsxReader, type SheetHiddenRows } from "./xlsxReader";

/**
 * What the file is: a delimited text file in its dialect (undefined when the thread was started
 * before the main thread sniffed it: the thread sniffs it, as TextFileReader does), or an .xlsx
 * workbook (the sheet is posted later).
 */
export type ReadJob =
  { kind: "text"; path: string; dialect?: TextDialect } | { kind: "xlsx"; path: string };

/** What the main thread starts the worker with. */
export interface CsvWorkerData {
  job: ReadJob;
  /** rows per batch */
  batchRows: number;
  /**
   * Int32Array over a SharedArrayBuffer: [0] batches sent and not yet taken, [1] 1 while the
   * worker waits for room (the main thread wakes it only then, and only once RESUME_AT is reached)
   */
  inFlight: SharedArrayBuffer;
  /** where the main thread hands each decoded batch's buffers back (RowEncoder.giveBack), and says which columns it reads (ProjectMessage) */
  spares: MessagePort;
}

/**
 * The main thread's one message to an .xlsx job: the sheet to read. The worker opens the
 * workbook (zip directory, styles, shared strings) while the main thread detects the columns.
 */
export interface ReadSheetMessage {
  sheet: number;
}

/**
 * The main thread's word, on the spares port, that the columns are settled: from then on rows
 * whose date cell starts like a date carry only the columns the order lines are read from
 * (CsvParser.project). Text files only.
 */
export interface ProjectMessage {
  project: number[];
  dateColumn: number;
}

/** What went wrong, by the error's kind, so the main thread throws the same class. */
export type ReadErrorKind = "text-limit" | "xlsx-file" | "xlsx-limit" | "range" | "other";

/** Messages from the worker. */
export type CsvWorkerMessage =
  | { kind: "rows"; batch: RowBatch; bytesRead: number }
  | {
      kind: "done";
      encoding?: string;
      fellBackAt?: number;
      bytesRead: number;
      /** an .xlsx sheet's hidden rows */
      hidden?: SheetHiddenRows;
    }
  | { kind: "error"; error: ReadErrorKind; message: string };

/** Rows in the first batch (doubling up to batchRows), and the reads that make them. */
const FIRST_BATCH_ROWS = 1024;
const FIRST_READ_BYTES = 128 * 1024;

/** Batches sent and not yet taken before the worker waits. */
export const IN_FLIGHT = 8;

/**
 * Sends the encoder's rows as one batch, first waiting while IN_FLIGHT batches are ahead of the
 * main thread. The first batches are small, so the main thread starts sooner: `want()` is the
 * size at which the next batch is due.
 */
class Batches {
  private readonly inFlight: Int32Array;
  private due: number;
  /** What to do with a ProjectMessage (text files: the parser projects its next rows). */
  onProject?: (m: ProjectMessage) => void;

  constructor(
    private readonly port: NonNullable<typeof parentPort>,
    private readonly data: CsvWorkerData,
    readonly encoder: RowEncoder
  ) {
    this.inFlight = new Int32Array(data.inFlight);
    this.due = Math.min(FIRST_BATCH_ROWS, data.batchRows);
  }

  /** Whether the batch being built is due (or, at the end, has any rows). */
  isDue(end = false): boolean {
    // a wide export's batch is cut at as many cells as `due` rows of a usual export hold
    const { size, cellCount } = this.encoder;
    return size >= this.due || cellCount >= this.due * USUAL_COLUMNS || (end && size > 0);
  }

  /** Whether batches are still below full size (their reads are small too). */
  get ramping(): boolean {
    return this.due < this.data.batchRows;
  }

  send(bytesRead: number): void {
    // taken back without waiting (the text reader never returns to its event loop until the end)
    const spares = this.data.spares;
    for (let m = receiveMessageOnPort(spares); m; m = receiveMessageOnPort(spares)) {
      const message = m.message as ArrayBuffer[] | ProjectMessage;
      if (Array.isArray(message)) this.encoder.giveBack(message);
      else this.onProject?.(message);
    }
    const batch = this.encoder.take();
    const inFlight = this.inFlight;
    if (Atomics.load(inFlight, 0) >= IN_FLIGHT) {
      // said before the count is read again: a batch taken from here on wakes this thread
      Atomics.store(inFlight, 1, 1);
      for (let n = Atomics.load(inFlight, 0); n > RESUME_AT; n = Atomics.load(inFlight, 0))
        Atomics.wait(inFlight, 0, n);
      Atomics.store(inFlight, 1, 0);
    }
    Atomics.add(inFlight, 0, 1);
    const message: CsvWorkerMessage = { kind: "rows", batch, bytesRead };
    this.port.postMessage(message, batchBuffers(batch));
    this.due = Math.min(this.data.batchRows, this.due * 2);
  }
}

function readText(batches: Batches, job: Extract<ReadJob, { kind: "text" }>): CsvWorkerMessage {
  // the parser writes each row straight into the batch being built
  const reader = new TextFileReader(job.path, { dialect: job.dialect, wire: batches.encoder });
  batches.onProject = (m) => reader.project(m.project, m.dateColumn);
  try {
    for (;;) {
      const more = reader.next(noRows, batches.ramping ? FIRST_READ_BYTES : undefined);
      if (batches.isDue(!more)) batches.send(reader.bytesRead);
      if (!more) break;
    }
    return {
      kind: "done",
      encoding: reader.encoding,
      fellBackAt: reader.fellBackAt,
      bytesRead: reader.bytesRead,
    };
  } finally {
    reader.close();
  }
}

async function readXlsx(
  port: NonNullable<typeof parentPort>,
  batches: Batches,
  job: Extract<ReadJob, { kind: "xlsx" }>
): Promise<CsvWorkerMessage> {
  const opening = XlsxReader.open(job.path);
  // its failure is thrown below, once the sheet is known
  opening.catch(() => undefined);
  const { sheet } = await new Promise<ReadSheetMessage>((resolve) => port.once("message", resolve));
  const reader = await opening;
  try {
    for await (const { rows, sharedIds } of reader.sheetBlocks(sheet, { sharedIds: true })) {
      for (let i = 0; i < rows.length; i++) batches.encoder.addShared(rows[i], sharedIds[i]);
      if (batches.isDue()) batches.send(reader.bytesRead);
    }
    if (batches.isDue(true)) batches.send(reader.bytesRead);
    return { kind: "done", bytesRead: reader.bytesRead, hidden: reader.sheets[sheet].hidden };
  } finally {
    reader.close();
  }
}

function errorKind(e: unknown): ReadErrorKind {
  if (e instanceof TextLimitError) return "text-limit";
  if (e instanceof XlsxFileError) return "xlsx-file";
  if (e instanceof XlsxLimitError) return "xlsx-limit";
  return e instanceof RangeError ? "range" : "other";
}

async function run(port: NonNullable<typeof parentPort>, data: CsvWorkerData): Promise<void> {
  const batches = new Batches(port, data, new RowEncoder());
  try {
    const job = data.job;
    port.postMessage(
      job.kind === "text" ? readText(batches, job) : await readXlsx(port, batches, job)
    );
  } catch (e) {
    const message: CsvWorkerMessage = {
      kind: "error",
      error: errorKind(e),
      message: e instanceof Error ? e.message : String(e),
    };
    port.postMessage(message);
  } finally {
    data.spares.close();
  }
}

/** The parser writes to the encoder: it emits no row arrays. */
function noRows(): void {}

/**
 * The fold thread (./foldThread): folds each batch of purchases as it comes, and at "finish"
 * posts the lists (moved) and says so on the shared flag the main thread waits on.
 */
function runFold(data: FoldWorkerData): void {
  const lists = newPairLists();
  const port = data.port;
  const done = new Int32Array(data.done);
  const answer = (a: FoldAnswer, transfer: ArrayBuffer[] = []) => {
    port.postMessage(a, transfer);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    port.close();
  };
  let failed = false;
  port.on("message", (m: FoldMessage) => {
    if (failed) return;
    try {
      if (m.kind === "fold")
        for (let k = 0; k < m.n; k += FOLD_PURCHASES) {
          const end = Math.min(m.n, k + FOLD_PURCHASES);
          const part = {
            key: m.key.subarray(k, end),
            sku: m.sku.subarray(k, end),
            date: m.date.subarray(k, end),
            rev: m.rev.subarray(k, end),
            qty: m.qty.subarray(k, end),
          };
          foldPurchases(lists, part, end - k);
        }
      else {
        const { parts, transfer } = partsOf(lists);
        answer({ kind: "lists", parts }, transfer);
      }
    } catch (e) {
      failed = true;
      answer({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    }
  });
}

const started = workerData as { kapCsv?: CsvWorkerData; kapFold?: FoldWorkerData } | undefined;
if (parentPort && started?.kapCsv) void run(parentPort, started.kapCsv);
else if (started?.kapFold) runFold(started.kapFold);
