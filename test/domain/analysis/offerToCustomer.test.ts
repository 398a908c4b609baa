/**
 * A product line's gap of more than three variants is offered as "the rest of the X range". Where
 * that phrase opens a cell or a numbered item (the QBR's "5. …", Cross-Sell's and the Breakdown's
 * offer column, the plan's SWOT) it starts with a capital: the sample's QBR read
 * "5. the rest of the Nylon Cable Ties (100) range".
 */
import { offerToCustomer } from "../../../src/domain/analysis/opportunities";
import type { ProductLineGap } from "../../../src/domain/analysis/types";

const variant = (sku: string, bought: boolean) => ({
  sku,
  name: `Ties ${sku}`,
  bought,
  medianSpend: 10,
});
const gap = (bought: number, missing: number): ProductLineGap => ({
  productLine: "Nylon Cable Ties (100)",
  variants: [
    ...Array.from({ length: bought }, (_, i) => variant(`b${i}`, true)),
    ...Array.from({ length: missing }, (_, i) => variant(`m${i}`, false)),
  ],
  boughtCount: bought,
  missingCount: missing,
  estimate: 10 * missing,
  lineBuyers: 4,
  gapBuyers: 2,
  gapVariant: "m0",
});

test("the rest of a range: a capital where it opens a cell, none inside a sentence", () => {
  const o = { offer: "Nylon Cable Ties (100)", kind: "range" as const, lineGap: gap(1, 5) };
  expect(offerToCustomer(o, true)).toBe("The rest of the Nylon Cable Ties (100) range");
  expect(offerToCustomer(o)).toBe("the rest of the Nylon Cable Ties (100) range");
});

test("names from the data are kept as written, at the start or not", () => {
  const few = { offer: "Nylon Cable Ties (100)", kind: "range" as const, lineGap: gap(1, 2) };
  expect(offerToCustomer(few, true)).toBe("Ties m0; Ties m1");
  expect(offerToCustomer({ offer: "iPad cases", kind: "new" as const }, true)).toBe("iPad cases");
});
