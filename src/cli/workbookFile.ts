/** Reads .xlsx (through ExcelJS) and .csv files into the grids ingest works on. Node only. */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../ingest/grid';

/** A file KAP cannot read, with one sentence that says why. */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

function firstBytes(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
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
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return shownValue((v as { result?: ExcelValue }).result ?? null);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return shownValue((v as { text: ExcelValue }).text);
    if ('error' in v) return null;
  }
  return null;
}

export async function readXlsx(path: string): Promise<Grid[]> {
  const head = firstBytes(path, 8);
  if (head.length === 0) throw new FileReadError(`${basename(path)} is empty.`);
  if (startsWith(head, CFB)) throw new FileReadError(`${basename(path)} is password-protected (or an old-format workbook): remove the password or save it as .xlsx in Excel, then try again.`);
  if (!startsWith(head, ZIP)) throw new FileReadError(`${basename(path)} is not an Excel workbook (.xlsx): it may be damaged or have the wrong extension.`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    // Past the signature checks above, whatever ExcelJS trips on is a damaged file.
    throw new FileReadError(`${basename(path)} could not be opened: it is damaged or not a real .xlsx workbook.`);
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const values: Cell[][] = [];
    const formats: string[][] = [];
    const width = Math.max(ws.columnCount, ws.actualColumnCount, 0);
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const r: Cell[] = new Array(width).fill(null);
      const f: string[] = new Array(width).fill('');
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (colNumber > width) return;
        r[colNumber - 1] = shownValue(cell.value);
        f[colNumber - 1] = cell.numFmt ?? '';
      });
      values[rowNumber - 1] = r;
      formats[rowNumber - 1] = f;
    });
    for (let i = 0; i < values.length; i++) {
      if (!values[i]) {
        values[i] = new Array(width).fill(null);
        formats[i] = new Array(width).fill('');
      }
    }
    const tables = Object.values((ws as unknown as { tables?: Record<string, { name?: string }> }).tables ?? {});
    grids.push({ name: ws.name, values, numberFormats: formats, tableName: tables[0]?.name, top: 1, left: 1 });
  });
  return grids;
}

/** Bytes → text: UTF-8 (BOM stripped), UTF-16 with a BOM (Excel's "Unicode text"), else Windows-1252 (older Excel CSVs with "£"). */
export function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** The delimiter of a CSV: Excel's "sep=;" line if present, else the most frequent of , ; tab outside quotes in the first lines. */
function sniffDelimiter(src: string): { delim: string; skip: number } {
  const sep = /^sep=(.)\r?\n/i.exec(src);
  if (sep) return { delim: sep[1], skip: sep[0].length };
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < src.length && lines < 5; i++) {
    const ch = src[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const delim = (Object.keys(counts) as string[]).sort((a, b) => counts[b] - counts[a])[0];
  return { delim: counts[delim] > 0 ? delim : ',', skip: 0 };
}

/** RFC 4180 CSV (quoted fields with "" escapes and line breaks; CRLF or LF) with the delimiter sniffed: comma, semicolon or tab. */
export function parseCsv(text: string): string[][] {
  const unbom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { delim, skip } = sniffDelimiter(unbom);
  const src = unbom.slice(skip);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV cells: numbers that look like plain numbers become numbers; everything else stays text for ingest to parse. */
function csvCell(s: string): Cell {
  const t = s.trim();
  if (t === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(t) && !/^0\d/.test(t)) return Number(t);
  return t;
}

export async function readWorkbookFile(path: string): Promise<{ grids: Grid[]; culture?: string }> {
  if (!existsSync(path)) throw new FileReadError(`${path}: no such file.`);
  if (statSync(path).isDirectory()) throw new FileReadError(`${path} is a folder, not a workbook.`);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const rows = parseCsv(decodeText(readFileSync(path)));
    return { grids: [{ name: basename(path, ext), values: rows.map((r) => r.map(csvCell)), top: 1, left: 1 }] };
  }
  if (ext === '.xlsx' || ext === '.xlsm') return { grids: await readXlsx(path) };
  if (ext === '.xls') throw new FileReadError(`${basename(path)} is an old .xls workbook: save it as .xlsx in Excel and try again.`);
  throw new FileReadError(`${basename(path)}: KAP reads .xlsx and .csv files.`);
}
