/**
 * `kap analyze --json`'s ingest.revenue, the accepted lines' net value, is never a sum of money in
 * different currencies: it is written per currency (ingest.revenueByCurrency, keyed as
 * ingest.currencies is), and ingest.revenue is a number only when the lines are in one currency
 * (null beside several, as the portfolio keeps each currency's money apart). By hand from the files.
 */
import { join } from "node:path";
import { jsonPieces, jsonReplacerFor, toJson, unnamedCurrencyJson } from "../../src/cli/report";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";

const FIXTURES = join(__dirname, "../fixtures");

async function ingestJson(path: string) {
  const { grids } = await readWorkbookFile(path);
  const engine = new KapEngine();
  await loadGrids(engine, grids, defaultSettings());
  engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const replacer = jsonReplacerFor(unnamedCurrencyJson(engine).code);
  const j = JSON.parse([...jsonPieces(toJson(engine), 3, replacer)].join("")) as {
    ingest: { revenue: number | null; revenueByCurrency: Record<string, number> };
  };
  return j.ingest;
}

describe("ingest revenue in the JSON, per currency", () => {
  it("three currencies: each its own sum, and no total (was 310, EUR + GBP + USD added)", async () => {
    const i = await ingestJson(join(FIXTURES, "tester/multi-currency.csv"));
    // EUR: INV1 50.00 + INV3 50.00 = 100.00; GBP: INV2 100.00 + INV4 100.00 = 200.00; USD: INV5 10.00
    expect(i.revenueByCurrency).toEqual({ EUR: 100, GBP: 200, USD: 10 });
    expect(i.revenue).toBeNull();
  });

  it("one currency named by a column: the total, and the same under its code", async () => {
    const i = await ingestJson(join(FIXTURES, "cases/03-xero-sales-invoices.csv"));
    // Brightwell 127.80 + Harbour 36.00 = 163.80
    expect(i.revenue).toBe(163.8);
    expect(i.revenueByCurrency).toEqual({ GBP: 163.8 });
  });

  it("one currency named only by the € on the prices: the total under EUR", async () => {
    const i = await ingestJson(join(FIXTURES, "cases/07-european-decimal-comma-utf8.csv"));
    // D-1001 255,00 + D-1002 79,88 = 334,88 €
    expect(i.revenue).toBe(334.88);
    expect(i.revenueByCurrency).toEqual({ EUR: 334.88 });
  });

  it("no currency named anywhere: the total under XXX, as ingest.currencies keys it", async () => {
    const i = await ingestJson(join(FIXTURES, "tester/fr-statut-annulee-brouillon.csv"));
    // C0001 132,00 + C0002 36,00 + C0003 90,00 = 258,00
    expect(i.revenue).toBe(258);
    expect(i.revenueByCurrency).toEqual({ XXX: 258 });
  });
});
