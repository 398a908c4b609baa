/**
 * Credit notes numbered apart from the invoices, written with positive figures and no document
 * type: Sage 100 and EBP number factures FA… and avoirs AV…, German systems Rechnungen RE…/RG…
 * and Gutschriften GU…/GS…. Were read as sales. Worked by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { creditNotePrefixes } from "../../src/ingest/orders";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-creditids-"));

const analyze = analyzeFile;

test("which prefixes are credit notes", () => {
  expect(creditNotePrefixes(["FA00101", "FA00108", "AV00003"])).toEqual(["av"]);
  expect(creditNotePrefixes(["RE-1001", "RG-1002", "GU-0033"])).toEqual(["gu"]);
  // no invoice prefix beside it, or as many credit notes as invoices: the numbering, not credits
  expect(creditNotePrefixes(["AV00001", "AV00002", "X-1"])).toEqual([]);
  expect(creditNotePrefixes(["FA1", "AV1"])).toEqual([]);
  // "Avenue", "Gusto": no digit or dash after the two letters
  expect(creditNotePrefixes(["FA1", "FA2", "Avenue 3"])).toEqual([]);
});

test("French: AV00003 with positive Qté and Total HT is an avoir", async () => {
  const { report, revenue, orders } = await analyze(
    join(__dirname, "../fixtures/exports/french-avoir-by-number.csv")
  );
  // Martin: FA00108 1 500,00 − AV00003 125,00 = 1 375,00 (not 1 625,00), one order
  expect(revenue).toEqual({ "Dupont SARL": 45, "Martin & Fils": 1375 });
  expect(orders).toEqual({ "Dupont SARL": 1, "Martin & Fils": 1 });
  expect(report.returns).toBe(1);
  expect(report.warnings).toContain(
    "Order ids starting AV beside the invoices' FA… are credit notes: read as returns, whatever their sign."
  );
});

test("German: GU-0033 beside RE-… is a Gutschrift", async () => {
  const path = join(dir, "de.csv");
  writeFileSync(
    path,
    "Datum;Belegnr.;Kundennr.;Artikelnr.;Menge;Einzelpreis;Betrag\n" +
      "01.10.2026;RE-1001;10045;KS-10;1000;0,15;150,00\n" +
      "08.10.2026;RE-1004;10045;KS-10;200;0,15;30,00\n" +
      "15.10.2026;GU-0033;10045;KS-10;100;0,15;15,00\n"
  );
  const { revenue, orders, report } = await analyze(path);
  // 150 + 30 − 15 = 165,00; two orders
  expect(revenue).toEqual({ "10045": 165 });
  expect(orders).toEqual({ "10045": 2 });
  expect(report.returns).toBe(1);
});
