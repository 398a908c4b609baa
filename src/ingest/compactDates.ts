/**
 * Order dates written as bare digits with no separator that are no Excel serial: day and month
 * without the year (DDMM, "3110" or, its leading zero lost, "310": DATEV writes its Belegdatum so)
 * and six digits (DDMMYY or YYMMDD, "311026"). Read as serials they are dates in 1900–1908 or after
 * 2170, so each such row is skipped under its own rule and the user told what to export instead.
 */
import type { Cell } from "./grid";

/**
 * What a compact date cell is: day and month only, six digits of unknown order, or five digits
 * in a column of six-digit dates (DDMMYY whose leading zero was lost: 031026 → 31026).
 */
export type CompactDate = "ddmm" | "six" | "five";

/** The skip rule of each kind ("3 no year in the date", "3 six-digit date rows"). */
export const COMPACT_DATE_RULE: Record<CompactDate, string> = {
  ddmm: "no year in the date",
  six: "six-digit date row",
  five: "six-digit date row",
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

/**
 * Whether a cell is five digits that read as a six-digit date with its leading zero put back
 * (31026 → 031026: day 3 of month 10, or 2003-10-26): in a column of six-digit dates such a cell
 * is one of them, not the Excel serial it also reads as (31026: 9 December 1984).
 */
export function lostZeroSixDigits(v: Cell): boolean {
  const s = digitsOf(v);
  if (s === undefined || s.length !== 5) return false;
  const month = Number(s.slice(1, 3));
  return month >= 1 && month <= 12;
}

/**
 * Whether a date column's cells are six-digit dates (DDMMYY or YYMMDD): some are, and they are
 * at least as many as the other dates (five-digit cells, which may be either, left aside).
 */
export function sixDigitDateColumn(cells: readonly Cell[]): boolean {
  let six = 0;
  let other = 0;
  for (const v of cells) {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    if (compactDateOf(v) === "six") six++;
    else if (!lostZeroSixDigits(v)) other++;
  }
  return six > 0 && six >= other;
}

/** The compact dates met while reading, for the one note that says what they are. */
export class CompactDates {
  private readonly examples: Record<CompactDate, string[]> = { ddmm: [], six: [], five: [] };

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
    if (this.examples.six.length || this.examples.five.length)
      out.push(
        `"${header}" holds dates written as six digits (${quoted(this.examples.six.length ? "six" : "five")}): day, month and year (DDMMYY) or year, month and day (YYMMDD), which KAP cannot tell apart, so those rows are skipped, not read as day numbers centuries ahead.${this.examples.five.length ? ` Those of five digits (${quoted("five")}) are such dates whose leading zero was lost (031026 written 31026), skipped with them, not read as Excel day numbers (31026 would be 10 December 1984).` : ""} Export the dates written out (31.10.2026 or 2026-10-31) and analyse that file.`
      );
    return out;
  }
}
