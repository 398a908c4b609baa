/**
 * Odoo's invoice lines export with a down payment invoiced alone first ("Down payment of 30%")
 * and taken off the final invoice ("Down Payment (ref: INV/2026/00010 on 09/01/2026)"): one
 * purchase, so one order (PRODUCT.md §1: an order is the lines of one order or invoice; order
 * counts feed frequency, health and the CLV model). The down-payment invoice joins the final
 * invoice that takes it off, on its date; before, it was an order of its own: Azure Interior
 * showed 2 orders of 200.00 on average for one purchase of 400.00. A down-payment invoice no
 * final invoice takes off (the purchase under way) stays an order. The file is built by hand in
 * Odoo's shape (continuation lines with the invoice's cells blank); figures worked by hand, as of
 * 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const HEADER =
  "Number,Partner,Invoice/Bill Date,Status,Invoice lines/Account,Invoice lines/Product,Invoice lines/Label,Invoice lines/Quantity,Invoice lines/Unit Price,Invoice lines/Taxes,Invoice lines/Subtotal,Invoice lines/Total,Currency";

test("Odoo: a down-payment invoice and the final invoice taking it off are one order", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "kap-dporder-")), "odoo-invoice-lines.csv");
  writeFileSync(
    path,
    [
      HEADER,
      "INV/2026/00010,Azure Interior,2026-09-01,Posted,400000 Product Sales,Down payment,Down payment of 30%,1.00,120.00,15%,120.00,138.00,EUR",
      "INV/2026/00011,Deco Addict,2026-09-10,Posted,400000 Product Sales,[E-COM11] Cabinet with Doors,[E-COM11] Cabinet with Doors,3.00,140.00,15%,420.00,483.00,EUR",
      "INV/2026/00012,Azure Interior,2026-10-20,Posted,400000 Product Sales,[FURN_7777] Office Chair,[FURN_7777] Office Chair,2.00,120.00,15%,240.00,276.00,EUR",
      ",,,,400000 Product Sales,[FURN_8888] Office Lamp,[FURN_8888] Office Lamp,4.00,40.00,15%,160.00,184.00,",
      ",,,,400000 Product Sales,Down payment,Down Payment (ref: INV/2026/00010 on 09/01/2026),-1.00,120.00,15%,-120.00,-138.00,",
      // a down payment with no final invoice yet: the purchase under way, an order
      "INV/2026/00013,Lumber Inc,2026-10-25,Posted,400000 Product Sales,Down payment,Down payment of 50%,1.00,300.00,15%,300.00,345.00,EUR",
      // a down-payment line beside goods on one invoice: an invoice of goods, an order as ever
      "INV/2026/00014,Gemini Furniture,2026-10-26,Posted,400000 Product Sales,Down payment,Down payment of 20%,1.00,80.00,15%,80.00,92.00,EUR",
      ",,,,400000 Product Sales,[E-COM07] Large Cabinet,[E-COM07] Large Cabinet,1.00,320.00,15%,320.00,368.00,",
    ].join("\n")
  );
  const { report, revenue, orders, days, p } = await analyzeFile(path);
  expect(orders).toEqual({
    // INV/2026/00010 (down payment) joins INV/2026/00012: one order (was 2)
    "Azure Interior": 1,
    "Deco Addict": 1,
    "Lumber Inc": 1,
    "Gemini Furniture": 1,
  });
  expect(revenue).toEqual({
    // 120.00 + 240.00 + 160.00 − 120.00: the goods once, as before
    "Azure Interior": 400,
    "Deco Addict": 420,
    "Lumber Inc": 300,
    // 80.00 + 320.00
    "Gemini Furniture": 400,
  });
  const aov = (id: string) => p.accounts.find((a) => a.accountId === id)!.averageOrderValueLast12;
  // 400.00 / 1 order (was 400.00 / 2 = 200.00)
  expect(aov("Azure Interior")).toBe(400);
  // the order is dated 20/10/2026, the final invoice's date: 11 days before 31/10/2026
  expect(days["Azure Interior"]).toBe(11);
  // 25/10 → 31/10
  expect(days["Lumber Inc"]).toBe(6);
  // orders in the last quarter (31/07, 31/10]: 1 (was 2, the down payment of 01/09 counted too)
  const inputs = p.accounts.find((a) => a.accountId === "Azure Interior")!.health.inputs;
  expect(inputs.ordersLastQuarter).toBe(1);
  expect(report.returns).toBe(0);
  // all 8 lines read, none skipped
  expect(report.accepted).toBe(8);
});
