/** Writes sample data as a realistic .xlsx: Orders (an Excel table), Accounts under a title, Catalog, Contacts. */
import ExcelJS from 'exceljs';
import type { Row, SampleData } from './generate';

const MONEY = '£#,##0.00';

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Row[], opts: { titleRows?: string[]; widths: number[]; money?: number[]; date?: number[]; table?: string }): void {
  const ws = wb.addWorksheet(name);
  const top = opts.titleRows ? opts.titleRows.length + 1 : 0;
  opts.titleRows?.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    if (i === 0) ws.getCell(i + 1, 1).font = { bold: true, size: 14 };
  });
  if (opts.table) {
    ws.addTable({ name: opts.table, ref: `A${top + 1}`, headerRow: true, style: { theme: 'TableStyleMedium2', showRowStripes: true }, columns: (rows[0] as string[]).map((h) => ({ name: h, filterButton: true })), rows: rows.slice(1) as ExcelJS.CellValue[][] });
  } else {
    rows.forEach((r, i) => {
      const row = ws.getRow(top + i + 1);
      row.values = r as ExcelJS.CellValue[];
      if (i === 0) row.font = { bold: true };
    });
  }
  opts.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of opts.money ?? []) ws.getColumn(c).numFmt = MONEY;
  for (const c of opts.date ?? []) ws.getColumn(c).numFmt = 'dd/mm/yyyy';
  ws.views = [{ state: 'frozen', ySplit: top + 1 }];
}

export async function writeSampleWorkbook(data: SampleData, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KAP sample generator';
  addSheet(wb, 'Orders', data.orders, { widths: [12, 12, 12, 32, 10, 30, 16, 7, 10, 11, 16, 16], money: [9, 10], date: [1], table: 'OrderLines' });
  addSheet(wb, 'Accounts', data.accounts, { titleRows: ['Account list — exported 31/10/2026', ''], widths: [11, 34, 14, 10, 22, 18, 28, 14, 14, 12, 12, 24, 12, 10, 14, 30, 14], money: [11] });
  addSheet(wb, 'Catalog', data.catalog, { widths: [10, 34, 16, 22, 10, 18], money: [5] });
  addSheet(wb, 'Contacts', data.contacts, { widths: [11, 20, 18, 10, 12, 8] });
  await wb.xlsx.writeFile(path);
}
