/**
 * Voided and cancelled invoices are kept, at most VOIDED_KEPT of them, to match the credit notes
 * that reverse them (ingest/voidedCredits). Before, a voided invoice past that bound was silently
 * not kept: the credit note reversing it was read as a return, its value taken off twice. Now the
 * warnings name the bound and the credit notes it may have cost. Figures worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VOIDED_KEPT } from "../../src/ingest/voidedCredits";
import { analyzeFile } from "./fileAnalysis";

jest.setTimeout(60_000);

test("past 100,000 voided invoices, a credit note reversing a later one stays a return and the warnings say so", async () => {
  expect(VOIDED_KEPT).toBe(100_000);
  const lines = [
    "Rechnungsnummer;Rechnungsdatum;Belegart;Kundennummer;Kunde;Status;Artikelnummer;Artikel;Bemerkung;Menge;Einzelpreis netto;Gesamt netto",
  ];
  // 100,000 cancelled invoices of Elektro Krause: all kept, none reversed
  for (let n = 0; n < 100_000; n++)
    lines.push(
      `RS-${n};02.09.26;Rechnung;10001;Elektro Krause GmbH;Storniert;KB-200;Kabelbinder 200mm;;10;4,50;45,00`
    );
  lines.push(
    // the 100,001st: past the bound, not kept
    "RE-1016;16.10.26;Rechnung;10002;Sanitär Vogel KG;Storniert;FT-15;Kupferfitting 15mm;;40;1,25;50,00",
    "RE-1017;17.10.26;Rechnung;10002;Sanitär Vogel KG;Bezahlt;FT-15;Kupferfitting 15mm;;80;1,25;100,00",
    "GS-1003;18.10.26;Gutschrift;10002;Sanitär Vogel KG;Bezahlt;FT-15;Kupferfitting 15mm;Gutschrift zu Rechnung RE-1016;-40;1,25;-50,00"
  );
  const path = join(mkdtempSync(join(tmpdir(), "kap-voidbound-")), "storniert.csv");
  writeFileSync(path, lines.join("\n"));
  const { report, revenue } = await analyzeFile(path);
  // by hand: Vogel 100,00 − 50,00 = 50,00 (GS-1003 read as a return: RE-1016 was not kept);
  // within the bound it would be 100,00 (voidedWithCreditNote.test.ts). Krause: no sale.
  expect(revenue).toEqual({ "10002": 50 });
  expect(report.returns).toBe(1);
  // the counts as the command line writes them (no culture given)
  expect(report.warnings).toContain(
    "More than 100000 voided or cancelled invoices, the most KAP keeps to match the credit notes that reverse them: the 1 after them (from RE-1016) was not kept, so 1 credit note was read as a return that may reverse one of them. Where one does, that value is taken off twice: split the export to match them."
  );
});
