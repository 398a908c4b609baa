/**
 * The follow-up e-mail as the customer reads it (a sales director's pass over the sample's
 * lapsed and lost accounts, C0053 and C0135):
 * - a quarter without orders reads "you placed no orders", with what they ordered the quarter
 *   before when they did, not "you placed 0 orders worth £0 (-100% on FY2026 Q2)";
 * - one unit is "1 unit", not "1 units";
 * - a quarter still running says the e-mail reviews it to date ("Oct–Dec 2026 to 31/10/2026"), as
 *   the quarter page's subtitle does, not the whole of "Oct–Dec 2026".
 * Numbers worked by hand below.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    // L (lapsed): one order of £112.68 in FY2026 Q2 (14 Apr), nothing in Q3 or since
    line("L", d(2025, 10, 3), "P1", 200),
    line("L", d(2026, 4, 14), "P1", 112.68),
    // G (gone): last order in FY2026 Q1 (13 Feb), nothing in Q2 or Q3
    line("G", d(2025, 11, 4), "P1", 300),
    line("G", d(2026, 2, 13), "P1", 150),
    // A: two orders in Q3 (£100 on 5 Jul, £50 on 2 Oct is Q4), one on 7 Apr in Q2 (£80)
    line("A", d(2026, 4, 7), "P1", 80),
    line("A", d(2026, 7, 5), "P1", 100),
    line("A", d(2026, 10, 2), "P1", 50),
  ]),
  { asOf }
);

const emailOf = (id: string, quarter: { year: number; q: 1 | 2 | 3 | 4 }): string[] => {
  const sheets = qbrSheets(qbrData(model, id, quarter), layoutOptions({ asOf, currency: "GBP" }));
  const page = sheets.find((s) => s.kind === "qbr-email")!;
  return page.blocks.flatMap((b) => b.rows.map((r) => String(r[0] ?? "")));
};

test("a quarter without orders: 'you placed no orders', against the quarter before's 1 order of £113", () => {
  const text = emailOf("L", { year: 2026, q: 3 }).join("\n");
  expect(text).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed no orders, against 1 order in FY2026 Q2 (spend after returns £113)."
  );
  expect(text).not.toMatch(/0 orders|worth £0|-100%/);
  // the 12 months to 30/09/2026: 3 Oct 2025 £200 (the data's first order, in their first month) + 14 Apr 2026 £112.68 = £312.68
  expect(text).toContain(
    "- Over the 12 months to 30/09/2026: 2 orders, £313 in total after returns"
  );
});

test("no orders in the quarter nor the one before: 'you placed no orders' and nothing else", () => {
  const text = emailOf("G", { year: 2026, q: 3 }).join("\n");
  expect(text).toContain("- In FY2026 Q3 (Jul–Sep 2026) you placed no orders.");
  expect(text).not.toMatch(/0 orders|worth £0/);
});

test("a quarter with orders reads as before: 1 order, spend after returns £100 (+25% on FY2026 Q2's £80)", () => {
  const text = emailOf("A", { year: 2026, q: 3 }).join("\n");
  expect(text).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed 1 order, spend after returns £100 (+25% on FY2026 Q2)."
  );
  expect(text).toContain("reviewing Jul–Sep 2026.");
  // one unit of P1 (line quantity 1): "1 unit", not "1 units"
  expect(text).toContain("- Your top product in FY2026 Q3 was P1 (1 unit).");
});

test("a running quarter is reviewed to date: 'reviewing Oct–Dec 2026 to 31/10/2026'", () => {
  const text = emailOf("A", { year: 2026, q: 4 }).join("\n");
  expect(text).toContain("reviewing Oct–Dec 2026 to 31/10/2026.");
  // Q4 to 31 Oct: the £50 of 2 Oct; Q3 to 31 Jul: the £100 of 5 Jul → −50%
  expect(text).toContain(
    "- In FY2026 Q4 to 31/10/2026 (Oct–Dec 2026) you placed 1 order, spend after returns £50 (-50% on FY2026 Q3 to 31/07/2026)."
  );
});
