/**
 * The streaming order-line parser: rows arrive in chunks (as Excel or ExcelJS hand them
 * over), each usable row becomes an OrderLine passed to the sink, and nothing keeps the
 * rows — memory grows with accounts and currencies, not with lines. Rows that cannot be
 * used are counted by reason with their first row numbers; one bad row never stops a run.
 */
import { type CustomerHeading, customerHeading, customerHeadingText } from "./customerHeadings";
import { MainLineOnly } from "./mainLineOnly";
import {
  type OrderCustomer,
  type OrderIdMatch,
  OrderAccounts,
  ORDER_IDS_KEPT,
} from "./orderAccounts";
import { odooTopCategory } from "./categoryPath";
import { currencyOfSharedSymbol, SYMBOL_EXAMPLES, sharedSymbolOfText } from "./cultureCurrency";
import { MAX_LINE_VALUE, MAX_QUANTITY } from "./limits";
import { Spellings, spellingsWarning } from "./spellings";
import {
  categoryStandIn,
  CREDIT_ID_SAMPLE,
  isCreditNoteId,
  keepTakenOffSigned,
  signInto,
  type SignedLine,
  UNCATEGORISED,
} from "../domain/orderLines";
import type { CatalogItem, CurrencyRate, OrderLine } from "../domain/types";
import { ProductMemo } from "./productMemo";
import { VOID_CREDIT, VoidedCredits } from "./voidedCredits";
import {
  COMPACT_DATE_RULE,
  type CompactDate,
  CompactDates,
  compactDateOf,
  lostZeroSixDigits,
} from "./compactDates";
import { DownPayments, isDownPayment, isDownPaymentInvoice } from "./downPayments";
import {
  type BillingCancellations,
  BillingPairing,
  CREDIT_CANCELLATION,
  INVOICE_CANCELLATION_WORDS,
  cancellationNotes,
  cancelsCredit,
  cancelsInvoice,
  cancellationInWords,
} from "./cancellations";
import {
  isDiscountOnGoodsHeader,
  isDiscountPercentOnGoodsHeader,
  OrderDiscounts,
  type SettledDiscount,
  showsOrderDiscounts,
} from "./orderDiscount";
import { OrderShipping } from "./orderShipping";
import { lineTypeRule } from "./lineTypes";
import { sideOf } from "./sides";
import type { ColumnMapping } from "./detect";
import { normaliseHeader } from "./fields";
import {
  AWAITING_PAYMENT,
  dealStageRule,
  LOST_DEAL,
  MAGENTO_CLOSED,
  OPEN_DEAL,
  isDeletedMark,
  saleStatusDocument,
  UNPAID_ORDER,
  ON_HOLD_DOC,
  ON_HOLD_DOCUMENT,
} from "./statuses";
import { type Cell, isBlankCell, isExcelError } from "./grid";
import { RepeatedRuns } from "./repeatedRuns";
import { withOrderSuffix } from "./orderSuffix";
import { cancellationMarked } from "./voidFlag";
import { layoutById, shopifyColumns, wooCommerceColumns } from "./layouts";
import { ruleCounted } from "./ruleCount";
import { subCustomerParts } from "./customerHierarchy";
import { netOfLineRefunds } from "./lineRefunds";
import { boughtSku, CONFIGURABLE_OPTION, ConfigurableItems } from "./configurableItems";
import { AMENDED_ORIGINAL, Amendments } from "./amendments";
import { netOfOrderRefund } from "./orderRefunds";
import { netOfBigCommerceTotals, refundBeforeTax, unpackedRows } from "./packedLines";
import { percentText, wholeText } from "../domain/numberText";
import { MONTH_NAMES, serialToYmd } from "../domain/dates";
import {
  andList,
  codedBesideSameSymbol,
  codeLabel,
  codesBesideBareSymbols,
  formatMoney,
  isSharedSymbol,
  moneyLabel,
  SHARED_SYMBOLS,
} from "../domain/currency";
import { type ColumnConvention, conventionName, type DecimalMark, numberEvidence } from "./numbers";
import {
  type DateOrder,
  type DateOrderSource,
  normaliseCurrency,
  parseDate,
  parseMoney,
  parseQuantity,
  swapDayMonth,
  textDateReading,
} from "./values";

export { UNCATEGORISED };
export { ORDER_DISCOUNT_SKU } from "./orderDiscount";
/**
 * A customer name that says there is none: QuickBooks' reports group the sales with no customer
 * chosen under "Not Specified", as if it were one. Its lines are skipped as no account, with their value.
 */
const NO_CUSTOMER =
  /^(?:\(?(?:not specified|unspecified|no customer)\)?|\((?:blank|leer|vide|leeg|vac[ií]o|vuoto)\))$/i;

/** Sub-customers ("Parent : Sub") kept to be counted and said (a bound on memory; past it the count is a floor). */
const SUB_CUSTOMERS_KEPT = 100_000;
/** Row numbers kept per reject reason, for the message. */
const ROWS_KEPT = 5;
/**
 * The most rows a customer heading's look-ahead holds while it waits for a "Total …" row in a
 * later push (a report without totals rows is read with the heading as the next customer after these).
 */
const PENDING_ROWS_MAX = 200_000;

export interface RejectCount {
  reason: string;
  count: number;
  /** first few 1-based sheet row numbers */
  rows: number[];
}

/** One skip rule's toll: rows dropped and the line value they held, where it could be read (revenue, else qty × price). */
export interface SkipRule {
  rule: string;
  rows: number;
  /**
   * For a rule that names orders ("not yet paid … order"): the orders its rows are lines of (a
   * row with no order number an order of its own), so 3 orders of 5 lines are not said "5 orders";
   * absent where each row is an order of its own
   */
  orders?: number;
  /** the value; null when the lines or skipped rows are in several currencies (`revenueByCurrency`) */
  revenue: number | null;
  /**
   * revenue / (accepted revenue + all skipped revenue); null when there is no revenue to compare,
   * for rows that are no sale (a quote, a voided invoice, a payment): their `revenue` is the
   * value not counted as sales, as the skipped-rows warning says it, never a share of revenue;
   * and beside several currencies (`shareByCurrency`)
   */
  share: number | null;
  /**
   * With lines or skipped rows in several currencies: the value per currency (keyed as
   * IngestReport.currencies, '' none named), never added across them
   */
  revenueByCurrency?: Record<string, number>;
  /** beside several currencies, each currency's value / (its accepted revenue + its skipped revenue) */
  shareByCurrency?: Record<string, number | null>;
}

/** A rule's toll and what the skipped-rows warning says of it. */
type SkipToll = Omit<SkipRule, "rule" | "rows"> & { said: string };

/** The order fields that hold numbers, each read with its column's decimal convention. */
export type NumberField =
  "quantity" | "revenue" | "credit" | "unitPrice" | "listPrice" | "discount" | "lineDiscount";
export const NUMBER_FIELDS: readonly NumberField[] = [
  "quantity",
  "revenue",
  "credit",
  "unitPrice",
  "listPrice",
  "discount",
  "lineDiscount",
];

/** How one number column was read: its decimal mark and what settled it (./numbers). */
export interface NumberColumnReport {
  field: NumberField;
  header: string;
  decimal: DecimalMark;
  source: ColumnConvention["source"];
  /** text cells whose value depends on the decimal mark ("1,250") */
  ambiguous: number;
  /** a column of whole counts settled by its own cells: "1,200" beside a bare "3" (ColumnConvention.grouping) */
  grouping?: { grouped: string; whole: string };
  /** the first cell grouped in lakhs and crores ("1,25,000.00"): India's way of writing numbers */
  lakh?: string;
  /** left to the default: an ambiguous cell (`example`) and its two values (ColumnConvention.readings) */
  readings?: { example: string; thousands: number; decimals: number; counts?: true };
}

/** The product placeholder of an invoice-level file (no product column): such lines count in revenue but name no product. */
export const NO_PRODUCT = "";

export interface IngestReport {
  accepted: number;
  returns: number;
  skippedBlank: number;
  skippedHeaders: number;
  skippedTotals: number;
  rejected: RejectCount[];
  firstDate: number | null;
  lastDate: number | null;
  /**
   * The last date of a line that is no return: the default as-of date (a credit note dated after
   * the last invoice is no order). Null when every line is a return.
   */
  lastSaleDate: number | null;
  accounts: number;
  /** currency → lines (as found, before conversion); '' = no currency given */
  currencies: Record<string, number>;
  converted: boolean;
  reportingCurrency?: string;
  /**
   * With no currency column, the currency the money symbols name (the first one seen): the
   * lines in it and the lines with no symbol are filed under '' and named this at the end.
   */
  fileCurrency?: string;
  /**
   * With no currency column (or on lines whose currency cell is blank), the symbol the money is
   * written with when several currencies write it and nothing on the line names which ("$40.00",
   * "¥1,000", "1 249,50 kr"; not "USD 40", "US$40"): the culture may say which (KapEngine),
   * else no ISO code is named.
   */
  fileSymbol?: string;
  /**
   * With no currency column and no symbol on the lines, the first currency symbol or code on a
   * skipped totals row ("$1,350.00" on QuickBooks' "Total for …"): the lines' currency, else unknown.
   */
  totalsCurrency?: { code: string; symbol: string };
  /**
   * Net line value of the accepted lines, when they are in one currency; null beside several
   * (money in different currencies is never added: revenueByCurrency holds each).
   */
  revenue: number | null;
  /** currency → net line value of the accepted lines in it, keyed as `currencies` ('' = none named) */
  revenueByCurrency: Record<string, number>;
  /** false when the file has no product column (invoice level): product sheets cannot be made */
  hasProducts: boolean;
  /** every rule that dropped rows (blank, repeated header, totals, headings, each reject reason), with its share of revenue */
  skipped: SkipRule[];
  /** how each number column was read */
  numbers: NumberColumnReport[];
  /** what KAP assumed to read the file (set by the engine, which knows the sheet, culture and reader) */
  read?: ReadAssumptions;
  warnings: string[];
  /**
   * SAP's S1 cancellations and the invoices they cancel over the whole file, where they differ
   * from those the reading was given (OrderReadOptions.cancelledBilling): the lines of a pair
   * read before its cancellation counted, so the session reads the file again with these.
   */
  cancelledBillingFound?: [string, string][];
  /**
   * A cancellation (S1, S2, or in words) first met past the rows the reading was planned on, the
   * pairing off: the session reads the file again with it on (`words`: one was written in words).
   */
  cancellationsPastSample?: { words: boolean };
}

/** What KAP settled on to read the order lines: shown in every output (RULES.md §1). */
export interface ReadAssumptions {
  sheet: string;
  table?: string;
  /** the export layout recognised ("Xero sales invoices") */
  layout?: string;
  dateOrder: DateOrder;
  dateOrderSource: DateOrderSource;
  /** the workbook counts its dates in Excel's 1904 date system (its serials were read so) */
  date1904?: boolean;
  /** text files: the encoding and delimiter the reader settled on */
  encoding?: string;
  delimiter?: string;
  /** currencies found ([] when the data names none) */
  currencies: string[];
  /** the line revenue is the amount before tax of a net/tax/gross trio: the three headers */
  revenueBeforeTax?: { net: string; tax: string; gross: string };
  /** the line revenue is a line amount (`line`) beside figures per order, not added up (`orderFigures`) */
  revenueBesideOrderFigures?: { line: string; orderFigures: string[]; beforeTax: boolean };
  /**
   * The order table has a customer's tax id column (`taxId`, its header): the accounts are keyed
   * on it (`key`), or on `by`, the customer column beside it.
   */
  accountKey?: { by: string; taxId: string; key: boolean };
}

export interface OrderParserOptions {
  dateOrder: DateOrder;
  /**
   * What settled `dateOrder` (ingest/values settleDateOrder): where neither the data nor the
   * culture did, a later text date that reads only the other way is reported with its row.
   */
  dateOrderSource?: DateOrderSource;
  /** The serials come from a workbook in Excel's 1904 date system (ingest/values parseDate). */
  date1904?: boolean;
  /**
   * The date column writes six-digit dates (DDMMYY/YYMMDD, ingest/compactDates): its five-digit
   * cells are such dates that lost their leading zero, skipped with them, not Excel serials.
   */
  sixDigitDates?: boolean;
  /** Dates (not texts) have day and month swapped by Excel: read them back (ingest/values excelSwappedDates). */
  swapSerialDayMonth?: boolean;
  /**
   * Each number column's decimal convention, decided over the whole column and file
   * (inferNumberConvention); a field not given reads each text cell by its own evidence.
   */
  numbers?: Partial<Record<NumberField, ColumnConvention>>;
  /** The discount column holds fractions (Excel's % format: 0.1 = 10%) rather than percent points (10 = 10%). */
  discountIsFraction?: boolean;
  /** The document-type column holds SAP billing types (F2, G2 …): RE is then SAP's returns, a credit. */
  sapDocTypes?: boolean;
  /** The document-type column writes invoice cancellations in words ("Stornorechnung"): pair them as S1 is. */
  cancellationWords?: boolean;
  /** Pair the cancellations with what they cancel though the sample showed none (met past it). */
  pairCancellations?: boolean;
  /**
   * An order's id and customer are on its first line only, as the layout's orderFieldsOnFirstLine
   * says of Odoo's exports; decided from the sample (ingest/firstLineFields).
   */
  orderFieldsOnFirstLine?: boolean;
  /**
   * The file is grouped by customer, its name on the group's first line only (a PivotTable in
   * tabular form): a line leaving it blank is the customer's above it (ingest/firstLineFields).
   */
  customerOnFirstLine?: boolean;
  /**
   * SAP's S1 cancellations and the invoices they cancel, [cancellation id, invoice id]
   * (ingest/cancellations): both documents' lines are left out, neither a sale nor a return.
   */
  cancelledBilling?: readonly (readonly [string, string])[];
  /** The document-type column holds Sage's transaction types (SI beside them): SR, SA, PI … are then no sales. */
  sageDocTypes?: boolean;
  /** The document-type column writes one system's codes: these (upper case: "NC", "AV") are its credit notes' (ingest/docTypeCodes). */
  docCreditCodes?: readonly string[];
  /** … and these its codes of no sale: quotes and inquiries (SAP's AG and AF) */
  docNotSaleCodes?: readonly string[];
  /** false: order ids that look like credit notes are the data's numbering (creditPrefixIsNumbering) */
  creditNoteIds?: boolean;
  /**
   * Two-letter prefixes of credit-note ids beside invoice ids of their own prefix (French "AV…"
   * beside "FA…", German "GU…"/"GS…" beside "RE…"/"RG…": creditNotePrefixes): lines of such ids are returns.
   */
  creditIdPrefixes?: readonly string[];
  catalog?: ReadonlyMap<string, CatalogItem>;
  rates?: readonly CurrencyRate[];
  reportingCurrency?: string;
  /**
   * Hand the sink the same OrderLine object each time, refilled (no garbage per row). Only for
   * sinks that copy what they keep, such as OrderBook.add; a million rows then make no million objects.
   */
  reuseLine?: boolean;
  /**
   * Count the accounts here (default). False when the sink counts them (the engine's order book,
   * empty at the start, holds one record per account of the lines it took): the report's
   * `accounts` is then −1 for the sink to fill, and no look-up is made per line.
   */
  countAccounts?: boolean;
  /**
   * The workbook's culture: the counts, money and shares in the warnings follow it ("1.200 rows
   * were skipped … 3.000,00, 50,0 % of revenue" in de-DE); none: en-GB, counts ungrouped.
   */
  culture?: string;
}

export interface OrderParser {
  /** `firstRowNumber`: 1-based sheet row of rows[0]. */
  push(
    rows: readonly (readonly Cell[])[],
    firstRowNumber: number,
    sink: (line: OrderLine) => void
  ): void;
  finish(): IngestReport;
}

/**
 * Totals rows: "Total", "Totals", "Grand Total", "Sub-total", "Total:", "Total for Acme", and
 * the "Acme Ltd Total" rows Excel's Data ▸ Subtotal writes. A customer called "Total Tools
 * Ltd" is not a totals row: only the words above, alone or before ":" / "for".
 */
// "Total", "Subtotal", "Grand total" and their German, French and Dutch words (Summe, Gesamt,
// Zwischensumme, Teilergebnis, Totaal, Subtotaal, Sous-total)
// and the grand totals Excel's Data ▸ Subtotal writes in German, Dutch, French and Italian
// (Gesamtergebnis, Eindtotaal, Total général, Totale complessivo), and Italian, Polish and Czech
// totals (Totale, Totale generale; Razem, Ogółem, Suma; Celkem, Součet), and SAP's analytics
// (Business ByDesign, BW): "Result" under each group, "Overall Result" at the end
const TOTAL_START =
  /^(?:(?:grand\s*|sub[\s-]*|sous[\s-]*)?totals?|totaal|subtotaal|subtotale|summe|gesamt(?:summe)?|zwischensumme|endsumme|teilergebnis|gesamtergebnis|eindtotaal|total\s+g[ée]n[ée]ral|totale(?:\s+(?:complessivo|generale))?|razem|og[óo]łem|suma|celkem|sou[čc]et|(?:overall\s+)?result)(?:\s*$|\s*[:\-–]|\s+(?:for|für|fur)\b|\s+\()/i;
// "Acme Ltd Total", and German Excel's subtotal "Acme Ltd Ergebnis"
const TOTAL_END =
  /\s(?:(?:grand\s*|sub[\s-]*|sous[\s-]*)?totals?|totaal|summe|gesamt(?:summe)?|zwischensumme|endsumme|ergebnis):?$/i;
/**
 * A group's subtotal as French, Spanish and Italian Excel write it, "Total Acme" / "Totale Acme",
 * and German and Dutch reports ("Zwischensumme Müller GmbH", "Summe Kunde 10002", "Totaal Acme"):
 * read as a totals row only on a line with no order id (a customer "Total Tools Ltd" has invoices).
 */
const TOTAL_BEFORE_NAME = /^(?:totale?|totaal|subtotaal|(?:zwischen|gesamt|end|teil)?summe)\s+\S/i;
/**
 * A group's subtotal label before the group's name on a row that carries a date ("Subtotal
 * Northgate Services", "Sub-total Acme", "Sous-total Dupont", "Teilergebnis Müller GmbH",
 * "Subtotaal Jansen", "Total Acme"): read so only with no order id on the row (datedTotalsRow).
 */
const DATED_TOTAL_BEFORE_NAME =
  /^(?:(?:sub|sous)[\s-]*(?:totale?|totaal)|totale?|totaal|(?:zwischen|gesamt|end|teil)?summe|teilergebnis)\s+\S/i;
/** What a report's footer counts: lines, rows, records, invoices … (English, French, German, Dutch, Spanish, Italian). */
const COUNTED =
  "(?:lines?|rows?|records?|entries|entry|items?|transactions?|invoices?|orders?|documents?|lignes?|zeilen|positionen|posten|datens[äa]tze|regels|rijen|registros|l[ií]neas|righe)";
/**
 * A report's summary row that counts its lines: "Lines", "Lines: 123", "3 lines", "Total lines",
 * "Number of lines: 123", "Total number of invoices: 12", "No. of lines", "Line count", "Record(s):
 * 5", "Record count", "Count", "Total count", "Summary", "Anzahl Positionen", "Anzahl: 5", "Summe
 * Positionen", "Nombre de lignes", "Aantal regels". Like TOTAL_BEFORE_NAME, read so only
 * on a line with no order id of its own (such a line has no date either: it is no order line).
 */
const SUMMARY_LABEL = new RegExp(
  `^(?:(?:(?:total\\s+)?(?:number|no\\.?|nr\\.?|num\\.?|count|nb\\.?|nbre|nombre|anzahl|aantal|n[uú]mero)|total|summe|gesamt)\\s+(?:of\\s+|de\\s+|d['’]\\s*|der\\s+|van\\s+)?${COUNTED}(?:\\(s\\))?|${COUNTED}(?:\\(s\\))?(?:\\s+count)?|(?:total\\s+|grand\\s+)?count|anzahl|summary|\\d[\\d,.'\\s]*\\s${COUNTED}(?:\\(s\\))?)(?:\\s*[:=#]?\\s*\\d[\\d,.'\\s]*)?\\s*:?$`,
  "i"
);
/**
 * The rows Excel's Data ▸ Subtotal writes with a function other than Sum: "Acme Ltd Count",
 * "Acme Ltd Average", "Grand Count", "Grand Max" (with Sum they are "… Total": TOTAL_END).
 */
const SUBTOTAL_FUNCTION = /(?:^grand|\S)\s+(?:count|average|max|min|product|stddevp?|varp?)$/i;
/** A summary label read only on a line with no order id (SUMMARY_LABEL, SUBTOTAL_FUNCTION). */
function isSummaryLabel(t: string): boolean {
  return SUMMARY_LABEL.test(t) || SUBTOTAL_FUNCTION.test(t);
}
/** Whether two cells hold the same value (dates by their time). */
export function sameCellValue(a: Cell | undefined, b: Cell | undefined): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/** Whether a cell's text labels a totals or summary row ("Total", "Acme Ltd Summe", "Lines: 3"). */
export function isTotalsLabel(t: string): boolean {
  const s = t.trim();
  return TOTAL_START.test(s) || TOTAL_END.test(s) || isSummaryLabel(s);
}
/**
 * A line entered with its tax inside: Xero's "LineAmountTypes" "Inclusive", "Tax Inclusive";
 * freee's 税計算区分 "内税" (外税 is before tax).
 */
export const TAX_INCLUSIVE = /^(?:(?:tax\s*)?inclusive|内税)$/i;
/**
 * Document types that are credits: "Credit Memo", "Credit Note", "Return", "Refund Receipt",
 * "Gutschrift", "Storno", "Rechnungskorrektur", "Avoir", "Retour"/"Retoure" (French, Dutch,
 * German), "Nota de crédito", "Nota di credito", "Factura rectificativa", "Abono", "Faktura
 * korygująca" / "Korekta", "Dobropis" / "Opravný daňový doklad", the Nordic "Kreditnota"
 * (Danish, Norwegian), "Kreditfaktura" (Swedish) and "Hyvityslasku" (Finnish), and the codes SAP
 * (G2, S1), Sage (SC, CRN), Oracle Receivables (CM, its credit memo's class) and German ERPs
 * (GU, GS) write. SAP's RE (returns) only beside SAP's own billing codes (SAP_BILLING_TYPES): in
 * a German ERP's export RE is a Rechnung, an invoice.
 */
export const CREDIT_TYPE =
  /credit|return|retour|refund|gutschrift|storno|cancel|rechnungskorrektur|avoir|nota de cr[eé]dito|nota (?:di )?credito|rectificativa|abono|korekta|koryguj|dobropis|opravn|kreditnota|kreditfaktura|hyvitys|^\s*(?:g2|s1|sc|cr|crn|cn|cm|gu|gs)\s*$/i;
const SAP_RETURNS = /^\s*re\s*$/i;
/** SAP's pro forma invoices (billing types F5, F8): beside its billing codes, no sales. */
const SAP_PRO_FORMA = /^\s*f[58]\s*$/i;
/**
 * Documents that sell nothing, as a document type or a status: a quote, an estimate, a proposal,
 * a pro-forma invoice, also "Draft quote", Brightpearl's "Draft / Quote", "Sales Quote", "Angebot (Entwurf)", "Verkaufsangebot",
 * "Devis accepté" (English, German, French, Dutch, Spanish, Italian, Polish, Czech). The word
 * starts the text (after a draft/sales qualifier): "Invoice (from quote)" is an invoice.
 */
export const QUOTE_DOC =
  /^\s*(?:(?:draft|sales|price|entwurf|brouillon|concept)[\s_/-]+)?(?:(?:verkaufs)?angebot|anfrage|inquiry|enquiry|quoted?|quotation|estimate|proposal|(?:verkoop)?offerte|devis|kostenvoranschlag|pro[\s-]?forma|presupuesto|cotizaci[oó]n|preventivo|offerta|oferta|nab[ií]dka)(?:[\s_()-]|$)/i;
/**
 * Transactions that are no sale, written without a product in a sales report: journals, payments,
 * deposits (NetSuite's "Customer Payment", "Customer Deposit"), transfers.
 */
export const OTHER_TRANSACTION =
  /^\s*(?:(?:general\s+)?journal(?:\s+entry)?|(?:customer\s+)?payment|receive\s+payment|(?:customer\s+)?deposit|transfer)\s*$/i;
/** The rule such transactions (and a transaction list's) are skipped under. */
const NOT_A_SALE_TRANSACTION = "not a sale (a payment, estimate, journal or other transaction)";
/** QuickBooks Desktop's "Statement Charge": an item billed on the customer's statement, a sale (ingest/layouts). */
const STATEMENT_CHARGE = /^statement\s+charge$/i;
/**
 * A late fee or finance charge (QuickBooks Desktop enters them as statement charges, posted to
 * "Finance Charge Income"): interest on an overdue balance, no purchase.
 */
const FINANCE_CHARGE_WORDS = /\b(?:finance\s+charges?|late\s+(?:payment\s+)?(?:fees?|charges?))\b/i;
const FINANCE_CHARGE = "not a sale (a late fee or finance charge)";
/**
 * A document that bills interest or fees on an overdue balance, no goods: Business Central's
 * "Finance Charge Memo" and "Reminder" (German "Zinsrechnung", "Mahnung"), Acumatica's "Overdue
 * Charge". Skipped under FINANCE_CHARGE.
 */
export const FINANCE_CHARGE_DOC =
  /^\s*(?:finance\s+charge(?:\s+memo)?|(?:overdue|late)\s+(?:fee\s+)?charge|reminder|zinsrechnung|mahnung)\s*$/i;
/** The rule quotes (QUOTE_DOC) and, beside invoices, orders and delivery notes are skipped under. */
const NOT_SOLD_DOC = "not a sale (a quote, sales order or delivery note)";
/** The rule tax written as a line of its own (ingest/taxLines) is skipped under. */
const TAX_LINE = "tax line (VAT, sales tax)";
/**
 * Documents before the invoice: a sales order, its confirmation, a delivery note (NetSuite's "Item
 * Fulfillment"). Beside the invoices (ColumnMapping.invoicedDocsOnly) they hold the goods the
 * invoices bill again.
 */
export const PRE_INVOICE_DOC =
  /^\s*(?:(?:sales\s+)?orders?|order\s+confirmation|(?:termin|sofort|kunden|verkaufs)?auftrag|auftragsbest[äa]tigung|lieferschein|delivery(?:\s+note)?|packing\s+slip|item\s+fulfil(?:l)?ment|bon\s+de\s+(?:commande|livraison)|commande|pakbon|verkooporder|orderbevestiging|albar[aá]n|pedido|ddt|d\.d\.t\.|documento\s+di\s+trasporto|bolla(?:\s+di\s+consegna)?|ordine(?:\s+cliente)?|conferma\s+d['’]ordine)(?:\s|$)/i;
/**
 * A request to return goods, before the document that credits them: NetSuite's "Return
 * Authorization" (an RMA), a "Return Request", a "(Sales) Return Order" (Business Central, SAP).
 * It posts nothing: the credit memo issued against it is the return. Beside the invoices
 * (ColumnMapping.returnRequestsBesideInvoices), and in a transaction list whose types name their
 * sales (ExportLayout.saleDocType), its lines are skipped under RETURN_REQUEST.
 */
export const RETURN_REQUEST_DOC =
  /^\s*(?:return\s+(?:merchandise\s+)?authori[sz]ation|rma|return\s+request|(?:sales\s+)?return\s+order)\s*$/i;
/** The rule a return request's lines are skipped under: its credit memo takes the return off, once. */
const RETURN_REQUEST = "not a return (a return authorization: its credit memo is the return)";
/** An invoice document type (English, German, French, Dutch, Spanish, Italian, Polish, Czech, Nordic: "Faktura", Finnish "Lasku"). */
export const INVOICE_DOC =
  /^\s*(?:(?:sales\s+|tax\s+)?invoice|rechnung|facture|(?:verkoop)?factuur|factura|fattura|faktura|(?:myynti)?lasku)(?:\s|$)/i;
/**
 * Sage 50's transaction types that are no sale: receipts (SR, SA), discounts and refunds of
 * payments (SD, SP), purchases (PI, PC, PP, PA, PD, PR), journals and bank lines. Its sales are
 * SI and SC (a credit, in CREDIT_TYPE).
 */
/**
 * A ledger account of purchases or expenses ("Purchases", "Cost of Sales", "5000 Cost of Goods
 * Sold", "Wareneinkauf"): its lines are no sales (ingest/orders, beside a ledger column).
 */
export const PURCHASE_LEDGER =
  /\b(?:purchases?|expenses?|cost\s+of\s+(?:sales|goods(?:\s+sold)?)|cogs|wareneinkauf|achats?|inkoop)\b/i;

export const SAGE_NOT_SALE = /^\s*(?:sr|sa|sd|sp|pi|pc|pp|pa|pd|pr|ja|jd|jc|bp|br|cp|vp|vr)\s*$/i;
/**
 * Order statuses of orders that never became sales (Shopify, WooCommerce, ERPs; Xero's Voided,
 * Draft and Deleted invoices, WooCommerce's checkout drafts; Shopify's expired orders, whose
 * payment authorization lapsed uncaptured): their lines are skipped. The same words in French
 * (Annulée, Brouillon, Supprimée, Remboursée), German (Storniert, Storno, Entwurf, Gelöscht,
 * Abgebrochen, Erstattet), Dutch (Geannuleerd, Concept, Verwijderd, Terugbetaald), Spanish
 * (Anulada, Cancelada, Borrador, Eliminada, Reembolsada) and Italian (Annullata, Bozza,
 * Cancellata, Stornata, Rimborsata), as the invoicing tools of those countries write them.
 */
// ("incomplete": BigCommerce's abandoned checkout, never paid)
const VOID_STATUS =
  /^\s*(?:wc-)?(?:refunded|voided|void|cancell?ed|failed|declined|expired|trash|incomplete|(?:checkout[- ])?draft|parked|deleted|annul[ée]e?s?|brouillon|supprim[ée]e?s?|rembours[ée]e?s?|storniert|storno|entwurf|gel[öo]e?scht|abgebrochen|(?:r[üu]e?ck)?erstattet|geannuleerd|concept|verwijderd|terugbetaald|anulad[ao]s?|cancelad[ao]s?|borrador|eliminad[ao]s?|reembolsad[ao]s?|annullat[ao]|bozza|cancellat[ao]|stornat[ao]|rimborsat[ao])\s*$/i;
const VOID_ORDER = "cancelled, voided, refunded or draft order";
/** A skip rule whose noun is "order" (ruleCounted's): its rows are counted as orders and lines. */
const NAMES_ORDERS = /\border(?=$| with )/;
/** A line whose every unit was refunded (Magento's qty_refunded) in an order that stands. */
const REFUNDED_LINE = "fully refunded line";
/** A line whose every unit ordered was cancelled (Magento's qty_canceled) in an order that stands. */
const CANCELLED_LINE = "fully cancelled line";
/**
 * A voucher cancelled in Tally keeps its number and date, its party written "(cancelled )" and
 * no amount: a cancelled voucher, counted as such, not an empty line.
 */
const CANCELLED_VOUCHER = "cancelled voucher";
const CANCELLED_PARTY = /^\(\s*cancell?ed\s*\)$/i;
/** eBay's row of a multi-item order above its items: the buyer and the order's total, no item. */
const ORDER_SUMMARY_ROW = "order summary row (its items on the rows below)";
/**
 * A document type that says the invoice was voided or is a draft, where no status column does
 * ("Facture annulée", "Facture (brouillon)", "Rechnung Entwurf", "Factuur concept", "Invoice -
 * Draft"), or such a word alone (a "Type" of "Voided", as Xero and QuickBooks write a voided
 * document): the words of VOID_STATUS after an invoice word, if any. Not "storniert" or
 * "cancelled": a reversed invoice's reversal (Stornorechnung, cancellation invoice) is in the
 * file too, and takes its amount back.
 */
const VOID_INVOICE_DOC =
  /^\s*(?:(?:(?:sales\s+|tax\s+)?invoice|rechnung|facture|(?:verkoop)?factuur|factura|fattura|faktura)[\s(–-]+)?\(?(?:voided|void|draft|deleted|annul[ée]e?s?|brouillon|supprim[ée]e?s?|entwurf|gel[öo]e?scht|geannuleerd|concept|verwijderd|anulad[ao]s?|borrador|eliminad[ao]s?|annullat[ao]|bozza)\)?\s*$/i;
/**
 * An invoice waiting for approval is no sale yet (Xero's "Awaiting Approval"; a layout may name
 * more: ExportLayout.unapprovedStatus). Its lines are skipped, as a draft's are, under their own name.
 */
const UNAPPROVED_STATUS = /^\s*awaiting[\s_-]+approval\s*$/i;
const UNAPPROVED_ORDER = "unapproved (submitted or awaiting approval) order";
/** The rule a transaction its "Deleted" column marks deleted (Sage 50's audit trail) is skipped under. */
const DELETED_TRANSACTION = "deleted transaction";
/**
 * No-sale rules whose lines' value the skipped-rows warning and ingest.skipped say (a quote's or
 * a voided invoice's worth is no revenue lost, but the user checking the total wants to see what
 * was left out). Not payments, journals or receipts: their amounts are no order's worth.
 */
/**
 * The rule a document's lines repeated row for row further down the file are skipped under
 * (ingest/repeatedRuns): two exports appended with an overlap. Their value is said, left out.
 */
const REPEATED_DOCUMENT =
  "repeated lines (a document listed again further down, row for row: overlapping exports appended? Each counted once)";
/** The rule a line with a product column but no product is skipped under. */
const NO_PRODUCT_RULE = "no product";
/** A document's main line (its total, with tax) with none of its item lines in the file (NetSuite's). */
const MAIN_LINE_ONLY = "main line alone (its document's item lines not in the file)";
/** Lone main lines held until the file shows main lines beside items (settleDocument). */
const LONE_MAINS_HELD = 10_000;
/** A row with no product, held with its document (settleDocument). */
interface NoProductRow {
  row: number;
  value: number;
  cells: readonly Cell[];
}
/** The fields a repeated document's rows are compared by: a name only where no code stands beside it. */
const REPEAT_FIELDS = [
  "date",
  "accountId",
  "sku",
  "quantity",
  "revenue",
  "credit",
  "unitPrice",
  "docType",
  "currency",
  "orderStatus",
];
const VALUE_SAID: ReadonlySet<string> = new Set([
  REPEATED_DOCUMENT,
  NOT_SOLD_DOC,
  RETURN_REQUEST,
  TAX_LINE,
  LOST_DEAL,
  OPEN_DEAL,
  UNPAID_ORDER,
  ON_HOLD_DOCUMENT,
  VOID_ORDER,
  UNAPPROVED_ORDER,
  REFUNDED_LINE,
  CANCELLED_LINE,
  DELETED_TRANSACTION,
]);
/**
 * The rule a book's voucher of a type that is no sale (ExportLayout.voucherBook: Tally's Receipt,
 * Payment, Purchase) is skipped under, its type named. Its amount is said, on either side.
 */
const NOT_SALES_VOUCHER = "not a sales voucher";
function notSalesVoucher(type: string): string {
  return type === "" ? NOT_A_SALE_TRANSACTION : `${NOT_SALES_VOUCHER} ("${type}")`;
}
/** Whether a no-sale rule's lines' value is said (VALUE_SAID, or a book's other vouchers). */
function valueSaid(reason: string): boolean {
  return VALUE_SAID.has(reason) || postedEitherSide(reason);
}
/**
 * The rule a posting to a ledger account that is no sales account is skipped under, its account
 * named (a ledger report's receivables, tax or bank section; Wave's postings by account).
 */
const NOT_SALES_ACCOUNT = "not a sales account";
function notSalesAccount(ledger: string): string {
  return `${NOT_SALES_ACCOUNT} (ledger account "${ledger}")`;
}
/** Rules whose rows are postings on either side (debit or credit): their amounts said unsigned. */
function postedEitherSide(reason: string): boolean {
  return reason.startsWith(NOT_SALES_VOUCHER) || reason.startsWith(NOT_SALES_ACCOUNT);
}
/** A partly refunded order (Shopify): its lines stand as sold; which were refunded is not in the export. */
const PARTLY_REFUNDED = /^\s*partial(?:ly)?[\s_-]refunded\s*$/i;
/** Sage's sales invoice code: a document-type column that shows it holds Sage's transaction types. */
export const SAGE_INVOICE_TYPE = /^\s*si\s*$/i;
/** A credit note cancelled by its cancellation (S2, "Storno Gutschrift") in the file: no return. */
const CANCELLED_CREDIT = "cancelled credit-note line";
/** The cancellation (S2) of a credit note in the file: no sale. */
const CREDIT_NOTE_CANCELLATION = "credit-note cancellation line";
/**
 * The cancellation (S2) of a credit note not in the file (issued before it starts): no sale, no
 * order, its value said. Its pair is [its id, ""] among the cancellations given.
 */
const CANCELS_NO_CREDIT = "cancellation of a credit note not in the file";
/** Square's transaction with no goods in it (Net Sales 0, nothing refunded): a gift card sold, a $0 sale. */
const NO_GOODS_SOLD = "no goods sold (Net Sales 0: a gift card sale or a $0 transaction)";
/**
 * The rule a line of a cancellation pair is skipped under: an S1 and the invoice it cancels as a
 * voided invoice and its credit note are; an S2 and the credit note it cancels as their own.
 */
function pairRule(rule: string, docType: string): string {
  if (rule === VOID_CREDIT) return cancelsCredit(docType) ? CREDIT_NOTE_CANCELLATION : rule;
  return CREDIT_TYPE.test(docType) ? CANCELLED_CREDIT : rule;
}
/** SAP SD billing types (invoice, credit and debit memo, cancellation): their RE is a return. */
export const SAP_BILLING_TYPES = /^\s*(?:f1|f2|g2|l2|s1|s2)\s*$/i;
/** Rows of a grouped report that end a group: "Total Cable ties", "TOTAL". */
const GROUP_TOTAL = /^(?:grand\s*|sub[\s-]*)?totals?(?:\s|:|$)/i;
/** The same with the group it ends: "Total for Acme Ltd" → ["for ", "Acme Ltd"], "Total Acme Ltd", "TOTAL" → "". */
const GROUP_TOTAL_NAME = /^(?:grand\s*|sub[\s-]*)?totals?\b\s*:?\s*(for\s+)?(.*)$/i;
/** A QuickBooks report's footer: "Accrual basis Monday, November 2, 2026 10:15 AM GMT". */
const REPORT_FOOTER = /^(?:accrual|cash)\s+basis\b/i;
/**
 * The notices a report's footer carries, alone on their rows below the lines (Salesforce:
 * "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.", "Confidential Information
 * - Do Not Distribute", "Generated By: Jane Doe 31/10/2026 09:15"; eBay's orders report: "4
 * record(s) downloaded,from Aug-01-25 00:00:00 to Oct-31-26 23:59:59", "Seller ID : myshop"):
 * the footer starts there.
 */
const FOOTER_NOTICE =
  /^(?:copyright\s*(?:\(c\)|©|\d{4})|(?:©|\(c\))\s*\d{4}|all\s+rights\s+reserved\b|confidential\s+information\s*[-–:]|generated\s+by\s*:|\d[\d,.]*\s+records?(?:\(s\))?\s+(?:downloaded|exported)\b|seller\s+id\s*:)/i;

/**
 * The category a QuickBooks full name "Category:Item" is in: its first segment, the top-level
 * category ("Lighting" for "Lighting:LED Panels:600x600 4000K": the methodology's categories are
 * broad product groups, a sub-category is one of its group's products' kinds). '' for a name
 * without one ("Site survey", ":x", "Lighting:").
 */
export function productCategoryPrefix(name: string): string {
  const at = name.indexOf(":");
  if (at <= 0 || name.slice(at + 1).trim() === "") return "";
  return name.slice(0, at).trim();
}

/**
 * The product headings open above a grouped report's line (QuickBooks' sales by product/service
 * or item detail), outermost first: the product's own heading innermost, its category's (and
 * sub-category's) above it. Online writes them all in the first column, a category's heading
 * straight above its first product's; Desktop indents each level one column further, under the
 * item type ("Inventory", "Service"), which is no category. "Total for X" / "Total X" rows close them.
 */
export class ProductHeadings {
  private readonly path: { column: number; text: string; lines: boolean; name: string }[] = [];
  private readonly columns = new Set<number>();
  /** `itemTypes`: the outermost level is the item type (Desktop), not a category. */
  constructor(private readonly itemTypes: boolean) {}

  /**
   * A heading at `column`: it closes the deeper ones, and the one at its own column when that one
   * had lines of its own (a product) or the report indents its levels (Desktop); else it is inside it.
   */
  open(column: number, text: string, name = ""): void {
    const path = this.path;
    this.columns.add(column);
    while (path.length && path[path.length - 1].column > column) path.pop();
    const top = path[path.length - 1];
    if (top && top.column === column && (top.lines || this.columns.size > 1)) path.pop();
    path.push({ column, text, lines: false, name });
  }

  /** A "Total for X" / "Total X" row (`label`): closes X and the headings inside it; a bare "TOTAL" closes all. */
  close(label: string): void {
    const name = GROUP_TOTAL_NAME.exec(label.trim())?.[2].trim().toLowerCase();
    if (name === undefined) return;
    if (name === "") {
      this.path.length = 0;
      return;
    }
    for (let i = this.path.length - 1; i >= 0; i--)
      if (this.path[i].text.toLowerCase() === name) {
        this.path.length = i;
        return;
      }
  }

  /** A line under the innermost heading: it is a product. */
  line(): void {
    if (this.path.length) this.path[this.path.length - 1].lines = true;
  }

  /** The innermost heading: the product's. */
  get product(): string {
    return this.path.length ? this.path[this.path.length - 1].text : "";
  }

  /** The innermost heading's product name, where it gives one beside its code (MYOB); else ''. */
  get productName(): string {
    return this.path.length ? this.path[this.path.length - 1].name : "";
  }

  /** The top-level category heading the product stands in; '' when it stands in none. */
  get category(): string {
    const at = this.itemTypes ? 1 : 0;
    return this.path.length - 1 > at ? this.path[at].text : "";
  }
}

/**
 * Whether a lone heading names the customer of the line below it: its name or code, as written
 * or rolled up ("Borough Facilities : Borough Hospital" heading a sub-customer's lines, which read
 * as Borough Facilities), or a sub-customer's own last part ("Borough Hospital", indented).
 */
function headingNames(heading: string, names: readonly string[]): boolean {
  const t = heading.trim().toLowerCase();
  if (t === "") return false;
  for (const n of names) {
    const v = n.trim().toLowerCase();
    if (v === "") continue;
    if (v === t) return true;
    const at = v.lastIndexOf(":");
    if (at > 0 && v.slice(at + 1).trim() === t) return true;
  }
  return false;
}

/** A ledger section's balance rows: "Opening Balance", "Closing Balance". */
const BALANCE_ROW = /^(?:opening|closing)\s+balance\b/i;

/**
 * What a ledger report's sections (account → read as sales) say to the user: which were read and
 * which skipped, or, with no sales account among them, that nothing was read and what to export.
 */
function ledgerWarning(
  sections: ReadonlyMap<string, boolean>,
  transactionLines = false
): string | undefined {
  const quoted = (sales: boolean) =>
    [...sections]
      .filter(([, s]) => s === sales)
      .map(([name]) => `"${name}"`)
      .join(", ");
  const read = quoted(true);
  const skipped = quoted(false);
  if (!skipped) return undefined;
  // a transaction search's lines (NetSuite), not a ledger report's sections
  if (transactionLines)
    return read
      ? `Only the lines on income accounts (${read}) are read: ${skipped} hold each transaction's total again (its main line, with tax), its tax, or an item's cost, no sales.`
      : `None of the lines' accounts (${skipped}) is an income account, so no line was read: they hold each transaction's total (its main line, with tax), its tax, or an item's cost. Run the search with its item lines (Main Line false), which post to your income accounts.`;
  if (!read)
    return `None of the report's ledger accounts (${skipped}) is a sales account, so none of its lines was read: a receivables or bank account holds each sale again with its VAT, and the payments. Run Account Transactions for your sales account alone (such as "200 - Sales"), or export the sales invoices (Sales › Invoices › Export) and analyse that file.`;
  return `The report lists ${sections.size} ledger accounts: KAP read ${read} (sales) and skipped ${skipped}, which hold${sections.size - [...sections.values()].filter(Boolean).length === 1 ? "s" : ""} the same sales again (with VAT) or payments: read too, each sale would count twice.`;
}

/**
 * Whether `id` starts with one of `prefixes` (lower-case) and then a digit, a dash, a space or a
 * slash: "AV00003", "GU-0033", "NC 12/2026", "FK/3/2026"; a longer prefix (an Odoo journal's,
 * creditNotePrefixes) only before a slash: "RINV/2026/00001".
 */
export function hasIdPrefix(id: string, prefixes: readonly string[]): boolean {
  if (id.length < 3) return false;
  const c = id.charCodeAt(2);
  if (
    (c === 45 || c === 32 || c === 47 || (c >= 48 && c <= 57)) &&
    prefixes.includes(id.slice(0, 2).toLowerCase())
  )
    return true;
  for (const p of prefixes)
    if (
      p.length > 2 &&
      id.length > p.length &&
      id.charCodeAt(p.length) === 47 &&
      id.slice(0, p.length).toLowerCase() === p
    )
      return true;
  return false;
}

/**
 * Credit notes numbered apart from the invoices, each credit prefix with the invoice prefixes it
 * stands beside: French systems (Sage 100, EBP) number factures FA… and avoirs AV…, German ones
 * Rechnungen RE…/RG… and Gutschriften GU…/GS…, Italian ones fatture FT… and note di credito NC…,
 * Polish faktury FV…/FS… and faktury korygujące FK…, Czech faktury FV… and dobropisy DB….
 */
export const CREDIT_ID_PREFIXES: readonly { credit: string; invoices: readonly string[] }[] = [
  { credit: "av", invoices: ["fa"] },
  { credit: "gu", invoices: ["re", "rg"] },
  { credit: "gs", invoices: ["re", "rg"] },
  { credit: "nc", invoices: ["ft"] },
  { credit: "fk", invoices: ["fv", "fs"] },
  { credit: "db", invoices: ["fv"] },
];

/**
 * An Odoo journal's document number: the journal's code, a slash, the year ("INV/2026/00001").
 * Odoo numbers a journal's credit notes "R" + its code (RINV/2026/00001): account.move's
 * reversal sequence.
 */
const JOURNAL_ID = /^([A-Za-z][A-Za-z0-9]{0,5})\/\d/;

/**
 * Credit-note prefixes an order book's ids show (CREDIT_ID_PREFIXES, and Odoo's "R" + a journal's
 * code). A credit prefix counts only beside its invoice prefixes, and on fewer ids than they (a
 * book is mostly invoices); [] when the ids show none.
 */
export function creditNotePrefixes(ids: Iterable<string>): string[] {
  const count = new Map<string, number>();
  const journals = new Map<string, number>();
  // an order's lines repeat its id: each run of one id is taken apart once, counted per line
  let last: string | undefined;
  let two: string | undefined;
  let journal: string | undefined;
  for (const id of ids) {
    if (id !== last) {
      last = id;
      const first = id.slice(0, 2).toLowerCase();
      two = hasIdPrefix(id, [first]) ? first : undefined;
      journal = JOURNAL_ID.exec(id)?.[1].toLowerCase();
    }
    if (two !== undefined) count.set(two, (count.get(two) ?? 0) + 1);
    if (journal) journals.set(journal, (journals.get(journal) ?? 0) + 1);
  }
  const n = (p: string) => count.get(p) ?? 0;
  const table = CREDIT_ID_PREFIXES.filter(({ credit, invoices }) => {
    const invoiceIds = invoices.reduce((sum, p) => sum + n(p), 0);
    return n(credit) > 0 && n(credit) < invoiceIds;
  }).map(({ credit }) => credit);
  const reversals = [...journals]
    .filter(
      ([code, k]) => code.length > 1 && code[0] === "r" && k < (journals.get(code.slice(1)) ?? 0)
    )
    .map(([code]) => code)
    .filter((code) => !table.includes(code));
  return [...table, ...reversals];
}

/** The two-letter codes of CREDIT_ID_PREFIXES, credit and invoice alike. */
const CREDIT_TABLE_CODES: ReadonlySet<string> = new Set(
  CREDIT_ID_PREFIXES.flatMap(({ credit, invoices }) => [credit, ...invoices])
);

/**
 * Whether an id counts towards creditNotePrefixes: one with a credit or invoice prefix of
 * CREDIT_ID_PREFIXES, or an Odoo journal's. Ids that do not leave its answer as it is.
 */
export function countsForCreditPrefixes(id: string): boolean {
  const first = id.slice(0, 2).toLowerCase();
  return (CREDIT_TABLE_CODES.has(first) && hasIdPrefix(id, [first])) || JOURNAL_ID.test(id);
}

/** The invoice prefixes, as written (upper case), that credit prefixes `credits` were found beside: ["FT"] for ["nc"], ["INV"] for ["rinv"]. */
export function invoicePrefixesBeside(credits: readonly string[]): string[] {
  const out = new Set<string>();
  for (const { credit, invoices } of CREDIT_ID_PREFIXES)
    if (credits.includes(credit)) out.add(invoices[0].toUpperCase());
  for (const credit of credits)
    if (!CREDIT_ID_PREFIXES.some((p) => p.credit === credit))
      out.add(credit.slice(1).toUpperCase());
  return [...out];
}

/** Whether the pairs found over the file are the ones given (the session's sample found them all). */
/** The pairs found, and each S2 that cancels no credit note in the file as [its id, ""]. */
function billingFound(found: BillingCancellations): Map<string, string> {
  const all = new Map(found.pairs);
  for (const id of found.unpaired) if (found.ofCredits?.has(id)) all.set(id, "");
  return all;
}

function samePairs(
  found: ReadonlyMap<string, string>,
  given: readonly (readonly [string, string])[] | undefined
): boolean {
  const n = given?.length ?? 0;
  return found.size === n && (n === 0 || given!.every(([c, i]) => found.get(c) === i));
}

function text(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    // Most cells have no surrounding space: two character tests cost less than trim().
    const n = v.length;
    if (n === 0) return v;
    const a = v.charCodeAt(0);
    const b = v.charCodeAt(n - 1);
    return a > 32 && a < 127 && b > 32 && b < 127 ? v : v.trim();
  }
  if (typeof v === "number") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Whether a text cell of the row names a late fee or finance charge (FINANCE_CHARGE_WORDS). */
function namesFinanceCharge(row: readonly Cell[]): boolean {
  for (const v of row) if (typeof v === "string" && FINANCE_CHARGE_WORDS.test(v)) return true;
  return false;
}

/** A line of a partially refunded order, read ahead: its row in the rows pushed, its quantity and value. */
interface RefundableLine {
  at: number;
  quantity: number;
  value: number;
}

/** An order's share before tax, (Total − Taxes) / Total; 1 when they do not read so. */
function netShare(totalCell: Cell, taxCell: Cell, convention?: ColumnConvention): number {
  const total = parseMoney(totalCell, convention)?.value;
  const tax = parseMoney(taxCell, convention)?.value;
  return total !== undefined && tax !== undefined && total > 0 && tax >= 0 && tax < total
    ? (total - tax) / total
    : 1;
}

function roundCents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** 1234.5 → "1,234.50" (no currency: the skipped rows may be in several). */
/** "kr" when a money cell is written with the krona's "kr" ("1 249,50 kr"); a first look at its ends spares the rest. */
function kronaOf(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.length < 3) return undefined;
  const last = raw.charCodeAt(raw.length - 1) | 32;
  const first = raw.charCodeAt(0) | 32;
  // r, ".", or a space after it; k at the start
  if (last !== 114 && last !== 46 && last !== 32 && first !== 107) return undefined;
  return sharedSymbolOfText(raw, undefined);
}

function plainMoney(x: number, culture?: string): string {
  const o = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  try {
    return x.toLocaleString(culture ?? "en-GB", o);
  } catch {
    return x.toLocaleString("en-GB", o); // a culture tag Intl refuses: en-GB, as with none
  }
}

/** 0.149 → "14.9%" (de-DE "14,9 %"); under 0.1% → "<0.1%". */
function formatShare(f: number, culture?: string): string {
  const pct = f * 100;
  return pct > 0 && pct < 0.1
    ? `<${percentText("0.1", culture)}`
    : percentText(pct.toFixed(1), culture);
}

export function createOrderParser(
  mapping: ColumnMapping,
  options: OrderParserOptions
): OrderParser {
  // one spelling per product code and per category, whatever the letter case (ingest/spellings)
  const skuSpellings = new Spellings();
  const categorySpellings = new Spellings();
  // a line's tax test and its code's and category's spellings, by its label: one look-up a line
  const products = new ProductMemo(skuSpellings, categorySpellings);
  // Every order field present from the start (-1 = not mapped): a fixed-shape object keeps the
  // per-row lookups fast, where a dictionary built field by field would not.
  const col: Record<string, number> = {
    accountId: -1,
    accountName: -1,
    date: -1,
    orderId: -1,
    sku: -1,
    productName: -1,
    category: -1,
    quantity: -1,
    revenue: -1,
    credit: -1,
    unitPrice: -1,
    listPrice: -1,
    discount: -1,
    lineDiscount: -1,
    docType: -1,
    orderedBy: -1,
    accountEmail: -1,
    firstName: -1,
    lastName: -1,
    site: -1,
    currency: -1,
    orderStatus: -1,
    cancelledAt: -1,
    ledgerAccount: -1,
    taxAmount: -1,
    amountTypes: -1,
    refundedAmount: -1,
    refundSubtotal: -1,
    refundShipping: -1,
    refundTotal: -1,
    orderDiscount: -1,
    orderShipping: -1,
    shippingLeftOut: -1,
    lineType: -1,
    orderSubtotal: -1,
    priceUnit: -1,
    orderTotal: -1,
    orderTax: -1,
    invoiceTotal: -1,
    invoiceTaxTotal: -1,
    orderSuffix: -1,
  };
  for (const f of mapping.fields) col[f.field] = f.column;
  const layout = layoutById(mapping.layout);
  const productHeadings = !!layout?.productFromHeadings;
  const accountHeadings = !!layout?.accountFromHeadings;
  const headingsInDateColumn = accountHeadings && !!layout?.headingsInDateColumn;
  const salesLedger = layout?.salesLedger;
  const headings = productHeadings || accountHeadings || !!salesLedger;
  const customerJob = !!layout?.customerJob;
  const itemLinesOnly = !!layout?.itemLinesOnly;
  /** sub-customers rolled up ("Parent : Sub") → their parent, for the user */
  const subCustomers = new Map<string, string>();
  /** a sub-customer past SUB_CUSTOMERS_KEPT was met: the counts said are "more than" */
  let subCustomersPast = false;
  /** the first sub-customer counted, as written in the name where it is split there */
  let subCustomerExample = "";
  const continuationLines =
    (!!layout?.orderFieldsOnFirstLine || !!options.orderFieldsOnFirstLine) && col.orderId >= 0;
  /**
   * A totals row naming a customer ("Acme Ltd Total") or nothing of the lines ("Grand Total" in
   * the customer's column, a bare row of sums) ends the lines that take an order's or customer's
   * cells from above; a subtotal within them (a PivotTable's "02/09/2026 Total") does not.
   */
  function endLinesAbove(row: readonly Cell[]): void {
    const named =
      (col.accountName >= 0 && !isBlankCell(row[col.accountName])) ||
      (col.accountId >= 0 && !isBlankCell(row[col.accountId]));
    if (named || isBlankCell(row[col.date])) endLines();
  }
  /** The lines above no longer lend their cells (a blank row, a total): the next names its own. */
  function endLines(): void {
    orderAbove = "";
    if (lineAbove) lineAbove.key = lineAbove.name = "";
  }
  /** cells written once for the lines below, decided from the sample (not a layout's own rule) */
  const firstLineCells = !!options.orderFieldsOnFirstLine || !!options.customerOnFirstLine;
  /** the order above's date cell: a line of its own date is no later line of that order */
  let orderAboveDate: Cell = null;
  /** A line value before the line's discount %, less it (a discount written "10%" or 10, or 0.1 as a fraction); NaN: the discount is unreadable. */
  function lessDiscount(row: readonly Cell[], value: number): number {
    const dc = row[col.discount];
    if (col.discount < 0 || isBlankCell(dc)) return value;
    const percent = typeof dc === "string" && dc.includes("%");
    const d = parseMoney(percent ? dc.replace("%", "") : dc, discDec)?.value;
    if (d === undefined) return NaN;
    return value * (1 - (percent ? d / 100 : d * discountScale));
  }
  /** Whether the row holds a customer (its code, its name or both) and nothing else. */
  function namesOnlyCustomer(row: readonly Cell[]): boolean {
    let named = false;
    for (let k = 0; k < row.length; k++) {
      if (isBlankCell(row[k])) continue;
      if (k !== col.accountId && k !== col.accountName) return false;
      named = true;
    }
    return named;
  }
  /** Whether the row names a product (a line, not a row of sums). */
  function namesProduct(row: readonly Cell[]): boolean {
    return (
      (col.sku >= 0 && !isBlankCell(row[col.sku])) ||
      (col.productName >= 0 && !isBlankCell(row[col.productName]))
    );
  }
  /**
   * With no order id column, the customer and date on their first line only (the sample says so,
   * ingest/firstLineFields): the last customer written and its date, which a line leaving them
   * blank takes.
   */
  const lineAbove =
    (options.orderFieldsOnFirstLine && col.orderId < 0) || options.customerOnFirstLine
      ? { key: "", name: "", date: null as Cell }
      : undefined;
  /** the last order id written (Odoo's later lines, a report's or PivotTable's, leave it blank) */
  let orderAbove = "";
  /**
   * The order whose first line was read last and the currency written there, taken or skipped:
   * its later lines (Shopify's, Odoo's) leave the currency blank, and are in it whether they are
   * taken or skipped with a cancelled or unpaid order. The order of the row being read, '' until known.
   */
  let firstLineOrderKey = "";
  let firstLineCurrency = "";
  let rowOrderKey = "";
  const summaryAboveItems = !!layout?.orderSummaryAboveItems && col.orderId >= 0;
  /** the order summary row read last (eBay): its order id, its buyer's name and its date */
  let summaryAbove: { key: string; name: string; date: Cell } = { key: "", name: "", date: null };
  const stockMovement = !!layout?.stockMovement;
  /**
   * the line revenue is before the line's money discount (Amazon's item-price and
   * item-promotion-discount; a "Subtotal" whose line total shows it, ingest/subtotalDiscount)
   */
  const revenueBeforeLineDiscount =
    (!!layout?.revenueBeforeLineDiscount || !!mapping.revenueBeforeLineDiscount) &&
    col.lineDiscount >= 0;
  const creditIdPrefixes = options.creditIdPrefixes?.length ? options.creditIdPrefixes : undefined;
  const docCreditCodes = options.docCreditCodes?.length
    ? new Set(options.docCreditCodes)
    : undefined;
  const docNotSaleCodes = new Set(options.docNotSaleCodes ?? []);
  const saleEntryType = layout?.saleEntryType;
  const saleDocType = layout?.saleDocType;
  const layoutCreditDoc = layout?.creditDocType;
  const layoutVoidStatus = layout?.voidStatus;
  /** the layout's own rule for a document type that is no sale, its value said (a CFDI's pago) */
  const layoutNoSaleRule = layout?.noSaleDocRule;
  /** the rule a type that is no sale is skipped under: a book's vouchers each under its own name */
  const notSaleDocRule = (type: string): string =>
    RETURN_REQUEST_DOC.test(type)
      ? RETURN_REQUEST
      : FINANCE_CHARGE_DOC.test(type)
        ? FINANCE_CHARGE
        : layout?.voucherBook
          ? notSalesVoucher(type)
          : (layoutNoSaleRule ?? NOT_A_SALE_TRANSACTION);
  const unapprovedStatus = layout?.unapprovedStatus ?? UNAPPROVED_STATUS;
  /** The column packing each order's products (BigCommerce), -1: none (ingest/packedLines) */
  const packedProducts = mapping.packedProducts ?? -1;
  /** the name of the packed product being read, the row being unpacked and the rules it was rejected under */
  let packedName: string | undefined;
  let unpackingRow = -1;
  const unpackingRejected = new Set<string>();
  /** Magento's line discounts and refunds (ingest/lineRefunds) */
  const lineRefunds = mapping.lineRefunds;
  /** Magento's configurable products: their option rows (ingest/configurableItems) */
  const configurable = mapping.configurableItems
    ? new ConfigurableItems(mapping.configurableItems)
    : undefined;
  /** GSTR-1's amendments: the column naming the original, and every line held to the end */
  const amendedFromAt = mapping.amendedFrom ?? -1;
  const amendments = amendedFromAt >= 0 ? new Amendments() : undefined;
  /** the option row of the configurable product on the row being read */
  let configurableOption: readonly Cell[] | undefined;
  /** Square's transactions: the column of each row's refunds by amount, -1: none */
  const partialRefundsAt = mapping.partialRefunds ?? -1;
  /** Magento's order grid: each order's discount and refund (ingest/orderRefunds) */
  const orderRefunds = mapping.orderRefunds;
  /**
   * An order refunded in part whatever its status (WooCommerce's Advanced Order Export "Order
   * Refund Amount", Squarespace's "Amount Refunded" on a PAID order): netted or flagged as Shopify's partially refunded orders are, unless its lines are read
   * net of their refunds ("Order Line Total (- Refund)", or "Quantity (- Refund)" × its price).
   */
  const refundsBesideStatus =
    (wooCommerceColumns(mapping.layout) || mapping.layout === "squarespace") &&
    col.refundedAmount >= 0 &&
    !/refund/.test(
      normaliseHeader(mapping.fields.find((f) => f.field === "revenue")?.header ?? "")
    ) &&
    // "Quantity (- Refund)" × "Item Cost": the units refunded are out of each line already
    !(
      col.revenue < 0 &&
      /refund/.test(
        normaliseHeader(mapping.fields.find((f) => f.field === "quantity")?.header ?? "")
      )
    );
  /** BigCommerce's orders: each order's discount and refund, before its products share it (ingest/packedLines) */
  const bigCommerceTotals = mapping.bigCommerceTotals;
  /** its partly refunded orders read net of the refund: how many, the first few, and in all */
  let ordersNetOfRefund = 0;
  const netOfRefundExamples: string[] = [];
  /** the orders whose refund held more than their goods (shipping, tax, a fee), skipped as refunded */
  let refundedPastGoods = 0;
  /** A shop's orders awaiting payment are no sales yet, save those on payment terms (this column filled). */
  const unpaidTerms = mapping.unpaidIsNoSale;
  const onPaymentTerms = (row: readonly Cell[]): boolean =>
    !!unpaidTerms && unpaidTerms.termsColumn >= 0 && !isBlankCell(row[unpaidTerms.termsColumn]);
  const guestAccounts = !!layout?.accountFromOrderedBy && col.orderedBy >= 0;
  /** WooCommerce's guest checkout id; with no customer id at all, every order is as a guest's */
  const guestAccountId = layout?.guestAccountId;
  const invoicedDocsOnly = !!mapping.invoicedDocsOnly;
  const returnRequestsSkipped = !!mapping.returnRequestsBesideInvoices;
  /**
   * A transaction marked deleted that would otherwise be read as a sale: a payment, a purchase
   * or a journal marked so is left to the rules that skip it as no sale, its value unsaid.
   */
  const deletedAt = mapping.deletedColumn ?? -1;
  const deletedSale = (row: readonly Cell[]): boolean => {
    if (deletedAt < 0 || !isDeletedMark(row[deletedAt])) return false;
    const type = col.docType >= 0 ? text(row[col.docType]) : "";
    return !(
      (saleDocType && !saleDocType.test(type)) ||
      (options.sageDocTypes && SAGE_NOT_SALE.test(type)) ||
      OTHER_TRANSACTION.test(type)
    );
  };
  /** each document of an S1 cancellation pair, and the rule its lines are skipped under */
  const cancelledBilling = options.cancelledBilling?.length
    ? new Map<string, string>(
        options.cancelledBilling.flatMap(([cancellation, cancelled]): [string, string][] =>
          cancelled === ""
            ? [[cancellation, CANCELS_NO_CREDIT]]
            : [
                [cancellation, VOID_CREDIT],
                [cancelled, VOID_ORDER],
              ]
        )
      )
    : undefined;
  /**
   * SAP's billing documents, noted line by line, to pair the S1 cancellations with the invoices
   * they cancel over the whole file (ingest/cancellations); read as the session's sample reads them
   */
  const billingAccount = col.accountId >= 0 ? col.accountId : col.accountName;
  const billingColumns =
    col.docType >= 0 && col.orderId >= 0 && col.revenue >= 0 && billingAccount >= 0;
  const billingPairing =
    (options.sapDocTypes || options.cancellationWords || options.pairCancellations) &&
    billingColumns
      ? new BillingPairing((t) => CREDIT_TYPE.test(t))
      : undefined;
  /**
   * With no pairing, a cancellation met past the sample is watched for: one test a run of one
   * document type, until the first (the session then reads the file again, pairing on).
   */
  let watchCancellations = !billingPairing && billingColumns;
  let typeWatched: Cell = null;
  let cancellationsPastSample: { words: boolean } | undefined;
  const returnSide = mapping.returnSide;
  /** every line's currency where the report names its home currency (ingest/plausible) */
  const homeCurrency = mapping.homeCurrency ?? "";
  const emailIds =
    shopifyColumns(mapping.layout) &&
    /^e ?mail$/.test(
      normaliseHeader(mapping.fields.find((f) => f.field === "accountId")?.header ?? "")
    );
  /**
   * Each document type written in the file, and the rule it is no sale under: a quote, an order
   * beside invoices (NOT_SOLD_DOC), an invoice the type calls cancelled or a draft (VOID_ORDER),
   * a return authorization beside invoices (RETURN_REQUEST), a finance charge memo or reminder
   * (FINANCE_CHARGE); "" for a sale or a return.
   */
  const noSaleDoc = new Map<string, string>();
  function noSaleDocRule(docType: string): string {
    let rule = noSaleDoc.get(docType);
    if (rule === undefined) {
      rule = docTypeNoSaleRule(docType);
      if (noSaleDoc.size < 1000) noSaleDoc.set(docType, rule);
    }
    return rule;
  }
  function docTypeNoSaleRule(docType: string): string {
    if (VOID_INVOICE_DOC.test(docType)) return VOID_ORDER;
    if (FINANCE_CHARGE_DOC.test(docType)) return FINANCE_CHARGE;
    if (returnRequestsSkipped && RETURN_REQUEST_DOC.test(docType)) return RETURN_REQUEST;
    // a system's code of a quote or inquiry (SAP's AG, AF: ingest/docTypeCodes), SAP's pro forma
    if (docNotSaleCodes.has(docType.toUpperCase())) return NOT_SOLD_DOC;
    if (options.sapDocTypes && SAP_PRO_FORMA.test(docType)) return NOT_SOLD_DOC;
    const notSold = QUOTE_DOC.test(docType) || (invoicedDocsOnly && PRE_INVOICE_DOC.test(docType));
    return notSold && !CREDIT_TYPE.test(docType) ? NOT_SOLD_DOC : "";
  }
  /**
   * A row with no item whose next row is an item of the same order (or the rows pushed end):
   * the summary row eBay writes above a multi-item order's items.
   */
  function isOrderSummary(row: readonly Cell[], orderKey: string): boolean {
    const hasItem = (r: readonly Cell[]) =>
      (col.sku >= 0 && !isBlankCell(r[col.sku])) ||
      (col.productName >= 0 && !isBlankCell(r[col.productName]));
    if (hasItem(row)) return false;
    const next = chunk[chunkAt + 1];
    return !next || (text(next[col.orderId]) === orderKey && hasItem(next));
  }
  /** The billing person's name, "First Last" (WooCommerce's First Name and Last Name), or "". */
  function buyerName(row: readonly Cell[]): string {
    const first = col.firstName >= 0 ? text(row[col.firstName]) : "";
    const last = col.lastName >= 0 ? text(row[col.lastName]) : "";
    return first && last ? `${first} ${last}` : first || last;
  }
  /** A Shopify order's Refunded Amount (with its tax and shipping), when it is one. */
  function refundedOf(row: readonly Cell[]): number | undefined {
    const v = parseMoney(row[col.refundedAmount], priceDec)?.value;
    return v !== undefined && v > 0 ? v : undefined;
  }
  /**
   * The later lines of the order whose first line is being read (Shopify writes an order's lines
   * on consecutive rows of one Name): each one's row in the rows pushed, its quantity and its
   * value (Lineitem quantity × price less its line discount). Undefined when one does not read,
   * or when the order may go on past the rows pushed.
   */
  function laterLinesOf(orderKey: string): RefundableLine[] | undefined {
    const lines: RefundableLine[] = [];
    for (let i = chunkAt + 1; i < chunk.length; i++) {
      const r = chunk[i];
      if (text(r[col.orderId]) !== orderKey) return lines;
      const q = col.quantity >= 0 ? parseQuantity(r[col.quantity], qtyDec) : undefined;
      const p = col.unitPrice >= 0 ? parseMoney(r[col.unitPrice], priceDec)?.value : undefined;
      const d =
        col.lineDiscount >= 0 && !isBlankCell(r[col.lineDiscount])
          ? parseMoney(r[col.lineDiscount], lineDiscDec)?.value
          : 0;
      if (q === undefined || !(q > 0) || p === undefined || d === undefined) return undefined;
      lines.push({ at: i, quantity: q, value: q * p - Math.abs(d) });
    }
    return linesEnd ? lines : undefined;
  }
  /**
   * The values of the later lines of the invoice whose first line is being read (Xero writes an
   * invoice's lines on consecutive rows of one InvoiceNumber): LineAmount, else Quantity ×
   * UnitAmount less the Discount %. Undefined when one does not read, or when the invoice may go
   * on past the rows pushed.
   */
  function laterValuesOf(orderKey: string): number[] | undefined {
    const values: number[] = [];
    for (let i = chunkAt + 1; i < chunk.length; i++) {
      const r = chunk[i];
      if (text(r[col.orderId]) !== orderKey) return values;
      let v: number | undefined;
      if (col.revenue >= 0) v = parseMoney(r[col.revenue], revDec)?.value;
      else {
        const q = col.quantity >= 0 ? parseQuantity(r[col.quantity], qtyDec) : undefined;
        const p = col.unitPrice >= 0 ? parseMoney(r[col.unitPrice], priceDec)?.value : undefined;
        const dc = col.discount >= 0 ? r[col.discount] : null;
        const pct = typeof dc === "string" && dc.includes("%");
        const d = isBlankCell(dc)
          ? 0
          : parseMoney(pct ? (dc as string).replace("%", "") : dc, discDec)?.value;
        const fraction = d === undefined ? undefined : pct ? d / 100 : d * discountScale;
        v =
          q === undefined || p === undefined || fraction === undefined
            ? undefined
            : q * p * (1 - fraction);
      }
      if (v === undefined) return undefined;
      values.push(v);
    }
    return linesEnd ? values : undefined;
  }
  /**
   * Whether the invoice whose first line (of value `lineValue`) is being read was entered
   * tax-inclusive: its lines add up to its Total (which holds the tax), where a tax-exclusive
   * one's add up to Total − TaxTotal. True (as the file mostly is) when its Total does not say.
   */
  function invoiceIsInclusive(row: readonly Cell[], orderKey: string, lineValue: number): boolean {
    const total = parseMoney(row[col.invoiceTotal], revDec)?.value;
    const tax = parseMoney(row[col.invoiceTaxTotal], revDec)?.value;
    const later = laterValuesOf(orderKey);
    if (total === undefined || !tax || !later) return true;
    const sum = later.reduce((t, v) => t + v, lineValue);
    const near = (a: number, b: number) => Math.abs(a - b) <= 0.006 * (later.length + 1);
    return near(sum, total) || !near(sum + tax, total);
  }
  /**
   * A partially refunded order's refund before tax, read on its first line when the export shows
   * it exactly: the order's Subtotal is the sum of its lines' values, it has no shipping (which a
   * refund may hold), and either no tax (the refund is all goods) or tax at the order's rate
   * (Refunded × Subtotal ÷ Total). One line: the refund comes off it (whole units of it where it
   * is taxed). Several lines (read ahead among the rows pushed): the refund must be whole units of
   * exactly one of them, which it comes off; otherwise which line was refunded is not shown.
   * Undefined otherwise, and in a store whose prices include tax (its lines are read at their
   * order's net share already). `at` is the refunded line's row in the rows pushed.
   */
  function exactRefund(
    row: readonly Cell[],
    orderKey: string,
    lineValue: number,
    quantity: number | undefined,
    price: number | undefined
  ): { goods: number; units: number; at: number; lines: number; said: string } | undefined {
    if (col.refundedAmount < 0 || col.refundSubtotal < 0 || col.orderTotal >= 0) return undefined;
    const money = (c: number) => (isBlankCell(row[c]) ? 0 : parseMoney(row[c], priceDec)?.value);
    const refunded = money(col.refundedAmount);
    const subtotal = money(col.refundSubtotal);
    const shipping = money(col.refundShipping);
    const total = money(col.refundTotal);
    if (refunded === undefined || subtotal === undefined || total === undefined) return undefined;
    if (!(refunded > 0) || shipping !== 0 || !(subtotal > 0) || total < subtotal - 0.005)
      return undefined;
    const taxed = total - subtotal > 0.005;
    const before = taxed ? (refunded * subtotal) / total : refunded;
    const header =
      mapping.fields.find((f) => f.field === "refundedAmount")?.header ?? "Refunded Amount";
    // `asGoods`: a taxed order's refund that is whole units at their price with no tax on it
    // (Squarespace's 10.00 back on a 5 × 10.00 line of an order taxed at 8%)
    const said = (goods: number, whole: string, asGoods = false) =>
      taxed && !asGoods
        ? `${header} ${plainMoney(refunded, options.culture)} with tax at the order's rate is ${plainMoney(goods, options.culture)} before tax${whole}`
        : `${header} ${plainMoney(refunded, options.culture)}${whole}${asGoods ? ", no tax refunded with it" : ""}`;
    if (Math.abs(subtotal - lineValue) > 0.005) {
      const later = laterLinesOf(orderKey);
      if (!later?.length || quantity === undefined || !(quantity > 0)) return undefined;
      const lines = [{ at: chunkAt, quantity, value: lineValue }, ...later];
      const sum = lines.reduce((t, l) => t + l.value, 0);
      if (Math.abs(sum - subtotal) > 0.005) return undefined;
      // whole units of one line, and of one line only (else which was refunded is not shown)
      const fitsOf = (amount: number) =>
        lines
          .map((l, n) => ({ ...l, n, units: Math.round((amount * l.quantity) / l.value) }))
          .filter(
            (l) =>
              l.value > 0 &&
              l.units >= 1 &&
              l.units <= l.quantity &&
              Math.abs(amount - (l.units * l.value) / l.quantity) <= 0.005
          );
      let fits = fitsOf(before);
      const asGoods = fits.length !== 1 && taxed;
      if (asGoods) fits = fitsOf(refunded);
      if (fits.length !== 1) return undefined;
      const [hit] = fits;
      const goods = (hit.units * hit.value) / hit.quantity;
      const each = plainMoney(hit.value / hit.quantity, options.culture);
      return {
        goods,
        units: hit.units,
        at: hit.at,
        lines: lines.length,
        said: said(
          goods,
          `, ${hit.units} of the ${hit.quantity} × ${each} on its line ${hit.n + 1} of ${lines.length}`,
          asGoods
        ),
      };
    }
    let goods = before;
    let units = 0;
    let asGoods = false;
    if (price !== undefined && price > 0 && quantity !== undefined) {
      const wholeUnits = (amount: number) => {
        const k = Math.round(amount / price);
        return k >= 1 && k <= quantity && Math.abs(amount - k * price) <= 0.005 ? k : 0;
      };
      units = wholeUnits(before);
      if (units === 0 && taxed) {
        units = wholeUnits(refunded);
        asGoods = units > 0;
      }
      if (units) goods = units * price;
    }
    // tax at the order's rate is sure only when it leaves whole units
    if ((taxed && units === 0) || goods > lineValue + 0.005) return undefined;
    const whole = units
      ? `, ${units} of its ${quantity} × ${plainMoney(price!, options.culture)}`
      : "";
    return { goods, units, at: chunkAt, lines: 1, said: said(goods, whole, asGoods) };
  }
  /** A credit-note line held to the end and read there: counted as parseRow counts the lines it accepts. */
  function acceptHeld(line: OrderLine, sink: (line: OrderLine) => void): void {
    report.accepted++;
    sums.accepted += line.revenue;
    if (line.currency !== revenueRunCurrency) {
      if (report.accepted > 1) fileRevenueRun();
      revenueRunCurrency = line.currency;
    }
    sums.run += line.revenue;
    if (line.isReturn) report.returns++;
    if (line.accountId !== lastAccount && countAccounts) {
      accounts.add(line.accountId);
      lastAccount = line.accountId;
    }
    if (line.date < firstDate) firstDate = line.date;
    if (line.date > lastDate) lastDate = line.date;
    if (!line.isReturn && line.date > lastSaleDate) lastSaleDate = line.date;
    sink(line);
  }
  /**
   * An order settled when it ended (ingest/orderDiscount): its discount line, or its lines held
   * less their shares of the discount, handed over; the revenue counted changes by the discount.
   */
  function acceptOrderDiscount(
    settled: SettledDiscount | undefined,
    sink: ((line: OrderLine) => void) | undefined
  ): void {
    if (!settled || !sink) return;
    for (const line of settled.lines) sink(line);
    if (settled.change === 0) return;
    sums.accepted += settled.change;
    if (settled.currency !== revenueRunCurrency) {
      if (report.accepted > 0) fileRevenueRun();
      revenueRunCurrency = settled.currency;
    }
    sums.run += settled.change;
  }
  /** Guest accounts: companies named on orders with an account id (e-mail), and on orders without one. */
  const keyedCompanies = new Set<string>();
  const unkeyedCompanies = new Map<string, string>();
  /** A grouped report's title block (company, report name, dates) stands above its header row: reported as skipped. */
  const titleRows = headings ? mapping.headerRow : 0;
  // No product column at all: an invoice-level file, analysed for all that needs no product.
  const hasProducts = col.sku >= 0 || col.productName >= 0 || productHeadings;
  const categoryForProduct = !hasProducts && col.category >= 0;
  // QuickBooks' "Category:Item" product names, no category column: the name's first segment.
  const categoryFromSku = !!mapping.categoryFromProductPrefix && col.category < 0;
  // Odoo's category paths: the top level below its roots (ingest/categoryPath), once per path
  const odooPaths = mapping.categoryOdooPath ? new Map<string, string>() : undefined;
  const categoryText = (t: string): string => {
    if (!odooPaths || t === "") return t;
    let top = odooPaths.get(t);
    if (top === undefined) odooPaths.set(t, (top = odooTopCategory(t)));
    return top;
  };
  const dec = (f: NumberField): ColumnConvention | undefined => options.numbers?.[f];
  const qtyDec = dec("quantity");
  const revDec = dec("revenue");
  const creditDec = dec("credit");
  const priceDec = dec("unitPrice");
  const listDec = dec("listPrice");
  const discDec = dec("discount");
  const lineDiscDec = dec("lineDiscount");
  const discountScale = options.discountIsFraction ? 1 : 0.01;
  /** the line value column's unit, from its header ("thousand EUR": 1,000) */
  const revenueScale = mapping.revenueScale ?? 1;
  /** Discounts on a whole order: Shopify's as a discount line, Zoho's spread over the lines (ingest/orderDiscount). */
  const orderDiscountHeader = mapping.fields.find((m) => m.field === "orderDiscount")?.header;
  const discountOnGoods = isDiscountOnGoodsHeader(orderDiscountHeader);
  const orderDiscounts = showsOrderDiscounts(col, discountOnGoods)
    ? new OrderDiscounts({
        onGoods: discountOnGoods,
        percent: isDiscountPercentOnGoodsHeader(orderDiscountHeader),
        orderDiscount: col.orderDiscount,
        orderSubtotal: col.orderSubtotal,
        lineDiscount: col.lineDiscount,
        priceDec,
        header: (f) => mapping.fields.find((m) => m.field === f)?.header ?? f,
        money: (x) => plainMoney(x, options.culture),
        amounts: (byCurrency) => amountsSaid(byCurrency),
        culture: options.culture,
      })
    : undefined;
  /** An order's shipping in a column of its own, read as a shipping line of the order (ingest/orderShipping). */
  const shippingField = col.orderShipping >= 0 ? "orderShipping" : "shippingLeftOut";
  const orderShipping =
    col[shippingField] >= 0
      ? new OrderShipping({
          column: col[shippingField],
          leftOut: shippingField === "shippingLeftOut",
          priceDec,
          header: mapping.fields.find((m) => m.field === shippingField)?.header ?? "",
          amounts: (byCurrency) => amountsSaid(byCurrency),
          culture: options.culture,
        })
      : undefined;
  /**
   * Number columns whose convention the data did not prove (the first rows, the file, the
   * culture or the default settled it): watched while streaming, so a later cell that proves the
   * other mark ("2,49" after "1,250" was read as 1250) is reported with its row.
   */
  const watched = NUMBER_FIELDS.filter(
    (f) => col[f] >= 0 && options.numbers?.[f] && options.numbers[f]!.source !== "data"
  ).map((f) => ({
    field: f,
    column: col[f],
    decimal: options.numbers![f]!.decimal,
    ambiguous: 0,
    contrary: undefined as undefined | { row: number; text: string },
  }));
  const headerNorm = mapping.fields.map((f) => ({
    column: f.column,
    norm: normaliseHeader(f.header),
  }));
  const rateOf = new Map<string, number>();
  for (const r of options.rates ?? []) rateOf.set(normaliseCurrency(r.from), r.rate);
  // Without a stated reporting currency, the rates table's own base (the currency at rate 1) is it.
  const reporting = options.reportingCurrency
    ? normaliseCurrency(options.reportingCurrency)
    : [...rateOf].find(([, r]) => r === 1)?.[0];
  const convert = rateOf.size > 0 && !!reporting;

  const countAccounts = options.countAccounts ?? true;
  const rejects = new Map<string, RejectCount>();
  /** rule → currency (keyed as `currencies`) → the line value its rows held: never added across currencies */
  const rejectValue = new Map<string, Map<string, number>>();
  /** the value of the lines skipped under a VALUE_SAID rule, by currency: no sale, but worth saying */
  const notSoldValue = new Map<string, Map<string, number>>();
  /** the rules whose rows are no sale (reject's `sale` false): no share of revenue */
  const noSaleReasons = new Set<string>();
  /** rule naming orders → the order numbers its rows carry, and its rows that carry none */
  const rejectOrders = new Map<string, { ids: Set<string>; unnumbered: number }>();
  let currentRow: readonly Cell[] = [];
  /** Excel error text (#N/A, #REF!) in the line value → the rows holding it: kept, value unknown */
  const valueErrors = new Map<string, number[]>();
  /** `sale`: false for a row that is no sale (a payment, a purchase): its amount is no revenue skipped. */
  const reject = (reason: string, row: number, sale = true) => {
    const r = rejects.get(reason) ?? { reason, count: 0, rows: [] };
    // the products of one packed row are one row skipped, their values added up
    const again = row === unpackingRow && unpackingRejected.has(reason);
    if (row === unpackingRow) unpackingRejected.add(reason);
    if (!again) {
      r.count++;
      if (r.rows.length < ROWS_KEPT) r.rows.push(row);
      if (NAMES_ORDERS.test(reason)) {
        let o = rejectOrders.get(reason);
        if (!o) rejectOrders.set(reason, (o = { ids: new Set(), unnumbered: 0 }));
        if (rowOrderKey === "") o.unnumbered++;
        else o.ids.add(rowOrderKey);
      }
    }
    rejects.set(reason, r);
    if (sale) addSkippedValue(rejectValue, reason, currentRow);
    else noSaleReasons.add(reason);
    if (!sale && (valueSaid(reason) || reason === layoutNoSaleRule || reason === wonNoActual))
      addSkippedValue(notSoldValue, reason, currentRow, postedEitherSide(reason));
    if (currentLoneText !== undefined) loneTextRejects.push({ reason, row, text: currentLoneText });
  };
  /** The orders a rule naming orders skipped (each numbered order once, each unnumbered row one), where not one per row. */
  function ordersOf(r: RejectCount): { orders?: number } {
    const o = rejectOrders.get(r.reason);
    const orders = o ? o.ids.size + o.unnumbered : r.count;
    return orders !== r.count ? { orders } : {};
  }
  /** A reject taken back (a lone text that turned out to be a report footer's). */
  function unreject(reason: string, row: number): void {
    const r = rejects.get(reason);
    if (!r) return;
    r.count--;
    const at = r.rows.indexOf(row);
    if (at >= 0) r.rows.splice(at, 1);
    if (r.count === 0) {
      rejectOrders.delete(reason);
      rejects.delete(reason);
      rejectValue.delete(reason);
      notSoldValue.delete(reason);
    }
  }
  /** A skipped row's line value added to its rule's, under the row's currency. */
  /** `unsigned`: a voucher's amount, on whichever side it sits (a receipt's credit is no negative sale). */
  function addSkippedValue(
    to: Map<string, Map<string, number>>,
    reason: string,
    row: readonly Cell[],
    unsigned = false
  ): void {
    let byCurrency = to.get(reason);
    if (!byCurrency) to.set(reason, (byCurrency = new Map()));
    const value = unsigned
      ? Math.abs(lineValueOf(row))
      : dealEstimateAt >= 0 &&
          (reason === LOST_DEAL || reason === OPEN_DEAL || reason === wonNoActual)
        ? dealEstimateOf(row)
        : lineValueOf(row);
    if (value === 0) return;
    let currency = skippedCurrencyOf(row);
    let v = value;
    // with a rates table, as an accepted line would be: in the reporting currency
    if (convert) {
      const rate = currency === "" ? 1 : currency === reporting ? 1 : rateOf.get(currency);
      if (rate !== undefined) {
        v *= rate;
        currency = reporting!;
      }
    }
    byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + v);
  }
  /**
   * The currency a skipped row's money is in, keyed as an accepted line's (`currencies`): its
   * currency cell, else the code or symbol its money is written with (a "$" the culture does not
   * name: none, '', as on a line), else none.
   */
  function skippedCurrencyOf(row: readonly Cell[]): string {
    const cell = col.currency >= 0 ? text(row[col.currency]) || orderCurrencyOf(row) : homeCurrency;
    if (cell) return normaliseCurrency(cell);
    const raw = [col.revenue, col.credit, col.unitPrice]
      .map((c) => (c >= 0 ? row[c] : undefined))
      .find((v): v is string => typeof v === "string" && !isBlankCell(v));
    if (raw === undefined) return "";
    const code = parseMoney(raw)?.currency;
    const shared = sharedSymbolOfText(raw, code);
    if (col.currency < 0 && !convert)
      // the symbols' own (fileCurrency names '' at the end); a bare "$" is no USD of itself: the
      // culture's dollar, else the symbol as written, as its accepted lines are
      return shared ? (currencyOfSharedSymbol(shared, options.culture) ?? shared) : (code ?? "");
    if (!shared) return code ?? "";
    // a symbol nothing names: none, else (with a rates table, where none is the reporting currency) the symbol
    return currencyOfSharedSymbol(shared, options.culture) ?? (convert ? shared : "");
  }
  /** The currency its order's first line wrote, for the row being read (a later line leaves it blank). */
  function orderCurrencyOf(row: readonly Cell[]): string {
    return row === currentRow && rowOrderKey !== "" ? firstLineCurrency : "";
  }
  /** The order's currency noted on its first line (a later line's own, if the first left it blank). */
  function noteOrderCurrency(row: readonly Cell[], orderKey: string): void {
    rowOrderKey = orderKey;
    if (orderKey === "" || col.currency < 0) return;
    const written = text(row[col.currency]);
    if (orderKey !== firstLineOrderKey) {
      firstLineOrderKey = orderKey;
      firstLineCurrency = written;
    } else if (!firstLineCurrency) firstLineCurrency = written;
  }
  /** A rule's skipped value by currency, rounded, with the symbols' lines under their file currency (symbolsOnly). */
  function skippedByCurrency(
    values: Map<string, Map<string, number>>,
    r: RejectCount
  ): Map<string, number> {
    const out = new Map<string, number>();
    for (const [c, v] of values.get(r.reason) ?? []) {
      // the file's first symbol's lines are filed under '', then named fileCurrency (if any)
      const k = symbolsOnly && (c === "" || c === fileSymbol) ? (fileCurrency ?? "") : c;
      out.set(k, (out.get(k) ?? 0) + v);
    }
    for (const [k, v] of out) if (roundCents(v) === 0) out.delete(k);
    return new Map([...out].map(([k, v]) => [k, roundCents(v)]));
  }
  /** Money of a currency key in a message: "£500.00", "$300.00" (a shared symbol), "300.00 (no currency)". */
  function skippedMoney(v: number, key: string): string {
    const bare = unlabelledSymbol();
    if (key === "")
      return bare
        ? formatMoney(v, moneyLabel(bare, options.culture))
        : `${plainMoney(v, options.culture)} (no currency)`;
    // the file's symbol is the culture's currency, else the bare symbol (KapEngine names it so)
    const named =
      symbolsOnly && key === fileCurrency && fileSymbol
        ? (currencyOfSharedSymbol(fileSymbol, options.culture) ?? fileSymbol)
        : key;
    // beside money written with its bare symbol ("$"), a code is said as such ("USD 50.00")
    const keys = Object.keys(currencies);
    const coded = codesBesideBareSymbols(keys.map((k) => k || bare || ""));
    const label = moneyLabel(named, options.culture);
    // beside another dollar ("C$" beside "$"), its code, as the analysis writes it ("CAD 648.60")
    const byCode = coded.has(named) || codedBesideSameSymbol(named, label, keys);
    // a code the culture's way too (de-DE "21,00 CAD"), as amountsText writes it
    return formatMoney(v, byCode ? codeLabel(named, options.culture) : label);
  }
  /**
   * Amounts by currency key in a message, one way in every message (amountsText's): "$130.00 and
   * CAD 21.00"; the money of a file that names no currency, the plain figure.
   */
  function amountsSaid(amounts: Iterable<readonly [string, number]>): string {
    const list = [...amounts];
    if (list.every(([k]) => k === "") && !unlabelledSymbol())
      return andList(list.map(([, v]) => plainMoney(v, options.culture)));
    return andList(list.map(([k, v]) => skippedMoney(v, k)));
  }
  /** The bare symbol the lines filed under '' were written with and nothing names ("$"), if any (once read). */
  function unlabelledSymbol(): string | undefined {
    return symbolsOnly && fileSymbolUnnamed && fileCurrency === undefined ? fileSymbol : undefined;
  }
  /** The rules' tolls when the lines and skipped rows are in one currency: one figure each. */
  function oneCurrencyToll(
    lostBy: Map<string, Map<string, number>>,
    notSoldBy: Map<string, Map<string, number>>,
    currency: string | undefined
  ): (r: RejectCount) => SkipToll {
    // the rupee in lakhs and crores ("1,47,500.00") where no culture says how to write it
    const culture = options.culture ?? (currency === "INR" ? "en-IN" : undefined);
    const sum = (m: Map<string, number> | undefined) =>
      roundCents([...(m ?? [])].reduce((s, [, v]) => s + v, 0));
    const skippedValue = [...lostBy.values()].reduce((s, m) => s + sum(m), 0);
    const base = sums.accepted + skippedValue;
    return (r) => {
      if (noSaleReasons.has(r.reason)) {
        const notSold = sum(notSoldBy.get(r.reason));
        return {
          revenue: notSold,
          share: null,
          // credits' lines (a return authorization's) take nothing off: said as such, not as sales
          said:
            notSold > 0
              ? `; ${valueWhose(r)}${plainMoney(notSold, culture)}${postingsSaid(r)} not counted as sales`
              : notSold < 0
                ? `; ${plainMoney(-notSold, culture)} of returns not taken off`
                : "",
        };
      }
      const lost = sum(lostBy.get(r.reason));
      return {
        revenue: lost,
        share: base > 0 ? Math.round((lost / base) * 10000) / 10000 : null,
        said:
          lost && base > 0
            ? `; ${plainMoney(lost, culture)}, ${formatShare(lost / base, options.culture)} of revenue`
            : "",
      };
    };
  }
  /**
   * The rules' tolls when the lines or skipped rows are in several currencies: never added
   * across them. Each currency's value, and its share of that currency's revenue (its accepted
   * lines + the rows skipped that cannot be used); `revenue` and `share` are null.
   */
  function severalCurrencyTolls(
    lostBy: Map<string, Map<string, number>>,
    notSoldBy: Map<string, Map<string, number>>
  ): (r: RejectCount) => SkipToll {
    const base = new Map<string, number>(revenueByCurrency);
    for (const m of lostBy.values()) for (const [k, v] of m) base.set(k, (base.get(k) ?? 0) + v);
    const record = (m: Map<string, number>) => Object.fromEntries(m);
    return (r) => {
      if (noSaleReasons.has(r.reason)) {
        const notSold = notSoldBy.get(r.reason)!;
        // credits' lines (a return authorization's) take nothing off: said as such, not as sales
        const said = (sign: 1 | -1, what: string) => {
          const list = [...notSold].filter(([, v]) => v * sign > 0);
          return list.length
            ? `; ${sign > 0 ? valueWhose(r) : ""}${andList(list.map(([k, v]) => skippedMoney(v * sign, k)))} ${what}`
            : "";
        };
        return {
          revenue: null,
          share: null,
          revenueByCurrency: record(notSold),
          said:
            said(1, `${postingsSaid(r).slice(1)} not counted as sales`.trimStart()) +
            said(-1, "of returns not taken off"),
        };
      }
      const lost = lostBy.get(r.reason)!;
      const shares = new Map<string, number | null>();
      for (const [k, v] of lost) {
        const b = base.get(k) ?? 0;
        shares.set(k, b > 0 ? Math.round((v / b) * 10000) / 10000 : null);
      }
      const said = [...lost].map(([k, v]) => {
        const share = shares.get(k);
        const of =
          k === "" && unlabelledSymbol()
            ? `"${unlabelledSymbol()}" revenue`
            : k === ""
              ? "revenue with no currency"
              : `${isSharedSymbol(k) ? `"${k}"` : k} revenue`;
        return `${skippedMoney(v, k)}${share === null || share === undefined ? "" : `, ${formatShare(v / base.get(k)!, options.culture)} of ${of}`}`;
      });
      return {
        revenue: null,
        share: null,
        revenueByCurrency: record(lost),
        shareByCurrency: Object.fromEntries(shares),
        said: said.length ? `; ${said.join("; ")}` : "",
      };
    };
  }
  /** A skipped row's line value as best it can be read (for its share of revenue); 0 when it cannot. */
  function lineValueOf(row: readonly Cell[]): number {
    const rev = col.revenue >= 0 ? parseMoney(row[col.revenue], revDec)?.value : undefined;
    const credit = col.credit >= 0 ? parseMoney(row[col.credit], creditDec)?.value : undefined;
    if (rev !== undefined || credit !== undefined) return (rev ?? 0) - (credit ?? 0);
    const q = col.quantity >= 0 ? parseQuantity(row[col.quantity], qtyDec) : undefined;
    const p = col.unitPrice >= 0 ? parseMoney(row[col.unitPrice], priceDec)?.value : undefined;
    return q !== undefined && p !== undefined ? q * p : 0;
  }
  /** A lost or open deal's worth: its estimate, where its actual value is the revenue (0 or blank). */
  const dealEstimateAt = mapping.dealEstimateColumn ?? -1;
  /**
   * The rule a won deal with a blank actual value (Dynamics 365's "Actual Revenue") is skipped
   * under: no sale KAP can count, its estimate said so the user knows what is missing.
   */
  const wonNoActual =
    dealEstimateAt >= 0
      ? `won deal with no "${mapping.fields.find((f) => f.field === "revenue")?.header ?? "actual value"}"`
      : undefined;
  /** After the value said of a rule's rows: what it adds up where they are postings to a ledger account. */
  function postingsSaid(r: RejectCount): string {
    return salesLedger && r.reason.startsWith(NOT_SALES_ACCOUNT) ? " in debits and credits," : "";
  }
  /** Before the value said of a rule's rows: whose figure it is where it is not their own ("its "Est. Revenue" "). */
  function valueWhose(r: RejectCount): string {
    return r.reason === wonNoActual
      ? `${r.count === 1 ? "its" : "their"} "${mapping.dealEstimateHeader ?? "estimate"}" `
      : "";
  }
  function dealEstimateOf(row: readonly Cell[]): number {
    return parseMoney(row[dealEstimateAt], revDec)?.value ?? 0;
  }
  /** Voided invoices and the credit notes reversing them (ingest/voidedCredits). */
  const voidedCredits = new VoidedCredits({
    col,
    text,
    lineValueOf,
    money: (x) => plainMoney(x, options.culture),
    // a status column can mark an invoice voided, and so can a document-type column ("Sales
    // invoice (Voided)"), so a credit note listed before the first voided invoice is held too; a
    // transaction list's type (saleDocType) marks none voided; Shopify's order discounts are
    // settled line by line, in order, so its lines are never held
    holdCredits:
      (col.orderStatus >= 0 || col.cancelledAt >= 0 || (col.docType >= 0 && !saleDocType)) &&
      !orderDiscounts,
  });
  /**
   * Down-payment-only invoices, held to join the final invoice that takes them off
   * (ingest/downPayments); Shopify's order discounts are settled in order, so none are held there.
   */
  const downPayments = orderDiscounts ? undefined : new DownPayments();
  /**
   * The money summed line by line: the accepted lines' revenue (`accepted`), that of the run of
   * lines in one currency (`run`, below), and the revenue column over the rows read as lines
   * (`column`, `sinceTotals`: the unlabelled totals row's test). Fields of one object rather than
   * variables of this closure: V8 keeps a closure variable's fractional number in a new heap
   * object at every `+=` (four a line, a tenth of the parser's garbage), a field's in place.
   */
  const sums = { accepted: 0, run: 0, column: 0, sinceTotals: 0 };
  /**
   * The accepted lines' revenue per currency: a run of lines in one currency is summed apart
   * (sums.run) and filed when the currency changes (a comparison per line, no look-up).
   */
  const revenueByCurrency = new Map<string, number>();
  let revenueRunCurrency: string | undefined;
  function fileRevenueRun(): void {
    const key = revenueRunCurrency ?? "";
    if (sums.run !== 0 || !revenueByCurrency.has(key))
      revenueByCurrency.set(key, (revenueByCurrency.get(key) ?? 0) + sums.run);
    sums.run = 0;
  }
  /** The order a line belongs to and the order-level cells of its first line (Shopify writes them there only). */
  let lastOrderKey = "";
  let orderAccountId = "";
  let orderAccountName = "";
  let orderCurrency = "";
  let orderDate: Cell = null;
  /** The share of the order's Total before tax, where prices include tax (Shopify): 1 otherwise. */
  let orderNetShare = 1;
  /** Whether the current invoice's lines hold their tax (Xero's "LineAmountTypes": Inclusive). */
  let orderTaxInclusive = false;
  /** Whether the current invoice was entered tax-inclusive, by its Total (Xero's invoices entered both ways). */
  let invoiceInclusive = true;
  /**
   * The order whose status was read last, and why it is no sale (cancelled, voided or refunded;
   * not yet approved), else undefined: Shopify writes the status on the first line only.
   */
  let statusOrderKey = "";
  let orderNoSale: string | undefined;
  /** Partially refunded orders (Shopify's partially_refunded): counted in full, and reported. */
  let partlyRefunded = 0;
  let partlyRefundedKey = "";
  const partlyRefundedIds: string[] = [];
  /** the first line of a partially refunded order is being read (its refund is on it) */
  let refundLine = false;
  /** the flagged ones' refunds (with tax and shipping), the first few by order, and in all by currency */
  const refundsAtStake: string[] = [];
  const refundedByCurrency = new Map<string, number>();
  /** Orders whose refund the export shows exactly: netted, the first one as the example. */
  let refundsNetted = 0;
  /** whether one of them has several lines (its refund whole units of one of them) */
  let refundNettedOfLines = false;
  /** A refund found on an order's first line that comes off one of its later lines (its row in the rows pushed). */
  let laterRefund: { orderKey: string; at: number; goods: number; units: number } | undefined;
  /**
   * Shopify orders with their refund columns: a partially refunded order whose lines run to the
   * end of the rows pushed is held (copied) and read with the next push, or at finish, where
   * its lines end, so that its refund can be matched against all of them (exactRefund).
   */
  const holdRefunds =
    shopifyColumns(mapping.layout) &&
    col.refundedAmount >= 0 &&
    col.refundSubtotal >= 0 &&
    col.orderId >= 0 &&
    col.orderStatus >= 0;
  /** Xero invoices entered both ways: each invoice's lines are read together as well (invoiceIsInclusive). */
  const holdInvoices = col.invoiceTotal >= 0 && col.invoiceTaxTotal >= 0 && col.orderId >= 0;
  let held: { rows: Cell[][]; first: number } | undefined;
  /** The rows read at finish are the last: an order running to their end ends there. */
  let linesEnd = false;
  /** Whether row i opens an order (a partially refunded one, for Shopify) that runs to the end of the rows. */
  function orderRunsToEnd(rows: readonly (readonly Cell[])[], i: number): boolean {
    const last = rows.length - 1;
    const id = text(rows[i][col.orderId]);
    if (id === "" || text(rows[last][col.orderId]) !== id) return false;
    if (holdRefunds && !PARTLY_REFUNDED.test(text(rows[i][col.orderStatus]))) return false;
    if (i > 0 && text(rows[i - 1][col.orderId]) === id) return false;
    for (let j = i + 1; j <= last; j++) if (text(rows[j][col.orderId]) !== id) return false;
    return true;
  }
  let refundNettedExample = "";
  /** The product headings a grouped report's lines fall under (QuickBooks). */
  const productPath = new ProductHeadings(!!layout?.itemTypeHeadings);
  // the report's category headings above the product headings (ingest/plausible decided it)
  const categoryFromHeadings =
    productHeadings && !!mapping.categoryFromHeadings && col.category < 0;
  /**
   * The customer headings open above the current line (QuickBooks' sales by customer detail),
   * outermost first: `column` where the heading stands, `path` its full "Customer:Job" name.
   */
  const groups: { column: number; text: string; path: string }[] = [];
  /** whether any line came since the last heading, and whether the report ends its groups with "Total …" rows */
  let linesSinceHeading = false;
  let groupTotalsSeen = false;
  /** The rows being pushed and the index of the one being parsed: a heading may look ahead among them. */
  let chunk: readonly (readonly Cell[])[] = [];
  let chunkAt = 0;
  /** Whether a look-ahead found no "Total …" row naming an open heading (the report has none): not looked again. */
  let noTotalsAhead = false;
  /**
   * A heading whose look-ahead reached the end of the rows pushed without a "Total …" row naming
   * it or an open heading: it and the rows after it (copied) wait, unparsed, for such a row in a
   * later push (then it is a job), or for the end of the lines or PENDING_ROWS_MAX rows (then the
   * report has no totals: it is the next customer), and are then parsed in order.
   */
  let pending: { rows: Cell[][]; rowNos: number[]; names: Set<string> } | undefined;
  /**
   * A heading read as the next customer for want of room (PENDING_ROWS_MAX rows without a Total
   * row naming it or an open heading), with its row; and where such a Total row came after all,
   * the heading was a job: the warning names it.
   */
  let pastPending: { names: Set<string>; row: number } | undefined;
  let pastPendingTotal = 0;
  /** The look-ahead's answer for the pending heading, while its rows are parsed again. */
  let decided: boolean | undefined;
  /** The sink of the last push, for the rows still pending at finish(). */
  let lastSink: ((line: OrderLine) => void) | undefined;
  /**
   * The customer each order id was written with (ingest/orderAccounts): an order's line listed
   * again further down with its customer blank is its order's by the id.
   */
  const orderAccounts = col.orderId >= 0 ? new OrderAccounts() : undefined;
  /** lines read as their order's by the id: how many, and the first few (id, customer, row) */
  let byOrderId = 0;
  const byOrderIdExamples: string[] = [];
  /** the row being read has no customer and its order id gave none (why), else undefined */
  let orderIdMiss: { id: string; match: OrderIdMatch } | undefined;
  /** lines left with no account though they have an order id, by why, with the first few */
  const orderIdMisses = new Map<OrderIdMatch["kind"], { lines: number; examples: string[] }>();
  /** The customer the lines above gave this order id; undefined (the miss noted) when none. */
  function customerByOrderId(id: string, rowNo: number): OrderCustomer | undefined {
    const match = orderAccounts!.match(id);
    if (match.kind !== "one") {
      orderIdMiss = { id, match };
      return undefined;
    }
    if (byOrderId++ < ROWS_KEPT)
      byOrderIdExamples.push(`${id} → ${match.customer.key || match.customer.name}, row ${rowNo}`);
    return match.customer;
  }
  /** A line left with no account whose order id named none, or two: counted for the note. */
  function noteOrderIdMiss(rowNo: number): void {
    if (!orderIdMiss) return;
    const { id, match } = orderIdMiss;
    let m = orderIdMisses.get(match.kind);
    if (!m) orderIdMisses.set(match.kind, (m = { lines: 0, examples: [] }));
    if (m.lines++ < ROWS_KEPT)
      m.examples.push(
        match.kind === "two"
          ? `${id}: "${match.names[0]}" and "${match.names[1]}", row ${rowNo}`
          : `${id}, row ${rowNo}`
      );
  }
  /** What the user is told of the lines with no customer that the order id matched, or did not. */
  function orderIdNotes(count: (n: number) => string): string[] {
    const header = `"${mapping.fields.find((f) => f.field === "orderId")?.header ?? "Order ID"}"`;
    const lines = (n: number) => (n === 1 ? "1 line" : `${count(n)} lines`);
    const listed = (examples: readonly string[], n: number) =>
      `${examples.join("; ")}${n > examples.length ? "; …" : ""}`;
    const notes: string[] = [];
    if (byOrderId)
      notes.push(
        `${lines(byOrderId)} with no customer ${byOrderId === 1 ? "was" : "were"} read as ${byOrderId === 1 ? "its order's" : "their orders'"}, by the ${header} the lines above gave one customer (an order's line listed again further down: ${listed(byOrderIdExamples, byOrderId)}).`
      );
    const why: Record<OrderIdMatch["kind"], string> = {
      one: "",
      two: "two customers in the lines above",
      unknown: "no customer in the lines above",
      notKept: `an order past the first ${count(ORDER_IDS_KEPT)} KAP keeps to look up`,
    };
    for (const [kind, m] of orderIdMisses) {
      const one = m.lines === 1;
      notes.push(
        `${lines(m.lines)} with no customer ${one ? "was" : "were"} left with no account, skipped: ${one ? "its" : "their"} ${header} ${one ? "names" : "name"} ${why[kind]} (${listed(m.examples, m.lines)}).`
      );
    }
    return notes;
  }
  const accounts = new Set<string>();
  /** The account last added to `accounts` (an order's lines come together: one Set look-up per order). */
  let lastAccount = "";
  /** the last customer text tested against NO_CUSTOMER, and the answer */
  let noCustomerText = "";
  let noCustomerIs = false;
  /** the products table's items by SKU; most files come without one (no look-up per line then) */
  const catalog = options.catalog;
  const currencies: Record<string, number> = {};
  const swapDates = options.swapSerialDayMonth === true;
  /**
   * The date order was settled by neither the data nor the culture (the first rows' text dates
   * all read both ways, or there were none; or the export layout's usual order): text dates are
   * watched for one that reads only the other way, and one that reads both ways, as evidence.
   */
  const watchDates =
    options.dateOrderSource === "default" ||
    options.dateOrderSource === "unneeded" ||
    options.dateOrderSource === "layout";
  /**
   * The data or the culture settled the order: a text date that reads only the other way (09/30/2026
   * in a day-first column) means the column holds both orders; it is reported with its row, and
   * whether it is the last date (the as-of date), so every text date is watched.
   */
  const settledDates = options.dateOrderSource === "data" || options.dateOrderSource === "culture";
  let dateEither = "";
  let dateContrary: { row: number; text: string } | undefined;
  /** the first text date that reads only the settled way, and the latest that reads only the other */
  let dateProof: { row: number; text: string } | undefined;
  let dateContraryLast: { row: number; text: string; date: number } | undefined;
  /** A text date read under the watch: the first that reads only the other way, and one that reads both. */
  function watchDate(raw: string, rowNo: number, date: number | undefined): void {
    const reading = textDateReading(raw);
    if (reading === "either") dateEither ||= raw.trim();
    else if (reading === options.dateOrder) dateProof ??= { row: rowNo, text: raw.trim() };
    else if (reading !== undefined) {
      dateContrary ??= { row: rowNo, text: raw.trim() };
      if (date !== undefined && !(dateContraryLast && dateContraryLast.date >= date))
        dateContraryLast = { row: rowNo, text: raw.trim(), date };
    }
  }
  /**
   * The warning for a column the data or the culture settled one way that holds a date reading
   * only the other (31/08/2026 beside 09/30/2026): that date is read the only way it reads, and
   * the dates that read both ways are read the settled way, so either may be wrong.
   */
  function bothDateOrdersWarning(): string | undefined {
    if (!dateContrary) return undefined;
    const way = (o: DateOrder) => (o === "dmy" ? "day-first" : "month-first");
    const why =
      options.dateOrderSource === "culture"
        ? `the regional settings${options.culture ? ` (${options.culture})` : ""}`
        : `the data${dateProof ? `: row ${dateProof.row} holds "${dateProof.text}"` : ""}`;
    const dayText = (serial: number) => {
      const { y, m, d } = serialToYmd(serial);
      return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
    };
    const last = dateContraryLast;
    const asOf =
      last && last.date === lastDate
        ? ` Row ${last.row}'s "${last.text}", read as ${dayText(last.date)}, is the last order date, and so the as-of date unless another is given.`
        : "";
    const other = options.dateOrder === "dmy" ? "mdy" : "dmy";
    const either = dateEither
      ? ` Dates that read both ways, such as "${dateEither}", were read ${way(options.dateOrder)} and may be misread.`
      : "";
    return `The order dates were read ${way(options.dateOrder)} (${why}), but row ${dateContrary.row} holds "${dateContrary.text}", which reads only ${way(other)}: the date column holds dates written both ways.${either}${asOf} Check the date column (one order throughout), and analyse again.`;
  }
  const report = {
    accepted: 0,
    returns: 0,
    skippedBlank: 0,
    skippedHeaders: 0,
    skippedTotals: 0,
    skippedHeadings: 0,
    skippedFooters: 0,
    skippedBalances: 0,
    /** a report read without heading rows: a lone customer's name above its lines, taken back from the rejects */
    skippedCustomerHeadings: 0,
  };
  /** A ledger report's account sections (salesLedger), in order, each with whether it is read as sales. */
  const ledgerSections = new Map<string, boolean>();
  /** The ledger account section the lines stand in ('' before the first heading) and whether it is sales. */
  let section = "";
  let sectionIsSales = true;
  /** The ledger account of the line last read (its section's, else its account column's). */
  let lineSection = "";
  /**
   * Whether a ledger report's line is in a sales account: its section's heading says, else (a
   * report laid out without headings) its account column; a line with neither is read.
   */
  function ledgerLineIsSales(row: readonly Cell[]): boolean {
    lineSection = section;
    if (section !== "" || col.ledgerAccount < 0) return sectionIsSales;
    const name = text(row[col.ledgerAccount]);
    if (name === "") return true;
    lineSection = name;
    let sales = ledgerSections.get(name);
    if (sales === undefined) {
      sales = salesLedger!.test(name);
      ledgerSections.set(name, sales);
    }
    return sales;
  }

  // Without a currency column (and no conversion), money symbols name the file's currency: lines
  // in the first currency seen and lines with no symbol are one currency; only a different
  // symbol is kept apart. The book files them under '' and the engine names it at the end.
  const symbolsOnly = col.currency < 0 && !convert;
  let fileCurrency: string | undefined;
  let totalsCurrency: { code: string; symbol: string } | undefined;
  let fileSymbol: string | undefined;
  /**
   * The accepted lines whose money is written with a symbol several currencies write ("$12.00")
   * and that nothing on the line or the culture names: by symbol, their count, value and first rows.
   */
  const symbolLines = new Map<string, { lines: number; value: number; rows: number[] }>();
  /** fileSymbol is one nothing names (no culture naming it): its lines are symbolLines too */
  let fileSymbolUnnamed = false;
  /** a line wrote fileSymbol's parsed code itself ("USD 80.00" beside "$100.00"): kept apart */
  let fileCodeWritten = false;
  /** lines written with fileSymbol, counted in `currencies` under the code parsed (fileCurrency) */
  let fileSymbolCounted = 0;
  let countedAsFileSymbol = false;
  /** the current line's such symbol (set where its currency is read) */
  let lineSymbol: string | undefined;
  /** the key the current row was counted under in `currencies`, taken back if its type is no sale */
  let countedCurrency = "";
  /**
   * A row found no sale by its document type after its currency was counted: it does not count
   * (a CFDI's pago in "XXX", no currency, is not one of the file's currencies).
   */
  function uncountCurrency(): void {
    if (currencies[countedCurrency] !== undefined && --currencies[countedCurrency] === 0)
      delete currencies[countedCurrency];
    if (countedAsFileSymbol) fileSymbolCounted--;
  }
  /**
   * Whether a line read as the file's currency writes its code ("USD 80.00") where the file's
   * first lines wrote a shared symbol ("$100.00") the culture does not say is that currency.
   */
  function writesFileCode(code: string, money: string): boolean {
    if (fileSymbol === undefined || currencyOfSharedSymbol(fileSymbol, options.culture) === code)
      return false;
    return !sharedSymbolOfText(money, code);
  }
  function noteSymbolLine(symbol: string, value: number, row: number): void {
    let s = symbolLines.get(symbol);
    if (!s) symbolLines.set(symbol, (s = { lines: 0, value: 0, rows: [] }));
    s.lines++;
    s.value += value;
    if (s.rows.length < ROWS_KEPT) s.rows.push(row);
  }
  /**
   * Lines written with a shared symbol nothing names ("$12.00" with a blank currency cell), beside
   * lines in other currencies: said with their count and value, and that they are kept apart (the
   * engine says it of a file whose money is all in one such symbol).
   */
  function symbolLinesWarnings(): string[] {
    const keys = Object.keys(currencies);
    if ((keys.length < 2 && !convert) || symbolLines.size === 0) return [];
    const culture = options.culture;
    const n = (x: number) => (culture ? wholeText(x, culture) : String(x));
    return [...symbolLines].map(([symbol, { lines, value, rows }]) => {
      const others = keys
        .filter((k) => k !== symbol && !((k === "" || k === fileCurrency) && fileSymbol === symbol))
        .map((k) =>
          k === "" ? "with no currency" : isSharedSymbol(k) ? `with "${k}"` : `in ${k}`
        );
      const by = SHARED_SYMBOLS[symbol];
      const one = lines === 1;
      const apart = convert
        ? `${one ? "it is" : "they are"} not converted with the rates table: kept apart from the ${reporting} revenue, never added to it`
        : `${one ? "it is" : "they are"} kept apart from the lines ${others.slice(0, -1).join(", ")}${others.length > 1 ? " and " : ""}${others[others.length - 1]}, never added to them`;
      return `${n(lines)} order line${one ? "" : "s"} (row${rows.length > 1 ? "s" : ""} ${rows.join(", ")}${lines > rows.length ? ", …" : ""}; ${formatMoney(value, moneyLabel(symbol, culture))}) name${one ? "s" : ""} no currency code and ${one ? "is" : "are"} written with "${symbol}", which ${by.slice(0, -1).join(", ")} and ${by[by.length - 1]} ${by.length === 2 ? "both" : "all"} write: nothing in the data or the culture says which, so ${apart}. Write the currency's code on ${one ? "that line" : "those lines"} ("${by[0]} 12.00", or in a currency column), or give the culture of the company's country (kap --culture${SYMBOL_EXAMPLES[symbol] ?? ""}; in Excel, the workbook's regional format) to name it.`;
    });
  }
  /** A totals row's money symbol ("$127.00"): the currency of lines that carry none (report.totalsCurrency). */
  function noteTotalsCurrency(row: readonly Cell[]): void {
    if (totalsCurrency || !symbolsOnly || col.revenue < 0) return;
    const raw = row[col.revenue];
    if (typeof raw !== "string") return;
    const code = parseMoney(raw, revDec)?.currency;
    // "$" only when it is bare ("US$1,350.00" is USD's, "C$1,350.00" CAD's: their codes)
    if (code)
      totalsCurrency = {
        code,
        symbol: sharedSymbolOfText(raw, code) ?? /[£€¥₹]/.exec(raw)?.[0] ?? code,
      };
  }
  let firstDate = Infinity;
  let lastDate = -Infinity;
  let lastSaleDate = -Infinity;

  // A repeated header row has the header's own text in the date column: test that cheaply
  // first (dates are numbers in almost every row), then count the other headers.
  const dateHeader = headerNorm.find((h) => h.column === col.date)?.norm ?? "";
  function isRepeatedHeader(row: readonly Cell[]): boolean {
    const d = row[col.date];
    if (
      typeof d !== "string" ||
      d.length > dateHeader.length + 8 ||
      normaliseHeader(d) !== dateHeader
    )
      return false;
    let same = 0;
    for (const h of headerNorm) {
      const v = row[h.column];
      if (typeof v === "string" && normaliseHeader(v) === h.norm) same++;
    }
    return same >= Math.max(2, Math.ceil(headerNorm.length / 2));
  }

  const totalCols = ["accountId", "accountName", "orderId", "sku", "date", "productName"]
    .map((f) => col[f])
    .filter((c) => c >= 0);
  /** the figure columns, where no line writes a label: "Summe Kunde 30010" under the unit price */
  const figureCols = ["quantity", "unitPrice", "listPrice", "discount", "revenue"]
    .map((f) => col[f])
    .filter((c) => c >= 0);
  function isTotalsRow(row: readonly Cell[]): boolean {
    // A row with a real order date is an order line ("Total Tools Ltd" is a customer): totals
    // and subtotal rows carry no date. This also keeps the text tests off the hot path.
    const d = row[col.date];
    if ((typeof d === "number" && d > 0) || d instanceof Date) return false;
    const noOrderId = col.orderId >= 0 && isBlankCell(row[col.orderId]);
    // no order id of its own: none, or the summary's label stands in its place
    const idFree = col.orderId < 0 || noOrderId || isSummaryLabel(text(row[col.orderId]));
    for (const c of totalCols) {
      const v = row[c];
      if (typeof v !== "string" || v.length === 0) continue;
      const t = v.trim();
      if (TOTAL_START.test(t) || TOTAL_END.test(t)) return true;
      // (with no order id column, a row with no date stands for it: no order line has none)
      if ((noOrderId || (col.orderId < 0 && isBlankCell(d))) && TOTAL_BEFORE_NAME.test(t))
        return true;
      if (idFree && isSummaryLabel(t)) return true;
    }
    // A totals row labelled in another column, beside its sums ("Summe" under the unit price,
    // "Total" under the category; "Summe Kunde 30010", naming what it sums, in a figure column
    // only, where no product is named): no account and no order id on it.
    if (
      (col.accountId < 0 || isBlankCell(row[col.accountId])) &&
      (col.accountName < 0 || isBlankCell(row[col.accountName])) &&
      (col.orderId < 0 || isBlankCell(row[col.orderId]))
    ) {
      for (const v of row) {
        if (typeof v !== "string" || v.length === 0) continue;
        const t = v.trim();
        if (TOTAL_START.test(t) || TOTAL_END.test(t) || isSummaryLabel(t)) return true;
      }
      for (const c of figureCols) {
        const v = row[c];
        if (typeof v === "string" && TOTAL_BEFORE_NAME.test(v.trim())) return true;
      }
    }
    if (headings) {
      // A grouped report's "Total Cable ties" row, in the heading columns left of the data.
      const first = row.find((v) => !isBlankCell(v));
      if (typeof first === "string" && GROUP_TOTAL.test(first.trim())) return true;
    }
    return false;
  }

  /**
   * A row with no account and no order id whose label is a total's or a summary's, wherever it
   * stands: the totals rows that carry a date (isTotalsRow reads only those without one).
   */
  /** A row whose filled cells are all numbers (or number text): figures without a label. */
  function onlyNumbers(row: readonly Cell[]): boolean {
    let any = false;
    for (const v of row) {
      if (isBlankCell(v)) continue;
      if (typeof v !== "number" && parseMoney(v, revDec) === undefined) return false;
      any = true;
    }
    return any;
  }
  /** The one text cell of a row that holds nothing else (not a figure written as text); undefined otherwise. */
  function soleText(row: readonly Cell[]): string | undefined {
    let found: string | undefined;
    for (const v of row) {
      if (isBlankCell(v)) continue;
      if (typeof v !== "string" || found !== undefined) return undefined;
      found = v.trim();
    }
    return found !== undefined && parseMoney(found, revDec) === undefined ? found : undefined;
  }
  /** The revenue column's figure on a row; undefined when it holds none. */
  function revenueCell(row: readonly Cell[]): number | undefined {
    rowMoney = undefined;
    if (col.revenue < 0) return undefined;
    const v = row[col.revenue];
    if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
    if (isBlankCell(v)) return undefined;
    rowMoney = parseMoney(v, revDec) ?? null;
    return rowMoney?.value;
  }
  /** The revenue cell's text read by revenueCell for the row being parsed (null: unreadable), read once. */
  let rowMoney: ReturnType<typeof parseMoney> | null | undefined;
  /** Whether two sums of money agree to the cent. */
  function sameMoney(a: number, b: number): boolean {
    return Math.abs(a - b) < 0.005 + Math.abs(b) * 1e-12;
  }
  /** The customer text datedTotalsLabel tested last, and its answer: a customer's lines repeat it. */
  let datedLabelText = "";
  let datedLabelIs = false;
  /** Whether a customer cell's text is a total's label (TOTAL_START, TOTAL_END, DATED_TOTAL_BEFORE_NAME). */
  function datedTotalsLabel(t: string): boolean {
    if (t !== datedLabelText) {
      datedLabelText = t;
      const s = t.trim();
      datedLabelIs = TOTAL_START.test(s) || TOTAL_END.test(s) || DATED_TOTAL_BEFORE_NAME.test(s);
    }
    return datedLabelIs;
  }
  /**
   * A totals row that carries a date, its label where the customer stands: "Subtotal Northgate
   * Services", "Grand Total", "Total general", "Summe Müller GmbH", "Teilergebnis …" dated with
   * its group's last order (or the report's day). It has no order id of its own; in a file with
   * no order id column its amount must also be the sum of the lines above (all of them, or those
   * since the last totals row), as a total's is. Read as a line, it becomes an account.
   */
  function datedTotalsRow(row: readonly Cell[]): boolean {
    if (col.orderId >= 0 && !isBlankCell(row[col.orderId])) return false;
    const name = col.accountName >= 0 ? row[col.accountName] : undefined;
    const id = col.accountId >= 0 ? row[col.accountId] : undefined;
    const labelled =
      (typeof name === "string" && name.length > 0 && datedTotalsLabel(name)) ||
      (typeof id === "string" && id.length > 0 && datedTotalsLabel(id));
    if (!labelled) return false;
    if (col.orderId >= 0) return true;
    const revenue = revenueCell(row);
    return (
      revenue !== undefined &&
      linesSummed > 0 &&
      (sameMoney(revenue, sums.column) || sameMoney(revenue, sums.sinceTotals))
    );
  }
  function isDatedSummaryRow(row: readonly Cell[]): boolean {
    if (
      col.orderId >= 0 &&
      !isBlankCell(row[col.orderId]) &&
      !isSummaryLabel(text(row[col.orderId]))
    )
      return false;
    for (const v of row) {
      if (typeof v !== "string" || v.length === 0) continue;
      const t = v.trim();
      if (TOTAL_START.test(t) || TOTAL_END.test(t) || isSummaryLabel(t)) return true;
    }
    return false;
  }

  /**
   * A grouped report's lone text cell (a heading, a footer): its column and text; undefined when
   * the row holds more, or a date (a ledger report writes its account headings in the date
   * column: there, a row whose date did not read).
   */
  function loneText(row: readonly Cell[]): { column: number; text: string } | undefined {
    if (!salesLedger && !headingsInDateColumn && !isBlankCell(row[col.date])) return undefined;
    let text = "";
    let column = -1;
    for (let k = 0; k < row.length; k++) {
      const v = row[k];
      if (isBlankCell(v)) continue;
      if (typeof v !== "string" || text !== "") return undefined;
      text = v.trim();
      column = k;
    }
    return text === "" ? undefined : { column, text };
  }

  /**
   * A product heading written across the product's own columns, its code and its name, with
   * nothing else on the row (MYOB's item detail: "CT200 | Cable Ties 200mm"); undefined otherwise.
   */
  function itemHeading(
    row: readonly Cell[]
  ): { column: number; text: string; name: string } | undefined {
    if (!productHeadings || col.sku < 0 || col.productName < 0) return undefined;
    const code = row[col.sku];
    if (typeof code !== "string" || code.trim() === "") return undefined;
    for (let k = 0; k < row.length; k++)
      if (k !== col.sku && k !== col.productName && !isBlankCell(row[k])) return undefined;
    return { column: col.sku, text: code.trim(), name: text(row[col.productName]) };
  }

  /**
   * A grouped report's heading row: one text cell and nothing else, no date. Sets the product
   * (productFromHeadings) or opens the customer group (accountFromHeadings) of the lines below it.
   * A customer heading closes the open headings standing further right, and the one at its own
   * column once lines have come under it in a report that has shown no "Total …" row yet (unless
   * it names that one as its parent, "Acme:Leeds"); otherwise it opens inside them (a job under
   * its customer: QuickBooks Online writes both in the first column, Desktop indents the job).
   */
  function takeHeading(row: readonly Cell[], rowNo: number): boolean {
    const lone = loneText(row);
    if (!lone) return false;
    if (salesLedger) {
      section = lone.text;
      sectionIsSales = salesLedger.test(section);
      ledgerSections.set(section, sectionIsSales);
      return true;
    }
    if (!accountHeadings) {
      productPath.open(lone.column, lone.text);
      return true;
    }
    while (groups.length && groups[groups.length - 1].column > lone.column) groups.pop();
    const top = groups[groups.length - 1];
    if (
      top &&
      top.column === lone.column &&
      linesSinceHeading &&
      !groupTotalsSeen &&
      !lone.text.toLowerCase().startsWith(`${top.path.toLowerCase()}:`) &&
      !totalsAhead(lone.text, row, rowNo)
    )
      groups.pop();
    // its look-ahead goes on in the next push: the heading is read when it is settled
    if (pending) return true;
    const parent = groups[groups.length - 1];
    const path =
      !parent || lone.text.toLowerCase().startsWith(`${parent.path.toLowerCase()}:`)
        ? lone.text
        : `${parent.path}:${lone.text}`;
    groups.push({ column: lone.column, text: lone.text, path });
    linesSinceHeading = false;
    return true;
  }

  /**
   * Whether a "Total for …" / "Total …" row further on in the rows being pushed names `heading` or
   * a heading still open: the report ends its groups with totals (QuickBooks always does), so a
   * heading met before the first of them, after the lines of the one above it at the same column,
   * is a job inside that one (QuickBooks Online writes "Acme Ltd", Acme's own lines, then its job
   * "Leeds site" in the same first column), not the next customer. When it finds none in the rows
   * at hand (a report without totals rows, or a first customer longer than the push) it says so
   * once and the heading is read as the next customer.
   */
  function totalsAhead(heading: string, row: readonly Cell[], rowNo: number): boolean {
    if (decided !== undefined) {
      const found = decided;
      decided = undefined;
      if (found) groupTotalsSeen = true;
      else noTotalsAhead = true;
      return found;
    }
    if (noTotalsAhead) return false;
    const names = new Set([heading.toLowerCase()]);
    for (const g of groups) {
      names.add(g.text.toLowerCase());
      names.add(g.path.toLowerCase());
    }
    for (let i = chunkAt + 1; i < chunk.length; i++)
      if (namesTotal(chunk[i], names)) return (groupTotalsSeen = true);
    // Not in the rows at hand: the heading and what follows wait for a later push.
    pending = { rows: [row.slice()], rowNos: [rowNo], names };
    return true;
  }

  /** Whether `row` is a "Total for X" / "Total X" row whose X is one of `names` (or ends one, after ":"). */
  function namesTotal(row: readonly Cell[], names: ReadonlySet<string>): boolean {
    let first: Cell = null;
    for (let k = 0; k < row.length && isBlankCell(first); k++) first = row[k];
    if (typeof first !== "string") return false;
    const m = GROUP_TOTAL_NAME.exec(first.trim());
    const name = m?.[2].trim().toLowerCase();
    if (!name) return false;
    for (const n of names) if (n === name || n.endsWith(`:${name}`)) return true;
    return false;
  }

  /** Parses the pending heading's rows, its look-ahead answered `found`. */
  function settlePending(found: boolean, sink: (line: OrderLine) => void): void {
    const p = pending!;
    pending = undefined;
    decided = found;
    const [outer, outerAt] = [chunk, chunkAt];
    chunk = p.rows;
    for (let i = 0; i < p.rows.length; i++) {
      chunkAt = i;
      parseRow(p.rows[i], p.rowNos[i], sink);
    }
    [chunk, chunkAt] = [outer, outerAt];
  }

  /**
   * A customer group's "Total for Acme" / "Total Acme" row (a value beside it, or naming an open
   * heading) closes that heading and those inside it; a bare "TOTAL" closes them all. A lone
   * "Total Tools Ltd" naming no open heading is a customer's heading, not a total: false.
   */
  function closeGroup(row: readonly Cell[]): boolean {
    const first = row.find((v) => !isBlankCell(v));
    if (typeof first !== "string") return false;
    const t = first.trim();
    const m = GROUP_TOTAL_NAME.exec(t);
    if (!m) return false;
    const name = m[2].trim().toLowerCase();
    const named = (g: { text: string; path: string }) => {
      const text = g.text.toLowerCase();
      const path = g.path.toLowerCase();
      return [name, `${m[1] ?? ""}${m[2]}`.trim().toLowerCase()].some(
        (n) => n === text || n === path || path.endsWith(`:${n}`)
      );
    };
    let at = -1;
    for (let i = groups.length - 1; i >= 0 && name !== ""; i--)
      if (named(groups[i])) {
        at = i;
        break;
      }
    if (name === "") groups.length = 0;
    else if (at >= 0) groups.length = at;
    else if (loneText(row)) return false;
    groupTotalsSeen = true;
    return true;
  }

  const shared = {} as OrderLine;
  // The first 1,000 ids settle whether ids such as "C1042" are credit notes or the numbering
  // (creditPrefixIsNumbering); a later 1,000 mostly of that form is flagged, never read again.
  const creditIds = options.creditNoteIds !== false;
  let idRun = 0;
  let idRunCredit = 0;
  let idRunFirst = 0;
  let idRunExample = "";
  /** where the present unbroken run of such ids began (−1: the last id was not one) */
  let creditRunStart = -1;
  let creditNumbering: { row: number; example: string } | undefined;
  // one object for every row's signed figures (a million rows made 84 MB of them)
  const signedLine: SignedLine = { isReturn: false, quantity: 0, revenue: 0 };
  let prevRawDate: Cell = undefined;
  const compactDates = new CompactDates();
  /** a compact date cell's kind: five digits are one only in a column of six-digit dates */
  const compactDateIn = (v: Cell): CompactDate | undefined =>
    compactDateOf(v) ?? (options.sixDigitDates && lostZeroSixDigits(v) ? "five" : undefined);
  /** the row number of the last totals row skipped: the row under it may hold its figures */
  let totalsRowNo = -2;
  /**
   * The revenue column summed over the rows read as lines, over all of them and since the last
   * totals row (sums.column, sums.sinceTotals), and the lines so summed: a row of bare figures
   * that repeats either is the report's grand total or a group's subtotal written without a
   * label (NetSuite's), not a line with no account.
   */
  let linesSummed = 0;
  /**
   * A report's footer (FOOTER_NOTICE) has begun and only lone texts have come since: they are its
   * title and company lines. The lone texts just above it, rejected as lines with no account or
   * no date before the notice showed what they were, are taken back as footer rows.
   */
  let inFooter = false;
  let loneTextRejects: { reason: string; row: number; text: string }[] = [];
  /** The row being read is a lone text: this one (its rejects are noted in loneTextRejects). */
  let currentLoneText: string | undefined;
  /**
   * The lone text rejected last, just above the row being read: a customer's heading when that
   * row's customer is its text (NetSuite's "Sales by Customer Detail" heads each customer's lines
   * with its name, and names it again on every line).
   */
  let headingAbove: { reason: string; row: number; text: string } | undefined;
  /** The "Customer: …" heading above the lines (mapping.customerHeadings), carried down to them. */
  const customerHeadingLines =
    !!mapping.customerHeadings && col.accountId < 0 && col.accountName < 0;
  let carried: CustomerHeading | undefined;
  /** Whether a totals row ends the carried customer's block ("Total for customer", "Total ACME01"). */
  function endsCarried(row: readonly Cell[]): boolean {
    const c = carried!;
    return row.some((v) => {
      if (typeof v !== "string") return false;
      const t = v.toLowerCase();
      return (
        /\b(?:customer|client|debtor|kunde|debitor|cliente)\b/.test(t) ||
        (c.id !== "" && t.includes(c.id.toLowerCase())) ||
        (c.name !== "" && t.includes(c.name.toLowerCase()))
      );
    });
  }
  let prevDate: number | undefined;

  function watch(row: readonly Cell[], rowNo: number): void {
    for (const w of watched) {
      const v = row[w.column];
      if (typeof v !== "string") continue;
      const e = numberEvidence(v);
      if (e === "ambiguous") w.ambiguous++;
      else if (
        w.contrary === undefined &&
        (e === "point" || e === "comma") &&
        (e === "point" ? "." : ",") !== w.decimal
      )
        w.contrary = { row: rowNo, text: v.trim() };
    }
  }

  /** No money on the row: its line revenue (Debit) and its Credit, where mapped, are blank. */
  function noValue(row: readonly Cell[]): boolean {
    return (
      (col.revenue < 0 || isBlankCell(row[col.revenue])) &&
      (col.credit < 0 || isBlankCell(row[col.credit]))
    );
  }

  /** A row whose document type differs from the row's above: a cancellation stops the watch. */
  function watchCancellation(row: readonly Cell[]): void {
    const t = row[col.docType];
    typeWatched = t;
    if (typeof t !== "string" || !(cancelsInvoice(t) || cancelsCredit(t))) return;
    cancellationsPastSample = { words: cancellationInWords(t) };
    watchCancellations = false;
  }
  /** A row's billing document, its type, customer and value as written, for the S1 pairs. */
  function noteBilling(row: readonly Cell[]): void {
    const id = text(row[col.orderId]);
    const type = id === "" ? "" : text(row[col.docType]);
    if (type === "") return;
    const value = parseMoney(row[col.revenue], revDec)?.value;
    billingPairing!.note(id, type, text(row[billingAccount]), value);
  }
  /**
   * A row of BigCommerce's order export: its amount less its coupons and refund (ingest/packedLines);
   * where its products are packed into one cell, one line per product, each from the row with
   * that product's SKU, quantity and share of the order's amount; a cell that cannot be read
   * leaves the order with no product (rejected as such, its value said).
   */
  function parseRow(read: readonly Cell[], rowNo: number, sink: (line: OrderLine) => void): void {
    if (!bigCommerceTotals && (packedProducts < 0 || typeof read[packedProducts] !== "string"))
      return parseRowLine(read, rowNo, sink);
    let row = read;
    // what a rejected order's value is said from
    currentRow = read;
    rowOrderKey = "";
    let amount = parseMoney(row[col.revenue], revDec)?.value;
    // an order voided or refunded whole is skipped by its status, its refund no matter
    const voided = col.orderStatus >= 0 && VOID_STATUS.test(text(read[col.orderStatus]));
    if (bigCommerceTotals && amount !== undefined && !voided) {
      const net = netOfBigCommerceTotals(
        row,
        bigCommerceTotals,
        amount,
        (c) => parseMoney(c, revDec)?.value
      );
      if (!net) return reject("unreadable discount or refund", rowNo);
      if (net.refunded > 0 && net.revenue < 0.005) {
        if (net.beyond > 0.005) refundedPastGoods++;
        return reject(VOID_ORDER, rowNo, false);
      }
      if (net.refunded > 0 && ordersNetOfRefund++ < 3)
        netOfRefundExamples.push(
          `${text(row[col.orderId]) || `row ${rowNo}`}: ${plainMoney(amount - net.discount, options.culture)} less ${plainMoney(net.refunded, options.culture)} refunded`
        );
      amount = net.revenue;
      // the order's value is read from here on as its net (a cell its products cannot be read from too)
      const copy = row.slice();
      copy[col.revenue] = amount;
      row = copy;
    }
    if (packedProducts < 0 || typeof row[packedProducts] !== "string")
      return parseRowLine(row, rowNo, sink);
    const unpacked = unpackedRows(
      row,
      { packed: packedProducts, quantity: col.quantity, revenue: col.revenue },
      amount,
      (t) => parseMoney(t, priceDec)?.value,
      (t) => parseQuantity(t, qtyDec)
    );
    if (!unpacked) {
      const copy = row.slice();
      copy[packedProducts] = null;
      return parseRowLine(copy, rowNo, sink);
    }
    unpackingRow = rowNo;
    unpackingRejected.clear();
    for (let k = 0; k < unpacked.rows.length; k++) {
      packedName = unpacked.names[k] || undefined;
      parseRowLine(unpacked.rows[k], rowNo, sink);
    }
    packedName = undefined;
    unpackingRow = -1;
  }
  function parseRowLine(
    row: readonly Cell[],
    rowNo: number,
    sink: (line: OrderLine) => void
  ): void {
    let blank = true;
    for (let k = 0; k < row.length; k++) {
      if (!isBlankCell(row[k])) {
        blank = false;
        break;
      }
    }
    if (blank) {
      report.skippedBlank++;
      if (firstLineCells) endLines();
      return;
    }
    if (billingPairing) noteBilling(row);
    else if (watchCancellations && row[col.docType] !== typeWatched) watchCancellation(row);
    // The date first: a row whose date parses is neither a repeated header (whose date cell
    // holds the header's text) nor a totals row (which carries no date), so it skips those
    // checks. The row above's date text is reused as is: exports list an order's lines together.
    const rawDate = row[col.date];
    let date: number | undefined;
    if (rawDate === prevRawDate && rawDate !== undefined) date = prevDate;
    else if (!isBlankCell(rawDate)) {
      // a DDMM or six-digit date reads as a serial in 1900–1908 or after 2170: no date
      date = compactDateIn(rawDate)
        ? undefined
        : parseDate(rawDate, options.dateOrder, options.date1904);
      if (swapDates && date !== undefined && typeof rawDate !== "string") date = swapDayMonth(date);
      if (
        (settledDates || (watchDates && (!dateContrary || !dateEither))) &&
        typeof rawDate === "string"
      )
        watchDate(rawDate, rowNo, date);
      prevRawDate = rawDate;
      prevDate = date;
    }
    if (date === undefined) {
      if (isRepeatedHeader(row)) {
        report.skippedHeaders++;
        return;
      }
      if (pastPending && !pastPendingTotal && namesTotal(row, pastPending.names))
        pastPendingTotal = rowNo;
      if (accountHeadings ? closeGroup(row) : isTotalsRow(row)) {
        if (productHeadings) productPath.close(text(row.find((v) => !isBlankCell(v)) ?? null));
        if (firstLineCells) endLinesAbove(row);
        report.skippedTotals++;
        totalsRowNo = rowNo;
        sums.sinceTotals = 0;
        if (carried && endsCarried(row)) carried = undefined;
        noteTotalsCurrency(row);
        return;
      }
      if (accountHeadings && isTotalsRow(row) && !loneText(row)) {
        report.skippedTotals++;
        sums.sinceTotals = 0;
        noteTotalsCurrency(row);
        return;
      }
    }
    if (date !== undefined && datedTotalsRow(row)) {
      report.skippedTotals++;
      totalsRowNo = rowNo;
      sums.sinceTotals = 0;
      noteTotalsCurrency(row);
      return;
    }
    // A report's footer below its lines: its notices, and the lone texts around them (its title,
    // the company's name).
    const sole = date === undefined ? soleText(row) : undefined;
    // A "Customer: ACME01 Acme Ltd" heading (in one cell or across several): the customer of the
    // lines below it.
    const headingText =
      customerHeadingLines && date === undefined ? customerHeadingText(row) : undefined;
    if (headingText !== undefined) {
      const h = customerHeading(headingText);
      if (h) {
        carried = h;
        inFooter = false;
        report.skippedCustomerHeadings++;
        return;
      }
    }
    // A group's heading row in a file grouped by customer (ingest/firstLineFields): the customer
    // of the lines below it, no line of its own.
    if (lineAbove && options.customerOnFirstLine && date === undefined && namesOnlyCustomer(row)) {
      lineAbove.key = col.accountId >= 0 ? text(row[col.accountId]) : "";
      lineAbove.name = col.accountName >= 0 ? text(row[col.accountName]) : "";
      lineAbove.date = null;
      report.skippedCustomerHeadings++;
      return;
    }
    if (sole !== undefined && (inFooter || FOOTER_NOTICE.test(sole))) {
      if (!inFooter) {
        for (const r of loneTextRejects) unreject(r.reason, r.row);
        report.skippedFooters += loneTextRejects.length;
        loneTextRejects = [];
        inFooter = true;
      }
      report.skippedFooters++;
      return;
    }
    currentLoneText = sole;
    if (sole === undefined) {
      inFooter = false;
      // (a new array only when there were some: a dated line has none, and this is every line)
      headingAbove = loneTextRejects.length
        ? loneTextRejects[loneTextRejects.length - 1]
        : undefined;
      if (loneTextRejects.length) loneTextRejects = [];
    }
    // the figures of the lines above (a row of bare figures repeating them is their total)
    const rowRevenue = revenueCell(row);
    const sumAbove = sums.column;
    const sinceTotals = sums.sinceTotals;
    const summedAbove = linesSummed;
    if (rowRevenue !== undefined) {
      sums.column += rowRevenue;
      sums.sinceTotals += rowRevenue;
      linesSummed++;
    }
    currentRow = row;
    rowOrderKey = "";
    if (configurable) {
      // the simple product chosen for a configurable one: the same units, sold on its parent's line
      if (configurable.isOption(row, chunk, chunkAt))
        return reject(CONFIGURABLE_OPTION, rowNo, false);
      configurableOption = configurable.optionOf(row, chunk, chunkAt);
    }
    if (headings && date === undefined) {
      // a ledger section's "Opening Balance" and "Closing Balance" rows: a balance, no sale
      if (salesLedger && BALANCE_ROW.test(text(row.find((v) => !isBlankCell(v)) ?? null))) {
        report.skippedBalances++;
        return;
      }
      const lone = loneText(row);
      if (lone && REPORT_FOOTER.test(lone.text)) {
        report.skippedFooters++;
        return;
      }
      // "Number of lines: 42" below a grouped report: no heading
      if (lone && SUMMARY_LABEL.test(lone.text)) {
        report.skippedTotals++;
        return;
      }
      if (lone && takeHeading(row, rowNo)) {
        if (!pending) report.skippedHeadings++;
        return;
      }
      const item = lone ? undefined : itemHeading(row);
      if (item) {
        productPath.open(item.column, item.text, item.name);
        report.skippedHeadings++;
        return;
      }
    }
    // A ledger report's section of an account that is no sales account (receivables, bank, VAT):
    // the same sales again, or payments.
    if (salesLedger) {
      const sales = ledgerLineIsSales(row);
      if (itemLinesOnly && col.orderId >= 0) noteLedgerDocument(row, sales);
      if (!sales) return reject(notSalesAccount(lineSection), rowNo, false);
    }
    // A ledger column beside the customer's (ingest/plausible): a purchase or expense account's
    // line is a bill, no sale.
    if (!salesLedger && col.ledgerAccount >= 0) {
      const ledger = text(row[col.ledgerAccount]);
      if (PURCHASE_LEDGER.test(ledger)) return reject(notSalesAccount(ledger), rowNo, false);
    }
    // Order-level cells (customer, company, currency) may be on an order's first line only:
    // a later line of the same order takes them from there.
    let rawOrderId = col.orderId >= 0 ? text(row[col.orderId]) : "";
    let accountName = col.accountName >= 0 ? text(row[col.accountName]) : "";
    // An order's later line with its order-level cells left blank (Odoo): the order above's.
    if (continuationLines) {
      if (rawOrderId) {
        orderAbove = rawOrderId;
        orderAboveDate = rawDate;
      } else if (
        !accountName &&
        (col.accountId < 0 || !text(row[col.accountId])) &&
        // where the sample settled the reading (no layout of its own): a row of sums or a summary
        // ("Lines 3" beside the report's date) is none of the order's, said as totals, nor is a
        // line of a date of its own (a walk-in sale; under a customer's group, its new order)
        (layout?.orderFieldsOnFirstLine ||
          (namesProduct(row) &&
            !isDatedSummaryRow(row) &&
            (isBlankCell(rawDate) || sameCellValue(rawDate, orderAboveDate))))
      )
        rawOrderId = orderAbove;
    }
    noteOrderCurrency(row, rawOrderId);
    if (docTotals) {
      if (rawOrderId !== docTotals.key) settleDocument(rawOrderId, rowNo);
      if (rowRevenue !== undefined) {
        docTotals.sum += rowRevenue;
        docTotals.lines++;
      }
    }
    if (accountName.charCodeAt(0) === 40 && CANCELLED_PARTY.test(accountName))
      return reject(CANCELLED_VOUCHER, rowNo, false);
    if (summaryAboveItems && rawOrderId) {
      // a multi-item order's summary row: its total is the items below, its buyer theirs
      if (isOrderSummary(row, rawOrderId)) {
        summaryAbove = { key: rawOrderId, name: accountName, date: row[col.date] };
        return reject(ORDER_SUMMARY_ROW, rowNo, false);
      }
      if (!accountName && summaryAbove.key === rawOrderId) accountName = summaryAbove.name;
    }
    const sameOrder = rawOrderId !== "" && rawOrderId === lastOrderKey;
    // The customer heading the line stands under, where the line names none (sales by customer detail).
    if (accountHeadings) {
      linesSinceHeading = true;
      if (!accountName && groups.length) accountName = groups[groups.length - 1].path;
    }
    let accountKey = col.accountId >= 0 ? text(row[col.accountId]) : "";
    if (carried && !accountKey && !accountName) {
      accountKey = carried.id;
      accountName = carried.name;
    }
    // The customer (and, with no order id, the date) written once for the lines below it (a
    // PivotTable, ingest/firstLineFields): the line above's. A line of a date of its own takes it
    // only in a file grouped by customer (else it is a walk-in sale, no line of the one above).
    let fromLineAbove = false;
    if (lineAbove) {
      if (accountKey || accountName) {
        lineAbove.key = accountKey;
        lineAbove.name = accountName;
        lineAbove.date = rawDate;
      } else if (
        (lineAbove.key || lineAbove.name) &&
        !sameOrder &&
        namesProduct(row) &&
        !isDatedSummaryRow(row) &&
        (options.customerOnFirstLine ||
          isBlankCell(rawDate) ||
          sameCellValue(rawDate, lineAbove.date))
      ) {
        accountKey = lineAbove.key;
        accountName = lineAbove.name;
        fromLineAbove = true;
        if (!isBlankCell(rawDate)) lineAbove.date = rawDate;
      }
    }
    // An order's line listed again further down, its customer blank: the customer the lines
    // above gave its order id (ingest/orderAccounts). Under a line of the same id, that line's
    // order's, unless the id was given to two customers.
    orderIdMiss = undefined;
    let twoCustomers = false;
    if (orderAccounts && rawOrderId) {
      if (accountKey || accountName) orderAccounts.note(rawOrderId, accountKey, accountName);
      else if (!sameOrder) {
        const customer = customerByOrderId(rawOrderId, rowNo);
        if (customer) ({ key: accountKey, name: accountName } = customer);
      } else {
        const match = orderAccounts.match(rawOrderId);
        twoCustomers = match.kind === "two";
        if (twoCustomers) orderIdMiss = { id: rawOrderId, match };
      }
    }
    // A guest checkout's id (WooCommerce's 0) is no account: the buyer's e-mail is, else the company.
    if (guestAccountId !== undefined) {
      if (!accountName) accountName = buyerName(row);
      if (col.accountId < 0 || accountKey === guestAccountId)
        accountKey = col.accountEmail >= 0 ? text(row[col.accountEmail]).toLowerCase() : "";
    }
    // An e-mail is the customer (Shopify): one address whatever its case, lower-cased once per order.
    if (emailIds && accountKey) accountKey = sameOrder ? orderAccountId : accountKey.toLowerCase();
    if (sameOrder && !twoCustomers) {
      if (!accountKey) accountKey = orderAccountId;
      if (!accountName) accountName = orderAccountName;
    }
    // An order's first line with no e-mail (Shopify): its company's, else the person's who ordered.
    if (guestAccounts && !sameOrder) {
      if (!accountKey && !accountName) accountName = text(row[col.orderedBy]);
      else if (accountName && accountKey) keyedCompanies.add(accountName.toLowerCase());
      else if (accountName) unkeyedCompanies.set(accountName.toLowerCase(), accountName);
    }
    splitSite = col.site >= 0 ? text(row[col.site]) : "";
    // the customer as written, before a "Parent : Sub" rolls up: a heading above may name it so
    const writtenName = accountName;
    const writtenKey = accountKey;
    if (customerJob) {
      // QuickBooks "Parent:Job" (or "Parent:Job:Sub-job"): the account is the parent, the job its site.
      accountName = splitJob(accountName);
      accountKey = splitJob(accountKey);
    } else {
      // NetSuite's "Parent : Sub", in its own layout or any other: read as QuickBooks' jobs are
      // (ingest/customerHierarchy), and counted for the user
      accountName = splitSubCustomer(accountName, 0);
      accountKey = splitSubCustomer(accountKey, 1);
      countSubCustomer();
    }
    const site = splitSite;
    // a sale's own row (its total again) or a payment row beside its item rows (Vend): no line
    if (col.lineType >= 0) {
      const rule = lineTypeRule(text(row[col.lineType]));
      if (rule) return reject(rule, rowNo, false);
    }
    if (deletedSale(row)) return reject(DELETED_TRANSACTION, rowNo, false);
    if (col.orderStatus >= 0 || col.cancelledAt >= 0) {
      const written = col.orderStatus >= 0 ? text(row[col.orderStatus]) : "";
      // MYOB's one-letter sale statuses as the documents they name ("Q" a quote)
      const status = mapping.saleStatusCodes ? saleStatusDocument(written) : written;
      const cancelled = col.cancelledAt >= 0 && cancellationMarked(row[col.cancelledAt]);
      if (rawOrderId === "" || rawOrderId !== statusOrderKey) {
        statusOrderKey = rawOrderId;
        orderNoSale = undefined;
        refundLine = false;
      }
      // An item ledger's entry type: purchases, transfers and adjustments are no sales.
      if (saleEntryType && !saleEntryType.test(status))
        return reject("not a sale entry", rowNo, false);
      if (
        cancelled ||
        VOID_STATUS.test(status) ||
        (!!layoutVoidStatus && layoutVoidStatus.test(status)) ||
        (mapping.closedIsRefunded && MAGENTO_CLOSED.test(status))
      )
        orderNoSale = VOID_ORDER;
      // a CRM's deal: only a won one is a sale
      else if (mapping.dealStages && dealStageRule(status)) orderNoSale = dealStageRule(status);
      else if (unapprovedStatus.test(status)) orderNoSale = UNAPPROVED_ORDER;
      // a web shop's order awaiting payment (a bank transfer not yet received), unless on terms
      else if (unpaidTerms?.onHoldOnly && ON_HOLD_DOC.test(status)) orderNoSale = ON_HOLD_DOCUMENT;
      else if (
        unpaidTerms &&
        !unpaidTerms.onHoldOnly &&
        AWAITING_PAYMENT.test(status) &&
        !onPaymentTerms(row)
      )
        orderNoSale = UNPAID_ORDER;
      // a status that says the document is a quote: the same rule as a quote's document type;
      // MYOB's open order beside its invoices, as an order's document type
      else if (
        QUOTE_DOC.test(status) ||
        (mapping.saleStatusCodes && invoicedDocsOnly && PRE_INVOICE_DOC.test(status))
      )
        orderNoSale = NOT_SOLD_DOC;
      else if (
        (PARTLY_REFUNDED.test(status) ||
          // WooCommerce keeps a partly refunded order's status: its refund says it
          (refundsBesideStatus && refundedOf(row) !== undefined)) &&
        rawOrderId !== partlyRefundedKey &&
        !(bigCommerceTotals && bigCommerceTotals.refund >= 0)
      ) {
        partlyRefundedKey = rawOrderId;
        refundLine = true;
      }
      // never a sale (or one given back in full): its amount is no revenue lost
      if (orderNoSale === VOID_ORDER)
        voidedCredits.noteVoided(row, rawOrderId, accountKey || accountName, date);
      if (orderNoSale) return reject(orderNoSale, rowNo, false);
    }
    // QuickBooks' "Not Specified": sales with no customer chosen, grouped as if they had one
    const named = accountKey || accountName;
    // (tested once per run of one customer's lines: an order's lines repeat it)
    if (named !== noCustomerText) {
      noCustomerText = named;
      // an Excel error (#N/A from a lookup) names no one: a line with no account, said
      noCustomerIs = NO_CUSTOMER.test(named) || isExcelError(named);
    }
    const accountId = noCustomerIs ? "" : named;
    if (headingAbove) {
      if (headingNames(headingAbove.text, [accountName, accountKey, writtenName, writtenKey])) {
        unreject(headingAbove.reason, headingAbove.row);
        report.skippedCustomerHeadings++;
      }
      headingAbove = undefined;
    }
    if (!accountId) {
      // A transaction list's deposit or transfer names no customer: it is no sale, not a lost one.
      const type = col.docType >= 0 ? text(row[col.docType]) : "";
      if (saleDocType && !saleDocType.test(type)) return reject(notSaleDocRule(type), rowNo, false);
      // A summary row with a date on it (the report's run date beside "Lines 5"): no order line.
      if (isDatedSummaryRow(row)) {
        report.skippedTotals++;
        return;
      }
      // A totals footer on two rows: "Summe" on one, its figures alone on the row under it.
      if (date === undefined && rowNo === totalsRowNo + 1 && onlyNumbers(row)) {
        report.skippedTotals++;
        return;
      }
      // A totals row without a label (NetSuite's grand total): bare figures whose revenue is the
      // sum of the lines above, all of them or those since the last totals row. One that is not
      // stays a line with no account, its value said as skipped.
      if (
        date === undefined &&
        rowRevenue !== undefined &&
        summedAbove > 0 &&
        onlyNumbers(row) &&
        (sameMoney(rowRevenue, sumAbove) || sameMoney(rowRevenue, sinceTotals))
      ) {
        sums.column = sumAbove;
        sums.sinceTotals = 0;
        linesSummed = summedAbove;
        report.skippedTotals++;
        totalsRowNo = rowNo;
        return;
      }
      if (!named) noteOrderIdMiss(rowNo);
      return reject(named ? `no account ("${named}")` : "no account", rowNo);
    }
    // A later line of an order with no date of its own takes the order's (the first line's, or
    // its summary row's above it).
    const dateAbove: Cell = sameOrder
      ? orderDate
      : summaryAbove.key === rawOrderId && rawOrderId
        ? summaryAbove.date
        : fromLineAbove
          ? lineAbove!.date
          : null;
    if (date === undefined && isBlankCell(rawDate) && !isBlankCell(dateAbove)) {
      date = parseDate(dateAbove, options.dateOrder, options.date1904);
      if (swapDates && date !== undefined && typeof dateAbove !== "string")
        date = swapDayMonth(date);
    }
    if (date === undefined && isBlankCell(rawDate)) return reject("no date", rowNo);
    if (date === undefined) {
      const compact = compactDateIn(rawDate);
      if (compact) compactDates.add(compact, rawDate);
      return reject(compact ? COMPACT_DATE_RULE[compact] : "unreadable date", rowNo);
    }
    let sku = col.sku >= 0 ? text(row[col.sku]) : "";
    // a configurable product is the simple one chosen: its code, and its name where written
    const option = configurable ? configurableOption : undefined;
    if (option) sku = boughtSku(sku, option, col.sku);
    const productName =
      packedName ??
      (option && col.productName >= 0 && !isBlankCell(option[col.productName])
        ? text(option[col.productName])
        : col.productName >= 0 && !(itemLinesOnly && !sku)
          ? text(row[col.productName])
          : "");
    // the tax as a line of its own ("VAT 20%"): the description says it, else the item code
    const product = products.of(productName || sku);
    if (product.taxLine) {
      if (docTotals && rawOrderId && rowRevenue !== undefined) {
        docTotals.tax += rowRevenue;
        docTotals.taxLines++;
      }
      return reject(TAX_LINE, rowNo, false);
    }
    // A line without a product code is named by its description (Xero, Shopify and Business
    // Central service lines), or by the heading it stands under (QuickBooks).
    const heading = productHeadings ? productPath.product : "";
    const headingName = productHeadings ? productPath.productName : "";
    if (productHeadings) productPath.line();
    if (!sku) sku = productName || heading;
    // A transaction's main, tax or journal line (NetSuite): no item, no order line, no sale lost.
    if (!sku && itemLinesOnly && col.sku >= 0)
      return reject("no item (a transaction's main, tax or journal line)", rowNo, false);
    // A journal entry, payment or deposit in a detail report (QuickBooks' sales by customer
    // detail lists a journal posted to a customer; a ledger's payment with its memo in the
    // description column): no sale, so no revenue lost either.
    if (col.docType >= 0 && OTHER_TRANSACTION.test(text(row[col.docType])))
      return reject(notSaleDocRule(text(row[col.docType])), rowNo, false);
    if (!sku && hasProducts && (col.sku >= 0 || col.productName >= 0)) {
      // perhaps its document's total beside its lines (settleDocument decides)
      if (docTotals && rawOrderId && rowRevenue !== undefined) {
        docTotals.sum -= rowRevenue;
        docTotals.lines--;
        docTotals.noProduct.push({ row: rowNo, value: rowRevenue, cells: row.slice() });
      }
      return reject(NO_PRODUCT_RULE, rowNo);
    }
    if (watched.length) watch(row, rowNo);
    const rawQty = col.quantity >= 0 ? row[col.quantity] : undefined;
    let quantity: number | undefined;
    if (col.quantity >= 0) {
      quantity = isBlankCell(rawQty) ? undefined : parseQuantity(rawQty, qtyDec);
      // An invoice-level line with a value and no quantity counts one unit.
      if (quantity === undefined && !(isBlankCell(rawQty) && col.revenue >= 0 && !noValue(row))) {
        // A text line with its quantity, price and value all blank (Business Central): nothing bought.
        if (
          isBlankCell(rawQty) &&
          (col.unitPrice < 0 || isBlankCell(row[col.unitPrice])) &&
          noValue(row)
        )
          return reject("empty line (no quantity, no value)", rowNo);
        return reject(isBlankCell(rawQty) ? "no quantity" : "unreadable quantity", rowNo);
      }
    }
    // No order line has 10 trillion units either (an id or a barcode in the quantity column):
    // summed into the units, or priced (× £0.50 is still under the revenue limit), it swamps the rest.
    // Its revenue cell, when it has a real one, is said as skipped revenue.
    if (quantity !== undefined && !(Math.abs(quantity) < MAX_QUANTITY))
      return reject(
        "quantity too large to be real (10 trillion or more)",
        rowNo,
        (col.revenue >= 0 || col.credit >= 0) && Math.abs(lineValueOf(row)) < MAX_LINE_VALUE
      );
    // Stock movements: a sale leaves stock (negative), a return comes back (positive).
    if (stockMovement && quantity !== undefined) quantity = -quantity;
    const qty = quantity ?? 1;

    let revenue: number | undefined;
    let lineDiscountTaken = 0;
    let moneyCurrency: string | undefined;
    let unitPrice: number | undefined;
    let priceUnreadable = false;
    const rawPrice = col.unitPrice >= 0 ? row[col.unitPrice] : undefined;
    const rawRevenue = col.revenue >= 0 ? row[col.revenue] : undefined;
    // Plain numbers (almost every cell Excel hands over) skip the text parser and its allocation.
    if (typeof rawPrice === "number" && Number.isFinite(rawPrice)) unitPrice = rawPrice;
    else if (col.unitPrice >= 0 && !isBlankCell(rawPrice)) {
      const p = parseMoney(rawPrice, priceDec);
      if (p) {
        unitPrice = p.value;
        moneyCurrency = p.currency;
      } else priceUnreadable = true;
    }
    // A price per 100 or 1,000 pieces (SAP's and German ERPs' "PE"): the price of one piece.
    if (unitPrice !== undefined && col.priceUnit >= 0 && !isBlankCell(row[col.priceUnit])) {
      const per = parseQuantity(row[col.priceUnit], qtyDec);
      if (per === undefined || per <= 0) return reject("unreadable price unit", rowNo);
      unitPrice /= per;
    }
    if (isExcelError(rawRevenue)) {
      // An Excel error (#N/A, #REF!) in the amount: the order happened (its date counts), its
      // value is unknown. Kept at 0 and said, with the errors and their rows, never dropped.
      const e = rawRevenue.trim();
      const seen = valueErrors.get(e) ?? [];
      seen.push(rowNo);
      valueErrors.set(e, seen);
      revenue = 0;
    } else if (typeof rawRevenue === "number" && Number.isFinite(rawRevenue)) {
      revenue = rawRevenue * revenueScale;
      if (mapping.revenueBeforeDiscount) revenue = lessDiscount(row, revenue);
      if (Number.isNaN(revenue)) return reject("unreadable discount", rowNo);
    } else if (col.revenue >= 0 && !isBlankCell(rawRevenue)) {
      const m = rowMoney === undefined ? parseMoney(rawRevenue, revDec) : rowMoney;
      if (!m) return reject("unreadable revenue", rowNo);
      revenue = m.value * revenueScale;
      moneyCurrency = m.currency ?? moneyCurrency;
      if (mapping.revenueBeforeDiscount) revenue = lessDiscount(row, revenue);
      if (Number.isNaN(revenue)) return reject("unreadable discount", rowNo);
    } else if (col.credit >= 0) {
      // Debit and Credit columns: a row without a Debit is its Credit (below), or nothing at all.
      revenue = 0;
    } else if (unitPrice !== undefined && quantity !== undefined) {
      // Line value = quantity × unit price, less the discount % and any line discount.
      revenue = lessDiscount(row, quantity * unitPrice);
      if (Number.isNaN(revenue)) return reject("unreadable discount", rowNo);
      if (col.lineDiscount >= 0 && !isBlankCell(row[col.lineDiscount])) {
        const ld = parseMoney(row[col.lineDiscount], lineDiscDec)?.value;
        if (ld === undefined) return reject("unreadable line discount", rowNo);
        revenue -= Math.abs(ld) * Math.sign(revenue || 1);
        lineDiscountTaken = Math.abs(ld);
      }
    }
    // Amazon's item-price is before the item's promotion discount (written either sign): it comes off.
    if (
      revenueBeforeLineDiscount &&
      col.revenue >= 0 &&
      revenue !== undefined &&
      !isBlankCell(row[col.lineDiscount])
    ) {
      const ld = parseMoney(row[col.lineDiscount], lineDiscDec)?.value;
      if (ld === undefined) return reject("unreadable line discount", rowNo);
      revenue -= Math.abs(ld) * Math.sign(revenue || 1);
      lineDiscountTaken = Math.abs(ld);
    }
    // Debit and Credit columns (QuickBooks): the line's value is Debit − Credit, as its Amount would be.
    if (col.credit >= 0 && revenue !== undefined && !isBlankCell(row[col.credit])) {
      const c = parseMoney(row[col.credit], creditDec);
      if (!c) return reject("unreadable credit", rowNo);
      revenue -= c.value;
      moneyCurrency = c.currency ?? moneyCurrency;
    }
    // the line's value at the store's prices (with tax where they include it), before its net share
    const storeValue = revenue ?? 0;
    // A store whose prices include tax (ingest/plausible found Shopify's Total = Subtotal +
    // Shipping): each line at its order's net share, read from the order's first line.
    if (col.orderTotal >= 0 && col.orderTax >= 0 && revenue !== undefined) {
      if (!sameOrder) orderNetShare = netShare(row[col.orderTotal], row[col.orderTax], priceDec);
      revenue *= orderNetShare;
      if (unitPrice !== undefined) unitPrice *= orderNetShare;
    }
    // Lines written tax-inclusive (ingest/plausible found Xero's Total = the sum of LineAmount):
    // the line's tax comes off, so revenue is before tax as everywhere else.
    // Xero's "LineAmountTypes" says which invoices hold the tax (a blank follows the invoice's first line).
    if (col.amountTypes >= 0) {
      const t = text(row[col.amountTypes]);
      if (t || !sameOrder) orderTaxInclusive = TAX_INCLUSIVE.test(t);
    }
    if (col.invoiceTotal >= 0 && revenue !== undefined && !sameOrder)
      invoiceInclusive = invoiceIsInclusive(row, rawOrderId, revenue);
    if (
      col.taxAmount >= 0 &&
      revenue !== undefined &&
      (col.amountTypes < 0 || orderTaxInclusive) &&
      (col.invoiceTotal < 0 || invoiceInclusive) &&
      !isBlankCell(row[col.taxAmount])
    ) {
      const tax = parseMoney(row[col.taxAmount], revDec)?.value;
      if (tax === undefined) return reject("unreadable tax amount", rowNo);
      if (unitPrice !== undefined && revenue !== 0) unitPrice *= (revenue - tax) / revenue;
      revenue -= tax;
    }
    // a won deal with no actual value (blank, or 0 beside an estimate, as a lost deal's is
    // written): its estimate said, never counted in its place, nor a sale of 0
    if (
      wonNoActual &&
      !priceUnreadable &&
      (revenue === undefined || (revenue === 0 && dealEstimateOf(row) !== 0))
    )
      return reject(wonNoActual, rowNo, false);
    if (revenue === undefined)
      return reject(
        priceUnreadable
          ? "unreadable unit price"
          : col.revenue >= 0
            ? "no revenue"
            : "no revenue or unit price",
        rowNo
      );
    // No order line is worth 10 trillion (a code or an id in the amount column, Excel's 9.99E+307):
    // summed with the rest it swamps them (an account's other lines lost, the CLV fit overflowing).
    if (!(Math.abs(revenue) < MAX_LINE_VALUE))
      return reject("revenue too large to be real (10 trillion or more)", rowNo, false);
    // Magento's order items: the row total less the line's discount, its cancelled units and its refunds
    let lineRefundedUnits = 0;
    if (lineRefunds && col.revenue >= 0) {
      const net = netOfLineRefunds(
        row,
        lineRefunds,
        revenue,
        quantity,
        (c) => parseMoney(c, revDec)?.value,
        (c) => parseQuantity(c, qtyDec)
      );
      if (!net) return reject("unreadable discount, cancellation or refund", rowNo);
      // every unit cancelled, or every unit given back: nothing sold on the line
      if (net.canceled) return reject(CANCELLED_LINE, rowNo, false);
      if (net.offUnits > 0 && net.offUnits >= qty && Math.abs(net.revenue) < 0.005)
        return reject(REFUNDED_LINE, rowNo, false);
      revenue = net.revenue;
      lineRefundedUnits = net.offUnits;
    }
    // Square's refunds by amount: money given back, whatever its sign, off the payment's row or as
    // a refund's own (its Net Sales 0)
    if (partialRefundsAt >= 0 && !isBlankCell(row[partialRefundsAt])) {
      const back = parseMoney(row[partialRefundsAt], revDec)?.value;
      if (back === undefined) return reject("unreadable partial refund", rowNo);
      revenue -= Math.abs(back);
    }
    // none of the goods sold or given back (a gift card sold, a $0 transaction): no order of 0
    if (partialRefundsAt >= 0 && revenue === 0) return reject(NO_GOODS_SOLD, rowNo, false);
    // Magento's order grid: the Subtotal less the order's discount and what was refunded
    if (orderRefunds && col.revenue >= 0) {
      const net = netOfOrderRefund(row, orderRefunds, revenue, (c) => parseMoney(c, revDec)?.value);
      if (!net) return reject("unreadable discount or refund", rowNo);
      if (net.refunded > 0 && net.revenue < 0.005) {
        if (net.beyond > 0.005) refundedPastGoods++;
        return reject(VOID_ORDER, rowNo, false);
      }
      if (net.refunded > 0 && ordersNetOfRefund++ < 3)
        netOfRefundExamples.push(
          `${rawOrderId || `row ${rowNo}`}: ${plainMoney(revenue, options.culture)} less ${plainMoney(net.refunded, options.culture)} refunded`
        );
      revenue = net.revenue;
    }
    // A comment or text line (Business Central, SAP): no quantity and no value, nothing bought.
    if (qty === 0 && revenue === 0) return reject("empty line (no quantity, no value)", rowNo);
    // An item ledger's sale with no actual sales amount is shipped, not yet invoiced.
    if (stockMovement && revenue === 0) return reject("shipped, not yet invoiced", rowNo);

    // A partially refunded order, read on its first line: net of the refund where exact, else flagged.
    let refundedUnits = lineRefundedUnits;
    let refundHere: { goods: number; units: number } | undefined;
    if (refundLine) {
      refundLine = false;
      laterRefund = undefined;
      const refund = exactRefund(row, rawOrderId, revenue, quantity, unitPrice);
      const id = rawOrderId || `row ${rowNo}`;
      if (refund && refund.goods > 0) {
        if (refundsNetted++ === 0) refundNettedExample = `${id}: ${refund.said}`;
        if (refund.lines > 1) refundNettedOfLines = true;
        if (refund.at === chunkAt) refundHere = refund;
        else laterRefund = { orderKey: rawOrderId, ...refund };
      } else {
        const amount = col.refundedAmount >= 0 ? refundedOf(row) : undefined;
        const written = col.currency >= 0 ? text(row[col.currency]) : "";
        const code = written ? normaliseCurrency(written) : "";
        if (partlyRefunded++ < 3) {
          partlyRefundedIds.push(id);
          if (amount !== undefined)
            refundsAtStake.push(`${id}: ${plainMoney(amount, options.culture)}`);
        }
        if (amount !== undefined)
          refundedByCurrency.set(code, (refundedByCurrency.get(code) ?? 0) + amount);
      }
    } else if (laterRefund && laterRefund.at === chunkAt && laterRefund.orderKey === rawOrderId) {
      refundHere = laterRefund;
      laterRefund = undefined;
    }
    if (refundHere) {
      revenue -= refundHere.goods;
      refundedUnits = refundHere.units;
      // every unit given back: no sale left (its shipping is no revenue)
      if (Math.abs(revenue) < 0.005 && (quantity === undefined || refundedUnits === quantity))
        return reject(VOID_ORDER, rowNo, false);
    }
    let currencyText = col.currency >= 0 ? text(row[col.currency]) : homeCurrency;
    // no code on the line: a blank currency cell, or (with a rates table) no currency column
    const noCode = !currencyText && (col.currency >= 0 || convert);
    if (!currencyText && sameOrder) currencyText = orderCurrency;
    // an order whose first line was skipped (its later lines taken): the currency written there
    if (!currencyText && rowOrderKey !== "") currencyText = firstLineCurrency;
    if (!sameOrder) {
      lastOrderKey = rawOrderId;
      orderAccountId = accountKey;
      orderAccountName = accountName;
      orderCurrency = currencyText;
      orderDate = rawDate;
    }
    let currency = (currencyText ? normaliseCurrency(currencyText) : "") || moneyCurrency;
    lineSymbol = undefined;
    // A blank cell in a currency column (MYOB's home-currency sales) names nothing: the money's
    // symbol does, as without the column ("$" is the culture's dollar, else none named, never USD).
    // A later line of an order takes the order's currency (Shopify writes it once), unless its
    // symbol is not that currency's ("$12.00" in a GBP order).
    if (noCode) {
      const shared =
        moneyCurrency === undefined
          ? (kronaOf(rawRevenue) ?? kronaOf(rawPrice))
          : sharedSymbolOfText(`${rawRevenue ?? ""} ${rawPrice ?? ""}`, moneyCurrency);
      if (shared && !(currencyText && SHARED_SYMBOLS[shared].includes(currency!))) {
        currency = currencyOfSharedSymbol(shared, options.culture);
        if (currency === undefined) {
          lineSymbol = shared;
          // with a rates table, money naming no currency is the reporting currency's: the
          // symbol is kept as the line's own, and the line is not converted (rateOf has none)
          // so is a second symbol ("kr" beside "$"): '' is the first one's
          if (convert || (fileSymbol !== undefined && fileSymbol !== shared)) currency = shared;
          else fileSymbol = shared;
        }
      }
    }
    currencies[currency ?? ""] = (currencies[currency ?? ""] ?? 0) + 1;
    countedCurrency = currency ?? "";
    countedAsFileSymbol = false;
    if (symbolsOnly) {
      // "£1,200.50" beside plain 80.00: one currency, filed as '' and named at the end.
      if (currency !== undefined && fileCurrency === undefined && fileSymbol === undefined) {
        fileCurrency = currency;
        // "$40.00" is some dollar (the culture may say which); "USD 40.00" is the US one
        fileSymbol = sharedSymbolOfText(`${rawRevenue ?? ""} ${rawPrice ?? ""}`, currency);
        fileSymbolUnnamed =
          !!fileSymbol && currencyOfSharedSymbol(fileSymbol, options.culture) === undefined;
      } else if (currency === undefined && fileCurrency === undefined && fileSymbol === undefined) {
        fileSymbol = kronaOf(rawRevenue) ?? kronaOf(rawPrice);
        fileSymbolUnnamed =
          !!fileSymbol && currencyOfSharedSymbol(fileSymbol, options.culture) === undefined;
        if (fileSymbolUnnamed) lineSymbol = fileSymbol;
      } else if (
        currency !== fileCurrency ||
        (currency === undefined && fileSymbol) ||
        // "$12.00" after "USD 40.00": the parser reads both USD, but "$" names no code
        (fileSymbol === undefined &&
          sharedSymbolOfText(`${rawRevenue ?? ""} ${rawPrice ?? ""}`, currency))
      ) {
        // a symbol other than the file's first ("$" after "£", "kr" after "$"): one several
        // currencies write is the culture's, else kept as written, never USD or the file's
        const shared =
          currency === undefined
            ? (kronaOf(rawRevenue) ?? kronaOf(rawPrice))
            : sharedSymbolOfText(`${rawRevenue ?? ""} ${rawPrice ?? ""}`, currency);
        if (shared && shared !== fileSymbol) {
          const read = currency ?? ""; // counted above under the code the parser read
          if (--currencies[read] === 0) delete currencies[read];
          currency = currencyOfSharedSymbol(shared, options.culture) ?? shared;
          currencies[currency] = (currencies[currency] ?? 0) + 1;
          countedCurrency = currency;
          if (currency === shared) lineSymbol = shared;
        } else if (shared && fileSymbolUnnamed) lineSymbol = shared;
      }
      if (
        currency !== undefined &&
        currency === fileCurrency &&
        writesFileCode(currency, `${rawRevenue ?? ""} ${rawPrice ?? ""}`)
      ) {
        fileCodeWritten = true; // "USD 80.00" after "$100.00": USD itself, never the "$" lines'
      } else if (currency === fileCurrency) {
        countedAsFileSymbol = currency !== undefined && fileSymbol !== undefined;
        if (countedAsFileSymbol) fileSymbolCounted++;
        currency = undefined;
        if (fileSymbolUnnamed && fileCurrency !== undefined) lineSymbol = fileSymbol;
      }
    }
    let lineRate = 1;
    if (convert && currency && currency !== reporting && lineSymbol === undefined) {
      const rate = rateOf.get(currency);
      if (rate === undefined) return reject(`no exchange rate for ${currency}`, rowNo);
      lineRate = rate;
      revenue *= rate;
      if (unitPrice !== undefined) unitPrice *= rate;
      currency = reporting;
    } else if (convert && !currency) currency = reporting;

    const rawOrder = rawOrderId;
    const docType = col.docType >= 0 ? text(row[col.docType]) : "";
    // a cancelled invoice and its S1 cancellation: both out, as a voided invoice and its credit note
    if (cancelledBilling) {
      const pair = cancelledBilling.get(rawOrder);
      if (pair === CANCELS_NO_CREDIT) return reject(pair, rowNo);
      if (pair) return reject(pairRule(pair, docType), rowNo, false);
    }
    // a transaction list's types (saleDocType) name their own sales; a voided one is still voided
    const noSaleRule =
      docType === ""
        ? ""
        : !saleDocType
          ? noSaleDocRule(docType)
          : VOID_INVOICE_DOC.test(docType)
            ? VOID_ORDER
            : "";
    if (noSaleRule === VOID_ORDER) voidedCredits.noteVoided(row, rawOrder, accountId, date);
    if (noSaleRule !== "") return reject(noSaleRule, rowNo, false);
    if (options.sageDocTypes && docType.length === 2 && SAGE_NOT_SALE.test(docType))
      return reject("not a sale (a receipt, payment, purchase or journal line)", rowNo, false);
    if (saleDocType) {
      if (!saleDocType.test(docType)) {
        uncountCurrency();
        return reject(notSaleDocRule(docType), rowNo, false);
      }
      if (revenue === 0) return reject("voided (amount 0)", rowNo);
    }
    // a statement charge that is a late fee (its item, memo or income account says so): no sale;
    // the length test keeps the pattern off every other row
    if (docType.length === 16 && STATEMENT_CHARGE.test(docType) && namesFinanceCharge(row))
      return reject(FINANCE_CHARGE, rowNo, false);
    const creditType =
      (docType !== "" &&
        ((CREDIT_TYPE.test(docType) && !CREDIT_CANCELLATION.test(docType)) ||
          (!!options.sapDocTypes && SAP_RETURNS.test(docType)) ||
          // an invoice's cancellation that cancels none in the file ("Annulation facture": no
          // word of CREDIT_TYPE's) is a return, as an unpaired S1 is
          (!!options.cancellationWords && INVOICE_CANCELLATION_WORDS.test(docType)) ||
          (!!layoutCreditDoc && layoutCreditDoc.test(docType)) ||
          (docCreditCodes !== undefined &&
            docType.length <= 4 &&
            docCreditCodes.has(docType.toUpperCase())))) ||
      (creditIdPrefixes !== undefined && hasIdPrefix(rawOrder, creditIdPrefixes)) ||
      (returnSide !== undefined && sideOf(row[returnSide.column]) === returnSide.side);
    // the same rule as the worksheet functions (domain/orderLines)
    const signed = signedLine;
    signInto(signedLine, qty - refundedUnits, revenue, rawOrder, creditType, creditIds);
    // A discount item's negative line on an invoice (QuickBooks Desktop's "Discount" line among
    // the invoice's items, a "Rabatt" line) lowers that invoice's value: a price reduction, not a
    // return; so does a down payment taken off the final invoice (Odoo's "Down payment" line).
    // On an invoice: a document type that is not a credit, else a line of the order above it.
    // The same rule as the worksheet functions (domain/orderLines). Negative lines only, so off
    // the common path.
    if (signed.isReturn && !creditType && (docType !== "" || sameOrder))
      keepTakenOffSigned(
        signed,
        { quantity: qty, revenue, orderId: rawOrder, sku, description: productName },
        creditIds
      );
    if (creditIds && rawOrder !== "" && creditNumbering === undefined) {
      if (idRun++ === 0) idRunFirst = rowNo;
      if (isCreditNoteId(rawOrder)) {
        if (idRunCredit++ === 0) idRunExample = rawOrder;
        if (creditRunStart < 0) creditRunStart = rowNo;
      } else creditRunStart = -1;
      if (idRun === CREDIT_ID_SAMPLE) {
        if (idRunCredit * 2 > idRun)
          creditNumbering = {
            row: creditRunStart >= 0 ? creditRunStart : idRunFirst,
            example: idRunExample,
          };
        idRun = idRunCredit = 0;
      }
    }
    const isReturn = signed.isReturn;
    // A credit note reversing an invoice skipped as voided: it takes nothing off either, decided
    // on its first line (off the common path: only returns; one look-up per credit note).
    // held to the end where the file can mark an invoice voided (ingest/voidedCredits)
    let holdCredit = false;
    if (isReturn && rawOrder !== "") {
      if (voidedCredits.holds(rawOrder)) holdCredit = true;
      else if (
        voidedCredits.reversesVoided({
          row,
          id: rawOrder,
          account: accountId,
          date,
          rows: chunk,
          at: chunkAt,
        })
      )
        return reject(VOID_CREDIT, rowNo, false);
    }
    const cat = catalog && catalog.size > 0 ? catalog.get(sku) : undefined;
    const listRaw = col.listPrice >= 0 ? parseMoney(row[col.listPrice], listDec)?.value : undefined;
    const line: OrderLine = options.reuseLine ? shared : ({} as OrderLine);
    line.accountId = accountId;
    line.accountName = accountName || undefined;
    line.date = date;
    line.orderId = rawOrder || `${accountId}|${date}`;
    line.sku = sku === "" ? sku : products.skuOf(product, sku);
    line.productName =
      productName ||
      (productHeadings && sku === heading ? headingName || heading : undefined) ||
      cat?.name;
    const category =
      (col.category >= 0
        ? categoryText(text(row[col.category]))
        : (categoryFromHeadings ? productPath.category : "") ||
          (categoryFromSku ? productCategoryPrefix(sku) : "")) || cat?.category;
    line.category = category ? products.categoryOf(product, category) : UNCATEGORISED;
    // No product column but a category column: the category stands for the product.
    if (categoryForProduct) line.sku = categoryStandIn(line.category);
    line.quantity = signed.quantity;
    line.revenue = signed.revenue;
    line.unitPrice = unitPrice;
    line.listPrice = listRaw ?? cat?.listPrice;
    line.orderedBy = col.orderedBy >= 0 ? text(row[col.orderedBy]) || undefined : undefined;
    line.site = site || undefined;
    line.currency = currency;
    line.isReturn = isReturn;
    line.row = rowNo;
    // an amendment replaces its original, which may be read before it: every line waits
    if (amendments) return amendments.hold({ ...line }, text(row[amendedFromAt]));
    if (holdCredit) return voidedCredits.hold(row, rawOrder, accountId, date, line);
    if (downPayments) {
      // one closure per push, not per line
      if (acceptFor !== sink) {
        acceptFor = sink;
        acceptToSink = heldInto(sink);
      }
      const accept = acceptToSink!;
      // a down-payment invoice by its type (weclapp's "Anzahlungsrechnung"), else by its line
      const downPayment =
        !isReturn && (isDownPaymentInvoice(docType) || isDownPayment(sku, productName));
      if (downPayments.hold(line, rawOrder, sameOrder, downPayment && line.revenue >= 0, accept))
        return;
      // a final invoice taking a down payment off: the down-payment invoice joins it
      if (downPayment && line.revenue < 0 && downPayments.holding)
        downPayments.takeOff(line, productName || sku, accept);
    }
    report.accepted++;
    if (lineSymbol !== undefined) noteSymbolLine(lineSymbol, line.revenue, rowNo);
    sums.accepted += line.revenue;
    if (currency !== revenueRunCurrency) {
      if (report.accepted > 1) fileRevenueRun();
      revenueRunCurrency = currency;
    }
    sums.run += line.revenue;
    if (isReturn) report.returns++;
    if (accountId !== lastAccount && countAccounts) {
      accounts.add(accountId);
      lastAccount = accountId;
    }
    if (date < firstDate) firstDate = date;
    if (date > lastDate) lastDate = date;
    if (!isReturn && date > lastSaleDate) lastSaleDate = date;
    if (orderDiscounts) {
      const { settled, held } = orderDiscounts.note(
        row,
        line,
        sameOrder,
        storeValue,
        lineDiscountTaken,
        lineRate,
        orderNetShare
      );
      acceptOrderDiscount(settled, sink);
      // (before a held line's return: the order's shipping is noted on each of its lines)
      if (orderShipping)
        acceptOrderDiscount(orderShipping.note(row, line, lineRate, orderNetShare), sink);
      // a line of an invoice whose discount is spread over its lines: handed over when it ends
      if (held) return;
    } else if (orderShipping)
      acceptOrderDiscount(orderShipping.note(row, line, lineRate, orderNetShare), sink);
    sink(line);
  }

  /** acceptHeld into the sink of the rows being parsed (a down payment's held lines) */
  let acceptFor: ((line: OrderLine) => void) | undefined;
  let acceptToSink: ((line: OrderLine) => void) | undefined;
  /** acceptHeld into `sink`; made here, not in parseRowLine, whose every call would otherwise keep `sink` in a context of its own */
  function heldInto(sink: (line: OrderLine) => void): (line: OrderLine) => void {
    return (l: OrderLine) => acceptHeld(l, sink);
  }

  /**
   * The line's site, where a "Parent:Job" or "Parent : Sub" customer gives it (splitJob,
   * splitSubCustomer): set by parseRowLine to the site column's text first. Functions of the
   * parser and a variable of its own, where closures in parseRowLine took a context and two
   * functions on every line.
   */
  let splitSite = "";
  /** QuickBooks' "Parent:Job": the parent; the job is the site where the line names none. */
  function splitJob(s: string): string {
    const at = s.indexOf(":");
    if (at <= 0) return s;
    if (!splitSite) splitSite = s.slice(at + 1).trim();
    return s.slice(0, at).trim();
  }
  /** per cell (0 the name, 1 the id) the last text splitSubCustomer read, and its parts: an order's lines repeat its customer */
  const subCustomerText = ["", ""];
  const subCustomerOf: ReturnType<typeof subCustomerParts>[] = [undefined, undefined];
  /** NetSuite's "Parent : Sub" in the customer's name (`cell` 0) or id (1): the parent, the rest the site where the line names none; counted. */
  function splitSubCustomer(s: string, cell: 0 | 1): string {
    if (s !== subCustomerText[cell]) {
      subCustomerText[cell] = s;
      subCustomerOf[cell] = subCustomerParts(s);
    }
    const parts = subCustomerOf[cell];
    if (!parts) return s;
    if (!splitSite) splitSite = parts.site;
    return parts.parent;
  }
  /**
   * The line's sub-customer counted once, as its account is keyed: by its id where the id is
   * "Parent : Sub", else by its name (an export writing both, "BG : LEEDS" / "Brightwell Group :
   * Leeds", counted each twice). After splitSubCustomer has read both cells of the line.
   */
  function countSubCustomer(): void {
    const cell = subCustomerOf[1] ? 1 : 0;
    const parts = subCustomerOf[cell];
    if (!parts) return;
    const s = subCustomerText[cell];
    if (subCustomers.size < SUB_CUSTOMERS_KEPT) {
      // the example said is the name where it is one, more readable than an id
      if (!subCustomers.size) subCustomerExample = subCustomerOf[0] ? subCustomerText[0] : s;
      subCustomers.set(s, parts.parent);
    } else subCustomersPast ||= !subCustomers.has(s);
  }

  function parseRows(
    rows: readonly (readonly Cell[])[],
    rowNo: (i: number) => number,
    sink: (line: OrderLine) => void
  ): void {
    chunk = rows;
    laterRefund = undefined;
    for (let i = 0; i < rows.length; i++) {
      chunkAt = i;
      if (pending) {
        // the rows after a heading still looking for its "Total …" row wait with it
        const row = rows[i];
        pending.rows.push(row.slice());
        pending.rowNos.push(rowNo(i));
        if (namesTotal(row, pending.names)) settlePending(true, sink);
        else if (pending.rows.length > PENDING_ROWS_MAX) {
          // past the bound: read as the next customer; a Total row naming it later says it was not
          pastPending = { names: pending.names, row: pending.rowNos[0] };
          settlePending(false, sink);
        }
        continue;
      }
      if ((holdRefunds || holdInvoices) && !linesEnd && orderRunsToEnd(rows, i)) {
        held = { rows: rows.slice(i).map((r) => r.slice()), first: rowNo(i) };
        break;
      }
      if (repeatedRuns) {
        runSink = sink;
        const row = rows[i];
        let key = text(row[col.orderId]);
        if (key === "" && continuationLines) key = runKeyAbove;
        else runKeyAbove = key;
        if (key !== "" && col.docType >= 0) key = `${text(row[col.docType])}\u0001${key}`;
        repeatedRuns.take(row, rowNo(i), key);
      } else parseRow(rows[i], rowNo(i), sink);
    }
    chunk = [];
  }
  /**
   * A document's lines repeated row for row further down (ingest/repeatedRuns): read once, the
   * repeat skipped with its value said. Not in grouped reports (their headings are read with
   * the rows around them) nor where one row stands for several lines or an order's summary.
   */
  const repeatedRuns =
    col.orderId >= 0 && !headings && packedProducts < 0 && !configurable && !summaryAboveItems
      ? new RepeatedRuns(
          (row, no) => parseRow(row, no, runSink!),
          (rows, key) => {
            const id = key.slice(key.indexOf("\u0001") + 1);
            for (const r of rows) {
              currentRow = r.row;
              currentLoneText = undefined;
              rowOrderKey = id;
              reject(REPEATED_DOCUMENT, r.rowNo, false);
            }
          },
          // compared by the cells a line is read from: names and descriptions beside their
          // codes add nothing (and half the hashing)
          [
            ...REPEAT_FIELDS,
            col.accountId < 0 ? "accountName" : "",
            col.sku < 0 ? "productName" : "",
          ]
            .map((f) => (f ? col[f] : -1))
            .filter((c) => c >= 0)
        )
      : undefined;
  /**
   * The document being read (its order id), for rows with no product that hold its total beside
   * its lines (NetSuite's main lines, a subtotal on the document's own number): the revenue of its
   * other rows and their count, of its tax lines among them, and its rows with no product. Not where one row is
   * unpacked into several lines.
   */
  const docTotals =
    col.orderId >= 0 && hasProducts && packedProducts < 0
      ? {
          key: "",
          /** the row the document begins on */
          firstRow: -1,
          sum: 0,
          lines: 0,
          tax: 0,
          taxLines: 0,
          noProduct: [] as NoProductRow[],
        }
      : undefined;
  /** rows with no product read as their document's total, and the first of them */
  let documentTotals = 0;
  let documentTotalExample = "";
  /**
   * Documents with their main line alone, no item line (NetSuite's, where the search's filters
   * left their item lines out): how many, the first few, and those met before the file showed
   * main lines beside items (held to be re-filed then; past LONE_MAINS_HELD they stay "no product").
   */
  const mainLineOnly = new MainLineOnly((v) => plainMoney(v, options.culture), ROWS_KEPT);
  let loneMainsHeld: (NoProductRow & { key: string })[] = [];
  /**
   * The document read last ends (the next is `key`, from `rowNo`): each of its rows with no
   * product whose value is the sum of its other rows (with or without its tax lines) repeats them,
   * and is read as a totals row, its value no revenue lost. A total sums two lines or more, or
   * one where it heads the document as NetSuite's main line does, in a file of documents (beside
   * one line of the same value lower down, a row with no product may be a line of its own). A document whose one row
   * with no product stands beside no item line, in a file of main lines, is its main line alone.
   */
  function settleDocument(key: string, rowNo: number): void {
    const d = docTotals!;
    // (over one line, only where the file is a transaction list: its document types, or main
    // lines already met over several lines)
    const headsOneLine = (p: NoProductRow) =>
      d.lines === 1 && p.row === d.firstRow && (col.docType >= 0 || documentTotals > 0);
    if (d.noProduct.length && (d.lines >= 2 || d.noProduct.some(headsOneLine))) {
      for (const p of d.noProduct) {
        if (!(sameMoney(p.value, d.sum) || (d.tax !== 0 && sameMoney(p.value, d.sum - d.tax))))
          continue;
        if (d.lines < 2 && !headsOneLine(p)) continue;
        refileNoProduct(p);
        report.skippedTotals++;
        if (documentTotals++ === 0)
          documentTotalExample = `${d.key}: ${plainMoney(p.value, options.culture)}`;
      }
    } else if (d.noProduct.length === 1 && d.lines === d.taxLines) {
      const lone = { ...d.noProduct[0], key: d.key };
      if (documentTotals) refileLoneMain(lone);
      else if (loneMainsHeld.length < LONE_MAINS_HELD) loneMainsHeld.push(lone);
    }
    // the file shows main lines beside items: the lone ones met before are main lines too
    if (documentTotals && loneMainsHeld.length) {
      for (const lone of loneMainsHeld) refileLoneMain(lone);
      loneMainsHeld = [];
    }
    d.noProduct = [];
    d.key = key;
    d.firstRow = rowNo;
    d.lines = 0;
    d.sum = 0;
    d.tax = 0;
    d.taxLines = 0;
  }
  /** A row skipped as "no product" taken back, its value with it (re-filed under `rule`, if given). */
  function refileNoProduct(p: NoProductRow, rule?: string): void {
    unreject(NO_PRODUCT_RULE, p.row);
    const back = new Map<string, Map<string, number>>();
    addSkippedValue(back, NO_PRODUCT_RULE, p.cells);
    const value = rejectValue.get(NO_PRODUCT_RULE);
    if (value)
      for (const [currency, v] of back.get(NO_PRODUCT_RULE) ?? [])
        value.set(currency, (value.get(currency) ?? 0) - v);
    if (rule === undefined) return;
    // rejected as the row it was (its cells, no order key, no lone text)
    const [row, key, lone] = [currentRow, rowOrderKey, currentLoneText];
    [currentRow, rowOrderKey, currentLoneText] = [p.cells, "", undefined];
    reject(rule, p.row);
    [currentRow, rowOrderKey, currentLoneText] = [row, key, lone];
  }
  /**
   * A row of a transaction search read by its accounts (NetSuite's), for its documents with
   * their main line alone: the document's first row, no item, on no income account, of a sale or
   * return, is its main line.
   */
  function noteLedgerDocument(row: readonly Cell[], income: boolean): void {
    const key = text(row[col.orderId]);
    const main =
      !income &&
      (col.sku < 0 || isBlankCell(row[col.sku])) &&
      (!saleDocType || (col.docType >= 0 && saleDocType.test(text(row[col.docType]))));
    mainLineOnly.row(key, income, main ? lineValueOf(row) : undefined);
  }
  /** A document's main line alone: skipped as such, its value said, the document named. */
  function refileLoneMain(lone: NoProductRow & { key: string }): void {
    refileNoProduct(lone, MAIN_LINE_ONLY);
    mainLineOnly.lone(lone.key, lone.value);
  }
  /** the sink of the push whose rows the repeated runs hand on */
  let runSink: ((line: OrderLine) => void) | undefined;
  /** the document number of the last row that wrote one (an order's later lines may leave it blank) */
  let runKeyAbove = "";

  return {
    push(rows, firstRowNumber, sink) {
      lastSink = sink;
      // Infor CSD's order suffix: the document is the number with it (ingest/orderSuffix)
      if (col.orderSuffix >= 0 && col.orderId >= 0)
        rows = withOrderSuffix(rows, col.orderId, col.orderSuffix);
      // a partially refunded order held at the end of the last push: read with its lines now
      if (held) {
        const h = held;
        held = undefined;
        const joined: readonly (readonly Cell[])[] = [...h.rows, ...rows];
        const split = h.rows.length;
        parseRows(joined, (i) => (i < split ? h.first + i : firstRowNumber + i - split), sink);
      } else parseRows(rows, (i) => firstRowNumber + i, sink);
    },
    finish() {
      const culture = options.culture;
      // a count in the warnings, grouped the culture's way ("1.200"); none: as the command line wrote it
      const count = (n: number) => (culture ? wholeText(n, culture) : String(n));
      // a partially refunded order whose lines ran to the end of the last push: they end there
      if (held) {
        const h = held;
        held = undefined;
        linesEnd = true;
        parseRows(h.rows, (i) => h.first + i, lastSink!);
      }
      // the last document's run ends with the rows
      if (repeatedRuns) {
        runSink = lastSink;
        repeatedRuns.end();
      }
      if (docTotals) settleDocument("", -1);
      // the lines ended before a "Total …" row: the report has none
      if (pending) settlePending(false, lastSink!);
      acceptOrderDiscount(orderDiscounts?.settle(), lastSink);
      acceptOrderDiscount(orderShipping?.settle(), lastSink);
      // the down-payment invoices no final invoice took off: orders of their own
      downPayments?.settle((line) => acceptHeld(line, lastSink!));
      // GSTR-1's lines held: each original amended replaced by its amendment
      const amendedElsewhere = amendments?.settle(
        (line) => acceptHeld(line, lastSink!),
        (row) => reject(AMENDED_ORIGINAL, row, false)
      );
      // the credit notes held: each decided now that every voided invoice is read
      voidedCredits.settle(
        (line) => acceptHeld(line, lastSink!),
        (row) => reject(VOID_CREDIT, row, false)
      );
      const warnings: string[] = [];
      const skuWords = spellingsWarning(
        skuSpellings,
        "product code",
        "product codes",
        "one product"
      );
      if (skuWords) warnings.push(skuWords);
      const categoryWords = spellingsWarning(
        categorySpellings,
        "category",
        "categories",
        "one category"
      );
      if (categoryWords) warnings.push(categoryWords);
      if (valueErrors.size) {
        const lines = [...valueErrors.values()].reduce((n, r) => n + r.length, 0);
        const which = [...valueErrors]
          .map(
            ([e, rows]) =>
              `${e} in ${rows.length === 1 ? "row" : "rows"} ${rows.slice(0, 10).join(", ")}${rows.length > 10 ? " …" : ""}`
          )
          .join("; ");
        warnings.push(
          `${lines} order ${lines === 1 ? "line holds" : "lines hold"} an Excel error instead of an amount (${which}): the orders are kept (their dates count for recency and frequency) but their value is unknown and counted as 0, so revenue is understated. Fix the formulas in Excel and analyse again.`
        );
      }
      const ledger = ledgerWarning(ledgerSections, itemLinesOnly);
      if (subCustomers.size) {
        const example = subCustomerExample;
        const parents = new Set(subCustomers.values()).size;
        // past the bound the sub-customers are not told apart (no room to): a floor, said as one
        const more = subCustomersPast ? "More than " : "";
        const parentsSaid = `${more ? "at least " : ""}${count(parents)} parent${parents === 1 ? "" : "s"}`;
        warnings.push(
          `${subCustomers.size === 1 ? "1 sub-customer" : `${more}${count(subCustomers.size)} sub-customers`} written "Parent : Sub" (such as "${example}") ${subCustomers.size === 1 ? "is" : "are"} rolled up into ${subCustomers.size === 1 ? "its" : "their"} parent customer (${parentsSaid}), each read as one of its sites.`
        );
      }
      if (ledger) warnings.push(ledger);
      warnings.push(...orderIdNotes(count));
      mainLineOnly.settle();
      const alone = mainLineOnly.note(count);
      if (alone) warnings.push(alone);
      if (documentTotals)
        warnings.push(
          `${count(documentTotals)} ${documentTotals === 1 ? "row" : "rows"} with no product ${documentTotals === 1 ? "holds its" : "hold their"} document's total, the sum of the lines beside ${documentTotals === 1 ? "it" : "them"} (as NetSuite's main lines and subtotals do; such as ${documentTotalExample}): read as totals rows, no revenue lost.`
        );
      if (amendedElsewhere?.length)
        warnings.push(
          `${count(amendedElsewhere.length)} amendment${amendedElsewhere.length === 1 ? "" : "s"} (B2BA, CDNRA) revise${amendedElsewhere.length === 1 ? "s an invoice or note" : " invoices or notes"} not in this file (such as "${amendedElsewhere[0]}"): read in ${amendedElsewhere.length === 1 ? "its" : "their"} place. If the original${amendedElsewhere.length === 1 ? " is" : "s are"} read from another file (an earlier GSTR-1), ${amendedElsewhere.length === 1 ? "it is" : "they are"} counted there too: analyse the amendments with the returns they amend.`
        );
      if (creditNumbering)
        warnings.push(
          `From row ${creditNumbering.row}, most order ids look like credit-note numbers (such as "${creditNumbering.example}"), unlike the first ${wholeText(CREDIT_ID_SAMPLE, culture)} lines: KAP read the lines with such ids as returns. If they number invoices there, the returns and revenue from that row are wrong: analyse those lines as a file of their own (their ids are then read as the numbering), or export them with their invoice numbers.`
        );
      const split = [...unkeyedCompanies].filter(([k]) => keyedCompanies.has(k)).map(([, v]) => v);
      if (split.length)
        warnings.push(
          `Orders without an e-mail for ${split
            .slice(0, 3)
            .map((c) => `"${c}"`)
            .join(
              ", "
            )}${split.length > 3 ? ` and ${split.length - 3} more` : ""} are a separate account from that company's orders with one (the customer is the e-mail where there is one). To see each company as one account, choose "Billing Company" as the Account ID in the column mapping.`
        );
      warnings.push(...voidedCredits.warnings(count));
      warnings.push(
        ...compactDates.notes(mapping.fields.find((f) => f.field === "date")?.header ?? "Date")
      );
      if (watchDates && dateContrary && dateEither) {
        const [read, other] =
          options.dateOrder === "dmy" ? ["day-first", "month-first"] : ["month-first", "day-first"];
        const why =
          options.dateOrderSource === "layout"
            ? "the export's usual order"
            : "no date in the first rows read only one way";
        warnings.push(
          `The order dates were read ${read} (${why}), but row ${dateContrary.row} holds "${dateContrary.text}", which reads only ${other}: dates that read both ways, such as "${dateEither}", may be misread. Give the file's culture (kap --culture ${options.dateOrder === "dmy" ? "en-US" : "en-GB"}) or check the date column, and analyse again.`
        );
      }
      const bothOrders = settledDates ? bothDateOrdersWarning() : undefined;
      if (bothOrders) warnings.push(bothOrders);
      if (pastPendingTotal)
        warnings.push(
          `The customer heading at row ${pastPending!.row} was read as a customer of its own: the "Total …" row that shows it is a job of the customer above it (row ${pastPendingTotal}) came more than ${count(PENDING_ROWS_MAX)} rows after it, the most KAP holds waiting for one. Its lines, and the jobs after it, may count under the wrong customer: split the report, or export it by customer.`
        );
      const downPaymentsJoined = downPayments?.note(count);
      if (downPaymentsJoined) warnings.push(downPaymentsJoined);
      const downPaymentsPast = downPayments?.warning(count);
      if (downPaymentsPast) warnings.push(downPaymentsPast);
      const billing = billingPairing?.pairs();
      if (billing) {
        const header = mapping.fields.find((f) => f.field === "docType")!.header;
        warnings.push(
          ...cancellationNotes(
            billing,
            header,
            count,
            (id) => cancelledBilling?.get(id) === CANCELS_NO_CREDIT
          )
        );
      }
      const overstated = orderDiscounts?.warning();
      if (overstated) warnings.push(overstated);
      const shipping = orderShipping?.warning();
      if (shipping) warnings.push(shipping);
      if (ordersNetOfRefund) {
        // BigCommerce's refunds are taken off before tax, at the order's own share of tax
        const beforeTax = !!bigCommerceTotals && refundBeforeTax(bigCommerceTotals);
        const apart = beforeTax ? "shipping" : "shipping or tax";
        warnings.push(
          `${ordersNetOfRefund === 1 ? "1 partly refunded order is" : `${wholeText(ordersNetOfRefund, culture)} partly refunded orders are`} read net of the whole refund${beforeTax ? " before tax" : ""} (${netOfRefundExamples.join("; ")}${ordersNetOfRefund > netOfRefundExamples.length ? "; …" : ""}): the export does not say how much of a refund was ${apart}, so ${ordersNetOfRefund === 1 ? "this order" : "these orders"} may be understated by the ${beforeTax ? "shipping" : "shipping and tax"} refunded with the goods.`
        );
      }
      if (refundedPastGoods)
        warnings.push(
          `${refundedPastGoods === 1 ? "1 order's refund is" : `${wholeText(refundedPastGoods, culture)} orders' refunds are`} more than ${refundedPastGoods === 1 ? "its" : "their"} goods (shipping, tax or a fee refunded too): ${refundedPastGoods === 1 ? "it is" : "they are"} skipped as refunded, and the refund past the goods is taken off nothing else.`
        );
      if (refundsNetted)
        warnings.push(
          `${refundsNetted === 1 ? "1 partially refunded order is" : `${wholeText(refundsNetted, culture)} partially refunded orders are`} read net of ${refundsNetted === 1 ? "its refund" : "their refunds"}, which the export shows exactly (${refundNettedExample}): ${refundsNetted === 1 ? "it has" : "each has"} ${refundNettedOfLines ? "no shipping, and a refund that is whole units of one of its lines (with tax at the order's rate, if any)" : "one line and no shipping"}.`
        );
      if (partlyRefunded && refundedByCurrency.size)
        warnings.push(
          `${partlyRefunded === 1 ? "1 order is" : `${wholeText(partlyRefunded, culture)} orders are`} partially refunded (${refundsAtStake.join(", ")}${partlyRefunded > refundsAtStake.length ? ", …" : ""}, with tax and shipping): the export does not show which lines or how much before tax and shipping, so ${partlyRefunded === 1 ? "its" : "their"} lines count in full and revenue may be overstated by up to ${amountsSaid(refundedByCurrency)}. ${refundsBesideStatus ? 'Add "Order Line Total (- Refund)" to the export\'s product fields to read each line net of its refunds, or take' : "Take"} the refunds off by hand where they matter.`
        );
      else if (partlyRefunded)
        warnings.push(
          `${partlyRefunded === 1 ? "1 order is" : `${wholeText(partlyRefunded, culture)} orders are`} partially refunded (${partlyRefundedIds.join(", ")}${partlyRefunded > partlyRefundedIds.length ? ", …" : ""}): the export does not show which lines or amounts were refunded, so ${partlyRefunded === 1 ? "its" : "their"} lines count in full and revenue may be overstated by the refunds. Take the refunds off by hand where they matter.`
        );
      if (report.accepted) fileRevenueRun();
      // beside lines that write the code, the symbol's lines are only the culture's currency
      if (fileCodeWritten) {
        const code = fileCurrency!;
        if ((currencies[code] -= fileSymbolCounted) === 0) delete currencies[code];
        fileCurrency = currencyOfSharedSymbol(fileSymbol!, options.culture);
        const key = fileCurrency ?? "";
        if (fileSymbolCounted) currencies[key] = (currencies[key] ?? 0) + fileSymbolCounted;
      }
      // the lines filed under '' are in the currency the symbols name (symbolsOnly)
      const unlabelledRevenue = revenueByCurrency.get("");
      if (fileCurrency !== undefined && unlabelledRevenue !== undefined) {
        revenueByCurrency.set(
          fileCurrency,
          (revenueByCurrency.get(fileCurrency) ?? 0) + unlabelledRevenue
        );
        revenueByCurrency.delete("");
      }
      const unlabelled = currencies[""] ?? 0;
      if (fileCurrency !== undefined && unlabelled) {
        currencies[fileCurrency] = (currencies[fileCurrency] ?? 0) + unlabelled;
        delete currencies[""];
        if (Object.keys(currencies).length > 1)
          warnings.push(
            `${count(unlabelled)} line${unlabelled === 1 ? "" : "s"} with no currency symbol ${unlabelled === 1 ? "was" : "were"} taken to be in ${fileSymbolUnnamed ? `"${fileSymbol}"` : fileCurrency}, the first currency in the data.`
          );
      }
      warnings.push(...symbolLinesWarnings());
      // a symbol naming no currency ("$", kept as its lines' own) is said apart (symbolLinesWarnings)
      const found = Object.keys(currencies).filter(
        (c) => c !== "" && !isSharedSymbol(c) && !(fileSymbolUnnamed && c === fileCurrency)
      );
      const foreign = found.filter((c) => c !== reporting);
      if (convert && foreign.length)
        warnings.push(
          `Revenue in ${foreign.join(", ")} was converted to ${reporting} with the rates table.`
        );
      else if (found.length > 1)
        warnings.push(
          `Revenue is in ${found.length} currencies (${found.join(", ")}) and no rates table was found: figures are shown per currency and never added together.`
        );
      const rejected = [...rejects.values()].sort((a, b) => b.count - a.count);
      const total = rejected.reduce((s, r) => s + r.count, 0);
      // each rule's value by currency, keyed as the accepted lines (a symbol's lines under fileCurrency)
      const lostBy = new Map(rejected.map((r) => [r.reason, skippedByCurrency(rejectValue, r)]));
      const notSoldBy = new Map(
        rejected.map((r) => [r.reason, skippedByCurrency(notSoldValue, r)])
      );
      const moneyKeys = new Set(revenueByCurrency.keys());
      for (const m of [...lostBy.values(), ...notSoldBy.values()])
        for (const k of m.keys()) moneyKeys.add(k);
      // One toll per rule, which the warning says and ingest.skipped carries: rows that cannot be
      // used, the revenue they held and its share of all revenue (accepted + skipped); rows that
      // are no sale, the value not counted as sales, and no share of revenue (it never was revenue).
      // Money in several currencies is said per currency, its share of that currency's revenue.
      const tollOf =
        moneyKeys.size > 1
          ? severalCurrencyTolls(lostBy, notSoldBy)
          : oneCurrencyToll(lostBy, notSoldBy, [...moneyKeys][0]);
      const tolls = new Map(rejected.map((r) => [r.reason, tollOf(r)]));
      const skipped: SkipRule[] = [
        ...(titleRows
          ? [{ rule: "report title row", rows: titleRows, revenue: 0, share: null }]
          : []),
        ...(report.skippedBlank
          ? [{ rule: "blank row", rows: report.skippedBlank, revenue: 0, share: null }]
          : []),
        ...(report.skippedHeaders
          ? [{ rule: "repeated header row", rows: report.skippedHeaders, revenue: 0, share: null }]
          : []),
        ...(report.skippedTotals
          ? [{ rule: "totals row", rows: report.skippedTotals, revenue: 0, share: null }]
          : []),
        ...(report.skippedHeadings
          ? [
              {
                rule: accountHeadings
                  ? "customer heading row"
                  : salesLedger
                    ? "ledger account heading row"
                    : "product heading row",
                rows: report.skippedHeadings,
                revenue: 0,
                share: null,
              },
            ]
          : []),
        ...(report.skippedCustomerHeadings
          ? [
              {
                rule: "customer heading row",
                rows: report.skippedCustomerHeadings,
                revenue: 0,
                share: null,
              },
            ]
          : []),
        ...(report.skippedFooters
          ? [{ rule: "report footer row", rows: report.skippedFooters, revenue: 0, share: null }]
          : []),
        ...(report.skippedBalances
          ? [
              {
                rule: "opening or closing balance row",
                rows: report.skippedBalances,
                revenue: 0,
                share: null,
              },
            ]
          : []),
        ...rejected.map((r) => {
          const { said: _said, ...toll } = tolls.get(r.reason)!;
          return { rule: r.reason, rows: r.count, ...ordersOf(r), ...toll };
        }),
      ];
      if (total)
        warnings.push(
          `${count(total)} row${total === 1 ? " was" : "s were"} skipped: ${rejected
            .map((r) => {
              const rows = `row${r.rows.length > 1 ? "s" : ""} ${r.rows.join(", ")}${r.count > r.rows.length ? ", …" : ""}${tolls.get(r.reason)!.said}`;
              // an order's lines counted as orders and as lines: "3 … orders (5 lines: rows …)"
              const orders = ordersOf(r).orders;
              return orders !== undefined && orders !== r.count
                ? `${count(orders)} ${ruleCounted(r.reason, orders)} (${count(r.count)} lines: ${rows})`
                : `${count(r.count)} ${ruleCounted(r.reason, r.count)} (${rows})`;
            })
            .join("; ")}.`
        );
      const numbers: NumberColumnReport[] = [];
      for (const f of NUMBER_FIELDS) {
        const c = options.numbers?.[f];
        const m = mapping.fields.find((x) => x.field === f);
        if (!c || !m) continue;
        numbers.push({
          field: f,
          header: m.header,
          decimal: c.decimal,
          source: c.source,
          ambiguous: c.ambiguous,
          ...(c.grouping ? { grouping: c.grouping } : {}),
          ...(c.lakh !== undefined ? { lakh: c.lakh } : {}),
          ...(c.source === "default" && c.readings && c.example !== undefined
            ? { readings: { example: c.example, ...c.readings } }
            : {}),
        });
        if (c.source === "default" && c.ambiguous > 0)
          warnings.push(
            `Column "${m.header}": ${count(c.ambiguous)} value${c.ambiguous === 1 ? "" : "s"} such as "${c.example}" could be read two ways, and neither the column, the file nor the workbook's culture settles it: KAP read ${c.ambiguous === 1 ? "it" : "them"} with a ${conventionName(c.decimal)}. If "${c.decimal === "." ? "," : "."}" is the decimal mark there, not a thousands separator, set the workbook's culture (kap: --culture, e.g. ${c.decimal === "." ? "de-DE" : "en-GB"}) and analyse again.`
          );
        if (c.source === "delimiter" && c.ambiguous > 0)
          warnings.push(
            `Column "${m.header}": ${count(c.ambiguous)} value${c.ambiguous === 1 ? "" : "s"} such as "${c.example}" could be read two ways, and neither the column, the file's other numbers nor the workbook's culture settles it: the file is ;-delimited, as Excel writes CSV where the comma is the decimal mark, so KAP read ${c.ambiguous === 1 ? "it" : "them"} with a decimal comma ("." a thousands separator). If "." is the decimal point there, set the culture (kap: --culture en-GB) and analyse again.`
          );
        if (c.conflictExample !== undefined)
          warnings.push(
            `Column "${m.header}" mixes number conventions: it was read with a ${conventionName(c.decimal)}, as most of its cells are written; cells such as "${c.conflictExample}" are not numbers under it and their rows were skipped.`
          );
      }
      for (const w of watched) {
        const header = mapping.fields.find((x) => x.field === w.field)?.header ?? w.field;
        if (w.contrary)
          warnings.push(
            `Column "${header}" was read with a ${conventionName(w.decimal)}, but row ${w.contrary.row} holds "${w.contrary.text}", written with the other convention: ${count(w.ambiguous)} value${w.ambiguous === 1 ? "" : "s"} such as "1,250" in this column may be misread. Check the column, or set the workbook's culture, and analyse again.`
          );
      }
      return {
        ...report,
        revenue: revenueByCurrency.size > 1 ? null : roundCents(sums.accepted),
        revenueByCurrency: Object.fromEntries(
          [...revenueByCurrency].map(([c, v]) => [c, roundCents(v)])
        ),
        hasProducts,
        skipped,
        numbers,
        rejected,
        firstDate: Number.isFinite(firstDate) ? firstDate : null,
        lastDate: Number.isFinite(lastDate) ? lastDate : null,
        lastSaleDate: Number.isFinite(lastSaleDate) ? lastSaleDate : null,
        accounts: countAccounts ? accounts.size : -1,
        currencies,
        converted: convert,
        reportingCurrency: reporting,
        fileCurrency,
        ...(fileSymbol ? { fileSymbol } : {}),
        ...(totalsCurrency && fileCurrency === undefined ? { totalsCurrency } : {}),
        warnings,
        ...(billing && !samePairs(billingFound(billing), options.cancelledBilling)
          ? { cancelledBillingFound: [...billingFound(billing)] }
          : {}),
        ...(cancellationsPastSample ? { cancellationsPastSample } : {}),
      };
    },
  };
}
