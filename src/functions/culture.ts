/**
 * The workbook's decimal mark as the KAP.* functions know it. Set once the shared runtime has
 * read Excel's `application.cultureInfo` (src/excel/culture.ts, ExcelApi 1.11); until then, or
 * where Excel cannot say, it is unknown and text numbers that read two ways are refused
 * (ingest/numbers readNumberText). Kept apart from functions.ts so that file names no Excel API.
 */
import type { DecimalMark } from "../ingest/numbers";

let mark: DecimalMark | undefined;

export function workbookDecimalMark(): DecimalMark | undefined {
  return mark;
}

/** Excel's decimal separator (numberDecimalSeparator): "." or ","; anything else leaves it unknown. */
export function setWorkbookDecimalSeparator(separator: string | undefined): void {
  mark = separator === "." || separator === "," ? separator : undefined;
}
