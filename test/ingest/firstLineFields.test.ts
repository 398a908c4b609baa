/**
 * An order's number, customer and date on its first line only, its later lines holding just the
 * product and its figures: a sales-order detail report with repeated values suppressed, a
 * PivotTable in tabular form, merged cells in a workbook saved from Excel. Before, those later
 * lines were skipped as "no account" (a third of the revenue in the first case below); they are
 * now read as lines of the order above them, and the user is told. Every figure is worked out by
 * hand from the rows.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { analyzeFile } from "./fileAnalysis";
import { buildCli, kap } from "../cli/kapProcess";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-first-line-"));
let files = 0;
function fileOf(rows: string[]): string {
  const file = join(dir, `orders-${++files}.csv`);
  writeFileSync(file, rows.join("\n"));
  return file;
}
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

const HEADER = "Order No,Date,Customer,Product,Qty,Amount";
/** SO-1001 (Acme, 3 lines) and SO-1002 (Baxter, 2 lines) with their cells on the first line only; SO-1003 one line. */
const FIRST_LINE_ONLY = [
  HEADER,
  "SO-1001,2026-09-02,Acme Building Ltd,Cable Clips,10,25.00",
  ",,,Wall Plugs,5,12.50",
  ",,,Screws 4x40,2,8.00",
  "SO-1002,2026-09-10,Baxter Electrical,Cable Clips,4,10.00",
  ",,,Junction Box,1,6.00",
  "SO-1003,2026-10-01,Acme Building Ltd,Junction Box,3,18.00",
];
// Acme: 25.00 + 12.50 + 8.00 (SO-1001) + 18.00 (SO-1003) = 63.50 in 2 orders; Baxter: 10.00 + 6.00 = 16.00 in 1
const REVENUE = { "Acme Building Ltd": 63.5, "Baxter Electrical": 16 };
const ORDERS = { "Acme Building Ltd": 2, "Baxter Electrical": 1 };

describe("an order's cells on its first line only", () => {
  it("reads its later lines as the order's: nothing skipped, and the user is told", async () => {
    const { report, revenue, orders, days } = await analyzeFile(fileOf(FIRST_LINE_ONLY));
    expect(report.accepted).toBe(6);
    expect(report.skipped).toEqual([]);
    expect(revenue).toEqual(REVENUE);
    expect(orders).toEqual(ORDERS);
    // the later lines take the order's date: Baxter last ordered on 10 Sep, 51 days before 31 Oct
    expect(days["Baxter Electrical"]).toBe(51);
    expect(report.warnings.join(" ")).toContain(
      `An order's later lines leave its "Order No", "Customer" and "Date" blank (written on its first line only, as a report or a PivotTable lays them out): each such line was read as a line of the order above it.`
    );
  });

  it("with the date on every line, the note names the order's number and customer only", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        HEADER,
        "SO-1001,2026-09-02,Acme Building Ltd,Cable Clips,10,25.00",
        ",2026-09-02,,Wall Plugs,5,12.50",
        "SO-1002,2026-09-10,Baxter Electrical,Cable Clips,4,10.00",
      ])
    );
    // Acme 25.00 + 12.50; Baxter 10.00
    expect(revenue).toEqual({ "Acme Building Ltd": 37.5, "Baxter Electrical": 10 });
    const note = report.warnings.find((n) => n.startsWith("An order's later lines"));
    expect(note).toContain(`leave its "Order No" and "Customer" blank`);
  });

  it("a summary row under the lines ('Lines 3' beside the report's date) stays a totals row", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([...FIRST_LINE_ONLY, ",2026-10-31,,Lines,6,,79.50"])
    );
    expect(revenue).toEqual(REVENUE);
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 1 });
  });

  it("a line with no order and no customer under a blank row, in a file with every order's cells on each line, is still skipped and said", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        HEADER,
        "SO-1001,2026-09-02,Acme Building Ltd,Cable Clips,10,25.00",
        "SO-1001,2026-09-02,Acme Building Ltd,Wall Plugs,5,12.50",
        "",
        ",,,Screws 4x40,2,8.00",
      ])
    );
    expect(revenue).toEqual({ "Acme Building Ltd": 37.5 });
    expect(skippedRows(report.skipped)).toEqual({ "no account": 1, "blank row": 1 });
    expect(report.warnings.join(" ")).not.toContain("An order's later lines");
  });

  it("reading the cells on every line or on the first line only gives the same accounts (property)", async () => {
    const order = fc.record({
      customer: fc.constantFrom("Acme Building Ltd", "Baxter Electrical", "Crown Fixings"),
      day: fc.integer({ min: 1, max: 28 }),
      lines: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 6 }), async (orders) => {
        const every: string[] = [HEADER];
        const first: string[] = [HEADER];
        orders.forEach((o, i) =>
          o.lines.forEach((pence, k) => {
            const cells = `SO-${i + 1},2026-09-${String(o.day).padStart(2, "0")},${o.customer}`;
            const line = `P${k},1,${(pence / 100).toFixed(2)}`;
            every.push(`${cells},${line}`);
            first.push(`${k === 0 ? cells : ",,"},${line}`);
          })
        );
        const a = await analyzeFile(fileOf(every));
        const b = await analyzeFile(fileOf(first));
        // each customer's revenue is the sum of its orders' lines, in whole pence
        const expected: Record<string, number> = {};
        for (const o of orders)
          expected[o.customer] = (expected[o.customer] ?? 0) + o.lines.reduce((s, p) => s + p, 0);
        const pence = (r: Record<string, number>) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 100)]));
        expect(pence(b.revenue)).toEqual(expected);
        expect(b.revenue).toEqual(a.revenue);
        expect(b.orders).toEqual(a.orders);
        expect(b.report.skipped).toEqual([]);
      }),
      { numRuns: 15 }
    );
  });
});

describe("merged cells in a workbook (the order's number, date and customer merged down its lines)", () => {
  let path: string;
  beforeAll(async () => {
    buildCli();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Orders");
    ws.addRow(["Order No", "Date", "Customer", "Product", "Qty", "Amount"]);
    const d = (m: number, day: number) => new Date(Date.UTC(2026, m - 1, day));
    ws.addRow(["SO-1001", d(9, 2), "Acme Building Ltd", "Cable Clips", 10, 25]);
    ws.addRow([null, null, null, "Wall Plugs", 5, 12.5]);
    ws.addRow([null, null, null, "Screws 4x40", 2, 8]);
    ws.addRow(["SO-1002", d(9, 10), "Baxter Electrical", "Cable Clips", 4, 10]);
    ws.addRow([null, null, null, "Junction Box", 1, 6]);
    ws.addRow(["SO-1003", d(10, 1), "Acme Building Ltd", "Junction Box", 3, 18]);
    for (const r of ["A2:A4", "B2:B4", "C2:C4", "A5:A6", "B5:B6", "C5:C6"]) ws.mergeCells(r);
    ws.getColumn(2).numFmt = "dd/mm/yyyy";
    path = join(dir, "merged.xlsx");
    await wb.xlsx.writeFile(path);
  });

  it("the engine reads each line under its order", async () => {
    const { report, revenue, orders } = await analyzeFile(path);
    expect(report.skipped).toEqual([]);
    expect(revenue).toEqual(REVENUE);
    expect(orders).toEqual(ORDERS);
  });

  it("kap analyze reads them the same, on the main thread and on the reading thread", () => {
    for (const thread of ["0", "1"]) {
      process.env.KAP_READ_THREAD = thread;
      const r = kap("analyze", path, "--as-of", "2026-10-31", "--json", "-q");
      delete process.env.KAP_READ_THREAD;
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as {
        ingest: { accepted: number };
        portfolio: { accounts: { accountId: string; revenueLast12: number }[] };
      };
      expect(out.ingest.accepted).toBe(6);
      expect(
        Object.fromEntries(out.portfolio.accounts.map((a) => [a.accountId, a.revenueLast12]))
      ).toEqual(REVENUE);
    }
  });
});

describe("with no order number: the customer and date on the first of their lines only (a PivotTable in tabular form)", () => {
  it("each line takes the customer and date above it", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fileOf([
        "Customer,Date,Product,Qty,Amount",
        "Acme Building Ltd,2026-09-02,Cable Clips,10,25.00",
        ",,Wall Plugs,5,12.50",
        ",,Screws 4x40,2,8.00",
        "Baxter Electrical,2026-09-10,Cable Clips,4,10.00",
        ",,Junction Box,1,6.00",
        "Acme Building Ltd,2026-10-01,Junction Box,3,18.00",
      ])
    );
    expect(report.skipped).toEqual([]);
    // the same lines as above: Acme 63.50 on 2 days (2 orders), Baxter 16.00 on 1
    expect(revenue).toEqual(REVENUE);
    expect(orders).toEqual(ORDERS);
    expect(report.warnings.join(" ")).toContain(
      `Lines leave the "Customer" and "Date" blank under a line that has them (written once for the lines below, as a report or a PivotTable lays them out): each such line was read with the line above's.`
    );
  });
});

test("a PivotTable in tabular form with its subtotals: each line under its customer, the subtotals and grand total skipped as totals", async () => {
  const { report, revenue, orders } = await analyzeFile(
    fileOf([
      "Customer,Date,Product,Sum of Qty,Sum of Amount",
      "Acme Building Ltd,2026-09-02,Cable Clips,10,25.00",
      ",,Screws 4x40,2,8.00",
      ",,Wall Plugs,5,12.50",
      ",2026-09-02 Total,,17,45.50",
      ",2026-10-01,Junction Box,3,18.00",
      ",2026-10-01 Total,,3,18.00",
      "Acme Building Ltd Total,,,20,63.50",
      "Baxter Electrical,2026-09-10,Cable Clips,4,10.00",
      ",,Junction Box,1,6.00",
      ",2026-09-10 Total,,5,16.00",
      "Baxter Electrical Total,,,5,16.00",
      "Grand Total,,,25,79.50",
    ])
  );
  // Acme: 25.00 + 8.00 + 12.50 on 2 Sep and 18.00 on 1 Oct (its date's subtotal between them
  // keeps it Acme's); Baxter: 10.00 + 6.00. Three date subtotals, two customer totals, the grand total.
  expect(revenue).toEqual(REVENUE);
  expect(orders).toEqual(ORDERS);
  expect(skippedRows(report.skipped)).toEqual({ "totals row": 6 });
  expect(report.warnings.join(" ")).toContain(`Lines leave the "Customer" and "Date" blank`);
});

test("a line with no customer after a customer's total row is no line of that customer's", async () => {
  // Acme's 10 lines of 5.00 on 2 Sep (one written with the customer, 9 under it), its total, a
  // line with no customer, then Baxter's 2 lines: 1 stray line in 11 lines left blank
  const acme = Array.from({ length: 9 }, (_, k) => `,,Screws ${k + 1},1,5.00`);
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Customer,Date,Product,Qty,Amount",
      "Acme Building Ltd,2026-09-02,Cable Clips,1,5.00",
      ...acme,
      "Acme Building Ltd Total,,,10,50.00",
      ",2026-09-20,Junction Box,1,6.00",
      "Baxter Electrical,2026-09-10,Cable Clips,4,10.00",
      ",,Junction Box,1,6.00",
    ])
  );
  // Acme 10 × 5.00; Baxter 10.00 + 6.00; the Junction Box under Acme's total has no customer
  expect(revenue).toEqual({ "Acme Building Ltd": 50, "Baxter Electrical": 16 });
  expect(skippedRows(report.skipped)).toEqual({ "totals row": 1, "no account": 1 });
});

describe("what a new-user tester found (each figure by hand)", () => {
  it("a file whose orders write their cells on every line keeps a stray line skipped, not added to the order above", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        "Order No,Customer,Order Date,Product,Quantity,Amount",
        "SO-6001,Acme Ltd,2026-03-02,Widget A,2,200.00",
        "SO-6001,Acme Ltd,2026-03-02,Widget B,1,50.00",
        "SO-6002,Beta GmbH,2026-04-10,Widget A,5,500.00",
        "SO-6002,Beta GmbH,2026-04-10,Gadget C,1,30.00",
        "SO-6003,Acme Ltd,2026-06-15,Widget B,4,200.00",
        ",,,Widget B,1,999.00",
        "SO-6004,Gamma Inc,2026-07-01,Gadget C,10,300.00",
        "SO-6004,Gamma Inc,2026-07-01,Widget A,1,100.00",
        "SO-6005,Beta GmbH,2026-09-20,Widget B,1,50.00",
        "SO-6006,Gamma Inc,2026-09-25,Widget A,2,200.00",
        "SO-6006,Gamma Inc,2026-09-25,Widget B,2,100.00",
        "SO-6007,Acme Ltd,2026-10-01,Gadget C,1,30.00",
      ])
    );
    // Acme 200 + 50 + 200 + 30 = 480 (not + 999); Beta 500 + 30 + 50; Gamma 300 + 100 + 200 + 100
    expect(revenue).toEqual({ "Acme Ltd": 480, "Beta GmbH": 580, "Gamma Inc": 700 });
    expect(skippedRows(report.skipped)).toEqual({ "no account": 1 });
    expect(report.warnings.join(" ")).not.toContain("blank (written");
  });

  it("a till export sorted by date: a walk-in sale (no customer, its own date) is no line of the customer above", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        "Date,Customer,Product,Qty,Amount",
        "2026-05-04,Acme Ltd,Widget A,2,200.00",
        "2026-05-04,Beta GmbH,Widget B,1,50.00",
        "2026-05-05,,Widget A,1,100.00",
        "2026-05-06,Gamma Inc,Gadget C,3,90.00",
        "2026-05-07,Acme Ltd,Widget B,4,200.00",
        "2026-05-09,Beta GmbH,Widget A,5,500.00",
        "2026-05-11,Gamma Inc,Widget A,1,100.00",
        "2026-05-12,Acme Ltd,Gadget C,2,60.00",
        "2026-05-13,Beta GmbH,Gadget C,1,30.00",
        "2026-05-14,Gamma Inc,Widget B,2,100.00",
        "2026-05-15,Acme Ltd,Widget A,1,100.00",
        "2026-05-18,,Widget B,3,150.00",
        "2026-05-19,Beta GmbH,Widget B,2,100.00",
        "2026-05-20,Gamma Inc,Gadget C,1,30.00",
        "2026-05-21,Acme Ltd,Widget B,1,50.00",
      ])
    );
    // Acme 200 + 200 + 60 + 100 + 50 = 610; Beta 50 + 500 + 30 + 100 = 680; Gamma 90 + 100 + 100 + 30 = 320
    expect(revenue).toEqual({ "Acme Ltd": 610, "Beta GmbH": 680, "Gamma Inc": 320 });
    // the two walk-ins: 100 + 150
    expect(report.skipped).toEqual([
      expect.objectContaining({ rule: "no account", rows: 2, revenue: 250 }),
    ]);
  });

  it("a line under a blank row is no line of the order above it", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([...FIRST_LINE_ONLY, "", ",,,Adjustment,1,500.00"])
    );
    expect(revenue).toEqual(REVENUE);
    expect(skippedRows(report.skipped)).toEqual({ "blank row": 1, "no account": 1 });
  });

  it("a PivotTable Customer › Order No › Product: an order with no customer is the customer's above it", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fileOf([
        "Customer,Order No,Order Date,Product,Sum of Qty,Sum of Amount",
        "Acme Ltd,SO-1,02/03/2026,Widget A,2,200",
        ",,,Widget B,1,50",
        ",SO-7,15/06/2026,Widget B,4,200",
        ",,,Gadget C,1,30",
        "Beta GmbH,SO-3,10/04/2026,Widget A,5,500",
        ",,,Gadget C,1,30",
        ",SO-9,20/09/2026,Widget B,1,50",
        ",,,Widget A,1,100",
        "Gamma Inc,SO-5,01/07/2026,Gadget C,10,300",
        ",,,Widget A,1,100",
        ",,,Widget B,-1,-50",
      ])
    );
    // Acme SO-1 200 + 50, SO-7 200 + 30 = 480 in 2; Beta SO-3 530, SO-9 150 = 680 in 2; Gamma 300 + 100 − 50 = 350
    expect(revenue).toEqual({ "Acme Ltd": 480, "Beta GmbH": 680, "Gamma Inc": 350 });
    expect(orders).toEqual({ "Acme Ltd": 2, "Beta GmbH": 2, "Gamma Inc": 1 });
    expect(report.skipped).toEqual([]);
    expect(report.warnings.join(" ")).toContain(
      `, and an order with no "Customer" as the customer's above it.`
    );
  });

  it("the order number on the item lines, not on the shipping line: the shipping is the order's", async () => {
    const { revenue } = await analyzeFile(
      fileOf([
        "Order No,Customer,Order Date,Product,Quantity,Amount",
        "SO-1001,Acme Ltd,2026-03-02,Widget A,2,200.00",
        "SO-1001,,,Widget B,1,50.00",
        ",,,Shipping,1,15.00",
        "SO-1002,Beta GmbH,2026-04-10,Widget A,5,500.00",
        "SO-1002,,,Gadget C,1,30.00",
        ",,,Shipping,1,15.00",
        "SO-1003,Acme Ltd,2026-06-15,Widget B,4,200.00",
        ",,,Shipping,1,15.00",
      ])
    );
    // Acme 200 + 50 + 15 + 200 + 15 = 480; Beta 500 + 30 + 15 = 545
    expect(revenue).toEqual({ "Acme Ltd": 480, "Beta GmbH": 545 });
  });

  it("bare rows of sums under each order stay totals rows, no revenue lost", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        "Order No,Customer,Order Date,Product,Quantity,Amount",
        "SO-9001,Acme Ltd,2026-03-02,Widget A,2,200.00",
        ",,,Widget B,1,50.00",
        ",,,,3,250.00",
        "SO-9002,Beta GmbH,2026-04-10,Widget A,5,500.00",
        ",,,Gadget C,1,30.00",
        ",,,,6,530.00",
        "SO-9003,Acme Ltd,2026-06-15,Widget B,4,200.00",
        ",,,,4,200.00",
        ",,,,13,980.00",
      ])
    );
    // Acme 200 + 50 + 200; Beta 500 + 30; the four rows of sums skipped as totals
    expect(revenue).toEqual({ "Acme Ltd": 450, "Beta GmbH": 530 });
    expect(skippedRows(report.skipped)).toEqual({ "totals row": 4 });
  });

  it("a PivotTable's '(blank)' customer is no customer: its lines are skipped and said", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        "Customer,Order Date,Product,Sum of Amount",
        "Acme Ltd,02/03/2026,Widget A,200",
        ",,Widget B,50",
        ",15/06/2026,Widget B,200",
        "Beta GmbH,10/04/2026,Gadget C,30",
        ",,Widget A,500",
        "(blank),05/05/2026,Widget A,75",
        ",,Widget B,25",
        "Gamma Inc,01/07/2026,Gadget C,300",
        ",,Widget A,100",
        "Grand Total,,,1480",
      ])
    );
    // Acme 200 + 50 + 200; Beta 30 + 500; Gamma 300 + 100; "(blank)" 75 + 25 skipped
    expect(revenue).toEqual({ "Acme Ltd": 450, "Beta GmbH": 530, "Gamma Inc": 400 });
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'no account ("(blank)")', rows: 2, revenue: 100 }),
      ])
    );
  });
});
