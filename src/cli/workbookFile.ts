/** Reads .xlsx (through ExcelJS) and .csv files into the grids ingest works on. Node only. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../ingest/grid';

export class FileReadError extends Error {}

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
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    const msg = (e as Error).message || '';
    if (/encrypt|password|CFB|Corrupted zip|end of central directory|invalid signature/i.test(msg)) {
      throw new FileReadError(`${basename(path)} could not be opened: it is not an .xlsx workbook, or it is password-protected or damaged.`);
    }
    throw new FileReadError(`${basename(path)} could not be read as an .xlsx workbook (${msg.split('\n')[0]}).`);
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const values: Cell[][] = [];
    const formats: string[][] = [];
    const width = ws.actualColumnCount || ws.columnCount;
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

/** RFC 4180 CSV with the delimiter sniffed from the first line (comma, semicolon or tab). */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.indexOf('\n') >= 0 ? src.indexOf('\n') : src.length);
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  const delim = counts.sort((a, b) => b.n - a.n)[0].d;
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
  return s;
}

export async function readWorkbookFile(path: string): Promise<{ grids: Grid[]; culture?: string }> {
  if (!existsSync(path)) throw new FileReadError(`${path}: no such file.`);
  if (statSync(path).isDirectory()) throw new FileReadError(`${path} is a folder, not a workbook.`);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    const rows = parseCsv(readFileSync(path, 'utf8'));
    return { grids: [{ name: basename(path, ext), values: rows.map((r) => r.map(csvCell)), top: 1, left: 1 }] };
  }
  if (ext === '.xlsx' || ext === '.xlsm') return { grids: await readXlsx(path) };
  if (ext === '.xls') throw new FileReadError(`${basename(path)} is an old .xls workbook: save it as .xlsx in Excel and try again.`);
  throw new FileReadError(`${basename(path)}: KAP reads .xlsx and .csv files.`);
}
