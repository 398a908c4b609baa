/** kap initiatives says why an initiative is not tracked, as the JSON's note does: never a bare "Not tracked". */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

jest.setTimeout(60_000);

async function printed(args: string[]): Promise<string> {
  const written: string[] = [];
  const spy = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  try {
    expect(await run([...args, "--quiet"])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return written.join("");
}

test("an unknown account and a mistyped category are named beside 'Not tracked'", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-ini-"));
  const file = join(dir, "book.xlsx");
  const wb = new ExcelJS.Workbook();
  const o = wb.addWorksheet("Orders");
  o.addRows([
    ["Order Date", "Invoice No", "Customer ID", "SKU", "Category", "Qty", "Line Total"],
    [new Date(Date.UTC(2026, 8, 1)), "I1", "N003", "LT-1", "Lighting", 1, 100],
    [new Date(Date.UTC(2026, 9, 1)), "I2", "N003", "LT-1", "Lighting", 1, 100],
  ]);
  const i = wb.addWorksheet("Initiatives");
  i.addRows([
    ["Account", "Initiative", "Categories", "Target", "Start Date", "End Date"],
    ["Z999", "Ghost account", "Lighting", 1000, "2026-05-01", "2027-04-30"],
    ["N003", "Typo category", "Lightning", 1000, "2026-05-01", "2027-04-30"],
  ]);
  await wb.xlsx.writeFile(file);
  const lines = (await printed(["initiatives", file, "--as-of", "2026-10-31"])).split("\n");
  expect(lines.find((l) => l.startsWith("Z999"))).toMatch(
    /Not tracked: Account "Z999" is not in the order lines\.$/
  );
  expect(lines.find((l) => l.startsWith("N003"))).toMatch(
    /Not tracked: Not in the order lines: category "Lightning"\.$/
  );
});
