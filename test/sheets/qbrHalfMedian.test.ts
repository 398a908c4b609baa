/**
 * The QBR's comparison with similar accounts showed "23.5" in its Orders row (Harbour Building
 * Services, C0003, beside 48 General Builders): a count of orders is whole, so it read as half an
 * order. The figure is right — the median of an even number of accounts' 12-month order counts,
 * half-way between the middle two — and is now said so under the table.
 *
 * By hand, 12 months to 30/09/2026: A (reviewed) orders in July; its peers B once (01/08/2026) and
 * C twice (01/07, 01/09/2026): 2 similar accounts, median orders (1 + 2) / 2 = 1.5; each buys one
 * category, median 1 (whole: not named).
 */
import ExcelJS from "exceljs";
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint, paperFor } from "../../src/sheets/print";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const opts = layoutOptions({ asOf, currency: "GBP" });

async function insights(lines: ReturnType<typeof line>[]): Promise<ExcelJS.Worksheet> {
  const model = buildPortfolio(bookOf(lines), { asOf });
  const spec = finishForPrint(
    qbrSheets(qbrData(model, "A", { year: 2026, q: 3 }), opts).find(
      (s) => s.kind === "qbr-insights"
    )!,
    { paper: paperFor(), asOfText: "As of 31/10/2026" }
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

test("1.5 orders: said to be the median of 2 accounts, half-way between the middle two", async () => {
  const ws = await insights([
    // A a customer since before the 12 months (a new one's comparison carries its own note)
    line("A", d(2025, 1, 10), "P", 100),
    line("A", d(2026, 7, 10), "P", 100),
    line("B", d(2026, 8, 1), "P", 100),
    line("C", d(2026, 7, 1), "P", 100),
    line("C", d(2026, 9, 1), "P", 100),
  ]);
  expect(String(ws.getCell("A14").value)).toMatch(/^Orders, 12 months to 30\/09\/2026/);
  expect(ws.getCell("C14").value).toBe(1.5);
  expect(ws.getCell("A16").value).toBe(
    "1.5 orders is the median of 2 similar accounts: with an even number of accounts, a median lies half-way between the two middle accounts' whole counts."
  );
});

test("whole medians: no note", async () => {
  // B and C once each: median 1 order
  const ws = await insights([
    // A a customer since before the 12 months (a new one's comparison carries its own note)
    line("A", d(2025, 1, 10), "P", 100),
    line("A", d(2026, 7, 10), "P", 100),
    line("B", d(2026, 8, 1), "P", 100),
    line("C", d(2026, 7, 1), "P", 100),
  ]);
  expect(ws.getCell("C14").value).toBe(1);
  expect(ws.getCell("A16").value ?? null).toBeNull();
});
