/**
 * Finds what each sheet or table holds from its header row: which role (order lines,
 * accounts, catalog, contacts, cross-sell rules, currency rates), which row is the header
 * (not always row 1: exports put titles above), and which column is which field.
 */
import { cellText, type Grid, isBlankCell } from './grid';
import { type FieldDef, normaliseHeader, type Role, ROLES } from './fields';

/** How many rows from the top are searched for the header row. */
const HEADER_SCAN_ROWS = 30;

export interface FieldMatch {
  field: string;
  /** 0-based column within the grid */
  column: number;
  header: string;
  /** 1 = exact synonym, 0.7 = header contains a synonym, 1 = set by the user */
  confidence: number;
}

/** A role's column mapping; plain JSON so the add-in can keep it in the workbook. */
export interface ColumnMapping {
  role: Role;
  sheet: string;
  table?: string;
  /** 0-based row of the header within the grid */
  headerRow: number;
  fields: FieldMatch[];
}

export interface Detection {
  mapping: ColumnMapping;
  /** 0..1 */
  confidence: number;
  headers: string[];
  /** data rows below the header (blank rows included) */
  dataRows: number;
}

function matchScore(header: string, syn: string): number {
  if (header === syn) return 1;
  if (syn.length >= 3 && new RegExp(`(^| )${syn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`).test(header)) return 0.7;
  return 0;
}

/** Best one-to-one assignment of fields to headers: strongest, most specific matches first. */
export function matchFields(headers: readonly string[], fields: readonly FieldDef[]): FieldMatch[] {
  const norm = headers.map((h) => normaliseHeader(h));
  const cands: { field: string; column: number; score: number; len: number; order: number }[] = [];
  fields.forEach((f, order) => {
    norm.forEach((h, column) => {
      if (!h) return;
      let best = 0;
      let len = 0;
      for (const syn of f.synonyms) {
        const s = matchScore(h, normaliseHeader(syn));
        if (s > best || (s === best && s > 0 && syn.length > len)) {
          best = s;
          len = syn.length;
        }
      }
      if (best > 0) cands.push({ field: f.field, column, score: best, len, order });
    });
  });
  cands.sort((a, b) => b.score - a.score || b.len - a.len || a.order - b.order || a.column - b.column);
  const usedF = new Set<string>();
  const usedC = new Set<number>();
  const out: FieldMatch[] = [];
  for (const c of cands) {
    if (usedF.has(c.field) || usedC.has(c.column)) continue;
    usedF.add(c.field);
    usedC.add(c.column);
    out.push({ field: c.field, column: c.column, header: headers[c.column], confidence: c.score });
  }
  return out.sort((a, b) => a.column - b.column);
}

function roleScore(role: Role, matches: FieldMatch[]): number {
  const def = ROLES[role];
  const have = new Set(matches.map((m) => m.field));
  const groupsMet = def.requiredAny.filter((g) => g.some((f) => have.has(f))).length;
  if (groupsMet < def.requiredAny.length) return 0;
  const quality = matches.reduce((s, m) => s + m.confidence, 0) / Math.max(matches.length, 1);
  const coverage = Math.min(1, matches.length / Math.min(def.fields.length, 6));
  return 0.5 * quality + 0.5 * coverage;
}

/** Detects the role of one grid; undefined when no header row fits any role. */
export function detectTable(grid: Grid, only?: Role): Detection | undefined {
  let best: Detection | undefined;
  const rows = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const texts = row.map((v) => (typeof v === 'string' ? v.trim() : ''));
    const filled = texts.filter((t) => t !== '').length;
    if (filled < 2) continue;
    for (const role of Object.keys(ROLES) as Role[]) {
      if (only && role !== only) continue;
      const matches = matchFields(texts, ROLES[role].fields);
      const score = roleScore(role, matches);
      if (score > 0 && (!best || score > best.confidence + 1e-9)) {
        best = {
          mapping: { role, sheet: grid.name, table: grid.tableName, headerRow: r, fields: matches },
          confidence: Math.round(score * 100) / 100,
          headers: row.map((v) => cellText(v)),
          dataRows: grid.values.length - r - 1,
        };
      }
    }
  }
  return best;
}

/** The best grid for each role (tables preferred over plain ranges on a tie). */
export function detectWorkbook(grids: readonly Grid[]): Partial<Record<Role, Detection>> {
  const out: Partial<Record<Role, Detection>> = {};
  for (const g of grids) {
    const d = detectTable(g);
    if (!d) continue;
    const cur = out[d.mapping.role];
    const better = !cur || d.confidence > cur.confidence || (d.confidence === cur.confidence && (!!d.mapping.table && !cur.mapping.table || d.dataRows > cur.dataRows));
    if (better) out[d.mapping.role] = d;
  }
  return out;
}

/** Headers found in a grid's most header-like row, for messages. */
export function headersOf(grid: Grid): string[] {
  let bestRow: string[] = [];
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN_ROWS); r++) {
    const t = (grid.values[r] ?? []).filter((v) => typeof v === 'string' && !isBlankCell(v)).map((v) => String(v).trim());
    if (t.length > bestRow.length) bestRow = t;
  }
  return bestRow;
}
