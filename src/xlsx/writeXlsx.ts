/**
 * Renders SheetSpec[] to an ExcelJS workbook, and to .xlsx bytes / base64. Used by the CLI
 * (`kap sheets`, through ./writeFile.ts) and by the add-in for the QBR workbook
 * (Excel.createWorkbook(base64)), so it runs in the browser too: no fs, no Buffer here.
 *
 * Text-safe by construction: a string becomes an ExcelJS string cell (a shared string in
 * the file), which Excel never parses as a formula, whatever it starts with. Only
 * `{ formula }` values become formula cells.
 *
 * Charts: ExcelJS cannot write charts (exceljs/exceljs#141, open since 2016; #1173: it drops
 * them on read/write too), so toXlsxBytes adds native Excel charts to the bytes ExcelJS wrote
 * (./charts.ts). A workbook from buildWorkbook alone has no charts, so there (and for a chart
 * whose data range cannot be drawn) a clearly labelled note sits in the chart's place naming
 * the chart, its type and its data range.
 */
import ExcelJS from "exceljs";
import { addChartsToXlsx, canDrawChart, chartCellFrom, type SheetCharts } from "./charts";
import { headerFooterCodes } from "../sheets/print";
import { withExcelNames } from "../sheets/excelNames";
import { withCellLimits } from "../sheets/cellLimits";
import {
  blockRange,
  formatAt,
  isDate,
  isFormula,
  parseRange,
  gapColumns,
  numericColumns,
  placeholderCells,
  resolveStyle,
  tableNameFrom,
  uniqueSheetName,
  cellA1,
  FORMATS,
  PALETTE,
  type Block,
  type CellStyle,
  type CellValue,
  type CfRule,
  type ChartSpec,
  type ConditionalFormat,
  type SheetSpec,
} from "../sheets/spec";

/** A header cell over a column of figures. */
const RIGHT: CellStyle = { hAlign: "right" };
/** Text beside a column of figures. */
const INDENT: CellStyle = { indent: 1 };

export interface XlsxOptions {
  /** Write a note where each chart that is not drawn would go (default true). */
  chartNotes?: boolean;
  /** toXlsxBytes/toXlsxBase64 draw native Excel charts (default true); false leaves notes. */
  nativeCharts?: boolean;
  creator?: string;
}

export interface XlsxSheetInfo {
  name: string;
  kind: string;
  subject: string;
  tables: string[];
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

type XCellValue = string | number | boolean | null | { formula: string; result?: number | string };

function toExcelJs(v: CellValue): XCellValue {
  if (isFormula(v)) {
    const f = v.formula.replace(/^=/, "");
    return v.result === undefined ? { formula: f } : { formula: f, result: v.result };
  }
  if (isDate(v)) return v.date; // a serial with a date format: no time-zone shifts
  return v;
}

function styleCell(c: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold !== undefined || s.italic !== undefined || s.fontColor || s.fontSize) {
    // A font without a name prints in the program's fallback (a serif in LibreOffice): start from the default, Calibri 11.
    c.font = {
      name: "Calibri",
      family: 2,
      size: 11,
      ...c.font,
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
      ...(s.fontSize ? { size: s.fontSize } : {}),
    };
  }
  if (s.fill) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.hAlign || s.vAlign || s.indent !== undefined) {
    c.alignment = {
      ...c.alignment,
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.indent !== undefined ? { horizontal: "left", indent: s.indent } : {}),
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign === "center" ? "middle" : s.vAlign } : {}),
    };
  }
}

/** An ExcelJS cell style: number format, font, fill, alignment, border. */
type XStyle = Partial<ExcelJS.Style>;

/** Borders of one cell of a styled range: bits of TOP, BOTTOM, LEFT, RIGHT. */
const TOP = 1;
const BOTTOM = 2;
const LEFT = 4;
const RIGHT_SIDE = 8;

/** A cell's style after `s` is given it (as styleCell and the range's borders would make it). */
function styled(prev: XStyle, s: CellStyle, sides: number): XStyle {
  const next: XStyle = { ...prev };
  if (s.bold !== undefined || s.italic !== undefined || s.fontColor || s.fontSize)
    next.font = {
      name: "Calibri",
      family: 2,
      size: 11,
      ...prev.font,
      ...(s.bold !== undefined ? { bold: s.bold } : {}),
      ...(s.italic !== undefined ? { italic: s.italic } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
      ...(s.fontSize ? { size: s.fontSize } : {}),
    };
  if (s.fill) next.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap !== undefined || s.hAlign || s.vAlign || s.indent !== undefined)
    next.alignment = {
      ...prev.alignment,
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
      ...(s.indent !== undefined ? { horizontal: "left", indent: s.indent } : {}),
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign === "center" ? "middle" : s.vAlign } : {}),
    };
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
    next.border = {
      ...prev.border,
      ...(sides & TOP ? { top: thin } : {}),
      ...(sides & BOTTOM ? { bottom: thin } : {}),
      ...(sides & LEFT ? { left: thin } : {}),
      ...(sides & RIGHT_SIDE ? { right: thin } : {}),
    };
  }
  return next;
}

/**
 * The cells' styles of a workbook, kept as small numbers until a sheet is done: a cell's style is
 * reached from none by steps (a CellStyle with its borders, a number format), each step from each
 * style is worked out once, and at the end every cell with the same style and kind of value gets
 * one shared object. On a 50,000-account portfolio an ExcelJS style object (with its own font,
 * alignment and border objects) per cell, merged into range by range, held 2.7 million cells'
 * worth of objects until the file was written.
 */
class CellStyles {
  private readonly styles: XStyle[] = [{}];
  /** step key → (style before, borders) → style after */
  private readonly steps = new Map<string, Map<number, number>>();
  /** one object per style and kind of value, shared by the cells that have it */
  private readonly shared = new Map<number, XStyle>();
  /** this sheet's cells: row → column → style (0: made, no style given) */
  private at: number[][] = [];

  /** The cell is made (it gets a style object, as ExcelJS gives every cell). */
  touch(r: number, c: number): void {
    const row = (this.at[r] ??= []);
    row[c] ??= 0;
  }

  step(r: number, c: number, key: string, sides: number, make: (s: XStyle) => XStyle): void {
    const row = (this.at[r] ??= []);
    const from = row[c] ?? 0;
    let m = this.steps.get(key);
    if (m === undefined) this.steps.set(key, (m = new Map()));
    let to = m.get(from * 16 + sides);
    if (to === undefined) {
      to = this.styles.push(make(this.styles[from])) - 1;
      m.set(from * 16 + sides, to);
    }
    row[c] = to;
  }

  format(r: number, c: number, numFmt: string): void {
    this.step(r, c, `numFmt\u0001${numFmt}`, 0, (s) => ({ ...s, numFmt }));
  }

  /**
   * Gives this sheet's cells their styles and starts the next sheet. ExcelJS reuses a style's
   * index for an object it has seen, and gives a style without a number format General for a
   * number and its date format for a date: so one object per style and kind of value.
   */
  apply(ws: ExcelJS.Worksheet): void {
    this.at.forEach((cols, r) => {
      const row = ws.getRow(r + 1);
      cols.forEach((i, c) => {
        const cell = row.getCell(c + 1);
        const style = this.styles[i];
        const key = i * 3 + (style.numFmt ? 0 : valueKind(cell));
        let shared = this.shared.get(key);
        if (shared === undefined) this.shared.set(key, (shared = { ...style }));
        cell.style = shared;
      });
    });
    this.at = [];
  }
}

/** 1 a number, 2 a date, 0 anything else (a formula by its result), as ExcelJS picks a style's default number format. */
function valueKind(cell: ExcelJS.Cell): number {
  const t = cell.type;
  if (t === ExcelJS.ValueType.Formula) {
    const v = cell.result;
    return typeof v === "number" ? 1 : v instanceof Date ? 2 : 0;
  }
  return t === ExcelJS.ValueType.Number ? 1 : t === ExcelJS.ValueType.Date ? 2 : 0;
}

function styleRange(
  st: CellStyles,
  r: { row: number; col: number; rows: number; cols: number },
  s: CellStyle | undefined
): void {
  if (!s) return;
  const key = JSON.stringify(s);
  const make = (sides: number) => (prev: XStyle) => styled(prev, s, sides);
  const makers = new Map<number, (prev: XStyle) => XStyle>();
  for (let i = 0; i < r.rows; i++) {
    for (let j = 0; j < r.cols; j++) {
      let sides = 0;
      if (s.border) {
        const all = s.border === "all";
        const box = s.border === "box";
        if (all || ((s.border === "top" || box) && i === 0)) sides |= TOP;
        if (all || ((s.border === "bottom" || box) && i === r.rows - 1)) sides |= BOTTOM;
        if (all || (box && j === 0)) sides |= LEFT;
        if (all || (box && j === r.cols - 1)) sides |= RIGHT_SIDE;
      }
      let m = makers.get(sides);
      if (m === undefined) makers.set(sides, (m = make(sides)));
      st.step(r.row + i, r.col + j, key, sides, m);
    }
  }
}

function writeCells(ws: ExcelJS.Worksheet, st: CellStyles, b: Block, skipValues: boolean): void {
  const pos = blockRange(b);
  for (let i = 0; i < b.rows.length; i++) {
    const row = b.rows[i];
    const r = pos.row + i;
    const xrow = skipValues ? undefined : ws.getRow(r + 1);
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const c = pos.col + j;
      if (xrow && v !== null) xrow.getCell(c + 1).value = toExcelJs(v);
      const f = formatAt(b, i, j);
      if (isDate(v)) st.format(r, c, f && f !== FORMATS.text ? f : FORMATS.date);
      // Text cells get the Text format ('@'), as in the pane's sheets (src/excel/renderSheet.ts): the
      // file stores them as strings already, but in a General cell Excel re-parses the text when the
      // user edits it (F2, Enter), and "=HYPERLINK(…)", "+44 20…", "-1" or "@x" would become formulas or numbers.
      else if (typeof v === "string") st.format(r, c, FORMATS.text);
      else if (f && v !== null) st.format(r, c, f);
      else st.touch(r, c);
    }
  }
}

/** Excel's default column width (characters) and the height of one line of 11-point text (points). */
const DEFAULT_WIDTH = 8.43;
const LINE_POINTS = 15;

/**
 * Lines `text` takes when wrapped in a column `width` characters wide (Excel's width unit: digits
 * of the default font). Words are packed greedily; a bold header runs about 10% wider than digits.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor((width * 10) / 11));
  let lines = 0;
  for (const para of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= room) used = need;
      else if (used === 0) {
        lines += Math.ceil(word.length / room) - 1;
        used = word.length % room || room;
      } else {
        lines++;
        lines += Math.ceil(word.length / room) - 1;
        used = word.length % room || room;
      }
    }
  }
  return lines;
}

function addTable(ws: ExcelJS.Worksheet, b: Block, name: string): void {
  const pos = blockRange(b);
  // The block comes through withExcelNames: its header row is already the column names Excel accepts.
  const headers = (b.rows[0] ?? []).map(String);
  const body = b.rows
    .slice(1)
    .map((r) => Array.from({ length: pos.cols }, (_x, j) => toExcelJs(j < r.length ? r[j] : null)));
  if (body.length === 0) body.push(Array.from({ length: pos.cols }, () => null));
  ws.addTable({
    name,
    displayName: name,
    ref: cellA1(pos.row, pos.col),
    headerRow: true,
    style: {
      theme: (b.table?.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns: headers.map((h) => ({ name: h, filterButton: b.table?.filter !== false })),
    rows: body,
  });
}

const ICON_SETS = {
  "3Arrows": "3Arrows",
  "3TrafficLights1": "3TrafficLights1",
  "3Symbols": "3Symbols",
  "4Arrows": "4Arrows",
  "5Arrows": "5Arrows",
} as const;

function cfRule(rule: CfRule, priority: number): ExcelJS.ConditionalFormattingRule {
  const fillStyle = (fill?: string, font?: string): Partial<ExcelJS.Style> => ({
    ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } } } : {}),
    ...(font ? { font: { color: { argb: argb(font) } } } : {}),
  });
  switch (rule.type) {
    case "cellValue":
      // ExcelJS's types list four operators; it writes the attribute verbatim, and the file
      // format (ST_ConditionalFormattingOperator) also has greaterThanOrEqual/lessThanOrEqual.
      return {
        type: "cellIs",
        priority,
        operator: rule.operator as ExcelJS.CellIsOperators,
        formulae: rule.values.map(String),
        style: fillStyle(rule.fill, rule.fontColor),
      };
    case "textContains":
      return {
        type: "containsText",
        priority,
        operator: "containsText",
        text: rule.text,
        style: fillStyle(rule.fill, rule.fontColor),
      };
    case "dataBar": {
      const bar: ExcelJS.DataBarRuleType & { color: { argb: string } } = {
        type: "dataBar",
        priority,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: argb(rule.color ?? PALETTE.bar) },
      };
      return bar;
    }
    case "colorScale":
      return {
        type: "colorScale",
        priority,
        cfvo:
          rule.colors.length === 3
            ? [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }]
            : [{ type: "min" }, { type: "max" }],
        color: rule.colors.map((c) => ({ argb: argb(c) })),
      };
    case "iconSet": {
      const n = Number(rule.icons[0]);
      return {
        type: "iconSet",
        priority,
        iconSet: ICON_SETS[rule.icons],
        cfvo: Array.from({ length: n }, (_x, i) => ({
          type: "percent" as const,
          value: Math.round((i * 100) / n),
        })),
      };
    }
  }
}

function addConditionalFormats(ws: ExcelJS.Worksheet, cfs: ConditionalFormat[]): void {
  cfs.forEach((cf, i) =>
    ws.addConditionalFormatting({ ref: cf.range, rules: [cfRule(cf.rule, i + 1)] })
  );
}

/**
 * Renders the specs into a new ExcelJS workbook (which cannot hold charts: notes mark them).
 * Cells with the same style share one style object: to restyle a cell, give it a new one
 * (cell.style = { ...cell.style, font }), never change the one it has.
 */
export function buildWorkbook(
  specs: SheetSpec[],
  options: XlsxOptions = {}
): { workbook: ExcelJS.Workbook; sheets: XlsxSheetInfo[] } {
  return build(specs, options, () => false);
}

/** `drawn` says which charts toXlsxBytes will draw natively: those get no note. */
function build(
  specs: SheetSpec[],
  options: XlsxOptions,
  drawn: (ch: ChartSpec) => boolean
): { workbook: ExcelJS.Workbook; sheets: XlsxSheetInfo[] } {
  const wb = new ExcelJS.Workbook();
  const st = new CellStyles();
  wb.creator = options.creator ?? "KAP — Key Account Planner";
  const names: string[] = [];
  const tableNames = new Set<string>();
  const sheets: XlsxSheetInfo[] = [];
  for (const given of specs) {
    // text over Excel's 32,767 characters a cell is cut, ending "…" (callers say so: cellTextNote)
    const spec = withExcelNames(withCellLimits(given).spec);
    const name = uniqueSheetName(spec.name, names);
    names.push(name);
    const fr = spec.freeze ?? {};
    const frozen = (fr.rows ?? 0) > 0 || (fr.columns ?? 0) > 0;
    const ws = wb.addWorksheet(name, {
      properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : undefined,
      views: [
        frozen
          ? {
              state: "frozen",
              xSplit: fr.columns ?? 0,
              ySplit: fr.rows ?? 0,
              showGridLines: spec.showGridlines !== false,
            }
          : { state: "normal", showGridLines: spec.showGridlines !== false },
      ],
    });
    const madeTables: string[] = [];
    for (const b of spec.blocks) {
      const pos = blockRange(b);
      if (b.table) {
        const base = tableNameFrom(b.table.name);
        let tn = base;
        for (let k = 2; tableNames.has(tn.toLowerCase()); k++) tn = `${base}_${k}`;
        tableNames.add(tn.toLowerCase());
        madeTables.push(tn);
        addTable(ws, b, tn);
        writeCells(ws, st, b, true);
        styleRange(st, { ...pos, rows: 1 }, resolveStyle("tableHeader"));
      } else {
        writeCells(ws, st, b, false);
        if (b.header) styleRange(st, { ...pos, rows: 1 }, resolveStyle("header"));
      }
      if (b.header || b.table)
        numericColumns(b).forEach((numeric, j) => {
          if (numeric) styleRange(st, { row: pos.row, col: pos.col + j, rows: 1, cols: 1 }, RIGHT);
        });
      gapColumns(b).forEach((gap, j) => {
        if (gap) styleRange(st, { ...pos, col: pos.col + j, cols: 1 }, INDENT);
      });
      styleRange(st, pos, resolveStyle(b.style));
      if (b.total && pos.rows > 1)
        styleRange(st, { ...pos, row: pos.row + pos.rows - 1, rows: 1 }, resolveStyle("total"));
      // "n/a" where a figure would be: right, with the figures
      for (const p of placeholderCells(b))
        styleRange(st, { row: pos.row + p.row, col: pos.col + p.col, rows: 1, cols: 1 }, RIGHT);
    }
    for (const s of spec.styles ?? []) styleRange(st, parseRange(s.range), resolveStyle(s.style));
    // the cells take their (shared) styles before merging: a merged cell takes its first cell's
    st.apply(ws);
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    (spec.widths ?? []).forEach((w, c) => {
      if (w !== undefined) ws.getColumn(c + 1).width = w;
    });
    // Header rows are wrapped; neither Excel nor LibreOffice grows a row's height for wrapped text
    // on opening a file, so a header longer than its column would show cut off: give it the lines it needs.
    for (const b of spec.blocks) {
      if (!b.header && !b.table) continue;
      const pos = blockRange(b);
      const lines = Math.max(
        1,
        ...(b.rows[0] ?? []).map((v, j) =>
          wrappedLines(
            v === null || v === undefined ? "" : String(v),
            ws.getColumn(pos.col + j + 1).width ?? DEFAULT_WIDTH
          )
        )
      );
      const row = ws.getRow(pos.row + 1);
      if (lines > 1 && (row.height ?? 0) < LINE_POINTS * lines) row.height = LINE_POINTS * lines;
    }
    // a long wrapped text's whole wording, its row kept short (finishForPrint)
    for (const n of spec.cellNotes ?? []) ws.getCell(n.at).note = n.text;
    addConditionalFormats(ws, spec.conditionalFormats ?? []);
    if (options.chartNotes !== false) {
      for (const ch of (spec.charts ?? []).filter((x) => !drawn(x))) {
        const at = parseRange(ch.from);
        const c = ws.getCell(at.row + 1, at.col + 1);
        c.value = `Chart: ${ch.title} — ${ch.type} chart of ${ch.data} (insert it from this data: this file was written without charts)`;
        // its own style object: others share the one it has
        c.style = { ...c.style };
        styleCell(c, { italic: true, fontColor: PALETTE.note });
      }
    }
    const p = spec.page;
    if (p) {
      if (p.orientation) ws.pageSetup.orientation = p.orientation;
      if (p.fitToWidth) {
        ws.pageSetup.fitToPage = true;
        ws.pageSetup.fitToWidth = p.pagesWide ?? 1;
        // several pages wide: a row's remaining columns print on the next page, not after all the rows
        if ((p.pagesWide ?? 1) > 1) ws.pageSetup.pageOrder = "overThenDown";
        ws.pageSetup.fitToHeight = p.onePage ? 1 : 0;
      }
      if (p.printTitleRows)
        ws.pageSetup.printTitlesRow = p.printTitleRows.includes(":")
          ? p.printTitleRows
          : `${p.printTitleRows}:${p.printTitleRows}`;
      if (p.printTitleColumns) ws.pageSetup.printTitlesColumn = p.printTitleColumns;
      if (p.margins) ws.pageSetup.margins = { ...p.margins, header: 0.3, footer: 0.3 };
      // ST_PaperSize: 9 = A4, 1 = Letter
      if (p.paper)
        ws.pageSetup.paperSize = (p.paper === "Letter" ? 1 : 9) as ExcelJS.PageSetup["paperSize"];
      // ExcelJS writes '$' + each corner: give it 'A$1' so the name reads $A$1 (a bare $A1 is not read by LibreOffice).
      if (p.printArea)
        ws.pageSetup.printArea = p.printArea.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2");
      if (p.headerLeft !== undefined || p.headerRight !== undefined) {
        const hf = headerFooterCodes(p);
        ws.headerFooter = { oddHeader: hf.header, oddFooter: hf.footer };
      }
    }
    for (const [r, h] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(r)).height = h;
    // a manual break is stored after the row above the one that starts the page
    for (const r of p?.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
    sheets.push({ name, kind: spec.kind, subject: spec.subject ?? "", tables: madeTables });
  }
  return { workbook: wb, sheets };
}

/**
 * Cells whose styles read the same get one style object. ExcelJS renders a cell's style to XML
 * (number format, font, border, fill, then the whole style) to find its index, and skips that
 * only for a style object it has seen before (by identity): with a style object per cell, every
 * cell was rendered. Cells are grouped by their style's JSON and their value type (the type
 * decides the number format of a style without one); formula cells keep their own. Only right
 * before writing: a shared object must not be changed through one cell afterwards.
 */
function shareStyles(wb: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  // build gives most cells shared objects already: each is written out once
  const json = new Map<Partial<ExcelJS.Style>, string>();
  wb.eachSheet((ws) =>
    // cells with values only: asking for empty ones would make them (and change the rows' spans)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const style = cell.style;
        if (!style || cell.type === ExcelJS.ValueType.Formula) return;
        let text = json.get(style);
        if (text === undefined) json.set(style, (text = JSON.stringify(style)));
        const key = `${cell.type}\u0001${text}`;
        const known = shared.get(key);
        if (known === undefined) shared.set(key, style);
        else if (known !== style) cell.style = known;
      })
    )
  );
}

export async function toXlsxBytes(
  specs: SheetSpec[],
  options: XlsxOptions = {}
): Promise<Uint8Array> {
  const native = options.nativeCharts !== false;
  const { workbook, sheets } = build(specs, options, native ? canDrawChart : () => false);
  // With charts to add, the package is opened and zipped again (addChartsToXlsx): the first one
  // is stored uncompressed, so nothing is deflated twice and inflated in between.
  const charted = native && specs.some((s) => (s.charts ?? []).some(canDrawChart));
  shareStyles(workbook);
  const buf = await workbook.xlsx.writeBuffer(
    charted ? { zip: { compression: "STORE" } } : undefined
  );
  const bytes = new Uint8Array(buf as ArrayBuffer);
  if (!native) return bytes;
  const withCharts: SheetCharts[] = specs.map((spec, i) => {
    const ws = workbook.getWorksheet(sheets[i].name);
    return {
      sheetName: sheets[i].name,
      charts: spec.charts ?? [],
      cell: (row: number, col: number) => {
        const c = ws?.getCell(row + 1, col + 1);
        return c ? chartCellFrom(c.value, c.numFmt) : { value: null };
      },
    };
  });
  return addChartsToXlsx(bytes, withCharts);
}

/** For Excel.createWorkbook(base64) / insertWorksheetsFromBase64 in the add-in. */
export async function toXlsxBase64(specs: SheetSpec[], options?: XlsxOptions): Promise<string> {
  return bytesToBase64(await toXlsxBytes(specs, options));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Plain base64 without Buffer or btoa on huge strings (works in browsers, workers and node). */
export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63]);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out.push(`${B64[(n >> 18) & 63]}${B64[(n >> 12) & 63]}==`);
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out.push(`${B64[(n >> 18) & 63]}${B64[(n >> 12) & 63]}${B64[(n >> 6) & 63]}=`);
  }
  return out.join("");
}
