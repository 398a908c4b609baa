/** Writes assets/sample-workbook.xlsx: 300 accounts, 27 months to 31/10/2026, seed 20261031. */
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { ymdToSerial } from '../src/domain/dates';
import { generateSample } from './sample/generate';
import { writeSampleWorkbook } from './sample/writeWorkbook';

async function main(): Promise<void> {
  const data = generateSample({ seed: 20261031, accounts: 300, months: 27, endDate: ymdToSerial(2026, 10, 31) });
  const path = resolve(__dirname, '../assets/sample-workbook.xlsx');
  await writeSampleWorkbook(data, path);
  console.log(`${path}: ${data.orders.length - 1} order lines, ${data.accounts.length - 1} accounts, ${data.catalog.length - 1} products, ${data.contacts.length - 1} contacts, ${(statSync(path).size / 1e6).toFixed(1)} MB`);
}

void main();
