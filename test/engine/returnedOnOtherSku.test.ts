/**
 * A category credited back in full on a different SKU of the same category (gloves sold as GL-1,
 * credited as GL-2): the category is not bought (net 0), and its SKUs are no products the account
 * buys for Diversity — "1 category, several products" (2) is for several products of a category
 * it buys. Worked by hand, as of 2026-10-31 (RULES.md §2: bought = net positive).
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

async function analyze(rows: unknown[][]) {
  const grid = {
    name: "Orders",
    values: [
      ["Customer ID", "Order Date", "Order No", "SKU", "Category", "Qty", "Revenue"],
      ...rows,
    ],
  } as Grid;
  const engine = new KapEngine();
  await loadGrids(engine, [grid], defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  return (id: string) => p.accounts.find((a) => a.accountId === id)!;
}

describe("a category returned in full on another SKU", () => {
  it("R1: only Cable Ties (CT-1) bought → 1 category, 1 product → Diversity 1, not 2", async () => {
    const row = await analyze([
      ["R1", "2026-06-03", "SO-1", "CT-1", "Cable Ties", 10, 100],
      ["R1", "2026-09-15", "SO-3", "GL-1", "Gloves", 90, 900],
      ["R1", "2026-10-22", "CN-1", "GL-2", "Gloves", -90, -900],
      ["R2", "2026-10-01", "SO-5", "CT-1", "Cable Ties", 10, 100],
      ["R2", "2026-10-01", "SO-5", "CT-2", "Cable Ties", 10, 50],
    ]);
    // R1 Gloves: GL-1 +900, GL-2 −900 → net 0: not bought. Bought: Cable Ties (CT-1, £100).
    const r1 = row("R1");
    expect(r1.health.inputs.categoriesLast12).toBe(1);
    expect(r1.health.inputs.productsLast12).toBe(1);
    expect(r1.health.factors.diversity).toBe(1);
    // R2 buys two products of its one category: Diversity 2 ("1 (several products)")
    expect(row("R2").health.inputs.productsLast12).toBe(2);
    expect(row("R2").health.factors.diversity).toBe(2);
  });

  it("partly returned on another SKU (net positive) stays bought, its SKU still counted", async () => {
    const row = await analyze([
      ["R1", "2026-06-03", "SO-1", "CT-1", "Cable Ties", 10, 100],
      ["R1", "2026-09-15", "SO-3", "GL-1", "Gloves", 90, 900],
      ["R1", "2026-10-22", "CN-1", "GL-2", "Gloves", -50, -500],
    ]);
    // Gloves 900 − 500 = 400 > 0: bought. Products bought: CT-1 (100) and GL-1 (900); GL-2 is −500
    const r1 = row("R1");
    expect(r1.health.inputs.categoriesLast12).toBe(2);
    expect(r1.health.inputs.productsLast12).toBe(2);
    expect(r1.health.factors.diversity).toBe(3);
  });
});
