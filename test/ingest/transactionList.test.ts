/**
 * QuickBooks "Transaction List by Customer" (Online and Desktop): a grouped report with no product
 * and no quantity, one row per transaction under its customer's heading. Modelled on the reports
 * as QuickBooks writes them:
 * - Online (CSV export): a title block (company, report name, date range, blank row), the header
 *   ",Date,Transaction Type,Num,Posting,Memo/Description,Account,Amount" with the customer headings
 *   in the unnamed first column, a "Total for <customer>" row after each customer, a grand "TOTAL",
 *   a blank row and the "Accrual basis …" footer; US dates, "1,250.00" amounts, "$" on totals only.
 * - Desktop (CSV export, no title block): ",,Type,Date,Num,Memo,Account,Clr,Split,Amount", the
 *   customer in the first column, a job indented one column further; no totals rows (Desktop's
 *   transaction lists add none); UK dates.
 * Amount is the transaction's amount: for an invoice its total as posted to A/R. Both list every
 * kind of transaction: only Invoice, Sales Receipt and Statement Charge are sales (the Desktop
 * fixture's statement charge is a late fee, which is none), Credit Memo and Refund (Receipt)
 * returns; Payment, Estimate, Journal Entry and General Journal are not sales.
 * Every expected figure is worked out by hand from the fixtures.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";
import { serialToIso } from "../../src/domain/dates";

const EXPORTS = join(__dirname, "../fixtures/exports");
const ONLINE = join(EXPORTS, "quickbooks-online-transaction-list-by-customer.csv");
const DESKTOP = join(EXPORTS, "quickbooks-desktop-transaction-list-by-customer.csv");

describe("QuickBooks Online transaction list by customer", () => {
  it("is recognised; only invoices, sales receipts, credit memos and refunds are read", async () => {
    const { report, revenue, orders } = await analyzeFile(ONLINE);
    expect(report.read).toMatchObject({
      layout: "QuickBooks transaction list by customer",
      dateOrder: "mdy",
    });
    expect(revenue).toEqual({
      // invoice 1001 102.00 + sales receipt 1012 50.40 = 152.40 (payment and estimate not sales)
      "Brightwell Electrical Ltd": 152.4,
      // invoice 1007 1,250.00 − credit memo 1009 10.80 − refund 1016 20.00 = 1,219.20 (journal not a sale)
      "Harbour Plumbing & Heating": 1219.2,
      // "Northfield Builders:Quay Street site": 24.00 + 108.00 = 132.00 (1017 voided, 0.00)
      "Northfield Builders": 132,
    });
    // 1001, 1012; 1007 (1009 and 1016 are returns); 1004, 1013
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 2,
      "Harbour Plumbing & Heating": 1,
      "Northfield Builders": 2,
    });
    expect(report.accepted).toBe(7);
    expect(report.returns).toBe(2);
    // 152.40 + 1,219.20 + 132.00
    expect(report.revenue).toBe(1503.6);
    expect(report.hasProducts).toBe(false);
    const rows = Object.fromEntries(report.skipped.map((s) => [s.rule, s.rows]));
    expect(rows).toEqual({
      "report title row": 4,
      "blank row": 1,
      // 3 customers + TOTAL
      "totals row": 4,
      "customer heading row": 3,
      "report footer row": 1,
      // payment 102.00, estimate 300.00, journal entry −5.00
      "not a sale (a payment, estimate, journal or other transaction)": 3,
      "voided (amount 0)": 1,
    });
    // a payment, an estimate or a journal is no revenue skipped: no share of revenue is claimed
    // for them, nor a value (a payment's amount is no order's worth)
    expect(report.skipped.find((r) => r.rule.startsWith("not a sale"))).toMatchObject({
      revenue: 0,
      share: null,
    });
  });

  it("each transaction is one line: the Num its order, no product", async () => {
    const view = (await linesOf(ONLINE)).map((l) => [
      l.accountId,
      l.site ?? "",
      l.orderId,
      serialToIso(l.date),
      l.revenue,
      l.isReturn,
    ]);
    expect(view).toEqual([
      ["Brightwell Electrical Ltd", "", "1001", "2026-10-02", 102, false],
      ["Brightwell Electrical Ltd", "", "1012", "2026-10-21", 50.4, false],
      ["Harbour Plumbing & Heating", "", "1007", "2026-10-15", 1250, false],
      ["Harbour Plumbing & Heating", "", "1009", "2026-10-20", -10.8, true],
      ["Harbour Plumbing & Heating", "", "1016", "2026-10-29", -20, true],
      ["Northfield Builders", "Quay Street site", "1004", "2026-10-09", 24, false],
      ["Northfield Builders", "Quay Street site", "1013", "2026-10-23", 108, false],
    ]);
  });
});

describe("QuickBooks Desktop transaction list by customer", () => {
  it("no totals rows, a job indented under its customer, UK dates", async () => {
    const { report, revenue, orders } = await analyzeFile(DESKTOP);
    expect(report.read).toMatchObject({
      layout: "QuickBooks transaction list by customer",
      dateOrder: "dmy",
    });
    expect(revenue).toEqual({
      // 102.00 + 50.40
      "Brightwell Electrical Ltd": 152.4,
      // 1,250.00 − 10.80 (credit memo 79)
      "Harbour Plumbing & Heating": 1239.2,
      // job "Quay Street site": 24.00 + 108.00
      "Northfield Builders": 132,
    });
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 2,
      "Harbour Plumbing & Heating": 1,
      "Northfield Builders": 2,
    });
    expect(report.returns).toBe(1);
    const rows = Object.fromEntries(report.skipped.map((s) => [s.rule, s.rows]));
    expect(rows).toEqual({
      // Brightwell, Harbour, Northfield, Quay Street site
      "customer heading row": 4,
      // payment, estimate, general journal
      "not a sale (a payment, estimate, journal or other transaction)": 3,
      // the statement charge is a late fee (Finance Charge Income): no purchase
      "not a sale (a late fee or finance charge)": 1,
    });
    const ls = await linesOf(DESKTOP);
    expect(ls.filter((l) => l.site).map((l) => [l.accountId, l.site, l.orderId])).toEqual([
      ["Northfield Builders", "Quay Street site", "74"],
      ["Northfield Builders", "Quay Street site", "83"],
    ]);
  });
});

test("QuickBooks Online's newer headers (Transaction date, Transaction type, Account full name) are the same report", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "kap-qbtl-")), "transaction-list.csv");
  writeFileSync(
    file,
    [
      "Kestrel Supplies Ltd",
      "Transaction List by Customer",
      '"October 1-31, 2026"',
      "",
      ",Transaction date,Transaction type,Num,Posting,Memo/Description,Account full name,Amount",
      "Brightwell Electrical Ltd,,,,,,,",
      ",10/02/2026,Invoice,1001,Yes,,Accounts Receivable (A/R),102.00",
      ",10/12/2026,Payment,,Yes,,Undeposited Funds,102.00",
      ",10/20/2026,Credit Memo,1009,Yes,Returned,Accounts Receivable (A/R),-12.00",
      "Total for Brightwell Electrical Ltd,,,,,,,$192.00",
      "TOTAL,,,,,,,$192.00",
      "",
      '"Accrual basis Monday, November 2, 2026 10:15 AM GMT-05:00"',
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(file);
  expect(report.read?.layout).toBe("QuickBooks transaction list by customer");
  // 102.00 − 12.00 (credit memo); the payment is no sale
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 90 });
  expect(report.returns).toBe(1);
});

test("a QuickBooks general ledger (the account a heading, no Account column) is not read as a transaction list: only its sales account's section is read", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "kap-qbgl-")), "general-ledger.csv");
  writeFileSync(
    file,
    [
      "Kestrel Supplies Ltd",
      "General Ledger",
      '"October 1-31, 2026"',
      "",
      ",Date,Transaction Type,Num,Name,Memo/Description,Split,Amount,Balance",
      "Accounts Receivable (A/R),,,,,,,,",
      ",10/02/2026,Invoice,1001,Brightwell Electrical Ltd,,-Split-,102.00,102.00",
      "Total for Accounts Receivable (A/R),,,,,,,$102.00,",
      "Sales,,,,,,,,",
      ",10/02/2026,Invoice,1001,Brightwell Electrical Ltd,,Accounts Receivable (A/R),85.00,85.00",
      "Total for Sales,,,,,,,$85.00,",
    ].join("\n")
  );
  // not taken for a transaction list (the invoice would count twice, 102.00 + 85.00): read by its
  // ledger sections, the Sales account's 85.00 (before tax) and not A/R's 102.00
  const { report, revenue } = await analyzeFile(file);
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 85 });
  expect(report.read!.layout).toBe("QuickBooks transaction detail by account");
  expect(report.rejected).toEqual([
    {
      reason: 'not a sales account (ledger account "Accounts Receivable (A/R)")',
      count: 1,
      rows: [7],
    },
  ]);
});
