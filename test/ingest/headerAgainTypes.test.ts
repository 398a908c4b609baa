/**
 * Sage 200's SOP invoice lines printed with a page break: the header row comes again (row 6).
 * The parser skipped it as a repeated header, but the column checks read it as data first and
 * warned that '"Document Type" also lists "Document Type", no document type KAP knows'. A copy
 * of the header row is now blank to every check, so no value of it is read as a type.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/exports/sage200-page-break-header.csv");

test("Sage 200: the header repeated at a page break is no document type", async () => {
  const a = await analyzeFile(FILE, "2026-11-30");
  const report = a.report;
  // by name: the customer's code column ("Customer A/C") may key the accounts or not
  const byName = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).map(([id, v]) => [a.names[id], v]));
  const revenue = byName(a.revenue);
  const orders = byName(a.orders);
  // Crown Facilities: 130.00 + 0.00 (Comment) + 12.00 (Charge, carriage) − 13.00 (CRN0000412) =
  // 129.00 in 1 order; Delta Maintenance: 1,125.00 + 75.00 (Free Text) = 1,200.00 in 2
  expect(revenue).toEqual({ "Crown Facilities Ltd": 129, "Delta Maintenance": 1200 });
  expect(orders).toEqual({ "Crown Facilities Ltd": 1, "Delta Maintenance": 2 });
  expect(report.skipped).toContainEqual(
    expect.objectContaining({ rule: "repeated header row", rows: 1, revenue: 0 })
  );
  expect(report.warnings.join("\n")).not.toMatch(/"Document Type" also lists/);
});
