/**
 * A curated recommendation of an item neither the catalog nor the order data has is said to be
 * so, and its action is to check supply, not "send samples". In the sample's 40 top QBRs, 12 of
 * the 119 action rows were "Send samples / quote for Cable Clips" (and Cable Cutters, Tool
 * Bags/Cases, Fittings…): KAP's built-in product matrix names them; nothing in the workbook sells them.
 *
 * Account A buys Cable Ties (as of 30/09/2026). The built-in product matrix then suggests Cable Tie
 * Gun, Cable Clips and Spiral Wrap (each Medium: built-in rules are capped at Medium). The catalog
 * has a "Cable Tie Gun" (SKU TG1); Cable Clips and Spiral Wrap are nowhere. All three Medium with no
 * estimate, so ranked by name: Cable Clips, Cable Tie Gun, Spiral Wrap.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 9, 30);
const model = buildPortfolio(
  bookOf([line("A", d(2026, 8, 1), "CT1", 100, { category: "Cable Ties" })]),
  { asOf, catalog: [{ sku: "TG1", name: "Cable Tie Gun", category: "Tools" }] }
);
const sheets = qbrSheets(
  qbrData(model, "A", { year: 2026, q: 3 }),
  layoutOptions({ asOf, currency: "GBP" })
);
const rowsOf = (kind: string, first: string) =>
  sheets.find((s) => s.kind === kind)!.blocks.find((b) => b.rows[0]?.[0] === first)!.rows;

test("the recommendations say which items are not stocked", () => {
  const recs = rowsOf("qbr-insights", "Recommendation");
  expect(recs.slice(1).map((r) => r[0])).toEqual([
    "1. Cable Clips",
    "2. Cable Tie Gun",
    "3. Spiral Wrap",
  ]);
  const note =
    "Not in the catalog or the order data: a suggestion from KAP's built-in product matrix, with no sales behind it yet.";
  // Why in D (index 3): Priority stands over B:C
  expect(String(recs[1][3])).toContain(note);
  expect(String(recs[2][3])).not.toContain("Not in the catalog");
  expect(String(recs[3][3])).toContain(note);
});

test("their actions are to check supply; the stocked one's is samples or a quote", () => {
  const actions = rowsOf("qbr-planning", "Action").map((r) => r[0]);
  expect(actions.slice(1, 4)).toEqual([
    "Check we can supply Cable Clips, then quote",
    "Send samples / quote for Cable Tie Gun",
    "Check we can supply Spiral Wrap, then quote",
  ]);
  const email = sheets
    .find((s) => s.kind === "qbr-email")!
    .blocks.flatMap((b) => b.rows.flat())
    .join("\n");
  expect(email).toContain("- Check we can supply Cable Clips and send a quote – me – [date]");
  expect(email).toContain("- Send samples / a quote for Cable Tie Gun – me – [date]");
});
