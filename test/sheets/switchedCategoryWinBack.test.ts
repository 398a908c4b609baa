/**
 * A category the account switched away from is won back first, and none of its items is offered.
 * The sample's C0117 (revenue −48%) had bought no Fixings since 22/06/2026 and carried the risk flag
 * "Switched product categories: Yes — Investigate competitor", yet its #1 opportunity on every sheet
 * was "Complete the Wood Screws (200) range" (Fixings), with Fixings anchor bolts, wall plugs and
 * premium screws further down, while its plan's Competitive intelligence said "Nothing stands out".
 * Its average-order flag also read "£509.63 in the 12 months before" beside the Health Report's
 * "Prior 12 months" row (another window, £502.50): the window is now named by its end date.
 *
 * Data, as of 31/10/2026, every account in the "Heating" industry (not in the built-in matrices).
 * Windows: prior 12 months (31/10/2024, 31/10/2025]; the flags' 12 months (31/07/2025, 31/07/2026];
 * last 3 months (31/07/2026, 31/10/2026]. Catalog: line "Screws" = SCR1, SCR2 (Fixings), SCR1's
 * premium SCRP (Fixings; list £60 against SCR1's £50); line "Sealant" = CON1, CON2 (Consumables).
 * One order per account per day.
 *   A  15/03/2025 SCR1 £300, CON1 £100 · 15/09/2025 SCR1 £200, CON1 £400 ·
 *      15/06/2026 SCR1 £100 (2 units), CON1 £400 · 15/10/2026 CON1 £300
 *   E  (the control) as A, and SCR1 £50 (1 unit) in its 15/10/2026 order
 *   B C D  15/10/2026: SCR1 £50, SCR2 £60, SCRP £60, CON1 £50, CON2 £70
 *
 * A, switched flag: the flags' 12 months hold Fixings £200 + £100 = £300 and Consumables £400 +
 * £400 = £800; 300/1,100 = 27% ≥ 10%, and no Fixings in the last 3 months while A still orders
 * (15/10/2026). Its last Fixings purchase: 15/06/2026. Fixings in the prior 12 months: £300 + £200 =
 * £500 (the win-back's estimate); in the last 12 months: £100.
 * A, average order: last 3 months one order, £300; the flags' 12 months the 15/09/2025 (£600) and
 * 15/06/2026 (£500) orders, £550; (550 − 300)/550 = 45% > 20%. The "Prior 12 months" row's average
 * order is another window: 15/03/2025 (£400) and 15/09/2025 (£600), £500.
 * A's list: 1. Fixings (win-back, High, £500); 2. Sealant's CON2: of the 4 others buying CON1 (B C
 * D E), 3 buy CON2, 75%, High; estimate their median CON2 spend, £70. Withheld: the Screws gap
 * (SCR2) and the SCR1 → SCRP upsell, both Fixings. No data rule: every basket holds SCR1 and CON1,
 * so a rule from them has lift 1.0 < 1.2. No category is missing against the industry.
 * E (no switch: Fixings on 15/10/2026) keeps them, all High at 75%: Sealant (£70, expected value
 * 0.75 × 70 = 52.50), Screws (SCR2: 3 of the 4 others buying SCR1, median £60, 45.00), the upsell
 * to SCRP (3 of the 4 others buying SCR1 or SCRP; its 3 SCR1 units at £50 a unit × 20% = £30,
 * 22.50).
 */
import {
  accountOpportunities,
  analyzeAccount,
  buildPortfolio,
  qbrData,
} from "../../src/domain/analysis";
import type { CatalogItem } from "../../src/domain/types";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { accountNextStep, nextStep } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const catalog: CatalogItem[] = [
  {
    sku: "SCR1",
    name: "Screws 4x30",
    category: "Fixings",
    productLine: "Screws",
    listPrice: 50,
    premiumSku: "SCRP",
  },
  { sku: "SCR2", name: "Screws 5x50", category: "Fixings", productLine: "Screws", listPrice: 50 },
  { sku: "SCRP", name: "Coated Screws 4x30", category: "Fixings", listPrice: 60 },
  { sku: "CON1", name: "Sealant Clear", category: "Consumables", productLine: "Sealant" },
  { sku: "CON2", name: "Sealant Brown", category: "Consumables", productLine: "Sealant" },
];
const fix = (id: string, date: number, sku: string, v: number, quantity = 1) =>
  line(id, date, sku, v, { category: "Fixings", quantity });
const con = (id: string, date: number, sku: string, v: number) =>
  line(id, date, sku, v, { category: "Consumables" });
const history = (id: string) => [
  fix(id, d(2025, 3, 15), "SCR1", 300),
  con(id, d(2025, 3, 15), "CON1", 100),
  fix(id, d(2025, 9, 15), "SCR1", 200),
  con(id, d(2025, 9, 15), "CON1", 400),
  fix(id, d(2026, 6, 15), "SCR1", 100, 2),
  con(id, d(2026, 6, 15), "CON1", 400),
  con(id, d(2026, 10, 15), "CON1", 300),
];
const model = buildPortfolio(
  bookOf([
    ...history("A"),
    ...history("E"),
    fix("E", d(2026, 10, 15), "SCR1", 50),
    ...["B", "C", "D"].flatMap((id) => [
      fix(id, d(2026, 10, 15), "SCR1", 50),
      fix(id, d(2026, 10, 15), "SCR2", 60),
      fix(id, d(2026, 10, 15), "SCRP", 60),
      con(id, d(2026, 10, 15), "CON1", 50),
      con(id, d(2026, 10, 15), "CON2", 70),
    ]),
  ]),
  {
    asOf,
    catalog,
    accounts: ["A", "B", "C", "D", "E"].map((accountId) => ({ accountId, industry: "Heating" })),
  }
);
const a = analyzeAccount(model, "A", { catalog });
const e = analyzeAccount(model, "E", { catalog });
const opts = layoutOptions({ asOf, currency: "GBP" });

const WIN_BACK =
  "Bought £500.00 of Fixings in the 12 months to 31/10/2025 and £100.00 in the 12 months to 31/10/2026, none since 15/06/2026.";
const DISPLACED =
  "Fixings: 27% of revenue in the 12 months to 31/07/2026, none in the last 3 months (last order 15/06/2026): probably bought elsewhere now.";

const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");
function rowsUnder(s: SheetSpec, first: string): Map<string, unknown>[] {
  const b = s.blocks.find((x) => x.rows[0]?.[0] === first);
  if (!b) throw new Error(`${s.name}: no block headed "${first}"`);
  const head = b.rows[0] as string[];
  return b.rows.slice(1).map((r) => new Map(head.map((h, i) => [h, r[i]])));
}

test("the flag: A switched away from Fixings (27%), E did not", () => {
  expect(
    a.account.riskFlags.filter((r) => r.kind === "switchedCategory").map((r) => r.message)
  ).toEqual([
    "Fixings was 27% of revenue in the 12 months to 31/07/2026 and has no order in the last 3 months.",
  ]);
  expect(e.account.riskFlags.some((r) => r.kind === "switchedCategory")).toBe(false);
});

test("A's list: winning Fixings back first (£500, its prior 12 months), none of its items offered", () => {
  expect(
    a.opportunities.map((o) => [o.rank, o.offer, o.kind, o.priority, o.annualEstimate])
  ).toEqual([
    [1, "Fixings", "win-back", "High", 500],
    [2, "Sealant", "range", "High", 70],
  ]);
  expect(a.opportunities[0].rationale).toBe(WIN_BACK);
  expect(a.opportunities[0].sources).toEqual(["switched category"]);
  // the evidence behind the Cross-Sell sheet's sections offers none of them either
  expect(a.productLineGaps.map((g) => g.productLine)).toEqual(["Sealant"]);
  expect(a.upsell).toEqual([]);
  // the dashboard reads the same list
  expect(accountOpportunities(model, "A", { catalog }).map((o) => [o.rank, o.offer])).toEqual([
    [1, "Fixings"],
    [2, "Sealant"],
  ]);
});

test("the control E, still buying Fixings, keeps the screws gap and the upsell", () => {
  expect(
    e.opportunities.map((o) => [o.rank, o.offer, o.kind, o.priority, o.annualEstimate])
  ).toEqual([
    [1, "Sealant", "range", "High", 70],
    [2, "Screws", "range", "High", 60],
    [3, "Coated Screws 4x30", "upsell", "High", 30],
  ]);
  expect(e.competitorDisplacement).toEqual([]);
});

test("the Breakdown and the Cross-Sell sheet: rank 1 Fixings at £500, the basis said", () => {
  const b = rowsUnder(breakdownSheet(a, opts), "Rank");
  expect(
    b.map((r) => [r.get("Rank"), r.get("Offer"), r.get("Priority"), r.get("Annual estimate")])
  ).toEqual([
    [1, "Fixings", "High", 500],
    [2, "Sealant Brown", "High", 70],
  ]);
  const c = crossSellSheet(a, opts);
  const first = rowsUnder(c, "Rank")[0];
  expect([
    first.get("Consider selling"),
    first.get("Because"),
    first.get("Annual estimate"),
  ]).toEqual(["Fixings", "its own orders", 500]);
  expect(first.get("Why (in words)")).toBe(
    `${WIN_BACK} Estimate £500.00: its own net spend on Fixings in the 12 months to 31/10/2025.`
  );
  const all = texts(c);
  for (const name of ["Screws 5x50", "Coated Screws 4x30"]) expect(all).not.toContain(name);
  const displaced = rowsUnder(c, "Category").find((r) => r.get("Category") === "Fixings")!;
  expect([displaced.get("Same-industry accounts buying"), displaced.get("Why")]).toEqual([
    null,
    DISPLACED,
  ]);
});

test("the plan: 'Win back Fixings' first, its next action, and the switch in Threats and Competitive intelligence", () => {
  const p = a.plan;
  expect(p.initiatives.map((i) => [i.title, i.estimate, i.source, i.type, i.categories])).toEqual([
    ["Win back Fixings", 500, "opportunity 1 (High)", "Win-back", ["Fixings"]],
    ["Complete the Sealant range", 70, "opportunity 2 (High)", "Range expansion", []],
  ]);
  expect(p.nextActions[0]).toBe(`Win back Fixings: ${WIN_BACK}`);
  expect(p.swot.threats).toEqual([DISPLACED]);
  const s = planSheet(a, opts);
  const competitive = rowsUnder(s, "Category");
  expect(competitive.map((r) => [...r.values()])).toEqual([
    [
      "Fixings",
      "this account until 15/06/2026 (27% of its revenue in the 12 months to 31/07/2026)",
      null,
      null,
    ],
  ]);
  expect(texts(s).some((t) => t.startsWith("Nothing stands out"))).toBe(false);
});

test("the QBR recommends winning Fixings back and its internal sheet asks who supplies Fixings now", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 }, { catalog });
  expect(q.recommendations.map((o) => [o.rank, o.offer, o.annualEstimate])).toEqual([
    [1, "Fixings", 500],
    [2, "Sealant", 70],
  ]);
  const prep = qbrSheets(q, opts).find((s) => s.kind === "qbr-prep")!;
  const all = texts(prep);
  expect(all.some((t) => t.startsWith("Nothing stands out"))).toBe(false);
  expect(all).toContain("☐ Who else do you work with for Fixings?");
});

test("the average-order flag names its 12 months by their end: £550.00 to 31/07/2026, not the report's prior 12 months' £500.00", () => {
  expect(a.account.riskFlags.find((r) => r.kind === "averageOrderDrop")?.message).toBe(
    "Average order value in the last 3 months £300.00 is 45% below the £550.00 of the 12 months to 31/07/2026 (flag above 20%)."
  );
  const sign = a.report.warningSigns.find((w) => w.sign === "Order value down >20%")!;
  expect([sign.present, sign.figure]).toEqual([
    true,
    "average order £300.00 in the last 3 months vs £550.00 in the 12 months to 31/07/2026 (-45%)",
  ]);
  expect(a.report.periods.find((p) => p.label === "Prior 12 months")?.averageOrderValue).toBe(500);
});

test("a category taken up and dropped within 15 months: priced at the flag's 12 months", () => {
  // G: Fixings £200 (15/12/2025) and £100 (15/05/2026), none in the prior 12 months; Consumables
  // £400 (15/12/2025) and £400 (15/10/2026). The flags' 12 months: Fixings £300 of £700 = 43%.
  // Its win-back: £300, the 12 months to 31/07/2026; £300 in the last 12 months too.
  const m = buildPortfolio(
    bookOf([
      fix("G", d(2025, 12, 15), "SCR1", 200),
      con("G", d(2025, 12, 15), "CON1", 400),
      fix("G", d(2026, 5, 15), "SCR1", 100),
      con("G", d(2026, 10, 15), "CON1", 400),
    ]),
    { asOf }
  );
  const g = analyzeAccount(m, "G");
  expect(g.opportunities.map((o) => [o.rank, o.offer, o.annualEstimate, o.rationale])).toEqual([
    [
      1,
      "Fixings",
      300,
      "Bought £300.00 of Fixings in the 12 months to 31/07/2026 and £300.00 in the 12 months to 31/10/2026, none since 15/05/2026.",
    ],
  ]);
});

test("a dormant product of the switched category is that win-back's, not a 'Recover' initiative beside it", () => {
  // H: Fixings P1 £400 (15/01/2025) and £100 (15/02/2026), P2 £100 (15/06/2026); Consumables £500
  // (15/01/2025), £300 (15/02/2026), £300 (15/06/2026), £300 (15/10/2026). The flags' 12 months:
  // Fixings £200 of £800 = 25%, none since 15/06/2026. P1 is dormant (prior 12 months £400, last 12
  // £100, −75%), last ordered 8 months ago (15/02 + 8 months = 15/10/2026): churn risk High, the
  // plan's "Recover" case. Fixings in the prior 12 months: £400, the win-back's estimate.
  const m = buildPortfolio(
    bookOf([
      fix("H", d(2025, 1, 15), "P1", 400),
      con("H", d(2025, 1, 15), "CON1", 500),
      fix("H", d(2026, 2, 15), "P1", 100),
      con("H", d(2026, 2, 15), "CON1", 300),
      fix("H", d(2026, 6, 15), "P2", 100),
      con("H", d(2026, 6, 15), "CON1", 300),
      con("H", d(2026, 10, 15), "CON1", 300),
    ]),
    { asOf }
  );
  const h = analyzeAccount(m, "H");
  expect(h.dormantProducts.map((p) => [p.sku, p.category, p.churnRisk])).toEqual([
    ["P1", "Fixings", "High"],
  ]);
  expect(h.plan.initiatives.map((i) => [i.title, i.estimate, i.source])).toEqual([
    ["Win back Fixings", 400, "opportunity 1 (High)"],
  ]);
});

test("the dashboard's next step for A wins Fixings back rather than offering it; E's offers its first", () => {
  // the focus table's step (band action, the top opportunity) and the lifetime tables' short one
  const withTop = { ...opts, topOpportunity: (key: string) => accountOpportunities(model, key)[0] };
  const step = (x: typeof a) =>
    nextStep(
      { key: x.account.key, band: "At Risk", currency: "GBP", winBack: null, nextAction: "" },
      withTop
    );
  expect(step(a)).toBe(
    "Immediate outreach: win back Fixings (opportunity 1, High, £500.00 a year)"
  );
  expect(accountNextStep({ ...a.account, winBack: null }, withTop)).toBe(
    "Win back Fixings, £500.00 a year"
  );
  expect(step(e)).toMatch(/^Immediate outreach: offer /);
});
