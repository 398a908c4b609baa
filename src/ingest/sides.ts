/**
 * A column that gives each amount's side instead of its sign: German ERPs' S/H (Soll/Haben),
 * others' D/C, Dr/Cr, Debit/Credit. In a sales export the side with fewer lines is the returns
 * (a customer account's credit notes sit on Haben; a revenue account's on Soll). With as many
 * lines on each side KAP cannot tell which is which, and does not guess.
 */
import { type Cell, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";

export type Side = "debit" | "credit";

/** Headers (normalised) of a side column: "S/H", "Soll/Haben(-Kz)", "D/C", "Dr/Cr", "Debit/Credit". */
const SIDE_HEADERS = new Set([
  "s h",
  "sh",
  "s h kz",
  "sh kz",
  "soll haben",
  "soll haben kz",
  "soll haben kennzeichen",
  "d c",
  "dc",
  "dr cr",
  "db cr",
  "debit credit",
  "d c indicator",
  "debit credit indicator",
  "side",
]);
const DEBIT = /^(?:s|soll|d|dr|db|debit)$/i;
const CREDIT = /^(?:h|haben|c|cr|credit)$/i;

/** The side a cell names, or undefined when it names none. */
export function sideOf(cell: Cell): Side | undefined {
  if (typeof cell !== "string") return undefined;
  const t = cell.trim().replace(/\.$/, "");
  return DEBIT.test(t) ? "debit" : CREDIT.test(t) ? "credit" : undefined;
}

/** What a side column says: the side read as returns, or a note only when it cannot tell. */
export interface SideReading {
  returns?: { column: number; side: Side };
  note: string;
}

/**
 * The side column among `headers` (not one of `taken`), read from `rows`: every value a side, both
 * sides present. Undefined when there is none.
 */
export function readSideColumn(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  taken: ReadonlySet<number>
): SideReading | undefined {
  const column = headers.findIndex((h, i) => !taken.has(i) && SIDE_HEADERS.has(normaliseHeader(h)));
  if (column < 0) return undefined;
  const count = { debit: 0, credit: 0 };
  const label = { debit: "", credit: "" };
  for (const r of rows) {
    const v = r[column];
    if (isBlankCell(v)) continue;
    const side = sideOf(v);
    if (!side) return undefined;
    count[side]++;
    label[side] ||= String(v).trim();
  }
  if (!count.debit || !count.credit) return undefined;
  return sideReading(headers[column].trim(), column, count, label);
}

/** The reading of a side column with lines on both sides: the side with fewer lines is the returns. */
function sideReading(
  header: string,
  column: number,
  count: Record<Side, number>,
  label: Record<Side, string>
): SideReading {
  if (count.debit === count.credit)
    return {
      note: `"${header}" gives each amount's side, with as many lines on side ${label.debit} as on side ${label.credit} (${count.debit} each): KAP cannot tell which side is the returns, so every line is read as a sale, as written. Export the lines with signed amounts (credit notes negative), or leave the credit notes out.`,
    };
  const side: Side = count.debit < count.credit ? "debit" : "credit";
  const other: Side = side === "debit" ? "credit" : "debit";
  const n = count[side];
  return {
    returns: { column, side },
    note: `"${header}" gives each amount's side: the ${n} line${n === 1 ? "" : "s"} on side ${label[side]} (of ${n + count[other]} lines; ${count[other]} on side ${label[other]}), the side with fewer lines, ${n === 1 ? "is" : "are"} read as returns (credit notes).`,
  };
}
