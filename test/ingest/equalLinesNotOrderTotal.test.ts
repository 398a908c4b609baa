/**
 * Two lines of one invoice with the same value are two sales of that value, unless many orders
 * show it or a line figure beside them differs from line to line. Before, a plain file (Invoice
 * Date, Invoice Number, Customer, SKU, Qty, Revenue) whose one multi-line invoice had two lines of
 * 500.00 was refused: '"Revenue" is a figure per order … rename the line-revenue column in the
 * file to "Revenue"' (the column was already called that). A Revenue column repeated on every line
 * of three orders is still the order's figure. Every figure by hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { missingMessage } from "../../src/ingest/mapping";

const dir = mkdtempSync(join(tmpdir(), "kap-equal-lines-"));
function csv(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}
const HEADER = "Invoice Date,Invoice Number,Customer,SKU,Qty,Revenue";

test("one invoice of two equal lines: each line is a sale", async () => {
  const file = csv("equal_lines_sku.csv", [
    HEADER,
    "2026-04-15,INV/101,Mehta Hardware,A,10,500.00",
    "2026-04-15,INV/101,Mehta Hardware,B,5,500.00",
    "2026-06-12,INV/102,Patel Electricals,A,20,1000.00",
    "2026-09-03,INV/104,Mehta Hardware,A,5,250.00",
  ]);
  const { report, revenue } = await analyzeFile(file);
  // Mehta Hardware: 500 + 500 + 250 = 1,250; Patel Electricals 1,000
  expect(revenue).toEqual({ "Mehta Hardware": 1250, "Patel Electricals": 1000 });
  expect(report.warnings.join("\n")).not.toContain("figure per order");
});

test("two multi-line invoices, one of equal lines: each line is a sale", async () => {
  const file = csv("equal_lines_two_multiline.csv", [
    HEADER,
    "2026-04-15,INV/101,Mehta Hardware,A,10,500.00",
    "2026-04-15,INV/101,Mehta Hardware,B,5,500.00",
    "2026-06-12,INV/102,Patel Electricals,A,20,1000.00",
    "2026-06-12,INV/102,Patel Electricals,C,2,80.00",
    "2026-09-03,INV/104,Mehta Hardware,A,5,250.00",
  ]);
  const { revenue } = await analyzeFile(file);
  // Mehta Hardware: 500 + 500 + 250 = 1,250; Patel Electricals 1,000 + 80 = 1,080
  expect(revenue).toEqual({ "Mehta Hardware": 1250, "Patel Electricals": 1080 });
});

test("a Revenue repeated on every line of three orders is still the order's figure", async () => {
  const file = csv("order_level.csv", [
    "Invoice Date,Invoice Number,Customer,SKU,Qty,Unit Price,Revenue",
    "2026-04-15,INV/101,Mehta Hardware,A,10,50.00,750.00",
    "2026-04-15,INV/101,Mehta Hardware,B,5,50.00,750.00",
    "2026-06-12,INV/102,Patel Electricals,A,20,50.00,1080.00",
    "2026-06-12,INV/102,Patel Electricals,C,2,40.00,1080.00",
    "2026-09-03,INV/104,Mehta Hardware,A,5,50.00,330.00",
    "2026-09-03,INV/104,Mehta Hardware,C,2,40.00,330.00",
  ]);
  const { report, revenue } = await analyzeFile(file);
  // (row 3: its second line repeats it) quantity × unit price: Mehta 10 × 50 + 5 × 50 = 750, + 5 × 50 + 2 × 40 = 330 → 1,080;
  // Patel 20 × 50 + 2 × 40 = 1,080 (not the Revenue of each line added up: 1,500 + 660, 2,160)
  expect(revenue).toEqual({ "Mehta Hardware": 1080, "Patel Electricals": 1080 });
  expect(report.warnings.join("\n")).toContain(
    '"Revenue" is a figure per order (repeated on every line of order INV/101, row 3), not each line\'s value'
  );
});

test("the refusal never advises renaming a column to the name it already has", () => {
  const m = missingMessage(
    {
      role: "orders",
      sheet: "equal_lines",
      fields: [
        { field: "accountName", column: 2, header: "Customer", confidence: 1 },
        { field: "date", column: 0, header: "Invoice Date", confidence: 1 },
      ],
    },
    ["Invoice Date", "Invoice Number", "Customer", "SKU", "Qty", "Revenue"],
    "cli"
  );
  expect(m).not.toContain('to "Revenue"');
  expect(m).toContain("Headers found: Invoice Date, Invoice Number, Customer, SKU, Qty, Revenue.");
});
