/**
 * A sales director's read of the QBR's quarter page (FY2026 Q3, Jul–Sep 2026):
 * - a product returned in the quarter more than it was bought there is not a "top product"
 *   (it was not bought: PRODUCT.md §2, net-positive), so the list agrees with the Products count;
 * - the category chart draws every row of its table, the service and adjustment row too, so the
 *   chart's percentages are the table's Share column; a negative row (a discount, a category
 *   returned more than bought) has no share (shares are of what was bought, as the Purchase
 *   Breakdown's) and comes after the rows the pie draws;
 * - the similar accounts' medians show "31", not Excel's "31." of the format "#,##0.#".
 * Numbers worked by hand below.
 */
import ExcelJS from "exceljs";
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const Q3 = { year: 2026, q: 3 } as const;
const model = buildPortfolio(
  bookOf([
    // A: P3 bought in Q2 (20 × £10), 9 of them returned in Q3 (−£90)
    line("A", d(2026, 4, 10), "P3", 200, { quantity: 20, category: "Tools" }),
    line("A", d(2026, 7, 5), "P1", 300, { quantity: 10, category: "Tools" }),
    line("A", d(2026, 8, 1), "P2", 100, { quantity: 4, category: "Fixings" }),
    line("A", d(2026, 8, 1), "POST", 100, { category: "" }),
    line("A", d(2026, 8, 15), "P3", -90, { quantity: -9, category: "Tools", orderId: "C1" }),
    // B: Tools £300 then a £40 discount line in Q3: the service row is −£40
    line("B", d(2026, 7, 6), "P1", 300, { quantity: 10, category: "Tools" }),
    line("B", d(2026, 8, 2), "P2", 100, { quantity: 4, category: "Fixings" }),
    line("B", d(2026, 8, 2), "DISCOUNT", -40, { quantity: 1, category: "", isReturn: false }),
    // C, D, E: peers with 1, 2 and 1 orders in the 12 months to 30/09/2026
    line("C", d(2026, 9, 1), "P1", 30, { category: "Tools" }),
    line("D", d(2026, 9, 2), "P1", 30, { category: "Tools" }),
    line("D", d(2026, 9, 9), "P1", 30, { category: "Tools" }),
    line("E", d(2026, 9, 3), "P1", 30, { category: "Tools" }),
  ]),
  { asOf }
);

const sheetsOf = (id: string): SheetSpec[] =>
  qbrSheets(qbrData(model, id, Q3), layoutOptions({ asOf, currency: "GBP" }));
const quarterPage = (id: string): SheetSpec => sheetsOf(id).find((s) => s.kind === "qbr-quarter")!;
const blockAt = (s: SheetSpec, at: string) => s.blocks.find((b) => b.at === at)!;

test("top products are the ones bought in the quarter (net positive): P1 £300, P2 £100, not P3 at −£90", () => {
  const q = qbrData(model, "A", Q3);
  expect(q.topProducts.map((p) => [p.sku, p.units, p.revenue])).toEqual([
    ["P1", 10, 300],
    ["P2", 4, 100],
  ]);
  // the same count as the quarter's Products figure
  expect(q.glance.current.distinctProducts).toBe(2);
  const rows = blockAt(quarterPage("A"), "A12").rows;
  expect(rows.slice(1).map((r) => r[1])).toEqual(["P1", "P2"]);
});

test("the category chart draws every row of its table: Tools £210, Fixings £100, service £100 (51%, 24%, 24%)", () => {
  const page = quarterPage("A");
  const table = blockAt(page, "A20").rows;
  // Tools 300 − 90 = 210, Fixings 100, postage 100: net revenue 410
  expect(table.slice(1, -1).map((r) => [r[1], Math.round((r[2] as number) * 1000) / 1000])).toEqual(
    [
      [210, 0.512],
      [100, 0.244],
      [100, 0.244],
    ]
  );
  expect(table[table.length - 1][1]).toBe(410);
  const chart = page.charts!.find((c) => c.title.startsWith("Spend by category"))!;
  expect(chart.type).toBe("pie");
  expect(chart.data).toBe("A20:B23");
});

test("with a negative row (a £40 discount): shares of the £400 bought (75%, 25%), the discount without one, a pie of the two", () => {
  const page = quarterPage("B");
  const table = blockAt(page, "A20").rows;
  // Tools 300, Fixings 100, discount −40: net 360; bought 400 → 300/400 = 75%, 100/400 = 25%
  expect(table.slice(1).map((r) => [r[1], r[2]])).toEqual([
    [300, 0.75],
    [100, 0.25],
    [-40, null],
    [360, null],
  ]);
  const chart = page.charts!.find((c) => c.title.startsWith("Spend by category"))!;
  expect(chart.type).toBe("pie");
  expect(chart.data).toBe("A20:B22");
});

test("similar accounts' medians: 1.5 orders with one decimal, 1 category as a whole number (not '1.')", () => {
  const page = sheetsOf("A").find((s) => s.kind === "qbr-insights")!;
  // peers of A: B 2 orders (6 Jul, 2 Aug), C 1, D 2, E 1 → median 1.5
  const orders = blockAt(page, "A14");
  expect(orders.rows[0][2]).toBe(1.5);
  expect(orders.formats![2]).toBe("#,##0.0");
  // categories bought: B Tools and Fixings (2; the discount is no category), C, D, E Tools (1) → median 1
  const cats = blockAt(page, "A15");
  expect(cats.rows[0][2]).toBe(1);
  expect(cats.formats![2]).toBe("#,##0");
  // this account: 3 orders (10 Apr, 5 Jul, 1 Aug; the 15 Aug credit note is a return), Tools and Fixings
  expect([orders.rows[0][1], cats.rows[0][1]]).toEqual([3, 2]);
});

describe("a running quarter with the as-of mid-month (kap qbr --quarter 2026Q4 as of 15/11/2026)", () => {
  // 10 Nov 2025 £100 (before both windows), 20 Nov 2025 £50, 3 Mar 2026 £200, 5 Nov 2026 £30
  const asOfMid = d(2026, 11, 15);
  const mid = buildPortfolio(
    bookOf([
      line("M", d(2025, 11, 10), "P1", 100),
      line("M", d(2025, 11, 20), "P1", 50),
      line("M", d(2026, 3, 3), "P1", 200),
      line("M", d(2026, 11, 5), "P1", 30),
    ]),
    { asOf: asOfMid }
  );
  const q = qbrData(mid, "M", { year: 2026, q: 4 });
  const page = qbrSheets(q, layoutOptions({ asOf: asOfMid, currency: "GBP" })).find(
    (s) => s.kind === "qbr-partnership"
  )!;
  const texts = page.blocks.flatMap((b) => b.rows.flat()).filter((v) => typeof v === "string");

  test("the 12 months' spend is 16/11/2025 – 15/11/2026: £50 + £200 + £30 = £280", () => {
    expect(q.spendLast12).toBe(280);
    expect(texts).toContain("Spend after returns, 12 months to 15/11/2026");
  });

  test("the monthly table (Dec 2025 – 15 Nov 2026: £200 + £30 = £230) says its months, the last one partial, so its total is not read as the £280", () => {
    const table = blockAt(page, "A16").rows;
    expect(table[table.length - 2]).toEqual(["Nov 2026 (to 15/11)", 30]);
    expect(table[table.length - 1]).toEqual(["Total, 01/12/2025 – 15/11/2026", 230]);
    expect(texts).toContain("Monthly revenue, Dec 2025 – 15/11/2026");
    expect(page.charts![0].title).toBe("Monthly revenue, Dec 2025 – 15/11/2026");
  });
});

describe("the printed quarter page reads like a report", () => {
  test("changes carry their sign (+20%, −13%, 0%) as the e-mail's do", () => {
    const page = quarterPage("A");
    const change = blockAt(page, "A8");
    expect(change.formats![1]).toBe("+0%;-0%;0%");
    expect(change.formats![2]).toBe("+0%;-0%;0%");
  });

  test("an 'n/a' in a column of figures is aligned with the figures (right), in the written file", async () => {
    // N500-like: a new account's factors Frequency and Revenue are n/a beside scores 1–5
    const bytes = await toXlsxBytes(sheetsOf("A"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Quarter at a glance")!;
    // A has no orders in FY2025 Q3: the change against it is n/a, in the Orders column
    expect(ws.getCell("B9").value).toBe("n/a");
    expect(ws.getCell("B9").alignment?.horizontal).toBe("right");
    // the label beside it stays left
    expect(ws.getCell("A9").alignment?.horizontal).not.toBe("right");
  });
});
