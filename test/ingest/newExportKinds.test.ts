/**
 * Exports of systems not read before (tester, 5 December): each account's figures worked out by
 * hand from PRODUCT.md (revenue net of credits, quotes, delivery notes, voided and draft
 * documents; orders = sales documents; last order = the last sale's date), as of 2026-11-30.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { cancellationMarked } from "../../src/ingest/voidFlag";

const EXPORTS = join(__dirname, "../fixtures/exports");
const AS_OF = "2026-11-30";
const analyze = (file: string) => analyzeFile(join(EXPORTS, file), AS_OF);
const skipped = (r: {
  skipped: readonly { rule: string; rows: number; revenue: number | null }[];
}) => r.skipped.map((s) => [s.rule, s.rows, s.revenue]);

test("Danea Easyfatt (Italian): a DDT (delivery note) beside the invoices is no sale — C001 385.50 in 3 orders → 300.50 in 2", async () => {
  const { revenue, orders, days, report } = await analyze("danea-easyfatt-righe-ddt.csv");
  // C001: Fattura 101 85,00 + 91,00, Fattura 103 170,00, Nota di credito 7 (positive) − 45,50
  // = 300,50 in 2 orders (DDT 55's 85,00 bills nothing: Fattura 101 bills its goods);
  // C002: Fattura 102 128,00 + 10,00 (Spese di trasporto) = 138,00 (Preventivo 5.000,00 out)
  expect(revenue).toEqual({ C001: 300.5, C002: 138 });
  expect(orders).toEqual({ C001: 2, C002: 1 });
  expect(days).toEqual({ C001: 4, C002: 18 });
  expect(skipped(report)).toEqual([
    ["not a sale (a quote, sales order or delivery note)", 2, 5085],
  ]);
});

test("Lightspeed Retail's 'Voided' Yes/No: a voided sale is no sale — Mesa Builders 142.50 in 2 → 42.50 in 1", async () => {
  const { revenue, orders, days, report } = await analyze(
    "lightspeed-retail-sales-lines-voided.csv"
  );
  // Harbor Electric: 21.60 (24.00 less its 2.40 discount) + 8.50 − 12.00 (sale 1005, a return)
  // = 18.10 in 1 order, last 02/11; Mesa Builders: 42.50 (sale 1004, voided, 100.00 out)
  expect(revenue).toEqual({ "Harbor Electric": 18.1, "Mesa Builders": 42.5 });
  expect(orders).toEqual({ "Harbor Electric": 1, "Mesa Builders": 1 });
  expect(days).toEqual({ "Harbor Electric": 28, "Mesa Builders": 21 });
  expect(skipped(report)).toContainEqual(["cancelled, voided, refunded or draft order", 1, 100]);
});

test.each([
  ["Yes", true],
  ["No", false],
  ["FALSE", false],
  ["0", false],
  [0, false],
  [false, false],
  [true, true],
  ["", false],
  [null, false],
  ["2026-11-12", true],
])("a cancellation mark %p says cancelled: %p", (value, set) => {
  expect(cancellationMarked(value)).toBe(set);
});

test("Cin7 Omni's 'Freight Total' on each line is the order's shipping, once — Kiwi 127.50 → 139.50", async () => {
  const { revenue, orders, report } = await analyze("cin7-omni-sales-orders-freight.csv");
  // Kiwi Electrical: SO-10021 45.00 + 60.00 + freight 12.00 (written on both lines, once) +
  // SO-10024 22.50 = 139.50; Tasman Builders: SO-10025 120.00 + 8.00 = 128.00 (VOID 100.00 and
  // DRAFT 50.00 out)
  expect(revenue).toEqual({ "Kiwi Electrical Ltd": 139.5, "Tasman Builders": 128 });
  expect(orders).toEqual({ "Kiwi Electrical Ltd": 2, "Tasman Builders": 1 });
  expect(report.warnings.join("\n")).toContain('"Freight Total" is each order\'s shipping');
});

test("Katana: the order's 'Created date', not its promised 'Delivery date' — Baltic 340.00 in 1 → 510.00 in 2", async () => {
  const { revenue, orders, days } = await analyze("katana-sales-orders.csv");
  // Baltic Furniture: SO-31 (04/11) 340.00 + SO-35 (22/11, delivery promised 02/12, after the
  // as-of date) 170.00 = 510.00 in 2, last 22/11; Nordic Interiors: SO-33 (12/11) 225.00 (the
  // QUOTE 1,000.00 out)
  expect(revenue).toEqual({ "Baltic Furniture OÜ": 510, "Nordic Interiors AB": 225 });
  expect(orders).toEqual({ "Baltic Furniture OÜ": 2, "Nordic Interiors AB": 1 });
  expect(days).toEqual({ "Baltic Furniture OÜ": 8, "Nordic Interiors AB": 18 });
});

test("Faire: the account is the 'Retailer Name', not the 'Ship To Name' person", async () => {
  const { revenue, orders } = await analyze("faire-orders.csv");
  // Willow & Pine: 6 × 8.00 + 4 × 12.50 + 12 × 8.00 = 194.00 in 2; Harbor Gift Co: 24 × 5.50 =
  // 132.00 (the Canceled 48.00 out). Were keyed Anna Reyes and Tom Bell.
  expect(revenue).toEqual({ "Willow & Pine Boutique": 194, "Harbor Gift Co": 132 });
  expect(orders).toEqual({ "Willow & Pine Boutique": 2, "Harbor Gift Co": 1 });
});

test("Sage X3 (French, Windows-1252): the account is the 'Client facturé' code, not the name", async () => {
  const { revenue, orders, days, currency } = await analyze("sage-x3-lignes-factures-1252.csv");
  // CLI001: 45,00 + 125,00 + 90,00 − AV2611-0001 9,00 (an avoir written positive) = 251,00 in 2,
  // last 16/11; CLI002: 3 750,00 + 15,00 (port) = 3 765,00
  expect(revenue).toEqual({ CLI001: 251, CLI002: 3765 });
  expect(orders).toEqual({ CLI001: 2, CLI002: 1 });
  expect(days).toEqual({ CLI001: 14, CLI002: 25 });
  expect(currency).toEqual({ CLI001: "EUR", CLI002: "EUR" });
});

test("Stripe's invoice line items: 'Invoice Created (UTC)' is the date (the file was refused); void and draft out", async () => {
  const { revenue, orders, days, currency } = await analyze("stripe-invoice-line-items.csv");
  // Apex: in_1RaA01 98.00 + 150.00, in_1RaD04 (open: issued) 98.00 = 346.00 in 2, last 20/11;
  // Borough: 245.00 − 24.50 (proration credit) = 220.50 (void 99.00 and draft 300.00 out)
  expect(revenue).toEqual({ cus_QApex01: 346, cus_QBoro02: 220.5 });
  expect(orders).toEqual({ cus_QApex01: 2, cus_QBoro02: 1 });
  expect(days).toEqual({ cus_QApex01: 10, cus_QBoro02: 20 });
  expect(currency).toEqual({ cus_QApex01: "USD", cus_QBoro02: "USD" });
});

test("Pennylane's invoices: the account is the 'Identifiant client', not the name; Annulée and Brouillon out", async () => {
  const { revenue, orders, days, report } = await analyze("pennylane-factures.csv");
  // CL-0042: F-2026-11-001 1 800,00 − avoir A-2026-11-001 180,00 = 1 620,00 in 1 (the Brouillon
  // 600,00 out), last 02/11; CL-0057: 950,00 (À venir) + 300,00 (En retard: issued, unpaid) =
  // 1 250,00 in 2, last 27/11 (the Annulée 400,00 out)
  expect(revenue).toEqual({ "CL-0042": 1620, "CL-0057": 1250 });
  expect(orders).toEqual({ "CL-0042": 1, "CL-0057": 2 });
  expect(days).toEqual({ "CL-0042": 28, "CL-0057": 3 });
  expect(skipped(report)).toEqual([["cancelled, voided, refunded or draft order", 2, 1000]]);
});

test("Dynamics GP's SOP lines as SQL columns (SOPTYPE 1–6, XTNDPRCE, VOIDSTTS): read, where the file was refused", async () => {
  const { revenue, orders, days, report } = await analyze("dynamics-gp-sop-sql-columns.csv");
  // AARONFIT0001: STDINV2201 425.00 + 90.00 − RTN1005 (SOPTYPE 4, a return) 36.00 + STDINV2207
  // 85.00 = 564.00 in 2, last 23/11 (the quote STDQTE1044, SOPTYPE 1, 4,250.00 out);
  // BLUEYOND0001: STDINV2202 145.00 in 1 (the order STDORD3310, SOPTYPE 2, 145.00 out, and
  // STDINV2205 voided, VOIDSTTS 1, 72.50 out)
  expect(revenue).toEqual({ AARONFIT0001: 564, BLUEYOND0001: 145 });
  expect(orders).toEqual({ AARONFIT0001: 2, BLUEYOND0001: 1 });
  expect(days).toEqual({ AARONFIT0001: 7, BLUEYOND0001: 21 });
  expect(skipped(report)).toEqual([
    ["not a sale (a quote, sales order or delivery note)", 2, 4395],
    ["cancelled, voided, refunded or draft order", 1, 72.5],
  ]);
});
