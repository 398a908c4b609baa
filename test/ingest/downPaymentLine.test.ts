/**
 * Odoo's down payment: an invoice of the down payment alone ("Down payment of 30%"), then the
 * final invoice with the goods and the down payment taken off again ("Down Payment (ref:
 * INV/2026/00010 on 09/01/2026)", Quantity −1, Subtotal −120.00). That negative line lowers the
 * final invoice, as a discount does: it is no return (PRODUCT.md §1: returns are credit notes and
 * goods given back), so the account's returns and return alerts leave it out. Its revenue was
 * right before and stays so: the goods once. Figures worked by hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-downpay-"));

test("Odoo: the down payment taken off the final invoice is no return", async () => {
  const path = join(dir, "odoo-down-payment.csv");
  writeFileSync(
    path,
    [
      "Number,Partner,Invoice/Bill Date,Status,Invoice lines/Account,Invoice lines/Product,Invoice lines/Label,Invoice lines/Quantity,Invoice lines/Unit Price,Invoice lines/Taxes,Invoice lines/Subtotal,Invoice lines/Total,Currency",
      "INV/2026/00010,Azure Interior,2026-09-01,Posted,400000 Product Sales,Down payment,Down payment of 30%,1.00,120.00,15%,120.00,138.00,EUR",
      "INV/2026/00011,Deco Addict,2026-09-10,Posted,400000 Product Sales,[E-COM11] Cabinet with Doors,[E-COM11] Cabinet with Doors,3.00,140.00,15%,420.00,483.00,EUR",
      "INV/2026/00012,Azure Interior,2026-10-20,Posted,400000 Product Sales,[FURN_7777] Office Chair,[FURN_7777] Office Chair,2.00,120.00,15%,240.00,276.00,EUR",
      ",,,,400000 Product Sales,[FURN_8888] Office Lamp,[FURN_8888] Office Lamp,4.00,40.00,15%,160.00,184.00,",
      ",,,,400000 Product Sales,Down payment,Down Payment (ref: INV/2026/00010 on 09/01/2026),-1.00,120.00,15%,-120.00,-138.00,",
      "RINV/2026/00001,Deco Addict,2026-10-22,Posted,400000 Product Sales,[E-COM11] Cabinet with Doors,[E-COM11] Cabinet with Doors,1.00,140.00,15%,140.00,161.00,EUR",
    ].join("\n")
  );
  const { report, revenue, p } = await analyzeFile(path);
  expect(revenue).toEqual({
    // down payment 120.00 + final invoice (240.00 + 160.00 − 120.00 taken off) = 400.00, the goods once
    "Azure Interior": 400,
    // 420.00 − credit note RINV/2026/00001 140.00
    "Deco Addict": 280,
  });
  // only the credit note RINV/2026/00001 (was 2: the down payment line read as a return too)
  expect(report.returns).toBe(1);
  const alerts = (id: string) =>
    p.accounts.find((a) => a.accountId === id)!.alerts.map((a) => a.kind);
  // no "return in the last 30 days" for Azure Interior, which returned nothing
  expect(alerts("Azure Interior")).not.toContain("recentReturn");
  expect(alerts("Deco Addict")).toContain("recentReturn");
  // the two down payment lines net to nothing, in no product
  expect(p.serviceLines).toEqual([
    expect.objectContaining({
      sku: "Down payment",
      kind: "down payment",
      lines: 2,
      revenue: { EUR: 0 },
    }),
  ]);
});
