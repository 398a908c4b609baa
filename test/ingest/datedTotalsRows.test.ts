/**
 * Totals and subtotal rows that carry a date (a report's subtotal dated with its group's last
 * order, its grand total with the report's day) and no document number: "Subtotal Northgate
 * Services", "Grand Total", Spanish "Total general", German "Teilergebnis"/"Summe"/"Gesamtsumme",
 * French "Sous-total"/"Total général", Dutch "Subtotaal"/"Totaal". They are totals rows, said as
 * the undated ones are ("totals row"), never accounts. Every expected figure is worked out by hand
 * from the fixture's lines (the new-user tester's cases 24, 25, 27 and 28).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const fixture = (name: string) => join(__dirname, "../fixtures/tester", name);
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

describe("dated totals rows with no document number", () => {
  it.each([
    ["en-subtotals-dated.csv", "Northgate Services", "Harbour Electrical"],
    ["en-total-dated.csv", "Northgate Services", "Harbour Electrical"],
    ["es-subtotal-total-general-dated.csv", "Talleres Norte SL", "Montajes Sur SA"],
    ["de-summe-teilergebnis-dated.csv", "Schneider Sanitär GmbH", "Hoffmann Bau KG"],
    ["fr-sous-total-dated.csv", "Dupont Électricité SARL", "Martin Bâtiment SAS"],
    ["nl-subtotaal-dated.csv", "Installatiebedrijf De Vries B.V.", "Bouwbedrijf Jansen"],
  ])("%s: 2 accounts, the 3 totals rows skipped as totals", async (file, first, second) => {
    const { report, revenue, orders } = await analyzeFile(fixture(file));
    // first customer: 250 + 60 = 310 from 2 invoices; second: 500 from 1; total 310 + 500 = 810
    expect(revenue).toEqual({ [first]: 310, [second]: 500 });
    expect(orders).toEqual({ [first]: 2, [second]: 1 });
    expect(report.revenue).toBe(810);
    // the two subtotals and the grand total
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 3 });
    expect(report.rejected).toEqual([]);
  });

  it("with a product column: the subtotals are totals rows, not 'no product' lines", async () => {
    const { report, revenue } = await analyzeFile(fixture("es-subtotals-dated-with-product.csv"));
    // Talleres 250 + 60 = 310; Montajes 500
    expect(revenue).toEqual({ "Talleres Norte SL": 310, "Montajes Sur SA": 500 });
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 3 });
    expect(report.warnings.join(" ")).not.toMatch(/no product|of revenue/);
  });

  it("no document column: a labelled row is a total only where its amount sums the lines above", async () => {
    const { report, revenue } = await analyzeFile(
      fixture("en-subtotals-dated-no-invoice-column.csv")
    );
    // "Total Tools Ltd" 75 sums nothing above (810 in all, 500 since Northgate's subtotal): a
    // customer. Harbour's subtotal 500 + 75 = 575 and the grand total 250 + 60 + 500 + 75 = 885 are totals.
    expect(revenue).toEqual({
      "Northgate Services": 310,
      "Harbour Electrical": 500,
      "Total Tools Ltd": 75,
    });
    expect(report.revenue).toBe(885);
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 3 });
  });

  it("a customer named Total … whose line has an invoice number is a customer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kap-dated-totals-"));
    const file = join(dir, "sales.csv");
    writeFileSync(
      file,
      [
        "Date,Invoice No,Customer,Amount",
        "02/09/2026,INV-101,Northgate Services,250.00",
        "05/10/2026,INV-125,Total Tools Ltd,75.00",
        "05/10/2026,,Subtotal Total Tools Ltd,75.00",
      ].join("\n")
    );
    const { revenue, report } = await analyzeFile(file);
    // Total Tools Ltd's invoice is a sale (75); the row below it with no invoice is its subtotal
    expect(revenue).toEqual({ "Northgate Services": 250, "Total Tools Ltd": 75 });
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 1 });
  });
});
