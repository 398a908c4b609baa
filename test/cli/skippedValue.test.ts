/**
 * `kap analyze --json`: each skipped rule in ingest.skipped carries the value the text's
 * skipped-rows warning says, from the same figure. Rows that cannot be used (no account) held
 * revenue: their value and its share of revenue (accepted + skipped). Rows that are no sale (a
 * voided or draft invoice) held no revenue: their value "not counted as sales", no share.
 * Before: the voided and draft invoices' 800.00 showed as revenue 0, share 0 in the JSON.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

beforeAll(() => {
  buildCli();
});

const dir = mkdtempSync(join(tmpdir(), "kap-skipped-value-"));

/** A Xero sales-invoices export, cut down: one line per invoice, Status last. */
const XERO = [
  "ContactName,InvoiceNumber,InvoiceDate,DueDate,Total,InventoryItemCode,Description,Quantity,UnitAmount,LineAmount,AccountCode,TaxType,TaxAmount,Currency,Type,Status",
  "Acme Ltd,INV-0001,01/10/2026,31/10/2026,100.00,CT-1,Cable ties,10,10.00,100.00,200,No VAT,0.00,GBP,Sales invoice,PAID",
  "Acme Ltd,INV-0002,05/10/2026,04/11/2026,60.00,CT-1,Cable ties,6,10.00,60.00,200,No VAT,0.00,GBP,Sales invoice,AUTHORISED",
  // row 4 voided, row 5 a draft: no sales
  "Bolt Ltd,INV-0003,12/10/2026,11/11/2026,500.00,CT-1,Cable ties,50,10.00,500.00,200,No VAT,0.00,GBP,Sales invoice,VOIDED",
  "Bolt Ltd,INV-0004,14/10/2026,13/11/2026,300.00,CT-1,Cable ties,30,10.00,300.00,200,No VAT,0.00,GBP,Sales invoice,DRAFT",
  "Bolt Ltd,INV-0005,15/10/2026,14/11/2026,40.00,CT-1,Cable ties,4,10.00,40.00,200,No VAT,0.00,GBP,Sales invoice,PAID",
  // row 7: a sale with no customer, which cannot be used
  ",INV-0006,16/10/2026,15/11/2026,50.00,CT-1,Cable ties,5,10.00,50.00,200,No VAT,0.00,GBP,Sales invoice,PAID",
].join("\n");

test("the JSON's skipped entries carry the text's figures: 800.00 not counted as sales; 50.00, 20% of revenue", () => {
  const path = join(dir, "invoices.csv");
  writeFileSync(path, XERO + "\n");
  const text = kap("analyze", path, "--as-of", "2026-10-31");
  expect(text.status).toBe(0);
  // voided 500.00 + draft 300.00 = 800.00, no sale;
  // accepted 100.00 + 60.00 + 40.00 = 200.00; no account 50.00 of (200.00 + 50.00) = 20%
  expect(text.stdout).toContain(
    "3 rows were skipped: 2 cancelled, voided, refunded or draft orders (rows 4, 5; 800.00 not counted as sales); 1 no account (row 7; 50.00, 20.0% of revenue)."
  );
  const json = kap("analyze", path, "--as-of", "2026-10-31", "--json");
  expect(json.status).toBe(0);
  const ingest = JSON.parse(json.stdout).ingest;
  expect(ingest.revenue).toBe(200);
  expect(ingest.skipped).toEqual([
    { rule: "cancelled, voided, refunded or draft order", rows: 2, revenue: 800, share: null },
    { rule: "no account", rows: 1, revenue: 50, share: 0.2 },
  ]);
});
