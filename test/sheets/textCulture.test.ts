/**
 * The figures in the sheets' fixed English text follow the culture (the workbook's, or kap
 * --culture), as the alerts' do: a German user reads "scaled up to 100 %", "CLV (12 months,
 * 10 % a year)", "P(alive) below 50 %"; without a culture the text is as KAP always wrote it.
 *
 * The data (by hand), as of the last order, 31 Oct 2026, 12 months' revenue: A 4 × 100 = 400,
 * B 2 × 200 = 400, C 100, D 100; total 1,000. Pareto by revenue (ties by ID): A 400 / 1,000 =
 * 40 %, B (400 + 400) / 1,000 = 80 % (A tier, at the cut), C 90 % (B), D 100 % (C). Lifetime:
 * 4 accounts, 2 of them (A, B) ordered again: 2 repeat buyers, far under the 200 accounts and
 * 50 repeat buyers a reliable fit needs. The default CLV: 12 months at 10 % a year. C's last
 * order, 1 Jun 2026, is 152 days before the as-of date (30 + 31 + 31 + 30 + 31 − 1): 90+ days,
 * win-back Stage 4, whose offer is a one-time 20 % discount. The rules' constants: lift ≥ 1.2,
 * High from 50 %, Medium from 25 %, dormant when down 50 %, overdue past 1.5× the period.
 */
import type { KapEngine } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { ActionId } from "../../src/engine/actions";
import type { Grid } from "../../src/ingest/grid";
import { engineIn as engineFor, sheetsOf, texts } from "./cultureEngine";

const NBSP = "\u00a0"; // Intl's de-DE and fr-FR space before %

const grid: Grid = {
  name: "Orders",
  values: [
    ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
    ["A", "2026-01-10", "S1", 1, 100],
    ["A", "2026-04-10", "S1", 1, 100],
    ["A", "2026-07-10", "S1", 1, 100],
    ["A", "2026-10-10", "S1", 1, 100],
    ["B", "2026-03-05", "S1", 1, 200],
    ["B", "2026-09-05", "S1", 1, 200],
    ["C", "2026-06-01", "S1", 1, 100],
    ["D", "2026-10-31", "S1", 1, 100],
  ],
};

const engineIn = (culture?: string) => engineFor(grid, culture);

const textsOf = (e: KapEngine, action: ActionId): string[] => sheetsOf(e, action).flatMap(texts);

const cases = [
  { culture: "de-DE", pct: (n: number) => `${n}${NBSP}%`, point: "," },
  { culture: "fr-FR", pct: (n: number) => `${n}${NBSP}%`, point: "," },
  { culture: undefined, pct: (n: number) => `${n}%`, point: "." },
] as const;

describe.each(cases)("culture $culture", ({ culture, pct, point }) => {
  test(`Account Health: weights scaled up to ${pct(100)}, CLV at ${pct(10)} a year, the fit's counts`, async () => {
    const e = await engineIn(culture);
    const t = textsOf(e, "scoreAll");
    expect(t.some((x) => x.includes(`the other weights scaled up to ${pct(100)}), rounded`))).toBe(
      true
    );
    expect(t).toContain(`CLV (12 months, ${pct(10)} a year)`);
    expect(
      t.some((x) =>
        x.startsWith(
          "Lifetime value: Not reliable: 4 accounts and 2 repeat buyers; the lifetime-value models need about 200 accounts and 50 repeat buyers."
        )
      )
    ).toBe(true);
  });

  test(`the health report: an n/a factor's weight is shared out up to ${pct(100)}`, async () => {
    const e = await engineIn(culture);
    const t = textsOf(e, "healthReport");
    expect(t.some((x) => x.includes(`the other weights are scaled up to ${pct(100)}.`))).toBe(true);
  });

  test(`the dashboard: silent churn below ${pct(50)}, the fit's counts`, async () => {
    const e = await engineIn(culture);
    const t = textsOf(e, "dashboard");
    expect(t).toContain(`Silent churn: high past revenue, P(alive) below ${pct(50)}, no alert yet`);
    expect(t.some((x) => x.includes("fitted to 4 accounts, 2 repeat buyers, not reliable"))).toBe(
      true
    );
  });

  test(`A and B are key-account candidates: A tier (top ${pct(80)} of revenue)`, async () => {
    const e = await engineIn(culture);
    const p = e.analyze(defaultSettings());
    const reason = (id: string) => p.accounts.find((a) => a.accountId === id)!.keyAccountReason;
    expect(reason("A")).toContain(`A tier (top ${pct(80)} of revenue)`);
    expect(reason("B")).toContain(`A tier (top ${pct(80)} of revenue)`);
    expect(reason("C") ?? "").not.toContain("A tier");
  });

  test(`C is 152 days silent: Stage 4's offer is a one-time ${pct(20)} discount`, async () => {
    const e = await engineIn(culture);
    const w = e.analyze(defaultSettings()).accounts.find((a) => a.accountId === "C")!.winBack!;
    expect(w.stage).toBe(4);
    expect(w.offers).toContain(`One-time ${pct(20)} discount on the next order`);
    expect(w.action).toBe(
      `Recovery offer: one-time ${pct(20)} discount, free delivery for 3 months, samples of new lines, extended credit terms`
    );
    expect(w.script).toContain(`a one-time ${pct(20)} discount, free delivery for three months`);
  });

  test(`the health report's warning signs (Order value down >${pct(20)}) bands (4${point}00+) and account age (0${point}8 years)`, async () => {
    const e = await engineIn(culture);
    expect(textsOf(e, "healthReport")).toContain(`Order value down >${pct(20)}`);
    // the bands' cuts on the score (2 decimals): 4,00 in de-DE and fr-FR
    const n = (s: string) => s.replace(".", point);
    // A's first order 10 Jan 2026, 9 whole months before 31 Oct: 9 / 12 = 0.75 → 0.8 years
    expect(
      textsOf(e, "healthReport").some((x) => x.startsWith(`${n("0.8")} years (customer since `))
    ).toBe(true);
    expect(textsOf(e, "healthReport")).toContain(
      `Bands: ${n("4.00")}+ Healthy (focus on expansion) · ${n("3.00")}–${n("3.99")} Stable (identify growth opportunities) · ${n("2.00")}–${n("2.99")} At Risk (immediate outreach) · below ${n("2.00")} Critical (escalate to management).`
    );
  });

  test(`cross-sell and breakdown notes: lift ≥ 1${point}2, High from ${pct(50)}, Medium from ${pct(25)}`, async () => {
    const e = await engineIn(culture);
    const cross = textsOf(e, "crossSell").join("\n");
    expect(cross).toContain(
      `Rules count with lift ≥ 1${point}2 and 3+ accounts buying both. Likelihood = the larger of the rule's confidence and the share of comparable accounts buying it; High from ${pct(50)}, Medium from ${pct(25)}.`
    );
    const breakdown = textsOf(e, "breakdown");
    expect(breakdown).toContain(`Dormant products (bought before, now down ${pct(50)} or more)`);
    const all = breakdown.join("\n");
    expect(all).toContain(
      `Priority: High when ${pct(50)}+ of comparable accounts buy it or of accounts with a matching rule (lift ≥ 1${point}2, 3+ accounts buying both); Medium from ${pct(25)}; else Low.`
    );
    expect(all).toContain(`Overdue = past 1${point}5× the period.`);
  });
});
