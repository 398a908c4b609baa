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

/**
 * The same export with invoices in GBP and EUR: the skipped rows' values are never added across
 * currencies. Before: "800.00 not counted as sales" for a voided £500.00 and a draft €300.00.
 */
const XERO_TWO_CURRENCIES = [
  XERO.split("\n")[0],
  "Acme Ltd,INV-0001,01/10/2026,31/10/2026,100.00,CT-1,Cable ties,10,10.00,100.00,200,No VAT,0.00,GBP,Sales invoice,PAID",
  "Acme Ltd,INV-0002,05/10/2026,04/11/2026,60.00,CT-1,Cable ties,6,10.00,60.00,200,No VAT,0.00,EUR,Sales invoice,AUTHORISED",
  // row 4 voided (GBP), row 5 a draft (EUR): no sales
  "Bolt Ltd,INV-0003,12/10/2026,11/11/2026,500.00,CT-1,Cable ties,50,10.00,500.00,200,No VAT,0.00,GBP,Sales invoice,VOIDED",
  "Bolt Ltd,INV-0004,14/10/2026,13/11/2026,300.00,CT-1,Cable ties,30,10.00,300.00,200,No VAT,0.00,EUR,Sales invoice,DRAFT",
  "Bolt Ltd,INV-0005,15/10/2026,14/11/2026,40.00,CT-1,Cable ties,4,10.00,40.00,200,No VAT,0.00,GBP,Sales invoice,PAID",
  // rows 7 (GBP) and 8 (EUR): sales with no customer, which cannot be used
  ",INV-0006,16/10/2026,15/11/2026,50.00,CT-1,Cable ties,5,10.00,50.00,200,No VAT,0.00,GBP,Sales invoice,PAID",
  ",INV-0007,16/10/2026,15/11/2026,20.00,CT-1,Cable ties,2,10.00,20.00,200,No VAT,0.00,EUR,Sales invoice,PAID",
].join("\n");

test("in two currencies: £500.00 and €300.00 not counted as sales, each share of its own currency's revenue", () => {
  const path = join(dir, "invoices-gbp-eur.csv");
  writeFileSync(path, XERO_TWO_CURRENCIES + "\n");
  const text = kap("analyze", path, "--as-of", "2026-10-31");
  expect(text.status).toBe(0);
  // no sale: voided £500.00 (GBP), draft €300.00 (EUR), never 800.00.
  // no account: GBP £50.00 of (100.00 + 40.00 accepted + 50.00) = 50 / 190 = 26.3%;
  //             EUR €20.00 of (60.00 accepted + 20.00) = 20 / 80 = 25.0%
  expect(text.stdout).toContain(
    "4 rows were skipped: 2 cancelled, voided, refunded or draft orders (rows 4, 5; £500.00 and €300.00 not counted as sales); 2 no account (rows 7, 8; £50.00, 26.3% of GBP revenue; €20.00, 25.0% of EUR revenue)."
  );
  expect(text.stdout).not.toContain("800.00");
  const json = kap("analyze", path, "--as-of", "2026-10-31", "--json");
  expect(json.status).toBe(0);
  const ingest = JSON.parse(json.stdout).ingest;
  expect(ingest.revenueByCurrency).toEqual({ GBP: 140, EUR: 60 });
  // one figure across currencies would add them: null, and each currency's figure beside it
  expect(ingest.skipped).toEqual([
    {
      rule: "cancelled, voided, refunded or draft order",
      rows: 2,
      revenue: null,
      share: null,
      revenueByCurrency: { GBP: 500, EUR: 300 },
    },
    {
      rule: "no account",
      rows: 2,
      revenue: null,
      share: null,
      revenueByCurrency: { GBP: 50, EUR: 20 },
      // 50 / 190 = 0.26315… → 0.2632; 20 / 80 = 0.25
      shareByCurrency: { GBP: 0.2632, EUR: 0.25 },
    },
  ]);
});
