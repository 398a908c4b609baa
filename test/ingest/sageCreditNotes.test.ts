/**
 * Sage exports with a Type column naming each transaction ("Sales Invoice", "Sales Credit Note",
 * "Sales Credit", or the codes SI / SC) where the credit notes' amounts are written positive: the
 * credit notes are returns. A tester's Sage file read 91.80 over 2 orders where the customer
 * bought 73.80 in 1. Worked by hand from the fixtures (test/fixtures/tester), as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

test("Type 'Sales Credit Note' beside 'Sales Invoice': 91.80 over 2 orders → 73.80 over 1", async () => {
  const { report, revenue, orders } = await analyzeFile(join(DIR, "sage-sales-credit-note.csv"));
  // invoice 1041: 45.00 + 37.80 = 82.80, less credit note 1055 9.00 (written positive) = 73.80
  expect(revenue).toEqual({ BRI001: 73.8 });
  // 1041 only: the credit note is no order
  expect(orders).toEqual({ BRI001: 1 });
  expect(report.returns).toBe(1);
  expect(report.warnings.join("\n")).toContain(
    '"Type" holds document types (Sales Invoice, Sales Credit Note): its Sales Credit Note lines are credit notes, read as returns.'
  );
});

test("'Trans. Type' of Sage's codes SI and SC: SC is a return", async () => {
  const { report, revenue, orders } = await analyzeFile(join(DIR, "sage-trans-type-codes.csv"));
  // HAR002: SI 120.00 + SI 60.00 − SC 20.00 = 160.00 over 2 orders; NOR003: SI 45.00
  expect(revenue).toEqual({ HAR002: 160, NOR003: 45 });
  expect(orders).toEqual({ HAR002: 2, NOR003: 1 });
  expect(report.returns).toBe(1);
});

test("'Transaction Type' Sales Invoice / Sales Credit: 45.00 − 9.00 + 42.00 = 78.00", async () => {
  const { report, revenue, orders } = await analyzeFile(join(DIR, "sage-sales-credit.csv"));
  expect(revenue).toEqual({ QUA004: 78 });
  expect(orders).toEqual({ QUA004: 2 });
  expect(report.returns).toBe(1);
});
