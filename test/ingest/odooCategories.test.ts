/**
 * One product tree, the same categories from any export (ingest/categoryPath): a category is the
 * top level of the seller's own tree, the broad group a rep sells by. QuickBooks' "Tools:Hand
 * tools" counted in "Tools", while Odoo's "All / Saleable / Tools / Hand tools" was kept whole, so
 * the whitespace map and the cross-sell split Hand tools from Power tools and showed Odoo's
 * catalog roots as categories. Odoo's "All" and "Saleable" are passed over. Every figure is worked
 * out by hand from the small exports below, shaped like Odoo's invoice lines and QuickBooks
 * Online's sales by customer detail; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { odooTopCategory } from "../../src/ingest/categoryPath";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-odoo-categories-"));
let n = 0;
/** `lines` written as a CSV file; analysed, with each account's categories of the last 12 months. */
async function categories(lines: string[]) {
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  const a = await analyzeFile(file);
  return {
    ...a,
    cats: Object.fromEntries(a.p.accounts.map((x) => [x.accountId, x.categoriesLast12])),
  };
}

// The same sales in both: Brightwell a claw hammer (Tools › Hand tools) 30.00, a drill (Tools ›
// Power tools) 90.00, cable ties (Fixings) 45.00; Harbour sundries (no category) 5.00, ties 18.00.
const ODOO = [
  "Number,Partner,Invoice/Bill Date,Type,Status,Product,Product Category,Quantity,Unit Price,Subtotal",
  "INV/2026/00001,Brightwell Electrical Ltd,2026-10-05,Customer Invoice,Posted,[HT-1] Claw hammer,All / Saleable / Tools / Hand tools,2,15.00,30.00",
  "INV/2026/00002,Brightwell Electrical Ltd,2026-10-06,Customer Invoice,Posted,[PT-1] Cordless drill,All / Saleable / Tools / Power tools,1,90.00,90.00",
  "INV/2026/00003,Brightwell Electrical Ltd,2026-10-07,Customer Invoice,Posted,[CT-200] Cable ties,All / Saleable / Fixings,10,4.50,45.00",
  "INV/2026/00004,Harbour Plumbing,2026-10-08,Customer Invoice,Posted,[MISC] Sundries,All / Saleable,1,5.00,5.00",
  "INV/2026/00005,Harbour Plumbing,2026-10-09,Customer Invoice,Posted,[CT-200] Cable ties,All / Saleable / Fixings,4,4.50,18.00",
];
const QBO = [
  "Kestrel Supplies Ltd",
  "Sales by Customer Detail",
  '"October 1-31, 2026"',
  "",
  ",Transaction date,Transaction type,Num,Product/Service full name,Memo/Description,Quantity,Sales price,Amount,Balance",
  "Brightwell Electrical Ltd,,,,,,,,,",
  ",10/05/2026,Invoice,1,Tools:Hand tools:Claw hammer,Claw hammer,2,15.00,30.00,30.00",
  ",10/06/2026,Invoice,2,Tools:Power tools:Cordless drill,Cordless drill,1,90.00,90.00,120.00",
  ",10/07/2026,Invoice,3,Fixings:Cable ties,Cable ties,10,4.50,45.00,165.00",
  "Total for Brightwell Electrical Ltd,,,,,,,,$165.00,",
  "Harbour Plumbing,,,,,,,,,",
  ",10/08/2026,Invoice,4,Sundries,Sundries,1,5.00,5.00,5.00",
  ",10/09/2026,Invoice,5,Fixings:Cable ties,Cable ties,4,4.50,18.00,23.00",
  "Total for Harbour Plumbing,,,,,,,,$23.00,",
];
// worked by hand: Brightwell's hammer and drill are both Tools, its ties Fixings; Harbour's
// sundries have no category below the roots (Uncategorised), its ties Fixings
const BOTH = {
  "Brightwell Electrical Ltd": ["Fixings", "Tools"],
  "Harbour Plumbing": ["Fixings", "Uncategorised"],
};

describe("the top level of the seller's own product tree, from Odoo and from QuickBooks alike", () => {
  it("Odoo invoice lines: 'All / Saleable / Tools / Hand tools' counts in Tools, and the reading says so", async () => {
    const { cats, revenue, report } = await categories(ODOO);
    expect(cats).toEqual(BOTH);
    // 30 + 90 + 45 = 165; 5 + 18 = 23
    expect(revenue).toEqual({ "Brightwell Electrical Ltd": 165, "Harbour Plumbing": 23 });
    expect(report.warnings.join("\n")).toContain(
      'Categories read at the top level of Odoo\'s category paths, below its "All" and "Saleable" roots ("All / Saleable / Tools / Hand tools" counts in "Tools")'
    );
  });

  it("QuickBooks 'Tools:Hand tools:Claw hammer' counts in Tools: the same categories", async () => {
    const { cats } = await categories(QBO);
    expect(cats).toEqual(BOTH);
  });

  it("Odoo's paths in a plain export no layout knows (a sales analysis list) read the same", async () => {
    const plain = [
      "Order Date,Customer,Product,Product Category,Qty Ordered,Untaxed Total",
      "2026-10-05,Brightwell Electrical Ltd,Claw hammer,All / Saleable / Tools / Hand tools,2,30.00",
      "2026-10-06,Brightwell Electrical Ltd,Cordless drill,All / Saleable / Tools / Power tools,1,90.00",
      "2026-10-07,Brightwell Electrical Ltd,Cable ties,All / Saleable / Fixings,10,45.00",
      "2026-10-08,Harbour Plumbing,Sundries,All,1,5.00",
      "2026-10-09,Harbour Plumbing,Cable ties,All / Fixings,4,18.00",
    ];
    const { cats } = await categories(plain);
    expect(cats).toEqual(BOTH);
  });

  it("odooTopCategory: the roots are passed over, a root alone is no category", () => {
    expect(odooTopCategory("All / Saleable / Hand tools")).toBe("Hand tools");
    expect(odooTopCategory("All / Fixings / Cable ties")).toBe("Fixings");
    expect(odooTopCategory("Tools / Hand tools")).toBe("Tools");
    expect(odooTopCategory("All / Saleable")).toBe("");
    expect(odooTopCategory("All")).toBe("");
    // a category of the seller's own that is named Saleable, not under All, is a category
    expect(odooTopCategory("Saleable / Spares")).toBe("Saleable");
  });
});
