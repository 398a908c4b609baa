/**
 * How KAP marks the sheets it made, so its own output is never read as the user's data and a
 * re-run replaces KAP's sheet rather than the user's.
 *
 * Two marks, because Excel copies one and not the other when the user copies a sheet:
 * - a sheet-scoped defined name, KAP_SHEET (worksheet.names, ExcelApi 1.4; read through
 *   NamedItem.formula, 1.7), whose formula is a text constant holding { v, kind, subject, run,
 *   name }. Sheet-level names travel with a sheet copy in Excel, so a copy of a KAP sheet is
 *   still recognised as KAP's and never read as input. (No Microsoft page states this; it is
 *   Excel's copy behaviour — the reason it asks about "a name that already exists" when a copied
 *   sheet's names clash — and the double models it. README, "Host differences".)
 * - a worksheet custom property, also "KAP" (ExcelApi 1.12), which Excel does NOT copy with the
 *   sheet (office-js #5486, closed by design). Only KAP's original sheet has it, so it tells the
 *   original (which a re-run replaces, even renamed) from the user's copy (which is left alone).
 *   On hosts without 1.12 the original is the sheet still holding the name it was written with.
 */
import { supports } from "./requirements";

export const MARKER_KEY = "KAP";
/** The sheet-scoped defined name that marks a KAP sheet. */
export const MARK_NAME = "KAP_SHEET";

export interface SheetMarker {
  v: 1;
  kind: string;
  subject: string;
  /** Token of the write that made the sheet (also used to roll back a failed write). */
  run: string;
  /** The name the sheet was given when written. */
  name: string;
}

/** Excel limits a text constant in a formula to 255 characters. */
const MAX_TEXT = 255;

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** The subject as stored in a mark: long ones are cut and keep a hash, so a mark fits in a formula. */
export function subjectKey(subject: string): string {
  const clean = subject.replace(/[\u0000-\u001f]/g, " ");
  return clean.length <= 80 ? clean : `${clean.slice(0, 60)}#${hash(clean)}`;
}

export function encodeMarker(m: Omit<SheetMarker, "v">): string {
  return JSON.stringify({
    v: 1,
    kind: m.kind,
    subject: subjectKey(m.subject),
    run: m.run,
    name: m.name,
  });
}

export function decodeMarker(value: unknown): SheetMarker | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const o: unknown = JSON.parse(value);
    if (typeof o !== "object" || o === null) return undefined;
    const r = o as Record<string, unknown>;
    if (r.v !== 1 || typeof r.kind !== "string" || typeof r.run !== "string") return undefined;
    return {
      v: 1,
      kind: r.kind,
      subject: typeof r.subject === "string" ? r.subject : "",
      run: r.run,
      name: typeof r.name === "string" ? r.name : "",
    };
  } catch {
    return undefined;
  }
}

/** The KAP_SHEET name's formula: the mark as a text constant (quotes doubled, as Excel writes them). */
export function markFormula(m: Omit<SheetMarker, "v">): string {
  const text = encodeMarker(m);
  if (text.length > MAX_TEXT)
    throw new Error(`KAP's sheet mark is ${text.length} characters; Excel allows ${MAX_TEXT}`);
  return `="${text.replace(/"/g, '""')}"`;
}

/** The mark back from the KAP_SHEET name's formula; undefined for anything else. */
export function markFromFormula(formula: unknown): SheetMarker | undefined {
  if (typeof formula !== "string") return undefined;
  const m = /^="((?:[^"]|"")*)"$/s.exec(formula.trim());
  return m ? decodeMarker(m[1].replace(/""/g, '"')) : undefined;
}

export interface MarkedSheet {
  name: string;
  /** From the KAP_SHEET name (copied with the sheet). */
  marker: SheetMarker | undefined;
  /**
   * Whether the sheet also has KAP's custom property, which a copy lacks: true for KAP's
   * original, false for a copy, undefined where the host cannot say (no ExcelApi 1.12).
   */
  original?: boolean;
}

/**
 * Which existing sheets are KAP's own for this kind + subject and may be replaced: the original
 * (custom property present), even if the user renamed it; never a copy the user made. Where the
 * host cannot tell them apart, only the sheet still holding the name it was written with.
 */
export function sheetsToReplace(sheets: MarkedSheet[], kind: string, subject: string): string[] {
  const key = subjectKey(subject);
  return sheets
    .filter((s) => s.marker && s.marker.kind === kind && s.marker.subject === key)
    .filter((s) => (s.original === undefined ? s.marker!.name === s.name : s.original))
    .map((s) => s.name);
}

/**
 * Queues the reads of every sheet's marks (one sync for all sheets); call the returned function
 * after `context.sync()`. The sheets' names must be loaded. A sheet made by an earlier KAP with
 * only the custom property still counts as marked.
 */
export function queueMarkReads(sheets: Excel.Worksheet[]): () => MarkedSheet[] {
  const names = sheets.map((ws) => ws.names.getItemOrNullObject(MARK_NAME).load("formula"));
  const props = supports("sheetCopies")
    ? sheets.map((ws) => ws.customProperties.getItemOrNullObject(MARKER_KEY).load("value"))
    : undefined;
  return () =>
    sheets.map((ws, i) => {
      const fromName = names[i].isNullObject ? undefined : markFromFormula(names[i].formula);
      const fromProp = props && !props[i].isNullObject ? decodeMarker(props[i].value) : undefined;
      return {
        name: ws.name,
        marker: fromName ?? fromProp,
        original: props ? fromProp !== undefined : undefined,
      };
    });
}

/** Queues both marks on a sheet KAP is writing. */
export function queueMark(ws: Excel.Worksheet, m: Omit<SheetMarker, "v">): void {
  ws.names.add(MARK_NAME, markFormula(m), "Made by KAP: this sheet is never read as your data.");
  if (supports("sheetCopies")) ws.customProperties.add(MARKER_KEY, encodeMarker(m));
}
