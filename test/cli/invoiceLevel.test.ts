/** `kap sheets` on an invoice-level export (no product or SKU column): the sheets that need no product are written, the others named with the column they need. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
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
  expect(row[2]).toBe("n/a (the order lines have no product column)");
});

test("kap analyze says the file has no product column and scores it", () => {
  const r = spawnSync(process.execPath, [KAP, "analyze", FILE], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/no product or SKU column \(an invoice-level export\)/);
  // Acme: 4.00 Healthy, £3,600 in the 12 months (1200 + 1800 + 600)
  expect(r.stdout).toMatch(/Acme Ltd +Acme Ltd +4\.00 Healthy .* £3,600 /);
});
