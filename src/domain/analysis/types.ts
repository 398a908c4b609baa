/**
 * Result types of the analytics engine. Every flag carries the numbers behind it; money
 * fields are in the row's `currency` (never added across currencies).
 */
import type { HealthResult, Weights } from "../health";
import type { Change } from "../numbers";
import type { Factor, Quadrant } from "../rules";
import type {
  AccountRecord,
  CatalogItem,
  ContactRecord,
  CuratedRule,
  EngagementEntry,
  HealthBand,
  HealthOverride,
  InitiativeRecord,
  Invoice,
  Serial,
  Tier,
} from "../types";
import type { RuleMetrics } from "./affinity";
import type { LifetimeModel, LifetimeScore } from "./clv";
import type { InitiativeType } from "../rules";
import type { RequiredCoverage } from "../relationships";
import type { InitiativeProgress, InitiativeRollupRow } from "./initiatives";
import type { RelationshipMap } from "./relationship";
import type { Opportunity } from "./opportunities";
import type { ServiceLineSummary } from "./book";

export type { ServiceLineSummary };
import type { EngagementFromLog } from "../engagement";
import type { PaymentFromLedger } from "../payment";
import type { HealthReport } from "./report";
import type { SymbolPlacement } from "../currency";

export interface AnalysisContext {
  asOf: Serial;
  weights?: Weights;
  accounts?: AccountRecord[];
  catalog?: CatalogItem[];
  contacts?: ContactRecord[];
  curatedRules?: CuratedRule[];
  /** The engagement log, all accounts (Engagement factor from data; wins over the accounts table's value). */
  engagementLog?: EngagementEntry[];
  /** The payments ledger, all accounts (Payment factor from data; wins over the accounts table's figure). */
  invoices?: Invoice[];
  /** the user's Initiatives table, tracked on every analysis */
  initiatives?: InitiativeRecord[];
  /** 1–12, default 1 (January) */
  fiscalYearStartMonth?: number;
  /** Engagement at or above this is high in the quadrant; default DEFAULT_SCALE_CUT. */
  engagementCut?: number;
  /** Account-plan revenue growth target (0.5 = +50%); default DEFAULT_GROWTH_TARGET. */
  growthTarget?: number;
  /** Minimum accounts buying both X and Y for a data rule; default MIN_RULE_SUPPORT_ACCOUNTS (lowered in tests). */
  minRuleSupportAccounts?: number;
  /**
   * The most category rules (all currencies) the caller has memory for; more throw an Error
   * that says so (the CLI sets it from the heap left); default no limit.
   */
  maxCategoryRules?: number;
  /**
   * The workbook's culture ("de-DE"): the figures in the text the analysis writes (alerts,
   * factor lines, plan details) follow it ("110,40 €", "53 %"); none: en-GB, as always.
   */
  culture?: string;
  /** where the source's money format writes its currency after the figure ("9,348.20 €"): the text places it there too */
  moneyPlacement?: SymbolPlacement;
  /** the culture dates in the analysis' notes are written in (en-US 6/30/2025); none: the figures' culture, else en-GB */
  dateCulture?: string;
  /** ISO code of money on lines without a currency of their own ('' = not known: figures without a symbol); default GBP. */
  defaultCurrency?: string;
  /** ISO codes whose money is written by code ("USD 20.00") beside money written with their bare symbol ("$") */
  codedCurrencies?: readonly string[];
  /** CLV horizon in months; default CLV_DEFAULT_HORIZON_MONTHS (12). */
  clvHorizonMonths?: number;
  /** CLV discount rate a year (0.1 = 10%); default CLV_DEFAULT_DISCOUNT_RATE. */
  clvDiscountRate?: number;
  /**
   * Whether the lines carry categories (a category column or a catalog); default true. Without
   * them there is one "Uncategorised" group: Diversity is n/a rather than 1–2 on it.
   */
  hasCategories?: boolean;
  /**
   * Whether the lines name a product (a SKU or product column); default true. An invoice-level
   * export (invoice, date, customer, total) has none: its lines count in revenue like service
   * lines, never as products or categories, and products bought is n/a.
   */
  hasProducts?: boolean;
  /** Called as accounts are scored (`done` of `total` subjects, about 20 times, and at the end): the pane's "12 of 24". */
  onProgress?: (done: number, total: number) => void;
}

/** The inputs of the six health factors at one date, as the user would check them. */
export interface HealthInputs {
  date: Serial;
  firstOrderDate: Serial | null;
  lastOrderDate: Serial | null;
  /** whole days; null = never ordered */
  daysSinceLastOrder: number | null;
  ordersLastQuarter: number;
  ordersPreviousQuarter: number;
  ordersChange: Change;
  revenueLast12: number;
  revenuePrior12: number;
  revenueChange: Change;
  /** categories bought (net positive) in the last 12 months; null when the data has no categories (Diversity n/a) */
  categoriesLast12: number | null;
  /** SKUs bought (net positive) in the last 12 months; null when the lines carry no product (KAP.METRICS without products) */
  productsLast12: number | null;
  /** 1–5 from the engagement log when it can score, else the accounts table's, else null */
  engagement: number | null;
  engagementSource: "engagement log" | "accounts table" | null;
  /** The log's reading at this date (also when too thin to score); null when the account has no log entries. */
  engagementLog: EngagementFromLog | null;
  /** The accounts table's engagement (used only when the log cannot score). */
  engagementTyped: number | null;
  /** Whole days from the payments ledger when it has invoices due in the window, else the accounts table's figure, else null */
  daysBeyondTerms: number | null;
  paymentSource: "payments ledger" | "accounts table" | null;
  /** The ledger's reading at this date; null when the account has no invoices in the ledger. */
  paymentLedger: PaymentFromLedger | null;
  /** The accounts table's average days beyond terms (used only when the ledger cannot score). */
  daysBeyondTermsTyped: number | null;
}

/** Where a factor's input came from: order lines for the first four, the log/ledger or the accounts table for the last two. */
export type FactorSource = "order lines" | "engagement log" | "payments ledger" | "accounts table";

export interface AccountHealth extends HealthResult {
  inputs: HealthInputs;
  /** The computed band (before any override). */
  computedBand: HealthBand | null;
  /** The band shown: the override's when there is one. */
  finalBand: HealthBand | null;
  isOverride: boolean;
  override: HealthOverride | null;
}

export interface HealthPoint {
  date: Serial;
  /** null: no factor to score, or a month-end before the account's first order */
  score: number | null;
  band: HealthBand | null;
}

export type Severity = "Critical" | "Warning" | "Opportunity";

export type RiskFlagKind =
  | "noRecentOrder"
  | "averageOrderDrop"
  | "switchedCategory"
  | "returnsRising"
  | "lowEngagement"
  | "contactNotResponding"
  | "paymentSlipping"
  | "latePaymentsIncreasing";

export interface RiskFlag {
  kind: RiskFlagKind;
  message: string;
  /** The numbers behind the flag, named. */
  values: Record<string, number | string | null>;
}

export type AlertKind =
  | "regularCustomerSilent"
  | "lastOrderVeryLow"
  | "creditHold"
  | "noOrder30Days"
  | "lastOrderLow"
  | "recentReturn"
  | "latePayment"
  | "contactFailed"
  | "lastOrderHigh"
  | "newCategory"
  | "newOrderer";

export interface Alert {
  severity: Severity;
  kind: AlertKind;
  message: string;
  values: Record<string, number | string | null>;
}

export interface WinBack {
  stage: 0 | 1 | 2 | 3 | 4 | 5;
  name: string;
  action: string;
  script: string;
  /** null when the account never ordered (Stage 5 only: marked lost without an order) */
  daysSinceLastOrder: number | null;
  /** Stage 4: the recovery offers */
  offers: readonly string[];
  /** Stage 5: the exit-interview questions */
  questions: readonly string[];
  /** Stage 5: the learning recorded in the accounts table, null while not recorded */
  learning: string | null;
}

export interface WhitespaceGap {
  category: string;
  /** comparable accounts buying it (last 12 months) and the group size */
  comparableBuyers: number;
  comparableAccounts: number;
  share: number;
  /** median 12-month spend on it among the comparable accounts that buy it */
  medianSpend: number;
}

export type ComparableBasis = "industry" | "tier" | "all";

export interface Whitespace {
  basis: ComparableBasis;
  /** the industry or tier, or 'All accounts' */
  basisValue: string;
  /** other accounts in the group (same currency) */
  comparableAccounts: number;
  gaps: WhitespaceGap[];
  /** sum of the gaps' median spends */
  potential: number;
}

export interface QuadrantPlacement {
  quadrant: Quadrant;
  approach: string;
  engagement: number;
  /** 'account' = the Accounts table; 'engagement log' = computed from the log; 'health score' = no engagement known, the combined health score stands in */
  engagementSource: "account" | "engagement log" | "health score";
  engagementCut: number;
  potential: number;
  /** portfolio median potential (same currency) */
  potentialCut: number;
}

export type AbcTier = "A" | "B" | "C";

/** One analysed account in one currency. Parents' figures include their children's. */
export interface AccountAnalysis {
  /** `${accountId}` or `${accountId} (${currency})` when the account trades in several currencies */
  key: string;
  accountId: string;
  name: string;
  currency: string;
  parentId: string | null;
  childIds: string[];
  /** the row counts in portfolio totals (no parent); children are drill-down rows */
  isTopLevel: boolean;
  rolledUp: boolean;
  industry: string | null;
  tier: Tier | null;
  accountManager: string | null;
  health: AccountHealth;
  /** 12 month-ends, oldest first (eomonth(asOf, −12) … eomonth(asOf, −1)), then as-of */
  history: HealthPoint[];
  /** today's score against last month-end */
  trend: "up" | "down" | "flat" | null;
  revenueLast12: number;
  revenuePrior12: number;
  ordersLast12: number;
  averageOrderValueLast12: number | null;
  categoriesLast12: string[];
  whitespace: Whitespace;
  quadrant: QuadrantPlacement;
  /** null for child rows (tiers rank top-level accounts) */
  abcTier: AbcTier | null;
  revenueShare: number | null;
  cumulativeShare: number | null;
  keyAccountCandidate: boolean;
  keyAccountReason: string | null;
  riskFlags: RiskFlag[];
  alerts: Alert[];
  winBack: WinBack | null;
  /** Lifetime value (BG/NBD + Gamma-Gamma fitted to the currency's portfolio); null when no order by as-of. */
  lifetime: AccountLifetime | null;
}

/** One account's lifetime figures and whether they can be trusted. */
export interface AccountLifetime extends LifetimeScore {
  /** false when its currency's fit is not reliable (CurrencyLifetimeModel.warning says why): every place that shows the figures flags them */
  reliable: boolean;
}

export interface BandSummary {
  band: HealthBand;
  count: number;
  countShare: number;
  revenue: Record<string, number>;
  /** share of the currency's 12-month revenue */
  revenueShare: Record<string, number>;
}

export interface FocusAccount {
  key: string;
  accountId: string;
  name: string;
  currency: string;
  band: HealthBand;
  score: number | null;
  revenueLast12: number;
  revenuePrior12: number;
  /** the larger of revenueLast12 and revenuePrior12 (never below 0): what the account spent before it slowed (revenueAtStake) */
  revenueAtStake: number;
  daysSinceLastOrder: number | null;
  winBack: WinBack | null;
  nextAction: string;
  /** The reason given with a band set by hand (the account list's override), else null: `band` is then that band, not the score's. */
  overrideReason: string | null;
}

export interface OpenAlert extends Alert {
  key: string;
  accountId: string;
  name: string;
  currency: string;
  revenueLast12: number;
  /** the account's band (the override's where set), by which the dashboard ranks alerts of one severity */
  band: HealthBand | null;
  /** as FocusAccount.revenueAtStake */
  revenueAtStake: number;
}

/** The lifetime-value models of one currency's portfolio (fitted on its top-level rows). */
export interface CurrencyLifetimeModel extends LifetimeModel {
  currency: string;
  /** the CLV horizon (months) and yearly discount rate the accounts were scored with */
  horizonMonths: number;
  discountRate: number;
}

/** One row of the value × health view: the accounts worth most and least healthy first. */
export interface ValueHealthRow {
  key: string;
  accountId: string;
  name: string;
  currency: string;
  /** thirds of the currency's top-level accounts by CLV */
  valueTier: "High" | "Medium" | "Low";
  clv: number;
  expectedRevenue12m: number | null;
  pAlive: number | null;
  score: number | null;
  band: HealthBand | null;
  /** false when the figures come from a fit that is not reliable (AccountLifetime.reliable) */
  reliable: boolean;
}

/** An account that looks gone by the model although no rule-based alert has fired. */
export interface SilentChurnRow {
  key: string;
  accountId: string;
  name: string;
  currency: string;
  /** revenue in the last 24 months (last 12 + prior 12) */
  revenuePast24m: number;
  pAlive: number;
  daysSinceLastOrder: number | null;
  expectedRevenue12m: number | null;
  clv: number | null;
}

export interface Dashboard {
  accountsManaged: number;
  annualRevenue: Record<string, number>;
  averageHealth: number | null;
  bands: BandSummary[];
  quadrants: Record<Quadrant, number>;
  abc: { tier: AbcTier; count: number; revenue: Record<string, number> }[];
  /** Critical, then At Risk top-level accounts, each band most revenue at stake first, FOCUS_PER_BAND rows a band (focusAccountsOf) */
  focusAccounts: FocusAccount[];
  /** every alert: by severity, then the account's band (worst first), then the most revenue at stake (alertOrder) */
  openAlerts: OpenAlert[];
  /** High-value tier first, then the least healthy band, then the most CLV; the first VALUE_HEALTH_ROWS */
  valueHealth: ValueHealthRow[];
  /** Top-quarter 24-month revenue (SILENT_CHURN_TOP_SHARE), P(alive) < SILENT_CHURN_P_ALIVE, no Critical or Warning alert; most revenue first */
  silentChurn: SilentChurnRow[];
  /** Initiative Progress: per currency, by initiative type and in total */
  initiativeProgress: InitiativeRollupRow[];
}

export interface WhitespaceRow {
  key: string;
  accountId: string;
  name: string;
  currency: string;
  industry: string | null;
  tier: Tier | null;
  accountManager: string | null;
  /** 12-month spend per category (same order as WhitespaceMap.categories); 0 where none */
  spend: number[];
  /**
   * the estimate where the empty cell is whitespace (comparable accounts usually buy it), else
   * null; all null for an account marked lost (nothing is offered it until it orders again)
   */
  whitespace: (number | null)[];
  /** the gaps' sum; null for an account marked lost (`lost`), whose gaps are not pursued */
  potential: number | null;
  /** marked lost in the accounts table (win-back Stage 5) */
  lost: boolean;
}

export interface WhitespaceMap {
  categories: string[];
  rows: WhitespaceRow[];
}

export interface AffinityRule extends RuleMetrics {
  level: "category" | "sku";
  currency: string;
  antecedent: string;
  consequent: string;
}

export interface PortfolioAnalysis {
  asOf: Serial;
  weights: Weights;
  currencies: string[];
  /** set when the data has several currencies: figures are per currency, never converted */
  currencyWarning: string | null;
  accounts: AccountAnalysis[];
  dashboard: Dashboard;
  whitespaceMap: WhitespaceMap;
  /** category-level rules per currency, ranked */
  categoryRules: AffinityRule[];
  /** every row of the user's Initiatives table, tracked as of asOf */
  initiatives: InitiativeProgress[];
  /** ids in AccountRecord.parentId that form a cycle, ignored */
  warnings: string[];
  /** one per currency, most accounts first */
  lifetimeModels: CurrencyLifetimeModel[];
  /** service and adjustment lines found: counted in revenue, never products or categories */
  serviceLines: ServiceLineSummary[];
  /** false when the data has no categories (Diversity is n/a for every account) */
  hasCategories: boolean;
  /** false when the lines name no product (an invoice-level export): product views need a product or SKU column */
  hasProducts: boolean;
  /** accounts whose first order is after asOf: not yet customers then, so not analysed (earliest first) */
  notYetCustomers?: NotYetCustomer[];
}

/** An account that starts after the as-of date: its first order (or return) line's date. */
export interface NotYetCustomer {
  accountId: string;
  name: string;
  currency: string;
  firstOrderDate: Serial;
}

/* ---- one account ---- */

export interface CategoryRow {
  category: string;
  revenue: number;
  share: number;
  units: number;
  averageUnitPrice: number | null;
}

export interface CategoryNotBought {
  category: string;
  comparableBuyers: number;
  comparableAccounts: number;
  share: number;
  medianSpend: number | null;
  /** the priority of this category in the account's ranked opportunity list (./opportunities.ts) */
  priority: "High" | "Medium" | "Low";
}

export interface TopProduct {
  rank: number;
  sku: string;
  name: string;
  category: string;
  unitsLast12: number;
  revenueLast12: number;
  lastOrderDate: Serial;
  daysSinceLastOrder: number;
  distinctOrderDates: number;
  /** median days between distinct order dates (all history to as-of); null under 2 */
  reorderDays: number | null;
  nextExpectedOrder: Serial | null;
  /** days since last order > OVERDUE_MULTIPLE × reorder period */
  overdue: boolean;
  /** coefficient of variation of the gaps between order dates; null under 2 orders */
  gapVariation: number | null;
  /** a regular reorder period (≥ 4 orders, gaps' CV ≤ 0.5): an auto-replenishment candidate */
  regular: boolean;
}

/** A product reordered at a regular period (reorderRegularity), offered for auto-replenishment. */
export interface ReplenishmentCandidate {
  sku: string;
  name: string;
  /** distinct order dates up to the as-of */
  orderDates: number;
  /** median days between them */
  reorderDays: number;
  /** coefficient of variation of the gaps (≤ REPLENISHMENT.maxGapCv) */
  gapVariation: number;
  lastOrderDate: Serial;
  nextExpectedOrder: Serial;
  /** days since the last order > OVERDUE_MULTIPLE × reorder period (as the top products) */
  overdue: boolean;
  /** the day OVERDUE_MULTIPLE × the reorder period after the last order: overdue once past it */
  overdueFrom: Serial;
  averageUnitsPerOrder: number;
  revenueLast12: number;
}

export interface BuyingPattern {
  ordersLast12: number;
  meanDaysBetweenOrders: number | null;
  medianOrderValue: number | null;
  smallestOrder: number | null;
  largestOrder: number | null;
  /** weekday names, most orders first (ties: more revenue, then calendar order) */
  peakWeekdays: string[];
  /** month names, most revenue first */
  peakMonths: string[];
}

export interface SeasonalityRow {
  month: string;
  revenue: number | null;
  index: number | null;
}

export interface DormantProduct {
  sku: string;
  name: string;
  /** its category (a lapsed category's dormant products are that category's win-back) */
  category?: string;
  lastOrderDate: Serial;
  monthsSinceLastOrder: number;
  revenueLast12: number;
  revenuePrior12: number;
  /** (prior − last) / prior */
  drop: number;
  churnRisk: "High" | "Medium" | "Low";
}

export interface CrossSellRecommendation {
  source: "affinity" | "industry matrix" | "product matrix" | "user rule";
  curated: boolean;
  level: "category" | "sku";
  /** what the account buys (X) */
  because: string;
  /** what to offer (Y) */
  offer: string;
  rationale: string;
  priority: "High" | "Medium" | "Low" | null;
  /** median 12-month spend on Y among accounts buying both X and Y; null for curated rules without data */
  annualEstimate: number | null;
  metrics: RuleMetrics | null;
  /** a product rule's offered SKU and its category (level "sku") */
  sku?: string;
  category?: string;
  /**
   * true for a curated item that neither the catalog nor the order data has (no category, product
   * line, product name or SKU of that name): a suggestion with nothing in the workbook that sells it
   */
  notStocked?: boolean;
}

export interface ProductLineGap {
  productLine: string;
  /** `lapsed`: bought before the last 12 months and not since (a win-back, not missing) */
  variants: {
    sku: string;
    name: string;
    bought: boolean;
    lapsed?: true;
    medianSpend: number | null;
  }[];
  boughtCount: number;
  missingCount: number;
  /** sum of median spends of the missing variants among accounts buying them */
  estimate: number;
  /**
   * the comparable accounts (the account's comparable group; all others when it has none) buying a
   * variant this account buys in the last 12 months (the SKU rules' baskets)
   */
  lineBuyers: number;
  /** of those, the ones also buying `gapVariant` */
  gapBuyers: number;
  /** the variant this account does not buy that most of those accounts buy; null when none does */
  gapVariant: string | null;
}

/** A category bought before the last 12 months and not in them: a win-back (its dormant products are its own). */
export interface LapsedCategory {
  category: string;
  /** its last purchase, on or before as-of */
  lastOrderDate: Serial;
  monthsSinceLastOrder: number;
  /** its net spend in the 12 months to its last purchase */
  spendBefore: number;
  /** the comparable group's evidence (share and median 12-month spend), null when none of them buys it */
  peers: CategoryNotBought | null;
  /** "Bought Consumables until 15/03/2024 (£420.00 in the 12 months to then); none in the 31 months since." */
  message: string;
}

/**
 * A category the account switched away from: the risk flag's (≥ 10% of the revenue of the 12
 * months to as-of − 3 months, none in the last 3 while the account still orders). A win-back,
 * first on its ranked list; none of its items is offered as a range completion, an upsell or a
 * cross-sell until it buys the category again.
 */
export interface SwitchedCategory {
  category: string;
  /** its last purchase, on or before as-of */
  lastOrderDate: Serial;
  /** its net spend over `basis`: what winning it back is estimated at, a year */
  spendBefore: number;
  /** the prior 12 months; the 12 months to as-of − 3 months (the flag's) when it bought none in them */
  basis: { start: Serial; end: Serial };
  /** its share of the revenue of the flag's 12 months (to `flagPeriodEndDate`) */
  share: number;
  /** the end of the flag's 12 months: as-of − 3 months */
  flagPeriodEndDate: Serial;
  /** its net spend in the last 12 months */
  revenueLast12: number;
  /** whose spend the estimate is: "its own net spend on Fixings in the 12 months to 31/10/2025" */
  estimateBasis: string;
  /** "Bought £27,371.66 of Fixings in the 12 months to 31/10/2025 and £12,055.05 in the 12 months to 31/10/2026, none since 22/06/2026." */
  message: string;
}

export interface Upsell {
  currentSku: string;
  currentName: string;
  premiumSku: string;
  premiumName: string;
  /** What the account pays a unit (net revenue ÷ units, last 12 months); else the list price. */
  currentPrice: number | null;
  /** "paid": from the account's own 12 months; "list": the catalog's (no positive price paid). */
  currentPriceBasis: "paid" | "list" | null;
  /** The premium alternative's list price. */
  premiumPrice: number | null;
  /** The current product's list price (the catalog's), when it has one. */
  currentListPrice: number | null;
  /** the premium's category (the catalog's), when it has one */
  premiumCategory: string | null;
  /** premium list against current list when both are known (like for like), else against the current price */
  priceDifferencePct: number | null;
  unitsLast12: number;
  /** the account's own net spend on the current product over the last 12 months */
  spendLast12: number;
  /**
   * The account's 12-month spend on the current product × the list premium (its own price level
   * carried to the premium); without the current list price, (premium list − price paid) × units.
   * At most UPSELL_MAX_OF_OWN_SPEND × spendLast12 (`capped`). Null when a price or the units are missing.
   */
  extraPerYear: number | null;
  /** extraPerYear was cut to the bound on the account's own spend */
  capped: boolean;
  /** other accounts buying the current product or the premium in the last 12 months (the SKU rules' baskets) */
  alternativeBuyers: number;
  /** of those, the ones buying the premium */
  premiumBuyers: number;
  valueProposition: string;
}

/**
 * A category probably bought elsewhere: one most accounts of the same industry buy and this one
 * does not (the industry's figures), or one the account itself switched away from (`switched`:
 * the industry's figures are then null, the account's own orders being the evidence).
 */
export interface CompetitorDisplacement {
  category: string;
  industry: string | null;
  industryBuyers: number | null;
  industryAccounts: number | null;
  share: number | null;
  medianSpend: number | null;
  /** the category the account switched away from (the risk flag's), when that is the evidence */
  switched: SwitchedCategory | null;
  /** who buys it, in words: "3 of 4 Plumber accounts", "this account until 22/06/2026 (30% of its revenue in the 12 months to 31/07/2026)" */
  boughtBy: string;
  message: string;
}

export interface StakeholderCoverage {
  role: string;
  held: boolean;
  names: string[];
}

export interface QuarterTarget {
  quarter: 1 | 2 | 3 | 4;
  target: number;
}

/** An initiative the plan proposes from the data, with what it sells and how it would be tracked. */
export interface PlanInitiative {
  title: string;
  detail: string;
  /** annual £ the data suggests (the target a proposed row carries), or null */
  estimate: number | null;
  source: string;
  type: InitiativeType;
  /** categories and SKUs whose revenue tracks it (both empty = the whole account) */
  categories: string[];
  skus: string[];
}

export interface AccountPlan {
  /** marked lost in the accounts table (win-back Stage 5): a win-back plan, growth 0, no new categories or upsell */
  lost: boolean;
  revenueBaseline: number;
  /**
   * a lost account's net revenue in the 12 months to the month of its last order (`to`, that
   * month's last day, as its QBR looks back on): what its win-back
   * aims to recover, and its targets' baseline; null for an account not marked lost
   */
  winBackBaseline: { revenue: number; to: Serial } | null;
  /**
   * an account whose first order (`since`) falls inside the last 12 months: its revenue scaled from
   * the `days` it has been a customer (`counted`: the last 3 months' days at least) to a year, its
   * targets' baseline; null otherwise (and in a win-back stage)
   */
  newAccountYear: { since: Serial; days: number; counted: number; revenue: number } | null;
  growthTarget: number;
  revenueTarget: number;
  /** baseline/4 each plus the uplift split QUARTER_TARGET_WEIGHTS (1:2:3:4), so targets rise and sum to revenueTarget */
  quarterlyTargets: QuarterTarget[];
  /** why Quarter 1's target is below the last 3 months' spend, when it is; null otherwise */
  targetNote: string | null;
  categoriesNow: number;
  categoriesTarget: number;
  contactsNow: number;
  contactsTarget: number;
  initiatives: PlanInitiative[];
  /** required stakeholder coverage (methodology 000 Step 4.2) */
  stakeholders: RequiredCoverage[];
  nextActions: string[];
  risks: string[];
  /** The last RECENT_ENGAGEMENT entries of the engagement log, newest first (empty without a log). */
  recentEngagement: EngagementEntry[];
  swot: { strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[] };
}

export interface AccountDetail {
  account: AccountAnalysis;
  categories: CategoryRow[];
  categoryTotal: { revenue: number; units: number; averageUnitPrice: number | null };
  categoriesNotBought: CategoryNotBought[];
  topProducts: TopProduct[];
  /** every product bought in the last 12 months with a regular reorder period, most revenue first */
  replenishment: ReplenishmentCandidate[];
  buyingPattern: BuyingPattern;
  seasonality: SeasonalityRow[];
  dormantProducts: DormantProduct[];
  crossSell: CrossSellRecommendation[];
  skuCrossSell: CrossSellRecommendation[];
  /** the one ranked opportunity list (category level) every sheet shows */
  opportunities: Opportunity[];
  productLineGaps: ProductLineGap[];
  upsell: Upsell[];
  competitorDisplacement: CompetitorDisplacement[];
  contacts: ContactRecord[];
  plan: AccountPlan;
  /** contacts on the decision map, coverage, people to add, sites */
  relationships: RelationshipMap;
  /** the account's rows of the user's Initiatives table, tracked */
  initiatives: InitiativeProgress[];
  /** The account health report of methodology 000 Steps 1.1–1.3. */
  report: HealthReport;
}

export type HealthFactor = Factor;
