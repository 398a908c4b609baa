/**
 * How KAP marks the sheets it made: a worksheet-level custom property (ExcelApi 1.12,
 * `worksheet.customProperties`), key "KAP", value JSON { v, kind, subject, run, name }.
 * Chosen over a workbook setting listing sheet ids because the mark travels with the sheet:
 * it survives renames and moves, disappears when the sheet is deleted, and never goes stale.
 * A copy the user makes of a KAP sheet carries the same mark; since one write makes one
 * sheet per kind + subject, `run` + `name` tell the original (the one still holding the name
 * it was written with) from the copy, and the copy is treated as the user's sheet.
 */
export const MARKER_KEY = 'KAP';

export interface SheetMarker {
  v: 1;
  kind: string;
  subject: string;
  /** Token of the write that made the sheet (also used to roll back a failed write). */
  run: string;
  /** The name the sheet was given when written. */
  name: string;
}

export function encodeMarker(m: Omit<SheetMarker, 'v'>): string {
  return JSON.stringify({ v: 1, ...m });
}

export function decodeMarker(value: unknown): SheetMarker | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const o: unknown = JSON.parse(value);
    if (typeof o !== 'object' || o === null) return undefined;
    const r = o as Record<string, unknown>;
    if (r.v !== 1 || typeof r.kind !== 'string' || typeof r.run !== 'string') return undefined;
    return { v: 1, kind: r.kind, subject: typeof r.subject === 'string' ? r.subject : '', run: r.run, name: typeof r.name === 'string' ? r.name : '' };
  } catch {
    return undefined;
  }
}

export interface MarkedSheet {
  name: string;
  marker: SheetMarker | undefined;
}

/**
 * Which existing sheets are KAP's own for this kind + subject. A sheet whose run token is
 * shared with another sheet is a copy unless it still has the name it was written with.
 */
export function sheetsToReplace(sheets: MarkedSheet[], kind: string, subject: string): string[] {
  const mine = sheets.filter((s) => s.marker && s.marker.kind === kind && s.marker.subject === subject);
  const perRun = new Map<string, number>();
  for (const s of mine) perRun.set(s.marker!.run, (perRun.get(s.marker!.run) ?? 0) + 1);
  // One write makes one sheet per kind + subject, so two sheets with the same run are an original and a copy.
  return mine.filter((s) => perRun.get(s.marker!.run) === 1 || s.marker!.name === s.name).map((s) => s.name);
}
