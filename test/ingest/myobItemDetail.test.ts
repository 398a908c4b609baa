/**
 * MYOB AccountRight's "Sales [Item Detail]" report: grouped by item, each item's number and name
 * on a heading row of their own ("CT200,Cable Ties 200mm,,,,,,"), its lines below with both
 * columns blank, closed by ",Total:" rows. The headings were not carried down, so every line had
 * "no product" (1,707.00, 100% of revenue) and the file was refused. They are now read as
 * QuickBooks' product headings are (ingest/orders ProductHeadings), code and name.
 */
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/exports/myob-sales-item-detail.csv");

test("MYOB item detail: the item headings give each line its product", async () => {
  const { revenue, orders, report } = await analyzeFile(FILE, "2026-11-30");
  // Coastal Electrical: CT200 180.00 + GLD8 1,250.00 (both on 00001234) − the credit 00001241
  // ($18.00), a return = 1,412.00 in 1 order; Harbour Builders: CT200 45.00 (00001240) +
  // GLD8 250.00 (00001238) = 295.00 in 2 orders
  expect(revenue).toEqual({ "Coastal Electrical": 1412, "Harbour Builders": 295 });
  expect(orders).toEqual({ "Coastal Electrical": 1, "Harbour Builders": 2 });
  expect(report.returns).toBe(1);
  expect(report.read?.layout).toBe("MYOB sales item detail");
  // the two item headings and the three Total rows are skipped as such; nothing else
  expect(report.rejected).toEqual([]);
  expect(report.skipped.map((s) => [s.rule, s.rows])).toEqual(
    expect.arrayContaining([
      ["product heading row", 2],
      ["totals row", 3],
    ])
  );
  expect(report.warnings.join(" ")).not.toMatch(/no product/);
  expect(report.warnings[0]).toMatch(/item headings \(item number and name\)/);
});

test("MYOB item detail: a line's product is its heading's number, named by its heading", async () => {
  const lines = await linesOf(FILE);
  expect(lines.map((l) => [l.sku, l.productName, l.revenue])).toEqual([
    ["CT200", "Cable Ties 200mm", 180],
    ["CT200", "Cable Ties 200mm", 45],
    ["CT200", "Cable Ties 200mm", -18],
    ["GLD8", "Cable Gland 8mm", 1250],
    ["GLD8", "Cable Gland 8mm", 250],
  ]);
});
