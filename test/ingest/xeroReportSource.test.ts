/**
 * Xero's invoice detail reports ("Invoice Details", "Receivable Invoice Detail") with the "Source"
 * column (Receivable Invoice / Receivable Credit Note) and, in a multi-currency organisation, the
 * money twice: "Net (GBP)" in the organisation's base currency, "Net (Source)" in the invoice's
 * own currency, which the "Currency" column names. Worked by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-xero-source-"));

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  const title = ["Invoice Details", "Demo Supplies Ltd", "1 September 2026 to 31 October 2026", ""];
  writeFileSync(path, [...title, ...lines].join("\n") + "\n");
  return path;
}

describe("Xero invoice detail report: Source column and source-currency money", () => {
  it('a "Receivable Credit Note" in the Source column is a return whatever its number or sign', async () => {
    const path = file("source-credit.csv", [
      "Invoice Date,Source,Invoice Number,Contact,Item Code,Description,Quantity,Unit Price,Discount,Net,Tax,Gross,Account Code,Account,Currency,Status",
      "4 Sep 2026,Receivable Invoice,INV-0601,Linden Electrical,CT-1,Cable ties,10,2.40,,24.00,4.80,28.80,200,Sales,GBP,Paid",
      "11 Oct 2026,Receivable Invoice,INV-0655,Marsh Plumbing,PF-1,Pipe fitting,20,1.50,10%,27.00,5.40,32.40,200,Sales,GBP,Awaiting Payment",
      "18 Oct 2026,Receivable Credit Note,0044,Marsh Plumbing,PF-1,Pipe fitting,4,1.50,,6.00,1.20,7.20,200,Sales,GBP,Paid",
      "20 Oct 2026,Receivable Invoice,INV-0660,Marsh Plumbing,PF-1,Pipe fitting,50,1.50,,75.00,15.00,90.00,200,Sales,GBP,Voided",
      "Total,,,,,,,,,,,,,,,",
    ]);
    const { revenue, report } = await analyzeFile(path);
    // Linden: 10 × 2.40 = 24.00. Marsh: 20 × 1.50 less 10% = 27.00, less the credit note's
    // 4 × 1.50 = 6.00 → 21.00 (INV-0660 was voided: no sale)
    expect(revenue).toEqual({ "Linden Electrical": 24, "Marsh Plumbing": 21 });
    expect(report.returns).toBe(1);
  });

  it('the report with "Contact Name", "Item Name" and "Account Name" columns is read the same', async () => {
    const path = file("contact-name.csv", [
      "Invoice Date,Source,Invoice Number,Contact Name,Item Code,Item Name,Quantity,Unit Price,Discount,Net,Tax,Gross,Account Code,Account Name,Currency,Status",
      "4 Sep 2026,Receivable Invoice,INV-0601,Linden Electrical,CT-1,Cable ties,10,2.40,,24.00,4.80,28.80,200,Sales,GBP,Paid",
      "11 Oct 2026,Receivable Invoice,INV-0655,Marsh Plumbing,PF-1,Pipe fitting,20,1.50,10%,27.00,5.40,32.40,200,Sales,GBP,Awaiting Payment",
      "18 Oct 2026,Receivable Credit Note,0044,Marsh Plumbing,PF-1,Pipe fitting,4,1.50,,6.00,1.20,7.20,200,Sales,GBP,Paid",
      "Total,,,,,,,,,57.00,11.40,68.40,,,,",
    ]);
    const { revenue, report } = await analyzeFile(path);
    // Marsh: 27.00 − 6.00 = 21.00 (was 33.00: read as a plain table, the credit note a sale)
    expect(revenue).toEqual({ "Linden Electrical": 24, "Marsh Plumbing": 21 });
    expect(report.warnings[0]).toMatch(/^Read as Xero invoice detail report/);
  });

  it('"Net (Source)" beside "Net (GBP)": each line in the currency the Currency column names', async () => {
    const path = file("source-currency.csv", [
      "Invoice Date,Invoice Number,Contact,Item Code,Description,Quantity,Unit Price (Source),Currency,Net (Source),Net (GBP),Tax (GBP),Gross (GBP),Account,Source,Status",
      "04 Sep 2026,INV-0601,Linden Electrical,CT-1,Cable ties,10,2.40,GBP,24.00,24.00,4.80,28.80,200 - Sales,Receivable Invoice,Paid",
      "11 Oct 2026,INV-0655,Ostseeland GmbH,PF-1,Pipe fitting,20,1.50,EUR,30.00,25.00,0.00,25.00,200 - Sales,Receivable Invoice,Awaiting Payment",
      "18 Oct 2026,CN-0044,Ostseeland GmbH,PF-1,Pipe fitting,4,1.50,EUR,6.00,5.00,0.00,5.00,200 - Sales,Receivable Credit Note,Paid",
      "Total,,,,,,,,,44.00,4.80,48.80,,,",
    ]);
    const { revenue, currency, report } = await analyzeFile(path);
    // Ostseeland: €30.00 − €6.00 = €24.00 (not the base currency's £25.00 − £5.00 = 20 called euros)
    expect(revenue).toEqual({ "Linden Electrical": 24, "Ostseeland GmbH": 24 });
    expect(currency).toEqual({ "Linden Electrical": "GBP", "Ostseeland GmbH": "EUR" });
    expect(report.warnings.join("\n")).toMatch(/"Net \(Source\)"/);
  });

  it('"Net (GBP)" alone beside a Currency column: every line in pounds, the Currency column not read', async () => {
    const path = file("base-currency.csv", [
      "Invoice Date,Invoice Number,Contact,Item Code,Description,Quantity,Currency,Net (GBP),Tax (GBP),Gross (GBP),Account,Source,Status",
      "04 Sep 2026,INV-0601,Linden Electrical,CT-1,Cable ties,10,GBP,24.00,4.80,28.80,200 - Sales,Receivable Invoice,Paid",
      "11 Oct 2026,INV-0655,Ostseeland GmbH,PF-1,Pipe fitting,20,EUR,25.00,0.00,25.00,200 - Sales,Receivable Invoice,Awaiting Payment",
      "18 Oct 2026,CN-0044,Ostseeland GmbH,PF-1,Pipe fitting,4,EUR,5.00,0.00,5.00,200 - Sales,Receivable Credit Note,Paid",
    ]);
    const { revenue, currency, report } = await analyzeFile(path);
    // Ostseeland: £25.00 − £5.00 = £20.00, in pounds as the header says (not €20.00)
    expect(revenue).toEqual({ "Linden Electrical": 24, "Ostseeland GmbH": 20 });
    expect(currency).toEqual({ "Linden Electrical": "GBP", "Ostseeland GmbH": "GBP" });
    expect(report.warnings.join("\n")).toMatch(/"Net \(GBP\)" is in GBP/);
  });
});
