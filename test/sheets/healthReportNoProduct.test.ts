/**
 * The account health report of an invoice-level export (no product or category column): nothing
 * it prints reads "null", "undefined" or "NaN" (issue 12's check). Products are n/a, not 0 or null.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { completeSettings } from "../../src/engine/settings";
import type { SheetSpec } from "../../src/sheets/spec";
import { ymdToSerial } from "../../src/domain/dates";

function texts(spec: SheetSpec): string[] {
  const out: string[] = [];
  for (const b of spec.blocks)
    for (const row of b.rows)
      for (const v of row) {
        if (typeof v === "string") out.push(v);
        else if (typeof v === "number" && !Number.isFinite(v)) out.push(String(v));
        else if (v && typeof v === "object" && "formula" in v) out.push(v.formula);
      }
  return out;
}

test("invoice-level export (date, invoice, customer, total): no null, undefined or NaN anywhere in the health report", async () => {
  const rows: unknown[][] = [
    ["Invoice Date", "Invoice No", "Customer ID", "Customer", "Invoice Total"],
  ];
  let n = 1;
  for (let m = 0; m < 26; m++)
    for (const [id, name] of [
      ["A1", "Acme Ltd"],
      ["B2", "Beta plc"],
    ])
      rows.push([ymdToSerial(2024, 9, 10) + m * 30, `INV${n++}`, id, name, 250 + m * 7]);
  const engine = new KapEngine();
  const settings = completeSettings({ asOf: "2026-10-31" });
  await loadGrids(engine, [{ name: "Invoices", values: rows as never }], settings);
  engine.analyze(settings);
  const [spec] = engine.sheets("healthReport", { accountKey: "A1", live: false });
  const all = texts(spec);
  expect(all.length).toBeGreaterThan(20);
  expect(all.filter((t) => /\bnull\b|\bundefined\b|\bNaN\b/.test(t))).toEqual([]);
  // the period table's Products column: n/a without a product column
  const period = spec.blocks.find((b) => b.rows[0]?.[0] === "Period")!;
  const products = period.rows[0].indexOf("Products");
  expect(products).toBeGreaterThan(0);
  for (const r of period.rows.slice(1)) expect(r[products]).toBe("n/a");
});
