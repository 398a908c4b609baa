/**
 * A report whose header row stands below the first 30 rows (a long title block): the message
 * says where the header is and what to do, not "Headers found: Report line 1".
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-late-"));

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

test("a header row on row 36 is named with its row and how to make KAP find it", () => {
  const lines = [
    ...Array.from({ length: 35 }, (_, i) => `Report line ${i + 1},,,`),
    "Customer ID,Invoice Date,SKU,Qty,Line Total",
    "A1,05/10/2026,P1,1,10.00",
    "B1,06/10/2026,P1,1,10.00",
  ];
  const file = join(dir, "deep-header.csv");
  writeFileSync(file, lines.join("\n") + "\n");
  const r = spawnSync(process.execPath, [KAP, "analyze", file, "-q"], { encoding: "utf8" });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    "deep-header has the order lines' header row on row 36 (Customer ID, Invoice Date, SKU, Qty, Line Total), below the first 30 rows where KAP looks for it: delete the rows above it, or copy the table to a sheet of its own, and run again."
  );
});
