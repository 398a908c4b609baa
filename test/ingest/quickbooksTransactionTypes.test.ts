/**
 * Every QuickBooks transaction type a sales report or transaction list writes, read the right way:
 * Invoice, Sales Receipt and Statement Charge are sales (a statement charge bills an item on the
 * customer's statement instead of an invoice: QuickBooks Desktop's "Enter Statement Charges");
 * Credit Memo and Refund (Receipt) are returns; Journal Entry / General Journal, Payment, a refund
 * Check (the money paid back for a credit memo already read) and Online's non-posting delayed
 * "Charge" are no sales. A statement charge that is a late fee or finance charge (posted to
 * "Finance Charge Income") is interest on an overdue balance, no purchase: skipped as no sale.
 * Every figure is worked out by hand from the files below; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const HARBOUR = "Harbour Plumbing & Heating";
const dir = mkdtempSync(join(tmpdir(), "kap-qbtypes-"));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}
const NO_SALE = "not a sale (a payment, estimate, journal or other transaction)";
const FINANCE = "not a sale (a late fee or finance charge)";

/** Each rejected rule's rows. */
function rejectedRows(report: { rejected: { reason: string; rows: number[] }[] }) {
  return Object.fromEntries(report.rejected.map((r) => [r.reason, r.rows]));
}

describe("QuickBooks transaction types", () => {
  it("Desktop sales by customer detail: each type read as what it is", async () => {
    const path = file("desktop-customer-detail.csv", [
      ",,,Type,Date,Num,Memo,Name,Item,Qty,Sales Price,Amount,Balance",
      `${HARBOUR},,,,,,,,,,,,`,
      `,,,Invoice,15/10/2026,77,Cable ties,${HARBOUR},Cable ties 100mm,4,4.50,18.00,18.00`,
      `,,,Sales Receipt,16/10/2026,78,Counter sale,${HARBOUR},Cable clips 10mm,20,2.10,42.00,60.00`,
      `,,,Credit Memo,20/10/2026,79,Returned ties,${HARBOUR},Cable ties 100mm,-2,4.50,-9.00,51.00`,
      `,,,Statement Charge,22/10/2026,,October trailer hire,${HARBOUR},Drum trailer hire,1,60.00,60.00,111.00`,
      `,,,General Journal,28/10/2026,GJ-4,Write off,${HARBOUR},,,,-5.00,106.00`,
      `,,,Statement Charge,29/10/2026,,Late fee,${HARBOUR},Late Fee,1,7.50,7.50,113.50`,
      `Total ${HARBOUR},,,,,,,,,,,113.50,113.50`,
      "TOTAL,,,,,,,,,,,113.50,113.50",
    ]);
    const { report, revenue, orders } = await analyzeFile(path);
    expect(report.read?.layout).toBe("QuickBooks Desktop sales by customer detail");
    // Invoice 18.00 + Sales Receipt 42.00 − Credit Memo 9.00 + Statement Charge 60.00 = 111.00
    expect(revenue).toEqual({ [HARBOUR]: 111 });
    // 77, 78 and the statement charge of 22/10 (no Num: its account and day)
    expect(orders).toEqual({ [HARBOUR]: 3 });
    expect(report.returns).toBe(1);
    // the journal (row 7) and the late fee (row 8): no sales
    expect(rejectedRows(report)).toEqual({ [NO_SALE]: [7], [FINANCE]: [8] });
  });

  it("Desktop transaction list by customer: a statement charge is a sale, a payment and a refund check are not", async () => {
    const path = file("desktop-transaction-list.csv", [
      ",,Type,Date,Num,Memo,Account,Clr,Split,Amount",
      `${HARBOUR},,,,,,,,,`,
      ",,Invoice,15/10/2026,77,,Accounts Receivable,,Sales,18.00",
      ",,Sales Receipt,16/10/2026,78,Counter sale,Undeposited Funds,,Sales,42.00",
      ",,Credit Memo,20/10/2026,79,Returned ties,Accounts Receivable,,Sales,-9.00",
      ",,Statement Charge,22/10/2026,,October trailer hire,Accounts Receivable,,Equipment Hire Income,60.00",
      ",,General Journal,28/10/2026,GJ-4,Write off,Accounts Receivable,,Bad Debts,-5.00",
      ",,Statement Charge,29/10/2026,,Late fee,Accounts Receivable,,Finance Charge Income,7.50",
      ",,Payment,30/10/2026,5521,,Undeposited Funds,,Accounts Receivable,51.00",
      ",,Check,30/10/2026,1203,Refund of credit 79,Checking,,Accounts Receivable,-9.00",
    ]);
    const { report, revenue, orders } = await analyzeFile(path);
    expect(report.read?.layout).toBe("QuickBooks transaction list by customer");
    // 18.00 + 42.00 − 9.00 + 60.00 = 111.00 (the check pays back the credit memo already taken off)
    expect(revenue).toEqual({ [HARBOUR]: 111 });
    expect(orders).toEqual({ [HARBOUR]: 3 });
    expect(report.returns).toBe(1);
    // general journal (row 7), payment (9), check (10); the late fee (8)
    expect(rejectedRows(report)).toEqual({ [NO_SALE]: [7, 9, 10], [FINANCE]: [8] });
  });

  it("Online transaction list by customer: Refund and Credit Memo are returns, a delayed Charge (non-posting) and a Journal Entry no sales", async () => {
    const path = file("online-transaction-list.csv", [
      "Kestrel Supplies Ltd",
      "Transaction List by Customer",
      '"October 1-31, 2026"',
      "",
      ",Date,Transaction Type,Num,Posting,Memo/Description,Account,Amount",
      `${HARBOUR},,,,,,,`,
      ",10/15/2026,Invoice,1007,Yes,,Accounts Receivable (A/R),18.00",
      ",10/16/2026,Sales Receipt,1008,Yes,,Undeposited Funds,42.00",
      ",10/20/2026,Credit Memo,1009,Yes,Returned ties,Accounts Receivable (A/R),-9.00",
      ",10/21/2026,Refund,1010,Yes,Returned clips,Checking,-12.00",
      ",10/28/2026,Journal Entry,JE-3,Yes,Write off,Accounts Receivable (A/R),-5.00",
      ",10/29/2026,Charge,1011,No,Delayed charge,Accounts Receivable (A/R),25.00",
      ",10/30/2026,Payment,,Yes,,Undeposited Funds,51.00",
      `Total for ${HARBOUR},,,,,,,$39.00`,
      "TOTAL,,,,,,,$39.00",
    ]);
    const { report, revenue, orders } = await analyzeFile(path);
    expect(report.read?.layout).toBe("QuickBooks transaction list by customer");
    // 18.00 + 42.00 − 9.00 − 12.00 = 39.00
    expect(revenue).toEqual({ [HARBOUR]: 39 });
    // 1007, 1008
    expect(orders).toEqual({ [HARBOUR]: 2 });
    expect(report.returns).toBe(2);
    // journal entry (row 11), delayed charge (12), payment (13)
    expect(rejectedRows(report)).toEqual({ [NO_SALE]: [11, 12, 13] });
  });

  it("Online sales by customer detail: Refund Receipt is a return, a Journal Entry no sale", async () => {
    const path = file("online-customer-detail.csv", [
      ",Transaction date,Transaction type,Num,Product/Service full name,Memo/Description,Quantity,Sales price,Amount,Balance",
      `${HARBOUR},,,,,,,,,`,
      ",10/15/2026,Invoice,1007,Cable ties 100mm,,4,4.50,18.00,18.00",
      ",10/16/2026,Sales Receipt,1008,Cable clips 10mm,,20,2.10,42.00,60.00",
      ",10/20/2026,Credit Memo,1009,Cable ties 100mm,Returned ties,-2,4.50,-9.00,51.00",
      ",10/21/2026,Refund Receipt,1010,Cable clips 10mm,Returned clips,-5,2.40,-12.00,39.00",
      ",10/28/2026,Journal Entry,JE-3,,Year-end accrual,,,-5.00,34.00",
      `Total for ${HARBOUR},,,,,,,,$34.00,`,
    ]);
    const { report, revenue, orders } = await analyzeFile(path);
    expect(report.read?.layout).toBe("QuickBooks Online sales by customer detail");
    // 18.00 + 42.00 − 9.00 − 12.00 = 39.00
    expect(revenue).toEqual({ [HARBOUR]: 39 });
    expect(orders).toEqual({ [HARBOUR]: 2 });
    expect(report.returns).toBe(2);
    expect(rejectedRows(report)).toEqual({ [NO_SALE]: [7] });
  });
});
