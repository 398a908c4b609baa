/**
 * Down-payment invoices wait, held, for the final invoice that takes them off (ingest/
 * downPayments), at most HELD_KEPT lines of them. Before, a down-payment invoice past that bound
 * was silently an order of its own: its purchase counted 2 orders. Now the warning names the
 * bound and what it cost. Figures worked by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HELD_KEPT } from "../../src/ingest/downPayments";
import { analyzeFile } from "./fileAnalysis";

const HEADER =
  "Number,Partner,Invoice/Bill Date,Status,Invoice lines/Account,Invoice lines/Product,Invoice lines/Label,Invoice lines/Quantity,Invoice lines/Unit Price,Invoice lines/Taxes,Invoice lines/Subtotal,Invoice lines/Total,Currency";

test("past 10,000 down-payment lines held, a down payment stays an order of its own and the warning says so", async () => {
  expect(HELD_KEPT).toBe(10_000);
  const lines = [HEADER];
  // 10,000 customers' down payments of 10.00, none taken off: 10,000 lines held to the end
  for (let n = 0; n < 10_000; n++)
    lines.push(
      `INV/2026/${String(n).padStart(5, "0")},Customer ${n},2026-09-01,Posted,400000 Product Sales,Down payment,Down payment of 10%,1.00,10.00,15%,10.00,11.50,EUR`
    );
  lines.push(
    // the 10,001st down-payment line: past the bound, not held
    "INV/2026/10000,Azure Interior,2026-09-01,Posted,400000 Product Sales,Down payment,Down payment of 30%,1.00,120.00,15%,120.00,138.00,EUR",
    "INV/2026/10001,Azure Interior,2026-10-20,Posted,400000 Product Sales,[FURN_7777] Office Chair,[FURN_7777] Office Chair,2.00,120.00,15%,240.00,276.00,EUR",
    ",,,,400000 Product Sales,[FURN_8888] Office Lamp,[FURN_8888] Office Lamp,4.00,40.00,15%,160.00,184.00,",
    ",,,,400000 Product Sales,Down payment,Down Payment (ref: INV/2026/10000 on 09/01/2026),-1.00,120.00,15%,-120.00,-138.00,"
  );
  const path = join(mkdtempSync(join(tmpdir(), "kap-dpbound-")), "odoo-invoice-lines.csv");
  writeFileSync(path, lines.join("\n"));
  const { report, revenue, orders } = await analyzeFile(path);
  // by hand: Azure's value is right, 120.00 + 240.00 + 160.00 − 120.00 = 400.00, but in 2
  // orders (the down payment of 01/09 on its own); each other customer 1 order of 10.00
  expect(revenue["Azure Interior"]).toBe(400);
  expect(orders["Azure Interior"]).toBe(2);
  expect([revenue["Customer 0"], orders["Customer 9999"]]).toEqual([10, 1]);
  // 10,000 + 4 lines, all read; the count as the command line writes it (no culture given)
  expect(report.accepted).toBe(10_004);
  expect(report.warnings).toContain(
    "More than 10000 down-payment lines waiting for the final invoices that take them off, the most KAP holds: the down-payment invoice after them (from INV/2026/10000) was read as an order of its own. Where a final invoice takes such a down payment off (1 in this file), that purchase counts as 2 orders, the down payment on its own date; its value is right. Split the export to join them."
  );
});
