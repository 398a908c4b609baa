/**
 * Order columns as KAP.METRICS and KAP.ACCOUNTHEALTH receive them (ranges, structured
 * references, whole columns, spills) → the engine's order book. Each row is read like the
 * ingest reads a line: credit notes and returns by the same rule (ingest/orders), no order id →
 * one order per account per day, a blank category → "Uncategorised". Rows blank in account, date
 * and revenue are skipped on every host (desktop passes a blank cell as 0, the web as null), so
 * whole columns with spare rows work. A row with an order but no account stops the call with a
 * message naming the row. A row of an account with an unreadable date, revenue or other cell is
 * left out, as the ingest skips it, and that account's answer becomes the error naming the row
 * (`OrderColumns.rowErrors`): one typo costs one account's row, never a silently wrong figure.
 * With no as-of date given, an unreadable date stops the whole call (the data's last date, which
 * decides every account's figures, might be on that row).
 *
 * Blank cells read alike on every host, because desktop cannot tell a blank from 0:
 * - a blank revenue on a line with an account and a date is 0 (the line still counts as an
 *   order on its date). The ingest skips such a line ("no revenue"); here it cannot, since a
 *   real 0 (a free line) arrives the same way on desktop;
 * - with a quantity column, a line whose quantity and revenue are both blank or 0 is a comment
 *   line and skipped (the ingest's "empty line" and "no quantity"); a blank or 0 quantity beside
 *   a value is one unit (the ingest's invoice-level line).
 */
import { OrderBook, type BookBuffers } from "../domain/analysis/book";
import type { OrderLine, Serial } from "../domain/types";
import {
  categoryStandIn,
  creditPrefixIsNumbering,
  keepTakenOffSigned,
  signInto,
  UNCATEGORISED,
} from "../domain/orderLines";
import {
  callMarks,
  ColumnView,
  commonHeight,
  InputError,
  inputErrorOf,
  isEmpty,
  isEmptyOrZero,
  notGiven,
  headerFirst,
  type Cell,
  type ColumnMark,
  type Plain,
  toNumber,
  trimmedFilled,
  rawCells,
} from "./args";
import { columnDateOrder, toSerial, type ColumnDateOrder } from "./dateCell";
import { dateCellShift } from "./culture";
import { dayOfSerial, isoToSerial, MAX_DATE_SERIAL } from "../domain/dates";
import { periodBack } from "../domain/analysis/subject";
import { ArgError } from "./errors";
import { MAX_LINE_VALUE, MAX_QUANTITY } from "../ingest/limits";

export interface OrderColumnArgs {
  orderAccounts: Cell;
  orderDates: Cell;
  orderIds: Cell;
  revenue: Cell;
  categories: Cell;
  quantity?: Cell;
  products?: Cell;
}

export interface OrderColumns {
  book: OrderBook;
  /** the latest order date, or null when no row holds an order */
  lastDate: Serial | null;
  /**
   * the as-of date when none is given: the last sale's date (a row that is no return: a credit
   * note after the last invoice is no order), else the latest date; as `kap analyze` (engine/settings defaultAsOf)
   */
  defaultAsOf: Serial | null;
  hasCategories: boolean;
  hasProducts: boolean;
  /** account → the error of its first row that could not be read (the row was left out) */
  rowErrors: ReadonlyMap<string, ArgError>;
}

/** An order row that cannot be read: its account's answer, not the whole call, shows it. */
export class RowError extends ArgError {}

/** An order row that cannot be read and that stops the whole call. */
class CallError extends ArgError {}

/** An id as the ingest reads it: text trimmed, numbers as written (12347). */
export function idText(v: Plain): string {
  if (v === null) return "";
  if (typeof v === "string") return trimmedFilled(v) ? v : v.trim();
  if (typeof v === "number") return String(v);
  return String(v);
}

function text(v: Plain, argName: string, row: number): string {
  if (v instanceof InputError) throw rowError(inputErrorOf(v, argName), row);
  return isEmpty(v) ? "" : idText(v);
}

function rowError(e: ArgError, row: number): RowError {
  return new RowError(`Order row ${row}: ${e.message}`, e.code);
}

/**
 * The order book of the columns, for windows ending on `asOf` (default: the last order date).
 * The book keeps product entries only for the last 12 months before that date (diversity's
 * window, the only one that reads them), which halves the work on long histories.
 */
export function orderBookOf(a: OrderColumnArgs, asOf?: Serial): OrderColumns {
  if (asOf !== undefined) return readOrders(a, periodBack(asOf, 12).start, true);
  // The as-of date is the last accepted line's date, known after the pass: start from the
  // latest date in the column, and read again without a limit in the rare case an accepted
  // line's date is earlier (the latest date sat on a skipped comment line).
  const latest = latestDate(a.orderDates);
  if (latest === undefined) return readOrders(a, -Infinity, false);
  const after = periodBack(latest, 12).start;
  const r = readOrders(a, after, false);
  if (r.defaultAsOf === null || periodBack(r.defaultAsOf, 12).start >= after) return r;
  doneWith(r.book);
  return readOrders(a, -Infinity, false);
}

/**
 * The arrays of the last call's order book, which the next call's book fills again (OrderBook
 * reuse): Excel recalculates KAP.METRICS on every change, and at a million lines each call's
 * fresh arrays (~40 MB outside the JS heap) would start a full garbage collection — a pass over
 * every argument array of the workbook — nearly every call.
 */
let spare: BookBuffers | undefined;

/** Gives the arrays of a book from orderBookOf back for the next call, once the caller has read all it needs from it (its frozen arrays and names stay valid). */
export function doneWith(book: OrderBook): void {
  spare = book.release();
}

/** The latest date cell of the column (numbers and ISO text; other cells are left to the full read). */
function latestDate(m: Cell): Serial | undefined {
  let latest = -Infinity;
  // a 1904 workbook's date cells count 1,462 days on (dateCellSerial; its checks in the full read)
  const shift = dateCellShift();
  const visit = (v: unknown) => {
    const x =
      typeof v === "number"
        ? v + shift
        : typeof v === "string"
          ? isoToSerial(v.trim().slice(0, 10))
          : undefined;
    if (x !== undefined && x >= 1 && x < MAX_DATE_SERIAL + 1 && dayOfSerial(x) > latest)
      latest = dayOfSerial(x);
  };
  if (Array.isArray(m))
    for (const r of m)
      if (Array.isArray(r)) for (const v of r) visit(v);
      else visit(r);
  else visit(m);
  return Number.isFinite(latest) ? latest : undefined;
}

/** Rows per block of readOrders: seven columns' blocks stay in cache while the rows are read. */
const BLOCK = 1024;

/** Cell k of a block read by ColumnView.readInto; a row that is not one cell throws its shape error here, in row order. */
function cellOf(block: (Plain | undefined)[], k: number, column: ColumnView, i: number): Plain {
  const c = block[k];
  return c === undefined ? column.at(i) : c;
}

function readOrders(a: OrderColumnArgs, productsAfter: Serial, asOfGiven: boolean): OrderColumns {
  const names = [
    "orderAccounts",
    "orderDates",
    "orderIds",
    "revenue",
    "categories",
    "quantity",
    "products",
  ] as const;
  const hasCategories = !notGiven(a.categories);
  const hasQuantity = !notGiven(a.quantity);
  const hasProducts = !notGiven(a.products);
  const raw = [
    a.orderAccounts,
    a.orderDates,
    a.orderIds,
    a.revenue,
    hasCategories ? a.categories : null,
    hasQuantity ? a.quantity : null,
    hasProducts ? a.products : null,
  ];
  const cols = raw.map((m, k) => new ColumnView(m ?? null, names[k]));
  // optional columns left out are one blank cell: broadcast
  const n = commonHeight(cols.map((values, k) => ({ name: names[k], values, raw: raw[k] })));
  // ids such as "C26101" on every invoice are the numbering, not credit notes (the ingest's rule)
  const creditIds = !creditPrefixIsNumbering(idsOf(cols[2], n));
  const book = new OrderBook({ productsAfter, reuse: spare });
  spare = undefined;
  // representative values first, so the line's fields keep one shape from the first row on
  const line: OrderLine = {
    accountId: "",
    date: 0,
    orderId: "",
    sku: "",
    category: "",
    isReturn: false,
    quantity: 0.5,
    revenue: 0.5,
  };
  const r: Reading = {
    cols,
    blocks: cols.map(() => new Array<Plain | undefined>(BLOCK).fill(null)),
    book,
    line,
    hasCategories,
    hasQuantity,
    hasProducts,
    creditIds,
    asOfGiven,
    lastDate: -Infinity,
    lastSaleDate: -Infinity,
    lastOrderId: "",
    rowErrors: new Map(),
    dateOrder: columnDateOrder(() => rawCells(a.orderDates)),
    // a quantity column that proves no mark is read as the revenue column does, and the other way round
    ...numberMarks(a.revenue, a.quantity),
  };
  // a whole column (A:A) or a range from the header down: the labels are not an order line,
  // nor are the same labels further down (two exports pasted one under the other)
  const first = n > 1 && labelsFirst(cols) ? 1 : 0;
  if (first === 1) r.header = [labelKey(cols[1].at(0)), labelKey(cols[3].at(0))];
  for (let start = first; start < n; start += BLOCK)
    readBlock(r, start, Math.min(n, start + BLOCK));
  const lastDate = Number.isFinite(r.lastDate) ? r.lastDate : null;
  return {
    book,
    lastDate,
    defaultAsOf: Number.isFinite(r.lastSaleDate) ? r.lastSaleDate : lastDate,
    hasCategories,
    hasProducts,
    rowErrors: r.rowErrors,
  };
}

/** Whether the columns' first row is their header row (args headerFirst: date and revenue are labels). */
function labelsFirst(cols: readonly ColumnView[]): boolean {
  try {
    return headerFirst(cols[1].at(0), cols[3].at(0));
  } catch {
    return false; // a first row of the wrong shape: the row loop reports it
  }
}

function labelKey(v: Plain): string {
  return String(v).trim().toLowerCase();
}

/** What readOrders carries from one block of rows to the next. */
interface Reading {
  cols: ColumnView[];
  /** each column's cells of the block (ColumnView.readInto) */
  blocks: (Plain | undefined)[][];
  book: OrderBook;
  /** the line being filled, one object for every row */
  line: OrderLine;
  hasCategories: boolean;
  hasQuantity: boolean;
  hasProducts: boolean;
  /** false: ids that look like credit notes are the numbering (creditPrefixIsNumbering) */
  creditIds: boolean;
  /** an as-of date was given: an unreadable date then costs its account only */
  asOfGiven: boolean;
  lastDate: number;
  /** the latest date of a row read that is no return */
  lastSaleDate: number;
  /** the order id of the last row read into the book (a line of the order above: on an invoice) */
  lastOrderId: string;
  rowErrors: Map<string, ArgError>;
  /** the date and revenue labels of the header row (labelKey), when the first row is one */
  header?: [string, string];
  /** the date of the row being read, once it reads (for a row left out later in its reading) */
  rowDate?: number;
  /** what the order dates typed as text say of their order (dateCell columnDateOrder) */
  dateOrder: ColumnDateOrder;
  /** the decimal mark the revenue and quantity columns' text numbers prove, as the ingest reads a column (args columnMark) */
  revenueMark: ColumnMark;
  quantityMark: ColumnMark;
}

/** The column's order ids as text, blanks and cells in error left out (the row loop raises those). */
function* idsOf(column: ColumnView, n: number): Generator<string> {
  for (let i = 0; i < n; i++) {
    let v: Plain;
    try {
      v = column.at(i);
    } catch {
      continue;
    }
    if (v instanceof InputError || isEmpty(v)) continue;
    yield idText(v);
  }
}

/**
 * Rows [start, end) into the book: each column's cells of the block read in one run
 * (ColumnView.readInto), then row by row. A function of its own, called once a block, so the
 * engine optimises it after a few blocks of the first call rather than only the loop inside a
 * long call.
 */
function readBlock(r: Reading, start: number, end: number): void {
  const [acc, dat, ids, rev, cat, qty, prod] = r.cols;
  const [accB, datB, idsB, revB, catB, qtyB, prodB] = r.blocks;
  const { hasCategories, hasQuantity, hasProducts } = r;
  acc.readInto(start, end, accB);
  dat.readInto(start, end, datB);
  rev.readInto(start, end, revB);
  ids.readInto(start, end, idsB);
  if (hasCategories) cat.readInto(start, end, catB);
  if (hasQuantity) qty.readInto(start, end, qtyB);
  if (hasProducts) prod.readInto(start, end, prodB);
  let lastDate = r.lastDate;
  let lastSaleDate = r.lastSaleDate;
  for (let i = start; i < end; i++) {
    const k = i - start;
    const accountCell = cellOf(accB, k, acc, i);
    const dateCell = cellOf(datB, k, dat, i);
    const revenueCell = cellOf(revB, k, rev, i);
    // blank (null, desktop's 0, or a 0 typed as text) in all three: a spare row
    if (isEmptyOrZero(accountCell) && isEmptyOrZero(dateCell) && isEmptyOrZero(revenueCell))
      continue;
    // a repeated header row (dates are numbers on almost every row: the test is cheap)
    const h = r.header;
    if (
      h !== undefined &&
      typeof dateCell === "string" &&
      labelKey(dateCell) === h[0] &&
      labelKey(revenueCell) === h[1]
    )
      continue;
    const row = i + 1;
    const accountId = text(accountCell, "orderAccounts", row);
    if (!accountId)
      throw new ArgError(
        `Order row ${row} has a date or revenue but no account (orderAccounts is blank or 0). An account numbered 0 must be typed as text ('0): Excel desktop passes a blank cell as 0.`
      );
    r.rowDate = undefined;
    try {
      const date = readRow(r, k, i, row, accountId);
      if (date !== undefined && date > lastDate) lastDate = date;
      if (date !== undefined && date > lastSaleDate && !r.line.isReturn) lastSaleDate = date;
    } catch (e) {
      // The row is left out, as the ingest skips it; its account's answer shows the first such row.
      if (!(e instanceof RowError)) throw e;
      if (!r.rowErrors.has(accountId)) r.rowErrors.set(accountId, e);
      // Its date, when it reads, still counts for the default as-of date: otherwise every other
      // account's figures would silently move to an earlier as-of until the typo is fixed.
      if (r.rowDate !== undefined && r.rowDate > lastDate) lastDate = r.rowDate;
      if (r.rowDate !== undefined && r.rowDate > lastSaleDate) lastSaleDate = r.rowDate;
    }
  }
  r.lastDate = lastDate;
  r.lastSaleDate = lastSaleDate;
}

/** The revenue and quantity columns' decimal marks (args callMarks), as the ingest reads them. */
function numberMarks(
  revenue: unknown,
  quantity: unknown
): { revenueMark: ColumnMark; quantityMark: ColumnMark } {
  const [revenueMark, quantityMark] = callMarks([
    () => rawCells(revenue),
    () => rawCells(quantity),
  ]);
  return { revenueMark, quantityMark };
}

/**
 * Row i (k-th of its block) of an account into the book; its date, or undefined for a comment
 * line that is skipped. A cell that cannot be read throws a RowError naming the row.
 */
function readRow(
  r: Reading,
  k: number,
  i: number,
  row: number,
  accountId: string
): number | undefined {
  const [, dat, ids, rev, cat, qty, prod] = r.cols;
  const [, datB, idsB, revB, catB, qtyB, prodB] = r.blocks;
  const { book, line, hasCategories, hasQuantity, hasProducts } = r;
  const dateCell = cellOf(datB, k, dat, i);
  const revenueCell = cellOf(revB, k, rev, i);
  let date: number;
  let revenue: number | undefined;
  try {
    date = rowDateOf(dateCell, r, row);
    r.rowDate = date;
    // Desktop passes a blank revenue as 0, so a blank is 0 on every host.
    revenue = isEmpty(revenueCell) ? 0 : toNumber(revenueCell, "revenue", r.revenueMark);
  } catch (e) {
    if (e instanceof ArgError && !(e instanceof RowError) && !(e instanceof CallError))
      throw rowError(e, row);
    throw e;
  }
  if (revenue === undefined)
    throw new RowError(
      `Order row ${row}: revenue "${String(revenueCell ?? "")}" is not an amount.`
    );
  // as the ingest leaves such a line out (ingest/limits): never summed into the account's figures
  if (!(Math.abs(revenue) < MAX_LINE_VALUE))
    throw new RowError(
      `Order row ${row}: revenue ${String(revenueCell)} is too large to be real (10 trillion or more): a code or an id in the revenue column?`
    );
  let quantity = 1;
  if (hasQuantity) {
    const q = cellOf(qtyB, k, qty, i);
    if (isEmptyOrZero(q)) {
      // No quantity and no value: a comment or text line, skipped as the ingest skips it.
      // A blank (or desktop's 0, or "0" as text) quantity beside a value is one unit, as in the ingest.
      if (revenue === 0) return undefined;
    } else {
      let v: number | undefined;
      try {
        v = toNumber(q, "quantity", r.quantityMark);
      } catch (e) {
        throw e instanceof ArgError ? rowError(e, row) : e;
      }
      if (v === undefined)
        throw new RowError(`Order row ${row}: quantity "${String(q)}" is not a number.`);
      if (!(Math.abs(v) < MAX_QUANTITY))
        throw new RowError(
          `Order row ${row}: quantity ${String(q)} is too large to be real (10 trillion or more): a code or a barcode in the quantity column?`
        );
      quantity = v;
    }
  }
  const orderId = text(cellOf(idsB, k, ids, i), "orderIds", row);
  const category = hasCategories ? text(cellOf(catB, k, cat, i), "categories", row) : "";
  // no products: each line's category stands for its product (categoryStandIn), as in `kap analyze`
  const sku = hasProducts
    ? text(cellOf(prodB, k, prod, i), "products", row)
    : hasCategories
      ? categoryStandIn(category || UNCATEGORISED)
      : "";
  line.accountId = accountId;
  line.date = date;
  line.orderId = orderId || `${accountId}|${date}`;
  line.sku = sku;
  line.category = category || UNCATEGORISED;
  signInto(line, quantity, revenue, orderId, false, r.creditIds);
  // a negative discount or down-payment line of the order above lowers that invoice: no return,
  // as `kap analyze` reads it (domain/orderLines); the products column's text is its product
  if (line.isReturn && orderId !== "" && orderId === r.lastOrderId && hasProducts)
    keepTakenOffSigned(line, { quantity, revenue, orderId, sku }, r.creditIds);
  r.lastOrderId = orderId;
  book.add(line);
  return date;
}

/**
 * A row's date. Unreadable (or blank), the row is left out and its account shows the error —
 * unless no as-of date was given: the data's last date then decides every account's figures,
 * and this row might have been the last, so the whole call stops and asks for one.
 */
function rowDateOf(dateCell: Plain, r: Reading, row: number): number {
  try {
    if (isEmpty(dateCell)) throw new ArgError("orderDates is blank.");
    return toSerial(dateCell, "orderDates", r.dateOrder);
  } catch (e) {
    if (!(e instanceof ArgError) || r.asOfGiven) throw e;
    throw new CallError(
      `Order row ${row}: ${e.message} With no asOf given, KAP takes the as-of date from the order lines' last date, which this row may change: correct the row, or give asOf.`,
      e.code
    );
  }
}
