/**
 * QuickBooks "Sales by Customer Detail" (Online and Desktop): the customer is a heading row above
 * its lines, ended by a "Total for …" (Online) or "Total …" (Desktop) row. Every expected figure
 * is worked out by hand from the fixture, as the comments show.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { OrderLine } from "../../src/domain/types";
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import { createOrderParser, type IngestReport } from "../../src/ingest/orders";
import { serialToIso } from "../../src/domain/dates";
import { analyzeFile, linesOf } from "./fileAnalysis";
import { QBO_CUSTOMER_DETAIL_HEADER } from "./quickbooksReports";

const EXPORTS = join(__dirname, "../fixtures/exports");
const ONLINE = join(EXPORTS, "quickbooks-online-sales-by-customer-detail.csv");
const DESKTOP = join(EXPORTS, "quickbooks-desktop-sales-by-customer-detail.csv");

const analyze = analyzeFile;

const lines = linesOf;

const view = (ls: OrderLine[]) =>
  ls.map((l) => [l.accountId, l.site ?? "", l.sku, l.orderId, serialToIso(l.date), l.revenue]);

const rule = (r: IngestReport, name: string) => r.skipped.find((s) => s.rule === name)?.rows;

describe("QuickBooks Online sales by customer detail", () => {
  it("reads the customer from its heading; title block, headings, totals and footer skipped and reported", async () => {
    const { report, revenue, orders } = await analyze(ONLINE);
    expect(report.read).toMatchObject({
      layout: "QuickBooks Online sales by customer detail",
      dateOrder: "mdy",
    });
    expect(revenue).toEqual({
      // 10×4.50 + 50×0.80 + 20×2.10 (sales receipt) = 45 + 40 + 42 = 127.00
      "Brightwell Electrical Ltd": 127,
      // 4×4.50 − 2×4.50 (credit memo 1009) + 12×1.25 = 18 − 9 + 15 = 24.00
      "Harbour Plumbing & Heating": 24,
      // heading "Northfield Builders:Quay Street site": 25×0.80 + 1,000×0.09 = 20 + 90 = 110.00
      "Northfield Builders": 110,
    });
    // purchase orders: 1001 and 1012; 1007 and 1014 (1009 is a return); 1004 and 1013
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 2,
      "Harbour Plumbing & Heating": 2,
      "Northfield Builders": 2,
    });
    expect(report.accepted).toBe(8);
    expect(report.returns).toBe(1);
    expect(report.revenue).toBe(261);
    // 17 rows below the header (rows 6–22): 8 lines + 1 blank + 4 totals (3 customers, TOTAL)
    // + 3 customer headings + 1 "Accrual basis" footer; the 4 rows above the header are the title block
    expect(report.skipped).toEqual([
      { rule: "report title row", rows: 4, revenue: 0, share: null },
      { rule: "blank row", rows: 1, revenue: 0, share: null },
      { rule: "totals row", rows: 4, revenue: 0, share: null },
      { rule: "customer heading row", rows: 3, revenue: 0, share: null },
      { rule: "report footer row", rows: 1, revenue: 0, share: null },
    ]);
    expect(report.rejected).toEqual([]);
  });

  it("a Parent:Job heading is the parent's account and the job's site; products from Product/Service", async () => {
    expect(view(await lines(ONLINE))).toEqual([
      ["Brightwell Electrical Ltd", "", "Cable ties 100mm", "1001", "2026-10-02", 45],
      ["Brightwell Electrical Ltd", "", "Copper fitting 15mm", "1001", "2026-10-02", 40],
      ["Brightwell Electrical Ltd", "", "Cable clips 10mm", "1012", "2026-10-21", 42],
      ["Harbour Plumbing & Heating", "", "Cable ties 100mm", "1007", "2026-10-15", 18],
      ["Harbour Plumbing & Heating", "", "Cable ties 100mm", "1009", "2026-10-20", -9],
      ["Harbour Plumbing & Heating", "", "Insulation tape", "1014", "2026-10-27", 15],
      ["Northfield Builders", "Quay Street site", "Copper fitting 15mm", "1004", "2026-10-09", 20],
      ["Northfield Builders", "Quay Street site", "Cable clips 10mm", "1013", "2026-10-23", 90],
    ]);
  });

  it("the same report exported to Excel (.xlsx, real dates and numbers) reads the same", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sales by Customer Detail");
    const d = (day: number) => new Date(Date.UTC(2026, 9, day));
    const rows: Cell[][] = [
      ["Kestrel Supplies Ltd"],
      ["Sales by Customer Detail"],
      ["October 1-31, 2026"],
      [],
      [
        "",
        "Date",
        "Transaction Type",
        "Num",
        "Product/Service",
        "Memo/Description",
        "Qty",
        "Sales Price",
        "Amount",
        "Balance",
      ],
      ["Brightwell Electrical Ltd"],
      [null, d(2), "Invoice", "1001", "Cable ties 100mm", "black", 10, 4.5, 45, 45],
      [null, d(21), "Sales Receipt", "1012", "Cable clips 10mm", "Counter sale", 20, 2.1, 42, 87],
      ["Total for Brightwell Electrical Ltd", null, null, null, null, null, null, null, 87],
      ["Harbour Plumbing & Heating"],
      [null, d(15), "Invoice", "1007", "Cable ties 100mm", "", 4, 4.5, 18, 18],
      [null, d(20), "Credit Memo", "1009", "Cable ties 100mm", "Returned", -2, 4.5, -9, 9],
      ["Total for Harbour Plumbing & Heating", null, null, null, null, null, null, null, 9],
      ["TOTAL", null, null, null, null, null, null, null, 96],
    ];
    rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
    const file = join(mkdtempSync(join(tmpdir(), "kap-qbc-")), "customer-detail.xlsx");
    await wb.xlsx.writeFile(file);
    const { report, revenue } = await analyze(file);
    // 45 + 42 = 87.00; 18 − 9 = 9.00
    expect(revenue).toEqual({ "Brightwell Electrical Ltd": 87, "Harbour Plumbing & Heating": 9 });
    expect(report.returns).toBe(1);
    expect(rule(report, "customer heading row")).toBe(2);
    expect(rule(report, "totals row")).toBe(3);
  });
});

describe("QuickBooks Desktop sales by customer detail", () => {
  it('the Name column, "Total …" rows, a job indented under its customer, UK dates', async () => {
    const { report, revenue, orders } = await analyze(DESKTOP);
    expect(report.read).toMatchObject({
      layout: "QuickBooks Desktop sales by customer detail",
      dateOrder: "dmy",
    });
    // the same sales as the Online fixture: 127.00, 18 − 9 + 15 = 24.00, 20 + 90 = 110.00
    expect(revenue).toEqual({
      "Brightwell Electrical Ltd": 127,
      "Harbour Plumbing & Heating": 24,
      "Northfield Builders": 110,
    });
    expect(orders).toEqual({
      "Brightwell Electrical Ltd": 2,
      "Harbour Plumbing & Heating": 2,
      "Northfield Builders": 2,
    });
    // 17 rows below the header: 8 lines + 5 totals (3 customers, the Quay Street job, TOTAL) + 4 headings
    expect(report.skipped).toEqual([
      { rule: "totals row", rows: 5, revenue: 0, share: null },
      { rule: "customer heading row", rows: 4, revenue: 0, share: null },
    ]);
    const ls = await lines(DESKTOP);
    expect(ls.filter((l) => l.site).map((l) => [l.accountId, l.site, l.sku])).toEqual([
      ["Northfield Builders", "Quay Street site", "Copper fitting 15mm"],
      ["Northfield Builders", "Quay Street site", "Cable clips 10mm"],
    ]);
    expect(ls[4]).toMatchObject({ orderId: "79", isReturn: true, quantity: -2, revenue: -9 });
  });
});

describe("customer headings, row by row", () => {
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
  /** Parses rows under the Online header: the accepted lines (account, site, revenue) and the report. */
  function parse(rows: Cell[][]) {
    const grid: Grid = { name: "Sales", values: [HEADER, ...rows] };
    const d = detectTable(grid, "orders")!;
    expect(d.mapping.layout).toBe("quickbooks-online-customer");
    const parser = createOrderParser(d.mapping, { dateOrder: "mdy" });
    const out: [string, string, number][] = [];
    parser.push(rows, 2, (l) => out.push([l.accountId, l.site ?? "", l.revenue]));
    return { out, report: parser.finish() };
  }
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

  it("a job heading in the same column under its customer (Online) is the job: Parent:Job from the nesting", () => {
    const { out } = parse([
      ["Harbour Plumbing"],
      ["Quay Street job"],
      line("10/05/2026", "2001", 10),
      total("Total for Quay Street job", 10),
      line("10/06/2026", "2002", 5),
      total("Total for Harbour Plumbing", 15),
      ["Acme Ltd"],
      line("10/07/2026", "2003", 7),
      ["Acme Ltd:Leeds"],
      line("10/08/2026", "2004", 3),
      total("Total for Acme Ltd:Leeds", 3),
      total("Total for Acme Ltd", 10),
    ]);
    expect(out).toEqual([
      ["Harbour Plumbing", "Quay Street job", 10],
      // the job's total closed it: the parent's own line has no site
      ["Harbour Plumbing", "", 5],
      ["Acme Ltd", "", 7],
      ["Acme Ltd", "Leeds", 3],
    ]);
  });

  it('a customer called "Total Tools Ltd" is a heading; with no "Total for" rows each heading starts a new customer', () => {
    const { out, report } = parse([
      line("10/01/2026", "3000", 4),
      ["Total Tools Ltd"],
      line("10/05/2026", "3001", 10),
      ["Brightwell Electrical"],
      line("10/06/2026", "3002", 5),
    ]);
    expect(out).toEqual([
      ["Total Tools Ltd", "", 10],
      ["Brightwell Electrical", "", 5],
    ]);
    // the line above any heading has no customer: rejected, with its row and value
    expect(report.skipped).toEqual([
      { rule: "customer heading row", rows: 2, revenue: 0, share: null },
      { rule: "no account", rows: 1, revenue: 4, share: 0.2105 },
    ]);
    expect(report.warnings).toContain(
      "1 row was skipped: 1 no account (row 2; 4.00, 21.1% of revenue)."
    );
  });
});

test("QuickBooks Online's newer report headers are the same layout; a Refund Receipt is a return", () => {
  const header = [...QBO_CUSTOMER_DETAIL_HEADER];
  const rows: Cell[][] = [
    ["Quayside Electrical"],
    ["", "10/03/2026", "Invoice", "5001", "Cable ties 100mm", "", 20, 4.5, 90, 90],
    ["", "10/09/2026", "Refund Receipt", "5002", "Cable ties 100mm", "", -4, 4.5, -18, 72],
    ["Total for Quayside Electrical", "", "", "", "", "", "", "", 72, ""],
  ];
  const d = detectTable({ name: "Sales", values: [header, ...rows] }, "orders")!;
  expect(d.mapping.layout).toBe("quickbooks-online-customer");
  const parser = createOrderParser(d.mapping, { dateOrder: "mdy" });
  const out: OrderLine[] = [];
  parser.push(rows, 2, (l) => out.push({ ...l }));
  const report = parser.finish();
  // 20×4.50 = 90.00 sold, 4×4.50 = 18.00 refunded: 72.00 net
  expect(out.map((l) => [l.accountId, l.sku, l.quantity, l.revenue, l.isReturn])).toEqual([
    ["Quayside Electrical", "Cable ties 100mm", 20, 90, false],
    ["Quayside Electrical", "Cable ties 100mm", -4, -18, true],
  ]);
  expect(report.revenue).toBe(72);
});
