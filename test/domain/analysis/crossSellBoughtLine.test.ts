/**
 * A curated recommendation names a product line the account already buys: not offered.
 *
 * The sample's C0063 (Kestrel Electrical Services) bought "Insulation Tape, Black 19mm x 33m"
 * (catalog product line "Insulation Tape") 8 times in the 12 months to 31/10/2026, £369.59, yet
 * its QBR recommended "4. Insulation Tape — Electrical → Insulation Tape: Consumable need." The
 * product matrix's offers are product-line words, so the account's own lines must count as bought.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const asOf = d(2026, 10, 31);
const r = d(2026, 9, 1);
const catalog = [
  { sku: "EL-101", name: "Insulation Tape, Black 19mm x 33m", productLine: "Insulation Tape" },
  { sku: "EL-301", name: "Junction Boxes, 20A 4-Terminal", productLine: "Junction Boxes" },
  { sku: "CG-10", name: "Cable Glands (10), 20mm", productLine: "Cable Glands (10)" },
];
// A buys Electrical: the tape (a product of line "Insulation Tape") and a junction box.
const book = bookOf([
  line("A", r, "EL-101", 57.76, { category: "Electrical", quantity: 38 }),
  line("A", r, "EL-301", 83.16, { category: "Electrical", quantity: 36 }),
  line("B", r, "CG-10", 40, { category: "Electrical", quantity: 4 }),
]);
const model = buildPortfolio(book, { asOf, catalog });

it("does not offer Insulation Tape to an account that bought a product of that line", () => {
  const offers = analyzeAccount(model, "A", { catalog }).crossSell.map((c) => c.offer);
  // the product matrix for Electrical: Cable Cutters (still not bought) and Insulation Tape (bought)
  expect(offers).toContain("Cable Cutters");
  expect(offers).not.toContain("Insulation Tape");
});

it("nor in the QBR's recommendations", () => {
  const q = qbrData(model, "A", { year: 2026, q: 3 });
  expect(q.recommendations.map((x) => x.offer)).not.toContain("Insulation Tape");
});

it("a line the account does not buy is still offered (B buys Cable Glands only)", () => {
  const offers = analyzeAccount(model, "B", { catalog }).crossSell.map((c) => c.offer);
  expect(offers).toEqual(expect.arrayContaining(["Cable Cutters", "Insulation Tape"]));
});
