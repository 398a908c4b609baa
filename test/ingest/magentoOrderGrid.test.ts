/**
 * Magento's admin Sales › Orders grid, "Export CSV": one row per order, no products. A tester
 * found it read at its Grand Total (with shipping and tax), its closed (fully refunded) orders
 * counted and its Total Refunded ignored: Ivan Petrov 3,240 where he bought 2,000. Figures worked
 * out by hand from the fixtures (copies of the tester's files).
 */
import { join } from "node:path";
import { netOfOrderRefund } from "../../src/ingest/orderRefunds";
import { analyzeFile, csvFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");
const VOID = "cancelled, voided, refunded or draft order";

const fileOf = (lines: string[]): string => csvFile(lines, "orders.csv");

test("the tester's minimal grid: the closed order skipped, the complete one at its Subtotal", async () => {
  const { report, revenue, orders } = await analyzeFile(join(DIR, "magento-orders-grid-min.csv"));
  // #101 closed (refunded in full): skipped. #102 complete: Subtotal 2,000 (not its Grand Total
  // 2,160, which holds 160 shipping). Before: 1,080 + 2,160 = 3,240.
  expect(revenue).toEqual({ "Ivan Petrov": 2000 });
  expect(orders).toEqual({ "Ivan Petrov": 1 });
  expect(report.read?.layout).toBe("Magento order grid");
  expect(report.skipped.find((s) => s.rule === VOID)?.rows).toBe(1);
});

test("the full grid: Subtotals, less a partial refund, closed and canceled orders skipped", async () => {
  const { report, revenue, orders, p } = await analyzeFile(join(DIR, "magento-orders-grid.csv"));
  // Grace Hill: #101 complete 500.00; #104 canceled, skipped; #105 complete 300.00 less 54.00
  // refunded = 246.00 → 500 + 246 = 746. Ivan Petrov: #102 closed, skipped; #103 processing 2,000.
  expect(revenue).toEqual({ "Grace Hill": 746, "Ivan Petrov": 2000 });
  expect(orders).toEqual({ "Grace Hill": 2, "Ivan Petrov": 1 });
  // 746 + 2,000 = 2,746
  expect(report.revenue).toBeCloseTo(2746, 2);
  expect(report.hasProducts).toBe(false);
  expect(report.skipped.find((s) => s.rule === VOID)?.rows).toBe(2);
  const said = report.warnings.join(" ");
  // "no products" said once, by the analysis (its note says what needs them), not again by the layout
  expect(said).toContain("each order's products are in Magento's order-items export");
  const all = [...report.warnings, ...p.warnings].join("\n");
  expect(all.match(/no product or SKU column/g)).toHaveLength(1);
  expect(all).not.toContain("have none to show");
  expect(said).toContain("the whole refund is taken off the goods");
  expect(said).toContain("000000105: 300.00 less 54.00 refunded");
});

test("a discount column comes off the Subtotal; a refund past the goods skips the order", async () => {
  const file = fileOf([
    "ID,Purchase Date,Bill-to Name,Grand Total (Base),Status,Subtotal,Discount Amount,Shipping and Handling,Total Refunded",
    '000000201,"Oct 3, 2026 9:15:02 AM",Acme,$190.00,complete,$200.00,-$20.00,$10.00,',
    '000000202,"Oct 5, 2026 9:15:02 AM",Acme,$100.00,complete,$100.00,,$10.00,$30.00',
    '000000203,"Oct 7, 2026 9:15:02 AM",Bolt,$60.00,complete,$50.00,,$10.00,$60.00',
    '000000204,"Oct 9, 2026 9:15:02 AM",Bolt,$80.00,processing,$70.00,,$10.00,',
  ]);
  const { report, revenue } = await analyzeFile(file);
  // Acme: #201 200 − 20 discount = 180; #202 100 − 30 refunded = 70 → 250.
  // Bolt: #203 refund 60 is past its goods (50): nothing sold, skipped; #204 70.
  expect(revenue).toEqual({ Acme: 250, Bolt: 70 });
  expect(report.skipped.find((s) => s.rule === VOID)?.rows).toBe(1);
  expect(report.warnings.join(" ")).toContain("1 order's refund is more than its goods");
});

test("the refund rule, line by line", () => {
  const money = (c: unknown) => (typeof c === "number" ? c : undefined);
  const cols = { discount: 0, refunded: 1 };
  // 300 goods, 54 refunded: 246, all 54 taken off
  expect(netOfOrderRefund([null, 54], cols, 300, money)).toEqual({
    revenue: 246,
    refunded: 54,
    beyond: 0,
  });
  // 200 − 20 discount = 180 goods; 190 refunded: 180 taken off, 10 past the goods
  expect(netOfOrderRefund([-20, 190], cols, 200, money)).toEqual({
    revenue: 0,
    refunded: 180,
    beyond: 10,
  });
  expect(netOfOrderRefund(["n/a", 0], cols, 200, () => undefined)).toBeUndefined();
});
