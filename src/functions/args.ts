/**
 * Argument shapes for the KAP functions. Every parameter is declared any[][] so one formula
 * works on a single cell or a whole column: a 1×1 argument is broadcast, n×1 (or 1×n) ones
 * must share the height, and the result has that height.
 *
 * Blank cells arrive as null on the web and as "" or 0 on desktop: null and "" are blank
 * everywhere; 0 is kept as a number (it is meaningful for days, % change and payment).
 */
import { ArgError } from './errors';

export type Cell = unknown;
export type Matrix = Cell[][];

export function isBlank(v: Cell): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Flattens a single-column or single-row range to a list; a 2-D block is refused with a message. */
export function asColumn(m: Matrix | Cell, argName: string): Cell[] {
  if (!Array.isArray(m)) return [m];
  if (m.length === 0) return [];
  if (m.length === 1) return Array.isArray(m[0]) ? [...m[0]] : [m[0]];
  if (m.every((r) => Array.isArray(r) && r.length === 1)) return m.map((r) => (r as Cell[])[0]);
  throw new ArgError(`${argName} must be one cell, one column or one row.`);
}

/** The common height of several column arguments; 1-cell arguments broadcast. */
export function commonHeight(cols: readonly { name: string; values: Cell[] }[]): number {
  let n = 1;
  for (const c of cols) {
    if (c.values.length === 1) continue;
    if (n === 1) n = c.values.length;
    else if (c.values.length !== n) throw new ArgError(`${c.name} has ${c.values.length} rows but another argument has ${n}; give ranges of the same height.`);
  }
  return n;
}

export function at(values: Cell[], i: number): Cell {
  return values.length === 1 ? values[0] : values[i];
}

const PERCENT_TEXT = /^([+-]?\d+(?:\.\d+)?)\s*%$/;

/** A number from a cell: numbers as they are, numeric text ("12", "-3.5", "20%") parsed; otherwise undefined. */
export function toNumber(v: Cell): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return undefined;
  if (typeof v === 'string') {
    const t = v.trim().replace(/,/g, '');
    const pct = PERCENT_TEXT.exec(t);
    if (pct) return Number(pct[1]) / 100;
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  }
  return undefined;
}

/** Optional scalar argument (Excel passes null for an omitted optional argument). */
export function optionalNumber(m: Matrix | Cell, argName: string): number | undefined {
  const col = asColumn(m ?? null, argName);
  if (col.length === 0 || (col.length === 1 && isBlank(col[0]))) return undefined;
  if (col.length !== 1) throw new ArgError(`${argName} must be a single value.`);
  const n = toNumber(col[0]);
  if (n === undefined) throw new ArgError(`${argName} must be a number (got "${String(col[0])}").`);
  return n;
}

/** All numbers of a range, row by row; blanks skipped; text refused with a message. */
export function numbersOf(m: Matrix | Cell, argName: string): number[] {
  const rows = Array.isArray(m) ? m : [[m]];
  const out: number[] = [];
  for (const r of rows) {
    for (const v of Array.isArray(r) ? r : [r]) {
      if (isBlank(v)) continue;
      const n = toNumber(v);
      if (n === undefined) throw new ArgError(`${argName} must hold numbers only (found "${String(v)}").`);
      out.push(n);
    }
  }
  return out;
}
