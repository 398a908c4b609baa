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
import {
  blockRange,
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

function styleRange(
  ws: ExcelJS.Worksheet,
  r: { row: number; col: number; rows: number; cols: number },
  s: CellStyle | undefined
): void {
  if (!s) return;
  const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
  for (let i = 0; i < r.rows; i++) {
    for (let j = 0; j < r.cols; j++) {
      const c = ws.getCell(r.row + i + 1, r.col + j + 1);
      styleCell(c, s);
      if (s.border) {
        const top = s.border === "all" || ((s.border === "top" || s.border === "box") && i === 0);
        const bottom =
          s.border === "all" || ((s.border === "bottom" || s.border === "box") && i === r.rows - 1);
        const left = s.border === "all" || (s.border === "box" && j === 0);
        const right = s.border === "all" || (s.border === "box" && j === r.cols - 1);
        c.border = {
          ...c.border,
          ...(top ? { top: thin } : {}),
          ...(bottom ? { bottom: thin } : {}),
          ...(left ? { left: thin } : {}),
          ...(right ? { right: thin } : {}),
        };
      }
    }
  }
}

function writeCells(ws: ExcelJS.Worksheet, b: Block, skipValues: boolean): void {
  const pos = blockRange(b);
  b.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const c = ws.getCell(pos.row + i + 1, pos.col + j + 1);
      if (!skipValues && v !== null) c.value = toExcelJs(v);
      const f = b.formats?.[j];
      if (isDate(v)) c.numFmt = f && f !== FORMATS.text ? f : FORMATS.date;
      // Text cells get the Text format ('@'), as in the pane's sheets (src/excel/renderSheet.ts): the
      // file stores them as strings already, but in a General cell Excel re-parses the text when the
      // user edits it (F2, Enter), and "=HYPERLINK(…)", "+44 20…", "-1" or "@x" would become formulas or numbers.
      else if (typeof v === "string") c.numFmt = FORMATS.text;
      else if (f && v !== null) c.numFmt = f;
    });
  });
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

/** Renders the specs into a new ExcelJS workbook (which cannot hold charts: notes mark them). */
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
  wb.creator = options.creator ?? "KAP — Key Account Planner";
  const names: string[] = [];
  const tableNames = new Set<string>();
  const sheets: XlsxSheetInfo[] = [];
  for (const given of specs) {
    const spec = withExcelNames(given);
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
        writeCells(ws, b, true);
        styleRange(ws, { ...pos, rows: 1 }, resolveStyle("tableHeader"));
      } else {
        writeCells(ws, b, false);
        if (b.header) styleRange(ws, { ...pos, rows: 1 }, resolveStyle("header"));
      }
      if (b.header || b.table)
        numericColumns(b).forEach((numeric, j) => {
          if (numeric) styleRange(ws, { row: pos.row, col: pos.col + j, rows: 1, cols: 1 }, RIGHT);
        });
      gapColumns(b).forEach((gap, j) => {
        if (gap) styleRange(ws, { ...pos, col: pos.col + j, cols: 1 }, INDENT);
      });
      styleRange(ws, pos, resolveStyle(b.style));
      if (b.total && pos.rows > 1)
        styleRange(ws, { ...pos, row: pos.row + pos.rows - 1, rows: 1 }, resolveStyle("total"));
      // "n/a" where a figure would be: right, with the figures
      for (const p of placeholderCells(b))
        styleRange(ws, { row: pos.row + p.row, col: pos.col + p.col, rows: 1, cols: 1 }, RIGHT);
    }
    for (const s of spec.styles ?? []) styleRange(ws, parseRange(s.range), resolveStyle(s.style));
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
    addConditionalFormats(ws, spec.conditionalFormats ?? []);
    if (options.chartNotes !== false) {
      for (const ch of (spec.charts ?? []).filter((x) => !drawn(x))) {
        const at = parseRange(ch.from);
        const c = ws.getCell(at.row + 1, at.col + 1);
        c.value = `Chart: ${ch.title} — ${ch.type} chart of ${ch.data} (insert it from this data: this file was written without charts)`;
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
  wb.eachSheet((ws) =>
    // cells with values only: asking for empty ones would make them (and change the rows' spans)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const style = cell.style;
        if (!style || cell.type === ExcelJS.ValueType.Formula) return;
        const key = `${cell.type}\u0001${JSON.stringify(style)}`;
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
