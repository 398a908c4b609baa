/**
 * Excel's limits on text KAP writes from the data, applied by both writers (src/xlsx/writeXlsx.ts
 * and src/excel/writeSheets.ts) so a workbook is never one Excel refuses or "repairs":
 * - a cell holds at most 32,767 characters ("Excel specifications and limits": total number of
 *   characters that a cell can contain); a longer text (a 3,000,000-character customer name) is
 *   cut to 32,767 ending "…", and cellTextNote says which cells were cut;
 * - a page header or footer holds at most 255 characters (same page), its codes included: the
 *   left header (a sheet's title, with the account's name) is cut to fit, ending "…".
 * Nothing is lost: the sheets are a view; the full text stays in the data and the analysis.
 */
import { cellA1, parseCell, type Block, type CellValue, type SheetSpec } from "./spec";

/** Most characters one cell holds. */
export const CELL_TEXT_MAX = 32_767;
/** Most characters of a page header or footer, its codes (&L, &R, &&) included. */
export const HEADER_FOOTER_MAX = 255;
/** Most characters of a chart series' name: Excel refuses a longer one (the decision map names its points' contacts). */
export const SERIES_NAME_MAX = 255;
/** Where the pane's user finds a text that was cut (the CLI names its --json). */
export const FULL_TEXT_IN_DATA = "the full text is still in your data";
/** Ends a text that was cut. */
export const CUT_MARK = "…";

/** `s` cut to at most `max` UTF-16 units, ending CUT_MARK, never splitting a surrogate pair. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - CUT_MARK.length;
  if (/[\uD800-\uDBFF]/.test(s[end - 1] ?? "")) end--;
  return `${s.slice(0, end)}${CUT_MARK}`;
}

/** A chart series' name within Excel's 255 characters, ending "…" when cut (the cell keeps the whole text). */
export function seriesNameText(s: string): string {
  return cutText(s, SERIES_NAME_MAX);
}

/** One cell whose text was cut: where (sheet name as given, A1) and how long the text was. */
export interface CutCell {
  sheet: string;
  cell: string;
  length: number;
}

function fitBlock(b: Block, sheet: string, cut: CutCell[]): Block {
  let rows: CellValue[][] | undefined;
  b.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== "string" || v.length <= CELL_TEXT_MAX) return;
      rows ??= b.rows.map((r) => [...r]);
      rows[i][j] = cutText(v, CELL_TEXT_MAX);
      const at = parseCell(b.at);
      cut.push({ sheet, cell: cellA1(at.row + i, at.col + j), length: v.length });
    })
  );
  return rows ? { ...b, rows } : b;
}

/**
 * The left header and footer cut so each whole header and footer (`&L…&R…`, each & written &&)
 * fits in 255 characters.
 */
function fitHeader(page: NonNullable<SheetSpec["page"]>): NonNullable<SheetSpec["page"]> {
  const coded = (s: string | undefined) => (s ?? "").replace(/&/g, "&&").length;
  const fit = (left: string | undefined, room: number): string | undefined => {
    if (left === undefined || coded(left) <= room) return left;
    let text = cutText(left, Math.max(1, room));
    // an & takes two characters once coded
    while (coded(text) > room && text.length > 1) text = cutText(text, text.length - 1);
    return text;
  };
  const headerLeft = fit(
    page.headerLeft,
    HEADER_FOOTER_MAX - "&L&R".length - coded(page.headerRight)
  );
  const footerLeft = fit(page.footerLeft, HEADER_FOOTER_MAX - "&L&RPage &P of &N".length);
  return headerLeft === page.headerLeft && footerLeft === page.footerLeft
    ? page
    : { ...page, headerLeft, footerLeft };
}

/**
 * The sheet with every text cell within Excel's 32,767 characters and its page header within 255,
 * and the cells that were cut. A sheet with nothing too long is returned as it is.
 */
export function withCellLimits(spec: SheetSpec): { spec: SheetSpec; cut: CutCell[] } {
  const cut: CutCell[] = [];
  const blocks = spec.blocks.map((b) => fitBlock(b, spec.name, cut));
  const page = spec.page ? fitHeader(spec.page) : undefined;
  const same = cut.length === 0 && page === spec.page;
  return { spec: same ? spec : { ...spec, blocks, ...(page ? { page } : {}) }, cut };
}

/** Every cell of these sheets whose text is over 32,767 characters (what the writers will cut). */
export function cellsToCut(specs: readonly SheetSpec[]): CutCell[] {
  return specs.flatMap((s) => withCellLimits(s).cut);
}

/**
 * What a user is told when cells were cut, or null: how many, the first one and its full length,
 * and where the full text is (`whereFull`, e.g. "kap analyze --json gives it in full").
 */
export function cellTextNote(cut: readonly CutCell[], whereFull: string): string | null {
  if (cut.length === 0) return null;
  const n = (x: number) => x.toLocaleString("en-GB");
  const first = cut[0];
  const which = `${first.sheet} ${first.cell}, ${n(first.length)} characters${cut.length > 1 ? `, and ${n(cut.length - 1)} more` : ""}`;
  return `${cut.length === 1 ? "1 cell's text was" : `${n(cut.length)} cells' text was`} cut to Excel's limit of ${n(CELL_TEXT_MAX)} characters, ending "${CUT_MARK}" (${which}): ${whereFull}.`;
}
