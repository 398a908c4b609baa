/**
 * Exports a tester found misread (5 Dec, second round): shipping, packing and discount lines in
 * French, Italian, Spanish, Dutch, Polish, German and English read as products; Odoo's French
 * invoice lines ("Partenaire", "Numéro"); a bare "Document" or "Number" order-id column, without
 * which a credit note CRN… counted as a sale and a discount line as a return; Italian document
 * types written FT and NC (and the like in Spanish, French and German). Each figure is worked out
 * by hand from the file in test/fixtures/exports.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { serviceKind } from "../../src/domain/serviceLines";
import { numbersDocuments } from "../../src/ingest/documentNumbers";
import { docTypeCreditCodes } from "../../src/ingest/docTypeCodes";
import type { Cell } from "../../src/ingest/grid";

const EXPORTS = join(__dirname, "../fixtures/exports");
const dir = mkdtempSync(join(tmpdir(), "kap-tester-dec5b-"));

test("shipping, packing and discount lines in seven languages are service lines, never products or categories; a transport trolley, a pallet truck and a discount bin stay products", async () => {
  const { report, p, revenue, orders } = await analyzeFile(
    join(EXPORTS, "shipping-discount-lines-seven-languages.csv")
  );
  // each account's order A1…A7 in full (its service lines count in revenue; a discount line on
  // the order lowers it, no return):
  // F1 45.00 + 9.50 (Frais de livraison) + 2.00 (Emballage) = 56.50
  // I1 45.00 + 8.00 (Spese di trasporto) − 2.25 (Sconto 5%) = 50.75
  // E1 45.00 + 6.00 (Gastos de envío) − 0.90 (Descuento pronto pago) = 50.10
  // N1 45.00 + 7.50 (Vrachtkosten) − 4.50 (Korting) = 48.00
  // P1 45.00 + 15.00 (Koszty wysyłki) − 2.25 (Rabat 5%) = 57.75
  // D1 45.00 + 11.00 (Fracht und Verpackung) + 89.00 (a Transport trolley) = 145.00
  // G1 45.00 + 25.00 (Pallet charge) + 30.00 (Haulage) + 250.00 (a Pallet truck) + 35.00 (a Discount bin) = 385.00
  expect(revenue).toEqual({
    F1: 56.5,
    I1: 50.75,
    E1: 50.1,
    N1: 48,
    P1: 57.75,
    D1: 145,
    G1: 385,
  });
  expect(Object.values(orders)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  expect(report.returns).toBe(0);
  const by = Object.fromEntries(
    p.accounts.map((a) => [
      a.accountId,
      [a.categoriesLast12, a.health.inputs.productsLast12] as [string[], number | undefined],
    ])
  );
  // one product (CT-200, Cable Ties) each, and no "Uncategorised" from a service line; D1 also
  // bought a trolley (Trolleys), G1 a pallet truck (Handling) and a discount bin (Storage)
  for (const id of ["F1", "I1", "E1", "N1", "P1"]) expect(by[id]).toEqual([["Cable Ties"], 1]);
  expect(by.D1).toEqual([["Cable Ties", "Trolleys"], 2]);
  expect(by.G1).toEqual([["Cable Ties", "Handling", "Storage"], 3]);
  const service = Object.fromEntries(p.serviceLines!.map((s) => [s.sku, s.kind]));
  expect(service).toEqual({
    LIV: "postage and delivery",
    EMB: "postage and delivery",
    TRASP: "postage and delivery",
    SC: "discount",
    ENV: "postage and delivery",
    DTO: "discount",
    VR: "postage and delivery",
    KOR: "discount",
    WYS: "postage and delivery",
    RAB: "discount",
    FV: "postage and delivery",
    PAL: "postage and delivery",
    HAUL: "postage and delivery",
  });
});

test.each([
  // shipping, freight, carriage, delivery, packing
  ["Frais de port", "postage and delivery"],
  ["Frais d'expédition", "postage and delivery"],
  ["Port et emballage", "postage and delivery"],
  ["Spese di spedizione", "postage and delivery"],
  ["Imballo", "postage and delivery"],
  ["Portes", "postage and delivery"],
  ["Transporte", "postage and delivery"],
  ["Embalaje", "postage and delivery"],
  ["Verzendkosten", "postage and delivery"],
  ["Bezorgkosten", "postage and delivery"],
  ["Koszty transportu", "postage and delivery"],
  ["Dostawa", "postage and delivery"],
  ["Fracht", "postage and delivery"],
  ["Verpackung", "postage and delivery"],
  ["Dieselzuschlag", "postage and delivery"],
  ["Transport", "postage and delivery"],
  ["Energy surcharge", "postage and delivery"],
  // discounts and rebates
  ["Remise", "discount"],
  ["Escompte 2%", "discount"],
  ["Ristourne", "discount"],
  ["Sconto in fattura", "discount"],
  ["Descuento", "discount"],
  ["Bonificación", "discount"],
  ["Korting", "discount"],
  ["Rabat", "discount"],
  ["Upust", "discount"],
  ["Rabatt", "discount"],
  // fees and bank charges
  ["Frais de dossier", "fee"],
  ["Spese incasso", "fee"],
  ["Gastos de gestión", "fee"],
  ["Administratiekosten", "fee"],
  ["Bearbeitungsgebühr", "fee"],
  ["Admin fee", "fee"],
  ["Frais bancaires", "bank charges"],
])('"%s" is a service line (%s)', (description, kind) => {
  expect(serviceKind("X9", description)).toBe(kind);
});

test.each([
  "Transport trolley",
  "Pallet truck",
  "Pallet",
  "Packaging",
  "Packaging tape",
  "Discount bin",
  "USB port",
  "Emballage carton 40x30",
  "Carrello da trasporto",
  "Caja de transporte",
  "Transportwagen",
  "Verpackungsmaterial",
  "Opakowanie zbiorcze",
  "Kortingsbon",
  "Course fee",
  "Licence fee",
])('"%s" is a product: the words of a service line in a longer name', (description) => {
  expect(serviceKind("X9", description)).toBeNull();
});

test("Odoo's French invoice lines: 'Partenaire' is the customer and 'Numéro' the invoice number, so the Remise line lowers its invoice and only the avoir is a return", async () => {
  const { report, p, revenue, orders } = await analyzeFile(
    join(EXPORTS, "odoo-factures-partenaire-numero.csv")
  );
  // Dubois: FAC/2026/0101 45.00 + 12.50 (Frais de port, a service line) and FAC/2026/0130 48.00
  // = 105.50 in 2 invoices; Martin: FAC/2026/0120 50.00 − 5.00 (Remise) and the avoir
  // RFAC/2026/0004 −5.00 = 40.00 in 1 invoice. Before: refused ("No column for account ID")
  expect(revenue).toEqual({ "Électricité Dubois SARL": 105.5, "Plomberie Martin": 40 });
  expect(orders).toEqual({ "Électricité Dubois SARL": 2, "Plomberie Martin": 1 });
  // the avoir, and not the Remise on FAC/2026/0120
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    `"Numéro" is read as the order (document) number: its values (such as FAC/2026/0101) each stand for one customer's lines on one date.`
  );
  const dubois = p.accounts.find((a) => a.accountId === "Électricité Dubois SARL")!;
  expect([dubois.categoriesLast12, dubois.health.inputs.productsLast12]).toEqual([
    ["Colliers", "Gaines"],
    2,
  ]);
});

test.each(["Partner", "Client", "Tiers", "Cliente", "Klant", "Kunde"])(
  "Odoo's invoice lines with the customer headed '%s' are read, the customer named by it",
  async (customer) => {
    const file = join(dir, `odoo-${customer}.csv`);
    const text = readFileSync(join(EXPORTS, "odoo-factures-partenaire-numero.csv"), "utf8");
    writeFileSync(file, text.replace("Partenaire;", `${customer};`));
    const { revenue } = await analyzeFile(file);
    expect(revenue).toEqual({ "Électricité Dubois SARL": 105.5, "Plomberie Martin": 40 });
  }
);

test("an invoice list whose id column is headed 'Document': CRN00031 is a credit note though its values are positive, and the Discount line on INV20501 is no return", async () => {
  const { report, revenue, orders } = await analyzeFile(
    join(EXPORTS, "document-column-credit-prefix.csv")
  );
  // CUS001: INV20501 90.00 − 5.00 (Discount) + INV20544 21.00 − CRN00031 18.00 = 88.00 in 2
  // orders; CUS002: INV20520 32.00 + INV20561 16.00 = 48.00 in 2. Before: CRN00031 was a sale
  // (124.00 in 3 orders) and the Discount line a return
  expect(revenue).toEqual({ CUS001: 88, CUS002: 48 });
  expect(orders).toEqual({ CUS001: 2, CUS002: 2 });
  expect(report.returns).toBe(1);
});

test.each(["Number", "Nummer", "Numéro", "Doc", "Transaction"])(
  "a bare '%s' column of document numbers is the order id",
  async (header) => {
    const file = join(dir, `bare-${header}.csv`);
    const text = readFileSync(join(EXPORTS, "document-column-credit-prefix.csv"), "utf8");
    writeFileSync(file, text.replace(",Document,", `,${header},`));
    const { report, revenue, orders } = await analyzeFile(file);
    expect(revenue).toEqual({ CUS001: 88, CUS002: 48 });
    expect(orders).toEqual({ CUS001: 2, CUS002: 2 });
    expect(report.returns).toBe(1);
  }
);

test("with no column read as the order id, a column of document numbers with a credit note among them is named in a warning", async () => {
  const file = join(dir, "folio.csv");
  const text = readFileSync(join(EXPORTS, "document-column-credit-prefix.csv"), "utf8");
  writeFileSync(file, text.replace(",Document,", ",Folio,"));
  const { report, revenue } = await analyzeFile(file);
  // "Folio" is no order-id header: CRN00031 is read by its sign, a sale (90.00 − 5.00 + 21.00 +
  // 18.00 = 124.00), and the user is told why
  expect(revenue.CUS001).toBe(124);
  expect(report.warnings).toContain(
    `No column is read as the order (document) number, so credit notes are known by their sign alone: "Folio" holds document numbers with credit notes among them (CRN00031), whose lines with positive values count as sales. If "Folio" numbers the documents, choose it as the order ID in the column mapping.`
  );
});

test("a bare 'Number' beside 'Invoice No' is left alone, and a 'Number' of line numbers is no order id", async () => {
  const beside = join(dir, "number-beside-invoice.csv");
  writeFileSync(
    beside,
    [
      "Customer,Date,Invoice No,Number,Item,Qty,Amount",
      "Acme,02/10/2026,INV-1,1,A,1,10.00",
      "Acme,02/10/2026,INV-1,2,B,1,20.00",
      "Acme,15/10/2026,INV-2,1,A,1,10.00",
      "Baxter,05/10/2026,INV-3,1,A,1,10.00",
    ].join("\n")
  );
  // Acme: INV-1 (10.00 + 20.00) and INV-2 10.00 = 40.00 in 2 orders; Baxter 10.00 in 1
  const a = await analyzeFile(beside);
  expect(a.revenue).toEqual({ Acme: 40, Baxter: 10 });
  expect(a.orders).toEqual({ Acme: 2, Baxter: 1 });
  expect(a.report.warnings.join("\n")).not.toMatch(/read as the order/);
  // line numbers 1, 2, 1 of two customers: no document's (value 1 is Acme's and Baxter's)
  const lines = join(dir, "number-line-numbers.csv");
  writeFileSync(
    lines,
    [
      "Customer,Date,Number,Item,Qty,Amount",
      "Acme,02/10/2026,1,A,1,10.00",
      "Acme,02/10/2026,2,B,1,20.00",
      "Baxter,05/10/2026,1,A,1,10.00",
    ].join("\n")
  );
  const b = await analyzeFile(lines);
  expect(b.revenue).toEqual({ Acme: 30, Baxter: 10 });
  expect(b.report.warnings.join("\n")).not.toMatch(/read as the order/);
});

describe("numbersDocuments: a column's values number documents", () => {
  const rows = (cells: [Cell, string, string][]) => cells.map(([v, who, d]) => [v, who, d]);
  const check = (cells: [Cell, string, string][]) =>
    numbersDocuments(
      rows(cells),
      0,
      (r) => String(r[1]),
      (r) => String(r[2])
    );
  it("invoice numbers, each of one customer and date, lines together", () => {
    expect(
      check([
        ["FAC/2026/0101", "Dubois", "01/10"],
        ["FAC/2026/0101", "Dubois", "01/10"],
        [125, "Martin", "05/10"],
      ])
    ).toBe(true);
  });
  it("not a customer's own number, which spans dates", () => {
    expect(
      check([
        ["10001", "Acme", "01/10"],
        ["10001", "Acme", "09/10"],
        ["10002", "Baxter", "05/10"],
      ])
    ).toBe(false);
  });
  it("not document types in words, dates or amounts", () => {
    expect(
      check([
        ["Sales Invoice", "Acme", "01/10"],
        ["Credit Note", "Acme", "09/10"],
      ])
    ).toBe(false);
    expect(
      check([
        ["01/10/2026", "Acme", "01/10"],
        ["09/10/2026", "Baxter", "09/10"],
      ])
    ).toBe(false);
    expect(
      check([
        ["45,00", "Acme", "01/10"],
        ["12,50", "Baxter", "09/10"],
      ])
    ).toBe(false);
  });
  it("not values whose lines are apart (a line number's 1, 2, 1 of one customer)", () => {
    expect(
      check([
        ["1", "Acme", "01/10"],
        ["2", "Acme", "01/10"],
        ["1", "Acme", "01/10"],
      ])
    ).toBe(false);
  });
});

test("Italian document types FT and NC: the nota di credito, written positive, is a return; ND (a debit note) a sale", async () => {
  const { report, revenue, orders } = await analyzeFile(join(EXPORTS, "it-tipo-doc-ft-nc.csv"));
  // Rossi: FT 125 45.00 + 9.00 (Spese di trasporto) − NC 12 4.50 = 49.50 in 1 order (before:
  // 58.50 in 2); Bianchi: FT 131 50.00 + ND 3 2.00 = 52.00 in 2. Keyed by their Cliente codes,
  // 00123 and 00124 (the code beside the Ragione sociale: testerExportsDec5c)
  expect(revenue).toEqual({ "00123": 49.5, "00124": 52 });
  expect(orders).toEqual({ "00123": 1, "00124": 2 });
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    `"Tipo doc." writes document types as codes: its NC (nota di credito) lines are credit notes, read as returns whatever their sign.`
  );
});

test.each([
  // Spanish: factura and abono
  [
    "Cliente;Fecha;Tipo factura;Nº factura;Artículo;Descripción;Cantidad;Precio;Importe",
    ["FAC", "ABO"],
  ],
  // French: facture and avoir
  ["Client;Date;Type de pièce;N° pièce;Article;Désignation;Qté;Prix;Montant HT", ["FA", "AV"]],
  // German: Rechnung and Rechnungskorrektur
  ["Kunde;Datum;Belegart;Beleg-Nr.;Artikel;Bezeichnung;Menge;Preis;Betrag", ["RE", "RK"]],
])(
  "document-type codes under %s: the credit code is a return whatever its sign",
  async (header, [inv, credit]) => {
    const file = join(dir, `codes-${inv}-${credit}.csv`);
    writeFileSync(
      file,
      [
        header,
        `Acme;02/10/2026;${inv};101;CT;Cable ties;10;4,50;45,00`,
        `Acme;20/10/2026;${credit};7;CT;Cable ties;2;4,50;9,00`,
        `Baxter;05/10/2026;${inv};102;CT;Cable ties;4;4,50;18,00`,
      ].join("\n")
    );
    // Acme 45.00 − 9.00 (the credit, written positive) = 36.00 in 1 order; Baxter 18.00
    const { report, revenue, orders } = await analyzeFile(file);
    expect(revenue).toEqual({ Acme: 36, Baxter: 18 });
    expect(orders).toEqual({ Acme: 1, Baxter: 1 });
    expect(report.returns).toBe(1);
  }
);

test.each([
  [
    ["FT", "NC", "FT"],
    ["NC", "TD04"],
  ],
  [
    ["FAC", "ABO"],
    ["ABO", "R", "R1", "R2", "R3", "R4", "R5"],
  ],
  // a credit code alone, or beside words or codes of no system: nothing read
  [["AV"], []],
  [["NC", "Fattura"], []],
  [["FT", "NC", "X1", "X2", "X3", "X4", "X5"], []],
])("docTypeCreditCodes(%j) is %j", (values, codes) => {
  expect(docTypeCreditCodes(values).map((c) => c.code)).toEqual(codes);
});
