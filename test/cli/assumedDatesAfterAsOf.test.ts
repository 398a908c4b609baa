/**
 * A US export whose every date reads both ways (10/1/2026, 10/7/2026, 10/8/2026, 10/12/2026, "$"
 * amounts) is read day-first by assumption; as of 2026-10-31 its last line, 10/12/2026, is then
 * 10 December 2026, after the as-of date. That line is said (how many, their value) with the
 * assumption and how to read the dates month-first, never left out in silence. By hand:
 *   day-first:   10 Jan, 10 Jul, 10 Aug, 10 Dec 2026: 1 line after 2026-10-31, $2,350.00;
 *                12 months to 2026-10-31: ACME 1,000 + 500 = $1,500, Beta 750 → $2,250
 *   month-first: 1, 7, 8, 12 Oct 2026, all on or before 2026-10-31:
 *                1,000 + 500 + 750 + 2,350 = $4,600; nothing left out
 * Without --as-of the analysis is as of the last date read (10 December 2026 day-first), and the
 * commands that print no summary (kap qbr) say the assumed order on stderr.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(180_000);

let dir: string;
let csv: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "kap-assumed-after-"));
  csv = join(dir, "orders.csv");
  writeFileSync(
    csv,
    'Date,Invoice,Customer,Product,Qty,Amount\n10/1/2026,1001,ACME,W1,1,"$1,000.00"\n10/7/2026,1002,ACME,W1,1,$500.00\n10/8/2026,1003,Beta,W1,1,$750.00\n10/12/2026,1004,Beta,W2,1,"$2,350.00"\n'
  );
});

test("as of 2026-10-31, read day-first by assumption: the line after it is said with its value and the assumption", () => {
  const r = kap("analyze", csv, "--as-of", "2026-10-31");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    "! The as-of date 2026-10-31 is before the last order line in the data (2026-12-10): 1 order line dated after it, up to 2026-12-10, is not counted. That line's value is $2,350.00. The dates were read day-first by assumption: no date in the data settles it (the last, read as 10 December 2026, is 12 October 2026 the other way). If they are month-first (a US export), give the culture that writes them so (kap --culture en-US; in Excel, the workbook's regional format). Leave the as-of date blank to count every line, as of the last order date.\n"
  );
  expect(r.stdout).toContain("Annual revenue: $2,250 ");
});

test("--culture en-US: read month-first, every line counted, nothing to warn about", () => {
  const r = kap("analyze", csv, "--as-of", "2026-10-31", "--culture", "en-US");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    "Order lines: 4 (0 returns) · accounts: 2 · 2026-10-01 to 2026-10-12\n"
  );
  expect(r.stdout).toContain("Annual revenue: $4,600 ");
  expect(r.stdout).not.toContain("as-of date");
});

test("no --as-of: as of the last date read, the assumption said in the summary and by kap qbr", () => {
  const a = kap("analyze", csv);
  expect(a.stdout).toContain("KAP analysis as of 2026-12-10 (the last order date)\n");
  expect(a.stdout).toContain(
    "  Dates: day-first (assumed: no date in the data settles it) — if the file's dates are month-first (a US export), give --culture en-US\n"
  );
  const q = kap("qbr", csv, "--account", "Beta", "--out", join(dir, "qbr.xlsx"), "-q");
  expect(q.status).toBe(0);
  expect(q.stderr).toBe(
    "kap: note: Dates: day-first (assumed: no date in the data settles it) — if the file's dates are month-first (a US export), give --culture en-US\n"
  );
});
