/**
 * ERP exports that were read wrong without a word: Odoo's sales order lines, NetSuite's saved
 * searches, Shopify's order-level discounts (made-up fixtures in test/fixtures/tester shaped like
 * the real exports). Every figure is worked out by hand from the file; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

describe("Odoo sales order lines", () => {
  it("an order's later lines (Order Reference, Customer, Date blank) are the order's; Subtotal (before tax) is the line value, never Total", async () => {
    const { report, revenue, orders } = await analyzeFile(join(DIR, "odoo-sale-order-lines.csv"));
    // S00041: 20 × 4.50 = 90.00, 10 × 5.00 = 50.00, 1 × 105.00 = 105.00: 90 + 50 + 105 = 245.00
    // (its Total 108.00 + 60.00 + 126.00 = 294.00 holds the 20% VAT)
    expect(revenue["Brightwell Electrical Ltd, Jane Smith"]).toBe(245);
    expect(orders["Brightwell Electrical Ltd, Jane Smith"]).toBe(1);
    // S00042: 45.00
    expect(revenue["Brightwell Electrical Ltd, Tom Price"]).toBe(45);
    // S00043: 40.00 + 30.00 = 70.00
    expect(revenue["Harbour Plumbing"]).toBe(70);
    expect(report.rejected).toEqual([]);
    expect(report.read!.layout).toBe("Odoo sales order lines");
    // no Commercial Entity: each contact is its own account, and the user is told
    expect(report.warnings).toContain(
      '2 customers in the first rows are written "Company, Contact" (Odoo\'s name for a company\'s contact, such as "Brightwell Electrical Ltd, Jane Smith"): each contact is read as its own account, so a company ordering through several contacts is split between them. Add the customer\'s "Commercial Entity" to the export to read them by company.'
    );
  });

  it("exported from the orders ('Order Lines/…'): the Commercial Entity is the customer, never the seller's Company", async () => {
    const { report, revenue, orders, p } = await analyzeFile(
      join(DIR, "odoo-sale-orders-commercial.csv")
    );
    // Cobalt Facilities (Ann Lee and Raj Patel): S00051 45.00 + 30.00, S00052 15.00 = 90.00
    expect(revenue["Cobalt Facilities"]).toBe(90);
    expect(orders["Cobalt Facilities"]).toBe(2);
    // Quayside: S00053 30.00 + 9.00 = 39.00
    expect(revenue["Quayside Electrical"]).toBe(39);
    expect(p.accounts).toHaveLength(2);
    expect(report.rejected).toEqual([]);
    expect(report.warnings.join(" ")).not.toMatch(/Company, Contact/);
  });

  it("a 'Related Company' column holding each contact's company makes the company the account", async () => {
    const { report, revenue } = await analyzeFile(join(DIR, "odoo-sale-lines-related-company.csv"));
    // Acorn (Sam Green, Lee Chan): 45.00 + 20.00 + 15.00 = 80.00; Harbour (a company, no related one): 8.00
    expect(revenue).toEqual({ "Acorn Fixings Ltd": 80, "Harbour Plumbing": 8 });
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toContain(
      '"Customer" names a company\'s contact as "Company, Contact" (such as "Acorn Fixings Ltd, Sam Green"): each customer is its company from "Customer/Related Company", the contact the person who ordered.'
    );
  });
});

describe("Odoo customer invoices exported with their lines ('Invoice lines/…')", () => {
  it("the invoice's later lines are the invoice's; Subtotal (before tax) is the value, never the line's Account or Total; RINV/… beside INV/… are credit notes", async () => {
    const { report, revenue, orders, p } = await analyzeFile(
      join(DIR, "odoo-invoices-with-lines.csv")
    );
    // Azure Interior: INV/2026/00001 2 × 40.00 + 120.00 = 200.00; INV/2026/00003 40.00 less
    // the down payment taken off, 10.00 = 30.00: 230.00 in 2 orders
    expect(revenue["Azure Interior"]).toBe(230);
    expect(orders["Azure Interior"]).toBe(2);
    // Deco Addict: INV/2026/00002 420.00 less its credit note RINV/2026/00001 140.00 (Odoo
    // writes a credit note's Subtotal unsigned) = 280.00, 1 order
    expect(revenue["Deco Addict"]).toBe(280);
    expect(orders["Deco Addict"]).toBe(1);
    // never the ledger account "400000 Product Sales" as a customer
    expect(p.accounts.map((a) => a.accountId).sort()).toEqual(["Azure Interior", "Deco Addict"]);
    expect(report.read!.layout).toBe("Odoo invoice lines");
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toContain(
      "Order ids starting RINV beside the invoices' INV… are credit notes: read as returns, whatever their sign."
    );
  });
});

describe("NetSuite transaction saved searches", () => {
  it("only item lines on income accounts are sales; Name is the customer, 'Parent : Sub' rolled up into the parent as its site", async () => {
    const { report, revenue, orders, p } = await analyzeFile(
      join(DIR, "netsuite-saved-search.csv")
    );
    // Brightwell Electrical: INV1041 (Leeds Site) 90.00 + 130.00 = 220.00, INV1042 (York Depot)
    // 30.00, CS207 (itself) 30.00: 220 + 30 + 30 = 280.00. Not read: each transaction's main line
    // (Accounts Receivable 264.00 and 36.00, Undeposited Funds 36.00: the totals again, with tax),
    // Sales Tax Payable 44.00, 6.00, 6.00, and INV1041's Cost of Goods Sold 36.00 and Inventory
    // Asset −36.00 (its cable ties' cost, no sale).
    expect(revenue["Brightwell Electrical"]).toBe(280);
    expect(orders["Brightwell Electrical"]).toBe(3);
    // Harbour: INV1043 40.00 − CM55 8.00 (a credit memo) = 32.00; the journal JE12 (−5.00 to
    // 4000 Sales, no item) is no order line
    expect(revenue["Harbour Plumbing"]).toBe(32);
    expect(report.returns).toBe(1);
    const top = p.accounts.filter((a) => a.isTopLevel).map((a) => a.accountId);
    expect(top.sort()).toEqual(["Brightwell Electrical", "Harbour Plumbing"]);
    // 19 rows − 6 sales lines (INV1041 2, INV1042, CS207, INV1043, CM55) = 13 not read:
    // 4 Accounts Receivable + 5 Sales Tax Payable + 1 Undeposited Funds + 1 Cost of Goods Sold
    // + 1 Inventory Asset + 1 journal line without an item
    expect(report.rejected.reduce((n, r) => n + r.count, 0)).toBe(13);
    expect(report.read!.layout).toBe("NetSuite transaction search");
    const said = report.warnings.join("\n");
    // none of it is revenue lost
    expect(said).not.toMatch(/of revenue/);
    expect(report.warnings).toContain(
      '2 sub-customers written "Parent : Sub" (such as "Brightwell Electrical : Leeds Site") are rolled up into their parent customer (1 parent), each read as one of its sites.'
    );
  });
});

describe("Shopify orders with an order-level discount", () => {
  it("a discount on the whole order, not on its lines' 'Lineitem discount', is the order's own discount line: in revenue, in no product", async () => {
    const { report, revenue, orders, p } = await analyzeFile(
      join(DIR, "shopify-order-level-discount.csv")
    );
    // Alpha: #3001 4 × 15.00 + 2 × 20.00 = 100.00, less ORDER10's 10.00 on no line (Subtotal
    // 90.00) = 90.00; #3002 3 × 10.00 − 3.00 (on its line) = 27.00: 117.00
    expect(revenue["a@x.example"]).toBe(117);
    // Beta: #3003 2 × 25.00 = 50.00 (FREESHIP 4.95 came off the shipping: Subtotal 50.00 is its
    // lines'); #3004 2 × 10.00 − 2.00 + 1 × 12.00 = 30.00, of Discount Amount 7.00 only 2.00 on
    // its lines: Subtotal 25.00, so 5.00 came off the order: 50.00 + 25.00 = 75.00
    expect(revenue["b@x.example"]).toBe(75);
    // the discount lines are no orders of their own
    expect(orders).toEqual({ "a@x.example": 2, "b@x.example": 2 });
    // ...and a discount service line, not a product: 10.00 and 5.00, both GBP
    expect(p.serviceLines).toEqual([
      {
        sku: "Order discount",
        name: "Order discount",
        kind: "discount",
        lines: 2,
        revenue: { GBP: -15 },
      },
    ]);
    // 10.00 + 5.00 = 15.00 taken off in discount lines
    expect(report.warnings).toContain(
      '2 orders have a discount on the whole order that is not on their lines ("Discount Amount" beyond the lines\' "Lineitem discount": #3001: 10.00, #3004: 5.00): which lines it came off is not shown, so it is read as a line "Order discount" of each order (£15.00 in all), in revenue but in no product or category.'
    );
  });

  it("where prices include tax, the order's discount line is before tax, like its lines", async () => {
    const { report, revenue } = await analyzeFile(
      join(DIR, "shopify-order-discount-taxes-included.csv")
    );
    // #6001: lines 2 × 23.80 + 11.90 = 59.50 with tax, SAVE20 11.90 off the order: Subtotal =
    // Total 47.60, Taxes 7.60 inside, so the net share is 40.00 / 47.60: the lines read
    // 59.50 × 40.00 / 47.60 = 50.00 and the discount line 11.90 × 40.00 / 47.60 = 10.00: 40.00.
    // #6002: 59.50 × 50.00 / 59.50 = 50.00. 40.00 + 50.00 = 90.00
    expect(revenue["c@x.example"]).toBe(90);
    expect(report.warnings).toContain(
      '1 order has a discount on the whole order that is not on its lines ("Discount Amount" beyond the lines\' "Lineitem discount": #6001: 10.00 before tax, 11.90 with tax): which lines it came off is not shown, so it is read as a line "Order discount" of the order (€10.00 in all), in revenue but in no product or category.'
    );
  });

  it("the discounts that are on the lines raise nothing (the case-04 export, and a line's discount code)", async () => {
    const caseFile = await analyzeFile(
      join(__dirname, "../fixtures/cases/04-shopify-orders-export.csv")
    );
    const consumer = await analyzeFile(
      join(__dirname, "../fixtures/exports/shopify-orders-consumer-and-discount.csv")
    );
    // #2001: SAVE5 5.00 = its line's Lineitem discount 5.00: 2 × 12.00 + 3 × 10.00 − 5.00 = 49.00
    expect(consumer.revenue["ann.lee@mail.example"]).toBe(49);
    for (const r of [caseFile, consumer])
      expect(r.report.warnings.join("\n")).not.toMatch(/whole order/);
  });
});

describe("Odoo sales order statuses", () => {
  it("a quotation's or a cancelled order's later lines (Status blank) are skipped with it", async () => {
    const { report, revenue } = await analyzeFile(join(DIR, "odoo-sale-order-statuses.csv"));
    // S00071 (Sales Order) 8.00 + 6.00 and S00075 (Locked, a confirmed order) 12.00 = 26.00;
    // not sold: S00072 Quotation 400.00 + 120.00, S00073 Cancelled 40.00 + 12.00, S00074
    // Quotation Sent 16.00
    expect(revenue["Harbour Plumbing"]).toBe(26);
    expect(report.accepted).toBe(3);
    expect(report.rejected.reduce((n, r) => n + r.count, 0)).toBe(5);
  });
});
