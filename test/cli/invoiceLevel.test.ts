/** `kap sheets` on an invoice-level export (no product or SKU column): the sheets that need no product are written, the others named with the column they need. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const FILE = resolve(__dirname, "../fixtures/exports/invoice-level-totals.csv");

beforeAll(() => {
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
});

test("kap sheets writes health, dashboard, alerts, health report, plan, relationships and 5P; says why the rest are not written", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "kap-inv-")), "acme.xlsx");
  const r = spawnSync(
    process.execPath,
    [KAP, "sheets", FILE, "--account", "Acme Ltd", "--out", out, "-q"],
    { encoding: "utf8" }
  );
  expect(r.status).toBe(0);
  expect(r.stdout.split("\n").filter(Boolean)).toEqual([
    `Wrote 7 sheets to ${out}`,
    "Not written: Whitespace map needs a product or SKU column: the order lines have none (an invoice-level export).",
    "Not written: Purchase breakdown needs a product or SKU column: the order lines have none (an invoice-level export).",
    "Not written: Cross-sell needs a product or SKU column: the order lines have none (an invoice-level export).",
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "KAP Account Health",
    "KAP Dashboard",
    "KAP Alerts",
    "KAP Health Report – Acme Ltd",
    "KAP Plan – Acme Ltd",
    "KAP Relationships – Acme Ltd",
    "KAP 5P – Acme Ltd",
  ]);
  // no products, so no categories: the plan does not promise "0 → 1"
  const plan = wb.getWorksheet("KAP Plan – Acme Ltd")!;
  const row = plan
    .getSheetValues()
    .find((r) => Array.isArray(r) && r[1] === "Categories: now → target") as unknown[];
  expect(row[2]).toBe("n/a (the order lines have no product or category column)");
});

test("kap analyze says the file has no product column and scores it", () => {
  const r = spawnSync(process.execPath, [KAP, "analyze", FILE], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/no product or SKU column \(an invoice-level export\)/);
  // Acme: 4.00 Healthy, £3,600 in the 12 months (1200 + 1800 + 600)
  expect(r.stdout).toMatch(/Acme Ltd +Acme Ltd +4\.00 Healthy .* £3,600 /);
});

/**
 * Runs `kap <command> <file> --account <account> --out …` (exit 0 expected) and returns a
 * look-up of the written sheet's rows by the text their first cell starts with.
 */
async function sheetRows(command: "qbr" | "sheets", file: string, account: string, sheet: string) {
  const out = join(mkdtempSync(join(tmpdir(), "kap-inv-out-")), "out.xlsx");
  const r = spawnSync(
    process.execPath,
    [KAP, command, file, "--account", account, "--out", out, "-q"],
    {
      encoding: "utf8",
    }
  );
  expect(r.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows = wb.getWorksheet(sheet)!.getSheetValues().filter(Array.isArray) as unknown[][];
  return (label: string) => rows.find((x) => String(x[1]).startsWith(label));
}
const CATS = resolve(__dirname, "../fixtures/exports/invoice-level-categories.csv");

test("kap qbr on an invoice-level export: products n/a, and the quarter's spend is its net revenue, not categories adding up to 0", async () => {
  const found = await sheetRows("qbr", FILE, "Acme Ltd", "Quarter at a glance");
  const row = (label: string) => found(label)!;
  // FY2026 Q2 (Apr–Jun 2026): Acme's one invoice, £600 on 20/06/2026; FY2026 Q1: £1,800
  expect(row("This quarter").slice(2, 8)).toEqual([1, 600, 0, 0, 600, "n/a"]);
  expect(row("Previous quarter")[6]).toBe(1800);
  expect(row("No product column in the data")).toBeTruthy();
  expect(row("All lines (no product or category column)").slice(2, 4)).toEqual([600, 1]);
  expect(row("Total (spend after returns)")[2]).toBe(600);
});

test("kap qbr on an invoice-level export with a category column: spend by category is by category", async () => {
  const row = await sheetRows("qbr", CATS, "Cedar", "Quarter at a glance");
  // FY2026 Q3 (Jul–Sep 2026): Cedar's one invoice, Tools £60 on 15/09/2026
  expect(row("Tools")?.slice(2, 4)).toEqual([60, 1]);
  expect(row("All lines")).toBeUndefined();
  // the category standing in for the product is not listed as a product
  expect(row("No product column in the data")).toBeTruthy();
  expect(row("Total (spend after returns)")?.[2]).toBe(60);
});

test("kap sheets on an invoice-level export with a category column: the plan counts categories (Cedar buys Tools only: 1 now), no longer n/a", async () => {
  const row = await sheetRows("sheets", CATS, "Cedar", "KAP Plan – Cedar");
  expect(row("Categories: now → target")?.[2]).toMatch(/^1 → \d+$/);
  expect(row("• Buys 1 category: Tools.")).toBeTruthy();
});

test("kap qbr, categories but no product: the split adds up to the quarter's net revenue (uncategorised lines, service lines and credit notes included)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-inv-split-"));
  const csv = join(dir, "kite.csv");
  writeFileSync(
    csv,
    [
      "Invoice,Date,Customer,Category,Amount",
      "K1,2026-07-10,Kite,Tools,100.00",
      "K1,2026-07-10,Kite,,50.00",
      "K2,2026-08-12,Kite,Fixings,30.00",
      "K2,2026-08-12,Kite,Carriage,10.00",
      "C-9,2026-09-01,Kite,Tools,-20.00",
      "K3,2026-10-15,Kite,Tools,5.00",
    ].join("\n") + "\n"
  );
  const row = await sheetRows("qbr", csv, "Kite", "Quarter at a glance");
  // FY2026 Q3: Tools 100 − 20 = 80, the blank category 50 (Uncategorised), Fixings 30, Carriage 10 (a
  // service line, never a category): 170 = the quarter's net revenue 100 + 50 + 30 + 10 − 20
  expect(row("This quarter")?.[6]).toBe(170);
  expect(row("Tools")?.slice(2, 3)).toEqual([80]);
  expect(row("Uncategorised")?.slice(2, 3)).toEqual([50]);
  expect(row("Fixings")?.slice(2, 3)).toEqual([30]);
  expect(row("Service and adjustment lines")?.slice(2, 3)).toEqual([10]);
  expect(row("Total (spend after returns)")?.[2]).toBe(170);
  expect(Number(row("Tools")?.[3])).toBeCloseTo(80 / 170, 10);
});
