/**
 * NetSuite's sub-customers ("Parent : Sub") are rolled into their parent and counted for the
 * summary, at most 100,000 of them kept to tell them apart. Before, past that the summary said
 * "100000 sub-customers" of a file with more; now it says "more than". Worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

jest.setTimeout(60_000);

test("100,001 sub-customers of one parent: the summary says more than 100000", async () => {
  const lines = ["Type,Date,Document Number,Name,Item,Account,Memo,Quantity,Amount"];
  // 100,001 sites of Brightwell, each one invoice line of 1.00 on 4000 Sales
  for (let n = 0; n < 100_001; n++)
    lines.push(
      `Invoice,10/5/2026,INV${n},Brightwell Electrical : Site ${n},CT-200,4000 Sales,Cable ties,1,1.00`
    );
  const path = join(mkdtempSync(join(tmpdir(), "kap-subcust-")), "netsuite.csv");
  writeFileSync(path, lines.join("\n"));
  const { report, revenue } = await analyzeFile(path);
  expect(report.read!.layout).toBe("NetSuite transaction search");
  // by hand: 100,001 lines of 1.00, all Brightwell's
  expect(revenue).toEqual({ "Brightwell Electrical": 100_001 });
  expect(report.warnings).toContain(
    'More than 100000 sub-customers written "Parent : Sub" (such as "Brightwell Electrical : Site 0") are rolled up into their parent customer (at least 1 parent), each read as one of its sites.'
  );
});
