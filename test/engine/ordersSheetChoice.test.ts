/**
 * Order lines under headers KAP does not know ("Inv. Dt", "Acct Ref", "Nett (ex VAT)"…): the pane
 * finds no order table. The user names the sheet that holds them (settings.ordersSheet), KAP
 * shows that sheet's columns with what is missing, the user picks the date column, and the
 * analysis runs — no dead end, nothing renamed in the workbook. An empty workbook is told so.
 *
 * Data (Orders, header on row 3 under a title): A1 2 × 3.50 on 5 Sep and 1 × 10.00 on 31 Oct
 * 2026; B1 4 × 2.50 on 10 Oct 2026. Revenue from quantity × unit price: A1 7.00 + 10.00 = 17.00,
 * B1 10.00.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings, type KapSettings } from "../../src/engine/settings";
import { ymdToSerial } from "../../src/domain/dates";

const HEADERS = [
  "Inv. Dt",
  "Doc #",
  "Acct Ref",
  "Trading Name",
  "Stock Ref",
  "Units",
  "Price Each",
];

function workbook(): ExcelDouble {
  const x = new ExcelDouble(["Orders", "Notes"]);
  x.model.fill(x.sheet("Orders"), "A1", [["Sales ledger export — all branches"], [""]]);
  x.model.fill(x.sheet("Orders"), "A3", [
    HEADERS,
    [ymdToSerial(2026, 9, 5), "I1", "A1", "Acme Ltd", "S1", 2, 3.5],
    [ymdToSerial(2026, 10, 31), "I2", "A1", "Acme Ltd", "S2", 1, 10],
    [ymdToSerial(2026, 10, 10), "I3", "B1", "Bolt & Co", "S1", 4, 2.5],
  ]);
  x.model.fill(x.sheet("Notes"), "A1", [["Note"], ["call Acme"]]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

const noop = () => undefined;
const signal = () => new AbortController().signal;

test("no order table found: the sheets with data are offered to choose from", async () => {
  workbook();
  const d = await createExcelHost().discover(defaultSettings());
  expect(d.tables.find((t) => t.role === "orders")).toBeUndefined();
  expect(d.dataSheets).toEqual(["Orders", "Notes"]);
  expect(d.problems[0]).toMatch(/^No order lines were found\./);
  expect(d.problems[0]).toContain('choose the sheet that holds them under "Order lines are on"');
});

test("the sheet named as the order lines shows its columns and what is missing; the date chosen, it analyses", async () => {
  const x = workbook();
  const host = createExcelHost();
  const named: KapSettings = { ...defaultSettings(), ordersSheet: "Orders" };
  const d = await host.discover(named);
  const orders = d.tables.find((t) => t.role === "orders")!;
  expect(orders.sheet).toBe("Orders");
  expect(orders.headers).toEqual(HEADERS);
  expect(orders.fields.find((f) => f.field === "date")).toMatchObject({
    required: true,
    header: undefined,
  });
  expect(d.problems).toEqual([
    'The order lines on "Orders" have no column for "order date". Choose it under Columns.',
  ]);

  const mapped: KapSettings = { ...named, mapping: { orders: { date: "Inv. Dt" } } };
  const d2 = await host.discover(mapped);
  expect(d2.problems).toEqual([]);
  const list = await host.analyze(mapped, noop, signal());
  const revenue = Object.fromEntries(list.map((a) => [a.id, a.revenue12m]));
  expect(revenue).toEqual({ A1: 17, B1: 10 });
  await host.run("scoreAll", {}, mapped, noop, signal());
  expect(x.model.sheetByName("KAP Account Health")).toBeDefined();
});

test("an empty workbook is told it has no data yet, not to map columns", async () => {
  const x = new ExcelDouble(["Sheet1"]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const d = await createExcelHost().discover(defaultSettings());
  expect(d.dataSheets).toEqual([]);
  expect(d.problems).toEqual([
    'This workbook has no data yet. Paste or import your order lines (one row per line of an order or invoice, with an account, an order date and a line value, e.g. "Customer ID", "Order Date", "SKU", "Qty", "Revenue"), then choose "Read the data again".',
  ]);
});

test("an action pressed in an empty workbook says the one thing to do, not also to map columns", async () => {
  const x = new ExcelDouble(["Sheet1"]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  await host.discover(defaultSettings());
  const e = await host.run("scoreAll", {}, defaultSettings(), noop, signal()).catch((err) => err);
  expect(e.message).toMatch(/^This workbook has no data yet\./);
  expect(e.action).toBeUndefined();
});
