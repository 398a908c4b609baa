/**
 * The typed records every face of KAP hands to the domain. Ingest (src/ingest) turns
 * worksheet rows into these; the domain never sees a cell.
 *
 * Dates are Excel serial day numbers (1900 date system: 1 = 1900-01-01, 45658 = 2025-01-01),
 * whole days, times dropped. Excel, ExcelJS and the CSV reader all reduce to them, and
 * day arithmetic stays integer arithmetic.
 */
export type Serial = number;

/** One line of an order or invoice. Returns/credit notes have isReturn = true. */
export interface OrderLine {
  accountId: string;
  accountName?: string;
  date: Serial;
  /** Order/invoice id; when the data has none, ingest uses `${accountId}|${date}` (one order per account per day). */
  orderId: string;
  sku: string;
  productName?: string;
  /** "Uncategorised" when neither the line nor the catalog says. */
  category: string;
  /** Negative for returns. */
  quantity: number;
  /** Line revenue in `currency` (negative for returns and credit notes). */
  revenue: number;
  unitPrice?: number;
  listPrice?: number;
  orderedBy?: string;
  site?: string;
  /** ISO-like code or symbol as found ("GBP", "EUR", "£"); undefined when the data has no currency column. */
  currency?: string;
  /** Negative quantity or revenue, or an order id starting with C (credit note). */
  isReturn: boolean;
  /** 1-based worksheet row the line came from, for messages. */
  row?: number;
}

/**
 * The account's tier in the user's Accounts table, the user's own label (not KAP's ABC tier):
 * Platinum, Gold, Silver or Bronze spelled so when the cell names one ("GOLD", "Plat"), else
 * the label as given ("A", "Key", "Strategic"), used as given to find comparable accounts.
 */
export type Tier = string;

/** A manual health band set by the user; it wins over the computed band and is shown as an override. */
export interface HealthOverride {
  band: HealthBand;
  reason: string;
}

export type HealthBand = "Healthy" | "Stable" | "At Risk" | "Critical";

/** One row of the optional Accounts table. */
export interface AccountRecord {
  accountId: string;
  name?: string;
  parentId?: string;
  tier?: Tier;
  industry?: string;
  primaryContact?: string;
  email?: string;
  phone?: string;
  accountManager?: string;
  creditTerms?: string;
  creditLimit?: number;
  /** Billing or head-office address, as given. */
  address?: string;
  /** 1–5 (already resolved from a label by ingest or the domain's engagement parser). */
  engagement?: number;
  /** Average days paid beyond terms (negative = early). */
  daysBeyondTerms?: number;
  /** Earlier values of daysBeyondTerms, oldest first, when the data gives a history. */
  daysBeyondTermsHistory?: number[];
  creditHold?: boolean;
  healthOverride?: HealthOverride;
  /** Year the relationship started, when the accounts table says. */
  customerSince?: Serial;
  /** Marked lost or churned in the accounts table (win-back Stage 5). */
  lost?: boolean;
  /** The learning recorded for a lost account (exit interview). */
  lostReason?: string;
  row?: number;
}

/** One row of the optional Catalog table. */
export interface CatalogItem {
  sku: string;
  name?: string;
  category?: string;
  productLine?: string;
  listPrice?: number;
  /** SKU of the premium alternative, for upsell. */
  premiumSku?: string;
  row?: number;
}

/** One row of the optional Contacts table. */
export interface ContactRecord {
  accountId: string;
  name: string;
  role?: string;
  /** 1–5 */
  influence?: number;
  /** 1–5 */
  relationship?: number;
  /** Feeling about us, -2..+2 or 1–5 as found; free text kept in `feelingText`. */
  feeling?: number;
  feelingText?: string;
  /** 5P scores (methodology 003) where the contacts table gives them: each 1–5, weight 1–5, veto. */
  fiveP?: {
    power?: number;
    perception?: number;
    priority?: number;
    promoter?: number;
    pliability?: number;
    weight?: number;
    veto?: boolean;
  };
  row?: number;
}

/** A user's curated cross-sell rule (a "Cross-sell" sheet: They buy | Consider selling | Rationale | Priority). */
export interface CuratedRule {
  theyBuy: string;
  considerSelling: string;
  rationale: string;
  priority: "High" | "Medium" | "Low";
}

/** Currency conversion: 1 unit of `from` = rate units of the reporting currency. */
export interface CurrencyRate {
  from: string;
  rate: number;
}

/** How a contact in the engagement log was made (methodology 000, Step 4.4). */
export type ContactType = "call" | "e-mail" | "visit" | "meeting";
/** Who made the contact: the customer (inbound) or we (outbound). */
export type Direction = "inbound" | "outbound";

/**
 * One row of the optional engagement log. Times matter here (a response in 24 hours or in 25),
 * so `at` and `respondedOn` are serials WITH the time of day as a fraction (45658.5 = noon on
 * 2025-01-01); a log without times has whole days.
 */
export interface EngagementEntry {
  accountId: string;
  at: number;
  contact?: string;
  /** undefined when the log's type is blank or none of the four (the text is kept in `typeText`) */
  type?: ContactType;
  typeText?: string;
  /** undefined when the log has no direction: read as outbound (a log is mostly our outreach) */
  direction?: Direction;
  topic?: string;
  followUp?: string;
  /** When the customer answered; undefined = no answer (yet). */
  respondedOn?: number;
  row?: number;
}

/** One invoice of the optional payments ledger (an invoice list or aged-debtors export). */
export interface Invoice {
  accountId: string;
  invoiceNo?: string;
  invoiceDate?: Serial;
  /** When missing, the invoice date plus the account's credit terms (when those are readable). */
  dueDate?: Serial;
  /** undefined = unpaid */
  paidDate?: Serial;
  /** Invoice amount (weights the mean); credit notes (0 or less) do not count. */
  amount: number;
  row?: number;
}

/**
 * One row of the user's Initiatives table (RULES.md §1, §2.7a): KAP reads it on every analysis
 * and tracks it; it never edits the user's rows.
 */
export interface InitiativeRecord {
  /** the account as written: its id or its name */
  account: string;
  initiative: string;
  /** the user's type, when the table has a column for it */
  type?: string;
  /** category names and SKUs the initiative sells (both empty = the whole account) */
  categories: string[];
  skus: string[];
  /** the extra revenue the initiative is to bring over its run, in the account's currency */
  target?: number;
  start?: Serial;
  /** last day of the initiative (inclusive) */
  end?: Serial;
  owner?: string;
  status?: string;
  row?: number;
}
