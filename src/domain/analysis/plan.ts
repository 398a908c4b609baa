/**
 * The account plan (RULES.md §2.7; methodology Step 6): initiatives from the ranked opportunity
 * list, the product-line gap, sites, win-back, dormant products and upsell; next actions, risks,
 * SWOT and targets.
 *
 * Decisions:
 * - Quarterly targets = baseline/4 + uplift × QUARTER_TARGET_WEIGHTS[q] / Σ weights (rising,
 *   summing to the target); categories target = now + min(PLAN_NEW_CATEGORIES, max(1, whitespace
 *   gaps)); contacts target = now + one per DMU role with nobody in it.
 */
import { roundMoney, formatMoney, type MoneyLabel } from "../currency";
import {
  DEFAULT_GROWTH_TARGET,
  DMU_ROLES,
  PLAN_INITIATIVES,
  PLAN_NEW_CATEGORIES,
  QUARTER_TARGET_WEIGHTS,
} from "../rules";
import { requiredCoverage } from "../relationships";
import { UNCATEGORISED } from "../orderLines";
import { isMarkedLost } from "../winback";
import { dateText } from "../dateText";
import { edate } from "../dates";
import type { ContactRecord, EngagementEntry } from "../types";
import { lower } from "./accountScope";
import { initiativeTypeOf } from "./initiatives";
import {
  offerToCustomer,
  priorityOf,
  rankOpportunities,
  recommended,
  type Opportunity,
} from "./opportunities";
import type { RelationshipMap } from "./relationship";
import type {
  AccountAnalysis,
  Alert,
  AlertKind,
  AccountPlan,
  CompetitorDisplacement,
  CrossSellRecommendation,
  DormantProduct,
  PlanInitiative,
  ProductLineGap,
  RiskFlag,
  StakeholderCoverage,
  Upsell,
} from "./types";

/**
 * Quarterly revenue targets: each quarter gets a quarter of the baseline plus a rising share
 * of the uplift (weights QUARTER_TARGET_WEIGHTS), so the four add up to baseline × (1 + growth).
 */
export function quarterlyTargets(
  baseline: number,
  growth = DEFAULT_GROWTH_TARGET
): { quarter: 1 | 2 | 3 | 4; target: number }[] {
  const uplift = baseline * growth;
  const total = QUARTER_TARGET_WEIGHTS.reduce((a, b) => a + b, 0);
  return QUARTER_TARGET_WEIGHTS.map((w, i) => ({
    quarter: (i + 1) as 1 | 2 | 3 | 4,
    target: baseline / 4 + (uplift * w) / total,
  }));
}

/** The quarterly targets in money as written: each rounded to the minor unit, the last taking the rounding so the four add up to the rounded target. */
function writtenTargets(
  baseline: number,
  growth: number,
  currency: string | undefined
): { revenueTarget: number; quarterlyTargets: { quarter: 1 | 2 | 3 | 4; target: number }[] } {
  const revenueTarget = roundMoney(baseline * (1 + growth), currency);
  const q = quarterlyTargets(baseline, growth).map((x) => ({
    ...x,
    target: roundMoney(x.target, currency),
  }));
  q[3].target = roundMoney(revenueTarget - q[0].target - q[1].target - q[2].target, currency);
  return { revenueTarget, quarterlyTargets: q };
}

/**
 * The year a new account's targets grow from, or null. An account whose first order falls inside the
 * last 12 months has only part of a year in them: C0013 (a customer since 05/09/2026) had £3,490.07
 * in its 57 days, and +50% on that set its next 3 months at £1,047.02. Its revenue is scaled from its
 * days as a customer to the 12 months' days, counting the last 3 months' days at least (a first order
 * or two is not multiplied by 50). Not for an account in a win-back stage: its plan wins it back first.
 */
export function newAccountYear(
  account: Pick<AccountAnalysis, "health" | "revenueLast12" | "winBack">,
  currency?: string
): AccountPlan["newAccountYear"] {
  const i = account.health.inputs;
  if ((account.winBack?.stage ?? 0) > 0 || isMarkedLost(account.winBack)) return null;
  const yearStart = edate(i.date, -12);
  const first = i.firstOrderDate;
  if (first === null || first <= yearStart) return null;
  const days = i.date - first + 1;
  const counted = Math.max(days, i.date - edate(i.date, -3));
  const revenue = roundMoney(
    (Math.max(0, account.revenueLast12) * (i.date - yearStart)) / counted,
    currency
  );
  return { since: first, days, counted, revenue };
}

/** DMU roles held and missing among the contacts (role text matched by the DMU_ROLES words). */
export function stakeholderCoverage(contacts: readonly ContactRecord[]): StakeholderCoverage[] {
  return DMU_ROLES.map(({ role, synonyms }) => {
    const names = contacts
      .filter((c) => {
        const r = lower(c.role ?? "");
        if (!r) return false;
        if (r === lower(role)) return true;
        return synonyms.some((w) =>
          new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(r)
        );
      })
      .map((c) => c.name);
    return { role, held: names.length > 0, names };
  });
}

export function accountPlan(
  account: AccountAnalysis,
  x: {
    /** the account's ranked opportunity list; without it, one is made from crossSell and the whitespace gaps */
    opportunities?: Opportunity[];
    crossSell: CrossSellRecommendation[];
    dormantProducts: DormantProduct[];
    upsell: Upsell[];
    competitorDisplacement: CompetitorDisplacement[];
    contacts: ContactRecord[];
    categoriesNow: number;
    growthTarget?: number;
    /** how money figures in the plan's text are written: a prefix ("£"), or the culture's style */
    moneyPrefix: MoneyLabel;
    /** the largest product-line gap becomes a range-expansion initiative */
    productLineGaps?: ProductLineGap[];
    /** the relationship map: stakeholder coverage and the multi-site proposal */
    relationships?: Pick<RelationshipMap, "coverage" | "multiSite">;
    /** the account's currency: targets are rounded to its minor unit */
    currency?: string;
    /** the last engagement log entries, newest first */
    recentEngagement?: EngagementEntry[];
    /**
     * a lost account's net revenue in the 12 months to the month of its last order: its revenue to win back
     * (its last 12 months to the as-of hold only the months before it stopped)
     */
    winBackBaseline?: { revenue: number; to: number };
    /** the longest gap between two orders ending in the last 12 months, when long (LONG_ORDER_GAP_DAYS) */
    orderGap?: { from: number; to: number; days: number };
    /** net revenue in the last 3 months: the run rate a first quarter's target is held against */
    lastQuarterRevenue?: number;
    /** the workbook's culture: dates in the plan's text follow it; none: en-GB */
    culture?: string;
  }
): AccountPlan {
  const money = (v: number) => formatMoney(v, x.moneyPrefix);
  const baseline = Math.max(0, account.revenueLast12);
  // a lost account's plan is a win-back plan: no growth on revenue it no longer brings, no new
  // categories or upsell to sell it, only the exit interview and its own lines to win back
  const lost = isMarkedLost(account.winBack);
  const growth = lost ? 0 : (x.growthTarget ?? DEFAULT_GROWTH_TARGET);
  const winBackBaseline = lost ? (x.winBackBaseline ?? null) : null;
  const newYear = newAccountYear(account, x.currency);
  const targetsFrom = winBackBaseline
    ? Math.max(0, winBackBaseline.revenue)
    : (newYear?.revenue ?? baseline);
  const stakeholders = x.relationships?.coverage ?? requiredCoverage(x.contacts);
  const missing = stakeholders.filter((r) => !r.held);
  const initiatives: PlanInitiative[] = [];
  const add = (i: Omit<PlanInitiative, "type"> & { type?: PlanInitiative["type"] }) =>
    initiatives.push({ ...i, type: i.type ?? initiativeTypeOf(i.title) });
  const opportunities =
    x.opportunities ??
    rankOpportunities(
      x.crossSell.filter((c) => !c.curated),
      account.whitespace.gaps.map((g) => ({ ...g, priority: priorityOf(g.share) })),
      x.crossSell.filter((c) => c.curated),
      peerBasisText(account.whitespace.basis, account.whitespace.basisValue),
      undefined,
      undefined,
      account.whitespace.basis === "all" ? null : account.whitespace.comparableAccounts,
      { lineGaps: x.productLineGaps ?? [], upsell: x.upsell }
    );
  // the ranked list's High and Medium, whatever their kind (a category, a line's missing
  // variants, a premium alternative): one initiative each, its estimate the list's
  const top = lost ? [] : recommended(opportunities, PLAN_INITIATIVES);
  for (const o of top) add(initiativeOf(o));
  const ms = lost ? undefined : x.relationships?.multiSite;
  if (ms)
    add({
      title: "Multi-site expansion",
      // the estimate's basis beside it: a reader sizing the offer sees what it rests on
      detail: `${ms.message} ${ms.basis}`,
      estimate: ms.estimate,
      source: "sites",
      type: "Multi-site expansion",
      categories: [],
      skus: [],
    });
  if (account.winBack && account.winBack.stage > 0) {
    const w = account.winBack;
    const since =
      w.daysSinceLastOrder === null
        ? "No order in the data."
        : `${w.daysSinceLastOrder} days since the last order.`;
    const more =
      w.stage === 4
        ? ` Offer: ${w.offers.join("; ")}.`
        : w.stage === 5
          ? ` Ask: ${w.questions.join(" ")} ${w.learning ? `Learning recorded: ${w.learning}` : "Record the learning in the accounts table."}`
          : "";
    add({
      title: `Win back: ${w.name}`,
      detail: `${since} ${w.action}.${more}`,
      estimate: null,
      source: "win-back",
      type: "Win-back",
      categories: [],
      skus: [],
    });
  }
  // a lapsed category is one win-back entry of the ranked list with one value: its dormant
  // products are that entry's (tracked by its category), not "Recover" initiatives at their own
  // prior spend beside it
  const winBacks = new Map(
    opportunities.filter((o) => o.kind === "win-back").map((o) => [o.offer.toLowerCase(), o])
  );
  const lapsedEntries = new Set<Opportunity>();
  for (const d of x.dormantProducts.filter((p) => p.churnRisk === "High")) {
    const w = lost || !d.category ? undefined : winBacks.get(d.category.toLowerCase());
    if (w) {
      if (!top.includes(w)) lapsedEntries.add(w);
      continue;
    }
    add({
      title: `Recover ${d.name}`,
      detail: `No order for ${d.monthsSinceLastOrder} months; ${money(d.revenuePrior12)} in the prior 12 months.`,
      estimate: d.revenuePrior12,
      source: "dormant products",
      type: "Win-back",
      categories: [],
      skus: [d.sku],
    });
  }
  for (const w of lapsedEntries) add(initiativeOf(w));

  const nextActions: string[] = [];
  // An account in a win-back stage opens with its stage's action (methodology 000 Step 9.3: a
  // check-in at Stage 1 … the exit interview at Stage 5): that is what answers its silence, so the
  // regular-customer silence alert is not listed as an issue to "Resolve" above it (a lost
  // account's plan opened "Resolve: No order for 260 days from a regular customer …"). The
  // silence stays among the risk factors and the stage's "Why".
  const inWinBack = !!account.winBack && account.winBack.stage > 0;
  if (inWinBack) nextActions.push(account.winBack!.action);
  for (const a of account.alerts.filter((al) => al.severity === "Critical"))
    if (!(inWinBack && a.kind === "regularCustomerSilent"))
      nextActions.push(`Resolve: ${a.message}`);
  // the first initiative other than the win-back, whose action is listed just above (a lost
  // account's plan listed its exit interview twice). A lost account's others are its dormant
  // products: recovering them waits on the exit interview's "Would you consider us for future
  // needs?" (Step 9.3), so none is a next action before it.
  const firstNew = lost ? undefined : initiatives.find((i) => i.source !== "win-back");
  if (firstNew) nextActions.push(`${firstNew.title}: ${firstNew.detail}`);
  for (const r of [...missing]
    .sort((a, b) => PRIORITY_RANK[a.priority ?? "Low"] - PRIORITY_RANK[b.priority ?? "Low"])
    .slice(0, 2))
    nextActions.push(
      `Find and meet the ${r.role}: ${r.approaches[0] ?? "ask for an introduction"}.`
    );

  const gap = x.orderGap;
  const to12 = account.health.inputs.date;
  const gapInside = gap ? gap.to - Math.max(gap.from, edate(to12, -12)) : 0;
  const gapText = gap
    ? `A gap of ${monthsText(gap.days)} between orders (${gap.days} days, ${dateText(gap.from, x.culture)} to ${dateText(gap.to, x.culture)})${gapInside < gap.days ? `, ${gapInside} days of it` : ""} inside the 12 months to ${dateText(to12, x.culture)}.`
    : null;
  // a long gap in the 12 months is a cause of their fall: named first, where it explains the most
  const risks = [...(gapText ? [gapText] : []), ...riskFactors(account.riskFlags, account.alerts)];
  const written = writtenTargets(targetsFrom, growth, x.currency);
  const runRate = x.lastQuarterRevenue ?? 0;
  const q1 = written.quarterlyTargets[0]?.target ?? 0;
  // a first quarter's target below the last 3 months' spend says why (its 12 months' basis)
  const targetNote =
    !lost && runRate > q1
      ? `Quarter 1's target ${money(q1)} is below the last 3 months' ${money(runRate)}: the targets grow the ${newYear ? "year at its rate so far" : "12 months'"} ${money(targetsFrom)}${gap ? `, which hold a gap of ${monthsText(gap.days)} between orders (${dateText(gap.from, x.culture)} to ${dateText(gap.to, x.culture)})` : ""}; at the last 3 months' rate a year is ${money(roundMoney(runRate * 4, x.currency))}. Set the targets from that rate if it will hold.`
      : null;
  const categoriesTarget = lost
    ? x.categoriesNow
    : x.categoriesNow + Math.min(PLAN_NEW_CATEGORIES, Math.max(1, account.whitespace.gaps.length));
  const bought = account.categoriesLast12.filter((c) => c !== UNCATEGORISED);
  // lapsed: gone 45+ days without an order (win-back Stage 2 on, the risk flag's threshold)
  const lastOrder = account.health.inputs.lastOrderDate;
  const lapsed =
    !lost && (account.winBack?.stage ?? 0) >= 2 && lastOrder !== null
      ? { last: lastOrder, days: account.health.inputs.date - lastOrder }
      : null;
  return {
    lost,
    revenueBaseline: baseline,
    winBackBaseline,
    newAccountYear: newYear,
    growthTarget: growth,
    ...written,
    targetNote,
    categoriesNow: x.categoriesNow,
    categoriesTarget,
    contactsNow: x.contacts.length,
    contactsTarget: x.contacts.length + missing.length,
    initiatives,
    stakeholders,
    nextActions: [...new Set(nextActions)],
    risks,
    recentEngagement: x.recentEngagement ?? [],
    swot: {
      // "Uncategorised" holds the lines with no category (all of them when the data has none): no strength
      // a lost account bought them; it buys nothing now ("Buys 5 categories" beside "Status: Lost");
      // nor does a lapsed one (45+ days without an order): its SWOT says what it bought, and when it stopped
      strengths: bought.length
        ? [
            lost
              ? `Bought ${categoriesText(bought.length)} in the last 12 months, before it stopped ordering: ${bought.join(", ")}.`
              : lapsed
                ? `Bought ${categoriesText(bought.length)} in the 12 months to ${dateText(account.health.inputs.date, x.culture)}, none since its last order on ${dateText(lapsed.last, x.culture)}: ${bought.join(", ")}.`
                : `Buys ${categoriesText(bought.length)}: ${bought.join(", ")}.`,
          ]
        : [],
      weaknesses: account.riskFlags.map((r) => r.message),
      opportunities: [
        ...(lapsed && account.winBack
          ? [
              `Win the account back first (${account.winBack.name}, no order for ${lapsed.days} days): what it bought before comes back with its next order, and the new lines below follow it.`,
            ]
          : []),
        ...top.map((o) => `${offerToCustomer(o, true)}: ${o.rationale}`),
      ],
      threats: winBackBaseline
        ? [lostThreat(account.winBack!.learning, winBackBaseline, money, x.culture)]
        : [
            ...(lapsed
              ? [
                  `No order for ${lapsed.days} days: its ${money(baseline)} of the 12 months to ${dateText(account.health.inputs.date, x.culture)} may be going to another supplier now.`,
                ]
              : []),
            ...x.competitorDisplacement.map((c) => c.message),
          ],
    },
  };
}

/**
 * A lost account's threat: the supplier it moved to has all of it. "Lost to another supplier (the
 * accounts table: Moved to a national distributor on price): £10,069.88 in the 12 months to
 * 28/02/2026, the month of its last order, now goes elsewhere."
 */
function lostThreat(
  learning: string | null,
  baseline: { revenue: number; to: number },
  money: (v: number) => string,
  culture: string | undefined
): string {
  const why = learning ? ` (the accounts table: ${learning})` : "";
  return `Lost to another supplier${why}: ${money(baseline.revenue)} in the 12 months to ${dateText(baseline.to, culture)}, the month of its last order, now goes elsewhere.`;
}

const PRIORITY_RANK = { High: 0, Medium: 1, Low: 2 } as const;

const categoriesText = (n: number) => `${n} ${n === 1 ? "category" : "categories"}`;

/** A gap's length in whole months, as a reader says it: 276 days → "9 months". */
function monthsText(days: number): string {
  const m = Math.round(days / 30.44);
  return m <= 1 ? `${days} days` : `${m} months`;
}

/** The plan's initiative for one opportunity of the ranked list, by its kind. */
function initiativeOf(
  o: Opportunity
): Omit<PlanInitiative, "type"> & { type: PlanInitiative["type"] } {
  const common = {
    detail: o.rationale,
    estimate: o.annualEstimate,
    source: `opportunity ${o.rank} (${o.priority})`,
  };
  if (o.kind === "range" && o.lineGap)
    return {
      ...common,
      title: `Complete the ${o.lineGap.productLine} range`,
      type: "Range expansion",
      categories: [],
      skus: o.lineGap.variants.filter((v) => !v.bought && !v.lapsed).map((v) => v.sku),
    };
  if (o.kind === "upsell" && o.upsell)
    return {
      ...common,
      title: `Upgrade ${o.upsell.currentName}`,
      type: "Upsell",
      categories: [],
      skus: [o.upsell.premiumSku],
    };
  if (o.kind === "win-back")
    return {
      ...common,
      title: `Win back ${o.offer}`,
      type: "Win-back",
      categories: [o.offer],
      skus: [],
    };
  // a product of a category it buys (a product rule alone speaks for it)
  if (o.rule?.level === "sku" && o.rule.sku !== undefined && !o.peers)
    return {
      ...common,
      title: `Introduce ${o.offer}`,
      type: "Range expansion",
      categories: [],
      skus: [o.rule.sku],
    };
  return {
    ...common,
    title: `Introduce ${o.offer}`,
    type: "New category",
    categories: [o.offer],
    skus: [],
  };
}

/** Words for the comparable group in a rationale: "comparable Plumber accounts", "Gold-tier accounts", "other accounts". */
export function peerBasisText(basis: "industry" | "tier" | "all", value: string): string {
  return basis === "industry"
    ? `comparable ${value} accounts`
    : basis === "tier"
      ? NAMED_TIERS.has(value)
        ? `${value}-tier accounts`
        : // the user's own label ("A") is never read as KAP's ABC tier ("A tier")
          `accounts of your tier "${value}"`
      : "other accounts";
}

/** The four tiers KAP names (PRODUCT.md §1); any other label is the user's own. */
const NAMED_TIERS: ReadonlySet<string> = new Set(["Platinum", "Gold", "Silver", "Bronze"]);

/** The alerts that say the account has not ordered: the "no recent order" risk flag's fact. */
const SILENCE_ALERTS: ReadonlySet<AlertKind> = new Set(["regularCustomerSilent", "noOrder30Days"]);

/**
 * The plan's risk factors: the risk flags, then the Critical and Warning alerts, each fact once.
 * The "no recent order" flag and the silence alerts state the same days without an order ("No
 * order for 260 days (flag at 45+)" beside "No order for 260 days from a regular customer …"):
 * the flag stands, in the regular-customer alert's words when there is one (they say more).
 */
export function riskFactors(flags: readonly RiskFlag[], alerts: readonly Alert[]): string[] {
  const silent = flags.some((r) => r.kind === "noRecentOrder");
  const regular = alerts.find((a) => a.kind === "regularCustomerSilent");
  return [
    ...flags.map((r) => (r.kind === "noRecentOrder" && regular ? regular.message : r.message)),
    ...alerts
      .filter((a) => a.severity !== "Opportunity" && !(silent && SILENCE_ALERTS.has(a.kind)))
      .map((a) => a.message),
  ];
}
