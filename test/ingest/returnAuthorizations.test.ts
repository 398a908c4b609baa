/**
 * NetSuite lists a return twice: the Return Authorization (the customer's request, which posts
 * nothing) and the Credit Memo issued against it (the document that credits the return). A tester
 * found both taken off revenue. Only the credit memo is a return; the authorization is skipped
 * and counted. Every expected figure is worked out by hand from the rows written here.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const RULE = "not a return (a return authorization: its credit memo is the return)";
const dir = mkdtempSync(join(tmpdir(), "kap-ra-"));
const csv = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const skippedWarning = (warnings: readonly string[]) =>
  warnings.find((w) => w.includes("skipped:"));

test("a saved search with a Type column: the Return Authorization beside its Credit Memo is skipped — Pioneer $792, not $720", async () => {
  const path = csv(
    "type.csv",
    `Internal ID,Date,Type,Document Number,Name,Item,Memo,Quantity,Amount,Status
5012,10/1/2026,Invoice,INV10481,Pioneer Packaging,Stretch Film 18in,,24,$864.00,Paid In Full
5030,10/7/2026,Return Authorization,RMA204,Pioneer Packaging,Stretch Film 18in,damaged,-2,($72.00),Pending Refund
5031,10/8/2026,Credit Memo,CM1107,Pioneer Packaging,Stretch Film 18in,damaged,-2,($72.00),Fully Applied
5040,10/12/2026,Cash Sale,CS2201,Summit Cold Storage,Insulated Box Liner,,100,"$2,350.00",Deposited
5051,10/20/2026,Invoice,INV10512,Summit Cold Storage,Gel Ice Pack,,500,$625.00,Open
`
  );
  const { report, revenue } = await analyzeFile(path);
  // worked by hand: Pioneer INV10481 864 − CM1107 72 = 792 (before: 864 − 72 − 72 = 720, the
  // return taken off twice); Summit CS2201 2,350 + INV10512 625 = 2,975
  expect(revenue).toEqual({ "Pioneer Packaging": 792, "Summit Cold Storage": 2975 });
  // one return: the credit memo
  expect(report.returns).toBe(1);
  expect(report.rejected).toEqual([{ reason: RULE, count: 1, rows: [3] }]);
  // RMA204's 72.00 is said, as returns not taken off (never "−72.00 not counted as sales")
  expect(skippedWarning(report.warnings)).toContain(
    `1 ${RULE} (row 3; 72.00 of returns not taken off)`
  );
  const said = report.warnings.join("\n");
  expect(said).toContain('"Type" lists "Return Authorization" beside the invoices');
  expect(said).toContain("its Credit Memo lines are credit notes, read as returns");
  expect(said).not.toContain("its Return Authorization lines are credit notes");
});

test("NetSuite's transaction search layout: the Return Authorization's item line is skipped as a return authorization, its value said — Harbour $32", async () => {
  const path = csv(
    "layout.csv",
    `Type,Date,Document Number,Name,Item,Account,Memo,Quantity,Amount
Invoice,10/20/2026,INV1043,Harbour Plumbing,,Accounts Receivable,,,48.00
Invoice,10/20/2026,INV1043,Harbour Plumbing,PF-15,4000 Sales,Copper fitting,50,40.00
Invoice,10/20/2026,INV1043,Harbour Plumbing,,Sales Tax Payable,,,8.00
Return Authorization,10/23/2026,RMA9,Harbour Plumbing,PF-15,4000 Sales,Copper fitting,10,-8.00
Credit Memo,10/25/2026,CM55,Harbour Plumbing,,Accounts Receivable,,,-9.60
Credit Memo,10/25/2026,CM55,Harbour Plumbing,PF-15,4000 Sales,Copper fitting,10,-8.00
Credit Memo,10/25/2026,CM55,Harbour Plumbing,,Sales Tax Payable,,,-1.60
`
  );
  const { report, revenue } = await analyzeFile(path);
  // worked by hand: INV1043 40.00 − CM55 8.00 = 32.00; RMA9's −8.00 (row 5) is no return
  expect(report.read!.layout).toBe("NetSuite transaction search");
  expect(revenue).toEqual({ "Harbour Plumbing": 32 });
  expect(report.returns).toBe(1);
  expect(report.rejected).toEqual(expect.arrayContaining([{ reason: RULE, count: 1, rows: [5] }]));
  expect(skippedWarning(report.warnings)).toContain(
    `1 ${RULE} (row 5; 8.00 of returns not taken off)`
  );
});

test("return authorizations with no invoices (an order history of sales orders) stay its returns", async () => {
  const path = csv(
    "orders.csv",
    `Date,Type,Document Number,Name,Item,Quantity,Amount
10/1/2026,Sales Order,SO1,Pioneer Packaging,Film,10,100.00
10/9/2026,Sales Order,SO2,Pioneer Packaging,Film,5,50.00
10/20/2026,Return Authorization,RMA1,Pioneer Packaging,Film,-1,-10.00
`
  );
  const { report, revenue } = await analyzeFile(path);
  // worked by hand: no invoice credits anything here, the orders are the sales and the
  // authorization the return: 100 + 50 − 10 = 140
  expect(revenue).toEqual({ "Pioneer Packaging": 140 });
  expect(report.returns).toBe(1);
  expect(report.rejected).toEqual([]);
});
