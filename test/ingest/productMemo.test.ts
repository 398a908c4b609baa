/**
 * A line's product label (its description, else its code) is looked up once per line, and the
 * spellings of its code and category are remembered beside it: the lines must read exactly as
 * when each was looked up on its own. Worked by hand from the rows below.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProductMemo } from "../../src/ingest/productMemo";
import { Spellings } from "../../src/ingest/spellings";
import { isTaxLabel } from "../../src/ingest/taxLines";
import { linesOf } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-product-memo-"));

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("one description beside several codes and categories", () => {
  const path = file("shared-descriptions.csv", [
    "Customer ID,Order Date,Order No,SKU,Description,Category,Qty,Revenue",
    "R1,2026-06-03,SO-1,GL-1,Nitrile gloves,Gloves,20,200",
    // the same description under the code typed in lower case, and its category too
    "R1,2026-06-03,SO-1,gl-1,Nitrile gloves,gloves,-2,-20",
    // the same description under another product's code: that product, not GL-1
    "R1,2026-06-04,SO-2,GL-2,Nitrile gloves,PPE,5,60",
    // back to the first code: still GL-1, in Gloves
    "R2,2026-06-05,SO-3,GL-1,Nitrile gloves,Gloves,1,10",
    // a tax line between them is no order line, whatever stands beside it
    "R2,2026-06-05,SO-3,VAT,VAT 20%,Gloves,1,2",
    // another description under the lower-case code: read as GL-1 as well
    "R2,2026-06-06,SO-4,gl-1,Gloves (box of 100),Gloves,3,30",
  ]);

  it("each line keeps its own code and category, under their first spellings", async () => {
    const lines = await linesOf(path);
    expect(lines.map((l) => [l.orderId, l.sku, l.category, l.revenue])).toEqual([
      ["SO-1", "GL-1", "Gloves", 200],
      ["SO-1", "GL-1", "Gloves", -20],
      ["SO-2", "GL-2", "PPE", 60],
      ["SO-3", "GL-1", "Gloves", 10],
      ["SO-4", "GL-1", "Gloves", 30],
    ]);
  });
});

test("the memo answers as the tax rule and the spellings do, across its starting again", () => {
  const skus = new Spellings();
  const categories = new Spellings();
  const memo = new ProductMemo(skus, categories);
  const gloves = memo.of("Nitrile gloves");
  expect(memo.skuOf(gloves, "GL-1")).toBe("GL-1");
  expect(memo.categoryOf(gloves, "Gloves")).toBe("Gloves");
  // 70,000 distinct names push the memo past its 65,536 labels: it starts again
  for (let i = 0; i < 70_000; i++) memo.of(`Cable tie ${i}`);
  const again = memo.of("Nitrile gloves");
  expect(memo.skuOf(again, "gl-1")).toBe("GL-1");
  expect(memo.categoryOf(again, "GLOVES")).toBe("Gloves");
  expect(skus.groups()).toEqual([["GL-1", "gl-1"]]);
  expect(categories.groups()).toEqual([["Gloves", "GLOVES"]]);
  const labels = ["VAT 20%", "VATAR Kabel", "MwSt 19 %", "Tax-free gift card", "", "Sales Tax"];
  expect(labels.map((l) => memo.of(l).taxLine)).toEqual(labels.map(isTaxLabel));
  expect(labels.map((l) => memo.of(l).taxLine)).toEqual([true, false, true, false, false, true]);
});
