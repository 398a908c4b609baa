/**
 * SAP's S1 billing type cancels an invoice: the cancelled invoice and its cancellation are both
 * left out, neither a sale nor a return, as a voided invoice and its credit note are. A tester's
 * ALV list (sap-alv-s1-cancellation.txt, a copy of the tester's file) read the S1 as a return
 * ("1 return in the last 30 days, worth $90.00") and counted the cancelled invoice as an order.
 * Every figure is worked out by hand from the fixtures.
 */
import { join } from "node:path";
import { billingCancellations } from "../../src/ingest/cancellations";
import { type Cell } from "../../src/ingest/grid";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

test("an S1 and the invoice it cancels are both left out: 100305 has 1 order of $81 and no return alert", async () => {
  const { report, p, revenue, orders } = await analyzeFile(
    join(DIR, "sap-alv-s1-cancellation.txt"),
    "2026-10-30"
  );
  // worked by hand: 100305 — 90037300 F2 90.00 (10/13) cancelled by 90037390 S1 90.00- (10/30):
  // both out; 90037391 F2 81.00 is the one order. 100211 — 1,056 + 216 + 1,335 − 89 (G2, a
  // real return) + 1,720 = 4,238.
  expect(revenue).toEqual({ "100211": 4238, "100305": 81 });
  expect(orders["100305"]).toBe(1);
  const alerts = p.accounts.find((a) => a.accountId === "100305")!.alerts.map((a) => a.message);
  expect(alerts.join(" ")).not.toMatch(/return/);
  expect(report.rejected).toEqual(
    expect.arrayContaining([
      { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [11] },
      { reason: "voided or cancelled invoice's credit-note line", count: 1, rows: [12] },
    ])
  );
  expect(report.warnings.join("\n")).toContain(
    '"BillT" lists a cancellation (S1) of an invoice (90037390 cancels 90037300)'
  );
});

test("an S1 of a value no invoice of its customer has stays a return, and the notes say so", async () => {
  const { report, revenue } = await analyzeFile(join(DIR, "sap-alv-s1-unpaired.txt"), "2026-10-30");
  // worked by hand: 90.00 + 81.00 − 75.00 (the S1, matching no invoice's 90.00 or 81.00) = 96.00
  expect(revenue).toEqual({ "100305": 96 });
  expect(report.warnings.join("\n")).toContain(
    "The cancellation (S1) 90037390 cancels no invoice of the same customer and value in the file: read as a return."
  );
});

test("pairs: the nearest invoice before of the same customer and value, each invoice once", () => {
  // id, type, account, value
  const rows: Cell[][] = [
    ["1", "F2", "A", 50],
    ["2", "F2", "B", 50],
    ["3", "F2", "A", 50],
    ["4", "S1", "A", -50],
    ["5", "S1", "A", -50],
    ["6", "S1", "A", -50],
    ["7", "G2", "A", -50],
  ];
  const found = billingCancellations(rows, {
    id: (r) => String(r[0]),
    type: (r) => String(r[1]),
    account: (r) => String(r[2]),
    value: (r) => r[3] as number,
    credit: (t) => t === "G2",
  });
  // by hand: 4 takes the nearest A invoice before it (3), 5 the next (1); 6 finds none (2 is B's)
  expect([...found.pairs]).toEqual([
    ["4", "3"],
    ["5", "1"],
  ]);
  expect(found.unpaired).toEqual(["6"]);
});
