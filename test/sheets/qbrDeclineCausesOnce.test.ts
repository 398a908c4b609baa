/**
 * A declining account's "Why spend is down" lists each cause once. The account plan's risk
 * factors are the risk flags, then the alerts, and the "no recent order" flag and the silence
 * alerts state the same days: the sample's C0135 (as of 31/10/2026) read "No order for 260 days
 * (flag at 45+)." and, six lines down, "No order for 260 days from a regular customer (median 11
 * days between orders …)".
 *
 * As of 30/09/2026 (FY2026 Q3 = Jul–Sep 2026), all in Tools:
 *   R (regular, then silent): 01/04/2025 £1,000 (prior 12 months); 01/10/2025, 21/10/2025,
 *     10/11/2025 £100 each (last 12 months £300: −70%). Gaps 20, 20 → median 20 days (≤ 30:
 *     a regular customer). Days since 10/11/2025: 20 (rest of Nov) + 31 + 31 + 28 + 31 + 30 + 31
 *     + 30 + 31 + 31 + 30 = 324.
 *   S (irregular, silent): 01/04/2025 £1,000; 01/12/2025 and 01/06/2026 £100 each (£200: −80%).
 *     One gap of 182 days: no regular customer. Days since 01/06/2026: 29 + 31 + 31 + 30 = 121.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 9, 30);
const tl = (id: string, date: number, v: number) => line(id, date, "TL", v, { category: "Tools" });
const model = buildPortfolio(
  bookOf([
    tl("R", d(2025, 4, 1), 1000),
    tl("R", d(2025, 10, 1), 100),
    tl("R", d(2025, 10, 21), 100),
    tl("R", d(2025, 11, 10), 100),
    tl("S", d(2025, 4, 1), 1000),
    tl("S", d(2025, 12, 1), 100),
    tl("S", d(2026, 6, 1), 100),
  ]),
  { asOf }
);
const causes = (id: string): string[] =>
  qbrSheets(qbrData(model, id, { year: 2026, q: 3 }), layoutOptions({ asOf, currency: "GBP" }))
    .flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))
    .filter((v): v is string => typeof v === "string" && v.startsWith("• "));

test("R, a regular customer silent 324 days: one line says it, the alert's, with its median gap", () => {
  const c = causes("R");
  expect(c.filter((x) => x.includes("No order for"))).toEqual([
    "• No order for 324 days from a regular customer (median 20 days between orders over the last 12 months).",
  ]);
  expect(analyzeAccount(model, "R").plan.risks.filter((x) => /No order for/.test(x))).toHaveLength(
    1
  );
});

test("S, silent 121 days, no regular customer: the flag's line alone, not 'No order for 121 days.' beside it", () => {
  expect(causes("S").filter((x) => x.includes("No order for"))).toEqual([
    "• No order for 121 days (flag at 45+).",
  ]);
});
