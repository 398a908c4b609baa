/**
 * The text KAP writes keeps its English words but writes its figures the workbook's culture's
 * way, as Office does with an English UI and a German regional format: in a de-DE workbook the
 * alert beside the pane's "208,30 €" says "208,30 €" too, not "€208.30".
 *
 * Data (by hand), as of 31 Oct 2026, no currency column (a de-DE workbook: euros):
 * - A1's orders in the 12 months to 31 Oct 2026: 240.00 (15 Jan), 240.00 (15 Apr), 242.80
 *   (15 Jul), 110.40 (20 Oct) = 833.20; average order 833.20 / 4 = 208.30; the last order is
 *   110.40 / 208.30 = 0.530 → 53% of it.
 * - the 12 months before: one order of 608.00 (15 Jun 2025): revenue change
 *   (833.20 − 608.00) / 608.00 = 0.3704 → +37%.
 * - the accounts table: 9.3 average days beyond terms (late payment alert at 7+).
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings } from "../../src/engine/contract";
import { toGlance } from "../../src/engine/glance";

const NBSP = "\u00a0"; // Intl's de-DE space before € and %

const orders = [
  ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"],
  ["2025-06-15", "A1", "S1", 1, 608],
  ["2026-01-15", "A1", "S1", 1, 240],
  ["2026-04-15", "A1", "S1", 1, 240],
  ["2026-07-15", "A1", "S1", 1, 242.8],
  ["2026-10-20", "A1", "S1", 1, 110.4],
];
const accounts = [
  ["Account ID", "Account Name", "Avg Days Beyond Terms"],
  ["A1", "Alpha GmbH", 9.3],
];

async function analysed(culture?: string) {
  const engine = new KapEngine();
  const settings: KapSettings = { ...defaultSettings(), asOf: "2026-10-31" };
  await loadGrids(
    engine,
    [
      { name: "Orders", values: orders },
      { name: "Accounts", values: accounts },
    ],
    settings,
    culture ? { culture } : {}
  );
  const p = engine.analyze(settings);
  const a = p.accounts.find((x) => x.accountId === "A1")!;
  const report = engine.detail(a.key).report;
  const basis = (f: string) => report.factors.find((x) => x.factor === f)!.basis;
  // the pane's glance: each factor's input, as the workbook's culture writes it
  const glance = toGlance(a, engine.defaultCurrency, undefined, engine.culture);
  const input = (f: string) => glance.factors.find((x) => x.factor === f)!.input;
  return { alerts: a.alerts.map((x) => x.message), basis, input };
}

test("de-DE: an alert and the factor lines write their figures the German way", async () => {
  const { alerts, basis, input } = await analysed("de-DE");
  expect(input("payment")).toBe("9,3 days beyond terms on average");
  expect(alerts).toContain(
    `Last order 110,40${NBSP}€ is 53${NBSP}% of the 12-month average order 208,30${NBSP}€.`
  );
  expect(alerts).toContain("Paying 9,3 days beyond terms on average (accounts table).");
  expect(basis("payment")).toBe("9,3 days beyond terms on average");
  expect(basis("revenue")).toBe(`12-month revenue +37${NBSP}% vs prior 12 months`);
});

test("no culture: the same texts as KAP always wrote them (en-GB, pounds)", async () => {
  const { alerts, basis, input } = await analysed();
  expect(input("payment")).toBe("9.3 days beyond terms on average");
  expect(alerts).toContain("Last order £110.40 is 53% of the 12-month average order £208.30.");
  expect(alerts).toContain("Paying 9.3 days beyond terms on average (accounts table).");
  expect(basis("payment")).toBe("9.3 days beyond terms on average");
  expect(basis("revenue")).toBe("12-month revenue +37% vs prior 12 months");
});

describe("the pane's glance of a silent account", () => {
  // B's only order, 1 Jun 2026, is 152 days before the as-of date 31 Oct 2026
  // (30 + 31 + 31 + 30 + 31 − 1): win-back Stage 4, whose offer is a one-time 20% discount
  async function glanceOfB(culture?: string) {
    const engine = new KapEngine();
    const settings: KapSettings = { ...defaultSettings(), asOf: "2026-10-31" };
    const grid = [
      ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"],
      ["2026-06-01", "B", "S1", 1, 100],
      ["2026-10-31", "A", "S1", 1, 100],
    ];
    await loadGrids(
      engine,
      [{ name: "Orders", values: grid }],
      settings,
      culture ? { culture } : {}
    );
    const b = engine.analyze(settings).accounts.find((x) => x.accountId === "B")!;
    return toGlance(b, engine.defaultCurrency, undefined, engine.culture);
  }

  test("de-DE: Stage 4's one-time 20 % discount; none: 20%", async () => {
    const offer = "free delivery for 3 months, samples of new lines, extended credit terms";
    expect((await glanceOfB("de-DE")).winBack).toBe(
      `Stage 4 – Recovery offer: Recovery offer: one-time 20${NBSP}% discount, ${offer}`
    );
    expect((await glanceOfB()).winBack).toBe(
      `Stage 4 – Recovery offer: Recovery offer: one-time 20% discount, ${offer}`
    );
  });
});
