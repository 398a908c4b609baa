/**
 * Money cells show the currency's minor unit when the data has amounts below the whole unit.
 * A CSV has no number format to copy, and its money was written in whole pounds: Hotel Ltd's
 * "Spend by category" read Gizmos £301 + Gadgets £201 + Widgets £101 with a total of £602, rows
 * that do not add up to their total (the tester's cents.csv).
 *
 * Hotel Ltd, FY2026 Q3: 300.50 + 200.50 + 100.50 = 601.50 (India Ltd's 10.00 is another account).
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";
import { formatAt, moneyFormat, type SheetSpec } from "../../src/sheets/spec";

const HEADER = ["Date", "Invoice", "Customer", "SKU", "Product", "Category", "Quantity", "Amount"];
const CENTS: string[][] = [
  ["2026-07-05", "I1", "Hotel Ltd", "A", "Alpha widget", "Widgets", "1", "100.50"],
  ["2026-08-05", "I2", "Hotel Ltd", "B", "Beta gadget", "Gadgets", "1", "200.50"],
  ["2026-09-05", "I3", "Hotel Ltd", "C", "Gamma gizmo", "Gizmos", "1", "300.50"],
  ["2026-09-30", "I4", "India Ltd", "A", "Alpha widget", "Widgets", "1", "10.00"],
];

async function engineOf(rows: string[][], header = HEADER): Promise<KapEngine> {
  const grid: Grid = { name: "Orders", values: [header, ...rows] };
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  e.analyze({ ...defaultSettings(), asOf: "2026-09-30" });
  return e;
}

/** The "Spend by category" table's body rows: [category, revenue, its cell's format]. */
function categoryTable(e: KapEngine, account: string): [unknown, unknown, string | undefined][] {
  const page = e
    .sheets("qbr", { accountKey: account, quarter: "2026Q3", live: false })
    .find((s: SheetSpec) => s.kind === "qbr-quarter")!;
  const at = page.blocks.findIndex((b) => b.rows[0]?.[0] === "Spend by category, FY2026 Q3");
  const table = page.blocks[at + 1];
  return table.rows.slice(1).map((r, i) => [r[0], r[1], formatAt(table, i + 1, 1)]);
}

/** Every money format (a symbol before the digits) on the sheets of `action`. */
function moneyFormats(e: KapEngine, action: "plan" | "healthReport" | "alerts"): Set<string> {
  const out = new Set<string>();
  const sheets = e.sheets(action, { accountKey: "Hotel Ltd", live: false });
  for (const s of sheets)
    for (const b of s.blocks)
      for (const f of [...(b.formats ?? []), ...(b.cellFormats ?? []).flat()])
        if (f?.includes("£")) out.add(f);
  return out;
}

test("cents.csv: Hotel Ltd's categories 300.50 + 200.50 + 100.50 = 601.50, each cell in pence", async () => {
  const e = await engineOf(CENTS);
  const rows = categoryTable(e, "Hotel Ltd");
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ["Gizmos", 300.5],
    ["Gadgets", 200.5],
    ["Widgets", 100.5],
    ["Total (spend after returns)", 601.5],
  ]);
  for (const r of rows) expect(r[2]).toBe("£#,##0.00;-£#,##0.00");
});

test("cents.csv: the plan, health report and alerts sheets show pence too", async () => {
  const e = await engineOf(CENTS);
  for (const action of ["plan", "healthReport", "alerts"] as const)
    expect([...moneyFormats(e, action)]).toEqual(["£#,##0.00;-£#,##0.00"]);
});

test("whole-pound data keeps whole pounds (300 + 200 + 100 = 600)", async () => {
  const e = await engineOf(CENTS.map((r) => [...r.slice(0, 7), r[7].replace(".50", ".00")]));
  const rows = categoryTable(e, "Hotel Ltd");
  expect(rows.map((r) => [r[1], r[2]])).toEqual([
    [300, "£#,##0;-£#,##0"],
    [200, "£#,##0;-£#,##0"],
    [100, "£#,##0;-£#,##0"],
    [600, "£#,##0;-£#,##0"],
  ]);
});

test("yen has no minor unit: ¥1,000.50 lines are written in whole yen", async () => {
  const header = [...HEADER, "Currency"];
  const e = await engineOf(
    CENTS.map((r) => [...r.slice(0, 7), r[7].replace("00.", "000."), "JPY"]),
    header
  );
  for (const r of categoryTable(e, "Hotel Ltd")) expect(r[2]).not.toMatch(/\./);
});

test("a source column's whole format is given the decimals; one with decimals, codes and brackets are kept", () => {
  expect(moneyFormat("£#,##0", 2)).toBe("£#,##0.00");
  expect(moneyFormat('"SEK "#,##0;-"SEK "#,##0', 2)).toBe('"SEK "#,##0.00;-"SEK "#,##0.00');
  expect(moneyFormat("[$€-1000] #,##0", 2)).toBe("[$€-1000] #,##0.00");
  expect(moneyFormat("#,##0.00 €", 2)).toBe("#,##0.00 €");
  expect(moneyFormat("£#,##0", 0)).toBe("£#,##0");
  expect(moneyFormat("KWD", 3)).toBe('"KWD "#,##0.000;-"KWD "#,##0.000');
});
