/**
 * Tally keeps a cancelled voucher in its registers and Day Book: its date, type and number, its
 * party written "(cancelled )" and no amount. A tester found it reported as an "empty line (no
 * quantity, no value)"; it is a cancelled voucher. Figures worked out by hand, as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

function fileOf(name: string, lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-tally-cancel-")), name);
  writeFileSync(file, lines.join("\n"));
  return file;
}

test("a sales register's cancelled vouchers are counted as cancelled, the sales as before", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf("sales_register.csv", [
      "Sharma Traders Pvt Ltd,,,,,,,",
      "Sales Register,,,,,,,",
      "1-Nov-25 to 31-Oct-26,,,,,,,",
      "Date,Particulars,Voucher Type,Voucher No.,Quantity,Rate,Value,Gross Total",
      '5-Apr-26,Mehta Hardware,Sales,101,100 Nos,"1,250.00/Nos","1,25,000.00","1,47,500.00"',
      '12-Jun-26,Patel Electricals,Sales,102,40 Nos,"2,500.00/Nos","1,00,000.00","1,18,000.00"',
      "14-Jul-26,(cancelled ),Sales,103,,,,",
      '3-Sep-26,Mehta Hardware,Sales,104,20 Nos,"1,250.00/Nos","25,000.00","29,500.00"',
      "20-Sep-26,(Cancelled),Sales,105,,,,",
      'Grand Total,,,,160 Nos,,"2,50,000.00","2,95,000.00"',
    ])
  );
  // Mehta 1,25,000 + 25,000 = 1,50,000; Patel 1,00,000
  expect(revenue).toEqual({ "Mehta Hardware": 150000, "Patel Electricals": 100000 });
  // vouchers 103 and 105 (rows 7 and 9); no "empty line"
  expect(report.rejected).toEqual([{ reason: "cancelled voucher", count: 2, rows: [7, 9] }]);
});

test("a Day Book's cancelled voucher is a cancelled voucher too", async () => {
  const { report, revenue } = await analyzeFile(
    fileOf("daybook.csv", [
      "Date,Particulars,Vch Type,Vch No.,Debit Amount,Credit Amount",
      '15-Nov-25,Kaveri Infra,Sales,1,"1,18,000.00",',
      "16-Nov-25,(cancelled ),Sales,2,,",
      '20-Dec-25,Kaveri Infra,Sales,3,"59,000.00",',
    ])
  );
  // 1,18,000 + 59,000 = 1,77,000
  expect(revenue).toEqual({ "Kaveri Infra": 177000 });
  expect(report.rejected).toEqual([{ reason: "cancelled voucher", count: 1, rows: [3] }]);
});
