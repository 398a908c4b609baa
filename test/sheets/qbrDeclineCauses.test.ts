/**
 * A QBR of a declining account names the likely causes, in the account plan's own words (its Risk
 * factors), on the internal preparation sheet. The plan listed them; the QBR of the same account
 * said nothing of why its spend fell (Kestrel Heating Services, C0117: -48% on the year before).
 * They are the sales team's reading, not the customer's: the agenda the customer sees gives the
 * fall alone, without "(likely causes below)" pointing at what it no longer shows.
 *
 * Account A, as of 30/09/2026 (FY2026 Q3 = Jul–Sep 2026):
 *   01/03/2025 Fixings £1,000; 01/04/2025 Tools £1,000                 (prior 12 months: £2,000)
 *   01/01/2026 Fixings £400; 01/02/2026 Tools £600; 01/08/2026 Tools £100 (last 12 months: £1,100)
 * Revenue change: (1,100 − 2,000) / 2,000 = −45%.
 * Baseline for the flags = the 12 months before the last 3, (30/06/2025, 30/06/2026]: Fixings £400,
 * Tools £600 → Fixings 40% of it, and no Fixings in (30/06/2026, 30/09/2026]: switched category.
 * Average order there (400 + 600) / 2 = £500; last 3 months £100: 80% below → order value flag.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 9, 30);
const fx = (date: number, v: number) => line("A", date, "FX", v, { category: "Fixings" });
const tl = (date: number, v: number) => line("A", date, "TL", v, { category: "Tools" });
const growing = (date: number) => line("B", date, "TL", 100, { category: "Tools" });
const model = buildPortfolio(
  bookOf([
    fx(d(2025, 3, 1), 1000),
    tl(d(2025, 4, 1), 1000),
    fx(d(2026, 1, 1), 400),
    tl(d(2026, 2, 1), 600),
    tl(d(2026, 8, 1), 100),
    growing(d(2025, 9, 1)),
    growing(d(2026, 9, 1)),
    growing(d(2026, 9, 20)),
  ]),
  { asOf }
);
const texts = (id: string, kind: string): string[] =>
  qbrSheets(qbrData(model, id, { year: 2026, q: 3 }), layoutOptions({ asOf, currency: "GBP" }))
    .find((s) => s.kind === kind)!
    .blocks.flatMap((b) => b.rows.flat())
    .filter((v): v is string => typeof v === "string");

test("A, down 45%: the preparation sheet says so and lists the plan's risk factors, Fixings and the order value among them", () => {
  const t = texts("A", "qbr-prep");
  expect(t).toContain(
    "Spend after returns, 12 months to 30/09/2026: £1,100, -45% on the £2,000 of the 12 months before. Likely causes, as the account plan lists them:"
  );
  const plan = analyzeAccount(model, "A").plan.risks;
  // both flags' baseline named by its end (30/09/2026 − 3 months), not "the 12 months before"
  expect(plan).toContain(
    "Fixings was 40% of revenue in the 12 months to 30/06/2026 and has no order in the last 3 months."
  );
  expect(plan).toContain(
    "Average order value in the last 3 months £100.00 is 80% below the £500.00 of the 12 months to 30/06/2026 (flag above 20%)."
  );
  for (const r of plan) expect(t).toContain(`• ${r}`);
  // the agenda's partnership review item gives the fall, and points nowhere the customer cannot see
  const agenda = texts("A", "qbr-agenda");
  const review = agenda.find((x) => x.startsWith("Spend after returns £100"))!;
  expect(review).toContain(
    "; £1,100 over the 12 months to 30/09/2026, -45% on the 12 months to 30/09/2025 (data from 01/03/2025);"
  );
  expect(review).not.toContain("likely causes");
  expect(agenda.some((x) => x.includes("Likely causes") || x.startsWith("• "))).toBe(false);
});

test("B, growing (£100 → £200): no such block", () => {
  expect(texts("B", "qbr-prep").some((x) => x.includes("Likely causes"))).toBe(false);
});
