/**
 * Writes sample data as a workbook a distributor might really export: Orders as an Excel
 * table (OrderLines) with its header in row 1, Accounts under a two-row title (so header
 * detection has work to do), Catalog, Contacts and Payments as plain ranges, the Engagement Log
 * and Initiatives as Excel tables (user-owned tables in the add-in); £ and dd/mm/yyyy formats,
 * column widths, frozen headers.
 */
import ExcelJS from "exceljs";
import {
  ACCOUNT_HEADERS,
  CATALOG_HEADERS,
  CONTACT_HEADERS,
  ENGAGEMENT_HEADERS,
  INITIATIVE_HEADERS,
  ORDER_HEADERS,
  PAYMENT_HEADERS,
  accountsTitle,
  type Row,
  type SampleData,
} from "./generate";
import { serialToYmd } from "../../src/domain/dates";

const MONEY = "£#,##0.00";
const DATE = "dd/mm/yyyy";
const DATE_TIME = "dd/mm/yyyy hh:mm";

interface SheetLayout {
  headers: readonly string[];
  widths: number[];
  money?: string[];
  dates?: string[];
  dateTimes?: string[];
  titleRows?: string[];
  table?: string;
}

function columnFormat(layout: SheetLayout, header: string): string | undefined {
  if (layout.money?.includes(header)) return MONEY;
  if (layout.dates?.includes(header)) return DATE;
  if (layout.dateTimes?.includes(header)) return DATE_TIME;
  return undefined;
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Row[], layout: SheetLayout): void {
  const ws = wb.addWorksheet(name);
  const headerRow = (layout.titleRows?.length ?? 0) + 1;
  layout.titleRows?.forEach((t, i) => {
    if (t === "") return;
    const cell = ws.getCell(i + 1, 1);
    cell.value = t;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  layout.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = layout.widths[i] ?? 12;
    const numFmt = columnFormat(layout, h);
    if (numFmt) col.numFmt = numFmt;
  });
  if (layout.table) {
    // ExcelJS applies a table column's `style` to its cells; its typings leave the field out.
    const columns = layout.headers.map((h) => {
      const numFmt = columnFormat(layout, h);
      const column: ExcelJS.TableColumnProperties & { style?: Partial<ExcelJS.Style> } = {
        name: h,
        filterButton: true,
      };
      if (numFmt) column.style = { numFmt };
      return column;
    });
    ws.addTable({
      name: layout.table,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns,
      rows: rows.slice(1),
    });
  } else {
    rows.forEach((values, i) => {
      const row = ws.getRow(headerRow + i);
      row.values = values;
      if (i === 0) row.font = { bold: true };
    });
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: layout.headers.length },
    };
  }
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow }];
}

/** Same data, same workbook content: the document's own dates are the data's end date, not now. */
export async function writeSampleWorkbook(data: SampleData, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const { y, m, d } = serialToYmd(data.endDate);
  const stamp = new Date(Date.UTC(y, m - 1, d));
  wb.creator = "KAP sample generator";
  wb.lastModifiedBy = "KAP sample generator";
  wb.created = stamp;
  wb.modified = stamp;
  addSheet(wb, "Orders", data.orders, {
    headers: ORDER_HEADERS,
    widths: [12, 12, 12, 34, 10, 44, 16, 7, 11, 12, 18, 20],
    money: ["Unit Price", "Line Total"],
    dates: ["Invoice Date"],
    table: "OrderLines",
  });
  addSheet(wb, "Accounts", data.accounts, {
    headers: ACCOUNT_HEADERS,
    widths: [11, 38, 14, 10, 22, 18, 32, 14, 14, 12, 12, 26, 12, 11, 14, 44, 14],
    money: ["Credit Limit"],
    dates: ["Customer Since"],
    titleRows: [accountsTitle(data.endDate), ""],
  });
  addSheet(wb, "Catalog", data.catalog, {
    headers: CATALOG_HEADERS,
    widths: [10, 46, 16, 32, 11, 18],
    money: ["List Price"],
  });
  addSheet(wb, "Contacts", data.contacts, {
    headers: CONTACT_HEADERS,
    widths: [11, 20, 18, 10, 12, 9],
  });
  addSheet(wb, "Engagement Log", data.engagement, {
    headers: ENGAGEMENT_HEADERS,
    widths: [16, 10, 20, 9, 10, 24, 26, 16],
    dateTimes: ["Date", "Responded On"],
    table: "EngagementLog",
  });
  addSheet(wb, "Payments", data.payments, {
    headers: PAYMENT_HEADERS,
    widths: [12, 11, 38, 12, 12, 12, 12],
    money: ["Amount"],
    dates: ["Invoice Date", "Due Date", "Paid Date"],
  });
  addSheet(wb, "Initiatives", data.initiatives, {
    headers: INITIATIVE_HEADERS,
    widths: [10, 30, 16, 16, 10, 11, 12, 12, 14, 12],
    money: ["Target"],
    dates: ["Start Date", "End Date"],
    table: "Initiatives",
  });
  await wb.xlsx.writeFile(path, {
    zip: { compression: "DEFLATE", compressionOptions: { level: 9 } },
  });
}
