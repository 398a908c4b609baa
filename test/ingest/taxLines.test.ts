/**
 * Invoice-line exports that write the tax as lines of its own ("VAT 20%", "Sales Tax", "MwSt 19%",
 * "Umsatzsteuer") beside the products: the tax is no revenue and no product or category. A
 * tester's file read 168.00 where 140.00 was sold. Products whose names merely hold the letters
 * ("VATAR Kabel", "Tax-free gift card") stay products. Worked by hand from the fixtures
 * (test/fixtures/tester), as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { isTaxLabel } from "../../src/ingest/taxLines";

const DIR = join(__dirname, "../fixtures/tester");
const RULE = "tax line (VAT, sales tax)";

test("VAT lines (Item VAT, Description 'VAT 20%') are skipped: 168.00 → 140.00, and the warning says 2 lines worth 28.00", async () => {
  const { report, revenue, p } = await analyzeFile(join(DIR, "invoice-lines-vat-lines.csv"));
  // Brightwell: 45.00 (VAT 9.00 skipped); Harbour: 95.00 (VAT 19.00 skipped)
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 45, "Harbour Plumbing": 95 });
  // 45.00 + 95.00 = 140.00, not 168.00
  expect(report.revenue).toBe(140);
  expect(report.rejected).toEqual([{ reason: RULE, count: 2, rows: [3, 5] }]);
  // 9.00 + 19.00 = 28.00
  expect(report.warnings).toContain(
    `2 rows were skipped: 2 ${RULE} (rows 3, 5; 28.00 not counted as sales).`
  );
  // each bought one product (CT-100; PF-15), never "VAT" as a second
  expect(p.accounts.map((a) => a.health.inputs.productsLast12)).toEqual([1, 1]);
});

test("German MwSt, Umsatzsteuer and USt. lines are skipped, and no 'Steuer' category; 'VATAR Kabel' is a product", async () => {
  const { report, revenue, p } = await analyzeFile(
    join(DIR, "rechnungspositionen-mwst-zeilen.csv")
  );
  // 10045: 100,00 (MwSt 19,00 skipped); 10046: 50,00 + 20,00 (VATAR) = 70,00 (9,50 and 3,80 skipped)
  expect(revenue).toEqual({ "10045": 100, "10046": 70 });
  expect(report.rejected).toEqual([{ reason: RULE, count: 3, rows: [3, 5, 7] }]);
  // categories: 10045 Befestigung; 10046 Befestigung, Kabel (never "Steuer")
  expect(p.accounts.map((a) => [a.accountId, a.health.inputs.categoriesLast12])).toEqual([
    ["10045", 1],
    ["10046", 2],
  ]);
});

test("US sales tax lines (Sales Tax, State Sales Tax 6.25%, County Sales Tax (1.5%)) are skipped; a tax-free gift card and a tax guide are sales", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "invoice-lines-sales-tax.csv"));
  // Lakeside: 45.00 + 25.00 (gift card) = 70.00; Prairie: 30.00 (the guide book)
  expect(revenue).toEqual({ "Lakeside Electric": 70, "Prairie Supply": 30 });
  expect(report.rejected).toEqual([{ reason: RULE, count: 3, rows: [3, 5, 7] }]);
});

test("tax labels in other spellings and languages, and product names that merely hold the letters", () => {
  for (const tax of [
    "VAT",
    "VAT 20%",
    "VAT @ 20%",
    "20% VAT",
    "Output VAT",
    "Value Added Tax",
    "Sales Tax",
    "Tax",
    "Tax (8.875%)",
    "GST (10%)",
    "HST 13%",
    "MwSt.",
    "zzgl. 19 % MwSt.",
    "Mehrwertsteuer 7%",
    "Umsatzsteuer",
    "USt 19%",
    "TVA 20 %",
    "TVA collectée 5,5%",
    "IVA 22%",
    "BTW 21%",
    "DPH 21 %",
    "Moms 25%",
    "MVA",
    // the words the net/tax/gross columns are known by too (one list, taxLines.ts's TAX_WORDS)
    "Steuer 19%",
    "Impuesto 21%",
    "Imposta 22%",
    // NetSuite's tax items by jurisdiction and rate code (a tester's saved search)
    "CA Sales Tax",
    "NY State Tax",
    "VAT:S-GB",
    "UK VAT",
  ])
    expect([tax, isTaxLabel(tax)]).toEqual([tax, true]);
  for (const product of [
    "VATAR cable",
    "VATAR Kabel 3m",
    "Tax-free gift card",
    "Tax return guide book",
    "Vat 200L plastic",
    "Taxi fare",
    "Sales",
    "Standard rate",
    "Mustang",
    "Steuerung 24V",
    "TV Tax Stand",
    "Cable Tax Kit",
    "20%",
    "",
  ])
    expect([product, isTaxLabel(product)]).toEqual([product, false]);
});
