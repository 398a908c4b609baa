/**
 * Whole workbooks as grids, through ExcelJS (tests and small files; the CLI streams files
 * through src/cli/fileSource.ts instead). Node only.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import type ExcelJS from "exceljs";
import type { Cell, Grid } from "../ingest/grid";
import { FileReadError } from "./errors";
import { CsvParser, decodeText, parseCsv, sniffDelimiter } from "./textFile";

export { decodeText, FileReadError, parseCsv };

function firstBytes(path: string, n: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: what Excel writes for an encrypted .xlsx (and for old .xls). */
const CFB = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

type ExcelValue = ExcelJS.CellValue;

/** An ExcelJS cell value reduced to what the cell shows (formula results, rich text, hyperlinks). */
export function shownValue(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date)
    return v;
  if (typeof v === "object") {
    if ("result" in v) return shownValue((v as { result?: ExcelValue }).result ?? null);
    if ("richText" in v)
      return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return shownValue((v as { text: ExcelValue }).text);
    // an error value as range.values gives it ("#N/A"), not a blank
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return null;
}

export async function readXlsx(path: string): Promise<Grid[]> {
  const head = firstBytes(path, 8);
  if (head.length === 0) throw new FileReadError(`${basename(path)} is empty.`);
  if (startsWith(head, CFB))
    throw new FileReadError(
      `${basename(path)} is password-protected (or an old-format workbook): remove the password or save it as .xlsx in Excel, then try again.`
    );
  if (!startsWith(head, ZIP))
    throw new FileReadError(
      `${basename(path)} is not an Excel workbook (.xlsx): it may be damaged or have the wrong extension.`
    );
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    // Past the signature checks above, whatever ExcelJS trips on is a damaged file.
    throw new FileReadError(
      `${basename(path)} could not be opened: it is damaged or not a real .xlsx workbook.`
    );
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const values: Cell[][] = [];
    const formats: string[][] = [];
    const width = Math.max(ws.columnCount, ws.actualColumnCount, 0);
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const r: Cell[] = new Array(width).fill(null);
      const f: string[] = new Array(width).fill("");
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (colNumber > width) return;
        r[colNumber - 1] = shownValue(cell.value);
        f[colNumber - 1] = cell.numFmt ?? "";
      });
      values[rowNumber - 1] = r;
      formats[rowNumber - 1] = f;
    });
    for (let i = 0; i < values.length; i++) {
      if (!values[i]) {
        values[i] = new Array(width).fill(null);
        formats[i] = new Array(width).fill("");
      }
    }
    const tables = Object.values(
      (ws as unknown as { tables?: Record<string, { name?: string }> }).tables ?? {}
    );
    grids.push({
      name: ws.name,
      values,
      numberFormats: formats,
      tableName: tables[0]?.name,
      top: 1,
      left: 1,
    });
  });
  return grids;
}

/** Delimited text → typed cells, as the CLI's streaming reader makes them (numbers, text, null). */
/** A text file's rows, and the delimiter it was split at. */
function csvGrid(text: string): { rows: Cell[][]; delimiter: string } {
  const unbom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { delimiter, skip } = sniffDelimiter(unbom);
  const rows: Cell[][] = [];
  new CsvParser({ delimiter, encoding: "utf-8" }).feed(
    Buffer.from(unbom.slice(skip), "utf8"),
    true,
    (r) => rows.push(r)
  );
  return { rows, delimiter };
}

export async function readWorkbookFile(path: string): Promise<{ grids: Grid[]; culture?: string }> {
  if (!existsSync(path)) throw new FileReadError(`${path}: no such file.`);
  if (statSync(path).isDirectory()) throw new FileReadError(`${path} is a folder, not a workbook.`);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") {
    const { rows, delimiter } = csvGrid(decodeText(readFileSync(path)));
    return {
      grids: [{ name: basename(path, ext), values: rows, top: 1, left: 1, file: { delimiter } }],
    };
  }
  if (ext === ".xlsx" || ext === ".xlsm") return { grids: await readXlsx(path) };
  if (ext === ".xls")
    throw new FileReadError(
      `${basename(path)} is an old .xls workbook: save it as .xlsx in Excel and try again.`
    );
  throw new FileReadError(`${basename(path)}: KAP reads .xlsx and .csv files.`);
}
