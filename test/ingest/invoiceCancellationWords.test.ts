/**
 * An invoice's cancellation written in words ("Storno Rechnung (S1)", Lexware's Belegart
 * "Storno", "Invoice Cancellation", "Annulation facture") is paired with the invoice it cancels
 * as SAP's S1 code is (ingest/cancellations): both left out, neither a sale nor a return. Before,
 * it was read as a return: the revenue came right, but the cancelled invoice counted as an order
 * and the customer showed "1 return in the last 30 days".
 */
import { join } from "node:path";
import { INVOICE_CANCELLATION_WORDS } from "../../src/ingest/cancellations";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

test('SAP "Storno Rechnung (S1)": the invoice it cancels and it are both left out, 1 order remains', async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-fakturen-storno-rechnung.csv"));
  // 100021: Rechnung 90001001 100,00 cancelled by 90001003 −100,00 (both out); 90001002 250,00
  // is the one order. 100022: 30,00, 1 order. Before: 100021 in 2 orders and 1 return.
  expect(a.revenue).toEqual({ "100021": 250, "100022": 30 });
  expect(a.orders).toEqual({ "100021": 1, "100022": 1 });
  expect(a.report.returns).toBe(0);
  expect(a.report.warnings).toContain(
    '"Fakturaart" lists a cancellation ("Storno Rechnung (S1)") of an invoice (90001003 cancels 90001001): the cancelled invoice and its cancellation are both left out, neither a sale nor a return.'
  );
});

test('Lexware\'s Belegart "Storno": paired with the Rechnung of its customer and value', async () => {
  const a = await analyzeFile(join(EXPORTS, "lexware-belege-storno.csv"));
  // 10001: RE-1001 100,00 and ST-1001 −100,00 out; RE-1002 60,00 in 1 order (before: 2 orders,
  // 1 return). 10002: RE-1003 50,00.
  expect(a.revenue).toEqual({ "10001": 60, "10002": 50 });
  expect(a.orders).toEqual({ "10001": 1, "10002": 1 });
  const alerts = a.p.accounts.find((x) => x.accountId === "10001")!.alerts.map((x) => x.message);
  expect(alerts.join(" ")).not.toMatch(/return/);
});

test('"Invoice Cancellation" written positive: paired all the same', async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-billing-invoice-cancellation.csv"));
  // 90001001 100.00 cancelled by 90001003 100.00 (its value as written, unsigned): 250.00 in 1 order
  expect(a.revenue).toEqual({ "100021": 250 });
  expect(a.orders).toEqual({ "100021": 1 });
  expect(a.report.returns).toBe(0);
});

test('"Annulation facture": paired with its facture; one that cancels none is a return, whatever its sign', async () => {
  const paired = await analyzeFile(join(EXPORTS, "annulation-facture.csv"));
  // FA-1001 100,00 and AN-1001 −100,00 out: FA-1002 60,00 in 1 order
  expect(paired.revenue).toEqual({ C001: 60 });
  expect(paired.orders).toEqual({ C001: 1 });
  const alone = await analyzeFile(join(EXPORTS, "annulation-facture-sans-facture.csv"));
  // AN-1001 80,00 matches neither FA-1001 (90,00) nor FA-1002 (60,00): a return,
  // 90 + 60 − 80 = 70 in 2 orders (before: 90 + 60 + 80 = 230 in 3 orders)
  expect(alone.revenue).toEqual({ C001: 70 });
  expect(alone.orders).toEqual({ C001: 2 });
  expect(alone.report.warnings).toContain(
    'The cancellation ("Annulation facture") AN-1001 cancels no invoice of the same customer and value in the file: read as a return.'
  );
});

test("the words of an invoice's cancellation, and what is none", () => {
  const cancels = [
    "Storno Rechnung (S1)",
    "Stornorechnung",
    "Storno-Rechnung",
    "Rechnungsstorno",
    "Storno",
    "Invoice Cancellation",
    "Cancellation Invoice",
    "Cancel. Invoice",
    "Annulation facture",
    "Facture d'annulation",
  ];
  // a credit note's cancellation takes the credit back (ingest/orders CREDIT_CANCELLATION);
  // a cancelled invoice is the invoice itself, voided
  const not = [
    "Storno Gutschrift",
    "Gutschriftsstorno",
    "Cancel. Cred. Memo",
    "Cancelled Invoice",
    "Rechnung (storniert)",
    "Annulation avoir",
    "Rechnung",
  ];
  expect(cancels.filter((t) => !INVOICE_CANCELLATION_WORDS.test(t))).toEqual([]);
  expect(not.filter((t) => INVOICE_CANCELLATION_WORDS.test(t))).toEqual([]);
});
