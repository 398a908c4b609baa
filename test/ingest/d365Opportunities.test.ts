/**
 * Dynamics 365 Sales' opportunities export: "Est. Revenue" and "Est. Close Date" (the forecast)
 * beside "Actual Revenue" and "Actual Close Date" (what a won deal was won for, and when). A
 * tester found won deals read at their estimate and dated by the estimated close: 20,000 where
 * 18,500 was won, Fabrikam's sale on 6/30 instead of 7/1. Figures worked out by hand, as of
 * 2026-10-31 (12 months from 2025-11-01).
 */
import { serialToIso } from "../../src/domain/dates";
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines, "opportunities.csv");

const skippedOf = (skipped: readonly { rule: string; rows: number; revenue: number | null }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, [s.rows, s.revenue]]));

test("a won deal is its Actual Revenue on its Actual Close Date; lost and open deals said at their estimate", async () => {
  const { report, revenue, days } = await analyzeFile(
    fileOf([
      "(Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Topic,Potential Customer,Status,Status Reason,Est. Revenue,Actual Revenue,Est. Close Date,Actual Close Date,Currency,Owner",
      'o-1,c1,11/21/2025 9:00 AM,Pumps,Northwind Traders,Won,Won,"$10,000.00","$9,000.00",12/31/2025,11/20/2025,US Dollar,Dana Lee',
      'o-2,c2,10/16/2026 9:00 AM,Valves,Northwind Traders,Won,Won,"$4,000.00","$4,500.00",9/30/2026,10/15/2026,US Dollar,Dana Lee',
      'o-3,c3,11/6/2025 9:00 AM,Seals,Tailspin Toys,Won,Won,"$7,000.00","$6,000.00",10/31/2025,11/5/2025,US Dollar,Sam Ortiz',
      'o-4,c4,7/2/2026 9:00 AM,Cleanroom,Tailspin Toys,Lost,Out-Sold,"$15,000.00",$0.00,8/1/2026,7/1/2026,US Dollar,Sam Ortiz',
      'o-5,c5,10/20/2026 9:00 AM,Line 3,Northwind Traders,Open,In Progress,"$2,500.00",,12/1/2026,,US Dollar,Dana Lee',
      'o-6,c6,6/2/2026 9:00 AM,Gaskets,Tailspin Toys,Won,Won,"$3,000.00",,5/31/2026,6/1/2026,US Dollar,Sam Ortiz',
    ])
  );
  // Northwind: 9,000 (won 11/20/2025) + 4,500 (won 10/15/2026) = 13,500, not the estimates
  // 10,000 + 4,000. Tailspin: 6,000 won 11/5/2025, inside the 12 months (its estimated close,
  // 10/31/2025, is not); its won deal with no Actual Revenue is flagged, not read at 3,000.
  expect(revenue).toEqual({ "Northwind Traders": 13500, "Tailspin Toys": 6000 });
  // the last sale: Northwind's 10/15/2026, 16 days before 10/31 (by its estimate, 9/30: 31)
  expect(serialToIso(report.lastDate!)).toBe("2026-10-15");
  expect(days["Northwind Traders"]).toBe(16);
  expect(skippedOf(report.skipped)).toEqual({
    "lost deal": [1, 15000],
    "open (not yet won) deal": [1, 2500],
    // o-6, won with a blank Actual Revenue: skipped and its estimate said (3,000), not counted
    'won deal with no "Actual Revenue"': [1, 3000],
  });
  expect(report.warnings).toContain(
    '3 rows were skipped: 1 lost deal (row 5; 15,000.00 not counted as sales); 1 open (not yet won) deal (row 6; 2,500.00 not counted as sales); 1 won deal with no "Actual Revenue" (row 7; its "Est. Revenue" 3,000.00 not counted as sales).'
  );
});

test("won deals with a blank or 0 Actual Revenue beside an estimate: both said with their estimates, neither a sale", async () => {
  const { report, revenue, orders } = await analyzeFile(
    fileOf([
      "Topic,Potential Customer,Status,Est. Revenue,Actual Revenue,Est. Close Date,Actual Close Date,Currency",
      'Pumps,Northwind Traders,Won,"$10,000.00","$9,000.00",12/31/2025,11/20/2025,US Dollar',
      'Valves,Northwind Traders,Won,"$4,000.00",,9/30/2026,10/15/2026,US Dollar',
      'Seals,Tailspin Toys,Won,"$1,500.00",$0.00,5/31/2026,6/1/2026,US Dollar',
      'Gaskets,Tailspin Toys,Won,"$2,000.00","$2,000.00",7/31/2026,8/3/2026,US Dollar',
    ])
  );
  // counted: Northwind 9,000 (1 order), Tailspin 2,000 (1 order); not the Valves deal (blank)
  // nor the Seals deal (0.00): no sale of 0, no estimate in its place
  expect(revenue).toEqual({ "Northwind Traders": 9000, "Tailspin Toys": 2000 });
  expect(orders).toEqual({ "Northwind Traders": 1, "Tailspin Toys": 1 });
  // their estimates said: 4,000 + 1,500 = 5,500
  expect(skippedOf(report.skipped)).toEqual({ 'won deal with no "Actual Revenue"': [2, 5500] });
  expect(report.warnings).toContain(
    '2 rows were skipped: 2 won deals with no "Actual Revenue" (rows 3, 4; their "Est. Revenue" 5,500.00 not counted as sales).'
  );
});
