/**
 * The roles KAP reads and the header synonyms that find each field (RULES.md §1), as data.
 * Headers are compared after normaliseHeader (lower case; spaces, underscores and punctuation
 * folded to single spaces; camelCase split), and also with the spaces removed, so
 * "CustomerID", "customer_id" and "Customer I.D." all meet the synonym "customer id".
 */
export type Role = 'orders' | 'accounts' | 'catalog' | 'contacts' | 'crossSell' | 'rates' | 'engagement' | 'payments' | 'initiatives';

export interface FieldDef {
  field: string;
  /** Shown in the task pane's mapping ("Order date"). */
  label: string;
  /** The header to suggest when the column is missing ("Order Date"). */
  header: string;
  /**
   * Shown as required in the mapping: a field alone in its RoleDef.requiredAny group, or the
   * usual choice of a group of alternatives (account id rather than name, line revenue rather
   * than unit price). Whether a mapping is complete is decided by requiredAny.
   */
  required?: boolean;
  synonyms: readonly string[];
  /**
   * Words that stop a header that merely contains a synonym from being this field ("Tax Amount"
   * contains "amount" but is no line revenue; "Due Date" contains "date" but is no order date).
   * An exact synonym is never stopped.
   */
  notWith?: readonly string[];
}

export interface RoleDef {
  role: Role;
  label: string;
  fields: readonly FieldDef[];
  /** Groups of which at least one field must be mapped (e.g. account id or account name). */
  requiredAny: readonly (readonly string[])[];
}

/**
 * Headers that name a ledger, tax or posting code (Xero's "AccountCode" 200 is the sales ledger,
 * Sage's "Nominal Code" 4000, "GL Account", "Tax Type"): never the customer, even when they
 * contain the word "account".
 */
export const LEDGER_HEADER = /(?:^| )(?:nominal|ledger|gl|g l|tax|vat|posting|account code|accountcode|acc code|ac code|sales account|income account|revenue account)(?: |$)/;

/** A ledger, tax or posting code header ("account code", "nominal code", "gl account"), unless it names the customer's own account ("customer account code"). */
export function isLedgerHeader(normalised: string): boolean {
  return LEDGER_HEADER.test(normalised) && !/(?:^| )(?:customer|cust|client|debtor|sold to|bill to|sell to)(?: |$)/.test(normalised);
}

/** Words that make a header something other than the customer (used on "contains" matches). */
const NOT_CUSTOMER = ['nominal', 'ledger', 'gl', 'tax', 'vat', 'code', 'manager', 'owner', 'type', 'status', 'balance', 'group', 'posting', 'email', 'e mail', 'phone', 'address', 'city', 'country', 'postcode', 'zip'];
/** Words that make a money header something other than the line's value. */
const NOT_LINE_VALUE = ['unit', 'each', 'per', 'price', 'rate', 'tax', 'vat', 'discount', 'shipping', 'freight', 'postage', 'carriage', 'paid', 'due', 'balance', 'outstanding', 'refund', 'refunded', 'cost', 'margin', 'profit', 'commission', 'list', 'compare', 'deposit', 'credit', 'limit', 'budget', 'target', 'forecast', 'gross', 'incl', 'including'];
/** Words that make a code header something other than the product code. */
const NOT_PRODUCT = ['tax', 'vat', 'nominal', 'ledger', 'gl', 'discount', 'account', 'customer', 'client', 'post', 'zip', 'currency', 'country', 'region', 'department', 'dept', 'cost', 'project', 'tracking', 'promo', 'voucher', 'coupon', 'reason', 'branding', 'theme', 'posting', 'location', 'unit of measure', 'uom', 'order', 'invoice', 'document', 'line', 'shipping', 'payment'];
/** Words that make a date header something other than the order date. */
const NOT_ORDER_DATE = ['due', 'paid', 'payment', 'cancelled', 'canceled', 'refund', 'refunded', 'birth', 'expiry', 'expires', 'modified', 'updated', 'fulfilled', 'closed', 'promised', 'requested'];

export const ORDER_FIELDS: readonly FieldDef[] = [
  { field: 'accountId', label: 'Account ID', header: 'Customer ID', required: true, synonyms: ['account', 'account no', 'account number', 'account id', 'account ref', 'account reference', 'acct', 'acct no', 'acc no', 'a c no', 'a c ref', 'customer id', 'cust id', 'cust no', 'cust code', 'cust ref', 'customer no', 'customer number', 'customer code', 'customer ref', 'customer account', 'customer account number', 'customer account no', 'customer account code', 'client id', 'client no', 'client code', 'debtor', 'debtor code', 'debtor no', 'sold to', 'sold to party', 'sell to customer no', 'bill to', 'bill to id', 'bill to customer no', 'payer', 'kunnr', 'kunag'], notWith: NOT_CUSTOMER },
  { field: 'accountName', label: 'Account name', header: 'Customer', synonyms: ['customer', 'customer name', 'cust name', 'company', 'company name', 'account name', 'client', 'client name', 'trading name', 'business name', 'debtor name', 'sold to name', 'name of sold to party', 'bill to name', 'sell to customer name', 'customer account name', 'billing company', 'organisation', 'organization'], notWith: NOT_CUSTOMER },
  { field: 'date', label: 'Order date', header: 'Order Date', required: true, synonyms: ['date', 'order date', 'invoice date', 'inv date', 'transaction date', 'txn date', 'trans date', 'sale date', 'sales date', 'posting date', 'post date', 'document date', 'doc date', 'despatch date', 'dispatch date', 'ship date', 'shipped date', 'delivery date', 'billing date', 'tax date', 'order placed', 'date ordered', 'date of order', 'date of invoice', 'invoiced', 'created at', 'order created', 'created date', 'fkdat'], notWith: NOT_ORDER_DATE },
  { field: 'orderId', label: 'Order ID', header: 'Order No', synonyms: ['order no', 'order number', 'order id', 'order', 'order ref', 'order reference', 'invoice', 'invoice no', 'invoice number', 'invoice id', 'invoice ref', 'inv no', 'inv number', 'document no', 'document number', 'doc no', 'doc number', 'transaction id', 'transaction no', 'sales order', 'sales order no', 'so no', 'so number', 'sop number', 'voucher no', 'billing document', 'invoice credit no', 'num', 'reference', 'ref', 'vbeln'], notWith: ['date', 'line', 'item', 'type', 'status', 'total', 'amount', 'value', 'qty', 'quantity', 'customer', 'po', 'purchase'] },
  { field: 'sku', label: 'Product code (SKU)', header: 'SKU', synonyms: ['sku', 'stock code', 'stock no', 'stock ref', 'product code', 'product id', 'product no', 'product number', 'product ref', 'item', 'item code', 'item no', 'item number', 'item id', 'inventory item code', 'part', 'part no', 'part number', 'part code', 'article', 'article no', 'article number', 'material', 'material no', 'material number', 'catalogue no', 'catalog no', 'cat no', 'code', 'matnr', 'lineitem sku'], notWith: NOT_PRODUCT },
  { field: 'productName', label: 'Product name', header: 'Description', synonyms: ['description', 'product', 'product name', 'item name', 'item description', 'product description', 'desc', 'article name', 'article description', 'material description', 'line description', 'goods', 'lineitem name', 'product service'], notWith: ['account', 'customer', 'tax', 'nominal', 'ledger', 'type', 'status', 'category', 'group'] },
  { field: 'category', label: 'Category', header: 'Category', synonyms: ['category', 'product category', 'group', 'product group', 'item group', 'item category', 'item category code', 'material group', 'category name', 'range', 'department', 'dept', 'family', 'product family', 'class', 'product class', 'commodity', 'sub category', 'subcategory', 'product type', 'analysis code'], notWith: ['customer', 'account', 'tax', 'vat', 'posting', 'price', 'discount', 'buying', 'age'] },
  { field: 'quantity', label: 'Quantity', header: 'Qty', synonyms: ['qty', 'quantity', 'units', 'qty ordered', 'quantity ordered', 'qty sold', 'quantity sold', 'qty invoiced', 'quantity invoiced', 'qty shipped', 'qty order', 'billed quantity', 'invoiced quantity', 'lineitem quantity', 'volume', 'pcs', 'pieces', 'unit qty', 'no of units', 'number of units', 'count', 'fkimg'], notWith: ['price', 'value', 'amount', 'discount', 'unit of measure', 'uom', 'returned', 'backorder', 'back order', 'outstanding', 'on hand', 'stock', 'base'] },
  { field: 'revenue', label: 'Line revenue', header: 'Revenue', required: true, synonyms: ['revenue', 'value', 'net', 'line total', 'amount', 'net value', 'net amount', 'sales', 'sales value', 'sales amount', 'line value', 'total', 'line amount', 'line amount excl vat', 'amount excl vat', 'amount excl tax', 'line total value', 'net sales', 'turnover', 'extended price', 'ext price', 'extended value', 'extended amount', 'goods value', 'net line value', 'invoice value', 'invoiced value', 'total value', 'total price', 'line net', 'spend', 'sales revenue', 'netwr'], notWith: NOT_LINE_VALUE },
  { field: 'unitPrice', label: 'Unit price', header: 'Unit Price', synonyms: ['unit price', 'price', 'sell price', 'selling price', 'unit selling price', 'sales price', 'net price', 'price each', 'each', 'unit cost', 'price per unit', 'rate', 'unit value', 'net unit price', 'unit amount', 'unit price excl vat', 'lineitem price'], notWith: ['list', 'compare', 'retail', 'rrp', 'total', 'tax', 'vat', 'exchange', 'fx', 'discount', 'incl', 'including'] },
  { field: 'listPrice', label: 'List price (RRP)', header: 'List Price', synonyms: ['rrp', 'list price', 'retail price', 'catalogue price', 'catalog price', 'msrp', 'list', 'price list', 'standard price', 'trade price', 'compare at price', 'lineitem compare at price'] },
  { field: 'discount', label: 'Discount %', header: 'Discount %', synonyms: ['discount %', 'discount', 'disc %', 'disc', 'discount percent', 'discount pct', 'discount rate', 'line discount %', 'line discount percent', 'disc pct'], notWith: ['amount', 'value', 'code', 'total', 'money', '£', '$', '€', 'lineitem', 'reason', 'type'] },
  { field: 'lineDiscount', label: 'Line discount (money)', header: 'Line Discount', synonyms: ['lineitem discount', 'line discount amount', 'line discount value', 'discount amount per line'] },
  { field: 'docType', label: 'Document type', header: 'Document Type', synonyms: ['document type', 'doc type', 'transaction type', 'billing type', 'invoice type', 'voucher type', 'invoice credit', 'fkart'] },
  { field: 'orderedBy', label: 'Ordered by', header: 'Ordered By', synonyms: ['ordered by', 'contact', 'buyer', 'placed by', 'requested by', 'requester', 'requisitioner', 'orderer', 'customer contact', 'contact name', 'order contact'], notWith: ['email', 'e mail', 'phone', 'address', 'mobile', 'fax'] },
  { field: 'site', label: 'Site / delivery address', header: 'Site', synonyms: ['site', 'branch', 'delivery address', 'ship to', 'ship to address', 'delivery site', 'location', 'depot', 'delivery point', 'deliver to', 'ship to name', 'delivery location', 'address', 'postcode'], notWith: ['email', 'e mail', 'code', 'line 2', 'line 3', 'line 4', 'address2', 'address 2', 'region', 'country', 'city', 'province', 'zip', 'phone'] },
  { field: 'currency', label: 'Currency', header: 'Currency', synonyms: ['currency', 'curr', 'ccy', 'currency code', 'cur', 'cur code', 'doc currency', 'document currency', 'invoice currency', 'waerk'], notWith: ['rate', 'exchange', 'amount', 'value'] },
];

export const ACCOUNT_FIELDS: readonly FieldDef[] = [
  { field: 'accountId', label: 'Account ID', header: 'Account No', required: true, synonyms: ['account', 'account no', 'account number', 'account id', 'account ref', 'acct', 'acct no', 'customer id', 'cust id', 'cust no', 'customer no', 'customer number', 'customer code', 'client id', 'account code', 'debtor code', 'debtor'] },
  { field: 'name', label: 'Account name', header: 'Account Name', synonyms: ['account name', 'name', 'customer', 'customer name', 'company', 'company name', 'client', 'client name', 'trading name', 'business name', 'organisation', 'organization'] },
  { field: 'parentId', label: 'Parent account', header: 'Parent Account', synonyms: ['parent', 'parent account', 'parent id', 'parent no', 'parent account no', 'group', 'group account', 'head office', 'head office account', 'ultimate parent', 'buying group'] },
  { field: 'tier', label: 'Tier', header: 'Tier', synonyms: ['tier', 'account tier', 'customer tier', 'level', 'grade', 'segment', 'membership'] },
  { field: 'industry', label: 'Industry', header: 'Industry', synonyms: ['industry', 'sector', 'trade', 'trade type', 'customer type', 'customer category', 'vertical', 'industry sector', 'market', 'business type', 'sic'] },
  { field: 'primaryContact', label: 'Primary contact', header: 'Primary Contact', synonyms: ['primary contact', 'contact', 'main contact', 'contact name', 'key contact'] },
  { field: 'email', label: 'Email', header: 'Email', synonyms: ['email', 'e mail', 'email address', 'contact email', 'mail'] },
  { field: 'phone', label: 'Phone', header: 'Phone', synonyms: ['phone', 'telephone', 'tel', 'phone number', 'tel no', 'mobile', 'contact number'] },
  { field: 'accountManager', label: 'Account manager', header: 'Account Manager', synonyms: ['account manager', 'am', 'kam', 'key account manager', 'sales rep', 'rep', 'owner', 'account owner', 'salesperson', 'sales person', 'sales exec', 'sales executive', 'territory manager', 'bdm'] },
  { field: 'creditTerms', label: 'Credit terms', header: 'Credit Terms', synonyms: ['credit terms', 'terms', 'payment terms', 'pay terms'] },
  { field: 'creditLimit', label: 'Credit limit', header: 'Credit Limit', synonyms: ['credit limit', 'limit', 'credit line'] },
  { field: 'address', label: 'Address', header: 'Address', synonyms: ['address', 'billing address', 'invoice address', 'registered address', 'head office address', 'street address', 'postal address'] },
  { field: 'engagement', label: 'Engagement', header: 'Engagement', synonyms: ['engagement', 'responsiveness', 'engagement score', 'engagement level', 'response', 'response to outreach'] },
  { field: 'daysBeyondTerms', label: 'Average days beyond terms', header: 'Avg Days Beyond Terms', synonyms: ['avg days beyond terms', 'average days beyond terms', 'days beyond terms', 'days late', 'avg days late', 'average days late', 'payment days late', 'dbt', 'avg dbt', 'days overdue', 'avg days overdue'] },
  { field: 'daysBeyondTermsHistory', label: 'Days beyond terms history', header: 'Days Late History', synonyms: ['days late history', 'days beyond terms history', 'dbt history', 'payment history', 'days late trend'] },
  { field: 'creditHold', label: 'Credit hold', header: 'Credit Hold', synonyms: ['credit hold', 'on hold', 'hold', 'stop', 'on stop', 'account on hold', 'credit stop', 'stopped'] },
  { field: 'healthOverride', label: 'Health override', header: 'Health Override', synonyms: ['health override', 'override', 'manual band', 'band override', 'health band override', 'manual health'] },
  { field: 'overrideReason', label: 'Override reason', header: 'Override Reason', synonyms: ['override reason', 'reason', 'override note', 'override comment'] },
  { field: 'status', label: 'Account status (lost / churned)', header: 'Status', synonyms: ['lost', 'churned', 'lost churned', 'lost or churned', 'status', 'account status', 'customer status', 'churn status', 'lifecycle', 'lifecycle stage', 'active'] },
  { field: 'lostReason', label: 'Learning from a lost account', header: 'Lost Reason', synonyms: ['lost reason', 'reason lost', 'churn reason', 'reason for leaving', 'why lost', 'exit interview', 'exit interview notes', 'exit notes', 'learning', 'learnings', 'lessons learned', 'lessons learnt'] },
  { field: 'customerSince', label: 'Customer since', header: 'Customer Since', synonyms: ['customer since', 'since', 'opened', 'account opened', 'start date', 'date opened', 'open date', 'first trading', 'relationship start'] },
];

export const CATALOG_FIELDS: readonly FieldDef[] = [
  { field: 'sku', label: 'SKU', header: 'SKU', required: true, synonyms: ['sku', 'stock code', 'product code', 'product id', 'product no', 'item', 'item code', 'item no', 'part no', 'part number', 'article no', 'material', 'code'] },
  { field: 'name', label: 'Product name', header: 'Product Name', synonyms: ['product name', 'name', 'description', 'product', 'item name', 'product description'] },
  { field: 'category', label: 'Category', header: 'Category', synonyms: ['category', 'product category', 'group', 'product group', 'item group', 'department', 'class'] },
  { field: 'productLine', label: 'Product line', header: 'Product Line', synonyms: ['product line', 'line', 'range', 'product range', 'family', 'product family', 'series'] },
  { field: 'listPrice', label: 'List price', header: 'List Price', synonyms: ['list price', 'rrp', 'price', 'retail price', 'catalogue price', 'catalog price', 'msrp', 'standard price'] },
  { field: 'premiumSku', label: 'Premium alternative', header: 'Premium Alternative', synonyms: ['premium alternative', 'premium sku', 'premium', 'upgrade', 'premium alternative sku', 'upsell', 'upsell sku', 'premium code', 'better alternative'] },
];

export const CONTACT_FIELDS: readonly FieldDef[] = [
  { field: 'accountId', label: 'Account', header: 'Account', required: true, synonyms: ['account', 'account no', 'account id', 'customer id', 'cust no', 'customer', 'company', 'account name'] },
  { field: 'name', label: 'Name', header: 'Name', required: true, synonyms: ['name', 'contact', 'contact name', 'person', 'full name', 'stakeholder'] },
  { field: 'role', label: 'Role', header: 'Role', synonyms: ['role', 'job title', 'title', 'position', 'dmu role', 'buying role'] },
  { field: 'influence', label: 'Influence', header: 'Influence', synonyms: ['influence', 'influence level', 'power'] },
  { field: 'relationship', label: 'Relationship strength', header: 'Relationship', synonyms: ['relationship', 'relationship strength', 'strength', 'rapport'] },
  { field: 'feeling', label: 'Feeling about us', header: 'Feeling About Us', synonyms: ['feeling', 'feeling about us', 'feelings', 'sentiment', 'attitude', 'stance', 'perception'] },
  // 5P scores (methodology 003). A lone "Power" column is the influence, a lone "Perception" the 5P one.
  { field: 'fivePPower', label: '5P Power', header: 'Power (5P)', synonyms: ['power 5p', '5p power', 'power score', 'power'] },
  { field: 'fivePPerception', label: '5P Perception', header: 'Perception', synonyms: ['perception', 'perception 5p', '5p perception', 'perception score'] },
  { field: 'fivePPriority', label: '5P Priority', header: 'Priority', synonyms: ['priority', 'priority 5p', '5p priority', 'priority score'] },
  { field: 'fivePPromoter', label: '5P Promoter', header: 'Promoter', synonyms: ['promoter', 'promoter 5p', '5p promoter', 'promoter score'] },
  { field: 'fivePPliability', label: '5P Pliability', header: 'Pliability', synonyms: ['pliability', 'pliability 5p', '5p pliability', 'pliability score', 'flexibility'] },
  { field: 'fivePWeight', label: '5P Weight', header: 'Weight', synonyms: ['weight', 'dmu weight', '5p weight', 'weight 1 5'] },
  { field: 'fivePVeto', label: 'Veto', header: 'Veto', synonyms: ['veto', 'veto power', 'has veto', 'can veto'] },
];

export const CROSS_SELL_FIELDS: readonly FieldDef[] = [
  { field: 'theyBuy', label: 'They buy', header: 'They Buy', required: true, synonyms: ['they buy', 'buys', 'if they buy', 'customer buys', 'if customer buys', 'current product', 'trigger'] },
  { field: 'considerSelling', label: 'Consider selling', header: 'Consider Selling', required: true, synonyms: ['consider selling', 'recommend', 'recommended', 'offer', 'cross sell', 'suggest', 'also sell', 'then offer'] },
  { field: 'rationale', label: 'Rationale', header: 'Rationale', synonyms: ['rationale', 'why', 'reason', 'notes', 'because'] },
  { field: 'priority', label: 'Priority', header: 'Priority', synonyms: ['priority', 'importance'] },
];

export const RATE_FIELDS: readonly FieldDef[] = [
  { field: 'currency', label: 'Currency', header: 'Currency', required: true, synonyms: ['currency', 'curr', 'ccy', 'from currency', 'currency code', 'from'] },
  { field: 'rate', label: 'Rate', header: 'Rate', required: true, synonyms: ['rate', 'fx rate', 'exchange rate', 'rate to gbp', 'conversion rate', 'fx', 'multiplier'] },
];

/** The engagement log (methodology 000 Step 4.4): one row per call, e-mail, visit or meeting. */
export const ENGAGEMENT_FIELDS: readonly FieldDef[] = [
  { field: 'accountId', label: 'Account', header: 'Account', required: true, synonyms: ['account', 'account no', 'account number', 'account id', 'customer id', 'cust no', 'customer no', 'customer', 'company', 'account name', 'customer name', 'client', 'organisation', 'organization'] },
  { field: 'date', label: 'Date', header: 'Date', required: true, synonyms: ['date', 'contact date', 'activity date', 'date time', 'datetime', 'date and time', 'when', 'logged', 'logged on', 'call date', 'meeting date', 'timestamp', 'date of contact', 'contacted on', 'created'] },
  { field: 'contact', label: 'Contact', header: 'Contact', synonyms: ['contact', 'contact name', 'person', 'spoke to', 'spoke with', 'who', 'with', 'attendee', 'name'] },
  { field: 'type', label: 'Type (call, e-mail, visit, meeting)', header: 'Type', synonyms: ['type', 'contact type', 'activity type', 'interaction type', 'engagement type', 'channel', 'method', 'medium', 'activity'] },
  { field: 'direction', label: 'Direction (inbound / outbound)', header: 'Direction', synonyms: ['direction', 'inbound outbound', 'inbound or outbound', 'in out', 'in or out', 'initiated by', 'who initiated', 'initiator', 'incoming outgoing'] },
  { field: 'topic', label: 'Topic', header: 'Topic', synonyms: ['topic', 'subject', 'summary', 'purpose', 'regarding', 're', 'notes', 'description', 'discussion'] },
  { field: 'followUp', label: 'Follow-up', header: 'Follow-up', synonyms: ['follow up', 'followup', 'next step', 'next steps', 'outcome', 'result', 'action', 'actions', 'next action'] },
  { field: 'respondedOn', label: 'Responded on', header: 'Responded On', synonyms: ['responded on', 'response date', 'responded', 'date responded', 'replied on', 'reply date', 'date replied', 'answered on', 'response received', 'response on', 'responded at', 'reply received'] },
];

/** A payments ledger: an invoice list or an aged-debtors export with paid dates (Sage, Xero, QuickBooks, SAP spellings). */
export const PAYMENT_FIELDS: readonly FieldDef[] = [
  { field: 'invoiceNo', label: 'Invoice number', header: 'Invoice No', synonyms: ['invoice no', 'invoice number', 'invoice', 'inv no', 'invoice ref', 'invoice id', 'invoice num', 'document no', 'document number', 'doc no', 'reference', 'ref', 'transaction no', 'trans no', 'number', 'no'] },
  { field: 'accountId', label: 'Account ID', header: 'Account No', synonyms: ['account', 'account no', 'account number', 'account id', 'account ref', 'account code', 'a c no', 'a c ref', 'customer id', 'cust id', 'cust no', 'customer no', 'customer number', 'customer code', 'customer ref', 'customer account', 'debtor', 'debtor code', 'debtor no', 'payer', 'bill to', 'kunnr'] },
  { field: 'accountName', label: 'Account name', header: 'Customer', synonyms: ['customer', 'customer name', 'company', 'company name', 'account name', 'client', 'client name', 'contact', 'contact name', 'debtor name', 'name', 'bill to name'] },
  { field: 'invoiceDate', label: 'Invoice date', header: 'Invoice Date', synonyms: ['invoice date', 'inv date', 'date', 'document date', 'doc date', 'transaction date', 'trans date', 'issue date', 'date issued', 'posting date', 'tax date', 'date raised'] },
  { field: 'dueDate', label: 'Due date', header: 'Due Date', synonyms: ['due date', 'due', 'date due', 'payment due', 'payment due date', 'due on', 'due by', 'net due date', 'terms date'] },
  { field: 'paidDate', label: 'Paid date', header: 'Paid Date', synonyms: ['paid date', 'date paid', 'paid on', 'paid', 'payment date', 'date of payment', 'fully paid on', 'fully paid date', 'last payment date', 'last payment', 'cleared date', 'clearing date', 'settled date', 'settlement date', 'date settled', 'receipt date', 'date received'] },
  { field: 'amount', label: 'Amount', header: 'Amount', synonyms: ['amount', 'invoice amount', 'invoice total', 'total', 'gross', 'gross amount', 'gross total', 'total inc vat', 'amount inc vat', 'value', 'invoice value', 'total amount', 'net amount', 'net', 'original amount', 'amount due', 'outstanding', 'balance'] },
];

export const INITIATIVE_FIELDS: readonly FieldDef[] = [
  { field: 'account', label: 'Account', header: 'Account', required: true, synonyms: ['account', 'account no', 'account id', 'customer id', 'cust no', 'customer', 'company', 'account name', 'customer name'] },
  { field: 'initiative', label: 'Initiative', header: 'Initiative', required: true, synonyms: ['initiative', 'initiative name', 'initiative title', 'growth initiative', 'project', 'plan item'] },
  { field: 'type', label: 'Type', header: 'Type', synonyms: ['type', 'initiative type', 'kind'] },
  { field: 'categories', label: 'Categories', header: 'Categories', synonyms: ['categories', 'category', 'product categories', 'product category', 'product groups', 'product group'] },
  { field: 'skus', label: 'SKUs', header: 'SKUs', synonyms: ['skus', 'sku', 'products', 'product codes', 'product code', 'stock codes', 'items'] },
  { field: 'target', label: 'Target', header: 'Target', synonyms: ['target', 'target £', 'target revenue', 'target value', 'target uplift', 'revenue target', 'uplift target', 'goal'] },
  { field: 'start', label: 'Start date', header: 'Start Date', synonyms: ['start', 'start date', 'started', 'from', 'begin', 'launch date', 'date started'] },
  { field: 'end', label: 'End date', header: 'End Date', synonyms: ['end', 'end date', 'due', 'due date', 'deadline', 'finish', 'target date', 'until', 'to'] },
  { field: 'owner', label: 'Owner', header: 'Owner', synonyms: ['owner', 'responsible', 'lead', 'account manager', 'who'] },
  { field: 'status', label: 'Status', header: 'Status', synonyms: ['status', 'state', 'progress status', 'stage'] },
];

export const ROLES: Readonly<Record<Role, RoleDef>> = {
  // No product column is needed (an invoice-level export: invoice, date, customer, total) and no
  // quantity when there is a line value; a unit price alone needs a quantity (mapping.ts).
  orders: { role: 'orders', label: 'order lines', fields: ORDER_FIELDS, requiredAny: [['accountId', 'accountName'], ['date'], ['revenue', 'unitPrice']] },
  accounts: { role: 'accounts', label: 'accounts', fields: ACCOUNT_FIELDS, requiredAny: [['accountId', 'name'], ['industry', 'tier', 'parentId', 'engagement', 'accountManager', 'daysBeyondTerms', 'creditHold', 'creditLimit', 'creditTerms', 'healthOverride', 'status']] },
  catalog: { role: 'catalog', label: 'catalog', fields: CATALOG_FIELDS, requiredAny: [['sku'], ['category', 'productLine', 'listPrice', 'premiumSku']] },
  contacts: { role: 'contacts', label: 'contacts', fields: CONTACT_FIELDS, requiredAny: [['accountId'], ['name'], ['role', 'influence', 'relationship', 'feeling', 'fivePPower', 'fivePPerception', 'fivePPriority', 'fivePPromoter', 'fivePPliability']] },
  crossSell: { role: 'crossSell', label: 'cross-sell rules', fields: CROSS_SELL_FIELDS, requiredAny: [['theyBuy'], ['considerSelling']] },
  rates: { role: 'rates', label: 'currency rates', fields: RATE_FIELDS, requiredAny: [['currency'], ['rate']] },
  engagement: { role: 'engagement', label: 'engagement log', fields: ENGAGEMENT_FIELDS, requiredAny: [['accountId'], ['date'], ['direction', 'respondedOn', 'type']] },
  payments: { role: 'payments', label: 'payments ledger', fields: PAYMENT_FIELDS, requiredAny: [['accountId', 'accountName'], ['dueDate', 'invoiceDate'], ['paidDate'], ['amount']] },
  initiatives: { role: 'initiatives', label: 'initiatives', fields: INITIATIVE_FIELDS, requiredAny: [['account'], ['initiative'], ['categories', 'skus', 'target', 'start']] },
};

/** The fields shown as required in a role's mapping (FieldDef.required). */
export function requiredFields(role: Role): ReadonlySet<string> {
  return new Set(ROLES[role].fields.filter((f) => f.required).map((f) => f.field));
}

/**
 * "Order_Date", "order-date", "OrderDate", " ORDER  DATE " → "order date"; "Cust. No." → "cust no";
 * "A/C No" → "a c no"; "Revenue (£)" → "revenue £".
 */
export function normaliseHeader(h: string): string {
  return h
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-–—./\\()[\]{}#:;,'"*?!&+|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The header with its spaces removed too, so "customer id" meets "customerid". */
export function compactHeader(h: string): string {
  return normaliseHeader(h).replace(/ /g, '');
}
