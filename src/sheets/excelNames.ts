/**
 * Names Excel accepts, made from text that may come from the user's data: table column names,
 * sheet names, table and defined names. Both writers use these — the .xlsx writer
 * (src/xlsx/writeXlsx.ts, the CLI and the QBR workbook) and the Office.js writer
 * (src/excel/writeSheets.ts, the pane) — so a header the data supplies reads the same in both.
 *
 * The rules, from Microsoft's documentation:
 * - Table column (`tableColumn@name`): at most 255 characters ([MS-OI29500] 2.1.681, Part 1
 *   §18.5.1.3); unique within its table without regard to case, and equal to the text of the
 *   header cell above it (Excel renames a duplicate "Revenue"/"revenue" to "revenue2" and a blank
 *   header to "Column1", so the cell would no longer say what KAP wrote). Line breaks are
 *   refused here: a column name with one cannot be typed in a structured reference.
 * - Sheet (BrtBundleSh.strName, [MS-XLSB] 2.4.313, and Excel's "Rename a worksheet"): 1–31
 *   characters, none of `: \ / ? * [ ]`, not starting or ending with an apostrophe, unique
 *   without regard to case, not "History" (reserved).
 * - Table and defined names (XLNameWideString, [MS-XLSB] 2.5.166): at most 255 characters;
 *   start with a letter, `_` or `\`; then letters, digits, `_`, `.`, `?`, `\`; not TRUE or FALSE;
 *   not an A1 reference and not beginning with an R1C1 reference (`R1`, `C2`, `R`, `C`).
 *   KAP keeps to ASCII letters, which every Excel reads the same.
 *
 * Text stays text: these functions return strings, and both writers write a string as a literal
 * (a header "=SUM(A1)" is shown as those characters, never run as a formula).
 */
import type { Block, CellValue, SheetSpec } from "./spec";

/** Longest table column name Excel accepts ([MS-OI29500] 2.1.681). */
export const TABLE_COLUMN_MAX = 255;
/** Longest sheet name ([MS-XLSB] 2.4.313). */
export const SHEET_NAME_MAX = 31;
/** Longest table or defined name ([MS-XLSB] 2.5.166). */
export const DEFINED_NAME_MAX = 255;

/** `s` cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end);
}

/** Control characters (line breaks, tabs, NUL…) become spaces; runs of spaces become one. */
function oneLine(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Column names for an Excel table whose header row holds `headers` (one per column, `width`
 * columns): each a single line of 1–255 characters, unique ignoring case. Blank, formula and
 * date headers become `Column<n>` (n = the 1-based column, as Excel names them); a clash gets
 * `2`, `3`… with the stem cut so the name stays within 255. Write these names into the header
 * cells too, so cell and column agree.
 */
export function tableColumnNames(headers: readonly CellValue[], width: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    const h = j < headers.length ? headers[j] : null;
    const text = h === null || h === undefined || typeof h === "object" ? "" : oneLine(String(h));
    const base = cut(text || `Column${j + 1}`, TABLE_COLUMN_MAX);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) {
      const suffix = String(k);
      name = `${cut(base, TABLE_COLUMN_MAX - suffix.length).trimEnd()}${suffix}`;
    }
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** The block with its header row replaced by `tableColumnNames` when it is a table; else as is. */
export function withTableColumnNames(b: Block): Block {
  if (!b.table || b.rows.length === 0) return b;
  const width = Math.max(1, ...b.rows.map((r) => r.length));
  return { ...b, rows: [tableColumnNames(b.rows[0], width), ...b.rows.slice(1)] };
}

/** The sheet with every table's header row made of names Excel accepts (see tableColumnNames). */
export function withExcelNames(spec: SheetSpec): SheetSpec {
  return spec.blocks.some((b) => b.table)
    ? { ...spec, blocks: spec.blocks.map(withTableColumnNames) }
    : spec;
}

/**
 * A valid Excel table or defined name from a wanted one ([MS-XLSB] 2.5.166): other characters
 * become `_`; a name that does not start with a letter or `_`, that is TRUE/FALSE, an A1
 * reference ("A1", "XFD1048576") or starts with an R1C1 one ("R1", "C2x", "R", "c") gets `T_`
 * before it; cut to 255 characters.
 */
export function tableNameFrom(wanted: string): string {
  let s = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(s)) s = `T_${s}`;
  if (
    /^[A-Za-z]{1,3}\d+$/.test(s) ||
    /^[RrCc](\d|$)/.test(s) ||
    /^[Rr]\d*[Cc]\d*$/.test(s) ||
    /^(true|false)$/i.test(s)
  )
    s = `T_${s}`;
  return s.slice(0, DEFINED_NAME_MAX);
}

/** True when `name` is a table or defined name Excel accepts (ASCII letters, as tableNameFrom makes). */
export function isValidDefinedName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= DEFINED_NAME_MAX &&
    /^[A-Za-z_\\][A-Za-z0-9_.?\\]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc](\d|$)/.test(name) &&
    !/^(true|false)$/i.test(name)
  );
}

/**
 * A sheet name Excel accepts, unique (case-insensitively) against `taken`: 1–31 characters,
 * none of [ ] : * ? / \, no leading/trailing apostrophe, not "History"; " (2)", " (3)"... on a
 * clash, cutting the stem so the suffix fits.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLowerCase());
  let stem = wanted
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/[\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  stem = stem.replace(/^'+|'+$/g, "").trim();
  if (stem === "") stem = "KAP";
  if (stem.toLowerCase() === "history") stem = "History (KAP)";
  const fitName = (s: string, suffix: string) =>
    `${
      cut(s, SHEET_NAME_MAX - suffix.length)
        .replace(/'+$/, "")
        .trimEnd() || "KAP"
    }${suffix}`;
  let name = fitName(stem, "");
  for (let n = 2; used.has(name.toLowerCase()) || name.toLowerCase() === "history"; n++)
    name = fitName(stem, ` (${n})`);
  return name;
}

export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= SHEET_NAME_MAX &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}
