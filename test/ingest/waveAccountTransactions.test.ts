/**
 * Wave's "Account Transactions" export lists every posting of every transaction: an invoice's
 * Accounts Receivable (with tax), its income account (before tax) and its sales tax; a payment's
 * bank and receivable; expenses and transfers. A tester found every row read as a line, the
 * income postings' negative "Amount (One column)" as returns: 0 revenue for every customer. Only
 * income postings are sales. Figures worked out by hand, as of 2026-10-31.
 */
import { analyzeFile, csvFile } from "./fileAnalysis";

const HEADER =
  "Transaction ID,Transaction Date,Account Name,Transaction Description,Transaction Line Description,Amount (One column),,Debit Amount (Two Column Approach),Credit Amount (Two Column Approach),Other Accounts for this Transaction,Customer,Vendor,Invoice Number,Bill Number,Notes / Memo,Amount Before Sales Tax,Sales Tax Amount,Sales Tax Name,Transaction Date Added,Transaction Date Last Modified,Account Group,Account Type,Account ID";

const fileOf = (lines: string[]): string => csvFile(lines, "wave.csv");

const skippedRows = (skipped: readonly { rule: string; rows: number; revenue: number | null }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, [s.rows, s.revenue]]));

test("only income postings are sales, before tax; receivables, tax, bank, expenses, transfers skipped and said", async () => {
  const { report, revenue, orders } = await analyzeFile(
    fileOf([
      HEADER,
      "1,2026-02-01,Accounts Receivable,Invoice 11,,339.00,,339.00,,Consulting Income; HST,Harbour Plumbing,,11,,,,,,2026-02-01,2026-02-01,Asset,Accounts Receivable,",
      "1,2026-02-01,Consulting Income,Invoice 11,Site survey,-300.00,,,300.00,Accounts Receivable,Harbour Plumbing,,11,,,300.00,39.00,HST,2026-02-01,2026-02-01,Income,Income,",
      "1,2026-02-01,HST,Invoice 11,Site survey,-39.00,,,39.00,Accounts Receivable,Harbour Plumbing,,11,,,,,,2026-02-01,2026-02-01,Liability,Sales Taxes,",
      "2,2026-04-10,Accounts Receivable,Invoice 12,,508.50,,508.50,,Sales; Discounts; HST,Brightwell Electrical,,12,,,,,,2026-04-10,2026-04-10,Asset,Accounts Receivable,",
      "2,2026-04-10,Sales,Invoice 12,Cable ties x 50,-500.00,,,500.00,Accounts Receivable,Brightwell Electrical,,12,,,500.00,58.50,HST,2026-04-10,2026-04-10,Income,Income,",
      "2,2026-04-10,Discounts,Invoice 12,Discount,50.00,,50.00,,Accounts Receivable,Brightwell Electrical,,12,,,,,,2026-04-10,2026-04-10,Income,Discount,",
      "2,2026-04-10,HST,Invoice 12,Cable ties x 50,-58.50,,,58.50,Accounts Receivable,Brightwell Electrical,,12,,,,,,2026-04-10,2026-04-10,Liability,Sales Taxes,",
      "3,2026-04-30,Chequing,Invoice Payment,,508.50,,508.50,,Accounts Receivable,Brightwell Electrical,,12,,,,,,2026-04-30,2026-04-30,Asset,Cash and Bank,",
      "3,2026-04-30,Accounts Receivable,Invoice Payment,,-508.50,,,508.50,Chequing,Brightwell Electrical,,12,,,,,,2026-04-30,2026-04-30,Asset,Accounts Receivable,",
      "4,2026-05-03,Office Supplies,Staples,,45.00,,45.00,,Chequing,,Staples,,,,,,,2026-05-03,2026-05-03,Expense,Operating Expense,",
      "4,2026-05-03,Chequing,Staples,,-45.00,,,45.00,Office Supplies,,Staples,,,,,,,2026-05-03,2026-05-03,Asset,Cash and Bank,",
      "5,2026-06-01,Savings,Transfer,,1000.00,,1000.00,,Chequing,,,,,,,,,2026-06-01,2026-06-01,Asset,Cash and Bank,",
      "5,2026-06-01,Chequing,Transfer,,-1000.00,,,1000.00,Savings,,,,,,,,,2026-06-01,2026-06-01,Asset,Cash and Bank,",
      "6,2026-07-15,Interest Earned,Bank interest,,-12.00,,,12.00,Chequing,,,,,,,,,2026-07-15,2026-07-15,Income,Other Income,",
      "6,2026-07-15,Chequing,Bank interest,,12.00,,12.00,,Interest Earned,,,,,,,,,2026-07-15,2026-07-15,Asset,Cash and Bank,",
    ])
  );
  // Harbour Plumbing: its Consulting Income credit 300.00 (not the receivable's 339.00 with tax);
  // Brightwell Electrical: Sales credit 500.00 − the Discount debit 50.00 = 450.00.
  expect(revenue).toEqual({ "Harbour Plumbing": 300, "Brightwell Electrical": 450 });
  expect(orders).toEqual({ "Harbour Plumbing": 1, "Brightwell Electrical": 1 });
  expect(report.read?.layout).toBe("Wave account transactions");
  // receivables: rows 2, 5, 10; sales taxes 4, 8; cash and bank 9, 12, 13, 14, 16; the expense
  // 11; the bank interest (Other Income) 15. Each with its postings' amounts, debits and credits:
  // receivables 339.00 + 508.50 + 508.50 = 1,356.00; sales taxes 39.00 + 58.50 = 97.50; cash and
  // bank 508.50 + 45.00 + 1,000.00 + 1,000.00 + 12.00 = 2,565.50; the expense 45.00; interest 12.00
  expect(skippedRows(report.skipped)).toEqual({
    'not a sales account (ledger account "Accounts Receivable")': [3, 1356],
    'not a sales account (ledger account "Sales Taxes")': [2, 97.5],
    'not a sales account (ledger account "Cash and Bank")': [5, 2565.5],
    'not a sales account (ledger account "Operating Expense")': [1, 45],
    'not a sales account (ledger account "Other Income")': [1, 12],
  });
  expect(report.warnings.join("\n")).toContain(
    '3 not a sales account (ledger account "Accounts Receivable") (rows 2, 5, 10; 1,356.00 in debits and credits, not counted as sales)'
  );
});

test("without the Account Group and Type columns, the account's name says which postings are sales", async () => {
  const drop = (line: string) => line.split(",").slice(0, 20).join(",");
  const { revenue } = await analyzeFile(
    fileOf([
      drop(HEADER),
      drop(
        "1,2026-02-01,Accounts Receivable,Invoice 11,,339.00,,339.00,,Sales; HST,Harbour Plumbing,,11,,,,,,2026-02-01,2026-02-01"
      ),
      drop(
        "1,2026-02-01,Sales,Invoice 11,Site survey,-300.00,,,300.00,Accounts Receivable,Harbour Plumbing,,11,,,300.00,39.00,HST,2026-02-01,2026-02-01"
      ),
      drop(
        "1,2026-02-01,HST,Invoice 11,Site survey,-39.00,,,39.00,Accounts Receivable,Harbour Plumbing,,11,,,,,,2026-02-01,2026-02-01"
      ),
      drop(
        "3,2026-03-30,Chequing,Invoice Payment,,339.00,,339.00,,Accounts Receivable,Harbour Plumbing,,11,,,,,,2026-03-30,2026-03-30"
      ),
    ])
  );
  // the Sales posting's 300.00 alone
  expect(revenue).toEqual({ "Harbour Plumbing": 300 });
});
