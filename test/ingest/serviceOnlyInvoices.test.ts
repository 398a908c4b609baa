/**
 * An invoice whose only lines are service lines (carriage, delivery, postage, fees … —
 * src/domain/serviceLines) is no purchase order (RULES.md §2): its revenue counts, in the
 * account's revenue and in the service lines listed, but not in order counts, the last order
 * date or the average order value. A customer charged for a re-delivery has not ordered again.
 * Figures worked out by hand from the fixture, as of 31/10/2026.
 */
import { join } from "node:path";
import { serialToIso } from "../../src/domain/dates";
import { analyzeFile } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/exports/carriage-only-invoices.csv");

test("a carriage-only invoice is revenue, not an order", async () => {
  const { p, revenue, orders, days } = await analyzeFile(FILE);
  expect(revenue).toEqual({
    // SI-2001 45.00 + 7.50 carriage, SI-2010 90.00, SI-2020 40.00, SI-2031 12.00 carriage alone
    BRI001: 194.5,
    // SI-2024 8.50 next day delivery alone
    HAR002: 8.5,
  });
  // SI-2001, SI-2010, SI-2020 (not SI-2031); Harbour has placed no order
  expect(orders).toEqual({ BRI001: 3, HAR002: 0 });
  // last order SI-2020 on 15/10: 16 days (not SI-2031's 28/10, 3 days)
  expect(days.BRI001).toBe(16);
  const bri = p.accounts.find((a) => a.accountId === "BRI001")!;
  expect(serialToIso(bri.health.inputs.lastOrderDate!)).toBe("2026-10-15");
  // (31/07, 31/10]: SI-2001, SI-2010, SI-2020
  expect(bri.health.inputs.ordersLastQuarter).toBe(3);
  // the orders' value: (52.50 + 90.00 + 40.00) / 3 = 60.83 (not 194.50 / 4 = 48.63)
  expect(bri.averageOrderValueLast12).toBe(60.83);
  // the last order is SI-2020's £40.00, 66% of the average: not the £12.00 carriage (20%)
  expect(bri.alerts.find((a) => a.kind === "lastOrderVeryLow")).toBeUndefined();
  expect(bri.alerts.find((a) => a.kind === "lastOrderLow")?.values).toMatchObject({
    lastOrderValue: 40,
  });
  const har = p.accounts.find((a) => a.accountId === "HAR002")!;
  expect(har.health.inputs.lastOrderDate).toBeNull();
  expect(har.health.inputs.revenueLast12).toBe(8.5);
  // the service lines are listed with their revenue: 7.50 + 12.00 carriage, 8.50 delivery
  expect(p.serviceLines.map((l) => [l.sku, l.lines, l.revenue[""]])).toEqual([
    ["CARR", 2, 19.5],
    ["DEL", 1, 8.5],
  ]);
  expect(p.warnings.join(" ")).toMatch(
    /2 invoices have service lines only \(carriage, postage, fees …\): their revenue counts, but they are not counted as orders/
  );
});
