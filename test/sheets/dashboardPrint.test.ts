/**
 * The dashboard as printed, read back from the written .xlsx.
 *
 * Before: with no account to list under silent churn, the reason ("P(alive) cannot show lost
 * accounts here: …", 185 characters) sat in the empty KAP_Dashboard_SilentChurn table's Account
 * cell (30 wide) and wrapped there to six lines, a 90 pt row; and "Growth Potential" wrapped to
 * two lines in column A (12 wide) of the quadrant table.
 * Now the reason is a note under the heading, outside any table, across the page; column A is 16.
 *
 * By hand: Calibri 11's advance widths (1/2048 em) for "Growth Potential" add up to about 14.8
 * characters of Excel's 7-pixel "0", so it fits one line in 16. The reason is about 158
 * characters of Calibri 11 (italic measured as regular); this two-account portfolio's printed
 * columns A–H add up to about 127 (16 + 18.5 + 11.5 + 8.43 + 46.75 + 7.5 + 10 + 8 as written):
 * two lines across them, a row of 2 × 15 = 30 pt (in the demo, 157 wide: two lines too).
 */
import ExcelJS from "exceljs";
import { analyzePortfolio } from "../../src/domain/analysis";
import type { PortfolioAnalysis } from "../../src/domain/analysis";
import { dashboardSheet } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const base = analyzePortfolio(
  bookOf([line("A", d(2026, 9, 1), "s", 100), line("B", d(2026, 10, 1), "s", 200)]),
  { asOf }
);
// the sample workbook's fit: almost no dropping out, so P(alive) cannot show lost accounts
const p: PortfolioAnalysis = {
  ...base,
  lifetimeModels: base.lifetimeModels.map((m) => ({
    ...m,
    bgnbd: { r: 1.975, alpha: 2.984, a: 7154.54, b: 67370350, logLikelihood: -1, converged: true },
  })),
};

async function written(): Promise<ExcelJS.Worksheet> {
  const spec = finishForPrint(dashboardSheet(p, layoutOptions({ asOf, currency: "GBP" })), {
    paper: "A4",
    asOfText: "As of 31/10/2026",
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}

function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && String(row.getCell(1).value ?? "").startsWith(text)) found = r;
  });
  return found;
}

test("silent churn with no account to list: the reason is one note row of at most 30 pt, in no table", async () => {
  const ws = await written();
  const r = rowOf(ws, "P(alive) cannot show lost accounts here");
  expect(r).toBeGreaterThan(0);
  // just under its heading
  expect(String(ws.getCell(`A${r - 1}`).value)).toMatch(/^Silent churn:/);
  expect(ws.getRow(r).height).toBeLessThanOrEqual(30);
  // across the printed columns A–I, wrapped there
  expect(ws.model.merges).toContain(`A${r}:I${r}`);
  // no empty table left behind (its header would print with nothing under it)
  const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
  expect(Object.keys(tables).some((n) => /SilentChurn/.test(n))).toBe(false);
});

test("'Growth Potential' prints on one line: column A at least 15.5 wide, its row 15 pt", async () => {
  const ws = await written();
  const r = rowOf(ws, "Growth Potential");
  expect(r).toBeGreaterThan(0);
  expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(15.5);
  expect(ws.getRow(r).height).toBe(15);
});
