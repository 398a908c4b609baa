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

  private flush(): void {
    if (this.runLines)
      this.counts.set(this.runDate, (this.counts.get(this.runDate) ?? 0) + this.runLines);
    this.runLines = 0;
    this.runDate = NaN;
  }
}
