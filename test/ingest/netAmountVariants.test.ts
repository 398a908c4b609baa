/**
 * Net line values under the captions real French, Dutch and Business Central (German and Dutch)
 * exports use beside a gross column: "Totaal excl.", "Regelbedrag excl. btw", "Zeilenbetrag ohne
 * MwSt.", "Total H.T.". Each fixture's discounts live only in its net column (there is no discount
 * column, or a text line sits among an invoice's lines), so quantity × unit price would be wrong:
 * the net column must be read. Every expected figure is worked out by hand from the fixture.
 */
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

const analyze = (file: string) => analyzeFile(join(EXPORTS, file));

const revenueHeader = (headers: string[]) =>
  matchFields(headers, ORDER_FIELDS).find((m) => m.field === "revenue")?.header;

test("the net column's captions are the line value, the gross ones never", () => {
  expect(revenueHeader(["Aantal", "Prijs", "Totaal excl.", "Btw", "Totaal incl."])).toBe(
    "Totaal excl."
  );
  expect(
    revenueHeader([
      "Aantal",
      "Eenheidsprijs excl. btw",
      "Regelbedrag excl. btw",
      "Bedrag incl. btw",
    ])
  ).toBe("Regelbedrag excl. btw");
  expect(
    revenueHeader(["Menge", "VK-Preis ohne MwSt.", "Zeilenbetrag ohne MwSt.", "Betrag inkl. MwSt."])
  ).toBe("Zeilenbetrag ohne MwSt.");
  expect(revenueHeader(["Qté", "P.U. H.T.", "Total H.T.", "Total T.T.C."])).toBe("Total H.T.");
  expect(revenueHeader(["Qté", "Total TTC"])).toBeUndefined();
  expect(revenueHeader(["Aantal", "Totaal incl."])).toBeUndefined();
});

test('Dutch "Totaal excl." with a discount in it and no discount column', async () => {
  const { revenue, orders, report } = await analyze("dutch-totaal-excl.csv");
  expect(revenue).toEqual({
    // F2026-0412: 45,00 + 36,00 (50 × 0,80 = 40,00 less 10 %) = 81,00 — not 85,00
    "1001": 81,
    // F2026-0431: 1.500,00; credit C2026-0007: −8,00 → 1.492,00
    "1002": 1492,
  });
  expect(orders).toEqual({ "1001": 1, "1002": 1 });
  expect(report.returns).toBe(1);
  // 45 + 36 + 1,500 − 8 = 1,573.00 (the gross "Totaal incl." would give 1,903.33)
  expect(report.revenue).toBe(1573);
});

test("Business Central in Dutch: Verkoop aan klantnr., Documentnr., Regelbedrag excl. btw", async () => {
  const { revenue, orders } = await analyze("business-central-nl-verkoopfactuurregels.csv");
  // VF103001: 1.000 × 0,045 = 45,00 + 200 × 0,21 less 10 % = 37,80 → 82,80; VF103007: 1.500 × 0,80 less 5 % = 1.140,00
  expect(revenue).toEqual({ "10000": 82.8, "20000": 1140 });
  expect(orders).toEqual({ "10000": 1, "20000": 1 });
});

test('Business Central in German with prices excluding VAT: "Zeilenbetrag ohne MwSt.", no discount column', async () => {
  const { revenue, orders, report } = await analyze("business-central-de-ohne-mwst.csv");
  expect(report.read).toMatchObject({
    layout: "Dynamics 365 Business Central posted sales invoice lines",
  });
  // VR103001: 45,00 + 37,80 (200 × 0,21 = 42,00 less the line discount) = 82,80 — not 87,00;
  // VR103007: 1.140,00 (1.500 × 0,80 less 5 %) + VR103009: 80,00 = 1.220,00 — not 1.280,00
  expect(revenue).toEqual({ "10000": 82.8, "20000": 1220 });
  expect(orders).toEqual({ "10000": 1, "20000": 2 });
});

test("Business Central text line (blank type, no quantity, no amount) in an invoice: Zeilenbetrag is still each line's value", async () => {
  const { revenue, report } = await analyze("business-central-de-textzeile.csv");
  // as above: 45,00 + 37,80 = 82,80 and 1.140,00 — not 87,00 and 1.200,00 from Menge × VK-Preis
  expect(revenue).toEqual({ "10000": 82.8, "20000": 1140 });
  expect(report.revenue).toBe(1222.8);
  expect(report.warnings.join(" ")).not.toMatch(/figure per order/);
});

test("French with dotted abbreviations: Total H.T. is the line value, Total T.T.C. is not", async () => {
  const { revenue, orders, report } = await analyze("french-ht-abbreviated.csv");
  // FA00101: 45,00 + 36,00 = 81,00; FA00108: 1 500,00 and the credit note AV00003: −125,00 → 1 375,00
  expect(revenue).toEqual({ CDUPONT: 81, CMARTIN: 1375 });
  expect(orders).toEqual({ CDUPONT: 1, CMARTIN: 1 });
  expect(report.returns).toBe(1);
});

test('net unit prices ("Prix net", "PU net", "VK netto", "Nettoprijs") are unit prices, not the line value', () => {
  const fieldOf = (h: string) =>
    matchFields(["Qté", h], ORDER_FIELDS).find((m) => m.header === h)?.field;
  for (const h of ["Prix net", "Prix net HT", "PU net", "Prix unitaire net"])
    expect([h, fieldOf(h)]).toEqual([h, "unitPrice"]);
  for (const h of ["VK netto", "Nettopreis", "Einzelpreis netto", "Nettoprijs", "Netto prijs"])
    expect([h, fieldOf(h)]).toEqual([h, "unitPrice"]);
  // the line values stay line values
  for (const h of ["Montant net HT", "Total net HT", "Netto", "Nettobedrag"])
    expect([h, fieldOf(h)]).toEqual([h, "revenue"]);
});

test('French "Prix net" with no line value: quantity × net price', async () => {
  const { revenue, report } = await analyze("french-prix-net.csv");
  // 1 000 × 0,045 = 45,00 (was 0,05: the price read as the line value); 120 × 12,50 = 1 500,00
  expect(revenue).toEqual({ "Dupont SARL": 45, "Martin & Fils": 1500 });
  // the TTC and TVA columns are never the line value
  expect(report.revenue).toBe(1545);
});

test("purchase and cost prices are never the selling price (Prix d'achat, PA HT, EK-Preis, Inkoopprijs, Cost Price)", () => {
  const fieldOf = (h: string) =>
    matchFields(["Qty", h], ORDER_FIELDS).find((m) => m.header === h)?.field;
  for (const h of [
    "Prix d'achat",
    "Prix d'achat HT",
    "PA HT",
    "EK-Preis",
    "Einstandspreis",
    "Inkoopprijs",
    "Cost Price",
    "Purchase Price",
    "Montant d'achat",
    "EK-Betrag",
  ])
    expect([h, fieldOf(h)]).toEqual([h, undefined]);
  expect(fieldOf("Prix de vente")).toBe("unitPrice");
  expect(fieldOf("VK-Preis")).toBe("unitPrice");
});

test("a purchase price beside the line value leaves the line value alone", async () => {
  // French: Montant HT 45,00 + 40,00 = 85,00 and 1 500,00 — not Qté × Prix d'achat (57,50 and 1 080,00)
  expect((await analyze("french-prix-achat.csv")).revenue).toEqual({
    "Dupont SARL": 85,
    "Martin & Fils": 1500,
  });
  // German: Betrag 150,00 and 400,00 — not Menge × EK-Preis (100,00 and 275,00)
  expect((await analyze("german-ek-preis.csv")).revenue).toEqual({
    "Elektro Krause GmbH": 150,
    "Sanitär Vogel KG": 400,
  });
});
