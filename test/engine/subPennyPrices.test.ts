/**
 * Unit prices below the minor unit (a screw at £0.125, a washer at 0,035 €) are common in
 * distribution. A line's value is quantity × unit price; sums of lines must be exact, and only
 * written figures are rounded to the penny. Rounding each line to the penny first is wrong:
 * 200 one-unit lines at £0.125 are £25.00 (200 × 0.125), not 200 × £0.13 = £26.00.
 */
import fc from "fast-check";
import { analyzeGrid } from "./analyzeGrid";

const AS_OF = "2026-10-31";
const HEADER = [
  "Order ID",
  "Order Date",
  "Account ID",
  "SKU",
  "Category",
  "Quantity",
  "Unit Price",
  "Currency",
];

type Row = [string, string, string, string, string, number, number, string];

function analyze(rows: Row[]) {
  return analyzeGrid({ name: "Orders", values: [HEADER, ...rows] }, AS_OF);
}

/** n one-unit orders of one SKU at `price`, a day apart from 2026-06-01. */
function oneUnitOrders(account: string, n: number, price: number, currency = "GBP"): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2026, 5, 1 + (i % 120)));
    rows.push([
      `${account}-${i}`,
      d.toISOString().slice(0, 10),
      account,
      "W-8",
      "Washers",
      1,
      price,
      currency,
    ]);
  }
  return rows;
}

describe("sub-penny unit prices add up exactly", () => {
  it("200 orders of one washer at £0.125: 12-month revenue £25.00 (200 × 0.125), not £26.00", async () => {
    const { row } = await analyze(oneUnitOrders("A1", 200, 0.125));
    expect(row("A1").revenueLast12).toBe(25);
  });

  it("100 orders of 3 screws at £0.035: 100 × 0.105 = £10.50, not 100 × £0.11 = £11.00", async () => {
    const rows = oneUnitOrders("A2", 100, 0.035).map((r) => {
      const x = [...r] as Row;
      x[5] = 3;
      return x;
    });
    const { row } = await analyze(rows);
    expect(row("A2").revenueLast12).toBe(10.5);
  });

  it("a written total is rounded to the penny once: 3 lines at £0.005 are £0.015 → £0.02", async () => {
    const { row } = await analyze(oneUnitOrders("A3", 3, 0.005));
    expect(row("A3").revenueLast12).toBe(0.02);
  });

  it("a sub-penny purchase credited in full nets to exactly £0.00", async () => {
    const rows: Row[] = [
      ["S1", "2026-06-01", "A4", "W-8", "Washers", 7, 0.125, "GBP"],
      ["C1", "2026-06-10", "A4", "W-8", "Washers", -7, 0.125, "GBP"],
      ["S2", "2026-06-11", "A4", "B-1", "Bolts", 1, 10, "GBP"],
    ];
    const { row } = await analyze(rows);
    // 7 × 0.125 − 7 × 0.125 + 10 = 10.00; Washers net 0 → not bought
    expect(row("A4").revenueLast12).toBe(10);
    expect(row("A4").categoriesLast12).toEqual(["Bolts"]);
  });

  it("yen totals stay whole yen: 3 lines at ¥0.5 are ¥1.5 → ¥2", async () => {
    const { row } = await analyze(oneUnitOrders("J1", 3, 0.5, "JPY"));
    expect(row("J1").revenueLast12).toBe(2);
  });

  it("property: n one-unit orders at a price of k tenths of a penny total round(n·k/10) pence", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 999 }),
        async (n, k) => {
          const price = k / 1000; // £0.001 … £0.999
          const { row } = await analyze(oneUnitOrders("P", n, price));
          // exact total n·k thousandths of a pound; half a penny rounds up (away from zero)
          const pence = Math.floor((n * k + 5) / 10);
          expect(row("P").revenueLast12).toBe(pence / 100);
        }
      ),
      { numRuns: 40 }
    );
  });
});
