/** Using, correcting and re-applying a column mapping (the user's or a saved one). */
import type { ColumnMapping, FieldMatch } from './detect';
import { normaliseHeader, type Role, ROLES } from './fields';
import { cellText, type Grid } from './grid';

export class MissingRoleError extends Error {
  constructor(
    message: string,
    public readonly role: Role,
    public readonly missing: string[],
    public readonly headersFound: string[],
  ) {
    super(message);
    this.name = 'MissingRoleError';
  }
}

/** Which required field groups a mapping lacks, as labels ("Order date", "Line revenue or Unit price"). */
export function missingFields(mapping: Pick<ColumnMapping, 'role' | 'fields'>): string[] {
  const def = ROLES[mapping.role];
  const have = new Set(mapping.fields.map((f) => f.field));
  const label = (f: string) => def.fields.find((d) => d.field === f)?.label ?? f;
  return def.requiredAny.filter((g) => !g.some((f) => have.has(f))).map((g) => g.map(label).join(' or '));
}

/** Throws a MissingRoleError naming the missing fields, the headers found and how to map them. */
export function requireComplete(mapping: ColumnMapping, headersFound: string[]): void {
  const missing = missingFields(mapping);
  if (missing.length === 0) return;
  const role = ROLES[mapping.role].label;
  const first = missing[0].split(' or ')[0];
  throw new MissingRoleError(
    `No column for ${missing.map((m) => `"${m}"`).join(', ')} was found in the ${role} on "${mapping.sheet}". Headers found: ${headersFound.join(', ') || '(none)'}. Choose the column in the task pane's column mapping, or rename it to "${first}".`,
    mapping.role,
    missing,
    headersFound,
  );
}

/** Error when no sheet looks like order lines at all. */
export function noOrdersError(sheets: { name: string; headers: string[] }[]): MissingRoleError {
  const seen = sheets.map((s) => `${s.name}: ${s.headers.slice(0, 12).join(', ') || '(empty)'}`).join('; ');
  return new MissingRoleError(
    `No order lines were found. KAP needs a table with an account, an order date, a product code (SKU), a quantity and a revenue or unit price column. Headers found — ${seen || 'no sheets with data'}. Map the columns in the task pane, or rename the headers (e.g. "Customer ID", "Order Date", "SKU", "Qty", "Revenue").`,
    'orders',
    ['Order lines'],
    sheets.flatMap((s) => s.headers),
  );
}

/** A user's choice of header per field (header text, undefined = not mapped) applied to a mapping. */
export function withUserChoices(mapping: ColumnMapping, headers: readonly string[], choices: Record<string, string | undefined>): ColumnMapping {
  const fields: FieldMatch[] = mapping.fields.filter((f) => !(f.field in choices));
  for (const [field, header] of Object.entries(choices)) {
    if (header === undefined || header === '') continue;
    const column = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
    if (column < 0) continue;
    // A column belongs to one field: the user's choice takes it from any guess.
    const clash = fields.findIndex((f) => f.column === column);
    if (clash >= 0) fields.splice(clash, 1);
    fields.push({ field, column, header: headers[column], confidence: 1 });
  }
  return { ...mapping, fields: fields.sort((a, b) => a.column - b.column) };
}

/**
 * Re-applies a saved mapping to a grid: finds the header row again (rows may have been
 * inserted above) and each field's column by its header text. Throws a clear error when a
 * saved header is gone.
 */
export function applyMapping(grid: Grid, saved: ColumnMapping): ColumnMapping {
  const want = saved.fields.map((f) => normaliseHeader(f.header));
  for (let r = 0; r < Math.min(grid.values.length, 30); r++) {
    const headers = (grid.values[r] ?? []).map((v) => cellText(v));
    const norm = headers.map((h) => normaliseHeader(h));
    if (want.every((w) => norm.includes(w))) {
      return { ...saved, sheet: grid.name, table: grid.tableName ?? saved.table, headerRow: r, fields: saved.fields.map((f) => ({ ...f, column: norm.indexOf(normaliseHeader(f.header)) })) };
    }
  }
  const headers = (grid.values[saved.headerRow] ?? []).map((v) => cellText(v)).filter(Boolean);
  const gone = saved.fields.filter((f) => !headers.some((h) => normaliseHeader(h) === normaliseHeader(f.header))).map((f) => `"${f.header}"`);
  throw new MissingRoleError(
    `The saved column mapping for "${saved.sheet}" no longer fits: ${gone.join(', ') || 'its headers'} not found. Headers now: ${headers.join(', ') || '(none)'}. Check the column mapping in the task pane.`,
    saved.role,
    gone,
    headers,
  );
}
