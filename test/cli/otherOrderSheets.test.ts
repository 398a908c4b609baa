/**
 * A workbook with its order lines split by year over two sheets: kap reads one order table, as the
 * task pane does, and now says so, as the pane does, rather than dropping a year without a word.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-years-"));

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

test("order lines on a second sheet are named as not read", async () => {
  const wb = new ExcelJS.Workbook();
  const header = ["Customer ID", "Invoice Date", "Invoice No", "SKU", "Qty", "Line Total"];
  const y25 = wb.addWorksheet("2025");
  y25.addRow(header);
  y25.addRow(["A1", new Date(Date.UTC(2025, 9, 5)), "I1", "P1", 1, 100]);
  y25.addRow(["B1", new Date(Date.UTC(2025, 10, 5)), "I2", "P1", 1, 50]);
  const y26 = wb.addWorksheet("2026");
  y26.addRow(header);
  y26.addRow(["A1", new Date(Date.UTC(2026, 9, 5)), "I3", "P1", 1, 120]);
  y26.addRow(["B1", new Date(Date.UTC(2026, 8, 5)), "I4", "P1", 1, 60]);
  y26.addRow(["C1", new Date(Date.UTC(2026, 8, 6)), "I5", "P1", 1, 10]);
  const file = join(dir, "two-years.xlsx");
  await wb.xlsx.writeFile(file);
  const r = spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-10-31", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    '! Order lines were also found on "2025" (2 rows), and were not read: KAP reads one order table, "2026". To analyse them together, put all the order lines in one sheet or table.'
  );
  // with --sheet the user chose: no warning
  const s = spawnSync(
    process.execPath,
    [KAP, "analyze", file, "--as-of", "2026-10-31", "--sheet", "2026", "-q"],
    { encoding: "utf8" }
  );
  expect(s.stdout).not.toContain("also found");
});
