/**
 * Files as ingest sources for the CLI: delimited text read from disk in chunks, .xlsx sheets
 * streamed out of the zip. Rows go to the ingest session block by block; nothing holds a
 * whole file. Node only.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { type Cell, type Grid, USUAL_COLUMNS } from "../ingest/grid";
import type { IngestSource, SourceTable } from "../engine/session";
import { keepSpare, sniffFile, TextFileReader, TextLimitError, type TextDialect } from "./textFile";
import { FileReadError } from "./errors";
import type { ProjectMessage, ReadErrorKind, ReadJob, ReadSheetMessage } from "./csvWorker";
import {
  BLOCK_ROWS,
  readingThreadScript,
  startReadingThread,
  takeEarlyReader,
  type ReadingThread,
} from "./readingThread";
import { batchBuffers, RESUME_AT, RowDecoder } from "./rowWire";
import { XlsxFileError, XlsxLimitError, XlsxReader, type SheetHiddenRows } from "./xlsxReader";

/**
 * .xlsx workbooks from this size (compressed) are read on the reading thread too, on a machine
 * of 4 cores or more: the sheet's inflating runs on a third thread (zlib's), and on 2 cores the
 * three slowed each other (1M-row bench workbook on this project's 2-core VM: 8.1 s wall on the
 * main thread, 9.5 s with the reading thread). Text files: WORKER_MIN_BYTES (./readingThread).
 */
const XLSX_WORKER_MIN_BYTES = 16 << 20;
const XLSX_WORKER_MIN_CORES = 4;

/** Rows read for header detection. */
const PEEK_ROWS = 30;

/** A file source, with what the CLI reports about it. */
export interface FileSource extends IngestSource {
  /** "UTF-8, comma-delimited" / ".xlsx": what KAP settled on for the file. */
  describe(): string;
  /** Bytes of the file read so far and its size, for progress. */
  progress(): { done: number; total: number };
  /** What the reading says first about the file itself ("x.xlsx is a text (CSV) file …"). */
  notes?: readonly string[];
  /** A sheet's rows Excel does not show, once `read` has read it to its end (.xlsx only). */
  hiddenRows?(table: SourceTable): SheetHiddenRows | undefined;
}

const DELIMITER_NAMES: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
  "~": "tilde",
};
const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  shift_jis: "Shift-JIS",
  "windows-1252": "Windows-1252",
  "windows-1250": "Windows-1250",
  macintosh: "Mac OS Roman",
};

function limitError(file: string, e: unknown): unknown {
  if (e instanceof TextLimitError || e instanceof XlsxLimitError)
    return new FileReadError(`${basename(file)}: ${e.message}.`);
  if (e instanceof XlsxFileError) return new FileReadError(e.message);
  if (e instanceof RangeError && /string length|allocation failed|Array buffer/i.test(e.message))
    return new FileReadError(`${basename(file)} is too large to read here (${e.message}).`);
  return e;
}

/**
 * Throws the one sentence a user needs when a "text" file is not one: empty (0 bytes, or only a
 * BOM), an .xlsx/.zip workbook saved under a text name, or binary data (a NUL byte in the first
 * 64 KB of a file that is not UTF-16: no delimited text export has one).
 */
function notText(path: string, size: number, dialect: TextDialect): void {
  const name = basename(path);
  if (size <= dialect.bom)
    throw new FileReadError(
      `${name} is empty: export the order lines again and check the file has rows.`
    );
  if (dialect.encoding === "utf-16le" || dialect.encoding === "utf-16be") return;
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    const got = readSync(fd, head, 0, head.length, 0);
    if (got >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
      throw new FileReadError(
        `${name} is an Excel workbook (.xlsx) with a text-file name: rename it to .xlsx, or save it from Excel as CSV.`
      );
    if (head.subarray(0, got).includes(0))
      throw new FileReadError(
        `${name} is not a text file (it holds binary data): KAP reads .xlsx workbooks and .csv, .txt or .tsv text exports.`
      );
  } finally {
    closeSync(fd);
  }
}

/** A delimited text file (.csv, .txt, .tsv) as one table. */
export function textSource(path: string): FileSource {
  const ext = extname(path);
  const name = basename(path, ext);
  const size = statSync(path).size;
  let dialect: TextDialect | undefined;
  let encoding: string | undefined;
  let fellBackAt: number | undefined;
  let reader: TextFileReader | undefined;
  let worker: WorkerRows | undefined;
  /** the reading thread started by tables(), for read() */
  let early: WorkerRows | undefined;
  return {
    async tables() {
      dialect = sniffFile(path);
      notText(path, size, dialect);
      // 30 rows are in the first few KB: a smaller first read than the reader's 1 MB chunks.
      const r = new TextFileReader(path, { dialect, chunkBytes: 64 * 1024 });
      const values: Cell[][] = [];
      let more = true;
      try {
        while (values.length < PEEK_ROWS && (more = r.next((row) => values.push(row))));
      } catch (e) {
        throw limitError(path, e);
      } finally {
        r.close();
      }
      if (
        !more &&
        !values.some((row) =>
          row.some((c) => c !== null && c !== undefined && String(c).trim() !== "")
        )
      )
        throw new FileReadError(
          `${basename(path)} is empty: export the order lines again and check the file has rows.`
        );
      // What the reader settled on, for the report of what KAP assumed (IngestReport.read).
      const file = {
        encoding: `${ENCODING_NAMES[dialect.encoding] ?? dialect.encoding}${dialect.bom ? " with BOM" : ""}`,
        delimiter: DELIMITER_NAMES[dialect.delimiter] ?? dialect.delimiter,
      };
      const peek: Grid = { name, values: values.slice(0, PEEK_ROWS), top: 1, left: 1, file };
      // The reading thread starts now, while this thread detects the columns, unless bin/kap.js
      // started it on this file before loading the bundle (it sniffs the same dialect).
      const script = readingThreadScript(size);
      if (script && !early) {
        const job: ReadJob = { kind: "text", path, dialect };
        const started = takeEarlyReader(path);
        early = new WorkerRows(script, started?.job ?? job, started);
        early.start();
      }
      return [{ peek }];
    },
    async read(_t, onBlock) {
      const script = early ? undefined : readingThreadScript(size);
      if (early || script) {
        worker =
          early ??
          new WorkerRows(script!, { kind: "text", path, dialect: dialect ?? sniffFile(path) });
        early = undefined;
        try {
          await worker.read(onBlock);
        } catch (e) {
          throw limitError(path, e);
        } finally {
          encoding = worker.encoding;
          fellBackAt = worker.fellBackAt;
        }
        return;
      }
      const r = (reader = new TextFileReader(path, { dialect }));
      let block: Cell[][] = [];
      let offset = 0;
      try {
        for (;;) {
          const more = r.next((row) => block.push(row));
          if (block.length >= BLOCK_ROWS || (!more && block.length)) {
            const rows = block;
            block = [];
            await onBlock(rows, offset);
            offset += rows.length;
          }
          if (!more) break;
        }
      } catch (e) {
        throw limitError(path, e);
      } finally {
        r.close();
        encoding = r.encoding;
        fellBackAt = r.fellBackAt;
      }
    },
    describe() {
      const d = dialect ?? sniffFile(path);
      const enc = fellBackAt
        ? `UTF-8 up to row ${fellBackAt - 1}, then ${ENCODING_NAMES[encoding ?? ""] ?? "Windows-1252"}`
        : (ENCODING_NAMES[encoding ?? d.encoding] ?? d.encoding);
      return `${enc}${d.bom ? " with BOM" : ""}, ${DELIMITER_NAMES[d.delimiter] ?? `"${d.delimiter}"`}-delimited`;
    },
    progress: () => ({ done: worker?.bytesRead ?? reader?.bytesRead ?? 0, total: size }),
    chunkRows: BLOCK_ROWS,
    recycle: (rows) => (worker ? worker.recycle(rows) : reader?.recycle(rows)),
    // only where the reading thread encodes the rows (the text read here is a small file)
    project: (columns, dateColumn) => worker?.project(columns, dateColumn),
  };
}

/**
 * A text file's or an .xlsx sheet's rows read and parsed on a worker thread
 * (src/cli/csvWorker.ts), decoded here batch by batch; the worker stays at most a few batches
 * ahead.
 */
export class WorkerRows {
  bytesRead = 0;
  encoding?: string;
  fellBackAt?: number;
  /** an .xlsx sheet's hidden rows, once read */
  hidden?: SheetHiddenRows;
  private spare: Cell[][] = [];

  /** `started`: the thread already reading `job`, started before the bundle loaded (./readingThread, readEarly). */
  constructor(
    private script: string,
    private job: ReadJob,
    private started?: ReadingThread
  ) {}

  recycle(rows: Cell[][]): void {
    keepSpare(this.spare, rows);
  }

  /** A text file's rows from the next batch on carry only these columns where their date starts like a date (CsvParser.project). */
  project(columns: readonly number[], dateColumn: number): void {
    if (this.job.kind !== "text" || !this.started) return;
    const message: ProjectMessage = { project: [...columns], dateColumn };
    this.started.spares.port1.postMessage(message);
  }

  /**
   * Starts the reading thread, which reads ahead up to IN_FLIGHT batches. Called before the
   * main thread peeks at the file and detects its columns, so the thread's start-up and first
   * batches overlap that work; `unref`'d until `read`, so a source that is never read does not
   * keep the process alive.
   */
  start(): void {
    this.started ??= startReadingThread(this.script, this.job);
  }

  /** Reads the file (an .xlsx job: sheet `sheet`), block by block. */
  async read(
    onBlock: (rows: Cell[][], offset: number) => void | Promise<void>,
    sheet = 0
  ): Promise<void> {
    this.start();
    const { worker, flight, spares, queue, state } = this.started!;
    worker.ref();
    if (this.job.kind === "xlsx") {
      const which: ReadSheetMessage = { sheet };
      worker.postMessage(which);
    }
    const decoder = new RowDecoder();
    let offset = 0;
    try {
      for (;;) {
        while (queue.length === 0 && !state.failure && !state.exited)
          await new Promise<void>((resolve) => (state.wake = resolve));
        state.wake = undefined;
        const m = queue.shift();
        if (!m)
          throw (
            state.failure ?? new Error("The reading thread stopped before the end of the file.")
          );
        if (m.kind === "rows") {
          // taken: a worker waiting for room is woken once it has room for several batches
          if (Atomics.sub(flight, 0, 1) - 1 <= RESUME_AT && Atomics.load(flight, 1) === 1)
            Atomics.notify(flight, 0);
          this.bytesRead = m.bytesRead;
          const rows = decoder.decode(m.batch, this.spare);
          // the batch's buffers go back to be filled again
          const buffers = batchBuffers(m.batch);
          spares.port1.postMessage(buffers, buffers);
          await onBlock(rows, offset);
          offset += rows.length;
        } else if (m.kind === "done") {
          this.bytesRead = m.bytesRead;
          this.encoding = m.encoding;
          this.fellBackAt = m.fellBackAt;
          this.hidden = m.hidden;
          return;
        } else throw readError(m.error, m.message);
      }
    } finally {
      // A worker waiting for room (the consumer stopped early) is woken before it is stopped.
      Atomics.store(flight, 0, 0);
      Atomics.notify(flight, 0);
      spares.port1.close();
      await worker.terminate();
    }
  }
}

/** The worker's error as the class the reader on this thread would have thrown. */
function readError(kind: ReadErrorKind, message: string): Error {
  switch (kind) {
    case "text-limit":
      return new TextLimitError(message);
    case "xlsx-file":
      return new XlsxFileError(message);
    case "xlsx-limit":
      return new XlsxLimitError(message);
    case "range":
      return new RangeError(message);
    default:
      return new Error(message);
  }
}

/** An .xlsx workbook: every sheet a table, streamed out of the zip one sheet at a time. */
export function xlsxSource(path: string): FileSource {
  const size = statSync(path).size;
  let reader: XlsxReader | undefined;
  /** the reading thread, started by tables() to open the workbook while the columns are detected */
  let early: WorkerRows | undefined;
  let worker: WorkerRows | undefined;
  const open = async () => {
    if (!reader) {
      try {
        reader = await XlsxReader.open(path);
      } catch (e) {
        throw limitError(path, e);
      }
    }
    return reader;
  };
  const sheetOf = new Map<SourceTable, number>();
  /** each sheet's hidden rows, by whichever thread read it */
  const hiddenOf = new Map<SourceTable, SheetHiddenRows | undefined>();
  return {
    async tables() {
      const r = await open();
      const script = readingThreadScript(size, XLSX_WORKER_MIN_BYTES, XLSX_WORKER_MIN_CORES);
      if (script && !early) {
        early = new WorkerRows(script, { kind: "xlsx", path });
        early.start();
      }
      const out: SourceTable[] = [];
      for (let i = 0; i < r.sheets.length; i++) {
        const s = r.sheets[i];
        const values: Cell[][] = [];
        const formats: string[][] = [];
        try {
          await r.readSheet(
            i,
            (row, fmts) => {
              values.push(row);
              formats.push(fmts);
              return values.length < PEEK_ROWS;
            },
            { formats: true }
          );
        } catch (e) {
          throw limitError(path, e);
        }
        const t: SourceTable = {
          peek: {
            name: s.name,
            tableName: s.tables[0],
            values,
            numberFormats: formats,
            top: 1,
            left: 1,
          },
          rows: s.rows,
          ...(s.state ? { hiddenSheet: s.state } : {}),
        };
        sheetOf.set(t, i);
        out.push(t);
      }
      return out;
    },
    async read(t, onBlock) {
      const script = early
        ? undefined
        : readingThreadScript(size, XLSX_WORKER_MIN_BYTES, XLSX_WORKER_MIN_CORES);
      if (early || script) {
        worker = early ?? new WorkerRows(script!, { kind: "xlsx", path });
        early = undefined;
        try {
          await worker.read(onBlock, sheetOf.get(t)!);
        } catch (e) {
          throw limitError(path, e);
        }
        hiddenOf.set(t, worker.hidden);
        return;
      }
      const r = await open();
      let block: Cell[][] = [];
      // and its cells: a wide sheet's block is cut at as many cells as BLOCK_ROWS usual rows
      let cells = 0;
      let offset = 0;
      try {
        for await (const { rows } of r.sheetBlocks(sheetOf.get(t)!)) {
          for (const row of rows) {
            block.push(row);
            cells += row.length;
          }
          if (block.length >= BLOCK_ROWS || cells >= BLOCK_ROWS * USUAL_COLUMNS) {
            const full = block;
            block = [];
            cells = 0;
            await onBlock(full, offset);
            offset += full.length;
          }
        }
        if (block.length) await onBlock(block, offset);
      } catch (e) {
        throw limitError(path, e);
      }
      hiddenOf.set(t, r.sheets[sheetOf.get(t)!].hidden);
    },
    describe: () => ".xlsx",
    hiddenRows: (t) => hiddenOf.get(t),
    progress: () => ({ done: worker?.bytesRead ?? reader?.bytesRead ?? 0, total: size }),
    chunkRows: BLOCK_ROWS,
    recycle: (rows) => worker?.recycle(rows),
  };
}

/** What a file named as a workbook holds, by its first bytes. */
type Content = "zip" | "ole" | "html" | "xml" | "text" | "other";

/** The first `n` bytes of a file (fewer when it is shorter). */
function headOf(path: string, n: number, at = 0): Buffer {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(n);
    return head.subarray(0, readSync(fd, head, 0, n, at));
  } finally {
    closeSync(fd);
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * A workbook-named file by its content: an .xlsx is a zip (PK\x03\x04); an Excel 97–2003 .xls,
 * and an encrypted .xlsx, an OLE compound file (D0 CF 11 E0 …); online systems' "Excel" exports
 * are often a web page or XML; a CSV renamed is text (no NUL byte, or a UTF-16 BOM).
 */
function contentOf(path: string): Content {
  const head = headOf(path, 64 * 1024);
  if (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    head[2] === 0x03 &&
    head[3] === 0x04
  )
    return "zip";
  if (head.length >= 8 && OLE.every((b, i) => head[i] === b)) return "ole";
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (head.length === 0 || (!utf16 && head.includes(0))) return "other";
  const start = head
    .subarray(0, 1024)
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart()
    .toLowerCase();
  if (/^<(?:!doctype html|html|table|head|body|meta)\b/.test(start)) return "html";
  if (start.startsWith("<?xml")) return "xml";
  return "text";
}

/**
 * An OLE file holding an "EncryptedPackage" stream (in its first directory sector): a
 * password-protected .xlsx rather than an old .xls. Undefined when the directory cannot be read.
 */
function encryptedPackage(path: string): boolean | undefined {
  const header = headOf(path, 512);
  if (header.length < 0x34) return undefined;
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const dirSector = header.readUInt32LE(0x30);
  const dir = headOf(path, 4 << shift, (dirSector + 1) * 2 ** shift);
  if (dir.length === 0) return undefined;
  return dir.includes(Buffer.from("EncryptedPackage", "utf16le"));
}

const SAVE_AS =
  "open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV (.csv), then run kap again.";

/** The sentence for a workbook-named file KAP cannot read by what it holds (an .xls, a web page). */
function unreadable(path: string, content: "ole" | "html" | "xml"): FileReadError {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (content === "ole") {
    const locked = encryptedPackage(path);
    if (locked)
      return new FileReadError(
        `${name} is password-protected: KAP cannot open an encrypted workbook. Remove the password in Excel (File › Info › Protect Workbook › Encrypt with Password), save, and run kap again.`
      );
    if (locked === undefined && ext !== ".xls")
      return new FileReadError(
        `${name} is password-protected (or an old-format workbook): remove the password or save it as .xlsx in Excel, then try again.`
      );
    const named = ext === ".xls" ? "" : ` with an ${ext} name`;
    return new FileReadError(
      `${name} is an Excel 97–2003 workbook (.xls)${named}, which KAP does not read: ${SAVE_AS}`
    );
  }
  const what = content === "html" ? "a web page (HTML)" : "an XML file";
  return new FileReadError(`${name} is ${what} with an Excel name, not a workbook: ${SAVE_AS}`);
}

/** The source with a note the reading shows first (what the file was read as). */
function withNote(source: FileSource, note: string): FileSource {
  return { ...source, notes: [note] };
}

/**
 * The source for a file by its extension, or the sentence that says why KAP cannot read it. A
 * file named as a workbook is read by what it holds: a text file as text, a zip as .xlsx.
 */
export function fileSource(path: string): FileSource {
  if (!existsSync(path)) throw new FileReadError(`${path}: no such file.`);
  const st = statSync(path);
  if (st.isDirectory()) throw new FileReadError(`${path} is a folder, not a workbook.`);
  // a pipe (/dev/stdin, <(…)) cannot be read from its start again, as the reading does
  if (!st.isFile())
    throw new FileReadError(
      `${path} is a pipe or a device, not a file: save the order lines to a .csv or .xlsx file and give its name.`
    );
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return textSource(path);
  if (ext === ".xlsx" || ext === ".xlsm" || ext === ".xls") {
    const name = basename(path);
    const content = contentOf(path);
    if (content === "ole" || content === "html" || content === "xml")
      throw unreadable(path, content);
    if (content === "text")
      return withNote(
        textSource(path),
        `${name} is a text (CSV) file, not a workbook: read as CSV.`
      );
    if (ext !== ".xls") return xlsxSource(path);
    if (statSync(path).size === 0) throw new FileReadError(`${name} is empty.`);
    if (content === "zip")
      return withNote(
        xlsxSource(path),
        `${name} is an .xlsx workbook with an .xls name: read as .xlsx.`
      );
    throw new FileReadError(`${name} is not an Excel workbook: ${SAVE_AS}`);
  }
  throw new FileReadError(`${basename(path)}: KAP reads .xlsx and .csv files.`);
}
