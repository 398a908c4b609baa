/**
 * The dashboard's silent-churn table when the lifetime fit finds almost no dropping out.
 *
 * The sample workbook's fit has a/(a+b) = 7154.54 / (7154.54 + 67,370,350) = 1.1e-4: P(alive)
 * stays near 100% for every account, even Nova Heating Services after 200 days without an
 * order (99.3%), so no account can ever fall below the table's 50%. The dashboard still said
 * "No high-revenue account looks lost without an alert." — reassurance the model cannot give.
 * With such a fit the empty table says P(alive) cannot show lost accounts here, and where to look.
 */
import { analyzePortfolio } from "../../src/domain/analysis";
import type { PortfolioAnalysis } from "../../src/domain/analysis";
import { dashboardSheet } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const base = analyzePortfolio(
  bookOf([line("A", d(2026, 9, 1), "s", 100), line("B", d(2026, 10, 1), "s", 200)]),
  { asOf }
);
const bgNbdFit = (a: number, b: number) => ({
  r: 1.975,
  alpha: 2.984,
  a,
  b,
  logLikelihood: -1000,
  converged: true,
});
/** The base portfolio with this fit; `reliable` as a fit on enough accounts would be (default: base's own, not reliable). */
const withFit = (a: number, b: number, reliable?: boolean): PortfolioAnalysis => ({
  ...base,
  lifetimeModels: base.lifetimeModels.map((m) => ({
    ...m,
    bgnbd: bgNbdFit(a, b),
    ...(reliable === undefined ? {} : { reliable, warning: null }),
  })),
});
/** The note under the silent-churn heading (with no account to list there is no table). */
const silentChurnText = (p: PortfolioAnalysis) => {
  const blocks = dashboardSheet(p, layoutOptions({ asOf, currency: "GBP" })).blocks;
  expect(blocks.some((b) => b.table?.name === "KAP_Dashboard_SilentChurn")).toBe(false);
  const k = blocks.findIndex((b) => String(b.rows[0][0]).startsWith("Silent churn:"));
  return blocks[k + 1].rows[0][0];
};

it("a fit with almost no dropping out (the sample's a, b) cannot say no account looks lost", () => {
  expect(base.lifetimeModels.length).toBe(1);
  expect(base.dashboard.silentChurn).toEqual([]);
  expect(silentChurnText(withFit(7154.537928, 67370350.01))).toBe(
    "P(alive) cannot show lost accounts here: the fit finds almost no dropping out (see the note on the Account Health sheet). The alerts and win-back stages show who has stopped ordering."
  );
});

it("a reliable fit with real dropping out (CDNOW's a 0.793, b 2.426: 25%) keeps the all-clear", () => {
  expect(silentChurnText(withFit(0.793, 2.426, true))).toBe(
    "No high-revenue account looks lost without an alert."
  );
});

it("a fit flagged not reliable: the list is not drawn from it, and the note says why", () => {
  // base: 2 accounts, 1 order each → no repeat buyer, so the models are not reliable (200 accounts and
  // 50 repeat buyers needed); a CDNOW-like fit with real dropping out, still not reliable
  const p = withFit(0.793, 2.426);
  expect(p.lifetimeModels.map((m) => m.reliable)).toEqual([false]);
  expect(silentChurnText(p)).toBe(
    "P(alive) cannot show lost accounts here: the lifetime fit is not reliable (see the note on the Account Health sheet). The alerts and win-back stages show who has stopped ordering."
  );
});
