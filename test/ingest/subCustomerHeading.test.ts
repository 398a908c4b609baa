/**
 * NetSuite's Sales by Customer Detail: each customer's lines stand under a heading row of its
 * name alone. A sub-customer's heading is written "Parent : Sub" ("Borough Facilities : Borough
 * Hospital", row 12): its lines roll up into Borough Facilities, so the heading no longer matched
 * the line's (rolled-up) customer and was said skipped as "1 no account (row 12)". It is now
 * matched against the name as written too, and skipped as a customer heading row.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const FILE = join(
  __dirname,
  "../fixtures/exports/netsuite-customer-detail-sub-customer-heading.xlsx"
);

test("NetSuite: a 'Parent : Sub' heading row is a customer heading, not a row with no account", async () => {
  const { revenue, orders, report } = await analyzeFile(FILE, "2026-11-30");
  // Apex Electrical: INV1101 450.00 + 20.00 freight − CM210 90.00 + INV1120 250.00 = 630.00 in 2;
  // Borough Facilities (its Borough Hospital site): CS301 180.00 in 1
  expect(revenue).toEqual({ "Apex Electrical": 630, "Borough Facilities": 180 });
  expect(orders).toEqual({ "Apex Electrical": 2, "Borough Facilities": 1 });
  // both customers' headings (rows 6 and 12) skipped as such; the three Total rows as totals
  expect(report.skipped).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ rule: "customer heading row", rows: 2 }),
      expect.objectContaining({ rule: "totals row", rows: 3 }),
    ])
  );
  expect(report.skipped.map((s) => s.rule)).not.toContain("no account");
  expect(report.warnings.join("\n")).not.toMatch(/no account/);
});
