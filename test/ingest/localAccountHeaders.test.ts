/**
 * The customer's column in German, Spanish, Dutch, Italian and French exports ("Kto.-Nr.",
 * "Kontonummer", "Naam", "Cod. cliente", "N° client"…), and the customer's tax id (NIF, CIF,
 * USt-IdNr., VAT number): the account id only where the file has no customer number or name
 * (beside one it is left alone: a retail customer's is often blank, and a tax id is one per
 * legal entity, not per account). Every figure is worked out by hand from the rows; as of
 * 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-local-ids-"));
let n = 0;
/** `lines` written as a UTF-8 file; analysed. */
function analyze(lines: string[]) {
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  return analyzeFile(file);
}

describe("a DATEV/Lexware-like German export (';', decimal comma)", () => {
  // 10001 Elektro Maier: RE-1001 25,00 + RE-1003 24,00 = 49,00; 10002 Sanitär Vogel: RE-1002 48,00
  const rows = (id: string, cols: (r: string[]) => string[]) => [
    cols([
      "Belegdatum",
      "Belegnummer",
      id,
      "Firma",
      "USt-IdNr.",
      "Artikelnummer",
      "Bezeichnung",
      "Menge",
      "Einzelpreis",
      "Nettobetrag",
    ]).join(";"),
    ...[
      [
        "05.10.2026",
        "RE-1001",
        "10001",
        "Elektro Maier GmbH",
        "DE123456789",
        "KB-100",
        "Kabelbinder",
        "10",
        "2,50",
        "25,00",
      ],
      [
        "06.10.2026",
        "RE-1002",
        "10002",
        "Sanitär Vogel KG",
        "DE987654321",
        "DB-8",
        "Dübel 8 mm",
        "4",
        "12,00",
        "48,00",
      ],
      [
        "12.10.2026",
        "RE-1003",
        "10001",
        "Elektro Maier GmbH",
        "DE123456789",
        "DB-8",
        "Dübel 8 mm",
        "2",
        "12,00",
        "24,00",
      ],
    ].map((r) => cols(r).join(";")),
  ];
  const all = (r: string[]) => r;

  it.each(["Kto-Nr", "Kto.-Nr.", "Kontonummer", "Debitor", "Debitorennr"])(
    "'%s' is the account id, beside a tax id that is not",
    async (id) => {
      const { revenue, names } = await analyze(rows(id, all));
      expect(revenue).toEqual({ "10001": 49, "10002": 48 });
      expect(names["10002"]).toBe("Sanitär Vogel KG");
    }
  );

  it("with no customer number or name, the USt-IdNr. is the account id", async () => {
    // columns 3 (Kto.-Nr.) and 4 (Firma) left out
    const { revenue } = await analyze(
      rows("Kto.-Nr.", (r) => r.filter((_c, i) => i !== 2 && i !== 3))
    );
    expect(revenue).toEqual({ DE123456789: 49, DE987654321: 48 });
  });
});

describe("a Spanish export (Holded-like: Cliente, NIF cliente)", () => {
  // Electricidad Martínez SL (B12345678): F26-0101 10,00 + F26-0103 30,00 = 40,00
  // Fontanería López SL (B87654321): F26-0102 18,00
  const body = [
    [
      "13/10/2026",
      "F26-0101",
      "Electricidad Martínez SL",
      "B12345678",
      "BR-10",
      "Bridas 10 cm",
      "20",
      "0,50",
      "10,00",
    ],
    [
      "14/10/2026",
      "F26-0102",
      "Fontanería López SL",
      "B87654321",
      "TA-6",
      "Tacos 6 mm",
      "6",
      "3,00",
      "18,00",
    ],
    [
      "20/10/2026",
      "F26-0103",
      "Electricidad Martínez SL",
      "B12345678",
      "BR-10",
      "Bridas 10 cm",
      "60",
      "0,50",
      "30,00",
    ],
  ];
  const header = [
    "Fecha",
    "Num factura",
    "Cliente",
    "NIF cliente",
    "SKU",
    "Producto",
    "Cantidad",
    "Precio",
    "Subtotal",
  ];
  const file = (keep: (i: number) => boolean, taxHeader = "NIF cliente") =>
    [header.map((h) => (h === "NIF cliente" ? taxHeader : h)), ...body].map((r) =>
      r.filter((_c, i) => keep(i)).join(";")
    );

  it("beside 'Cliente', the NIF is not the account: accounts by the customer's name", async () => {
    const { revenue } = await analyze(file(() => true));
    expect(revenue).toEqual({ "Electricidad Martínez SL": 40, "Fontanería López SL": 18 });
  });

  it.each(["NIF cliente", "CIF"])("with no 'Cliente', '%s' is the account id", async (tax) => {
    const { revenue } = await analyze(file((i) => i !== 2, tax));
    expect(revenue).toEqual({ B12345678: 40, B87654321: 18 });
  });
});

describe("an Exact Online Dutch export", () => {
  // 1001 Installatiebedrijf De Vries: F2026-101 45,00 + F2026-103 15,00 = 60,00; 1002 Bouwbedrijf Jansen: F2026-102 32,00
  const header = [
    "Factuurnummer",
    "Factuurdatum",
    "Debiteurnummer",
    "Naam",
    "Artikelcode",
    "Omschrijving",
    "Aantal",
    "Prijs",
    "Bedrag excl. btw",
  ];
  const body = [
    [
      "F2026-101",
      "15-10-2026",
      "1001",
      "Installatiebedrijf De Vries",
      "KB-200",
      "Kabelbinders 200 mm",
      "15",
      "3,00",
      "45,00",
    ],
    [
      "F2026-102",
      "16-10-2026",
      "1002",
      "Bouwbedrijf Jansen",
      "PL-8",
      "Pluggen 8 mm",
      "8",
      "4,00",
      "32,00",
    ],
    [
      "F2026-103",
      "21-10-2026",
      "1001",
      "Installatiebedrijf De Vries",
      "PL-8",
      "Pluggen 8 mm",
      "5",
      "3,00",
      "15,00",
    ],
  ];
  const file = (keep: (i: number) => boolean, nameHeader = "Naam") =>
    [header.map((h) => (h === "Naam" ? nameHeader : h)), ...body].map((r) =>
      r.filter((_c, i) => keep(i)).join(";")
    );

  it("'Debiteurnummer' is the id and 'Naam' the name", async () => {
    const { revenue, names } = await analyze(file(() => true));
    expect(revenue).toEqual({ "1001": 60, "1002": 32 });
    expect(names["1001"]).toBe("Installatiebedrijf De Vries");
  });

  it.each(["Naam", "Klantnaam"])("with no number, '%s' names the accounts", async (name) => {
    const { revenue } = await analyze(file((i) => i !== 2, name));
    expect(revenue).toEqual({ "Installatiebedrijf De Vries": 60, "Bouwbedrijf Jansen": 32 });
  });
});

describe("Italian and French customer columns", () => {
  // C001: 40 + 10 = 50; C002: 25
  it.each([
    ["Cod. cliente", "Ragione sociale"],
    ["N° client", "Raison sociale"],
  ])("'%s' is the id and '%s' the name", async (id, name) => {
    const { revenue, names } = await analyze([
      `Date;Invoice;${id};${name};SKU;Qty;Net`,
      "13/10/2026;I1;C001;Rossi Impianti Srl;P1;4;40",
      "14/10/2026;I2;C002;Dupont Électricité SARL;P1;5;25",
      "20/10/2026;I3;C001;Rossi Impianti Srl;P2;1;10",
    ]);
    expect(revenue).toEqual({ C001: 50, C002: 25 });
    expect(names.C002).toBe("Dupont Électricité SARL");
  });
});

describe("an English export's VAT number", () => {
  // Acme Ltd (GB123456789): 100 + 20 = 120; Bolt plc (GB987654321): 50
  const rows = (customer: boolean) =>
    [
      ["Invoice Date", "Invoice No", "Customer", "VAT number", "SKU", "Qty", "Net", "VAT"],
      ["13/10/2026", "I1", "Acme Ltd", "GB123456789", "P1", "1", "100", "20"],
      ["14/10/2026", "I2", "Bolt plc", "GB987654321", "P1", "1", "50", "10"],
      ["20/10/2026", "I3", "Acme Ltd", "GB123456789", "P2", "1", "20", "4"],
    ].map((r) => r.filter((_c, i) => customer || i !== 2).join(","));

  it("beside 'Customer', accounts by name; alone, by VAT number (the 'VAT' amount is never the id)", async () => {
    expect((await analyze(rows(true))).revenue).toEqual({ "Acme Ltd": 120, "Bolt plc": 50 });
    expect((await analyze(rows(false))).revenue).toEqual({ GB123456789: 120, GB987654321: 50 });
  });
});
