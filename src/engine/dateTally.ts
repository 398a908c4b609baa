/**
 * Order lines per order date, tallied as they are read: an as-of date before the last order can
 * then say how many lines it leaves out, and their value (settings.asOfWarning). An order's lines
 * come together with one date, so a run of one date and currency costs two comparisons per line
 * and one Map update per run.
 */
import type { Serial } from "../domain/types";

export class DateTally {
  private readonly counts = new Map<Serial, number>();
  /** per date, the lines' revenue per currency key ('' for lines naming none) */
  private readonly values = new Map<Serial, Map<string, number>>();
  private runDate = NaN;
  private runCurrency = "";
  private runLines = 0;
  private runValue = 0;

  add(date: Serial, revenue = 0, currency = ""): void {
    if (date === this.runDate && currency === this.runCurrency) {
      this.runLines++;
      this.runValue += revenue;
      return;
    }
    this.flush();
    this.runDate = date;
    this.runCurrency = currency;
    this.runLines = 1;
    this.runValue = revenue;
  }

  /**
   * Lines dated after `asOf`, the last such date (null when none), and their revenue per currency
   * key ('' for lines that name none), in the order the currencies were first met.
   */
  after(asOf: Serial): { lines: number; last: Serial | null; value: Map<string, number> } {
    this.flush();
    let lines = 0;
    let last: Serial | null = null;
    const value = new Map<string, number>();
    for (const [date, n] of this.counts)
      if (date > asOf) {
        lines += n;
        if (last === null || date > last) last = date;
        for (const [c, v] of this.values.get(date) ?? []) value.set(c, (value.get(c) ?? 0) + v);
      }
    return { lines, last, value };
  }

  /**
   * The lines dated more than `gapDays` after every earlier line, when they are few (at most
   * `maxLines`, or `maxShare` of all lines if that is more, and fewer than the rest): a mistyped
   * year, most likely. Their
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
      // a stray is the few: lines as many as the rest are the data's own (an old order before them)
      if (after > limit || after * 2 >= total) break;
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
    if (this.runLines) {
      this.counts.set(this.runDate, (this.counts.get(this.runDate) ?? 0) + this.runLines);
      let byCurrency = this.values.get(this.runDate);
      if (!byCurrency) this.values.set(this.runDate, (byCurrency = new Map()));
      byCurrency.set(this.runCurrency, (byCurrency.get(this.runCurrency) ?? 0) + this.runValue);
    }
    this.runLines = 0;
    this.runValue = 0;
    this.runDate = NaN;
  }
}
