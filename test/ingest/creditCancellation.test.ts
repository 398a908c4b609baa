/**
 * A cancellation of a credit memo (SAP's S2, its text "Storno Gutschrift" or "Cancel. Cred. Memo"
 * in a billing list) takes the credit back. Its "Storno", "Cancel" and "Cred." read it as a
 * second credit: the customer lost the credit twice.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

test('"Storno Gutschrift" gives the Gutschrift back: the invoice\'s value stands', async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-fakturen-storno-gutschrift.csv"));
  // Rechnung 400,00 − Gutschrift 40,00 + its Storno 40,00 = 400,00 (before: 400 − 40 − 40 = 320)
  expect(a.revenue).toEqual({ "100023": 400 });
  expect(a.report.returns).toBe(1);
});

test('"Cancel. Cred. Memo" (S2 in English) likewise', async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-billing-cancel-credit-memo.csv"));
  // Invoice 400.00 − Credit Memo 40.00 + Cancel. Cred. Memo 40.00 = 400.00 (before: 320.00)
  expect(a.revenue).toEqual({ "100023": 400 });
  expect(a.report.returns).toBe(1);
});
