/**
 * More variants of the export kinds of the failing cases (Xero sales invoices, Shopify orders, a
 * German ERP export, QuickBooks reports) as real systems write them (test/fixtures/exports).
 * Every expected figure is worked out by hand from the file, as the comments show; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");
const dir = mkdtempSync(join(tmpdir(), "kap-variants-"));

/** A small export written for one test: its path. */
function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("export variants", () => {
  it("Xero invoices entered tax-inclusive (Total = the sum of LineAmount): each line's value is LineAmount − TaxAmount, before VAT", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(EXPORTS, "xero-sales-invoices-tax-inclusive.csv")
    );
    // INV-3001: Total 114.00 = 54.00 + 60.00 (the lines hold the VAT, TaxTotal 19.00):
    // (54.00 − 9.00) + (60.00 − 10.00) = 95.00; CN-3003 (a credit note): −(12.00 − 2.00) = −10.00
    expect(revenue["Acorn Fixings Ltd"]).toBe(85);
    expect(orders["Acorn Fixings Ltd"]).toBe(1);
    // INV-3002: 24.00 − 4.00 = 20.00
    expect(revenue["Bramley Builders"]).toBe(20);
    expect(report.returns).toBe(1);
    expect(report.warnings.join("\n")).toContain(
      'Xero\'s invoices here are tax-inclusive (3 of the 3 invoices with tax in the first rows, such as INV-3001: Total 114.00 = the sum of "LineAmount", which holds the tax "TaxTotal" 19.00): each line\'s value is "LineAmount" − "TaxAmount", before tax.'
    );
  });

  it("Xero invoices entered tax-exclusive keep LineAmount as the line value", async () => {
    const { revenue, report } = await analyzeFile(join(EXPORTS, "xero-sales-invoices-export.csv"));
    // Acorn: 50.00 + 60.00 + 7.50 = 117.50 (Total 141.00 = 117.50 + TaxTotal 23.50)
    expect(revenue["Acorn Fixings Ltd"]).toBe(117.5);
    expect(report.warnings.join("\n")).not.toMatch(/tax-inclusive/);
  });

  it('a German ERP export whose prices are per 100 or 1,000 units ("PE", Preiseinheit) and has no line total: line value = Menge × Einzelpreis ÷ PE', async () => {
    const { revenue, report } = await analyzeFile(join(EXPORTS, "german-preiseinheit.csv"));
    // said, not silent: PE is 100 on K-301's lines and 1.000 on the last; 1 changes nothing
    expect(report.warnings).toContain(
      'Unit prices are per "PE" pieces (100, 1.000 in the first rows): each is divided by it for the price of one piece.'
    );
    // K-301: 1.000 × 4,50 / 100 = 45,00 + 500 × 12,00 / 100 = 60,00; Gutschrift 90023: −100 × 12,00 / 100 = −12,00 → 93,00
    expect(revenue["K-301"]).toBe(93);
    // K-302: 40 × 1,25 / 1 = 50,00 + 2.500 × 38,00 / 1.000 = 95,00 → 145,00
    expect(revenue["K-302"]).toBe(145);
    // the unit price is per piece: 4,50 / 100 = 0,045
    const ls = await linesOf(join(EXPORTS, "german-preiseinheit.csv"));
    expect(ls[0]).toMatchObject({ quantity: 1000, revenue: 45, unitPrice: 0.045 });
  });

  it('QuickBooks Online with multicurrency: "Amount" is in the home currency, "Foreign Amount" in the line\'s Currency, which is read', async () => {
    const { revenue, currency, report } = await analyzeFile(
      join(EXPORTS, "quickbooks-online-sales-by-customer-detail-multicurrency.csv")
    );
    // Brightwell (GBP, rate 1): 45.00 + 42.00 = £87.00
    expect(revenue["Brightwell Electrical Ltd"]).toBe(87);
    expect(currency["Brightwell Electrical Ltd"]).toBe("GBP");
    // Nordwerk (EUR): 100 × 5.00 = 500.00 − credit memo 50.00 = €450.00 (not 430.00 − 43.00 = 387.00, the pounds)
    expect(revenue["Nordwerk GmbH"]).toBe(450);
    expect(currency["Nordwerk GmbH"]).toBe("EUR");
    expect(report.warnings).toContain(
      '"Amount" is in the home currency, at each transaction\'s exchange rate: each line\'s value is "Foreign Amount", in the currency "Currency" names.'
    );
  });

  it("Shopify: an order whose payment authorization expired was never paid and is skipped like a voided one; pending with no payment terms is not yet paid; a late-evening order keeps its own day", async () => {
    const { report, revenue, orders, days } = await analyzeFile(
      join(EXPORTS, "shopify-order-statuses.csv")
    );
    // Acme: #3001 2 × 14.00 + 3 × 12.00 = 64.00; #3002 (refunded, cancelled, 2 lines) and #3008
    // (paid, then cancelled) are no sales
    expect(revenue["ops@acme.example"]).toBe(64);
    expect(orders["ops@acme.example"]).toBe(1);
    // Beta: #3004 5 × 30.00 = 150.00; #3006 (pending, its Payment Terms Name blank: no terms)
    // 2 × 30.00 = 60.00 is not yet paid; #3003 refunded, #3005 expired (3,000.00) and #3007
    // voided are no sales
    expect(revenue["buyer@beta.example"]).toBe(150);
    expect(orders["buyer@beta.example"]).toBe(1);
    // #3004 at 2026-10-31 22:30:00 -0500 is 31 October, the store's day
    expect(days["buyer@beta.example"]).toBe(0);
    // no sales: no share of revenue claimed (the 3,000.00 expired order was never paid)
    expect(report.warnings.join("\n")).not.toMatch(/of revenue/);
    expect(report.rejected).toEqual([
      {
        reason: "cancelled, voided, refunded or draft order",
        count: 6,
        // the first five rows are named
        rows: [4, 5, 6, 8, 10],
      },
      { reason: "not yet paid (pending or on-hold) order", count: 1, rows: [9] },
    ]);
  });

  it("Shopify store whose prices include tax (Total = Subtotal + Shipping, the Taxes inside): the lines are read before tax, at the order's net share", async () => {
    const { report, revenue } = await analyzeFile(join(EXPORTS, "shopify-taxes-included.csv"));
    // #5001: Total 65.45 = Subtotal 59.50 + Shipping 5.95, Taxes 10.45 inside: net share
    // (65.45 − 10.45) / 65.45 = 1 / 1.19; lines 2 × 23.80 = 47.60 → 40.00, 1 × 11.90 → 10.00: 50.00
    expect(revenue["anna@bau.example"]).toBe(50);
    // #5002: Total 59.50 = Subtotal 59.50, Taxes 9.50 inside: 10 × 5.95 = 59.50 × 50.00 / 59.50 = 50.00
    expect(revenue["max@elektro.example"]).toBe(50);
    expect(report.warnings).toContain(
      'This store\'s prices include tax (2 of the 2 orders with tax in the first rows, such as #5001: Total 65.45 = Subtotal 59.50 + Shipping 5.95, with Taxes 10.45 inside): each line is read before tax, at its order\'s share of "Total" less "Taxes" (55.00 of 65.45 for #5001).'
    );
  });

  it("Shopify store whose prices exclude tax (Total = Subtotal + Shipping + Taxes) keeps its line prices", async () => {
    const { revenue, report } = await analyzeFile(
      join(__dirname, "../fixtures/cases/04-shopify-orders-export.csv")
    );
    // 2 × 14.00 + 5 × 14.00 = 98.00 (Total 125.94 = 98.00 + 6.95 + 20.99)
    expect(revenue["buyer@northfield.example"]).toBe(98);
    expect(report.warnings.join("\n")).not.toMatch(/include tax/);
  });

  it("QuickBooks Online transaction list by date: only sales are read; a bank deposit with no name is no sale, not a line with no account worth 44% of revenue", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(EXPORTS, "quickbooks-online-transaction-list-by-date.csv")
    );
    // Brightwell: invoice 1001 102.00 + sales receipt 1012 50.40 = 152.40 (its payment is no sale)
    expect(revenue["Brightwell Electrical Ltd"]).toBe(152.4);
    expect(orders["Brightwell Electrical Ltd"]).toBe(2);
    // Harbour: invoice 1007 54.00 − credit memo 1009 10.80 = 43.20
    expect(revenue["Harbour Plumbing & Heating"]).toBe(43.2);
    // the bill, the payment, the expense and the deposit are no sales: skipped, no share of revenue
    expect(report.rejected).toEqual([
      {
        reason: "not a sale (a payment, estimate, journal or other transaction)",
        count: 4,
        rows: [7, 8, 9, 13],
      },
    ]);
    expect(report.warnings.join("\n")).not.toMatch(/of revenue/);
  });

  it("a German sales list's subtotal rows that carry the customer number ('Zwischensumme Müller GmbH', 'Summe Kunde 10002') are totals rows, not rows with no date worth half the revenue", async () => {
    const { report, revenue } = await analyzeFile(
      join(EXPORTS, "german-umsatzliste-zwischensummen.csv")
    );
    // 10001: 45,00 + 50,00 = 95,00; 10002: 90,00
    expect(revenue).toEqual({ "10001": 95, "10002": 90 });
    // the two customer subtotals and the Gesamtsumme
    expect(report.skippedTotals).toBe(3);
    expect(report.rejected).toEqual([]);
  });

  it("an ERP's sales documents with quotes, sales orders and delivery notes beside the invoices: only invoices and credit notes are sales (the others bill nothing, or the same goods again)", async () => {
    for (const file of [
      "german-verkaufsbelege-belegarten.csv",
      "sales-documents-quotes-orders-invoices.csv",
    ]) {
      const { report, revenue, orders } = await analyzeFile(join(EXPORTS, file));
      // 10001: invoice RE-801 1.000 × 0,045 = 45,00; its quote AN-501 (450,00), sales order AB-601
      // and delivery note LS-701 (45,00 each) are no sales
      expect(revenue["10001"]).toBe(45);
      expect(orders["10001"]).toBe(1);
      // 10002: RE-802 50,00 − credit note GS-901 5,00 = 45,00
      expect(revenue["10002"]).toBe(45);
      expect(report.returns).toBe(1);
      expect(report.rejected).toEqual([
        { reason: "not a sale (a quote, sales order or delivery note)", count: 3, rows: [2, 3, 4] },
      ]);
      expect(report.warnings.join("\n")).not.toMatch(/of revenue/);
    }
  });

  it("a German export in ISO-8859-15 (Latin-9), whose € is the byte Windows-1252 reads as ¤: the amounts are euros, not unreadable", async () => {
    const { report, revenue, currency } = await analyzeFile(
      join(EXPORTS, "german-iso-8859-15-euro.csv")
    );
    // 10001: 45,00 € + 50,00 € = 95,00 €; 10002: 90,00 € (dates with times: 01.10.2026 14:33)
    expect(revenue).toEqual({ "10001": 95, "10002": 90 });
    expect(currency["10001"]).toBe("EUR");
    expect(report.rejected).toEqual([]);
  });

  it("an invoice-lines export with VAT columns beside 'Account': the VAT columns are no ledger code, so 'Account' is still the customer; the line value is ex VAT", async () => {
    const { revenue, names } = await analyzeFile(join(EXPORTS, "invoice-lines-account-vat.csv"));
    // A1001: 45.00 + 42.00 = 87.00 (ex VAT; 54.00 + 50.40 with it); A1002: 40.00
    expect(revenue).toEqual({ A1001: 87, A1002: 40 });
    expect(names.A1001).toBe("Brightwell Electrical");
  });

  it("a US Xero org's invoices (m/d/yyyy, every day ≤ 12): the due dates settle the order, as no invoice falls due before it is dated", async () => {
    const { report, revenue, orders } = await analyzeFile(
      join(EXPORTS, "xero-sales-invoices-us-dates.csv")
    );
    // day-first, INV-0501 would be dated 10 February and due 11 January; month-first it is
    // dated 2 October and due 1 November
    expect(report.read).toMatchObject({ dateOrder: "mdy", dateOrderSource: "data" });
    // Lakeside: INV-0501 100.00 + INV-0512 54.00 − credit note CN-0031 20.00 (12 October) = 134.00
    expect(revenue["Lakeside Electric, Inc."]).toBe(134);
    expect(orders["Lakeside Electric, Inc."]).toBe(2);
    // Prairie: INV-0520 90.00 (INV-0521 Draft 500.00 and INV-0522 Voided are no sales)
    expect(revenue["Prairie Builders LLC"]).toBe(90);
    expect(report.warnings).toContain(
      'The order dates read both ways, but "DueDate" settles it: read day-first, 5 due dates would fall before their invoice dates (10/2/2026 due 11/1/2026): every date is read month-first.'
    );
  });

  it("Shopify: one customer's e-mail written in two cases (Buyer@Northfield.example, buyer@northfield.example) is one account, as e-mail addresses are", async () => {
    const { report, revenue, orders } = await analyzeFile(join(EXPORTS, "shopify-email-case.csv"));
    // #7001 2 × 14.00 + #7002 1 × 14.00 = 42.00 over 2 orders
    expect(revenue).toEqual({ "buyer@northfield.example": 42 });
    expect(orders["buyer@northfield.example"]).toBe(2);
    expect(report.warnings.join("\n")).not.toMatch(/more than one way/);
  });

  describe("QuickBooks Online with multicurrency and no Foreign Amount column: Amount is in the home currency, whatever Currency says", () => {
    /** Sales by Customer Detail with Currency and Exchange Rate but no Foreign Amount; `total` is how its totals rows write money. */
    const report = (name: string, total: (x: string) => string, rates = true) =>
      csv(
        name,
        withoutRates(rates, [
          "Kestrel Supplies Ltd",
          "Sales by Customer Detail",
          '"October 1-31, 2026"',
          "",
          ",Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Currency,Exchange Rate,Amount,Balance",
          "Brightwell Electrical Ltd,,,,,,,,,,,",
          ",10/02/2026,Invoice,1001,Cable ties 100mm,Cable ties 100mm black,10,4.50,GBP,1,45.00,45.00",
          ",10/21/2026,Invoice,1012,Cable clips 10mm,Cable clips,20,2.10,GBP,1,42.00,87.00",
          `Total for Brightwell Electrical Ltd,,,,,,,,,,${total("87.00")},`,
          "Nordwerk GmbH,,,,,,,,,,,",
          ",10/15/2026,Invoice,1007,Cable ties 100mm,Cable ties 100mm black,100,5.00,EUR,0.86,430.00,430.00",
          ",10/20/2026,Credit Memo,1009,Cable ties 100mm,Returned ties,-10,5.00,EUR,0.86,-43.00,387.00",
          `Total for Nordwerk GmbH,,,,,,,,,,${total("387.00")},`,
          `TOTAL,,,,,,,,,,${total("474.00")},`,
        ])
      );
    /** The report's lines, without its Exchange Rate column (the 10th, from the header on) when `rates` is false. */
    function withoutRates(rates: boolean, lines: string[]): string[] {
      if (rates) return lines;
      return lines.map((l, i) =>
        i < 4
          ? l
          : l
              .split(",")
              .filter((_, c) => c !== 9)
              .join(",")
      );
    }
    const note =
      '"Amount" is in the company\'s home currency (each transaction at its exchange rate) and the report has no "Foreign Amount" column: "Currency" (EUR on row 11) names each transaction\'s own currency, not the currency of "Amount", so it is not read: every line is in the one home currency, and "Sales Price", in the transaction\'s currency, is not read as its unit price.';

    it("the totals rows' £ names it: every line in GBP, Nordwerk's euros read as the pounds they were booked at", async () => {
      const {
        revenue,
        currency,
        report: r,
      } = await analyzeFile(report("qbo-home-gbp.csv", (x) => `"£${x}"`));
      // Brightwell: 45.00 + 42.00 = £87.00
      expect(revenue["Brightwell Electrical Ltd"]).toBe(87);
      // Nordwerk: 430.00 − 43.00 = £387.00 (100 × 5.00 EUR at 0.86), not €387.00
      expect(revenue["Nordwerk GmbH"]).toBe(387);
      // every line in the home currency: GBP, the one at rate 1
      expect(currency).toEqual({ "Brightwell Electrical Ltd": "GBP", "Nordwerk GmbH": "GBP" });
      expect(r.warnings).toContain(note);
      expect(r.warnings.join("\n")).not.toMatch(/does not say which/);
    });

    it("a US company's euro sales at 1.10: Amount stays the line value, though it is above Quantity × Sales Price (the price is in euros)", async () => {
      const path = csv("qbo-home-usd.csv", [
        "Kestrel Supplies Inc",
        "Sales by Customer Detail",
        '"October 1-31, 2026"',
        "",
        ",Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Currency,Exchange Rate,Amount,Balance",
        "Nordwerk GmbH,,,,,,,,,,,",
        ",10/15/2026,Invoice,1007,Cable ties 100mm,Cable ties 100mm black,100,5.00,EUR,1.10,550.00,550.00",
        ",10/16/2026,Invoice,1008,Cable clips 10mm,Cable clips,20,2.00,EUR,1.10,44.00,594.00",
        ",10/20/2026,Credit Memo,1009,Cable ties 100mm,Returned ties,-10,5.00,EUR,1.10,-55.00,539.00",
        'Total for Nordwerk GmbH,,,,,,,,,,"$539.00",',
        "Lakeside Electric,,,,,,,,,,,",
        ",10/21/2026,Invoice,1012,Cable clips 10mm,Cable clips,10,2.10,USD,1,21.00,21.00",
        'Total for Lakeside Electric,,,,,,,,,,"$21.00",',
        'TOTAL,,,,,,,,,,"$560.00",',
      ]);
      const { revenue, currency, report: r } = await analyzeFile(path);
      // Nordwerk: $550.00 + $44.00 − $55.00 = $539.00 (not 500.00 + 40.00 − 50.00 = 490.00, the euros)
      expect(revenue["Nordwerk GmbH"]).toBe(539);
      expect(revenue["Lakeside Electric"]).toBe(21);
      // USD is the one currency at rate 1 (and the totals rows' $)
      expect(currency).toEqual({ "Nordwerk GmbH": "USD", "Lakeside Electric": "USD" });
      expect(r.warnings.join("\n")).not.toMatch(/does not equal/);
    });

    it("the Exchange Rate names it: 1 on every GBP line and on no other currency's, so GBP is the home currency", async () => {
      const {
        revenue,
        currency,
        report: r,
      } = await analyzeFile(report("qbo-home-by-rate.csv", (x) => x));
      // Nordwerk: 430.00 − 43.00 = £387.00; Brightwell 45.00 + 42.00 = £87.00
      expect(revenue).toEqual({ "Brightwell Electrical Ltd": 87, "Nordwerk GmbH": 387 });
      expect(currency).toEqual({ "Brightwell Electrical Ltd": "GBP", "Nordwerk GmbH": "GBP" });
      expect(r.read!.currencies).toEqual(["GBP"]);
      expect(r.warnings).toContain(note);
      expect(r.warnings).toContain(
        '"Exchange Rate" is 1 on every GBP line and on no other currency\'s: the home currency is GBP, and every line is read in it.'
      );
      expect(r.warnings.join("\n")).not.toMatch(/does not say which/);
    });

    it("nothing names the home currency (no Exchange Rate column either): flagged in the warnings, and no line is labelled with its Currency", async () => {
      const {
        revenue,
        currency,
        report: r,
      } = await analyzeFile(report("qbo-home-unknown.csv", (x) => x, false));
      expect(revenue["Nordwerk GmbH"]).toBe(387);
      expect(currency).toEqual({ "Brightwell Electrical Ltd": "", "Nordwerk GmbH": "" });
      expect(r.totalsCurrency).toBeUndefined();
      expect(r.warnings).toContain(note);
      expect(r.warnings).toContain(
        'The report does not say which currency is the company\'s home currency (no symbol on its totals rows, no currency format on "Amount"): its amounts are shown in GBP, the default, which may not be it. Check it, and give the culture of the company\'s country (kap --culture, e.g. en-US) or format "Amount" with its currency.'
      );
    });
  });

  describe("Xero invoices with no LineAmount column (Quantity × UnitAmount), entered tax-inclusive", () => {
    /** Xero's invoice lines with `types` headed `header`; INV-3004 is entered tax-exclusive. */
    const invoices = (name: string, header: string, inclusive: string, exclusive: string) =>
      csv(name, [
        `*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,*AccountCode,*TaxType,TaxAmount,${header},Currency,Type`,
        `Acorn Fixings Ltd,INV-3001,01/10/2026,31/10/2026,114.00,CT-100,Cable ties 100mm,10,5.40,200,20% (VAT on Income),9.00,${inclusive},GBP,Sales invoice`,
        `Acorn Fixings Ltd,INV-3001,01/10/2026,31/10/2026,114.00,SC-20,Screws 20mm,5,12.00,200,20% (VAT on Income),10.00,${inclusive},GBP,Sales invoice`,
        `Bramley Builders,INV-3002,15/10/2026,14/11/2026,24.00,CT-100,Cable ties 100mm,4,6.00,200,20% (VAT on Income),4.00,${inclusive},GBP,Sales invoice`,
        `Acorn Fixings Ltd,CN-3003,20/10/2026,20/10/2026,12.00,SC-20,Screws 20mm,1,12.00,200,20% (VAT on Income),2.00,${inclusive},GBP,Sales credit note`,
        `Bramley Builders,INV-3004,22/10/2026,21/11/2026,60.00,SC-20,Screws 20mm,5,10.00,200,20% (VAT on Income),10.00,${exclusive},GBP,Sales invoice`,
      ]);

    it.each([
      ["LineAmountTypes", "Inclusive", "Exclusive"],
      ["Amounts are", "Tax Inclusive", "Tax Exclusive"],
    ])(
      "%p says Inclusive: each line is Quantity × UnitAmount − TaxAmount, before tax; a line marked Exclusive is read as it is",
      async (header, inclusive, exclusive) => {
        const { revenue, report } = await analyzeFile(
          invoices(`xero-no-line-amount-${header.length}.csv`, header, inclusive, exclusive)
        );
        // Acorn: INV-3001 (10 × 5.40 − 9.00) + (5 × 12.00 − 10.00) = 45.00 + 50.00 = 95.00;
        // credit note CN-3003 −(1 × 12.00 − 2.00) = −10.00 → 85.00
        expect(revenue["Acorn Fixings Ltd"]).toBe(85);
        // Bramley: INV-3002 4 × 6.00 − 4.00 = 20.00; INV-3004 (Exclusive) 5 × 10.00 = 50.00 → 70.00
        expect(revenue["Bramley Builders"]).toBe(70);
        expect(report.warnings).toContain(
          `Xero's invoices here are entered tax-inclusive ("${header}" is ${inclusive} on 4 of the 5 lines in the first rows, such as INV-3001): each line's value is "*Quantity" × "*UnitAmount" − "TaxAmount", before tax. The 1 line marked "${exclusive}" is read as it is.`
        );
      }
    );

    it("no column says so, but each invoice's Total is the sum of Quantity × UnitAmount with its TaxTotal inside: read before tax, and said", async () => {
      const path = csv("xero-no-line-amount-totals.csv", [
        "*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,Total,TaxTotal,InventoryItemCode,*Description,*Quantity,*UnitAmount,*AccountCode,*TaxType,TaxAmount,Currency,Type",
        "Acorn Fixings Ltd,INV-3001,01/10/2026,31/10/2026,114.00,19.00,CT-100,Cable ties 100mm,10,5.40,200,20% (VAT on Income),9.00,GBP,Sales invoice",
        "Acorn Fixings Ltd,INV-3001,01/10/2026,31/10/2026,114.00,19.00,SC-20,Screws 20mm,5,12.00,200,20% (VAT on Income),10.00,GBP,Sales invoice",
        "Bramley Builders,INV-3002,15/10/2026,14/11/2026,24.00,4.00,CT-100,Cable ties 100mm,4,6.00,200,20% (VAT on Income),4.00,GBP,Sales invoice",
      ]);
      const { revenue, report } = await analyzeFile(path);
      // INV-3001: Total 114.00 = 10 × 5.40 + 5 × 12.00 = 54.00 + 60.00, TaxTotal 19.00 inside:
      // (54.00 − 9.00) + (60.00 − 10.00) = 95.00; INV-3002: 4 × 6.00 − 4.00 = 20.00
      expect(revenue["Acorn Fixings Ltd"]).toBe(95);
      expect(revenue["Bramley Builders"]).toBe(20);
      expect(report.warnings).toContain(
        'Xero\'s invoices here are tax-inclusive (2 of the 2 invoices with tax in the first rows, such as INV-3001: Total 114.00 = the sum of "*Quantity" × "*UnitAmount", which holds the tax "TaxTotal" 19.00): each line\'s value is "*Quantity" × "*UnitAmount" − "TaxAmount", before tax.'
      );
    });
  });

  it("Shopify partial refunds: netted where the export shows them exactly (one line, no shipping, the refund whole units with their tax); else flagged with each order and the amount at stake", async () => {
    const head =
      "Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Company,Refunded Amount,Lineitem discount";
    const path = csv("shopify-partial-refunds.csv", [
      head,
      // one line, no shipping: 33.60 × 70.00 / 84.00 = 28.00 before tax = 2 × 14.00
      "#2001,a@x.example,partially_refunded,GBP,70.00,0.00,14.00,84.00,2026-10-02 09:50:26 +0100,5,Cable ties,14.00,CT-1,Alpha Ltd,33.60,0.00",
      "#2002,a@x.example,paid,GBP,100.00,0.00,20.00,120.00,2026-10-10 09:50:26 +0100,10,Wall plugs,10.00,WP-1,Alpha Ltd,0.00,0.00",
      // two lines: which was refunded is not shown
      "#2003,b@y.example,partially_refunded,GBP,70.00,5.00,15.00,90.00,2026-10-12 10:00:00 +0100,2,Screws,20.00,SC-1,Beta Ltd,36.00,0.00",
      "#2003,b@y.example,,,,,,,2026-10-12 10:00:00 +0100,1,Anchors,30.00,AN-1,,,0.00",
      // one line, but shipping 4.95 may be in the refund
      "#2004,b@y.example,partially_refunded,GBP,50.00,4.95,10.00,64.95,2026-10-14 10:00:00 +0100,1,Drill bits,50.00,DB-1,Beta Ltd,10.00,0.00",
      // one line, no tax, no shipping, all its goods refunded (24.00 = 2 × 12.00): no sale left
      "#2005,a@x.example,partially_refunded,GBP,24.00,0.00,0.00,24.00,2026-10-16 10:00:00 +0100,2,Tape,12.00,TP-1,Alpha Ltd,24.00,0.00",
    ]);
    const { revenue, orders, report } = await analyzeFile(path);
    // Alpha: #2001 (5 − 2) × 14.00 = 42.00 + #2002 10 × 10.00 = 100.00 → 142.00 (#2005 nets to 0)
    expect(revenue["a@x.example"]).toBe(142);
    expect(orders["a@x.example"]).toBe(2);
    expect(report.rejected).toEqual([
      { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [7] },
    ]);
    // Beta: #2003 2 × 20.00 + 30.00 = 70.00 and #2004 50.00, in full (flagged) → 120.00
    expect(revenue["b@y.example"]).toBe(120);
    expect(report.warnings).toContain(
      "2 partially refunded orders are read net of their refunds, which the export shows exactly (#2001: Refunded Amount 33.60 with tax at the order's rate is 28.00 before tax, 2 of its 5 × 14.00): each has one line and no shipping."
    );
    // at stake: 36.00 + 10.00 = £46.00, with tax and shipping
    expect(report.warnings).toContain(
      "2 orders are partially refunded (#2003: 36.00, #2004: 10.00, with tax and shipping): the export does not show which lines or how much before tax and shipping, so their lines count in full and revenue may be overstated by up to £46.00. Take the refunds off by hand where they matter."
    );
  });
});
