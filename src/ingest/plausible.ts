/**
 * Column choices checked against the data (RULES.md §1: "checks its column choice against the
 * data"). Headers say what a column might be; the rows say what it is:
 * - line revenue ≈ quantity × unit price (less a discount %) on most lines, else the line value
 *   is worked out from them;
 * - a figure on an order's first line only, or the same figure repeated on every line of an
 *   order whose lines differ, is an order total (Shopify's "Total", Xero's "Total"), not line revenue;
 * - one customer value across a whole large file is no customer column;
 * - a discount % column holds percentages;
 * - of Debit and Credit columns (QuickBooks), the sales' one is the line revenue, the other taken off.
 * Each change is explained in a note for the user. Also here: each number column's decimal
 * convention, decided over the column and the file (./numbers).
 */
import { type ColumnMapping, type FieldMatch, isPartyHeader, isTaxIdHeader } from "./detect";
import { type Cell, isBlankCell } from "./grid";
import {
  type NumberCulture,
  type ColumnConvention,
  fileDecimal,
  inferNumberConvention,
  numberEvidence,
} from "./numbers";
import { normaliseHeader, ORDER_FIELDS } from "./fields";
import { customerHeading, firstCustomerHeading } from "./customerHeadings";
import { layoutById, shopifyColumns } from "./layouts";
import {
  CREDIT_TYPE,
  FINANCE_CHARGE_DOC,
  INVOICE_DOC,
  NUMBER_FIELDS,
  OTHER_TRANSACTION,
  PURCHASE_LEDGER,
  PRE_INVOICE_DOC,
  QUOTE_DOC,
  RETURN_REQUEST_DOC,
  type NumberField,
  productCategoryPrefix,
  ProductHeadings,
  SAGE_NOT_SALE,
  TAX_INCLUSIVE,
} from "./orders";
import { serviceKind } from "../domain/serviceLines";
import { readSideColumn } from "./sides";
import { docTypeCodes } from "./docTypeCodes";
import { isCfdiLayout, receivedCfdiNote } from "./cfdi";
import { isOdooCategoryColumn, odooTopCategory } from "./categoryPath";
import { lineAmountBesideOrderFigures } from "./lineAmount";
import { discountOnGoodsColumn } from "./orderDiscount";
import { isShippingAmountHeader } from "./orderShipping";
import { isDownPaymentDocType } from "./downPayments";
import { lineTypeColumn } from "./lineTypes";
import { orderSuffixColumn } from "./orderSuffix";
import { voidFlagColumn } from "./voidFlag";
import { bareDocumentNumber, dateKeyOf, unreadCreditNumbersNote } from "./documentNumbers";
import { lineRefundColumns, lineRefundsNote, orderedUnitsColumn } from "./lineRefunds";
import { configurableColumns } from "./configurableItems";
import { amendedFromColumn } from "./amendments";
import { orderRefundColumns, orderRefundsNote } from "./orderRefunds";
import {
  holdsPackedProducts,
  isBigCommerceOrders,
  isSubtotalExTax,
  bigCommerceTotalsColumns,
  bigCommerceTotalsNote,
  packedProductsNote,
} from "./packedLines";
import {
  AWAITING_PAYMENT,
  closedMeansRefunded,
  actualValueColumn,
  closeDateColumn,
  deletedColumn,
  holdsDealStages,
  holdsStatusValues,
  holdsSaleStatusCodes,
  holdsShopStatuses,
  MAGENTO_CLOSED,
  ON_HOLD_DOC,
  paymentTermsColumn,
} from "./statuses";
import { isTaxIncludedHeader, taxBesideIncluded, type TaxTrio, taxTrioOf } from "./taxTrio";
import {
  discountBesideValue,
  discountTakenOffNote,
  discountUnsettledNote,
  valueLessDiscount,
} from "./subtotalDiscount";
import { normaliseCurrency, parseMoney, parseQuantity } from "./values";

/**
 * A sales ledger account as a report names it, its code first: "200 - Sales", "4000 Sales of
 * Product Income", "8400 Erlöse 19 % USt", "706000 - Ventes de marchandises", "8000 Omzet".
 */
const SALES_LEDGER_VALUE =
  /^\d{2,8}\s*(?:[-–:]\s*)?(?:[a-z&' ]*\s)?(?:sales|revenue|income|turnover|erl[öo]se|umsatz|umsatzerl[öo]se|ventes?|omzet)\b/i;
/**
 * The words a ledger account's name is made of ("Sales", "Service Income", "Sales of Product
 * Income", "Cost of Sales", "Purchases", "4000 Sales - Goods"): a value of these words only, one
 * of them a sales, income or expense word, names a ledger, never a customer ("Acme Sales Ltd").
 */
const LEDGER_WORDS = new Set(
  (
    "sales sale revenue revenues income turnover purchases purchase expenses expense cost costs cogs " +
    "of goods sold service services product products other shipping freight delivery interest " +
    "discount discounts given trade retail wholesale export exports domestic misc miscellaneous " +
    "general operating consulting rental and & uk eu erlöse umsatzerlöse umsatz ventes vente de " +
    "marchandises omzet wareneinkauf achats"
  ).split(" ")
);
const LEDGER_CORE =
  /\b(?:sales|revenues?|income|turnover|purchases?|expenses?|costs?|cogs|erlöse|umsatzerlöse|umsatz|ventes?|omzet|wareneinkauf|achats)\b/i;

/** Whether a value is a ledger account's name, its code (if any) first (LEDGER_WORDS). */
export function isLedgerName(value: string): boolean {
  const words = value
    .toLowerCase()
    .replace(/^\d{2,8}\s*[-–:.]?\s*/, "")
    .split(/[\s\-–:/,()]+/)
    .filter((w) => w !== "");
  return words.length > 0 && LEDGER_CORE.test(value) && words.every((w) => LEDGER_WORDS.has(w));
}

/** A plain "Account" header ("Account", "Account No", "Acct"): the customer's, or a ledger's. */
const ACCOUNT_HEADER = /^(?:account|acct|acc)(?: (?:no|number|code|id|ref))?$/;

/** Customer id headers (the order fields' own), an "Account" header's set aside. */
const CUSTOMER_ID_HEADERS: ReadonlySet<string> = new Set(
  (ORDER_FIELDS.find((f) => f.field === "accountId")?.synonyms ?? []).filter(
    (s) => !ACCOUNT_HEADER.test(s) && !/^(?:account|acct|acc|a c)\b/.test(s)
  )
);

/** The first column no field took whose header names the customer's id ("Customer ID"). */
function unmappedCustomerIdColumn(
  fields: readonly FieldMatch[],
  headers: readonly string[]
): FieldMatch | undefined {
  const used = new Set(fields.map((x) => x.column));
  const column = headers.findIndex(
    (h, c) => !used.has(c) && CUSTOMER_ID_HEADERS.has(normaliseHeader(h))
  );
  return column < 0
    ? undefined
    : { field: "accountId", column, header: headers[column].trim(), confidence: 1 };
}

/** Each value of column `a` → the distinct values of column `b` on its rows. */
function customersByValue(rows: readonly Row[], a: number, b: number): Map<string, Set<string>> {
  const by = new Map<string, Set<string>>();
  for (const r of rows) {
    const x = isBlankCell(r[a]) ? "" : String(r[a]).trim();
    const y = isBlankCell(r[b]) ? "" : String(r[b]).trim().toLowerCase();
    if (x === "" || y === "") continue;
    let s = by.get(x);
    if (!s) by.set(x, (s = new Set()));
    s.add(y);
  }
  return by;
}

/**
 * Whether one value of column `a` stands for many customers of column `b`: one of its values is
 * written beside 3 or more different customers, and it has at most half as many values as there
 * are customers (a customer's code beside its name, a name spelt two ways, has about one each).
 */
function standsForManyCustomers(rows: readonly Row[], a: number, b: number): boolean {
  const by = customersByValue(rows, a, b);
  const customers = new Set([...by.values()].flatMap((s) => [...s]));
  return [...by.values()].some((s) => s.size >= 3) && by.size * 2 <= customers.size;
}

/** A contact's id ("Contact ID", "Contact No"): Brightpearl's customers are contacts. */
const CONTACT_ID_HEADER = /^contact (?:id|no|number|code|ref)$/;

/**
 * Whether columns `a` and `b` name the same customers: each value of either is written beside
 * one value of the other, and no row has one without the other.
 */
function oneToOne(rows: readonly Row[], a: number, b: number): boolean {
  if (rows.some((r) => isBlankCell(r[a]) !== isBlankCell(r[b]))) return false;
  const single = (m: Map<string, Set<string>>) =>
    m.size > 0 && [...m.values()].every((s) => s.size === 1);
  return single(customersByValue(rows, a, b)) && single(customersByValue(rows, b, a));
}

/**
 * A contact's id beside the customer's name with no customer id read (Brightpearl's "Contact ID"
 * beside "Company"): the customer's id, when the rows write one id per name and one name per id.
 * Where a company has several contacts (a CRM's people), the name stays the account.
 */
function contactIdAccount(
  fields: readonly FieldMatch[],
  headers: readonly string[],
  rows: readonly Row[],
  user: ReadonlySet<string>
): FieldMatch | undefined {
  if (user.has("accountId") || fields.some((m) => m.field === "accountId")) return undefined;
  const name = fields.find((m) => m.field === "accountName");
  if (!name) return undefined;
  const column = headers.findIndex((h) => CONTACT_ID_HEADER.test(normaliseHeader(h)));
  if (column < 0) return undefined;
  // read as who ordered, or by nothing
  const taken = fields.find((m) => m.column === column);
  if ((taken && taken.field !== "orderedBy") || user.has("orderedBy")) return undefined;
  if (!oneToOne(rows, column, name.column)) return undefined;
  return { field: "accountId", column, header: headers[column].trim(), confidence: 1 };
}

/** The value of column `a` written beside the most customers of column `b`, and how many. */
function manyCustomersValue(
  rows: readonly Row[],
  a: number,
  b: number
): { value: string; customers: number } {
  let value = "";
  let customers = 0;
  for (const [v, s] of customersByValue(rows, a, b))
    if (s.size > customers) [value, customers] = [v, s.size];
  return { value, customers };
}

/** Headers of the customer as Xero's reports name it ("Contact"), read first as who ordered. */
const CONTACT_HEADERS = new Set(["contact", "contact name", "kontakt", "kontakt name"]);
/** Rows of a sheet the checks look at (the first ones below the header). */
export const CHECK_ROWS = 5000;
/** A file this long with one customer value is suspicious. */
const ONE_CUSTOMER_ROWS = 50;
/**
 * Headers too generic to be read as the document type by their name alone ("Type" may as well be
 * a customer's or a product's type, "Returning" among its values): read as one only when every
 * value is a document type (DOC_TYPE_VALUE).
 */
const GENERIC_TYPE_HEADERS = new Set([
  "type",
  "nature",
  "soort",
  "typ",
  "art",
  "sorte",
  "tipo",
  // Brightpearl's SO / SC; elsewhere a channel (Web, Phone) as likely
  "order type",
]);
/**
 * Invoice, delivery and credit-note names ("Sales Credit Note" as Sage writes it), English,
 * French, German, Dutch, Spanish, Italian, Polish, Czech, alone or
 * before more words ("Facture comptabilisée", "Avoir financier", "Bon de retour"): a column of
 * only these is a document type.
 */
const DOC_TYPE_VALUE =
  /^(?:(?:sales |tax |customer |product |service )?invoice|(?:sales |customer |product |service )?credit(?: note| memo)?|refund|return|facture|avoir|bon de (?:livraison|retour)|rechnung|gutschrift|storno|rechnungskorrektur|lieferschein|retoure|(?:verkoop)?factuur|credit ?nota|creditfactuur|pakbon|retour|factura|nota de cr[eé]dito|fattura|nota (?:di )?credito|abono|faktura|korekta|dobropis|opravn[ýy] da[ňn]ov[ýy] doklad)(?:\s.*)?$/i;
/**
 * A sale paid on the spot, billed without an invoice: NetSuite's "Cash Sale", QuickBooks' "Sales
 * Receipt" and Desktop's "Statement Charge". Like an invoice, it bills a sales order's goods.
 */
const RECEIPT_SALE_DOC = /^\s*(?:cash\s+sale|sales\s+receipt|statement\s+charge)\s*$/i;
/** An invoice, or a sale billed as one (RECEIPT_SALE_DOC). */
const invoicedDoc = (v: string) => INVOICE_DOC.test(v) || RECEIPT_SALE_DOC.test(v);
/**
 * A debit memo or note (Acumatica's "Debit Memo"): an extra charge to the customer, a sale
 * (positive). Not "Debit" alone: a ledger's side, beside "Credit".
 */
const DEBIT_DOC = /^\s*(?:sales\s+)?debit\s+(?:memo|note)\s*$/i;
/** Sage 50's item invoices ("Product Invoice", "Service Invoice"): invoices. */
const ITEM_INVOICE = /^\s*(?:product|service)\s+invoice\s*$/i;
/** A document that bills a sale: an invoice by any of its names, a cash sale, a debit memo. */
const saleDoc = (v: string) => invoicedDoc(v) || ITEM_INVOICE.test(v) || DEBIT_DOC.test(v);
/**
 * A known document type that reading the column changes: a credit (a return whatever its sign),
 * a quote or order (no sale), a payment or journal (no sale).
 */
const noPlainSaleDoc = (v: string) =>
  CREDIT_TYPE.test(v) ||
  QUOTE_DOC.test(v) ||
  PRE_INVOICE_DOC.test(v) ||
  OTHER_TRANSACTION.test(v) ||
  FINANCE_CHARGE_DOC.test(v);
/**
 * Refunds of sales paid on the spot ("Cash Refund", "Refund Receipt", "Customer Refund"): credits
 * (CREDIT_TYPE), read as returns. Journals, payments and deposits (OTHER_TRANSACTION) are known
 * too: ingest/orders skips them.
 */
const OTHER_KNOWN_DOC = /^\s*(?:cash\s+refund|refund\s+receipt|customer\s+refund)\s*$/i;
/** A document or transaction type KAP knows (what a generic "Type" column must hold to be read as one). */
function knownDocType(v: string): boolean {
  return (
    DOC_TYPE_VALUE.test(v) ||
    SAGE_SALES_TYPE.test(v) ||
    QUOTE_DOC.test(v) ||
    PRE_INVOICE_DOC.test(v) ||
    RECEIPT_SALE_DOC.test(v) ||
    DEBIT_DOC.test(v) ||
    OTHER_KNOWN_DOC.test(v) ||
    OTHER_TRANSACTION.test(v) ||
    FINANCE_CHARGE_DOC.test(v) ||
    isDownPaymentDocType(v)
  );
}
/** An invoice word anywhere in a document type: SAP Business One's "A/R Invoice". */
const INVOICE_WORD = /\b(?:invoice|rechnung|facture|factuur|factura|fattura|faktura)\b/i;
/**
 * A value of a document-type column that KAP reads as a document: a type it knows, a credit
 * (CREDIT_TYPE: "A/R Credit Memo", read as a return) or an invoice by its word.
 */
function readAsDocType(v: string): boolean {
  return knownDocType(v.replace(/['’]/g, " ")) || CREDIT_TYPE.test(v) || INVOICE_WORD.test(v);
}
/** A system's own short document code ("RE", "SA", "F2"): not a word KAP could know. */
const SHORT_CODE = /^[a-z0-9]{1,3}$/i;
/** The first three values quoted, and how many more. */
function valuesSaid(values: readonly string[]): string {
  return `${values
    .slice(0, 3)
    .map((v) => `"${v}"`)
    .join(", ")}${values.length > 3 ? ` and ${values.length - 3} more` : ""}`;
}
/** What the user is told of a document-type column's values that KAP does not know (read as sales). */
function unknownTypesNote(header: string, others: readonly string[]): string {
  return `"${header}" also lists ${valuesSaid(others)}, no document type KAP knows: ${others.length === 1 ? "its lines are" : "their lines are"} read as sales. If they are not, filter them out of the export.`;
}
/**
 * A "Type" column of invoices beside quotes or sales orders (NetSuite's saved searches: Invoice,
 * Cash Sale, Estimate, Sales Order): a document type, whose quotes and orders are no sales (documentKinds).
 */
function notSoldBesideInvoices(values: readonly string[]): boolean {
  return (
    values.some(invoicedDoc) && values.some((v) => QUOTE_DOC.test(v) || PRE_INVOICE_DOC.test(v))
  );
}
/**
 * A column of one system's document codes (ingest/docTypeCodes) with a credit's or a no-sale
 * code among them: `kinds` its distinct values in upper case.
 */
function writesDocCodes(values: readonly string[], kinds: readonly string[]): boolean {
  // one letter under a bare "Type" ("F", "A") may mean anything
  if (kinds.some((k) => k.length < 2)) return false;
  const codes = docTypeCodes(values);
  return [...codes.credits, ...codes.notSales].some((c) => kinds.includes(c.code));
}
/** Sage 50's transaction types of sales: SI (sales invoice), SC (sales credit), alone in the cell. */
const SAGE_SALES_TYPE = /^(?:si|sc)$/i;
/**
 * Sage 50's transaction types (its audit trail and activity reports): the sales ones, and the
 * receipts, payments, purchases and journals (SAGE_NOT_SALE) an export of them may hold.
 */
const SAGE_TYPE = /^(?:si|sc|sr|sa|sd|sp|pi|pc|pp|pa|pd|pr|ja|jd|jc|bp|br|cp|vp|vr)$/i;
/** A number as Excel writes it in scientific notation to a CSV: "1.23457E+11". */
const SCIENTIFIC_ID = /^\d(?:\.\d+)?E\+\d+$/i;
/** A multi-currency report's amount in the transaction's own currency (beside the home currency's "Amount"). */
const FOREIGN_AMOUNT = new Set([
  "foreign amount",
  "foreign currency amount",
  "amount foreign currency",
  "amount in foreign currency",
  "amount fc",
  "fc amount",
  // Xero's invoice reports: "Net (Source)" beside "Net (GBP)", the base currency's
  "net source",
  "net amount source",
  "line amount source",
  "amount source",
]);
/** Share of lines on which revenue must equal quantity × price (less discounts) to be line revenue. */
const MATCH_SHARE = 0.6;

type Row = readonly Cell[];

/**
 * Each number column's decimal convention over `rows` (the data rows, below the header): its own
 * cells first, then the file's other number columns, then `culture`, then a text file's
 * `delimiter` (";" is the list separator Excel writes CSV with where the comma is the decimal
 * mark), else the decimal point (both reported when the column holds ambiguous text).
 */
export function orderNumberConventions(
  mapping: Pick<ColumnMapping, "fields">,
  rows: readonly Row[],
  culture?: NumberCulture,
  delimiter?: string
): Partial<Record<NumberField, ColumnConvention>> {
  const cols = NUMBER_FIELDS.map((f) => ({
    f,
    c: mapping.fields.find((m) => m.field === f)?.column,
  })).filter((x): x is { f: NumberField; c: number } => x.c !== undefined);
  const texts = textCellsOf(
    rows,
    cols.map((x) => x.c)
  );
  const own = cols.map(({ f, c }, i) => ({
    f,
    texts: texts[i],
    // a quantity is a column of whole counts: "1,200" beside "3" settles it (GroupingEvidence),
    // where its number cells count too; the other columns' number cells say nothing
    conv:
      f === "quantity"
        ? inferNumberConvention(
            rows.map((r) => r[c]),
            culture,
            undefined,
            true
          )
        : inferNumberConvention(texts[i], culture),
  }));
  // A text file's reader reads "4.5" and "1234.5" as numbers (cli/textFile's plainNumber): each
  // was written with a decimal point that reads one way only, and proves it as its text would,
  // for its column and the file's, where a column's text cells ("12.345") read two ways.
  if (delimiter !== undefined && own.some((o) => o.conv.source !== "data" && o.conv.ambiguous > 0))
    own.forEach((o, i) => {
      if (o.conv.source === "data") return;
      const proof = pointProofOf(rows, cols[i].c);
      if (proof === undefined) return;
      o.texts = [...o.texts, proof];
      o.conv =
        o.f === "quantity"
          ? inferNumberConvention(
              [...rows.map((r) => r[cols[i].c]), proof],
              culture,
              undefined,
              true
            )
          : inferNumberConvention(o.texts, culture);
    });
  // A count's grouping is weaker proof than a cell that reads one way only ("12,50"): where the
  // other columns prove a mark, the quantity takes theirs ("the file's other number columns").
  const proven = fileDecimal(own.filter((o) => !o.conv.grouping).map((o) => o.conv));
  for (const o of own)
    if (o.conv.grouping && proven !== undefined) o.conv = inferNumberConvention(o.texts, culture);
  const file = fileDecimal(own.map((o) => o.conv));
  const out: Partial<Record<NumberField, ColumnConvention>> = {};
  for (const o of own)
    out[o.f] =
      o.conv.source === "data" || file === undefined
        ? o.conv
        : inferNumberConvention(o.texts, culture, file);
  if (delimiter === ";")
    for (const o of own) {
      const c = out[o.f]!;
      if (c.source === "default") out[o.f] = { ...c, decimal: ",", source: "delimiter" };
    }
  return out;
}

/**
 * The first number cell of `column` with a fraction whose text reads with a decimal point only
 * ("4.5", not "12.345"), as that text; undefined when there is none.
 */
function pointProofOf(rows: readonly Row[], column: number): string | undefined {
  for (const r of rows) {
    const v = r[column];
    if (typeof v !== "number" || Number.isInteger(v) || !Number.isFinite(v)) continue;
    const t = String(v);
    if (numberEvidence(t) === "point") return t;
  }
  return undefined;
}

/**
 * The text cells of each of `columns`, in row order: all that inferNumberConvention reads (a
 * number cell says nothing of the decimal mark). One pass over the rows for every column: a
 * sample of 50,000 rows read a column at a time costs a cache miss per row and column, and a
 * CSV's number columns hold numbers, not text.
 */
function textCellsOf(rows: readonly Row[], columns: readonly number[]): string[][] {
  const texts = columns.map((): string[] => []);
  for (const r of rows)
    for (let i = 0; i < columns.length; i++) {
      const v = r[columns[i]];
      if (typeof v === "string") texts[i].push(v);
    }
  return texts;
}

export interface MappingCheck {
  mapping: ColumnMapping;
  /** what was changed and why, in plain words; empty when the headers' reading held */
  notes: string[];
}

const fmt = (x: number) =>
  (Math.round(x * 100) / 100).toLocaleString("en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

/** A discount header that does not say percent or money ("Discount", "Disc"). */
const BARE_DISCOUNT = new Set(["discount", "disc"]);

/**
 * A bare "Discount" column with no line value beside it to check it against: its numbers are
 * taken as percentages off quantity × unit price, and said so with a worked row, since a column
 * of money off each line (5.00 off 200.00) would read the same and overstate the discount
 * silently. Undefined when the header or the cells say percent, or no row has a discount.
 */
function bareDiscountNote(
  disc: FieldMatch,
  sample: readonly Row[],
  first: number,
  num: (r: Row, f: NumberField) => number | undefined
): string | undefined {
  if (!BARE_DISCOUNT.has(normaliseHeader(disc.header))) return undefined;
  if (
    sample.some((r) => typeof r[disc.column] === "string" && String(r[disc.column]).includes("%"))
  )
    return undefined;
  const i = sample.findIndex(
    (r) =>
      (num(r, "discount") ?? 0) > 0 &&
      num(r, "quantity") !== undefined &&
      num(r, "unitPrice") !== undefined
  );
  if (i < 0) return undefined;
  const q = num(sample[i], "quantity")!;
  const p = num(sample[i], "unitPrice")!;
  const d = num(sample[i], "discount")!;
  return `"${disc.header}" is read as a percentage off each line (row ${first + i}: ${q} × ${fmt(p)} less ${d} % = ${fmt(q * p * (1 - d / 100))}). If it is money off the line, rename the column "Line Discount Amount" and analyse again.`;
}

/** The headers that name the customer by themselves ("Firma", "Naam"): no note needed. */
const ACCOUNT_NAME_SYNONYMS: ReadonlySet<string> = new Set(
  ORDER_FIELDS.find((f) => f.field === "accountName")!.synonyms.map((s) => normaliseHeader(s))
);

/**
 * The header-based order mapping checked against its first rows (`rows`: the data rows below
 * the header; `firstRowNumber`: the sheet row of rows[0], for notes). Fields the user chose
 * (`userFields`) are never changed.
 */
export function checkOrderColumns(
  mapping: ColumnMapping,
  rows: readonly Row[],
  options: {
    numbers?: Partial<Record<NumberField, ColumnConvention>>;
    firstRowNumber?: number;
    discountIsFraction?: boolean;
    userFields?: ReadonlySet<string>;
    /** the table's headers (for columns no field took) */
    headers?: readonly string[];
  } = {}
): MappingCheck {
  // the header row again (a printed report's page break: Sage 200) is no data: blank for every
  // check, so none reads "Document Type" as a value (the parser skips it as a repeated header)
  const sample = withoutHeadersAgain(
    rows.length > CHECK_ROWS ? rows.slice(0, CHECK_ROWS) : rows,
    mapping.fields
  );
  const first = options.firstRowNumber ?? 1;
  const user = options.userFields ?? new Set<string>();
  const notes: string[] = [];
  let fields = mapping.fields.slice();
  const get = (f: string): FieldMatch | undefined => fields.find((m) => m.field === f);
  const drop = (f: string) => {
    fields = fields.filter((m) => m.field !== f);
  };
  const dec = (f: NumberField) => options.numbers?.[f];
  const num = (r: Row, f: NumberField): number | undefined => {
    const m = get(f);
    if (!m || isBlankCell(r[m.column])) return undefined;
    return f === "quantity"
      ? parseQuantity(r[m.column], dec(f))
      : parseMoney(r[m.column], dec(f))?.value;
  };
  const text = (r: Row, f: string): string => {
    const m = get(f);
    const v = m ? r[m.column] : undefined;
    return v === null || v === undefined ? "" : String(v).trim();
  };

  // A product column left blank in every row read (an ERP export's empty "Artikelnr." or
  // "Description"): no product column, rather than every line rejected for having no product.
  for (const f of ["sku", "productName"]) {
    const m = get(f);
    if (!m || user.has(f) || sample.length === 0) continue;
    if (sample.every((r) => isBlankCell(r[m.column]))) {
      drop(f);
      const other = get(f === "sku" ? "productName" : "sku");
      notes.push(
        `"${m.header}" is empty in every one of the first ${sample.length} row${sample.length === 1 ? "" : "s"}: ${other ? `products are named by "${other.header}".` : "read as no product column."}`
      );
    }
  }

  // Brightpearl's "Contact ID" beside "Company": the customer's id, not who ordered
  const contactId = contactIdAccount(fields, options.headers ?? [], sample, user);
  if (contactId) fields = [...fields.filter((m) => m.column !== contactId.column), contactId];

  // A memo beside whole invoices, blank on many (Stripe's invoices export: "Description"): no
  // product column, rather than the invoices with no memo rejected for having no product.
  const memo = get("productName");
  if (
    memo &&
    !get("sku") &&
    !user.has("productName") &&
    MEMO_HEADERS.has(normaliseHeader(memo.header))
  ) {
    const blank = sample.filter((r) => isBlankCell(r[memo.column])).length;
    const ids = get("orderId") ? sample.map((r) => text(r, "orderId")).filter((t) => t !== "") : [];
    const wholeInvoices = new Set(ids).size === ids.length;
    if (wholeInvoices && blank > 0 && blank * 3 >= sample.length) {
      drop("productName");
      notes.push(
        `"${memo.header}" is blank on ${blank} of the first ${sample.length} rows, each a whole invoice: it is read as a note, not a product, so every invoice counts in revenue with no product.`
      );
    }
  }

  // CFDI received (recibidos: many issuers, one receiver) are purchases, not sales (ingest/cfdi)
  if (isCfdiLayout(mapping.layout) && options.headers) {
    const received = receivedCfdiNote(
      options.headers,
      sample,
      (r) => text(r, "accountId") || text(r, "accountName")
    );
    if (received) notes.push(received);
  }

  // An order's products packed into one cell (BigCommerce's order export): no product column
  // (ingest/packedLines), whichever product field the headers gave it.
  let packed: FieldMatch | undefined;
  for (const f of ["sku", "productName", "category"]) {
    const m = get(f);
    if (!m || sample.length === 0 || !holdsPackedProducts(sample.map((r) => r[m.column]))) continue;
    drop(f);
    packed = m;
  }
  // BigCommerce's orders, their products packed or not: each order's amount is its goods before
  // tax, "Subtotal (ex tax)", never another money column of the export ("Gift Certificate Amount
  // Redeemed", a payment)
  const subtotalExTax = options.headers?.findIndex(isSubtotalExTax) ?? -1;
  const bigCommerce = !!packed || (!!options.headers && isBigCommerceOrders(options.headers));
  if (
    bigCommerce &&
    subtotalExTax >= 0 &&
    !user.has("revenue") &&
    get("revenue")?.column !== subtotalExTax
  ) {
    fields = fields.filter((m) => m.field !== "revenue" && m.column !== subtotalExTax);
    fields.push({
      field: "revenue",
      column: subtotalExTax,
      header: options.headers![subtotalExTax].trim(),
      confidence: 1,
    });
  }

  // A customer column that holds ledger accounts ("200 - Sales", "Sales", "Service Income",
  // "Purchases"), as a Xero report's or Zoho's "Account" does, or an "Account" one value of which
  // stands for many of the customers beside it (a ledger code, "4000"): never the customer (a
  // ledger is no customer). The customer is the column beside it (a customer id, the name), else
  // the "Contact" (read as who ordered); the ledger then says which lines are no sales.
  for (const f of ["accountId", "accountName"]) {
    const m = get(f);
    if (!m || user.has(f)) continue;
    const values = sample.map((r) => text(r, f)).filter((t) => t !== "");
    if (values.length < 2) continue;
    const idBeside =
      f === "accountId" ? unmappedCustomerIdColumn(fields, options.headers ?? []) : undefined;
    const names = get(f === "accountId" ? "accountName" : "accountId");
    const ledgerValues = values.every((t) => SALES_LEDGER_VALUE.test(t) || isLedgerName(t));
    // (one value over a large file: the one-customer check below says it in its own words)
    const shared =
      !ledgerValues &&
      !(new Set(values).size === 1 && values.length >= ONE_CUSTOMER_ROWS) &&
      ACCOUNT_HEADER.test(normaliseHeader(m.header)) &&
      [idBeside?.column, names?.column].some(
        (c) => c !== undefined && standsForManyCustomers(sample, m.column, c)
      );
    if (!ledgerValues && !shared) continue;
    const other = idBeside ?? names;
    const contact = get("orderedBy");
    const example = values[0];
    const purchases = values.some((t) => PURCHASE_LEDGER.test(t));
    const many = shared
      ? manyCustomersValue(sample, m.column, (idBeside ?? names)!.column)
      : undefined;
    const what = many
      ? `holds ledger accounts ("${many.value}" stands beside ${many.customers} different customers)`
      : `holds ${purchases ? "" : "sales "}ledger accounts (such as "${example}")`;
    // the ledger column kept to tell sales from purchases and expenses (ingest/orders)
    const asLedger = (x: FieldMatch): FieldMatch =>
      get("ledgerAccount") ? x : { ...x, field: "ledgerAccount" };
    if (other) {
      fields = fields.map((x) => (x === m ? asLedger(x) : x)).filter((x) => x.field !== f);
      if (idBeside) fields.push({ ...idBeside, field: "accountId" });
      notes.push(
        `"${m.header}" ${what}, not customers: the customer is "${other.header}"${idBeside && names ? `, named by "${names.header}"` : ""}.`
      );
    } else if (contact && CONTACT_HEADERS.has(normaliseHeader(contact.header))) {
      fields = fields
        .map((x) => (x === m ? asLedger(x) : x))
        .filter((x) => x.field !== f)
        .map((x) => (x === contact ? { ...x, field: "accountName" } : x));
      notes.push(`"${m.header}" ${what}, not customers: the customer is "${contact.header}".`);
    } else {
      // no customer rather than one holding every sale: the file is refused with this said
      drop(f);
      notes.push(
        `"${m.header}" ${what}, not customers, and no other column names the customer. Choose the customer column in the column mapping, or export the report with its Contact (customer) column.`
      );
    }
    break;
  }

  // A bare "Name" (Tally's "Particulars") read as the customer for want of a customer column
  // (ingest/detect, nameBesideDocuments): the reading names it, so a wrong guess is seen.
  const party = get("accountName");
  if (
    party &&
    !mapping.layout &&
    !get("accountId") &&
    !user.has("accountName") &&
    isPartyHeader(normaliseHeader(party.header)) &&
    !ACCOUNT_NAME_SYNONYMS.has(normaliseHeader(party.header))
  ) {
    const doc = get("orderId") ?? get("docType");
    notes.push(
      `The customer is "${party.header}", the party each document is made out to: the file has no customer column, and "${party.header}" stands beside ${doc ? `"${doc.header}"` : "the documents"} (NetSuite's and Tally's reports name the customer so). If it is not the customer, choose the customer column in the column mapping.`
    );
  }

  // No order number by its header: a bare "Numéro", "Number" or "Document" whose values number
  // documents is it, else a column showing credit-note numbers is named (ingest/documentNumbers)
  if (!user.has("orderId") && !mapping.layout && options.headers) {
    const customer = (r: Row) => text(r, "accountId") || text(r, "accountName");
    const dateCol = get("date")?.column;
    const dateOf = (r: Row) => (dateCol === undefined ? "" : dateKeyOf(r[dateCol]));
    const bare = bareDocumentNumber(options.headers, sample, fields, customer, dateOf);
    if (bare) {
      fields.push(bare.field);
      notes.push(bare.note);
    } else {
      const unread = unreadCreditNumbersNote(options.headers, sample, fields, customer);
      if (unread) notes.push(unread);
    }
  }
  // "Customer: ACME01 Acme Ltd" heading lines name each block's customer (ingest/customerHeadings).
  const heading = mapping.customerHeadings ? firstCustomerHeading(rows) : undefined;
  const carried = heading !== undefined ? customerHeading(heading) : undefined;
  if (heading !== undefined && carried)
    notes.push(
      `Each line's customer is the "${heading.split(":")[0].trim()}:" heading line above its block (such as "${heading}": ${[carried.id && `account ${carried.id}`, carried.name].filter(Boolean).join(", ")}), as the report has no customer column; its totals lines are skipped.`
    );

  // A "Discount" beside the line value and the line's total ("Subtotal", "Discount", "Tax",
  // "Total"): the discounted lines say whether it is still to come off, as money or a
  // percentage, or off already (ingest/subtotalDiscount). Money off is then the line discount.
  const discountColumn = (get("discount") ?? get("lineDiscount"))?.column ?? -1;
  /** a money cell of the line value, its tax or total, or its discount ("10%" read as 10) */
  const cellMoney = (r: Row, c: number): number | undefined => {
    const v = r[c];
    if (isBlankCell(v)) return undefined;
    const own = c === discountColumn ? (get("discount") ? "discount" : "lineDiscount") : "revenue";
    return parseMoney(typeof v === "string" ? v.replace("%", "") : v, dec(own))?.value;
  };
  const besideValue =
    !mapping.layout &&
    options.headers &&
    !user.has("revenue") &&
    !user.has("discount") &&
    !user.has("lineDiscount")
      ? discountBesideValue(
          fields,
          options.headers,
          sample,
          cellMoney,
          sample.some((r) => String(r[discountColumn] ?? "").includes("%")),
          !!options.discountIsFraction
        )
      : undefined;
  const discountReading = besideValue?.evidence?.reading;
  if (discountReading === "money" && besideValue!.field === "discount")
    fields = fields.map((m) =>
      m.column === besideValue!.columns.discount ? { ...m, field: "lineDiscount" } : m
    );

  // Discount %: percentages lie between 0 and 100.
  const disc = get("discount");
  if (disc && !user.has("discount")) {
    const bad = sample.findIndex((r) => {
      const v = r[disc.column];
      const n = num(r, "discount");
      return (
        n !== undefined &&
        !(typeof v === "string" && v.includes("%")) &&
        (n < 0 || n > (options.discountIsFraction ? 1 : 100))
      );
    });
    if (bad >= 0) {
      drop("discount");
      notes.push(
        `"${disc.header}" is not a discount percentage (row ${first + bad} holds ${String(sample[bad][disc.column]).trim()}), so it is not taken off the line values.`
      );
    } else if (!mapping.layout && !get("revenue")) {
      const note = bareDiscountNote(disc, sample, first, (r, f) => num(r, f));
      if (note) notes.push(note);
    }
  }
  // A column headed just "Type" (Nature, Soort, Art) that holds only document types, credit notes
  // among them (Facture / Avoir, Factuur / Creditnota, Rechnung / Gutschrift, Sage's SI / SC): the document type,
  // so a credit note written with positive amounts is a return.
  if (!get("docType") && !user.has("docType") && options.headers) {
    const taken = new Set(fields.map((m) => m.column));
    options.headers.forEach((h, column) => {
      if (get("docType") || taken.has(column) || !GENERIC_TYPE_HEADERS.has(normaliseHeader(h)))
        return;
      const values = sample
        .map((r) => r[column])
        .filter((v) => !isBlankCell(v))
        .map((v) => String(v).trim().replace(/['’]/g, " "));
      const kinds = [...new Set(values.map((v) => v.toUpperCase()))];
      // Sage's codes with receipts, payments or purchases among the sales (SI): only SI and SC are sales.
      const sage =
        values.every((v) => SAGE_TYPE.test(v)) &&
        kinds.includes("SI") &&
        kinds.some((k) => SAGE_NOT_SALE.test(k));
      if (sage) {
        fields.push({ field: "docType", column, header: h.trim(), confidence: 0.9 });
        notes.push(
          `"${h.trim()}" holds Sage transaction types (${kinds.slice(0, 4).join(", ")}): only SI (invoice) and SC (credit, read as a return) lines are sales; receipts, payments, purchases and journals (${kinds.filter((k) => SAGE_NOT_SALE.test(k)).join(", ")}) are skipped and counted.`
        );
        return;
      }
      // one system's codes, a credit's or a quote's among them (Brightpearl's SO / SC, Italian
      // FT / NC): session's docCodesNote says how they are read
      if (writesDocCodes(values, kinds)) {
        fields.push({ field: "docType", column, header: h.trim(), confidence: 0.9 });
        return;
      }
      if (values.length < 2) return;
      const unknown = values.filter((v) => !knownDocType(v));
      const besideInvoices = notSoldBesideInvoices(values);
      // Sales documents (invoices, debit memos) beside credits, quotes, orders or payments say
      // the column is the document type, whatever else it lists: one unknown type ("Service
      // Invoice", "Debit Memo" once) must not switch its credit memos back into sales. Unknown
      // types are read as the sales they most likely are (a negative one as a return) and named.
      // Credit notes alone say so only when every value is a document type ("Credit" is also a
      // customer's account type, beside "Cash"); a column of product or customer types (Stock,
      // Service; New, Returning) names no sales document and is never read.
      // A payment, journal or deposit among invoices (a customer ledger's, a transaction
      // list's) says so too: each is no sale.
      const known = values.filter((v) => !unknown.includes(v));
      const salesBeside = known.some(saleDoc) && known.some(noPlainSaleDoc);
      const docTypes =
        unknown.length === 0
          ? besideInvoices ||
            values.some((v) => CREDIT_TYPE.test(v)) ||
            (values.some((v) => INVOICE_WORD.test(v)) &&
              values.some((v) => OTHER_TRANSACTION.test(v)))
          : (besideInvoices || salesBeside) && unknown.length * 2 <= values.length;
      const others = [...new Set(unknown)];
      const othersSaid = valuesSaid(others);
      if (!docTypes) {
        if (besideInvoices || salesBeside)
          notes.push(
            `"${h.trim()}" lists invoices beside ${besideInvoices ? "quotes or orders" : "credits or other documents"}, but most of its values (${othersSaid}) are no document types KAP knows, so it is not read as the document type: its ${besideInvoices ? "quotes and orders are counted as sales" : "credits are read as sales unless negative"}. If it is the document type, choose it as the document type in the column mapping.`
          );
        return;
      }
      fields.push({ field: "docType", column, header: h.trim(), confidence: 0.9 });
      // a return authorization is a request, no credit note (documentKinds says how it is read)
      const credit = values.find((v) => CREDIT_TYPE.test(v) && !RETURN_REQUEST_DOC.test(v));
      // the quotes and orders among them are said by documentKinds
      if (credit)
        notes.push(
          `"${h.trim()}" holds document types (${[...new Set(values)].slice(0, 3).join(", ")}): its ${credit} lines are credit notes, read as returns.`
        );
      if (others.length) notes.push(unknownTypesNote(h.trim(), others));
    });
  } else {
    // A document type found by its header ("Transaction Type", "Document Type"): the values it
    // lists that KAP does not know are read as sales, and said, as a plain "Type" column's are.
    // A system's short codes ("RE", "F2") are its own, not told apart here; a layout knows its
    // types; a generic header's ("Soort") values may be line types ("Artikel"), no documents.
    const named = get("docType");
    if (
      named &&
      !mapping.layout &&
      !user.has("docType") &&
      !GENERIC_TYPE_HEADERS.has(normaliseHeader(named.header))
    ) {
      const others = [
        ...new Set(
          sample
            .map((r) => r[named.column])
            .filter((v) => !isBlankCell(v))
            .map((v) => String(v).trim())
            .filter((v) => !SHORT_CODE.test(v) && !readAsDocType(v))
        ),
      ];
      if (others.length) notes.push(unknownTypesNote(named.header, others));
    }
  }

  /** A unit price per 100 or 1,000 pieces ("PE" 100) as the price of one piece. */
  const perPiece = (r: Row, price: number | undefined): number | undefined => {
    const m = get("priceUnit");
    if (price === undefined || !m || isBlankCell(r[m.column])) return price;
    const per = parseQuantity(r[m.column], dec("quantity"));
    return per && per > 0 ? price / per : price;
  };
  const discountOf = (r: Row): number => {
    const m = get("discount");
    if (!m) return 0;
    const v = r[m.column];
    const n = num(r, "discount") ?? 0;
    return typeof v === "string" && v.includes("%")
      ? n / 100
      : options.discountIsFraction
        ? n
        : n / 100;
  };

  // Prices per 100 or 1,000 pieces change every line value a hundredfold: say so, with the units seen.
  const unit = get("priceUnit");
  if (unit && get("unitPrice")) {
    const per = [
      ...new Set(
        sample
          .filter((r) => (parseQuantity(r[unit.column], dec("quantity")) ?? 1) > 1)
          .map((r) => String(r[unit.column]).trim())
      ),
    ];
    if (per.length)
      notes.push(
        `Unit prices are per "${unit.header}" pieces (${per.slice(0, 3).join(", ")} in the first rows): each is divided by it for the price of one piece.`
      );
  }

  // Debit and Credit columns: a line's value is Debit − Credit. A customer's transactions (A/R)
  // hold sales in Debit; a sales report may write them on the income side, in Credit: the column
  // that holds the sales is then read as the line revenue, and the other taken off it.
  const debit = get("revenue");
  const credit = get("credit");
  // (a ledger report's sales accounts hold the sales on the credit side, by the layout)
  if (
    debit &&
    credit &&
    !user.has("revenue") &&
    !user.has("credit") &&
    !layoutById(mapping.layout)?.salesLedger
  ) {
    const saleType = layoutById(mapping.layout)?.saleDocType;
    const isSale = (r: Row) => {
      const type = text(r, "docType");
      return saleType ? saleType.test(type) && !CREDIT_TYPE.test(type) : !CREDIT_TYPE.test(type);
    };
    let inDebit = 0;
    let inCredit = 0;
    for (const r of sample) {
      if (!isSale(r)) continue;
      const d = num(r, "revenue");
      const c = num(r, "credit");
      if (d && !c) inDebit++;
      else if (c && !d) inCredit++;
    }
    if (inCredit > inDebit) {
      fields = fields.map((m) =>
        m.field === "revenue"
          ? { ...m, field: "credit" }
          : m.field === "credit"
            ? { ...m, field: "revenue" }
            : m
      );
      notes.push(
        `The sales are in "${credit.header}" (${inCredit} of the first ${inCredit + inDebit} sales lines), written on the income side: each line's value is "${credit.header}" − "${debit.header}".`
      );
    } else
      notes.push(
        `Each line's value is "${debit.header}" − "${credit.header}": a row's Credit (a credit memo, a discount) is taken off.`
      );
  }

  // A multi-currency report (QuickBooks) writes "Amount" in the home currency, at each
  // transaction's rate, and "Foreign Amount" in the currency its Currency column names: reading
  // "Amount" under that currency would call pounds euros. The foreign amount is the line value.
  const home = get("revenue");
  const foreignAt = options.headers
    ? options.headers.findIndex((h) => FOREIGN_AMOUNT.has(normaliseHeader(h)))
    : -1;
  if (
    home &&
    foreignAt >= 0 &&
    home.column !== foreignAt &&
    get("currency") &&
    !get("credit") &&
    !user.has("revenue") &&
    // on every line (a totals row, dateless or "Total" in its date cell, carries the home total only)
    sample.every(
      (r) =>
        isBlankCell(r[home.column]) ||
        !isBlankCell(r[foreignAt]) ||
        text(r, "date") === "" ||
        GROUP_TOTAL_ROW.test(text(r, "date"))
    )
  ) {
    const header = options.headers![foreignAt].trim();
    fields = fields.map((m) => (m.field === "revenue" ? { ...m, column: foreignAt, header } : m));
    // a unit price whose header names a currency ("Unit Price (GBP)") is the home currency's
    if (headerCurrency([get("unitPrice")])) drop("unitPrice");
    notes.push(
      `"${home.header}" is in the home currency, at each transaction's exchange rate: each line's value is "${header}", in the currency "${get("currency")!.header}" names.`
    );
  }

  // Without "Foreign Amount", QuickBooks' "Amount" is still in the home currency: the Currency
  // column names each transaction's own, not the amount's (reading it would call pounds euros).
  // So is an amount whose header names its currency ("Net (GBP)" in Xero's multi-currency
  // reports): every line is in that currency, whatever the Currency column says.
  const currency = get("currency");
  let homeCurrencyAmounts = false;
  let homeCode: { code: string; header: string } | undefined;
  // (only when a line names another currency: a one-currency file keeps its Currency column)
  const headerCode = home && foreignAt < 0 ? headerCurrency([home]) : undefined;
  const namedHome =
    headerCode &&
    currency &&
    sample.some((r) => {
      const c = text(r, "currency");
      return c !== "" && normaliseCurrency(c) !== headerCode.code;
    })
      ? headerCode
      : undefined;
  if (
    home &&
    foreignAt < 0 &&
    currency &&
    (mapping.layout?.startsWith("quickbooks") || namedHome) &&
    !user.has("currency") &&
    !user.has("revenue")
  ) {
    const codes = sample.map((r) => text(r, "currency"));
    const named = codes.filter((c) => c !== "");
    if (named.length) {
      // the example: a second currency where there is one (the first is often the home one)
      const second = codes.findIndex((c) => c !== "" && c !== named[0]);
      const other = second >= 0 ? second : codes.indexOf(named[0]);
      homeCode = namedHome ?? rateOneCurrency(sample, codes, options.headers);
      drop("currency");
      homeCurrencyAmounts = true;
      // its unit price is in the transaction's currency (unless its header names the home one):
      // no price of the home currency's lines
      const price = get("unitPrice");
      const priceAtHome = !!namedHome && headerCurrency([price])?.code === namedHome.code;
      if (price && !priceAtHome) drop("unitPrice");
      if (namedHome)
        notes.push(
          `"${namedHome.header}" is in ${namedHome.code}, as its header says: "${currency.header}" (${codes[other]} on row ${first + other}) names each invoice's own currency, not the currency of "${namedHome.header}", so it is not read: every line is in ${namedHome.code}${price && !priceAtHome ? `, and "${price.header}", in the invoice's currency, is not read as its unit price` : ""}.`
        );
      else if (homeCode)
        notes.push(
          `"${homeCode.header}" is 1 on every ${homeCode.code} line and on no other currency's: the home currency is ${homeCode.code}, and every line is read in it.`
        );
      if (!namedHome)
        notes.push(
          `"${home.header}" is in the company's home currency (each transaction at its exchange rate) and the report has no "Foreign Amount" column: "${currency.header}" (${codes[other]} on row ${first + other}) names each transaction's own currency, not the currency of "${home.header}", so it is not read: every line is in the one home currency${price ? `, and "${price.header}", in the transaction's currency, is not read as its unit price` : ""}.`
        );
    }
  }

  // A net, a tax and a gross amount on each line ("Base imponible; IVA; Total", "Subtotal; Tax;
  // Total", "HT; TVA; TTC"): revenue is the amount before tax, where "Total" would be read first.
  // (the net less its discount where the discounted lines showed it still to come off)
  const netOf = (r: Row, c: number): number | undefined => {
    const v = isBlankCell(r[c]) ? undefined : parseMoney(r[c], dec("revenue"))?.value;
    if (v === undefined || !discountReading || c !== besideValue!.columns.value) return v;
    const d = cellMoney(r, discountColumn);
    return d === undefined
      ? v
      : valueLessDiscount(v, d, discountReading, !!options.discountIsFraction);
  };
  const trio = netBesideTaxAndGross(mapping, fields, sample, options.headers, user, netOf);
  if (trio) {
    fields = fields.filter((m) => m.field !== "revenue" && m.column !== trio.net);
    fields.push({
      field: "revenue",
      column: trio.net,
      header: options.headers![trio.net].trim(),
      confidence: 1,
    });
  }

  // Line revenue against the order it belongs to and against quantity × unit price.
  const rev = get("revenue");
  /** A line's value: its revenue, less its Credit where a Credit column is read beside it. */
  const lineValue = (r: Row): number | undefined => {
    const v = num(r, "revenue");
    const c = get("credit") ? num(r, "credit") : undefined;
    return v === undefined && c === undefined ? undefined : (v ?? 0) - (c ?? 0);
  };
  const qty = get("quantity");
  const price = get("unitPrice");
  /** the line revenue is a line amount beside figures per order (ingest/lineAmount) */
  let lineBesideOrder: { orderFigures: string[]; beforeTax: boolean } | undefined;
  if (rev && !user.has("revenue")) {
    // each line's other money figures: quantity × price, and the money columns beside it
    const moneyColumns = (options.headers ?? []).flatMap((h, c) => {
      const n = normaliseHeader(h);
      const taken = fields.find((m) => m.column === c);
      return MONEY_HEADER.test(n) &&
        !NOT_LINE_FIGURE.test(n) &&
        (!taken || !["quantity", "unitPrice", "discount", "lineDiscount"].includes(taken.field))
        ? [c]
        : [];
    });
    const figuresBeside =
      (column: number) =>
      (r: Row): (number | undefined)[] => {
        const q = num(r, "quantity");
        const p = num(r, "unitPrice");
        return [
          q !== undefined && p !== undefined ? q * p : undefined,
          ...moneyColumns
            .filter((c) => c !== column)
            .map((c) => (isBlankCell(r[c]) ? undefined : parseMoney(r[c], dec("revenue"))?.value)),
        ];
      };
    const orderLevel = orderTotalEvidence(
      sample,
      (r) => text(r, "orderId"),
      lineValue,
      (r) => `${text(r, "sku")}|${text(r, "quantity")}|${text(r, "unitPrice")}`,
      // a line with no quantity, price or value sells nothing (a text line): no later line of its order
      (r) =>
        (!!qty || !!price) &&
        num(r, "quantity") === undefined &&
        num(r, "unitPrice") === undefined &&
        lineValue(r) === undefined,
      figuresBeside(rev.column)
    );
    // a "Line Amount" beside the order's figures (QuickBooks' and Zoho's sales by invoice line)
    const lineAmount =
      orderLevel && options.headers
        ? lineAmountBesideOrderFigures({
            headers: options.headers,
            sample,
            truncated: rows.length > sample.length,
            orderFigure: rev.column,
            taken: new Set(fields.filter((m) => m !== rev).map((m) => m.column)),
            orderOf: (r) => text(r, "orderId"),
            money: (r, c) =>
              isBlankCell(r[c]) ? undefined : parseMoney(r[c], dec("revenue"))?.value,
            isOrderLevel: (c) =>
              !!orderTotalEvidence(
                sample,
                (r) => text(r, "orderId"),
                (r) => (isBlankCell(r[c]) ? undefined : parseMoney(r[c], dec("revenue"))?.value),
                (r) => `${text(r, "sku")}|${text(r, "productName")}|${text(r, "quantity")}`,
                () => false,
                figuresBeside(c)
              ),
            fmt,
          })
        : undefined;
    if (lineAmount && "read" in lineAmount) {
      const read = lineAmount.read;
      fields = fields.filter((m) => m.field !== "revenue");
      fields.push({ field: "revenue", column: read.column, header: read.header, confidence: 1 });
      lineBesideOrder = { orderFigures: read.orderFigures, beforeTax: read.beforeTax };
    } else if (orderLevel) {
      drop("revenue");
      const where = `${orderLevel.kind === "first" ? "blank on the later lines of" : "repeated on every line of"} order ${orderLevel.order}, row ${first + orderLevel.row}`;
      const why = lineAmount ? ` ${lineAmount.refused}` : "";
      notes.push(
        qty && price
          ? `"${rev.header}" is a figure per order (${where}), not each line's value: KAP works line revenue out as "${qty.header}" × "${price.header}"${get("discount") ? ` less "${get("discount")!.header}"` : ""}.${why}`
          : `"${rev.header}" is a figure per order (${where}), not each line's value, and there is no unit price to work line values out from: map a line value column, or a quantity and a unit price column.${why}`
      );
    } else if (qty && price) {
      let n = 0;
      let match = 0;
      let discounted = 0;
      let example: { row: number; q: number; p: number; r: number } | undefined;
      // Magento's row total is for the units ordered, however many were invoiced or cancelled
      const ordered = options.headers ? orderedUnitsColumn(options.headers, rev.header) : -1;
      sample.forEach((r, i) => {
        const q =
          ordered >= 0 && !isBlankCell(r[ordered])
            ? parseQuantity(r[ordered], dec("quantity"))
            : num(r, "quantity");
        const p = perPiece(r, num(r, "unitPrice"));
        const v = lineValue(r);
        if (q === undefined || p === undefined || v === undefined || q * p === 0) return;
        n++;
        const gross = q * p;
        const lineDisc = num(r, "lineDiscount") ?? 0;
        const net = gross * (1 - discountOf(r)) - Math.abs(lineDisc) * Math.sign(gross);
        const near = (a: number, b: number) =>
          Math.abs(a - b) <= Math.max(0.011, 0.005 * Math.abs(b));
        if (near(v, net) || near(v, gross) || near(Math.abs(v), Math.abs(net))) match++;
        else {
          const ratio = v / gross;
          if (ratio >= 0 && ratio <= 1.0001) discounted++;
          example ??= { row: i, q, p, r: v };
        }
      });
      // Revenue at or below quantity × price on the lines that differ is revenue net of discounts: kept.
      if (n > 0 && match / n < MATCH_SHARE && (match + discounted) / n < 0.8 && example) {
        drop("revenue");
        notes.push(
          `"${rev.header}" does not equal "${qty.header}" × "${price.header}" on most lines (row ${first + example.row}: ${fmt(example.q)} × ${fmt(example.p)} = ${fmt(example.q * example.p)}, but "${rev.header}" holds ${fmt(example.r)}): KAP works line revenue out as "${qty.header}" × "${price.header}"${get("discount") ? ` less "${get("discount")!.header}"` : ""}. If "${rev.header}" is each line's value, choose it as the line revenue in the column mapping.`
        );
      }
    }
  }

  // Xero invoices entered tax-inclusive: LineAmount holds the tax, its TaxAmount comes off. Each
  // invoice's Total says which were; without Total and TaxTotal, its "LineAmountTypes" does.
  const lineRevenue = get("revenue");
  const taxInclusive =
    mapping.layout === "xero" && options.headers && lineRevenue && !user.has("revenue")
      ? (xeroTaxInclusive(
          sample,
          options.headers,
          get("orderId"),
          lineValue,
          `"${lineRevenue.header}"`,
          dec("revenue")
        ) ??
        xeroInclusiveByType(sample, options.headers, get("orderId"), `"${lineRevenue.header}"`))
      : undefined;
  if (taxInclusive) {
    fields.push(...taxInclusive.fields);
    notes.push(taxInclusive.note);
  }
  const taxIncluded =
    !mapping.layout && options.headers && !get("taxAmount")
      ? taxIncludedLineValue(sample, options.headers, fields, dec("revenue"))
      : undefined;
  if (taxIncluded) {
    if (taxIncluded.field) fields.push(taxIncluded.field);
    notes.push(taxIncluded.note);
  }
  // No LineAmount column: the line value is Quantity × UnitAmount, which holds the tax on an
  // invoice entered tax-inclusive ("LineAmountTypes" / "Amounts are": Inclusive).
  if (
    mapping.layout === "xero" &&
    options.headers &&
    !get("revenue") &&
    !user.has("revenue") &&
    qty &&
    price &&
    !get("taxAmount")
  ) {
    const product = `"${qty.header}" × "${price.header}"`;
    const found = xeroInclusiveByType(sample, options.headers, get("orderId"), product);
    // no such column: each invoice's Total against the sum of its lines, as with LineAmount
    const byTotals = found
      ? undefined
      : xeroTaxInclusive(
          sample,
          options.headers,
          get("orderId"),
          (r) => {
            const q = num(r, "quantity");
            const p = perPiece(r, num(r, "unitPrice"));
            return q === undefined || p === undefined ? undefined : q * p * (1 - discountOf(r));
          },
          product,
          dec("unitPrice")
        );
    if (found) {
      fields.push(...found.fields);
      notes.push(found.note);
    } else if (byTotals) {
      fields.push(...byTotals.fields);
      notes.push(byTotals.note);
    }
  }

  // One customer value across a whole large file is no customer column.
  const id = get("accountId");
  if (id && !user.has("accountId")) {
    const values = new Set<string>();
    let filled = 0;
    for (const r of sample) {
      const t = text(r, "accountId");
      if (!t) continue;
      filled++;
      values.add(t);
      if (values.size > 1) break;
    }
    // the id of a guest checkout (WooCommerce's 0) on every line: each order's e-mail is its customer (ingest/orders)
    const guestId = layoutById(mapping.layout)?.guestAccountId;
    if (
      values.size === 1 &&
      filled >= ONE_CUSTOMER_ROWS &&
      !(guestId !== undefined && values.has(guestId))
    ) {
      const only = [...values][0];
      const name = get("accountName");
      const names = new Set<string>();
      if (name) for (const r of sample) if (names.size < 2) names.add(text(r, "accountName"));
      names.delete("");
      if (name && names.size > 1) {
        drop("accountId");
        notes.push(
          `Every line has "${only}" in "${id.header}", so it cannot tell customers apart: KAP takes the customer from "${name.header}" instead.`
        );
      } else
        notes.push(
          `Every one of the first ${filled} lines has the same customer "${only}" in "${id.header}": KAP analyses them as one account. If "${id.header}" is not the customer, choose the customer column in the column mapping.`
        );
    }
  }
  // Odoo names a company's contact "Company, Contact": the company is the account where a column says it.
  if (mapping.layout === "odoo-sales" && options.headers && !user.has("accountName")) {
    const customer = get("accountName");
    const contacts = odooContactAccounts(sample, options.headers, customer);
    if (contacts?.field && customer) {
      fields = fields.filter((m) => m.field !== "accountName" && m.field !== "orderedBy");
      fields.push(contacts.field, { ...customer, field: "orderedBy" });
    }
    if (contacts) notes.push(contacts.note);
  }
  // A Shopify export without "Lineitem discount" (older exports): an order's discount code is only
  // in the order-level "Discount Amount", so its lines count before the discount. With a
  // "Subtotal" the parser reads what came off (ingest/orders); without one it is flagged.
  if (
    shopifyColumns(mapping.layout) &&
    !get("lineDiscount") &&
    options.headers &&
    !options.headers.some((h) => normaliseHeader(h) === "subtotal")
  ) {
    const dc = options.headers.findIndex((h) => normaliseHeader(h) === "discount amount");
    const oid = get("orderId");
    let orders = 0;
    let total = 0;
    let example = "";
    if (dc >= 0)
      sample.forEach((r, i) => {
        const v = parseMoney(r[dc])?.value;
        if (v === undefined || v <= 0) return;
        orders++;
        total += v;
        if (!example)
          example = `${oid ? String(r[oid.column] ?? "").trim() : `row ${first + i}`}: ${fmt(v)}`;
      });
    if (orders)
      notes.push(
        `This export has no "Lineitem discount" column, and ${orders === 1 ? "1 order" : `${orders} orders`} in its first rows ${orders === 1 ? "has" : "have"} an order-level discount ("${options.headers[dc].trim()}", such as ${example}): ${orders === 1 ? "its" : "their"} lines count before the discount, so revenue is overstated by it (${fmt(total)} in those rows). Take the discounts off by hand where they matter.`
      );
  }
  // A Shopify store whose prices include tax: the lines hold the VAT, taken off per order.
  if (shopifyColumns(mapping.layout) && options.headers) {
    const inclusive = shopifyTaxesIncluded(
      sample,
      options.headers,
      get("orderId"),
      dec("unitPrice")
    );
    if (inclusive) {
      fields.push(...inclusive.fields);
      notes.push(inclusive.note);
    }
    // A partial refund's amount and its order's figures: netted where they show it exactly (ingest/orders).
    const at = (h: string) => options.headers!.findIndex((x) => normaliseHeader(x) === h);
    const refund: [string, number][] = [
      // Squarespace's "Amount Refunded"
      [
        "refundedAmount",
        at("refunded amount") >= 0 ? at("refunded amount") : at("amount refunded"),
      ],
      ["refundSubtotal", at("subtotal")],
      ["refundShipping", at("shipping")],
      ["refundTotal", at("total")],
    ];
    if (refund.every(([, c]) => c >= 0))
      for (const [field, column] of refund)
        fields.push({ field, column, header: options.headers[column].trim(), confidence: 0.9 });
    // A discount on the whole order, beside the lines' own: named where it is on no line (ingest/orders).
    const orderDiscount: [string, number][] = [
      ["orderDiscount", at("discount amount")],
      ["orderSubtotal", at("subtotal")],
    ];
    // without the lines' own discounts, the Subtotal (after every discount on the goods) says what
    // came off them
    if (get("lineDiscount") || orderDiscount.every(([, c]) => c >= 0))
      for (const [field, column] of orderDiscount)
        if (column >= 0)
          fields.push({ field, column, header: options.headers[column].trim(), confidence: 0.9 });
  }
  // Zoho Books' discount on a whole invoice, beside its items' own (ingest/orderDiscount)
  const entityDiscount =
    !mapping.layout && options.headers && !get("orderDiscount")
      ? discountOnGoodsColumn(options.headers)
      : -1;
  if (entityDiscount >= 0 && !fields.some((m) => m.column === entityDiscount))
    fields.push({
      field: "orderDiscount",
      column: entityDiscount,
      header: options.headers![entityDiscount].trim(),
      confidence: 0.9,
    });
  // An order's shipping in a column of its own beside item lines (Zoho Inventory's "Shipping Charge"):
  // read once per order as a shipping line (ingest/orderShipping)
  const shipping = options.headers
    ? orderShippingColumn(options.headers, sample, fields, mapping)
    : -1;
  if (shipping >= 0)
    fields.push({
      field: "orderShipping",
      column: shipping,
      header: options.headers![shipping].trim(),
      confidence: 0.9,
    });
  // Shopify's order "Shipping": its lines are the goods alone, so it is left out, and said with its sum
  const shopShipping =
    shopifyColumns(mapping.layout) && options.headers
      ? options.headers.findIndex((h) => normaliseHeader(h) === "shipping")
      : -1;
  if (shopShipping >= 0)
    fields.push({
      field: "shippingLeftOut",
      column: shopShipping,
      header: options.headers![shopShipping].trim(),
      confidence: 0.9,
    });
  // Lightspeed X-Series / Vend's "Line Type": its sale and payment rows are no lines (ingest/lineTypes)
  const lineType = options.headers ? lineTypeColumn(options.headers, sample) : undefined;
  if (lineType && !fields.some((m) => m.column === lineType.column)) {
    fields.push({
      field: "lineType",
      column: lineType.column,
      header: options.headers![lineType.column].trim(),
      confidence: 0.9,
    });
    notes.push(lineType.note);
  }
  // Lightspeed Retail's "Voided" (Yes/No): a voided sale is no sale (ingest/voidFlag)
  const voidFlag = options.headers ? voidFlagColumn(options.headers, sample, fields) : undefined;
  if (voidFlag !== undefined)
    fields.push({
      field: "cancelledAt",
      column: voidFlag,
      header: options.headers![voidFlag].trim(),
      confidence: 0.9,
    });
  // Infor CSD's order suffix ("Suf"): a backorder shipment invoiced on its own date (ingest/orderSuffix)
  const suffix = options.headers ? orderSuffixColumn(options.headers, sample, fields) : undefined;
  if (suffix) {
    fields.push({
      field: "orderSuffix",
      column: suffix.column,
      header: options.headers![suffix.column].trim(),
      confidence: 0.9,
    });
    notes.push(suffix.note);
  }
  // Magento's order items: the row total is before the line's discount and its refunds (ingest/lineRefunds)
  const rowTotal = get("revenue");
  const lineRefunds =
    rowTotal && options.headers
      ? lineRefundColumns(options.headers, rowTotal.header, get("quantity")?.header)
      : undefined;
  if (lineRefunds)
    notes.push(
      lineRefundsNote(lineRefunds, options.headers!, rowTotal!.header, get("quantity")?.header)
    );
  // Magento's configurable products: an option row is the units its parent's line sold (ingest/configurableItems)
  const configurableItems = options.headers ? configurableColumns(options.headers) : undefined;
  // GSTR-1's amendments (B2BA, CDNRA): each replaces the original it names (ingest/amendments)
  const amendedFrom =
    mapping.layout === "gstr1-b2b" && options.headers
      ? amendedFromColumn(options.headers.map(normaliseHeader))
      : -1;
  // Square's transactions: a refund by amount is not in "Net Sales" but in "Partial Refunds" (ingest/orders)
  const partialRefunds =
    mapping.layout === "square-transactions" && rowTotal && options.headers
      ? options.headers.findIndex((h) => normaliseHeader(h) === "partial refunds")
      : -1;
  // Magento's order grid: the Subtotal is before the order's discount and its refunds (ingest/orderRefunds)
  const orderRefunds =
    mapping.layout === "magento-order-grid" && rowTotal && options.headers
      ? orderRefundColumns(options.headers)
      : undefined;
  if (orderRefunds) notes.push(orderRefundsNote(orderRefunds, options.headers!, rowTotal!.header));
  // the packed products, one line each, where each order's amount can be shared among them
  const packedRevenue = packed ? get("revenue") : undefined;
  if (packed) {
    if (packedRevenue) fields.push({ ...packed, field: "sku" });
    notes.push(packedProductsNote(packed.header, packedRevenue?.header, get("quantity")?.header));
  }
  // BigCommerce's orders: the subtotal is before the order's coupons and its refund (ingest/packedLines)
  const orderAmount = get("revenue");
  const bigCommerceTotals =
    bigCommerce && orderAmount && options.headers
      ? bigCommerceTotalsColumns(options.headers, orderAmount.header)
      : undefined;
  if (bigCommerceTotals)
    notes.push(bigCommerceTotalsNote(bigCommerceTotals, options.headers!, orderAmount!.header));
  // Ids Excel saved in scientific notation ("1.23457E+11", an EAN "5.01234E+12"): cut to a few
  // significant digits, so different customers or products may now share one id.
  for (const [f, what] of [
    ["accountId", "customers"],
    ["sku", "products"],
    ["orderId", "orders"],
  ] as const) {
    const m = get(f);
    if (!m) continue;
    let hits = 0;
    let example = "";
    for (const r of sample) {
      const v = r[m.column];
      if (typeof v !== "string" || !SCIENTIFIC_ID.test(v.trim())) continue;
      if (hits++ === 0) example = v.trim();
    }
    if (hits === 0) continue;
    const digits = example.replace(/E.*$/i, "").replace(".", "").length;
    notes.push(
      `"${m.header}" holds numbers in Excel's scientific notation (such as ${example}, in ${hits} of the first ${sample.length} rows): Excel cut them to ${digits} significant digits when it saved the file, so different ${what} may now share one id and be added together. Export the file again without saving it in Excel, or open it in Excel with this column imported as Text.`
    );
  }
  // A category column that holds no categories (Magento's product_type, Sage's Department Code
  // "0"): no category column, so Diversity is n/a rather than read from it (notCategoryReason).
  const cat = get("category");
  if (cat && !user.has("category")) {
    const values = sample.map((r) => text(r, "category")).filter((t) => t !== "");
    const reason = notCategoryReason(cat.header, values);
    // Oracle Receivables' "CLASS" (INV, CM, DM): each line's document, read as the document type
    if (holdsTransactionClasses(cat.header, values)) {
      drop("category");
      const asDocType = !get("docType") && !user.has("docType");
      if (asDocType) fields.push({ ...cat, field: "docType", confidence: 0.9 });
      notes.push(transactionClassesNote(cat.header, values, asDocType));
    } else if (reason) {
      drop("category");
      notes.push(`"${cat.header}" ${reason}: it is not read as the category.`);
    }
  }
  // A "State" or "Estado" column that holds places (CA, NY; Jalisco), no statuses: no status
  // (a layout knows its own: the SAT's Estatus 0 and 1).
  const status = get("orderStatus");
  if (
    status &&
    !user.has("orderStatus") &&
    !layoutById(mapping.layout)?.fields.orderStatus &&
    !holdsStatusValues(
      status.header,
      sample.map((r) => r[status.column])
    )
  )
    drop("orderStatus");
  // Quotes, sales orders and delivery notes beside the invoices: the invoices are the sales.
  const docs = documentKinds(sample, get("docType"), mapping.layout);
  if (docs.note) notes.push(docs.note);
  if (docs.returnRequestsNote) notes.push(docs.returnRequestsNote);
  const statuses = statusKinds(sample, get("orderStatus"), options.headers ?? [], mapping.layout);
  notes.push(...statuses.notes);
  const deleted = deletedColumn(options.headers ?? [], sample);
  const quoted = (vs: readonly string[]) =>
    vs
      .slice(0, 3)
      .map((v) => `"${v}"`)
      .join(", ");
  if (deleted?.unread.length)
    notes.push(
      `"${deleted.header}" holds ${quoted(deleted.unread)}, no mark KAP knows for a deleted transaction, so it is not read: lines it marks deleted are counted as sales.`
    );
  else if (deleted?.marks.length)
    notes.push(
      `"${deleted.header}" marks deleted transactions (${quoted(deleted.marks)}): they are no sales, so their lines are skipped and counted with their value.`
    );
  // A won deal became a sale on its close date: dated by the day it was created, every deal
  // moved back by its sales cycle (recency, health and the as-of date with it).
  const close =
    statuses.dealStages && !user.has("date") ? closeDateColumn(options.headers ?? []) : undefined;
  const dateNow = get("date");
  if (close !== undefined && dateNow?.column !== close) {
    const header = options.headers![close].trim();
    fields = fields
      .filter((m) => m.column !== close && m.field !== "date")
      .concat({ field: "date", column: close, header, confidence: 1 })
      .sort((a, b) => a.column - b.column);
    notes.push(
      `Each won deal is dated by its "${header}", the day it became a sale${dateNow ? `, not by "${dateNow.header}"` : ""}.`
    );
  }
  // …for what it was won for: its actual value, not the estimate the deal was forecast at.
  const actual =
    statuses.dealStages && !user.has("revenue")
      ? actualValueColumn(options.headers ?? [])
      : undefined;
  const revenueNow = get("revenue");
  let dealEstimate: { column: number; header: string } | undefined;
  if (actual !== undefined && revenueNow?.column !== actual) {
    dealEstimate = revenueNow && { column: revenueNow.column, header: revenueNow.header };
    const header = options.headers![actual].trim();
    fields = fields
      .filter((m) => m.column !== actual && m.field !== "revenue")
      .concat({ field: "revenue", column: actual, header, confidence: 1 })
      .sort((a, b) => a.column - b.column);
    notes.push(
      `Each won deal's value is its "${header}", what it was won for${revenueNow ? `, not "${revenueNow.header}", the forecast` : ""}.`
    );
  }
  if (!get("category") && !user.has("category") && options.headers) {
    const tracking = trackingCategory(
      mapping,
      options.headers,
      sample,
      new Set(fields.map((m) => m.column))
    );
    if (tracking) {
      fields.push(tracking.field);
      notes.push(tracking.note);
    }
  }
  const hasCategory = !!get("category") || user.has("category");
  const fromHeadings = headingCategories(mapping, hasCategory, sample);
  if (fromHeadings.note) notes.push(fromHeadings.note);
  const sku = get("sku");
  // the product names: the product column's, else (a heading report) the headings the lines stand under
  const names = sku ? sample.map((r) => r[sku.column]) : fromHeadings.products;
  const fromPrefix = productPrefixCategories(mapping, hasCategory, names);
  if (fromPrefix) notes.push(fromPrefix);
  // No currency column: a money column's header may name the currency ("Net (GBP)", "Betrag EUR",
  // "Gesamtpreis in €"), every line's then.
  const named =
    homeCode || get("currency") || user.has("currency")
      ? undefined
      : headerCurrency([get("revenue"), get("unitPrice"), get("credit")]);
  if (named) {
    homeCode = named;
    notes.push(
      `"${named.header}" names the currency in its header: every line is read in ${named.code}.`
    );
  }
  const scale = user.has("revenue") ? undefined : amountScaleOf(get("revenue")?.header);
  if (scale)
    notes.push(
      `"${get("revenue")!.header}" is in ${scale.unit}: each line's value is read × ${scale.factor === 1000 ? "1,000" : "1,000,000"}.`
    );
  // WooCommerce Analytics' "N. Revenue (formatted)": the amounts as the shop shows them, with
  // their symbol, beside the bare figures read
  const formatted =
    homeCode || get("currency") || user.has("currency")
      ? undefined
      : formattedCurrency(sample, options.headers);
  if (formatted) {
    homeCode = formatted;
    notes.push(
      `"${formatted.header}" writes the amounts in ${formatted.code}: every line is read in ${formatted.code}.`
    );
  }
  // an export whose amounts are in one currency by law (GSTR-1's rupees), no column naming it
  const layoutCurrency = layoutById(mapping.layout)?.currency;
  if (!homeCode && !get("currency") && !user.has("currency") && layoutCurrency)
    homeCode = { code: layoutCurrency, header: get("revenue")?.header ?? "" };
  // India's GST columns (CGST, SGST, IGST, GSTIN: Tally's registers, Busy, Zoho Books India):
  // the amounts are rupees, as GSTR-1's layout says
  const gst = options.headers?.filter((h) => INDIA_GST_HEADERS.has(normaliseHeader(h))) ?? [];
  if (!homeCode && !get("currency") && !user.has("currency") && gst.length >= 2) {
    homeCode = { code: "INR", header: get("revenue")?.header ?? "" };
    notes.push(
      `${gst.map((h) => `"${h.trim()}"`).join(", ")} are India's GST: the amounts are read in INR.`
    );
  }
  // Unsigned amounts beside an S/H or D/C column: the side with fewer lines is the returns.
  const sides = options.headers
    ? readSideColumn(options.headers, sample, new Set(fields.map((m) => m.column)))
    : undefined;
  if (sides) notes.push(sides.note);
  // Odoo's category paths ("All / Saleable / Tools / Hand tools"): the top level below its roots,
  // the level QuickBooks' "Tools:Hand tools" is read at (ingest/categoryPath)
  const category = get("category");
  const categoryValues = category ? sample.map((r) => text(r, "category")) : [];
  const odooPath =
    !!category &&
    (mapping.layout === "odoo" ||
      mapping.layout === "odoo-sales" ||
      isOdooCategoryColumn(categoryValues));
  const odooExample = odooPath ? categoryValues.find((v) => v.includes(" / ")) : undefined;
  if (odooExample)
    notes.push(
      `Categories read at the top level of Odoo's category paths, below its "All" and "Saleable" roots ("${odooExample}" counts in "${odooTopCategory(odooExample) || "Uncategorised"}"), as a QuickBooks "Category:Sub-category" counts in its first: a product in a root alone is "Uncategorised".`
    );
  // A line value before the line's discount % (FreshBooks' "Line Subtotal": quantity × rate,
  // its tax reckoned on the value less the discount): the discount comes off it.
  const beforeDiscount =
    // (not where a money discount or a refund is taken off the line already: Magento's items;
    // nor where the line's total showed the discount money, or off already)
    !mapping.layout &&
    (!discountReading || discountReading === "percent") &&
    !user.has("revenue") &&
    get("discount") &&
    !get("lineDiscount") &&
    !lineRefunds
      ? valueBeforeDiscount(sample, (r, f) => num(r, f), options.discountIsFraction)
      : undefined;
  if (beforeDiscount)
    notes.push(
      `"${get("revenue")!.header}" is the line's value before its "${get("discount")!.header}" (quantity × price, such as ${beforeDiscount}): the discount is taken off it.`
    );
  // a discount the line's total showed still to come off the value read (ingest/subtotalDiscount);
  // a percentage that quantity × price showed so too is said as that rule says it
  const offValue =
    besideValue?.evidence &&
    get("revenue")?.column === besideValue.columns.value &&
    (discountReading === "money" || discountReading === "percent")
      ? discountReading
      : undefined;
  // nothing settles it (no line total, or one no reading fits): read as it is, and said
  const unsettled =
    besideValue &&
    !discountReading &&
    get("revenue")?.column === besideValue.columns.value &&
    (besideValue.evidence || (besideValue.discounted && !(get("quantity") && get("unitPrice"))));
  if (unsettled)
    notes.push(
      discountUnsettledNote(
        besideValue.evidence,
        besideValue.headers,
        first,
        besideValue.discounted
      )
    );
  if (offValue === "money" || (offValue === "percent" && !beforeDiscount))
    notes.push(
      discountTakenOffNote(
        besideValue!.evidence!,
        { ...besideValue!.headers, total: besideValue!.headers.total! },
        first,
        !!options.discountIsFraction
      )
    );
  // the customer's tax id, read as the account or not: the reading says which
  const taxIdHeader = options.headers?.find((h) => isTaxIdHeader(normaliseHeader(h)))?.trim();
  return {
    mapping: {
      ...mapping,
      fields,
      ...(sides?.returns ? { returnSide: sides.returns } : {}),
      ...(fromPrefix ? { categoryFromProductPrefix: true } : {}),
      ...(beforeDiscount || offValue === "percent" ? { revenueBeforeDiscount: true } : {}),
      ...(offValue === "money" ? { revenueBeforeLineDiscount: true } : {}),
      ...(scale ? { revenueScale: scale.factor } : {}),
      ...(odooPath ? { categoryOdooPath: true } : {}),
      ...(fromHeadings.note ? { categoryFromHeadings: true } : {}),
      ...(docs.invoicedOnly || statuses.invoicedOnly ? { invoicedDocsOnly: true } : {}),
      ...(docs.returnRequests ? { returnRequestsBesideInvoices: true } : {}),
      ...(statuses.dealStages ? { dealStages: true } : {}),
      ...(dealEstimate
        ? { dealEstimateColumn: dealEstimate.column, dealEstimateHeader: dealEstimate.header }
        : {}),
      ...(statuses.saleStatusCodes ? { saleStatusCodes: true } : {}),
      ...(statuses.closedIsRefunded ? { closedIsRefunded: true } : {}),
      ...(statuses.unpaidIsNoSale ? { unpaidIsNoSale: statuses.unpaidIsNoSale } : {}),
      ...(deleted && deleted.column >= 0 ? { deletedColumn: deleted.column } : {}),
      ...(lineRefunds ? { lineRefunds } : {}),
      ...(configurableItems ? { configurableItems } : {}),
      ...(amendedFrom >= 0 ? { amendedFrom } : {}),
      ...(partialRefunds >= 0 ? { partialRefunds } : {}),
      ...(orderRefunds ? { orderRefunds } : {}),
      ...(packed && packedRevenue ? { packedProducts: packed.column } : {}),
      ...(bigCommerceTotals ? { bigCommerceTotals } : {}),
      ...(homeCurrencyAmounts ? { homeCurrencyAmounts: true } : {}),
      ...(homeCode ? { homeCurrency: homeCode.code } : {}),
      ...(taxIdHeader ? { taxIdHeader } : {}),
      ...(trio && get("revenue")?.column === trio.net
        ? {
            revenueBeforeTax: {
              tax: options.headers![trio.tax].trim(),
              gross: options.headers![trio.gross].trim(),
            },
          }
        : {}),
      ...(lineBesideOrder ? { revenueBesideOrderFigures: lineBesideOrder } : {}),
    },
    notes,
  };
}

/**
 * The net column of a net/tax/gross trio (ingest/taxTrio), to read as the line revenue; undefined
 * when the headers have none, a layout or the user settled the revenue, the revenue read is
 * another column than the three (a line amount beside an order's Subtotal, Tax and
 * Total), another field the user chose holds the net column, or the net is above the gross on
 * most lines read (then it is not the amount before that gross's tax); a plain amount
 * ("Importe", "Montant") is taken only where net + tax (or net × (1 + rate)) is the gross on at
 * least 80% of the lines read that have all three.
 */
function netBesideTaxAndGross(
  mapping: ColumnMapping,
  fields: readonly FieldMatch[],
  sample: readonly Row[],
  headers: readonly string[] | undefined,
  user: ReadonlySet<string>,
  money: (r: Row, column: number) => number | undefined
): TaxTrio | undefined {
  if (!headers || mapping.layout || user.has("revenue")) return undefined;
  if (fields.some((m) => m.field === "credit")) return undefined;
  const trio = taxTrioOf(headers);
  if (!trio) return undefined;
  const revenue = fields.find((m) => m.field === "revenue");
  if (revenue && ![trio.net, trio.tax, trio.gross].includes(revenue.column)) return undefined;
  const holder = fields.find((m) => m.column === trio.net);
  if (holder && user.has(holder.field)) return undefined;
  let both = 0;
  let above = 0;
  let all = 0;
  let addUp = 0;
  const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, 0.005 * Math.abs(b));
  for (const r of sample) {
    const net = money(r, trio.net);
    const gross = money(r, trio.gross);
    if (net === undefined || gross === undefined) continue;
    both++;
    if (Math.abs(net) > Math.abs(gross) + 0.005) above++;
    const tax = money(r, trio.tax);
    if (tax === undefined) continue;
    all++;
    // the tax as an amount (21,00) or as a rate (21 %)
    if (near(net + tax, gross) || near(net * (1 + tax / 100), gross)) addUp++;
  }
  if (both > 0 && above * 2 > both) return undefined;
  // a plain "Importe" is the net only where its rows add up to the gross
  if (trio.confirm && !(all > 0 && addUp >= 0.8 * all)) return undefined;
  return trio;
}

/** The currencies a money column's header may name: ISO codes of the exports KAP reads, and € and £ ("$" is some dollar: not named). */
const HEADER_CURRENCY =
  /(?:^|[\s(\[/-])(EUR|GBP|USD|CHF|CAD|AUD|NZD|ZAR|SGD|HKD|SEK|NOK|DKK|PLN|CZK|HUF|JPY|€|£)(?=$|[\s)\]/.,;:])/g;

/**
 * The one currency the mapped money columns' headers name ("Net (GBP)", "Umsatz EUR", "Preis in
 * €"), with the header that names it; undefined when none does or two name different ones.
 */
function headerCurrency(
  columns: readonly (FieldMatch | undefined)[]
): { code: string; header: string } | undefined {
  let found: { code: string; header: string } | undefined;
  for (const c of columns) {
    if (!c) continue;
    for (const m of c.header.matchAll(HEADER_CURRENCY)) {
      const code = normaliseCurrency(m[1]);
      if (found && found.code !== code) return undefined;
      found ??= { code, header: c.header.trim() };
    }
  }
  return found;
}

/**
 * Names of a Xero tracking category that groups products ("Product Group", "Category",
 * "Product Line"); a tracking category for a region, a department or a project does not.
 */
const PRODUCT_TRACKING =
  /^(?:(?:product|item|sales)\s+)?(?:categor(?:y|ies)|groups?|lines?|family|families|range|types?)$|^products?$|^sub\s*categor(?:y|ies)$/;

/**
 * How e-shops type a product by how it is built and sold (Magento's and WooCommerce's
 * product_type): every product is one of these, whatever it is, so they say nothing of its category.
 */
const PRODUCT_TYPE_WORD =
  /^(?:simple|configurable|bundle|virtual|grouped|downloadable|variable|variation|external)$/i;
/** A header that says "category" in one of KAP's languages (Category, Kategorie, Catégorie, Categoría …). */
const CATEGORY_HEADER = /categ|kateg|catég/i;
/**
 * A header that names a grouping of products (SAP's Material Group, Item Group, Warengruppe,
 * Product Family, Groupe d'articles): its values are categories even when they are numbers
 * (SAP's material groups are often "001", "002").
 */
const PRODUCT_GROUP_HEADER = /group|grupp|groupe|grupo|famil|class|klasse/i;
/** A value that is only a number (a department or analysis number: "0", "10", "4000"). */
const BARE_NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * Why a column matched as the category holds no categories (undefined when it may):
 * - every value a product-type word (simple, configurable, bundle …): how the product is built;
 * - unless the header says "category": one value on every line (two or more), which tells no
 *   category from another, or (unless it names a product group) only bare numbers, a department
 *   or analysis number (Sage 50's "Department Code" 0) rather than a named category.
 * A column headed "Category" is kept with numbers or one value: the export says they are categories.
 */
export function notCategoryReason(header: string, values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  const distinct = [...new Set(values.map((v) => v.toLowerCase()))];
  const examples = (vs: readonly string[]) =>
    vs
      .slice(0, 3)
      .map((v) => `"${v}"`)
      .join(", ");
  if (values.every((v) => PRODUCT_TYPE_WORD.test(v)))
    return `holds product types (${examples(distinct)}), not categories`;
  if (CATEGORY_HEADER.test(header)) return undefined;
  if (!PRODUCT_GROUP_HEADER.test(header) && values.every((v) => BARE_NUMBER.test(v)))
    return `holds only numbers (such as ${examples(distinct)}), not category names`;
  if (distinct.length === 1 && values.length >= 2)
    return `holds the same value ("${values[0]}") on every line`;
  return undefined;
}

/**
 * Oracle Receivables' transaction classes: INV (invoice), CM (credit memo), DM (debit memo), CB
 * (chargeback). Each names a line's document, never what was sold.
 */
const TRANSACTION_CLASS = /^(?:inv|cm|dm|cb)$/i;
/** What each transaction class is, for the note. */
const TRANSACTION_CLASS_NAMES: Readonly<Record<string, string>> = {
  INV: "invoice",
  CM: "credit memo",
  DM: "debit memo",
  CB: "chargeback",
};

/**
 * A column of transaction classes (every value INV, CM, DM or CB: two of them, or one under a
 * header that says class or type): the document type, no category.
 */
export function holdsTransactionClasses(header: string, values: readonly string[]): boolean {
  if (values.length === 0 || !values.every((v) => TRANSACTION_CLASS.test(v))) return false;
  const distinct = new Set(values.map((v) => v.toUpperCase()));
  return distinct.size >= 2 || /class|type|typ/i.test(header);
}

/** The note on a column of transaction classes read as the document type (`asDocType`) or left unread. */
function transactionClassesNote(
  header: string,
  values: readonly string[],
  asDocType: boolean
): string {
  const classes = [...new Set(values.map((v) => v.toUpperCase()))].map(
    (v) => `${v} (${TRANSACTION_CLASS_NAMES[v]})`
  );
  const read = asDocType
    ? `it is read as each line's document type, a CM line as a return, and not as the category`
    : `it is not read as the category`;
  return `"${header}" holds transaction classes (${classes.join(", ")}), the document each line is on, not product categories: ${read}. The file has no other category column, so its lines are "Uncategorised".`;
}

/**
 * Xero's invoice lines tagged with a tracking category that groups products (TrackingName1
 * "Product Group" on every tagged line): its option column (TrackingOption1) as the category
 * field, and the note that says so; undefined when no tracking category groups products.
 */
function trackingCategory(
  mapping: ColumnMapping,
  headers: readonly string[],
  rows: readonly Row[],
  taken: ReadonlySet<number>
): { field: FieldMatch; note: string } | undefined {
  if (!mapping.layout?.startsWith("xero")) return undefined;
  const norm = headers.map((h) => normaliseHeader(h).replace(/ /g, ""));
  for (const k of [1, 2]) {
    const nameCol = norm.indexOf(`trackingname${k}`);
    const optionCol = norm.indexOf(`trackingoption${k}`);
    if (nameCol < 0 || optionCol < 0 || taken.has(optionCol)) continue;
    const names = new Set(
      rows
        .map((r) => r[nameCol])
        .filter((v) => !isBlankCell(v))
        .map((v) => String(v).trim())
    );
    if (names.size !== 1) continue;
    const name = [...names][0];
    if (!PRODUCT_TRACKING.test(normaliseHeader(name))) continue;
    const header = headers[optionCol].trim();
    return {
      field: { field: "category", column: optionCol, header, confidence: 0.9 },
      note: `Categories read from Xero's tracking category "${name}" ("${header}"): the export has no category column. Lines without an option are "Uncategorised".`,
    };
  }
  return undefined;
}

/** A grouped report's "Total …" row (its first text). */
const GROUP_TOTAL_ROW = /^(?:grand\s*|sub[\s-]*)?totals?\b/i;

/**
 * A QuickBooks product heading report: the product heading each line of the rows stands under,
 * and, when a line stands under a category heading (no category column), the note that says the
 * categories are read from them.
 */
function headingCategories(
  mapping: ColumnMapping,
  hasCategory: boolean,
  rows: readonly Row[]
): { note?: string; products: string[] } {
  const layout = layoutById(mapping.layout);
  const products: string[] = [];
  if (hasCategory || !layout?.productFromHeadings || !layout.categoryPrefix) return { products };
  const path = new ProductHeadings(!!layout.itemTypeHeadings);
  let note: string | undefined;
  for (const r of rows) {
    const cells = r.filter((v) => !isBlankCell(v));
    const first = cells[0];
    if (first === undefined) continue;
    if (typeof first === "string" && GROUP_TOTAL_ROW.test(first.trim())) path.close(first);
    else if (cells.length === 1 && typeof first === "string")
      path.open(r.indexOf(first), first.trim());
    else {
      path.line();
      products.push(path.product);
      const category = path.category;
      if (category && !note)
        note = `Categories read from the report's category headings ("${path.product}" is in "${category}"; a sub-category counts in its top-level category): the export has no category column. Products under no category heading are "Uncategorised".`;
    }
  }
  return { note, products };
}

/**
 * A QuickBooks layout's products named "Category:Item" (`names`: the rows' product names) with no
 * category column: the note that says the categories are read from the prefix, when most of the
 * product names (service lines aside: Shipping, Discount) have one; undefined otherwise.
 */
function productPrefixCategories(
  mapping: ColumnMapping,
  hasCategory: boolean,
  names: readonly Cell[]
): string | undefined {
  if (hasCategory || !layoutById(mapping.layout)?.categoryPrefix) return undefined;
  let products = 0;
  let prefixed = 0;
  let example = "";
  for (const v of names) {
    if (typeof v !== "string" || v.trim() === "" || serviceKind(v, undefined) !== null) continue;
    products++;
    if (productCategoryPrefix(v) === "") continue;
    if (prefixed++ === 0) example = v.trim();
  }
  if (prefixed * 2 <= products) return undefined;
  return `Categories read from the product names' "Category:" prefix ("${example}" is in "${productCategoryPrefix(example)}"; a sub-category counts in its top-level category): the export has no category column. Products without one are "Uncategorised".`;
}

/**
 * Whether a money column is an order-level figure: in at least half of the orders with two or
 * more lines (and at least one such order), it is on the first line only, or it is the same on
 * every line although the lines differ (nought on every line says nothing). Orders are runs of
 * lines with the same order id.
 * `isText`: a line that sells nothing (Business Central's text lines, "Lieferung an das
 * Baustellenbüro": no quantity, no price, no value), left out of its order's lines, so that its
 * blank value does not make the column look like a figure on the first line only.
 */
export function orderTotalEvidence(
  rows: readonly Row[],
  orderOf: (r: Row) => string,
  valueOf: (r: Row) => number | undefined,
  lineKey: (r: Row) => string,
  isText: (r: Row) => boolean = () => false,
  lineFigures: (r: Row) => readonly (number | undefined)[] = () => []
): { kind: "first" | "repeated"; order: string; row: number } | undefined {
  let multi = 0;
  let hits = 0;
  /** the orders whose lines all repeat one figure: a few may be equal lines by chance */
  let repeated = 0;
  let example: { kind: "first" | "repeated"; order: string; row: number } | undefined;
  let start = 0;
  const close = (end: number) => {
    const lines = rows.slice(start, end).filter((r, i) => i === 0 || !isText(r));
    if (lines.length < 2) return;
    const order = orderOf(rows[start]);
    if (!order) return;
    multi++;
    const vals = lines.map(valueOf);
    const later = vals.slice(1);
    if (vals[0] !== undefined && later.every((v) => v === undefined)) {
      hits++;
      example ??= { kind: "first", order, row: start + 1 };
    } else if (
      // the same figure on every line, not nought (stock transfers, free lines: no order total)
      vals[0] !== 0 &&
      vals.every((v) => v !== undefined && v === vals[0]) &&
      new Set(lines.map(lineKey)).size > 1
    ) {
      hits++;
      // beside a line figure that differs from line to line (a line amount, quantity × price),
      // the repeated figure is the order's: evidence as strong as a blank
      if (!differsByLine(lines.map(lineFigures))) repeated++;
      example ??= { kind: "repeated", order, row: start + 1 };
    }
  };
  for (let i = 1; i <= rows.length; i++) {
    if (
      i === rows.length ||
      orderOf(rows[i]) !== orderOf(rows[start]) ||
      rows[i].every(isBlankCell)
    ) {
      close(i);
      start = i;
    }
  }
  // A figure blank on an order's later lines says it; the same figure on every line of an order
  // says it only of many orders (two lines of 500.00 each may well be two sales of 500.00)
  const enough = hits > repeated || repeated >= MIN_REPEATED_ORDERS;
  return multi > 0 && enough && hits >= Math.max(1, multi / 2) ? example : undefined;
}

/** Orders whose lines all repeat one figure, at least, for it to be read as a figure per order. */
const MIN_REPEATED_ORDERS = 3;

/** Whether one of the lines' figures (the same place in each) differs between two lines. */
function differsByLine(figures: readonly (readonly (number | undefined)[])[]): boolean {
  const n = Math.max(0, ...figures.map((f) => f.length));
  for (let k = 0; k < n; k++) {
    const vals = figures.map((f) => f[k]).filter((v): v is number => v !== undefined);
    if (vals.length >= 2 && vals.some((v) => Math.abs(v - vals[0]) > 0.005)) return true;
  }
  return false;
}

/** A header of a money figure of the line or order ("Line Amount", "Subtotal", "Tax", "Total"). */
const MONEY_HEADER =
  /\b(?:amount|amt|total|subtotal|tax|vat|gst|net|gross|value|revenue|sales|betrag|summe|importe|montant)\b/;
/** …but a price, a rate or a percentage: equal lines may have different prices. */
const NOT_LINE_FIGURE = /\b(?:price|rate|percent|pct|%)|%/;

/** Money parsed as `ColumnConvention` says, undefined when blank or unreadable. */
function moneyOf(v: Cell, convention: ColumnConvention | undefined): number | undefined {
  return isBlankCell(v) ? undefined : parseMoney(v, convention)?.value;
}

/**
 * Whether Xero's invoices in `rows` were entered tax-inclusive ("Amounts are Tax Inclusive"):
 * an invoice's Total, written on each of its lines, is then the sum of its LineAmount (which
 * hold the tax), where a tax-exclusive invoice's is that sum plus its TaxTotal. When most
 * invoices with tax are inclusive, the TaxAmount column is read (each line's tax comes off,
 * ingest/orders); either way a file that holds inclusive invoices says so.
 */
function xeroTaxInclusive(
  rows: readonly Row[],
  headers: readonly string[],
  order: FieldMatch | undefined,
  lineValue: (r: Row) => number | undefined,
  lineText: string,
  convention: ColumnConvention | undefined
): { fields: FieldMatch[]; note: string } | undefined {
  const at = (h: string) => headers.findIndex((x) => normaliseHeader(x) === h);
  const [taxCol, totalCol, taxTotalCol] = [at("tax amount"), at("total"), at("tax total")];
  if (!order || taxCol < 0 || totalCol < 0 || taxTotalCol < 0) return undefined;
  const invoices = new Map<string, { sum: number; lines: number; total?: number; tax?: number }>();
  for (const r of rows) {
    const id = String(r[order.column] ?? "").trim();
    const v = lineValue(r);
    if (!id || v === undefined) continue;
    const inv = invoices.get(id) ?? {
      sum: 0,
      lines: 0,
      total: moneyOf(r[totalCol], convention),
      tax: moneyOf(r[taxTotalCol], convention),
    };
    inv.sum += v;
    inv.lines++;
    invoices.set(id, inv);
  }
  let inclusive = 0;
  let exclusive = 0;
  let example = "";
  for (const [id, inv] of invoices) {
    if (inv.total === undefined || !inv.tax) continue;
    const near = (a: number, b: number) => Math.abs(a - b) <= 0.006 * inv.lines;
    if (near(inv.sum, inv.total)) {
      if (inclusive++ === 0)
        example = `${id}: Total ${fmt(inv.total)} = the sum of ${lineText}, which holds the tax "${headers[taxTotalCol].trim()}" ${fmt(inv.tax)}`;
    } else if (near(inv.sum + inv.tax, inv.total)) exclusive++;
  }
  if (inclusive === 0) return undefined;
  const taxed = inclusive + exclusive;
  const tax = headers[taxCol].trim();
  const seen = `${inclusive} of the ${taxed} invoices with tax in the first rows, such as ${example}`;
  const taxField = { field: "taxAmount", column: taxCol, header: tax, confidence: 0.9 };
  if (exclusive === 0)
    return {
      fields: [taxField],
      note: `Xero's invoices here are tax-inclusive (${seen}): each line's value is ${lineText} − "${tax}", before tax.`,
    };
  // Entered both ways: each invoice's Total says which it is (ingest/orders, per invoice).
  const total = headers[totalCol].trim();
  const taxTotal = headers[taxTotalCol].trim();
  return {
    fields: [
      taxField,
      { field: "invoiceTotal", column: totalCol, header: total, confidence: 0.9 },
      { field: "invoiceTaxTotal", column: taxTotalCol, header: taxTotal, confidence: 0.9 },
    ],
    note: `Xero's invoices here were entered both ways (${seen}; the other ${exclusive} tax-exclusive): each invoice is read as its "${total}" shows, a tax-inclusive one's lines as ${lineText} − "${tax}" and a tax-exclusive one's as ${lineText}, so every line is before tax.`,
  };
}

/**
 * The home currency a multi-currency report names by its "Exchange Rate" column: the one currency
 * whose every line is at rate 1, where no other currency's line is (the home currency is always
 * at 1; `codes`: each row's Currency). Undefined when none or two are.
 */
function rateOneCurrency(
  rows: readonly Row[],
  codes: readonly string[],
  headers: readonly string[] | undefined
): { code: string; header: string } | undefined {
  const at = headers ? headers.findIndex((h) => normaliseHeader(h) === "exchange rate") : -1;
  if (at < 0) return undefined;
  const atOne = new Map<string, boolean>();
  rows.forEach((r, i) => {
    const rate = isBlankCell(r[at]) ? undefined : parseQuantity(r[at]);
    if (!codes[i] || rate === undefined) return;
    atOne.set(codes[i], (atOne.get(codes[i]) ?? true) && rate === 1);
  });
  const one = [...atOne].filter(([, yes]) => yes);
  return one.length === 1
    ? { code: one[0][0].toUpperCase(), header: headers![at].trim() }
    : undefined;
}

/** Xero's "LineAmountTypes" (its import and export column) or "Amounts are" (its invoice screen). */
const AMOUNT_TYPES_HEADERS = new Set(["line amount types", "line amount type", "amounts are"]);

/**
 * Xero invoices with no LineAmount column whose "LineAmountTypes" says Inclusive on some lines:
 * their Quantity × UnitAmount holds the tax, so the line's TaxAmount comes off (ingest/orders,
 * on the lines so marked only). `lineText` names the line value in the note.
 */
function xeroInclusiveByType(
  rows: readonly Row[],
  headers: readonly string[],
  order: FieldMatch | undefined,
  lineText: string
): { fields: FieldMatch[]; note: string } | undefined {
  const taxCol = headers.findIndex((x) => normaliseHeader(x) === "tax amount");
  const typeCol = headers.findIndex((x) => AMOUNT_TYPES_HEADERS.has(normaliseHeader(x)));
  if (typeCol < 0) return undefined;
  let inclusive = 0;
  let other = 0;
  let otherValue = "";
  let example = "";
  for (const r of rows) {
    const t = isBlankCell(r[typeCol]) ? "" : String(r[typeCol]).trim();
    if (!t) continue;
    if (TAX_INCLUSIVE.test(t)) {
      if (inclusive++ === 0 && order) example = String(r[order.column] ?? "").trim();
    } else {
      other++;
      otherValue ||= t;
    }
  }
  if (inclusive === 0) return undefined;
  const type = headers[typeCol].trim();
  const marked = `("${type}" is ${String(
    rows.find((r) => TAX_INCLUSIVE.test(String(r[typeCol] ?? "").trim()))![typeCol]
  ).trim()} on ${inclusive} of the ${inclusive + other} lines in the first rows${example ? `, such as ${example}` : ""})`;
  // No TaxAmount to take off: the tax stays in the line values, said, never guessed from a rate.
  if (taxCol < 0)
    return {
      fields: [],
      note: `Xero's invoices here are entered tax-inclusive ${marked}, but the file has no "TaxAmount" column: each line's value, ${lineText}, holds its tax, so revenue is overstated by it. Export the invoices with their tax amounts (Business › Invoices › Export) and analyse that file.`,
    };
  const tax = headers[taxCol].trim();
  const rest = other
    ? ` The ${other} line${other === 1 ? "" : "s"} marked "${otherValue}"${other === 1 ? " is" : " and otherwise are"} read as ${other === 1 ? "it is" : "they are"}.`
    : "";
  return {
    fields: [
      { field: "taxAmount", column: taxCol, header: tax, confidence: 0.9 },
      { field: "amountTypes", column: typeCol, header: type, confidence: 0.9 },
    ],
    note: `Xero's invoices here are entered tax-inclusive ${marked}: each line's value is ${lineText} − "${tax}", before tax.${rest}`,
  };
}

/**
 * Whether a Shopify store's prices include tax ("All prices include tax", as most UK and EU
 * stores selling to consumers set it): an order's Total, on its first line, is then its Subtotal
 * plus Shipping, the Taxes inside, where prices before tax make it Subtotal + Shipping + Taxes.
 * When most orders with tax are so, the order's Total and Taxes are read (each line at its
 * order's net share, (Total − Taxes) / Total, ingest/orders): exact where one tax rate applies.
 */
function shopifyTaxesIncluded(
  rows: readonly Row[],
  headers: readonly string[],
  order: FieldMatch | undefined,
  convention: ColumnConvention | undefined
): { fields: FieldMatch[]; note: string } | undefined {
  const at = (h: string) => headers.findIndex((x) => normaliseHeader(x) === h);
  const [subCol, shipCol, taxCol, totalCol] = [
    at("subtotal"),
    at("shipping"),
    at("taxes"),
    at("total"),
  ];
  if (subCol < 0 || shipCol < 0 || taxCol < 0 || totalCol < 0) return undefined;
  let inclusive = 0;
  let exclusive = 0;
  let example = "";
  let share = "";
  for (const r of rows) {
    const total = moneyOf(r[totalCol], convention);
    const tax = moneyOf(r[taxCol], convention);
    const sub = moneyOf(r[subCol], convention);
    if (total === undefined || sub === undefined || !tax || tax < 0) continue;
    const ship = moneyOf(r[shipCol], convention) ?? 0;
    if (Math.abs(sub + ship - total) <= 0.011) {
      if (inclusive++ === 0) {
        const id = order ? String(r[order.column] ?? "").trim() : "";
        example = `${id}: Total ${fmt(total)} = Subtotal ${fmt(sub)}${ship ? ` + Shipping ${fmt(ship)}` : ""}, with Taxes ${fmt(tax)} inside`;
        share = `${fmt(total - tax)} of ${fmt(total)} for ${id}`;
      }
    } else if (Math.abs(sub + ship + tax - total) <= 0.011) exclusive++;
  }
  if (inclusive === 0 || inclusive < exclusive) return undefined;
  const [total, taxes] = [headers[totalCol].trim(), headers[taxCol].trim()];
  return {
    fields: [
      { field: "orderTotal", column: totalCol, header: total, confidence: 0.9 },
      { field: "orderTax", column: taxCol, header: taxes, confidence: 0.9 },
    ],
    note: `This store's prices include tax (${inclusive} of the ${inclusive + exclusive} orders with tax in the first rows, such as ${example}): each line is read before tax, at its order's share of "${total}" less "${taxes}" (${share}).${exclusive ? ` The other ${exclusive} orders' prices exclude tax and are read the same way, so their revenue is understated by their tax.` : ""}`,
  };
}

/** Odoo's display name of a company's contact: "Brightwell Electrical Ltd, Jane Smith". */
const ODOO_CONTACT = /^(.+?), (.+)$/;
/** Headers of an Odoo column that may hold the customer's company (checked against the data: an order's "Company" is often the seller's). */
const ODOO_COMPANY = new Set([
  "company",
  "customer company",
  "related company",
  "customer related company",
  "company name",
  "customer company name",
]);

/**
 * Odoo customers written "Company, Contact" (its display name of a company's contact) under
 * "Customer": read by the company from a column that holds each one's company (every
 * "Company, Contact" beside its Company, other customers beside themselves or nothing), else
 * each contact stays its own account and the user is told (a name may hold a comma: no split
 * is guessed). Undefined when the account is the Commercial Entity or no name is so written.
 */
function odooContactAccounts(
  rows: readonly Row[],
  headers: readonly string[],
  account: FieldMatch | undefined
): { field?: FieldMatch; note: string } | undefined {
  if (!account || normaliseHeader(account.header).endsWith("commercial entity")) return undefined;
  const cell = (r: Row, c: number) => String(r[c] ?? "").trim();
  const written = rows.map((r) => cell(r, account.column)).filter((n) => ODOO_CONTACT.test(n));
  if (written.length === 0) return undefined;
  const example = written[0];
  const contacts = new Set(written).size;
  for (let c = 0; c < headers.length; c++) {
    if (c === account.column || !ODOO_COMPANY.has(normaliseHeader(headers[c]))) continue;
    const holdsCompany = rows.every((r) => {
      const name = cell(r, account.column);
      const company = cell(r, c).toLowerCase();
      const m = ODOO_CONTACT.exec(name);
      if (m) return company === m[1].toLowerCase();
      return company === "" || company === name.toLowerCase();
    });
    if (!holdsCompany) continue;
    const header = headers[c].trim();
    return {
      field: { field: "accountName", column: c, header, confidence: 0.9 },
      note: `"${account.header}" names a company's contact as "Company, Contact" (such as "${example}"): each customer is its company from "${header}", the contact the person who ordered.`,
    };
  }
  return {
    note: `${contacts === 1 ? "1 customer" : `${contacts} customers`} in the first rows ${contacts === 1 ? "is" : "are"} written "Company, Contact" (Odoo's name for a company's contact, such as "${example}"): each contact is read as its own account, so a company ordering through several contacts is split between them. Add the customer's "Commercial Entity" to the export to read them by company.`,
  };
}

/**
 * What a status column says beyond cancelled or draft (ingest/statuses): a CRM's deal stages
 * (only won deals are sales), MYOB's sale-status codes (a quote or an order beside the invoices
 * is none), Magento's "closed" (refunded in full).
 */
function statusKinds(
  rows: readonly Row[],
  status: FieldMatch | undefined,
  headers: readonly string[],
  layout: ColumnMapping["layout"]
): {
  notes: string[];
  dealStages?: boolean;
  saleStatusCodes?: boolean;
  invoicedOnly?: boolean;
  closedIsRefunded?: boolean;
  unpaidIsNoSale?: { termsColumn: number; onHoldOnly?: boolean };
} {
  if (!status) return { notes: [] };
  const values = rows.map((r) => r[status.column]);
  if (holdsDealStages(status.header, values))
    return {
      notes: [
        `"${status.header}" holds deal stages: only won deals are sales; lost deals and deals still open (any other stage) are skipped and counted.`,
      ],
      dealStages: true,
    };
  if (holdsSaleStatusCodes(status.header, values)) {
    const codes = new Set(
      values.map((v) =>
        String(v ?? "")
          .trim()
          .toUpperCase()
      )
    );
    const invoicedOnly = codes.has("I") && codes.has("O");
    const left = [codes.has("Q") ? "Q (quotes)" : "", invoicedOnly ? "O (orders)" : ""].filter(
      (c) => c !== ""
    );
    return {
      notes: left.length
        ? [
            `"${status.header}" holds MYOB's sale statuses: I (invoice) lines are sales; ${left.join(" and ")} are not invoiced, so they are skipped and counted.`,
          ]
        : [],
      saleStatusCodes: true,
      invoicedOnly,
    };
  }
  const notes: string[] = [];
  const closedIsRefunded = closedMeansRefunded(headers);
  if (closedIsRefunded && values.some((v) => typeof v === "string" && MAGENTO_CLOSED.test(v)))
    notes.push(
      `"${status.header}" is Magento's order status: a closed order was refunded in full, so its lines are skipped and counted with the cancelled ones.`
    );
  const shop = holdsShopStatuses(layout, headers, values);
  const termsColumn = shop ? paymentTermsColumn(headers) : -1;
  const unpaid = values.find((v): v is string => typeof v === "string" && AWAITING_PAYMENT.test(v));
  if (shop && unpaid !== undefined)
    notes.push(
      `"${status.header}" is a web shop's order status: an order awaiting payment ("${unpaid.trim()}": pending, on hold) is no sale yet, so its lines are skipped and counted with their value${termsColumn >= 0 ? `; one on payment terms ("${headers[termsColumn].trim()}" filled) is a sale` : ""}.`
    );
  // an ERP's document on hold (Acumatica's "On Hold"): not yet released, no sale yet
  const held = shop
    ? undefined
    : values.find((v): v is string => typeof v === "string" && ON_HOLD_DOC.test(v));
  if (held !== undefined)
    notes.push(
      `"${status.header}": a document "${held.trim()}" is not yet released (posted to no ledger until it is), so it is no sale yet: its lines are skipped and counted with their value.`
    );
  return {
    notes,
    ...(closedIsRefunded ? { closedIsRefunded: true } : {}),
    ...(shop ? { unpaidIsNoSale: { termsColumn } } : {}),
    ...(held !== undefined ? { unpaidIsNoSale: { termsColumn: -1, onHoldOnly: true } } : {}),
  };
}

/**
 * A document-type column that lists quotes, or sales orders and delivery notes beside invoices
 * (an ERP's "Verkaufsbelege"): quotes are never sales; orders and delivery notes hold the goods
 * their invoices bill again, so beside invoices only the invoices and credit notes are read.
 * Orders alone (an order-history export) are the order lines. Return authorizations beside
 * invoices are requests their credit memos credit: skipped, so a return counts once (alone, in an
 * order history, they are its returns). Layouts that list their own sale types (saleDocType)
 * decide it themselves.
 */
function documentKinds(
  rows: readonly Row[],
  docType: FieldMatch | undefined,
  layout: ColumnMapping["layout"]
): { invoicedOnly: boolean; note?: string; returnRequests?: boolean; returnRequestsNote?: string } {
  if (!docType || layoutById(layout)?.saleDocType) return { invoicedOnly: false };
  const kinds = new Set<string>();
  for (const r of rows) {
    const v = r[docType.column];
    if (typeof v === "string" && v.trim() !== "" && kinds.size < 50) kinds.add(v.trim());
  }
  const all = [...kinds].filter((k) => !CREDIT_TYPE.test(k));
  const quotes = all.filter((k) => QUOTE_DOC.test(k));
  const invoiced = all.some(invoicedDoc);
  const before = invoiced ? all.filter((k) => PRE_INVOICE_DOC.test(k)) : [];
  const skipped = [...quotes, ...before];
  const requests = invoiced ? [...kinds].filter((k) => RETURN_REQUEST_DOC.test(k)) : [];
  const returnRequests = requests.length
    ? {
        returnRequests: true,
        returnRequestsNote: `"${docType.header}" lists ${requests.map((k) => `"${k}"`).join(", ")} beside the invoices: a return authorization is the customer's request, and the credit memo issued against it the document that credits the return, so only credit notes are read as returns; the authorizations' lines are skipped and counted, the return taken off once.`,
      }
    : {};
  if (skipped.length === 0) return { invoicedOnly: false, ...returnRequests };
  return {
    ...returnRequests,
    invoicedOnly: before.length > 0,
    note: `"${docType.header}" lists ${skipped.map((k) => `"${k}"`).join(", ")} ${before.length ? "beside the invoices" : "among the documents"}: ${quotes.length ? "a quote sells nothing" : ""}${quotes.length && before.length ? ", and " : ""}${before.length ? "orders and delivery notes hold the goods their invoices bill again" : ""}, so only ${invoiced ? `the invoices${all.some((k) => RECEIPT_SALE_DOC.test(k)) ? ", cash sales" : ""} and credit notes` : "the other documents"} are read as sales; those lines are skipped and counted.`,
  };
}

/**
 * Whether the line value is before the line's discount %: on every sample line with a discount,
 * the value is quantity × price (to the cent) and not that less the discount, on one line at
 * least. The answer is such a line, as the note gives it ("5 × 120.00 = 600.00 at 10%"), or
 * undefined.
 */
function valueBeforeDiscount(
  sample: readonly Row[],
  num: (r: Row, f: NumberField) => number | undefined,
  discountIsFraction = false
): string | undefined {
  let example: string | undefined;
  for (const r of sample) {
    const d = num(r, "discount");
    const q = num(r, "quantity");
    const p = num(r, "unitPrice");
    const v = num(r, "revenue");
    if (!d || q === undefined || p === undefined || v === undefined) continue;
    const gross = q * p;
    const net = gross * (1 - (discountIsFraction ? d : d / 100));
    if (Math.abs(v - net) <= 0.005) return undefined;
    if (Math.abs(v - gross) > 0.005) return undefined;
    example ??= `${q} × ${p.toFixed(2)} = ${v.toFixed(2)} at ${discountIsFraction ? d * 100 : d}%`;
  }
  return example;
}

/** The most of a line's value its tax is taken to be (a 27% VAT is 21% of the gross). */
const MAX_TAX_SHARE = 0.3;

/**
 * A line value that says it holds its tax ("Amount (inc GST)", or "Price (inc GST)" where the
 * value is quantity × price) with the line's tax beside it ("GST") and no amount before tax:
 * the tax comes off each line (ingest/orders' taxAmount), where the sample's taxes are each at
 * most MAX_TAX_SHARE of their line (PRODUCT.md §1: revenue is net of tax). With no tax column,
 * the figures keep the tax, and a note says so: KAP does not guess a rate.
 */
function taxIncludedLineValue(
  sample: readonly (readonly Cell[])[],
  headers: readonly string[],
  fields: readonly FieldMatch[],
  convention: ColumnConvention | undefined
): { field?: FieldMatch; note: string } | undefined {
  const value =
    fields.find((m) => m.field === "revenue") ?? fields.find((m) => m.field === "unitPrice");
  if (!value || !isTaxIncludedHeader(value.header)) return undefined;
  const taxCol = taxBesideIncluded(headers, new Set(fields.map((m) => m.column)));
  const header = headers[value.column].trim();
  if (taxCol === undefined)
    return {
      note: `"${header}" includes tax and the file has no column of each line's tax: revenue here includes tax, where KAP's figures are elsewhere before it (PRODUCT.md). Export the amounts before tax, or a tax column, to have it taken off.`,
    };
  let fit = 0;
  let seen = 0;
  for (const r of sample) {
    const tax = parseMoney(r[taxCol], convention)?.value;
    const v = parseMoney(r[value.column], convention)?.value;
    if (tax === undefined || v === undefined || v === 0) continue;
    seen++;
    const share = tax / v;
    if (share >= 0 && share <= MAX_TAX_SHARE) fit++;
  }
  if (seen === 0 || fit / seen < 0.8) return undefined;
  const tax = headers[taxCol].trim();
  const lineValue = value.field === "revenue" ? `"${header}"` : `the quantity × "${header}"`;
  return {
    field: { field: "taxAmount", column: taxCol, header: tax, confidence: 0.9 },
    note: `"${header}" includes tax: each line's value is ${lineValue} − "${tax}", before tax.`,
  };
}

/** Headers of a free-text note on a document, not of what it sold. */
const MEMO_HEADERS: ReadonlySet<string> = new Set(["description", "memo", "notes", "note"]);

/** Header words that put an amount in thousands ("thousand EUR", "Tsd. €", "TEUR", "k€", "'000") or millions. */
const THOUSANDS =
  /^(?:thousands?|tausend|tsd|milliers|miles|migliaia|duizend|teur|keur|tusd|kusd|kgbp|tchf|000s?)$/;
const MILLIONS = /^(?:millions?|mio)$/;

/**
 * The unit a line value's header names, if any: "Net value (thousand EUR)", "Umsatz in Tsd. €",
 * "Sales (£'000)", "Revenue (EUR millions)" (BI and ERP reports' scaled figures; order lines
 * read at 1/1,000 of their value would misstate every account's money).
 */
export function amountScaleOf(
  header: string | undefined
): { factor: number; unit: string } | undefined {
  if (!header) return undefined;
  const words = normaliseHeader(header.replace(/[€£$]/g, " ")).split(" ");
  if (words.length < 2) return undefined;
  if (words.some((w) => THOUSANDS.test(w))) return { factor: 1000, unit: "thousands" };
  if (words.some((w) => MILLIONS.test(w))) return { factor: 1e6, unit: "millions" };
  return undefined;
}

/** Headers only an Indian GST invoice or register has. */
const INDIA_GST_HEADERS: ReadonlySet<string> = new Set([
  "cgst",
  "sgst",
  "igst",
  "utgst",
  "gstin",
  "gstin uin",
  "party gstin",
  "cgst amount",
  "sgst amount",
  "igst amount",
]);

/**
 * The one currency a "(formatted)" twin of the amounts writes in every sample row ("£515.00"),
 * with its header; undefined where there is no such column, or its rows name none or several.
 */
function formattedCurrency(
  sample: readonly (readonly Cell[])[],
  headers: readonly string[] | undefined
): { code: string; header: string } | undefined {
  const column = headers?.findIndex((h) => /\bformatted\b/.test(normaliseHeader(h))) ?? -1;
  if (column < 0) return undefined;
  const codes = new Set<string>();
  for (const r of sample) {
    if (isBlankCell(r[column])) continue;
    // a bare "$" (or "kr", "¥") names no one currency: the culture decides, as for any amount
    if (/(?<![A-Za-z])(?:\$|kr|¥)/.test(String(r[column]))) return undefined;
    const code = parseMoney(r[column])?.currency;
    if (!code) return undefined;
    codes.add(normaliseCurrency(code));
  }
  if (codes.size !== 1) return undefined;
  const code = [...codes][0];
  return /^[A-Z]{3}$/.test(code) ? { code, header: headers![column].trim() } : undefined;
}

/**
 * The column of an order's shipping amount beside item lines, or -1: a file of no known layout
 * (a layout says itself what its shipping columns hold) with a product column and an order id, a
 * header naming a shipping amount that no field reads, and money in it on the first rows.
 */
function orderShippingColumn(
  headers: readonly string[],
  sample: readonly Row[],
  fields: readonly FieldMatch[],
  mapping: ColumnMapping
): number {
  if (mapping.layout) return -1;
  const has = (f: string) => fields.some((m) => m.field === f);
  const lineValue = has("revenue") || has("unitPrice");
  if (!has("orderId") || !lineValue || !(has("sku") || has("productName"))) return -1;
  const column = headers.findIndex(
    (h, c) => isShippingAmountHeader(h) && !fields.some((m) => m.column === c)
  );
  if (column < 0) return -1;
  let money = 0;
  for (const r of sample) {
    const v = r[column];
    if (isBlankCell(v)) continue;
    if (parseMoney(v)?.value === undefined) return -1;
    money++;
  }
  return money > 0 ? column : -1;
}

/** Whether a row is the header row again: two or more of the fields' headers, in their own columns. */
function isHeaderAgain(row: Row, fields: readonly FieldMatch[]): boolean {
  let same = 0;
  for (const f of fields) {
    const v = row[f.column];
    if (typeof v === "string" && v.trim().toLowerCase() === f.header.toLowerCase()) same++;
  }
  return same >= 2 && same * 2 >= fields.length;
}

/** The rows with each copy of the header row blanked (kept, so row numbers stay). */
function withoutHeadersAgain(rows: readonly Row[], fields: readonly FieldMatch[]): readonly Row[] {
  if (fields.length < 2 || !rows.some((r) => isHeaderAgain(r, fields))) return rows;
  return rows.map((r) => (isHeaderAgain(r, fields) ? [] : r));
}
