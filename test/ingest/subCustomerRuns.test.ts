/**
 * NetSuite's "Parent : Sub" customers down an order's lines: the parser splits a name once per
 * run of it (an order's lines repeat their customer), so a line must still take its own
 * customer's parts after a run of another's, the site column must still win over the name's
 * site, and a plain name between two runs must stay plain. Every figure is worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile, linesOf } from "./fileAnalysis";

function fileOf(rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-subruns-")), "sales.csv");
  writeFileSync(file, rows.join("\n"));
  return file;
}

describe("sub-customers read line by line through runs of one name", () => {
  const rows = [
    "Date,Invoice No,Customer,Site,SKU,Qty,Amount",
    // an order of two lines for Leeds, then one for York
    "2026-10-02,INV1,Brightwell Group : Leeds,,A1,1,10.00",
    "2026-10-02,INV1,Brightwell Group : Leeds,,A2,2,20.00",
    "2026-10-03,INV2,Brightwell Group : York,,A1,1,5.00",
    // Leeds again, its site column naming the dock: the column wins
    "2026-10-03,INV3,Brightwell Group : Leeds,Dock 4,A1,1,7.00",
    // a plain customer's order of two lines
    "2026-10-04,INV4,Harbour Plumbing,,A1,3,30.00",
    "2026-10-04,INV4,Harbour Plumbing,,A2,1,15.00",
    // Leeds after the plain name
    "2026-10-05,INV5,Brightwell Group : Leeds,,A1,1,1.00",
  ];

  it("each line has its own customer's parent and site", async () => {
    const lines = (await linesOf(fileOf(rows))).map((l) => [l.accountId, l.site ?? "", l.revenue]);
    expect(lines).toEqual([
      ["Brightwell Group", "Leeds", 10],
      ["Brightwell Group", "Leeds", 20],
      ["Brightwell Group", "York", 5],
      ["Brightwell Group", "Dock 4", 7],
      ["Harbour Plumbing", "", 30],
      ["Harbour Plumbing", "", 15],
      ["Brightwell Group", "Leeds", 1],
    ]);
  });

  it("the accounts' revenue and the summary's count of sub-customers", async () => {
    const { revenue, report } = await analyzeFile(fileOf(rows));
    // Brightwell Group 10 + 20 + 5 + 7 + 1 = 43; Harbour Plumbing 30 + 15 = 45
    expect(revenue).toEqual({ "Brightwell Group": 43, "Harbour Plumbing": 45 });
    // Leeds and York: 2 sub-customers of 1 parent
    expect(report.warnings).toContain(
      '2 sub-customers written "Parent : Sub" (such as "Brightwell Group : Leeds") are rolled up into their parent customer (1 parent), each read as one of its sites.'
    );
  });
});
