/**
 * A quantity column written "1,200", "12,500" beside counts written bare ("3"): the comma groups
 * thousands. Read with a decimal comma "1,200" would be 1.2 written to three decimals, and a
 * writer that pads decimals pads every value ("3,000"), one that does not writes "1,2": so the
 * column's own cells settle it. KAP read it right (a decimal point) but called it "decimal point
 * (assumed)". Where the column holds only "1,200"-type values, nothing settles it, and the summary
 * says why. Every figure is worked out by hand from the rows; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readingLines } from "../../src/engine/assumptions";
import { inferNumberConvention } from "../../src/ingest/numbers";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-qty-thousands-"));
let n = 0;
/** `lines` written as a CSV file; analysed, with the summary's Numbers line. */
async function analyze(lines: string[]) {
  const file = join(dir, `lines-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  const a = await analyzeFile(file);
  return { ...a, numbers: readingLines(a.report).find((l) => l.startsWith("Numbers:")) };
}

const header = "Invoice No,Invoice Date,Customer,SKU,Qty,Unit Price";

describe("a quantity column of whole counts with a thousands comma", () => {
  it('"1,200" and "12,500" beside a bare "3": read as 1200 and 12500, and the summary says what settled it', async () => {
    const { revenue, numbers } = await analyze([
      header,
      'I1,2026-09-01,A1,P1,"1,200",0.20',
      'I2,2026-09-02,B1,P1,"12,500",0.20',
      "I3,2026-09-03,A1,P2,3,20.00",
    ]);
    // worked by hand: A1 1200 × 0.20 + 3 × 20.00 = 240 + 60 = 300; B1 12500 × 0.20 = 2500
    // (with a decimal comma: 1.2 × 0.20 + 60 = 60.24 and 2.50)
    expect(revenue).toEqual({ A1: 300, B1: 2500 });
    expect(numbers).toBe(
      'Numbers: Qty decimal point (its own cells: "1,200" beside the bare count "3", so "," groups thousands); Unit Price decimal point (the file\'s other number columns)'
    );
  });

  it('only "1,200"-type values: still read with a decimal point, and the summary says why it is assumed', async () => {
    // whole prices: no cell of the file is written with a decimal mark one way only (a price
    // "0.20" would settle the file's decimal point, as the next case shows)
    const { revenue, numbers, report } = await analyze([
      header,
      'I1,2026-09-01,A1,P1,"1,200",2',
      'I2,2026-09-02,B1,P1,"1,500",2',
    ]);
    // worked by hand: A1 1200 × 2 = 2400; B1 1500 × 2 = 3000
    expect(revenue).toEqual({ A1: 2400, B1: 3000 });
    expect(numbers).toBe(
      'Numbers: Qty decimal point (assumed: "1,200" reads 1200 or 1.2, and no count in the column is written bare (as "3") to settle which)'
    );
    expect(report.warnings.join("\n")).toContain('Column "Qty": 2 values such as "1,200"');
  });

  it('a unit price written "0.20" proves the decimal point: "1,200" is 1200 by the file', async () => {
    // (the CSV reader hands "0.20" over as the number 0.2; its text reads with a decimal point
    // only, as "0,20" below reads with a comma only)
    const { revenue, numbers, report } = await analyze([
      header,
      'I1,2026-09-01,A1,P1,"1,200",0.20',
      'I2,2026-09-02,B1,P1,"1,500",0.20',
    ]);
    // worked by hand: A1 1200 × 0.20 = 240; B1 1500 × 0.20 = 300
    expect(revenue).toEqual({ A1: 240, B1: 300 });
    expect(numbers).toBe(
      "Numbers: Qty decimal point (the file's other number columns); Unit Price decimal point (its own cells)"
    );
    expect(report.warnings.join("\n")).not.toContain('Column "Qty"');
  });

  it("a unit price that proves a decimal comma wins over the counts: the quantity is 1.2", async () => {
    const { revenue, numbers } = await analyze([
      header,
      'I1,2026-09-01,A1,P1,"1,200","0,20"',
      'I2,2026-09-02,B1,P1,3,"20,00"',
    ]);
    // worked by hand: A1 1.2 × 0.20 = 0.24; B1 3 × 20.00 = 60
    expect(revenue).toEqual({ A1: 0.24, B1: 60 });
    expect(numbers).toBe(
      "Numbers: Qty decimal comma (the file's other number columns); Unit Price decimal comma (its own cells)"
    );
  });
});

describe("inferNumberConvention on a column of counts", () => {
  it('"1.500" beside "3": the point groups thousands, a decimal comma', () => {
    expect(inferNumberConvention(["1.500", "3"], undefined, undefined, true)).toMatchObject({
      decimal: ",",
      source: "data",
      commaEvidence: 1,
      grouping: { grouped: "1.500", whole: "3" },
    });
  });
  it('"1,234" beside "3" settles nothing: 1.234 needs no padding', () => {
    expect(inferNumberConvention(["1,234", "3"], undefined, undefined, true)).toMatchObject({
      decimal: ".",
      source: "default",
      ambiguous: 1,
      readings: { thousands: 1234, decimals: 1.234, counts: true },
    });
  });
  it("a column that is not counts (a price) is not settled so", () => {
    expect(inferNumberConvention(["1,200", "3"])).toMatchObject({ source: "default" });
  });
  it("a number cell 3 is a count written bare (a text file's plain numbers arrive as numbers)", () => {
    expect(inferNumberConvention(["12,500", 3], undefined, undefined, true)).toMatchObject({
      decimal: ".",
      source: "data",
    });
  });
});
