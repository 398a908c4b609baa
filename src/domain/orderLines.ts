/**
 * What makes an order line a return, written once (RULES.md §1) for the ingest and the
 * worksheet functions that read order columns (KAP.METRICS, KAP.ACCOUNTHEALTH).
 */
import { serviceKind } from "./serviceLines";

/** The category of a line when neither the line nor the catalog names one. */
export const UNCATEGORISED = "Uncategorised";

/** The SKU key prefix of a category standing in for the product (see categoryStandIn). */
export const CATEGORY_STAND_IN = "\u0000category:";

/**
 * The SKU of a line from order data with no product column but a category column (an
 * invoice-level export with categories): its category stands for its product, so categories
 * count for Diversity and category views. The order book files it under the category's name,
 * and as a service line when the category names one ("Carriage", "Postage": RULES.md §1).
 * Used by the ingest and KAP.METRICS alike; a blank product cell in data that has a product
 * column is not this (it stays a line without a product).
 */
export function categoryStandIn(category: string): string {
  return CATEGORY_STAND_IN + category;
}

/**
 * Credit notes by their id: an order id of C or c followed by a digit or a dash ("C1042", "c-77"),
 * and the common credit-note prefixes CN, CRN, CR and CM (credit memo) the same way, or with a
 * space or a slash before the number ("CN000123", "CRN-5", "CR-0001", "CM1001", "CN 77", "CRN/12").
 * The same prefixes after a short series code and a dash or slash, as Business Central numbers
 * posted credit memos beside posted invoices ("PS-CR104001" beside "PS-INV103001"), or after an S
 * for "sales" ("SCN-0005", "SCM1001"); and an id that starts with the document's own name ("Credit
 * Note 0004", "Credit Memo 12", "Gutschrift 33", "Avoir 7", "Kreditnota 5"). "Cash", "CUST1",
 * "CRATE-1", "CMS1", "INV-C1", "INV-CN1", "SCRAP-1" and "Creditor 5" are not. A file whose ids
 * mostly look like credit notes numbers its invoices that way (creditPrefixIsNumbering).
 */
const CREDIT_PREFIX = /^c(?:(?:n|rn|r|m)[\s/]?)?[\d-]/i;
const CREDIT_PREFIX_AFTER_SERIES = /^(?:(?!inv[-/])[a-z]{1,4}[-/]|s)c(?:n|rn|r|m)[\s/-]?\d/i;
const CREDIT_DOCUMENT_NAME =
  /^(?:credit[\s-]*(?:note|memo)|gutschrift|avoir|abono|nota\s+(?:de|di)\s+cr[eé]dito|creditnota|kreditnota|kreditfaktura|hyvityslasku)\b/i;

/** The last id asked about and its answer: an order's lines repeat its id, one after another. */
let lastCreditId = "";
let lastCreditAnswer = false;

export function isCreditNoteId(id: string): boolean {
  if (id === lastCreditId) return lastCreditAnswer;
  const answer =
    id.length >= 2 &&
    (CREDIT_PREFIX.test(id) ||
      CREDIT_PREFIX_AFTER_SERIES.test(id) ||
      CREDIT_DOCUMENT_NAME.test(id));
  lastCreditId = id;
  lastCreditAnswer = answer;
  return answer;
}

/** How many order ids creditPrefixIsNumbering looks at: the first this many that are not blank. */
export const CREDIT_ID_SAMPLE = 1000;

/**
 * Whether ids that look like credit notes are the data's own numbering ("C26101" on every
 * invoice): when more than half of the first CREDIT_ID_SAMPLE order ids look like credit notes,
 * the prefix marks nothing and no line is a credit note by its id (its sign and document type
 * still count). A real order book is not mostly credit notes. The ingest applies it to its
 * sample rows, KAP.METRICS to the column — the same first ids.
 */
export function creditPrefixIsNumbering(ids: Iterable<string>): boolean {
  let n = 0;
  let credit = 0;
  for (const id of ids) {
    if (id === "") continue;
    n++;
    if (isCreditNoteId(id)) credit++;
    if (n === CREDIT_ID_SAMPLE) break;
  }
  return n > 0 && credit * 2 > n;
}

/** The fields of an order line the return rule sets. */
export interface SignedLine {
  isReturn: boolean;
  quantity: number;
  revenue: number;
}

/**
 * Returns and credit notes (negative quantity or revenue, a credit-note id, or a credit document
 * type) reduce revenue and count as returns: both figures are then negative.
 */
export function returnSigned(
  quantity: number,
  revenue: number,
  orderId: string,
  creditType = false,
  creditIds = true
): SignedLine {
  const out = { isReturn: false, quantity: 0, revenue: 0 };
  signInto(out, quantity, revenue, orderId, creditType, creditIds);
  return out;
}

/**
 * returnSigned written into `out` (the line being filled) rather than a new object: for loops
 * over a million lines. `creditIds` false: ids are not read as credit notes (creditPrefixIsNumbering).
 */
export function signInto(
  out: SignedLine,
  quantity: number,
  revenue: number,
  orderId: string,
  creditType = false,
  creditIds = true
): void {
  const isReturn =
    quantity < 0 || revenue < 0 || (creditIds && isCreditNoteId(orderId)) || creditType;
  out.isReturn = isReturn;
  out.quantity = isReturn ? -Math.abs(quantity) : quantity;
  out.revenue = isReturn ? -Math.abs(revenue) : revenue;
}

/** A negative line as written, for the discount rule (keepTakenOffSigned). */
export interface WrittenLine {
  quantity: number;
  revenue: number;
  orderId: string;
  /** the product code, or the product column's text */
  sku: string;
  /** the product's name or description, where there is one beside the code */
  description?: string;
}

/**
 * The sign rule's exemption, after signInto: a negative discount line on an invoice (a
 * "Rabatt", "Volume rebate 5%", "Bonus", "Skonto 2%" line) or a down payment taken off the
 * final invoice lowers that invoice, as a price reduction: no return (PRODUCT.md §2, discounts
 * are adjustment lines), so the line keeps its figures as written. The caller says the line is on
 * an invoice (the ingest: a document type that is not a credit, else a line of the order above
 * it; the worksheet functions: a line of the order above it); a credit-note id never is. A
 * discount alone on its own document stays a credit.
 */
export function keepTakenOffSigned(out: SignedLine, line: WrittenLine, creditIds: boolean): void {
  if (!out.isReturn || (creditIds && isCreditNoteId(line.orderId))) return;
  const kind = serviceKind(line.sku, line.description);
  if (kind !== "discount" && kind !== "down payment") return;
  out.isReturn = false;
  out.quantity = line.quantity;
  out.revenue = line.revenue;
}
