/**
 * The only account buying in its currency has no comparable accounts (accounts are compared within
 * their currency, PRODUCT.md §1), so nothing was compared with what it buys. Its Cross-Sell,
 * Breakdown, plan and QBR said "Buys everything comparable accounts buy; no rule suggests more."
 * (tools/cases/85-two-currencies-whitespace.csv: four EUR accounts buy Leuchten, the one CHF
 * account does not): they must say there were none to compare with.
 *
 * Portfolio (as of 31/10/2026, every line in the 12 months), all industry "Elektro":
 *   A B C D  EUR  Kabel €1,000 and Leuchten €500 each
 *   Z        CHF  Kabel CHF 1,000 only
 * Z: other CHF accounts = 0 → no comparable accounts (the EUR four are not its peers, nor do their
 *   Leuchten make a gap for it). A: 3 other EUR accounts, all buying only what A buys → nothing to
 *   suggest, and there the old words are true.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { crossSellSheet } from "../../src/sheets/crossSellSheet";
import { breakdownSheet } from "../../src/sheets/breakdownSheet";
import { planSheet } from "../../src/sheets/planSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const eur = ["A", "B", "C", "D"];
const model = buildPortfolio(
  bookOf([
    ...eur.flatMap((id) => [
      line(id, d(2026, 6, 10), "K1", 1000, { category: "Kabel", currency: "EUR" }),
      line(id, d(2026, 6, 10), "L1", 500, { category: "Leuchten", currency: "EUR" }),
    ]),
    line("Z", d(2026, 6, 10), "K1", 1000, { category: "Kabel", currency: "CHF" }),
  ]),
  { asOf, accounts: [...eur, "Z"].map((accountId) => ({ accountId, industry: "Elektro" })) }
);
const texts = (sheets: SheetSpec[]): string[] =>
  sheets.flatMap((s) =>
    s.blocks.flatMap((b) => b.rows.flat().filter((v): v is string => typeof v === "string"))
  );
const NONE_IN_CHF =
  "No comparable accounts: it is the only account buying in CHF (accounts are compared within their currency), so nothing was compared with what it buys.";
const BUYS_EVERYTHING = "Buys everything comparable accounts buy; no rule suggests more.";

test("Z, the only CHF account: Cross-Sell and Breakdown say it had no comparable accounts, not that it buys everything", () => {
  const z = analyzeAccount(model, "Z");
  expect(z.account.whitespace.comparableAccounts).toBe(0);
  const opts = layoutOptions({ asOf, currency: "CHF" });
  const t = texts([crossSellSheet(z, opts), breakdownSheet(z, opts)]);
  expect(t).not.toContain(BUYS_EVERYTHING);
  // the ranked list's empty row, on both sheets
  expect(t.filter((x) => x === `${NONE_IN_CHF} No rule suggests more.`)).toHaveLength(2);
  // Cross-Sell's competitor displacement: not "nothing most accounts of this industry buy is missing"
  expect(t).not.toContain("Nothing most accounts of this industry buy is missing.");
  expect(t).toContain(NONE_IN_CHF);
});

test("Z's plan and QBR: competitive intelligence says there was nothing to compare with", () => {
  const opts = layoutOptions({ asOf, currency: "CHF" });
  const plan = texts([planSheet(analyzeAccount(model, "Z"), opts)]);
  const qbr = texts(qbrSheets(qbrData(model, "Z", { year: 2026, q: 3 }), opts));
  for (const t of [plan, qbr]) {
    expect(t).toContain(NONE_IN_CHF);
    expect(t.some((x) => x.startsWith("Nothing stands out: comparable accounts buy"))).toBe(false);
  }
});

test("A, with 3 EUR peers buying only what it buys: the old words stand", () => {
  const opts = layoutOptions({ asOf, currency: "EUR" });
  const a = analyzeAccount(model, "A");
  expect(a.account.whitespace.comparableAccounts).toBe(3);
  const t = texts([crossSellSheet(a, opts)]);
  expect(t).toContain(BUYS_EVERYTHING);
  expect(t.some((x) => x.startsWith("No comparable accounts"))).toBe(false);
});
