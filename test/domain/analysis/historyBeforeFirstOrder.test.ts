/**
 * A new account's 12-month health history: the month-ends before its first order are blank (no
 * score), never "never ordered" (1, Critical), so the trend starts when it became a customer.
 */
import { analyzePortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

// Acme Ltd, as the tester's orders.csv: first order 03/01/2026, a credit note on 25/03/2026
const book = bookOf([
  line("ACME", d(2026, 1, 3), "CT-1", 100, { category: "Cable Ties" }),
  line("ACME", d(2026, 2, 15), "CL-1", 50, { category: "Cable Clips" }),
  line("ACME", d(2026, 3, 20), "CT-1", 100, { category: "Cable Ties" }),
  line("ACME", d(2026, 3, 25), "CT-1", -20, { category: "Cable Ties", orderId: "CN004" }),
  line("ACME", d(2026, 9, 10), "FX-1", 40, { category: "Fixings" }),
  line("ACME", d(2026, 9, 25), "CT-1", 100, { category: "Cable Ties" }),
]);
const acme = analyzePortfolio(book, { asOf: d(2026, 9, 30) }).accounts[0];

test("month-ends 30/09/2025 … 31/12/2025, before the first order (03/01/2026), have no score and no band", () => {
  expect(acme.history.slice(0, 4)).toEqual([
    { date: d(2025, 9, 30), score: null, band: null },
    { date: d(2025, 10, 31), score: null, band: null },
    { date: d(2025, 11, 30), score: null, band: null },
    { date: d(2025, 12, 31), score: null, band: null },
  ]);
});

test("the first scored month-end is 31/01/2026, the month of the first order: 2.25 At Risk", () => {
  // 31/01/2026: last order 03/01 → 28 days → Recency 3; Frequency and Revenue n/a (first order inside
  // the later quarter and 12 months); Cable Ties only, one product → Diversity 1; no engagement or
  // payment. (25·3 + 15·1) / 40 = 90/40 = 2.25 → At Risk
  expect(acme.history[4]).toEqual({ date: d(2026, 1, 31), score: 2.25, band: "At Risk" });
});

test("the trend still compares as-of with last month: 31/08/2026 1.5 Critical → 30/09/2026 4.5, up", () => {
  // 31/08/2026: last order 20/03 → 164 days → Recency 1; orders (31/05, 31/08] 0 vs (28/02, 31/05] 1
  // → −100% → Frequency 1; Revenue n/a; Cable Ties 180 and Cable Clips 50 net → 2 categories → 3.
  // (25·1 + 20·1 + 15·3) / 60 = 90/60 = 1.5. A real fall and recovery, after the account began.
  expect(acme.history[11]).toEqual({ date: d(2026, 8, 31), score: 1.5, band: "Critical" });
  // 30/09: 25/09 → 5 days → 5; orders (30/06, 30/09] 2 vs 0 before, first order earlier (lapsed) → 5;
  // Revenue n/a; three categories → 3. (25·5 + 20·5 + 15·3) / 60 = 270/60 = 4.5
  expect(acme.history[12].score).toBe(4.5);
  expect(acme.trend).toBe("up");
});
