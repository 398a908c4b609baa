/**
 * QuickBooks Desktop reports saved with separate Debit and Credit columns instead of one Amount
 * (Customize Report ▸ Display ▸ Debit, Credit): "Transaction List by Customer" (its default
 * columns) and "Sales by Customer Detail". A row has its money in one of the two: the Amount it
 * stands for is Debit − Credit, as QuickBooks' Amount is "effectively a Debit column, credits
 * negative". Read exactly as the Amount variant (test/ingest/transactionList.test.ts,
 * customerDetail.test.ts): only Invoice and Sales Receipt are sales in a transaction list, Credit
 * Memo a return whatever column holds it, a discount line on an invoice lowers that invoice.
 * Every expected figure is worked out by hand from the fixtures.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";
import { serialToIso } from "../../src/domain/dates";
import { matchLayoutFields } from "../../src/ingest/detect";
import { normaliseHeader } from "../../src/ingest/fields";
import { matchLayout } from "../../src/ingest/layouts";

const EXPORTS = join(__dirname, "../fixtures/exports");
const LIST = join(EXPORTS, "quickbooks-desktop-transaction-list-by-customer-debit-credit.csv");
const DETAIL = join(EXPORTS, "quickbooks-desktop-sales-by-customer-detail-debit-credit.csv");

const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

describe("QuickBooks Desktop transaction list by customer with Debit and Credit columns", () => {
  it("is recognised: a sale's Debit is its value, a credit memo's Credit a return", async () => {
    const { report, revenue, orders } = await analyzeFile(LIST);
    expect(report.read).toMatchObject({
      layout: "QuickBooks transaction list by customer",
      dateOrder: "dmy",
    });
    expect(revenue).toEqual({
      // invoice 71 102.00 + sales receipt 82 50.40 = 152.40 (payment 5521 and estimate 15 no sales)
      "Brightwell Electrical Ltd": 152.4,
      // invoice 77 1,250.00 − credit memo 79 10.80 = 1,239.20 (general journal GJ-4 is no sale,
      // nor the statement charge: a late fee, posted to Finance Charge Income)
      "Harbour Plumbing & Heating": 1239.2,
      // job "Quay Street site": 24.00 + 108.00 − credit memo 86 18.00 = 114.00 (80 voided, 0.00)
      "Northfield Builders": 114,
    });
    // purchase orders: 71, 82; 77; 74, 83 (79 and 86 are returns, 80 voided)
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 2,
      "Harbour Plumbing & Heating": 1,
      "Northfield Builders": 2,
    });
    // 71, 82, 77, 79, 74, 83, 86
    expect(report.accepted).toBe(7);
    expect(report.returns).toBe(2);
    // 152.40 + 1,239.20 + 114.00
    expect(report.revenue).toBe(1505.6);
    expect(report.hasProducts).toBe(false);
    expect(skippedRows(report.skipped)).toEqual({
      // Brightwell, Harbour, Northfield, Quay Street site
      "customer heading row": 4,
      // payment, estimate, general journal
      "not a sale (a payment, estimate, journal or other transaction)": 3,
      // the late fee billed as a statement charge
      "not a sale (a late fee or finance charge)": 1,
      "voided (amount 0)": 1,
    });
  });

  it("each transaction is one line of Debit − Credit", async () => {
    const view = (await linesOf(LIST)).map((l) => [
      l.accountId,
      l.site ?? "",
      l.orderId,
      serialToIso(l.date),
      l.revenue,
      l.isReturn,
    ]);
    expect(view).toEqual([
      ["Brightwell Electrical Ltd", "", "71", "2026-10-02", 102, false],
      ["Brightwell Electrical Ltd", "", "82", "2026-10-21", 50.4, false],
      ["Harbour Plumbing & Heating", "", "77", "2026-10-15", 1250, false],
      ["Harbour Plumbing & Heating", "", "79", "2026-10-20", -10.8, true],
      ["Northfield Builders", "Quay Street site", "74", "2026-10-09", 24, false],
      ["Northfield Builders", "Quay Street site", "83", "2026-10-23", 108, false],
      ["Northfield Builders", "Quay Street site", "86", "2026-10-30", -18, true],
    ]);
  });
});

describe("QuickBooks Desktop sales by customer detail with Debit and Credit columns", () => {
  it("is recognised: lines of Debit − Credit, the discount line lowering its invoice", async () => {
    const { report, revenue, orders } = await analyzeFile(DETAIL);
    expect(report.read?.layout).toBe("QuickBooks Desktop sales by customer detail");
    expect(revenue).toEqual({
      // 10×4.50 + 50×0.80 − 8.50 (10% discount on invoice 71) + 20×2.10 = 45 + 40 − 8.50 + 42 = 118.50
      "Brightwell Electrical Ltd": 118.5,
      // 4×4.50 − 2×4.50 (credit memo 79) + 12×1.25 = 18 − 9 + 15 = 24.00
      "Harbour Plumbing & Heating": 24,
    });
    // 71, 82; 77, 84 (79 is a return; the discount is part of 71)
    expect(orders).toEqual({ "Brightwell Electrical Ltd": 2, "Harbour Plumbing & Heating": 2 });
    expect(report.accepted).toBe(7);
    expect(report.returns).toBe(1);
    // 118.50 + 24.00, the TOTAL row's Balance
    expect(report.revenue).toBe(142.5);
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 3, "customer heading row": 2 });
    const ls = await linesOf(DETAIL);
    expect(ls.map((l) => [l.orderId, l.sku, l.revenue, l.isReturn])).toEqual([
      ["71", "Cable ties 100mm", 45, false],
      ["71", "Copper fitting 15mm", 40, false],
      ["71", "10% Discount", -8.5, false],
      ["82", "Cable clips 10mm", 42, false],
      ["77", "Cable ties 100mm", 18, false],
      ["79", "Cable ties 100mm", -9, true],
      ["84", "Insulation tape", 15, false],
    ]);
  });

  it("sales written on the income side (in Credit) are read the same, and the user is told", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kap-qbdc-")), "sales-by-customer-detail.csv");
    writeFileSync(
      file,
      [
        ",,,Type,Date,Num,Memo,Name,Item,Qty,Sales Price,Debit,Credit,Balance",
        "Brightwell Electrical Ltd,,,,,,,,,,,,,",
        ",,,Invoice,02/10/2026,71,Cable ties,Brightwell Electrical Ltd,Cable ties 100mm,10,4.50,,45.00,45.00",
        ",,,Invoice,02/10/2026,71,10% discount,Brightwell Electrical Ltd,10% Discount,,-10.0%,4.50,,40.50",
        ",,,Sales Receipt,21/10/2026,82,Counter sale,Brightwell Electrical Ltd,Cable clips 10mm,20,2.10,,42.00,82.50",
        ",,,Credit Memo,23/10/2026,85,Returned clips,Brightwell Electrical Ltd,Cable clips 10mm,-5,2.10,10.50,,72.00",
        "Total Brightwell Electrical Ltd,,,,,,,,,,,15.00,87.00,72.00",
        "TOTAL,,,,,,,,,,,15.00,87.00,72.00",
      ].join("\n")
    );
    const { report, revenue, orders } = await analyzeFile(file);
    // 45.00 − 4.50 (discount on 71) + 42.00 − 10.50 (credit memo 85) = 72.00
    expect(revenue).toEqual({ "Brightwell Electrical Ltd": 72 });
    expect(orders).toEqual({ "Brightwell Electrical Ltd": 2 });
    expect(report.returns).toBe(1);
    expect(report.warnings.join(" ")).toMatch(/"Credit".*sales/);
  });
});

test("QuickBooks Desktop sales by item detail with Debit and Credit columns", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "kap-qbdc-")), "sales-by-item-detail.csv");
  writeFileSync(
    file,
    [
      ",,Type,Date,Num,Memo,Name,Qty,Sales Price,Debit,Credit,Balance",
      "Cable ties 100mm,,,,,,,,,,,",
      ",,Invoice,02/10/2026,71,Cable ties,Brightwell Electrical Ltd,10,4.50,45.00,,45.00",
      ",,Credit Memo,20/10/2026,79,Returned ties,Harbour Plumbing & Heating,-2,4.50,,9.00,36.00",
      ",,Invoice,15/10/2026,77,Cable ties,Harbour Plumbing & Heating,4,4.50,18.00,,54.00",
      "Total Cable ties 100mm,,,,,,,,,63.00,9.00,54.00",
      "TOTAL,,,,,,,,,63.00,9.00,54.00",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(file);
  expect(report.read?.layout).toBe("QuickBooks Desktop sales by item detail");
  // 10×4.50 = 45.00; 4×4.50 − 2×4.50 = 18.00 − 9.00 = 9.00
  expect(revenue).toEqual({ "Brightwell Electrical Ltd": 45, "Harbour Plumbing & Heating": 9 });
  expect(report.returns).toBe(1);
});

test("beside an Amount, a report's Debit and Credit columns are not read (the Amount nets them already)", () => {
  const headers = ["", "", "Type", "Date", "Num", "Account", "Split", "Debit", "Credit", "Amount"];
  const layout = matchLayout(headers.map((h) => normaliseHeader(h)))!;
  expect(layout.id).toBe("quickbooks-transaction-list");
  const fields = matchLayoutFields(headers, layout);
  expect(fields.find((f) => f.field === "revenue")?.header).toBe("Amount");
  expect(fields.some((f) => f.field === "credit")).toBe(false);
});

test("QuickBooks Desktop sales by customer detail with its running Balance column hidden is still recognised (Amount or Debit/Credit)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-qbnb-"));
  const amount = join(dir, "amount.csv");
  writeFileSync(
    amount,
    [
      ",,,Type,Date,Num,Memo,Name,Item,Qty,Sales Price,Amount",
      "Brightwell Electrical Ltd,,,,,,,,,,,",
      ",,,Invoice,02/10/2026,71,Cable ties,Brightwell Electrical Ltd,Cable ties 100mm,10,4.50,45.00",
      ",,,Credit Memo,20/10/2026,79,Returned ties,Brightwell Electrical Ltd,Cable ties 100mm,-2,4.50,-9.00",
      "Total Brightwell Electrical Ltd,,,,,,,,,,,36.00",
      "TOTAL,,,,,,,,,,,36.00",
    ].join("\n")
  );
  const debitCredit = join(dir, "debit-credit.csv");
  writeFileSync(
    debitCredit,
    [
      ",,,Type,Date,Num,Memo,Name,Item,Qty,Sales Price,Debit,Credit",
      "Brightwell Electrical Ltd,,,,,,,,,,,,",
      ",,,Invoice,02/10/2026,71,Cable ties,Brightwell Electrical Ltd,Cable ties 100mm,10,4.50,45.00,",
      ",,,Credit Memo,20/10/2026,79,Returned ties,Brightwell Electrical Ltd,Cable ties 100mm,-2,4.50,,9.00",
      "Total Brightwell Electrical Ltd,,,,,,,,,,,45.00,9.00",
      "TOTAL,,,,,,,,,,,45.00,9.00",
    ].join("\n")
  );
  for (const file of [amount, debitCredit]) {
    const { report, revenue } = await analyzeFile(file);
    expect(report.read?.layout).toBe("QuickBooks Desktop sales by customer detail");
    // 10×4.50 − 2×4.50 (credit memo 79) = 45.00 − 9.00
    expect(revenue).toEqual({ "Brightwell Electrical Ltd": 36 });
    expect(report.returns).toBe(1);
  }
});
