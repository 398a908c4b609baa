/**
 * kap analyze --as-of before the data's last order says how many order lines it leaves out.
 * Counted apart from KAP (exceljs over the sample's Orders sheet): 70,056 order rows, 21,931 of
 * them dated after 2026-02-28, the last 2026-10-31; their Line Total adds up to 2,225,919.45 (the
 * same exceljs pass).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";

jest.setTimeout(180_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const SAMPLE = resolve(__dirname, "../../assets/sample-workbook.xlsx");

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

test("--as-of 2026-02-28 on the sample workbook: 21,931 order lines up to 2026-10-31 are not counted", () => {
  const r = spawnSync(process.execPath, [KAP, "analyze", SAMPLE, "--as-of", "2026-02-28", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    "! The as-of date 2026-02-28 is before the last order line in the data (2026-10-31): 21,931 order lines dated after it, up to 2026-10-31, are not counted. Those lines' value is £2,225,919.45. Leave the as-of date blank to count every line, as of the last order date."
  );
});
