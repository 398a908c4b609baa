/**
 * India's GSTR-1 amendments (tables 9A and 9C: the B2BA and CDNRA sheets): a row naming an
 * "Original Invoice Number" (or "Original Note Number") is the invoice or note as revised, and it
 * replaces the original, which stays in the return it was filed in. Where the original is in the
 * file too, only the revision is a sale (or a return); the original's rows are left out, so an
 * amended invoice is never counted twice. The lines are held to the end, since an amendment
 * comes after the invoice it amends, often in another section of the file.
 */
import type { OrderLine } from "../domain/types";

/** The rule an amended invoice's (or note's) rows are skipped under: its amendment is read. */
export const AMENDED_ORIGINAL = "amended invoice or note (its amendment read in its place)";

export class Amendments {
  private readonly held: { line: OrderLine; original: string }[] = [];
  /** the numbers of the invoices and notes amended */
  private readonly amended = new Set<string>();

  /** A line held to the end; `original`: the number it amends, "" for an original's line. */
  hold(line: OrderLine, original: string): void {
    this.held.push({ line, original });
    if (original) this.amended.add(original);
  }

  /**
   * Every line held, accepted or (an amended original's) replaced; the numbers amended whose
   * originals are not in the file, in the order first met.
   */
  settle(accept: (line: OrderLine) => void, replaced: (row: number) => void): string[] {
    const originals = new Set<string>();
    for (const { line, original } of this.held) {
      if (!original && this.amended.has(line.orderId)) {
        originals.add(line.orderId);
        replaced(line.row ?? 0);
      } else accept(line);
    }
    this.held.length = 0;
    return [...this.amended].filter((n) => !originals.has(n));
  }
}

/** The column naming the invoice or note a GSTR-1 row amends (0-based; -1: none). */
export function amendedFromColumn(normalisedHeaders: readonly string[]): number {
  return normalisedHeaders.findIndex((h) =>
    /^original (?:invoice|note|debit credit note) (?:number|no)$/.test(h)
  );
}
