/**
 * QuickBooks "Sales by Customer Detail" with jobs nested under a customer that has lines of its
 * own: Online writes the job heading in the same first column as its customer, so only the
 * "Total for …" rows further on tell a job from the next customer. Every expected figure is worked
 * out by hand from the rows, as the comments show.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import { createOrderParser } from "../../src/ingest/orders";
import { analyzeFile } from "./fileAnalysis";

const NESTED = join(
  __dirname,
  "../fixtures/exports/quickbooks-online-sales-by-customer-detail-nested-jobs.csv"
);

const analyze = analyzeFile;

test("Online, first customer with lines of its own, then a job and a job of the job: all one account", async () => {
  const { report, revenue, orders } = await analyze(NESTED);
  expect(report.read).toMatchObject({ layout: "QuickBooks Online sales by customer detail" });
  expect(revenue).toEqual({
    // own lines 200×4.50 + 1,500×0.80 = 900 + 1,200; Quay Street site 2,000×0.80 = 1,600;
    // its Block B 10,000×0.12 = 1,200 less the credit memo (60.00) = 1,140 → 2,100 + 1,600 + 1,140 = 4,840.00
    "Northfield Builders": 4840,
    // 10×4.50 + 20×2.10 − refund receipt 5×2.10 = 45 + 42 − 10.50 = 76.50
    "Brightwell Electrical Ltd": 76.5,
    // 4×4.50 + 1,200×1.25 = 18 + 1,500 = 1,518.00 ("Dormant Trade Co" has no lines: no account)
    "Harbour Plumbing & Heating": 1518,
  });
  // purchase orders: 1101, 1108, 1115, 1119 (1121 is a return); 1114, 1120 (1122 a refund); 1117, 1123
  expect(orders).toEqual({
    "Northfield Builders": 4,
    "Brightwell Electrical Ltd": 2,
    "Harbour Plumbing & Heating": 2,
  });
  expect(report.accepted).toBe(10);
  expect(report.returns).toBe(2);
  // the report's own TOTAL: $6,434.50
  expect(report.revenue).toBe(6434.5);
  // 6 headings (Northfield, Quay Street site, Block B, Brightwell, Dormant, Harbour); 7 totals
  expect(report.skipped).toEqual([
    { rule: "report title row", rows: 4, revenue: 0, share: null },
    { rule: "blank row", rows: 1, revenue: 0, share: null },
    { rule: "totals row", rows: 7, revenue: 0, share: null },
    { rule: "customer heading row", rows: 6, revenue: 0, share: null },
    { rule: "report footer row", rows: 1, revenue: 0, share: null },
  ]);
});

describe("row by row (Online header)", () => {
  const HEADER = [
    "",
    "Date",
    "Transaction Type",
    "Num",
    "Product/Service",
    "Qty",
    "Sales Price",
    "Amount",
    "Balance",
  ];
  const line = (date: string, num: string, amount: number): Cell[] => [
    null,
    date,
    "Invoice",
    num,
    "Cable ties",
    1,
    amount,
    amount,
    amount,
  ];
  const total = (text: string, amount: number): Cell[] => [
    text,
    null,
    null,
    null,
    null,
    null,
    null,
    amount,
  ];
  /** The report of the last parse. */
  let lastReport: ReturnType<ReturnType<typeof createOrderParser>["finish"]> | undefined;
  /** The rows pushed in pieces of `size` rows: the accepted lines as [account, site, revenue]. */
  function parse(rows: Cell[][], size = rows.length) {
    const grid: Grid = { name: "Sales", values: [HEADER, ...rows] };
    const d = detectTable(grid, "orders")!;
    expect(d.mapping.layout).toBe("quickbooks-online-customer");
    const parser = createOrderParser(d.mapping, { dateOrder: "mdy" });
    const out: [string, string, number][] = [];
    for (let i = 0; i < rows.length; i += size)
      parser.push(rows.slice(i, i + size), 2 + i, (l) =>
        out.push([l.accountId, l.site ?? "", l.revenue])
      );
    lastReport = parser.finish();
    return out;
  }
  const report = [
    ["Acme Ltd"],
    line("10/01/2026", "1", 7),
    ["Leeds"],
    line("10/02/2026", "2", 3),
    ["Unit 4"],
    line("10/03/2026", "3", 2),
    total("Total for Unit 4", 2),
    total("Total for Leeds", 5),
    line("10/04/2026", "4", 1),
    total("Total for Acme Ltd", 13),
    ["Brightwell"],
    line("10/05/2026", "5", 9),
    total("Total for Brightwell", 9),
  ];

  it("a job heading after its customer's own lines, before any Total row, is the job", () => {
    // Acme: 7 + 3 + 2 + 1 = 13 (its "Total for" row); Brightwell 9
    expect(parse(report)).toEqual([
      ["Acme Ltd", "", 7],
      ["Acme Ltd", "Leeds", 3],
      ["Acme Ltd", "Leeds:Unit 4", 2],
      ["Acme Ltd", "", 1],
      ["Brightwell", "", 9],
    ]);
  });

  it("the same when the rows come in small pieces, as far as the piece with the heading reaches", () => {
    // the Leeds heading (row 3) sees "Total for Leeds" in its piece of 8 rows
    expect(parse(report, 8).map(([a]) => a)).toEqual([
      "Acme Ltd",
      "Acme Ltd",
      "Acme Ltd",
      "Acme Ltd",
      "Brightwell",
    ]);
  });

  it("the same in pieces of 2 rows: a job's heading waits for its Total row in a later piece", () => {
    // the Leeds heading's piece ([Leeds], line 2) holds no Total row; "Total for Leeds" comes
    // 3 pieces later: Leeds is Acme's job, as when the report is pushed whole (7 + 3 + 2 + 1 = 13)
    const whole = [
      ["Acme Ltd", "", 7],
      ["Acme Ltd", "Leeds", 3],
      ["Acme Ltd", "Leeds:Unit 4", 2],
      ["Acme Ltd", "", 1],
      ["Brightwell", "", 9],
    ];
    expect(parse(report, 2)).toEqual(whole);
    expect(parse(report, 1)).toEqual(whole);
    // 4 headings (Acme, Leeds, Unit 4, Brightwell) and 4 totals, each counted once
    const skipped = Object.fromEntries(lastReport!.skipped.map((k) => [k.rule, k.rows]));
    expect(skipped).toMatchObject({ "customer heading row": 4, "totals row": 4 });
    expect(lastReport!.accepted).toBe(5);
  });

  it("with no Total rows, in pieces of 1 row: the heading waits to the end of the lines, then is the next customer", () => {
    const rows = [
      ["Acme Ltd"],
      line("10/01/2026", "1", 7),
      ["Brightwell"],
      line("10/05/2026", "5", 9),
      line("10/06/2026", "6", 4),
    ];
    expect(parse(rows, 1)).toEqual([
      ["Acme Ltd", "", 7],
      ["Brightwell", "", 9],
      ["Brightwell", "", 4],
    ]);
  });

  it("property: any report, with or without Total rows, reads the same lines in pieces of any size as pushed whole", () => {
    // customers with lines of their own and jobs (each with lines and, in a report with totals,
    // its own Total row) written in the same first column, as QuickBooks Online does
    const customer = fc.record({
      own: fc.integer({ min: 0, max: 3 }),
      jobs: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        (customers, totals, size) => {
          const rows: Cell[][] = [];
          let n = 0;
          customers.forEach((c, i) => {
            rows.push([`Customer ${i}`]);
            for (let k = 0; k < c.own; k++) rows.push(line("10/01/2026", String(++n), 1));
            c.jobs.forEach((lines, j) => {
              rows.push([`Job ${i}.${j}`]);
              for (let k = 0; k < lines; k++) rows.push(line("10/02/2026", String(++n), 1));
              if (totals) rows.push(total(`Total for Job ${i}.${j}`, lines));
            });
            if (totals) rows.push(total(`Total for Customer ${i}`, 0));
          });
          expect(parse(rows, size)).toEqual(parse(rows));
        }
      )
    );
  });

  it("with no Total rows at all (deleted), a heading after lines is still the next customer", () => {
    expect(
      parse([["Acme Ltd"], line("10/01/2026", "1", 7), ["Brightwell"], line("10/05/2026", "5", 9)])
    ).toEqual([
      ["Acme Ltd", "", 7],
      ["Brightwell", "", 9],
    ]);
  });
});

test("Desktop exported to Excel: job and sub-job indented, the parent's own lines first, real dates and numbers", async () => {
  const d = (m: number, day: number) => new Date(Date.UTC(2026, m - 1, day));
  const pad = ["", "", "", ""];
  const L = (
    type: string,
    date: Date,
    num: string,
    name: string,
    item: string,
    q: number,
    p: number,
    a: number
  ): Cell[] => [...pad, type, date, num, "", name, item, q, p, a, a];
  const T = (at: number, text: string, a: number): Cell[] => {
    const r: Cell[] = Array(14).fill("");
    r[at] = text;
    r[12] = a;
    return r;
  };
  const rows: Cell[][] = [
    [
      ...pad,
      "Type",
      "Date",
      "Num",
      "Memo",
      "Name",
      "Item",
      "Qty",
      "Sales Price",
      "Amount",
      "Balance",
    ],
    ["Northfield Builders"],
    L("Invoice", d(9, 3), "301", "Northfield Builders", "Cable ties 100mm", 200, 4.5, 900),
    ["", "Quay Street site"],
    L(
      "Invoice",
      d(10, 2),
      "315",
      "Northfield Builders:Quay Street site",
      "Copper fitting 15mm",
      2000,
      0.8,
      1600
    ),
    ["", "", "Block B"],
    L(
      "Invoice",
      d(10, 9),
      "319",
      "Northfield Builders:Quay Street site:Block B",
      "Cable clips 10mm",
      10000,
      0.12,
      1200
    ),
    L(
      "Credit Memo",
      d(10, 12),
      "321",
      "Northfield Builders:Quay Street site:Block B",
      "Cable clips 10mm",
      -500,
      0.12,
      -60
    ),
    T(2, "Total Block B", 1140),
    T(1, "Total Quay Street site", 2740),
    T(0, "Total Northfield Builders", 3640),
    ["Total Tools Ltd"],
    L("Invoice", d(10, 14), "316", "Total Tools Ltd", "Insulation tape", 1200, 1.25, 1500),
    T(0, "Total Total Tools Ltd", 1500),
    T(0, "TOTAL", 5140),
  ];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((r) => ws.addRow(r));
  ws.getColumn(6).numFmt = "mm/dd/yyyy";
  const path = join(mkdtempSync(join(tmpdir(), "kap-qbd-")), "sales-by-customer-detail.xlsx");
  await wb.xlsx.writeFile(path);
  const { report, revenue, orders } = await analyze(path);
  expect(report.read).toMatchObject({ layout: "QuickBooks Desktop sales by customer detail" });
  // 900 + 1,600 + 1,200 − 60 = 3,640.00; Total Tools Ltd (a customer, not a total) 1,200×1.25 = 1,500.00
  expect(revenue).toEqual({ "Northfield Builders": 3640, "Total Tools Ltd": 1500 });
  // 301, 315, 319 (321 is a return); 316
  expect(orders).toEqual({ "Northfield Builders": 3, "Total Tools Ltd": 1 });
  expect(report.returns).toBe(1);
  expect(report.revenue).toBe(5140);
});

test("Desktop exported to CSV: job and sub-job indented, thousands separators, a customer called Total Tools Ltd", async () => {
  const { report, revenue, orders } = await analyze(
    join(
      __dirname,
      "../fixtures/exports/quickbooks-desktop-sales-by-customer-detail-nested-jobs.csv"
    )
  );
  expect(report.read).toMatchObject({
    layout: "QuickBooks Desktop sales by customer detail",
    dateOrder: "mdy",
  });
  expect(revenue).toEqual({
    // 900 + "1,600" + "1,200" − 60 = 3,640
    "Northfield Builders": 3640,
    // 45 + 42 = 87
    "Brightwell Electrical Ltd": 87,
    // "1,200" × 1.25 = 1,500
    "Total Tools Ltd": 1500,
  });
  expect(orders).toEqual({
    "Northfield Builders": 3,
    "Brightwell Electrical Ltd": 2,
    "Total Tools Ltd": 1,
  });
  expect(report.returns).toBe(1);
  // the report's own TOTAL: 5,227
  expect(report.revenue).toBe(5227);
});
