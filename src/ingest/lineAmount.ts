/**
 * A line amount beside order-level figures: "sales by invoice line" exports (QuickBooks, Zoho)
 * write each line's "Line Amount" and repeat the invoice's "Subtotal; Tax; Total" on every one of
 * its lines. The header reading takes the order's figure (a bare "Total" ranks first), which the
 * rows then show to be a figure per order (ingest/plausible). The line amount is each line's
 * value; it is read as the line revenue only where the rows settle what it is: the line amounts of
 * an order add up to its figure (to the Subtotal, the amount before tax, where a net/tax/gross
 * trio stands beside it; PRODUCT.md §1: revenue is net of VAT). Otherwise it stays unread and the
 * reason is given.
 */
import { type Cell, isBlankCell } from "./grid";
import { ORDER_FIELDS, normaliseHeader } from "./fields";
import { isPlainAmountHeader, taxTrioOf } from "./taxTrio";

type Row = readonly Cell[];

/** Share of the orders read whose line amounts must add up to the order's figure. */
const ADD_UP_SHARE = 0.8;

/** Headers of a line's value: the line revenue's synonyms ("Line Amount", "Amount", "Line Total") and the plain amounts. */
const LINE_VALUE_HEADERS: ReadonlySet<string> = new Set(
  ORDER_FIELDS.find((f) => f.field === "revenue")!.synonyms
);

/** The line amount to read as each line's revenue, with the order-level figures it stands beside. */
export interface LineAmountRead {
  column: number;
  header: string;
  /** the order-level columns repeated on its lines, not added up (their headers) */
  orderFigures: string[];
  /** the line amounts add up to the order's amount before tax (the Subtotal of a net/tax/gross trio) */
  beforeTax: boolean;
}

export type LineAmountVerdict =
  | { read: LineAmountRead }
  /** a sentence saying why no line amount is read (ambiguous, or with its tax) */
  | { refused: string };

export interface LineAmountInput {
  headers: readonly string[];
  /** the data rows read for the checks */
  sample: readonly Row[];
  /** the sample stops before the table does (its last order may be cut) */
  truncated: boolean;
  /** the column found to be a figure per order */
  orderFigure: number;
  /** columns other fields hold */
  taken: ReadonlySet<number>;
  orderOf: (r: Row) => string;
  money: (r: Row, column: number) => number | undefined;
  /** whether a column is a figure per order (ingest/plausible's orderTotalEvidence) */
  isOrderLevel: (column: number) => boolean;
  /** "2,345.60" as the notes write money */
  fmt: (x: number) => string;
}

/** The orders of `rows` by id (an order's lines need not be together), the last one left out when `truncated`. */
function ordersOf(
  rows: readonly Row[],
  orderOf: (r: Row) => string,
  truncated: boolean
): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const id = orderOf(r);
    if (id === "") continue;
    const lines = out.get(id);
    if (lines) lines.push(r);
    else out.set(id, [r]);
  }
  if (truncated && rows.length) out.delete(orderOf(rows[rows.length - 1]));
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, 0.005 * Math.abs(b));

/**
 * How an order-level column stands to the line amounts: the orders read, those whose line amounts
 * add up to its figure, and the first order that does not (for the note).
 */
function addUpTo(
  orders: Map<string, Row[]>,
  line: number,
  figure: number,
  money: LineAmountInput["money"]
): { n: number; hits: number; miss?: { order: string; sum: number; figure: number } } {
  let n = 0;
  let hits = 0;
  let miss: { order: string; sum: number; figure: number } | undefined;
  for (const [order, lines] of orders) {
    const f = lines.map((r) => money(r, figure)).find((v) => v !== undefined);
    const amounts = lines.map((r) => money(r, line));
    if (f === undefined || amounts.some((v) => v === undefined)) continue;
    const sum = amounts.reduce((a: number, b) => a + b!, 0);
    n++;
    if (near(sum, f)) hits++;
    else miss ??= { order, sum, figure: f };
  }
  return { n, hits, ...(miss ? { miss } : {}) };
}

/**
 * The line amount to read as line revenue beside `orderFigure`, a figure per order; a sentence
 * saying why none is read when the rows do not settle it; undefined when the table has no line
 * amount to offer.
 */
export function lineAmountBesideOrderFigures(
  input: LineAmountInput
): LineAmountVerdict | undefined {
  const { headers, sample, orderFigure, money } = input;
  const trio = taxTrioOf(headers);
  const trioCols = trio ? [trio.net, trio.tax, trio.gross] : [];
  const figures = [...new Set([orderFigure, ...trioCols])].filter(
    (c) => c === orderFigure || input.isOrderLevel(c)
  );
  const offered = headers.flatMap((h, c) => {
    const key = normaliseHeader(h);
    return h.trim() !== "" &&
      !input.taken.has(c) &&
      !figures.includes(c) &&
      (LINE_VALUE_HEADERS.has(key) || isPlainAmountHeader(h))
      ? [c]
      : [];
  });
  // a line amount holds a value on most lines and is no figure per order itself
  const lineAmounts = offered.filter((c) => {
    const filled = sample.filter((r) => !isBlankCell(r[c]) && money(r, c) !== undefined).length;
    return filled >= ADD_UP_SHARE * sample.length && filled > 0 && !input.isOrderLevel(c);
  });
  if (!lineAmounts.length) return undefined;
  const name = (c: number) => `"${headers[c].trim()}"`;
  if (lineAmounts.length > 1)
    return {
      refused: `${lineAmounts.map(name).join(" and ")} could each be the line value, so neither is read.`,
    };
  const line = lineAmounts[0];
  const orders = ordersOf(sample, input.orderOf, input.truncated);
  const settled = (s: { n: number; hits: number }) => s.n > 0 && s.hits >= ADD_UP_SHARE * s.n;
  const net = trio && figures.includes(trio.net) ? trio.net : undefined;
  const gross = trio && figures.includes(trio.gross) ? trio.gross : undefined;
  const against = net ?? orderFigure;
  const sums = addUpTo(orders, line, against, money);
  const orderFigures = figures.map((c) => headers[c].trim());
  if (settled(sums))
    return {
      read: {
        column: line,
        header: headers[line].trim(),
        orderFigures,
        beforeTax: net !== undefined,
      },
    };
  const miss = sums.miss;
  if (!miss)
    return {
      refused: `${name(line)} cannot be checked against the order's ${name(against)} (no order read has both), so it is not read as the line value either.`,
    };
  const example = `order ${miss.order}: its lines ${input.fmt(miss.sum)}, ${name(against)} ${input.fmt(miss.figure)}`;
  // adding up to the order's total with its tax: each line's value with tax, not revenue
  if (net !== undefined && gross !== undefined && settled(addUpTo(orders, line, gross, money)))
    return {
      refused: `${name(line)} holds each line's value with tax: an order's lines add up to its ${name(gross)}, not its ${name(net)} (${example}), and revenue is read before tax, so it is not read as the line value either.`,
    };
  return {
    refused: `${name(line)} does not add up to the order's ${name(against)} (${example}), so it is not read as the line value either.`,
  };
}
