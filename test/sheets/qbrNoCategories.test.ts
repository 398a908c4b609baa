/**
 * The QBR of order lines with no category column and no catalog: categories are n/a everywhere
 * (Diversity is n/a in the same workbook), not a count of the one "Uncategorised" group.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { planSheet } from "../../src/sheets/planSheet";
import { UNCATEGORISED } from "../../src/domain/orderLines";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
// A: 14 Sep £45 (P1), 20 Oct £60 (P2); B: 2 Oct £40 — no categories in the data
const book = bookOf([
  line("A", d(2026, 9, 14), "P1", 45, { category: UNCATEGORISED }),
  line("A", d(2026, 10, 20), "P2", 60, { category: UNCATEGORISED }),
  line("B", d(2026, 10, 2), "P1", 40, { category: UNCATEGORISED }),
]);
const model = buildPortfolio(book, { asOf });

test("the comparison with similar accounts says n/a for categories, and '1 account'", () => {
  const sheets = qbrSheets(
    qbrData(model, "A", { year: 2026, q: 4 }),
    layoutOptions({ asOf, hasCategories: false })
  );
  const rows = sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows));
  const cats = rows.filter((r) => typeof r[0] === "string" && r[0].startsWith("Categories bought"));
  expect(cats.length).toBeGreaterThan(0);
  for (const r of cats) expect(r.slice(1, 3)).toEqual(["n/a", "n/a"]);
  // the peer group: B alone
  expect(rows.some((r) => r[0] === "Measure (All accounts, 1 account)")).toBe(true);
  // with categories the counts stand: A bought 1 category (Uncategorised here stands for one)
  const withCats = qbrSheets(qbrData(model, "A", { year: 2026, q: 4 }), layoutOptions({ asOf }))
    .flatMap((s) => s.blocks.flatMap((b) => b.rows))
    .filter((r) => typeof r[0] === "string" && r[0].startsWith("Categories bought"));
  expect(withCats[0].slice(1, 3)).toEqual([1, 1]);
});

test("the account plan of such lines: categories now → target is n/a and the SWOT names no 'Uncategorised' category", () => {
  const plan = planSheet(
    analyzeAccount(model, "A", {}),
    layoutOptions({ asOf, hasCategories: false, hasProducts: true })
  );
  const rows = plan.blocks.flatMap((b) => b.rows);
  const target = rows.find((r) => r[0] === "Categories: now → target");
  expect(target?.[1]).toBe("n/a (the order lines have no category column and there is no catalog)");
  const text = rows.flat().filter((v): v is string => typeof v === "string");
  expect(text.some((t) => t.includes("Uncategorised"))).toBe(false);
});
