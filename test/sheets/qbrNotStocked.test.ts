/**
 * A curated recommendation of an item neither the catalog nor the order data has is said to be
 * so, and its action is to check supply, not "send samples". In the sample's 40 top QBRs, 12 of
 * the 119 action rows were "Send samples / quote for Cable Clips" (and Cable Cutters, Tool
 * Bags/Cases, Fittings…): KAP's built-in product matrix names them; nothing in the workbook sells them.
 * And an item only KAP's built-in matrices name, with nothing in the workbook selling it, is an
 * assumption: Low, ranked below what the data backs, never recommended (the sample's Warren
 * Facilities, C0204, had Cable Clips and Cable Tie Gun at Medium, 4th and 5th of its QBR's
 * recommendations); the user's own cross-sell sheet keeps its priority.
 *
 * Account A buys Cable Ties (as of 30/09/2026). The built-in product matrix then suggests Cable Tie
 * Gun, Cable Clips and Spiral Wrap. The catalog has a "Cable Tie Gun" (SKU TG1): Medium (built-in
 * rules are capped at Medium). Cable Clips and Spiral Wrap are nowhere: Low. The user's cross-sell
 * sheet, in the second portfolio, says Cable Ties → Cable Clips, High: High, flagged not stocked.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 9, 30);
const book = () => bookOf([line("A", d(2026, 8, 1), "CT1", 100, { category: "Cable Ties" })]);
const catalog = [{ sku: "TG1", name: "Cable Tie Gun", category: "Tools" }];
const builtIn = buildPortfolio(book(), { asOf, catalog });
const withUserRule = buildPortfolio(book(), {
  asOf,
  catalog,
  curatedRules: [
    {
      theyBuy: "Cable Ties",
      considerSelling: "Cable Clips",
      rationale: "Our installers always need them",
      priority: "High",
    },
  ],
});
const sheetsOf = (model: typeof builtIn) =>
  qbrSheets(qbrData(model, "A", { year: 2026, q: 3 }), layoutOptions({ asOf, currency: "GBP" }));
const rowsOf = (sheets: ReturnType<typeof sheetsOf>, kind: string, first: string) =>
  sheets.find((s) => s.kind === kind)!.blocks.find((b) => b.rows[0]?.[0] === first)!.rows;
const NOTE_BUILT_IN =
  "Not in the catalog or the order data: a suggestion from KAP's built-in product matrix, with no sales behind it yet.";

test("built-in matrix items nothing sells are Low, after the stocked one, flagged, and not recommended", () => {
  const det = analyzeAccount(builtIn, "A");
  expect(det.opportunities.map((o) => [o.rank, o.offer, o.priority, o.notStocked])).toEqual([
    [1, "Cable Tie Gun", "Medium", false],
    [2, "Cable Clips", "Low", true],
    [3, "Spiral Wrap", "Low", true],
  ]);
  const recs = rowsOf(sheetsOf(builtIn), "qbr-insights", "Recommendation");
  expect(recs.slice(1).map((r) => r[0])).toEqual(["1. Cable Tie Gun"]);
  // Why in D (index 3): Priority stands over B:C
  expect(String(recs[1][3])).not.toContain("Not in the catalog");
});

test("the stocked one's action is samples or a quote", () => {
  const sheets = sheetsOf(builtIn);
  const actions = rowsOf(sheets, "qbr-planning", "Action").map((r) => r[0]);
  // silent since 01/08/2026 (60 days to 30/09/2026): re-engaged first, the cross-sell after it
  expect(actions[1]).toMatch(/^Agree your next order/);
  expect(actions.slice(2, 4)).toEqual([
    "Send samples / quote for Cable Tie Gun",
    "Confirm date of next QBR",
  ]);
  const email = sheets
    .find((s) => s.kind === "qbr-email")!
    .blocks.flatMap((b) => b.rows.flat())
    .join("\n");
  expect(email).toContain("- Send samples / a quote for Cable Tie Gun – me – [date]");
  expect(email).not.toContain("Cable Clips");
});

test("the user's own rule for an item nothing sells keeps its High, is recommended first, says so, and its action is a quote (checking supply is the internal sheet's)", () => {
  const det = analyzeAccount(withUserRule, "A");
  expect(det.opportunities.map((o) => [o.rank, o.offer, o.priority])).toEqual([
    [1, "Cable Clips", "High"],
    [2, "Cable Tie Gun", "Medium"],
    [3, "Spiral Wrap", "Low"],
  ]);
  const sheets = sheetsOf(withUserRule);
  const recs = rowsOf(sheets, "qbr-insights", "Recommendation");
  expect(recs.slice(1).map((r) => r[0])).toEqual(["1. Cable Clips", "2. Cable Tie Gun"]);
  // the customer's page gives the reason; where the suggestion comes from is the internal sheet's
  expect(String(recs[1][3])).not.toContain("Not in the catalog");
  expect(rowsOf(sheets, "qbr-prep", "Recommendation (Insights page)")[1]).toEqual([
    "1. Cable Clips",
    "Not in the catalog or the order data: a suggestion from your cross-sell sheet, with no sales behind it yet.",
  ]);
  expect(sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat()))).not.toContain(
    NOTE_BUILT_IN
  );
  const actions = rowsOf(sheets, "qbr-planning", "Action").map((r) => r[0]);
  expect(actions[1]).toMatch(/^Agree your next order/);
  expect(actions.slice(2, 4)).toEqual([
    "Quote for Cable Clips",
    "Send samples / quote for Cable Tie Gun",
  ]);
  const email = sheets
    .find((s) => s.kind === "qbr-email")!
    .blocks.flatMap((b) => b.rows.flat())
    .join("\n");
  expect(email).toContain("- Send a quote for Cable Clips – me – [date]");
  // that we may not stock it is the internal sheet's
  expect(email).not.toMatch(/check we can supply/i);
});
