/**
 * Exports a new-user tester found misread or refused (4 Dec, second round): Dynamics GP's
 * "SOP Type", an Australian report's amounts including GST, Unleashed's parked invoices, a
 * Brazilian order list, Swedish and Finnish invoice lines, an Odoo list export's related-field
 * headers. Each figure is worked out by hand from the file in test/fixtures/exports.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { analyzeFile } from "./fileAnalysis";
import { normaliseHeaders } from "../../src/ingest/detect";
import { normaliseCurrency } from "../../src/ingest/values";
import { amountScaleOf } from "../../src/ingest/plausible";

const EXPORTS = join(__dirname, "../fixtures/exports");
const dir = mkdtempSync(join(tmpdir(), "kap-tester-dec4b-"));
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

test("Dynamics GP Sales Line Items: only invoices are sales, a Return takes its amount back, Z-US$ is USD", async () => {
  const { report, revenue, orders, currency } = await analyzeFile(
    join(EXPORTS, "dynamics-gp-sales-line-items.csv")
  );
  // Aaron: INV0003 425.00 + 90.00 (the quote and the order for the same cable are no sales);
  // Harbour: 145.00 − the return 29.00 + 72.50; Northfield: 2,500.00 in Z-C$ (Canadian dollars)
  expect(revenue).toEqual({ AARONFIT0001: 515, HARBOURP0001: 188.5, NORTHFIE0001: 2500 });
  expect(orders).toEqual({ AARONFIT0001: 1, HARBOURP0001: 2, NORTHFIE0001: 1 });
  expect(currency).toEqual({ AARONFIT0001: "USD", HARBOURP0001: "USD", NORTHFIE0001: "CAD" });
  expect(skippedRows(report.skipped)).toEqual({
    "not a sale (a quote, sales order or delivery note)": 2,
  });
});

test.each([
  ["Z-US$", "USD"],
  ["Z-C$", "CAD"],
  ["Z-UK", "GBP"],
  ["z-euro", "EUR"],
  ["Z-CORP", "Z-CORP"],
])("Dynamics GP's currency ID %s is %s", (id, code) => {
  expect(normaliseCurrency(id)).toBe(code);
});

test("an item sales report's 'Amount (inc GST)' less its 'GST' is the revenue, and that is said", async () => {
  const { report, revenue } = await analyzeFile(join(EXPORTS, "au-sales-item-detail-inc-gst.csv"));
  // Brightwell (467.50 − 42.50) + (99.00 − 9.00) = 515.00; Harbour (159.50 − 14.50) + (79.75 −
  // 7.25) = 217.50; Northfield 2,750.00 − 250.00 = 2,500.00 (every one 10% less than read before)
  expect(revenue).toEqual({
    "Brightwell Electrical": 515,
    "Harbour Plumbing": 217.5,
    "Northfield Builders": 2500,
  });
  expect(report.warnings.join("\n")).toContain(
    `"Amount (inc GST)" includes tax: each line's value is "Amount (inc GST)" − "GST", before tax.`
  );
});

test("a unit price including VAT with no amount column: refused with the headers named, nothing guessed", async () => {
  const file = join(dir, "price-incl-vat.csv");
  writeFileSync(
    file,
    [
      "Date,Invoice,Customer,Item,Qty,Unit Price incl. VAT,VAT",
      "2026-10-02,1,Acme,A,2,12.00,4.00",
      "2026-10-05,2,Acme,B,1,60.00,10.00",
    ].join("\n")
  );
  await expect(analyzeFile(file)).rejects.toThrow(
    /No column for "line revenue" \(or "unit price"\).*Unit Price incl\. VAT, VAT/
  );
});

test("an amount including GST with no tax column keeps the tax, and says so rather than guess a rate", async () => {
  const file = join(dir, "inc-gst-alone.csv");
  writeFileSync(
    file,
    [
      "Date,Invoice #,Customer,Item,Qty,Amount (inc GST)",
      "2026-10-02,INV-1,Acme,A,1,110.00",
      "2026-10-05,INV-2,Acme,B,1,220.00",
    ].join("\n")
  );
  const { report, revenue } = await analyzeFile(file);
  expect(revenue).toEqual({ Acme: 330 });
  expect(report.warnings.join("\n")).toContain(
    `"Amount (inc GST)" includes tax and the file has no column of each line's tax`
  );
});

test("Unleashed sales invoices: a Parked invoice is a draft, no sale", async () => {
  const { report, revenue } = await analyzeFile(join(EXPORTS, "unleashed-sales-invoices.csv"));
  // Sub Total: Brightwell 425.00 + 81.00 (5 × 18.00 less 10%); Harbour 145.00 (not the parked 900.00)
  expect(revenue).toEqual({ BRIGHT: 506, HARBOUR: 145, NORTH: 2500 });
  expect(skippedRows(report.skipped)).toEqual({ "cancelled, voided, refunded or draft order": 1 });
});

test("a Brazilian order list: 'Situação' is the status, a Cancelado order is no sale", async () => {
  const { revenue, currency } = await analyzeFile(join(EXPORTS, "bling-pedidos-venda-ptbr.csv"));
  // Elétrica Brilho 425,00 + 90,00; Hidráulica Porto 290,00 (order 1002, Cancelado, 145,00 out)
  expect(revenue).toEqual({
    "12.345.678/0001-90": 515,
    "98.765.432/0001-10": 290,
    "11.222.333/0001-44": 2500,
  });
  expect(Object.values(currency)).toEqual(["BRL", "BRL", "BRL"]);
});

test("Fortnox invoice lines (Swedish): read, a Makulerad invoice skipped, the credit invoice netted", async () => {
  const { report, revenue, orders } = await analyzeFile(join(EXPORTS, "fortnox-fakturarader.csv"));
  // Byggvaruhuset 425,00 + 90,00 − 36,00 (invoice 1005, Kreditfaktura); Rörläggar'n 145,00
  // (invoice 1003, Makulerad: Ja, 900,00 out); Norrbygg "2 500,00"
  expect(revenue).toEqual({ "10": 479, "11": 145, "12": 2500 });
  expect(orders).toEqual({ "10": 1, "11": 1, "12": 1 });
  expect(skippedRows(report.skipped)).toEqual({ "deleted transaction": 1 });
});

test("Finnish invoice lines: read, with a Unicode minus (U+2212) on the credit line", async () => {
  const { revenue } = await analyzeFile(
    join(EXPORTS, "finnish-myyntilaskurivit-unicode-minus.csv")
  );
  // Yhteensä veroton: Sähkö-Kallio 425,00 + 90,00 − 36,00; LVI-Virtanen 145,00 + 72,50; Rakennus 2 500,00
  expect(revenue).toEqual({ "10": 479, "11": 217.5, "12": 2500 });
});

test("an Odoo list export's 'Order Reference/Order Date' is the order's date", async () => {
  const { revenue, orders } = await analyzeFile(join(EXPORTS, "odoo-sale-order-lines.csv"));
  // Brightwell S00021 425.00 + 81.00 and S00025 170.00 + delivery 15.00; Harbour S00023 290.00
  // (S00022 a quotation, S00024 cancelled)
  expect(revenue).toEqual({
    "Brightwell Electrical Ltd": 691,
    "Harbour Plumbing & Heating": 290,
  });
  expect(orders).toEqual({ "Brightwell Electrical Ltd": 2, "Harbour Plumbing & Heating": 1 });
});

test("a related field's path is read as its field only where it is one", () => {
  expect(
    normaliseHeaders([
      "Order Reference",
      "Order Reference/Order Date",
      "Price/Unit",
      "Qty/Box",
      "Nominal A/C Ref",
    ])
  ).toEqual(["order reference", "order date", "price unit", "qty box", "nominal a c ref"]);
  expect(normaliseHeaders(["Sales Order/Confirmation Date"])).toEqual(["confirmation date"]);
});

test("Zoho Books: an invoice's Entity Discount Amount comes off its lines, and is said", async () => {
  const { report, revenue, orders } = await analyzeFile(
    join(EXPORTS, "zoho-books-invoices-entity-discount.csv")
  );
  // Brightwell INV-000101 425.00 + 90.00 − the 10% entity discount 51.50 + its Shipping Charge
  // 20.00 (once, though on both lines: Total 576.20 = 515.00 − 51.50 + 20.00 + tax 92.70), and
  // INV-000106 170.00; Harbour INV-000104 40 × 7.25 less 5% (INV-000102 Draft and INV-000103
  // Void are no sales)
  expect(revenue).toEqual({
    "460000000012345": 653.5,
    "460000000012346": 275.5,
    "460000000012347": 2500,
  });
  expect(orders).toEqual({ "460000000012345": 2, "460000000012346": 1, "460000000012347": 1 });
  expect(report.warnings.join("\n")).toContain(
    `1 invoice has a discount on the whole invoice ("Entity Discount Amount": INV-000101: 51.50)`
  );
  expect(report.warnings.join("\n")).toContain(
    `"Shipping Charge" is each order's shipping, written on its lines: it counts in revenue once per order (carriage billed to the customer is revenue), read as a line "Shipping" of the order (£20.00 in all)`
  );
});

test("Stripe's invoices export: a blank Description is no missing product, every invoice counts", async () => {
  const { report, revenue } = await analyzeFile(join(EXPORTS, "stripe-invoices.csv"));
  // Subtotal before tax: Brightwell 515.00 + 170.00; Harbour 72.50 (uncollectible, still billed;
  // the void 145.00 and the draft 290.00 are no sales); Nordbau €2,500.00 (was: all GBP dropped
  // as "no product", and only Nordbau read)
  expect(revenue).toEqual({ cus_Brt01: 685, cus_Hbr02: 72.5, cus_Nrd03: 2500 });
  expect(report.warnings.join("\n")).toContain(
    `"Description" is blank on 5 of the first 6 rows, each a whole invoice: it is read as a note, not a product`
  );
});

test("Epicor's invoice lines: the document's DocExtPrice in its currency, not the company's ExtPrice", async () => {
  const { revenue, currency } = await analyzeFile(join(EXPORTS, "epicor-baq-invoice-lines.csv"));
  // Nordbau's invoice 1004 is €2,500.00 (DocExtPrice; ExtPrice 2,700.00 is in the company's USD);
  // Harbour 145.00 − the credit memo 29.00 + 72.50
  expect(revenue).toEqual({ BRIGHT: 515, HARB: 188.5, NORTH: 2500 });
  expect(currency).toEqual({ BRIGHT: "USD", HARB: "USD", NORTH: "EUR" });
});

test("a BI report's 'Net value (thousand EUR)': each value read in thousands, and said", async () => {
  const { report, revenue } = await analyzeFile(join(EXPORTS, "bi-net-value-in-thousands.csv"));
  // Brightwell (425,000 + 90,000) thousand = €515,000; Hafen 145,000 + 72,500 thousand; Nordbau
  // "2.500,000" thousand = €2,500,000 (were read 1,000 times too small)
  expect(revenue).toEqual({ "100110": 515000, "100120": 217500, "100130": 2500000 });
  expect(report.warnings.join("\n")).toContain(
    `"Net value (thousand EUR)" is in thousands: each line's value is read × 1,000.`
  );
});

test.each([
  ["Net value (thousand EUR)", 1000],
  ["Umsatz in Tsd. €", 1000],
  ["Sales (£'000)", 1000],
  ["Revenue (EUR millions)", 1e6],
  ["Umsatz TEUR", 1000],
  ["Net Amount", undefined],
  ["Thousands", undefined],
])("the scale of '%s' is %s", (header, factor) => {
  expect(amountScaleOf(header)?.factor).toBe(factor);
});

test("amounts formatted in three currencies with no currency column: said, never silent", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sales");
  ws.addRow(["Date", "Invoice", "Customer", "Item", "Line Total"]);
  const lines: [string, string, string, number, string][] = [
    ["2026-10-02", "1", "Brightwell", 515, '"£"#,##0.00'],
    ["2026-10-05", "2", "Nordbau", 2500, "#,##0.00 [$€-407]"],
    ["2026-10-22", "3", "Lakeside", 72.5, '"$"#,##0.00'],
  ];
  for (const [d, inv, c, v, fmt] of lines) {
    const row = ws.addRow([new Date(`${d}T00:00:00Z`), inv, c, "A", v]);
    row.getCell(5).numFmt = fmt;
  }
  ws.getColumn(1).numFmt = "dd/mm/yyyy";
  const file = join(dir, "currency-per-cell.xlsx");
  await wb.xlsx.writeFile(file);
  const { report } = await analyzeFile(file);
  expect(report.warnings.join("\n")).toContain(
    `"Line Total" is formatted in 3 currencies (GBP, EUR, USD) and the file has no currency column`
  );
});

test("Amazon's order report with the buyer's e-mail and name: the buyer is the account", async () => {
  const { revenue, names } = await analyzeFile(join(EXPORTS, "amazon-flat-file-orders-buyer.txt"));
  // item-price is each line's whole value: Brightwell 425.00 + 90.00; Harbour 145.00 + 72.50
  // (was refused: "No column for account ID")
  expect(revenue).toEqual({
    "q7x1brt@marketplace.amazon.co.uk": 515,
    "h8k2hbr@marketplace.amazon.co.uk": 217.5,
  });
  expect(names["q7x1brt@marketplace.amazon.co.uk"]).toBe("Brightwell Electrical Ltd");
});

test("an invoice register with CGST, SGST and GSTIN columns is in rupees", async () => {
  const file = join(dir, "gst-register.csv");
  writeFileSync(
    file,
    [
      "Date,Invoice,Customer,GSTIN,Item,Taxable Value,CGST,SGST",
      "2026-10-02,101,Sharma Electricals,27AABCS1234F1Z5,Cable,42500.00,3825.00,3825.00",
      "2026-10-09,102,Sharma Electricals,27AABCS1234F1Z5,Switch,9000.00,810.00,810.00",
    ].join("\n")
  );
  const { report, revenue, currency } = await analyzeFile(file);
  // the taxable values, before the GST: 42,500 + 9,000 (was labelled £)
  expect(revenue).toEqual({ "Sharma Electricals": 51500 });
  expect(currency).toEqual({ "Sharma Electricals": "INR" });
  expect(report.warnings.join("\n")).toContain(
    `"GSTIN", "CGST", "SGST" are India's GST: the amounts are read in INR.`
  );
});

test("Dynamics 365 invoice lines: 'Name' after 'Invoice account' and 'Order account' names the customer", async () => {
  const { names, revenue } = await analyzeFile(join(EXPORTS, "d365-fo-customer-invoice-lines.csv"));
  expect(names).toEqual({
    "US-001": "Contoso Retail San Diego",
    "US-002": "Harbour Plumbing",
    "CA-001": "Northfield Builders",
  });
  // Net amount: Contoso 425.00 + 90.00; Harbour 145.00 − 29.00 + 72.50; Northfield CAD 2,500.00
  expect(revenue).toEqual({ "US-001": 515, "US-002": 188.5, "CA-001": 2500 });
});

test("SAP Business ByDesign's 'Result' and 'Overall Result' rows are totals, not lines with no date", async () => {
  const { report, revenue } = await analyzeFile(
    join(EXPORTS, "sap-bydesign-sales-volume-results.csv")
  );
  // Brightwell 425.00 + 90.00 − 36.00; Harbour 145.00 + 72.50; Northfield 2,500.00
  expect(revenue).toEqual({ CP100110: 479, CP100120: 217.5, CP100130: 2500 });
  // the 3 group results and the overall one: no "no date" rows "66.7% of revenue"
  expect(skippedRows(report.skipped)).toEqual({ "totals row": 4 });
});

test("WooCommerce's 'Quantity (- Refund)' × 'Item Cost': the refund is out already, no overstatement claimed", async () => {
  const { report, revenue } = await analyzeFile(
    join(EXPORTS, "woocommerce-quantity-less-refund.csv")
  );
  // Brightwell 1001: 10 × 42.50 + 5 × 18.00; 1005: 3 × 42.50 (4 ordered, 1 refunded: the 51.00
  // refund is 42.50 + 20% tax); Harbour 1003: 40 × 7.25 (1002 cancelled, 1004 refunded in full)
  expect(revenue).toEqual({ "ann@brightwell.co.uk": 642.5, "hal@harbourph.co.uk": 290 });
  expect(report.warnings.join("\n")).not.toContain("may be overstated");
});

test("Pipedrive's deals export: 'Deal - Status' (won, lost, open, deleted) says which deals are sales", async () => {
  const { report, revenue, days, currency } = await analyzeFile(
    join(EXPORTS, "pipedrive-deals.csv")
  );
  // won deals only, at their value, dated by "Deal - Won time": Brightwell 515 (2 Oct), Nordbau
  // 2,500 (14 Oct), Hafen 72.50 (22 Oct); Hafen's lost 145, its open 900 and Brightwell's deleted
  // 900 are no sales (was refused: every deal read as open from "Deal - Stage")
  expect(revenue).toEqual({
    "Brightwell Elektro GmbH": 515,
    "Hafen Sanitär GmbH": 72.5,
    "Nordbau GmbH": 2500,
  });
  // days to 31 Oct 2026
  expect(days).toEqual({
    "Brightwell Elektro GmbH": 29,
    "Hafen Sanitär GmbH": 9,
    "Nordbau GmbH": 17,
  });
  expect(Object.values(currency)).toEqual(["EUR", "EUR", "EUR"]);
  expect(skippedRows(report.skipped)).toEqual({
    "lost deal": 1,
    "open (not yet won) deal": 1,
    "cancelled, voided, refunded or draft order": 1,
  });
});

test("WooCommerce Analytics: the '(formatted)' twin of the revenue names its currency", async () => {
  const { report, currency } = await analyzeFile(
    join(EXPORTS, "woocommerce-analytics-orders-formatted.csv")
  );
  expect(Object.values(currency)).toEqual(["GBP", "GBP"]);
  expect(report.warnings.join("\n")).toContain(
    `"N. Revenue (formatted)" writes the amounts in GBP: every line is read in GBP.`
  );
});

test("a '(formatted)' column in bare dollars names no currency: the culture still decides", async () => {
  const file = join(dir, "formatted-dollars.csv");
  writeFileSync(
    file,
    [
      "Date,Order #,N. Revenue (formatted),Status,Customer,Net Sales",
      "2026-10-02,1001,$515.00,Completed,Ann,515",
      "2026-10-08,1003,$290.00,Completed,Hal,290",
    ].join("\n")
  );
  const { report } = await analyzeFile(file);
  expect(report.warnings.join("\n")).not.toContain("writes the amounts in");
});
