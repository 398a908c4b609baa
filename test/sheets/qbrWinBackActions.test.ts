/**
 * The QBR's action items and follow-up e-mail review a category the customer switched away from
 * (a win-back) with a quote; they no longer send it "samples" of what it bought from us for years.
 * The sample's C0292 (Critical, no Consumables since 16/06/2026 after £2,191.00 in the 12 months to
 * 31/10/2025) read "Send samples / quote for Consumables" on its action items and e-mail, where its
 * plan said "Win back Consumables".
 *
 * The book is switchedCategoryWinBack.test.ts's, as of 31/10/2026: A bought Fixings (SCR1) £300 on
 * 15/03/2025, £200 on 15/09/2025 and £100 on 15/06/2026, none since; the flags' 12 months to
 * 31/07/2026 hold Fixings £300 of £1,100 (27% ≥ 10%) and none in the last 3 months, so its list is
 * 1. Fixings (win-back) and 2. the Sealant range's missing CON2, "Sealant Brown" (B, C and D buy
 * it): one action of each kind.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import type { CatalogItem } from "../../src/domain/types";
import { layoutOptions } from "../../src/sheets/options";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const catalog: CatalogItem[] = [
  { sku: "SCR1", name: "Screws 4x30", category: "Fixings", productLine: "Screws", listPrice: 50 },
  { sku: "SCR2", name: "Screws 5x50", category: "Fixings", productLine: "Screws", listPrice: 50 },
  { sku: "CON1", name: "Sealant Clear", category: "Consumables", productLine: "Sealant" },
  { sku: "CON2", name: "Sealant Brown", category: "Consumables", productLine: "Sealant" },
];
const fix = (id: string, date: number, sku: string, v: number) =>
  line(id, date, sku, v, { category: "Fixings" });
const con = (id: string, date: number, sku: string, v: number) =>
  line(id, date, sku, v, { category: "Consumables" });
const model = buildPortfolio(
  bookOf([
    fix("A", d(2025, 3, 15), "SCR1", 300),
    con("A", d(2025, 3, 15), "CON1", 100),
    fix("A", d(2025, 9, 15), "SCR1", 200),
    con("A", d(2025, 9, 15), "CON1", 400),
    fix("A", d(2026, 6, 15), "SCR1", 100),
    con("A", d(2026, 6, 15), "CON1", 400),
    con("A", d(2026, 10, 15), "CON1", 300),
    ...["B", "C", "D"].flatMap((id) => [
      fix(id, d(2026, 10, 15), "SCR1", 50),
      fix(id, d(2026, 10, 15), "SCR2", 60),
      con(id, d(2026, 10, 15), "CON1", 50),
      con(id, d(2026, 10, 15), "CON2", 70),
    ]),
  ]),
  {
    asOf,
    catalog,
    accounts: ["A", "B", "C", "D"].map((accountId) => ({ accountId, industry: "Heating" })),
  }
);
const q = {
  ...qbrData(model, "A", { year: 2026, q: 3 }, { catalog }),
  accountManager: "Sam Reid",
};
const sheets = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" }));
const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");

test("A's list: Fixings won back first, then Sealant Brown", () => {
  expect(q.recommendations.map((o) => [o.offer, o.kind])).toEqual([
    ["Fixings", "win-back"],
    ["Sealant", "range"],
  ]);
});

test("action items: Fixings reviewed with a quote, samples only for what is new to it", () => {
  const planning = sheets.find((s) => s.kind === "qbr-planning")!;
  const actions = planning.blocks.find((b) => b.rows[0]?.[0] === "Action")!;
  expect(actions.rows.slice(1, 3).map((r) => r[0])).toEqual([
    "Review Fixings needs and pricing, with a quote",
    "Send samples / quote for Sealant Brown",
  ]);
  expect(texts(planning)).not.toContain("Send samples / quote for Fixings");
});

test("follow-up e-mail: the same two actions", () => {
  const mail = texts(sheets.find((s) => s.kind === "qbr-email")!);
  expect(mail).toContain("- Review Fixings needs and pricing, with a quote – Sam Reid – [date]");
  expect(mail).toContain("- Send samples / a quote for Sealant Brown – Sam Reid – [date]");
  expect(mail.some((t) => t.includes("samples / a quote for Fixings"))).toBe(false);
});
