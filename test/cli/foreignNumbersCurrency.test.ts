/**
 * A file that names no currency but writes its numbers India's way (lakh grouping, "1,25,000.00",
 * as Tally's sales register does) or its text in Japanese (freee's 株式会社 / 有限会社 customers,
 * whole yen amounts) was shown in GBP, "the default", without a word. The summary now doubts the
 * £ and names the culture that settles it, as it does for decimal commas and month-first dates.
 * By hand, as of 2026-10-31 (12 months from 2025-11-01):
 *   Tally: 1,25,000.00 (5-Apr-26) + 1,00,000.00 (12-Jun-26) + 25,000.00 (3-Sep-26) = 2,50,000.00
 *          (20-Oct-25's 50,000.00 is before the 12 months) → en-IN: INR 2,50,000
 *   freee: 110000 + 55000 + 330000 = 495,000 (2025-10-10's 88000 is before the 12 months) → JPY
 * A file with neither (plain "1,250.00") gets no such warning.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), "kap-foreign-numbers-"));
beforeAll(() => buildCli());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test("lakh grouping: GBP is doubted, --culture en-IN names rupees", () => {
  const path = file(
    "tally.csv",
    'Date,Particulars,Voucher No.,Value\n20-Oct-25,Mehta Hardware,90,"50,000.00"\n5-Apr-26,Mehta Hardware,101,"1,25,000.00"\n12-Jun-26,Patel Electricals,102,"1,00,000.00"\n3-Sep-26,Mehta Hardware,104,"25,000.00"\n'
  );
  const plain = kap("analyze", path, "--as-of", "2026-10-31", "-q");
  expect(plain.status).toBe(0);
  expect(plain.stdout).toContain(
    '! No currency is named in the data, and its numbers are grouped in lakhs and crores ("1,25,000.00" in "Value"), as in India: KAP\'s default, GBP, is most likely not their currency, so the amounts are shown with no currency symbol. Give --culture (e.g. en-IN for rupees), or a currency column, to name it (in Excel, the workbook\'s regional format).\n'
  );
  const india = kap("analyze", path, "--as-of", "2026-10-31", "-q", "--culture", "en-IN");
  expect(india.stdout).not.toContain("most likely not their currency");
  expect(india.stdout).toContain("Annual revenue: INR 2,50,000 ");
});

test("Japanese text: GBP is doubted, --culture ja-JP names yen", () => {
  const path = file(
    "freee.csv",
    "Order Date,Customer ID,Revenue\n2025/10/10,株式会社山田商店,88000\n2026/01/20,株式会社山田商店,110000\n2026/05/15,株式会社山田商店,55000\n2026/09/01,有限会社佐藤工業,330000\n"
  );
  const plain = kap("analyze", path, "--as-of", "2026-10-31", "-q");
  expect(plain.status).toBe(0);
  expect(plain.stdout).toMatch(
    /! No currency is named in the data, and its text is Japanese \("(株式会社山田商店|有限会社佐藤工業)"\): KAP's default, GBP, is most likely not their currency, so the amounts are shown with no currency symbol\. Give --culture \(e\.g\. ja-JP for yen\), or a currency column, to name it \(in Excel, the workbook's regional format\)\.\n/
  );
  const japan = kap("analyze", path, "--as-of", "2026-10-31", "-q", "--culture", "ja-JP");
  expect(japan.stdout).not.toContain("most likely not their currency");
  expect(japan.stdout).toContain("Annual revenue: JPY 495,000 ");
});

test("numbers grouped in threes and English names: no doubt raised", () => {
  const path = file(
    "plain.csv",
    'Date,Customer,Invoice,Amount\n2026-04-05,Mehta Hardware,101,"1,250.00"\n2026-06-12,Patel Electricals,102,"100,000.00"\n'
  );
  const plain = kap("analyze", path, "--as-of", "2026-10-31", "-q");
  expect(plain.status).toBe(0);
  expect(plain.stdout).not.toContain("most likely not their currency");
});
