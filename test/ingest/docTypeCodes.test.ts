/**
 * Two-letter document types are read as a system's codes only when the column shows that system:
 * Sage 50's receipts and purchases (SR, SA, PI …) are skipped where its SI invoices stand beside
 * them, never in another export whose own codes happen to be spelt the same. As of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-doctype-"));

test("a German export's 'SA' (Sammelrechnung, a collective invoice) is a sale: no Sage SI codes in its Belegart column", async () => {
  const file = join(dir, "belegart.csv");
  writeFileSync(
    file,
    [
      "Belegdatum;Belegnummer;Kunde;Artikel;Menge;Betrag;Belegart",
      "01.10.2026;R-1001;Müller GmbH;A-1;1;100,00;RE",
      "05.10.2026;S-2001;Müller GmbH;A-1;2;200,00;SA",
      "07.10.2026;R-1003;Schmidt AG;A-2;2;80,00;RE",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(file);
  // by hand: Müller 100,00 + 200,00 (the collective invoice) = 300,00; Schmidt 80,00
  expect(revenue["Müller GmbH"]).toBe(300);
  expect(revenue["Schmidt AG"]).toBe(80);
  expect(report.accepted).toBe(3);
  expect(report.rejected).toEqual([]);
});
