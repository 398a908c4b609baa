/**
 * Xero lines marked tax-inclusive ("LineAmountTypes" Inclusive): their Quantity × UnitAmount holds
 * the VAT. With a TaxAmount column it comes off; without one the lines were read with their VAT
 * and nothing said. Now the user is told, and KAP does not guess the tax from the rate's name.
 * By hand from the files; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

test("with TaxAmount: each line's VAT comes off", async () => {
  const { revenue } = await analyzeFile(join(DIR, "xero-inclusive-tax-amount.csv"));
  // Brightwell: 10 × 5.40 − 9.00 = 45.00; 20 × 2.52 × (1 − 10%) = 45.36 − 7.56 = 37.80 → 82.80
  // Harbour: 50 × 0.96 − 8.00 = 40.00; CN-0007 −5 × 0.96 + 0.80 = −4.00 → 36.00
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 82.8, "Harbour Plumbing & Heating": 36 });
});

test("without TaxAmount: the lines hold their VAT, and the user is told so (was silent)", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "xero-inclusive-without-tax-amount.csv"));
  // read as written, with VAT: Brightwell 54.00 + 45.36 = 99.36; Harbour 48.00 − 4.80 = 43.20
  expect(revenue).toEqual({
    "Brightwell Electrical Ltd": 99.36,
    "Harbour Plumbing & Heating": 43.2,
  });
  expect(report.warnings).toContain(
    'Xero\'s invoices here are entered tax-inclusive ("LineAmountTypes" is Inclusive on 4 of the 4 lines in the first rows, such as INV-0101), but the file has no "TaxAmount" column: each line\'s value, "*Quantity" × "*UnitAmount", holds its tax, so revenue is overstated by it. Export the invoices with their tax amounts (Business › Invoices › Export) and analyse that file.'
  );
});
