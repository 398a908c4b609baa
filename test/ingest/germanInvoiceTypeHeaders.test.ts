/**
 * German invoice lists name their document-type column after the invoice: weclapp's "Rechnungstyp",
 * sevDesk's "Rechnungsart" (Rechnung, Gutschrift, Stornorechnung). Unread, a Gutschrift written
 * with a positive amount was counted as a sale.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

test('weclapp "Rechnungstyp": the Gutschrift is a return; the cancelled invoice and its Stornorechnung are left out once', async () => {
  const a = await analyzeFile(join(EXPORTS, "weclapp-rechnungspositionen.csv"));
  // K1001: R-1001 250,00 − Gutschrift R-1004 50,00 = 200,00 (R-1002 "Storniert" 200,00 and its
  // Stornorechnung R-1003 −200,00 neither sale nor return); before: 250 + 50 = 300.
  // K1002: R-1005 2.500,00.
  expect(a.revenue).toEqual({ K1001: 200, K1002: 2500 });
  expect(a.report.returns).toBe(1);
});

test('sevDesk "Rechnungsart": a Gutschrift with a positive Netto is a return', async () => {
  const a = await analyzeFile(join(EXPORTS, "sevdesk-rechnungen-gutschrift.csv"));
  // 1001: RE-1001 1.000,00 − Gutschrift RE-1003 120,00 = 880,00 (before: 1.120,00); 1002: 750,00
  expect(a.revenue).toEqual({ "1001": 880, "1002": 750 });
  expect(a.orders).toEqual({ "1001": 1, "1002": 1 });
});
