/**
 * QuickBooks writes a product that sits in a category by its full name, "Category:Item"
 * ("Fixings:Cable ties 100mm"; a sub-category nests with another colon: "Lighting:LED
 * Panels:600x600 4000K"). With no category column, the product names' prefix is the category:
 * its top level (the methodology's categories are broad product groups; "LED Panels" is a
 * sub-group of "Lighting"). The product stays the full name. A product without a prefix is
 * "Uncategorised", as a line with a blank category cell is; a service line (Shipping) is never a
 * category. Every expected figure is worked out by hand from the fixture.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");
const QBO_CATEGORIES = join(EXPORTS, "quickbooks-online-sales-by-customer-detail-categories.csv");

describe('QuickBooks Online sales by customer detail, products named "Category:Item"', () => {
  it("reads the category from the product name's first segment and keeps the full name as the product", async () => {
    const lines = await linesOf(QBO_CATEGORIES);
    expect(lines.map((l) => [l.sku, l.category])).toEqual([
      ["Fixings:Cable ties 100mm", "Fixings"],
      ["Lighting:LED Panels:600x600 4000K", "Lighting"],
      // a service line: its category is never counted (book.ts), whatever it is called
      ["Shipping", "Uncategorised"],
      ["Electrical:Insulation tape 19mm", "Electrical"],
      ["Plumbing:Copper fitting 15mm", "Plumbing"],
      ["Site survey", "Uncategorised"],
      ["Plumbing:Copper fitting 15mm", "Plumbing"],
      ["Lighting:LED Panels:600x600 4000K", "Lighting"],
      ["Lighting:Downlights:GU10 5W", "Lighting"],
    ]);
  });

  it("has categories: Diversity is scored, and the user is told where they came from", async () => {
    const { report, p, revenue } = await analyzeFile(QBO_CATEGORIES);
    expect(report.read?.layout).toBe("QuickBooks Online sales by customer detail");
    expect(report.warnings.join("\n")).toContain(
      'Categories read from the product names\' "Category:" prefix'
    );
    expect(p.warnings.join("\n")).not.toContain("no category column");
    const by = <T>(f: (a: (typeof p.accounts)[number]) => T) =>
      Object.fromEntries(p.accounts.map((a) => [a.accountId, f(a)]));
    expect(by((a) => a.categoriesLast12)).toEqual({
      // Shipping is a service line: no category
      "Brightwell Electrical Ltd": ["Electrical", "Fixings", "Lighting"],
      // Plumbing 80.00 − 8.00 = 72.00 (bought); the Site survey, 150.00, has no prefix
      "Harbour Plumbing & Heating": ["Plumbing", "Uncategorised"],
      // the LED panels and the downlights are both Lighting
      "Northfield Builders": ["Lighting"],
    });
    // RULES.md §2 Diversity: 2–3 categories score 3; 1 category with several products (two) scores 2
    expect(by((a) => a.health.factors.diversity)).toEqual({
      "Brightwell Electrical Ltd": 3,
      "Harbour Plumbing & Heating": 3,
      "Northfield Builders": 2,
    });
    expect(revenue).toEqual({
      // 45.00 + 128.00 + 12.00 + 25.00 = 210.00
      "Brightwell Electrical Ltd": 210,
      // 80.00 + 150.00 − 8.00 = 222.00
      "Harbour Plumbing & Heating": 222,
      // 320.00 + 130.00 = 450.00
      "Northfield Builders": 450,
    });
    // the report's own TOTAL
    expect(report.revenue).toBe(882);
  });
});

test("QuickBooks product names without a prefix: no categories, Diversity n/a as before", async () => {
  const { p, report } = await analyzeFile(
    join(EXPORTS, "quickbooks-online-sales-by-customer-detail.csv")
  );
  expect(report.warnings.join("\n")).not.toContain("Categories read from");
  expect(p.warnings.join("\n")).toContain("no category column and there is no catalog");
  expect(p.accounts.map((a) => a.health.factors.diversity)).toEqual([null, null, null]);
});

describe("QuickBooks sales by product/service (item) detail with category headings above the products", () => {
  it("Online: the heading above a product's heading is its category (the top level, for a sub-category)", async () => {
    const file = join(EXPORTS, "quickbooks-online-sales-by-product-detail-categories.csv");
    const lines = await linesOf(file);
    expect(lines.map((l) => [l.sku, l.category])).toEqual([
      ["Cable ties 100mm", "Fixings"],
      ["Cable ties 100mm", "Fixings"],
      ["Cable clips 10mm", "Fixings"],
      // "LED Panels" is a sub-category of Lighting
      ["600x600 4000K", "Lighting"],
      ["600x600 4000K", "Lighting"],
      // a product under no category heading
      ["Site survey", "Uncategorised"],
    ]);
    const { p, report, revenue } = await analyzeFile(file);
    expect(report.warnings.join("\n")).toContain(
      "Categories read from the report's category headings"
    );
    const by = <T>(f: (a: (typeof p.accounts)[number]) => T) =>
      Object.fromEntries(p.accounts.map((a) => [a.accountId, f(a)]));
    expect(by((a) => a.categoriesLast12)).toEqual({
      // cable ties 45.00 and the clips 42.00, both Fixings
      "Brightwell Electrical": ["Fixings"],
      // cable ties 18.00 (Fixings) and the site survey 150.00 (no category)
      "Harbour Plumbing": ["Fixings", "Uncategorised"],
      // 320.00 − 32.00 = 288.00 of Lighting
      "Northfield Builders": ["Lighting"],
    });
    // 45 + 42 = 87; 18 + 150 = 168; 320 − 32 = 288 (the report's TOTAL 543.00)
    expect(revenue).toEqual({
      "Brightwell Electrical": 87,
      "Harbour Plumbing": 168,
      "Northfield Builders": 288,
    });
    expect(report.revenue).toBe(543);
  });

  it("Desktop: the item type (Inventory, Service) is no category; the heading below it is", async () => {
    const file = join(EXPORTS, "quickbooks-desktop-sales-by-item-detail-categories.csv");
    const lines = await linesOf(file);
    expect(lines.map((l) => [l.sku, l.category])).toEqual([
      ["Cable ties 100mm", "Fixings"],
      ["Cable ties 100mm", "Fixings"],
      ["600x600 4000K", "Lighting"],
      // an item right under its type, in no category
      ["Site survey", "Uncategorised"],
    ]);
    const { p, report } = await analyzeFile(file);
    expect(report.read?.layout).toBe("QuickBooks Desktop sales by item detail");
    // Harbour Plumbing: cable ties 18.00 (Fixings) and the site survey 150.00
    expect(p.accounts.find((a) => a.accountId === "Harbour Plumbing")?.categoriesLast12).toEqual([
      "Fixings",
      "Uncategorised",
    ]);
    // 45 + 18 + 320 + 150 = 533.00, the report's TOTAL
    expect(report.revenue).toBe(533);
  });

  it('Online, product headings written as full names ("Fixings:Cable ties 100mm"): the prefix is the category', async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kap-qbo-full-")), "sales-by-product.csv");
    writeFileSync(
      file,
      [
        "Kestrel Supplies Ltd",
        "Sales by Product/Service Detail",
        '"October 1-31, 2026"',
        "",
        ",Date,Transaction Type,Num,Customer,Memo/Description,Qty,Sales Price,Amount,Balance",
        "Fixings:Cable ties 100mm,,,,,,,,,",
        ",10/02/2026,Invoice,1001,Brightwell Electrical,Cable ties,10,4.50,45.00,45.00",
        "Total for Fixings:Cable ties 100mm,,,,,,,,$45.00,",
        "Lighting:LED Panels:600x600 4000K,,,,,,,,,",
        ",10/09/2026,Invoice,1004,Brightwell Electrical,LED panel,1,32.00,32.00,32.00",
        "Total for Lighting:LED Panels:600x600 4000K,,,,,,,,$32.00,",
        "TOTAL,,,,,,,,$77.00,",
      ].join("\n")
    );
    const lines = await linesOf(file);
    expect(lines.map((l) => [l.sku, l.category])).toEqual([
      ["Fixings:Cable ties 100mm", "Fixings"],
      ["Lighting:LED Panels:600x600 4000K", "Lighting"],
    ]);
    const { p } = await analyzeFile(file);
    // 45.00 of Fixings and 32.00 of Lighting: two categories
    expect(p.accounts.map((a) => a.categoriesLast12)).toEqual([["Fixings", "Lighting"]]);
  });

  it("the existing reports without category headings keep no categories", async () => {
    for (const f of [
      "quickbooks-online-sales-by-product-detail.csv",
      "quickbooks-desktop-sales-by-item-detail.csv",
    ]) {
      const { p } = await analyzeFile(join(EXPORTS, f));
      expect(p.warnings.join("\n")).toContain("no category column and there is no catalog");
    }
  });
});

test('QuickBooks Desktop sales by customer detail, Items named "Category:Item": the same categories', async () => {
  const file = join(mkdtempSync(join(tmpdir(), "kap-qbd-items-")), "sales-by-customer.csv");
  writeFileSync(
    file,
    [
      ",,,Type,Date,Num,Memo,Name,Item,Qty,Sales Price,Amount,Balance",
      "Brightwell Electrical Ltd,,,,,,,,,,,,",
      ",,,Invoice,02/10/2026,71,Cable ties,Brightwell Electrical Ltd,Fixings:Cable ties 100mm,10,4.50,45.00,45.00",
      ",,,Invoice,02/10/2026,71,Downlight,Brightwell Electrical Ltd,Lighting:Downlights:GU10 5W,4,6.50,26.00,71.00",
      ",,,Invoice,09/10/2026,74,Cable clips,Brightwell Electrical Ltd,Fixings:Cable clips 10mm,20,2.10,42.00,113.00",
      "Total Brightwell Electrical Ltd,,,,,,,,,,,113.00,113.00",
      "TOTAL,,,,,,,,,,,113.00,113.00",
    ].join("\n")
  );
  const lines = await linesOf(file);
  expect(lines.map((l) => l.category)).toEqual(["Fixings", "Lighting", "Fixings"]);
  const { p, report } = await analyzeFile(file);
  expect(report.read?.layout).toBe("QuickBooks Desktop sales by customer detail");
  // Fixings (45.00 + 42.00) and Lighting (26.00): 2 categories, Diversity 3
  expect(p.accounts[0].categoriesLast12).toEqual(["Fixings", "Lighting"]);
  expect(p.accounts[0].health.factors.diversity).toBe(3);
});
