/**
 * Rows with no product that hold their document's total beside its lines: NetSuite's main lines
 * (a saved search with "Main Line" not filtered out), a subtotal on the document's own number.
 * Nothing was lost: they are totals rows, said so, never "no product … % of revenue". A row with
 * no product whose value is no such sum stays a line skipped, its value said. Figures worked out
 * by hand from the fixtures (the new-user tester's case 36).
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const fixture = (name: string) => join(__dirname, "../fixtures/tester", name);
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

describe("rows with no product that repeat their document's lines", () => {
  it("NetSuite's main lines: totals rows, no revenue said lost", async () => {
    const { report, revenue } = await analyzeFile(fixture("netsuite-main-lines-included.csv"));
    // main lines: INV10041 1,440 = 1,000 + 200 + 240 (VAT); INV10077 600 = 500 + 100;
    // CM1003 −120 = −100 − 20. Pinewood 1,000 + 200 = 1,200; Redfern 500 − 100 = 400
    expect(revenue).toEqual({ "Pinewood Contractors": 1200, "Redfern Engineering": 400 });
    expect(report.revenue).toBe(1600);
    expect(skippedRows(report.skipped)).toEqual({
      "totals row": 3,
      "tax line (VAT, sales tax)": 3,
    });
    const said = report.warnings.join(" ");
    // no "3 no product (…, 54.5% of revenue)"
    expect(said).not.toMatch(/\d no product|of revenue/);
    expect(said).toContain(
      "3 rows with no product hold their document's total, the sum of the lines beside them (as NetSuite's main lines and subtotals do; such as INV10041: 1,440.00): read as totals rows, no revenue lost."
    );
  });

  it("a row with no product that sums its document's lines is a total; one that does not stays skipped", async () => {
    const { report, revenue } = await analyzeFile(fixture("document-total-row-no-product.csv"));
    // INV-201: 250 + 12.50 = 262.50, its third row's value: a total. INV-214: 40 is not 100.
    expect(revenue).toEqual({ "Northgate Services": 262.5, "Harbour Electrical": 100 });
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 1, "no product": 1 });
    // 40 of 362.50 + 40 = 402.50: 9.9 %
    expect(report.warnings.join(" ")).toContain("1 no product (row 6; 40.00, 9.9% of revenue)");
  });
});
