/**
 * Reports grouped by customer that name the customer only in a heading line above its block of
 * lines (Sage 200's "Customer: ACME01 Acme Ltd", then the invoice lines without the customer on
 * them, then "Total for customer"): each line's customer is the heading above it. A layout of
 * its own is not needed: the heading says what it is.
 */
import { type Cell, isBlankCell } from "./grid";

/** "Customer: ACME01 Acme Ltd", "Customer Account: ACME01 - Acme Ltd", "Client : Acme", "Kunde: 10001 Müller GmbH". */
const CUSTOMER_HEADING =
  /^(?:customer|client|debtor|kunde|debitor|cliente)(?:\s+(?:account|code|no\.?|number|id|name))?\s*:\s*(\S.*)$/i;
/** An account code leading the heading's text: one word with a digit in it ("ACME01", "10001"). */
const LEADING_CODE = /^(\S*\d\S*)(?:\s+[-–]\s+|\s+)(\S.*)$/;

export interface CustomerHeading {
  /** the account code, '' when the heading gives only a name */
  id: string;
  /** the customer's name, '' when the heading gives only a code */
  name: string;
}

/** The customer a heading line names; undefined when the text is no customer heading. */
export function customerHeading(text: string): CustomerHeading | undefined {
  const m = CUSTOMER_HEADING.exec(text.trim());
  if (!m) return undefined;
  const rest = m[1].trim();
  const coded = LEADING_CODE.exec(rest);
  if (coded) return { id: coded[1], name: coded[2].trim() };
  return /\d/.test(rest) && !/\s/.test(rest) ? { id: rest, name: "" } : { id: "", name: rest };
}

/** The one text cell of a row that holds nothing else; undefined otherwise. */
export function soleTextOf(row: readonly Cell[]): string | undefined {
  let found: string | undefined;
  for (const v of row) {
    if (isBlankCell(v)) continue;
    if (typeof v !== "string" || found !== undefined) return undefined;
    found = v.trim();
  }
  return found;
}

/** A heading's label alone in its cell: "Customer:", "Customer Code:", "Name:" after it. */
const LABEL_CELL =
  /^(?:(?:customer|client|debtor|kunde|debitor|cliente)(?:\s+(?:account|code|no\.?|number|id|name))?|name)\s*:$/i;

/**
 * A customer heading line written across cells: "Customer:" in one, "ACME01 Acme Ltd" in the
 * next (or "ACME01" and "Acme Ltd" in two, each maybe after a label of its own, "Name:"), read as
 * the one text "Customer: ACME01 Acme Ltd"; undefined for any other row.
 */
function splitHeadingText(row: readonly Cell[]): string | undefined {
  const texts: string[] = [];
  for (const v of row) {
    if (isBlankCell(v)) continue;
    if (typeof v !== "string" || texts.length === 4) return undefined;
    texts.push(v.trim());
  }
  if (texts.length < 2 || !LABEL_CELL.test(texts[0]) || /^name\s*:$/i.test(texts[0]))
    return undefined;
  const rest = texts.slice(1).filter((t) => !LABEL_CELL.test(t));
  return rest.length ? `${texts[0]} ${rest.join(" ")}` : undefined;
}

/**
 * The customer heading a row is, as one text ("Customer: ACME01 Acme Ltd") whether in one cell
 * or across several; undefined for a row that is none.
 */
export function customerHeadingText(row: readonly Cell[]): string | undefined {
  const t = soleTextOf(row) ?? splitHeadingText(row);
  return t !== undefined && customerHeading(t) ? t : undefined;
}

/** How far below the header a first customer heading is looked for. */
const LOOK_ROWS = 200;

/** The first customer heading line among the rows below a header (its text); undefined for none. */
export function firstCustomerHeading(
  rows: readonly (readonly Cell[] | undefined)[]
): string | undefined {
  const n = Math.min(rows.length, LOOK_ROWS);
  for (let i = 0; i < n; i++) {
    const t = customerHeadingText(rows[i] ?? []);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** A totals row's label: "Total Acme Ltd", "Total for Acme Ltd". */
const TOTAL_LABEL = /^total(?:\s+for)?\s+(\S.*)$/i;

/**
 * The first heading line among the rows below a header that a later "Total <heading>" (or
 * "Total for <heading>") row closes, its text: a report grouped by a value it names only in
 * its headings (Xero's reports grouped by contact). Undefined for none.
 */
export function firstTotalledHeading(
  rows: readonly (readonly Cell[] | undefined)[]
): string | undefined {
  const n = Math.min(rows.length, LOOK_ROWS);
  const open = new Set<string>();
  const order: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    const first = row.find((v) => !isBlankCell(v));
    if (typeof first !== "string") continue;
    const total = TOTAL_LABEL.exec(first.trim());
    if (total && open.has(total[1].trim().toLowerCase()))
      return order.find((h) => h.toLowerCase() === total[1].trim().toLowerCase());
    const sole = total ? undefined : soleTextOf(row);
    if (sole !== undefined && !open.has(sole.toLowerCase())) {
      open.add(sole.toLowerCase());
      order.push(sole);
    }
  }
  return undefined;
}
