/**
 * Invoice lines with both the quantity ordered and the quantity shipped (Epicor Prophet 21, most
 * US distribution ERPs): the invoice bills what was shipped (Extended Price = Qty Shipped × Unit
 * Price), and a back-ordered line ships 0 for 0.00, which is no order. Figures worked by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile, linesOf } from "./fileAnalysis";

const P21 = [
  "Invoice Date,Invoice No,Customer ID,Customer Name,Item ID,Product Group,Qty Ordered,Qty Shipped,Unit Price,Extended Price",
  "11/05/2025,1004512,100234,MIDWEST MECHANICAL,PVC-2,PIPE,100,100,12.50,1250.00",
  // 40 ordered, 25 shipped: 25 × 18.00 = 450.00
  "11/05/2025,1004512,100234,MIDWEST MECHANICAL,VLV-1,VALVES,40,25,18.00,450.00",
  "09/03/2026,1005950,100871,RIVERSIDE PLUMBING,ELB-2,FITTINGS,500,500,1.05,525.00",
  // back-ordered: 10 ordered, nothing shipped, nothing billed
  "10/29/2026,1006201,100871,RIVERSIDE PLUMBING,VLV-1,VALVES,10,0,18.00,0.00",
  "10/30/2026,1006215,100871,RIVERSIDE PLUMBING,ELB-2,FITTINGS,-20,-20,1.05,-21.00",
].join("\r\n");

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-qty-")), "p21-invoice-lines.csv");
  writeFileSync(path, text);
  return path;
}

const quantityOf = (headers: string[]) =>
  matchFields(headers, ORDER_FIELDS).find((m) => m.field === "quantity")?.header;

test("the quantity shipped or invoiced is read before the quantity ordered", () => {
  expect(quantityOf(["Item", "Qty Ordered", "Qty Shipped", "Extended Price"])).toBe("Qty Shipped");
  expect(quantityOf(["Quantity Ordered", "Invoiced Quantity", "Amount"])).toBe("Invoiced Quantity");
  expect(quantityOf(["Qty Ordered", "Qty Invoiced", "Amount"])).toBe("Qty Invoiced");
  // alone, the quantity ordered is still the quantity
  expect(quantityOf(["Customer", "Qty Ordered", "Amount"])).toBe("Qty Ordered");
});

test("P21 invoice lines: units are the shipped ones, and a back-ordered line (0 shipped, 0.00) is no order", async () => {
  const path = file(P21);
  const { report, revenue, orders, days, p } = await analyzeFile(path, "2026-10-30");
  // worked by hand: 100234 1,250.00 + 450.00 = 1,700.00 on one invoice
  expect(revenue["100234"]).toBe(1700);
  // RIVERSIDE: 525.00 − 21.00 (return) = 504.00; one order (1005950), not two
  expect(revenue["100871"]).toBe(504);
  expect(orders["100871"]).toBe(1);
  // last order 3 Sep 2026 → 30 Oct 2026: 27 days left of September + 30 = 57 days
  expect(days["100871"]).toBe(57);
  const riverside = p.accounts.find((a) => a.accountId === "100871")!;
  // no "last order £0.00 is 0% of average" alert
  expect(riverside.alerts.map((a) => a.message).join(" ")).not.toMatch(/£0\.00/);
  // the back-ordered line is left out and said: data row 4 is file row 5
  expect(report.rejected).toEqual([
    { reason: "empty line (no quantity, no value)", count: 1, rows: [5] },
  ]);
  const lines = await linesOf(path);
  expect(lines.filter((l) => l.sku === "VLV-1").map((l) => l.quantity)).toEqual([25]);
});
