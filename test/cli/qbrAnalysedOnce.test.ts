/**
 * kap qbr --all-top N reads and analyses the portfolio once for all N workbooks: each workbook is
 * laid out from that one analysis, never from the file read again.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { KapEngine } from "../../src/engine/engine";

const dir = mkdtempSync(join(tmpdir(), "kap-qbr-once-"));
const file = join(dir, "orders.csv");
// three accounts, one order each in October 2026: C1 £30, C2 £20, C3 £10
writeFileSync(
  file,
  "Customer ID,Customer,Invoice Date,Invoice No,SKU,Qty,Line Total\n" +
    "C1,Cobalt Ltd,05/10/2026,I1,P1,1,30.00\n" +
    "C2,Copper Ltd,06/10/2026,I2,P1,1,20.00\n" +
    "C3,Chrome Ltd,07/10/2026,I3,P1,1,10.00\n"
);

test("three QBR workbooks from one analysis of the portfolio", async () => {
  const analyze = jest.spyOn(KapEngine.prototype, "analyze");
  const out = join(dir, "pack");
  const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    expect(
      await run(["qbr", file, "--all-top", "3", "--as-of", "2026-10-31", "--out", out, "-q"])
    ).toBe(0);
  } finally {
    write.mockRestore();
  }
  // one file per account (all three are in the top 3), one analysis
  expect(readdirSync(out).sort()).toEqual([
    "QBR C1 Cobalt Ltd.xlsx",
    "QBR C2 Copper Ltd.xlsx",
    "QBR C3 Chrome Ltd.xlsx",
  ]);
  expect(analyze).toHaveBeenCalledTimes(1);
  analyze.mockRestore();
});
