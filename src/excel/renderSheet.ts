/**
 * Queues the Office.js commands that draw one SheetSpec onto a new worksheet. Nothing here
 * syncs: the caller (writeSheets) decides when, so the number of round trips does not grow
 * with the number of rows.
 *
 * Text safety — why numberFormat '@' before values: `range.values` parses a string like
 * typed input, so "=HYPERLINK(...)", "@SUM(A1)", "+A1" would become formulas and "00123" or
 * "1-2" would become numbers/dates. A cell whose format is Text ('@') keeps whatever is
 * entered as a literal string (Excel's documented behaviour for text-formatted cells, the
 * same one VBA relies on with NumberFormat = "@"). An apostrophe prefix would also work for
 * formulas, but '@' additionally keeps SKUs like "00123" and is a property of the cell rather
 * than of the value, so a later re-entry stays text too. The format is queued BEFORE the
 * values in the same batch; commands run in order. Formula cells never get '@' (a formula in
 * a Text cell would show as text) and are written only through `range.formulas`, and only
 * from `{ formula }` values that KAP code built.
 */
import { jsonBytes } from "./bytes";
import { toWorkbookSerial, type DateSystem } from "./dateSystem";
import { supports } from "./requirements";
import { seriesNameText } from "../sheets/cellLimits";
import {
  blockRange,
  cellA1,
  FORMATS,
  formatFor,
  rangeA1,
  isDate,
  isFormula,
  parseRange,
  gapColumns,
  formatAt,
  numericColumns,
  placeholderCells,
  resolveStyle,
  KAP_FOOTER,
  wholeUnits,
  widthCharsToPoints,
  type Block,
  type CellStyle,
  type CellValue,
  type CfRule,
  type ChartAxis,
  type ChartSpec,
  type ChartType,
  type SheetSpec,
} from "../sheets/spec";

/** A header cell over a column of figures. */
const RIGHT: CellStyle = { hAlign: "right" };
/** Text beside a column of figures. */
const INDENT: CellStyle = { indent: 1 };

type Scalar = string | number | boolean;

export interface RenderedBlock {
  address: string;
  values: Scalar[][];
  formats: string[][];
  /** Formula runs down one column: top-left cell address + formulas. */
  formulaRuns: { row: number; col: number; formulas: string[] }[];
  /** UTF-8 bytes of the JSON this block sends: values, formats and formulas (for request planning). */
  bytes: number;
}

/**
 * The 2-D arrays Office.js is given for one block (exported for tests and planning). Dates
 * (1900-system serials) are written in the workbook's `dateSystem` (./dateSystem).
 */
export function renderBlock(b: Block, dateSystem: DateSystem = 1900): RenderedBlock {
  const pos = blockRange(b);
  const values: Scalar[][] = [];
  const formats: string[][] = [];
  const formulaRuns: RenderedBlock["formulaRuns"] = [];
  const open = new Map<number, { row: number; col: number; formulas: string[] }>();
  for (let i = 0; i < pos.rows; i++) {
    const src = b.rows[i] ?? [];
    const vr: Scalar[] = [];
    const fr: string[] = [];
    for (let j = 0; j < pos.cols; j++) {
      const v: CellValue = j < src.length ? src[j] : null;
      fr.push(formatFor(v, formatAt(b, i, j)));
      if (isFormula(v)) {
        vr.push("");
        const run = open.get(j);
        if (run && run.row + run.formulas.length === pos.row + i) run.formulas.push(v.formula);
        else {
          const fresh = { row: pos.row + i, col: pos.col + j, formulas: [v.formula] };
          open.set(j, fresh);
          formulaRuns.push(fresh);
        }
      } else {
        vr.push(isDate(v) ? toWorkbookSerial(v.date, dateSystem) : v === null ? "" : v);
      }
    }
    values.push(vr);
    formats.push(fr);
  }
  const bytes =
    jsonBytes(values) +
    jsonBytes(formats) +
    formulaRuns.reduce((n, r) => n + jsonBytes(r.formulas) + 40, 0);
  return {
    address: `${cellA1(pos.row, pos.col)}:${cellA1(pos.row + pos.rows - 1, pos.col + pos.cols - 1)}`,
    values,
    formats,
    formulaRuns,
    bytes,
  };
}

/** Splits a block into row slices of at most `maxBytes` each (a header row stays with the first slice). */
export function sliceBlock(b: Block, maxBytes: number): Block[] {
  const whole = renderBlock(b);
  if (whole.bytes <= maxBytes || b.rows.length <= 1) return [b];
  const perRow = whole.bytes / b.rows.length;
  const rowsPer = Math.max(1, Math.floor(maxBytes / perRow));
  const at = parseRange(b.at);
  const out: Block[] = [];
  for (let i = 0; i < b.rows.length; i += rowsPer) {
    out.push({
      at: cellA1(at.row + i, at.col),
      rows: b.rows.slice(i, i + rowsPer),
      formats: b.formats,
      ...(b.cellFormats ? { cellFormats: b.cellFormats.slice(i, i + rowsPer) } : {}),
    });
  }
  return out;
}

/** Queues values, number formats and formulas of one block (or slice). */
export function queueBlockData(ws: Excel.Worksheet, r: RenderedBlock): void {
  const range = ws.getRange(r.address);
  range.numberFormat = r.formats; // Text cells become '@' BEFORE any string lands in them.
  range.values = r.values;
  for (const run of r.formulaRuns) {
    ws.getRangeByIndexes(run.row, run.col, run.formulas.length, 1).formulas = run.formulas.map(
      (f) => [f]
    );
  }
}

const H: Record<string, Excel.HorizontalAlignment | "Left" | "Center" | "Right"> = {
  left: "Left",
  center: "Center",
  right: "Right",
};
const V: Record<string, "Top" | "Center" | "Bottom"> = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
};

export function applyStyle(range: Excel.Range, s: CellStyle): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontColor) f.font.color = s.fontColor;
  if (s.fontSize) f.font.size = s.fontSize;
  if (s.fill) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.indent !== undefined && supports("indent")) {
    f.horizontalAlignment = "Left";
    f.indentLevel = s.indent;
  }
  if (s.hAlign) f.horizontalAlignment = H[s.hAlign] as Excel.HorizontalAlignment;
  if (s.vAlign) f.verticalAlignment = V[s.vAlign] as Excel.VerticalAlignment;
  if (s.border) {
    const edges: string[] =
      s.border === "bottom"
        ? ["EdgeBottom"]
        : s.border === "top"
          ? ["EdgeTop"]
          : s.border === "box"
            ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]
            : [
                "EdgeTop",
                "EdgeBottom",
                "EdgeLeft",
                "EdgeRight",
                "InsideHorizontal",
                "InsideVertical",
              ];
    for (const e of edges) f.borders.getItem(e as Excel.BorderIndex).style = "Continuous";
  }
}

const CELL_OPS = {
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  between: "Between",
  equal: "EqualTo",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
} as const;
const ICONS = {
  "3Arrows": "ThreeArrows",
  "3TrafficLights1": "ThreeTrafficLights1",
  "3Symbols": "ThreeSymbols",
  "4Arrows": "FourArrows",
  "5Arrows": "FiveArrows",
} as const;

export function queueConditionalFormat(range: Excel.Range, rule: CfRule): void {
  switch (rule.type) {
    case "cellValue": {
      const cf = range.conditionalFormats.add("CellValue");
      if (rule.fill) cf.cellValue.format.fill.color = rule.fill;
      if (rule.fontColor) cf.cellValue.format.font.color = rule.fontColor;
      cf.cellValue.rule = {
        formula1: String(rule.values[0]),
        formula2: rule.values[1] === undefined ? undefined : String(rule.values[1]),
        operator: CELL_OPS[rule.operator],
      };
      return;
    }
    case "textContains": {
      const cf = range.conditionalFormats.add("ContainsText");
      if (rule.fill) cf.textComparison.format.fill.color = rule.fill;
      if (rule.fontColor) cf.textComparison.format.font.color = rule.fontColor;
      cf.textComparison.rule = { operator: "Contains", text: rule.text };
      return;
    }
    case "dataBar": {
      const cf = range.conditionalFormats.add("DataBar");
      if (rule.color) cf.dataBar.positiveFormat.fillColor = rule.color;
      return;
    }
    case "colorScale": {
      const cf = range.conditionalFormats.add("ColorScale");
      const [lo, mid, hi] =
        rule.colors.length === 3 ? rule.colors : [rule.colors[0], undefined, rule.colors[1]];
      cf.colorScale.criteria = {
        minimum: { type: "LowestValue", color: lo },
        ...(mid ? { midpoint: { type: "Percentile", formula: "50", color: mid } } : {}),
        maximum: { type: "HighestValue", color: hi },
      };
      return;
    }
    case "iconSet": {
      const cf = range.conditionalFormats.add("IconSet");
      cf.iconSet.style = ICONS[rule.icons];
      return;
    }
  }
}

const CHARTS: Record<ChartType, string> = {
  line: "Line",
  column: "ColumnClustered",
  bar: "BarClustered",
  pie: "Pie",
  scatter: "XYScatter",
};

/** The value a sheet description puts in a cell (the last block covering it wins), or undefined. */
function specValueAt(spec: SheetSpec, row: number, col: number): CellValue | undefined {
  let v: CellValue | undefined;
  for (const b of spec.blocks) {
    const at = parseRange(b.at);
    const rr = row - at.row;
    const cc = col - at.col;
    if (rr >= 0 && rr < b.rows.length && cc >= 0 && cc < (b.rows[rr]?.length ?? 0))
      v = b.rows[rr][cc];
  }
  return v;
}

/**
 * A scatter chart, one series per data row (name, x, y) so each point is labelled with its name
 * (ExcelApi 1.7 series.add / setXAxisValues / setValues; 1.8 data labels). The chart is made
 * from the first row's x and y, then the other rows are added as series.
 */
function queueScatter(ws: Excel.Worksheet, spec: SheetSpec, c: ChartSpec): void {
  const r = parseRange(c.data);
  if (r.rows < 2 || r.cols < 3) return;
  const first = r.row + 1;
  const chart = ws.charts.add(
    CHARTS.scatter as Excel.ChartType,
    ws.getRangeByIndexes(first, r.col + 1, 1, 2),
    "Columns"
  );
  chart.title.text = c.title;
  chart.setPosition(c.from, c.to);
  // Points labelled with their names (ExcelApi 1.8); an older Excel shows a legend instead.
  const labels = supports("chartLabels");
  chart.legend.visible = !labels;
  // k: the data row (0 the first); a label the layout puts left would be cut at the plot's right edge
  const label = (s: Excel.ChartSeries, k: number) => {
    if (!labels) return;
    s.hasDataLabels = true;
    s.dataLabels.showSeriesName = true;
    s.dataLabels.showValue = false;
    s.dataLabels.position = c.labelLeft?.[k] ? "Left" : "Right";
  };
  // Series names are the sheet's own text (a series name is plain text, never a formula), within
  // Excel's 255 characters: a longer one (many contacts at one point) failed the whole write.
  const nameAt = (row: number) => seriesNameText(String(specValueAt(spec, row, r.col) ?? ""));
  const s0 = chart.series.getItemAt(0);
  s0.name = nameAt(first);
  s0.setXAxisValues(ws.getRangeByIndexes(first, r.col + 1, 1, 1));
  s0.setValues(ws.getRangeByIndexes(first, r.col + 2, 1, 1));
  label(s0, 0);
  for (let i = 2; i < r.rows; i++) {
    const s = chart.series.add(nameAt(r.row + i));
    s.setXAxisValues(ws.getRangeByIndexes(r.row + i, r.col + 1, 1, 1));
    s.setValues(ws.getRangeByIndexes(r.row + i, r.col + 2, 1, 1));
    label(s, i - 1);
  }
  const axis = (a: Excel.ChartAxis, spec: ChartAxis | undefined) => {
    if (!spec) return;
    if (spec.min !== undefined) a.minimum = spec.min;
    if (spec.max !== undefined) a.maximum = spec.max;
    if (spec.majorUnit !== undefined) a.majorUnit = spec.majorUnit;
    if (spec.title) a.title.text = spec.title;
  };
  axis(chart.axes.categoryAxis, c.axes?.x);
  axis(chart.axes.valueAxis, c.axes?.y);
}

/** The number format of a chart's first value (the cell under its first series' header), if the spec gives one. */
function valueFormatOf(spec: SheetSpec, c: ChartSpec): string | undefined {
  const r = parseRange(c.data);
  const row = r.row + 1;
  const col = r.col + 1;
  for (const b of spec.blocks) {
    const at = parseRange(b.at);
    const i = row - at.row;
    const j = col - at.col;
    if (i >= 0 && j >= 0 && i < b.rows.length && j < (b.rows[i]?.length ?? 0)) {
      const f = formatAt(b, i, j);
      if (typeof b.rows[i][j] === "number" && f && f !== FORMATS.general) return f;
    }
  }
  return undefined;
}

/**
 * The placeholder cells of a block ("n/a" where a figure would be) as runs down a column, one
 * alignment command each, not one per cell: a command per cell made the request of a 40,000-row
 * sheet larger than Excel on the web's 5 MB (resource-limits-and-performance-optimization.md).
 * In a column of figures the whole body is one run: its numbers sit right under Excel's General
 * alignment already, so aligning them right changes nothing a user sees.
 */
export function placeholderRuns(b: Block): { row: number; col: number; rows: number }[] {
  const cells = placeholderCells(b);
  if (cells.length === 0) return [];
  const numeric = b.header || b.table ? numericColumns(b) : [];
  const first = b.header || b.table ? 1 : 0;
  const runs: { row: number; col: number; rows: number }[] = [];
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col) ?? [];
    rows.push(c.row);
    byCol.set(c.col, rows);
  }
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    if (numeric[col]) {
      runs.push({ row: first, col, rows: b.rows.length - first });
      continue;
    }
    rows.sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      runs.push({ row: rows[i], col, rows: rows[j] - rows[i] + 1 });
      i = j + 1;
    }
  }
  return runs;
}

/**
 * Estimated request bytes of one range command (the range, its format path, the values set):
 * what `pace` is told, so commands that grow with the rows count toward the request budget.
 */
export const COMMAND_BYTES = 400;

/**
 * Everything after the data: styles, widths, merges, tables, formats, charts, page, freeze.
 * `pace` is told the bytes of each command whose number grows with the rows (range styles, n/a
 * runs, merges, row heights); the writer syncs when its request budget is spent, as for data:
 * a print-ready sheet of 20,000 accounts holds some 70,000 of them, over Excel on the web's 5 MB
 * in one request (resource-limits-and-performance-optimization.md).
 */
export async function queueSheetDressing(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  tableNames: string[],
  pace: (bytes: number) => Promise<void> = async () => undefined
): Promise<Excel.Table[]> {
  const tables: Excel.Table[] = [];
  let t = 0;
  for (const b of spec.blocks) {
    const pos = blockRange(b);
    const whole = ws.getRangeByIndexes(pos.row, pos.col, pos.rows, pos.cols);
    const bs = resolveStyle(b.style);
    if (bs) applyStyle(whole, bs);
    if ((b.header || b.table) && !b.table)
      applyStyle(ws.getRangeByIndexes(pos.row, pos.col, 1, pos.cols), resolveStyle("header")!);
    if (b.table)
      applyStyle(ws.getRangeByIndexes(pos.row, pos.col, 1, pos.cols), resolveStyle("tableHeader")!);
    if (b.header || b.table)
      numericColumns(b).forEach((numeric, j) => {
        if (numeric) applyStyle(ws.getRangeByIndexes(pos.row, pos.col + j, 1, 1), RIGHT);
      });
    gapColumns(b).forEach((gap, j) => {
      if (gap) applyStyle(ws.getRangeByIndexes(pos.row, pos.col + j, pos.rows, 1), INDENT);
    });
    if (b.total && pos.rows > 1)
      applyStyle(
        ws.getRangeByIndexes(pos.row + pos.rows - 1, pos.col, 1, pos.cols),
        resolveStyle("total")!
      );
    // "n/a" where a figure would be: right, with the figures
    for (const p of placeholderRuns(b)) {
      applyStyle(ws.getRangeByIndexes(pos.row + p.row, pos.col + p.col, p.rows, 1), RIGHT);
      await pace(COMMAND_BYTES);
    }
    if (b.table) {
      // A Range, not an address string: a bare address would be read on the ACTIVE sheet.
      const table = ws.tables.add(ws.getRange(rangeA1(pos)), true);
      table.name = tableNames[t++];
      if (b.table.style) table.style = b.table.style;
      table.showFilterButton = b.table.filter !== false;
      tables.push(table);
    }
  }
  for (const s of spec.styles ?? []) {
    const st = resolveStyle(s.style);
    if (!st) continue;
    applyStyle(ws.getRange(s.range), st);
    await pace(COMMAND_BYTES * (1 + Object.keys(st).length));
  }
  for (const m of spec.merges ?? []) {
    ws.getRange(m).merge(false);
    await pace(COMMAND_BYTES);
  }
  (spec.widths ?? []).forEach((w, c) => {
    if (w !== undefined)
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthCharsToPoints(w);
  });
  for (const cf of spec.conditionalFormats ?? [])
    queueConditionalFormat(ws.getRange(cf.range), cf.rule);
  for (const c of spec.charts ?? []) {
    if (c.type === "scatter") {
      queueScatter(ws, spec, c);
      continue;
    }
    const chart = ws.charts.add(
      CHARTS[c.type] as Excel.ChartType,
      ws.getRange(c.data),
      c.seriesBy === "rows" ? "Rows" : c.seriesBy === "columns" ? "Columns" : "Auto"
    );
    chart.title.text = c.title;
    chart.setPosition(c.from, c.to);
    // A pie's slices in the spec's colours (the health bands'), a column or bar series in its own.
    if (c.colors?.length) {
      const s0 = chart.series.getItemAt(0);
      if (c.type === "pie")
        c.colors.forEach((col, k) => s0.points.getItemAt(k).format.fill.setSolidColor(col));
      else c.colors.forEach((col, k) => chart.series.getItemAt(k).format.fill.setSolidColor(col));
    }
    // The value axis in whole units of the data's own format (as the .xlsx writer's charts).
    const f = c.type === "pie" ? undefined : valueFormatOf(spec, c);
    if (f && supports("chartAxisFormat")) chart.axes.valueAxis.numberFormat = wholeUnits(f);
  }
  // A long wrapped text's whole wording in a note (ExcelApi 1.18), its row kept short
  // (finishForPrint); an older Excel has it in the cell alone.
  if (spec.cellNotes?.length && supports("notes"))
    for (const n of spec.cellNotes) ws.notes.add(n.at, n.text);
  const page = spec.page;
  // Print setup (ExcelApi 1.9) and gridlines (1.8) are extras: an older Excel gets the sheet without them.
  if (page && supports("pageLayout")) {
    if (page.orientation)
      ws.pageLayout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
    // 1 page wide, as many tall as needed: 0 is 'automatic', as fitToHeight="0" in the file format.
    if (page.fitToWidth)
      ws.pageLayout.zoom = {
        horizontalFitToPages: page.pagesWide ?? 1,
        verticalFitToPages: page.onePage ? 1 : 0,
      };
    if (page.printTitleRows) {
      const [a, b] = page.printTitleRows.split(":");
      ws.pageLayout.setPrintTitleRows(`$${a}:$${b ?? a}`);
    }
    if ((page.pagesWide ?? 1) > 1) ws.pageLayout.printOrder = "OverThenDown";
    if (page.printTitleColumns) {
      const [a, b] = page.printTitleColumns.split(":");
      ws.pageLayout.setPrintTitleColumns(`$${a}:$${b ?? a}`);
    }
    if (page.margins) {
      ws.pageLayout.topMargin = page.margins.top * 72;
      ws.pageLayout.bottomMargin = page.margins.bottom * 72;
      ws.pageLayout.leftMargin = page.margins.left * 72;
      ws.pageLayout.rightMargin = page.margins.right * 72;
    }
    if (page.paper) ws.pageLayout.paperSize = page.paper === "Letter" ? "Letter" : "A4";
    if (page.printArea) ws.pageLayout.setPrintArea(page.printArea);
    // a page starts at each break's row: a table that would be split keeps together
    for (const r of page.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
    if (page.headerLeft !== undefined || page.headerRight !== undefined) {
      const hf = ws.pageLayout.headersFooters.defaultForAllPages;
      hf.leftHeader = (page.headerLeft ?? "").replace(/&/g, "&&");
      hf.rightHeader = (page.headerRight ?? "").replace(/&/g, "&&");
      hf.leftFooter = (page.footerLeft ?? KAP_FOOTER).replace(/&/g, "&&");
      hf.rightFooter = "Page &P of &N";
    }
  }
  // Runs of rows with the same height are one command each.
  const heights = Object.entries(spec.rowHeights ?? {})
    .map(([r, h]) => [Number(r), h] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < heights.length;) {
    let j = i;
    while (
      j + 1 < heights.length &&
      heights[j + 1][0] === heights[j][0] + 1 &&
      heights[j + 1][1] === heights[i][1]
    )
      j++;
    ws.getRangeByIndexes(
      heights[i][0] - 1,
      0,
      heights[j][0] - heights[i][0] + 1,
      1
    ).format.rowHeight = heights[i][1];
    await pace(COMMAND_BYTES);
    i = j + 1;
  }
  const fr = spec.freeze;
  if (fr && (fr.rows || fr.columns)) {
    if (fr.rows && fr.columns)
      ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr.rows, fr.columns));
    else if (fr.rows) ws.freezePanes.freezeRows(fr.rows);
    else ws.freezePanes.freezeColumns(fr.columns);
  }
  if (spec.showGridlines === false && supports("gridlines")) ws.showGridlines = false;
  if (spec.tabColor) ws.tabColor = spec.tabColor;
  return tables;
}
