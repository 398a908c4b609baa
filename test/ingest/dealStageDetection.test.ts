/**
 * Which status columns hold a CRM's deal stages (only won deals are sales) and which are an order
 * export's statuses that merely contain the word "Lost" or "Won" (every paid order stays a sale).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { holdsDealStages } from "../../src/ingest/statuses";
import { analyzeFile } from "./fileAnalysis";

test("a Stage header, a closed stage or a won/lost/open status is a deal stage", () => {
  expect(holdsDealStages("Deal Stage", ["Appointment scheduled"])).toBe(true);
  expect(holdsDealStages("Status", ["Prospecting", "Closed Won"])).toBe(true);
  expect(holdsDealStages("Status", ["closedlost", "qualifiedtobuy"])).toBe(true);
  // Pipedrive's deal Status: open, won, lost
  expect(holdsDealStages("Status", ["won", "open", "lost", "won"])).toBe(true);
});

test("an order status that starts with Lost or Won among paid and shipped orders is not", () => {
  expect(holdsDealStages("Status", ["Paid", "Shipped", "Lost parcel", "Paid"])).toBe(false);
  expect(holdsDealStages("Order Status", ["Paid", "Won (competition prize)", "Refunded"])).toBe(
    false
  );
  // no won deal at all in a Status column: nothing says it is a deal export
  expect(holdsDealStages("Status", ["lost", "open"])).toBe(false);
});

test("an order export with a 'Lost parcel' status keeps its paid and shipped orders as sales", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-lost-parcel-"));
  const file = join(dir, "orders.csv");
  writeFileSync(
    file,
    [
      "Order Date,Order No,Customer,SKU,Qty,Line Total,Status",
      "02/09/2026,S1,Acme,CT-1,10,100.00,Paid",
      "05/09/2026,S2,Acme,CT-1,5,50.00,Lost parcel",
      "10/09/2026,S3,Bolt,CT-2,2,40.00,Shipped",
    ].join("\n")
  );
  // worked by hand: no status here cancels a sale — Acme 100 + 50 = 150, Bolt 40 (before the
  // fix the file was refused: "Status" read as deal stages, every line an open or lost deal)
  const { revenue } = await analyzeFile(file);
  expect(revenue).toEqual({ Acme: 150, Bolt: 40 });
});
