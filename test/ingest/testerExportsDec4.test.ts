/**
 * Silent misreads a new-user tester found in realistic exports (4 Dec): a payment status read in
 * place of the invoice's own status, an amount before tax under a name KAP did not know, a
 * bank's interest read as a sale, an abandoned checkout counted. Figures worked out by hand.
 */
import { join } from "node:path";
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines);
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

test("a customer ledger's payment in a Type column beside the invoices is no sale, description or not", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Date,Type,Doc No,Customer,Description,Amount",
      "2026-01-20,Invoice,1001,Cannon,Widgets,1200",
      "2026-02-25,Payment,2591,Cannon,Payment 2591,1200",
      "2026-03-15,Invoice,1007,Cannon,Widgets,2400",
    ])
  );
  // 1,200 + 2,400 (the payment of 1,200 is the first invoice paid, no sale): was 4,800
  expect(revenue).toEqual({ Cannon: 3600 });
  expect(report.returns).toBe(0);
  expect(report.skipped).toEqual([
    expect.objectContaining({
      rule: "not a sale (a payment, estimate, journal or other transaction)",
      rows: 1,
    }),
  ]);
});

test("Odoo's 'Customer Invoice' and 'Customer Credit Note' in a Type column: the credit note is a return", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Number,Customer,Date,Net Amount,Type",
      "I1,Acme,2026-02-01,100.00,Customer Invoice",
      "I2,Acme,2026-03-01,200.00,Customer Invoice",
      "C1,Acme,2026-04-01,50.00,Customer Credit Note",
    ])
  );
  // 100 + 200 − 50 (was 350: the credit note added)
  expect(revenue).toEqual({ Acme: 250 });
  expect(report.returns).toBe(1);
});

test("NetSuite's tax items by jurisdiction ('CA Sales Tax') are tax lines, no revenue", async () => {
  const { report, revenue } = await analyzeFile(
    join(EXPORTS, "netsuite-saved-search-tax-items.csv")
  );
  // Globex: INV1001 800.00 + 200.00 + shipping 25.00, CM2001 −100.00 = 925.00 (was 997.00 with
  // the 80.00 and −8.00 of CA Sales Tax); Initech: 1,500.00 + 1,000.00 in EUR
  expect(revenue).toEqual({ "C-100 Globex Corporation": 925, "C-200 Initech GmbH": 2500 });
  expect(skippedRows(report.skipped)).toMatchObject({ "tax line (VAT, sales tax)": 2 });
});

test("FreshBooks invoice details: 'Line Subtotal' is quantity × rate before the line's Discount Percentage, which comes off it", async () => {
  const { report, revenue } = await analyzeFile(join(EXPORTS, "freshbooks-invoice-details.csv"));
  // Riverbend: 0000102 5 × 120.00 = 600.00 less 10% = 540.00 (its HST 70.20 is 13% of 540.00),
  // 0000105 360.00 less 10% = 324.00, 0000103 a draft: 864.00 (was 960.00); Pixel & Co: 750 + 240 + 300
  expect(revenue).toEqual({ "Pixel & Co": 1290, "Riverbend Dental": 864 });
  expect(report.warnings.join(" ")).toContain(
    `"Line Subtotal" is the line's value before its "Discount Percentage" (quantity × price, such as 5 × 120.00 = 600.00 at 10%): the discount is taken off it.`
  );
});

test("a line value already less its discount % is read as it stands", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Invoice,Customer,Date,Item,Qty,Price,Discount %,Line Total",
      "I1,Acme,2026-02-01,P1,5,120.00,10,540.00",
      "I2,Acme,2026-03-01,P2,2,50.00,0,100.00",
    ])
  );
  // 5 × 120.00 less 10% = 540.00, as written; 100.00
  expect(revenue).toEqual({ Acme: 640 });
  expect(report.warnings.join(" ")).not.toContain("the discount is taken off it");
});
