/**
 * A QuickBooks Desktop report (or any US export) names no currency and writes no "$": KAP
 * showed its money in GBP, its default, without a word, though the dates it had itself read
 * month-first say the file is American. The summary now says the £ is most likely wrong and how
 * to name the currency, as it already did for decimal commas.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-mdy-currency-"));
const WARNING =
  "No currency is named in the data, and its dates are written month-first, as in the US: KAP's default, GBP, is most likely not their currency, so the amounts are shown with no currency symbol. Give --culture (e.g. en-US for dollars), or a currency column, to name it (in Excel, the workbook's regional format).";

beforeAll(() => buildCli());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test("month-first dates with no currency named: the £ is doubted, and --culture en-US shows dollars", () => {
  // 10/20/2026 reads month-first only
  const path = file(
    "us.csv",
    "Customer ID,Date,SKU,Qty,Amount\nA1,09/15/2026,X1,1,45.00\nB2,10/20/2026,X1,2,90.00\n"
  );
  const plain = kap("analyze", path, "-q");
  expect(plain.status).toBe(0);
  expect(plain.stdout).toContain(WARNING);
  const us = kap("analyze", path, "-q", "--culture", "en-US");
  expect(us.stdout).not.toContain("most likely not their currency");
  // revenue 45.00 + 90.00 = 135.00, in dollars
  expect(us.stdout).toContain("Annual revenue: $135");
});

test("day-first dates, or a $ in the data: no doubt raised", () => {
  const uk = file(
    "uk.csv",
    "Customer ID,Date,SKU,Qty,Amount\nA1,15/09/2026,X1,1,45.00\nB2,20/10/2026,X1,2,90.00\n"
  );
  expect(kap("analyze", uk, "-q").stdout).not.toContain("most likely not their currency");
  const dollars = file(
    "dollars.csv",
    "Customer ID,Date,SKU,Qty,Amount\nA1,09/15/2026,X1,1,$45.00\nB2,10/20/2026,X1,2,$90.00\n"
  );
  expect(kap("analyze", dollars, "-q").stdout).not.toContain("most likely not their currency");
});
