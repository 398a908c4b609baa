/** German exports (DATEV, SAP in German, Lexware, JTL…): their headers find the same fields as English ones. */
import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { headerScores, matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";

const fieldsOf = (headers: string[]): Record<string, string> =>
  Object.fromEntries(matchFields(headers, ORDER_FIELDS).map((m) => [m.field, m.header]));

test("a German invoice-line export: every column to its field; net amount, not gross; ledger and VAT columns left alone", () => {
  const m = fieldsOf([
    "Kundennr.",
    "Kunde",
    "Belegdatum",
    "Belegnummer",
    "Artikelnummer",
    "Bezeichnung",
    "Warengruppe",
    "Menge",
    "Einzelpreis",
    "Rabatt %",
    "Betrag netto",
    "MwSt",
    "Bruttobetrag",
    "Sachkonto",
  ]);
  expect(m).toEqual({
    accountId: "Kundennr.",
    accountName: "Kunde",
    date: "Belegdatum",
    orderId: "Belegnummer",
    sku: "Artikelnummer",
    productName: "Bezeichnung",
    category: "Warengruppe",
    quantity: "Menge",
    unitPrice: "Einzelpreis",
    discount: "Rabatt %",
    revenue: "Betrag netto",
  });
});

test.each([
  // a ledger account ("Konto", "Erlöskonto") is never the customer, even beside no other candidate
  [["Konto", "Datum", "Umsatz"], { date: "Datum", revenue: "Umsatz" }],
  [
    ["Erlöskonto", "Debitor", "Rechnungsdatum", "Nettobetrag"],
    {
      accountId: "Debitor",
      date: "Rechnungsdatum",
      revenue: "Nettobetrag",
    },
  ],
  // gross and VAT amounts are no line revenue
  [["Kunde", "Datum", "Betrag brutto", "MwSt-Betrag"], { accountName: "Kunde", date: "Datum" }],
  [
    ["Kunden-Nr", "Lieferdatum", "Währung", "Standort", "Menge", "Preis"],
    {
      accountId: "Kunden-Nr",
      date: "Lieferdatum",
      currency: "Währung",
      site: "Standort",
      quantity: "Menge",
      unitPrice: "Preis",
    },
  ],
])("%j", (headers, expected) => {
  expect(fieldsOf(headers)).toEqual(expected);
});

test('a bare "Beleg" (the document number of a German ERP\'s export) is the order id', () => {
  expect(fieldsOf(["Beleg", "Datum", "Kunde", "Artikel", "Menge", "Betrag"])).toEqual({
    orderId: "Beleg",
    date: "Datum",
    accountName: "Kunde",
    sku: "Artikel",
    quantity: "Menge",
    revenue: "Betrag",
  });
  // beside the document type, each to its own
  expect(fieldsOf(["Beleg-Art", "Beleg", "Datum", "Kunde", "Menge", "Betrag"])).toMatchObject({
    docType: "Beleg-Art",
    orderId: "Beleg",
  });
});

test.each([
  // the document type, the document date, a line (position) number and the document's currency hold
  // the word but are no order id: without another order id column, none is taken
  ["Beleg-Art"],
  ["Belegart"],
  ["Beleg Typ"],
  ["Belegdatum"],
  ["Beleg-Datum"],
  ["Beleg-Pos."],
  ["Belegzeile"],
  ["Beleg-Währung"],
])("%s is never the order id", (header) => {
  const orderId = ORDER_FIELDS.findIndex((f) => f.field === "orderId");
  expect(headerScores(header, ORDER_FIELDS)[orderId].score).toBe(0);
  expect(fieldsOf([header, "Datum", "Kunde", "Menge", "Betrag"]).orderId).toBeUndefined();
});

describe("kap on the German export", () => {
  const KAP = resolve(__dirname, "../../bin/kap.js");
  const FILE = resolve(__dirname, "../fixtures/exports/german-erp-rechnungspositionen.csv");
  beforeAll(() => {
    execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")]);
  }, 120_000);

  test("no currency in the file and decimal commas: the figures are shown with no symbol, not KAP's default £", () => {
    const r = spawnSync(process.execPath, [KAP, "analyze", FILE, "--quiet"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stdout).toContain("Currency: none named in the data (amounts shown with no symbol)");
    expect(r.stdout).toContain("Annual revenue: 335 ");
  }, 120_000);

  test("revenue from 'Betrag netto' with decimal commas; as of the last order date", () => {
    const r = spawnSync(process.execPath, [KAP, "analyze", FILE, "--json", "--quiet"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.asOf).toBe("2026-10-14");
    const by = Object.fromEntries(
      j.portfolio.accounts.map((a: { accountId: string }) => [a.accountId, a])
    );
    // 10001: 17,50 + 150,00 + 87,50 = 255,00 (= 500 × 0,035 + 1.200 × 0,125 + 2.500 × 0,035);
    // last order 14.10.2026 → 0 days; two invoices (RE-5001, RE-5090); Kabelbinder and Befestigung
    expect(by["10001"].revenueLast12).toBe(255);
    expect(by["10001"].health.inputs.daysSinceLastOrder).toBe(0);
    expect(by["10001"].health.inputs.ordersLastQuarter).toBe(2);
    expect(by["10001"].health.inputs.categoriesLast12).toBe(2);
    // 10002: 50,00 + 29,88 = 79,88, one invoice on 07.10.2026 → 7 days
    expect(by["10002"].revenueLast12).toBe(79.88);
    expect(by["10002"].health.inputs.daysSinceLastOrder).toBe(7);
    expect(by["10002"].health.inputs.ordersLastQuarter).toBe(1);
  }, 120_000);
});
