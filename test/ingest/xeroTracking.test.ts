/**
 * Xero's sales-invoice export has no category column, but many organisations tag each line with a
 * tracking category ("TrackingName1" Product Group, "TrackingOption1" Cable Management): that is
 * the product category. A tracking category that is no product grouping (Region, Department) is
 * not. Worked by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-xero-tracking-"));

/** Xero invoice lines with tracking category `name1` (options per line) and a Region as the second. */
function invoices(file: string, name1: string): string {
  const path = join(dir, file);
  const head =
    "*ContactName,EmailAddress,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,TaxTotal,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,LineAmount,*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,Type,Status";
  const line = (cells: string) => cells.replace("{N}", name1);
  writeFileSync(
    path,
    [
      head,
      line(
        "Acorn Fixings Ltd,a@acorn.example,INV-4001,,02/10/2026,01/11/2026,96.00,16.00,CT-100,Cable ties 100mm,10,5.00,,50.00,200,20% (VAT on Income),10.00,{N},Cable Management,Region,North,GBP,Sales invoice,PAID"
      ),
      line(
        "Acorn Fixings Ltd,a@acorn.example,INV-4001,,02/10/2026,01/11/2026,96.00,16.00,GL-1,Nitrile gloves L,5,6.00,,30.00,200,20% (VAT on Income),6.00,{N},PPE,Region,North,GBP,Sales invoice,PAID"
      ),
      line(
        "Acorn Fixings Ltd,a@acorn.example,INV-4002,,16/10/2026,15/11/2026,36.00,6.00,SC-20,Screws 20mm,10,3.00,,30.00,200,20% (VAT on Income),6.00,{N},Fixings,Region,North,GBP,Sales invoice,AUTHORISED"
      ),
      line(
        "Bramley Builders,b@bramley.example,INV-4003,,20/10/2026,19/11/2026,24.00,4.00,CT-100,Cable ties 100mm,4,5.00,,20.00,200,20% (VAT on Income),4.00,{N},Cable Management,Region,South,GBP,Sales invoice,PAID"
      ),
    ].join("\n") + "\n"
  );
  return path;
}

describe("Xero tracking categories", () => {
  it('"Product Group" in TrackingName1: each line\'s TrackingOption1 is its category, and said', async () => {
    const path = invoices("xero-product-group.csv", "Product Group");
    const { p, revenue, report } = await analyzeFile(path);
    const acorn = p.accounts.find((a) => a.accountId === "Acorn Fixings Ltd")!;
    // Acorn: 50.00 + 30.00 + 30.00 = 110.00 over Cable Management, PPE and Fixings: 3 categories
    expect(revenue["Acorn Fixings Ltd"]).toBe(110);
    expect([...acorn.categoriesLast12].sort()).toEqual(["Cable Management", "Fixings", "PPE"]);
    expect(acorn.health.factors.diversity).toBe(3);
    const ls = await linesOf(path);
    expect(ls.map((l) => l.category)).toEqual([
      "Cable Management",
      "PPE",
      "Fixings",
      "Cable Management",
    ]);
    expect(report.warnings).toContain(
      'Categories read from Xero\'s tracking category "Product Group" ("TrackingOption1"): the export has no category column. Lines without an option are "Uncategorised".'
    );
  });

  it("a tracking category that groups no products (Region in both) gives no categories: Diversity n/a", async () => {
    const { p, report } = await analyzeFile(invoices("xero-region.csv", "Region"));
    const acorn = p.accounts.find((a) => a.accountId === "Acorn Fixings Ltd")!;
    expect(acorn.health.factors.diversity).toBeNull();
    expect(report.warnings.join("\n")).not.toMatch(/tracking category/);
  });
});

describe("Xero line discounts given as an amount (DiscountAmount)", () => {
  it("with no LineAmount, each line is Quantity × UnitAmount less its Discount % or its DiscountAmount", async () => {
    const path = join(dir, "xero-discount-amount.csv");
    writeFileSync(
      path,
      [
        "*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,DiscountAmount,*AccountCode,*TaxType,Currency",
        "Brightwell Electrical Ltd,INV-0101,14/09/2026,14/10/2026,CT-200,Cable ties,10,4.50,,,200,20% (VAT on Income),GBP",
        "Brightwell Electrical Ltd,INV-0101,14/09/2026,14/10/2026,CC-10,Cable clips,20,2.10,,4.20,200,20% (VAT on Income),GBP",
        "Brightwell Electrical Ltd,INV-0140,20/10/2026,19/11/2026,CT-200,Cable ties,10,4.50,10,,200,20% (VAT on Income),GBP",
      ].join("\n") + "\n"
    );
    const { revenue } = await analyzeFile(path);
    // 10 × 4.50 = 45.00; 20 × 2.10 − 4.20 = 37.80; 10 × 4.50 less 10% = 40.50 → 123.30
    expect(revenue["Brightwell Electrical Ltd"]).toBe(123.3);
  });

  it("beside LineAmount (already net of the discount) the DiscountAmount is not taken off again", async () => {
    const path = join(dir, "xero-discount-amount-line-amount.csv");
    writeFileSync(
      path,
      [
        "*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,DiscountAmount,LineAmount,*AccountCode,*TaxType,Currency",
        "Brightwell Electrical Ltd,INV-0101,14/09/2026,14/10/2026,CC-10,Cable clips,20,2.10,,4.20,37.80,200,20% (VAT on Income),GBP",
      ].join("\n") + "\n"
    );
    const { revenue } = await analyzeFile(path);
    expect(revenue["Brightwell Electrical Ltd"]).toBe(37.8);
  });
});
