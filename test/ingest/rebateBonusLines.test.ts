/**
 * Rebate and bonus lines on an invoice ("Volume rebate 5%", "Bonus", German "Jahresbonus 3%",
 * beside "Skonto 2%" and "Rabatt") are money given back on what the invoice sold: a price
 * reduction (methodology 000's "volume-based rebates", "retrospective rebate"; PRODUCT.md §2:
 * discounts are adjustment lines, in revenue, never products). The invoice's revenue is net of
 * them; they add no return and are listed as discount lines, never as products. A bonus that is
 * a credit note of its own (Gutschrift) stays a credit, as a discount does. Figures worked by
 * hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-rebate-"));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}

test("an ERP's Rebate and Bonus lines reduce their invoice: no returns, no products", async () => {
  const path = file("erp-rebate-bonus.csv", [
    "Date,Invoice No,Document Type,Customer ID,Customer,SKU,Description,Qty,Unit Price,Net",
    "2026-09-10,INV-201,Invoice,K1,Kestrel Electrical,CT-100,Cable ties 100mm,20,10.00,200.00",
    "2026-09-10,INV-201,Invoice,K1,Kestrel Electrical,REB,Volume rebate 5%,1,-10.00,-10.00",
    "2026-10-15,INV-202,Invoice,K1,Kestrel Electrical,CT-100,Cable ties 100mm,10,10.00,100.00",
    "2026-10-15,INV-202,Invoice,K1,Kestrel Electrical,BON,Bonus,1,-4.00,-4.00",
  ]);
  const { report, revenue, orders, p, engine } = await analyzeFile(path);
  // INV-201 200.00 − 10.00 = 190.00; INV-202 100.00 − 4.00 = 96.00: 286.00 in 2 orders
  expect(revenue).toEqual({ K1: 286 });
  expect(orders).toEqual({ K1: 2 });
  // was 2: each negative line read as a return
  expect(report.returns).toBe(0);
  const k1 = p.accounts.find((a) => a.accountId === "K1")!;
  expect(k1.alerts.map((a) => a.kind)).not.toContain("recentReturn");
  // discount lines, not products: −10.00 and −4.00
  const service = p.serviceLines.map((s) => [s.sku, s.kind, s.revenue]);
  expect(service.sort()).toEqual([
    ["BON", "discount", { "": -4 }],
    ["REB", "discount", { "": -10 }],
  ]);
  expect(engine.detail(k1.key).topProducts.map((t) => t.sku)).toEqual(["CT-100"]);
});

test("German ERP: Jahresbonus, Skonto and Rabatt lines reduce their Rechnung; a Bonus Gutschrift stays a credit", async () => {
  const path = file("de-bonus-skonto.csv", [
    "Rechnungsnummer;Rechnungsdatum;Belegart;Kundennummer;Kunde;Artikelnummer;Artikelbezeichnung;Menge;Einzelpreis netto;Gesamt netto",
    "RE-2001;05.10.26;Rechnung;10001;Elektro Krause GmbH;KB-200;Kabelbinder 200mm;100;0,50;50,00",
    "RE-2001;05.10.26;Rechnung;10001;Elektro Krause GmbH;BONUS;Jahresbonus 3%;1;-1,50;-1,50",
    "RE-2002;20.10.26;Rechnung;10001;Elektro Krause GmbH;FT-15;Kupferfitting 15mm;40;1,25;50,00",
    "RE-2002;20.10.26;Rechnung;10001;Elektro Krause GmbH;SKONTO;Skonto 2%;1;-1,00;-1,00",
    "RE-2002;20.10.26;Rechnung;10001;Elektro Krause GmbH;RAB;Rabatt;1;-2,50;-2,50",
    "RE-2003;10.10.26;Rechnung;10002;Sanitär Vogel KG;FT-15;Kupferfitting 15mm;80;1,25;100,00",
    "GS-2001;25.10.26;Gutschrift;10002;Sanitär Vogel KG;BONUS;Umsatzbonus 2026;1;-20,00;-20,00",
  ]);
  const { report, revenue, orders } = await analyzeFile(path);
  expect(revenue).toEqual({
    // RE-2001 50,00 − 1,50 = 48,50; RE-2002 50,00 − 1,00 − 2,50 = 46,50: 95,00
    "10001": 95,
    // RE-2003 100,00 − Gutschrift GS-2001 20,00 = 80,00
    "10002": 80,
  });
  expect(orders).toEqual({ "10001": 2, "10002": 1 });
  // only the Gutschrift (was 2: the Jahresbonus line too)
  expect(report.returns).toBe(1);
});
