/**
 * Exports that write every amount unsigned beside a column saying its side: German ERPs' S/H
 * (Soll/Haben), others' D/C or Dr/Cr. In a sales export the side with fewer lines is the
 * returns (credit notes); with as many lines on each side KAP cannot tell, says so and reads the
 * lines as written. A tester's file read 177,00 where 132,00 was sold. Worked by hand from the
 * fixtures (test/fixtures/tester), as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

test("S/H: the one H line (of 3) is a return: 177,00 → 132,00", async () => {
  const { report, revenue, orders } = await analyzeFile(join(DIR, "soll-haben-kennzeichen.csv"));
  // R100 100,00 + R101 54,50 − G7 22,50 (H) = 132,00, not 100,00 + 54,50 + 22,50 = 177,00
  expect(revenue).toEqual({ "10045": 132 });
  expect(orders).toEqual({ "10045": 2 });
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    '"S/H" gives each amount\'s side: the 1 line on side H (of 3 lines; 2 on side S), the side with fewer lines, is read as returns (credit notes).'
  );
});

test("Soll/Haben with the sales on Haben (a revenue account's view): the Soll line is the return", async () => {
  const { report, revenue, orders } = await analyzeFile(join(DIR, "soll-haben-umsatzkonto.csv"));
  // 20001: 80,00 + 40,00 − 8,00 (Soll) = 112,00 over 2 orders; 20002: 40,00
  expect(revenue).toEqual({ "20001": 112, "20002": 40 });
  expect(orders).toEqual({ "20001": 2, "20002": 1 });
  expect(report.returns).toBe(1);
});

test("Dr/Cr: the Cr line is a return", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "dr-cr-side.csv"));
  // Brightwell: 45.00 + 42.00 − 9.00 (Cr) = 78.00; Harbour: 40.00
  expect(revenue).toEqual({ "Brightwell Electrical": 78, "Harbour Plumbing": 40 });
  expect(report.returns).toBe(1);
});

test("as many S lines as H lines: no guess, every line read as written, and the user told", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "soll-haben-gleich.csv"));
  // 100,00 + 54,50 + 22,50 + 22,50 = 199,50, read as written
  expect(revenue).toEqual({ "10045": 199.5 });
  expect(report.returns).toBe(0);
  expect(report.warnings).toContain(
    '"S/H" gives each amount\'s side, with as many lines on side S as on side H (2 each): KAP cannot tell which side is the returns, so every line is read as a sale, as written. Export the lines with signed amounts (credit notes negative), or leave the credit notes out.'
  );
});
