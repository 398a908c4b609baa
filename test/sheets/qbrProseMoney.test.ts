/**
 * The QBR's prose (agenda, follow-up e-mail) quotes money as its tables show it, to the penny: the
 * agenda read "£54,250 in FY2026 Q3 … £214,349 over the 12 months" beside the cover's £54,250.42
 * and £214,349.33, and the e-mail's savings "£50,226" beside the partnership page's £50,226.37.
 *
 * Account A, as of 30/09/2026 (Account B's order of 01/09/2025 starts the data before the year):
 *   FY2026 Q2: 15/05/2026 1 unit £300.25 (list £320.40)          → spend after returns £300.25
 *   FY2026 Q3: 10/08/2026 5 units £500.40 (list 5 × £110 = £550)
 *              20/08/2026 return 1 unit −£100.15 (list −£110)    → £500.40 − £100.15 = £400.25
 *   12 months to 30/09/2026: 300.25 + 500.40 − 100.15 = £700.50 (whole pounds: "£701", 50p off)
 *   change on FY2026 Q2: (400.25 − 300.25) / 300.25 = +33.3% → +33%
 *   savings: (320.40 − 300.25) + (550 − 500.40) + (−110 + 100.15) = 20.15 + 49.60 − 9.85 = £59.90
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 9, 30);
const sheetsWith = (sourceMoneyFormat: string): SheetSpec[] =>
  qbrSheets(
    qbrData(
      buildPortfolio(
        bookOf([
          line("B", d(2025, 9, 1), "X", 100),
          line("A", d(2026, 5, 15), "X", 300.25, { listPrice: 320.4 }),
          line("A", d(2026, 8, 10), "X", 500.4, { quantity: 5, listPrice: 110 }),
          line("A", d(2026, 8, 20), "X", -100.15, { quantity: -1, listPrice: 110 }),
        ]),
        { asOf }
      ),
      "A",
      { year: 2026, q: 3 }
    ),
    layoutOptions({ asOf, sourceMoneyFormat })
  );
const sheets = sheetsWith("£#,##0.00");
const page = (kind: string, all = sheets): SheetSpec => all.find((s) => s.kind === kind)!;
const texts = (s: SheetSpec): string =>
  s.blocks.flatMap((b) => b.rows.flat().filter((v) => typeof v === "string")).join("\n");
/** Label (column A) → the value in column B of the same row. */
const byLabel = (s: SheetSpec): Map<string, unknown> => {
  const at = new Map(s.blocks.map((b) => [b.at, b.rows[0]?.[0]]));
  const m = new Map<string, unknown>();
  for (const [ref, v] of at)
    if (ref.startsWith("A") && typeof v === "string") m.set(v, at.get(`B${ref.slice(1)}`));
  return m;
};

test("the tables: £400.25 in the quarter, £700.50 over 12 months, £59.90 saved", () => {
  const cover = byLabel(page("qbr-cover"));
  expect(cover.get("Spend after returns, FY2026 Q3")).toBe(400.25);
  expect(cover.get("Spend after returns, 12 months to 30/09/2026")).toBe(700.5);
  expect(
    byLabel(page("qbr-partnership")).get("Savings vs list price, 12 months to 30/09/2026")
  ).toBe(59.9);
});

test("the agenda quotes them to the penny, as the tables show them", () => {
  expect(texts(page("qbr-agenda"))).toContain(
    "Spend after returns £400.25 in FY2026 Q3 vs £300.25 in FY2026 Q2; £700.50 over the 12 months to 30/09/2026"
  );
});

test("the e-mail quotes them to the penny, as the tables show them", () => {
  const email = texts(page("qbr-email"));
  expect(email).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed 1 order, spend after returns £400.25 (+33% on FY2026 Q2)."
  );
  expect(email).toContain(
    "- Over the 12 months to 30/09/2026: 2 orders, £700.50 in total after returns, saving an estimated £59.90 against list price."
  );
});

test("a whole-pound money format: tables and prose both whole (700.50 shows as £701 in both)", () => {
  const whole = sheetsWith("£#,##0");
  expect(texts(page("qbr-agenda", whole))).toContain(
    "Spend after returns £400 in FY2026 Q3 vs £300 in FY2026 Q2; £701 over the 12 months to 30/09/2026"
  );
  expect(texts(page("qbr-email", whole))).toContain(
    "2 orders, £701 in total after returns, saving an estimated £60 against list price."
  );
});
