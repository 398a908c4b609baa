/**
 * A product coded with one letter ("B", "S") in an export with no description beside it: a
 * tester's "B" (a product line) was read as the bad-debt adjustment code of the Online Retail
 * data set, a service line, and left out of products, categories and top products. A one-letter
 * code is a service only when its description names the service ("B" "Adjust bad debt"). Every
 * figure is worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

test("'B' and 'S' with no description are products; 'B' described 'Adjust bad debt' stays an adjustment", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-letters-"));
  const bare = join(dir, "bare.csv");
  writeFileSync(
    bare,
    [
      "Customer ID,Order Date,Invoice,SKU,Qty,Revenue",
      "A,2026-10-02,I1,B,4,40",
      "A,2026-10-02,I1,S,2,10",
      "A,2026-10-09,I2,A4,1,5",
    ].join("\n")
  );
  const { p, engine, revenue } = await analyzeFile(bare);
  // by hand: 40 + 10 + 5 = 55, all products: B 40, S 10, A4 5 (before: B and S service lines,
  // A's only product A4)
  expect(revenue).toEqual({ A: 55 });
  expect(p.serviceLines).toEqual([]);
  expect(engine.detail("A").topProducts.map((t) => t.sku)).toEqual(["B", "S", "A4"]);

  const described = join(dir, "described.csv");
  writeFileSync(
    described,
    [
      "Customer ID,Order Date,Invoice,SKU,Description,Qty,Revenue",
      "A,2026-10-02,I1,B,Adjust bad debt,1,-3",
      "A,2026-10-02,I1,A4,Paper A4,1,5",
    ].join("\n")
  );
  const d = await analyzeFile(described);
  // the Online Retail data set's "B": its description names the adjustment
  expect(d.p.serviceLines.map((l) => [l.sku, l.kind])).toEqual([["B", "bad-debt adjustment"]]);
});
