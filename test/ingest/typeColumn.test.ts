/**
 * A column headed just "Type" (Nature, Soort) read as the document type only when its values are
 * all invoice / credit-note names: a French export's Facture / Avoir with the credit note written in
 * positive figures was read as a sale. Worked by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-type-"));

const analyze = analyzeFile;

test("French: Type Facture / Avoir, the avoir in positive figures; 2-digit years, narrow no-break spaces in thousands", async () => {
  const { report, revenue, orders } = await analyze(
    join(__dirname, "../fixtures/exports/french-type-facture-avoir.csv")
  );
  expect(revenue).toEqual({
    // FA00101: 1 000 × 0,045 = 45,00 + 36,00 = 81,00
    "Électricité Dupont SARL": 81,
    // FA00108 1 500,00 − avoir AV00003 125,00 + FA00116 2 000 × 0,045 = 90,00 → 1 465,00 (not 1 715,00)
    "Plomberie Martin & Fils": 1465,
  });
  expect(orders).toEqual({ "Électricité Dupont SARL": 1, "Plomberie Martin & Fils": 2 });
  expect(report.returns).toBe(1);
  expect(report.revenue).toBe(1546);
  expect(report.warnings).toContain(
    '"Type" holds document types (Facture, Avoir): its Avoir lines are credit notes, read as returns.'
  );
});

test('a "Type" column of customer types (New, Returning) is no document type: no returns', async () => {
  const path = join(dir, "types.csv");
  writeFileSync(
    path,
    "Order Date,Order ID,Customer,Type,SKU,Qty,Unit Price,Line Total\n" +
      "2026-10-01,5001,Acme Ltd,Returning,CT-100,10,4.50,45.00\n" +
      "2026-10-08,5002,Acme Ltd,Returning,CT-100,4,4.50,18.00\n" +
      "2026-10-09,5003,Bolt & Co,New,CT-100,2,4.50,9.00\n"
  );
  const { report, revenue } = await analyze(path);
  // 45 + 18 = 63.00; 9.00 — all sales
  expect(revenue).toEqual({ "Acme Ltd": 63, "Bolt & Co": 9 });
  expect(report.returns).toBe(0);
});

test("Dutch Soort Factuur / Creditnota, the credit note positive", async () => {
  const path = join(dir, "nl.csv");
  writeFileSync(
    path,
    "Datum;Soort;Factuurnummer;Klantnummer;Artikelcode;Aantal;Prijs;Totaal excl.\n" +
      "01-10-2026;Factuur;F0412;1001;KB-100;1.000;0,045;45,00\n" +
      "13-10-2026;Factuur;F0431;1002;IT-19;1.200;1,25;1.500,00\n" +
      "22-10-2026;Creditnota;C0007;1002;IT-19;10;1,25;12,50\n"
  );
  const { report, revenue } = await analyze(path);
  // 1002: 1.500,00 − 12,50 = 1.487,50
  expect(revenue).toEqual({ "1001": 45, "1002": 1487.5 });
  expect(report.returns).toBe(1);
});

test("Sage 100's document types with more words (Facture comptabilisée, Avoir financier, Bon de retour)", async () => {
  const path = join(dir, "sage100.csv");
  writeFileSync(
    path,
    "Date;Type;Pièce;Client;Article;Qté;PU HT;Montant HT\n" +
      "02/10/2026;Facture comptabilisée;FA00101;Dupont SARL;CT100;1000;0,045;45,00\n" +
      "09/10/2026;Facture comptabilisée;FA00104;Dupont SARL;GA20;12;12,50;150,00\n" +
      "14/10/2026;Bon de retour;BR00002;Dupont SARL;GA20;2;12,50;25,00\n" +
      "20/10/2026;Avoir financier;AV00003;Dupont SARL;CT100;1000;0,0045;4,50\n"
  );
  const { revenue, orders, report } = await analyze(path);
  // 45,00 + 150,00 − 25,00 (returned) − 4,50 (credited) = 165,50; two orders
  expect(revenue).toEqual({ "Dupont SARL": 165.5 });
  expect(orders).toEqual({ "Dupont SARL": 2 });
  expect(report.returns).toBe(2);
});
