/**
 * The workbook's decimal mark and culture name as the KAP.* functions know them. Set once the shared runtime has
 * read Excel's `application.cultureInfo` (src/excel/culture.ts, ExcelApi 1.11); until then, or
 * where Excel cannot say, it is unknown and text numbers that read two ways are refused
 * (ingest/numbers readNumberText). Kept apart from functions.ts so that file names no Excel API.
 */
import type { DecimalMark } from "../ingest/numbers";

let mark: DecimalMark | undefined;

export function workbookDecimalMark(): DecimalMark | undefined {
  return mark;
}

/**
 * Whether a text number was read while the mark was unknown: its answer ("1,200" refused, "2,5"
 * read as 2.5 by its own evidence) may change once the mark is known.
 */
let textReadBeforeMark = false;

/** Called by the number reader for a text number read with the mark unknown. */
export function noteTextReadBeforeMark(): void {
  textReadBeforeMark = true;
}

export function forgetTextReadBeforeMark(): void {
  textReadBeforeMark = false;
}

/**
 * Excel's decimal separator (numberDecimalSeparator): "." or ","; anything else leaves it unknown.
 * Returns whether answers given before may now be stale (a text number was read without a mark,
 * and now there is one): the caller then asks Excel to recalculate.
 */
export function setWorkbookDecimalSeparator(separator: string | undefined): boolean {
  mark = separator === "." || separator === "," ? separator : undefined;
  const stale = mark !== undefined && textReadBeforeMark;
  if (stale) textReadBeforeMark = false;
  return stale;
}

/** The workbook's culture name (application.cultureInfo.name, "en-GB"), once read; it settles ambiguous text dates. */
let cultureName: string | undefined;

export function workbookCultureName(): string | undefined {
  return cultureName;
}

/**
 * Whether an ambiguous text date ("05/10/2026") was refused while the culture was unknown: once it
 * is known, the answer may read it.
 */
let textDateBeforeCulture = false;

export function noteTextDateBeforeCulture(): void {
  textDateBeforeCulture = true;
}

/**
 * The culture read by the shared runtime (src/excel/culture.ts loadDecimalSeparator): its decimal
 * separator and its name. Returns whether answers given before it may be stale (a text number or
 * an ambiguous text date was read without it): the caller then asks Excel to recalculate.
 */
export function setWorkbookCulture(
  separator: string | undefined,
  name: string | undefined
): boolean {
  const staleNumbers = setWorkbookDecimalSeparator(separator);
  cultureName = name?.trim() || undefined;
  const staleDates = cultureName !== undefined && textDateBeforeCulture;
  if (cultureName !== undefined) textDateBeforeCulture = false;
  return staleNumbers || staleDates;
}
