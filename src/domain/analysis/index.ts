/** The analytics engine (RULES.md §2): feed an OrderBook, then analyse the portfolio, one account, or a QBR. */
export { OrderBook, NO_CURRENCY } from "./book";
export { analyzePortfolio, buildPortfolio } from "./portfolio";
export type { PortfolioModel } from "./portfolio";
export {
  accountOpportunities,
  analyzeAccount,
  quarterlyTargets,
  stakeholderCoverage,
  churnRiskOf,
  notBoughtPriority,
  wholeMonthsBetween,
  peerBasisText,
} from "./account";
export { noComparableAccountsText } from "./crossSell";
export { qbrData } from "./qbr";
export type { QbrData, QuarterFigures, QuarterComparison, QbrProduct } from "./qbr";
export {
  rankOpportunities,
  recommended,
  compareOpportunities,
  priorityOf,
  opportunityEstimate,
} from "./opportunities";
export type { Opportunity, OpportunitySource, Priority } from "./opportunities";
export {
  fiscalQuarterSpan,
  fiscalQuarterOf,
  shiftQuarter,
  lastCompletedQuarter,
  defaultQbrQuarter,
  defaultQbrQuarterNote,
  fiscalQuarterLabel,
  parseFiscalQuarter,
  isFiscalStartMonth,
  FISCAL_START_MESSAGE,
} from "./fiscal";
export type { FiscalQuarter, FiscalQuarterSpan } from "./fiscal";
export {
  ruleMetrics,
  associationRule,
  minePairRules,
  compareRules,
  TooManyRulesError,
} from "./affinity";
export type { RuleMetrics, PairRule } from "./affinity";
export { historyDates } from "./healthAt";
export * from "./types";
export {
  trackInitiatives,
  initiativeRollup,
  initiativeTypeOf,
  proposedInitiativeRows,
  skuRevenueIn,
} from "./initiatives";
export type {
  InitiativeProgress,
  InitiativeRollupRow,
  InitiativeTrack,
  ProposedInitiativeRow,
} from "./initiatives";
export { relationshipMapOf } from "./relationship";
export type { RelationshipMap, MultiSiteProposal } from "./relationship";
export { SiteLedger, siteFigures, siteStatusOf } from "./sites";
export type { SiteFigures, SiteStatus } from "./sites";
export { healthReport } from "./report";
export type { HealthReport, ReportPeriod, ReportFactor, WarningSign } from "./report";
export { factorBasis, factorSource, factorSourceText } from "./basis";
