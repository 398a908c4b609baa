import { currencyOfNumberFormat } from "../../src/ingest/moneyFormat";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { toGlance } from "../../src/engine/glance";
import type { Grid } from "../../src/ingest/grid";

const HEAD = ["Order Date", "Customer", "SKU", "Qty", "Amount"];

async function analyze(rows: (string | number)[][]) {
  const engine = new KapEngine();
  const grid: Grid = { name: "Orders", values: [HEAD, ...rows] };
  const report = await loadGrids(engine, [grid], defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-03-31" });
  return { report, p };
}

describe("money symbols without a currency column", () => {
  it('treat "£1,200.50" and a plain 80 as one currency, so the account is one row in £', async () => {
    const { report, p } = await analyze([
      ["2026-01-05", "Acme", "S1", 1, 80], // no symbol, before any symbol is seen
      ["2026-01-06", "Acme", "S2", 2, "£1,200.50"],
      ["2026-02-05", "Acme", "S1", 1, "(120.00)"],
    ]);
    expect(report.currencies).toEqual({ GBP: 3 });
    expect(report.warnings).toEqual([]);
    expect(p.currencyWarning).toBeNull();
    expect(p.accounts.map((a) => [a.key, a.currency, a.revenueLast12])).toEqual([
      ["Acme", "GBP", 80 + 1200.5 - 120],
    ]);
  });

  it("keep a second currency apart and say which currency the unlabelled lines were taken to be in", async () => {
    const { report, p } = await analyze([
      ["2026-01-05", "Acme", "S1", 1, "£100.00"],
      ["2026-01-06", "Acme", "S2", 1, 50],
      ["2026-01-07", "Acme", "S3", 1, "30,00 €"],
    ]);
    expect(report.currencies).toEqual({ GBP: 2, EUR: 1 });
    expect(report.warnings).toContain(
      "1 line with no currency symbol was taken to be in GBP, the first currency in the data."
    );
    expect(p.accounts.map((a) => [a.key, a.revenueLast12]).sort()).toEqual([
      ["Acme (EUR)", 30],
      ["Acme (GBP)", 150],
    ]);
  });

  it("leave plain numbers as they are when no symbol appears at all", async () => {
    const { report, p } = await analyze([["2026-01-05", "Acme", "S1", 1, 80]]);
    expect(report.fileCurrency).toBeUndefined();
    expect(report.currencies).toEqual({ "": 1 });
    expect(p.accounts[0].currency).toBe("");
  });
});

describe("the task pane's account glance", () => {
  it("shows revenue in the currency the revenue column is formatted in when there is no currency column", async () => {
    const { p } = await analyze([["2026-01-05", "Acme", "S1", 1, 13197]]);
    const glanceFor = (format?: string) => toGlance(p.accounts[0], currencyOfNumberFormat(format));
    expect(glanceFor("[$€-x-euro2] #,##0.00").currency).toBe("EUR");
    expect(glanceFor(undefined).currency).toBe("GBP");
    expect(glanceFor("#,##0").currency).toBe("");
  });
});

describe("an order table with a column KAP cannot name", () => {
  const grid: Grid = {
    name: "Sales",
    values: [
      // A unit price but no line value: the quantity is needed to work the value out.
      ["Order Date", "Customer", "SKU", "Boxes out", "Unit Price"],
      ["2026-01-05", "Acme", "S1", 2, 50],
      ["2026-02-05", "Acme", "S2", 1, 50],
    ],
  };

  it("is reported by what it lacks, with the headers found, rather than as no order lines at all", () => {
    return expect(loadGrids(new KapEngine(), [grid], defaultSettings())).rejects.toThrow(
      'No column for "quantity" was found in the order lines on "Sales". Headers found: Order Date, Customer, SKU, Boxes out, Unit Price. Choose the quantity column in the task pane\'s mapping, or rename it to "Qty".'
    );
  });

  it("is analysed once the user maps the missing column", async () => {
    const engine = new KapEngine();
    const settings = { ...defaultSettings(), mapping: { orders: { quantity: "Boxes out" } } };
    const report = await loadGrids(engine, [grid], settings);
    expect(report.accepted).toBe(2);
    const p = engine.analyze({ ...settings, asOf: "2026-03-31" });
    expect(p.accounts[0].revenueLast12).toBe(150); // 2 × 50 + 1 × 50
  });
});
