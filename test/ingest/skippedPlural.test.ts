/** Counts of skipped rows read as English: "2 cancelled, voided, refunded or draft orders", "1 … order". */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readingLines } from "../../src/engine/assumptions";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-plural-"));
const HEADER =
  "ContactName,InvoiceNumber,InvoiceDate,DueDate,Description,Quantity,UnitAmount,LineAmount,AccountCode,Currency,Type,Status";

test("two voided Xero invoices are '2 … orders', one is '1 … order'", async () => {
  const two = join(dir, "two.csv");
  writeFileSync(
    two,
    [
      HEADER,
      "Acme Ltd,INV-1,03/09/2026,03/10/2026,Widget,1,100.00,100.00,200,GBP,Sales invoice,Paid",
      "Bolt Co,INV-2,04/09/2026,04/10/2026,Widget,1,50.00,50.00,200,GBP,Sales invoice,Voided",
      "Bolt Co,INV-3,05/09/2026,05/10/2026,Widget,1,50.00,50.00,200,GBP,Sales invoice,Voided",
    ].join("\n")
  );
  const { report } = await analyzeFile(two);
  // 100 kept, 50 + 50 voided: never sales, so no share of revenue is claimed
  expect(readingLines(report)).toContain("Skipped: 2 cancelled, voided, refunded or draft orders");
  expect(readingLines(report).join("\n")).not.toMatch(/of revenue/);
  expect(report.warnings.join("\n")).toContain(
    "2 rows were skipped: 2 cancelled, voided, refunded or draft orders (rows 3, 4; 100.00 not counted as sales)."
  );
  expect(report.skipped).toContainEqual({
    rule: "cancelled, voided, refunded or draft order",
    rows: 2,
    revenue: 100,
    share: null,
  });
  const one = join(dir, "one.csv");
  writeFileSync(
    one,
    [
      HEADER,
      "Acme Ltd,INV-1,03/09/2026,03/10/2026,Widget,1,100.00,100.00,200,GBP,Sales invoice,Paid",
      "Bolt Co,INV-2,04/09/2026,04/10/2026,Widget,1,50.00,50.00,200,GBP,Sales invoice,Voided",
    ].join("\n")
  );
  expect(readingLines((await analyzeFile(one)).report)).toContain(
    "Skipped: 1 cancelled, voided, refunded or draft order"
  );
});

test("an order's lines are counted as orders and as lines: '2 … orders (5 lines)', not '5 … orders'", async () => {
  const path = join(dir, "lines.csv");
  writeFileSync(
    path,
    [
      HEADER,
      "Acme Ltd,INV-1,03/09/2026,03/10/2026,Widget,1,100.00,100.00,200,GBP,Sales invoice,Paid",
      // INV-2 voided, 3 lines: 10 + 20 + 30 = 60; INV-3 voided, 2 lines: 5 + 5 = 10
      "Bolt Co,INV-2,04/09/2026,04/10/2026,Widget,1,10.00,10.00,200,GBP,Sales invoice,Voided",
      "Bolt Co,INV-2,04/09/2026,04/10/2026,Gadget,1,20.00,20.00,200,GBP,Sales invoice,Voided",
      "Bolt Co,INV-2,04/09/2026,04/10/2026,Gizmo,1,30.00,30.00,200,GBP,Sales invoice,Voided",
      "Cole Ltd,INV-3,05/09/2026,05/10/2026,Widget,1,5.00,5.00,200,GBP,Sales invoice,Voided",
      "Cole Ltd,INV-3,05/09/2026,05/10/2026,Gadget,1,5.00,5.00,200,GBP,Sales invoice,Voided",
    ].join("\n")
  );
  const { report } = await analyzeFile(path);
  // 2 invoices (INV-2, INV-3) of 5 lines (rows 3-7), 60 + 10 = 70 not counted as sales
  expect(readingLines(report)).toContain(
    "Skipped: 2 cancelled, voided, refunded or draft orders (5 lines)"
  );
  expect(report.warnings.join("\n")).toContain(
    "5 rows were skipped: 2 cancelled, voided, refunded or draft orders (5 lines: rows 3, 4, 5, 6, 7; 70.00 not counted as sales)."
  );
  expect(report.skipped).toContainEqual({
    rule: "cancelled, voided, refunded or draft order",
    rows: 5,
    orders: 2,
    revenue: 70,
    share: null,
  });
});
