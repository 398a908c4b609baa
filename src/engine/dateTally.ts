/**
 * Order lines per order date, tallied as they are read: an as-of date before the last order can
 * then say how many lines it leaves out (settings.asOfWarning). An order's lines come together
 * with one date, so a run of one date costs a comparison per line and one Map update per run.
 */
import type { Serial } from "../domain/types";

export class DateTally {
  private readonly counts = new Map<Serial, number>();
  private runDate = NaN;
  private runLines = 0;

  add(date: Serial): void {
    if (date === this.runDate) {
      this.runLines++;
      return;
    }
    this.flush();
    this.runDate = date;
    this.runLines = 1;
  }

  /** Lines dated after `asOf`, and the last such date (null when none). */
  after(asOf: Serial): { lines: number; last: Serial | null } {
    this.flush();
    let lines = 0;
    let last: Serial | null = null;
    for (const [date, n] of this.counts)
      if (date > asOf) {
        lines += n;
        if (last === null || date > last) last = date;
      }
    return { lines, last };
  }

  /**
   * The lines dated more than `gapDays` after every earlier line, when they are few (at most
   * `maxLines`, or `maxShare` of all lines if that is more): a mistyped year, most likely. Their
   * count, first and last date, and the date the other lines end on; null when there are none.
   */
  strayLate(
    gapDays: number,
    maxLines: number,
    maxShare: number
  ): { lines: number; first: Serial; last: Serial; restEnds: Serial } | null {
    this.flush();
    const dates = [...this.counts.keys()].sort((a, b) => a - b);
    let total = 0;
    for (const n of this.counts.values()) total += n;
    const limit = Math.max(maxLines, maxShare * total);
    let after = 0;
    let stray: { lines: number; first: Serial; last: Serial; restEnds: Serial } | null = null;
    // from the last date back, while few enough lines lie after: the earliest such gap wins
    for (let i = dates.length - 1; i > 0; i--) {
      after += this.counts.get(dates[i])!;
      if (after > limit) break;
      if (dates[i] - dates[i - 1] > gapDays)
        stray = {
          lines: after,
          first: dates[i],
          last: dates[dates.length - 1],
          restEnds: dates[i - 1],
        };
    }
    return stray;
  }

  private flush(): void {
    if (this.runLines)
      this.counts.set(this.runDate, (this.counts.get(this.runDate) ?? 0) + this.runLines);
    this.runLines = 0;
    this.runDate = NaN;
  }
}
