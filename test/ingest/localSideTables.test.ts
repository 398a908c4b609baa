/**
 * A German distributor's workbook: order lines, its customer list ("Kunden": Kundennummer, Firma,
 * Branche, Betreuer, Kreditlimit) and its open-items list ("Offene Posten": Rechnungsnummer,
 * Kundennummer, Rechnungsdatum, Fällig am, Bezahlt am, Betrag). The order lines were read, the
 * two side tables were not found (no English header), so no account had a name, industry or
 * manager, and Payment was n/a. Worked by hand, as of 2026-10-31.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Umsätze").addRows([
    ["Rechnungsnummer", "Rechnungsdatum", "Kundennummer", "Artikelnummer", "Menge", "Nettobetrag"],
    ["RE-1001", d("2026-08-20"), "10001", "KAB-3", 10, 600],
    ["RE-1002", d("2026-09-01"), "10001", "KAB-3", 5, 400],
    ["RE-1003", d("2026-09-10"), "10002", "LED-6", 2, 250],
  ]);
  wb.addWorksheet("Kunden").addRows([
    ["Kundennummer", "Firma", "Branche", "Betreuer", "Kreditlimit"],
    ["10001", "Elektro Müller GmbH", "Elektrohandel", "S. Weber", 20000],
    ["10002", "Bau Schmidt KG", "Bau", "T. Becker", 5000],
  ]);
  wb.addWorksheet("Offene Posten").addRows([
    ["Rechnungsnummer", "Kundennummer", "Rechnungsdatum", "Fällig am", "Bezahlt am", "Betrag"],
    ["RE-1001", "10001", d("2026-08-20"), d("2026-09-19"), d("2026-09-29"), 714],
    ["RE-1002", "10001", d("2026-09-01"), d("2026-10-01"), d("2026-09-30"), 476],
    ["RE-1003", "10002", d("2026-09-10"), d("2026-10-10"), d("2026-10-10"), 297.5],
  ]);
  const file = join(mkdtempSync(join(tmpdir(), "kap-local-side-")), "Kunden.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

test("the customer list gives each account its name, industry and manager; the open items its Payment", async () => {
  const { p, names } = await analyzeFile(await workbook());
  expect(names).toEqual({ "10001": "Elektro Müller GmbH", "10002": "Bau Schmidt KG" });
  const a = (id: string) => p.accounts.find((x) => x.accountId === id)!;
  expect(a("10001").industry).toBe("Elektrohandel");
  expect(a("10001").accountManager).toBe("S. Weber");
  // 10001: RE-1001 paid 10 days after its due date (19 → 29 Sep), 714.00; RE-1002 one day early
  // (due 1 Oct, paid 30 Sep), 476.00: (10 × 714 − 1 × 476) / 1,190 = 5.6 → 6 days beyond terms
  expect(a("10001").health.inputs.daysBeyondTerms).toBe(6);
  expect(a("10001").health.inputs.paymentSource).toBe("payments ledger");
  // 10002: paid on its due date: 0 days
  expect(a("10002").health.inputs.daysBeyondTerms).toBe(0);
});
