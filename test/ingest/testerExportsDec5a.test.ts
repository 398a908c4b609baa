/**
 * Exports a tester found misread silently (5 Dec, first round): a till's sale lines whose
 * "Subtotal" is before a money "Discount" beside it, a German line list whose header is repeated
 * (with "E-Preis" and "G-Preis"), and Oracle Receivables' transaction lines whose "CLASS" (INV,
 * CM, DM) was read as the product category. Each figure is worked out by hand from the file in
 * test/fixtures/exports or written here; as of 2026-10-31, so the last 12 months run from
 * 2025-11-01.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");
const dir = mkdtempSync(join(tmpdir(), "kap-tester-dec5a-"));
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));
const sale = (name: string, lines: readonly string[]) => {
  const file = join(dir, name);
  writeFileSync(file, lines.join("\n"));
  return file;
};

describe("a money Discount beside a Subtotal", () => {
  test("Lightspeed's sale lines: Subtotal − Discount + Tax = Total, so the discount comes off", async () => {
    const { report, revenue } = await analyzeFile(
      join(EXPORTS, "lightspeed-sale-lines-discount.csv")
    );
    // Lena Park: copper elbows 25.00 − 2.50 = 22.50 (+ 4.50 tax = 27.00, the Total), PTFE tape
    // 5.00, the return of 2 elbows −5.00 less its −0.50 discount = −4.50: 23.00 (25.00 before,
    // the discounts never taken off). Omar Reyes: 18.00 − 1.80 = 16.20 (+ 3.24 = 19.44; 18.00 before).
    expect(revenue).toEqual({ "Lena Park": 23, "Omar Reyes": 16.2 });
    expect(report.returns).toBe(1);
    expect(report.warnings).toContain(
      `"Subtotal" is each line's value before its "Discount" (money off the line): on the lines with a discount "Subtotal" − "Discount" + "Tax" = "Total" (row 2: 25.00 − 2.50 + 4.50 = 27.00), so the discount is taken off "Subtotal".`
    );
  });

  test("(Subtotal − Discount) × (1 + the tax rate) = Total also says the discount comes off", async () => {
    const { report, revenue } = await analyzeFile(
      sale("subtotal-discount-rate.csv", [
        "Sale ID,Date,Customer,Item,Qty,Subtotal,Discount,Tax %,Total",
        "3001,10/2/2026,Northfield Builders,CT-300,2,28.00,0.00,20,33.60",
        "3001,10/2/2026,Northfield Builders,WP-100,5,70.00,7.00,20,75.60",
        "3002,10/21/2026,Quayside Electrical,IT-10,3,42.00,4.20,20,45.36",
      ])
    );
    // Northfield 28.00 + (70.00 − 7.00) = 91.00 ((70 − 7) × 1.2 = 75.60); Quayside 42.00 − 4.20 =
    // 37.80 (37.80 × 1.2 = 45.36)
    expect(revenue).toEqual({ "Northfield Builders": 91, "Quayside Electrical": 37.8 });
    expect(report.warnings.join("\n")).toContain(
      `("Subtotal" − "Discount") × (1 + "Tax %") = "Total" (row 3: (70.00 − 7.00) × (1 + 20 %) = 75.60)`
    );
  });

  test("a Subtotal the discount is off already (Subtotal + Tax = Total) is read as it is", async () => {
    const { report, revenue } = await analyzeFile(
      sale("subtotal-after-discount.csv", [
        "Sale ID,Date,Customer,Item,Qty,Subtotal,Discount,Tax,Total",
        "3001,10/2/2026,Northfield Builders,CT-300,2,28.00,0.00,5.60,33.60",
        "3001,10/2/2026,Northfield Builders,WP-100,5,63.00,7.00,12.60,75.60",
        "3002,10/21/2026,Quayside Electrical,IT-10,3,37.80,4.20,7.56,45.36",
      ])
    );
    // 63.00 + 12.60 = 75.60: the 7.00 is off already. Northfield 28.00 + 63.00; Quayside 37.80
    expect(revenue).toEqual({ "Northfield Builders": 91, "Quayside Electrical": 37.8 });
    expect(report.warnings.join("\n")).not.toMatch(/"Discount"/);
  });

  test("a percentage Discount before the Subtotal's tax: Subtotal less Discount % + Tax = Total", async () => {
    const { revenue } = await analyzeFile(
      sale("subtotal-discount-percent.csv", [
        "Sale ID,Date,Customer,Item,Qty,Subtotal,Discount,Tax,Total",
        "3001,10/2/2026,Northfield Builders,WP-100,5,70.00,10,12.60,75.60",
        "3002,10/21/2026,Quayside Electrical,IT-10,3,42.00,5,7.98,47.88",
      ])
    );
    // 70.00 less 10% = 63.00 (+ 12.60 = 75.60); 42.00 less 5% = 39.90 (+ 7.98 = 47.88)
    expect(revenue).toEqual({ "Northfield Builders": 63, "Quayside Electrical": 39.9 });
  });

  test("when the Total fits neither reading, the Subtotal is read as it is and the user is warned", async () => {
    const { report, revenue } = await analyzeFile(
      sale("subtotal-discount-unsettled.csv", [
        "Sale ID,Date,Customer,Item,Qty,Subtotal,Discount,Tax,Total",
        "3001,10/2/2026,Northfield Builders,WP-100,5,70.00,7.00,12.60,80.00",
        "3002,10/21/2026,Quayside Electrical,IT-10,3,42.00,4.20,7.56,50.00",
      ])
    );
    // 70.00 + 12.60 = 82.60, 70.00 − 7.00 + 12.60 = 75.60, 70.00 less 7% + 12.60 = 77.70: none is 80.00
    expect(revenue).toEqual({ "Northfield Builders": 70, "Quayside Electrical": 42 });
    expect(report.warnings.join("\n")).toContain(
      `"Subtotal" stands beside "Discount" (row 2: 70.00 with 7.00 in "Discount"), and the file does not show whether "Subtotal" is before the discount or after it: on the lines with a discount, "Subtotal" and "Tax" make "Total" neither with the discount taken off nor without it.`
    );
  });
});

describe("a repeated header row", () => {
  test("the first copy is the header: the rows above the second are read, and the copy is counted", async () => {
    const { report, revenue, orders, p } = await analyzeFile(
      join(EXPORTS, "de-umsatzliste-wiederholter-kopf.csv")
    );
    // 40010: 1.000 × 0,05 = 50,00 and "G-Preis" 27,00 (24 × 1,25 = 30,00 less a discount: the
    // line total is read, not Menge × E-Preis), 2 invoices, both above the second header (before:
    // the account was lost). 40022: 08.10.26 60,00 in the last 12 months, 28.10.25 120,00 before.
    expect(revenue).toEqual({ "40010": 77, "40022": 60 });
    expect(orders).toEqual({ "40010": 2, "40022": 1 });
    expect(p.accounts.find((a) => a.accountId === "40022")!.revenuePrior12).toBe(120);
    // the header's copy, the blank row, the two "Summe Kunde" rows and "Gesamtsumme"
    expect(skippedRows(report.skipped)).toEqual({
      "repeated header row": 1,
      "blank row": 1,
      "totals row": 3,
    });
    expect(report.rejected).toEqual([]);
  });

  test("rows above the header chosen that read as order lines are named, never dropped unsaid", async () => {
    const { report, revenue } = await analyzeFile(
      sale("lines-above-header.csv", [
        "Nr;Wer;Wann;Beleg;Art;Text;Stk;EP;GP",
        "40010;Elektro Brandt KG;06.10.2026;R26-2001;KB-200;Kabelbinder 200 mm;1000;0,05;50,00",
        "40010;Elektro Brandt KG;20.10.2026;R26-2050;IS-19;Isolierband 19 mm;24;1,25;27,00",
        "Kunden-Nr.;Name;Datum;Beleg-Nr.;Art.-Nr.;Artikelbezeichnung;Menge;E-Preis;G-Preis",
        "40022;Sanitaer Vogel;08.10.2026;R26-1998;PF-22;Pressfitting 22 mm;25;2,40;60,00",
      ])
    );
    // the first row is no header KAP reads: the lines below the second are the data, and rows 2
    // and 3 (40010's) are said, not counted
    expect(revenue).toEqual({ "40022": 60 });
    expect(report.warnings.join("\n")).toContain(
      `2 rows (2, 3) above the header row (row 4) read as order lines under its columns (row 2: 40010; Elektro Brandt KG; 06.10.2026; R26-2001; KB-200; Kabelbinder 200 mm; …), but only the rows below the header are read: they are not counted.`
    );
  });
});

describe("Oracle Receivables' transaction lines", () => {
  test("CLASS (INV, CM, DM) is the document type, not the category: a CM is a return, no categories", async () => {
    const { report, revenue, orders, p } = await analyzeFile(
      join(EXPORTS, "oracle-ar-transaction-lines.txt")
    );
    // 2001: 70.00 + 1,234.50 (100 × 12.345) − 7.00 (CM 20130, written positive: a credit memo) =
    // 1,297.50 (1,311.50 before, the credit memo counted as a sale), 1 order. 2002: 24.00
    // (01-NOV-25) + DM 4.50 = 28.50 in the last 12 months, 36.00 (31-OCT-25) before, 2 orders.
    expect(revenue).toEqual({ "2001": 1297.5, "2002": 28.5 });
    expect(orders).toEqual({ "2001": 1, "2002": 2 });
    expect(report.returns).toBe(1);
    // no category column: every line Uncategorised, and Diversity n/a (it was read on INV and CM)
    for (const a of p.accounts) {
      expect(a.categoriesLast12).toEqual(["Uncategorised"]);
      expect(a.health.factors.diversity).toBeNull();
    }
    const warnings = report.warnings.join("\n");
    expect(warnings).toContain(
      `"CLASS" holds transaction classes (INV (invoice), CM (credit memo), DM (debit memo)), the document each line is on, not product categories`
    );
    // "0.35" has a decimal point only, and 1234.5 too: "12.345" in the same file is 12.345
    expect(warnings).not.toContain("could be read two ways");
  });

  test("a price column of three-decimal values only, with nothing to settle it, is still said", async () => {
    const { report, revenue } = await analyzeFile(
      sale("three-decimals-only.txt", [
        "CUSTOMER_NUMBER\tCUSTOMER_NAME\tTRX_DATE\tTRX_NUMBER\tINVENTORY_ITEM\tQUANTITY_INVOICED\tUNIT_SELLING_PRICE\tEXTENDED_AMOUNT",
        "2001\tDelta Fixings Ltd\t05-OCT-26\t20101\tLED-4\t1000\t12.345\t12345",
      ])
    );
    // the line value is EXTENDED_AMOUNT's 12345 whichever way the price reads; no cell of the file
    // is written one way only (12345 and 1000 are whole), so the price's reading is still said
    expect(revenue).toEqual({ "2001": 12345 });
    expect(report.warnings.join("\n")).toContain(
      `Column "UNIT_SELLING_PRICE": 1 value such as "12.345" could be read two ways`
    );
  });
});
