/**
 * Exports brought by mistake that hold no order lines (a Shopify products or customers export, a
 * QuickBooks summary report) are refused with what they are and what to export instead, never
 * read as orders and never met with "rename the headers".
 */
import { join } from "node:path";
import type { MissingRoleError } from "../../src/ingest/mapping";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

async function refusal(file: string): Promise<MissingRoleError> {
  try {
    await analyzeFile(join(EXPORTS, file));
  } catch (e) {
    return e as MissingRoleError;
  }
  throw new Error(`${file} was read as order lines`);
}

test("a Shopify products export: a catalog, not orders", async () => {
  const e = await refusal("shopify-products-export.csv");
  for (const m of [e.message, e.cliMessage]) {
    expect(m).toMatch(/^No order lines were found\./);
    expect(m).toContain(
      '"shopify-products-export" is a Shopify products export (one row per product variant: Handle, Title, Variant SKU, Variant Price), not orders: export the orders instead (Shopify admin › Orders › Export) and analyse that file.'
    );
    expect(m).not.toMatch(/rename/);
  }
});

test("a Shopify customers export: customers with their totals, not order lines", async () => {
  const e = await refusal("shopify-customers-export.csv");
  expect(e.cliMessage).toContain(
    '"shopify-customers-export" is a Shopify customers export (one row per customer with its Total Spent and Total Orders), not order lines: export the orders instead (Shopify admin › Orders › Export) and analyse that file.'
  );
});

test("a QuickBooks summary report: one total per customer, no dates or lines; the detail report is named", async () => {
  const e = await refusal("quickbooks-online-sales-by-customer-summary.csv");
  expect(e.cliMessage).toContain(
    '"quickbooks-online-sales-by-customer-summary" is a summary report ("Sales by Customer Summary": one total per customer or product, no dates, no lines): run "Sales by Customer Detail" instead, export it and analyse that file.'
  );
  expect(e.cliMessage).not.toMatch(/rename/);
});

test("a DATEV booking batch (Buchungsstapel): bookings with VAT and no year, not invoice lines; what to export instead", async () => {
  const e = await refusal("datev-buchungsstapel.csv");
  for (const m of [e.message, e.cliMessage])
    expect(m).toContain(
      '"datev-buchungsstapel" is a DATEV booking batch (Buchungsstapel: one booking per invoice, amounts with VAT, dates without their year, no products), not order lines: export the invoice lines from the invoicing program or ERP instead (customer number, invoice date, article, quantity and net amount) and analyse that file.'
    );
  expect(e.cliMessage).not.toMatch(/rename/);
});

test("a DATEV booking batch with S and H bookings: the refusal says nothing is 'read as returns'", async () => {
  // S/H is the side of each booking; the file is refused, so nothing in it is read at all
  const e = await refusal("datev-buchungsstapel-soll-haben.csv");
  for (const m of [e.message, e.cliMessage]) {
    expect(m).toMatch(/is a DATEV booking batch/);
    expect(m).not.toMatch(/read as returns/);
  }
});

test.each([
  [
    "sage100-journal-des-ventes-1252.csv",
    '"sage100-journal-des-ventes-1252" is an accounting journal (one posting per general account, in debit and credit: the customer on its receivable line with the tax in it, the sales on revenue accounts with no customer), not order lines: export the sales invoice lines instead',
  ],
  [
    "fishbowl-sales-orders-import-export.csv",
    '"fishbowl-sales-orders-import-export" is Fishbowl\'s sales-order import/export file (an "SO" row for each order, then its "Item" rows under other columns), which is not one table of lines: export the sales order items as one table instead',
  ],
  [
    "amazon-date-range-report.csv",
    '"amazon-date-range-report" is an Amazon payments report (Date Range Report: transactions with fees and settlements, no buyer named), not order lines with customers: export the order report instead (Seller Central › Reports › Order Reports, whose lines name the buyer)',
  ],
])(
  "%s: refused as what it is, with what to export instead (was 'rename a column to Revenue' / 'Customer ID')",
  async (file, said) => {
    const e = await refusal(file);
    for (const m of [e.message, e.cliMessage]) {
      expect(m).toContain(said);
      expect(m).not.toMatch(/rename/);
    }
  }
);
