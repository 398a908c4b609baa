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

const B2B_HEAD = [
  "GSTIN/UIN of Recipient",
  "Receiver Name",
  "Invoice Number",
  "Invoice date",
  "Invoice Value",
  "Place Of Supply",
  "Reverse Charge",
  "Applicable % of Tax Rate",
  "Invoice Type",
  "E-Commerce GSTIN",
  "Rate",
  "Taxable Value",
  "Cess Amount",
];
const B2BA_HEAD = [
  "GSTIN/UIN of Recipient",
  "Receiver Name",
  "Original Invoice Number",
  "Original Invoice date",
  "Revised Invoice Number",
  "Revised Invoice date",
  ...B2B_HEAD.slice(4),
];
const CDNR_HEAD = [
  "GSTIN/UIN of Recipient",
  "Receiver Name",
  "Note Number",
  "Note Date",
  "Note Type",
  "Place Of Supply",
  "Reverse Charge",
  "Note Supply Type",
  "Note Value",
  "Applicable % of Tax Rate",
  "Rate",
  "Taxable Value",
  "Cess Amount",
];
const CDNRA_HEAD = [
  "GSTIN/UIN of Recipient",
  "Receiver Name",
  "Original Note Number",
  "Original Note Date",
  "Revised Note Number",
  "Revised Note Date",
  ...CDNR_HEAD.slice(4),
];
const MEHTA = ["27AAACM1234F1Z5", "Mehta Hardware"];
const PATEL = ["24AAAFP5678K1Z2", "Patel Electricals"];
const MH = ["27-Maharashtra", "N", "", "Regular B2B", ""];
const GJ = ["24-Gujarat", "N", "", "Regular B2B", ""];

/** A section's sheet as the offline tool writes it: title, summary labels and figures, header (row 4), rows. */
function section(x: ExcelDouble, name: string, title: string, head: string[], rows: unknown[][]) {
  x.model.fill(x.sheet(name), "A1", [
    [title],
    ["No. of Recipients", "", "No. of Invoices", "", "Total Invoice Value"],
    [rows.length, "", rows.length, "", 0],
    head,
    ...rows,
  ] as (string | number)[][]);
}

function workbook(withAmendments: boolean): ExcelDouble {
  const names = ["b2b,sez,de", "cdnr", ...(withAmendments ? ["b2ba", "cdnra"] : [])];
  const x = new ExcelDouble(names);
  section(x, "b2b,sez,de", "Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)", B2B_HEAD, [
    // INV/101 as filed: 50,000 at 12% + 50,000 at 18% = 100,000 taxable
    [...MEHTA, "INV/101", "15-Apr-2026", 115000, ...MH, 12, 50000, 0],
    [...MEHTA, "INV/101", "15-Apr-2026", 115000, ...MH, 18, 50000, 0],
    [...PATEL, "INV/102", "12-Jun-2026", 118000, ...GJ, 18, 100000, 0],
    [...MEHTA, "INV/104", "03-Sep-2026", 29500, ...MH, 18, 25000, 0],
  ]);
  section(x, "cdnr", "Summary For CDNR(9B)", CDNR_HEAD, [
    // Patel's credit note CN/7 as filed: 10,000 taxable
    [
      ...PATEL,
      "CN/7",
      "01-Jul-2026",
      "C",
      "24-Gujarat",
      "N",
      "Regular B2B",
      11800,
      "",
      18,
      10000,
      0,
    ],
  ]);
  if (withAmendments) {
    section(x, "b2ba", "Summary For B2BA", B2BA_HEAD, [
      // INV/101 amended: 90,000 at 18%, revised 20 May 2026
      [...MEHTA, "INV/101", "15-Apr-2026", "INV/101", "20-May-2026", 106200, ...MH, 18, 90000, 0],
    ]);
    section(x, "cdnra", "Summary For CDNRA", CDNRA_HEAD, [
      // CN/7 amended to 4,000
      [
        ...PATEL,
        "CN/7",
        "01-Jul-2026",
        "CN/7",
        "01-Aug-2026",
        "C",
        "24-Gujarat",
        "N",
        "Regular B2B",
        4720,
        "",
        18,
        4000,
        0,
      ],
    ]);
  }
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
