/**
 * Tally's Day Book and registers head their columns "Vch Type" and "Vch No.", not "Voucher Type"
 * and "Voucher No.": the file was refused ("No column for account ID"), as "Particulars" is read
 * as the customer only beside a document number or type. Now read as the spelled-out headers are.
 * By hand, as of 2026-10-31 (12 months from 2025-11-01), the Sales vouchers' Debit Amount:
 *   Mehta Hardware 1,47,500.00 (5-Apr-26) + 29,500.00 (3-Sep-26) = 1,77,000; 20-Oct-25's 59,000
 *   is before the 12 months. Patel Electricals 1,18,000.00 (12-Jun-26).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

beforeAll(() => buildCli());

test('"Vch Type" and "Vch No." are the voucher type and number: the Day Book is read', () => {
  const path = join(mkdtempSync(join(tmpdir(), "kap-vch-")), "daybook.csv");
  writeFileSync(
    path,
    'Date,Particulars,Vch Type,Vch No.,Debit Amount,Credit Amount\n20-Oct-25,Mehta Hardware,Sales,90,"59,000.00",\n5-Apr-26,Mehta Hardware,Sales,101,"1,47,500.00",\n12-Jun-26,Patel Electricals,Sales,102,"1,18,000.00",\n3-Sep-26,Mehta Hardware,Sales,104,"29,500.00",\n'
  );
  const r = kap("analyze", path, "--as-of", "2026-10-31", "--culture", "en-IN", "-q");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('the customer is "Particulars"');
  expect(r.stdout).toMatch(/Mehta Hardware .* INR 1,77,000 /);
  expect(r.stdout).toMatch(/Patel Electricals .* INR 1,18,000 /);
});
