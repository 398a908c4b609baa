/**
 * Order-line headers of ERP and accounting exports that KAP did not know, so the file was refused
 * or keyed by the wrong column: JTL-Wawi's "Erstellt" (the order's date), Danish e-conomic's
 * "Dato" and "Beløb DKK" (with Norwegian and Swedish: "Dato"/"Datum", "Beløp"/"Belopp",
 * "Kundenr"/"Kundnr", "Varenr"/"Artikelnr", "Antal"/"Antall"), Brightpearl's "Placed on",
 * Exact Online's "Debiteurcode", Visma's "Kundenr", Sage 200's "Customer A/C" (the customer's
 * code beside its name: the account id, where accounts were keyed by the name) and Acumatica's
 * "Inventory ID" (the product, where the file read as having none). Every figure by hand from
 * the rows below, as of 2026-11-30.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-erp-headers-"));
let n = 0;
/** The lines as a file in Windows-1252 (latin1 covers æøå and €'s absence here), as these ERPs write them. */
function analyze(lines: string[], encoding: "latin1" | "utf8" = "utf8") {
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, Buffer.from(lines.join("\r\n") + "\r\n", encoding));
  return analyzeFile(file, "2026-11-30");
}

/** Each field matched, by the header it takes. */
function fieldsOf(header: string): Record<string, string> {
  const sep = header.includes(";") ? ";" : ",";
  return Object.fromEntries(
    matchFields(header.split(sep), ORDER_FIELDS).map((m) => [m.field, m.header])
  );
}

describe("JTL-Wawi's order positions: 'Erstellt' is the order's date", () => {
  const jtl = [
    "Auftragsnummer;Erstellt;Kundennummer;Firma;Artikelnummer;Artikelname;Menge;Einzelpreis netto;Rabatt %;Gesamtpreis netto;Auftragsstatus",
    "AU-20001;04.11.2026 09:12;K-501;Elektro Klein;ART-1;Kabelkanal 40x60;10;12,00 €;10;108,00 €;Versendet",
    "AU-20001;04.11.2026 09:12;K-501;Elektro Klein;;Versand DHL;1;5,90 €;0;5,90 €;Versendet",
    "AU-20002;06.11.2026 14:40;K-502;Haustechnik Roth;ART-2;Schalter UP;20;3,50 €;0;70,00 €;Versendet",
    "AU-20003;08.11.2026 11:03;K-502;Haustechnik Roth;ART-1;Kabelkanal 40x60;5;12,00 €;0;60,00 €;Storniert",
    "AU-20004;15.11.2026 16:25;K-501;Elektro Klein;ART-3;Steckdose UP;4;4,25 €;0;17,00 €;Versendet",
  ];

  it("reads the file: K-501 130.90 in 2 orders, K-502 70.00 in 1", async () => {
    // K-501: 108,00 (10 × 12,00 less 10 %, net already) + 5,90 Versand + 17,00 = 130,90 (AU-20001, AU-20004)
    // K-502: 70,00 (AU-20003 Storniert, 60,00, is no sale)
    const { revenue, orders, days } = await analyze(jtl);
    expect(revenue).toEqual({ "K-501": 130.9, "K-502": 70 });
    expect(orders).toEqual({ "K-501": 2, "K-502": 1 });
    // last orders 15.11 and 06.11: 15 and 24 days before 30.11
    expect(days).toEqual({ "K-501": 15, "K-502": 24 });
  });

  it("a Rechnungsdatum beside 'Erstellt' is the date", () => {
    expect(fieldsOf("Erstellt;Rechnungsnummer;Rechnungsdatum;Kundennummer;Betrag").date).toBe(
      "Rechnungsdatum"
    );
  });
});

describe("Nordic headers: Danish, Norwegian and Swedish", () => {
  it("e-conomic's invoice lines (Danish): 101 1,250 DKK in 1 order, 102 1,095 DKK in 2", async () => {
    // 101: 250 + 1.250 − 250 (1003, a credit note by its sign, no order) = 1.250; 1 order (1001)
    // 102: 1.000 + 95 (Fragt, freight) = 1.095; 2 orders (1002, 1004)
    const r = await analyze(
      [
        "Fakturanr.;Dato;Kundenr.;Kundenavn;Varenr.;Varenavn;Antal;Enhedspris;Beløb DKK",
        "1001;02-11-2026;101;Tømrer Hansen ApS;V-10;Skruer 5x50;100;2,50;250,00",
        "1001;02-11-2026;101;Tømrer Hansen ApS;V-20;Vinkelbeslag;10;125,00;1.250,00",
        "1002;09-11-2026;102;VVS Jensen A/S;V-10;Skruer 5x50;400;2,50;1.000,00",
        "1003;16-11-2026;101;Tømrer Hansen ApS;V-20;Vinkelbeslag;-2;125,00;-250,00",
        "1004;20-11-2026;102;VVS Jensen A/S;FRAGT;Fragt;1;95,00;95,00",
      ],
      "latin1"
    );
    expect(r.revenue).toEqual({ "101": 1250, "102": 1095 });
    expect(r.orders).toEqual({ "101": 1, "102": 2 });
    expect(r.names["101"]).toBe("Tømrer Hansen ApS");
    expect(r.currency).toEqual({ "101": "DKK", "102": "DKK" });
    // last sales 02.11 and 20.11: 28 and 10 days before 30.11
    expect(r.days).toEqual({ "101": 28, "102": 10 });
  });

  it("Visma Business (Norwegian): 'Kundenr' is the account, 'Kundenavn' its name", async () => {
    // 2001: 1 250 + 250 (Frakt) − 125 (70003, kreditnota) = 1 375 NOK, 1 order; 2002: 3 600 NOK
    const r = await analyze(
      [
        "Ordrenr;Fakturanr;Fakturadato;Kundenr;Kundenavn;Varenr;Varenavn;Antall;Pris;Beløp;Valuta",
        "5001;70001;03.11.2026;2001;Rørlegger Nilsen AS;RR-15;Rør 15mm;100;12,50;1 250,00;NOK",
        "5001;70001;03.11.2026;2001;Rørlegger Nilsen AS;FRAKT;Frakt;1;250,00;250,00;NOK",
        "5002;70002;10.11.2026;2002;Bygg & Anlegg Berg AS;RR-22;Rør 22mm;200;18,00;3 600,00;NOK",
        "5003;70003;17.11.2026;2001;Rørlegger Nilsen AS;RR-15;Rør 15mm;-10;12,50;-125,00;NOK",
      ],
      "latin1"
    );
    expect(r.revenue).toEqual({ "2001": 1375, "2002": 3600 });
    expect(r.orders).toEqual({ "2001": 1, "2002": 1 });
    expect(r.names).toEqual({ "2001": "Rørlegger Nilsen AS", "2002": "Bygg & Anlegg Berg AS" });
  });

  it("a Swedish export: 'Datum', 'Kundnr', 'Kundnamn', 'Artikelnr', 'Antal', 'Belopp'", async () => {
    // 5001: 400 + 100 = 500 (one invoice); 5002: 250; 5001 again on 20.11: 50 → 5001 550 in 2
    const r = await analyze([
      "Fakturanr;Datum;Kundnr;Kundnamn;Artikelnr;Benämning;Antal;Pris;Belopp",
      "9001;2026-11-02;5001;Öresund Bygg AB;A-1;Rör;4;100,00;400,00",
      "9001;2026-11-02;5001;Öresund Bygg AB;A-2;Böj;10;10,00;100,00",
      "9002;2026-11-05;5002;Skånska VVS AB;A-1;Rör;2;125,00;250,00",
      "9003;2026-11-20;5001;Öresund Bygg AB;A-2;Böj;5;10,00;50,00",
    ]);
    expect(r.revenue).toEqual({ "5001": 550, "5002": 250 });
    expect(r.orders).toEqual({ "5001": 2, "5002": 1 });
    expect(r.names["5002"]).toBe("Skånska VVS AB");
  });

  it("each word takes its field, and no other", () => {
    expect(
      fieldsOf("Fakturanr.;Dato;Kundenr.;Kundenavn;Varenr.;Varenavn;Antal;Enhedspris;Beløb DKK")
    ).toEqual({
      orderId: "Fakturanr.",
      date: "Dato",
      accountId: "Kundenr.",
      accountName: "Kundenavn",
      sku: "Varenr.",
      productName: "Varenavn",
      quantity: "Antal",
      unitPrice: "Enhedspris",
      revenue: "Beløb DKK",
    });
    // the amount with VAT is no line value; the net one is
    expect(fieldsOf("Dato;Kundenr;Beløb inkl. moms;Beløb ekskl. moms").revenue).toBe(
      "Beløb ekskl. moms"
    );
    expect(fieldsOf("Dato;Kundenr;Beløp inkl. mva").revenue).toBeUndefined();
    // a due or payment date is no order date
    expect(fieldsOf("Forfald dato;Kundenr;Beløb").date).toBeUndefined();
    expect(fieldsOf("Betalt dato;Kundenr;Beløb").date).toBeUndefined();
  });
});

describe("Brightpearl's 'Placed on' is the order's date", () => {
  it("is the date, not the customer or anything else", () => {
    expect(fieldsOf("Order ID,Contact ID,Company,Placed on,SKU,Quantity,Net").date).toBe(
      "Placed on"
    );
  });
});

describe("a customer's code beside its name is the account id", () => {
  it("Exact Online: 'Debiteurcode' (padded with spaces) beside 'Debiteurnaam'", async () => {
    // 10012: 50,00 + 7,50 (Verzendkosten) − 10,00 (Creditnota) = 47,50, 1 order
    // 10013: 160,00 + 50,00 = 210,00 (1.000 × 0,05), 2 orders; the Totaal row is no line
    const r = await analyze([
      "Factuurnummer;Type;Factuurdatum;Debiteurcode;Debiteurnaam;Artikelcode;Omschrijving;Aantal;Prijs per eenheid;Bedrag excl. btw;Btw-bedrag;Valuta",
      "26100045;Factuur;3-11-2026;   10012;Installatiebedrijf De Vries B.V.;KB-200;Kabelbinder 200mm zwart;1000;0,05;50,00;10,50;EUR",
      "26100045;Factuur;3-11-2026;   10012;Installatiebedrijf De Vries B.V.;VZK;Verzendkosten;1;7,50;7,50;1,58;EUR",
      "26100046;Factuur;10-11-2026;   10013;Bouwbedrijf Jansen;KB-300;Kabelbinder 300mm;2000;0,08;160,00;33,60;EUR",
      "26100047;Creditnota;17-11-2026;   10012;Installatiebedrijf De Vries B.V.;KB-200;Kabelbinder 200mm zwart;-200;0,05;-10,00;-2,10;EUR",
      "26100048;Factuur;24-11-2026;   10013;Bouwbedrijf Jansen;KB-200;Kabelbinder 200mm zwart;1.000;0,05;50,00;10,50;EUR",
      ";;;;;;Totaal;;;257,50;54,08;",
    ]);
    expect(r.revenue).toEqual({ "10012": 47.5, "10013": 210 });
    expect(r.orders).toEqual({ "10012": 1, "10013": 2 });
    expect(r.names["10012"]).toBe("Installatiebedrijf De Vries B.V.");
  });

  it("Sage 200: 'Customer A/C' beside 'Customer Name'", async () => {
    // CROWN01: 130.00 + 0.00 (comment) + 12.00 (carriage) − 13.00 (CRN) = 129.00, 1 order
    // DELTA02: 1,125.00 + 75.00 (free text line) = 1,200.00, 2 orders; the repeated header is skipped
    const r = await analyze([
      "Document No,Document Type,Document Date,Customer A/C,Customer Name,Line Type,Stock Code,Description,Quantity,Net Value",
      "INV0003310,Invoice,01/11/2026,CROWN01,Crown Facilities Ltd,Standard,PPE-GL9,Nitrile gloves L (box 100),20,130.00",
      "INV0003310,Invoice,01/11/2026,CROWN01,Crown Facilities Ltd,Comment,,PO 4500123 - deliver to goods in,0,0.00",
      "INV0003310,Invoice,01/11/2026,CROWN01,Crown Facilities Ltd,Charge,,Carriage,1,12.00",
      'INV0003311,Invoice,06/11/2026,DELTA02,Delta Maintenance,Standard,PPE-HV2,Hi-vis vest XL,50,"1,125.00"',
      "Document No,Document Type,Document Date,Customer A/C,Customer Name,Line Type,Stock Code,Description,Quantity,Net Value",
      "CRN0000412,Credit Note,13/11/2026,CROWN01,Crown Facilities Ltd,Standard,PPE-GL9,Nitrile gloves L (box 100),-2,-13.00",
      "INV0003312,Invoice,20/11/2026,DELTA02,Delta Maintenance,Free Text,,Custom printing on vests,1,75.00",
    ]);
    expect(r.revenue).toEqual({ CROWN01: 129, DELTA02: 1200 });
    expect(r.orders).toEqual({ CROWN01: 1, DELTA02: 2 });
    expect(r.names.DELTA02).toBe("Delta Maintenance");
  });
});

describe("Acumatica's 'Inventory ID' is the product", () => {
  it("reads the products: CUST01 900 in 1 order, CUST02 230 in 2", async () => {
    // CUST01: 1,000 − 100 (Credit Memo, a return by its type) = 900 (INV000104 On Hold, 150, out)
    // CUST02: 200 + 30 = 230 (INV000103 Voided, 75, out)
    const r = await analyze([
      "Type,Reference Nbr.,Customer,Customer Name,Date,Inventory ID,Quantity,Ext. Price,Status,Currency",
      'Invoice,INV000101,CUST01,Alpha Electric,11/03/2026,CABLE-10,100,"1,000.00",Closed,USD',
      "Invoice,INV000102,CUST02,Beta Builders,11/05/2026,CABLE-10,20,200.00,Open,USD",
      "Credit Memo,CRM000011,CUST01,Alpha Electric,11/12/2026,CABLE-10,10,100.00,Closed,USD",
      "Invoice,INV000103,CUST02,Beta Builders,11/14/2026,BOX-4,5,75.00,Voided,USD",
      "Invoice,INV000104,CUST01,Alpha Electric,11/20/2026,BOX-4,10,150.00,On Hold,USD",
      "Invoice,INV000105,CUST02,Beta Builders,11/25/2026,BOX-4,2,30.00,Closed,USD",
    ]);
    expect(r.revenue).toEqual({ CUST01: 900, CUST02: 230 });
    expect(r.orders).toEqual({ CUST01: 1, CUST02: 2 });
    expect(r.report.hasProducts).toBe(true);
    // CUST02 bought CABLE-10 and BOX-4
    expect(r.p.accounts.find((a) => a.accountId === "CUST02")!.health.inputs.productsLast12).toBe(
      2
    );
  });
});

describe("any customer word run together with a code word is the customer's code", () => {
  it.each([
    ["Datum;Kundecode;Kundenavn;Beløb", "Kundecode", "Kundenavn"],
    ["Date,Customer Acc No,Customer Name,Amount", "Customer Acc No", "Customer Name"],
    ["Date,Cust. A/C,Customer,Net", "Cust. A/C", "Customer"],
    ["Date,Customer Key,Customer Name,Amount", "Customer Key", "Customer Name"],
    // "Nr. Kunde" holds "Kunde", the name's word: it is the number, "Name" beside it the name
    ["Datum;Nr. Kunde;Name;Betrag", "Nr. Kunde", "Name"],
  ])("%s", (header, id, name) => {
    const f = fieldsOf(header);
    expect(f.accountId).toBe(id);
    expect(f.accountName).toBe(name);
  });

  it("two customers of one name stay two accounts", async () => {
    // K1 Müller GmbH 100 + 50 = 150; K2 Müller GmbH (another company of that name) 200
    const r = await analyze([
      "Datum;Kundecode;Kundenavn;Beløb",
      "2026-11-02;K1;Müller GmbH;100,00",
      "2026-11-03;K2;Müller GmbH;200,00",
      "2026-11-04;K1;Müller GmbH;50,00",
    ]);
    expect(r.revenue).toEqual({ K1: 150, K2: 200 });
  });
});
