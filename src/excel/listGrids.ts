/**
 * Describes every worksheet's used range and every table, with a peek at the first rows,
 * so ingest can find the order lines, accounts, catalog and contacts. Three syncs whatever
 * the workbook holds: (1) sheets and tables, (2) their ranges and KAP marks, (3) the peeks —
 * more only when Excel on the web refuses the peeks' response as over 5 MB (peekInto).
 */
import { isPayloadTooLarge } from "./bytes";
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
  /** The sheet is hidden ("veryHidden": Excel's Unhide does not list it either). */
  hiddenSheet?: "hidden" | "veryHidden";
}

/** A sheet's visibility as GridInfo.hiddenSheet (nothing for a shown sheet). */
function hiddenSheetOf(visibility: string): { hiddenSheet?: "hidden" | "veryHidden" } {
  return visibility === "Hidden"
    ? { hiddenSheet: "hidden" }
    : visibility === "VeryHidden"
      ? { hiddenSheet: "veryHidden" }
      : {};
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
    ...hiddenSheetOf(sheets.items[sheetIdx].visibility),
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

  await peekInto(
    context,
    grids,
    (g, rows) =>
      sheets.items[sheetByName.get(g.sheet) ?? 0]
        .getRangeByIndexes(g.rowIndex, g.columnIndex, rows, Math.min(peekCols, g.columnCount))
        .load("values,numberFormat"),
    peekRows
  );
  return grids;
}

/**
 * Fills each grid's peek (its first `rows` rows) in one round trip. Excel on the web refuses a
 * response over 5 MB (resource-limits-and-performance-optimization.md; desktop documents no
 * limit), which many wide sheets of long text reach: the grids are then asked for in two
 * halves, and one grid alone with half its rows, down to a single row.
 */
async function peekInto(
  context: Excel.RequestContext,
  grids: GridInfo[],
  peek: (g: GridInfo, rows: number) => Excel.Range,
  rows: number
): Promise<void> {
  if (grids.length === 0) return;
  const ranges = grids.map((g) => peek(g, Math.min(rows, g.rowCount)));
  try {
    await context.sync();
  } catch (err) {
    if (!isPayloadTooLarge(err)) throw err;
    if (grids.length > 1) {
      const half = Math.ceil(grids.length / 2);
      await peekInto(context, grids.slice(0, half), peek, rows);
      await peekInto(context, grids.slice(half), peek, rows);
      return;
    }
    if (Math.min(rows, grids[0].rowCount) <= 1) throw err;
    await peekInto(context, grids, peek, Math.floor(Math.min(rows, grids[0].rowCount) / 2));
    return;
  }
  ranges.forEach((p, i) => {
    grids[i].peek = p.values as (string | number | boolean)[][];
    grids[i].peekFormats = p.numberFormat as string[][];
  });
}

export { readCulture, type WorkbookCulture } from "./culture";
