/**
 * Real export layouts read right with no mapping by hand: the failing cases from ../shared/cases
 * (copied to test/fixtures/cases) and one made-up fixture per layout (test/fixtures/exports).
 * Every expected figure is worked out by hand from the file, as the comments show.
 */
import { join } from "node:path";
import { serialToIso } from "../../src/domain/dates";
import { analyzeFile, linesOf } from "./fileAnalysis";

const CASES = join(__dirname, "../fixtures/cases");
const EXPORTS = join(__dirname, "../fixtures/exports");

const analyze = analyzeFile;

const lines = linesOf;

describe("the failing cases, through the engine with no mapping by hand", () => {
  it("03 Xero sales invoices: ContactName is the customer, AccountCode a ledger code, UnitAmount a unit price, Discount a %", async () => {
    const { report, revenue, p } = await analyze(join(CASES, "03-xero-sales-invoices.csv"));
    expect(p.accounts).toHaveLength(2);
    // 10×4.50 + 20×2.10×(1−10%) + 10×4.50 = 45 + 37.80 + 45 = 127.80
    expect(revenue["Brightwell Electrical Ltd"]).toBe(127.8);
    // 50×0.80 − 5×0.80 (credit note CN-0007) = 40 − 4 = 36.00
    expect(revenue["Harbour Plumbing & Heating"]).toBe(36);
    expect(report.returns).toBe(1);
    expect(report.read).toMatchObject({
      layout: "Xero sales invoices",
      dateOrder: "dmy",
      currencies: ["GBP"],
    });
  });

  it("04 Shopify orders: the customer is the e-mail, the company from the first line; the order Total is not line revenue", async () => {
    const { revenue, names, p } = await analyze(join(CASES, "04-shopify-orders-export.csv"));
    expect(p.accounts).toHaveLength(2);
    // 2×14.00 + 5×14.00 = 98.00 (the order Total 125.94 holds shipping 6.95 and tax 20.99)
    expect(revenue["buyer@northfield.example"]).toBe(98);
    expect(names["buyer@northfield.example"]).toBe("Northfield Builders");
    // 3×14.00 = 42.00
    expect(revenue["orders@quayside.example"]).toBe(42);
    expect(names["orders@quayside.example"]).toBe("Quayside Electrical");
  });

  it('07 German ERP export: ";" delimiter, dd.mm.yyyy, 1.200 = twelve hundred, 0,035 € = 3.5 cents', async () => {
    const { report, revenue, p } = await analyze(join(CASES, "07-european-decimal-comma-utf8.csv"));
    // D-1001: 500×0.035 + 1200×0.125 + 2500×0.035 = 17.50 + 150 + 87.50 = 255.00
    expect(revenue["D-1001"]).toBe(255);
    // D-1002: 40×1.25 + 12×2.49 = 50 + 29.88 = 79.88
    expect(revenue["D-1002"]).toBe(79.88);
    expect(p.accounts.every((a) => a.currency === "EUR")).toBe(true);
    expect(report.read).toMatchObject({ dateOrder: "dmy", currencies: ["EUR"] });
    // Unit Price proves the comma ("0,035", "2,49"); Qty ("1.200", "2.500") follows the file.
    expect(report.numbers).toEqual([
      { field: "quantity", header: "Qty", decimal: ",", source: "file", ambiguous: 2 },
      { field: "unitPrice", header: "Unit Price", decimal: ",", source: "data", ambiguous: 1 },
    ]);
    expect(serialToIso(report.firstDate!)).toBe("2026-09-02");
  });
});

describe("export layouts recognised by their header signature", () => {
  it("Xero sales-invoice export: LineAmount is the line value; Total, TaxTotal and AccountCode are never read", async () => {
    const { report, revenue } = await analyze(join(EXPORTS, "xero-sales-invoices-export.csv"));
    // Acorn: 50.00 + 60.00 + 7.50 (delivery line, no item code) = 117.50
    expect(revenue["Acorn Fixings Ltd"]).toBe(117.5);
    // Bramley: 225.00 − 25.00 (credit note CN-0011) = 200.00
    expect(revenue["Bramley Builders"]).toBe(200);
    expect(report.read!.layout).toBe("Xero sales invoices");
  });

  it("QuickBooks Online sales by product/service detail: products from the headings, Customer:Job rolled up, US dates", async () => {
    const { report, revenue } = await analyze(
      join(EXPORTS, "quickbooks-online-sales-by-product-detail.csv")
    );
    // Brightwell Electrical (Leeds site + York depot): 45.00 + 40.00 + 20.00 = 105.00
    expect(revenue["Brightwell Electrical"]).toBe(105);
    // Harbour Plumbing: 18.00 − 9.00 (credit memo) = 9.00
    expect(revenue["Harbour Plumbing"]).toBe(9);
    expect(report.read).toMatchObject({
      layout: "QuickBooks Online sales by product/service detail",
      dateOrder: "mdy",
      dateOrderSource: "data",
    });
    expect(report.skipped.find((s) => s.rule === "totals row")!.rows).toBe(3);
    const ls = await lines(join(EXPORTS, "quickbooks-online-sales-by-product-detail.csv"));
    expect(
      ls.map((l) => [l.accountId, l.site ?? "", l.sku, serialToIso(l.date), l.revenue])
    ).toEqual([
      ["Brightwell Electrical", "Leeds site", "Cable ties 100mm", "2026-10-02", 45],
      ["Harbour Plumbing", "", "Cable ties 100mm", "2026-10-15", 18],
      ["Harbour Plumbing", "", "Cable ties 100mm", "2026-10-20", -9],
      ["Brightwell Electrical", "Leeds site", "Copper fitting 15mm", "2026-10-02", 40],
      ["Brightwell Electrical", "York depot", "Copper fitting 15mm", "2026-10-09", 20],
    ]);
  });

  it('QuickBooks Desktop sales by item detail: nested item headings, "Total …" rows skipped, UK dates', async () => {
    const { report, revenue } = await analyze(
      join(EXPORTS, "quickbooks-desktop-sales-by-item-detail.csv")
    );
    expect(revenue).toEqual({ "Brightwell Electrical": 105, "Harbour Plumbing": 9 });
    expect(report.read).toMatchObject({
      layout: "QuickBooks Desktop sales by item detail",
      dateOrder: "dmy",
    });
    const ls = await lines(join(EXPORTS, "quickbooks-desktop-sales-by-item-detail.csv"));
    expect(ls.map((l) => l.sku)).toEqual([
      "Cable ties 100mm",
      "Cable ties 100mm",
      "Cable ties 100mm",
      "Copper fitting 15mm",
      "Copper fitting 15mm",
    ]);
    expect(ls[2]).toMatchObject({ isReturn: true, quantity: -2, revenue: -9 });
  });

  it("Sage 50 invoice items: the account reference is the customer, never the nominal code 4000", async () => {
    const { revenue, names } = await analyze(join(EXPORTS, "sage50-invoice-items.csv"));
    // BRIGHT01: 45.00 + 37.80 = 82.80; HARB01: 40.00 − 4.00 = 36.00
    expect(revenue).toEqual({ BRIGHT01: 82.8, HARB01: 36 });
    expect(names.BRIGHT01).toBe("Brightwell Electrical Ltd");
  });

  it('Sage 200 sales invoice lines: a "Credit Note" document type reduces revenue though its figures are positive', async () => {
    const { report, revenue } = await analyze(join(EXPORTS, "sage200-sales-invoice-lines.csv"));
    // BRI001: 45.00 + 37.80 = 82.80; HAR001: 40.00 − 4.00 = 36.00
    expect(revenue).toEqual({ BRI001: 82.8, HAR001: 36 });
    expect(report.returns).toBe(1);
  });

  it("Shopify: order-level cells (currency, company) on the first line only; a line without SKU is its name; line discounts", async () => {
    const { report, revenue, names } = await analyze(
      join(EXPORTS, "shopify-orders-consumer-and-discount.csv")
    );
    // #2001: 2×12.00 + (3×10.00 − 5.00 line discount) = 24 + 25 = 49.00; #2009: 1×40.00
    expect(revenue).toEqual({ "ann.lee@mail.example": 49, "buyer@delta.example": 40 });
    expect(names["buyer@delta.example"]).toBe("Delta Build GmbH");
    expect(report.currencies).toEqual({ EUR: 3 });
    const ls = await lines(join(EXPORTS, "shopify-orders-consumer-and-discount.csv"));
    expect(ls[1]).toMatchObject({ sku: "Insulation tape", currency: "EUR", listPrice: undefined });
    expect(ls[0].listPrice).toBe(15);
  });

  it('SAP SD billing items: "Item" is a line number, G2 is a credit memo, German numbers settled by the file', async () => {
    const { report, revenue } = await analyze(join(EXPORTS, "sap-sd-billing-items.csv"));
    // 100017: 45,00 + 42,00 + 3.500,00 = 3,587.00; 100023: 40,00 − 4,00 (G2) = 36.00
    expect(revenue).toEqual({ "100017": 3587, "100023": 36 });
    const ls = await lines(join(EXPORTS, "sap-sd-billing-items.csv"));
    expect(ls.map((l) => l.sku)).toEqual(["CT-100", "CC-10", "PF-15", "PF-15", "CT-100"]);
    // "1.000" billed quantity is a thousand: the Net Value column proves the decimal comma
    expect(ls[4].quantity).toBe(1000);
    expect(ls.map((l) => l.category)).toEqual([
      "CABLEMGMT",
      "CABLEMGMT",
      "FITTINGS",
      "FITTINGS",
      "CABLEMGMT",
    ]);
    expect(report.numbers.find((n) => n.field === "quantity")).toMatchObject({
      decimal: ",",
      source: "file",
    });
  });

  it('Business Central posted sales invoice lines: "No." is the item, "Amount" the line value, comment lines skipped', async () => {
    const { report, revenue } = await analyze(
      join(EXPORTS, "business-central-posted-sales-invoice-lines.csv")
    );
    // C00010: 45.00 + 37.80 + 7.50 (freight) = 90.30; C00020: 40.00
    expect(revenue).toEqual({ C00010: 90.3, C00020: 40 });
    expect(report.skipped).toEqual([
      { rule: "empty line (no quantity, no value)", rows: 1, revenue: 0, share: 0 },
    ]);
  });

  it("Online Retail (UCI): month-first dates though every day is ≤ 12; lines without a customer counted with their share", async () => {
    const { report } = await analyze(join(EXPORTS, "online-retail.csv"), "2010-12-31");
    // "12/1/2010" and "12/2/2010" are 1 and 2 December (the layout is month-first), not 12 January / February
    expect(serialToIso(report.firstDate!)).toBe("2010-12-01");
    expect(serialToIso(report.lastDate!)).toBe("2010-12-02");
    expect(report.read).toMatchObject({
      layout: "Online Retail (UCI) invoice lines",
      dateOrder: "mdy",
      dateOrderSource: "layout",
    });
    // accepted: 15.30 + 20.34 + 11.10 + 54.08 − 27.50 + 10.20 = 83.52; skipped 1 × 4.25; share 4.25 / 87.77 = 4.84%
    expect(report.revenue).toBe(83.52);
    expect(report.skipped).toEqual([{ rule: "no account", rows: 1, revenue: 4.25, share: 0.0484 }]);
    expect(report.warnings).toContain(
      "1 row was skipped: 1 no account (row 7; 4.25, 4.8% of revenue)."
    );
    expect(report.returns).toBe(1);
  });
});
