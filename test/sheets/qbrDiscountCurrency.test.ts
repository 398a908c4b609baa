/**
 * The QBR's bulk-discount offer names its order values in the account's currency: a euro
 * account's QBR said "£2,500+" beside its euro figures (the tester's open finding).
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    line("E1", d(2026, 10, 2), "P1", 400, { currency: "EUR" }),
    line("G1", d(2026, 10, 5), "P1", 300, { currency: "GBP" }),
  ]),
  { asOf }
);

/** The rows under "Order value" in the QBR of `account`. */
function tierRows(account: string): unknown[][] {
  const rows = qbrSheets(qbrData(model, account, { year: 2026, q: 4 }), layoutOptions({ asOf }))
    .flatMap((s) => s.blocks)
    .find((b) => b.rows[0]?.[0] === "Order value")!.rows;
  return rows.slice(1);
}

test("a euro account's tiers are in euros; a sterling account's in pounds; the rates are the methodology's", () => {
  expect(tierRows("E1")).toEqual([
    ["€250–499", 0.03],
    ["€500–999", 0.05],
    ["€1,000–2,499", 0.08],
    ["€2,500+", 0.1],
  ]);
  expect(tierRows("G1").map((r) => r[0])).toEqual([
    "£250–499",
    "£500–999",
    "£1,000–2,499",
    "£2,500+",
  ]);
});
