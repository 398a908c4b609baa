/**
 * India's GSTR-1 as the GST portal's Excel offline tool lays it out: one sheet a section ("b2b,sez,de"
 * or "b2b", "b2ba", "cdnr", "cdnra" …), each with its title and summary rows above its header.
 * KAP reads one order table; a B2BA sheet read apart from its B2B sheet would leave each
 * amended invoice counted as filed. So the sections found on several sheets are read as one
 * table (ingest/amendments then replaces each original by its amendment): the first section's
 * rows as they stand, the others' data rows after them, each field in the first's column for it
 * (a B2BA's "Revised Invoice Number" under "Invoice Number"), a field the first has not (its
 * "Original Invoice Number", a CDNR's "Note Type") in a column added at the end.
 */
import { amendedFromColumn } from "../ingest/amendments";
import { detectTable, type Detection } from "../ingest/detect";
import { normaliseHeader } from "../ingest/fields";
import type { Cell } from "../ingest/grid";
import type { BlockHandler, IngestSource, SourceTable } from "./session";

/** One section's sheet: its table, its header row, and where each of its columns goes (-1: dropped). */
interface Section {
  table: SourceTable;
  headerRow: number;
  target: number[];
  /** its data rows */
  rows: number;
}

/** The GSTR-1 sections read together, and the note that says so. */
interface Merged {
  table: SourceTable;
  sections: Section[];
  note: string;
}

const AMENDED_FROM = "amendedFrom";

/** Each field's column in a section (the amended-from column under its own name). */
function fieldColumns(d: Detection): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of d.mapping.fields) if (!out.has(f.field)) out.set(f.field, f.column);
  const amended = amendedFromColumn(d.headers.map((h) => normaliseHeader(h)));
  if (amended >= 0) out.set(AMENDED_FROM, amended);
  return out;
}

/** The sections as one table, or undefined where fewer than two sheets hold one. */
function mergeSections(tables: readonly SourceTable[]): Merged | undefined {
  // a text file is one table: nothing to look at
  if (tables.length < 2) return undefined;
  const found: { table: SourceTable; d: Detection; columns: Map<string, number> }[] = [];
  const sheets = new Set<string>();
  for (const t of tables) {
    const d = detectTable(t.peek);
    if (d?.mapping.role !== "orders" || d.mapping.layout !== "gstr1-b2b") continue;
    const sheet = t.peek.name.toLowerCase();
    if (sheets.has(sheet)) continue;
    sheets.add(sheet);
    found.push({ table: t, d, columns: fieldColumns(d) });
  }
  if (found.length < 2) return undefined;
  // the originals first (B2B, CDNR), the amendments after: the first section's columns lead
  found.sort((a, b) => Number(a.columns.has(AMENDED_FROM)) - Number(b.columns.has(AMENDED_FROM)));
  const first = found[0];
  const header: Cell[] = first.d.headers.map((h) => h);
  const columnOf = new Map(first.columns);
  const sections: Section[] = found.map(({ table, d, columns }, k) => {
    const width = d.headers.length;
    const target = new Array<number>(width).fill(-1);
    if (k === 0) for (let c = 0; c < width; c++) target[c] = c;
    else
      for (const [field, c] of columns) {
        let to = columnOf.get(field);
        if (to === undefined) {
          to = header.length;
          header.push(d.headers[c]);
          columnOf.set(field, to);
        }
        target[c] = to;
      }
    const rows = Math.max(0, (table.rows ?? table.peek.values.length) - d.mapping.headerRow - 1);
    return { table, headerRow: d.mapping.headerRow, target, rows };
  });
  const headerRow = first.d.mapping.headerRow;
  const peekValues = first.table.peek.values.map((r, i) => (i === headerRow ? header : r));
  const total = headerRow + 1 + sections.reduce((n, s) => n + s.rows, 0);
  const table: SourceTable = {
    peek: { ...first.table.peek, values: peekValues },
    rows: total,
  };
  return { table, sections, note: sectionsNote(sections, headerRow) };
}

/** "b2b,sez,de" (rows 5–8), "b2ba" (its rows 5–5, read as rows 9–9): where each section's rows are. */
function sectionsNote(sections: readonly Section[], headerRow: number): string {
  let next = headerRow + 2;
  const said = sections.map((s, k) => {
    const from = next;
    next += s.rows;
    const own = s.headerRow + 2;
    const name = `"${s.table.peek.name}"`;
    if (s.rows === 0) return `${name} (no rows)`;
    return k === 0
      ? `${name} (rows ${from}–${next - 1})`
      : `${name} (its rows ${own}–${own + s.rows - 1}, read as rows ${from}–${next - 1})`;
  });
  return `GSTR-1's sections on ${sections.length} sheets are read as one table, so each amendment (B2BA, CDNRA) replaces the invoice or note it amends: ${said.join(", ")}.`;
}

/** A section's row in the merged table's columns. */
function remap(row: readonly Cell[], target: readonly number[], width: number): Cell[] {
  const out = new Array<Cell>(width).fill(null);
  const n = Math.min(row.length, target.length);
  for (let c = 0; c < n; c++) if (target[c] >= 0) out[target[c]] = row[c];
  return out;
}

/** What withGstr1Sections adds to its source. */
export interface Gstr1Sections {
  /** the sentence saying which sheets were read as one, once tables() found them */
  note(): string | undefined;
  /** the table read in their place and the section sheets' own tables (the lead first), once found */
  merged(): { table: SourceTable; sections: readonly SourceTable[] } | undefined;
}

/**
 * `source` with GSTR-1's sections on several sheets read as one table (the sheets themselves no
 * longer listed); `note()` says which, once tables() found them.
 */
export function withGstr1Sections<S extends IngestSource>(source: S): S & Gstr1Sections {
  let merged: Merged | undefined;
  const read = async (t: SourceTable, onBlock: BlockHandler): Promise<void> => {
    if (!merged || t !== merged.table) return source.read(t, onBlock);
    const width = merged.table.peek.values[merged.sections[0].headerRow]?.length ?? 0;
    let offset = 0;
    for (const [k, s] of merged.sections.entries()) {
      await source.read(s.table, async (rows, at) => {
        let out: readonly (readonly Cell[])[];
        if (k === 0) {
          // the first section's rows as they stand, its header row the merged one
          const h = s.headerRow - at;
          out = h >= 0 && h < rows.length ? rows.map((r, i) => (i === h ? header() : r)) : rows;
        } else {
          const from = Math.max(0, s.headerRow + 1 - at);
          const mapped: Cell[][] = [];
          for (let i = from; i < rows.length; i++) mapped.push(remap(rows[i], s.target, width));
          out = mapped;
        }
        if (out.length === 0) return;
        await onBlock(out, offset);
        offset += out.length;
      });
    }
  };
  const header = () => merged!.table.peek.values[merged!.sections[0].headerRow];
  const wrapped = Object.create(source) as S & Gstr1Sections;
  Object.assign(wrapped, {
    async tables() {
      const tables = await source.tables();
      merged = mergeSections(tables);
      if (!merged) return tables;
      const inMerged = new Set(merged.sections.map((s) => s.table));
      return [merged.table, ...tables.filter((t) => !inMerged.has(t))];
    },
    read,
    // the merged table's rows are made here, not the reader's to reuse
    recycle: (rows: Cell[][]) => (merged ? undefined : source.recycle?.(rows)),
    note: () => merged?.note,
    merged: () => merged && { table: merged.table, sections: merged.sections.map((s) => s.table) },
  });
  return wrapped;
}
