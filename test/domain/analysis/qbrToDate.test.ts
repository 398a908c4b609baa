/**
 * A QBR of the quarter still running at the as-of date (asked for with --quarter): its figures
 * run to the as-of date, so the quarters it is compared with run to the same point of theirs
 * (quarter to date against quarter to date), and every label says so.
 */
import { buildPortfolio, qbrData } from "../../../src/domain/analysis";
import { qbrSheets } from "../../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../../src/sheets/options";
import { bookOf, d, line } from "./helpers";

// FY2026 Q3 (Jul–Sep 2026): 5 Jul £100, 20 Aug £300, 10 Sep £200. FY2026 Q4 so far: 15 Oct £150.
// FY2025 Q4: 10 Oct 2025 £50, 20 Nov 2025 £500.
const book = bookOf([
  line("A", d(2026, 7, 5), "a", 100),
  line("A", d(2026, 8, 20), "a", 300),
  line("A", d(2026, 9, 10), "b", 200),
  line("A", d(2026, 10, 15), "a", 150),
  line("A", d(2025, 10, 10), "a", 50),
  line("A", d(2025, 11, 20), "b", 500),
]);
const asOf = d(2026, 10, 31);
const model = buildPortfolio(book, { asOf });

test("the running quarter to 31 Oct is compared with Q3 to 31 Jul and last year's Q4 to 31 Oct 2025", () => {
  const q = qbrData(model, "A", { year: 2026, q: 4 });
  const g = q.glance;
  expect(g.current).toMatchObject({ orders: 1, orderValue: 150, to: d(2026, 10, 31) });
  // 1 Jul – 31 Jul 2026: the 5 Jul order only (not the whole quarter's 3 orders, £600)
  expect(g.previous).toMatchObject({ orders: 1, orderValue: 100, to: d(2026, 7, 31) });
  // 1 Oct – 31 Oct 2025: the 10 Oct order only (not £550 with November's)
  expect(g.sameQuarterLastYear).toMatchObject({ orders: 1, orderValue: 50, to: d(2025, 10, 31) });
  // (150 − 100) / 100 = +50%, not (150 − 600) / 600 = −75%; (150 − 50) / 50 = +200%
  expect(g.valueVsPrevious).toBe(50);
  expect(g.valueVsLastYear).toBe(200);
  expect(g.ordersVsPrevious).toBe(0);
});

test("a completed quarter is compared whole, as before", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  expect(q.glance.current).toMatchObject({ orders: 3, orderValue: 600, to: d(2026, 9, 30) });
  expect(q.glance.previous).toMatchObject({ orders: 0, to: d(2026, 6, 30) });
});

test("the QBR's labels say the quarters run to a date", () => {
  const sheets = qbrSheets(qbrData(model, "A", { year: 2026, q: 4 }), layoutOptions({ asOf }));
  const text = sheets
    .flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))
    .filter((v): v is string => typeof v === "string");
  expect(text).toContain("This quarter, FY2026 Q4 (Oct–Dec 2026) to 31/10/2026");
  expect(text).toContain("Previous quarter, FY2026 Q3 (Jul–Sep 2026) to 31/07/2026");
  expect(text).toContain("Same quarter last year, FY2025 Q4 (Oct–Dec 2025) to 31/10/2025");
  expect(text).toContain("Change vs FY2026 Q3 to 31/07/2026");
  expect(text).toContain(
    "Oct–Dec 2026 to 31/10/2026, against the same part of the previous quarter and of the same quarter last year"
  );
  expect(
    text.some((t) =>
      /you placed 1 order, spend after returns £150 \(\+50% on FY2026 Q3 to 31\/07\/2026\)/.test(t)
    )
  ).toBe(true);
});

test("the running quarter's monthly revenue is the 12 months to the as-of month, not months still to come at £0", () => {
  const q = qbrData(model, "A", { year: 2026, q: 4 });
  expect(q.monthlyRevenue.map((m) => m.month)[0]).toBe("Nov 2025");
  expect(q.monthlyRevenue.map((m) => m.month)[11]).toBe("Oct 2026");
  // Nov 2025 £500, Jul £100, Aug £300, Sep £200, Oct 2026 £150 = £1,250, the 12 months' spend
  expect(q.monthlyRevenue.reduce((t, m) => t + m.revenue, 0)).toBe(1250);
  expect(q.spendLast12).toBe(1250);
});
