/** `kap` on real-export fixtures: what was assumed is printed, the as-of date defaults to the last order, --culture settles what the file cannot. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCli, kap } from "./kapProcess";

/** Each account's id, revenue and orders in the last 12 months, by id: what a user checks first. */
function revenueAndOrders(j: {
  portfolio: { accounts: { accountId: string; revenueLast12: number; ordersLast12: number }[] };
}): [string, number, number][] {
  return j.portfolio.accounts
    .map((a): [string, number, number] => [a.accountId, a.revenueLast12, a.ordersLast12])
    .sort();
}

jest.setTimeout(120_000);

const CASE07 = resolve(__dirname, "../fixtures/cases/07-european-decimal-comma-utf8.csv");

beforeAll(() => {
  buildCli();
});

test("the German export, no options: as of its last order date, and every assumption stated", () => {
  const r = kap("analyze", CASE07);
  expect(r.status).toBe(0);
  const lines = r.stdout.split("\n");
  expect(lines.slice(0, 6)).toEqual([
    "KAP analysis as of 2026-10-14 (the last order date)",
    "Read: 07-european-decimal-comma-utf8.csv (UTF-8, semicolon-delimited)",
    "  Dates: day-first (the data)",
    "  Numbers: Qty decimal comma (the file's other number columns); Unit Price decimal comma (its own cells)",
    "  Currency: EUR",
    "Order lines: 5 (0 returns) · accounts: 2 · 2026-09-02 to 2026-10-14",
  ]);
  // D-1001: 500×0.035 + 1200×0.125 + 2500×0.035 = €255; D-1002: 40×1.25 + 12×2.49 = €79.88
  expect(r.stdout).toMatch(/D-1001 +Elektro Krause GmbH .* €255 /);
  expect(r.stdout).toMatch(/D-1002 +Sanitär Vogel KG .* €80 /);
});

test("--json carries the same facts as data", () => {
  const j = JSON.parse(kap("analyze", CASE07, "--json").stdout);
  expect(j.asOf).toBe("2026-10-14");
  expect(j.asOfSource).toBe("last order date");
  expect(j.ingest.read).toEqual({
    sheet: "07-european-decimal-comma-utf8",
    dateOrder: "dmy",
    dateOrderSource: "data",
    encoding: "UTF-8",
    delimiter: "semicolon",
    currencies: ["EUR"],
  });
  expect(
    j.ingest.numbers.map((n: { header: string; decimal: string; source: string }) => [
      n.header,
      n.decimal,
      n.source,
    ])
  ).toEqual([
    ["Qty", ",", "file"],
    ["Unit Price", ",", "data"],
  ]);
});

describe("a column that reads two ways", () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-culture-"));
  const file = join(dir, "ambiguous.csv");
  // "1,250" is 1250 with a decimal point, 1.25 with a decimal comma; nothing in the file says which.
  writeFileSync(
    file,
    'Customer,Date,SKU,Qty,Revenue\nA,2026-10-01,S1,1,"1,250"\nB,2026-10-02,S1,1,"2,500"\n'
  );

  test("is reported, naming the column, when nothing settles it", () => {
    const r = kap("analyze", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '! Column "Revenue": 2 values such as "1,250" could be read two ways, and neither the column, the file nor the workbook\'s culture settles it: KAP read them with a decimal point (1,234.56). If "," is the decimal mark there, not a thousands separator, set the workbook\'s culture (kap: --culture, e.g. de-DE) and analyse again.'
    );
    expect(r.stdout).toContain(
      '  Numbers: Revenue decimal point (assumed: "1,250" reads 1250 or 1.25, and nothing in the file settles which)'
    );
    expect(r.stdout).toMatch(/A +A .* £1,250 /);
  });

  test("--culture de-DE settles it: a decimal comma", () => {
    const r = kap("analyze", file, "--culture", "de-DE", "--json");
    const j = JSON.parse(r.stdout);
    expect(j.ingest.numbers).toEqual([
      { field: "quantity", header: "Qty", decimal: ",", source: "culture", ambiguous: 0 },
      { field: "revenue", header: "Revenue", decimal: ",", source: "culture", ambiguous: 2 },
    ]);
    expect(
      j.portfolio.accounts.map((a: { accountId: string; revenueLast12: number }) => [
        a.accountId,
        a.revenueLast12,
      ])
    ).toEqual([
      ["A", 1.25],
      ["B", 2.5],
    ]);
    expect(j.ingest.warnings.join(" ")).not.toMatch(/read two ways/);
  });

  test("a bad --culture is one clear line", () => {
    const r = kap("analyze", file, "--culture", "12");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      '--culture "12" is not a culture name: use e.g. en-GB, en-US or de-DE.\n'
    );
  });
});

test("an as-of date far past the data is warned about", () => {
  const r = kap("analyze", CASE07, "--as-of", "2026-12-31");
  expect(r.stdout.split("\n")[0]).toBe("KAP analysis as of 2026-12-31 (as set)");
  expect(r.stdout).toContain(
    "! The as-of date 2026-12-31 is 78 days after the last order in the data (2026-10-14)"
  );
});

test("QuickBooks Online sales by customer detail: customers from the headings, every skipped row named", () => {
  const file = resolve(
    __dirname,
    "../fixtures/exports/quickbooks-online-sales-by-customer-detail.csv"
  );
  const r = kap("analyze", file, "--as-of", "2026-10-31", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.ingest.read.layout).toBe("QuickBooks Online sales by customer detail");
  expect(revenueAndOrders(j)).toEqual([
    // 10×4.50 + 50×0.80 + 20×2.10 = 127.00 over invoices 1001 and sales receipt 1012
    ["Brightwell Electrical Ltd", 127, 2],
    // 18.00 − 9.00 (credit memo) + 15.00 = 24.00; the credit memo is no order
    ["Harbour Plumbing & Heating", 24, 2],
    // "Northfield Builders:Quay Street site": 20.00 + 90.00 = 110.00
    ["Northfield Builders", 110, 2],
  ]);
  expect(j.ingest.returns).toBe(1);
  expect(
    j.ingest.skipped.map((s: { rule: string; rows: number }) => `${s.rows} ${s.rule}`)
  ).toEqual([
    "4 report title row",
    "1 blank row",
    "4 totals row",
    "3 customer heading row",
    "1 report footer row",
  ]);
});

test("QuickBooks Online transaction list by customer: recognised, only sales documents read", () => {
  const file = resolve(
    __dirname,
    "../fixtures/exports/quickbooks-online-transaction-list-by-customer.csv"
  );
  const r = kap("analyze", file, "--as-of", "2026-10-31", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.ingest.read.layout).toBe("QuickBooks transaction list by customer");
  expect(revenueAndOrders(j)).toEqual([
    // invoice 102.00 + sales receipt 50.40; the payment and the estimate are no sales
    ["Brightwell Electrical Ltd", 152.4, 2],
    // 1,250.00 − 10.80 (credit memo) − 20.00 (refund); the journal entry is no sale
    ["Harbour Plumbing & Heating", 1219.2, 1],
    // "Northfield Builders:Quay Street site": 24.00 + 108.00 (invoice 1017 voided at 0.00)
    ["Northfield Builders", 132, 2],
  ]);
  expect(j.ingest.returns).toBe(2);
  expect(j.ingest.hasProducts).toBe(false);
});

test("a French export: French headers, semicolons, decimal comma, day-first dates; Montant HT, not TTC", () => {
  const file = resolve(__dirname, "../fixtures/exports/french-factures-lignes.csv");
  const r = kap("analyze", file, "--as-of", "2026-10-31", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.ingest.read).toMatchObject({
    delimiter: "semicolon",
    dateOrder: "dmy",
    currencies: ["EUR"],
  });
  expect(
    j.portfolio.accounts
      .map((a: { accountId: string; revenueLast12: number }) => [a.accountId, a.revenueLast12])
      .sort()
  ).toEqual([
    // 1 000×0,045 + 50×0,80 + 12×12,50 = 235,00
    ["C001", 235],
    // 400×0,045 − 10×0,80 (avoir) = 10,00
    ["C002", 10],
  ]);
});

test("Business Central customer ledger entries: Sales (LCY) of invoices and credit memos; finance charges and reminders skipped", () => {
  const file = resolve(__dirname, "../fixtures/exports/business-central-customer-ledger.csv");
  const r = kap("analyze", file, "--as-of", "2026-10-31", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.ingest.read.layout).toBe("Dynamics 365 Business Central customer ledger entries");
  expect(revenueAndOrders(j)).toEqual([
    // invoices 1,000.00 + 2,500.00 − credit memo 250.00, before VAT (Amount read 8,945.00 in 5
    // "orders": the opening balance, the finance charge memo and the reminder among them)
    ["C10000", 3250, 2],
    // 800.00 + 400.00 − 100.00; the refund pays the credit memo back, no second return
    ["C20000", 1100, 2],
    // the EUR invoice's 860.00 in the company's currency
    ["C30000", 860, 1],
  ]);
  expect(j.ingest.skipped).toEqual([
    expect.objectContaining({
      rule: "not a sale (a payment, estimate, journal or other transaction)",
      rows: 3,
    }),
    expect.objectContaining({ rule: "not a sale (a late fee or finance charge)", rows: 2 }),
  ]);
  expect(j.ingest.hasProducts).toBe(false);
});

test("Zoho Books invoices: an entity-level discount comes off its invoice's lines; drafts and voids are no sales", () => {
  const file = resolve(__dirname, "../fixtures/exports/zoho-books-invoices-eur.csv");
  const r = kap("analyze", file, "--as-of", "2026-10-31", "--json");
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(revenueAndOrders(j)).toEqual([
    // Kessler: (1,200.00 + 800.00 + 200.00 − 100.00) + (500.00 + 400.00 − 5%, 45.00, + its
    // Shipping Charge 25.00, carriage billed)
    ["4580000000012001", 2980, 2],
    // Byrne: 20 × 15.00 less 10% + 50 × 2.00; its Void invoice (500.00) no sale
    ["4580000000012002", 370, 1],
    // Costa: 450.00 + 300.00 − 10%; its Draft (120.00) no sale
    ["4580000000012003", 675, 1],
  ]);
  expect(j.ingest.revenueByCurrency).toEqual({ EUR: 4025 });
  expect(j.ingest.skipped).toEqual([
    expect.objectContaining({ rule: "cancelled, voided, refunded or draft order", rows: 2 }),
  ]);
});
