/**
 * The order (document) number where no header named it. A bare "Number", "Numéro", "Nummer",
 * "Document", "Doc" or "Transaction" may head anything (a line number, a customer number, a
 * document type); it is read as the document number only when its values number documents: each
 * one a short code with a digit (FAC/2026/0101, INV20501, 125), of one customer and one date, its
 * lines together. Without an order number a credit note written with positive values counts as a
 * sale and a discount line as a return, so a column that shows credit-note numbers beside invoice
 * numbers is named when nothing reads it.
 */
import type { FieldMatch } from "./detect";
import { type Cell, cellText, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";
import { creditNotePrefixes, hasIdPrefix } from "./orders";
import { creditPrefixIsNumbering, isCreditNoteId } from "../domain/orderLines";

type Row = readonly Cell[];

/** Headers that are the document number when their values say so (the longer names are synonyms in ./fields). */
const BARE_DOCUMENT_HEADERS: ReadonlySet<string> = new Set([
  "number",
  "numéro",
  "número",
  "numero",
  "nummer",
  "document",
  "doc",
  "transaction",
]);

/** A date or an amount, never a document's number ("01/10/2026", "45,00", "1 200.50"). */
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const MONEY_LIKE = /^[-+(]?\d[\d\s.,']*[.,]\d{2}\)?$/;

/** Whether a cell can be a document's number: a whole number, or a short text with a digit in it. */
function looksLikeDocumentNumber(v: Cell): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v > 0;
  if (typeof v !== "string") return false;
  const t = v.trim();
  return (
    t.length <= 30 &&
    /\d/.test(t) &&
    t.split(/\s+/).length <= 2 &&
    !DATE_LIKE.test(t) &&
    !MONEY_LIKE.test(t)
  );
}

/** A date cell as a key (dates by their time). */
export const dateKeyOf = (v: Cell): string =>
  v instanceof Date ? String(v.getTime()) : cellText(v);

/**
 * Whether a column's cells number documents: most rows filled, every value a document number,
 * each value of one customer (`customer(r)`, '' when unknown), of one date (`date(r)`; a tenth of
 * the values may span two, as an order's lines shipped apart do), and its lines together (a line
 * number's 1, 2, 1, 2 is not). A customer's own number is one per customer: where every value is
 * its customer's text, it is not.
 */
export function numbersDocuments(
  rows: readonly Row[],
  column: number,
  customer: (r: Row) => string,
  date: (r: Row) => string
): boolean {
  const filled = rows.filter((r) => !isBlankCell(r[column]));
  if (filled.length < 2 || filled.length * 2 < rows.length) return false;
  if (!filled.every((r) => looksLikeDocumentNumber(r[column]))) return false;
  const customerOf = new Map<string, string>();
  const datesOf = new Map<string, Set<string>>();
  let runs = 0;
  let last: string | undefined;
  let ownNumber = true;
  for (const r of filled) {
    const id = cellText(r[column]);
    const who = customer(r);
    if (id !== last) runs++;
    last = id;
    if (id !== who) ownNumber = false;
    const known = customerOf.get(id);
    if (who !== "" && known !== undefined && known !== "" && known !== who) return false;
    if (known === undefined || known === "") customerOf.set(id, who);
    const dates = datesOf.get(id) ?? new Set<string>();
    dates.add(date(r));
    datesOf.set(id, dates);
  }
  const ids = customerOf.size;
  const spread = [...datesOf.values()].filter((d) => d.size > 1).length;
  const slack = Math.floor(ids / 10);
  return !ownNumber && spread <= slack && runs <= ids + slack;
}

/**
 * The order-number field for a bare document header (BARE_DOCUMENT_HEADERS) whose values number
 * documents, with the note that says so; undefined when the mapping has one, or none is such.
 */
export function bareDocumentNumber(
  headers: readonly string[],
  rows: readonly Row[],
  fields: readonly FieldMatch[],
  customer: (r: Row) => string,
  date: (r: Row) => string
): { field: FieldMatch; note: string } | undefined {
  if (fields.some((m) => m.field === "orderId")) return undefined;
  const used = new Set(fields.map((m) => m.column));
  for (let column = 0; column < headers.length; column++) {
    if (used.has(column) || !BARE_DOCUMENT_HEADERS.has(normaliseHeader(headers[column]))) continue;
    if (!numbersDocuments(rows, column, customer, date)) continue;
    const header = headers[column].trim();
    const example = cellText(rows.find((r) => !isBlankCell(r[column]))![column]);
    return {
      field: { field: "orderId", column, header, confidence: 0.9 },
      note: `"${header}" is read as the order (document) number: its values (such as ${example}) each stand for one customer's lines on one date.`,
    };
  }
  return undefined;
}

/**
 * With no order-number column, the first column no field reads whose values look like document
 * numbers with credit notes among them (CRN00031 beside INV20501, AV… beside FA…): the warning
 * that those credit notes are read by their sign only. Not a customer's own code (C001 for each
 * customer): some customer has two of its values.
 */
export function unreadCreditNumbersNote(
  headers: readonly string[],
  rows: readonly Row[],
  fields: readonly FieldMatch[],
  customer: (r: Row) => string
): string | undefined {
  if (fields.some((m) => m.field === "orderId")) return undefined;
  const used = new Set(fields.map((m) => m.column));
  for (let column = 0; column < headers.length; column++) {
    if (used.has(column) || headers[column].trim() === "") continue;
    const filled = rows.filter((r) => !isBlankCell(r[column]));
    if (filled.length < 2 || !filled.every((r) => looksLikeDocumentNumber(r[column]))) continue;
    const ids = filled.map((r) => cellText(r[column]));
    const byCustomer = new Map<string, Set<string>>();
    filled.forEach((r, i) => {
      const who = customer(r);
      byCustomer.set(who, (byCustomer.get(who) ?? new Set<string>()).add(ids[i]));
    });
    if (![...byCustomer.values()].some((s) => s.size > 1)) continue;
    const prefixes = creditNotePrefixes(ids);
    const credits = [
      ...new Set(
        ids.filter(
          (id) => (!creditPrefixIsNumbering(ids) && isCreditNoteId(id)) || hasIdPrefix(id, prefixes)
        )
      ),
    ];
    if (credits.length === 0 || credits.length === new Set(ids).size) continue;
    const header = headers[column].trim();
    const shown = credits.slice(0, 3).join(", ") + (credits.length > 3 ? ", …" : "");
    return `No column is read as the order (document) number, so credit notes are known by their sign alone: "${header}" holds document numbers with credit notes among them (${shown}), whose lines with positive values count as sales. If "${header}" numbers the documents, choose it as the order ID in the column mapping.`;
  }
  return undefined;
}
