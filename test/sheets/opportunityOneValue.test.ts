/**
 * One opportunity, one value: the Whitespace Map, the Dashboard, the Breakdown, the Cross-Sell
 * sheet, the account plan and the QBR show the same £ a year for the same category, the
 * comparable accounts' median 12-month spend (PRODUCT.md §2.2 "at the median rate of comparable
 * accounts", §2.5, §2.6a). On the sample, Allied Manufacturing (C0077) had Storage at £609 on the
 * Dashboard (the affinity rule's median of the accounts buying Consumables and Storage) and
 * £1,204.46 on the Whitespace Map (the comparable Manufacturing accounts' median).
 *
 * Hand-built portfolio, as of 31/10/2026:
 *   A  Electrical Contractor  Electrical: £100 a month Nov 2024–Aug 2025 (prior 12 months, £1,000);
 *                             £50 on 10/06, 10/07 and 10/10/2026 (last 12 months, £150)
 *   B  Electrical Contractor  Electrical £50, Lighting £100     (every line in Aug–Sep 2026)
 *   C  Electrical Contractor  Electrical £50, Lighting £200
 *   D  Electrical Contractor  Lighting £300
 *   E  Plumber                Electrical £50, Lighting £1,000
 *   F  Plumber                Electrical £50, Lighting £1,100
 *   G–J Plumber               Cable Ties £50
 * A's comparable group: the 3 other Electrical Contractors; all 3 buy Lighting (100%), median of
 *   £100, £200, £300 = £200.00 — the one value. A's only gap, so its whitespace potential is £200.00.
 * The affinity rule Electrical → Lighting: baskets 10; Electrical A B C E F = 5, Lighting B C D E F
 *   = 5, both B C E F = 4 → confidence 80%, lift 0.8 / 0.5 = 1.6; its median spend of the accounts
 *   buying both = median(100, 200, 1,000, 1,100) = (200 + 1,000) / 2 = £600 — the figure the
 *   Dashboard, the Cross-Sell sheet, the plan and the QBR showed before.
 * A is Critical with no win-back stage, so the Dashboard's focus list gives its next step: Recency
 *   21 days → 3; orders last quarter 1 (10/10) against 2 (10/06, 10/07) → −50% → 1; revenue £150
 *   against £1,000 → −85% → 1; one category, one product → 1; engagement and payment no data:
 *   (0.25·3 + 0.2·1 + 0.2·1 + 0.15·1) / 0.8 = 1.30 / 0.8 = 1.63 → Critical.
 */
import {
  accountOpportunities,
  analyzeAccount,
  buildPortfolio,
  qbrData,
  recommended,
} from "../../src/domain/analysis";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { dashboardSheet } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { SheetSpec } from "../../src/sheets/spec";
import { whitespaceSheet } from "../../src/sheets/whitespaceSheet";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const EC = "Electrical Contractor";
const accounts = [
  ...["A", "B", "C", "D"].map((accountId) => ({ accountId, industry: EC })),
  ...["E", "F", "G", "H", "I", "J"].map((accountId) => ({ accountId, industry: "Plumber" })),
];
const el = (id: string, date: number, v = 50) =>
  line(id, date, "EL", v, { category: "Electrical" });
const lt = (id: string, v: number) => line(id, d(2026, 9, 1), "LT", v, { category: "Lighting" });
const model = buildPortfolio(
  bookOf([
    // A: ten months of £100 in the prior 12 months, then three £50 orders
    ...[11, 12].map((m) => el("A", d(2024, m, 15), 100)),
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((m) => el("A", d(2025, m, 15), 100)),
    el("A", d(2026, 6, 10)),
    el("A", d(2026, 7, 10)),
    el("A", d(2026, 10, 10)),
    el("B", d(2026, 8, 3)),
    lt("B", 100),
    el("C", d(2026, 8, 3)),
    lt("C", 200),
    lt("D", 300),
    el("E", d(2026, 8, 3)),
    lt("E", 1000),
    el("F", d(2026, 8, 3)),
    lt("F", 1100),
    ...["G", "H", "I", "J"].map((id) =>
      line(id, d(2026, 8, 3), "CT", 50, { category: "Cable Ties" })
    ),
  ]),
  { asOf, accounts }
);
const p = model.analysis;
const detail = analyzeAccount(model, "A");
const opts = layoutOptions({ asOf, currency: "GBP" });
const ONE_VALUE = 200;

/** The rows of the block whose header row starts with `first`, as header → value maps. */
function rowsUnder(s: SheetSpec, first: string): Map<string, unknown>[] {
  const b = s.blocks.find((x) => x.rows[0]?.[0] === first);
  if (!b) throw new Error(`${s.name}: no block headed "${first}"`);
  const head = b.rows[0] as string[];
  return b.rows.slice(1).map((r) => new Map(head.map((h, i) => [h, r[i]])));
}

test("A's Lighting: £200.00 on the Whitespace Map, as its gap and as its whitespace potential", () => {
  const s = whitespaceSheet(p, opts);
  const a = s.blocks.find((b) => b.table?.name === "KAP_Whitespace")!;
  const head = a.rows[0] as string[];
  const row = a.rows.find((r) => r[0] === "A")!;
  expect(row[head.indexOf("Gap: Lighting")]).toBe(ONE_VALUE);
  expect(row[head.indexOf("Whitespace potential")]).toBe(ONE_VALUE);
});

test("the same £200.00 in the Dashboard's next step for A, written to the penny", () => {
  const a = p.dashboard.focusAccounts.find((f) => f.accountId === "A")!;
  expect([a.band, a.winBack?.stage ?? 0]).toEqual(["Critical", 0]);
  const s = dashboardSheet(p, {
    ...opts,
    // what the engine gives the dashboard: the account's first recommended opportunity
    topOpportunity: (key) => recommended(accountOpportunities(model, key), 1)[0],
  });
  const focus = s.blocks.find((b) => b.table?.name === "KAP_Dashboard_Focus")!.rows;
  const next = focus.find((r) => r[0] === "A")![(focus[0] as string[]).indexOf("Next action")];
  expect(next).toBe("Escalate to management: offer Lighting (opportunity 1, High, £200.00 a year)");
});

test("the same £200.00 on the Breakdown, the Cross-Sell sheet and the plan", () => {
  const breakdown = breakdownSheet(detail, opts);
  const notBought = rowsUnder(breakdown, "Rank").find((r) => r.get("Offer") === "Lighting")!;
  expect([...notBought.values()]).toContain(ONE_VALUE);
  expect([...notBought.values()]).not.toContain(600);

  const cross = rowsUnder(crossSellSheet(detail, opts), "Rank").find(
    (r) => r.get("Consider selling") === "Lighting"
  )!;
  expect(cross.get("Annual estimate")).toBe(ONE_VALUE);
  expect(String(cross.get("Why (in words)"))).toContain(
    "Estimate £200.00: the median 12-month spend of the 3 comparable Electrical Contractor accounts that buy Lighting."
  );

  const plan = planSheet(detail, opts);
  const initiative = plan.blocks.flatMap((b) => b.rows).find((r) => r[0] === "Introduce Lighting")!;
  expect(initiative).toContain(ONE_VALUE);
  expect(initiative).not.toContain(600);
});

test("the same £200.00 for the QBR's recommendation, on its internal sheet with whose median it is; the Insights page gives the reasons only", () => {
  const sheets = qbrSheets(qbrData(model, "A", { year: 2026, q: 3 }), opts);
  const rowOf = (kind: string, head: string) =>
    sheets
      .find((s) => s.kind === kind)!
      .blocks.find((b) => b.rows[0]?.[0] === head)!
      .rows.find((r) => r[0] === "1. Lighting")!;
  const rec = rowOf("qbr-prep", "Recommendation (Insights page)");
  expect(rec).toContain(ONE_VALUE);
  expect(String(rec[1])).toBe(
    "Estimate, 12 months to 31/10/2026: the median 12-month spend of the 3 comparable Electrical Contractor accounts that buy Lighting."
  );
  expect(rec).not.toContain(600);
  const why = rowOf("qbr-insights", "Recommendation");
  expect(why.filter((v) => typeof v === "number")).toEqual([]);
  expect(String(why[3])).not.toMatch(/£|estimate/i);
});

describe("the Dashboard writes the £ a year in the workbook's one unit, as the Cross-Sell sheet", () => {
  // The same portfolio with its amounts in "$" (a QuickBooks Online export: the revenue column's
  // format "$#,##0.00", no ISO code) and with no symbol at all (a German ERP's plain numbers,
  // "#,##0.00"): A's Lighting is still the median of 100, 200, 300 = 200.00 a year. The Dashboard
  // said "£200.00" in both, beside "$200.00" (or a bare 200.00) on every other sheet.
  const texts = (sourceMoneyFormat: string) => {
    const o = layoutOptions({ asOf, sourceMoneyFormat, fractionalMoney: true });
    const s = dashboardSheet(p, {
      ...o,
      topOpportunity: (key) => recommended(accountOpportunities(model, key), 1)[0],
    });
    const focus = s.blocks.find((b) => b.table?.name === "KAP_Dashboard_Focus")!.rows;
    const next = focus.find((r) => r[0] === "A")![(focus[0] as string[]).indexOf("Next action")];
    const cross = rowsUnder(crossSellSheet(detail, o), "Rank").find(
      (r) => r.get("Consider selling") === "Lighting"
    )!;
    return { next, why: String(cross.get("Why (in words)")) };
  };
  test("dollars: $200.00 on the Dashboard, as on the Cross-Sell sheet", () => {
    const t = texts("$#,##0.00");
    expect(t.next).toBe(
      "Escalate to management: offer Lighting (opportunity 1, High, $200.00 a year)"
    );
    expect(t.why).toContain("Estimate $200.00:");
  });
  test("no currency named: a bare 200.00, never a default £", () => {
    const t = texts("#,##0.00");
    expect(t.next).toBe(
      "Escalate to management: offer Lighting (opportunity 1, High, 200.00 a year)"
    );
    expect(t.why).toContain("Estimate 200.00:");
  });
});

test("the plan names the user's tier 'Account tier', apart from KAP's 'ABC tier'", () => {
  // A has no Accounts table row: its own tier is not given; its ABC tier is KAP's
  const rows = planSheet(detail, opts).blocks.flatMap((b) => b.rows);
  expect(rows.find((r) => r[0] === "Account tier")?.[1]).toBe("not given");
  expect(rows.some((r) => r[0] === "ABC tier")).toBe(true);
  expect(rows.some((r) => r[0] === "Tier")).toBe(false);
});
