/**
 * Cells written once for the lines below them, left blank on those lines: a sales-order detail
 * report with repeated values suppressed, a PivotTable in tabular form ("Repeat All Item Labels"
 * off), cells merged down in a workbook saved from Excel. Read as they stand, the lines below
 * have no account and are skipped; read as their group's, nothing is lost. Two shapes:
 *
 * - an order's cells on its first line only: its later lines leave its number and customer blank
 *   (its date blank or the same) and hold only the product and its figures (`orderFields`);
 * - a customer's name on the first of its lines only, the file grouped by customer: a line with
 *   no customer but an order (or, with no order number column, a date) of its own is the
 *   customer's above it (`customerGroups`). The customer may be on a heading row of its own, the
 *   group's first row holding its name (or code and name) in the customer columns and nothing
 *   else: the same reading, the heading row skipped as such.
 *
 * Decided once, from the sample of the order rows, never row by row. The first shape needs more
 * such lines than lines writing their order again (a file whose orders repeat their cells on
 * every line has a stray line, not this shape); the second needs every customer written in one
 * run of lines (a file sorted by date lists a customer again and again: a line with no customer
 * there is a walk-in sale, no line of the customer above), and more orders under a customer
 * without its name than with it written again. Only files of no export layout KAP knows: a
 * layout's own rules say whose a line is (Shopify's orders without an e-mail, Odoo's lines). A blank row, and a total naming a
 * customer or nothing of the lines, ends the lines that take the cells above.
 */
import { type Cell, isBlankCell } from "./grid";
import { isTotalsLabel, sameCellValue } from "./orders";
import type { ColumnMapping } from "./detect";

/** What the sample shows (firstLineFields). */
export interface FirstLineFields {
  /** lines leaving their order's number and customer blank, the date blank or the same, under the order's line */
  continuations: number;
  /** continuation lines that write the date (the date is then no cell written once, where all do) */
  dated: number;
  /** lines writing their order again: its number as the line above (with no number column, its customer and date) */
  repeats: number;
  /** lines with no customer but an order number or a date of their own, under a customer's lines */
  groupLines: number;
  /** a customer written again on a new order (or date) right under its own lines: no file grouped with its name written once */
  rewrites: number;
  /** lines with no customer anywhere else (under a blank row, a total, the header) */
  orphans: number;
  /** every customer in the sample written in one run of lines */
  grouped: boolean;
  /** rows holding a customer and nothing else (a group's heading row) */
  headings: number;
}

/** How the order lines are read: the cells written once that the lines below take (firstLineFields). */
export interface FirstLineReading {
  /** a line with no order number and no customer is the order's above it */
  orderFields: boolean;
  /** a line with no customer is the customer's above it, whatever its order or date */
  customerGroups: boolean;
}

/**
 * The sample's lines by how they stand to the line above (FirstLineFields); undefined when the
 * mapping has no customer, or no product or figure to tell a line from a totals row.
 */
export function firstLineFields(
  mapping: ColumnMapping,
  sample: readonly (readonly Cell[])[]
): FirstLineFields | undefined {
  const column = (f: string) => mapping.fields.find((m) => m.field === f)?.column ?? -1;
  const orderId = column("orderId");
  const date = column("date");
  const accounts = [column("accountId"), column("accountName")].filter((c) => c >= 0);
  const products = [column("sku"), column("productName")].filter((c) => c >= 0);
  const figures = [column("revenue"), column("quantity"), column("credit")].filter((c) => c >= 0);
  if (!accounts.length || !products.length || !figures.length) return undefined;
  const filled = (row: readonly Cell[], cols: readonly number[]) =>
    cols.some((c) => !isBlankCell(row[c]));
  const found: FirstLineFields = {
    continuations: 0,
    dated: 0,
    repeats: 0,
    groupLines: 0,
    rewrites: 0,
    orphans: 0,
    grouped: true,
    headings: 0,
  };
  /** the lines above: whether they go on, and their customer, order number and date */
  let chain = false;
  let chainAccount = "";
  let chainId = "";
  let chainDate: Cell = null;
  const runs = new Set<string>();
  let runAccount = "";
  /** a customer's lines begin: one seen in a run of its own before is no file grouped by customer */
  const noteRun = (account: string) => {
    if (account === runAccount) return;
    if (runs.has(account)) found.grouped = false;
    runs.add(account);
    runAccount = account;
  };
  for (const row of sample) {
    const id = orderId >= 0 ? cellText(row[orderId]) : "";
    const account = accounts.map((c) => cellText(row[c])).join("\u0001");
    const hasAccount = filled(row, accounts);
    const isLine = filled(row, products) && filled(row, figures);
    const day = date >= 0 ? row[date] : null;
    // (a whole line needs no test: most rows of most files)
    if (!(hasAccount && isLine) && row.some(isTotalsText)) {
      // a subtotal within the lines (a PivotTable's "02/09/2026 Total") leaves them going on;
      // one naming the customer ("Acme Ltd Total") or none ("Grand Total", "Lines 3") ends them
      if (hasAccount || isBlankCell(day)) chain = false;
      continue;
    }
    if (!isLine && hasAccount && onlyIn(row, accounts)) {
      // a group's heading row: the customer of the lines below it, none of its own
      found.headings++;
      noteRun(account);
      chain = true;
      chainAccount = account;
      chainId = "";
      chainDate = null;
      continue;
    }
    if (!isLine) {
      chain = false;
      continue;
    }
    if (hasAccount) {
      const sameOrder = orderId >= 0 ? id !== "" && id === chainId : sameCellValue(day, chainDate);
      if (chain && account === chainAccount) {
        if (sameOrder) found.repeats++;
        else found.rewrites++;
      }
      noteRun(account);
      chain = true;
      chainAccount = account;
      chainId = id;
      chainDate = day;
      continue;
    }
    if (!chain) {
      found.orphans++;
      continue;
    }
    // the order's later line with its number on it: its customer is the order's already
    if (id !== "" && id === chainId) continue;
    const ownDate = !isBlankCell(day) && !sameCellValue(day, chainDate);
    if (id !== "" || ownDate) {
      found.groupLines++;
      chainId = id;
      chainDate = isBlankCell(day) ? chainDate : day;
      continue;
    }
    found.continuations++;
    if (!isBlankCell(day)) found.dated++;
  }
  return found;
}

/** What the sample says of the cells written once (firstLineFields): see the module's rules. */
export function firstLineReading(found: FirstLineFields | undefined): FirstLineReading {
  if (!found) return { orderFields: false, customerGroups: false };
  const lines = found.continuations + found.groupLines;
  return {
    orderFields: found.continuations > found.repeats && found.orphans * 2 <= found.continuations,
    customerGroups:
      found.grouped && found.groupLines > found.rewrites && found.orphans * 2 <= lines,
  };
}

/** Whether every written cell of the row is in these columns. */
function onlyIn(row: readonly Cell[], cols: readonly number[]): boolean {
  return row.every((v, c) => isBlankCell(v) || cols.includes(c));
}

function cellText(v: Cell | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function isTotalsText(v: Cell): boolean {
  return typeof v === "string" && v.length > 0 && isTotalsLabel(v);
}

/**
 * What the user is told when the file is read so: the cells left blank (the date unless every
 * continuation line writes it) and what the lines were read as.
 */
export function firstLineFieldsNote(
  mapping: ColumnMapping,
  found: FirstLineFields,
  reading: FirstLineReading
): string {
  const header = (f: string) => mapping.fields.find((m) => m.field === f)?.header;
  const quoted = (hs: (string | undefined)[]) => {
    const names = hs.filter((h): h is string => !!h).map((h) => `"${h}"`);
    return names.length > 1
      ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`
      : (names[0] ?? "");
  };
  const customer = header("accountName") ?? header("accountId");
  const date = found.dated === found.continuations ? undefined : header("date");
  const orderId = header("orderId");
  const how = "as a report or a PivotTable lays them out";
  if (reading.customerGroups && found.headings > 0 && !reading.orderFields)
    return `Each customer's lines are under a heading row that names it in ${quoted([header("accountId"), header("accountName")])} (a report grouped by customer), the lines leaving it blank: each such line was read as the customer's of the heading above it, and the heading rows were skipped as such.`;
  if (reading.orderFields && orderId)
    return `An order's later lines leave its ${quoted([orderId, customer, date])} blank (written on its first line only, ${how}): each such line was read as a line of the order above it${reading.customerGroups ? `, and an order with no ${quoted([customer])} as the customer's above it` : ""}.`;
  if (reading.orderFields)
    return `Lines leave the ${quoted([customer, date])} blank under a line that has them (written once for the lines below, ${how}): each such line was read with the line above's.`;
  return `The ${quoted([customer])} is written on the first of a customer's lines only (${how}): a line that leaves it blank was read as the customer's above it.`;
}
