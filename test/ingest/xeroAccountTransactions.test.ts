/**
 * Xero's "Account Transactions" report: every transaction posted to the ledger accounts chosen,
 * one section per account under its heading ("200 - Sales", "610 - Accounts Receivable"), each
 * section opened by an "Opening Balance" row and closed by "Total <account>" and "Closing
 * Balance" rows, a grand "Total" at the end. A sales invoice posts to both Sales (its net lines,
 * on the credit side) and Accounts Receivable (its gross total, on the debit side, where the
 * customer's payments come off too): read whole, each invoice would count twice. KAP reads the
 * sales (income) accounts' sections only, each line's value Credit − Debit (before VAT), and says
 * which sections it skipped. Modelled on the report's CSV export with the Contact column shown;
 * every expected figure is worked out by hand from the fixture.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");
const BOTH = join(EXPORTS, "xero-account-transactions-sales-and-receivables.csv");

describe("Xero Account Transactions with a Sales and an Accounts Receivable section", () => {
  it("reads the Sales section only: each invoice once, before VAT", async () => {
    const { report, revenue, orders } = await analyzeFile(BOTH);
    expect(report.read?.layout).toBe("Xero account transactions");
    expect(revenue).toEqual({
      // INV-0101: 120.00 + 30.00 (the payment of 180.00 under A/R is no sale)
      "Brightwell Ltd": 150,
      // INV-0102 80.00 − credit note CN-0007 8.00
      "Harbour Plumbing": 72,
      // INV-0103 300.00 + the counter sale received straight into Sales, RM-0042 25.00
      "Cedar Builders plc": 325,
    });
    expect(orders).toEqual({ "Brightwell Ltd": 1, "Harbour Plumbing": 1, "Cedar Builders plc": 2 });
    // the report's own "Total 200 - Sales": Credit 555.00 − Debit 8.00
    expect(report.revenue).toBe(547);
    expect(report.accepted).toBe(6);
    expect(report.returns).toBe(1);
    expect(report.skipped).toEqual([
      { rule: "report title row", rows: 4, revenue: 0, share: null },
      // "Total 200 - Sales", "Total 610 - Accounts Receivable", "Total"
      { rule: "totals row", rows: 3, revenue: 0, share: null },
      { rule: "ledger account heading row", rows: 2, revenue: 0, share: null },
      { rule: "opening or closing balance row", rows: 4, revenue: 0, share: null },
      // its three invoices, the credit note and the payment: the same sales again, no revenue
      // lost; their amounts said, debits 180.00 + 96.00 + 360.00 = 636.00 (the section's Total
      // Debit) and credits 9.60 + 180.00 = 189.60 (its Total Credit): 825.60
      {
        rule: 'not a sales account (ledger account "610 - Accounts Receivable")',
        rows: 5,
        revenue: 825.6,
        share: null,
      },
    ]);
    expect(report.warnings).toContain(
      '5 rows were skipped: 5 not a sales account (ledger account "610 - Accounts Receivable") (rows 18, 19, 20, 21, 22; 825.60 in debits and credits, not counted as sales).'
    );
    expect(report.warnings.join("\n")).toContain(
      'The report lists 2 ledger accounts: KAP read "200 - Sales" (sales) and skipped "610 - Accounts Receivable"'
    );
  });
});

test("Account Transactions of no sales account (receivables and bank): nothing read, and the message says what to export", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "kap-xero-at-")), "account-transactions.csv");
  writeFileSync(
    file,
    [
      "Account Transactions",
      "Kestrel Supplies Ltd",
      "For the period 1 October 2026 to 31 October 2026",
      "",
      "Date,Source,Contact,Description,Reference,Debit,Credit,Running Balance,Gross,VAT",
      "090 - Business Bank Account",
      "Opening Balance,,,,,,,500.00,,",
      "14 Oct 2026,Receivable Payment,Brightwell Ltd,Payment: Brightwell Ltd,,180.00,,680.00,180.00,",
      "Total 090 - Business Bank Account,,,,,180.00,0.00,680.00,180.00,",
      "Closing Balance,,,,,,,680.00,,",
      "610 - Accounts Receivable",
      "Opening Balance,,,,,,,0.00,,",
      "01 Oct 2026,Receivable Invoice,Brightwell Ltd,,INV-0101,180.00,,180.00,180.00,",
      "14 Oct 2026,Receivable Payment,Brightwell Ltd,Payment: Brightwell Ltd,,,180.00,0.00,180.00,",
      "Total 610 - Accounts Receivable,,,,,180.00,180.00,0.00,360.00,",
      "Closing Balance,,,,,,,0.00,,",
    ].join("\n")
  );
  // each line is in a receivables or bank account: the invoice (gross, with VAT) and its payment
  await expect(analyzeFile(file)).rejects.toThrow(
    'None of the report\'s ledger accounts ("090 - Business Bank Account", "610 - Accounts Receivable") is a sales account'
  );
  await expect(analyzeFile(file)).rejects.toThrow(
    'Run Account Transactions for your sales account alone (such as "200 - Sales")'
  );
});

test("Account Transactions laid out Standard (no account headings, an Account column): the Sales lines only", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "kap-xero-at-")), "account-transactions.csv");
  writeFileSync(
    file,
    [
      "Account Transactions",
      "Kestrel Supplies Ltd",
      "For the period 1 October 2026 to 31 October 2026",
      "",
      "Date,Source,Contact,Description,Reference,Debit,Credit,Running Balance,Account",
      "01 Oct 2026,Receivable Invoice,Brightwell Ltd,Cable ties 100mm black,INV-0101,,120.00,,Sales",
      "01 Oct 2026,Receivable Invoice,Brightwell Ltd,,INV-0101,144.00,,,Accounts Receivable",
      "05 Oct 2026,Receivable Invoice,Harbour Plumbing,Copper fitting 15mm,INV-0102,,80.00,,Sales",
      "05 Oct 2026,Receivable Invoice,Harbour Plumbing,,INV-0102,96.00,,,Accounts Receivable",
      "14 Oct 2026,Receivable Payment,Brightwell Ltd,Payment: Brightwell Ltd,,,144.00,,Accounts Receivable",
      "Total,,,,,240.00,344.00,,",
    ].join("\n")
  );
  const { revenue, report } = await analyzeFile(file);
  // the Sales lines: 120.00 and 80.00; the receivables' 144.00, 96.00 and the payment are skipped
  expect(revenue).toEqual({ "Brightwell Ltd": 120, "Harbour Plumbing": 80 });
  expect(report.warnings.join("\n")).toContain(
    'KAP read "Sales" (sales) and skipped "Accounts Receivable"'
  );
});
