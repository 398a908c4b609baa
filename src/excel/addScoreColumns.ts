/**
 * "Add score columns to my table": the one action that edits the user's own data, and only
 * when asked. It adds (or, on a re-run, refreshes) two columns — KAP Health score and KAP
 * Band — beside the user's accounts table, matched by account id. Nothing else in the table
 * changes; only numbers and KAP's own band words are written, never text from the data.
 * Three syncs whatever the table's size: read the header and ids, then write. A cancel
 * (`signal`) before the write leaves the table as it was.
 */
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

export async function addScoreColumns(
  context: Excel.RequestContext,
  source: ScoreSource,
  scores: ReadonlyMap<string, { score: number | null; band: string | null }>,
  signal?: { readonly aborted: boolean }
): Promise<ScoreColumnsResult> {
  const ws = context.workbook.worksheets.getItem(source.sheet);
  const table = source.table ? ws.tables.getItem(source.table) : undefined;
  const region = table ? table.getRange() : ws.getUsedRange(true);
  region.load(["values", "rowIndex", "columnIndex", "rowCount", "columnCount"]);
  table?.load("showTotals");
  await context.sync();
  // read only so far: a cancel now changes nothing
  if (signal?.aborted) throw new WriteCancelledError();
  // A table's totals row (when shown) ends its range: it is the user's, never written.
  const totalsRow = table?.showTotals ? 1 : 0;

  const values = region.values as unknown[][];
  // The header row: the first row holding the id header (titles may sit above a plain range).
  const norm = (v: unknown) =>
    String(v ?? "")
      .trim()
      .toLowerCase();
  const headerRow = values.findIndex((r) => r.some((v) => norm(v) === norm(source.idHeader)));
  if (headerRow < 0)
    throw new Error(
      `The column "${source.idHeader}" was not found in ${source.table ?? source.sheet}.`
    );
  const header = values[headerRow].map(norm);
  const idCol = header.indexOf(norm(source.idHeader));
  const existing = SCORE_HEADERS.map((h) => header.indexOf(h.toLowerCase()));
  const refreshed = existing.every((c) => c >= 0);
  const body = values.slice(headerRow + 1, values.length - totalsRow);
  let matched = 0;
  const cells = body.map((r) => {
    const s = scores.get(String(r[idCol] ?? "").trim());
    if (!s) return ["", ""];
    matched++;
    return [s.score ?? "", s.band ?? ""];
  });

  let address: string;
  if (refreshed) {
    // Same columns, new values: a column at a time (they need not be side by side).
    existing.forEach((c, k) => {
      const col = ws.getRangeByIndexes(
        region.rowIndex + headerRow + 1,
        region.columnIndex + c,
        Math.max(1, body.length),
        1
      );
      if (body.length) col.values = cells.map((r) => [r[k]]);
    });
    address = `${source.sheet}`;
  } else if (table) {
    // the new columns' cells in the totals row are left blank
    const totals = totalsRow ? [[""]] : [];
    table.columns.add(undefined, [[SCORE_HEADERS[0]], ...cells.map((r) => [r[0]]), ...totals]);
    table.columns.add(undefined, [[SCORE_HEADERS[1]], ...cells.map((r) => [r[1]]), ...totals]);
    address = source.table!;
  } else {
    const target = ws.getRangeByIndexes(
      region.rowIndex + headerRow,
      region.columnIndex + region.columnCount,
      body.length + 1,
      2
    );
    target.values = [[...SCORE_HEADERS], ...cells];
    ws.getRangeByIndexes(
      region.rowIndex + headerRow,
      region.columnIndex + region.columnCount,
      1,
      2
    ).format.font.bold = true;
    address = source.sheet;
  }
  const scoreCol = refreshed ? existing[0] : region.columnCount;
  ws.getRangeByIndexes(
    region.rowIndex + headerRow + 1,
    region.columnIndex + scoreCol,
    Math.max(1, body.length),
    1
  ).numberFormat = Array.from({ length: Math.max(1, body.length) }, () => ["0.00"]);
  await context.sync();
  return { rows: body.length, matched, refreshed, address };
}
