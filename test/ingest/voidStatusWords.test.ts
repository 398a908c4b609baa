/**
 * A status column in French, Dutch or German: cancelled and draft invoices ("Annulée", "Brouillon";
 * "Geannuleerd", "Concept"; "Entwurf", "Storniert") were never sales, as Xero's Voided and Draft
 * are not. Every expected figure is worked out by hand from the file; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");
const VOID = "cancelled, voided, refunded or draft order";

describe("cancelled and draft invoices named in the export's own language are skipped", () => {
  it("French 'Statut': Annulée, Annulé and Brouillon are no sales; Payée, Validée, En retard count", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(DIR, "fr-statut-annulee-brouillon.csv")
    );
    // C0001: FA-2026-0101 45,00 + 42,00, FA-2026-0140 45,00 = 132,00 (FA-2026-0141 Annulée 450,00 skipped)
    // C0002: FA-2026-0120 40,00 − AV-2026-0007 4,00 (an Avoir) = 36,00 (FA-2026-0150 Brouillon 16,00 skipped)
    // C0003: FA-2026-0152 90,00 (En retard: unpaid, still sold; FA-2026-0151 Annulé 8,00 skipped)
    expect(revenue).toEqual({ C0001: 132, C0002: 36, C0003: 90 });
    expect(orders).toEqual({ C0001: 2, C0002: 1, C0003: 1 });
    expect(report.rejected).toEqual([{ reason: VOID, count: 3, rows: [5, 8, 9] }]);
  });

  it("Dutch 'Status': Geannuleerd and Concept are no sales; a Creditfactuur written positive is a return", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(DIR, "nl-status-geannuleerd-concept.csv")
    );
    // 1001: 45,00 + 45,00 = 90,00 (F2026-141 Geannuleerd 450,00 skipped)
    // 1002: 40,00 − 4,00 (Creditnota) = 36,00 (F2026-150 Concept 16,00 skipped)
    // 1003: 8,00 − 1,60 (Creditfactuur, positive) = 6,40
    expect(revenue).toEqual({ "1001": 90, "1002": 36, "1003": 6.4 });
    expect(orders).toEqual({ "1001": 2, "1002": 1, "1003": 1 });
    expect(report.rejected).toEqual([{ reason: VOID, count: 2, rows: [4, 7] }]);
  });

  it("German 'Status' (Windows-1252, a description over two lines): Entwurf and Storniert are no sales", async () => {
    const { report, revenue, orders, names } = await analyzeFile(
      join(DIR, "de-1252-status-entwurf.csv")
    );
    // 10001: RE-1001 22,50 + 21,00, RE-1014 45,00 = 88,50 (RE-1015 Entwurf 450,00 skipped)
    // 10002: RE-1017 1.500,00 − GS-1002 125,00 = 1.375,00 (RE-1016 Storniert 50,00 skipped)
    expect(revenue).toEqual({ "10001": 88.5, "10002": 1375 });
    expect(orders).toEqual({ "10001": 2, "10002": 1 });
    expect(names["10002"]).toBe("Sanitär Vogel KG");
    expect(report.rejected).toEqual([{ reason: VOID, count: 2, rows: [5, 6] }]);
  });

  it("Spanish 'Estado' and Italian 'Stato': Anulada, Borrador, Annullata and Bozza are no sales", async () => {
    const es = await analyzeFile(join(DIR, "es-estado-anulada-borrador.csv"));
    // Martínez: F26-0101 45,00 + F26-0140 45,00 (Pendiente: unpaid, still sold) = 90,00 (F26-0141 Anulada 450,00 skipped)
    // López: F26-0120 40,00 (F26-0150 Borrador 16,00 skipped)
    expect(es.revenue).toEqual({ "Electricidad Martínez SL": 90, "Fontanería López SL": 40 });
    expect(es.report.rejected).toEqual([{ reason: VOID, count: 2, rows: [4, 6] }]);
    const it = await analyzeFile(join(DIR, "it-stato-annullata-bozza.csv"));
    // C001: FT-101 45,00 + FT-140 45,00 = 90,00 (FT-141 Annullata 450,00 skipped)
    // C002: FT-120 40,00 − NC-007 4,00 (Nota di credito, positive) = 36,00 (FT-150 Bozza 16,00 skipped)
    expect(it.revenue).toEqual({ C001: 90, C002: 36 });
    expect(it.report.rejected).toEqual([{ reason: VOID, count: 2, rows: [4, 7] }]);
  });

  it("French 'Type' saying the invoice is cancelled or a draft ('Facture annulée', 'Facture (brouillon)') is no sale", async () => {
    const { report, revenue, orders } = await analyzeFile(join(DIR, "fr-type-facture-annulee.csv"));
    // 411MART: FA-2026-0101 45,00 + FA-2026-0140 45,00 = 90,00 (FA-2026-0141 'Facture annulée' 450,00 skipped)
    // 411DUR: FA-2026-0120 40,00 − AV-2026-0007 4,00 = 36,00 ('Facture (brouillon)' 16,00 skipped)
    expect(revenue).toEqual({ "411MART": 90, "411DUR": 36 });
    expect(orders).toEqual({ "411MART": 2, "411DUR": 1 });
    expect(report.rejected).toEqual([{ reason: VOID, count: 2, rows: [4, 7] }]);
  });
});
