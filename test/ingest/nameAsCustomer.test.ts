/**
 * Reports that name the customer under a bare "Name" (NetSuite's "Sales by Customer Detail" and
 * its saved searches: Type, Date, Document Number, Name, Item, Qty, Amount) or Tally's
 * "Particulars" (the party's ledger in a sales register), with no customer column: that column
 * is the customer, beside a document number or type, and the reading says so. Without a document
 * column beside it, or with a customer column, nothing changes. Every figure is worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

function fileOf(rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-name-")), "report.csv");
  writeFileSync(file, rows.join("\n"));
  return file;
}

const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

describe("a bare Name beside the documents is the customer", () => {
  it("NetSuite's saved search: Type, Date, Document Number, Name, Item, Qty, Amount", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fileOf([
        "Type,Date,Document Number,Name,Item,Qty,Amount",
        "Invoice,02/10/2026,INV1041,Brightwell Electrical,CT100,10,45.00",
        "Invoice,02/10/2026,INV1041,Brightwell Electrical,CF15,50,40.00",
        "Invoice,15/10/2026,INV1047,Harbour Plumbing,CT100,4,18.00",
        "Credit Memo,20/10/2026,CM0012,Harbour Plumbing,CT100,-2,-9.00",
        // the grand total, its label blank: 45 + 40 + 18 − 9 = 94.00
        ",,,,,62,94.00",
      ])
    );
    // Brightwell 45 + 40 = 85 (one invoice); Harbour 18 − 9 = 9
    expect(revenue).toEqual({ "Brightwell Electrical": 85, "Harbour Plumbing": 9 });
    expect(orders["Brightwell Electrical"]).toBe(1);
    expect(report.returns).toBe(1);
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 1 });
    expect(report.warnings).toContain(
      'The customer is "Name", the party each document is made out to: the file has no customer column, and "Name" stands beside "Document Number" (NetSuite\'s and Tally\'s reports name the customer so). If it is not the customer, choose the customer column in the column mapping.'
    );
  });

  it("NetSuite's Sales by Customer Detail report: title block, customer headings, Total - rows", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        "Acme Distribution Ltd",
        "Sales by Customer Detail",
        '"October 2026"',
        "",
        "Type,Date,Document Number,Name,Memo,Item,Qty,Sales Price,Amount",
        "Brightwell Electrical,,,,,,,,",
        "Invoice,02/10/2026,INV1041,Brightwell Electrical,,CT100,10,4.50,45.00",
        "Invoice,02/10/2026,INV1041,Brightwell Electrical,,CF15,50,0.80,40.00",
        "Total - Brightwell Electrical,,,,,,60,,85.00",
        "Harbour Plumbing,,,,,,,,",
        "Invoice,15/10/2026,INV1047,Harbour Plumbing,,CT100,4,4.50,18.00",
        "Credit Memo,20/10/2026,CM0012,Harbour Plumbing,,CT100,-2,4.50,-9.00",
        "Total - Harbour Plumbing,,,,,,2,,9.00",
        "Total,,,,,,62,,94.00",
      ])
    );
    // 10 × 4.50 = 45, 50 × 0.80 = 40: 85; 18 − 9 = 9
    expect(revenue).toEqual({ "Brightwell Electrical": 85, "Harbour Plumbing": 9 });
    // each customer's heading (its name, as its lines name it) is no line with no account
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 3, "customer heading row": 2 });
    expect(report.rejected).toEqual([]);
  });

  it("Tally's sales register: the party is 'Particulars'", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fileOf([
        "Date,Particulars,Voucher Type,Voucher No.,Quantity,Value",
        "01-10-2026,Brightwell Electrical,Sales,S-101,10,450.00",
        "03-10-2026,Harbour Plumbing,Sales,S-102,4,180.00",
        "10-10-2026,Brightwell Electrical,Sales,S-103,5,225.00",
      ])
    );
    // Brightwell 450 + 225 = 675 (2 vouchers); Harbour 180
    expect(revenue).toEqual({ "Brightwell Electrical": 675, "Harbour Plumbing": 180 });
    expect(orders).toEqual({ "Brightwell Electrical": 2, "Harbour Plumbing": 1 });
    // read as Tally's vouchers (ingest/layouts), whose note names the party
    expect(report.warnings.join(" ")).toContain(
      'the customer is "Particulars", the party\'s ledger each voucher is made out to'
    );
  });

  it("a Name right after the customer number stays the customer's name (Customer ID, Name), no note", async () => {
    const { names, revenue, report } = await analyzeFile(
      fileOf([
        "Customer ID,Name,Invoice No,Date,Amount",
        "C001,Brightwell Electrical,INV1,02/10/2026,45.00",
        "C002,Harbour Plumbing,INV2,15/10/2026,18.00",
      ])
    );
    expect(names).toEqual({ C001: "Brightwell Electrical", C002: "Harbour Plumbing" });
    expect(revenue).toEqual({ C001: 45, C002: 18 });
    expect(report.warnings.join(" ")).not.toContain("The customer is");
  });

  it("a Name with no document column beside it is not guessed to be the customer", async () => {
    await expect(
      analyzeFile(fileOf(["Date,Name,Qty,Amount", "02/10/2026,Brightwell Electrical,10,45.00"]))
    ).rejects.toThrow(/No column for "account ID"/);
  });

  it("Name and Particulars both: which is the customer is not guessed", async () => {
    await expect(
      analyzeFile(
        fileOf([
          "Date,Voucher No.,Name,Particulars,Amount",
          "02/10/2026,S-101,Brightwell Electrical,Cable ties,45.00",
        ])
      )
    ).rejects.toThrow(/No column for "account ID"/);
  });
});
