/**
 * Silent misreads a new-user tester found in realistic exports (4 Dec): a payment status read in
 * place of the invoice's own status, an amount before tax under a name KAP did not know, a
 * bank's interest read as a sale, an abandoned checkout counted. Figures worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-tester-dec4-"));
let n = 0;
function fileOf(lines: string[]): string {
  const file = join(dir, `export-${++n}.csv`);
  writeFileSync(file, lines.join("\n"));
  return file;
}
const EXPORTS = join(__dirname, "../fixtures/exports");
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

test("an invoice's Status beside its Payment Status: the cancelled and the draft invoices are no sales", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Invoice No,Customer,Date,Net Amount,Status,Payment Status",
      "I1,Acme,2026-02-01,100.00,Posted,Paid",
      "I2,Acme,2026-03-01,200.00,Cancelled,Not Paid",
      "I3,Acme,2026-04-01,50.00,Draft,Not Paid",
    ])
  );
  // I1 only: 100.00 (was 350.00: the payment status was read as the status)
  expect(revenue).toEqual({ Acme: 100 });
  expect(skippedRows(report.skipped)).toEqual({ "cancelled, voided, refunded or draft order": 2 });
});

test.each([["Untaxed Amount"], ["Tax Excluded"], ["Taxable Amount"], ["Amount before Tax"]])(
  "'%s' beside Tax and Total is the revenue, before tax",
  async (net) => {
    const { revenue } = await analyzeFile(
      fileOf([
        `Invoice No,Customer,Date,${net},Tax,Total`,
        "I1,Acme,2026-02-01,100.00,20.00,120.00",
        "I2,Acme,2026-03-01,200.00,40.00,240.00",
      ])
    );
    // 100.00 + 200.00 (not the totals with tax, 120.00 + 240.00)
    expect(revenue).toEqual({ Acme: 300 });
  }
);

test("Xero account transactions: Interest Income is no sales account, Freight Income is", async () => {
  const { report, revenue } = await analyzeFile(
    join(EXPORTS, "xero-account-transactions-interest.csv")
  );
  // Acme: Sales 250.00 + 180.00 − credit note 50.00 + 100.00, Freight Income 12.50 = 492.50;
  // Bolt 860.00; the bank's 4.20 of interest is no customer's
  expect(revenue).toEqual({ "Acme Ltd": 492.5, "Bolt Co": 860 });
  expect(skippedRows(report.skipped)).toMatchObject({
    'not a sales account (ledger account "Interest Income (270)")': 1,
  });
});

test("BigCommerce: an Incomplete order (an abandoned checkout) is no sale", async () => {
  const { revenue } = await analyzeFile(join(EXPORTS, "bigcommerce-orders-incomplete.csv"));
  // customer 11 (Grace Hall): 100.00 + 250.00 − the refund's 50.00 before tax (60.00 with it) = 300.00,
  // not order 102's 50.00 (Incomplete); 12 (Ivan Petrov): 200.00 + 400.00 (103 Declined, 105 Refunded)
  expect(revenue).toEqual({ "11": 300, "12": 600 });
});
