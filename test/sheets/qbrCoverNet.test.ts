/**
 * The QBR cover's quarter figure and its 12-month figure are on one basis: spend after returns
 * (PRODUCT.md §1: returns and credit notes reduce revenue). The cover read "Order value, FY2026 Q3"
 * (gross, before returns) right above "Total spend, 12 months" (net), so a quarter with returns
 * looked bigger beside its own year than it was.
 *
 * Account A, as of 30/09/2026, FY2026 Q3 = Jul–Sep 2026:
 *   15/01/2026 order £300; 10/08/2026 order 5 units £500; 20/08/2026 return 1 unit −£100.
 *   (Account B's order of 01/09/2025 starts the data before these 12 months.)
 *   Quarter: order value £500, returns −£100 → spend after returns £400.
 *   Previous quarter (Apr–Jun 2026): nothing → £0.
 *   12 months to 30/09/2026: £300 + £500 − £100 = £700.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 9, 30);
const model = buildPortfolio(
  bookOf([
    line("A", d(2026, 1, 15), "X", 300),
    line("B", d(2025, 9, 1), "X", 100),
    line("A", d(2026, 8, 10), "X", 500, { quantity: 5 }),
    line("A", d(2026, 8, 20), "X", -100, { quantity: -1 }),
  ]),
  { asOf }
);
const sheets = qbrSheets(
  qbrData(model, "A", { year: 2026, q: 3 }),
  layoutOptions({ asOf, currency: "GBP" })
);
const page = (kind: string): SheetSpec => sheets.find((s) => s.kind === kind)!;
/** Label (column A) → the value in column B of the same row (labelledRows writes them as two blocks). */
const byLabel = (s: SheetSpec): Map<string, unknown> => {
  const at = new Map(s.blocks.map((b) => [b.at, b.rows[0]?.[0]]));
  const m = new Map<string, unknown>();
  for (const [ref, v] of at)
    if (ref.startsWith("A") && typeof v === "string") m.set(v, at.get(`B${ref.slice(1)}`));
  return m;
};
const texts = (s: SheetSpec): string =>
  s.blocks.flatMap((b) => b.rows.flat().filter((v) => typeof v === "string")).join("\n");

test("cover: spend after returns, FY2026 Q3 £400 beside spend after returns, 12 months £700", () => {
  const cover = byLabel(page("qbr-cover"));
  expect(cover.get("Spend after returns, FY2026 Q3")).toBe(400);
  expect(cover.get("Spend after returns, 12 months to 30/09/2026")).toBe(700);
  expect(cover.has("Order value, FY2026 Q3")).toBe(false);
  expect(byLabel(page("qbr-partnership")).get("Spend after returns, 12 months to 30/09/2026")).toBe(
    700
  );
});

test("agenda and e-mail say the same basis: £400 in the quarter, £700 over the 12 months, after returns", () => {
  expect(texts(page("qbr-agenda"))).toContain(
    "Spend after returns £400 in FY2026 Q3 vs £0 in FY2026 Q2; £700 over the 12 months to 30/09/2026"
  );
  expect(texts(page("qbr-email"))).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed 1 order, spend after returns £400."
  );
  expect(texts(page("qbr-email"))).toContain(
    "- Over the 12 months to 30/09/2026: 2 orders, £700 in total after returns."
  );
});
