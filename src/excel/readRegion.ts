/**
 * Reads a worksheet's used range, a table, or an address in row blocks that stay under
 * Excel's limits (Excel on the web: 5 MB per response; 5,000,000 cells per range read).
 * The size is checked first; a small sample sets a conservative bytes-per-row estimate;
 * if a block still comes back too large (long text further down), it is halved and retried.
 */
import { isPayloadTooLarge, jsonBytes } from "./bytes";

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

export interface ReadResult extends RegionInfo {
  /** Number formats of the sample rows (currency formats follow the source column). */
  sampleFormats: string[][];
  blocks: number;
  syncs: number;
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
  whole.load("address,rowIndex,columnIndex,rowCount,columnCount");
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

  // Sample: sizes the blocks and gives the source number formats.
  const sampleCount = Math.min(
    info.rowCount,
    options.sampleRows ?? 50,
    Math.max(1, Math.floor(MAX_CELLS_PER_READ / cols))
  );
  const sample = sheet
    .getRangeByIndexes(info.rowIndex, info.columnIndex, sampleCount, cols)
    .load("values,numberFormat");
  await sync();
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
  return { ...info, sampleFormats: sample.numberFormat as string[][], blocks, syncs };
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
