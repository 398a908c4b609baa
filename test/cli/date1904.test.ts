/**
 * A workbook in Excel's 1904 date system (older Mac workbooks: workbookPr date1904="1") stores
 * its dates as days from 1 January 1904: kap reads them as they show, not 1,462 days early.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { resolve } from "node:path";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const FILE = resolve(__dirname, "../fixtures/tester/mac-1904-dates.xlsx");

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

test("dates of a 1904 workbook: 5 Oct and 20 Oct 2026, not 4 Oct and 19 Oct 2022", () => {
  const r = spawnSync(process.execPath, [KAP, "analyze", FILE, "--json", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as {
    asOf: string;
    portfolio: { accounts: { accountId: string; health: { inputs: { lastOrderDate: string } } }[] };
  };
  // A1 on 5 Oct 2026 and B1 on 20 Oct 2026 (stored 44838 and 44853, counted from 1904)
  expect(j.asOf).toBe("2026-10-20");
  expect(
    Object.fromEntries(
      j.portfolio.accounts.map((a) => [a.accountId, a.health.inputs.lastOrderDate])
    )
  ).toEqual({ A1: "2026-10-05", B1: "2026-10-20" });
});
