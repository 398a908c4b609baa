import { serviceDescriptionKind, serviceKind } from "../../src/domain/serviceLines";

describe("service and adjustment lines (RULES.md §2)", () => {
  it.each([
    ["POST", "POSTAGE", "postage"],
    ["DOT", "DOTCOM POSTAGE", "dotcom postage"],
    ["C2", "CARRIAGE", "carriage"],
    ["M", "Manual", "manual adjustment"],
    ["D", "Discount", "discount"],
    ["CRUK", "CRUK Commission", "CRUK commission"],
    ["BANK CHARGES", "Bank Charges", "bank charges"],
    ["AMAZONFEE", "AMAZON FEE", "marketplace fee"],
    ["S", "SAMPLES", "samples"],
    ["B", "Adjust bad debt", "bad-debt adjustment"],
    ["post", undefined, "postage"],
  ])("recognises the code %s (%s) as %s", (sku, name, kind) => {
    expect(serviceKind(sku, name)).toBe(kind);
  });

  it.each([
    ["FRT-01", "Freight", "postage and delivery"],
    ["X9", "Next day delivery", "postage and delivery"],
    ["X9", "P&P", "postage and delivery"],
    ["X9", "Shipping charge", "postage and delivery"],
    ["X9", "Small order surcharge", "postage and delivery"],
    ["X9", "Stock adjustment", "manual adjustment"],
    ["X9", "Discount 10%", "discount"],
    ["X9", "Early payment discount", "discount"],
    ["X9", "eBay fees", "marketplace fee"],
    ["X9", "Free sample", "samples"],
    // Odoo's down-payment product, and the German, French, Dutch and Italian words
    ["", "Down payment", "down payment"],
    ["", "Down Payment: 30%", "down payment"],
    ["X9", "Anzahlung", "down payment"],
    ["X9", "Acompte", "down payment"],
    ["X9", "Aanbetaling", "down payment"],
    // on Odoo's final invoice, the down payment taken off again
    ["", "Down Payment (ref: INV/2026/00010 on 09/01/2026)", "down payment"],
    ["", "Down payment of 30%", "down payment"],
    // rebates and bonuses are price reductions; Skonto (early-payment discount) too
    ["X9", "Rebate", "discount"],
    ["X9", "Volume rebate 5%", "discount"],
    ["X9", "Bonus", "discount"],
    ["X9", "Jahresbonus 3%", "discount"],
    ["X9", "Skontoabzug", "discount"],
  ])('recognises %s "%s" by its description as %s', (sku, name, kind) => {
    expect(serviceKind(sku, name)).toBe(kind);
  });

  it.each([
    ["S", "Nitrile gloves, small"],
    // a product that merely starts with the word
    ["DB-1", "Deposit box, steel"],
    ["s", undefined],
    ["b", undefined],
    // one letter alone, with no description naming a service: a product's code ("B" a paper
    // size, a product line), never a sample or bad-debt line by the letter alone
    ["S", undefined],
    ["B", undefined],
    ["B", ""],
    ["M", undefined],
    ["D", "  "],
    ["85123A", "WHITE HANGING HEART T-LIGHT HOLDER"],
    ["DV-1", "Delivery van toy"],
    ["BL-2", "Discount bin labels"],
    ["PC-1", "Postage scale 5kg"],
    ["T200", "Cable ties 200mm"],
    ["BP-1", "Bonus pack cable ties"],
    ["RB-1", "Rebate bracket"],
  ])('keeps %s "%s" a product', (sku, name) => {
    expect(serviceKind(sku, name)).toBeNull();
  });

  it("reads descriptions case- and punctuation-blind", () => {
    expect(serviceDescriptionKind("  POSTAGE & PACKING ")).toBe("postage and delivery");
    expect(serviceDescriptionKind("bank-charges")).toBe("bank charges");
    expect(serviceDescriptionKind("")).toBeNull();
  });
});

test("German ERP shipping and packing lines are service lines (Versandkosten, Frachtkosten, Porto, Verpackung, Mindermengenzuschlag); Versandhandel is not", () => {
  for (const d of ["Versandkosten", "Frachtkosten", "Porto", "Verpackung", "Mindermengenzuschlag"])
    expect(serviceKind(d, d)).toBe("postage and delivery");
  expect(serviceKind("Versandhandel", "Versandhandel")).toBeNull();
});

test("discount items as QuickBooks, German and French exports name them are discount lines; a cutting disc is a product", () => {
  for (const d of [
    "Discount",
    "10% Discount",
    "Disc 10%",
    "Discount 5 %",
    "Rabatt",
    "Rabatt 5%",
    "Mengenrabatt",
    "Remise",
    "Remise 10%",
    "Remise commerciale",
    "Trade discount",
    "Trade Discount 2.5%",
    "Less 10% discount",
    "Preisnachlass",
    "Escompte 2%",
    "Korting 5%",
  ])
    expect([d, serviceKind("X9", d)]).toEqual([d, "discount"]);
  for (const d of ["Cutting disc 115mm", "Disc 125", "Grinding disc", "Discount bin labels"])
    expect([d, serviceKind("X9", d)]).toEqual([d, null]);
});
