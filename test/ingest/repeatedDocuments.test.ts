/**
 * Exports appended with an overlap: the overlap's documents are listed twice, row for row. Each is
 * read once, the repeat skipped with its count and value said. The same product twice on one
 * invoice, and a document listed in several places with other lines (a file sorted by product),
 * are real and read as they stand. Figures worked out by hand from the fixtures (the new-user
 * tester's case 53 and variants of it).
 */
import { join } from "node:path";
import fc from "fast-check";
import { analyzeFile } from "./fileAnalysis";
import { RepeatedRuns, type HeldRow } from "../../src/ingest/repeatedRuns";
import type { Cell } from "../../src/ingest/grid";

const fixture = (name: string) => join(__dirname, "../fixtures/tester", name);
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));
const REPEATED =
  "repeated lines (a document listed again further down, row for row: overlapping exports appended? Each counted once)";

describe("a document listed again, row for row (exports appended with an overlap)", () => {
  it("with a line-number column: INV-0101 lines 1–2 and INV-0117 line 1 read once", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fixture("overlapping-exports-line-no.csv")
    );
    // Northgate: INV-0101 250.00 + 12.50 = 262.50 from 1 order; Harbour: INV-0117 100 + INV-0130 100 = 200
    expect(revenue).toEqual({ "Northgate Services": 262.5, "Harbour Electrical": 200 });
    expect(orders).toEqual({ "Northgate Services": 1, "Harbour Electrical": 2 });
    // left out: rows 5–7, 250 + 12.50 + 100 = 362.50
    expect(skippedRows(report.skipped)).toEqual({ [REPEATED]: 3 });
    expect(report.warnings.join(" ")).toContain(
      `3 ${REPEATED} (rows 5, 6, 7; 362.50 not counted as sales)`
    );
  });

  it("without a line number: the whole run of an order's lines again is the repeat; the same product twice on one invoice stays", async () => {
    const { report, revenue } = await analyzeFile(fixture("overlapping-exports-no-line-no.csv"));
    // INV-0101 has the clips twice (12.50 each) in its own run: 250 + 12.50 + 12.50 = 275;
    // rows 6–9 repeat INV-0101 (3 rows) and INV-0117 (1 row): 275 + 100 = 375 left out.
    // Harbour: 100 + 100 = 200
    expect(revenue).toEqual({ "Northgate Services": 275, "Harbour Electrical": 200 });
    expect(skippedRows(report.skipped)).toEqual({ [REPEATED]: 4 });
    expect(report.warnings.join(" ")).toContain("(rows 6, 7, 8, 9; 375.00 not counted as sales)");
  });

  it("a document listed in several places with other lines (sorted by product) is read whole", async () => {
    const { report, revenue } = await analyzeFile(fixture("invoice-lines-sorted-by-product.csv"));
    // Northgate INV-0101: 250 + 12.50 + 12.50 = 275; Harbour INV-0117 100 + 10, INV-0130 100 = 210
    expect(revenue).toEqual({ "Northgate Services": 275, "Harbour Electrical": 210 });
    expect(report.skipped).toEqual([]);
  });
});

describe("RepeatedRuns", () => {
  const runs = fc.array(
    fc.record({
      rows: fc.array(
        fc.array(fc.oneof(fc.constant("a"), fc.constant("b"), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 3,
        }),
        { minLength: 1, maxLength: 3 }
      ),
    }),
    { minLength: 1, maxLength: 6 }
  );
  it("appending a copy of the last 2 or more documents leaves the rows read as they were", () => {
    fc.assert(
      fc.property(runs, fc.nat(), (docs, cut) => {
        // each document its own number; the file is the documents, then the last k again
        const file: { key: string; row: Cell[] }[] = docs.flatMap((d, i) =>
          d.rows.map((row) => ({ key: `D${i}`, row: row as Cell[] }))
        );
        // the copy starts with another document than the file's last (a repeat right after
        // the run it repeats reads as one run: the same lines twice on one document)
        if (docs.length < 2) return;
        const k = 2 + (cut % (docs.length - 1));
        const again = file.filter((r) => Number(r.key.slice(1)) >= docs.length - k);
        const read: Cell[][] = [];
        const dropped: HeldRow[] = [];
        const r = new RepeatedRuns(
          (row) => read.push([...row]),
          (rows) => dropped.push(...rows)
        );
        [...file, ...again].forEach((x, i) => r.take(x.row, i + 1, x.key));
        r.end();
        expect(read).toEqual(file.map((x) => x.row));
        expect(dropped.length).toBe(again.length);
      })
    );
  });
  it("a later run that differs in a cell is read", () => {
    const read: number[] = [];
    const r = new RepeatedRuns(
      (_row, no) => read.push(no),
      () => {}
    );
    r.take(["x", 1], 1, "A");
    r.take(["x", 2], 2, "B");
    r.take(["x", 1.5], 3, "A");
    r.end();
    expect(read).toEqual([1, 2, 3]);
  });
});
