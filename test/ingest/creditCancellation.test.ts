/**
 * A cancellation of a credit memo (SAP's S2, its text "Storno Gutschrift" or "Cancel. Cred. Memo"
 * in a billing list) takes the credit back. Its "Storno", "Cancel" and "Cred." read it as a
 * second credit: the customer lost the credit twice.
 */
import { join } from "node:path";
import { billingCancellations } from "../../src/ingest/cancellations";
import { type Cell } from "../../src/ingest/grid";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

test('"Storno Gutschrift" gives the Gutschrift back: the invoice\'s value stands', async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-fakturen-storno-gutschrift.csv"));
  // Rechnung 400,00 − Gutschrift 40,00 + its Storno 40,00 = 400,00 (before: 400 − 40 − 40 = 320)
  expect(a.revenue).toEqual({ "100023": 400 });
  // the Gutschrift and its Storno are a pair, both left out: 1 order (the Rechnung), no return
  // (before: 2 orders, the Storno one, and 1 return)
  expect(a.orders).toEqual({ "100023": 1 });
  expect(a.report.returns).toBe(0);
  expect(a.report.warnings).toContain(
    '"Fakturaart" lists a cancellation ("Storno Gutschrift") of a credit note (90001006 cancels 90001004): the cancelled credit note and its cancellation are both left out, neither a return nor a sale.'
  );
});

test('"Cancel. Cred. Memo" (S2 in English) likewise', async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-billing-cancel-credit-memo.csv"));
  // Invoice 400.00 − Credit Memo 40.00 + Cancel. Cred. Memo 40.00 = 400.00 (before: 320.00)
  expect(a.revenue).toEqual({ "100023": 400 });
  expect(a.orders).toEqual({ "100023": 1 });
  expect(a.report.returns).toBe(0);
});

test("SAP's S2 cancels the G2 of its customer and value: both out; an S2 that cancels none is no sale, its value said", async () => {
  const a = await analyzeFile(join(EXPORTS, "sap-billing-s2-cancellations.csv"));
  // 100031: F2 400.00; G2 40.00 cancelled by S2 40.00, both out: 400.00 in 1 order (before: 2)
  // 100032: F2 100.00 − G2 20.00 = 80.00 in 1 order; its S2 10.00 cancels no credit of 10.00 in
  // the file (one issued before it starts): left out, its 10.00 said, 10 / (400 + 80 + 10) = 2.0%
  // of revenue. Before: read as a sale, 90.00 in 2 orders, the S2 an order of 08.10.2026.
  expect(a.revenue).toEqual({ "100031": 400, "100032": 80 });
  expect(a.orders).toEqual({ "100031": 1, "100032": 1 });
  expect(a.report.rejected).toEqual(
    expect.arrayContaining([
      { reason: "cancelled credit-note line", count: 1, rows: [3] },
      { reason: "credit-note cancellation line", count: 1, rows: [4] },
      { reason: "cancellation of a credit note not in the file", count: 1, rows: [7] },
    ])
  );
  const alone = a.report.skipped.find(
    (s) => s.rule === "cancellation of a credit note not in the file"
  );
  expect(alone?.revenue).toBe(10);
  expect(a.report.warnings).toContain(
    "The cancellation (S2) 90002006 cancels no credit note of the same customer and value in the file: left out, neither a sale nor a return: the credit note it cancels is not in the file (its value is said among the skipped rows)."
  );
});

test("pairs: an S1 takes only an invoice, an S2 only a credit note", () => {
  // id, type, account, value
  const rows: Cell[][] = [
    ["1", "F2", "A", 40],
    ["2", "G2", "A", -40],
    ["3", "S2", "A", 40],
    ["4", "S1", "A", -40],
    ["5", "S2", "A", 40],
  ];
  const found = billingCancellations(rows, {
    id: (r) => String(r[0]),
    type: (r) => String(r[1]),
    account: (r) => String(r[2]),
    value: (r) => r[3] as number,
    credit: (t) => t === "G2",
  });
  // by hand: 3 (S2) takes the credit note 2, not the invoice 1 before it; 4 (S1) the invoice 1;
  // 5 (S2) finds no credit note left
  expect([...found.pairs]).toEqual([
    ["3", "2"],
    ["4", "1"],
  ]);
  expect(found.unpaired).toEqual(["5"]);
  expect([...found.ofCredits!]).toEqual(["3", "5"]);
});
