/**
 * Invoice-line exports from Italy, Spain, Poland and the Czech Republic (decimal comma, ";"
 * delimiter, their own headers and credit-note names): read with no mapping by hand, as the
 * German, French and Dutch ones are. Every expected figure is worked out by hand from the
 * fixture (test/fixtures/exports), as the comments show; as of 2026-10-31.
 */
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { parseDate } from "../../src/ingest/values";
import { serialToIso } from "../../src/domain/dates";
import { analyzeFile, linesOf } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

const fieldsOf = (headers: string[]): Record<string, string> =>
  Object.fromEntries(matchFields(headers, ORDER_FIELDS).map((m) => [m.field, m.header]));

describe("headers", () => {
  test("Italian: Importo (net) is the line value, never Totale ivato (with IVA); Ragione sociale the name", () => {
    expect(
      fieldsOf([
        "Codice cliente",
        "Ragione sociale",
        "Data documento",
        "Tipo documento",
        "Numero documento",
        "Codice articolo",
        "Descrizione",
        "Categoria",
        "Quantità",
        "Prezzo unitario",
        "Sconto %",
        "Importo",
        "Aliquota IVA",
        "Totale ivato",
        "Valuta",
      ])
    ).toEqual({
      accountId: "Codice cliente",
      accountName: "Ragione sociale",
      date: "Data documento",
      docType: "Tipo documento",
      orderId: "Numero documento",
      sku: "Codice articolo",
      productName: "Descrizione",
      category: "Categoria",
      quantity: "Quantità",
      unitPrice: "Prezzo unitario",
      discount: "Sconto %",
      revenue: "Importo",
      currency: "Valuta",
    });
  });

  test("Spanish: every column to its field; Cuota IVA is no line value (Base imponible against a bare Total is settled by the data: the file below)", () => {
    expect(
      fieldsOf([
        "Código cliente",
        "Cliente",
        "Fecha",
        "Nº factura",
        "Referencia",
        "Descripción",
        "Familia",
        "Cantidad",
        "Precio",
        "Dto. %",
        "Base imponible",
        "% IVA",
        "Cuota IVA",
        "Total",
        "Moneda",
      ])
    ).toMatchObject({
      accountId: "Código cliente",
      accountName: "Cliente",
      date: "Fecha",
      orderId: "Nº factura",
      sku: "Referencia",
      productName: "Descripción",
      category: "Familia",
      quantity: "Cantidad",
      unitPrice: "Precio",
      discount: "Dto. %",
      currency: "Moneda",
    });
  });

  test("Polish: Wartość netto is the line value and Cena netto the unit price, never Wartość brutto", () => {
    expect(
      fieldsOf([
        "Kod kontrahenta",
        "Nazwa kontrahenta",
        "Data wystawienia",
        "Numer dokumentu",
        "Kod towaru",
        "Nazwa towaru",
        "Grupa towarowa",
        "Ilość",
        "Cena netto",
        "Wartość netto",
        "Stawka VAT",
        "Wartość brutto",
        "Waluta",
      ])
    ).toEqual({
      accountId: "Kod kontrahenta",
      accountName: "Nazwa kontrahenta",
      date: "Data wystawienia",
      orderId: "Numer dokumentu",
      sku: "Kod towaru",
      productName: "Nazwa towaru",
      category: "Grupa towarowa",
      quantity: "Ilość",
      unitPrice: "Cena netto",
      revenue: "Wartość netto",
      currency: "Waluta",
    });
  });

  test("Polish, a shorter export: Nr klienta the id, Klient the name, Data the date", () => {
    expect(
      fieldsOf(["Nr klienta", "Klient", "Data", "Nr faktury", "Indeks", "Nazwa", "Ilość", "Cena"])
    ).toEqual({
      accountId: "Nr klienta",
      accountName: "Klient",
      date: "Data",
      orderId: "Nr faktury",
      sku: "Indeks",
      productName: "Nazwa",
      quantity: "Ilość",
      unitPrice: "Cena",
    });
  });

  test("Czech: Celkem bez DPH is the line value, never Celkem s DPH (with VAT)", () => {
    expect(
      fieldsOf([
        "Číslo odběratele",
        "Odběratel",
        "Datum vystavení",
        "Číslo dokladu",
        "Typ dokladu",
        "Kód",
        "Název položky",
        "Skupina",
        "Množství",
        "Cena za MJ",
        "Celkem bez DPH",
        "Sazba DPH",
        "Celkem s DPH",
        "Měna",
      ])
    ).toEqual({
      accountId: "Číslo odběratele",
      accountName: "Odběratel",
      date: "Datum vystavení",
      orderId: "Číslo dokladu",
      docType: "Typ dokladu",
      sku: "Kód",
      productName: "Název položky",
      category: "Skupina",
      quantity: "Množství",
      unitPrice: "Cena za MJ",
      revenue: "Celkem bez DPH",
      currency: "Měna",
    });
  });
});

describe("dates written with a dot and a space after each part", () => {
  test("Czech '2. 9. 2026' is 2 September (day first whatever the order given); Hungarian '2026. 10. 14.' is 14 October", () => {
    expect(serialToIso(parseDate("2. 9. 2026")!)).toBe("2026-09-02");
    expect(serialToIso(parseDate("2. 9. 2026", "mdy")!)).toBe("2026-09-02");
    expect(serialToIso(parseDate("14. 10. 2026 13:05")!)).toBe("2026-10-14");
    expect(serialToIso(parseDate("2026. 10. 14.")!)).toBe("2026-10-14");
    expect(parseDate("2. 13. 2026")).toBeUndefined();
  });
});

describe("the files, with no mapping by hand", () => {
  test("Italian: '1.200' twelve hundred, '0,125' an eighth, a Nota di credito written positive is a return, the Totale row skipped", async () => {
    const file = join(EXPORTS, "italian-righe-documenti.csv");
    const { report, revenue, orders, names } = await analyzeFile(file);
    expect(revenue).toEqual({
      // 1.200 × 0,125 = 150,00 + 2.500 × 0,035 = 87,50 + 10 × 12,00 less 10 % = 108,00 → 345,50
      // (Totale ivato would be 183,00 + 106,75 + 131,76)
      C001: 345.5,
      // 40 × 1,25 = 50,00 − Nota di credito 4 × 1,25 = 5,00 → 45,00
      C002: 45,
    });
    // documents 1/2026 and 90/2026; the credit note is no order
    expect(orders).toEqual({ C001: 2, C002: 1 });
    expect(names.C001).toBe("Elettrica Rossi S.r.l.");
    expect(report.returns).toBe(1);
    expect(report.skippedTotals).toBe(1);
    expect(report.rejected).toEqual([]);
    expect(report.read).toMatchObject({ dateOrder: "dmy", delimiter: ";" });
    const ls = await linesOf(file);
    expect(ls.map((l) => [l.sku, l.quantity, l.category])).toEqual([
      ["FC-200", 1200, "Fascette"],
      ["FC-200", 2500, "Fascette"],
      ["GU-1", 10, "DPI"],
      ["RC-15", 40, "Raccordi"],
      ["RC-15", -4, "Raccordi"],
    ]);
  });

  test("Spanish: Base imponible with '1.140,00', a Factura rectificativa a return", async () => {
    const file = join(EXPORTS, "spanish-lineas-factura.csv");
    const { report, revenue, orders, names } = await analyzeFile(file);
    expect(revenue).toEqual({
      // 1.200 × 0,125 = 150,00 + 2.500 × 0,035 = 87,50 → 237,50 (Total with IVA: 287,38)
      "430001": 237.5,
      // 40 × 1,25 = 50,00 − 5,00 (rectificativa R2026-005) → 45,00
      "430002": 45,
      // 100 × 12,00 less 5 % = 1.140,00
      "430003": 1140,
    });
    expect(orders).toEqual({ "430001": 2, "430002": 1, "430003": 1 });
    expect(names["430002"]).toBe("Fontanería López S.A.");
    expect(report.returns).toBe(1);
    expect(report.rejected).toEqual([]);
  });

  test("Polish: '1 200' (no-break space) twelve hundred, the Waluta PLN, a korekta (negative) a return", async () => {
    const { report, revenue, orders, currency } = await analyzeFile(
      join(EXPORTS, "polish-pozycje-faktur.csv")
    );
    expect(revenue).toEqual({
      // 1 200 × 0,125 = 150,00 + 2 500 × 0,035 = 87,50 → 237,50 zł (brutto 292,13)
      K001: 237.5,
      // 50,00 − 5,00 (KFS 5/10/2026) → 45,00 zł
      K002: 45,
    });
    expect(orders).toEqual({ K001: 2, K002: 1 });
    expect(currency).toEqual({ K001: "PLN", K002: "PLN" });
    expect(report.returns).toBe(1);
    expect(report.read).toMatchObject({ dateOrder: "dmy", currencies: ["PLN"] });
  });

  test("Czech: 'Kč' amounts, d. m. yyyy dates, a Dobropis written positive is a return", async () => {
    const { report, revenue, orders, currency } = await analyzeFile(
      join(EXPORTS, "czech-polozky-faktur.csv")
    );
    expect(revenue).toEqual({
      // 1 200 × 0,125 = 150,00 + 2 500 × 0,035 = 87,50 → 237,50 Kč
      "O-1": 237.5,
      // 50,00 − Dobropis 5,00 → 45,00 Kč
      "O-2": 45,
    });
    expect(orders).toEqual({ "O-1": 2, "O-2": 1 });
    expect(currency).toEqual({ "O-1": "CZK", "O-2": "CZK" });
    expect(report.returns).toBe(1);
    expect(report.rejected).toEqual([]);
  });
});
