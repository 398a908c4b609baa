/**
 * "Add score columns to my table": the one action that edits the user's own data, and only
 * when asked. It adds (or, on a re-run, refreshes) two columns — KAP Health score and KAP
 * Band — beside the user's accounts table, matched by account id. Nothing else in the table
 * changes; only numbers and KAP's own band words are written, never text from the data.
 * Read in blocks and written in slices, each under Excel on the web's 5 MB per request and per
 * response (resource-limits-and-performance-optimization.md): a table of 10,000 accounts takes
 * three round trips, one of 50,000 with addresses a few more, on the web and desktop alike. A
 * cancel (`signal`) before the write leaves the table as it was.
 */
import { readRegion } from "./readRegion";
import { WriteCancelledError } from "./writeSheets";

export const SCORE_HEADERS = ["KAP Health score", "KAP Band"] as const;

export interface ScoreSource {
  sheet: string;
  /** Excel table name, when the accounts are a table. */
  table?: string;
  /** Header text of the column holding the account ids. */
  idHeader: string;
}

export interface ScoreColumnsResult {
  rows: number;
  matched: number;
  /** true when the columns were there already and were refreshed */
  refreshed: boolean;
  address: string;
}

/**
 * Rows written per request: a row's score, band and number format are under 40 bytes of JSON, so
 * 50,000 rows stay well under Excel on the web's 5 MB per request.
 */
const WRITE_ROWS = 50_000;

export async function addScoreColumns(
  context: Excel.RequestContext,
  source: ScoreSource,
  scores: ReadonlyMap<string, { score: number | null; band: string | null }>,
  signal?: { readonly aborted: boolean }
): Promise<ScoreColumnsResult> {
  const ws = context.workbook.worksheets.getItem(source.sheet);
  const table = source.table ? ws.tables.getItem(source.table) : undefined;
  // The header row: the first row holding the id header (titles may sit above a plain range).
  const norm = (v: unknown) =>
    String(v ?? "")
      .trim()
      .toLowerCase();
  let headerRow = -1;
  let header: string[] = [];
  let idCol = -1;
  const ids: string[] = [];
  // Read in blocks under Excel on the web's 5 MB per response (readRegion); only the ids are kept.
  // A table's totals row (when shown) is not read: it is the user's, never written.
  const region = await readRegion(
    context,
    { sheet: source.sheet, table: source.table },
    (rows, offset) => {
      rows.forEach((r, i) => {
        if (headerRow >= 0) {
          ids.push(String(r[idCol] ?? "").trim());
        } else if (r.some((v) => norm(v) === norm(source.idHeader))) {
          headerRow = offset + i;
          header = r.map(norm);
          idCol = header.indexOf(norm(source.idHeader));
        }
      });
    }
  );
  // read only so far: a cancel now changes nothing
  if (signal?.aborted) throw new WriteCancelledError();
  if (headerRow < 0)
    throw new Error(
      `The column "${source.idHeader}" was not found in ${source.table ?? source.sheet}.`
    );
  const existing = SCORE_HEADERS.map((h) => header.indexOf(h.toLowerCase()));
  const refreshed = existing.every((c) => c >= 0);
  let matched = 0;
  const cells = ids.map((id) => {
    const s = scores.get(id);
    if (!s) return ["", ""];
    matched++;
    return [s.score ?? "", s.band ?? ""];
  });
  const top = region.rowIndex + headerRow;
  const left = region.columnIndex;

  let address: string;
  if (refreshed) {
    address = `${source.sheet}`;
  } else if (table) {
    // Header only: the body is written below in slices. The new columns' cells in the totals
    // row are left blank. (TableColumnCollection.add's name: ExcelApi 1.4.)
    table.columns.add(undefined, undefined, SCORE_HEADERS[0]);
    table.columns.add(undefined, undefined, SCORE_HEADERS[1]);
    address = source.table!;
  } else {
    const head = ws.getRangeByIndexes(top, left + region.columnCount, 1, 2);
    head.values = [[...SCORE_HEADERS]];
    head.format.font.bold = true;
    address = source.sheet;
  }
  // new columns go right of the region
  const cols = refreshed ? existing : [region.columnCount, region.columnCount + 1];
  // One round trip per slice: more than one only past 50,000 rows.
  const sync = () => context.sync();
  // Same columns, new values: a column at a time (they need not be side by side), in slices.
  for (let from = 0; from < Math.max(1, cells.length); from += WRITE_ROWS) {
    const n = Math.max(1, Math.min(WRITE_ROWS, cells.length - from));
    const at = (c: number) => ws.getRangeByIndexes(top + 1 + from, left + c, n, 1);
    if (cells.length)
      cols.forEach((c, k) => (at(c).values = cells.slice(from, from + n).map((r) => [r[k]])));
    at(cols[0]).numberFormat = Array.from({ length: n }, () => ["0.00"]);
    await sync();
  }
  return { rows: cells.length, matched, refreshed, address };
}
