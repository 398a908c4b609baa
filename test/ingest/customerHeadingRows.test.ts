/**
 * A report grouped by customer whose group begins with a heading row holding only the customer
 * in the customer column(s), everything else blank, its lines below leaving the customer blank.
 * Before, every line was skipped as "no account" and the file refused ("No usable order lines");
 * now each line is its heading's customer's, the heading and total rows skipped and said. A line
 * with no customer in a flat file (no heading rows) stays a line with no account. Every figure is
 * worked out by hand from the rows.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { buildCli, kap } from "../cli/kapProcess";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-heading-rows-"));
let files = 0;
function fileOf(rows: string[]): string {
  const file = join(dir, `report-${++files}.csv`);
  writeFileSync(file, rows.join("\n"));
  return file;
}
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

const HEADER = "Customer,Date,Invoice,Product,Qty,Amount";
const GROUPED = [
  HEADER,
  "Acme Ltd,,,,,",
  ",2026-03-02,INV-1,Bolts,10,50.00",
  ",2026-03-09,INV-2,Nuts,5,12.50",
  "Acme Ltd Total,,,,,62.50",
  "Baxter plc,,,,,",
  ",2026-03-04,INV-3,Bolts,2,10.00",
  "Baxter plc Total,,,,,10.00",
];
// Acme: INV-1 50.00 + INV-2 12.50 = 62.50 in 2 orders; Baxter: INV-3 10.00 in 1
const REVENUE = { "Acme Ltd": 62.5, "Baxter plc": 10 };
const ORDERS = { "Acme Ltd": 2, "Baxter plc": 1 };

describe("a customer heading row in the Customer column", () => {
  it("each line is its heading's customer's; headings and totals skipped and said", async () => {
    const { report, revenue, orders } = await analyzeFile(fileOf(GROUPED));
    expect(report.accepted).toBe(3);
    expect(revenue).toEqual(REVENUE);
    expect(orders).toEqual(ORDERS);
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 2, "customer heading row": 2 });
    expect(report.warnings.join(" ")).toContain(
      `Each customer's lines are under a heading row that names it in "Customer" (a report grouped by customer), the lines leaving it blank: each such line was read as the customer's of the heading above it, and the heading rows were skipped as such.`
    );
  });

  it("without the group total rows", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fileOf(GROUPED.filter((r) => !r.includes("Total")))
    );
    expect(revenue).toEqual(REVENUE);
    expect(orders).toEqual(ORDERS);
    expect(skippedRows(report.skipped)).toEqual({ "customer heading row": 2 });
  });

  it("with a blank row between the groups", async () => {
    const rows = [...GROUPED.slice(0, 5), "", ...GROUPED.slice(5)];
    const { report, revenue, orders } = await analyzeFile(fileOf(rows));
    expect(revenue).toEqual(REVENUE);
    expect(orders).toEqual(ORDERS);
    expect(skippedRows(report.skipped)).toEqual({
      "blank row": 1,
      "totals row": 2,
      "customer heading row": 2,
    });
  });

  it("the heading in a Customer ID column with the name beside it", async () => {
    const { report, revenue, names, orders } = await analyzeFile(
      fileOf([
        "Customer ID,Customer Name,Date,Invoice,Product,Qty,Amount",
        "C001,Acme Ltd,,,,,",
        ",,2026-03-02,INV-1,Bolts,10,50.00",
        ",,2026-03-09,INV-2,Nuts,5,12.50",
        "C002,Baxter plc,,,,,",
        ",,2026-03-04,INV-3,Bolts,2,10.00",
      ])
    );
    // the same lines under C001 (Acme Ltd) and C002 (Baxter plc)
    expect(revenue).toEqual({ C001: 62.5, C002: 10 });
    expect(orders).toEqual({ C001: 2, C002: 1 });
    expect(names).toEqual({ C001: "Acme Ltd", C002: "Baxter plc" });
    expect(skippedRows(report.skipped)).toEqual({ "customer heading row": 2 });
    expect(report.warnings.join(" ")).toContain(`names it in "Customer ID" and "Customer Name"`);
  });

  it("with no order number: each date under a heading is an order of its customer", async () => {
    const { revenue, orders } = await analyzeFile(
      fileOf([
        "Customer,Date,Product,Qty,Amount",
        "Acme Ltd,,,,",
        ",2026-03-02,Bolts,10,50.00",
        ",2026-03-09,Nuts,5,12.50",
        "Baxter plc,,,,",
        ",2026-03-04,Bolts,2,10.00",
      ])
    );
    // Acme on 2 and 9 March (2 orders, 62.50); Baxter on 4 March (10.00)
    expect(revenue).toEqual(REVENUE);
    expect(orders).toEqual(ORDERS);
  });

  it("a line with no customer under a group's total and no heading is no line of the group above", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([...GROUPED, ",2026-03-20,INV-4,Washers,1,7.00"])
    );
    // INV-4 follows Baxter's total: 7.00 with no account, Acme and Baxter as before
    expect(revenue).toEqual(REVENUE);
    expect(report.skipped).toContainEqual(
      expect.objectContaining({ rule: "no account", rows: 1, revenue: 7 })
    );
  });
});

describe("guard: a flat file with no heading rows", () => {
  it("a line with a blank customer stays 'no account', not the customer above's", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fileOf([
        HEADER,
        "Acme Ltd,2026-03-02,INV-1,Bolts,10,50.00",
        "Acme Ltd,2026-03-09,INV-2,Nuts,5,12.50",
        ",2026-03-10,INV-5,Bolts,1,9.00",
        "Baxter plc,2026-03-04,INV-3,Bolts,2,10.00",
        "Baxter plc,2026-03-11,INV-4,Nuts,1,2.50",
      ])
    );
    // Acme 50.00 + 12.50 (not + 9.00); Baxter 10.00 + 2.50
    expect(revenue).toEqual({ "Acme Ltd": 62.5, "Baxter plc": 12.5 });
    expect(orders).toEqual({ "Acme Ltd": 2, "Baxter plc": 2 });
    expect(report.skipped).toEqual([
      expect.objectContaining({ rule: "no account", rows: 1, revenue: 9 }),
    ]);
    expect(report.warnings.join(" ")).not.toContain("heading row");
  });
});

test("kap analyze reads the grouped report the same, on the main thread and on the reading thread", () => {
  buildCli();
  const file = fileOf(GROUPED);
  for (const thread of ["0", "1"]) {
    process.env.KAP_READ_THREAD = thread;
    const r = kap("analyze", file, "--as-of", "2026-10-31", "--json", "-q");
    delete process.env.KAP_READ_THREAD;
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ingest: { accepted: number; skipped: { rule: string; rows: number }[] };
      portfolio: { accounts: { accountId: string; revenueLast12: number }[] };
    };
    expect(out.ingest.accepted).toBe(3);
    expect(skippedRows(out.ingest.skipped)).toEqual({
      "totals row": 2,
      "customer heading row": 2,
    });
    expect(
      Object.fromEntries(out.portfolio.accounts.map((a) => [a.accountId, a.revenueLast12]))
    ).toEqual(REVENUE);
  }
});
