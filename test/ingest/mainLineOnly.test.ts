/**
 * NetSuite's single-line documents. A transaction export lists each document's main line (its
 * total, with tax) beside its item lines. Where the item lines are there, the main line repeats
 * them: a totals row, nothing lost, even beside one item line (before, a main line over one item
 * line was skipped as "no product … % of revenue"). Where the export's filters left a document's
 * item lines out, the main line is all the file holds of it: its sale IS missing, and the user is
 * told so, naming the documents (before: "no product … % of revenue", or in NetSuite's layout
 * read by accounts, nothing beyond "Accounts Receivable … hold each transaction's total again").
 * Every figure is worked out by hand from the rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-main-line-"));
let files = 0;
function fileOf(rows: string[]): string {
  const file = join(dir, `search-${++files}.csv`);
  writeFileSync(file, rows.join("\n"));
  return file;
}
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));
const MAIN_ALONE = "main line alone (its document's item lines not in the file)";

describe("a transaction export with main lines beside the item lines (no account column)", () => {
  const rows = [
    "Internal ID,Date,Type,Document Number,Name,Item,Quantity,Amount",
    "5501,03/09/2026,Invoice,INV10041,Pinewood Contractors,,,1440.00",
    "5501,03/09/2026,Invoice,INV10041,Pinewood Contractors,HX-200 Hex Bolt M12,100,1000.00",
    "5501,03/09/2026,Invoice,INV10041,Pinewood Contractors,WS-12 Washer M12,200,200.00",
    "5501,03/09/2026,Invoice,INV10041,Pinewood Contractors,VAT 20%,,240.00",
    // a cash sale whose item lines the search's filters left out: its main line alone
    "5520,05/09/2026,Cash Sale,CS2001,Redfern Engineering,,,60.00",
    // an invoice with one item line and no tax: its main line heads it
    "5530,14/10/2026,Invoice,INV10077,Redfern Engineering,,,500.00",
    "5530,14/10/2026,Invoice,INV10077,Redfern Engineering,HX-200 Hex Bolt M12,50,500.00",
  ];

  it("a main line over one item line is a totals row; one alone is said as a sale not counted", async () => {
    const { report, revenue } = await analyzeFile(fileOf(rows));
    // Pinewood: 1,000 + 200 (main line 1,440 = 1,000 + 200 + 240 VAT: a total);
    // Redfern: INV10077 500 (its main line 500 = its one line: a total). CS2001's 60.00 is not read.
    expect(revenue).toEqual({ "Pinewood Contractors": 1200, "Redfern Engineering": 500 });
    expect(skippedRows(report.skipped)).toEqual({
      "totals row": 2,
      "tax line (VAT, sales tax)": 1,
      [MAIN_ALONE]: 1,
    });
    const said = report.warnings.join("\n");
    expect(said).not.toMatch(/\d no product/);
    // 60 of 1,200 + 500 + 60 = 1,760: 3.4 %
    expect(said).toContain(`1 ${MAIN_ALONE} (row 6; 60.00, 3.4% of revenue)`);
    expect(report.warnings).toContain(
      "1 document has only its main line in the file, none of its item lines (CS2001: 60.00): its sale is not counted: a main line holds the document's total with tax, not what was sold. The export's filters left its item lines out: export them too to count it."
    );
  });

  it("a main line alone before any main line beside items is said the same (held until the file shows them)", async () => {
    const { report, revenue } = await analyzeFile(fileOf([rows[0], rows[5], ...rows.slice(1, 5)]));
    // Redfern bought nothing read: no account of its own
    expect(revenue).toEqual({ "Pinewood Contractors": 1200 });
    expect(skippedRows(report.skipped)[MAIN_ALONE]).toBe(1);
    expect(report.warnings.join(" ")).toContain("(CS2001: 60.00)");
  });
});

describe("guards", () => {
  it("in a file with no main lines, a document with one row and no product stays 'no product'", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        "Date,Invoice No,Customer,Product,Qty,Amount",
        "02/09/2026,INV-201,Northgate Services,Cable 2.5mm,10,250.00",
        "02/09/2026,INV-202,Northgate Services,,,40.00",
        "18/09/2026,INV-214,Harbour Electrical,Cable 2.5mm,4,100.00",
      ])
    );
    expect(revenue).toEqual({ "Northgate Services": 250, "Harbour Electrical": 100 });
    // 40 of 250 + 100 + 40 = 390: 10.3 %
    expect(report.warnings.join(" ")).toContain("1 no product (row 3; 40.00, 10.3% of revenue)");
    expect(report.warnings.join(" ")).not.toContain("main line");
  });

  it("a row with no product below one line of its value stays 'no product' (it heads nothing)", async () => {
    const { report } = await analyzeFile(
      fileOf([
        "Date,Invoice No,Customer,Product,Qty,Amount",
        "02/09/2026,INV-201,Northgate Services,Cable 2.5mm,10,250.00",
        "02/09/2026,INV-201,Northgate Services,,,250.00",
      ])
    );
    expect(skippedRows(report.skipped)).toEqual({ "no product": 1 });
  });
});

test("guard: a row with no product heading one line of its value, in a file of no documents' main lines, stays 'no product'", async () => {
  const { report } = await analyzeFile(
    fileOf([
      "Date,Invoice No,Customer,Product,Qty,Amount",
      "02/09/2026,INV-201,Northgate Services,,,250.00",
      "02/09/2026,INV-201,Northgate Services,Cable 2.5mm,10,250.00",
    ])
  );
  // no document type column and no main line over several lines: a line with no product, said
  expect(skippedRows(report.skipped)).toEqual({ "no product": 1 });
});

describe("NetSuite's transaction search read by its accounts", () => {
  const fixture = join(__dirname, "../fixtures/tester/netsuite-saved-search.csv");

  it("a cash sale with its main line (and tax) alone is named, its sale said not counted", async () => {
    const withLone = [
      ...readFileSync(fixture, "utf8").trimEnd().split("\n"),
      "Cash Sale,10/15/2026,CS208,Harbour Plumbing,,Undeposited Funds,,,24.00",
      "Cash Sale,10/15/2026,CS208,Harbour Plumbing,,Sales Tax Payable,,,4.00",
    ];
    const { report, revenue } = await analyzeFile(fileOf(withLone));
    // as without CS208 (erpExports): Brightwell 280.00, Harbour 40.00 − 8.00 = 32.00; CS208's
    // 24.00 (20.00 + 4.00 tax) is on no income account
    expect(revenue).toEqual({ "Brightwell Electrical": 280, "Harbour Plumbing": 32 });
    expect(report.warnings).toContain(
      "1 document has only its main line in the file, none of its item lines (CS208: 24.00): its sale is not counted: a main line holds the document's total with tax, not what was sold. The export's filters left its item lines out: export them too to count it."
    );
  });

  it("with every document's item lines there, no document is named", async () => {
    const { report } = await analyzeFile(fixture);
    expect(report.warnings.join(" ")).not.toContain("only its main line");
  });
});
