/**
 * A product code column (Item, SKU, Item Code, Artikel) with a line value and no quantity column
 * is read, as a product-name column is: the units are unknown, the lines and their values are not.
 * Before: 'No column for "quantity" was found … rename the quantity column to "Qty"' — there was
 * none (tester's finding 9, cases 66 and 67). As of 2026-10-31, the 12 months from 2025-11-01.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-code-no-qty-"));

describe.each(["Item", "SKU", "Item Code", "Artikel", "Product"])(
  "a %s column and a line value, no quantity",
  (header) => {
    it("is analysed: Northgate 250 + 60 = 310 from 2 orders, Harbour 500", async () => {
      const path = join(dir, `${header.replace(" ", "-")}.csv`);
      writeFileSync(
        path,
        [
          `Date,Invoice,Customer,${header},Net`,
          "02/09/2026,INV-101,Northgate Services,Cable 2.5mm,250.00",
          "18/09/2026,INV-117,Northgate Services,Cable clips,60.00",
          "07/10/2026,INV-130,Harbour Electrical,Cable 2.5mm,500.00",
        ].join("\n") + "\n"
      );
      const { revenue, orders } = await analyzeFile(path);
      expect(revenue).toEqual({ "Northgate Services": 310, "Harbour Electrical": 500 });
      expect(orders).toEqual({ "Northgate Services": 2, "Harbour Electrical": 1 });
    });
  }
);

test("German export with Artikel, no Menge, and Excel's Ergebnis rows: Schneider 250 + 60 = 310, Hoffmann 500", async () => {
  const { revenue, orders } = await analyzeFile(
    join(__dirname, "../fixtures/cells/66-de-teilergebnis-with-product.csv")
  );
  // the "… Ergebnis" and "Gesamtergebnis" rows (310, 500, 810) are subtotals, not accounts
  expect(revenue).toEqual({ "Schneider Sanitär GmbH": 310, "Hoffmann Bau KG": 500 });
  expect(orders).toEqual({ "Schneider Sanitär GmbH": 2, "Hoffmann Bau KG": 1 });
});
