/**
 * The QBR's "Probably bought elsewhere" table says which 12 months its median spend is over.
 *
 * In the sample's QBR for Vanguard Electrics (C0268, FY2026 Q3, as of 31/10/2026) every other
 * 12-month figure is "12 months to 30/09/2026", and this column read "Their median spend (12m)":
 * Lighting £900.96, which is the Electrical Contractors' median over the 12 months to 31/10/2026
 * (to 30/09/2026 it is £825.38). PRODUCT.md §2.10: every figure carries its period in its label.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const industry = "Electrical Contractor";
const accounts = ["A", "B", "C", "D"].map((accountId) => ({ accountId, industry }));
// A buys Cable Ties only; B, C and D (3 of 3 peers) buy Lighting too: £100 (in October), £200, £300
const model = buildPortfolio(
  bookOf([
    ...["A", "B", "C", "D"].map((id) =>
      line(id, d(2026, 8, 3), "CT", 50, { category: "Cable Ties" })
    ),
    line("B", d(2026, 10, 5), "LT", 100, { category: "Lighting" }),
    line("C", d(2026, 9, 1), "LT", 200, { category: "Lighting" }),
    line("D", d(2026, 9, 1), "LT", 300, { category: "Lighting" }),
  ]),
  { asOf, accounts }
);

it("reads 'Their median spend, 12 months to 31/10/2026': Lighting £200 (median of 100, 200, 300)", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  const prep = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" })).find(
    (s) => s.kind === "qbr-prep"
  )!;
  const table = prep.blocks.find(
    (b) => b.rows[0]?.[0] === "Category" && b.rows[0]?.[1] === "Bought by"
  )!;
  expect(table.rows[0][3]).toBe("Their median spend, 12 months to 31/10/2026");
  expect(table.rows[1]).toEqual(["Lighting", `3 of 3 ${industry} accounts`, 1, 200]);
});
