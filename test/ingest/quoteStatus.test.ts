/**
 * Quotes, estimates and proposals in an export's status or document-type column are no sales:
 * their lines are skipped, and the warning says how many and what they were worth. A tester's
 * invoice list with two quotes in its Status column read £510 where £90 was sold. Every expected
 * figure is worked out by hand from the fixtures (test/fixtures/tester), as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");
const RULE = "not a sale (a quote, sales order or delivery note)";

const skippedWarning = (warnings: readonly string[]) =>
  warnings.find((w) => w.includes("skipped:"));

test("a Status of Quote or Draft quote is no sale: £510 → £90, and the warning says 2 lines worth 420.00", async () => {
  const { report, revenue, orders } = await analyzeFile(join(DIR, "quote-status.csv"));
  // Brightwell: INV-1001 45.00 (QU-0042, a Quote of 300.00, skipped)
  // Harbour: INV-1002 45.00 (QU-0043, a Draft quote of 120.00, skipped)
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 45, "Harbour Plumbing": 45 });
  expect(orders).toEqual({ "Brightwell Electrical Ltd": 1, "Harbour Plumbing": 1 });
  // 45.00 + 45.00 = 90.00, not 510.00
  expect(report.revenue).toBe(90);
  expect(report.rejected).toEqual([{ reason: RULE, count: 2, rows: [3, 5] }]);
  // 300.00 + 120.00 = 420.00, said but no share of revenue lost (a quote was never a sale)
  expect(skippedWarning(report.warnings)).toBe(
    `2 rows were skipped: 2 ${RULE} (rows 3, 5; 420.00 not counted as sales).`
  );
});

test("document types Quotation, Proposal and Sales Quote are no sales either: 50 + 40 = 90", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "quote-document-types.csv"));
  // invoices 1001 50.00 + 1002 40.00; Q7 250.00, P9 60.00, SQ1 70.00 skipped (380.00)
  expect(revenue).toEqual({ "Acme Supplies": 90 });
  expect(report.rejected).toEqual([{ reason: RULE, count: 3, rows: [3, 4, 5] }]);
  expect(skippedWarning(report.warnings)).toContain("380.00 not counted as sales");
});

test("French Statut Devis and Devis accepté: 45,00 + 45,00 = 90,00", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "quote-statut-fr.csv"));
  // FA001 45,00 + FA002 45,00; DE001 90,00 and DE002 135,00 (accepted, still only a quote) skipped
  expect(revenue).toEqual({ "Dupont SARL": 90 });
  expect(report.rejected).toEqual([{ reason: RULE, count: 2, rows: [3, 4] }]);
  // 90,00 + 135,00 = 225,00
  expect(skippedWarning(report.warnings)).toContain("225.00 not counted as sales");
});

test("German Status Angebot (Entwurf) and Verkaufsangebot: 150,00 + 75,00 = 225,00", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "quote-status-de.csv"));
  // R1 150,00 + R2 75,00; A1 150,00 and A2 75,00 skipped
  expect(revenue).toEqual({ "10045": 225 });
  expect(report.rejected).toEqual([{ reason: RULE, count: 2, rows: [3, 4] }]);
});
