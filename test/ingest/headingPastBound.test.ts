/**
 * QuickBooks Online's "Sales by Customer Detail" writes a job's heading in the same first column
 * as its customer: only a "Total for …" row further on tells a job from the next customer, and a
 * heading waits for one at most 200,000 rows (ingest/orders PENDING_ROWS_MAX). Before, a job
 * whose Total row came later was silently read as a customer of its own; the reading stays (the
 * memory bound stays), and the warnings now name the heading's row and the Total row.
 */
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import { createOrderParser } from "../../src/ingest/orders";

jest.setTimeout(60_000);

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

test("a job whose Total row comes 200,001 rows after its heading is read as a customer, and said", () => {
  // row 2 Acme Ltd; row 3 its line (7); row 4 the job heading Leeds; rows 5–200,005 Leeds's
  // 200,001 lines of 1; row 200,006 "Total for Leeds"; row 200,007 Acme's line (1); row 200,008 its Total
  const rows: Cell[][] = [["Acme Ltd"], line("10/01/2026", "1", 7), ["Leeds"]];
  for (let i = 0; i < 200_001; i++) rows.push(line("10/02/2026", String(10 + i), 1));
  rows.push(
    total("Total for Leeds", 200_001),
    line("10/04/2026", "4", 1),
    total("Total for Acme Ltd", 200_009)
  );
  const grid: Grid = { name: "Sales", values: [HEADER, ...rows] };
  const d = detectTable(grid, "orders")!;
  expect(d.mapping.layout).toBe("quickbooks-online-customer");
  const parser = createOrderParser(d.mapping, { dateOrder: "mdy" });
  const byAccount = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 10_000)
    parser.push(rows.slice(i, i + 10_000), 2 + i, (l) =>
      byAccount.set(l.accountId, (byAccount.get(l.accountId) ?? 0) + l.revenue)
    );
  const report = parser.finish();
  // by hand: Leeds's heading waits past 200,000 rows (its Total at row 200,006): read as the next
  // customer, its 200,001 lines of 1 its own; Acme keeps its own line of 7
  expect(byAccount.get("Leeds")).toBe(200_001);
  // Acme keeps its own line of 7; its line after Leeds's Total (row 200,007) stands under no open
  // heading: rejected as no account (said). Within the bound Acme would be 7 + 200,001 + 1 = 200,009.
  expect([...byAccount]).toEqual([
    ["Acme Ltd", 7],
    ["Leeds", 200_001],
  ]);
  expect(report.rejected).toEqual([{ reason: "no account", count: 1, rows: [200_007] }]);
  expect(report.warnings).toContain(
    'The customer heading at row 4 was read as a customer of its own: the "Total …" row that shows it is a job of the customer above it (row 200006) came more than 200000 rows after it, the most KAP holds waiting for one. Its lines, and the jobs after it, may count under the wrong customer: split the report, or export it by customer.'
  );
});
