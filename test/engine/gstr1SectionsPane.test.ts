/**
 * GSTR-1 as the GST portal's Excel offline tool lays it out, one sheet a section ("b2b,sez,de",
 * "cdnr", "b2ba", "cdnra"), opened in Excel: the task pane reads the sections as one table, each
 * amendment in place of its original, as `kap` does (test/cli/gstr1Sheets.test.ts has the same
 * workbook and figures). Before, the pane read the B2B sheet alone and named the others "not
 * read": Mehta 1,25,000 and Patel 1,00,000 with both amendments and Patel's credit note left out.
 * Figures worked by hand.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings } from "../../src/engine/contract";
import { gstr1Sheets } from "./fixtures/gstr1Sections";

function workbook(withAmendments: boolean): ExcelDouble {
  const sheets = gstr1Sheets(withAmendments);
  const x = new ExcelDouble(sheets.map((s) => s.name));
  for (const s of sheets) x.model.fill(x.sheet(s.name), "A1", s.rows);
  return x;
}

const settings = (more: Partial<KapSettings> = {}): KapSettings => ({
  ...defaultSettings(),
  asOf: "2026-10-31",
  ...more,
});

async function analyse(x: ExcelDouble, s: KapSettings) {
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  const list = await host.analyze(s, () => undefined, new AbortController().signal);
  const d = await host.discover(s, { reuse: true });
  return {
    revenue: Object.fromEntries(list.map((a) => [a.id, a.revenue12m])),
    discovery: d,
    warnings: d.summary!.warnings,
  };
}

test("B2B, CDNR and their amendments on four sheets: the pane reads them as kap does", async () => {
  const { revenue, warnings, discovery } = await analyse(workbook(true), settings());
  // Mehta: INV/101 revised 90,000 (not 50,000 + 50,000) + INV/104 25,000 = 1,15,000
  // Patel: INV/102 1,00,000 − CN/7 revised 4,000 (not 10,000) = 96,000
  expect(revenue).toEqual({ "27AAACM1234F1Z5": 115000, "24AAAFP5678K1Z2": 96000 });
  expect(warnings.join("\n")).not.toContain("also found");
  // b2b's data rows 5–8; then cdnr's row 5 (read as row 9), b2ba's (row 10), cdnra's (row 11)
  expect(warnings).toContain(
    'GSTR-1\'s sections on 4 sheets are read as one table, so each amendment (B2BA, CDNRA) replaces the invoice or note it amends: "b2b,sez,de" (rows 5–8), "cdnr" (its rows 5–5, read as rows 9–9), "b2ba" (its rows 5–5, read as rows 10–10), "cdnra" (its rows 5–5, read as rows 11–11).'
  );
  // the order lines found: 4 + 1 + 1 + 1 = 7 data rows, the B2B sheet first, the others named
  const orders = discovery.tables.find((t) => t.role === "orders")!;
  expect(orders.rows).toBe(7);
  expect(orders.sheet).toBe("b2b,sez,de");
  expect(orders.address).toMatch(/\+ "cdnr", "b2ba", "cdnra"$/);
  // each section sheet can still be chosen alone under Data
  expect(discovery.dataSheets).toEqual(["b2b,sez,de", "cdnr", "b2ba", "cdnra"]);
});

test("without amendments B2B and CDNR are read together; a sheet chosen is read alone", async () => {
  const both = await analyse(workbook(false), settings());
  // Mehta 1,00,000 + 25,000 = 1,25,000; Patel 1,00,000 − 10,000 = 90,000
  expect(both.revenue).toEqual({ "27AAACM1234F1Z5": 125000, "24AAAFP5678K1Z2": 90000 });
  const one = await analyse(workbook(false), settings({ ordersSheet: "b2b,sez,de" }));
  // the B2B sheet alone, as chosen: Patel's credit note not read
  expect(one.revenue).toEqual({ "27AAACM1234F1Z5": 125000, "24AAAFP5678K1Z2": 100000 });
  expect(one.warnings.join("\n")).not.toContain("read as one table");
});
