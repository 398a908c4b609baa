/**
 * The workbook's decimal mark, culture name and date system as the KAP.* functions know them. Set once the shared runtime has
 * read Excel's `application.cultureInfo` (src/excel/culture.ts, ExcelApi 1.11); until then, or
 * where Excel cannot say, it is unknown and text numbers that read two ways are refused
 * (ingest/numbers readNumberText). Kept apart from functions.ts so that file names no Excel API.
 */
import type { DecimalMark } from "../ingest/numbers";
import { DATE1904_OFFSET } from "../domain/dates";

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
 * separator and its name, and the workbook's date system (setWorkbookDateSystem). Returns whether answers given before it may be stale (a text number or
 * an ambiguous text date was read without it): the caller then asks Excel to recalculate.
 */
export function setWorkbookCulture(
  separator: string | undefined,
  name: string | undefined,
  dateSystem?: 1900 | 1904
): boolean {
  const staleSystem = dateSystem !== undefined && setWorkbookDateSystem(dateSystem);
  const staleNumbers = setWorkbookDecimalSeparator(separator);
  cultureName = name?.trim() || undefined;
  const staleDates = cultureName !== undefined && textDateBeforeCulture;
  if (cultureName !== undefined) textDateBeforeCulture = false;
  return staleNumbers || staleDates || staleSystem;
}

/**
 * The workbook's date system as the functions know it (src/excel/dateSystem.ts: DATE(1904,1,1)
 * asked when the shared runtime starts, and again after they calculate). Unknown, a date cell is
 * read in the 1900 system, Excel's default.
 */
let date1904: boolean | undefined;
/** The system a date cell was last read in, since the system was last checked (undefined: none read). */
let readAs1904: boolean | undefined;
/** Asks for the date system again (set in Office once it has been read; never under jest or the CLI). */
let recheck: (() => void) | undefined;
let recheckQueued = false;

/**
 * Days to add to a date cell's serial to count it in the 1900 system KAP counts in: 1,462 in a 1904
 * workbook, else 0. Each read marks that answers depend on the system, and queues one check of it
 * after the calculation (a change of the setting is then seen).
 */
export function dateCellShift(): number {
  const is1904 = date1904 === true;
  readAs1904 = is1904;
  if (recheck && !recheckQueued) {
    recheckQueued = true;
    setTimeout(() => {
      recheckQueued = false;
      recheck?.();
    }, 1500);
  }
  return is1904 ? DATE1904_OFFSET : 0;
}

export function workbookDate1904(): boolean {
  return date1904 === true;
}

/**
 * The date system read from the workbook (undefined: not known, as at start). Returns whether
 * answers given before may be stale — a date cell was read in the other system — so the caller
 * asks Excel to recalculate.
 */
export function setWorkbookDateSystem(system: 1900 | 1904 | undefined): boolean {
  date1904 = system === undefined ? undefined : system === 1904;
  const stale = readAs1904 !== undefined && date1904 !== undefined && readAs1904 !== date1904;
  readAs1904 = undefined;
  return stale;
}

/** Set by the shared runtime once it can ask Excel: how to check the date system again. */
export function setDateSystemRecheck(f: (() => void) | undefined): void {
  recheck = f;
}
