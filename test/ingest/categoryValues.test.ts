/**
 * A column matched as the category by its header must hold categories (ingest/plausible,
 * notCategoryReason): Magento's product_type (configurable / simple) and Sage 50's Department
 * Code (0 on every line) hold none, so the file has no category column and Diversity is n/a
 * (PRODUCT.md 2: "A file with no category column and no catalog has no categories"), said in
 * the summary. Figures worked by hand with PRODUCT.md 2.1's table.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { notCategoryReason } from "../../src/ingest/plausible";
import { analyzeFile } from "./fileAnalysis";

function file(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-cat-")), name);
  writeFileSync(path, lines.join("\r\n"));
  return path;
}

test("Magento's product_type is no category: Diversity n/a, and the summary says why", async () => {
  const path = file("magento-order-items.csv", [
    "increment_id,created_at,status,customer_id,customer_firstname,sku,name,product_type,qty_ordered,price,row_total",
    "000000101,2026-06-30 10:00:00,complete,12,Anna,GLV-NIT,Nitrile Gloves,configurable,10,9.50,95.00",
    "000000101,2026-06-30 10:00:00,complete,12,Anna,GLV-NIT-L,Nitrile Gloves - L,simple,10,0.00,0.00",
    "000000140,2026-10-30 09:00:00,complete,31,Lee,TAPE-PVC,PVC Tape,simple,50,1.20,60.00",
  ]);
  const { report, p } = await analyzeFile(path, "2026-10-31");
  expect(report.warnings.join(" ")).toContain(
    '"product_type" holds product types ("configurable", "simple"), not categories: it is not read as the category.'
  );
  const score = (id: string) => p.accounts.find((a) => a.accountId === id)!.health;
  expect(score("12").factors.diversity).toBeNull();
  expect(score("31").factors.diversity).toBeNull();
  // worked by hand, as of 2026-10-31:
  // Anna: last order 30 Jun → 123 days: Recency 1; last quarter (Aug–Oct) 0 orders vs 1 in
  // May–Jul: −100% → Frequency 1; Revenue n/a (first order inside the last 12 months) → 1.00
  // (with product_type as the category: Diversity 3, (0.25 + 0.20 + 0.45) / 0.60 = 1.50)
  expect(score("12").score).toBe(1);
  // Lee: 1 day → Recency 5; Frequency and Revenue n/a (first order in the later period) → 5.00
  expect(score("31").score).toBe(5);
});

test("Sage 50's Department Code, 0 on every line, is no category: KNGT002 Healthy 5.00, not Stable 3.88", async () => {
  const path = file("sage50-activity.csv", [
    "Type,Account Reference,Nominal A/C Ref,Department Code,Date,Reference,Details,Net Amount,Tax Code,Tax Amount",
    "SI,KNGT002,4000,0,21/09/2026,7400,PPE restock,300.00,T1,60.00",
    "SA,KNGT002,1200,0,25/09/2026,CHQ 100234,Payment on account,500.00,T9,0.00",
    "SI,KNGT002,4000,0,12/10/2026,7470,PPE restock,310.00,T1,62.00",
  ]);
  const { report, p, revenue } = await analyzeFile(path, "2026-10-12");
  expect(report.warnings.join(" ")).toContain(
    '"Department Code" holds only numbers (such as "0"), not category names: it is not read as the category.'
  );
  // 300.00 + 310.00; the SA payment on account is no sale
  expect(revenue["KNGT002"]).toBe(610);
  const h = p.accounts.find((a) => a.accountId === "KNGT002")!.health;
  // 0 days → Recency 5; Frequency and Revenue n/a (first order in the later period); Diversity
  // n/a → 5.00 Healthy (with "0" as one category: Diversity 2, (1.25 + 0.30) / 0.40 = 3.88 Stable)
  expect(h.factors.diversity).toBeNull();
  expect(h.score).toBe(5);
  expect(h.band).toBe("Healthy");
});

test("a column headed Category is kept with numbers or one value; a named department is a category", () => {
  expect(notCategoryReason("Category", ["10", "20", "10"])).toBeUndefined();
  expect(notCategoryReason("Product Category", ["Tools", "Tools"])).toBeUndefined();
  expect(notCategoryReason("Kategorie", ["0", "0"])).toBeUndefined();
  expect(notCategoryReason("Department", ["Plumbing", "Electrical"])).toBeUndefined();
  expect(notCategoryReason("Product Group", ["PIPE", "VALVES", "FITTINGS"])).toBeUndefined();
  expect(notCategoryReason("Range", ["Garden", "Garden"])).toBe(
    'holds the same value ("Garden") on every line'
  );
  // one line says nothing either way
  expect(notCategoryReason("Range", ["Garden"])).toBeUndefined();
  expect(notCategoryReason("Dept", ["10", "20"])).toBe(
    'holds only numbers (such as "10", "20"), not category names'
  );
  // product types are no category whatever the header
  expect(notCategoryReason("Category", ["Simple", "Bundle"])).toBe(
    'holds product types ("simple", "bundle"), not categories'
  );
});

test("property: bare numbers are a category only under a header that says so", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 99999 }), { minLength: 1, maxLength: 20 }),
      (ns) => {
        const values = ns.map(String);
        expect(notCategoryReason("Item Category Code", values)).toBeUndefined();
        expect(notCategoryReason("Department Code", values)).toMatch(/^holds only numbers/);
      }
    )
  );
});

test("numbered product groups are categories: SAP's Material Group 001, 002", async () => {
  expect(notCategoryReason("Material Group", ["001", "002", "001"])).toBeUndefined();
  expect(notCategoryReason("Warengruppe", ["4000", "4100"])).toBeUndefined();
  // a department number is still no category
  expect(notCategoryReason("Department Code", ["1", "2"])).toMatch(/holds only numbers/);
  const dir = mkdtempSync(join(tmpdir(), "kap-matgroup-"));
  const file = join(dir, "billing.csv");
  writeFileSync(
    file,
    [
      "Billing Date,Billing Document,Sold-To Party,Material,Material Group,Billed Quantity,Net Value,Currency",
      "02.09.2026,90000001,100200,M-1,001,10,100.00,EUR",
      "05.09.2026,90000002,100200,M-2,002,5,50.00,EUR",
      "10.09.2026,90000003,100300,M-1,001,2,40.00,EUR",
    ].join("\n")
  );
  // worked by hand: 100200 bought in material groups 001 and 002 in the last 12 months, 100300 in 001
  const { p } = await analyzeFile(file);
  const cats = (id: string) => p.accounts.find((a) => a.accountId === id)!.categoriesLast12;
  expect(cats("100200")).toEqual(["001", "002"]);
  expect(cats("100300")).toEqual(["001"]);
});
