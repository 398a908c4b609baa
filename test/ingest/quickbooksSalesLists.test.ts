/**
 * QuickBooks Online's lists of sales documents, one row per document and no products: the Sales ›
 * All sales export (Type, No., Customer, Total, Status) and the Invoice List report (Transaction
 * Type, Num, Name, Amount, Open Balance). Only invoices and sales receipts are sales, credit memos
 * and refunds returns; estimates and payments are no sales. Every expected figure is worked out
 * by hand from the file; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

describe("QuickBooks Online lists of sales documents", () => {
  it("Sales › All sales: an Estimate and a Payment are no sales, Credit Memo and Refund are returns, a Voided invoice is skipped, and the amount is before sales tax", async () => {
    const { report, revenue, orders, p } = await analyzeFile(
      join(DIR, "quickbooks-online-all-sales.csv")
    );
    // Brightwell: Sales Receipt 1012 42.00 + Invoice 1001 85.00 − Refund 1000 5.00 = 122.00
    // (Estimate 1020, $1,200.00, is no sale)
    // Harbour: Invoice 1007 33.00 before its 2.64 sales tax − Credit Memo 1009 9.00 = 24.00
    // (the Payment of 35.64 is money received for 1007, no return)
    // Northfield Builders (its job Quay Street site rolled up): Invoice 998 110.00 (1004 Voided)
    expect(revenue).toEqual({
      "Brightwell Electrical Ltd": 122,
      "Harbour Plumbing & Heating": 24,
      "Northfield Builders": 110,
    });
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 2,
      "Harbour Plumbing & Heating": 1,
      "Northfield Builders": 1,
    });
    expect(report.returns).toBe(2);
    expect(report.hasProducts).toBe(false);
    expect(report.read!.layout).toBe("QuickBooks Online sales transactions");
    // "$1,200.00" with no culture: a dollar no one currency (USD, CAD, AUD …), so no ISO code
    expect(report.fileSymbol).toBe("$");
    expect(p.accounts.every((a) => a.currency === "")).toBe(true);
    expect(report.rejected).toEqual([
      {
        reason: "not a sale (a payment, estimate, journal or other transaction)",
        count: 2,
        rows: [2, 3],
      },
      { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [7] },
    ]);
  });

  it("Invoice List report: Name is the customer, Amount the invoice's value, a voided invoice (0.00) skipped", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(DIR, "quickbooks-online-invoice-list.csv")
    );
    // Brightwell: 1001 85.00; Harbour: 1007 33.00 + 1019 1,250.00 = 1,283.00;
    // Northfield Builders: 998 110.00 (1004 voided, 0.00)
    expect(revenue).toEqual({
      "Brightwell Electrical Ltd": 85,
      "Harbour Plumbing & Heating": 1283,
      "Northfield Builders": 110,
    });
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 1,
      "Harbour Plumbing & Heating": 2,
      "Northfield Builders": 1,
    });
    expect(report.skippedTotals).toBe(1);
    expect(report.read!.layout).toBe("QuickBooks Online invoice list");
    expect(report.rejected).toEqual([{ reason: "voided (amount 0)", count: 1, rows: [8] }]);
  });
});

describe("QuickBooks Transaction Detail by Account", () => {
  it("only the income accounts' sections are read; the customer is the Name; A/R holds the same invoices again", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(DIR, "quickbooks-online-transaction-detail-by-account.csv")
    );
    // Sales of Product Income: Brightwell 1001 45.00 + 40.00, Sales Receipt 1012 42.00 = 127.00;
    // Harbour 1007 18.00 − Credit Memo 1009 9.00 = 9.00
    // Services: Northfield Builders:Quay Street site 1004 120.00 (rolled up to Northfield Builders)
    // Accounts Receivable (A/R): invoice 1001 again (102.00) and its payment, skipped
    expect(revenue).toEqual({
      "Brightwell Electrical Ltd": 127,
      "Harbour Plumbing & Heating": 9,
      "Northfield Builders": 120,
    });
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 2,
      "Harbour Plumbing & Heating": 1,
      "Northfield Builders": 1,
    });
    expect(report.returns).toBe(1);
    expect(report.read!.layout).toBe("QuickBooks transaction detail by account");
    expect(report.rejected).toEqual([
      {
        reason: 'not a sales account (ledger account "Accounts Receivable (A/R)")',
        count: 2,
        rows: [17, 18],
      },
    ]);
    // "Total for Sales of Product Income", "Total for Services", "Total for Accounts Receivable (A/R)", "TOTAL"
    expect(report.skippedTotals).toBe(4);
  });
});

describe("QuickBooks Online Sales by Customer Detail with a journal entry", () => {
  it("a Journal Entry posted to the customer is no sale, not revenue lost for want of a product", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(DIR, "quickbooks-online-customer-detail-journal.csv")
    );
    // Brightwell: Invoice 1001 45.00 + Sales Receipt 1012 42.00 = 87.00 (JE-14's 500.00 is an
    // accrual, no sale; invoice 1015 voided at 0.00)
    expect(revenue).toEqual({ "Brightwell Electrical Ltd": 87 });
    expect(orders).toEqual({ "Brightwell Electrical Ltd": 2 });
    expect(report.rejected).toEqual([
      {
        reason: "not a sale (a payment, estimate, journal or other transaction)",
        count: 1,
        rows: [9],
      },
      { reason: "empty line (no quantity, no value)", count: 1, rows: [10] },
    ]);
    // was "1 no product (row 9; 500.00, 85.2% of revenue)"
    expect(report.warnings.join(" ")).not.toMatch(/of revenue/);
  });
});
