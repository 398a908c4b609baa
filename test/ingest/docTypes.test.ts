/**
 * Document types that make a line a credit, as German ERPs, SAP and French/Spanish exports write
 * them (tester's silent misreads: RE read as a return, GU and Avoir as sales). Worked by hand, as
 * of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";

const dir = mkdtempSync(join(tmpdir(), "kap-doctypes-"));

async function accounts(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const { grids } = await readWorkbookFile(path);
  const engine = new KapEngine();
  await loadGrids(engine, grids, defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  return Object.fromEntries(
    p.accounts.map((a) => [a.accountId, [a.revenueLast12, a.health.inputs.daysSinceLastOrder]])
  );
}

test("a German ERP's RE is a Rechnung (invoice) and GU a Gutschrift (credit): 150 − 15 = 135, last order 13.10 (18 days)", async () => {
  expect(
    await accounts(
      "de.csv",
      "Belegdatum;Belegart;Belegnr.;Kundennr.;Kunde;Artikelnr.;Warengruppe;Menge;Betrag netto\n" +
        "13.10.2026;RE;26-0502;10045;Elektro Krause GmbH;KS-10;Schellen;1000;150,00\n" +
        "15.10.2026;GU;26-0033;10045;Elektro Krause GmbH;KS-10;Schellen;100;15,00\n"
    )
  ).toEqual({ "10045": [135, 18] });
});

test("beside SAP's billing types (F2), RE is SAP's returns, a credit: 100 − 10 = 90, last order 01.10 (30 days)", async () => {
  expect(
    await accounts(
      "sap.csv",
      "Billing Document;Billing Type;Billing Date;Sold-To Party;Material;Material Group;Billed Quantity;Net Value\n" +
        "90000101;F2;01.10.2026;100017;CT-100;CABLEMGMT;10;100,00\n" +
        "90000190;RE;20.10.2026;100017;CT-100;CABLEMGMT;1;10,00\n"
    )
  ).toEqual({ "100017": [90, 30] });
});

test("Avoir, Nota de crédito and Rechnungskorrektur are credits: 50 − 9 − 9 − 9 = 23, last order 01.10 (30 days)", async () => {
  expect(
    await accounts(
      "fr.csv",
      "Invoice No,Document Type,Date,Customer,SKU,Category,Qty,Amount\n" +
        "F1,Invoice,2026-10-01,Acme,P1,Tools,1,50.00\n" +
        "A1,Avoir,2026-10-10,Acme,P1,Tools,1,9.00\n" +
        "A2,Nota de crédito,2026-10-11,Acme,P1,Tools,1,9.00\n" +
        "A3,Rechnungskorrektur,2026-10-12,Acme,P1,Tools,1,9.00\n"
    )
  ).toEqual({ Acme: [23, 30] });
});

test("Shopify: refunded and voided orders (Financial Status on the first line only, Cancelled at) are skipped — 28, 59 days, not 241 and 6", async () => {
  expect(
    await accounts(
      "shopify.csv",
      "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Company,Cancelled at\n" +
        "#1041,buyer@northfield.example,paid,2026-09-02 09:50:26 +0100,2,Cable ties,14.00,CT-300,Northfield Builders,\n" +
        "#1090,buyer@northfield.example,refunded,2026-10-20 11:00:00 +0100,10,Cable ties,14.00,CT-300,Northfield Builders,\n" +
        "#1090,buyer@northfield.example,,2026-10-20 11:00:00 +0100,1,Tape,3.00,IT-10,,\n" +
        "#1095,buyer@northfield.example,voided,2026-10-25 11:00:00 +0100,5,Insulation tape,14.00,IT-10,Northfield Builders,2026-10-25 12:00:00 +0100\n"
    )
  ).toEqual({ "buyer@northfield.example": [28, 59] });
});

test("WooCommerce: refunded, cancelled and failed orders are skipped — 45, 47 days", async () => {
  expect(
    await accounts(
      "woo.csv",
      "Order Number,Order Status,Order Date,Billing Company,SKU,Item Name,Quantity,Item Cost,Line Total\n" +
        "4101,Completed,2026-09-14,Brightwell Electrical,CT-300,Cable ties,3,15.00,45.00\n" +
        "4188,Refunded,2026-10-12,Brightwell Electrical,CT-300,Cable ties,1,12.00,12.00\n" +
        "4190,Cancelled,2026-10-20,Brightwell Electrical,DR-1,Drill,1,150.00,150.00\n" +
        "4191,wc-failed,2026-10-21,Brightwell Electrical,DR-1,Drill,1,150.00,150.00\n"
    )
  ).toEqual({ "Brightwell Electrical": [45, 47] });
});

test("US dates: the order dates read both ways, the due dates (11/21/2026) settle month-first — 24 days, 2 orders last quarter, none before", async () => {
  const path = join(dir, "us.csv");
  writeFileSync(
    path,
    "Customer,Invoice Date,Due Date,Invoice No,SKU,Category,Qty,Amount,Currency\n" +
      "Harbour Plumbing LLC,08/03/2026,09/02/2026,1001,PF-15,Fittings,50,40.00,USD\n" +
      "Harbour Plumbing LLC,10/07/2026,11/21/2026,1002,PF-15,Fittings,5,4.00,USD\n"
  );
  const { grids } = await readWorkbookFile(path);
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  expect([report.read?.dateOrder, report.read?.dateOrderSource]).toEqual(["mdy", "data"]);
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const i = p.accounts[0].health.inputs;
  // 7 Oct → 31 Oct: 24 days; 3 Aug and 7 Oct in (31 Jul, 31 Oct]
  expect([i.daysSinceLastOrder, i.ordersLastQuarter, i.ordersPreviousQuarter]).toEqual([24, 2, 0]);
});

test("order ids that all start with C are the numbering, not credit notes — 132, last order 06.10 (25 days); a lone C-id among invoices stays a credit note", async () => {
  expect(
    await accounts(
      "c-ids.csv",
      "Invoice No,Invoice Date,Customer ID,SKU,Category,Qty,Line Total\n" +
        "C26101,2026-09-03,C045,CT300,Fixings,10,45.00\n" +
        "C26188,2026-10-06,C045,WP10,Fixings,100,87.00\n"
    )
  ).toEqual({ C045: [132, 25] });
  expect(
    await accounts(
      "mixed-ids.csv",
      "Invoice No,Invoice Date,Customer ID,SKU,Category,Qty,Line Total\n" +
        "INV101,2026-09-03,C045,CT300,Fixings,10,45.00\n" +
        "INV188,2026-10-06,C045,WP10,Fixings,100,87.00\n" +
        "C-77,2026-10-08,C045,WP10,Fixings,10,8.70\n"
    )
  ).toEqual({ C045: [123.3, 25] });
});

test("a German totals row (Summe) is a totals row, not a line with no account: 150 and 75, nothing skipped as 'no account'", async () => {
  const path = join(dir, "summe.csv");
  writeFileSync(
    path,
    "Belegdatum;Belegnr.;Kundennr.;Kunde;Artikelnr.;Warengruppe;Menge;Betrag netto\n" +
      "13.10.2026;R1;10045;Elektro Krause GmbH;KS-10;Schellen;10;150,00\n" +
      "14.10.2026;R2;10046;Bau Meier;KS-10;Schellen;5;75,00\n" +
      ";;;Summe;;;;225,00\n"
  );
  const { grids } = await readWorkbookFile(path);
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  expect([report.accepted, report.skippedTotals, report.rejected]).toEqual([2, 1, []]);
});
