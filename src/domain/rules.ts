/**
 * Every table of RULES.md §2 written once, as data. Faces (functions, sheets, task pane,
 * CLI) read these; nothing else restates a threshold.
 */
import type { HealthBand } from "./types";

export const FACTORS = [
  "recency",
  "frequency",
  "revenue",
  "diversity",
  "engagement",
  "payment",
] as const;
export type Factor = (typeof FACTORS)[number];

export const FACTOR_LABELS: Record<Factor, string> = {
  recency: "Recency",
  frequency: "Frequency",
  revenue: "Revenue",
  diversity: "Diversity",
  engagement: "Engagement",
  payment: "Payment",
};

/** Default weights in percent (RULES.md §2.1). */
export const DEFAULT_WEIGHTS: Readonly<Record<Factor, number>> = {
  recency: 25,
  frequency: 20,
  revenue: 20,
  diversity: 15,
  engagement: 10,
  payment: 10,
};

/**
 * A banded table: the first row whose `min` the value reaches (rows in descending order)
 * gives the score. Inputs are whole numbers (already rounded), so every integer is covered.
 */
export interface Step {
  min: number;
  score: number;
  label: string;
}

/** Recency: whole days since last order; lower is better, so `max` bounds. */
export const RECENCY_STEPS: readonly { max: number; score: number; label: string }[] = [
  { max: 7, score: 5, label: "0–7 days" },
  { max: 14, score: 4, label: "8–14 days" },
  { max: 30, score: 3, label: "15–30 days" },
  { max: 60, score: 2, label: "31–60 days" },
  { max: Infinity, score: 1, label: "61+ days or never" },
];

/** Frequency: % change in orders, last quarter vs previous quarter. */
export const FREQUENCY_STEPS: readonly Step[] = [
  { min: 20, score: 5, label: "+20% or more" },
  { min: 5, score: 4, label: "+5% to +19%" },
  { min: -5, score: 3, label: "−5% to +4%" },
  { min: -25, score: 2, label: "−25% to −6%" },
  { min: -Infinity, score: 1, label: "−26% or worse" },
];

/** Revenue: % change, last 12 months vs prior 12 months. */
export const REVENUE_STEPS: readonly Step[] = [
  { min: 20, score: 5, label: "+20% or more" },
  { min: 10, score: 4, label: "+10% to +19%" },
  { min: -10, score: 3, label: "−10% to +9%" },
  { min: -30, score: 2, label: "−30% to −11%" },
  { min: -Infinity, score: 1, label: "−31% or worse" },
];

/** Diversity: categories bought in the last 12 months (1 category scores 2 only with several products). */
export const DIVERSITY_STEPS: readonly Step[] = [
  { min: 6, score: 5, label: "6+ categories" },
  { min: 4, score: 4, label: "4–5 categories" },
  { min: 2, score: 3, label: "2–3 categories" },
  { min: 1, score: 2, label: "1 category (several products)" },
  { min: -Infinity, score: 1, label: "one product only, or none" },
];

/** Payment: average days paid beyond terms (rounded to whole days); lower is better. */
export const PAYMENT_STEPS: readonly { max: number; score: number; label: string }[] = [
  { max: -1, score: 5, label: "early" },
  { max: 0, score: 4, label: "on time" },
  { max: 7, score: 3, label: "1–7 days late" },
  { max: 30, score: 2, label: "8–30 days late" },
  { max: Infinity, score: 1, label: "31+ days late" },
];

/**
 * Engagement from an engagement log (RULES.md §2.1), over the contacts of the last
 * `windowDays` days: with fewer than `minOutbound` outbound contacts and no inbound one the
 * log is too thin (the accounts table's value is used, else n/a). Score 1 when
 * `unansweredShare` or more of the outreach older than `unansweredAfterDays` days has no
 * response; otherwise the median response time picks the row of ENGAGEMENT_RESPONSE_STEPS.
 */
export const ENGAGEMENT_LOG = {
  windowDays: 90,
  minOutbound: 3,
  unansweredAfterDays: 14,
  unansweredShare: 0.5,
} as const;

/**
 * Median response time (hours, at most `maxHours`) → score. A median within the first row
 * scores 5 instead when the customer also reached out (an inbound contact in the window).
 */
export const ENGAGEMENT_RESPONSE_STEPS: readonly {
  maxHours: number;
  score: number;
  label: string;
}[] = [
  { maxHours: 24, score: 4, label: "answers within 24 hours" },
  { maxHours: 72, score: 3, label: "answers within 3 days" },
  { maxHours: Infinity, score: 2, label: "answers eventually" },
];
export const ENGAGEMENT_PROACTIVE = {
  score: 5,
  label: "reaches out and answers within a day",
} as const;

/**
 * Words in an engagement log's follow-up, topic or type that mean the contact failed (the
 * methodology's "Contact email bounced" Warning alert), compared in lower case.
 */
export const CONTACT_FAILED_WORDS: readonly string[] = [
  "bounced",
  "bounce",
  "undeliverable",
  "undelivered",
  "delivery failed",
  "no answer",
  "no reply",
  "no response",
  "not responding",
  "unanswered",
  "voicemail",
  "left message",
  "wrong number",
  "number not recognised",
  "left the company",
  "no longer with",
];

/** How many log entries the account plan's "Recent engagement" lists. */
export const RECENT_ENGAGEMENT = 5;

/** Payment from a payments ledger (RULES.md §2.1, §2.4): invoices due in the last `windowMonths` months; the risk flag compares quarters. */
export const PAYMENT_LEDGER = {
  windowMonths: 12,
  /** "late payments increasing": last quarter's mean days late at least this many days above the previous quarter's */
  risingDays: 3,
} as const;

/** Engagement labels (any sensible spelling resolves to one of these by the engagement parser). */
export const ENGAGEMENT_LEVELS: readonly {
  score: number;
  label: string;
  synonyms: readonly string[];
}[] = [
  {
    score: 5,
    label: "Proactively reaches out",
    synonyms: ["proactive", "proactively reaches out", "reaches out", "proactively", "initiates"],
  },
  {
    score: 4,
    label: "Responds within 24 hours",
    synonyms: [
      "responds < 24 h",
      "responds <24h",
      "responds within 24 hours",
      "within 24 hours",
      "< 24 h",
      "<24h",
      "24h",
      "24 hours",
      "same day",
      "responds within a day",
      "fast",
    ],
  },
  {
    score: 3,
    label: "Responds within 3 days",
    synonyms: [
      "responds < 3 days",
      "responds <3 days",
      "responds within 3 days",
      "within 3 days",
      "< 3 days",
      "<3 days",
      "3 days",
      "few days",
    ],
  },
  {
    score: 2,
    label: "Responds eventually",
    synonyms: ["eventually", "responds eventually", "slow", "slowly"],
  },
  {
    score: 1,
    label: "Rarely or never responds",
    synonyms: [
      "rarely",
      "never",
      "rarely / never",
      "rarely/never",
      "rarely or never",
      "rarely never",
      "no response",
      "unresponsive",
      "none",
    ],
  },
];

/** Health bands on the score rounded to 2 decimals (RULES.md §2.1). */
export const BANDS: readonly { min: number; band: HealthBand; action: string }[] = [
  { min: 4, band: "Healthy", action: "Focus on expansion" },
  { min: 3, band: "Stable", action: "Identify growth opportunities" },
  { min: 2, band: "At Risk", action: "Immediate outreach" },
  { min: -Infinity, band: "Critical", action: "Escalate to management" },
];

export type Quadrant = "Key" | "Maintenance" | "Growth Potential" | "Service";

/** Engagement × potential (methodology 004). */
export const QUADRANTS: Readonly<
  Record<"hh" | "hl" | "lh" | "ll", { quadrant: Quadrant; approach: string }>
> = {
  hh: { quadrant: "Key", approach: "Invest: joint planning, senior contact, QBRs" },
  hl: { quadrant: "Maintenance", approach: "Keep serving efficiently; protect the relationship" },
  lh: { quadrant: "Growth Potential", approach: "Build the relationship to unlock the potential" },
  ll: { quadrant: "Service", approach: "Serve through low-cost channels" },
};

/** Default cut for 1–5 scales: high means ≥ 3. */
export const DEFAULT_SCALE_CUT = 3;

/** Bulk order incentive tiers (methodology 000, Step 8 / RULES.md §2.9). */
export const DISCOUNT_TIERS: readonly { min: number; rate: number; label: string }[] = [
  { min: 2500, rate: 0.1, label: "£2,500+" },
  { min: 1000, rate: 0.08, label: "£1,000–2,499" },
  { min: 500, rate: 0.05, label: "£500–999" },
  { min: 250, rate: 0.03, label: "£250–499" },
];

export interface WinBackStage {
  stage: 0 | 1 | 2 | 3 | 4 | 5;
  /** Days since the last order from which the stage applies (Stage 5 has none: it is set by the accounts table). */
  minDays: number;
  name: string;
  action: string;
  script: string;
  /** Stage 4: the recovery offers to choose from. */
  offers?: readonly string[];
  /** Stage 5: the exit-interview questions. */
  questions?: readonly string[];
}

/**
 * Win-back stages by days since last order (methodology 000, Step 9.3; RULES.md §2.4):
 * 30–44 Stage 1, 45–59 Stage 2, 60–89 Stage 3, 90+ Stage 4. Stage 4's offers and Stage 5's
 * questions are the methodology's; the scripts of Stages 4 and 5 are ours (it gives none).
 */
export const WINBACK_STAGES: readonly WinBackStage[] = [
  {
    stage: 4,
    minDays: 90,
    name: "Stage 4 – Recovery offer",
    action:
      "Recovery offer: one-time 20% discount, free delivery for 3 months, samples of new lines, extended credit terms",
    script:
      "We'd really like to have you back. For your next order I can offer a one-time 20% discount, free delivery for three months, samples of our new lines and extended credit terms. Shall I put an order together with you?",
    offers: [
      "One-time 20% discount on the next order",
      "Free delivery for 3 months",
      "Product samples for new lines",
      "Extended credit terms",
    ],
  },
  {
    stage: 3,
    minDays: 60,
    name: "Stage 3 – Critical",
    action: "Manager escalation + special offer",
    script:
      "I've asked our Sales Manager to reach out. We value your business and want to make sure we're meeting your needs. Can we schedule a call to discuss?",
  },
  {
    stage: 2,
    minDays: 45,
    name: "Stage 2 – Active concern",
    action: "Direct call with value offer",
    script:
      "We've missed you! I wanted to reach out personally. Is everything okay? I'd love to help you with your next order - I can offer [incentive].",
  },
  {
    stage: 1,
    minDays: 30,
    name: "Stage 1 – Early warning",
    action: "Friendly check-in call/email",
    script:
      "Hi [Name], noticed it's been a few weeks since your last order. Just checking in - is there anything you need? Any issues we should know about?",
  },
  { stage: 0, minDays: -Infinity, name: "None", action: "No win-back needed", script: "" },
];

/** Stage 5: the account is marked lost or churned in the accounts table (methodology 000, Step 9.3). */
export const WINBACK_EXIT_STAGE: WinBackStage = {
  stage: 5,
  minDays: Infinity,
  name: "Stage 5 – Exit interview",
  action:
    "Exit interview: ask why they changed supplier and record the learning for other accounts",
  script:
    "Thank you for the business we've done together. So we can learn from it, may I ask you three quick questions?",
  questions: [
    "What made you change suppliers?",
    "What could we have done differently?",
    "Would you consider us for future needs?",
  ],
};

/** Where a lost account's learning is recorded: the accounts table's column for it. */
export const LEARNING_COLUMN = "Lost Reason";

/** Pareto (ABC) cuts on cumulative share of 12-month revenue. */
export const ABC_CUTS = { A: 0.8, B: 0.95 } as const;

/** Risk-flag and alert thresholds (RULES.md §2.4). */
export const RISK = {
  noOrderDays: 45,
  aovDropShare: 0.2,
  switchedCategoryShare: 0.1,
  lowEngagement: 2,
} as const;

/** The six warning signs of methodology 000 Step 1.3, in its order, with its action for each. */
export const WARNING_SIGNS: readonly { sign: string; action: string }[] = [
  { sign: "No order in 45+ days", action: "Immediate outreach" },
  { sign: "Order value down >20%", action: "Price/product review" },
  { sign: "Switched product categories", action: "Investigate competitor" },
  { sign: "Late payments increasing", action: "Credit review" },
  { sign: "Contact not responding", action: "Find new contact" },
  { sign: "Complaints/returns increasing", action: "Quality review" },
];

export const ALERTS = {
  criticalNoOrderDays: 45,
  regularCustomerMedianGapDays: 30,
  criticalLastOrderShare: 0.5,
  warningNoOrderDays: 30,
  warningLastOrderShare: 0.75,
  recentDays: 30,
  latePaymentDays: 7,
  opportunityLastOrderShare: 1.5,
} as const;

/** Top products are overdue past this multiple of their reorder period. */
export const OVERDUE_MULTIPLE = 1.5;

/** Dormant products: churn risk by months since last order. */
export const DORMANT = { dropShare: 0.5, highMonths: 7, mediumMonths: 4 } as const;

/** Cross-sell rules need at least this many supporting accounts. */
export const MIN_RULE_SUPPORT_ACCOUNTS = 3;

/** Account plan default revenue growth target. */
export const DEFAULT_GROWTH_TARGET = 0.5;

/** Built-in industry cross-sell matrix (methodology 000, Appendix C). */
export const INDUSTRY_MATRIX: readonly {
  industry: string;
  primary: readonly string[];
  targets: readonly string[];
}[] = [
  {
    industry: "Electrical Contractor",
    primary: ["Cable Ties", "Electrical"],
    targets: ["Hand Tools", "Power Tools", "Test Equipment", "Safety & PPE"],
  },
  {
    industry: "Plumber",
    primary: ["Fixings", "Sealants"],
    targets: ["Hand Tools", "Fittings", "Safety & PPE"],
  },
  {
    industry: "General Builder",
    primary: ["Fixings", "Screws"],
    targets: ["Hand Tools", "Power Tools", "Safety & PPE", "Consumables"],
  },
  {
    industry: "Facilities Management",
    primary: ["Consumables", "Safety & PPE"],
    targets: ["Maintenance", "Cleaning", "Lighting"],
  },
  {
    industry: "Manufacturing",
    primary: ["Consumables"],
    targets: ["Packaging", "Storage", "Safety & PPE", "Hand Tools"],
  },
];

/** Built-in product-level cross-sell pairs (methodology 000, Step 3). */
export const PRODUCT_MATRIX: readonly {
  theyBuy: string;
  considerSelling: string;
  rationale: string;
  priority: "High" | "Medium" | "Low";
}[] = [
  {
    theyBuy: "Cable Ties",
    considerSelling: "Cable Tie Gun",
    rationale: "Increases efficiency",
    priority: "High",
  },
  {
    theyBuy: "Cable Ties",
    considerSelling: "Cable Clips",
    rationale: "Complementary",
    priority: "Medium",
  },
  {
    theyBuy: "Cable Ties",
    considerSelling: "Spiral Wrap",
    rationale: "Alternative cable management",
    priority: "Medium",
  },
  {
    theyBuy: "Wood Screws",
    considerSelling: "Screw Bit Sets",
    rationale: "Required for use",
    priority: "High",
  },
  {
    theyBuy: "Wood Screws",
    considerSelling: "Countersink Bits",
    rationale: "Common pairing",
    priority: "High",
  },
  {
    theyBuy: "Hand Tools",
    considerSelling: "Tool Bags/Cases",
    rationale: "Storage need",
    priority: "Medium",
  },
  {
    theyBuy: "Electrical",
    considerSelling: "Cable Cutters",
    rationale: "Required tool",
    priority: "High",
  },
  {
    theyBuy: "Electrical",
    considerSelling: "Insulation Tape",
    rationale: "Consumable need",
    priority: "High",
  },
];

/* ---- Analytics engine choices (src/domain/analysis), written once here. ---- */

/** A comparable group (same industry, else same tier) is used only with at least this many other accounts; else the next wider group. */
export const MIN_COMPARABLE_ACCOUNTS = 3;

/** "Comparable accounts buy" a category when at least this share of the comparable group bought it in the last 12 months. */
export const CATEGORY_ADOPTION_SHARE = 0.5;

/** Competitor displacement: a category at least this share of same-industry accounts buy. */
export const COMPETITOR_DISPLACEMENT_SHARE = 0.5;

/** Priority of a category not bought, by the share of comparable accounts that buy it. */
export const NOT_BOUGHT_PRIORITY = { high: 0.5, medium: 0.25 } as const;

/** How many rows the top-products and focus-accounts lists show. */
export const TOP_PRODUCTS = 10;
export const FOCUS_ACCOUNTS = 10;
/**
 * The focus list's rows for each of Critical and At Risk (half of FOCUS_ACCOUNTS): the many
 * Critical accounts are often small and the At Risk ones large, so each band has its rows; a band
 * with fewer accounts leaves the rest to the other.
 */
export const FOCUS_PER_BAND = FOCUS_ACCOUNTS / 2;
export const QBR_TOP_PRODUCTS = 5;
export const QBR_RECOMMENDATIONS = { min: 3, max: 5 } as const;

/** Quarterly revenue targets: the growth uplift is spread over the four quarters in these proportions (rising). */
export const QUARTER_TARGET_WEIGHTS = [1, 2, 3, 4] as const;

/**
 * Auto-replenishment candidate ("regular reorder period"): at least this many distinct order dates
 * and gaps between them whose coefficient of variation (SD ÷ mean) is at most maxGapCv.
 */
export const REPLENISHMENT = { minOrders: 4, maxGapCv: 0.5 } as const;

/** Decision-making-unit roles an account plan checks coverage of (RULES.md §2.3), with the words that map a contact's role to each. */
export const DMU_ROLES: readonly { role: string; synonyms: readonly string[] }[] = [
  {
    role: "Economic Buyer",
    synonyms: [
      "economic",
      "owner",
      "md",
      "managing director",
      "director",
      "ceo",
      "general manager",
      "budget",
    ],
  },
  {
    role: "Technical Buyer",
    synonyms: ["technical", "engineer", "operations", "specifier", "quality"],
  },
  { role: "User", synonyms: ["user", "site", "supervisor", "foreman", "installer", "technician"] },
  { role: "Purchaser", synonyms: ["purchas", "procure", "buyer", "buying", "order"] },
  { role: "Finance", synonyms: ["finance", "accounts", "payable", "credit controller"] },
  { role: "Legal", synonyms: ["legal", "contract", "compliance"] },
];

/* ---- How scored inputs are written as text in cells (sheets write them, KAP.HEALTH reads them). ---- */

/** Diversity input for an account with one category and a single product (scores 1, not 2). */
export const ONE_PRODUCT_TEXT = "1 (one product)";

/** Diversity input when the data has no categories (no category column, no catalog): the factor is left out. */
export const NO_CATEGORIES_TEXT = "n/a";

/** % change inputs that are not a number: too little history (n/a), lapsed and back (+∞), both periods empty. */
export const CHANGE_TEXT = { na: "new", inf: "lapsed", none: "none" } as const;

/** Account plan: new categories to aim for in 12 months (fewer when the whitespace has fewer gaps, at least one). */
export const PLAN_NEW_CATEGORIES = 2;

/** Account plan: how many cross-sell results become initiatives. */
export const PLAN_INITIATIVES = 3;

/**
 * A data rule X → Y is a recommendation only when buying X makes Y meaningfully more likely than
 * the base rate: lift at least this (and at least MIN_RULE_SUPPORT_ACCOUNTS accounts buying both).
 */
export const MIN_RECOMMENDATION_LIFT = 1.2;

/**
 * Priority of an opportunity (one ranked list per account, RULES.md §2.10) by its likelihood —
 * the larger of the best qualifying rule's confidence and the share of comparable accounts buying
 * it: High from `high`, Medium from `medium`, else Low. Evidence from fewer than
 * MIN_RULE_SUPPORT_ACCOUNTS supporting accounts is Low; built-in curated rules without data are
 * at most `curatedCap`. The QBR and the account plan take High and Medium opportunities only.
 */
export const OPPORTUNITY_PRIORITY = { high: 0.5, medium: 0.25, curatedCap: "Medium" } as const;

/**
 * An upsell is a switch of a product the account buys to its premium alternative: what it adds a
 * year is at most this multiple of the account's own 12-month spend on the product it replaces
 * (a premium priced at +196% does not triple a line's budget; methodology 000 §3.3 sizes upsell by
 * the price difference on current purchases and names premiums of +25% to +100%).
 */
export const UPSELL_MAX_OF_OWN_SPEND = 1;

/* ---- Relationship map (methodology 000 Step 4, 001's decision-mapping tool). ---- */

/**
 * Influence levels (methodology 000 Step 4.1) on the contacts table's 1–5 influence (words
 * "Very High", "High", "Medium", "Low" read as 5, 4, 3, 2): 5 Very High, 4 High, 3 Medium, 1–2 Low.
 * `rank` is the level's place on the map's influence axis (1 Low … 4 Very High).
 */
export const INFLUENCE_LEVELS: readonly {
  level: "Very High" | "High" | "Medium" | "Low";
  min: number;
  rank: 1 | 2 | 3 | 4;
  meaning: string;
}[] = [
  { level: "Very High", min: 5, rank: 4, meaning: "Makes final decisions" },
  { level: "High", min: 4, rank: 3, meaning: "Recommends and influences" },
  { level: "Medium", min: 3, rank: 2, meaning: "Inputs to decisions" },
  { level: "Low", min: -Infinity, rank: 1, meaning: "Administrative only" },
];

/**
 * Feeling about us on a 1–5 scale (5 best), with the words that name each point. Numbers in the
 * contacts table are read on −2..+2 (add 3) or 1–5, decided for the whole table (see feelingScale).
 */
export const FEELING_LEVELS: readonly {
  score: 1 | 2 | 3 | 4 | 5;
  label: string;
  synonyms: readonly string[];
}[] = [
  {
    score: 5,
    label: "Champion",
    synonyms: [
      "champion",
      "advocate",
      "promoter",
      "very positive",
      "strong supporter",
      "fan",
      "loyal",
      "excellent",
    ],
  },
  {
    score: 4,
    label: "Supportive",
    synonyms: [
      "supportive",
      "supporter",
      "positive",
      "favourable",
      "favorable",
      "friendly",
      "warm",
      "good",
      "likes us",
    ],
  },
  {
    score: 3,
    label: "Neutral",
    synonyms: ["neutral", "indifferent", "mixed", "ok", "okay", "undecided", "unknown feeling"],
  },
  {
    score: 2,
    label: "Sceptical",
    synonyms: [
      "sceptical",
      "skeptical",
      "negative",
      "cool",
      "cautious",
      "doubtful",
      "unhappy",
      "detractor",
      "poor",
    ],
  },
  {
    score: 1,
    label: "Opposed",
    synonyms: [
      "opposed",
      "hostile",
      "very negative",
      "blocker",
      "against us",
      "against",
      "enemy",
      "antagonistic",
      "angry",
    ],
  },
];

/** Decision map (influence against feeling): where a contact sits, and what to do about it (methodology 001: actions from the decision-mapping tool). */
export const DECISION_MAP = {
  /** influence rank at or above this is high (High, Very High) */
  highInfluenceRank: 3,
  /** feeling at or above this is for us (Supportive, Champion); at or below `againstFeeling` against us */
  forFeeling: 4,
  againstFeeling: 2,
  positions: {
    sponsor: {
      label: "Sponsor",
      action: "Keep close; ask for introductions to the roles we miss.",
    },
    toWin: {
      label: "Decision maker to win",
      action: "Priority: learn their concerns; meet them with your manager.",
    },
    blocker: {
      label: "Blocker",
      action: "Urgent: find out why; meet face to face with a senior manager.",
    },
    ally: { label: "Ally", action: "Ask for introductions and how decisions are made." },
    watch: { label: "Watch", action: "Keep informed; fix any issue they raise quickly." },
  },
} as const;

export type StakeholderPriority = "High" | "Medium" | "Low";

/**
 * Required stakeholder coverage for B2B penetration (methodology 000 Step 4.2) with the priority
 * to obtain each and the ways to reach it (Step 4.3; "{contact}" is the account's main contact).
 * Priorities: the methodology's example for Owner/MD (High), Operations (Medium), Site
 * supervisors (High) and End users (Medium); Purchasing (High) and Finance (Low) are ours, as
 * the example holds them. A contact's role text is matched by the words below, in this order
 * (the first role that matches takes the contact, so "Economic Buyer" is the Owner/MD, not Purchasing).
 */
export const REQUIRED_STAKEHOLDERS: readonly {
  role: string;
  priority: StakeholderPriority;
  match: RegExp;
  approaches: readonly string[];
}[] = [
  {
    role: "Owner/MD",
    priority: "High",
    match:
      /\b(owner|md|managing director|ceo|chief executive|proprietor|principal|partner|general manager|economic buyer)\b|^\s*(company )?director\s*$/i,
    approaches: [
      "Request a meeting through {contact}",
      "Invite to a customer appreciation event",
      "Send direct mail (annual review offer)",
      "Follow on LinkedIn with a personalised note",
    ],
  },
  {
    role: "Operations Manager",
    priority: "Medium",
    match:
      /\b(operations?|ops|technical buyer|technical|engineer(ing)?|production|works manager|plant manager|facilities|contracts manager|project manager|specifier)\b/i,
    approaches: [
      "Ask {contact} for an introduction",
      "Offer a stock and replenishment review",
      "Invite to a product demonstration day",
      "Connect on LinkedIn",
    ],
  },
  {
    role: "Site Supervisor(s)",
    priority: "High",
    match:
      /\b(site|supervisor|foreman|forewoman|charge ?hand|branch manager|depot manager|yard manager|store manager)\b/i,
    approaches: [
      "Ask {contact} for an introduction",
      "Call the main line and ask for the site or department",
      "Connect on LinkedIn",
      "Visit the site during a delivery",
    ],
  },
  {
    role: "Finance/Accounts",
    priority: "Low",
    match:
      /\b(finance|financial|accounts?|payable|credit control(ler)?|bookkeeper|controller|cfo|fd)\b/i,
    approaches: [
      "Ask for the accounts payable contact with the next statement",
      "Offer consolidated monthly invoicing",
      "Offer the early-payment discount (2% within 7 days)",
    ],
  },
  {
    role: "Purchasing Manager",
    priority: "High",
    match:
      /\b(purchas\w*|procure\w*|buyer|buying|orders?|supply chain|stores|materials manager)\b/i,
    approaches: [
      "Ask {contact} who places orders and approves suppliers",
      "Check the order lines' 'ordered by' names",
      "Call the main line and ask for purchasing",
      "Offer a trade account review",
    ],
  },
  {
    role: "End Users",
    priority: "Medium",
    match:
      /\b(user|end user|installer|technician|electrician|plumber|operative|fitter|tradesman|tradesperson|engineer on site|apprentice|team)\b/i,
    approaches: [
      "Visit the site during a delivery",
      "Run a product demonstration or tool trial on site",
      "Send samples with a feedback card",
      "Ask the site supervisor which products the team prefers",
    ],
  },
];

/** The order the coverage is shown in: methodology 000 Step 4.2's table. */
export const STAKEHOLDER_DISPLAY_ORDER: readonly string[] = [
  "Owner/MD",
  "Purchasing Manager",
  "Finance/Accounts",
  "Operations Manager",
  "Site Supervisor(s)",
  "End Users",
];

/**
 * A gap of this many days or more between two orders, ending in the last 12 months, is named as a
 * cause of their fall (win-back Stage 4 starts at 90 days without an order).
 */
export const LONG_ORDER_GAP_DAYS = 90;

/** A site that has ordered before but not in this many days has gone silent. */
export const SITE_SILENT_DAYS = 90;

/* ---- Initiatives (RULES.md §2.7a, methodology 000 Steps 6.2 and 8.4). ---- */

export type InitiativeType =
  | "New category"
  | "Range expansion"
  | "Multi-site expansion"
  | "Win-back"
  | "Upsell"
  | "QBR programme"
  | "Agreement"
  | "Other";

/**
 * Initiative types, in the order an initiative's words are tried (its Type column first, then its
 * name): the kinds of methodology 000 Step 6.2 (category entry, range expansion, multi-site, QBR
 * programme, preferred supplier agreement) plus win-back and upsell.
 */
export const INITIATIVE_TYPES: readonly {
  type: Exclude<InitiativeType, "Other">;
  match: RegExp;
}[] = [
  {
    type: "Multi-site expansion",
    match: /multi[\s-]*site|site expansion|new sites?|other sites|branches/i,
  },
  { type: "Win-back", match: /win[\s-]*back|recover|reactivat|re-?engage/i },
  { type: "Upsell", match: /upsell|up-sell|upgrade|premium/i },
  { type: "Range expansion", match: /range|variants?|full line|product line|complete the/i },
  { type: "QBR programme", match: /\bqbr|business review/i },
  { type: "Agreement", match: /agreement|preferred supplier|rebate|contract/i },
  {
    type: "New category",
    match: /introduce|new categor|category|entry|cross[\s-]*sell|conver(t|sion)|consumables/i,
  },
];

/** How long a proposed initiative runs, by type, in months from the day after the as-of date (methodology 000 Step 6.2's timelines). */
export const PROPOSAL_MONTHS: Readonly<Record<InitiativeType, number>> = {
  "New category": 4,
  "Range expansion": 3,
  "Multi-site expansion": 6,
  "Win-back": 3,
  Upsell: 3,
  "QBR programme": 12,
  Agreement: 12,
  Other: 3,
};

/* ---- Objection handling and competitive intelligence (methodology 000 Appendix D and Step 5). ---- */

/** Objection handling (methodology 000, Appendix D). */
export const OBJECTION_RESPONSES: readonly { objection: string; response: string }[] = [
  {
    objection: '"We have a supplier for that"',
    response:
      '"I understand. Would you be open to comparing? We might be able to offer better value or service."',
  },
  {
    objection: '"Your prices are too high"',
    response:
      "\"Let's look at total cost including delivery, service, and time. Often we're more competitive than it appears.\"",
  },
  {
    objection: '"We\'re not interested"',
    response:
      '"Completely understand. Can I ask what would need to change for you to consider us?"',
  },
  {
    objection: '"Call back another time"',
    response:
      '"Of course. When specifically would work? And is there anything I can send over in the meantime?"',
  },
  {
    objection: '"We\'re happy with current supplier"',
    response:
      '"That\'s great to hear. Many of our best customers said the same before trying us. Would a small trial be worth exploring?"',
  },
];

/** Competitive intelligence: the questions to ask, by topic (methodology 000, Step 5.1). "[category]" is filled in by the sheets. */
export const COMPETITIVE_QUESTIONS: readonly { topic: string; questions: readonly string[] }[] = [
  {
    topic: "Product gaps",
    questions: [
      "Are there any products you need that we don't currently supply?",
      "What else do you typically order for your projects?",
    ],
  },
  {
    topic: "Competitor intel",
    questions: [
      "Who else do you work with for [category]?",
      "What do you like about working with them?",
      "Is there anything you wish was different about your current suppliers?",
    ],
  },
  {
    topic: "Service gaps",
    questions: [
      "How could we make your ordering easier?",
      "What's most important to you - price, speed, or service?",
    ],
  },
  {
    topic: "Decision process",
    questions: [
      "When you're choosing a supplier, what matters most?",
      "Who else is involved in purchasing decisions?",
    ],
  },
];

/** The competitor table to fill in for each competitor found (methodology 000, Step 5.3). */
export const COMPETITOR_TABLE_HEADERS = [
  "Competitor",
  "What they supply",
  "Strengths",
  "Weaknesses",
  "Our strategy",
] as const;
