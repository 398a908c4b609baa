/**
 * An "Account" column beside the customer's columns is the ledger the line is posted to, not the
 * customer, when the data say so: its values are ledger names or codes ("Sales", "Service
 * Income", "4000 Sales - Goods", "Purchases"), or one of its values stands for many different
 * customers ("4000" beside every customer). Before, Zoho Books' invoice export (Account "Sales" on
 * every line beside Customer ID and Customer Name) was read as one account "Sales" named "Acme
 * Traders" holding INR 4,950. A customer's own account code beside its name (one code, one name)
 * stays the customer. Purchase and expense ledger lines are no sales. Every figure by hand; as of
 * 2026-10-31, the 12 months 2025-11-01 … 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-account-ledger-"));
function csv(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

const ZOHO_HEADER =
  "Invoice Date,Invoice ID,Invoice Number,Invoice Status,Customer ID,Customer Name,Due Date,Currency Code,Exchange Rate,Account,Item Name,Item Desc,Item Type,Quantity,Usage unit,Item Price,Discount,Discount Amount,Item Tax,Item Tax %,Item Tax Amount,Item Total,SubTotal,Shipping Charge,Adjustment,Total,Balance";

test("Zoho Books invoice export: 'Account' (Sales) is the ledger; the customer is Customer ID, named by Customer Name", async () => {
  const file = csv("zoho_invoices.csv", [
    ZOHO_HEADER,
    "2026-01-15,460000000101,INV-000101,Paid,460000000011,Acme Traders,2026-02-14,INR,1,Sales,Bulb LED,LED bulb 9W,goods,10,count,100.00,0,0.00,GST18,18,180.00,1000.00,1200.00,50.00,0.00,1466.00,0.00",
    "2026-01-15,460000000101,INV-000101,Paid,460000000011,Acme Traders,2026-02-14,INR,1,Sales,Switch Big,Modular switch,goods,5,count,40.00,0,0.00,GST18,18,36.00,200.00,1200.00,50.00,0.00,1466.00,0.00",
    "2026-03-10,460000000102,INV-000102,Overdue,460000000012,Beta Supplies,2026-04-09,INR,1,Sales,Fire Wood,Firewood bundle,goods,3,count,500.00,10.00%,150.00,GST18,18,243.00,1350.00,1350.00,0.00,0.00,1593.00,1593.00",
    "2026-04-02,460000000103,INV-000103,Draft,460000000011,Acme Traders,2026-05-02,INR,1,Sales,Room Spray,Room spray 250ml,goods,2,count,1000.00,0,0.00,GST18,18,360.00,2000.00,2000.00,0.00,0.00,2360.00,2360.00",
    "2026-05-20,460000000104,INV-000104,Void,460000000013,Gamma Ltd,2026-06-19,INR,1,Sales,Painting,Wall painting,service,1,hrs,5000.00,0,0.00,GST18,18,900.00,5000.00,5000.00,0.00,0.00,5900.00,0.00",
    "2026-09-12,460000000105,INV-000105,Sent,460000000013,Gamma Ltd,2026-10-12,INR,1,Sales,Switch small,Modular switch small,goods,4,count,250.00,0,0.00,GST18,18,180.00,1000.00,1600.00,0.00,0.00,1888.00,1888.00",
    "2026-09-12,460000000105,INV-000105,Sent,460000000013,Gamma Ltd,2026-10-12,INR,1,Sales,Note Book big,A4 notebook,goods,2,count,300.00,0,0.00,GST18,18,108.00,600.00,1600.00,0.00,0.00,1888.00,1888.00",
    "2025-08-01,460000000106,INV-000106,Paid,460000000011,Acme Traders,2025-08-31,INR,1,Sales,Bulb LED,LED bulb 9W,goods,10,count,100.00,0,0.00,GST18,18,180.00,1000.00,1000.00,0.00,0.00,1180.00,0.00",
    "2026-10-20,460000000107,INV-000107,PartiallyPaid,460000000012,Beta Supplies,2026-11-19,INR,1,Sales,Decoration,Decoration set,goods,1,count,800.00,0,0.00,GST18,18,144.00,800.00,800.00,0.00,0.00,944.00,500.00",
  ]);
  const { report, revenue, names } = await analyzeFile(file);
  expect(revenue).toEqual({
    // INV-000101: 10 × 100 + 5 × 40 = 1,200 + its Shipping Charge 50.00, once (Total 1,466.00 =
    // 1,200 + 50 + tax 216) = 1,250 (INV-000103 a draft; INV-000106 before the 12 months)
    "460000000011": 1250,
    // INV-000102: 3 × 500 less 10% = 1,350; INV-000107: 800 → 2,150
    "460000000012": 2150,
    // INV-000105: 4 × 250 + 2 × 300 = 1,600 (INV-000104 void)
    "460000000013": 1600,
  });
  expect(names).toEqual({
    "460000000011": "Acme Traders",
    "460000000012": "Beta Supplies",
    "460000000013": "Gamma Ltd",
  });
  expect(report.warnings).toContain(
    '"Account" holds sales ledger accounts (such as "Sales"), not customers: the customer is "Customer ID", named by "Customer Name".'
  );
});

test("two sales ledgers (Sales, Service Income) beside Customer ID and Customer Name", async () => {
  const file = csv("two_ledgers.csv", [
    "Invoice Date,Invoice Number,Customer ID,Customer Name,Account,Item Name,Quantity,Rate,Amount",
    "2026-01-15,INV-1,C1,Acme Traders,Sales,Bulb LED,10,100,1000",
    "2026-03-10,INV-2,C2,Beta Supplies,Sales,Fire Wood,3,500,1500",
    "2026-03-10,INV-2,C2,Beta Supplies,Service Income,Installation,2,100,200",
    "2026-09-12,INV-3,C3,Gamma Ltd,Sales,Switch,4,250,1000",
    "2026-10-20,INV-4,C2,Beta Supplies,Service Income,Repair,1,800,800",
  ]);
  const { revenue } = await analyzeFile(file);
  // C2: 1,500 + 200 + 800 = 2,500
  expect(revenue).toEqual({ C1: 1000, C2: 2500, C3: 1000 });
});

test("'Account' with a bare ledger code (4000) standing for many customers is no customer", async () => {
  const file = csv("code_for_many.csv", [
    "Invoice Date,Invoice Number,Customer Name,Account,Item Name,Quantity,Rate,Amount",
    "2026-01-15,INV-1,Acme Traders,4000,Bulb LED,10,100,1000",
    "2026-03-10,INV-2,Beta Supplies,4000,Fire Wood,3,500,1500",
    "2026-09-12,INV-3,Gamma Ltd,4000,Switch,4,250,1000",
    "2026-10-20,INV-4,Beta Supplies,4000,Decoration,1,800,800",
  ]);
  const { report, revenue } = await analyzeFile(file);
  // Beta Supplies: 1,500 + 800 = 2,300
  expect(revenue).toEqual({ "Acme Traders": 1000, "Beta Supplies": 2300, "Gamma Ltd": 1000 });
  expect(report.warnings).toContain(
    '"Account" holds ledger accounts ("4000" stands beside 3 different customers), not customers: the customer is "Customer Name".'
  );
});

test("a customer's own account code beside its name (one code, one name) stays the customer", async () => {
  const file = csv("own_code.csv", [
    "Invoice Date,Invoice Number,Customer Name,Account,Item Name,Quantity,Rate,Amount",
    "2026-01-15,INV-1,Acme Traders,ACM01,Bulb LED,10,100,1000",
    "2026-03-10,INV-2,Beta Supplies,BET01,Fire Wood,3,500,1500",
    "2026-09-12,INV-3,Gamma Ltd,GAM01,Switch,4,250,1000",
    "2026-10-20,INV-4,Beta Supplies,BET01,Decoration,1,800,800",
  ]);
  const { report, revenue, names } = await analyzeFile(file);
  expect(revenue).toEqual({ ACM01: 1000, BET01: 2300, GAM01: 1000 });
  expect(names.BET01).toBe("Beta Supplies");
  expect(report.warnings.join("\n")).not.toContain("ledger");
});

test("income and expense lines under one Account column: the Contact is the customer, purchases no sales", async () => {
  const file = csv("income_expense.csv", [
    "Type,Date,Reference,Contact,Account,Description,Amount",
    "Income,2026-01-20,INV-1,Yamada Shoten,Sales,Parts A,100000",
    "Income,2026-05-15,INV-2,Yamada Shoten,Sales,Parts B,50000",
    "Expense,2026-03-10,BILL-9,Suzuki Materials,Purchases,Raw steel,200000",
    "Income,2026-09-01,INV-3,Sato Kogyo,Sales,Parts A,300000",
  ]);
  const { report, revenue } = await analyzeFile(file);
  // Yamada Shoten 100,000 + 50,000; the 200,000 bill of Suzuki Materials is a purchase
  expect(revenue).toEqual({ "Yamada Shoten": 150000, "Sato Kogyo": 300000 });
  expect(report.revenue).toBe(450000);
  expect(report.warnings).toContain(
    '"Account" holds ledger accounts (such as "Sales"), not customers: the customer is "Contact".'
  );
  // the bill's amount said, not counted: 200,000
  expect(report.skipped).toContainEqual({
    rule: 'not a sales account (ledger account "Purchases")',
    rows: 1,
    revenue: 200000,
    share: null,
  });
});
