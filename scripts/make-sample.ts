/**
 * Writes assets/sample-workbook.xlsx: a UK distributor's 300 accounts over 27 months to
 * 31/10/2026, seed 20261031 (deterministic: run it again and the content is the same),
 * then reads it back with ExcelJS to check that it opens and holds what was written.
 */
import { resolve } from "node:path";
import { statSync } from "node:fs";
import ExcelJS from "exceljs";
import { ymdToSerial } from "../src/domain/dates";
import { generateSample, writeSampleWorkbook } from "../test/sample/generate";

const SEED = 20261031;
const ACCOUNTS = 300;
const MONTHS = 27;
const LINES = 70_000;

async function main(): Promise<void> {
  const data = generateSample({
    seed: SEED,
    accounts: ACCOUNTS,
    months: MONTHS,
    endDate: ymdToSerial(2026, 10, 31),
    linesTarget: LINES,
  });
  const path = resolve(__dirname, "../assets/sample-workbook.xlsx");
  await writeSampleWorkbook(data, path);

  const check = new ExcelJS.Workbook();
  await check.xlsx.readFile(path);
  const expected: [string, number][] = [
    ["Orders", data.orders.length],
    ["Accounts", data.accounts.length + 2],
    ["Catalog", data.catalog.length],
    ["Contacts", data.contacts.length],
    ["Engagement Log", data.engagement.length],
    ["Payments", data.payments.length],
    ["Initiatives", data.initiatives.length],
  ];
  for (const [name, rows] of expected) {
    const ws = check.getWorksheet(name);
    if (!ws || ws.actualRowCount < rows - 1 || ws.rowCount !== rows)
      throw new Error(`${name}: expected ${rows} rows, read ${ws ? ws.rowCount : "no sheet"}`);
  }
  const mb = statSync(path).size / 1e6;
  console.log(
    `${path}: ${(data.orders.length - 1).toLocaleString("en-GB")} order lines, ${data.accounts.length - 1} accounts, ${data.catalog.length - 1} products, ${data.contacts.length - 1} contacts, ${data.engagement.length - 1} log entries, ${data.payments.length - 1} invoices, ${data.initiatives.length - 1} initiatives, ${mb.toFixed(2)} MB; read back OK`
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
