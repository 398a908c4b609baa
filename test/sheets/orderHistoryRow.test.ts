/**
 * The Health Report's order history rows check by hand: order value + returns = revenue, and
 * the average order value = order value ÷ orders (the orders before returns), all on the row.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { completeSettings } from "../../src/engine/settings";
import { ymdToSerial } from "../../src/domain/dates";

const HEAD = ["Date", "Invoice", "Customer", "SKU", "Product", "Category", "Quantity", "Amount"];
// Acme Ltd, as the tester's orders.csv: four orders and one credit note in the 12 months to 30/09/2026
const ACME: unknown[][] = [
  [ymdToSerial(2026, 1, 3), "INV001", "Acme Ltd", "CT-1", "Cable Ties", "Cable Ties", 10, 100],
  [ymdToSerial(2026, 2, 15), "INV002", "Acme Ltd", "CL-1", "Cable Clips", "Cable Clips", 5, 50],
  [ymdToSerial(2026, 3, 20), "INV003", "Acme Ltd", "CT-1", "Cable Ties", "Cable Ties", 10, 100],
  [ymdToSerial(2026, 3, 25), "CN004", "Acme Ltd", "CT-1", "Cable Ties", "Cable Ties", -2, -20],
  [ymdToSerial(2026, 9, 10), "INV011", "Acme Ltd", "FX-1", "Wall Plugs", "Fixings", 20, 40],
  [ymdToSerial(2026, 9, 25), "INV012", "Acme Ltd", "CT-1", "Cable Ties", "Cable Ties", 10, 100],
];

test("Acme Ltd, last 12 months: 5 orders, order value £390, returns −£20, revenue £370, average order £78", async () => {
  const engine = new KapEngine();
  const settings = completeSettings({ asOf: "2026-09-30" });
  await loadGrids(engine, [{ name: "Orders", values: [HEAD, ...ACME] as never }], settings);
  engine.analyze(settings);
  const [spec] = engine.sheets("healthReport", { accountKey: "Acme Ltd", live: false });
  const table = spec.blocks.find((b) => b.rows[0]?.[0] === "Period")!;
  const head = table.rows[0];
  const row = (label: string) => {
    const r = table.rows.find((x) => x[0] === label)!;
    return {
      orders: r[head.indexOf("Orders")],
      orderValue: r[head.indexOf("Order value")],
      returns: r[head.indexOf("Returns")],
      revenue: r[head.indexOf("Revenue")],
      average: r[head.indexOf("Avg order value (order value ÷ orders)")],
    };
  };
  // orders 100 + 50 + 100 + 40 + 100 = 390 (5 orders); credit note −20; revenue 390 − 20 = 370;
  // average 390 ÷ 5 = 78 (the orders before returns; 370 ÷ 5 = 74 would mix in the credit note)
  expect(row("Last 12 months")).toEqual({
    orders: 5,
    orderValue: 390,
    returns: -20,
    revenue: 370,
    average: 78,
  });
  // September: 40 + 100 = 140 over 2 orders, no returns → average 70
  expect(row("This month")).toEqual({
    orders: 2,
    orderValue: 140,
    returns: 0,
    revenue: 140,
    average: 70,
  });
  // August: nothing → no average (n/a, not 0)
  expect(row("Last month")).toEqual({
    orders: 0,
    orderValue: 0,
    returns: 0,
    revenue: 0,
    average: "n/a",
  });
  const note = spec.blocks
    .flatMap((b) => b.rows.flat())
    .find((v) => typeof v === "string" && v.startsWith("Revenue = order value + returns"));
  expect(note).toContain(
    "the average order value is over the orders before returns (order value ÷ orders)"
  );
});
