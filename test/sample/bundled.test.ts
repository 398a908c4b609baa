/**
 * The bundled sample (assets/sample-workbook.xlsx, `npm run sample`) gives every health factor
 * from data (issue 11): Engagement from its engagement log, Payment from its payments ledger.
 * The expected figures were worked out with python3-pandas straight from the .xlsx (not from
 * KAP): per account, the outbound contacts of (31/07/2026, 31/10/2026], their answered ones'
 * median hours, the inbound count; the amount-weighted mean of (paid or 31/10/2026) − due over
 * the invoices due in (31/10/2025, 31/10/2026].
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import type { PortfolioAnalysis } from "../../src/domain/analysis";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { completeSettings } from "../../src/engine/settings";

let p: PortfolioAnalysis;
beforeAll(async () => {
  const { grids, culture } = await readWorkbookFile(
    join(__dirname, "../../assets/sample-workbook.xlsx")
  );
  const engine = new KapEngine();
  const settings = completeSettings({ asOf: "2026-10-31" });
  await loadGrids(engine, grids, settings, { culture });
  engine.analyze(settings);
  p = engine.portfolio!;
}, 120_000);

const account = (id: string) => p.accounts.find((a) => a.accountId === id)!;

test("the demo's top ten accounts score all six factors, Engagement from the log and Payment from the ledger", () => {
  const top = p.accounts
    .filter((a) => a.isTopLevel)
    .sort((a, b) => b.revenueLast12 - a.revenueLast12)
    .slice(0, 10);
  expect(top[0].accountId).toBe("C0204");
  for (const a of top) {
    expect(a.health.used).toHaveLength(6);
    expect(a.health.inputs.engagementSource).toBe("engagement log");
    expect(a.health.inputs.paymentSource).toBe("payments ledger");
  }
});

test("C0204 (pandas): 12 outreach all answered, median 8.24 h, 2 inbound → Engagement 5; 309 invoices, mean 4.46 → 4 days late → Payment 3; score 4.25", () => {
  const h = account("C0204").health;
  const log = h.inputs.engagementLog!;
  expect([log.outbound, log.inbound, log.answered]).toEqual([12, 2, 12]);
  expect(log.medianResponseHours).toBeCloseTo(8.2417, 3);
  expect(h.factors.engagement).toBe(5);
  const ledger = h.inputs.paymentLedger!;
  expect(ledger.invoices).toBe(309);
  expect(ledger.unpaidOverdue).toBe(2);
  expect(ledger.meanDays).toBeCloseTo(4.4627, 3);
  expect(h.inputs.daysBeyondTerms).toBe(4);
  expect(h.factors.payment).toBe(3);
  // Recency 5 (1 day), Frequency 3 (−3%), Revenue 5 (+85%), Diversity 4 (5 categories):
  // (25·5 + 20·3 + 20·5 + 15·4 + 10·5 + 10·3) / 100 = 4.25
  expect(h.factors).toEqual({
    recency: 5,
    frequency: 3,
    revenue: 5,
    diversity: 4,
    engagement: 5,
    payment: 3,
  });
  expect(h.score).toBe(4.25);
});

test("C0077 (pandas): 275 invoices due, 25 unpaid overdue, weighted mean 30.07 → 30 days → Payment 2 (8–30 days)", () => {
  const h = account("C0077").health;
  expect(h.inputs.paymentLedger!.invoices).toBe(275);
  expect(h.inputs.paymentLedger!.unpaidOverdue).toBe(25);
  expect(h.inputs.daysBeyondTerms).toBe(30);
  expect(h.factors.payment).toBe(2);
});

test("C0135, marked Lost (pandas): 2 of 4 outreach older than 14 days unanswered (exactly 50%, the cut) → Engagement 1; win-back Stage 5", () => {
  const a = account("C0135");
  expect(a.health.inputs.engagementLog!.unansweredOld).toBe(2);
  expect(a.health.inputs.engagementLog!.oldOutreach).toBe(4);
  expect(a.health.factors.engagement).toBe(1);
  expect(a.winBack!.stage).toBe(5);
});

test("the Initiatives table is read: 7 initiatives, each with its account's figures", () => {
  expect(p.initiatives).toHaveLength(7);
  expect(p.initiatives.every((i) => i.accountId !== undefined && i.target! > 0)).toBe(true);
});
