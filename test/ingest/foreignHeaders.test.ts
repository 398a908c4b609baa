/**
 * French, Dutch and German (Dynamics 365 Business Central) invoice-line exports: their headers
 * find the same fields as English ones, the net amount and never the gross one, and the files
 * (";"-delimited, decimal comma, day-first dates) read right with no mapping by hand. Every
 * expected figure is worked out by hand from the fixture, as the comments show.
 */
import { join } from "node:path";
import { detectTable, matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile, linesOf } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");
const FRENCH = join(EXPORTS, "french-factures-lignes.csv");
const DUTCH = join(EXPORTS, "dutch-factuurregels.csv");
const BC_DE = join(EXPORTS, "business-central-de-verkaufsrechnungszeilen.csv");

const fieldsOf = (headers: string[]): Record<string, string> =>
  Object.fromEntries(matchFields(headers, ORDER_FIELDS).map((m) => [m.field, m.header]));

const analyze = analyzeFile;

const lines = linesOf;

describe("headers", () => {
  test("French: every column to its field; Montant HT is the line value, Montant TTC and the VAT rate left alone", () => {
    expect(
      fieldsOf([
        "Date de facture",
        "N° de facture",
        "Code client",
        "Nom du client",
        "Référence",
        "Désignation",
        "Famille",
        "Quantité",
        "Prix unitaire",
        "Remise %",
        "Montant TTC",
        "Montant HT",
        "Taux TVA",
        "Devise",
      ])
    ).toEqual({
      date: "Date de facture",
      orderId: "N° de facture",
      accountId: "Code client",
      accountName: "Nom du client",
      sku: "Référence",
      productName: "Désignation",
      category: "Famille",
      quantity: "Quantité",
      unitPrice: "Prix unitaire",
      discount: "Remise %",
      revenue: "Montant HT",
      currency: "Devise",
    });
  });

  test("Dutch: every column to its field; Bedrag (excl. btw) is the line value, not Bedrag (incl. btw)", () => {
    expect(
      fieldsOf([
        "Factuurdatum",
        "Factuurnummer",
        "Klantnummer",
        "Klantnaam",
        "Artikelnummer",
        "Omschrijving",
        "Artikelgroep",
        "Aantal",
        "Stuksprijs",
        "Korting %",
        "Bedrag (incl. btw)",
        "Bedrag (excl. btw)",
        "Btw",
        "Valuta",
      ])
    ).toEqual({
      date: "Factuurdatum",
      orderId: "Factuurnummer",
      accountId: "Klantnummer",
      accountName: "Klantnaam",
      sku: "Artikelnummer",
      productName: "Omschrijving",
      category: "Artikelgroep",
      quantity: "Aantal",
      unitPrice: "Stuksprijs",
      discount: "Korting %",
      revenue: "Bedrag (excl. btw)",
      currency: "Valuta",
    });
  });

  test.each([
    // a gross amount alone is no line value: the line value is then quantity × unit price
    [
      ["Code client", "Date facture", "Quantité", "Prix unitaire TTC", "Montant TTC"],
      { accountId: "Code client", date: "Date facture", quantity: "Quantité" },
    ],
    [
      ["Klantnummer", "Factuurdatum", "Aantal", "Prijs per eenheid", "Bedrag incl. btw"],
      {
        accountId: "Klantnummer",
        date: "Factuurdatum",
        quantity: "Aantal",
        unitPrice: "Prijs per eenheid",
      },
    ],
    // the German net amount beside the gross one
    [
      ["Kundennr.", "Datum", "Betrag inkl. MwSt.", "Betrag"],
      { accountId: "Kundennr.", date: "Datum", revenue: "Betrag" },
    ],
    // a due date (Date d'échéance, Vervaldatum) is no order date; a discount amount no line value
    [
      ["Client", "Date d'échéance", "Date de facture", "Montant remise", "Montant"],
      { accountName: "Client", date: "Date de facture", revenue: "Montant" },
    ],
    // an order reference and a customer reference are not the product's reference
    [
      ["Référence client", "Référence commande", "Référence", "Date", "Montant HT"],
      { accountId: "Référence client", sku: "Référence", date: "Date", revenue: "Montant HT" },
    ],
  ])("%j", (headers, expected) => {
    expect(fieldsOf(headers)).toEqual(expected);
  });

  test("Business Central in German: the layout's German captions; Betrag, not Betrag inkl. MwSt.", () => {
    const headers = [
      "Buchungsdatum",
      "Belegnr.",
      "Verk. an Deb.-Nr.",
      "Verk. an Name",
      "Zeilennr.",
      "Art",
      "Nr.",
      "Beschreibung",
      "Artikelkategoriencode",
      "Menge",
      "Einheitencode",
      "VK-Preis",
      "Zeilenrabatt %",
      "Zeilenbetrag",
      "Betrag",
      "Betrag inkl. MwSt.",
    ];
    const d = detectTable({ name: "Verkaufsrechnungszeilen", values: [headers] }, "orders")!;
    expect(d.mapping.layout).toBe("business-central");
    expect(Object.fromEntries(d.mapping.fields.map((m) => [m.field, m.header]))).toEqual({
      date: "Buchungsdatum",
      orderId: "Belegnr.",
      accountId: "Verk. an Deb.-Nr.",
      accountName: "Verk. an Name",
      sku: "Nr.",
      productName: "Beschreibung",
      category: "Artikelkategoriencode",
      quantity: "Menge",
      unitPrice: "VK-Preis",
      discount: "Zeilenrabatt %",
      revenue: "Betrag",
    });
  });

  test("the English exports still map as before", () => {
    expect(
      fieldsOf(["Customer", "Invoice Date", "Invoice No", "Item Code", "Qty", "Price", "Amount"])
    ).toEqual({
      accountName: "Customer",
      date: "Invoice Date",
      orderId: "Invoice No",
      sku: "Item Code",
      quantity: "Qty",
      unitPrice: "Price",
      revenue: "Amount",
    });
  });
});

describe("the files, through the ingest session with no mapping by hand", () => {
  test('French: ";", decimal comma, "1 000" a thousand, an avoir as a negative line', async () => {
    const { report, revenue, orders, names, currency } = await analyze(FRENCH);
    expect(revenue).toEqual({
      // 1 000×0,045 + 50×0,80 + 12×12,50 = 45 + 40 + 150 = 235,00 (TTC would be 282,00)
      C001: 235,
      // 400×0,045 − 10×0,80 (avoir AV-2026-003) = 18 − 8 = 10,00
      C002: 10,
    });
    // FA-2026-101 and FA-2026-115; FA-2026-108 (the avoir is a return, no order)
    expect(orders).toEqual({ C001: 2, C002: 1 });
    expect(names.C001).toBe("Électricité Dupont SARL");
    expect(currency).toEqual({ C001: "EUR", C002: "EUR" });
    expect(report.returns).toBe(1);
    expect(report.read).toMatchObject({ dateOrder: "dmy", currencies: ["EUR"] });
    expect(report.skipped).toEqual([]);
    const ls = await lines(FRENCH);
    expect(ls.map((l) => [l.sku, l.quantity, l.category])).toEqual([
      ["CT-100", 1000, "Fixations"],
      ["RC-15", 50, "Plomberie"],
      ["CT-100", 400, "Fixations"],
      ["RC-15", -10, "Plomberie"],
      ["GA-20", 12, "Électricité"],
    ]);
  });

  test('Dutch: ";", decimal comma, "1.000" a thousand (the prices prove the comma), dd-mm-yyyy', async () => {
    const { report, revenue, orders, currency } = await analyze(DUTCH);
    expect(revenue).toEqual({
      // 1.000×0,045 + 50×0,80 + 24×1,25 = 45 + 40 + 30 = 115,00 (incl. btw would be 139,15)
      K1001: 115,
      // 400×0,045 − 10×0,80 (credit C2026-0007) = 18 − 8 = 10,00
      K1002: 10,
    });
    expect(orders).toEqual({ K1001: 2, K1002: 1 });
    expect(currency).toEqual({ K1001: "EUR", K1002: "EUR" });
    expect(report.returns).toBe(1);
    expect(report.read).toMatchObject({ dateOrder: "dmy", currencies: ["EUR"] });
    const ls = await lines(DUTCH);
    expect(ls.map((l) => [l.sku, l.quantity, l.productName])).toEqual([
      ["KB-100", 1000, "Kabelbinders 100 mm"],
      ["KK-15", 50, "Koppeling koper 15 mm"],
      ["KB-100", 400, "Kabelbinders 100 mm"],
      ["KK-15", -10, "Koppeling koper 15 mm (retour)"],
      ["IT-19", 24, "Isolatietape 19 mm"],
    ]);
  });

  test("Business Central in German: Nr. is the item, Betrag the line value, the comment line skipped and reported", async () => {
    const { report, revenue, names } = await analyze(BC_DE);
    expect(report.read!.layout).toBe("Dynamics 365 Business Central posted sales invoice lines");
    expect(revenue).toEqual({
      // 1.000×0,045 + 200×0,21×(1 − 10 %) + 7,50 freight = 45,00 + 37,80 + 7,50 = 90,30
      D10000: 90.3,
      // Betrag 38,00 (the Zeilenbetrag 40,00 less the invoice discount), not 45,22 inkl. MwSt.
      D20000: 38,
    });
    expect(names.D20000).toBe("Sanitär Vogel KG");
    expect(report.skipped).toEqual([
      { rule: "empty line (no quantity, no value)", rows: 1, revenue: 0, share: 0 },
    ]);
    const ls = await lines(BC_DE);
    expect(ls.map((l) => [l.sku, l.quantity, l.category])).toEqual([
      ["1000", 1000, "BEFESTIG"],
      ["1100", 200, "BEFESTIG"],
      ["8400", 1, "Uncategorised"],
      ["1200", 50, "SANITAER"],
    ]);
  });
});
