/**
 * Acumatica's "Invoices and Memos": an invoice "On Hold" is not yet released, so no sale yet. It
 * was skipped rightly, but explained as '"Status" is a web shop's order status: an order awaiting
 * payment ("On Hold": pending, on hold)'. "On Hold" alone no longer makes a status a shop's; an
 * ERP's document on hold is said as not yet released, under a rule of its own.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { ruleCounted } from "../../src/ingest/ruleCount";

const FILE = join(__dirname, "../fixtures/exports/acumatica-invoices-on-hold.csv");

test("Acumatica: an invoice On Hold is not yet released, said so, its value counted", async () => {
  const { revenue, orders, report } = await analyzeFile(FILE, "2026-11-30");
  // CUST01: INV000101 1,000.00 − CRM000011 100.00 (a Credit Memo, written positive) = 900.00 in
  // 1 (INV000104 On Hold, 150.00, out); CUST02: 200.00 + 30.00 = 230.00 in 2 (INV000103 Voided out)
  expect(revenue).toEqual({ CUST01: 900, CUST02: 230 });
  expect(orders).toEqual({ CUST01: 1, CUST02: 2 });
  expect(report.warnings).toContain(
    `"Status": a document "On Hold" is not yet released (posted to no ledger until it is), so it is no sale yet: its lines are skipped and counted with their value.`
  );
  expect(report.warnings.join("\n")).toContain(
    "1 not yet released (on-hold) document (row 6; 150.00 not counted as sales)"
  );
  expect(report.warnings.join("\n")).not.toMatch(/web shop|awaiting payment/);
});

test("a shop's On hold beside its other statuses is still an order awaiting payment", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-on-hold-"));
  const file = join(dir, "woo.csv");
  writeFileSync(
    file,
    [
      "Order Number,Order Date,Order Status,Customer Email,SKU,Item Name,Quantity,Line Total",
      "1001,2026-11-02,Completed,a@example.com,TB-1,Tool bag,1,40.00",
      "1002,2026-11-03,On hold,b@example.com,TB-1,Tool bag,2,80.00",
      "1003,2026-11-04,Processing,b@example.com,TB-1,Tool bag,1,40.00",
    ].join("\n") + "\n"
  );
  const { revenue, report } = await analyzeFile(file, "2026-11-30");
  // a@: 40.00; b@: 40.00 (1002, on hold awaiting its bank transfer, 80.00 out)
  expect(revenue).toEqual({ "a@example.com": 40, "b@example.com": 40 });
  expect(report.warnings.join("\n")).toMatch(/web shop's order status/);
});

test("two documents on hold are counted in the plural", () => {
  expect(ruleCounted("not yet released (on-hold) document", 2)).toBe(
    "not yet released (on-hold) documents"
  );
});
