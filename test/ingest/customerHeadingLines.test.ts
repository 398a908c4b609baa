/**
 * A report grouped by customer that names the customer only in a heading line above each block
 * (Sage 200: "Customer: ACME01 Acme Ltd", the invoice lines without the customer on them, then
 * "Total for customer"): read, each line's customer carried down from the heading above it, the
 * totals lines skipped; before, it was refused for want of a customer column. Every figure is
 * worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { customerHeading } from "../../src/ingest/customerHeadings";
import { analyzeFile } from "./fileAnalysis";

function fileOf(rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-headings-")), "report.csv");
  writeFileSync(file, rows.join("\n"));
  return file;
}

const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

const TITLE = ["Sales Invoice Analysis by Customer", "Period: 01/10/2026 to 31/10/2026", ""];
const HEADER = "Invoice Date,Invoice No,Product Code,Description,Quantity,Net Amount";

describe("Sage 200's report grouped by customer", () => {
  it("each block's lines take the Customer: heading above them; totals lines are skipped", async () => {
    const { report, revenue, names, orders } = await analyzeFile(
      fileOf([
        ...TITLE,
        HEADER,
        "Customer: ACME01 Acme Ltd,,,,,",
        "02/10/2026,SI-1001,CT100,Cable ties 100mm,10,45.00",
        "05/10/2026,SI-1004,CF15,Copper fitting 15mm,50,40.00",
        "Total for customer,,,,60,85.00",
        "Customer: BOLT02 Bolt Fixings,,,,,",
        "15/10/2026,SI-1007,CT100,Cable ties 100mm,4,18.00",
        "20/10/2026,SC-0012,CT100,Cable ties 100mm,-2,-9.00",
        "Total for customer,,,,2,9.00",
        "Grand Total,,,,62,94.00",
      ])
    );
    // ACME01 45 + 40 = 85 (2 invoices); BOLT02 18 − 9 = 9 (1 invoice, 1 credit)
    expect(revenue).toEqual({ ACME01: 85, BOLT02: 9 });
    expect(names).toEqual({ ACME01: "Acme Ltd", BOLT02: "Bolt Fixings" });
    expect(orders).toEqual({ ACME01: 2, BOLT02: 1 });
    expect(report.returns).toBe(1);
    // 85 + 9
    expect(report.revenue).toBe(94);
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 3, "customer heading row": 2 });
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toContain(
      'Each line\'s customer is the "Customer:" heading line above its block (such as "Customer: ACME01 Acme Ltd": account ACME01, Acme Ltd), as the report has no customer column; its totals lines are skipped.'
    );
  });

  it("a line before the first heading, or after its block's total, names no customer: flagged", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        HEADER,
        "01/10/2026,SI-0999,CT100,Cable ties 100mm,1,4.50",
        "Customer: Acme Ltd,,,,,",
        "02/10/2026,SI-1001,CT100,Cable ties 100mm,10,45.00",
        "Total for customer,,,,10,45.00",
        "03/10/2026,SI-1002,CT100,Cable ties 100mm,2,9.00",
      ])
    );
    // a heading with no code: the name is the account
    expect(revenue).toEqual({ "Acme Ltd": 45 });
    expect(skippedRows(report.skipped)).toEqual({
      "totals row": 1,
      "customer heading row": 1,
      "no account": 2,
    });
    expect(report.rejected).toEqual([{ reason: "no account", count: 2, rows: [2, 6] }]);
  });

  it("a heading split across cells ('Customer:' in one, the account in the next, or its code and name in two) is read as one", async () => {
    const { report, revenue, names } = await analyzeFile(
      fileOf([
        ...TITLE,
        HEADER,
        "Customer:,ACME01 Acme Ltd,,,,",
        "02/10/2026,SI-1001,CT100,Cable ties 100mm,10,45.00",
        "05/10/2026,SI-1004,CF15,Copper fitting 15mm,50,40.00",
        "Total for customer,,,,60,85.00",
        "Customer Account:,BOLT02,Name:,Bolt Fixings,,",
        "15/10/2026,SI-1007,CT100,Cable ties 100mm,4,18.00",
        "20/10/2026,SC-0012,CT100,Cable ties 100mm,-2,-9.00",
        "Total for customer,,,,2,9.00",
        "Grand Total,,,,62,94.00",
      ])
    );
    // as in one cell: ACME01 45 + 40 = 85; BOLT02 18 − 9 = 9. Before: refused (no customer column)
    expect(revenue).toEqual({ ACME01: 85, BOLT02: 9 });
    expect(names).toEqual({ ACME01: "Acme Ltd", BOLT02: "Bolt Fixings" });
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 3, "customer heading row": 2 });
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toContain(
      'Each line\'s customer is the "Customer:" heading line above its block (such as "Customer: ACME01 Acme Ltd": account ACME01, Acme Ltd), as the report has no customer column; its totals lines are skipped.'
    );
  });

  it("reads the code and the name a heading gives", () => {
    expect(customerHeading("Customer: ACME01 Acme Ltd")).toEqual({
      id: "ACME01",
      name: "Acme Ltd",
    });
    expect(customerHeading("Customer Account: 10001 - Müller GmbH")).toEqual({
      id: "10001",
      name: "Müller GmbH",
    });
    expect(customerHeading("Customer: IBM UK Ltd")).toEqual({ id: "", name: "IBM UK Ltd" });
    expect(customerHeading("Customer: ACME01")).toEqual({ id: "ACME01", name: "" });
    expect(customerHeading("Total for customer")).toBeUndefined();
    expect(customerHeading("Customer Services Ltd")).toBeUndefined();
  });
});
