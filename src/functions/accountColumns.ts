/**
 * What KAP.METRICS and KAP.ACCOUNTHEALTH need beyond the other functions: the order book built
 * from the order columns (./orderColumns) and each account's health inputs from it. Loaded by
 * src/functions/functions.ts as a chunk of its own (withAccountColumns), so the functions' start-up
 * bundle does not carry it (test/functions/bundleReach.test.ts).
 */
import { accountsHealthInputs } from "../domain/analysis/accountInputs";
import type { HealthInputs } from "../domain/analysis/types";
import {
  asColumn,
  InputError,
  inputErrorOf,
  isEmpty,
  isIdHeading,
  isRowRange,
  lengthMismatch,
  plain,
  singleCell,
  type Plain,
} from "./args";
import { toSerial } from "./dateCell";
import { ArgError } from "./errors";
import { doneWith, idText, type OrderColumnArgs, orderBookOf } from "./orderColumns";

export { scoreInputs } from "../domain/analysis/healthAt";

/** What KAP.METRICS and KAP.ACCOUNTHEALTH share: the order book from the order columns, the as-of date, each account's inputs. */
export function inputsForAccounts(
  accountIds: unknown[][],
  order: OrderColumnArgs,
  asOf: unknown[][] | null | undefined,
  rolledInto?: unknown[][] | null,
  /** the per-account columns beside the ids (engagement, payment): their header row holds text */
  beside: readonly (unknown[][] | null | undefined)[] = []
): {
  ids: string[];
  /** undefined on a blank row, or one whose id cell holds an Excel error (see errors) */
  inputs: (HealthInputs | undefined)[];
  errors: (ArgError | undefined)[];
} {
  const cells = asColumn(accountIds, "accountIds");
  // an Excel error in an id cell (a failed lookup) is that row's answer; the row is not worked out
  const idErrors = new Map<number, ArgError>();
  const blank = cells.map((c, i) => {
    if (!(c instanceof InputError)) return isEmpty(c);
    idErrors.set(i, inputErrorOf(c, "accountIds"));
    return true;
  });
  const ids = cells.map((c, i) => (blank[i] ? "" : idText(c)));
  const given = singleCell(asOf, "asOf", "date");
  const asOfDate = given !== undefined ? toSerial(given, "asOf") : undefined;
  const cols = orderBookOf(order, asOfDate);
  // The Accounts table's header row (A:A, or A1:A50 from the header down), and any title above
  // it, is no account: blank (headerRowOf).
  const top = headerRowOf(
    cells,
    ids,
    [rolledInto, ...beside],
    (id) => cols.book.accountIndexOf(id) === undefined && !cols.rowErrors.has(id)
  );
  for (let i = 0; i <= top; i++) {
    blank[i] = true;
    ids[i] = "";
  }
  const parentOf = parentsOf(ids, isRowRange(accountIds), rolledInto);
  const date = asOfDate ?? cols.defaultAsOf;
  // no order at all and no as-of: every account is "never ordered" as of any day
  // Only the filled rows: a whole column (A:A) is a million rows, nearly all blank, and a blank
  // row's result is blank (each would otherwise get its own copy of "never ordered" inputs).
  const filled = accountsHealthInputs(
    cols.book,
    ids.filter((_, i) => !blank[i]),
    {
      asOf: date ?? 0,
      hasCategories: cols.hasCategories,
      hasProducts: cols.hasProducts,
      ...(parentOf.size ? { parentOf } : {}),
    }
  );
  const ordering = accountsWithLines(cols.book, parentOf);
  doneWith(cols.book);
  let k = 0;
  const inputs = blank.map((b) => (b ? undefined : filled[k++]));
  const errors = rowErrorsOf(ids, cols.rowErrors, parentOf);
  // an account whose orders all come after the as-of date is not yet a customer then (as the
  // analysis leaves it out): no figures, rather than the "never ordered" 1, Critical
  inputs.forEach((inp, i) => {
    if (inp && inp.firstOrderDate === null && inp.lastOrderDate === null && ordering.has(ids[i]))
      errors[i] ??= new ArgError(
        `Account ${ids[i]} has no order on or before the as-of date: its first order is after it, so it is not yet a customer then and has no score.`,
        "notAvailable"
      );
  });
  for (const [i, e] of idErrors) errors[i] = e;
  return { ids, inputs, errors };
}

/** The accounts with order lines of their own or of a site rolled into them, at any date. */
function accountsWithLines(
  book: { accountIds: readonly string[] },
  parentOf: ReadonlyMap<string, string>
): Set<string> {
  const out = new Set<string>();
  for (const id of book.accountIds) {
    const seen = new Set<string>();
    for (let a: string | undefined = id; a !== undefined && !seen.has(a); a = parentOf.get(a)) {
      seen.add(a);
      out.add(a);
    }
  }
  return out;
}

/** How far down the Accounts table's header row may be, as the pane looks for it (RULES.md §1.1). */
const HEADER_ROWS = 30;

/**
 * The index of the Accounts table's header row within the account ids, or −1: the first row (of
 * the first 30, the ids several) whose id is made of heading words (args isIdHeading: "Account",
 * "Customer ID"), with no order lines, and text or nothing beside it in the per-account columns
 * ("Engagement", "Payment days", "Parent"). Rows above it can only be a title or notes (text, no
 * orders, no numbers beside them); a row with orders, or numbers beside it, is an account, and
 * no header is looked for below it.
 */
function headerRowOf(
  cells: readonly Plain[],
  ids: readonly string[],
  beside: readonly (unknown[][] | null | undefined)[],
  noOrders: (id: string) => boolean
): number {
  if (cells.length < 2) return -1;
  for (let i = 0; i < Math.min(HEADER_ROWS, cells.length - 1); i++) {
    if (ids[i] === "") continue;
    if (!noOrders(ids[i]) || !beside.every((m) => textOrBlankAt(m, i))) return -1;
    if (isIdHeading(cells[i])) return i;
  }
  return -1;
}

/**
 * Whether a column beside the account ids holds text or nothing in row i, as a header row does; a
 * number there makes the row an account's. An argument left out, or one cell for every row, says
 * nothing.
 */
function textOrBlankAt(m: unknown[][] | null | undefined, i: number): boolean {
  if (!Array.isArray(m) || m.length === 0) return true;
  let v: unknown;
  if (m.length > 1) v = Array.isArray(m[i]) ? (m[i] as unknown[])[0] : m[i];
  else if (Array.isArray(m[0]) && m[0].length > 1) v = m[0][i];
  else return true;
  const p = plain(v);
  return isEmpty(p) || typeof p === "string";
}

/**
 * Per account id, the error of an order row left out (OrderColumns.rowErrors): its own, or one of
 * an account rolled into it (a parent's figures include its sites' rows).
 */
function rowErrorsOf(
  ids: readonly string[],
  rowErrors: ReadonlyMap<string, ArgError>,
  parentOf: ReadonlyMap<string, string>
): (ArgError | undefined)[] {
  if (rowErrors.size === 0) return ids.map(() => undefined);
  const errorOf = new Map<string, ArgError>();
  for (const [account, e] of rowErrors) {
    const seen = new Set<string>();
    for (let x: string | undefined = account; x && !seen.has(x); x = parentOf.get(x)) {
      seen.add(x);
      if (!errorOf.has(x)) errorOf.set(x, e);
    }
  }
  return ids.map((id) => errorOf.get(id));
}

/**
 * The rolledInto column beside the account ids → account id → the account it rolls into. Blank
 * (desktop's 0), or the account itself, means top-level. One cell is refused unless there is
 * one id: a roll-up is per account row.
 */
function parentsOf(
  ids: readonly string[],
  idsAcross: boolean,
  rolledInto: unknown[][] | null | undefined
) {
  const parentOf = new Map<string, string>();
  if (rolledInto === null || rolledInto === undefined) return parentOf;
  const cells = asColumn(rolledInto, "rolledInto");
  // every cell blank (desktop's 0): no roll-up. A text "0" names account 0 (notGiven would read it as blank).
  if (cells.every(isEmpty)) return parentOf;
  if (cells.length !== ids.length)
    throw lengthMismatch(
      { name: "rolledInto", length: cells.length, across: isRowRange(rolledInto) },
      { name: "accountIds", length: ids.length, across: idsAcross },
      `give the ${idsAcross ? "row" : "column"} beside the account ids`
    );
  cells.forEach((c, i) => {
    if (c instanceof InputError) throw inputErrorOf(c, "rolledInto");
    const parent = isEmpty(c) ? "" : idText(c);
    if (ids[i] && parent && parent !== ids[i]) parentOf.set(ids[i], parent);
  });
  return parentOf;
}
