/**
 * Reads a worksheet's used range, a table, or an address in row blocks that stay under
 * Excel's limits (Excel on the web: 5 MB per response; 5,000,000 cells per range read).
 * The size is checked first; a small sample sets a conservative bytes-per-row estimate;
 * if a block still comes back too large (long text further down), it is halved and retried.
 */
import { isPayloadTooLarge, jsonBytes } from "./bytes";
import { supports } from "./requirements";

export interface RegionSource {
  sheet: string;
  /** A table name: its header row and body are read (its totals row, when shown, is not). */
  table?: string;
  /** An address on the sheet ("A1:L5000"); default the used range (values only). */
  address?: string;
}

export interface RegionInfo {
  /** Sheet-qualified address of the whole region, e.g. "Orders!A1:L84213". */
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadOptions {
  /** Response budget per block in bytes (default 4,000,000 under the 5 MB limit). */
  maxResponseBytes?: number;
  /** Rows in the sizing sample (default 50); their number formats are returned too. */
  sampleRows?: number;
}

/** Rows of a region Excel does not show: every one is still read. */
export interface HiddenRows {
  /** how many (undefined when Excel could not count them) */
  rows: number | undefined;
  /**
   * a filter with criteria is on (the table's own, or the sheet's AutoFilter); false: hidden by
   * hand; undefined where Excel cannot say (before ExcelApi 1.9)
   */
  byFilter: boolean | undefined;
}

export interface ReadResult extends RegionInfo {
  /** Number formats of the sample rows (currency formats follow the source column). */
  sampleFormats: string[][];
  blocks: number;
  syncs: number;
  /** the region's hidden rows (filtered out or hidden by hand); undefined when none is hidden */
  hidden?: HiddenRows;
}

export type Scalar = string | number | boolean;
/** Receives consecutive blocks; `offset` is the 0-based row within the region. */
export type ChunkHandler = (
  rows: Scalar[][],
  offset: number,
  info: RegionInfo
) => void | Promise<void>;

const MAX_CELLS_PER_READ = 5_000_000;
const DEFAULT_BUDGET = 4_000_000;

export async function readRegion(
  context: Excel.RequestContext,
  source: RegionSource,
  onChunk: ChunkHandler,
  options: ReadOptions = {}
): Promise<ReadResult> {
  const budget = options.maxResponseBytes ?? DEFAULT_BUDGET;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const ws = context.workbook.worksheets.getItem(source.sheet);
  const table = source.table ? context.workbook.tables.getItem(source.table) : undefined;
  const whole: Excel.Range = table
    ? table.getRange()
    : source.address
      ? ws.getRange(source.address)
      : ws.getUsedRangeOrNullObject(true);
  // rowHidden: false when no row is hidden, true or null (some) otherwise — one value, however large
  whole.load("address,rowIndex,columnIndex,rowCount,columnCount,rowHidden");
  // A table's range ends with its totals row when one is shown: sums, a count or a blank, never
  // a row of data — it is not read (a "Total" label would be skipped; a count or a blank would not).
  table?.load("showTotals");
  await sync();
  if (whole.isNullObject) {
    return {
      address: `${source.sheet}!A1`,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 0,
      columnCount: 0,
      sampleFormats: [],
      blocks: 0,
      syncs,
    };
  }
  const info: RegionInfo = {
    address: whole.address,
    rowIndex: whole.rowIndex,
    columnIndex: whole.columnIndex,
    rowCount: whole.rowCount - (table?.showTotals ? 1 : 0),
    columnCount: whole.columnCount,
  };
  const sheet = table ? table.worksheet : ws;
  const cols = info.columnCount;

  // Sample: sizes the blocks and gives the source number formats. Rows of very long text can
  // make it larger than Excel on the web's 5 MB response (desktop has no such limit): it is then
  // asked for again with half the rows.
  let sampleCount = Math.min(
    info.rowCount,
    options.sampleRows ?? 50,
    Math.max(1, Math.floor(MAX_CELLS_PER_READ / cols))
  );
  let sample: Excel.Range;
  for (;;) {
    sample = sheet
      .getRangeByIndexes(info.rowIndex, info.columnIndex, sampleCount, cols)
      .load("values,numberFormat");
    try {
      await sync();
      break;
    } catch (err) {
      if (!isPayloadTooLarge(err) || sampleCount <= 1) throw err;
      sampleCount = Math.floor(sampleCount / 2);
    }
  }
  const sampleValues = sample.values as Scalar[][];
  let blocks = 1;
  await onChunk(sampleValues, 0, info);

  // Conservative: twice the widest sample row, plus JSON overhead per cell.
  const widest = Math.max(...sampleValues.map((r) => jsonBytes(r)));
  const perRow = 2 * widest + 8 * cols + 16;
  let rowsPer = Math.max(
    1,
    Math.min(Math.floor(budget / perRow), Math.floor(MAX_CELLS_PER_READ / cols))
  );

  for (let offset = sampleCount; offset < info.rowCount;) {
    const n = Math.min(rowsPer, info.rowCount - offset);
    const block = sheet
      .getRangeByIndexes(info.rowIndex + offset, info.columnIndex, n, cols)
      .load("values");
    try {
      await sync();
    } catch (err) {
      if (isPayloadTooLarge(err) && n > 1) {
        rowsPer = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw err;
    }
    blocks++;
    await onChunk(block.values as Scalar[][], offset, info);
    offset += n;
  }
  // Some rows hidden: how many, and whether a filter hides them — one round trip, only then.
  let hidden: HiddenRows | undefined;
  if (whole.rowHidden !== false) {
    syncs++;
    hidden = await countHidden(context, table ?? ws, sheet, info);
  }
  return {
    ...info,
    sampleFormats: sample.numberFormat as string[][],
    blocks,
    syncs,
    ...(hidden ? { hidden } : {}),
  };
}

/**
 * The hidden rows of the region read: its rows less those of its visible view
 * (Range.getVisibleView, ExcelApi 1.3; RangeView.rowCount is "the number of visible rows"), and
 * whether a filter is on (AutoFilter.isDataFiltered, ExcelApi 1.9: the table's own filter, else
 * the sheet's). Only the two numbers travel, whatever the size. Should Excel refuse the view
 * (it has been reported to fail on large filtered ranges when asked for cell addresses,
 * office-js #4263), the rows are "some", uncounted: the read itself stands.
 */
async function countHidden(
  context: Excel.RequestContext,
  owner: Excel.Table | Excel.Worksheet,
  sheet: Excel.Worksheet,
  info: RegionInfo
): Promise<HiddenRows> {
  const view = sheet
    .getRangeByIndexes(info.rowIndex, info.columnIndex, info.rowCount, info.columnCount)
    .getVisibleView();
  view.load("rowCount");
  const filter = supports("filterState") ? owner.autoFilter.load("isDataFiltered") : undefined;
  try {
    await context.sync();
  } catch {
    return { rows: undefined, byFilter: undefined };
  }
  return { rows: info.rowCount - view.rowCount, byFilter: filter?.isDataFiltered };
}

/** Convenience: all rows of a region in one array (for small regions and tests). */
export async function readAll(
  context: Excel.RequestContext,
  source: RegionSource,
  options?: ReadOptions
): Promise<{ rows: Scalar[][]; result: ReadResult }> {
  const rows: Scalar[][] = [];
  const result = await readRegion(
    context,
    source,
    (chunk) => {
      for (const r of chunk) rows.push(r);
    },
    options
  );
  return { rows, result };
}
