/**
 * Invoice-line exports that write each line's amount before tax, its tax and with the tax
 * ("Base imponible; IVA; Total", "Subtotal; Tax; Total", "Netto; MwSt; Brutto", "HT; TVA; TTC"):
 * revenue is the amount before tax, and the reading says which column it came from. "Total" was
 * read first: with a unit price it was then judged not quantity × price ("Total does not equal
 * …"), without one every line counted its VAT as revenue. Every figure is worked out by hand from
 * the rows; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readingLines } from "../../src/engine/assumptions";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-net-tax-gross-"));
let n = 0;
/** `lines` written as a UTF-8 file; analysed. */
async function analyze(lines: string[]) {
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  const a = await analyzeFile(file);
  return { ...a, said: readingLines(a.report), warned: a.report.warnings.join("\n") };
}

describe("a Spanish invoice-line export (A3/Holded-like: ';', decimal comma, '.' thousands)", () => {
  // 430001 Electricidad García: F1 1.000 × 1,25 = 1.250,00 + F3 10 × 3,00 less 10% = 27,00 → 1.277,00
  //   (with IVA: 1.512,50 + 32,67 = 1.545,17)
  // 430002 Fontanería Ruiz: F2 4 × 12,50 = 50,00 (with IVA 60,50)
  const rows = [
    [
      "02/09/2026",
      "F1",
      "430001",
      "Electricidad García SL",
      "1.000",
      "1,25",
      "1.250,00",
      "262,50",
      "1.512,50",
    ],
    ["10/09/2026", "F2", "430002", "Fontanería Ruiz SL", "4", "12,50", "50,00", "10,50", "60,50"],
    [
      "14/10/2026",
      "F3",
      "430001",
      "Electricidad García SL",
      "10",
      "3,00",
      "27,00",
      "5,67",
      "32,67",
    ],
  ];
  const file = (header: string[], keep: (i: number) => boolean = () => true) =>
    [header, ...rows].map((r) => r.filter((_c, i) => keep(i)).join(";"));
  const header = [
    "Fecha",
    "Nº factura",
    "Código cliente",
    "Cliente",
    "Cantidad",
    "Precio",
    "Base imponible",
    "IVA",
    "Total",
  ];

  it("with a unit price: the base, and no word that 'Total' is not quantity × price", async () => {
    const { revenue, said, warned } = await analyze(file(header));
    expect(revenue).toEqual({ "430001": 1277, "430002": 50 });
    expect(said).toContain(
      'Line revenue: "Base imponible", the amount before tax ("IVA" is the tax, "Total" the amount with it)'
    );
    expect(warned).not.toContain("does not equal");
  });

  it("without a unit price: the base, not the total with its IVA", async () => {
    const { revenue } = await analyze(file(header, (i) => i !== 5));
    expect(revenue).toEqual({ "430001": 1277, "430002": 50 });
  });

  it.each([
    ["Base", "Cuota IVA", "Importe total"],
    ["Importe neto", "% IVA", "Total línea"],
    ["Subtotal", "Impuestos", "Total"],
  ])("'%s', '%s', '%s': the first", async (net, tax, gross) => {
    // a "% IVA" column holds amounts here; the net is read whatever the tax column holds
    const h = [...header.slice(0, 6), net, tax, gross];
    const { revenue, said } = await analyze(file(h, (i) => i !== 5));
    expect(revenue).toEqual({ "430001": 1277, "430002": 50 });
    expect(said).toContain(
      `Line revenue: "${net}", the amount before tax ("${tax}" is the tax, "${gross}" the amount with it)`
    );
  });

  it("a line with no base is rejected and said, not read at its total", async () => {
    const lines = file(header, (i) => i !== 5);
    // F2's base left blank: Ruiz has no revenue; García keeps 1.277,00
    lines[2] = "10/09/2026;F2;430002;Fontanería Ruiz SL;4;;10,50;60,50";
    const { revenue, report } = await analyze(lines);
    expect(revenue).toEqual({ "430001": 1277 });
    expect(report.rejected.reduce((s, r) => s + r.count, 0)).toBe(1);
  });
});

describe("a plain amount beside a tax and a total: the net where the rows add up", () => {
  it("'Importe; IVA; Total' (Importe + IVA = Total on every line): the Importe", async () => {
    // García 1.250,00 + 27,00 = 1.277,00; Ruiz 50,00 (the totals hold 1.545,17 and 60,50)
    const { revenue, said } = await analyze([
      "Fecha;Nº factura;Cliente;Cantidad;Importe;IVA;Total",
      "02/09/2026;F1;Electricidad García SL;1.000;1.250,00;262,50;1.512,50",
      "10/09/2026;F2;Fontanería Ruiz SL;4;50,00;10,50;60,50",
      "14/10/2026;F3;Electricidad García SL;10;27,00;5,67;32,67",
    ]);
    expect(revenue).toEqual({ "Electricidad García SL": 1277, "Fontanería Ruiz SL": 50 });
    expect(said).toContain(
      'Line revenue: "Importe", the amount before tax ("IVA" is the tax, "Total" the amount with it)'
    );
  });

  it("'Montant; TVA; Total' with the TVA as a rate (50,00 × 1,20 = 60,00): the Montant", async () => {
    // Dupont 50,00 + 30,00 = 80,00; Martin 25,00
    const { revenue } = await analyze([
      "Date;Facture;Client;Quantité;Montant;TVA;Total",
      "01/10/2026;FA-1;Dupont SARL;2;50,00;20;60,00",
      "05/10/2026;FA-2;Martin SA;1;25,00;20;30,00",
      "09/10/2026;FA-3;Dupont SARL;1;30,00;20;36,00",
    ]);
    expect(revenue).toEqual({ "Dupont SARL": 80, "Martin SA": 25 });
  });

  it("an 'Importe' that does not add up to the total is not taken for the net", async () => {
    // Importe + IVA is never Total (nor Importe × (1 + IVA / 100)): Total stays the line value, as before
    const { revenue, said } = await analyze([
      "Fecha;Nº factura;Cliente;Cantidad;Importe;IVA;Total",
      "02/09/2026;F1;Electricidad García SL;1;121,00;21,00;121,00",
      "10/09/2026;F2;Fontanería Ruiz SL;1;60,50;10,50;60,50",
    ]);
    expect(revenue).toEqual({ "Electricidad García SL": 121, "Fontanería Ruiz SL": 60.5 });
    expect(said.join("\n")).not.toContain("Line revenue:");
  });
});

describe("English, German and French exports", () => {
  it("'Subtotal; Tax; Total' (',', decimal point): Acme 100.00 + 20.00 = 120.00, Bolt 50.00", async () => {
    const { revenue, said } = await analyze([
      "Date,Invoice,Customer,Item,Qty,Subtotal,Tax,Total",
      "2026-10-01,INV-1,Acme Ltd,Widget,1,100.00,20.00,120.00",
      "2026-10-05,INV-2,Bolt plc,Gadget,2,50.00,10.00,60.00",
      "2026-10-09,INV-3,Acme Ltd,Widget,1,20.00,4.00,24.00",
    ]);
    expect(revenue).toEqual({ "Acme Ltd": 120, "Bolt plc": 50 });
    expect(said).toContain(
      'Line revenue: "Subtotal", the amount before tax ("Tax" is the tax, "Total" the amount with it)'
    );
  });

  it("'Netto; MwSt; Brutto' beside Menge and Einzelpreis: Elektro Maier 18,00 + 25,00 = 43,00", async () => {
    const { revenue, said } = await analyze([
      "Datum;Rechnungsnr.;Kunde;Artikel;Menge;Einzelpreis;Netto;MwSt;Brutto",
      "01.10.2026;RE-1;Elektro Maier GmbH;Kabel;10;2,00;18,00;3,42;21,42",
      "05.10.2026;RE-2;Sanitär Vogel KG;Rohr;5;3,00;15,00;2,85;17,85",
      "12.10.2026;RE-3;Elektro Maier GmbH;Dübel;5;5,00;25,00;4,75;29,75",
    ]);
    expect(revenue).toEqual({ "Elektro Maier GmbH": 43, "Sanitär Vogel KG": 15 });
    expect(said).toContain(
      'Line revenue: "Netto", the amount before tax ("MwSt" is the tax, "Brutto" the amount with it)'
    );
  });

  it("bare 'HT; TVA; TTC' (no other line value): Dupont 100,00 + 40,00 = 140,00", async () => {
    const { revenue, said } = await analyze([
      "Date;Facture;Client;Article;Quantité;HT;TVA;TTC",
      "01/10/2026;FA-1;Dupont SARL;Vis;4;100,00;20,00;120,00",
      "05/10/2026;FA-2;Martin SA;Clous;2;50,00;10,00;60,00",
      "09/10/2026;FA-3;Dupont SARL;Clous;2;40,00;8,00;48,00",
    ]);
    expect(revenue).toEqual({ "Dupont SARL": 140, "Martin SA": 50 });
    expect(said).toContain(
      'Line revenue: "HT", the amount before tax ("TVA" is the tax, "TTC" the amount with it)'
    );
  });

  it("a line total beside an order's Subtotal, Tax and Total stays the line revenue", async () => {
    // SO-1: 30.00 + 70.00 (Subtotal 100.00 on both lines); SO-2: 50.00
    const { revenue, said } = await analyze([
      "Date,Order,Customer,Item,Qty,Line Total,Subtotal,Tax,Total",
      "2026-10-01,SO-1,Acme Ltd,Widget,1,30.00,100.00,20.00,120.00",
      "2026-10-01,SO-1,Acme Ltd,Gadget,1,70.00,100.00,20.00,120.00",
      "2026-10-05,SO-2,Bolt plc,Gadget,1,50.00,50.00,10.00,60.00",
    ]);
    expect(revenue).toEqual({ "Acme Ltd": 100, "Bolt plc": 50 });
    expect(said.join("\n")).not.toContain("Line revenue:");
  });
});
