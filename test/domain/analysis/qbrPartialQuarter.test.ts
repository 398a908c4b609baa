/**
 * A quarter the QBR compares with that the data only partly covers (the export starts after its
 * first month) says where the data starts, beside figures that cover only that part: "Same quarter
 * last year, FY2025 Q3 (data from 15/08/2025)" rather than a bare "+350%" against 6 weeks of 13.
 */
import { buildPortfolio, qbrData } from "../../../src/domain/analysis";
import { qbrSheets } from "../../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../../src/sheets/options";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
const Q3 = { year: 2026, q: 3 } as const;
// A: 15 Aug 2025 £100, 10 Sep 2025 £100; 10 Jul, 10 Aug, 10 Sep 2026 £300 each
const A = [
  line("A", d(2025, 8, 15), "P1", 100),
  line("A", d(2025, 9, 10), "P1", 100),
  line("A", d(2026, 7, 10), "P1", 300),
  line("A", d(2026, 8, 10), "P1", 300),
  line("A", d(2026, 9, 10), "P1", 300),
];

test("data from 15/08/2025: FY2025 Q3 is partly covered, and its labels say so", () => {
  const q = qbrData(buildPortfolio(bookOf(A), { asOf }), "A", Q3);
  const g = q.glance;
  expect([g.current.orders, g.current.orderValue]).toEqual([3, 900]);
  expect([g.sameQuarterLastYear.orders, g.sameQuarterLastYear.orderValue]).toEqual([2, 200]);
  expect(g.sameQuarterLastYear.dataStartDate).toBe(d(2025, 8, 15));
  expect(g.current.dataStartDate).toBeNull();
  // (900 − 200) / 200 would be +350% against 6 weeks of 13: no change is given against it
  // (a number KAP is not sure of is flagged, never guessed); the previous quarter is whole
  expect([g.ordersVsLastYear, g.valueVsLastYear, g.productsVsLastYear]).toEqual([null, null, null]);
  expect(g.previous.dataStartDate).toBeNull();
  const text = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" }))
    .flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))
    .filter((v): v is string => typeof v === "string");
  expect(text).toContain("Same quarter last year, FY2025 Q3 (Jul–Sep 2025; data from 15/08/2025)");
  expect(text).toContain("Change vs FY2025 Q3 (data from 15/08/2025)");
  const changeRow = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" }))
    .flatMap((sh) => sh.blocks.flatMap((b) => b.rows))
    .find((r) => r[0] === "Change vs FY2025 Q3 (data from 15/08/2025)");
  expect(changeRow?.slice(1, 3)).toEqual(["n/a", "n/a"]);
});

test("with another account's order in July 2025 the data covers FY2025 Q3: no note", () => {
  const q = qbrData(
    buildPortfolio(bookOf([...A, line("B", d(2025, 7, 28), "P1", 50)]), { asOf }),
    "A",
    Q3
  );
  expect(q.glance.sameQuarterLastYear.dataStartDate).toBeNull();
  // (900 − 200) / 200 = 350%; orders (3 − 2) / 2 = 50%
  expect(q.glance.valueVsLastYear).toBe(350);
  expect(q.glance.ordersVsLastYear).toBe(50);
});
