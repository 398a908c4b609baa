/**
 * An invoice whose lines net below zero (a retrospective volume discount or rebate posted as an
 * invoice with nothing but its negative line) is a credit, not an order: PRODUCT.md §1, "Returns
 * and credit notes … reduce revenue and count as returns; they are not orders". It takes its
 * value off revenue and adds no order (Frequency, order counts, average order). A discount line
 * on an invoice that sells something stays a price reduction of that order (discountLines.test.ts),
 * wherever its line stands among the invoice's lines. Figures worked by hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-neginv-"));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}

test("an ERP's discount-only invoice reduces revenue and is no order", async () => {
  const path = file("erp-lines.csv", [
    "Date,Invoice No,Document Type,Customer ID,Customer,SKU,Description,Qty,Unit Price,Net",
    "2026-08-05,INV-101,Invoice,K1,Kestrel Electrical,CT-100,Cable ties 100mm,10,10.00,100.00",
    "2026-09-10,INV-102,Invoice,K1,Kestrel Electrical,CT-100,Cable ties 100mm,5,10.00,50.00",
    // the Q3 rebate, posted as an invoice of one negative line
    "2026-10-01,INV-103,Invoice,K1,Kestrel Electrical,DISCOUNT,Retrospective volume discount Q3,1,-15.00,-15.00",
    "2026-10-20,INV-105,Invoice,K1,Kestrel Electrical,CT-100,Cable ties 100mm,3,10.00,30.00",
    "2026-10-20,INV-105,Invoice,K1,Kestrel Electrical,DISCOUNT,Discount 10%,1,-3.00,-3.00",
    // the discount written before the goods it comes off
    "2026-10-25,INV-106,Invoice,K1,Kestrel Electrical,DISCOUNT,Discount,1,-2.00,-2.00",
    "2026-10-25,INV-106,Invoice,K1,Kestrel Electrical,CT-100,Cable ties 100mm,2,10.00,20.00",
  ]);
  const { revenue, orders, engine } = await analyzeFile(path);
  // 100.00 + 50.00 − 15.00 + (30.00 − 3.00) + (20.00 − 2.00) = 180.00
  expect(revenue).toEqual({ K1: 180 });
  // INV-101, INV-102, INV-105, INV-106; INV-103 is a credit
  expect(orders).toEqual({ K1: 4 });
  // the orders 100.00, 50.00, 27.00, 18.00: the smallest 18.00, not the rebate's −15.00
  expect(engine.detail("K1").buyingPattern).toMatchObject({ smallestOrder: 18, largestOrder: 100 });
});

test("QuickBooks Desktop: an invoice of nothing but the Discount item is no order", async () => {
  const h = "Harbour Plumbing & Heating";
  const path = file("qb-desktop.csv", [
    ",,,Type,Date,Num,Memo,Name,Item,Qty,Sales Price,Amount,Balance",
    `${h},,,,,,,,,,,,`,
    `,,,Invoice,15/10/2026,77,Cable ties,${h},Cable ties 100mm,4,4.50,18.00,18.00`,
    `,,,Invoice,27/10/2026,91,Q3 volume rebate,${h},Discount,,,-5.00,13.00`,
    `Total ${h},,,,,,,,,,,13.00,13.00`,
  ]);
  const { revenue, orders } = await analyzeFile(path);
  // 18.00 − 5.00
  expect(revenue).toEqual({ [h]: 13 });
  // 77 only
  expect(orders).toEqual({ [h]: 1 });
});
