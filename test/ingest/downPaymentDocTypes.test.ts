/**
 * weclapp's invoice list: a down-payment invoice ("Anzahlungsrechnung" R-2026-0301, 3,000.00,
 * "Anzahlung 30% zu Auftrag AB-5501") and the final invoice ("Schlussrechnung" R-2026-0310: the
 * goods 10,000.00 and "abzüglich Anzahlung R-2026-0301" −3,000.00) bill one purchase. Neither
 * type nor the two descriptions were known: 2 orders for K1001, and a warning that the types were
 * read as sales. The down-payment invoice is now held and read as part of its final invoice, as
 * Odoo's are (ingest/downPayments), by its type or its words.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { isDownPayment, isDownPaymentDocType } from "../../src/ingest/downPayments";

const FILE = join(__dirname, "../fixtures/exports/weclapp-anzahlung-schlussrechnung.csv");

test("weclapp: a down-payment invoice and its final invoice are one order", async () => {
  const { revenue, orders, report } = await analyzeFile(FILE, "2026-11-30");
  // K1001: 3,000.00 + 10,000.00 − 3,000.00 = 10,000.00 in 1 order (AB-5501, was 2);
  // K1002: 450.00 − the Gutschrift 45.00 (written positive) = 405.00 in 1 (Storniert 225.00 out)
  expect(revenue).toEqual({ K1001: 10000, K1002: 405 });
  expect(orders).toEqual({ K1001: 1, K1002: 1 });
  // the Gutschrift alone is a return; the down payment taken off is none
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    "1 down-payment invoice is read as part of the final invoice that takes it off (R-2026-0301 with R-2026-0310): one purchase, so one order, dated by the final invoice; the down payment counts once, since the final invoice takes it off again."
  );
  expect(report.warnings.join(" ")).not.toMatch(/no document type KAP knows/);
});

test.each([
  ["Anzahlungsrechnung", true],
  ["Abschlagsrechnung", true],
  ["Schlussrechnung", true],
  ["Down payment invoice", true],
  ["Final invoice", true],
  ["Facture d'acompte", true],
  ["Rechnung", false],
  ["Gutschrift", false],
])("%s is a down-payment or final invoice type: %s", (type, is) => {
  expect(isDownPaymentDocType(type)).toBe(is);
});

test.each([
  ["", "Anzahlung 30% zu Auftrag AB-5501", true],
  ["", "abzüglich Anzahlung R-2026-0301", true],
  ["", "abzgl. Anzahlung", true],
  ["", "Less deposit received", true],
  ["", "Deduction of down payment INV-0012", true],
  ["", "Deposit 12 bottles", false],
  ["AB-1", "Abzieher", false],
])("%s / %s is a down payment: %s", (sku, description, is) => {
  expect(isDownPayment(sku, description)).toBe(is);
});
