/**
 * An amount no order line can have (a code or an id pasted into the revenue column: 1E+16,
 * Excel's largest number 9.99E+307) is skipped and said, never summed: one such cell had put an
 * account's 12-month revenue at £0 (the sums lost every other line) or stopped the whole analysis
 * ("The starting point of the minimisation has no finite value").
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readingLines } from "../../src/engine/assumptions";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-absurd-"));

test("revenue of 10 trillion or more is skipped with its rows named; the other lines add up", async () => {
  const path = join(dir, "orders.csv");
  writeFileSync(
    path,
    [
      "Customer ID,Order Date,Order No,SKU,Qty,Revenue",
      "Acme,2026-09-01,O1,X,1,100.00",
      "Bolt,2026-09-02,O2,X,1,50.00",
      "Bolt,2026-09-03,O3,X,1,10000000000000000",
      "Bolt,2026-09-05,O5,X,1,25.00",
      "Crane,2026-09-06,O6,X,1,-20000000000000",
      // just under the limit: kept
      "Dawn,2026-09-07,O7,X,1,9999999999999.00",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(path);
  // Bolt: 50 + 25 = 75; the 1E+16 line is not its revenue
  expect(revenue).toMatchObject({ Acme: 100, Bolt: 75 });
  expect(Object.keys(revenue).sort()).toEqual(["Acme", "Bolt", "Dawn"]);
  // Dawn's line, just under the limit, is kept, to the penny
  expect(revenue.Dawn).toBe(9999999999999);
  expect(readingLines(report)).toContain(
    "Skipped: 2 revenue too large to be real (10 trillion or more)"
  );
  // their amounts are no revenue lost: no share of revenue is claimed for them
  expect(readingLines(report).join("\n")).not.toMatch(/of revenue/);
  expect(report.warnings.join("\n")).toContain(
    "2 rows were skipped: 2 revenue too large to be real (10 trillion or more) (rows 4, 6)."
  );
});

test("Excel's largest number, 9.99E+307, in a workbook's revenue cell is skipped the same way", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Customer ID", "Order Date", "Order No", "SKU", "Qty", "Revenue"]);
  ws.addRow(["Acme", new Date(Date.UTC(2026, 8, 1)), "O1", "X", 1, 100]);
  ws.addRow(["Acme", new Date(Date.UTC(2026, 8, 2)), "O2", "X", 1, 9.99e307]);
  ws.addRow(["Acme", new Date(Date.UTC(2026, 8, 3)), "O3", "X", 1, 40]);
  const path = join(dir, "orders.xlsx");
  await wb.xlsx.writeFile(path);
  const { report, revenue } = await analyzeFile(path);
  // 100 + 40: was £0 (the sum of 100, 9.99E+307 and 40 less 9.99E+307 in steps)
  expect(revenue).toEqual({ Acme: 140 });
  expect(report.warnings.join("\n")).toContain(
    "1 row was skipped: 1 revenue too large to be real (10 trillion or more) (row 3)."
  );
});

test("a quantity of 10 trillion or more is skipped and counted like such an amount, its revenue named as skipped (was: summed into the units)", async () => {
  const path = join(dir, "quantities.csv");
  writeFileSync(
    path,
    [
      "Customer ID,Order Date,Order No,SKU,Qty,Revenue",
      "Acme,2026-09-01,O1,X,1,100.00",
      "Bolt,2026-09-02,O2,X,2,50.00",
      // an id or a barcode in the quantity column
      "Bolt,2026-09-03,O3,X,10000000000000000,30.00",
      "Bolt,2026-09-04,O4,X,20000000000000,20.00",
      // just under the limit: kept
      "Crane,2026-09-06,O6,X,9999999999999,10.00",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(path);
  // Bolt: 50 only; the £30 and £20 lines are skipped
  expect(revenue).toEqual({ Acme: 100, Bolt: 50, Crane: 10 });
  // nothing silently lost: the skipped rows' £30 + £20 = £50 is named, of 100 + 50 + 10 + 50 = 210
  // in all: 50 / 210 = 23.8%
  expect(readingLines(report)).toContain(
    "Skipped: 2 quantity too large to be real (10 trillion or more) (23.8% of revenue)"
  );
  expect(report.warnings.join("\n")).toContain(
    "2 rows were skipped: 2 quantity too large to be real (10 trillion or more) (rows 4, 5; 50.00, 23.8% of revenue)."
  );
});

test("without a revenue column, an absurd quantity × its price is skipped, not a £5 trillion sale (was: under the revenue limit, summed)", async () => {
  const path = join(dir, "priced.csv");
  writeFileSync(
    path,
    [
      "Customer ID,Order Date,Order No,SKU,Qty,Unit Price",
      "Acme,2026-09-01,O1,X,4,25.00",
      // 10,000,000,000,000 × £0.50 = £5,000,000,000,000: below the 10 trillion revenue limit
      "Acme,2026-09-02,O2,X,10000000000000,0.50",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(path);
  // 4 × £25 = £100
  expect(revenue).toEqual({ Acme: 100 });
  // the £5 trillion is no revenue: no share claimed for it
  expect(report.warnings.join("\n")).toContain(
    "1 row was skipped: 1 quantity too large to be real (10 trillion or more) (row 3)."
  );
});
