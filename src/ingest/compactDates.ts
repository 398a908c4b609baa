/**
 * Order dates written as bare digits with no separator that are no Excel serial: day and month
 * without the year (DDMM, "3110" or, its leading zero lost, "310": DATEV writes its Belegdatum so)
 * and six digits (DDMMYY or YYMMDD, "311026"). Read as serials they are dates in 1900–1908 or after
 * 2170, so each such row is skipped under its own rule and the user told what to export instead.
 */
import type { Cell } from "./grid";

/** What a compact date cell is: day and month only, or six digits of unknown order. */
export type CompactDate = "ddmm" | "six";

/** The skip rule of each kind ("3 no year in the date", "3 six-digit date rows"). */
export const COMPACT_DATE_RULE: Record<CompactDate, string> = {
  ddmm: "no year in the date",
  six: "six-digit date row",
};

/** The digits of a whole number cell, or of a text of digits only; undefined for anything else. */
function digitsOf(v: Cell): string | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 ? String(v) : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  return /^\d+$/.test(s) ? s : undefined;
}

/** The kind of a compact date cell (DDMM with a real day and month, or six digits); else undefined. */
export function compactDateOf(v: Cell): CompactDate | undefined {
  const s = digitsOf(v);
  if (s === undefined) return undefined;
  if (s.length === 3 || s.length === 4) {
    const day = Math.floor(Number(s) / 100);
    const month = Number(s) % 100;
    return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? "ddmm" : undefined;
  }
  return s.length === 6 ? "six" : undefined;
}

/** The compact dates met while reading, for the one note that says what they are. */
export class CompactDates {
  private readonly examples: Record<CompactDate, string[]> = { ddmm: [], six: [] };

  /** A row skipped for its compact date: the first examples kept for the note. */
  add(kind: CompactDate, v: Cell): void {
    const list = this.examples[kind];
    const text = String(v).trim();
    if (list.length < 3 && !list.includes(text)) list.push(text);
  }

  /** What the user is told: what the dates are, why the rows were skipped, what to export. */
  notes(header: string): string[] {
    const quoted = (k: CompactDate) => this.examples[k].map((e) => `"${e}"`).join(", ");
    const out: string[] = [];
    if (this.examples.ddmm.length)
      out.push(
        `"${header}" holds dates with a day and month but no year (${quoted("ddmm")}: DDMM, as DATEV's booking batches write the Belegdatum): KAP cannot tell which year each falls in, so those rows are skipped, not read as dates in 1900–1908. Export the dates with their year (31.10.2026) and analyse that file.`
      );
    if (this.examples.six.length)
      out.push(
        `"${header}" holds dates written as six digits (${quoted("six")}): day, month and year (DDMMYY) or year, month and day (YYMMDD), which KAP cannot tell apart, so those rows are skipped, not read as day numbers centuries ahead. Export the dates written out (31.10.2026 or 2026-10-31) and analyse that file.`
      );
    return out;
  }
}
