/**
 * WooCommerce's order export, one row per line item: the customer is the Customer User ID, and a
 * guest checkout (Customer User ID 0) is no account "0" but its billing e-mail's (one address
 * whatever its case), else its company's or name's; a note to the shop ("Customer Note") is never
 * the customer. Figures worked by hand from the rows below.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile } from "./fileAnalysis";

const HEADER =
  '"Order Number","Order Status","Order Date","Customer Note","First Name (Billing)","Last Name (Billing)","Company (Billing)","Email (Billing)","Customer User ID","Order Currency","Item #","SKU","Item Name","Quantity (- Refund)","Item Cost","Order Line Total","Order Shipping Amount","Order Total Amount"';

function file(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-woo-")), "woocommerce-order-items.csv");
  writeFileSync(path, lines.join("\r\n"));
  return path;
}

test("a note, comment or memo column is never the customer", () => {
  const customer = (headers: string[]) =>
    matchFields(headers, ORDER_FIELDS)
      .filter((m) => m.field === "accountId" || m.field === "accountName")
      .map((m) => m.header);
  expect(customer(["Order Date", "Customer Note", "Amount"])).toEqual([]);
  expect(customer(["Customer Comments", "Customer", "Date", "Amount"])).toEqual(["Customer"]);
  expect(customer(["Date", "Client Memo", "Client ID", "Amount"])).toEqual(["Client ID"]);
});

test("WooCommerce: guests (Customer User ID 0) are their billing e-mail's, registered customers named by company", async () => {
  const path = file([
    HEADER,
    '"5011","wc-completed","2025-11-20 09:14","","Sarah","Jones","Jones Joinery","sarah@jonesjoinery.co.uk","0","GBP","1","SCR","Screws","3","6.50","19.50","4.95","28.35"',
    '"5011","wc-completed","2025-11-20 09:14","","Sarah","Jones","Jones Joinery","sarah@jonesjoinery.co.uk","0","GBP","2","GLUE","PVA Glue","1","8.99","8.99","4.95","28.35"',
    '"5102","wc-completed","2026-02-11 16:40","Please leave with neighbour\r\nif no answer","Tom","Baker","","tom.baker@gmail.com","0","GBP","1","DRL","Drill bits","1","24.00","24.00","0.00","24.00"',
    '"5160","wc-refunded","2026-04-02 11:05","","Sarah","Jones","Jones Joinery","sarah@jonesjoinery.co.uk","0","GBP","1","SAW","Hand saw","1","18.00","18.00","4.95","22.95"',
    '"5233","wc-processing","2026-06-30 23:58","","Ravi","Shah","Shah Kitchens","accounts@shahkitchens.com","187","GBP","1","HNG","Hinges","5","12.00","60.00","0.00","60.00"',
    '"5234","wc-failed","2026-07-01 00:02","","Ravi","Shah","Shah Kitchens","accounts@shahkitchens.com","187","GBP","1","HNG","Hinges","5","12.00","60.00","0.00","60.00"',
    '"5301","wc-completed","2026-09-15 08:30","","Sarah","Jones","Jones Joinery","SARAH@JonesJoinery.co.uk","0","GBP","1","SCR","Screws","10","6.50","65.00","0.00","65.00"',
    '"5340","wc-completed","2026-10-10 14:22","","Ravi","Shah","Shah Kitchens","accounts@shahkitchens.com","187","GBP","1","HNG","Hinges","2","12.00","24.00","0.00","24.00"',
    '"5350","wc-completed","2026-10-12 10:00","","Ann","Lee","","ann@lee.example","205","GBP","1","SCR","Screws","1","6.50","6.50","0.00","6.50"',
  ]);
  const { revenue, orders, names, report } = await analyzeFile(path, "2026-10-31");
  expect(report.read!.layout).toBe("WooCommerce orders");
  expect(revenue).toEqual({
    // 5011: 19.50 + 8.99, 5301: 65.00 (the same address in capitals); 5160 refunded → 93.49
    "sarah@jonesjoinery.co.uk": 93.49,
    // 5102 only; its note is no account
    "tom.baker@gmail.com": 24,
    // 5233: 60.00 + 5340: 24.00; 5234 failed → 84.00
    "187": 84,
    "205": 6.5,
  });
  expect(orders["sarah@jonesjoinery.co.uk"]).toBe(2);
  expect(names).toEqual({
    "sarah@jonesjoinery.co.uk": "Jones Joinery",
    "tom.baker@gmail.com": "Tom Baker",
    "187": "Shah Kitchens",
    // registered, no company: the billing name
    "205": "Ann Lee",
  });
  expect(report.rejected.map((r) => r.reason).join(" ")).not.toMatch(/no account/);
});

test("WooCommerce: a file of guest checkouts only (every Customer User ID 0) keeps each e-mail an account", async () => {
  const rows = [HEADER.replace('"Customer Note",', "").replace(/"Company \(Billing\)",/, "")];
  // 60 orders of 10.00, alternately two guests: 30 each → 300.00 each
  for (let i = 0; i < 60; i++) {
    const [first, email] = i % 2 ? ["Bea", "bea@b.example"] : ["Al", "al@a.example"];
    const day = String(1 + (i % 28)).padStart(2, "0");
    rows.push(
      `"${6000 + i}","wc-completed","2026-09-${day} 10:00","${first}","Guest","${email}","0","GBP","1","SCR","Screws","1","10.00","10.00","0.00","10.00"`
    );
  }
  const { revenue, names, report } = await analyzeFile(file(rows), "2026-10-31");
  expect(revenue).toEqual({ "al@a.example": 300, "bea@b.example": 300 });
  expect(names).toEqual({ "al@a.example": "Al Guest", "bea@b.example": "Bea Guest" });
  expect(report.warnings.join(" ")).not.toMatch(/cannot tell customers apart|same customer/);
});
