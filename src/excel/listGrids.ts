/**
 * Describes every worksheet's used range and every table, with a peek at the first rows,
 * so ingest can find the order lines, accounts, catalog and contacts. Three syncs whatever
 * the workbook holds: (1) sheets and tables, (2) their ranges and KAP marks, (3) the peeks.
 */
import { queueMarkReads } from "./marker";

export interface GridInfo {
  sheet: string;
  /** Set for an Excel table (ListObject). */
  table?: string;
  /** Sheet-qualified address, e.g. "Orders!A1:L84213". */
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** The first rows (up to `peekRows`), for header detection; a header row need not be row 1. */
  peek: (string | number | boolean)[][];
  /** Number formats of the peeked rows (currency formats follow the source column). */
  peekFormats: string[][];
  /** A sheet KAP made (its own output is not input). */
  kapMade: boolean;
  visible: boolean;
}

export interface ListOptions {
  peekRows?: number;
  /** Widest peek (columns); very wide sheets are cut here. */
  peekColumns?: number;
}

export async function listGrids(
  context: Excel.RequestContext,
  options: ListOptions = {}
): Promise<GridInfo[]> {
  const peekRows = options.peekRows ?? 12;
  const peekCols = options.peekColumns ?? 60;
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name,items/visibility");
  const tables = wb.tables.load("items/name,items/showTotals");
  await context.sync();

  const used = sheets.items.map((ws) =>
    ws.getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,rowCount,columnCount")
  );
  const marks = queueMarkReads(sheets.items);
  const tRanges = tables.items.map((t) =>
    t.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount")
  );
  const tSheets = tables.items.map((t) => t.worksheet.load("name"));
  await context.sync();

  const marked = marks();
  const grids: GridInfo[] = [];
  const sheetByName = new Map(sheets.items.map((ws, i) => [ws.name, i]));
  const describe = (sheetIdx: number, r: Excel.Range, table?: string): GridInfo => ({
    sheet: sheets.items[sheetIdx].name,
    table,
    address: r.address,
    rowIndex: r.rowIndex,
    columnIndex: r.columnIndex,
    rowCount: r.rowCount,
    columnCount: r.columnCount,
    peek: [],
    peekFormats: [],
    // KAP's own sheets, and copies the user made of them, are never read as input.
    kapMade: marked[sheetIdx].marker !== undefined,
    visible: sheets.items[sheetIdx].visibility === "Visible",
  });
  tables.items.forEach((t, i) => {
    const g = describe(sheetByName.get(tSheets[i].name) ?? 0, tRanges[i], t.name);
    // a shown totals row ends the table's range but holds no data (readRegion does not read it)
    if (t.showTotals) g.rowCount -= 1;
    grids.push(g);
  });
  sheets.items.forEach((_ws, i) => {
    if (!used[i].isNullObject) grids.push(describe(i, used[i]));
  });

  const peeks = grids.map((g) => {
    const ws = sheets.items[sheetByName.get(g.sheet) ?? 0];
    return ws
      .getRangeByIndexes(
        g.rowIndex,
        g.columnIndex,
        Math.min(peekRows, g.rowCount),
        Math.min(peekCols, g.columnCount)
      )
      .load("values,numberFormat");
  });
  if (peeks.length > 0) await context.sync();
  peeks.forEach((p, i) => {
    grids[i].peek = p.values as (string | number | boolean)[][];
    grids[i].peekFormats = p.numberFormat as string[][];
  });
  return grids;
}

export { readCulture, type WorkbookCulture } from "./culture";
