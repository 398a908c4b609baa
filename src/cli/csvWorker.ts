/**
 * The worker thread that reads and parses a large text file for the CLI (src/cli/fileSource.ts):
 * rows go back to the main thread in batches (src/cli/rowWire.ts), at most IN_FLIGHT ahead of
 * what it has taken, so a slow consumer holds the reader back rather than filling memory.
 * Bundled on its own (dist/cli/csvWorker.js) so it starts in milliseconds.
 */
import {
  parentPort,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from "node:worker_threads";
import { batchBuffers, RowEncoder } from "./rowWire";
import { TextFileReader, TextLimitError, type TextDialect } from "./textFile";

/** What the main thread starts the worker with. */
export interface CsvWorkerData {
  path: string;
  dialect: TextDialect;
  /** rows per batch */
  batchRows: number;
  /** Int32Array over a SharedArrayBuffer: [0] batches sent and not yet taken */
  inFlight: SharedArrayBuffer;
  /** where the main thread hands each decoded batch's buffers back (RowEncoder.giveBack) */
  spares: MessagePort;
}

/** Messages from the worker. */
export type CsvWorkerMessage =
  | { kind: "rows"; batch: import("./rowWire").RowBatch; bytesRead: number }
  | { kind: "done"; encoding: string; fellBackAt?: number; bytesRead: number }
  | { kind: "error"; error: "limit" | "range" | "other"; message: string };

/** Rows in the first batch (doubling up to batchRows), and the reads that make them. */
const FIRST_BATCH_ROWS = 1024;
const FIRST_READ_BYTES = 128 * 1024;

/** Batches sent and not yet taken before the worker waits. */
export const IN_FLIGHT = 4;

function run(port: NonNullable<typeof parentPort>, data: CsvWorkerData): void {
  const inFlight = new Int32Array(data.inFlight);
  const encoder = new RowEncoder();
  // the parser writes each row straight into the batch being built
  const reader = new TextFileReader(data.path, { dialect: data.dialect, wire: encoder });
  const send = () => {
    // read without waiting: this thread never returns to its event loop until the end
    for (let m = receiveMessageOnPort(data.spares); m; m = receiveMessageOnPort(data.spares))
      encoder.giveBack(m.message as ArrayBuffer[]);
    const batch = encoder.take();
    // wait while IN_FLIGHT batches are ahead of the main thread
    for (let n = Atomics.load(inFlight, 0); n >= IN_FLIGHT; n = Atomics.load(inFlight, 0))
      Atomics.wait(inFlight, 0, n);
    Atomics.add(inFlight, 0, 1);
    const message: CsvWorkerMessage = { kind: "rows", batch, bytesRead: reader.bytesRead };
    port.postMessage(message, batchBuffers(batch));
  };
  try {
    // The first batches are small and read in small chunks, so the main thread starts folding
    // rows in sooner; then batches of batchRows.
    let want = Math.min(FIRST_BATCH_ROWS, data.batchRows);
    for (;;) {
      const more = reader.next(noRows, want < data.batchRows ? FIRST_READ_BYTES : undefined);
      if (encoder.size >= want || (!more && encoder.size)) {
        send();
        want = Math.min(data.batchRows, want * 2);
      }
      if (!more) break;
    }
    const done: CsvWorkerMessage = {
      kind: "done",
      encoding: reader.encoding,
      fellBackAt: reader.fellBackAt,
      bytesRead: reader.bytesRead,
    };
    port.postMessage(done);
  } catch (e) {
    const message: CsvWorkerMessage = {
      kind: "error",
      error: e instanceof TextLimitError ? "limit" : e instanceof RangeError ? "range" : "other",
      message: e instanceof Error ? e.message : String(e),
    };
    port.postMessage(message);
  } finally {
    reader.close();
    data.spares.close();
  }
}

/** The parser writes to the encoder: it emits no row arrays. */
function noRows(): void {}

if (parentPort && (workerData as { kapCsv?: CsvWorkerData } | undefined)?.kapCsv)
  run(parentPort, (workerData as { kapCsv: CsvWorkerData }).kapCsv);
