/**
 * Sage 50's audit trail (and invoice items) exported with its headers spelt out, a plain "Account"
 * and "Nominal" for its A/C and N/C: a tester found it refused (no customer column) or, with a Name
 * column, read by the names. "Account" beside "Nominal" is the customer's account reference, the
 * nominal code the ledger. Every figure is worked out by hand from the rows written here.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-sage-plain-"));
const csv = (name: string, lines: readonly string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
};

// the audit trail's transactions: sales (SI), a credit (SC), receipts (SR, SA), a purchase (PI)
const AUDIT = [
  "SI,BRI001,Brightwell Electrical Ltd,14/09/2026,1001,4000,Cable ties 200mm,450.00,90.00",
  "SR,BRI001,Brightwell Electrical Ltd,30/09/2026,BACS,1200,Receipt,540.00,0.00",
  "SC,BRI001,Brightwell Electrical Ltd,22/10/2026,1003,4000,Returned cable ties,100.00,20.00",
  "PI,SUP001,Cable Supplies Ltd,03/10/2026,P77,5000,Stock purchase,800.00,160.00",
  "SI,HAR002,Harbour Plumbing,02/10/2026,1004,4000,Copper fittings,300.00,60.00",
  "SA,HAR002,Harbour Plumbing,10/10/2026,CHQ,1200,Payment on account,100.00,0.00",
];
// by hand: BRI001 SI 450.00 − SC 100.00 = 350.00 (SR 540.00 a receipt); HAR002 SI 300.00
// (SA 100.00 a payment on account); SUP001's PI 800.00 a purchase: rows 3, 5, 7 skipped
const READ = { BRI001: 350, HAR002: 300 };
const SKIPPED = [
  {
    reason: "not a sale (a receipt, payment, purchase or journal line)",
    count: 3,
    rows: [3, 5, 7],
  },
];

test("the audit trail headed 'Account' and 'Nominal', with its Name: read by account reference", async () => {
  const { report, revenue, names } = await analyzeFile(
    csv("audit-named.csv", ["Type,Account,Name,Date,Reference,Nominal,Details,Net,Tax", ...AUDIT])
  );
  // before: read by "Name" (Brightwell Electrical Ltd 350, Harbour Plumbing 300)
  expect(report.read!.layout).toBe("Sage 50 audit trail");
  expect(revenue).toEqual(READ);
  expect(names).toEqual({ BRI001: "Brightwell Electrical Ltd", HAR002: "Harbour Plumbing" });
  expect(report.returns).toBe(1);
  expect(report.rejected).toEqual(SKIPPED);
});

test("the audit trail headed 'Account' and 'Nominal', no Name: no longer refused", async () => {
  const { report, revenue } = await analyzeFile(
    csv("audit-bare.csv", [
      "Type,Account,Date,Reference,Nominal,Details,Net,Tax",
      // the same rows without the Name
      ...AUDIT.map((l) =>
        l
          .split(",")
          .filter((_, i) => i !== 2)
          .join(",")
      ),
    ])
  );
  expect(report.read!.layout).toBe("Sage 50 audit trail");
  expect(revenue).toEqual(READ);
  expect(report.rejected).toEqual(SKIPPED);
});

test("Sage 50 invoice items headed 'Account' and 'Nominal': the account, never the nominal code", async () => {
  const { report, revenue } = await analyzeFile(
    csv("items.csv", [
      "Invoice Number,Date,Account,Stock Code,Description,Quantity,Unit Price,Net Amount,Nominal",
      "1001,14/09/2026,BRI001,CT-200,Cable ties 200mm,10,45.00,450.00,4000",
      "1002,02/10/2026,HAR002,PF-15,Copper fittings,20,15.00,300.00,4000",
      "1003,05/10/2026,BRI001,PF-15,Copper fittings,2,15.00,30.00,4010",
    ])
  );
  // by hand: BRI001 450.00 + 30.00 = 480.00; HAR002 300.00; 4000 and 4010 are ledgers
  expect(report.read!.layout).toBe("Sage 50 invoice items");
  expect(revenue).toEqual({ BRI001: 480, HAR002: 300 });
});
