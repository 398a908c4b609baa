/**
 * Order rows Excel does not show (a filter, or rows hidden by hand). KAP reads every row of the
 * order table, as the command line reads a whole file: results that change with whatever filter
 * happens to be on would not be the portfolio's, and a scored sheet would silently lose accounts.
 * What it must not do is read them without a word: a user who filtered to one region would take
 * the figures for that region's.
 */
import type { HiddenRows } from "../excel";
import { wholeText } from "../domain/numberText";
import type { SourceTable } from "./session";

/**
 * The warning for `hidden` rows among `total` order rows on `sheet` (undefined when none).
 * Counts above `total` (a hidden header or title row) are capped at it; they are grouped the
 * workbook `culture`'s way ("1.234" in de-DE, as the pane writes its own counts; none: en-GB).
 */
export function hiddenRowsWarning(
  sheet: string,
  total: number,
  hidden: HiddenRows | undefined,
  culture?: string
): string | undefined {
  if (!hidden || hidden.rows === 0) return undefined;
  const n = (x: number) => wholeText(x, culture);
  const how =
    hidden.byFilter === true
      ? "hidden by a filter"
      : hidden.byFilter === false
        ? "hidden"
        : "hidden (by a filter or by hand)";
  const what =
    hidden.rows === undefined
      ? `Some of the ${n(total)} order rows on "${sheet}" are ${how}.`
      : `${n(Math.min(hidden.rows, total))} of the ${n(total)} order rows on "${sheet}" are ${how}.`;
  return `${what} KAP read all ${n(total)}: the results cover every row, not only the rows shown.`;
}

/**
 * The warning for order lines read from a sheet the workbook hides (state="hidden" or
 * "veryHidden"; undefined for a shown sheet): a hidden sheet is often an old copy or a lookup
 * kept out of sight, and a user who sees only the shown sheets would not know where the figures
 * came from.
 */
export function hiddenSheetWarning(table: SourceTable): string | undefined {
  if (!table.hiddenSheet) return undefined;
  const how =
    table.hiddenSheet === "veryHidden"
      ? "a very hidden sheet (Excel's Unhide does not list it)"
      : "a hidden sheet";
  return `The order lines were read from "${table.peek.name}", ${how}: its rows are analysed as any sheet's. Check that it holds the orders you mean to analyse.`;
}
