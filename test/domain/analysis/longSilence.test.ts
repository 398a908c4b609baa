/**
 * An account silent for more than 999 days: its alert and risk flag write the days as every other
 * figure is written ("1,245 days", de-DE "1.245"), not "1245" beside the as-of warning's "1,158".
 */
import { analyzePortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

// A last ordered on 1 Feb 2022; as of 30 Jun 2025 that is 1,245 days (python: date diff)
const lines = [
  line("A", d(2022, 1, 3), "a", 100, { category: "X" }),
  line("A", d(2022, 2, 1), "a", 100, { category: "X" }),
  line("B", d(2025, 6, 20), "a", 100, { category: "X" }),
];

it.each([
  [undefined, "1,245"],
  ["de-DE", "1.245"],
])("culture %s: the silence reads %s days", (culture, days) => {
  const p = analyzePortfolio(bookOf(lines), { asOf: d(2025, 6, 30), culture });
  const a = p.accounts.find((x) => x.key === "A")!;
  const said = [...a.alerts, ...a.riskFlags].map((x) => x.message);
  expect(said).toContain(`No order for ${days} days.`);
  expect(said).toContain(`No order for ${days} days (flag at 45+).`);
  expect(a.alerts.find((x) => x.kind === "noOrder30Days")!.values).toMatchObject({
    daysSinceLastOrder: 1245,
  });
});
