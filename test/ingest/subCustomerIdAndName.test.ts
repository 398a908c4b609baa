/**
 * NetSuite writes a sub-customer's id and its name both "Parent : Sub" ("BG : LEEDS" and
 * "Brightwell Group : Leeds"). Both are split, and the sub-customer is counted once, as the
 * account is keyed (by its id). Before, each cell counted it: two sub-customers of one parent
 * were said as "4 sub-customers … (2 parents)". Every figure is worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

function fileOf(rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-subidname-")), "sales.csv");
  writeFileSync(file, rows.join("\n"));
  return file;
}

const HEADER = "Date,Invoice No,Customer ID,Customer Name,SKU,Qty,Amount";
const BRIGHTWELL = [
  "2026-10-02,INV1,BG : LEEDS,Brightwell Group : Leeds,A1,1,10.00",
  "2026-10-02,INV1,BG : LEEDS,Brightwell Group : Leeds,A2,2,20.00",
  "2026-10-03,INV2,BG : YORK,Brightwell Group : York,A1,1,5.00",
  "2026-10-04,INV3,HP,Harbour Plumbing,A1,3,30.00",
];

test("two sub-customers of one parent, id and name both 'Parent : Sub': 2 sub-customers of 1 parent", async () => {
  const { revenue, names, report } = await analyzeFile(fileOf([HEADER, ...BRIGHTWELL]));
  // BG (Brightwell Group): Leeds 10 + 20, York 5 = 35; HP 30
  expect(revenue).toEqual({ BG: 35, HP: 30 });
  expect(names.BG).toBe("Brightwell Group");
  // Leeds and York: 2 sub-customers, both of BG
  expect(report.warnings).toContain(
    '2 sub-customers written "Parent : Sub" (such as "Brightwell Group : Leeds") are rolled up into their parent customer (1 parent), each read as one of its sites.'
  );
  expect(report.warnings.join(" ")).not.toMatch(/4 sub-customers|2 parents/);
});

test("a second parent's sub-customer: 3 sub-customers of 2 parents", async () => {
  const rows = [HEADER, ...BRIGHTWELL, "2026-10-05,INV4,AC : HULL,Acme Ltd : Hull,A1,1,7.00"];
  const { revenue, report } = await analyzeFile(fileOf(rows));
  // BG 35 as above; AC (Acme Ltd): Hull 7; HP 30
  expect(revenue).toEqual({ BG: 35, AC: 7, HP: 30 });
  // Leeds, York (BG) and Hull (AC): 3 sub-customers of 2 parents
  expect(report.warnings).toContain(
    '3 sub-customers written "Parent : Sub" (such as "Brightwell Group : Leeds") are rolled up into their parent customer (2 parents), each read as one of its sites.'
  );
});
