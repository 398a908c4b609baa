/**
 * The order-line exports of common accounting systems, web shops and ERPs, recognised by their
 * header signatures (RULES.md §1: "KAP recognises their layouts"). A recognised layout says
 * which column is which field, which columns are never read (ledger and tax codes, line numbers,
 * order totals), and how the export writes what a plain table would not (QuickBooks' product
 * headings and Customer:Job names, Shopify's order-level cells on an order's first line only).
 *
 * Headers are compared after normaliseHeader ("*ContactName" → "contact name",
 * "Sell-to Customer No." → "sell to customer no", "Line Discount %" → "line discount %").
 */
import type { DateOrder } from "./values";

export type LayoutId =
  | "xero"
  | "xero-account-transactions"
  | "xero-invoice-detail"
  | "xero-invoice-detail-by-contact"
  | "quickbooks-online"
  | "quickbooks-desktop"
  | "myob-item-detail"
  | "quickbooks-online-customer"
  | "quickbooks-desktop-customer"
  | "quickbooks-transaction-list"
  | "quickbooks-sales-transactions"
  | "quickbooks-invoice-list"
  | "quickbooks-transaction-detail"
  | "sage50"
  | "sage200"
  | "sage50-audit"
  | "shopify"
  | "woocommerce"
  | "woocommerce-order-export"
  | "sap-sd"
  | "business-central"
  | "business-central-item-ledger"
  | "business-central-documents"
  | "business-central-customer-ledger"
  | "online-retail"
  | "odoo"
  | "odoo-sales"
  | "netsuite"
  | "magento-order-grid"
  | "amazon-orders"
  | "ebay-orders"
  | "squarespace"
  | "square-transactions"
  | "square-item-sales"
  | "odoo-pos"
  | "odoo-journal-items"
  | "tally-vouchers"
  | "wave-account-transactions"
  | "cfdi"
  | "sat-cfdi-metadata"
  | "freee-deals"
  | "gstr1-b2b";

export interface ExportLayout {
  id: LayoutId;
  /** Shown to the user: "Xero sales invoices". */
  name: string;
  /** Every one of these headers is present (each entry: alternatives). */
  signature: readonly (readonly string[])[];
  /**
   * With accountFromHeadings: a plainer signature that matches too, when the rows below the
   * header show customer headings closed by their "Total …" rows and no column is the customer
   * (ingest/detect): the report's columns alone are too plain to say it.
   */
  headingSignature?: readonly (readonly string[])[];
  /** None of these headers is present: they say the file is another export of the same shape. */
  unlessWith?: readonly string[];
  /** field → the headers that hold it, best first; the first present wins. */
  fields: Readonly<Record<string, readonly string[]>>;
  /** Headers read as no field at all (ledger and tax codes, line numbers, order totals, running balances). */
  ignore: readonly string[];
  /**
   * The order-status column is a web shop's (Shopify, WooCommerce, Magento, Amazon): an order
   * awaiting payment (pending, on hold) is no sale yet (ingest/statuses holdsShopStatuses). Every
   * layout of the same shop says it, so no export of it is read otherwise.
   */
  shopStatuses?: boolean;
  /** Text dates of this export are in this order when the data does not settle it. */
  dateOrder?: DateOrder;
  /**
   * Customer names are written "Parent:Job" (QuickBooks): the account is the parent, the job the
   * site. Without it, only NetSuite's "Parent : Sub" (a space each side) is so read.
   */
  customerJob?: boolean;
  /**
   * The product is not a column but a heading row above its lines, ended by a "Total <product>"
   * row (QuickBooks' "sales by product/service detail" reports).
   */
  productFromHeadings?: boolean;
  /** The outermost product heading is the item type ("Inventory", "Service": QuickBooks Desktop), no category. */
  itemTypeHeadings?: boolean;
  /**
   * The customer is not a column (or not on every line) but a heading row above its lines, ended
   * by a "Total for <customer>" row (QuickBooks Online) or "Total <customer>" (Desktop): QuickBooks'
   * "sales by customer detail" reports. A customer column, where the export has one, wins over the
   * heading; a heading inside another one (a job under its customer) is the job, its site.
   */
  accountFromHeadings?: boolean;
  /**
   * With accountFromHeadings: the heading rows write the customer in the date column (Xero's
   * reports grouped by contact), where a line has its date; QuickBooks leaves that column blank.
   */
  headingsInDateColumn?: boolean;
  /**
   * Quantities are stock movements: a sale takes stock out and is negative, a return brings it
   * back and is positive (Business Central's item ledger entries). Read with the sign turned.
   */
  stockMovement?: boolean;
  /**
   * The order-status column holds the entry's type, and only entries of this type are sales;
   * the others (purchases, transfers, adjustments, consumption) are skipped and counted.
   */
  saleEntryType?: RegExp;
  /**
   * The document-type column lists every kind of transaction (payments, estimates, journals …)
   * and only these types are sales or returns: the others are skipped and counted. A sale of
   * amount 0 is a voided document (QuickBooks keeps voided invoices at 0.00): skipped too.
   */
  saleDocType?: RegExp;
  /**
   * The export's own codes for a credit note, beside the words every export shares
   * (CREDIT_TYPE): a CFDI's E (egreso), GSTR-1's note type C. Its lines are returns, whatever
   * their sign.
   */
  creditDocType?: RegExp;
  /**
   * With saleDocType: the rule the other types are skipped under, their value said (a CFDI's
   * traslado or nómina may carry one), instead of the transaction list's payments and journals.
   */
  noSaleDocRule?: string;
  /**
   * Order statuses that say the document was cancelled in this export, beside the words every
   * export shares: the SAT's Estatus 0, a CFDI's "Cancelado sin aceptación".
   */
  voidStatus?: RegExp;
  /**
   * The currency every amount of the export is in, by law where no column names it: India's
   * GSTR-1 return is filed in rupees (INR).
   */
  currency?: string;
  /**
   * Order statuses of invoices not yet approved, no sales yet: skipped and counted (Xero's
   * "SUBMITTED", shown as "Awaiting Approval"). Without it, "Awaiting Approval" alone.
   */
  unapprovedStatus?: RegExp;
  /**
   * An order with no account id and no account name (a guest order without e-mail or company)
   * is the person who ordered (the orderedBy column): Shopify's phone and POS orders.
   */
  accountFromOrderedBy?: boolean;
  /**
   * The account id a guest checkout carries (WooCommerce's Customer User ID 0): no account. Such
   * an order's customer is its billing e-mail (the accountEmail column, one address whatever its
   * case), else its company (accountName), else the person's name (firstName and lastName); an
   * account with no company is named by that person's name.
   */
  guestAccountId?: string;
  /**
   * Products that sit in a category are named by their full name, "Category:Item" ("Fixings:Cable
   * ties 100mm"; a sub-category adds a segment: "Lighting:LED Panels:600x600 4000K"), QuickBooks'
   * "Product/Service full name" and Desktop's "Item". With no category column, when most product
   * names of the rows are so written, the first segment is the line's category (ingest/plausible).
   */
  categoryPrefix?: boolean;
  /**
   * The report is a ledger: one section per ledger account under its heading row ("200 - Sales"),
   * opened by an "Opening Balance" row and closed by "Total …" and "Closing Balance" rows. Only
   * the sections of the accounts this matches are sales and read: the others (receivables, bank,
   * VAT) hold the same sales again, with VAT, or payments, and are skipped and named.
   */
  salesLedger?: RegExp;
  /**
   * With saleDocType: the types are a book's vouchers (Tally's Day Book lists receipts, payments,
   * purchases and journals beside the sales; freee's deals are income or expense). Each type that is no sale is skipped under its own
   * name with its amount said: the user checking the book's total sees where the rest went.
   */
  voucherBook?: boolean;
  /**
   * The order-level cells (order id, customer, date) are written on an order's first line only,
   * its later lines leaving them blank (Odoo's exports): a line with neither order id nor
   * customer belongs to the order above it.
   */
  orderFieldsOnFirstLine?: boolean;
  /**
   * An order of several items is a summary row (the buyer, the order's total, no item) above its
   * item rows of the same order id (eBay): the summary is no line, its buyer the items' customer.
   */
  orderSummaryAboveItems?: boolean;
  /**
   * Only item lines are order lines: a line without an item is a transaction's main (summary)
   * line, its tax line or a journal's (NetSuite), skipped and counted, no revenue lost.
   */
  itemLinesOnly?: boolean;
  /**
   * The line revenue column is before the line's money discount (lineDiscount), which comes off
   * it: Amazon's item-price, before its item-promotion-discount. Without it a line discount comes
   * off only a value worked out as quantity × unit price.
   */
  revenueBeforeLineDiscount?: boolean;
  /**
   * What the user is told about how this layout is read. Not what an export without products
   * leaves out: the analysis says that once, for every such file (domain/analysis/portfolio).
   */
  note?: string;
}

/**
 * A CFDI's type (TipoDeComprobante; EfectoComprobante in the SAT's metadata), as its code or
 * spelt out: I ingreso (an invoice), E egreso (a credit note), P pago (a payment receipt),
 * T traslado (goods moved), N nómina (payroll). Only I and E are sales or returns; a listing
 * without the column is read as invoices.
 */
const CFDI_TYPE = [
  "tipo de comprobante",
  "tipo comprobante",
  "tipo de cfdi",
  "tipo cfdi",
  "efecto comprobante",
  "efecto del comprobante",
  "efecto de comprobante",
];
// also "I - Ingreso", "E: Egreso", as some ERPs write them
const CFDI_SALE = /^\s*(?:i(?:\s*[-–:]\s*ingreso)?|e(?:\s*[-–:]\s*egreso)?|ingreso|egreso)?\s*$/i;
const CFDI_NOT_SALE = "not a sale (a CFDI pago, traslado or nómina)";
const CFDI_CREDIT = /^\s*(?:e(?:\s*[-–:]\s*egreso)?|egreso)\s*$/i;
/** "Cancelado", "Cancelado sin aceptación", "Cancelado con aceptación": never "Cancelable …". */
const CFDI_CANCELLED = /^\s*cancelad[oa]\b/i;
/** The receiver of a CFDI, the customer: its RFC, else an ERP's own customer number. */
const CFDI_ACCOUNT_ID = [
  "rfc receptor",
  "receptor rfc",
  "rfc del receptor",
  "rfc cliente",
  "rfc del cliente",
  "customer id",
  "id cliente",
  "cliente id",
  "clave cliente",
  "numero de cliente",
  "número de cliente",
  "no cliente",
];
const CFDI_ACCOUNT_NAME = [
  "nombre receptor",
  "receptor nombre",
  "nombre del receptor",
  "razon social receptor",
  "razón social receptor",
  "receptor",
  "cliente",
  "nombre cliente",
  "nombre del cliente",
  "razon social cliente",
  "razón social cliente",
  // a listing of the CFDI issued: the name beside the Receptor's RFC is the Receptor's
  "razon social",
  "razón social",
  "nombre o razon social",
  "nombre o razón social",
  "customer",
  "customer name",
];
const CFDI_STATUS = [
  "estatus",
  "estado",
  "estatus cancelacion",
  "estatus cancelación",
  "estatus de cancelacion",
  "estatus de cancelación",
  "estado cfdi",
  "estado del comprobante",
  "estatus sat",
  "estado sat",
  "status",
];
/** The issuer (the seller itself, never the customer), the PAC, the taxes and the rate: no field. */
const CFDI_IGNORE = [
  "rfc emisor",
  "emisor rfc",
  "nombre emisor",
  "emisor nombre",
  "emisor",
  "razon social emisor",
  "razón social emisor",
  "rfc pac",
  "fecha certificacion sat",
  "fecha certificación sat",
  "fecha certificacion",
  "fecha certificación",
  "fecha cancelacion",
  "fecha cancelación",
  "fecha de cancelacion",
  "fecha de cancelación",
  "fecha solicitud cancelacion",
  "rfc a cuenta terceros",
  "nombre a cuenta terceros",
  "serie",
  "folio",
  "total",
  "iva",
  "iva trasladado",
  "iva retenido",
  "isr retenido",
  "ieps",
  "ieps trasladado",
  "impuestos trasladados",
  "total impuestos trasladados",
  "impuestos retenidos",
  "total impuestos retenidos",
  "tipo de cambio",
  "forma de pago",
  "metodo de pago",
  "método de pago",
  "uso cfdi",
  "uso de cfdi",
  "lugar de expedicion",
  "lugar de expedición",
  "regimen fiscal",
  "régimen fiscal",
  "version",
  "versión",
];

/** GSTR-1's recipient: the customer's GSTIN (UIN for a UN body or embassy). */
const GSTR1_RECIPIENT = [
  "gstin uin of recipient",
  "gstin of recipient",
  "gstin uin of receiver",
  "gstin of receiver",
  "recipient gstin",
  "receiver gstin",
  "recipient gstin uin",
  "receiver gstin uin",
  "customer gstin",
];

/** Xero's invoice statuses before approval: "SUBMITTED" in its exports, "Awaiting Approval" on screen and in reports. */
const XERO_UNAPPROVED = /^\s*(?:submitted|awaiting[\s_-]+approval)\s*$/i;

/** The currencies Xero writes after a money column's name ("Debit (GBP)" → "debit gbp"). */
const XERO_CURRENCIES = ["gbp", "usd", "aud", "nzd", "eur", "cad", "zar", "sgd", "hkd"];
/** A Xero report's money header, bare or followed by its currency. */
function withCurrency(header: string): string[] {
  return [header, ...XERO_CURRENCIES.map((c) => `${header} ${c}`)];
}

/**
 * NetSuite's accounts that no sales line posts to: a transaction's main line (receivables,
 * undeposited funds, customer deposits), its tax, and an item's cost (Cost of Goods Sold, the
 * Inventory Asset it leaves). Income accounts are named as each company chose ("4000 Sales",
 * "Hardware", "Deferred Revenue" under revenue recognition): every other account is read.
 */
const NETSUITE_NOT_INCOME =
  /^(?!.*\b(?:receivables?|undeposited|payables?|tax(?:es)?|vat|gst|hst|pst|costs?|cogs|inventory|assets?|liabilit(?:y|ies)|deposits?|expenses?|clearing)\b)/i;

/** QuickBooks Online's sales list's total before tax, as each country's edition names its tax. */
const TOTALS_BEFORE_TAX = [
  "total before sales tax",
  "total before vat",
  "total before gst",
  "total before tax",
];
/**
 * QuickBooks' document types that are sales (Invoice, Sales Receipt, and Desktop's Statement
 * Charge: an item billed on the customer's statement instead of an invoice) or returns (Credit
 * Memo, Refund Receipt). Not Online's "Charge", a delayed charge that posts nothing until invoiced.
 */
const QUICKBOOKS_SALE_DOCS =
  /^\s*(?:invoice|sales\s+receipt|statement\s+charge|credit\s+memo|refund(?:\s+receipt)?)\s*$/i;

/**
 * Tally's voucher types that are sales ("Sales", and the types a company makes under it: "Sales
 * GST", "Tax Invoice") or their returns ("Credit Note", "Sales Return"). Not its sales orders,
 * quotations and delivery notes (no accounting entry), receipts, payments, purchases, journals,
 * contras nor debit notes.
 */
const TALLY_SALE_VOUCHERS =
  /^(?!.*\b(?:orders?|quotations?|delivery|purchases?|receipts?|payments?|journal|contra|debit)\b).*\b(?:sales?|credit\s+note|invoice)\b/i;

/**
 * Sage 50's customer account reference: "A/C", "A/C Ref", or written out, "Account Reference",
 * "Account Ref", or a plain "Account" (its audit trail exported with the headers spelt out).
 * Only ever read beside a nominal code column (the signatures): the ledger is then "Nominal".
 */
const SAGE_ACCOUNT = ["account reference", "account ref", "a c ref", "a c", "account"];
/** Sage 50's nominal (ledger) code spelt out, "Nominal", "Nominal Ref": never the customer. */
const SAGE_NOMINAL_PLAIN = ["nominal", "nominal ref", "nominal reference"];

const XERO_INVOICE_DETAIL: ExportLayout = {
  // Xero's invoice detail reports (Reports › "Receivable Invoice Detail", "Sales Invoice
  // Details"): a title block above the header, one row per invoice line, the customer under
  // "Contact" and the line's sales ledger under "Account" ("200 - Sales", or a bare "Sales"
  // beside "Account Code"), never the customer. "Net" is the line before tax whether the
  // invoice was entered tax-inclusive or not; "Gross" holds the tax.
  id: "xero-invoice-detail",
  name: "Xero invoice detail report",
  signature: [
    ["contact", "contact name"],
    ["invoice number"],
    ["invoice date", "date"],
    [...withCurrency("net"), ...withCurrency("net amount")],
    ["account", "account code", "account name"],
  ],
  fields: {
    accountName: ["contact", "contact name"],
    orderId: ["invoice number"],
    date: ["invoice date", "date"],
    sku: ["item code", "inventory item code"],
    productName: ["description", "item name", "item"],
    quantity: ["quantity", "qty"],
    unitPrice: [...withCurrency("unit price"), "unit amount"],
    discount: ["discount", "discount %", "discount rate"],
    revenue: [...withCurrency("net"), ...withCurrency("net amount")],
    currency: ["currency", "currency code"],
    // Sales invoice / Sales credit note, or the "Source" column's Receivable Invoice /
    // Receivable Credit Note (a credit note is a return whatever its number or sign)
    docType: ["type", "invoice type", "source", "source type"],
    // Paid, Awaiting Payment; Voided and Draft invoices were never sales, Awaiting Approval
    // ones are none yet
    orderStatus: ["status", "invoice status"],
  },
  unapprovedStatus: XERO_UNAPPROVED,
  ignore: [
    "account",
    "account code",
    "account name",
    ...withCurrency("tax"),
    ...withCurrency("vat"),
    ...withCurrency("gst"),
    ...withCurrency("gross"),
    ...withCurrency("total"),
    ...withCurrency("invoice total"),
    "tax rate",
    "tax type",
    "reference",
    "due date",
    "expected date",
    "planned date",
  ],
  note: 'The customer is "Contact"; "Account" is the sales ledger the line is posted to ("200 - Sales"), never the customer; the line value is "Net", before tax.',
};

const SHOPIFY: ExportLayout = {
  id: "shopify",
  shopStatuses: true,
  name: "Shopify orders",
  signature: [["name"], ["email"], ["financial status"], ["lineitem quantity"], ["lineitem price"]],
  fields: {
    orderId: ["name"],
    accountId: ["email"],
    accountName: ["billing company", "shipping company"],
    date: ["created at"],
    sku: ["lineitem sku"],
    productName: ["lineitem name"],
    quantity: ["lineitem quantity"],
    unitPrice: ["lineitem price"],
    listPrice: ["lineitem compare at price"],
    lineDiscount: ["lineitem discount"],
    currency: ["currency"],
    orderedBy: ["billing name"],
    orderStatus: ["financial status"],
    cancelledAt: ["cancelled at"],
  },
  // No e-mail (a phone order entered as a draft, a POS sale): the Billing Company, which a
  // Shopify B2B order carries from its company location, else the Billing Name.
  accountFromOrderedBy: true,
  ignore: [
    "total",
    "subtotal",
    "shipping",
    "taxes",
    "discount amount",
    "discount code",
    "refunded amount",
    "id",
    "paid at",
    "fulfilled at",
    "outstanding balance",
  ],
  note: "The customer is the e-mail (company from the order's first line); an order without e-mail is its Billing Company's, else its Billing Name's; line value = Lineitem quantity × Lineitem price less the line discount, not the order Total (which holds shipping and tax).",
};

/**
 * The product columns of WooCommerce's order exports (the Advanced Order Export plugin's, with
 * or without "Customer User ID"): both layouts read the same money columns.
 */
const WOO_LINE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  currency: ["currency", "order currency"],
  sku: ["sku"],
  productName: ["item name", "product name"],
  category: ["category"],
  // the units less those refunded, where the export has them
  quantity: ["quantity refund", "quantity"],
  unitPrice: ["item cost"],
  // the line net of its refunds, else after the order's coupons (both before tax)
  revenue: ["order line total refund", "order line total"],
  refundedAmount: ["order refund amount"],
};
/**
 * What WooCommerce's order exports hold that is no line's: the order's totals (with shipping
 * and tax), a coupon's cells beside the order's first products (already off "Item Cost"), the
 * buyer's note.
 */
const WOO_IGNORE: readonly string[] = [
  "customer note",
  "order notes",
  // the line's number within its order ("Item #")
  "item",
  "item id",
  "product id",
  "variation id",
  "coupon code",
  "discount amount",
  "discount amount tax",
  "discount amount + tax",
  "coupon amount",
  "item discount amount",
  "product current price",
  "order line w o tax",
  "order line tax",
  "order line subtotal",
  "order line subtotal tax",
  "order line total include tax",
  "order line total refunded",
  "cart discount amount",
  "cart discount amount tax",
  "order subtotal amount",
  "order subtotal cart discount",
  "order shipping amount",
  "order total amount",
  "order total amount refund",
  "order total amount without tax",
  "order total tax amount",
  "order total fee",
];
/** How a WooCommerce order export's row is valued, as the user is told. */
const WOO_LINE_VALUE =
  'its value its "Order Line Total (- Refund)" or "Order Line Total" where the export has one, else "Quantity" × "Item Cost" (the price after the order\'s coupons, before tax), not the order\'s totals (which hold shipping and tax)';

/**
 * Squarespace's orders export (Commerce › Orders › Download CSV): Shopify's columns, but the order
 * is "Order ID" and its refund "Amount Refunded", shown on a "PAID" order as well (ingest/orders
 * nets it where it is whole units of one line, else flags the order).
 */
const SQUARESPACE: ExportLayout = {
  ...SHOPIFY,
  id: "squarespace",
  shopStatuses: true,
  name: "Squarespace orders",
  // one header longer than Shopify's: its "Amount Refunded" (Shopify's is "Refunded Amount") says
  // it, whatever the order column is headed
  signature: [
    ["order id", "name"],
    ["created at"],
    ["financial status"],
    ["lineitem quantity"],
    ["lineitem price"],
    ["amount refunded"],
  ],
  // a "Customer ID" put in for the e-mail (a header every order file is read by)
  fields: { ...SHOPIFY.fields, orderId: ["order id", "name"], accountId: ["email", "customer id"] },
  ignore: [
    ...SHOPIFY.ignore,
    "amount refunded",
    "fulfillment status",
    "lineitem fulfillment status",
    "channel type",
    "channel name",
    "channel order number",
    "private notes",
    "payment reference",
  ],
  note: 'The customer is the e-mail; line value = Lineitem quantity × Lineitem price, less the order\'s "Amount Refunded" where it is whole units of one line, not the order Total (which holds shipping and tax).',
};

/**
 * Square's transactions export (Dashboard › Transactions › Export, "Transactions CSV"): one row a
 * payment or refund. "Net Sales" is the goods after discounts, before tax and tip; a refund by
 * amount is not in it but in "Partial Refunds" (written negative, on the payment's row or on a
 * refund's own), which ingest/orders takes off. "Description" lists the items bought ("Widget x
 * 3, Gizmo"), no one product, so the file is read invoice by invoice.
 */
const SQUARE_TRANSACTIONS: ExportLayout = {
  id: "square-transactions",
  name: "Square transactions",
  signature: [
    ["gross sales"],
    ["net sales"],
    ["partial refunds"],
    ["total collected"],
    ["transaction id"],
  ],
  fields: {
    date: ["date"],
    orderId: ["transaction id"],
    accountId: ["customer id"],
    accountName: ["customer name"],
    revenue: ["net sales"],
  },
  ignore: [
    "time",
    "time zone",
    "gross sales",
    "discounts",
    "service charges",
    "gift card sales",
    "tax",
    "tip",
    "partial refunds",
    "total collected",
    "source",
    "card",
    "card entry methods",
    "cash",
    "square gift card",
    "other tender",
    "other tender type",
    "other tender note",
    "tender note",
    "fees",
    "net total",
    "payment id",
    "card brand",
    "pan suffix",
    "device name",
    "staff name",
    "staff id",
    "details",
    "description",
    "event type",
    "location",
    "dining option",
    "customer reference id",
    "device nickname",
    "third party fees",
    "deposit id",
    "deposit date",
    "deposit details",
    "fee percentage rate",
    "fee fixed rate",
    "refund reason",
    "discount name",
    "transaction status",
    "cash app",
    "order reference id",
    "fulfillment note",
    "free processing applied",
    "channel",
    "unattributed tips",
    "table info",
    "international fee",
  ],
  note: 'Each transaction\'s value is its "Net Sales" (after discounts, before tax and tip) less its "Partial Refunds" (refunds by amount, taken off whole: Square does not say how much of one was tax or tip, so a taxed sale refunded so may be understated by that tax); "Description" lists its items, no one product.',
};

/**
 * Square's item sales export (Dashboard › Reports › Item Sales › Export, "Item Details CSV"): one
 * row an item sold, or refunded (Qty and amounts negative). Square's "Gross Sales" is the item's
 * price × quantity with its modifiers, before discounts and without tax (GST-inclusive accounts,
 * Australia's, include the GST); "Discounts" (negative) come off it to make "Net Sales", which is
 * before tax: the line's value. "Price Point Name" is the item's variation ("Regular"), no price.
 */
const SQUARE_ITEM_SALES: ExportLayout = {
  id: "square-item-sales",
  name: "Square item sales",
  signature: [
    ["price point name"],
    ["gross sales"],
    ["net sales"],
    ["transaction id"],
    ["item"],
    ["qty"],
  ],
  fields: {
    date: ["date"],
    orderId: ["transaction id"],
    accountId: ["customer id"],
    accountName: ["customer name"],
    category: ["category"],
    productName: ["item"],
    sku: ["sku"],
    quantity: ["qty"],
    revenue: ["net sales"],
  },
  ignore: [
    "time",
    "time zone",
    "price point name",
    "modifiers applied",
    "gross sales",
    "discounts",
    "tax",
    "payment id",
    "device name",
    "notes",
    "details",
    "event type",
    "location",
    "dining option",
    "customer reference id",
    "unit",
    "count",
    "itemization type",
    "fulfillment note",
    "channel",
    "token",
    "card brand",
    "pan suffix",
  ],
  note: 'Each row is an item sold (a refunded one negative), its value its "Net Sales": "Gross Sales" (price × quantity with modifiers, before discounts) less "Discounts", before tax ("Tax" is not read); "Price Point Name" is the item\'s variation, no price.',
};

export const LAYOUTS: readonly ExportLayout[] = [
  {
    id: "xero",
    name: "Xero sales invoices",
    signature: [
      ["contact name"],
      ["invoice number"],
      ["invoice date"],
      ["unit amount"],
      ["account code"],
    ],
    fields: {
      accountName: ["contact name"],
      orderId: ["invoice number"],
      date: ["invoice date"],
      sku: ["inventory item code", "item code"],
      productName: ["description"],
      quantity: ["quantity"],
      unitPrice: ["unit amount"],
      discount: ["discount", "discount rate"],
      // a line's discount given as money instead of a % (Xero's "DiscountAmount")
      lineDiscount: ["discount amount"],
      revenue: ["line amount"],
      currency: ["currency", "currency code"],
      // "Sales invoice" / "Sales credit note": a credit note is a return whatever its number or sign
      docType: ["type"],
      // Paid, Awaiting Payment; Voided, Draft and Deleted invoices were never sales, Submitted
      // (Awaiting Approval) ones are none yet
      orderStatus: ["status"],
    },
    unapprovedStatus: XERO_UNAPPROVED,
    ignore: [
      "account code",
      "tax type",
      "tax amount",
      "total",
      "tax total",
      "invoice amount paid",
      "invoice amount due",
      "due date",
      "reference",
      "email address",
      "branding theme",
      "tracking name1",
      "tracking name2",
      "sent",
    ],
    note: '"AccountCode" is the sales ledger code, not the customer; the customer is "ContactName"; the line value is LineAmount, else Quantity × UnitAmount less the Discount % or DiscountAmount.',
  },
  XERO_INVOICE_DETAIL,
  {
    // The same report grouped by contact, its Contact column hidden: each contact is a heading
    // row, in the first (date) column, above its lines, and "Total <contact>" ends it. Its money
    // headers name the currency ("Net (GBP)"), as Xero's reports write them: a bare "Net" beside
    // "Account" is too plain a file to be read without a customer column. With a Contact column
    // the report above matches as well and, listed first, wins.
    ...XERO_INVOICE_DETAIL,
    id: "xero-invoice-detail-by-contact",
    name: "Xero invoice detail report grouped by contact",
    signature: [
      ["invoice number"],
      ["invoice date", "date"],
      XERO_CURRENCIES.map((c) => `net ${c}`),
      XERO_CURRENCIES.map((c) => `gross ${c}`),
      ["account", "account code", "account name"],
    ],
    // its money headers bare ("Net", "Gross"), or no Account column: read when the rows show the
    // contact headings, each closed by its "Total <contact>" row
    headingSignature: [
      ["invoice number"],
      ["invoice date", "date"],
      [...withCurrency("net"), ...withCurrency("net amount")],
    ],
    accountFromHeadings: true,
    headingsInDateColumn: true,
    note: 'The customer is the report\'s contact heading ("Total …" rows end it); "Account" is the sales ledger the line is posted to ("200 - Sales"), never the customer; the line value is "Net", before tax.',
  },
  {
    // Xero's "Account Transactions" report (Reports › Accounting), grouped by account (its
    // default): Date, Source, Description, Reference, Debit, Credit, Running Balance, and the
    // optional Contact, Net, VAT/GST, Gross, Account Code columns. A sales account holds the sales
    // on its credit side: a line's value is Credit − Debit (a credit note is a debit), before VAT.
    id: "xero-account-transactions",
    name: "Xero account transactions",
    signature: [
      ["date"],
      ["source"],
      withCurrency("debit"),
      withCurrency("credit"),
      withCurrency("running balance"),
    ],
    fields: {
      date: ["date"],
      accountName: ["contact", "contact name"],
      orderId: ["reference", "invoice number"],
      productName: ["description"],
      revenue: withCurrency("credit"),
      credit: withCurrency("debit"),
      docType: ["source"],
      // laid out without account headings ("Standard"), the account of each line: only the sales
      // accounts' lines are read (ingest/orders); a code alone names no sales account
      ledgerAccount: ["account", "account name", "account code"],
    },
    ignore: [
      ...withCurrency("running balance"),
      ...withCurrency("net"),
      ...withCurrency("gross"),
      ...withCurrency("vat"),
      ...withCurrency("gst"),
      ...withCurrency("tax"),
      "account type",
      "related account",
      "contact group",
    ],
    // income accounts; not "Sales Tax", "Cost of Sales", "Deferred Revenue" nor receivables, nor
    // Xero's "260 Other Revenue" and "270 Interest Income" (a bank's interest is no customer's sale)
    salesLedger:
      /^(?!.*\b(?:tax|vat|gst|costs?|receivables?|payables?|deferred|unearned|other|interest)\b).*\b(?:sales|revenue|income|turnover)\b/i,
    // sales invoices and their credit notes, and sales received straight into the account
    saleDocType: /^\s*(?:receivable\s+(?:invoice|credit\s+note)|receive\s+money)\s*$/i,
    note: "Only the sales (income) accounts' sections are read (\"200 - Sales\"): the report's other accounts (Accounts Receivable, bank, VAT) hold the same sales again, with VAT, or payments, and would count each sale twice; each line's value is Credit − Debit, before VAT; the customer is the Contact; Receivable Credit Note lines are returns; manual journals and other sources are skipped.",
  },
  {
    // Listed before the product/service detail: with a Customer column added as well, both
    // signatures are present and this one, one header longer, is the more specific.
    id: "quickbooks-online-customer",
    name: "QuickBooks Online sales by customer detail",
    signature: [
      ["date", "transaction date"],
      ["transaction type"],
      ["num", "no"],
      ["product service", "product service full name", "item"],
      ["sales price", "rate"],
      ["amount", "debit"],
      ["balance"],
    ],
    fields: {
      date: ["date", "transaction date"],
      orderId: ["num", "no"],
      accountName: ["customer", "customer full name", "name"],
      sku: ["product service", "product service full name", "item"],
      quantity: ["qty", "quantity"],
      unitPrice: ["sales price", "rate"],
      revenue: ["amount", "debit"],
      credit: ["credit"],
      docType: ["transaction type"],
    },
    ignore: ["balance", "memo description", "memo", "description", "class", "location"],
    customerJob: true,
    categoryPrefix: true,
    accountFromHeadings: true,
    note: 'Customers come from the report\'s customer headings ("Total for …" rows end them); "Customer:Job" names roll up to the parent customer, the job being its site; Credit Memo and Refund Receipt lines are returns.',
  },
  {
    id: "quickbooks-desktop-customer",
    name: "QuickBooks Desktop sales by customer detail",
    // (no Balance: a report may hide its running balance; Type, Num, Item and Sales Price are
    // QuickBooks' own words). With Name and Balance too it carries the sales by item detail's
    // signature as well, of the same length: listed first, it wins (an Item column says so).
    signature: [["type"], ["date"], ["num"], ["item"], ["sales price"], ["amount", "debit"]],
    fields: {
      date: ["date"],
      orderId: ["num"],
      accountName: ["name"],
      sku: ["item"],
      quantity: ["qty", "quantity"],
      unitPrice: ["sales price"],
      revenue: ["amount", "debit"],
      credit: ["credit"],
      docType: ["type"],
    },
    ignore: ["balance", "memo"],
    customerJob: true,
    categoryPrefix: true,
    accountFromHeadings: true,
    note: 'The customer is the Name column, else the report\'s customer heading ("Total …" rows end them); "Customer:Job" names roll up to the parent customer, the job being its site.',
  },
  {
    // QuickBooks' "Transaction List by Customer" (Online and Desktop): every transaction of each
    // customer under its heading, no product and no quantity. Online writes Posting and Account,
    // Desktop Account, Clr and Split: Posting or Split, with Account, tell it from other lists.
    // Desktop may write Debit and Credit instead of Amount (as every QuickBooks report here can):
    // the Amount is then Debit − Credit (ingest/orders, the "credit" field).
    id: "quickbooks-transaction-list",
    name: "QuickBooks transaction list by customer",
    signature: [
      ["date", "transaction date"],
      ["transaction type", "type"],
      ["num", "no"],
      ["posting", "split"],
      // the account each transaction posts to: a general ledger or transaction detail by
      // account, with the same columns, has the account as its heading instead (and would count
      // each invoice twice, under A/R and under income)
      ["account", "account full name", "account name"],
      ["amount", "debit"],
    ],
    fields: {
      date: ["date", "transaction date"],
      orderId: ["num", "no"],
      accountName: ["customer", "customer full name", "name"],
      revenue: ["amount", "debit"],
      credit: ["credit"],
      docType: ["transaction type", "type"],
    },
    ignore: [
      "posting",
      "memo description",
      "memo",
      "description",
      "account",
      "account full name",
      "account name",
      "clr",
      "split",
      "balance",
      "open balance",
      "due date",
      "class",
      "location",
    ],
    customerJob: true,
    accountFromHeadings: true,
    saleDocType: QUICKBOOKS_SALE_DOCS,
    note: "Customers come from the report's customer headings; each transaction is one order line of its Amount, the document's total as posted (with any sales tax); only Invoice, Sales Receipt and Statement Charge are sales (a late fee or finance charge is none), Credit Memo and Refund returns; payments, estimates and journals are skipped, as are voided documents (amount 0).",
  },
  {
    id: "quickbooks-online",
    name: "QuickBooks Online sales by product/service detail",
    signature: [
      ["transaction type"],
      ["num", "no"],
      ["customer", "customer full name"],
      ["sales price", "rate"],
      ["amount", "debit"],
      ["balance"],
    ],
    fields: {
      date: ["date", "transaction date"],
      orderId: ["num", "no"],
      accountName: ["customer", "customer full name"],
      sku: ["product service", "product service name", "item"],
      quantity: ["qty", "quantity"],
      unitPrice: ["sales price", "rate"],
      revenue: ["amount", "debit"],
      credit: ["credit"],
      docType: ["transaction type"],
    },
    ignore: ["balance", "memo description", "memo", "description", "class", "location"],
    customerJob: true,
    categoryPrefix: true,
    productFromHeadings: true,
    note: 'Products come from the report\'s product headings; "Customer:Job" names roll up to the parent customer.',
  },
  {
    id: "quickbooks-desktop",
    name: "QuickBooks Desktop sales by item detail",
    signature: [["type"], ["num"], ["name"], ["sales price"], ["amount", "debit"], ["balance"]],
    fields: {
      date: ["date"],
      orderId: ["num"],
      accountName: ["name"],
      sku: ["item"],
      quantity: ["qty", "quantity"],
      unitPrice: ["sales price"],
      revenue: ["amount", "debit"],
      credit: ["credit"],
      docType: ["type"],
    },
    ignore: ["balance", "memo"],
    customerJob: true,
    categoryPrefix: true,
    productFromHeadings: true,
    itemTypeHeadings: true,
    note: 'Products come from the report\'s item headings; "Customer:Job" names roll up to the parent customer.',
  },
  {
    // MYOB AccountRight's Sales [Item Detail] report: each item's number and name on a heading
    // row of their own above its lines (which leave both blank), closed by a "Total:" row.
    id: "myob-item-detail",
    name: "MYOB sales item detail",
    signature: [["item no", "item number"], ["item name"], ["co last name"]],
    fields: {
      date: ["date"],
      orderId: ["id no", "invoice no"],
      accountName: ["co last name"],
      sku: ["item no", "item number"],
      productName: ["item name"],
      quantity: ["qty", "quantity"],
      revenue: ["amount", "sales amount"],
    },
    ignore: ["src", "cost of sales", "gross profit", "job", "salesperson"],
    productFromHeadings: true,
    note: "Products come from the report's item headings (item number and name), carried down to the lines under each.",
  },
  {
    // QuickBooks Online's Sales › All sales list, exported: one row per document (invoices, sales
    // receipts, credit memos, refunds, estimates, payments …) with its Total and Status, no
    // products. Total holds the sales tax: "Total before sales tax", where the list shows it, does not.
    id: "quickbooks-sales-transactions",
    name: "QuickBooks Online sales transactions",
    signature: [
      ["date"],
      ["type", "transaction type"],
      ["no", "num"],
      ["customer", "customer full name"],
      ["due date"],
      ["total", ...TOTALS_BEFORE_TAX],
      ["status"],
    ],
    fields: {
      date: ["date"],
      orderId: ["no", "num"],
      accountName: ["customer", "customer full name"],
      revenue: [...TOTALS_BEFORE_TAX, "total"],
      docType: ["type", "transaction type"],
      orderStatus: ["status"],
    },
    ignore: [
      "memo",
      "memo description",
      "due date",
      "aging",
      "balance",
      "open balance",
      "sales tax",
      "vat",
      "gst",
      "tax",
      "total",
      "last delivered",
      "email",
      "attachments",
    ],
    customerJob: true,
    saleDocType: QUICKBOOKS_SALE_DOCS,
    note: 'One row per document: each sale\'s value is its "Total before sales tax" where the list shows it, else its Total (with any sales tax); only Invoice and Sales Receipt are sales, Credit Memo and Refund returns; estimates, payments and other transactions are skipped, as are voided documents; "Customer:Job" names roll up to the parent customer.',
  },
  {
    // QuickBooks' Transaction Detail by Account and General Ledger reports: one section per
    // ledger account under its heading ("Sales of Product Income", "Accounts Receivable (A/R)"),
    // ended by "Total for …"; the customer in Name. Only income accounts' sections are sales: the
    // receivables, bank and Undeposited Funds sections hold the same sales again, with their tax,
    // and the payments. An income account shows a sale as a positive Amount (Desktop: a Credit).
    // A transaction list by customer, of the same columns, names each line's account instead.
    id: "quickbooks-transaction-detail",
    name: "QuickBooks transaction detail by account",
    signature: [
      ["date", "transaction date"],
      ["transaction type", "type"],
      ["num", "no"],
      ["name", "customer", "customer full name"],
      ["split"],
      ["amount", "credit"],
      ["balance"],
    ],
    unlessWith: ["posting", "account", "account full name", "account name"],
    fields: {
      date: ["date", "transaction date"],
      orderId: ["num", "no"],
      accountName: ["customer", "customer full name", "name"],
      revenue: ["amount", "credit"],
      credit: ["debit"],
      docType: ["transaction type", "type"],
    },
    ignore: [
      "memo description",
      "memo",
      "description",
      "split",
      "balance",
      "adj",
      "clr",
      "class",
      "location",
    ],
    customerJob: true,
    // income accounts (QuickBooks' defaults: Sales, Sales of Product Income, Services, Shipping
    // Income, Discounts given); not Sales Tax Payable, Cost of Goods Sold, Interest or Other Income
    salesLedger:
      /^(?!.*\b(?:tax|vat|gst|costs?|cogs|receivables?|payables?|deferred|unearned|interest|other)\b)(?:.*\b(?:sales|revenue|income|turnover)\b|\s*(?:\d+\s+)?services\s*$|\s*(?:\d+\s+)?discounts?\s+given\s*$)/i,
    saleDocType: QUICKBOOKS_SALE_DOCS,
    note: 'Only the income accounts\' sections are read ("Sales of Product Income", "Services"): the report\'s other accounts (Accounts Receivable, Undeposited Funds, bank) hold the same sales again, with their tax, or payments, and would count each sale twice; the customer is the Name ("Customer:Job" rolls up to the parent); each line is one line of an invoice, sales receipt, credit memo or refund; journal entries and deposits are skipped.',
  },
  {
    // QuickBooks Online's Invoice List report (Reports › Invoice List; Desktop's Open Invoices
    // alike): one row per invoice, its Amount and Open Balance, the customer in Name. Listed after
    // the detail reports, which it ties with only when one of them shows Due Date and Open Balance.
    id: "quickbooks-invoice-list",
    name: "QuickBooks Online invoice list",
    signature: [
      ["date", "transaction date"],
      ["transaction type", "type"],
      ["num", "no"],
      ["name", "customer", "customer full name"],
      ["due date"],
      ["open balance"],
    ],
    fields: {
      date: ["date", "transaction date"],
      orderId: ["num", "no"],
      accountName: ["customer", "customer full name", "name"],
      revenue: ["amount", "debit"],
      credit: ["credit"],
      docType: ["transaction type", "type"],
    },
    ignore: [
      "memo description",
      "memo",
      "description",
      "due date",
      "open balance",
      "balance",
      "terms",
      "class",
      "location",
    ],
    customerJob: true,
    accountFromHeadings: true,
    saleDocType: QUICKBOOKS_SALE_DOCS,
    note: 'One row per invoice: its Amount as posted (with any sales tax); the customer is the Name; "Customer:Job" names roll up to the parent customer; voided invoices (0.00) and anything but invoices, sales receipts, credit memos and refunds are skipped.',
  },
  {
    id: "sage50",
    name: "Sage 50 invoice items",
    // Sage's A/C and N/C, or written out: "Account" is the customer's account where "Nominal"
    // (the ledger) stands beside it
    signature: [
      SAGE_ACCOUNT,
      ["stock code", "product code"],
      ["nominal code", "n c", ...SAGE_NOMINAL_PLAIN],
      ["net amount", "net"],
    ],
    fields: {
      accountId: SAGE_ACCOUNT,
      accountName: ["name", "customer name", "account name"],
      orderId: ["invoice number", "invoice no", "inv no", "inv ref", "reference"],
      date: ["invoice date", "date"],
      sku: ["stock code", "product code"],
      productName: ["description", "details"],
      quantity: ["qty order", "quantity", "qty"],
      unitPrice: ["unit price"],
      discount: ["discount rate", "discount %", "disc %"],
      revenue: ["net amount", "net"],
      currency: ["currency", "currency code"],
      docType: ["type", "invoice type"],
    },
    ignore: [
      "nominal code",
      "n c",
      ...SAGE_NOMINAL_PLAIN,
      "tax code",
      "t c",
      "tax amount",
      "tax",
      "dept",
      "department",
      "dept number",
      "gross amount",
    ],
    note: "The customer is the account reference (A/C), never the nominal code (N/C).",
  },
  {
    // Sage 50's audit trail and customer activity: one line per transaction (SI invoice, SC
    // credit, SR receipt, PI purchase …), no product. Only SI and SC are sales (ingest/orders).
    id: "sage50-audit",
    name: "Sage 50 audit trail",
    signature: [
      ["type"],
      SAGE_ACCOUNT,
      ["nominal a c ref", "n c", "nominal code", ...SAGE_NOMINAL_PLAIN],
      ["net amount", "net"],
    ],
    fields: {
      accountId: SAGE_ACCOUNT,
      accountName: ["name", "account name"],
      docType: ["type"],
      date: ["date"],
      orderId: ["reference", "ref", "inv ref"],
      revenue: ["net amount", "net"],
      currency: ["currency"],
    },
    ignore: [
      "nominal a c ref",
      "n c",
      "nominal code",
      ...SAGE_NOMINAL_PLAIN,
      "tax code",
      "t c",
      "tax amount",
      "tax",
      "gross amount",
      "gross",
      "ex ref",
      "dept",
      "no",
      // free text of the transaction, not a product
      "details",
    ],
    note: "The customer is the account reference (A/C), never the nominal code (N/C); only SI (invoice) and SC (credit, a return) lines are sales: receipts, payments, purchases and journals are skipped.",
  },
  {
    id: "sage200",
    name: "Sage 200 sales invoice lines",
    signature: [
      ["customer account number", "customer account no", "customer a c"],
      ["item code", "product code", "stock code"],
      ["nominal code", "nominal account"],
    ],
    fields: {
      accountId: ["customer account number", "customer account no", "customer a c"],
      accountName: ["customer account name", "customer name"],
      orderId: ["invoice credit no", "document no", "document number", "invoice no"],
      date: ["invoice credit date", "document date", "invoice date"],
      sku: ["item code", "product code", "stock code"],
      productName: ["item description", "description", "product description"],
      quantity: ["quantity", "qty"],
      unitPrice: ["unit selling price", "unit price", "selling price"],
      discount: ["line discount %", "discount %", "discount percent"],
      revenue: ["line total value", "net value", "line total", "net amount"],
      currency: ["currency", "document currency"],
      docType: ["document type", "invoice credit"],
    },
    ignore: [
      "nominal code",
      "nominal account",
      "tax code",
      "vat code",
      "tax amount",
      "vat amount",
      "cost centre",
      "department",
      "gross value",
    ],
    note: "The customer is the customer account number, never the nominal code.",
  },
  SHOPIFY,
  SQUARESPACE,
  SQUARE_TRANSACTIONS,
  SQUARE_ITEM_SALES,
  {
    // WooCommerce's order export (its own and the Advanced Order Export plugin's), one row per
    // line item: the registered customer's "Customer User ID", 0 for a guest checkout; the
    // buyer's note to the shop ("Customer Note") is free text, never the customer.
    id: "woocommerce",
    shopStatuses: true,
    name: "WooCommerce orders",
    signature: [["customer user id"], ["order number", "order id"], ["order status"]],
    fields: {
      accountId: ["customer user id"],
      accountName: ["company billing", "billing company"],
      accountEmail: ["email billing", "billing email"],
      firstName: ["first name billing", "billing first name"],
      lastName: ["last name billing", "billing last name"],
      orderId: ["order number", "order id"],
      date: ["order date"],
      orderStatus: ["order status"],
      ...WOO_LINE_FIELDS,
    },
    guestAccountId: "0",
    ignore: WOO_IGNORE,
    note: `The customer is the Customer User ID (named by its billing company, else the billing name); a guest checkout (Customer User ID 0) is its billing e-mail's, else its billing company's or name's; each row is a product, ${WOO_LINE_VALUE}.`,
  },
  {
    // The "Advanced Order Export For WooCommerce" plugin's default export: one row per product
    // ("Item #" its number within the order, "Item Cost" its price after the order's coupons,
    // before tax: WooCommerce's item total ÷ quantity); the order's cells repeated on each row;
    // a coupon's cells ("Coupon Code", "Discount Amount") beside the order's first products, no
    // discount of theirs. "Customer User ID" is not in it by default: each order is its billing
    // e-mail's, as a guest checkout is (ingest/orders).
    id: "woocommerce-order-export",
    shopStatuses: true,
    name: "WooCommerce orders (Advanced Order Export)",
    signature: [
      ["item cost"],
      ["item name"],
      ["item"],
      ["email billing"],
      ["order number", "order id"],
      ["order status"],
    ],
    // with "Customer User ID" it is read as WooCommerce's orders, the registered customer its id
    // (its line fields the same: no money column of this export is lost)
    unlessWith: ["customer user id"],
    fields: {
      accountName: ["company billing"],
      accountEmail: ["email billing"],
      firstName: ["first name billing"],
      lastName: ["last name billing"],
      orderId: ["order number", "order id"],
      date: ["order date"],
      orderStatus: ["order status"],
      ...WOO_LINE_FIELDS,
    },
    guestAccountId: "0",
    ignore: WOO_IGNORE,
    note: `One row per product, ${WOO_LINE_VALUE}; each order is its billing e-mail's ("Customer User ID" is not in the export), named by its billing company, else the billing name.`,
  },
  {
    id: "sap-sd",
    name: "SAP SD billing items",
    signature: [
      ["billing document", "vbeln"],
      ["billed quantity", "fkimg"],
      ["net value", "netwr"],
    ],
    fields: {
      orderId: ["billing document", "vbeln"],
      date: ["billing date", "fkdat"],
      accountId: ["sold to party", "kunag", "payer", "kunrg"],
      accountName: ["name of sold to party", "sold to party name", "name 1", "name1"],
      sku: ["material", "matnr"],
      productName: ["description", "material description", "arktx"],
      category: ["material group", "matkl"],
      quantity: ["billed quantity", "fkimg"],
      revenue: ["net value", "netwr"],
      currency: ["doc currency", "document currency", "currency", "waerk"],
      docType: ["billing type", "fkart"],
    },
    ignore: [
      "item",
      "posnr",
      "sales unit",
      "vrkme",
      "sales organization",
      "vkorg",
      "distribution channel",
      "vtweg",
      "division",
      "spart",
      "tax amount",
      "mwsbp",
      "cost",
      "wavwr",
    ],
    dateOrder: "dmy",
    note: '"Item" is the line number within the billing document, not the product; credit memos (billing types G2, RE) and cancellations (S1) reduce revenue.',
  },
  {
    id: "business-central",
    name: "Dynamics 365 Business Central posted sales invoice lines",
    // English captions, and the German ones of the same columns (Verk. an Deb.-Nr., Belegnr., Nr.)
    signature: [
      ["sell to customer no", "verk an deb nr"],
      ["document no", "belegnr"],
      ["no", "nr"],
      [
        "line discount %",
        "line amount",
        "line amount excl vat",
        "zeilenrabatt %",
        "zeilenbetrag",
        "zeilenbetrag ohne mw st",
      ],
    ],
    fields: {
      accountId: ["sell to customer no", "bill to customer no", "verk an deb nr", "rech an deb nr"],
      accountName: [
        "sell to customer name",
        "bill to name",
        "verk an name",
        "rech an name",
        "name",
      ],
      orderId: ["document no", "belegnr"],
      date: ["posting date", "shipment date", "buchungsdatum", "warenausgangsdatum"],
      sku: ["no", "nr"],
      productName: ["description", "beschreibung"],
      category: ["item category code", "artikelkategoriencode"],
      quantity: ["quantity", "menge"],
      unitPrice: ["unit price", "unit price excl vat", "vk preis", "vk preis ohne mw st"],
      discount: ["line discount %", "zeilenrabatt %"],
      revenue: [
        "amount",
        "line amount",
        "line amount excl vat",
        "betrag",
        "zeilenbetrag",
        "zeilenbetrag ohne mw st",
      ],
      currency: ["currency code", "währungscode"],
    },
    ignore: [
      "line no",
      "type",
      "posting group",
      "gen prod posting group",
      "gen bus posting group",
      "vat prod posting group",
      "vat %",
      "amount including vat",
      "unit cost lcy",
      "unit cost",
      "line discount amount",
      "location code",
      "unit of measure code",
      "unit of measure",
      "zeilennr",
      "art",
      "buchungsgruppe",
      "produktbuchungsgr",
      "geschäftsbuchungsgr",
      "mw st produktbuchungsgr",
      "mw st %",
      "betrag inkl mw st",
      "einstandspreis mw",
      "einstandspreis",
      "zeilenrabattbetrag",
      "lagerortcode",
      "einheitencode",
      "einheit",
    ],
    note: '"No." (Nr.) is the item number; the customer is "Sell-to Customer No." (Verk. an Deb.-Nr.); "Amount" (Betrag), else "Line Amount" (Zeilenbetrag), is the line value after discounts, before VAT, never "Amount Including VAT" (Betrag inkl. MwSt.).',
  },
  {
    // The posted documents' lists (Posted Sales Invoices, Posted Sales Credit Memos) exported and
    // pasted together: one row a document, "No." its number (PS-INV…, PS-CR…) and Amount before VAT,
    // positive on both. Listed after the lines' layout, whose signature (Document No. beside No.)
    // is the more specific.
    id: "business-central-documents",
    name: "Dynamics 365 Business Central posted sales invoices and credit memos",
    signature: [
      ["no", "nr"],
      ["sell to customer no", "verk an deb nr"],
      ["posting date", "buchungsdatum"],
      ["amount including vat", "betrag inkl mw st"],
    ],
    fields: {
      orderId: ["no", "nr"],
      accountId: ["sell to customer no", "bill to customer no", "verk an deb nr", "rech an deb nr"],
      accountName: ["sell to customer name", "bill to name", "verk an name", "rech an name"],
      date: ["posting date", "buchungsdatum"],
      revenue: ["amount", "betrag"],
      currency: ["currency code", "währungscode"],
    },
    ignore: ["amount including vat", "betrag inkl mw st", "remaining amount", "restbetrag"],
    note: "One row a posted document: No. is its number and Amount its value before VAT; credit memos (numbered …CR…, e.g. PS-CR104001) are returns, though Business Central lists their amounts positive.",
  },
  {
    // The Customer Ledger Entries page exported (Kundenposten in German): one row a posting to
    // the customer's account, of every kind. "Amount" is what the customer owes, VAT included,
    // in the document's currency; "Sales (LCY)" is the sale before VAT in the company's own
    // currency, negative on a credit memo as its Amount is, 0 on a payment.
    id: "business-central-customer-ledger",
    name: "Dynamics 365 Business Central customer ledger entries",
    signature: [
      ["document type", "belegart"],
      ["document no", "belegnr"],
      ["customer no", "debitorennr"],
      ["sales lcy", "verkauf mw"],
    ],
    fields: {
      accountId: ["customer no", "debitorennr"],
      accountName: ["customer name", "debitorenname", "name"],
      orderId: ["document no", "belegnr"],
      date: ["posting date", "buchungsdatum"],
      docType: ["document type", "belegart"],
      revenue: ["sales lcy", "verkauf mw"],
    },
    ignore: [
      // with VAT, or what is still owed: never the sale
      "amount",
      "amount lcy",
      "original amount",
      "original amt lcy",
      "remaining amount",
      "remaining amt lcy",
      "debit amount",
      "debit amount lcy",
      "credit amount",
      "credit amount lcy",
      "profit lcy",
      "inv discount lcy",
      "original pmt disc possible",
      "remaining pmt disc possible",
      "max payment tolerance",
      "betrag",
      "betrag mw",
      "ursprungsbetrag",
      "ursprungsbetrag mw",
      "restbetrag",
      "restbetrag mw",
      "sollbetrag",
      "sollbetrag mw",
      "habenbetrag",
      "habenbetrag mw",
      "deckungsbeitrag mw",
      "rechnungsrabatt mw",
      // the document's currency: Sales (LCY) is always in the company's own
      "currency code",
      "währungscode",
      // the posting's text ("Order 101001", "Payment 2026-04-10"), no product
      "description",
      "beschreibung",
      "external document no",
      "externe belegnummer",
      "entry no",
      "lfd nr",
      "due date",
      "fälligkeitsdatum",
      "pmt discount date",
      "skontodatum",
      "open",
      "offen",
      "on hold",
      "wartestellung",
      "user id",
      "benutzer id",
      "source code",
      "herkunftscode",
      "reversed",
      "storniert",
      "bal account no",
      "gegenkontonr",
      "bal account type",
      "gegenkontoart",
    ],
    // invoices and their credit memos; payments, refunds, finance charge memos, reminders and
    // journal postings (no type) are no sales
    saleDocType: /^\s*(?:invoice|credit\s+memo|rechnung|gutschrift)\s*$/i,
    note: 'One row a posting to the customer\'s account: only invoices and credit memos are sales, read at "Sales (LCY)" ("Verkauf (MW)"), the sale before VAT in the company\'s currency, never "Amount" (with VAT); payments, refunds, finance charge memos and reminders (interest and fees) are skipped. The export has no products.',
  },
  {
    id: "business-central-item-ledger",
    name: "Dynamics 365 Business Central item ledger entries",
    // English captions and the German ones (Postenart, Belegnr., Artikelnr., Verkaufsbetrag (tatsächl.))
    // and the Dutch (Soort post, Herkomstnr., Verkoopbedrag (werkelijk)) and French ones (Type
    // écriture, N° origine, Montant vente (réel))
    signature: [
      ["entry type", "postenart", "soort post", "type écriture"],
      ["document no", "belegnr", "documentnr", "n° document"],
      ["item no", "artikelnr", "n° article"],
      [
        "sales amount actual",
        "verkaufsbetrag tatsächl",
        "verkoopbedrag werkelijk",
        "montant vente réel",
      ],
    ],
    fields: {
      accountId: ["source no", "herkunftsnr", "herkomstnr", "n° origine"],
      orderId: ["document no", "belegnr", "documentnr", "n° document"],
      date: ["posting date", "buchungsdatum", "boekingsdatum", "date comptabilisation"],
      sku: ["item no", "artikelnr", "n° article"],
      productName: ["description", "beschreibung", "omschrijving", "désignation"],
      // what was invoiced (a shipment not yet invoiced has none, and no sales amount yet)
      quantity: [
        "invoiced quantity",
        "fakturierte menge",
        "gefactureerd aantal",
        "quantité facturée",
        "quantity",
        "menge",
        "aantal",
        "quantité",
      ],
      revenue: [
        "sales amount actual",
        "verkaufsbetrag tatsächl",
        "verkoopbedrag werkelijk",
        "montant vente réel",
      ],
      docType: ["document type", "belegart", "documenttype", "type document"],
      // Value Entries list the item entry's type beside their own (Direct Cost, Revaluation):
      // the item entry's says what moved, a sale or a purchase
      orderStatus: [
        "item ledger entry type",
        "artikelpostenart",
        "soort artikelpost",
        "type écriture article",
        "entry type",
        "postenart",
        "soort post",
        "type écriture",
      ],
    },
    ignore: [
      "entry no",
      "lfd nr",
      "source type",
      "herkunftsart",
      "location code",
      "lagerortcode",
      "cost amount actual",
      "kostenbetrag tatsächl",
      "cost amount expected",
      "kostenbetrag erwartet",
      "sales amount expected",
      "verkaufsbetrag erwartet",
      "remaining quantity",
      "restmenge",
      "open",
      "offen",
      "quantity",
      "menge",
      "variant code",
      "variantencode",
      "serial no",
      "seriennr",
      "lot no",
      "chargennr",
    ],
    stockMovement: true,
    saleEntryType: /^\s*(?:sale|verkauf|verkoop|vente)\s*$/i,
    note: 'The customer is "Source No." (Herkunftsnr.); only Sale entries (Postenart Verkauf) are sales, the others (purchases, transfers, adjustments) are skipped; quantities leave stock, so a sale\'s negative quantity is a sale, a positive one a return; the line value is "Sales Amount (Actual)": a shipment not yet invoiced (no sales amount) is skipped.',
  },
  {
    id: "online-retail",
    name: "Online Retail (UCI) invoice lines",
    signature: [
      ["invoice no"],
      ["stock code"],
      ["description"],
      ["quantity"],
      ["invoice date"],
      ["unit price"],
      ["customer id"],
      ["country"],
    ],
    fields: {
      orderId: ["invoice no"],
      sku: ["stock code"],
      productName: ["description"],
      quantity: ["quantity"],
      date: ["invoice date"],
      unitPrice: ["unit price"],
      accountId: ["customer id"],
    },
    ignore: ["country"],
    dateOrder: "mdy",
    note: "invoice numbers starting with C are credit notes; lines without a CustomerID cannot be given to an account.",
  },
  {
    // Odoo's invoice lines (Accounting › Customers › Invoices, lines exported): the partner is the
    // customer, never the "Account" (the ledger); Subtotal is the line value without tax.
    id: "odoo",
    name: "Odoo invoice lines",
    signature: [
      ["partner"],
      ["invoice bill date", "invoice date"],
      ["subtotal", "invoice lines subtotal"],
    ],
    fields: {
      accountName: ["partner"],
      orderId: ["number"],
      date: ["invoice bill date", "invoice date"],
      sku: [
        "internal reference",
        "product internal reference",
        "invoice lines product internal reference",
        // "[FURN_8888] Office Lamp": the product's code and name; its Label is the line's text
        "invoice lines product",
      ],
      productName: ["product", "label", "invoice lines label", "invoice lines product"],
      category: ["product category", "invoice lines product product category"],
      quantity: ["quantity", "invoice lines quantity"],
      unitPrice: ["unit price", "invoice lines unit price"],
      discount: ["discount %", "disc %", "invoice lines discount %"],
      revenue: ["subtotal", "invoice lines subtotal"],
      currency: ["currency"],
      // Customer Invoice / Customer Credit Note
      docType: ["type"],
      // Posted; Draft and Cancelled invoices are no sales
      orderStatus: ["status"],
    },
    ignore: [
      "account",
      "invoice lines account",
      "journal",
      "total",
      "invoice lines total",
      "total signed",
      "untaxed amount",
      "untaxed amount signed",
      "tax",
      "taxes",
      "invoice lines taxes",
      "tax excluded",
      "amount due",
      "payment status",
      "due date",
      "salesperson",
      "reference",
    ],
    // exported with their lines ("Invoice lines/…"), an invoice's Number, Partner and date are
    // on its first line only
    orderFieldsOnFirstLine: true,
    note: '"Partner" is the customer and "Subtotal" the line value without tax; a Customer Credit Note is a return; Draft and Cancelled invoices are skipped; an invoice\'s later lines, left blank in its Number, Partner and date, are the invoice\'s above them.',
  },
  {
    // Odoo's sales order lines (Sales › Orders, exported with their lines, or the order lines
    // themselves): the order's fields on its first line only, "Order Lines/…" headers when
    // exported from the orders. "Subtotal" is the line before tax, "Total" holds the tax.
    id: "odoo-sales",
    name: "Odoo sales order lines",
    signature: [
      ["order reference", "order lines order reference"],
      ["customer", "order lines customer"],
      ["subtotal", "order lines subtotal"],
    ],
    fields: {
      orderId: ["order reference", "order lines order reference"],
      // the customer's company where the export has it; else "Customer" (ingest/plausible)
      accountName: [
        "commercial entity",
        "customer commercial entity",
        "order lines customer commercial entity",
        "customer",
        "order lines customer",
      ],
      // the contact who ordered, when the company is the account
      orderedBy: ["customer", "order lines customer"],
      date: ["order date", "date", "order lines order date", "creation date"],
      sku: ["product internal reference", "order lines product internal reference"],
      productName: ["product", "order lines product", "description", "order lines description"],
      category: ["product category", "order lines product category"],
      quantity: ["quantity", "order lines quantity"],
      unitPrice: ["unit price", "order lines unit price"],
      discount: ["discount %", "order lines discount %"],
      revenue: ["subtotal", "order lines subtotal"],
      currency: ["currency", "order lines currency"],
    },
    ignore: [
      "total",
      "order lines total",
      "taxes",
      "order lines taxes",
      "tax",
      "untaxed amount",
      "company",
      "salesperson",
      "sales team",
      "delivered quantity",
      "order lines delivered quantity",
      "invoiced quantity",
      "order lines invoiced quantity",
      "to invoice quantity",
      "order lines quantity to invoice",
    ],
    orderFieldsOnFirstLine: true,
    // a customer with no company beside it is a company itself (or a person): its own account
    accountFromOrderedBy: true,
    note: '"Subtotal" is the line value before tax, never "Total"; an order\'s later lines, left blank in its Order Reference, Customer and date, are the order\'s above them.',
  },
  {
    // Odoo's point of sale orders (Point of Sale › Orders, exported with their lines): the order's
    // Order Ref, Date, Customer and Status on its first line only. "Subtotal w/o Tax" is the line
    // before tax; the POS's "Subtotal" and "Total" hold the tax.
    id: "odoo-pos",
    name: "Odoo point of sale orders",
    signature: [["order ref"], ["customer"], ["order lines subtotal w o tax", "subtotal w o tax"]],
    fields: {
      orderId: ["order ref"],
      accountName: ["customer"],
      date: ["date", "order date"],
      sku: ["order lines product internal reference", "product internal reference"],
      productName: ["order lines product", "product"],
      category: ["order lines product product category", "product category"],
      quantity: ["order lines quantity", "quantity"],
      unitPrice: ["order lines unit price", "unit price"],
      discount: ["order lines discount %", "discount %"],
      revenue: ["order lines subtotal w o tax", "subtotal w o tax"],
      currency: ["currency"],
      // Paid, Posted, Invoiced; Cancelled orders are no sales
      orderStatus: ["status"],
    },
    ignore: [
      "total",
      "order lines subtotal",
      "subtotal",
      "taxes",
      "order lines taxes",
      "session",
      "cashier",
      "employee",
      "point of sale",
      "receipt number",
      "company",
    ],
    orderFieldsOnFirstLine: true,
    note: '"Subtotal w/o Tax" is the line value before tax, never "Subtotal" or "Total"; an order\'s later lines, left blank in its Order Ref, Customer and date, are the order\'s above them; cancelled orders are skipped.',
  },
  {
    // Odoo's Journal Items (Accounting › Journal Items, exported): every posting of every journal
    // entry, one row each. A customer invoice posts to its income account (before tax), to the
    // tax account and to Account Receivable (with tax); a payment to the bank and receivables.
    // Only the income postings are sales: their Credit − Debit (a credit note's a debit).
    id: "odoo-journal-items",
    name: "Odoo journal items",
    signature: [["journal entry"], ["partner"], ["account"], ["debit"], ["credit"]],
    fields: {
      date: ["date", "accounting date"],
      accountName: ["partner"],
      orderId: ["journal entry"],
      // "[FURN_8888] Office Lamp": the product's code and name; the Label is the line's text
      sku: ["product"],
      productName: ["label", "product"],
      quantity: ["quantity"],
      revenue: ["credit"],
      credit: ["debit"],
      ledgerAccount: ["account"],
      currency: ["currency"],
    },
    ignore: [
      "balance",
      "journal",
      "matching",
      "reference",
      "due date",
      "amount in currency",
      "amount currency",
      "tax grids",
      "taxes",
      "originator tax",
      "analytic distribution",
      "company",
      "residual amount",
      "amount residual",
      "status",
    ],
    // an income account ("400000 Product Sales", "8400 Erlöse 19 % USt"), not the tax, cost,
    // receivable or other income accounts
    salesLedger:
      /^(?!.*\b(?:tax(?:es)?|vat|gst|costs?|receivables?|payables?|deferred|unearned|other)\b).*(?:\b(?:sales|revenue|income|turnover|ventes|ventas|omzet)\b|erl[öo]se)/i,
    note: "Only postings to income accounts (\"400000 Product Sales\") are sales: each journal entry's other postings (Account Receivable, with tax; tax; bank) hold the same sale again or a payment, and are skipped and counted; each income posting's value is its Credit − its Debit, before tax; the customer is the Partner.",
  },
  {
    // freee's 取引 (deals) export (Japan): 収支区分 (収入 income, 支出 expense), 管理番号,
    // 発生日, 取引先, 勘定科目, 税区分, 金額, 税計算区分 (内税: 金額 holds the tax; 外税: before
    // it), 税額, 品目 and the settlement's columns. Only income deals are sales. The date, the
    // customer and the amount are found by their headers (renamed, as a user may, they still are).
    id: "freee-deals",
    name: "freee deals (取引)",
    signature: [["収支区分"], ["勘定科目"]],
    fields: {
      docType: ["収支区分"],
      orderId: ["管理番号"],
      taxAmount: ["税額"],
      amountTypes: ["税計算区分"],
    },
    ignore: [
      "決済期日",
      "勘定科目",
      "税区分",
      "備考",
      "部門",
      "メモタグ（複数指定可、カンマ区切り）",
      "決済日",
      "決済口座",
      "決済金額",
      // an optional tag, blank on many deals: read as the product, a deal without one would be lost
      "品目",
    ],
    saleDocType: /^\s*収入\s*$/,
    voucherBook: true,
    note: 'Only income deals (収支区分 "収入") are sales: expense deals ("支出") are skipped and said; a deal entered tax-inclusive (税計算区分 "内税") is read as 金額 − 税額, before tax; the customer is 取引先.',
  },
  {
    // Wave's "Account Transactions" export (Accounting › Transactions › Export): every posting
    // of every transaction, one row each, with its account's Group and Type. An invoice posts to
    // Accounts Receivable (with tax), to its income account (before tax) and to sales tax; a
    // payment to Cash and Bank and Accounts Receivable. Only the income postings are sales: their
    // Credit − Debit, before tax (a refund or discount a debit).
    id: "wave-account-transactions",
    name: "Wave account transactions",
    signature: [
      ["transaction id"],
      ["account name"],
      ["debit amount two column approach"],
      ["credit amount two column approach"],
    ],
    fields: {
      date: ["transaction date"],
      accountName: ["customer"],
      orderId: ["invoice number"],
      productName: ["transaction line description"],
      revenue: ["credit amount two column approach"],
      credit: ["debit amount two column approach"],
      // its type where the export has it (Wave's own words), else its name
      ledgerAccount: ["account type", "account name"],
    },
    ignore: [
      "transaction id",
      "account name",
      "account group",
      "account id",
      "amount one column",
      "amount before sales tax",
      "sales tax amount",
      "sales tax name",
      "other accounts for this transaction",
      "transaction description",
      "transaction date added",
      "transaction date last modified",
      "vendor",
      "bill number",
      "notes memo",
    ],
    // Wave's income account types: "Income", and "Discount" (taken off sales); not "Other
    // Income" (interest) nor "Gain On Foreign Exchange". By name: a sales or income account, not
    // its tax, cost, receivable nor other income.
    salesLedger:
      /^\s*(?:income|discounts?)\s*$|^(?!.*\b(?:tax(?:es)?|vat|gst|hst|pst|costs?|receivables?|payables?|deferred|unearned|other)\b).*\b(?:sales|revenue|income|turnover)\b/i,
    note: 'Only postings to income accounts (Account Type "Income" or "Discount") are sales: each transaction\'s other postings (Accounts Receivable, with tax; Sales Taxes; Cash and Bank; expenses and transfers) hold the same sale again or no sale, and are skipped and counted; each income posting\'s value is its Credit − its Debit, before tax; the customer is "Customer".',
  },
  {
    // Tally's Day Book and voucher registers (India): Date, Particulars (the party's ledger),
    // Vch Type, Vch No., and Debit Amount / Credit Amount (the Day Book) or Value (a register,
    // before tax; "Gross Total" holds the GST). A Sales voucher debits the party, a Credit Note
    // credits it: a line's value is Debit − Credit, the credit note's a return. The Day Book
    // lists every voucher: receipts, payments, purchases and journals are no sales.
    id: "tally-vouchers",
    name: "Tally vouchers",
    signature: [["particulars"], ["vch type", "voucher type"]],
    fields: {
      date: ["date"],
      accountName: ["particulars"],
      docType: ["vch type", "voucher type"],
      orderId: ["vch no", "voucher no"],
      revenue: ["debit amount", "debit", "value"],
      credit: ["credit amount", "credit"],
    },
    ignore: ["gross total", "gstin uin", "narration"],
    dateOrder: "dmy",
    saleDocType: TALLY_SALE_VOUCHERS,
    voucherBook: true,
    note: 'The customer is "Particulars", the party\'s ledger each voucher is made out to; only Sales vouchers (and the types made under them) are sales, Credit Notes returns: a line\'s value is its Debit − its Credit (a register\'s "Value", before tax); receipts, payments, purchases and journals are skipped and said.',
  },
  {
    // A NetSuite transaction saved search (Lists › Search › Saved Searches, exported as CSV):
    // one row per transaction line, the main line (Accounts Receivable, the total with tax), the
    // item lines (their income account), the tax line, and for an inventory item its Cost of
    // Goods Sold and Inventory Asset lines. Amounts are signed by the account's normal balance:
    // an invoice's income positive, a credit memo's negative.
    id: "netsuite",
    name: "NetSuite transaction search",
    signature: [
      ["type"],
      ["date"],
      ["document number"],
      ["name", "customer"],
      ["item"],
      ["account"],
      ["amount"],
    ],
    fields: {
      docType: ["type"],
      date: ["date"],
      orderId: ["document number"],
      accountName: ["name", "customer"],
      sku: ["item"],
      productName: ["description", "memo"],
      quantity: ["quantity", "qty"],
      unitPrice: ["item rate", "rate"],
      revenue: ["amount"],
      currency: ["currency"],
      ledgerAccount: ["account"],
      orderStatus: ["status"],
    },
    ignore: [
      "amount gross",
      "amount foreign currency",
      "amount net",
      "tax amount",
      "amount tax",
      "period",
      "posting period",
      "subsidiary",
      "class",
      "department",
      "location",
      "main line",
      "memo main",
      "internal id",
      "account type",
    ],
    // invoices, cash sales and their credit memos and refunds: not sales orders (their invoices
    // bill them again), estimates, payments, deposits nor journals
    saleDocType: /^\s*(?:invoice|cash\s+sale|credit\s+memo|cash\s+refund)\s*$/i,
    salesLedger: NETSUITE_NOT_INCOME,
    itemLinesOnly: true,
    // "Parent : Sub" customers are read in every layout but QuickBooks' (ingest/customerHierarchy)
    note: 'The customer is "Name" ("Parent : Sub" rolled up into the parent, the sub-customer its site); only item lines on income accounts are read: each transaction\'s main line (Accounts Receivable, Undeposited Funds) repeats its total with tax, and tax, Cost of Goods Sold and Inventory Asset lines are no sales; Credit Memo and Cash Refund lines are returns.',
  },
  {
    // Magento's admin Sales › Orders grid, "Export CSV": one row per order, no products. Its
    // Grand Totals hold shipping and tax; the Subtotal is the goods, read less the order's
    // discount and refunds (ingest/orderRefunds). A closed order was refunded in full
    // (ingest/statuses).
    id: "magento-order-grid",
    shopStatuses: true,
    name: "Magento order grid",
    signature: [["purchase date"], ["bill to name"], ["grand total base", "grand total purchased"]],
    fields: {
      orderId: ["id"],
      date: ["purchase date"],
      accountName: ["bill to name", "customer name"],
      revenue: ["subtotal"],
      orderStatus: ["status"],
    },
    ignore: [
      "grand total base",
      "grand total purchased",
      "shipping and handling",
      "total refunded",
      "discount amount",
      "discount",
      "total discount",
      "discount total",
      "ship to name",
      "billing address",
      "shipping address",
      "shipping information",
      "customer group",
      "payment method",
      "purchase point",
    ],
    note: "One row per order, read at its Subtotal (the goods, before shipping and tax); each order's products are in Magento's order-items export (sales_order_item).",
  },
  {
    // Amazon Seller Central's order reports, tab-separated: the All Orders report (amazon-order-id,
    // quantity, item-status) and the order report of Manage Orders (order-id, order-item-id,
    // quantity-purchased). Every amount is for the line's whole quantity, not a unit price (Amazon:
    // "ItemPrice is equal to the selling price of the item multiplied by the quantity ordered"),
    // before the item's promotion discount, and without its tax and shipping.
    id: "amazon-orders",
    shopStatuses: true,
    name: "Amazon Seller Central order report",
    signature: [
      ["amazon order id", "order item id"],
      ["purchase date"],
      ["sku"],
      ["quantity purchased", "quantity"],
      ["item price"],
      ["item tax"],
      ["shipping price"],
    ],
    fields: {
      // the buyer, where the report shows one (a business buyer's name; the e-mail is Amazon's
      // relay address, one per buyer): else the report needs the user's own customer column
      accountId: ["buyer email"],
      accountName: ["buyer name"],
      orderId: ["amazon order id", "order id"],
      date: ["purchase date"],
      sku: ["sku"],
      productName: ["product name"],
      quantity: ["quantity purchased", "quantity"],
      revenue: ["item price"],
      lineDiscount: ["item promotion discount"],
      currency: ["currency"],
      // an item cancelled in an order that stands says so in its own status
      orderStatus: ["item status", "order status"],
    },
    revenueBeforeLineDiscount: true,
    ignore: [
      "order item id",
      "merchant order id",
      "payments date",
      "last updated date",
      "reporting date",
      "promise date",
      "days past promise",
      "number of items",
      "quantity shipped",
      "quantity to ship",
      "item tax",
      "shipping price",
      "shipping tax",
      "gift wrap price",
      "gift wrap tax",
      "ship promotion discount",
      "promotion ids",
      "order status",
      "fulfillment channel",
      "sales channel",
      "order channel",
      "ship service level",
      "price designation",
      "purchase order number",
      "is business order",
      "is prime",
      "tax collection model",
      "tax collection responsible party",
      "asin",
    ],
    note: '"item-price" is the line\'s value for its whole quantity (Amazon\'s amounts are never unit prices), less its "item-promotion-discount" where the report has one, without its tax and shipping; cancelled items are skipped, as are orders still Pending (their payment not yet authorised).',
  },
  {
    // eBay Seller Hub's orders report (Orders › Download report): one row per item sold, "Sold
    // For" its price each; "Total Price" is what the buyer paid, with shipping and tax. Dates are
    // written "Oct-05-26" (ingest/values); the report ends with "4 record(s) downloaded, from …"
    // and "Seller ID : …" (ingest/orders, a footer).
    id: "ebay-orders",
    name: "eBay orders report",
    signature: [
      ["sales record number"],
      ["order number"],
      ["sold for"],
      ["total price"],
      ["sale date"],
    ],
    fields: {
      orderId: ["order number"],
      date: ["sale date"],
      sku: ["custom label"],
      productName: ["item title"],
      quantity: ["quantity"],
      unitPrice: ["sold for"],
      // the items' value before shipping and tax, where the report has it
      revenue: ["item subtotal"],
      currency: ["currency"],
    },
    ignore: [
      "sales record number",
      "total price",
      // the buyer's address: no status ("Buyer State" holds OH, PA), no site
      "buyer state",
      "buyer address 1",
      "buyer address 2",
      "buyer city",
      "buyer zip",
      "buyer country",
      "shipping and handling",
      "seller collected tax",
      "ebay collected tax",
      "ebay collected charges",
      "electronic waste recycling fee",
      "mattress recycling fee",
      "additional fee",
      "item number",
      "transaction id",
      "paid on date",
      "ship by date",
      "minimum estimated delivery date",
      "maximum estimated delivery date",
      "shipped on date",
      "tracking number",
      "shipping service",
      "payment method",
      "sold via promoted listings",
      "buyer note",
      "variation details",
      "global shipping program",
      "global shipping reference id",
      "click and collect",
      "ebay plus",
      "feedback left",
      "feedback received",
      "my item note",
      "paypal transaction id",
    ],
    orderSummaryAboveItems: true,
    note: 'Each item\'s value is "Sold For" × "Quantity" (or its item subtotal), never "Total Price", which holds shipping and tax.',
  },
  {
    // A listing of CFDI, Mexico's electronic invoices, as an ERP or an invoicing portal exports
    // it (one row per CFDI): its SubTotal is before IVA and before its Descuento, "Total" holds
    // the taxes. The Emisor is the seller itself; the Receptor is the customer.
    id: "cfdi",
    name: "CFDI listing (Mexico)",
    signature: [
      ["uuid", "folio fiscal", "uuid cfdi", "rfc emisor", "rfc receptor"],
      [
        ...CFDI_TYPE,
        "iva trasladado",
        "total impuestos trasladados",
        "impuestos trasladados",
        "moneda",
      ],
      ["sub total", "subtotal"],
    ],
    fields: {
      orderId: ["uuid", "folio fiscal", "uuid cfdi"],
      date: [
        "fecha emision",
        "fecha emisión",
        "fecha de emision",
        "fecha de emisión",
        "fecha",
        "fecha factura",
        "fecha timbrado",
      ],
      accountId: CFDI_ACCOUNT_ID,
      accountName: CFDI_ACCOUNT_NAME,
      docType: CFDI_TYPE,
      revenue: ["sub total", "subtotal"],
      lineDiscount: ["descuento", "descuentos"],
      currency: ["moneda"],
      orderStatus: CFDI_STATUS,
    },
    ignore: CFDI_IGNORE,
    revenueBeforeLineDiscount: true,
    saleDocType: CFDI_SALE,
    creditDocType: CFDI_CREDIT,
    noSaleDocRule: CFDI_NOT_SALE,
    voidStatus: CFDI_CANCELLED,
    note: 'Each CFDI\'s value is its SubTotal less its Descuento, before IVA (never "Total" or the IVA); the customer is the Receptor (the Emisor is the seller); type E (egreso) is a credit note, read as a return; P (pago, a payment receipt), T (traslado) and N (nómina) are no sales; cancelled CFDI are skipped.',
  },
  {
    // The SAT's CFDI metadata (Descarga masiva, "~"-delimited): one row per CFDI, its Monto the
    // CFDI's Total with IVA, since the metadata has no SubTotal; Estatus 1 vigente, 0 cancelado.
    id: "sat-cfdi-metadata",
    name: "SAT CFDI metadata (Mexico)",
    signature: [
      ["uuid"],
      ["rfc emisor"],
      ["efecto comprobante", "tipo de comprobante"],
      ["fecha certificacion sat", "fecha certificación sat", "rfc pac"],
    ],
    unlessWith: ["sub total", "subtotal"],
    fields: {
      orderId: ["uuid"],
      date: ["fecha emision", "fecha emisión", "fecha de emision", "fecha de emisión", "fecha"],
      accountId: CFDI_ACCOUNT_ID,
      accountName: CFDI_ACCOUNT_NAME,
      docType: CFDI_TYPE,
      revenue: ["monto", "total", "importe", "revenue", "amount"],
      currency: ["moneda"],
      orderStatus: CFDI_STATUS,
    },
    ignore: CFDI_IGNORE,
    saleDocType: CFDI_SALE,
    creditDocType: CFDI_CREDIT,
    noSaleDocRule: CFDI_NOT_SALE,
    voidStatus: /^\s*(?:0\s*$|cancelad[oa]\b)/i,
    note: "Each CFDI's value is its Total (Monto), IVA and other taxes included: the SAT's metadata has no SubTotal, so revenue here is with tax (a CFDI listing from the ERP, with SubTotal, gives it before IVA); the customer is the Receptor (the Emisor is the seller); E (egreso) is a credit note, read as a return; P (pago, a payment receipt), T and N are no sales; Estatus 0 (cancelado) is skipped.",
  },
  {
    // India's GSTR-1, its B2B section (the GST portal's or the offline tool's B2B sheet, or an
    // accounting package's GSTR-1 export): one row per invoice and GST rate. "Taxable Value" is
    // the row's value before GST; "Invoice Value" is the invoice's whole value with GST, repeated
    // on each of its rows; "Rate" is the GST rate in percent, never a price. Values in rupees.
    id: "gstr1-b2b",
    name: "GSTR-1 B2B invoices and notes (India)",
    signature: [
      GSTR1_RECIPIENT,
      // its credit and debit notes (CDNR) have "Note Value" instead
      ["invoice value", "invoice value ₹", "invoice value rs", "invoice value inr", "note value"],
      ["taxable value", "rate", "place of supply", "place of supply pos", "cess amount"],
    ],
    unlessWith: ["particulars", "vch type", "voucher type"],
    fields: {
      orderId: [
        "invoice number",
        "invoice no",
        "invoice num",
        "inv no",
        "note number",
        "note no",
        "debit credit note no",
        // an amendment (B2BA, CDNRA) is the invoice or note as revised
        "revised invoice number",
        "revised invoice no",
        "revised note number",
        "revised note no",
        "revised debit credit note no",
      ],
      date: [
        "invoice date",
        "invoice dt",
        "note date",
        "debit credit note date",
        "date",
        "revised invoice date",
        "revised note date",
        "revised debit credit note date",
      ],
      // CDNR's C (credit note), a return; D (debit note), a sale
      docType: ["note type", "document type"],
      accountId: GSTR1_RECIPIENT,
      accountName: [
        "receiver name",
        "recipient name",
        "name of recipient",
        "name of receiver",
        "trade name",
        "legal name",
        "trade legal name",
        "customer",
        "customer name",
        "party name",
        "party",
        "buyer name",
      ],
      revenue: [
        "taxable value",
        "taxable value ₹",
        "taxable value rs",
        "taxable value inr",
        "taxable amount",
        "revenue",
        "net amount",
        "sales",
        "amount",
      ],
    },
    ignore: [
      "invoice value",
      "invoice value ₹",
      "invoice value rs",
      "invoice value inr",
      "note value",
      "note supply type",
      "pre gst",
      // an amendment's original (ingest/amendments)
      "original invoice number",
      "original invoice no",
      "original invoice date",
      "original note number",
      "original note no",
      "original note date",
      "original debit credit note no",
      "original debit credit note date",
      "rate",
      "rate %",
      "gst rate",
      "tax rate",
      "applicable % of tax rate",
      "differential % of tax rate",
      "place of supply",
      "place of supply pos",
      "reverse charge",
      "invoice type",
      "e commerce gstin",
      "cess amount",
      "cess",
      "integrated tax",
      "integrated tax amount",
      "central tax",
      "central tax amount",
      "state ut tax",
      "state ut tax amount",
      "igst",
      "cgst",
      "sgst",
      "utgst",
      "igst amount",
      "cgst amount",
      "sgst amount",
      "utgst amount",
      "total tax",
      "tax amount",
    ],
    dateOrder: "dmy",
    creditDocType: /^\s*(?:c|credit(?:\s+note)?)\s*$/i,
    currency: "INR",
    note: "Each row's value is its taxable value, before GST; an invoice's rows (one per GST rate) are one order, its value the sum of their taxable values (\"Invoice Value\", with GST and repeated on each row, is not read; \"Rate\" is the GST rate, no price); a credit note (Note Type C) is a return; the customer is the recipient's GSTIN, named by the receiver's name (a customer registered in several states has a GSTIN, and an account, in each); amounts in INR.",
  },
];

/** Shopify's order export, or one written with its columns (Squarespace's): read the same way. */
export function shopifyColumns(layout: string | undefined): boolean {
  return layout === "shopify" || layout === "squarespace";
}

/** WooCommerce's order exports, with or without "Customer User ID": read the same way. */
export function wooCommerceColumns(layout: string | undefined): boolean {
  return layout === "woocommerce" || layout === "woocommerce-order-export";
}

/** The layout whose signature a header row carries (every signature header present), most specific first. */
export function matchLayout(normalisedHeaders: readonly string[]): ExportLayout | undefined {
  const have = new Set(normalisedHeaders.filter((h) => h !== ""));
  const hit = (alts: readonly string[]) => alts.some((a) => have.has(a));
  let best: ExportLayout | undefined;
  for (const l of LAYOUTS) {
    if (!l.signature.every(hit) || (l.unlessWith && hit(l.unlessWith))) continue;
    if (!best || l.signature.length > best.signature.length) best = l;
  }
  return best;
}

/** The layouts whose headingSignature a header row carries, to be confirmed by the rows below it. */
export function matchHeadingLayouts(normalisedHeaders: readonly string[]): ExportLayout[] {
  const have = new Set(normalisedHeaders.filter((h) => h !== ""));
  return LAYOUTS.filter(
    (l) => l.headingSignature && l.headingSignature.every((alts) => alts.some((a) => have.has(a)))
  );
}

export function layoutById(id: string | undefined): ExportLayout | undefined {
  return id === undefined ? undefined : LAYOUTS.find((l) => l.id === id);
}
