/**
 * KAP.DISCOUNT over an order value that is a sum of order lines (=SUM(D2:D21)): lines of whole
 * pennies adding to exactly £2,500.00 are held by Excel, as by any IEEE double sum, as
 * 2,499.9999999999995, which the cell shows as 2,500.00 — one such sum in five, over random
 * orders summing to a tier's minimum. The value is read as the cell shows it (Excel's 15
 * significant digits), so the order gets its tier: 10%, where it was 8% (the £1,000–2,499 tier).
 */
import { discount } from "../../src/functions/functions";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

// 20 order lines whose pennies add to 250,000: £2,500.00
const LINES = [
  147.67, 23.12, 44.13, 246.74, 52.87, 156.86, 190.7, 135.85, 87.44, 69.63, 144.8, 89.18, 53.31,
  22.67, 232.3, 241.7, 27.12, 113.22, 276.98, 143.71,
];

describe("an order value summed from its lines", () => {
  it("£2,500.00 summed in floating point (2,499.9999999999995) is in the £2,500+ tier: 10%", () => {
    const sum = LINES.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThan(2500); // as Excel's SUM holds it
    expect(LINES.reduce((a, b) => a + Math.round(b * 100), 0)).toBe(250_000);
    expect(both(discount, cell(sum))).toEqual([[0.1]]);
  });

  it("a value really below a tier keeps the tier below: £2,499.99 → 8%, £499.995 → 3%", () => {
    expect(both(discount, col(2499.99, 499.995))).toEqual([[0.08], [0.03]]);
  });

  it("custom tiers alike: £1,000.00 summed from 4 lines as 999.9999999999999 reaches a £1,000 tier (7%, was 1%)", () => {
    // 369.95 + 407.64 + 188.31 + 34.10 = 1,000.00 (pennies 100,000), summed as 999.9999999999999
    const sum = [369.95, 407.64, 188.31, 34.1].reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThan(1000);
    expect(
      both(discount, cell(sum), [
        [0, 0.01],
        [1000, 0.07],
      ])
    ).toEqual([[0.07]]);
  });
});
