/**
 * A bare product word beside the product's code is the product's name: "Artikelnummer;Artikel",
 * "Item Code;Item", "Référence;Article", "SKU;Item". Both were read as code headers, so the bare
 * one took the code ("Item Code" and "Référence" left unread) or was left unread itself (no
 * description read): a discount line coded RAB and named "Rabatt" then counted as a return.
 */
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile } from "./fileAnalysis";

const fieldsOf = (headers: string[]): Record<string, string> =>
  Object.fromEntries(matchFields(headers, ORDER_FIELDS).map((m) => [m.field, m.header]));

test.each([
  ["Artikelnummer", "Artikel"],
  ["Artikel-Nr.", "Artikel"],
  ["Item Code", "Item"],
  ["SKU", "Item"],
  ["Référence", "Article"],
  ["Artikelcode", "Artikel"],
  ["Código", "Artículo"],
  ["Codice articolo", "Articolo"],
])("%s is the code and %s the name", (code, name) => {
  const f = fieldsOf([code, name, "Qty"]);
  expect([f.sku, f.productName]).toEqual([code, name]);
});

test("a bare product word with no code beside it stays the code; beside a description, too", () => {
  expect(fieldsOf(["Item", "Qty", "Amount"]).sku).toBe("Item");
  const f = fieldsOf(["Item", "Description", "Qty", "Amount"]);
  expect([f.sku, f.productName]).toEqual(["Item", "Description"]);
});

test("the Rabatt line of a German export with Artikelnummer and Artikel is a discount, not a return", async () => {
  // 100 × 0,10 = 10,00 less the Rabatt line 1,00 → 9,00; R-2: 10 × 0,50 = 5,00 → 14,00
  // in 2 orders, no return (before: "RAB" a returned product, 1 return)
  const { report, revenue, orders } = await analyzeFile(
    join(__dirname, "../fixtures/exports/german-artikelnummer-artikel.csv"),
    "2026-01-31"
  );
  expect(revenue).toEqual({ "10001": 14 });
  expect(orders).toEqual({ "10001": 2 });
  expect(report.returns).toBe(0);
});
