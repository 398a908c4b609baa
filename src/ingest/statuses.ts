/**
 * Status columns that say more than "cancelled" or "draft" (those are orders.ts's VOID_STATUS):
 * a CRM's deal stage, where only a won deal is a sale; MYOB's one-letter sale status, where a
 * quote or an open order is none; Magento's "closed", an order refunded in full. Each kind's
 * words are listed here, once; ingest/plausible decides from the column's values (and the file's
 * headers) which reading a file gets, ingest/orders skips the lines under the rules named here.
 */
import type { Cell } from "./grid";
import { normaliseHeader } from "./fields";
import { layoutById } from "./layouts";

/**
 * A won deal (Salesforce's "Closed Won", HubSpot's "Closed won" or internal "closedwon", "Won";
 * German "Gewonnen", French "Gagné", Spanish "Ganada", Italian "Vinta"): the only deals that are sales.
 */
export const WON_STAGE =
  /^\s*(?:closed[\s_-]*)?(?:won|gewonnen|gagn[ée]e?|ganad[ao]|vint[ao])(?:[\s_()-]|$)/i;
/** A lost deal ("Closed Lost", "closedlost", "Lost", "Verloren", "Perdu", "Perdida", "Persa"). */
export const LOST_STAGE =
  /^\s*(?:closed[\s_-]*)?(?:lost|verloren|perdu[e]?|perdid[ao]|pers[ao])(?:[\s_()-]|$)/i;
/** The rule a lost deal's lines are skipped under. */
export const LOST_DEAL = "lost deal";
/** The rule an open deal's lines (any stage short of won: proposal, negotiation …) are skipped under. */
export const OPEN_DEAL = "open (not yet won) deal";

/**
 * A status column holds deal stages when it is headed so ("Stage", "Deal Stage": a CRM's
 * opportunity or deal export, whatever stages the first rows reach, unless every value is an
 * ERP's order stage: holdsOrderStages), when a value is a CRM's
 * closed stage ("Closed Won", "closedlost"), or when every value is won, lost, open or deleted
 * (Pipedrive's Status) with a won among them: then only the won deals are sales, and every other
 * stage is a deal still open. An order export's status that merely starts with "Lost" ("Lost
 * parcel" among "Paid" and "Shipped") is no deal stage: its paid orders stay sales.
 */
export function holdsDealStages(header: string, values: readonly Cell[]): boolean {
  const texts = values.filter((v): v is string => typeof v === "string" && v.trim() !== "");
  if (/\bstage\b/.test(normaliseHeader(header))) return !holdsOrderStages(texts);
  if (texts.some((v) => CLOSED_STAGE.test(v))) return true;
  return (
    texts.some((v) => WON_STAGE.test(v)) &&
    texts.every(
      (v) => WON_STAGE.test(v) || LOST_STAGE.test(v) || OPEN_WORD.test(v) || DELETED_DEAL.test(v)
    )
  );
}

/**
 * An order's stage in an ERP (Infor CSD's Entered, Ordered, Picked, Shipped, Invoiced, Paid,
 * Cancelled, Quoted): the order's status, no deal's.
 */
const ORDER_STAGE =
  /^\s*(?:entered|ordered|picked|shipped|delivered|invoiced|paid|cancell?ed|quoted|back[\s-]*ordered|on[\s-]*hold)\s*$/i;
/** What only an order's stage says: it was shipped, invoiced or paid. */
const SOLD_STAGE = /^\s*(?:shipped|delivered|invoiced|paid)\s*$/i;

/**
 * A "Stage" column of an ERP's order stages, every value one (Paid, Invoiced, Quoted …) with a
 * shipped, invoiced or paid order among them: no CRM's deal stages ("Closed Won", "Proposal").
 */
function holdsOrderStages(texts: readonly string[]): boolean {
  return texts.some((v) => SOLD_STAGE.test(v)) && texts.every((v) => ORDER_STAGE.test(v));
}

/** A deal deleted in the CRM (Pipedrive's Status "deleted"): no sale, skipped as a void order is. */
const DELETED_DEAL = /^\s*deleted\s*$/i;

/** A CRM's closed stage, won or lost ("Closed Won", "closed_lost", "closedwon"). */
const CLOSED_STAGE = /^\s*closed[\s_-]*(?:won|lost)\b/i;
/** A deal still open, as a CRM's status says it (Pipedrive: open, won, lost). */
const OPEN_WORD = /^\s*open\s*$/i;

/**
 * A CRM deal export's close date ("Close Date", HubSpot's "closedate", "Closed Date", "Date
 * Closed", "Won Date", Pipedrive's "Deal - Won time", Dynamics 365's "Actual Close Date"): the day
 * a won deal became a sale. Not an estimate ("Est. Close Date", "Expected Close Date"): a won
 * deal closed on its actual date, whatever was forecast.
 */
const CLOSE_DATE_HEADER =
  /^(?:deal |actual )?(?:(?:close|closed|won) ?(?:date|time|on)|date (?:closed|won))$/;

/**
 * A CRM deal export's actual value beside its estimate (Dynamics 365's "Actual Revenue" beside
 * "Est. Revenue"): what a won deal was won for, its sale. The estimate is the forecast.
 */
const ACTUAL_VALUE_HEADER = /^actual (?:revenue|value|amount)$/;

/** The 0-based column of a deal export's actual value, where its headers have one. */
export function actualValueColumn(headers: readonly string[]): number | undefined {
  const at = headers.findIndex((h) => ACTUAL_VALUE_HEADER.test(normaliseHeader(h)));
  return at < 0 ? undefined : at;
}

/**
 * The 0-based column of a deal export's close date, where its headers have one: a won deal is
 * dated by it, not by the day the deal was created (which is the sales cycle earlier).
 */
export function closeDateColumn(headers: readonly string[]): number | undefined {
  const at = headers.findIndex((h) => CLOSE_DATE_HEADER.test(normaliseHeader(h)));
  return at < 0 ? undefined : at;
}

/**
 * Why a deal's lines are no sale: '' for a won deal, and for a row with no stage (a report's
 * footer, read under the other rules).
 */
export function dealStageRule(stage: string): string {
  if (stage.trim() === "" || WON_STAGE.test(stage)) return "";
  return LOST_STAGE.test(stage) ? LOST_DEAL : OPEN_DEAL;
}

/**
 * MYOB AccountRight's "Sale Status" codes, as the document each names: I an invoice, O an order
 * (not invoiced yet), Q a quote. Read as those words, they meet orders.ts's QUOTE_DOC and
 * PRE_INVOICE_DOC like any document type.
 */
const SALE_STATUS_CODES: Readonly<Record<string, string>> = {
  I: "Invoice",
  O: "Order",
  Q: "Quote",
};

/**
 * A status column holds MYOB's sale-status codes: headed "Sale Status" and every value one of
 * the codes (one letter means nothing alone: "O" is elsewhere an open invoice).
 */
export function holdsSaleStatusCodes(header: string, values: readonly Cell[]): boolean {
  if (normaliseHeader(header) !== "sale status") return false;
  const codes = values
    .filter((v) => typeof v === "string" && v.trim() !== "")
    .map((v) => String(v).trim().toUpperCase());
  return codes.length > 0 && codes.every((c) => c in SALE_STATUS_CODES);
}

/** A sale-status code as the document it names ("Q" → "Quote"); any other text as it is. */
export function saleStatusDocument(code: string): string {
  return SALE_STATUS_CODES[code.trim().toUpperCase()] ?? code;
}

/**
 * Magento's "closed": an order refunded in full (a credit memo for all of it). Only in Magento's
 * export, told by its own column names: elsewhere "Closed" is a paid invoice (SAP Business One)
 * or an order fully invoiced (Zoho), a sale.
 */
export const MAGENTO_CLOSED = /^\s*closed\s*$/i;
const MAGENTO_HEADERS: ReadonlySet<string> = new Set([
  "increment id",
  "qty refunded",
  // the admin order grid's export: "Grand Total (Base)", "Grand Total (Purchased)"
  "grand total base",
  "grand total purchased",
]);

/**
 * The file is Magento's order-items export (increment_id, qty_refunded) or its order grid's
 * (Grand Total (Base), Grand Total (Purchased)): its "closed" orders were refunded.
 */
export function closedMeansRefunded(headers: readonly string[]): boolean {
  return headers.some((h) => MAGENTO_HEADERS.has(normaliseHeader(h)));
}

/**
 * A web shop's order still awaiting its payment: WooCommerce's "Pending payment" and "On hold"
 * (wc-pending, wc-on-hold: a bank transfer or cheque not yet received), Shopify's "pending",
 * Magento's pending, pending_payment, payment_review and holded, BigCommerce's "Pending" and
 * "Awaiting Payment". No sale yet: the money may never come, and the shop cancels the order then.
 */
export const AWAITING_PAYMENT =
  /^\s*(?:wc-)?(?:pending(?:[\s_-]+payment)?|payment[\s_-]+(?:pending|review)|awaiting[\s_-]+payment|on[\s_-]?hold|holded)\s*$/i;
/** The rule a shop's orders awaiting payment are skipped under (their value said, as a quote's). */
export const UNPAID_ORDER = "not yet paid (pending or on-hold) order";
/**
 * An ERP's document on hold (Acumatica's, Sage's, Dynamics' "On Hold"): not yet released, so
 * posted to no ledger and no sale yet. Said as such, not as a shop's order awaiting payment.
 */
export const ON_HOLD_DOC = /^\s*(?:on[\s_-]?hold|hold|held)\s*$/i;
/** The rule a document on hold is skipped under (its value said). */
export const ON_HOLD_DOCUMENT = "not yet released (on-hold) document";
/**
 * Words only a web shop's order status holds (WooCommerce's wc- prefix, processing, completed;
 * BigCommerce's awaiting fulfillment; Magento's holded): an invoice's status never does.
 */
const SHOP_ORDER_WORD =
  /^\s*(?:wc-[a-z-]+|processing|completed?|pending[\s_-]+payment|payment[\s_-]+(?:pending|review)|holded|on[\s_-]?hold|awaiting[\s_-]+(?:fulfill?ment|shipment|pickup)|partially[\s_-]+(?:shipped|refunded)|(?:un)?fulfilled)\s*$/i;
/** BigCommerce's order export: an order status beside its packed "Product Details". */
const BIGCOMMERCE_HEADERS: ReadonlySet<string> = new Set(["product details"]);

/**
 * The status column is a web shop's order status, where an order awaiting payment is no sale
 * yet: the shop's own export (Shopify, WooCommerce, Amazon; Magento and BigCommerce by their columns),
 * or a value only a shop writes. An invoice's "Awaiting Payment" (Xero's approved invoice, not
 * yet paid) is a sale: an invoicing tool's statuses hold none of those words.
 */
export function holdsShopStatuses(
  layout: string | undefined,
  headers: readonly string[],
  values: readonly Cell[]
): boolean {
  // Amazon's "Pending": the buyer's payment not yet authorised; each WooCommerce export's
  // "Pending payment" and "On hold" (labels or wc- slugs, any case)
  if (layout !== undefined) return layoutById(layout)?.shopStatuses === true;
  if (closedMeansRefunded(headers)) return true;
  if (headers.some((h) => BIGCOMMERCE_HEADERS.has(normaliseHeader(h)))) return true;
  // "On Hold" alone is an ERP's too (a document not yet released): no shop's word by itself
  return values.some(
    (v) => typeof v === "string" && SHOP_ORDER_WORD.test(v) && !ON_HOLD_DOC.test(v)
  );
}

/** Shopify's "Payment Terms Name" ("Net 30"): an order on payment terms is a sale before it is paid. */
export function paymentTermsColumn(headers: readonly string[]): number {
  return headers.findIndex((h) => normaliseHeader(h) === "payment terms name");
}

/**
 * A column that marks a deleted transaction: Sage 50's audit trail keeps its deleted ones,
 * "Deleted" in its "Deleted" column ("-" for the others); other tools write "Is Deleted" (Yes /
 * No, True / False), German ones "Gelöscht" (Ja / Nein).
 */
const DELETED_HEADERS: ReadonlySet<string> = new Set([
  "deleted",
  "is deleted",
  "isdeleted",
  "deleted flag",
  "gelöscht",
  "geloescht",
  "ist gelöscht",
  "supprimé",
  "verwijderd",
  // Fortnox's voided invoice (Ja/Nej), Danish and Norwegian alike
  "makulerad",
  "makuleret",
  "makulert",
]);
/** A deleted transaction's mark: the word itself, or yes as the tools write it. */
const DELETED_MARK =
  /^\s*(?:deleted|gel[öo]e?scht|supprim[ée]e?|verwijderd|y|yes|true|1|x|ja|j|wahr|oui|vrai|s[ií]|sim)\s*$/i;
/** A transaction left standing: blank, a dash, or no as the tools write it. */
const NOT_DELETED_MARK =
  /^\s*(?:-+|n|no|false|0|nein|falsch|non|faux|nee|onwaar|nej|ei|não|nao)?\s*$/i;

/** A cell that marks its row deleted. */
export function isDeletedMark(v: Cell): boolean {
  if (v === true) return true;
  return (typeof v === "string" || typeof v === "number") && DELETED_MARK.test(String(v));
}

/**
 * The file's "Deleted" column, read when every value is a deleted mark or a not-deleted one
 * (0-based column, -1 when none), and what a note says of it: its deleted values seen in the
 * first rows, or the values that kept it from being read.
 */
export function deletedColumn(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[]
): { column: number; header: string; marks: string[]; unread: string[] } | undefined {
  const column = headers.findIndex((h) => DELETED_HEADERS.has(normaliseHeader(h)));
  if (column < 0) return undefined;
  const marks = new Set<string>();
  const unread = new Set<string>();
  for (const r of rows) {
    const v = r[column];
    if (v === undefined || v === null || v === false) continue;
    if (isDeletedMark(v)) marks.add(String(v).trim());
    else if (!NOT_DELETED_MARK.test(String(v))) unread.add(String(v).trim());
  }
  return {
    column: unread.size ? -1 : column,
    header: headers[column].trim(),
    marks: [...marks],
    unread: [...unread],
  };
}

/**
 * Headers that name a status only sometimes: "State" (Sage Intacct's Draft, Posted; elsewhere a
 * US state, CA or NY), "Estado" (a Spanish invoice's Pagada, Anulada; elsewhere a Mexican or
 * Brazilian state), "Estatus". Such a column is the status only when its values are statuses.
 */
const STATUS_OR_PLACE_HEADERS: ReadonlySet<string> = new Set([
  "state",
  "estado",
  "estatus",
  "document state",
  "invoice state",
  "order state",
]);

/**
 * A document's or order's status word, in English, Spanish, Portuguese, French, German, Italian
 * and Dutch (beside the words the rules read: VOID_STATUS, the deal stages, AWAITING_PAYMENT).
 */
const STATUS_WORD = new RegExp(
  "^\\s*(?:(?:partially|partly|part|not|un|fully)[\\s_-]*)?(?:" +
    [
      // English
      "draft|posted|paid|open|opened|closed|pending|approved|submitted|awaiting[\\s_-]+(?:approval|payment|fulfil+ment|shipment)",
      "cancell?ed|void(?:ed)?|completed?|processing|shipped|delivered|invoiced|billed|overdue|due|sent|viewed",
      "won|lost|in[\\s_-]+progress|on[\\s_-]?hold|refunded|failed|deleted|reversed|active|inactive|new",
      "confirmed|fulfill?ed|disputed|written[\\s_-]+off|authori[sz]ed|expired|declined|rejected|accepted",
      "saved|issued|settled|outstanding|final(?:i[sz]ed)?|booked|returned|back[\\s_-]?ordered|released|reserved|unpaid",
      // Spanish, Portuguese
      "borrador|pagad[ao]|pago|pendiente|pendente|cancelad[ao]|anulad[ao]|vigente|abiert[ao]|abert[ao]",
      "cerrad[ao]|fechad[ao]|emitid[ao]|timbrad[ao]|facturad[ao]|enviad[ao]|aprobad[ao]|autorizad[ao]",
      "en[\\s_-]+proceso|vencid[ao]|cobrad[ao]|parcial|rechazad[ao]|entregad[ao]|reembolsad[ao]|eliminad[ao]",
      // French, German, Italian, Dutch
      "pay[ée]e?|brouillon|annul[ée]e?|en[\\s_-]+attente|ouverte?|envoy[ée]e?|valid[ée]e?|rembours[ée]e?",
      "bezahlt|offen|entwurf|storniert|gebucht|versendet|versandt|[üu]berf[äa]llig|teilbezahlt|erledigt",
      "pagat[ao]|bozza|annullat[ao]|apert[ao]|emess[ao]|scadut[ao]",
      "betaald|openstaand|concept|geannuleerd|verzonden|vervallen",
    ].join("|") +
    ")\\s*$",
  "i"
);

/**
 * Whether a status column headed "State" or "Estado" (STATUS_OR_PLACE_HEADERS) holds statuses: at
 * least two in three of its values (each value once) are status words. Any other header: true.
 */
export function holdsStatusValues(header: string, values: readonly Cell[]): boolean {
  if (!STATUS_OR_PLACE_HEADERS.has(normaliseHeader(header))) return true;
  const distinct = new Set(
    values
      .filter((v): v is string => typeof v === "string" && v.trim() !== "")
      .map((v) => v.trim().toLowerCase())
  );
  let known = 0;
  for (const v of distinct)
    if (
      STATUS_WORD.test(v) ||
      WON_STAGE.test(v) ||
      LOST_STAGE.test(v) ||
      AWAITING_PAYMENT.test(v) ||
      SHOP_ORDER_WORD.test(v)
    )
      known++;
  return known > 0 && known * 3 >= distinct.size * 2;
}
