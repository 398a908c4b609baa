/**
 * The roles KAP reads and the header synonyms that find each field (PRODUCT.md §1), as data.
 * Headers are compared after normaliseHeader: lower case, punctuation and spaces removed.
 */
export type Role = 'orders' | 'accounts' | 'catalog' | 'contacts' | 'crossSell' | 'rates';

export interface FieldDef {
  field: string;
  label: string;
  /** Required for the role (alternatives: see `requiredAny`). */
  required?: boolean;
  synonyms: readonly string[];
}

export interface RoleDef {
  role: Role;
  label: string;
  fields: readonly FieldDef[];
  /** Groups of which at least one field must be mapped (e.g. account id or account name). */
  requiredAny: readonly (readonly string[])[];
}

export const ORDER_FIELDS: readonly FieldDef[] = [
  { field: 'accountId', label: 'Account ID', synonyms: ['account', 'account no', 'account number', 'account id', 'acct', 'acct no', 'customer id', 'customerid', 'cust no', 'cust id', 'customer no', 'customer number', 'customer code', 'client id', 'client no', 'debtor', 'debtor code', 'sold to', 'bill to', 'account code'] },
  { field: 'accountName', label: 'Account name', synonyms: ['customer', 'customer name', 'company', 'company name', 'account name', 'client', 'client name', 'trading name', 'business name'] },
  { field: 'date', label: 'Order date', required: true, synonyms: ['date', 'order date', 'invoicedate', 'invoice date', 'inv date', 'transaction date', 'txn date', 'sale date', 'sales date', 'posting date', 'document date', 'doc date', 'despatch date', 'dispatch date', 'ship date', 'orderdate'] },
  { field: 'orderId', label: 'Order ID', synonyms: ['order no', 'order number', 'invoiceno', 'invoice no', 'invoice', 'invoice number', 'order id', 'orderid', 'order', 'order ref', 'document no', 'doc no', 'transaction id', 'sales order', 'so number', 'inv no'] },
  { field: 'sku', label: 'Product code (SKU)', required: true, synonyms: ['sku', 'stockcode', 'stock code', 'product code', 'item', 'item code', 'item no', 'part no', 'part number', 'product id', 'productid', 'article', 'article no', 'material', 'product number', 'code'] },
  { field: 'productName', label: 'Product name', synonyms: ['description', 'product', 'item name', 'product name', 'item description', 'product description', 'desc', 'article name'] },
  { field: 'category', label: 'Category', synonyms: ['category', 'product category', 'group', 'product group', 'item group', 'category name', 'range', 'department', 'family', 'product family'] },
  { field: 'quantity', label: 'Quantity', required: true, synonyms: ['qty', 'quantity', 'units', 'qty ordered', 'quantity ordered', 'qty sold', 'volume', 'pcs', 'unit qty'] },
  { field: 'revenue', label: 'Line revenue', synonyms: ['revenue', 'value', 'net', 'line total', 'amount', 'net value', 'net amount', 'sales', 'sales value', 'line value', 'total', 'line amount', 'net sales', 'turnover', 'extended price', 'ext price', 'goods value'] },
  { field: 'unitPrice', label: 'Unit price', synonyms: ['unit price', 'price', 'unitprice', 'sell price', 'selling price', 'net price', 'price each'] },
  { field: 'listPrice', label: 'List price (RRP)', synonyms: ['rrp', 'list price', 'listprice', 'retail price', 'catalogue price', 'catalog price', 'msrp'] },
  { field: 'orderedBy', label: 'Ordered by', synonyms: ['ordered by', 'contact', 'buyer', 'placed by', 'requested by', 'orderer', 'customer contact'] },
  { field: 'site', label: 'Site / delivery address', synonyms: ['site', 'branch', 'delivery address', 'ship to', 'delivery site', 'location', 'depot', 'delivery point'] },
  { field: 'currency', label: 'Currency', synonyms: ['currency', 'curr', 'ccy', 'currency code', 'cur'] },
];

export const ACCOUNT_FIELDS: readonly FieldDef[] = [
  { field: 'accountId', label: 'Account ID', synonyms: ['account', 'account no', 'account number', 'account id', 'acct', 'customer id', 'customerid', 'cust no', 'customer no', 'customer code', 'client id', 'account code'] },
  { field: 'name', label: 'Account name', synonyms: ['account name', 'name', 'customer', 'customer name', 'company', 'company name', 'client name', 'trading name'] },
  { field: 'parentId', label: 'Parent account', synonyms: ['parent', 'parent account', 'parent id', 'group', 'head office', 'parent account no', 'group account'] },
  { field: 'tier', label: 'Tier', synonyms: ['tier', 'account tier', 'level', 'grade', 'segment'] },
  { field: 'industry', label: 'Industry', synonyms: ['industry', 'sector', 'trade', 'customer type', 'vertical', 'industry sector'] },
  { field: 'primaryContact', label: 'Primary contact', synonyms: ['primary contact', 'contact', 'main contact', 'contact name'] },
  { field: 'email', label: 'Email', synonyms: ['email', 'e-mail', 'email address', 'contact email'] },
  { field: 'phone', label: 'Phone', synonyms: ['phone', 'telephone', 'tel', 'phone number', 'mobile'] },
  { field: 'accountManager', label: 'Account manager', synonyms: ['account manager', 'am', 'sales rep', 'rep', 'owner', 'account owner', 'kam', 'salesperson', 'sales person'] },
  { field: 'creditTerms', label: 'Credit terms', synonyms: ['credit terms', 'terms', 'payment terms'] },
  { field: 'creditLimit', label: 'Credit limit', synonyms: ['credit limit', 'limit'] },
  { field: 'engagement', label: 'Engagement', synonyms: ['engagement', 'responsiveness', 'engagement score', 'response'] },
  { field: 'daysBeyondTerms', label: 'Average days beyond terms', synonyms: ['avg days beyond terms', 'average days beyond terms', 'days beyond terms', 'days late', 'avg days late', 'average days late', 'payment days late', 'dbt'] },
  { field: 'creditHold', label: 'Credit hold', synonyms: ['credit hold', 'on hold', 'hold', 'stop', 'on stop', 'account on hold'] },
  { field: 'healthOverride', label: 'Health override', synonyms: ['health override', 'override', 'manual band', 'band override'] },
  { field: 'overrideReason', label: 'Override reason', synonyms: ['override reason', 'reason'] },
  { field: 'customerSince', label: 'Customer since', synonyms: ['customer since', 'since', 'opened', 'account opened', 'start date', 'date opened'] },
];

export const CATALOG_FIELDS: readonly FieldDef[] = [
  { field: 'sku', label: 'SKU', required: true, synonyms: ['sku', 'stockcode', 'stock code', 'product code', 'item', 'item code', 'part no', 'product id', 'code'] },
  { field: 'name', label: 'Product name', synonyms: ['product name', 'name', 'description', 'product', 'item name'] },
  { field: 'category', label: 'Category', synonyms: ['category', 'product category', 'group', 'product group'] },
  { field: 'productLine', label: 'Product line', synonyms: ['product line', 'line', 'range', 'product range', 'family', 'product family'] },
  { field: 'listPrice', label: 'List price', synonyms: ['list price', 'rrp', 'price', 'retail price', 'catalogue price'] },
  { field: 'premiumSku', label: 'Premium alternative', synonyms: ['premium alternative', 'premium sku', 'premium', 'upgrade', 'premium alternative sku', 'upsell'] },
];

export const CONTACT_FIELDS: readonly FieldDef[] = [
  { field: 'accountId', label: 'Account', required: true, synonyms: ['account', 'account no', 'account id', 'customer id', 'cust no', 'customer'] },
  { field: 'name', label: 'Name', required: true, synonyms: ['name', 'contact', 'contact name', 'person', 'full name'] },
  { field: 'role', label: 'Role', synonyms: ['role', 'job title', 'title', 'position', 'dmu role'] },
  { field: 'influence', label: 'Influence', synonyms: ['influence', 'influence level', 'power'] },
  { field: 'relationship', label: 'Relationship strength', synonyms: ['relationship', 'relationship strength', 'strength'] },
  { field: 'feeling', label: 'Feeling about us', synonyms: ['feeling', 'feeling about us', 'feelings', 'sentiment', 'attitude'] },
];

export const CROSS_SELL_FIELDS: readonly FieldDef[] = [
  { field: 'theyBuy', label: 'They buy', required: true, synonyms: ['they buy', 'buys', 'if they buy'] },
  { field: 'considerSelling', label: 'Consider selling', required: true, synonyms: ['consider selling', 'recommend', 'offer', 'cross sell', 'cross-sell'] },
  { field: 'rationale', label: 'Rationale', synonyms: ['rationale', 'why', 'reason'] },
  { field: 'priority', label: 'Priority', synonyms: ['priority'] },
];

export const RATE_FIELDS: readonly FieldDef[] = [
  { field: 'currency', label: 'Currency', required: true, synonyms: ['currency', 'curr', 'ccy', 'from currency'] },
  { field: 'rate', label: 'Rate', required: true, synonyms: ['rate', 'fx rate', 'exchange rate', 'rate to gbp', 'conversion rate'] },
];

export const ROLES: Readonly<Record<Role, RoleDef>> = {
  orders: { role: 'orders', label: 'order lines', fields: ORDER_FIELDS, requiredAny: [['accountId', 'accountName'], ['date'], ['sku'], ['quantity'], ['revenue', 'unitPrice']] },
  accounts: { role: 'accounts', label: 'accounts', fields: ACCOUNT_FIELDS, requiredAny: [['accountId', 'name'], ['industry', 'tier', 'parentId', 'engagement', 'accountManager', 'daysBeyondTerms', 'creditHold']] },
  catalog: { role: 'catalog', label: 'catalog', fields: CATALOG_FIELDS, requiredAny: [['sku'], ['category', 'productLine', 'listPrice', 'premiumSku']] },
  contacts: { role: 'contacts', label: 'contacts', fields: CONTACT_FIELDS, requiredAny: [['accountId'], ['name'], ['role', 'influence', 'relationship', 'feeling']] },
  crossSell: { role: 'crossSell', label: 'cross-sell rules', fields: CROSS_SELL_FIELDS, requiredAny: [['theyBuy'], ['considerSelling']] },
  rates: { role: 'rates', label: 'currency rates', fields: RATE_FIELDS, requiredAny: [['currency'], ['rate']] },
};

export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/[_\-./\\()[\]#:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
