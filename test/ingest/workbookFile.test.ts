/** Reading .xlsx (ExcelJS) and .csv files into grids; bad files give one clear sentence. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FileReadError, parseCsv, readWorkbookFile } from '../../src/cli/workbookFile';

const dir = mkdtempSync(join(tmpdir(), 'kap-file-'));

test('CSV: quoted fields with commas, quotes and newlines; semicolons sniffed; BOM stripped', async () => {
  expect(parseCsv('a,b\n"x, y","say ""hi"""\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
  expect(parseCsv('\ufeffDate;Net\n01/02/2025;"1.200,50"\r\n')).toEqual([['Date', 'Net'], ['01/02/2025', '1.200,50']]);
  expect(parseCsv('a\tb\n"multi\nline"\t2')).toEqual([['a', 'b'], ['multi\nline', '2']]);
  const p = join(dir, 'o.csv');
  writeFileSync(p, 'Date,Account,SKU,Qty,Revenue\n2025-01-01,A1,0123,2,"£1,000"\n');
  const { grids } = await readWorkbookFile(p);
  // plain numbers become numbers; codes with leading zeros and money text stay text for ingest
  expect(grids[0].values).toEqual([['Date', 'Account', 'SKU', 'Qty', 'Revenue'], ['2025-01-01', 'A1', '0123', 2, '£1,000']]);
});

test('xlsx: values, dates, formula results, rich text and number formats', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addRow(['Date', 'Account', 'Qty', 'Revenue', 'Note']);
  ws.addRow([new Date(Date.UTC(2025, 0, 1)), 'A1', 2, { formula: 'C2*5', result: 10 }, { richText: [{ text: 'rich ' }, { text: 'text' }] }]);
  ws.getCell('D2').numFmt = '£#,##0.00';
  const p = join(dir, 'o.xlsx');
  await wb.xlsx.writeFile(p);
  const { grids } = await readWorkbookFile(p);
  expect(grids[0].name).toBe('Orders');
  expect(grids[0].values[1]).toEqual([new Date(Date.UTC(2025, 0, 1)), 'A1', 2, 10, 'rich text']);
  expect(grids[0].numberFormats?.[1][3]).toBe('£#,##0.00');
});

test('bad files: one clear sentence each', async () => {
  await expect(readWorkbookFile(join(dir, 'missing.xlsx'))).rejects.toThrow(new FileReadError(`${join(dir, 'missing.xlsx')}: no such file.`));
  const junk = join(dir, 'junk.xlsx');
  writeFileSync(junk, 'this is not a zip');
  await expect(readWorkbookFile(junk)).rejects.toThrow(/junk.xlsx could not be (opened|read)/);
  const old = join(dir, 'old.xls');
  writeFileSync(old, 'x');
  await expect(readWorkbookFile(old)).rejects.toThrow(/save it as .xlsx/);
  await expect(readWorkbookFile(dir)).rejects.toThrow(/is a folder/);
});
