/**
 * A table's header row on every printed page it runs onto, on a sheet of several tables.
 *
 * Excel repeats one run of rows on every page (print titles, page.printTitleRows): right for a
 * sheet of one long table (Account Health, Alerts, the Whitespace Map), wrong for one of several
 * (Cross-Sell, the Breakdown), where it would head every table with the first one's columns. There
 * the header row is written again where a page break falls inside a table, with a manual break
 * before it, so the page the table continues on starts with its header: the Cross-Sell's
 * opportunities ran on for three pages of bare rows.
 *
 * Only ranges styled as tables (Block.header) get a copy, never an Excel table (a copy would be a
 * data row that sorts and filters with the rest), nor a block a chart draws from, nor a sheet with
 * formulas (their references would have to move with the rows).
 */
import {
  blockRange,
  colLetter,
  isFormula,
  parseRange,
  type Block,
  type RangePos,
  type SheetSpec,
} from "./spec";

/** Row height (points) of a row the spec gives none: Calibri 11's line. */
const DEFAULT_ROW_POINTS = 15;
/**
 * Share of a page the continued pages fill: a little room left so that the page ends at the break
 * placed here in every program, not a row before it (LibreOffice fits more rows a page than Excel,
 * never fewer).
 */
const FILL = 0.97;

/** A range ('A5:J40', 'C7') with its rows moved by `at` (a 1-based row → its new row). */
function moveRange(range: string, at: (row: number) => number): string {
  // after a sheet's name ("'KAP Cross-Sell – C0204'!A5:B9"): its digits are no row
  const bang = range.lastIndexOf("!") + 1;
  return (
    range.slice(0, bang) +
    range
      .slice(bang)
      .replace(
        /(\$?[A-Z]{1,3}\$?)(\d+)/g,
        (_m, col: string, row: string) => `${col}${at(Number(row))}`
      )
  );
}

/**
 * The finished spec with a copy of a table's header row where a page would otherwise continue a
 * table without one (see the module comment). `pagePoints`: points of rows a page holds.
 */
export function repeatHeaders(spec: SheetSpec, pagePoints: number): SheetSpec {
  const page = spec.page;
  if (!page || page.onePage || page.printTitleRows) return spec;
  if (spec.blocks.some((b) => b.rows.some((row) => row.some((v) => isFormula(v))))) return spec;
  const chartRows = (spec.charts ?? []).flatMap((ch) =>
    ch.data.split(",").map((r) => parseRange(r.replace(/^.*!/, "")))
  );
  const drawnFrom = (p: RangePos) =>
    chartRows.some((c) => c.row < p.row + p.rows && c.row + c.rows > p.row);
  // the header blocks that may continue: their header row (1-based) and last row
  const tables = spec.blocks
    .map((b, i) => ({ b, i, pos: blockRange(b) }))
    .filter(({ b, pos }) => b.header && !b.table && pos.rows > 2 && !drawnFrom(pos))
    .map(({ i, pos }) => ({ i, header: pos.row + 1, last: pos.row + pos.rows }));
  if (!tables.length) return spec;

  const height = (r: number) => spec.rowHeights?.[r] ?? DEFAULT_ROW_POINTS;
  const breaks = new Set(page.rowBreaks ?? []);
  const area = page.printArea ? parseRange(page.printArea) : undefined;
  let lastRow = 0;
  for (const b of spec.blocks) {
    const p = blockRange(b);
    lastRow = Math.max(lastRow, p.row + p.rows);
  }
  const first = area ? area.row + 1 : 1;
  if (area) lastRow = Math.min(lastRow, area.row + area.rows);
  // rows (1-based) with a value in them: a table's heading is up to two of them just above its header
  const filledRows = new Set<number>();
  for (const b of spec.blocks) {
    const p = blockRange(b);
    b.rows.forEach((row, i) => {
      if (row.some((v) => v !== null && v !== "")) filledRows.add(p.row + 1 + i);
    });
  }
  const headingOf = (t: (typeof tables)[number]) => {
    let f = t.header;
    while (f > 1 && t.header - f < 2 && filledRows.has(f - 1)) f--;
    return f;
  };
  // Lay the pages out as the printer does; where a page starts inside a table's data rows, its
  // header row goes first on that page. Every page then starts at a break placed here: a program
  // that fits a few more rows a page (LibreOffice) keeps to these pages rather than drift off them.
  const copies: { before: number; table: (typeof tables)[number] }[] = [];
  const pageStarts: number[] = [];
  const room = pagePoints * FILL;
  let used = 0;
  let pageStart = first;
  for (let r = first; r <= lastRow; r++) {
    if (r > pageStart && (breaks.has(r) || used + height(r) > room)) {
      // a table whose header and fewer than three of its rows would end the page starts the next
      // one with its heading (as tableBreaks places tables; the copies above moved them)
      const late = breaks.has(r)
        ? undefined
        : tables.find((x) => r > x.header && r <= x.header + 3 && headingOf(x) > pageStart);
      if (late) r = headingOf(late);
      const t = tables.find((x) => r > x.header && r <= x.last);
      pageStarts.push(r);
      pageStart = r;
      used = 0;
      if (t) {
        copies.push({ before: r, table: t });
        used = height(t.header);
      }
    }
    used += height(r);
  }
  if (!copies.length) return spec;

  // Rows move down by the copies above them: original row r → r + copies at or above it.
  const befores = copies.map((c) => c.before);
  const moved = (r: number) => r + befores.filter((b) => b <= r).length;
  /** The new row of the copy placed before original row b. */
  const copyRow = (b: number) => b + befores.filter((x) => x < b).length;

  const blocks: Block[] = [];
  spec.blocks.forEach((b, i) => {
    const pos = blockRange(b);
    const cuts = copies.filter((c) => c.table.i === i).map((c) => c.before - pos.row - 1);
    const at = (rowInBlock: number) => `${colLetter(pos.col)}${moved(pos.row + 1 + rowInBlock)}`;
    if (!cuts.length) {
      blocks.push({ ...b, at: at(0) });
      return;
    }
    // the block in pieces: its first rows, then each page's rows under a copy of its header
    const bounds = [0, ...cuts, b.rows.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [from, to] = [bounds[k], bounds[k + 1]];
      const rows = b.rows.slice(from, to);
      const cellFormats = b.cellFormats?.slice(from, to);
      const piece: Block = {
        ...b,
        at: k === 0 ? at(0) : `${colLetter(pos.col)}${copyRow(pos.row + 1 + from)}`,
        rows: k === 0 ? rows : [b.rows[0], ...rows],
        ...(cellFormats
          ? { cellFormats: k === 0 ? cellFormats : [b.cellFormats?.[0] ?? [], ...cellFormats] }
          : {}),
        // a total row is the last piece's
        total: b.total && k === bounds.length - 2,
      };
      blocks.push(piece);
    }
  });

  // a style or merge of a header row alone (its wrap, its alignment) is the copy's too
  const headerRowOf = new Map(copies.map((c) => [copyRow(c.before), c.table.header]));
  const onRow = (range: string, r: number) => {
    const p = parseRange(range);
    return p.row + 1 === r && p.rows === 1;
  };
  const copiesOf = <T>(
    items: T[],
    rangeOf: (x: T) => string,
    withRange: (x: T, r: string) => T
  ): T[] =>
    [...headerRowOf].flatMap(([row, header]) =>
      items
        .filter((x) => onRow(rangeOf(x), header))
        .map((x) =>
          withRange(
            x,
            moveRange(rangeOf(x), () => row)
          )
        )
    );
  const styles = (spec.styles ?? []).map((s) => ({ ...s, range: moveRange(s.range, moved) }));
  const merges = (spec.merges ?? []).map((m) => moveRange(m, moved));
  const rowHeights: Record<number, number> = {};
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) rowHeights[moved(Number(r))] = h;
  for (const [row, header] of headerRowOf)
    if (spec.rowHeights?.[header] !== undefined) rowHeights[row] = spec.rowHeights[header];

  return {
    ...spec,
    blocks,
    styles: [
      ...styles,
      ...copiesOf(
        spec.styles ?? [],
        (s) => s.range,
        (s, range) => ({ ...s, range })
      ),
    ],
    merges: [
      ...merges,
      ...copiesOf(
        spec.merges ?? [],
        (m) => m,
        (_m, r) => r
      ),
    ],
    rowHeights,
    ...(spec.cellNotes
      ? { cellNotes: spec.cellNotes.map((n) => ({ ...n, at: moveRange(n.at, moved) })) }
      : {}),
    ...(spec.conditionalFormats
      ? {
          conditionalFormats: spec.conditionalFormats.map((c) => ({
            ...c,
            range: moveRange(c.range, moved),
          })),
        }
      : {}),
    ...(spec.charts
      ? {
          charts: spec.charts.map((ch) => ({
            ...ch,
            data: moveRange(ch.data, moved),
            from: moveRange(ch.from, moved),
            to: moveRange(ch.to, moved),
          })),
        }
      : {}),
    page: {
      ...page,
      ...(page.printArea ? { printArea: moveRange(page.printArea, moved) } : {}),
      ...(page.keepTogether
        ? {
            keepTogether: page.keepTogether.map((k) =>
              k.replace(/\d+/g, (r) => String(moved(Number(r))))
            ),
          }
        : {}),
      rowBreaks: [
        ...new Set([
          ...[...(page.rowBreaks ?? []), ...pageStarts].map((r) =>
            befores.includes(r) ? copyRow(r) : moved(r)
          ),
        ]),
      ].sort((a, b) => a - b),
    },
  };
}
