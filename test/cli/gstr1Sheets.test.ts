/**
 * GSTR-1 as the GST portal's Excel offline tool lays it out: one sheet a section ("b2b,sez,de",
 * "b2ba", "cdnr", "cdnra"), each with its title and summary rows above its header. A tester found
 * only the B2B sheet read ("Order lines were also found on "b2ba" … not read"): an amended
 * invoice counted as first filed. The sections are now read as one table, each amendment in
 * place of its original. Figures worked by hand.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);
beforeAll(buildCli);

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
const MEHTA = ["27AAACM1234F1Z5", "Mehta Hardware"];
const PATEL = ["24AAAFP5678K1Z2", "Patel Electricals"];

/** A section's sheet as the offline tool writes it: title, summary labels and figures, header, rows. */
function section(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  head: string[],
  rows: unknown[][]
) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.addRow(["No. of Recipients", "", "No. of Invoices", "", "Total Invoice Value"]);
  ws.addRow([rows.length, "", rows.length, "", 0]);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
}

async function workbook(withAmendments: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  section(wb, "b2b,sez,de", "Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)", B2B_HEAD, [
    // INV/101 as filed: 50,000 at 12% + 50,000 at 18% = 100,000 taxable
    [
      ...MEHTA,
      "INV/101",
      "15-Apr-2026",
      115000,
      "27-Maharashtra",
      "N",
      "",
      "Regular B2B",
      "",
      12,
      50000,
      0,
    ],
    [
      ...MEHTA,
      "INV/101",
      "15-Apr-2026",
      115000,
      "27-Maharashtra",
      "N",
      "",
      "Regular B2B",
      "",
      18,
      50000,
      0,
    ],
    [
      ...PATEL,
      "INV/102",
      "12-Jun-2026",
      118000,
      "24-Gujarat",
      "N",
      "",
      "Regular B2B",
      "",
      18,
      100000,
      0,
    ],
    [
      ...MEHTA,
      "INV/104",
      "03-Sep-2026",
      29500,
      "27-Maharashtra",
      "N",
      "",
      "Regular B2B",
      "",
      18,
      25000,
      0,
    ],
  ]);
  section(wb, "cdnr", "Summary For CDNR(9B)", CDNR_HEAD, [
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
    section(wb, "b2ba", "Summary For B2BA", B2BA_HEAD, [
      // INV/101 amended: 90,000 at 18%, revised 20 May 2026
      [
        ...MEHTA,
        "INV/101",
        "15-Apr-2026",
        "INV/101",
        "20-May-2026",
        106200,
        "27-Maharashtra",
        "N",
        "",
        "Regular B2B",
        "",
        18,
        90000,
        0,
      ],
    ]);
    section(wb, "cdnra", "Summary For CDNRA", CDNRA_HEAD, [
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
  const file = join(mkdtempSync(join(tmpdir(), "kap-gstr1-")), "gstr1.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** Each account's 12-month revenue in --json. */
function revenueOf(stdout: string): Record<string, number> {
  const j = JSON.parse(stdout) as {
    portfolio: { accounts: { accountId: string; revenueLast12: number }[] };
  };
  return Object.fromEntries(j.portfolio.accounts.map((a) => [a.accountId, a.revenueLast12]));
}

test("B2B, CDNR and their amendments on four sheets: each amendment replaces its original", async () => {
  const file = await workbook(true);
  const r = kap("analyze", file, "--as-of", "2026-10-31", "--json", "-q");
  expect(r.status).toBe(0);
  // Mehta: INV/101 revised 90,000 (not 50,000 + 50,000) + INV/104 25,000 = 115,000
  // Patel: INV/102 100,000 − CN/7 revised 4,000 (not 10,000) = 96,000
  // (before: only "b2b,sez,de" read: Mehta 125,000, Patel 100,000)
  expect(revenueOf(r.stdout)).toEqual({ "27AAACM1234F1Z5": 115000, "24AAAFP5678K1Z2": 96000 });
  const text = kap("analyze", file, "--as-of", "2026-10-31", "-q");
  expect(text.stdout).not.toContain("also found");
  // b2b's data rows 5–8; then cdnr's row 5 (read as row 9), b2ba's (row 10), cdnra's (row 11)
  expect(text.stdout).toContain(
    '! GSTR-1\'s sections on 4 sheets are read as one table, so each amendment (B2BA, CDNRA) replaces the invoice or note it amends: "b2b,sez,de" (rows 5–8), "cdnr" (its rows 5–5, read as rows 9–9), "b2ba" (its rows 5–5, read as rows 10–10), "cdnra" (its rows 5–5, read as rows 11–11).'
  );
  // the originals replaced: INV/101's two rows and CN/7's
  expect(text.stdout).toContain(
    "3 amended invoice or note (its amendment read in its place) (rows 5, 6, 9)"
  );
});

test("without amendments: B2B and CDNR read together all the same; --sheet reads one sheet", async () => {
  const file = await workbook(false);
  const r = kap("analyze", file, "--as-of", "2026-10-31", "--json", "-q");
  // Mehta 100,000 + 25,000 = 125,000; Patel 100,000 − 10,000 = 90,000
  expect(revenueOf(r.stdout)).toEqual({ "27AAACM1234F1Z5": 125000, "24AAAFP5678K1Z2": 90000 });
  const one = kap(
    "analyze",
    file,
    "--as-of",
    "2026-10-31",
    "--sheet",
    "b2b,sez,de",
    "--json",
    "-q"
  );
  // the B2B sheet alone, as chosen: Patel's credit note not read
  expect(revenueOf(one.stdout)).toEqual({ "27AAACM1234F1Z5": 125000, "24AAAFP5678K1Z2": 100000 });
});
