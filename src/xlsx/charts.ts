/**
 * Native Excel charts for the .xlsx writer. ExcelJS cannot write charts (exceljs/exceljs#141),
 * so after it has written the workbook we open the zip and add, per sheet with charts:
 * a DrawingML drawing part (one twoCellAnchor + graphicFrame per chart), one chart part per
 * chart, the relationships between them, the sheet's <drawing r:id> element and the content
 * types. Browser-safe: JSZip on Uint8Array, no fs, no Buffer.
 *
 * Each chart's series point at the sheet's cells (so Excel keeps them live) and carry a cache
 * of the values (so viewers that do not recalculate still draw them).
 */
import JSZip from "jszip";
import { seriesNameText } from "../sheets/cellLimits";
import {
  colLetter,
  parseCell,
  parseRange,
  wholeUnits,
  type ChartAxis,
  type ChartSpec,
  type RangePos,
} from "../sheets/spec";

/** A value as a chart cache needs it: a number (with its number format) or text. */
export interface ChartCell {
  value: number | string | null;
  /** The cell's number format, for numbers (default General). */
  format?: string;
}

/** One sheet's charts, with read access to the values the workbook holds. */
export interface SheetCharts {
  /** The sheet's name exactly as it is in the workbook. */
  sheetName: string;
  charts: ChartSpec[];
  /** The value of a cell, 0-based row/column. */
  cell: (row: number, col: number) => ChartCell;
}

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;
const REL_DRAWING = `${NS.rel}/drawing`;
const REL_CHART = `${NS.rel}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

// ---------------------------------------------------------------- small XML helpers

/** Text for an XML text node or attribute; drops the control characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlUnescape(m[1] ?? m[2] ?? "") : undefined;
}

// ---------------------------------------------------------------- formulas

/**
 * A sheet name as a formula prefix: quoted (with apostrophes doubled) unless it is a plain
 * identifier that cannot be read as a cell reference.
 */
export function sheetRef(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

function absRange(sheet: string, r: RangePos): string {
  const a = `$${colLetter(r.col)}$${r.row + 1}`;
  const b = `$${colLetter(r.col + r.cols - 1)}$${r.row + r.rows - 1 + 1}`;
  return `${sheetRef(sheet)}${a === b ? a : `${a}:${b}`}`;
}

// ---------------------------------------------------------------- chart model

interface Series {
  name: { ref: RangePos; text: string };
  cat: RangePos;
  val: RangePos;
}

/** Whether a chart's data range can be drawn: a header row, a category column, at least one value (a scatter: name, x and y columns). */
export function canDrawChart(ch: ChartSpec): boolean {
  try {
    const r = parseRange(ch.data);
    parseCell(ch.from);
    parseCell(ch.to);
    return r.rows >= 2 && r.cols >= (ch.type === "scatter" ? 3 : 2);
  } catch {
    return false;
  }
}

function textOf(c: ChartCell): string {
  return c.value === null ? "" : String(c.value);
}

/**
 * The series of a chart. By columns (default): the first column holds the categories, each
 * further column is a series named by its header cell. By rows: the header row (after its
 * first cell) holds the categories, each further row is a series named by its first cell.
 */
function seriesOf(ch: ChartSpec, cell: SheetCharts["cell"]): Series[] {
  const r = parseRange(ch.data);
  const out: Series[] = [];
  if (ch.type === "scatter") {
    // One series per data row: its name, one x (cat) and one y (val), so each point carries its name.
    for (let i = 1; i < r.rows; i++) {
      const name = { row: r.row + i, col: r.col, rows: 1, cols: 1 };
      out.push({
        name: { ref: name, text: textOf(cell(name.row, name.col)) },
        cat: { row: r.row + i, col: r.col + 1, rows: 1, cols: 1 },
        val: { row: r.row + i, col: r.col + 2, rows: 1, cols: 1 },
      });
    }
    return out;
  }
  if (ch.seriesBy === "rows") {
    const cat = { row: r.row, col: r.col + 1, rows: 1, cols: r.cols - 1 };
    for (let i = 1; i < r.rows; i++) {
      const name = { row: r.row + i, col: r.col, rows: 1, cols: 1 };
      out.push({
        name: { ref: name, text: textOf(cell(name.row, name.col)) },
        cat,
        val: { row: r.row + i, col: r.col + 1, rows: 1, cols: r.cols - 1 },
      });
    }
  } else {
    const cat = { row: r.row + 1, col: r.col, rows: r.rows - 1, cols: 1 };
    for (let j = 1; j < r.cols; j++) {
      const name = { row: r.row, col: r.col + j, rows: 1, cols: 1 };
      out.push({
        name: { ref: name, text: textOf(cell(name.row, name.col)) },
        cat,
        val: { row: r.row + 1, col: r.col + j, rows: r.rows - 1, cols: 1 },
      });
    }
  }
  // A pie shows one series only (Excel draws just the first); drop the rest so the file says so.
  return ch.type === "pie" ? out.slice(0, 1) : out;
}

function cellsOf(r: RangePos, cell: SheetCharts["cell"]): ChartCell[] {
  const out: ChartCell[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push(cell(r.row + i, r.col + j));
  return out;
}

function numCache(cells: ChartCell[]): string {
  const fmt = formatOf(cells);
  const pts = cells
    .map((c, i) =>
      typeof c.value === "number" && Number.isFinite(c.value)
        ? `<c:pt idx="${i}"><c:v>${c.value}</c:v></c:pt>`
        : ""
    )
    .join("");
  return `<c:numCache><c:formatCode>${xmlEscape(fmt)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache>`;
}

function strCache(texts: string[]): string {
  const pts = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(t)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${texts.length}"/>${pts}</c:strCache>`;
}

function catXml(sheet: string, r: RangePos, cell: SheetCharts["cell"]): string {
  const cells = cellsOf(r, cell);
  // Numbers (and dates, which are numbers with a date format) stay numbers; anything else is text.
  const numeric = cells.every((c) => typeof c.value === "number");
  return numeric
    ? `<c:cat><c:numRef><c:f>${xmlEscape(absRange(sheet, r))}</c:f>${numCache(cells)}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${xmlEscape(absRange(sheet, r))}</c:f>${strCache(cells.map(textOf))}</c:strRef></c:cat>`;
}

function serXml(
  ch: ChartSpec,
  sheet: string,
  s: Series,
  i: number,
  cell: SheetCharts["cell"]
): string {
  // A name over Excel's 255 characters is written as its text, cut ending "…" (a reference to the
  // cell would hand Excel the whole text); the cell keeps it whole.
  const name = seriesNameText(s.name.text);
  const tx =
    name === s.name.text
      ? `<c:tx><c:strRef><c:f>${xmlEscape(absRange(sheet, s.name.ref))}</c:f>${strCache([s.name.text])}</c:strRef></c:tx>`
      : `<c:tx><c:v>${xmlEscape(name)}</c:v></c:tx>`;
  const cat = catXml(sheet, s.cat, cell);
  const val = `<c:val><c:numRef><c:f>${xmlEscape(absRange(sheet, s.val))}</c:f>${numCache(cellsOf(s.val, cell))}</c:numRef></c:val>`;
  const head = `<c:idx val="${i}"/><c:order val="${i}"/>${tx}`;
  const fill = (hex: string) =>
    `<c:spPr><a:solidFill><a:srgbClr val="${hex.replace("#", "").toUpperCase()}"/></a:solidFill></c:spPr>`;
  // A pie's slices take ch.colors in order; a column or bar series takes its own colour.
  const own = ch.colors?.[i] ? fill(ch.colors[i]) : "";
  const slices =
    ch.type === "pie" && i === 0
      ? (ch.colors ?? [])
          .map((c, k) => `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/>${fill(c)}</c:dPt>`)
          .join("")
      : "";
  switch (ch.type) {
    case "line":
      return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
    case "column":
    case "bar":
      return `<c:ser>${head}${own}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
    case "pie":
      return `<c:ser>${head}${slices}${cat}${val}</c:ser>`;
    case "scatter": {
      // Markers only (no line), each labelled with its series name to the right.
      const x = `<c:xVal><c:numRef><c:f>${xmlEscape(absRange(sheet, s.cat))}</c:f>${numCache(cellsOf(s.cat, cell))}</c:numRef></c:xVal>`;
      const y = `<c:yVal><c:numRef><c:f>${xmlEscape(absRange(sheet, s.val))}</c:f>${numCache(cellsOf(s.val, cell))}</c:numRef></c:yVal>`;
      // to the point's left where the layout says a label would run past the plot's right edge
      const pos = ch.labelLeft?.[i] ? "l" : "r";
      const labels = `<c:dLbls><c:dLblPos val="${pos}"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="1"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
      return `<c:ser>${head}<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="9"/></c:marker>${labels}${x}${y}<c:smooth val="0"/></c:ser>`;
    }
  }
}

/** A rich-text title element (chart or axis). */
function titleXml(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/** The two value axes of a scatter chart, with their titles and fixed bounds where given. */
function scatterAxesXml(axes: ChartSpec["axes"]): string {
  const one = (id: number, cross: number, pos: "b" | "l", a: ChartAxis | undefined) => {
    const scaling = `<c:scaling><c:orientation val="minMax"/>${a?.max !== undefined ? `<c:max val="${a.max}"/>` : ""}${a?.min !== undefined ? `<c:min val="${a.min}"/>` : ""}</c:scaling>`;
    return (
      `<c:valAx><c:axId val="${id}"/>${scaling}<c:delete val="0"/><c:axPos val="${pos}"/><c:majorGridlines/>${a?.title ? titleXml(a.title, 1000) : ""}` +
      '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
      `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/>${a?.majorUnit !== undefined ? `<c:majorUnit val="${a.majorUnit}"/>` : ""}</c:valAx>`
    );
  };
  return one(AX_CAT, AX_VAL, "b", axes?.x) + one(AX_VAL, AX_CAT, "l", axes?.y);
}

const AX_CAT = 500000001;
const AX_VAL = 500000002;

/** The number format the axis labels follow: the first number's format among `cells`. */
function formatOf(cells: ChartCell[]): string {
  return cells.find((c) => typeof c.value === "number")?.format ?? "General";
}

export { wholeUnits };

function axesXml(ch: ChartSpec, catFormat: string, valFormat: string): string {
  const horizontal = ch.type === "bar";
  // Horizontal bars: first category at the top (how a ranked list reads), value axis at the bottom.
  const catScaling = horizontal ? "maxMin" : "minMax";
  const catAx =
    `<c:catAx><c:axId val="${AX_CAT}"/><c:scaling><c:orientation val="${catScaling}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="${xmlEscape(catFormat)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/><c:crossAx val="${AX_VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${AX_VAL}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${xmlEscape(wholeUnits(valFormat))}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${AX_CAT}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

/** The DrawingML chart part (xl/charts/chartN.xml) for one chart. */
export function chartXml(ch: ChartSpec, sheetName: string, cell: SheetCharts["cell"]): string {
  const all = seriesOf(ch, cell);
  const series = all.map((s, i) => serXml(ch, sheetName, s, i, cell)).join("");
  const catFormat = all.length ? formatOf(cellsOf(all[0].cat, cell)) : "General";
  const valFormat = all.length ? formatOf(cellsOf(all[0].val, cell)) : "General";
  const axIds = `<c:axId val="${AX_CAT}"/><c:axId val="${AX_VAL}"/>`;
  let plot: string;
  switch (ch.type) {
    case "line":
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>${axesXml(ch, catFormat, valFormat)}`;
      break;
    case "column":
    case "bar":
      plot =
        `<c:barChart><c:barDir val="${ch.type === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="80"/>${axIds}</c:barChart>${axesXml(ch, catFormat, valFormat)}`;
      break;
    case "scatter":
      plot = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axIds}</c:scatterChart>${scatterAxesXml(ch.axes)}`;
      break;
    case "pie":
      plot =
        `<c:pieChart><c:varyColors val="1"/>${series}<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>` +
        `<c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls><c:firstSliceAng val="0"/></c:pieChart>`;
      break;
  }
  const title = titleXml(ch.title, 1400);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    // A scatter's points carry their names, so it needs no legend.
    (ch.type === "scatter"
      ? ""
      : `<c:legend><c:legendPos val="${ch.type === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>`) +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    "</c:chartSpace>"
  );
}

/** The drawing part (xl/drawings/drawingN.xml): one anchor per chart, chart k uses rId`k+1`. */
export function drawingXml(charts: ChartSpec[]): string {
  const anchors = charts.map((ch, k) => {
    const from = parseCell(ch.from);
    const to = parseCell(ch.to);
    // The `to` cell is inside the chart's place, so the frame ends at the start of the next cell.
    const r0 = Math.min(from.row, to.row);
    const c0 = Math.min(from.col, to.col);
    const r1 = Math.max(from.row, to.row) + 1;
    const c1 = Math.max(from.col, to.col) + 1;
    const pt = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${pt("from", c0, r0)}${pt("to", c1, r1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="Chart ${k + 1}" descr="${xmlEscape(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.main}">${anchors.join("")}</xdr:wsDr>`
  );
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="${NS.pkgRel}">` +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`)
      .join("") +
    "</Relationships>"
  );
}

// ---------------------------------------------------------------- package surgery

/** Elements that come after <drawing> in CT_Worksheet (ECMA-376 §18.3.1.99), in order. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Top-level children of the root element: name and start offset of each opening tag. */
function topLevelTags(xml: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  // An attribute value may hold '>' in well-formed XML, so quoted values are matched whole.
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let depth = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1]) depth--;
    else {
      if (depth === 1) out.push({ name: m[2], at: m.index });
      if (!m[4]) depth++;
    }
  }
  return out;
}

/**
 * Puts `<drawing r:id>` where the worksheet schema wants it: before the first top-level
 * element that must follow it (nested ones, like an x14 extLst inside a dataBar rule, do not count).
 */
export function insertDrawingElement(sheetXml: string, rId: string): string {
  const children = topLevelTags(sheetXml);
  if (children.some((c) => c.name === "drawing"))
    throw new Error("KAP charts: the sheet already has a drawing part");
  const rootTag = /<worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  const rPrefix =
    /xmlns:r\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(
      rootTag
    )
      ? ""
      : ` xmlns:r="${NS.rel}"`;
  const el = `<drawing${rPrefix} r:id="${rId}"/>`;
  let at = children.find((c) => AFTER_DRAWING.includes(c.name))?.at ?? -1;
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("KAP charts: not a worksheet part");
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = baseDir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

function relationships(xml: string): { id: string; type: string; target: string }[] {
  return (xml.match(/<Relationship\b[^>]*>/g) ?? []).map((t) => ({
    id: attr(t, "Id") ?? "",
    type: attr(t, "Type") ?? "",
    target: attr(t, "Target") ?? "",
  }));
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f ? f.async("string") : undefined;
}

/** Sheet name → path of its worksheet part, from xl/workbook.xml and its rels. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const wb = await readText(zip, "xl/workbook.xml");
  const rels = await readText(zip, "xl/_rels/workbook.xml.rels");
  if (!wb || !rels) throw new Error("KAP charts: not an .xlsx workbook");
  const byId = new Map(relationships(rels).map((r) => [r.id, resolveTarget("xl", r.target)]));
  const out = new Map<string, string>();
  for (const t of wb.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(t, "name");
    const id = attr(t, "r:id");
    const path = id ? byId.get(id) : undefined;
    if (name !== undefined && path) out.set(name, path);
  }
  return out;
}

function nextFree(zip: JSZip, dir: string, stem: string): () => number {
  let n = 0;
  const re = new RegExp(`^${dir}/${stem}(\\d+)\\.xml$`);
  zip.forEach((p) => {
    const m = re.exec(p);
    if (m) n = Math.max(n, Number(m[1]));
  });
  return () => ++n;
}

/**
 * Adds native charts to the .xlsx bytes ExcelJS wrote. Sheets are matched by name; charts
 * whose data range cannot be drawn (see canDrawChart) are skipped, so callers should leave
 * their placeholder note for those.
 */
export async function addChartsToXlsx(
  bytes: Uint8Array,
  sheets: SheetCharts[]
): Promise<Uint8Array> {
  const todo = sheets
    .map((s) => ({ ...s, charts: s.charts.filter(canDrawChart) }))
    .filter((s) => s.charts.length > 0);
  if (todo.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const paths = await sheetPaths(zip);
  const nextDrawing = nextFree(zip, "xl/drawings", "drawing");
  const nextChart = nextFree(zip, "xl/charts", "chart");
  const overrides: string[] = [];

  for (const s of todo) {
    const sheetPath = paths.get(s.sheetName);
    if (!sheetPath) throw new Error(`KAP charts: no sheet named ${s.sheetName}`);
    const d = nextDrawing();
    const drawingPath = `xl/drawings/drawing${d}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    s.charts.forEach((ch, k) => {
      const c = nextChart();
      zip.file(`xl/charts/chart${c}.xml`, chartXml(ch, s.sheetName, s.cell));
      chartRels.push({ id: `rId${k + 1}`, type: REL_CHART, target: `../charts/chart${c}.xml` });
      overrides.push(`<Override PartName="/xl/charts/chart${c}.xml" ContentType="${CT_CHART}"/>`);
    });
    zip.file(drawingPath, drawingXml(s.charts));
    zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(chartRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);

    // The sheet → drawing relationship, next to whatever ExcelJS put there (tables, links).
    const slash = sheetPath.lastIndexOf("/");
    const sheetDir = sheetPath.slice(0, slash);
    const sheetRelsPath = `${sheetDir}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    // Added to the existing part as text, so what ExcelJS wrote (TargetMode="External" on links) stays as is.
    const existingXml = await readText(zip, sheetRelsPath);
    const ids = new Set(relationships(existingXml ?? "").map((r) => r.id));
    let rId = "rIdKapDrawing";
    for (let n = 2; ids.has(rId); n++) rId = `rIdKapDrawing${n}`;
    const drawingRel = {
      id: rId,
      type: REL_DRAWING,
      target: `../${drawingPath.split("/").slice(1).join("/")}`,
    }; // from xl/worksheets
    zip.file(
      sheetRelsPath,
      existingXml && existingXml.includes("</Relationships>")
        ? existingXml.replace(
            "</Relationships>",
            `${relsXml([drawingRel]).replace(/^[\s\S]*<Relationships[^>]*>/, "")}`
          )
        : relsXml([drawingRel])
    );
    const sheetXml = await readText(zip, sheetPath);
    if (!sheetXml) throw new Error(`KAP charts: missing part ${sheetPath}`);
    zip.file(sheetPath, insertDrawingElement(sheetXml, rId));
  }

  const ct = await readText(zip, "[Content_Types].xml");
  if (!ct) throw new Error("KAP charts: missing [Content_Types].xml");
  zip.file("[Content_Types].xml", ct.replace("</Types>", `${overrides.join("")}</Types>`));
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

// ---------------------------------------------------------------- reading values from ExcelJS

/** What an ExcelJS cell value can be, narrowed to what a chart cache needs. */
export function chartCellFrom(value: unknown, numFmt: string | undefined): ChartCell {
  const format = numFmt || undefined;
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number") return { value, format };
  if (typeof value === "string") return { value };
  if (typeof value === "boolean") return { value: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { value: value.getTime() / 86400000 + 25569, format };
  if (typeof value === "object") {
    const o = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ("formula" in o || "sharedFormula" in o)
      return o.result === undefined ? { value: null, format } : chartCellFrom(o.result, numFmt);
    if (Array.isArray(o.richText)) return { value: o.richText.map((r) => r.text).join("") };
    if (typeof o.text === "string") return { value: o.text };
  }
  return { value: null };
}
