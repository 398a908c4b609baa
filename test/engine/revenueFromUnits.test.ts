/**
 * The column mapping the pane shows: line revenue is required only when it cannot be worked out.
 * With a quantity and a unit price column each line's value is quantity × unit price
 * (ingest/orders), so "Line revenue" is optional, saying why; with neither way it stays required.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings } from "../../src/engine/contract";
import { ymdToSerial } from "../../src/domain/dates";

const settings = (): KapSettings => ({ ...defaultSettings(), asOf: "2026-10-31" });

/** Order lines with these headers; a column's cells by its header. */
function ordersWith(headers: string[]): void {
  const cell: Record<string, (i: number) => string | number> = {
    "Order Date": (i) => ymdToSerial(2026, 1, 5) + i * 7,
    "Customer ID": (i) => `A${1 + (i % 3)}`,
    SKU: (i) => `SKU${i % 4}`,
    Qty: (i) => 2 + (i % 3),
    "Unit Price": () => 4.5,
    "Line Total": (i) => (2 + (i % 3)) * 4.5,
  };
  const rows = [headers, ...Array.from({ length: 30 }, (_, i) => headers.map((h) => cell[h](i)))];
  const x = new ExcelDouble(["Orders"]);
  x.model.fill(x.sheet("Orders"), "A1", rows);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
}

async function revenueField(headers: string[]) {
  ordersWith(headers);
  const d = await createExcelHost().discover(settings());
  const orders = d.tables.find((t) => t.role === "orders")!;
  return { d, revenue: orders.fields.find((f) => f.field === "revenue")! };
}

describe("line revenue in the pane's column mapping", () => {
  test("quantity and unit price mapped: optional, worked out from them, whether or not a revenue column is there", async () => {
    for (const headers of [
      ["Order Date", "Customer ID", "SKU", "Qty", "Unit Price", "Line Total"],
      ["Order Date", "Customer ID", "SKU", "Qty", "Unit Price"],
    ]) {
      const { d, revenue } = await revenueField(headers);
      expect(d.problems).toEqual([]);
      expect(revenue.required).toBe(false);
      expect(revenue.optionalBecause).toBe("worked out from quantity × unit price");
    }
  });

  test("no unit price: required, with no reason to skip it", async () => {
    const { revenue } = await revenueField([
      "Order Date",
      "Customer ID",
      "SKU",
      "Qty",
      "Line Total",
    ]);
    expect(revenue.required).toBe(true);
    expect(revenue.optionalBecause).toBeUndefined();
  });

  test("a unit price without a quantity: revenue cannot be worked out, so it stays required", async () => {
    const { revenue } = await revenueField([
      "Order Date",
      "Customer ID",
      "Unit Price",
      "Line Total",
    ]);
    expect(revenue.required).toBe(true);
    expect(revenue.optionalBecause).toBeUndefined();
  });
});
