/**
 * An Excel error (#N/A, #REF!) where a line's amount should be: the order happened, so it is kept
 * (its date counts for recency and frequency) and its value is said to be unknown, naming the
 * errors and their rows. Before: "2 no revenue (rows 3, 5)", the orders dropped, Beacon's last
 * order 05/10 and Acme 1 order (tester's finding 7, case 81). As of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

test("a workbook with #N/A and #REF! amounts: Acme 2 orders, Beacon's last order 25/10, the errors named", async () => {
  const { report, revenue, orders, days } = await analyzeFile(
    join(__dirname, "../fixtures/cells/81-error-cells-in-amounts.xlsx")
  );
  // I-1 02/09 Acme 45; I-2 20/09 Acme #N/A; I-3 05/10 Beacon 420; I-5 25/10 Beacon #REF!
  expect(orders).toEqual({ "Acme Tools Ltd": 2, "Beacon Hardware": 2 });
  // 25/10 → 31/10: 6 days
  expect(days["Beacon Hardware"]).toBe(6);
  // the known values only; the unknown two are not guessed
  expect(revenue).toEqual({ "Acme Tools Ltd": 45, "Beacon Hardware": 420 });
  expect(report.rejected).toEqual([]);
  expect(report.warnings).toContainEqual(
    expect.stringContaining(
      "2 order lines hold an Excel error instead of an amount (#N/A in row 3; #REF! in row 5): the orders are kept"
    )
  );
  expect(report.warnings.join(" ")).toContain("value is unknown");
});

test("a CSV saved from Excel keeps the error's text: the same reading", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "kap-excel-errors-")), "sales.csv");
  writeFileSync(
    path,
    [
      "Invoice Date,Invoice,Customer,SKU,Qty,Net",
      "02/09/2026,I-1,Acme Tools Ltd,A-1,10,45.00",
      "20/09/2026,I-2,Acme Tools Ltd,B-2,3,#N/A",
      "05/10/2026,I-3,Beacon Hardware,A-1,100,420.00",
      "25/10/2026,I-5,Beacon Hardware,B-2,10,#VALUE!",
    ].join("\n") + "\n"
  );
  const { report, orders, days } = await analyzeFile(path);
  expect(orders).toEqual({ "Acme Tools Ltd": 2, "Beacon Hardware": 2 });
  expect(days["Beacon Hardware"]).toBe(6);
  expect(report.warnings.join(" ")).toContain("(#N/A in row 3; #VALUE! in row 5)");
});

test("an Excel error where the customer should be (a lookup's #N/A) is no account called '#N/A'", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "kap-excel-errors-")), "lookup.csv");
  writeFileSync(
    path,
    [
      "Invoice Date,Invoice,Customer,SKU,Qty,Net",
      "02/09/2026,I-1,Acme Tools Ltd,A-1,10,45.00",
      "20/09/2026,I-2,#N/A,B-2,3,60.00",
      "05/10/2026,I-3,Beacon Hardware,A-1,100,420.00",
    ].join("\n") + "\n"
  );
  const { report, orders } = await analyzeFile(path);
  // two accounts; the #N/A line skipped as having no account, its 60.00 said
  expect(orders).toEqual({ "Acme Tools Ltd": 1, "Beacon Hardware": 1 });
  expect(JSON.stringify(report.rejected)).toContain('no account (\\"#N/A\\")');
});
