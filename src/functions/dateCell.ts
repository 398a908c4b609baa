import { dayOfSerial, isoToSerial, MAX_DATE_SERIAL, serialToIso } from "../domain/dates";
import { dateOrderEvidence, inferDateOrder, parseDateTime, type DateOrder } from "../ingest/values";
import { ArgError } from "./errors";
import { InputError, inputErrorOf, type Plain } from "./args";
import { dateCellShift, noteTextDateBeforeCulture, workbookCultureName } from "./culture";

/**
 * What a date column's own text dates say of their order (ingest dateOrderEvidence: a first field
 * over 12, or dots, is day-first; a second field over 12 month-first), worked out once, and only
 * when an ambiguous text date needs it: undefined when nothing in the column says.
 */
export type ColumnDateOrder = () => DateOrder | undefined;

/** The ColumnDateOrder of a column's cells (read when first asked). */
export function columnDateOrder(cells: () => Iterable<unknown>): ColumnDateOrder {
  let known = false;
  let order: DateOrder | undefined;
  return () => {
    if (!known) {
      order = dateOrderEvidence(cells() as Iterable<never>);
      known = true;
    }
    return order;
  };
}

/** Written with dots (05.10.2026): day-first wherever dates take dots (RULES.md §1.2). */
const DOTTED = /^\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)/;

/**
 * A date typed as text, with its time of day as a fraction (ingest parseDateTime: ISO, 31/10/2026,
 * 10/31/2026, 31.10.2026, 3-Apr-2026…); undefined when it is no date. One that reads two ways
 * ("05/10/2026") is settled as the ingest settles a column (RULES.md §1.2): dots, else the
 * column's own dates, else the workbook's culture; with none of them it is refused naming both
 * readings — never a guess.
 */
export function textDateTime(
  text: string,
  argName: string,
  column?: ColumnDateOrder
): number | undefined {
  const t = text.trim();
  const dayFirst = parseDateTime(t, "dmy");
  const monthFirst = parseDateTime(t, "mdy");
  if (dayFirst === monthFirst) return dayFirst;
  if (dayFirst === undefined || monthFirst === undefined) return dayFirst ?? monthFirst;
  const order = settledOrder(t, column);
  if (order !== undefined) return order === "dmy" ? dayFirst : monthFirst;
  const d = serialToIso(Math.floor(dayFirst));
  const m = serialToIso(Math.floor(monthFirst));
  throw new ArgError(
    `${argName}: "${t}" could be ${d} (day first) or ${m} (month first), and nothing settles which: KAP does not know this workbook's culture and no date beside it has a day over 12. Type it as yyyy-mm-dd (${d}) or as a date cell.`
  );
}

function settledOrder(text: string, column?: ColumnDateOrder): DateOrder | undefined {
  if (DOTTED.test(text)) return "dmy";
  const fromData = column?.();
  if (fromData !== undefined) return fromData;
  const culture = workbookCultureName();
  if (culture !== undefined) return inferDateOrder([], culture);
  noteTextDateBeforeCulture();
  return undefined;
}

/** A year of days: a date cell of a 1904 workbook that lands further than this after today was moved already. */
const DAYS_AHEAD = 366;

/**
 * A date cell's serial counted in the 1900 system KAP counts in: as it is, or 1,462 days on in a
 * workbook on the 1904 date system (culture.ts dateCellShift). There, a date more than a year after
 * today is refused: it was moved already by the =A2+1462 helper column README advised before the
 * functions knew the system, and moving it again would put every date four years late, silently.
 */
export function dateCellSerial(v: number, argName: string): number {
  const shift = dateCellShift();
  if (shift === 0) return v;
  const s = v + shift;
  const today = Math.floor(Date.now() / 86_400_000) + UNIX_EPOCH_SERIAL;
  if (s > today + DAYS_AHEAD && s < MAX_DATE_SERIAL + 1)
    throw new ArgError(
      `${argName}: ${v} is ${serialToIso(Math.floor(s))} in this workbook's 1904 date system, more than a year after today. If it was moved by 1462 days (=A2+1462, for an earlier KAP), give the date cells themselves: KAP now reads the 1904 system.`
    );
  return s;
}

/** 1 Jan 1970 as a 1900-system serial. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A date argument: an Excel date serial (what a date cell holds, 1 = 1 Jan 1900; dateCellSerial in
 * a 1904 workbook) or a date typed
 * as text (textDateTime; `column` settles ambiguous ones by the column's other dates). A number
 * under 1 is a time of day alone (10:30 = 0.4375), not a date; one past 31 Dec 9999 (serial
 * 2,958,465) is no date either (an order number column picked as the dates).
 */
export function toSerial(v: Plain, argName: string, column?: ColumnDateOrder): number {
  if (v instanceof InputError) throw inputErrorOf(v, argName);
  if (typeof v === "number" && v >= 1) {
    const s = dateCellSerial(v, argName);
    if (s < MAX_DATE_SERIAL + 1) return dayOfSerial(s);
  }
  if (typeof v === "string") {
    // yyyy-mm-dd first: most text dates, and no settling needed
    const iso = isoToSerial(v.trim().slice(0, 10));
    if (iso !== undefined) return iso;
    const s = textDateTime(v, argName, column);
    if (s !== undefined) return dayOfSerial(s);
  }
  throw new ArgError(
    `${argName}: "${String(v ?? "")}" is not a date (use a date cell, yyyy-mm-dd, or a date as this workbook writes them).`
  );
}
