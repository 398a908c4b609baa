/**
 * German ERP exports refused for their headers ('No column for "account ID"', 'No order lines
 * were found'): SAP Business One in German (Kunden-/Lieferantencode, Kunden-/Lieferantenname,
 * Zeilensumme, Buchungsdatum) and JTL-Wawi's Auftragspositionen (Erstelldatum, Gesamtpreis
 * Netto beside Gesamtpreis Brutto, Kundennummer, Auftragsnummer). Read at the net line value.
 */
import { join } from "node:path";
import { matchFields } from "../../src/ingest/detect";
import { ORDER_FIELDS } from "../../src/ingest/fields";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

test("SAP Business One in German: the business partner is the account, Zeilensumme the line value", async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-b1-belege-deutsch.csv"));
  // C20000: Beleg 1001, 300,00 + 100,00 = 400,00 in 1 order; C30000: Beleg 1002, 150,00
  expect(a.revenue).toEqual({ C20000: 400, C30000: 150 });
  expect(a.orders).toEqual({ C20000: 1, C30000: 1 });
  expect(a.names).toEqual({ C20000: "Maxi-Teq GmbH", C30000: "Micro Chips AG" });
  // 01.10.2026 → 31.10.2026: 30 days; 15.10.2026: 16 days
  expect(a.days).toEqual({ C20000: 30, C30000: 16 });
});

test("JTL-Wawi Auftragspositionen: Gesamtpreis Netto, not Brutto, dated by Erstelldatum", async () => {
  const a = await analyzeFile(join(EXPORTS, "jtl-wawi-auftragspositionen.csv"));
  // K-10001: AU-1001, 50,00 + 50,00 = 100,00 net (Brutto 59,50 + 59,50 = 119,00 not read);
  // K-10002: AU-1002, 200,00 (Brutto 238,00)
  expect(a.revenue).toEqual({ "K-10001": 100, "K-10002": 200 });
  expect(a.orders).toEqual({ "K-10001": 1, "K-10002": 1 });
  // 05.10.2026 → 31.10.2026: 26 days; 12.10.2026: 19 days
  expect(a.days).toEqual({ "K-10001": 26, "K-10002": 19 });
});

test("a gross total alone (Gesamtpreis Brutto) is never the line value", () => {
  const fields = matchFields(
    ["Auftragsnummer", "Erstelldatum", "Kundennummer", "Menge", "Gesamtpreis Brutto"],
    ORDER_FIELDS
  ).map((m) => m.field);
  expect(fields).not.toContain("revenue");
});
