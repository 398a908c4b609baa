/**
 * Finds what each sheet or table holds from its header row: which role (order lines,
 * accounts, catalog, contacts, cross-sell rules, currency rates), which row is the header
 * (not always row 1: exports put titles above), and which column is which field.
 */
import type { Side } from "./sides";
import type { LineRefundColumns } from "./lineRefunds";
import type { ConfigurableColumns } from "./configurableItems";
import type { OrderRefundColumns } from "./orderRefunds";
import type { BigCommerceTotalsColumns } from "./packedLines";
import { type Cell, cellText, type Grid, isBlankCell } from "./grid";
import {
  compactHeader,
  type FieldDef,
  isLedgerCodeHeader,
  isLedgerHeader,
  MAX_HEADER_LENGTH,
  normaliseHeader,
  ORDER_FIELDS,
  type Role,
  ROLES,
  TAX_ID_HEADERS,
} from "./fields";
import { type ExportLayout, type LayoutId, matchHeadingLayouts, matchLayout } from "./layouts";
import { firstCustomerHeading, firstTotalledHeading } from "./customerHeadings";

/** How many rows from the top are searched for the header row. */
export const HEADER_SCAN_ROWS = 30;

/** Match strengths: the header is a synonym, or contains one as whole words ("Order Date (UTC)"). */
const EXACT = 1;
const CONTAINS = 0.7;

export interface FieldMatch {
  field: string;
  /** 0-based column within the grid */
  column: number;
  /** The header text as found (trimmed). */
  header: string;
  /** 1 = the header is a synonym (or the user chose it), 0.7 = the header contains a synonym */
  confidence: number;
}

/** A role's column mapping; plain JSON so the add-in can keep it in the workbook. */
export interface ColumnMapping {
  role: Role;
  sheet: string;
  table?: string;
  /** 0-based row of the header within the grid */
  headerRow: number;
  fields: FieldMatch[];
  /** The export layout recognised from the header signature (./layouts), if any. */
  layout?: LayoutId;
  /**
   * No category column, and the products are named "Category:Item" (QuickBooks' full names):
   * each line's category is its product name's first segment (ingest/plausible decides it from
   * the rows, ingest/orders reads it).
   */
  categoryFromProductPrefix?: boolean;
  /**
   * The line value column is before the line's discount % (quantity × price; ingest/plausible
   * decides it from the rows): ingest/orders takes the discount off it.
   */
  revenueBeforeDiscount?: boolean;
  /**
   * The line value column is before the line's money discount (lineDiscount), as the line's tax
   * and total show (ingest/subtotalDiscount): ingest/orders takes it off.
   */
  revenueBeforeLineDiscount?: boolean;
  /**
   * The line value column's header says its unit ("Net value (thousand EUR)", "Umsatz in Tsd.
   * €"): each value is read times this (ingest/plausible amountScaleOf).
   */
  revenueScale?: number;
  /**
   * The category column holds Odoo's category paths ("All / Saleable / Tools / Hand tools"):
   * each line's category is the path's top level below Odoo's roots (ingest/categoryPath).
   */
  categoryOdooPath?: boolean;
  /**
   * No category column, and the report's product headings stand under category headings
   * (QuickBooks' sales by product/service detail): each line's category is the top-level one.
   */
  categoryFromHeadings?: boolean;
  /**
   * No customer column: each line's customer is the "Customer: ACME01 Acme Ltd" heading line
   * above its block (Sage 200's reports grouped by customer; ingest/customerHeadings).
   */
  customerHeadings?: boolean;
  /**
   * The document-type column lists sales orders or delivery notes beside the invoices: only the
   * invoices and credit notes are sales (ingest/plausible decides it, ingest/orders skips the others).
   */
  invoicedDocsOnly?: boolean;
  /**
   * The document-type column lists return authorizations beside the invoices: requests to
   * return goods, which their credit memos credit; skipped (ingest/plausible decides it,
   * ingest/orders skips them), so a return is taken off once.
   */
  returnRequestsBesideInvoices?: boolean;
  /**
   * The status column holds a CRM's deal stages (Closed Won, Closed Lost, Negotiation …): only
   * won deals are sales (ingest/statuses).
   */
  dealStages?: boolean;
  /**
   * With dealStages, the column of each deal's estimated value (Dynamics 365's "Est. Revenue")
   * beside its actual value read as the revenue: a lost or open deal's worth, said when skipped.
   */
  dealEstimateColumn?: number;
  /** The estimate's header ("Est. Revenue"): said with a won deal that has no actual value. */
  dealEstimateHeader?: string;
  /** The status column holds MYOB's sale-status codes (I, O, Q): read as the documents they name (ingest/statuses). */
  saleStatusCodes?: boolean;
  /** Magento's export: its "closed" orders were refunded in full, no sales (ingest/statuses). */
  closedIsRefunded?: boolean;
  /**
   * The status is a web shop's order status: an order awaiting payment (pending, on hold) is no
   * sale yet, skipped with its value said (ingest/statuses); one on payment terms (the 0-based
   * column of Shopify's "Payment Terms Name", filled) is a sale.
   */
  unpaidIsNoSale?: {
    termsColumn: number;
    /** an ERP's statuses: only a document "On Hold" (not yet released) is no sale yet */
    onHoldOnly?: boolean;
  };
  /** The 0-based column that marks deleted transactions (Sage 50's "Deleted"): no sales (ingest/statuses). */
  deletedColumn?: number;
  /**
   * Magento's order items: each line's row total less its discount and refunds, its quantity
   * less the units refunded, read from these columns (ingest/lineRefunds).
   */
  lineRefunds?: LineRefundColumns;
  /** Magento's configurable products: the columns tying an option row to its parent (ingest/configurableItems) */
  configurableItems?: ConfigurableColumns;
  /** GSTR-1's amendments: the column naming the invoice or note a row amends (ingest/amendments) */
  amendedFrom?: number;
  /**
   * Square's transactions: the 0-based column of each row's refunds by amount ("Partial
   * Refunds", written negative), taken off its "Net Sales" (ingest/orders).
   */
  partialRefunds?: number;
  /**
   * Magento's order grid: each order's Subtotal less its discount and its Total Refunded, read
   * from these columns (ingest/orderRefunds).
   */
  orderRefunds?: OrderRefundColumns;
  /**
   * The 0-based column that packs each order's products into one cell (BigCommerce's "Product
   * Details"): each product is read as a line of its order (ingest/packedLines).
   */
  packedProducts?: number;
  /**
   * BigCommerce's orders: each order's "Subtotal (ex tax)" less its coupons and discounts and its
   * refund before tax, read from these columns before its products share it (ingest/packedLines).
   */
  bigCommerceTotals?: BigCommerceTotalsColumns;
  /**
   * The money is in the company's home currency whatever each line's currency (QuickBooks'
   * "Amount" beside a Currency column, with no "Foreign Amount"): the Currency column is not
   * read, and the engine flags it when the report does not name the home currency.
   */
  homeCurrencyAmounts?: boolean;
  /** That home currency, where the report names it (its Exchange Rate column): every line's currency. */
  homeCurrency?: string;
  /**
   * A column gives each unsigned amount's side (S/H, D/C): the lines on `side` are returns
   * (ingest/sides decides it from the rows, ingest/orders reads it).
   */
  returnSide?: { column: number; side: Side };
  /**
   * The line revenue is the amount before tax of a net/tax/gross trio (ingest/taxTrio): the
   * headers of the tax and of the gross read beside it, for the reading's summary.
   */
  revenueBeforeTax?: { tax: string; gross: string };
  /**
   * The line revenue is a line amount beside figures per order repeated on its lines
   * (ingest/lineAmount): those figures' headers, not added up, and whether the line amounts add
   * up to the order's amount before tax; for the reading's summary.
   */
  revenueBesideOrderFigures?: { orderFigures: string[]; beforeTax: boolean };
  /**
   * The header of the customer's tax id column (NIF, CIF, USt-IdNr., VAT number), when the
   * order table has one: the reading says whether the accounts are keyed on it.
   */
  taxIdHeader?: string;
}

export interface Detection {
  role: Role;
  mapping: ColumnMapping;
  /** 0..1: how sure KAP is of this role and mapping. */
  confidence: number;
  /** Every cell of the header row as text ('' for blanks), by column. */
  headers: string[];
  /** data rows below the header (blank rows included) */
  dataRows: number;
  /** what the data checks changed and why, and the export layout recognised (for the user) */
  notes?: string[];
}

interface PreparedField {
  field: string;
  order: number;
  /** each synonym normalised, without spaces, and padded with a space each side (for "contains") */
  syns: { spaced: string; compact: string; padded: string }[];
  notWith: string[];
  /** the customer fields: never a ledger, tax or posting code */
  customer: boolean;
}

const prepared = new Map<readonly FieldDef[], PreparedField[]>();
function prepare(fields: readonly FieldDef[]): PreparedField[] {
  let p = prepared.get(fields);
  if (!p) {
    p = fields.map((f, order) => ({
      field: f.field,
      order,
      syns: f.synonyms.map((s) => {
        const spaced = normaliseHeader(s);
        return { spaced, compact: compactHeader(s), padded: ` ${spaced} ` };
      }),
      notWith: (f.notWith ?? []).map((w) => ` ${normaliseHeader(w) || w} `),
      customer: fields === ORDER_FIELDS && (f.field === "accountId" || f.field === "accountName"),
    }));
    prepared.set(fields, p);
  }
  return p;
}

/**
 * Where the synonyms of a field list are, as flat (field position, synonym rank) pairs: by the
 * normalised synonym and by its spaceless form (exact matches), and, for synonyms of 3 or more
 * letters, by the words a header must hold in a row to contain it.
 */
interface SynonymIndex {
  spaced: Map<string, number[]>;
  compact: Map<string, number[]>;
  words: Map<string, number[]>;
  /** the most words in a synonym of `words` */
  maxWords: number;
}

const indexed = new Map<readonly PreparedField[], SynonymIndex>();
function synonymIndex(pf: readonly PreparedField[]): SynonymIndex {
  let ix = indexed.get(pf);
  if (!ix) {
    const x: SynonymIndex = {
      spaced: new Map(),
      compact: new Map(),
      words: new Map(),
      maxWords: 0,
    };
    const put = (m: Map<string, number[]>, k: string, f: number, rank: number) => {
      const l = m.get(k);
      if (l) l.push(f, rank);
      else m.set(k, [f, rank]);
    };
    pf.forEach((field, f) =>
      field.syns.forEach((syn, rank) => {
        put(x.spaced, syn.spaced, f, rank);
        put(x.compact, syn.compact, f, rank);
        if (syn.compact.length >= 3) {
          put(x.words, syn.spaced, f, rank);
          x.maxWords = Math.max(x.maxWords, syn.spaced.split(" ").length);
        }
      })
    );
    indexed.set(pf, (ix = x));
  }
  return ix;
}

/**
 * bestSynonym for every field of a list at once, through the index (a few map look-ups per
 * header instead of a comparison with each of some 1,200 synonyms): scores and ranks into
 * `score`/`rank`, by field position. A header contains a synonym exactly when the synonym is a
 * run of its words (both are normalised: single spaces, none at either end).
 */
function bestSynonyms(
  spaced: string,
  compact: string,
  pf: readonly PreparedField[],
  score: number[],
  rank: number[]
): void {
  const ix = synonymIndex(pf);
  score.fill(0);
  rank.fill(Infinity);
  const exact = (pairs: number[] | undefined) => {
    if (!pairs) return;
    for (let k = 0; k < pairs.length; k += 2) {
      const f = pairs[k];
      if (score[f] !== EXACT || pairs[k + 1] < rank[f]) {
        score[f] = EXACT;
        rank[f] = pairs[k + 1];
      }
    }
  };
  exact(ix.spaced.get(spaced));
  exact(ix.compact.get(compact));
  const words = spaced.split(" ");
  for (let a = 0; a < words.length; a++) {
    let run = "";
    for (let b = a; b < words.length && b - a < ix.maxWords; b++) {
      run = b === a ? words[a] : `${run} ${words[b]}`;
      const pairs = ix.words.get(run);
      if (!pairs) continue;
      for (let k = 0; k < pairs.length; k += 2) {
        const f = pairs[k];
        if (score[f] === EXACT) continue;
        if (score[f] === 0 || pairs[k + 1] < rank[f]) {
          score[f] = CONTAINS;
          rank[f] = pairs[k + 1];
        }
      }
    }
  }
  const padded = ` ${spaced} `;
  for (let f = 0; f < pf.length; f++) {
    // as bestSynonym: a word inside a header does not beat a better reading, and a ledger code is never the customer
    if (score[f] > 0 && score[f] < EXACT && pf[f].notWith.some((w) => padded.includes(w))) {
      score[f] = 0;
      rank[f] = Infinity;
    } else if (score[f] > 0 && pf[f].customer && isLedgerHeader(spaced)) {
      score[f] = 0;
      rank[f] = Infinity;
    }
  }
}

/**
 * A header's score and synonym rank for each field of a list (in the list's order): through the
 * synonym index, or by comparing it with every synonym (bestSynonym, the rule the index must
 * give the same answer as; for its test).
 */
export function headerScores(
  header: string,
  fields: readonly FieldDef[],
  by: "index" | "scan" = "index"
): { score: number; rank: number }[] {
  const pf = prepare(fields);
  const spaced = normaliseHeader(header);
  const compact = spaced.replace(/ /g, "");
  if (by === "scan") return pf.map((f) => bestSynonym(spaced, compact, f));
  const score = new Array<number>(pf.length).fill(0);
  const rank = new Array<number>(pf.length).fill(Infinity);
  bestSynonyms(spaced, compact, pf, score, rank);
  return pf.map((_f, i) => ({ score: score[i], rank: rank[i] }));
}

/** Strength and synonym rank (earlier synonyms are the likelier meaning) of a header for a field. */
function bestSynonym(
  spaced: string,
  compact: string,
  f: PreparedField
): { score: number; rank: number } {
  let score = 0;
  let rank = Infinity;
  const padded = ` ${spaced} `;
  for (let i = 0; i < f.syns.length; i++) {
    const s = f.syns[i];
    let v = 0;
    if (spaced === s.spaced || compact === s.compact) v = EXACT;
    else if (s.compact.length >= 3 && padded.includes(s.padded)) v = CONTAINS;
    if (v > score) {
      score = v;
      rank = i;
      // nothing beats the first exact synonym
      if (score === EXACT) break;
    }
  }
  // A word inside a header does not beat a better reading: "Tax Amount" is no line revenue.
  if (score > 0 && score < EXACT && f.notWith.some((w) => padded.includes(w)))
    return { score: 0, rank: Infinity };
  // A ledger, tax or posting code is never the customer ("AccountCode", "Nominal Code", "GL Account").
  if (score > 0 && f.customer && isLedgerHeader(spaced)) return { score: 0, rank: Infinity };
  return { score, rank };
}

/** Best one-to-one assignment of fields to headers: strongest, then most typical matches first. */
export function matchFields(headers: readonly string[], fields: readonly FieldDef[]): FieldMatch[] {
  return matchNormalised(headers, normaliseHeaders(headers), fields);
}

/** An Odoo list export's related field: "Order Reference/Order Date" (record/field, no spaces around "/"). */
const FIELD_PATH = /^([^/]*\S)\/(\S[^/]*)$/;

/**
 * The headers normalised for matching (normaliseHeader), an Odoo related field's path read as
 * its last field: "Order Reference/Order Date" is the order's date, "Customer/Display Name" the
 * customer's name. Only where the record is a column of its own ("Order Reference") or both
 * names are of two words or more, so "Price/Unit", "Qty/Box" or "Nominal A/C Ref" stay as they are.
 */
export function normaliseHeaders(headers: readonly string[]): string[] {
  const norm = headers.map((h) => normaliseHeader(h));
  const present = new Set(norm);
  return headers.map((h, i) => {
    const path = FIELD_PATH.exec(h.trim());
    if (!path) return norm[i];
    const record = normaliseHeader(path[1]);
    const field = normaliseHeader(path[2]);
    // "Nominal A/C Ref" is no path: a name's words are of two letters or more
    const named = (t: string) =>
      t.split(" ").length >= 2 && t.split(" ").every((w) => w.length >= 2);
    return present.has(record) || (named(record) && named(field)) ? field : norm[i];
  });
}

/** matchFields with the headers already normalised (`norm[i]` = normaliseHeader(headers[i])). */
function matchNormalised(
  headers: readonly string[],
  norm: readonly string[],
  fields: readonly FieldDef[]
): FieldMatch[] {
  const pf = prepare(fields);
  // Beside a ledger code ("Account Code", "Nominal Code"), a bare "Account" column is that
  // ledger's name (Xero's reports: Sales, Freight), not the customer; a VAT or tax column
  // ("VAT", "Total inc VAT") is no ledger code and leaves "Account" the customer.
  const ledgerBeside = norm.some((n) => isLedgerCodeHeader(n));
  const cands: { field: string; column: number; score: number; rank: number; order: number }[] = [];
  const score: number[] = new Array<number>(pf.length).fill(0);
  const rank: number[] = new Array<number>(pf.length).fill(Infinity);
  norm.forEach((spaced, column) => {
    if (!spaced) return;
    const compact = spaced.replace(/ /g, "");
    bestSynonyms(spaced, compact, pf, score, rank);
    pf.forEach((f, i) => {
      if (ledgerBeside && f.customer && LEDGER_NAME.test(spaced)) return;
      if (score[i] > 0)
        cands.push({ field: f.field, column, score: score[i], rank: rank[i], order: f.order });
    });
  });
  cands.sort(
    (a, b) => b.score - a.score || a.rank - b.rank || a.order - b.order || a.column - b.column
  );
  const usedF = new Set<string>();
  const usedC = new Set<number>();
  const out: FieldMatch[] = [];
  for (const c of cands) {
    if (usedF.has(c.field) || usedC.has(c.column)) continue;
    usedF.add(c.field);
    usedC.add(c.column);
    out.push({
      field: c.field,
      column: c.column,
      header: headers[c.column].trim(),
      confidence: c.score,
    });
  }
  // With no customer column, a "Contact" column names the customer (Xero calls its customers
  // contacts), not the person who placed the order.
  if (fields === ORDER_FIELDS) {
    const hasCustomer = out.some((m) => m.field === "accountId" || m.field === "accountName");
    const contact = out.find(
      (m) => m.field === "orderedBy" && CONTACT_AS_CUSTOMER.test(normaliseHeader(m.header))
    );
    // …and a buyer (Amazon's "buyer-name", eBay's "Buyer Username") is the customer too
    const buyerId = out.find(
      (m) => m.field === "orderedBy" && BUYER_ID.test(normaliseHeader(m.header))
    );
    if (!hasCustomer && contact) contact.field = "accountName";
    if (!hasCustomer && buyerId) buyerId.field = "accountId";
    if (!hasCustomer && (contact || buyerId)) buyerBesideBuyer(headers, norm, out);
    if (!hasCustomer && !contact) shipToAsCustomer(norm, out);
    bareCustomerBesideItsName(headers, norm, out);
    bareCustomerBesideCompanyName(headers, norm, out);
    customerCodeByItsWords(headers, norm, out);
    nameAfterAccountId(headers, norm, out);
    bareProductBesideItsCode(headers, norm, out, pf);
    // With no customer number or name either, a bare "Name" beside the customer's tax id is the
    // customer's name; with none, the tax id (NIF, USt-IdNr.) is the id.
    if (!hasCustomer && !contact && !nameBesideTaxId(headers, norm, out))
      taxIdAsAccount(headers, norm, out);
    nameBesideDocuments(headers, norm, out);
    emailAsCustomer(headers, norm, out);
    documentCurrencyAmounts(headers, norm, out);
  }
  return out.sort((a, b) => a.column - b.column);
}

/**
 * Amounts in the document's currency beside the same in the company's (Epicor's "DocExtPrice"
 * and "ExtPrice", "DocUnitPrice" and "UnitPrice"): with a currency column, which names the
 * document's currency, the line's value and price are the document's.
 */
function documentCurrencyAmounts(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  if (!out.some((m) => m.field === "currency")) return;
  const used = new Set(out.map((m) => m.column));
  const withoutDoc = (n: string) =>
    n
      .split(" ")
      .filter((w) => w !== "doc")
      .join(" ");
  for (const m of out) {
    if (m.field !== "revenue" && m.field !== "unitPrice") continue;
    if (norm[m.column].split(" ").includes("doc")) continue;
    const doc = norm.findIndex(
      (n, c) => !used.has(c) && n.split(" ").includes("doc") && withoutDoc(n) === norm[m.column]
    );
    if (doc < 0) continue;
    used.delete(m.column);
    used.add(doc);
    m.column = doc;
    m.header = headers[doc].trim();
  }
}

/** A contact or buyer column, read as who ordered, that names the customer where no other does. */
const CONTACT_AS_CUSTOMER = /^(?:contact|kontakt|buyer)(?: name)?$/;
/** A buyer's user name or id (eBay's "Buyer Username", Amazon's "buyer-id"): the customer's id. */
const BUYER_ID = /^buyer (?:username|user name|user id|id)$/;

/**
 * A buyer's user name beside the buyer's name (eBay: "Buyer Username", "Buyer Name"): only one
 * was read as who ordered; the other, unread, is the customer's id or name.
 */
function buyerBesideBuyer(headers: readonly string[], norm: readonly string[], out: FieldMatch[]) {
  const used = new Set(out.map((m) => m.column));
  const has = (f: string) => out.some((m) => m.field === f);
  norm.forEach((n, column) => {
    if (used.has(column)) return;
    const field = BUYER_ID.test(n) ? "accountId" : /^buyer name$/.test(n) ? "accountName" : "";
    if (field && !has(field))
      out.push({ field, column, header: headers[column].trim(), confidence: EXACT });
  });
}

/**
 * With no customer column, the ship-to name (read as the site) is the customer: a bill-to name
 * beside it is read first (it is a customer header), and the ship-to name stays the site.
 */
function shipToAsCustomer(norm: readonly string[], out: FieldMatch[]): void {
  const site = out.find((m) => m.field === "site" && /^ship to name$/.test(norm[m.column]));
  if (site) site.field = "accountName";
}

/** E-mail headers that name the customer (Shopify's "Email", Amazon's "buyer-email"). */
const EMAIL_HEADERS = new Set([
  "email",
  "e mail",
  "email address",
  "e mail address",
  "customer email",
  "customer e mail",
  "buyer email",
  "billing email",
]);

/**
 * With no customer id or name column at all, the customer's e-mail is the customer (as Shopify's
 * is): one address, one account. Beside a customer column it is never read.
 */
function emailAsCustomer(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  if (out.some((m) => m.field === "accountId" || m.field === "accountName")) return;
  const used = new Set(out.map((m) => m.column));
  const column = norm.findIndex((n, c) => !used.has(c) && EMAIL_HEADERS.has(n));
  if (column >= 0)
    out.push({ field: "accountId", column, header: headers[column].trim(), confidence: EXACT });
}

/**
 * A bare "Name" (Nom, Naam, Nombre …) or "Bill To" in the column right after the customer number,
 * with no customer name column ("Kd.-Nr.;Name", Lexware's and many ERPs' lists; "Cust #,Bill To"):
 * the customer's name, which was left unread, so every account was named by its number.
 */
function nameAfterAccountId(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  if (out.some((m) => m.field === "accountName")) return;
  const id = out.find((m) => m.field === "accountId");
  if (!id) return;
  // the next column, or the one after another account's number (Dynamics 365's "Invoice
  // account", "Order account", "Name")
  let column = id.column + 1;
  if (
    ACCOUNT_NUMBER_BESIDE.test(norm[column] ?? "") &&
    BARE_NAME_HEADERS.has(norm[column + 1] ?? "")
  )
    column++;
  const named =
    BARE_NAME_HEADERS.has(norm[column] ?? "") || PARTY_BESIDE_ID.has(norm[column] ?? "");
  if (!named || out.some((m) => m.column === column)) return;
  out.push({ field: "accountName", column, header: headers[column].trim(), confidence: EXACT });
}

/**
 * The party a document is made out to, right after the customer's number ("Cust #,Bill To"):
 * alone an account synonym, beside the number it is the customer's name.
 */
const PARTY_BESIDE_ID: ReadonlySet<string> = new Set(["bill to", "sold to", "sell to", "ship to"]);

/** Another account's number between the customer's and its name: "Order account", "Bill-to account". */
const ACCOUNT_NUMBER_BESIDE =
  /^(?:order|bill to|sell to|ship to|invoice|customer) account(?: no| number)?$/;

/**
 * A bare "Name" (or Tally's "Particulars", the party's ledger) beside a document number or type,
 * with no customer column at all: the party each document was made out to, the customer (NetSuite's
 * "Sales by Customer Detail" and saved searches: Type, Date, Document Number, Name, Item, Amount;
 * Tally's sales register: Date, Particulars, Voucher Type, Voucher No.). The reading says so.
 */
function nameBesideDocuments(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  if (out.some((m) => m.field === "accountId" || m.field === "accountName")) return;
  if (!out.some((m) => m.field === "orderId" || m.field === "docType")) return;
  const used = new Set(out.map((m) => m.column));
  const columns = norm.flatMap((n, c) => (!used.has(c) && isPartyHeader(n) ? [c] : []));
  // two such columns ("Name" and "Particulars"): which one is the customer is not known
  if (columns.length !== 1) return;
  const column = columns[0];
  out.push({ field: "accountName", column, header: headers[column].trim(), confidence: EXACT });
}

/** Whether a normalised header is a bare name's (BARE_NAME_HEADERS) or Tally's "Particulars". */
export function isPartyHeader(normalised: string): boolean {
  return BARE_NAME_HEADERS.has(normalised) || normalised === "particulars";
}

/** Bare customer words whose "… Name" column, beside them, names the customer they number. */
const BARE_CUSTOMER = new Set(["customer", "client", "company", "debtor"]);

/**
 * "Customer" beside "Customer Name" (and Client / Client Name, Company / Company Name): the bare
 * column is the customer's number, its "… Name" the name. Both are name synonyms, so the bare one,
 * first, took the name and left "Customer Name" unread: every account was named by its code.
 */
function bareCustomerBesideItsName(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  if (out.some((m) => m.field === "accountId")) return;
  const bare = out.find((m) => m.field === "accountName" && BARE_CUSTOMER.has(norm[m.column]));
  if (!bare) return;
  const nameColumn = norm.indexOf(`${norm[bare.column]} name`);
  if (nameColumn < 0 || out.some((m) => m.column === nameColumn)) return;
  bare.field = "accountId";
  out.push({
    field: "accountName",
    column: nameColumn,
    header: headers[nameColumn].trim(),
    confidence: bare.confidence,
  });
}

/** Bare customer words in other languages: alone the customer's name, beside a company name its code. */
const BARE_CUSTOMER_WORDS: ReadonlySet<string> = new Set([
  "customer",
  "client",
  "cliente",
  "kunde",
  "klant",
  "klient",
]);

/** A company's registered name: Italian "Ragione sociale", French "Raison sociale" … */
const COMPANY_NAME_HEADERS: ReadonlySet<string> = new Set([
  "ragione sociale",
  "denominazione",
  "raison sociale",
  "razón social",
  "razon social",
  "denominación",
  "firmenname",
  "bedrijfsnaam",
  "nazwa firmy",
  "company name",
]);

/**
 * "Cliente;Ragione sociale" (Italian, French, Spanish invoice lists): the bare customer word right
 * beside the company's registered name is its code. Both are name headers, so one was read as the
 * name and the other left unread: the accounts were keyed by name, and two companies of one name
 * (or one renamed) were one account (or two).
 */
function bareCustomerBesideCompanyName(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  if (out.some((m) => m.field === "accountId")) return;
  const name = out.find((m) => m.field === "accountName");
  if (!name) return;
  const isBare = (c: number) => BARE_CUSTOMER_WORDS.has(norm[c] ?? "");
  const isCompany = (c: number) => COMPANY_NAME_HEADERS.has(norm[c] ?? "");
  const used = (c: number) => out.some((m) => m.column === c);
  // the name read is the company's, the bare word beside it unread; or the other way round
  const beside = [name.column - 1, name.column + 1];
  if (isCompany(name.column)) {
    const bare = beside.find((c) => isBare(c) && !used(c));
    if (bare !== undefined)
      out.push({
        field: "accountId",
        column: bare,
        header: headers[bare].trim(),
        confidence: EXACT,
      });
  } else if (isBare(name.column)) {
    const company = beside.find((c) => isCompany(c) && !used(c));
    if (company === undefined) return;
    name.field = "accountId";
    out.push({
      field: "accountName",
      column: company,
      header: headers[company].trim(),
      confidence: name.confidence,
    });
  }
}

/** A customer word, in the languages of the order-line synonyms (compacted: no spaces). */
const CUSTOMER_WORD =
  "(?:customer|cust|client|kunden|kunde|kund|klant|debiteuren|debiteur|debitoren|debitor|debtor|cliente|asiakas|kontrahenta|kontrahent|klienta|odberatele|zakaznika)";
/** A code word: number, code, id, reference or account (A/C), and "account" with one of them. */
const CODE_WORD =
  "(?:(?:ac|acc|acct|account|konto)?(?:code|cd|nr|no|nummer|number|num|numero|nro|id|ref|key|kod|kód|codice|codigo|código)|ac|acc|acct)";
/** "Debiteurcode", "Kundecode", "Customer A/C", "Kunden-Key", "Nr. Kunde" (compacted). */
const CUSTOMER_CODE = new RegExp(
  `^(?:${CUSTOMER_WORD}${CODE_WORD}|(?:code|cod|codice|codigo|código|nr|no|num|numero|número|id|ref|kod|kód)${CUSTOMER_WORD})$`
);

/**
 * With no account id read, a column whose header is a customer word run together with a code
 * word ("Debiteurcode", "Kundecode", "Customer A/C", "Nr. Kunde") is the customer's code: no
 * synonym lists every such pairing, and left unread the accounts were keyed by the name beside
 * it (two customers of one name were one).
 */
function customerCodeByItsWords(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  if (out.some((m) => m.field === "accountId")) return;
  const isCode = (c: number) => CUSTOMER_CODE.test(norm[c].replace(/ /g, ""));
  // a code read as the name by its customer word ("Nr. Kunde" holds "Kunde"): it is the id
  const name = out.find((m) => m.field === "accountName" && isCode(m.column));
  if (name) {
    name.field = "accountId";
    return;
  }
  const used = new Set(out.map((m) => m.column));
  const column = norm.findIndex((_n, c) => !used.has(c) && isCode(c));
  if (column < 0) return;
  out.push({ field: "accountId", column, header: headers[column].trim(), confidence: EXACT });
}

/** The first column not yet used whose header is a tax id (TAX_ID_HEADERS) becomes the account id. */
function taxIdAsAccount(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): void {
  const used = new Set(out.map((m) => m.column));
  const column = norm.findIndex((n, c) => !used.has(c) && isTaxIdHeader(n));
  if (column >= 0)
    out.push({ field: "accountId", column, header: headers[column].trim(), confidence: EXACT });
}

/** Whether a normalised header is a tax id's (TAX_ID_HEADERS). */
export function isTaxIdHeader(normalised: string): boolean {
  return normalised !== "" && TAX_ID_HEADERS.has(normalised.replace(/ /g, ""));
}

/**
 * A bare name or company header ("Nombre", "Name", "Nom", "Empresa"): alone it may name
 * anything, but written next to the customer's tax id ("Nombre;CIF") it is the customer's name.
 */
const BARE_NAME_HEADERS: ReadonlySet<string> = new Set([
  "name",
  "nombre",
  "nom",
  "nome",
  "naam",
  "nazwa",
  "název",
  "empresa",
  "entreprise",
  "azienda",
  "unternehmen",
  "bedrijf",
  "firma",
]);

/**
 * The first unused bare name column right beside a tax id column becomes the account name
 * ("Nombre;CIF": the customer's name and tax id, written together); whether one did.
 */
function nameBesideTaxId(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[]
): boolean {
  const used = new Set(out.map((m) => m.column));
  const column = norm.findIndex(
    (n, c) =>
      !used.has(c) &&
      BARE_NAME_HEADERS.has(n) &&
      (isTaxIdHeader(norm[c - 1] ?? "") || isTaxIdHeader(norm[c + 1] ?? ""))
  );
  if (column < 0) return false;
  out.push({ field: "accountName", column, header: headers[column].trim(), confidence: EXACT });
  return true;
}

/** Bare product words: the product's name where a code column stands in the same file. */
const BARE_PRODUCT = new Set([
  "item",
  "article",
  "artikel",
  "artículo",
  "articulo",
  "articolo",
  "artykuł",
  "artykul",
]);

/**
 * A bare product word beside the product's code ("Artikelnummer;Artikel", "Item Code;Item",
 * "Référence;Article", "SKU;Item"): the bare column is the product's name. Both are code synonyms,
 * so the bare one took the code, or was left unread beside the code: the code or the name was
 * lost, and a line whose name says what it is ("Rabatt", "Freight") went unrecognised.
 */
function bareProductBesideItsCode(
  headers: readonly string[],
  norm: readonly string[],
  out: FieldMatch[],
  pf: readonly PreparedField[]
): void {
  if (out.some((m) => m.field === "productName")) return;
  const bare = norm.findIndex((n) => BARE_PRODUCT.has(n));
  const sku = out.find((m) => m.field === "sku");
  if (bare < 0 || !sku) return;
  const asName: FieldMatch = {
    field: "productName",
    column: bare,
    header: headers[bare].trim(),
    confidence: sku.confidence,
  };
  if (sku.column !== bare) {
    if (!out.some((m) => m.column === bare)) out.push(asName);
    return;
  }
  const code = norm.findIndex(
    (n, c) => c !== bare && n !== "" && !out.some((m) => m.column === c) && isCodeHeader(n, pf)
  );
  if (code < 0) return;
  out[out.indexOf(sku)] = asName;
  out.push({
    field: "sku",
    column: code,
    header: headers[code].trim(),
    confidence: sku.confidence,
  });
}

/** A header the product code's synonyms match ("Artikelnummer", "Item Code", "Référence"). */
function isCodeHeader(spaced: string, pf: readonly PreparedField[]): boolean {
  const score = new Array<number>(pf.length).fill(0);
  const rank = new Array<number>(pf.length).fill(Infinity);
  bestSynonyms(spaced, spaced.replace(/ /g, ""), pf, score, rank);
  const i = pf.findIndex((f) => f.field === "sku");
  return i >= 0 && score[i] > 0;
}

/** A bare account (name) header: the ledger's name when a ledger code stands beside it. */
const LEDGER_NAME = /^account(?: name)?$/;

/**
 * The fields of a recognised export layout: each field from the first of its headers present
 * (exact, confidence 1); the role's other fields matched as usual over the columns the layout
 * neither uses nor ignores.
 */
export function matchLayoutFields(headers: readonly string[], layout: ExportLayout): FieldMatch[] {
  return matchLayoutNormalised(
    headers,
    headers.map((h) => normaliseHeader(h)),
    layout
  );
}

function matchLayoutNormalised(
  headers: readonly string[],
  norm: readonly string[],
  layout: ExportLayout
): FieldMatch[] {
  const used = new Set<number>();
  const out: FieldMatch[] = [];
  for (const [field, alts] of Object.entries(layout.fields)) {
    for (const a of alts) {
      const c = norm.findIndex((n, i) => n === a && !used.has(i));
      if (c < 0) continue;
      // A Credit column is taken off a Debit read as the line revenue (or a Debit off a Credit, a
      // ledger's sales account: Xero's account transactions); beside an Amount, which nets
      // credits already, it would take them off twice.
      if (
        field === "credit" &&
        !/^(?:debit|credit)\b/.test(
          norm[out.find((m) => m.field === "revenue")?.column ?? -1] ?? ""
        )
      )
        break;
      used.add(c);
      out.push({ field, column: c, header: headers[c].trim(), confidence: EXACT });
      break;
    }
  }
  const ignore = new Set(layout.ignore);
  const skip = (i: number) => used.has(i) || ignore.has(norm[i]);
  // a layout's customer columns that this export does not have (Amazon's buyer, shown only on
  // some reports): the customer is found as in any file
  const noCustomer = !out.some((m) => m.field === "accountId" || m.field === "accountName");
  out.push(
    ...matchNormalised(
      headers.map((h, i) => (skip(i) ? "" : h)),
      norm.map((n, i) => (skip(i) ? "" : n)),
      ORDER_FIELDS.filter(
        (f) =>
          !(f.field in layout.fields) ||
          (noCustomer && (f.field === "accountId" || f.field === "accountName"))
      )
    )
  );
  // with no customer column, the buyer is the customer (eBay's "Buyer Username", "Buyer Name")
  const buyerId = out.find((m) => m.field === "orderedBy" && BUYER_ID.test(norm[m.column]));
  if (buyerId && !out.some((m) => m.field === "accountId" || m.field === "accountName")) {
    buyerId.field = "accountId";
    buyerBesideBuyer(headers, norm, out);
  }
  return out.sort((a, b) => a.column - b.column);
}

/**
 * How well a set of matches fits a role, 0..1; 0 when a required group is unmet (unless `partial`).
 * `layout`: the export layout recognised; one that names the customer in heading rows
 * (accountFromHeadings) meets the account group with no account column.
 */
function roleScore(
  role: Role,
  matches: FieldMatch[],
  partial = false,
  layout?: ExportLayout,
  customerHeadings = false
): number {
  const def = ROLES[role];
  const have = new Set(matches.map((m) => m.field));
  if (layout?.accountFromHeadings || customerHeadings) have.add("accountName");
  const groupsMet = def.requiredAny.filter((g) => g.some((f) => have.has(f))).length;
  if (!partial && groupsMet < def.requiredAny.length) return 0;
  if (matches.length === 0) return 0;
  const quality = matches.reduce((s, m) => s + m.confidence, 0) / matches.length;
  const coverage = Math.min(1, matches.length / Math.min(def.fields.length, 6));
  const required = groupsMet / def.requiredAny.length;
  return partial ? (0.5 * quality + 0.5 * coverage) * required : 0.5 * quality + 0.5 * coverage;
}

/** The row's cells as header candidates: trimmed text, "" for other cells and over-long text. */
function headerTexts(row: readonly unknown[]): string[] {
  return row.map((v) => (typeof v === "string" && v.length <= MAX_HEADER_LENGTH ? v.trim() : ""));
}

/**
 * A two-row header: group labels above the column names ("Customer" over "ID" and "Name", the
 * label's cell merged over them or the cells right of it blank). Each column's name with its
 * group's label before it ("Customer ID"); undefined when the row above is no such band (fewer
 * than 2 labels, a label over no column name, or no label spanning a second column, blank or
 * repeating it).
 */
function bandedTexts(
  above: readonly unknown[] | undefined,
  texts: readonly string[]
): string[] | undefined {
  if (!above) return undefined;
  const band = headerTexts(above);
  let labels = 0;
  let spans = false;
  let label = "";
  const out = texts.slice();
  for (let c = 0; c < texts.length; c++) {
    // a merged label read into each of its cells (ExcelJS) spans them as a blank does
    if (band[c] && band[c] === label && c > 0 && band[c - 1] === label) {
      if (texts[c]) spans = true;
    } else if (band[c]) {
      if (!texts[c]) return undefined;
      labels++;
      label = band[c];
    } else if (label && texts[c]) spans = true;
    if (label && texts[c]) out[c] = `${label} ${texts[c]}`;
  }
  return labels >= 2 && spans ? out : undefined;
}

function scan(grid: Grid, roles: readonly Role[], partial: boolean): Detection | undefined {
  let best: Detection | undefined;
  const rows = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const plain = headerTexts(row);
    let filled = 0;
    for (const t of plain) if (t !== "") filled++;
    if (filled < 2) continue;
    // a copy of the header chosen is the header repeated (a report's page or group breaks):
    // the first copy is the header, the rows between the copies its data (ingest/orders skips
    // the copy and counts it)
    if (best && sameHeaderRow(plain, headerTexts(grid.values[best.mapping.headerRow] ?? [])))
      continue;
    const banded = r > 0 ? bandedTexts(grid.values[r - 1], plain) : undefined;
    // the group labels count only where they make a better header than the names alone
    for (const texts of banded ? [plain, banded] : [plain])
      best = scanRow(grid, r, row, texts, roles, partial, best, texts !== plain);
    // No row or role scores above 1 (EXACT), and a later one must beat the best by more than
    // its rounding: a sure header ends the scan rather than matching 29 data rows for every role.
    if (best && best.confidence >= EXACT) break;
  }
  return best;
}

/** Two rows with the same header texts, column by column (blank cells and case aside). */
function sameHeaderRow(a: readonly string[], b: readonly string[]): boolean {
  const width = Math.max(a.length, b.length);
  for (let c = 0; c < width; c++)
    if ((a[c] ?? "").toLowerCase() !== (b[c] ?? "").toLowerCase()) return false;
  return true;
}

/** The header row `r` read as `texts` for each role: the better detection of it and `best`. */
function scanRow(
  grid: Grid,
  r: number,
  row: readonly Cell[],
  texts: string[],
  roles: readonly Role[],
  partial: boolean,
  best: Detection | undefined,
  banded: boolean
): Detection | undefined {
  // normalised once for every role tried on the row
  const norm = normaliseHeaders(texts);
  const layout = roles.includes("orders")
    ? (matchLayout(norm) ?? headingLayout(grid, r, texts, norm))
    : undefined;
  for (const role of roles) {
    // a sure header (see scan): no other role can beat it, and its fields need not be prepared
    if (best && best.confidence >= EXACT) break;
    const known = role === "orders" ? layout : undefined;
    const matches = known
      ? matchLayoutNormalised(texts, norm, known)
      : matchNormalised(texts, norm, ROLES[role].fields);
    // No customer column, but "Customer: …" heading lines below the header name each block's.
    const customerHeadings =
      role === "orders" &&
      !known &&
      !matches.some((m) => m.field === "accountId" || m.field === "accountName") &&
      firstCustomerHeading(grid.values.slice(r + 1)) !== undefined;
    // A recognised export layout is as sure as a header row can be.
    const score =
      known && roleScore(role, matches, partial, known) > 0
        ? 1
        : roleScore(role, matches, partial, known, customerHeadings);
    if (score > 0 && (!best || score > best.confidence + 1e-9)) {
      best = {
        role,
        mapping: {
          role,
          sheet: grid.name,
          table: grid.tableName,
          headerRow: r,
          fields: matches,
          ...(known ? { layout: known.id } : {}),
          ...(customerHeadings ? { customerHeadings: true } : {}),
        },
        confidence: Math.round(score * 100) / 100,
        headers: row.map((v, c) => (banded && texts[c] ? texts[c] : cellText(v))),
        dataRows: grid.values.length - r - 1,
      };
    }
  }
  return best;
}

/**
 * A layout that names the customer in heading rows (Xero's report grouped by contact) and whose
 * plainer headingSignature the header row `r` carries: read as it when no column of the row is
 * the customer and the rows below hold a heading its "Total <heading>" row closes. Without the
 * headings, a bare "Net" beside "Account" is too plain a file to say it; the "Account" column
 * (the sales ledger) is then never read as the customer.
 */
function headingLayout(
  grid: Grid,
  r: number,
  texts: readonly string[],
  norm: readonly string[]
): ExportLayout | undefined {
  for (const l of matchHeadingLayouts(norm)) {
    const fields = matchLayoutNormalised(texts, norm, l);
    if (fields.some((m) => m.field === "accountId" || m.field === "accountName")) continue;
    if (firstTotalledHeading(grid.values.slice(r + 1)) !== undefined) return l;
  }
  return undefined;
}

const ALL_ROLES = Object.keys(ROLES) as Role[];

/**
 * Detects the role of one grid from a header row within its first 30 rows; undefined when
 * no row has every required field of any role. `only` restricts the roles tried.
 */
export function detectTable(grid: Grid, only?: Role): Detection | undefined {
  return scan(grid, only ? [only] : ALL_ROLES, false);
}

/**
 * The closest a grid comes to a role even when required fields are missing: the row and
 * columns to show the user, and for MissingRoleError to name what is lacking.
 */
export function detectPartial(grid: Grid, role: Role): Detection | undefined {
  return scan(grid, [role], true);
}

/** The best grid for each role (a table beats a plain range on a tie, then the longer grid). */
export function detectWorkbook(grids: readonly Grid[]): Partial<Record<Role, Detection>> {
  const out: Partial<Record<Role, Detection>> = {};
  for (const g of grids) {
    const d = detectTable(g);
    if (!d) continue;
    const cur = out[d.role];
    const better =
      !cur ||
      d.confidence > cur.confidence ||
      (d.confidence === cur.confidence &&
        ((!!d.mapping.table && !cur.mapping.table) ||
          (!!d.mapping.table === !!cur.mapping.table && d.dataRows > cur.dataRows)));
    if (better) out[d.role] = d;
  }
  return out;
}

/** Headers found in a grid's most header-like row (the row with the most text cells), for messages. */
export function headersOf(grid: Grid): string[] {
  let bestRow: string[] = [];
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN_ROWS); r++) {
    const t = (grid.values[r] ?? [])
      .filter((v) => typeof v === "string" && !isBlankCell(v) && v.length <= MAX_HEADER_LENGTH)
      .map((v) => String(v).trim());
    if (t.length > bestRow.length) bestRow = t;
  }
  return bestRow;
}
