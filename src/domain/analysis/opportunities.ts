/**
 * One ranked opportunity list per account (RULES.md §2.10): every "what to sell them next" the
 * data or the curated rules suggest, merged per offered item and ranked once, so the Breakdown,
 * the Cross-sell sheet, the account plan and the QBR show the same items in the same order with
 * the same priority.
 *
 * Evidence for an item Y the account does not buy (last 12 months):
 * - a data rule X → Y (X bought): kept only with lift ≥ MIN_RECOMMENDATION_LIFT (1.2) and at least
 *   MIN_RULE_SUPPORT_ACCOUNTS (3) accounts buying both — the best by lift, then confidence;
 * - the comparable group: n of N comparable accounts buy Y, with their median 12-month spend;
 * - curated rules (the built-in industry and product matrices, the user's cross-sell sheet);
 * - a product-line gap (the catalog's line, bought in part): of the comparable accounts buying
 *   what this one buys of the line, the share also buying the variant it does not that most of
 *   them buy (lineBuyersOf);
 *   estimate = the sum of the missing variants' median spends (lapsed variants are win-backs);
 * - an upsell (the catalog's premium alternative of a product bought): of the other accounts
 *   buying the product or its premium, the share buying the premium; estimate = the account's
 *   12-month spend on the product × the premium's list price over the product's (upsellOf), at
 *   most that spend; when the premium's category is a category on the list, the upsell is that
 *   category's evidence, not a second entry;
 * - a category it bought before the last 12 months and not in them (lapsed 13 months ago or 30):
 *   one win-back with the comparable group's evidence, as a category never bought; estimate =
 *   their median (the figure competitor displacement shows for it) when at least 3 of them buy
 *   it, else its own spend in the 12 months to its last purchase; its dormant products are its
 *   own, not entries of their own;
 * - a category it switched away from (the "switched product categories" risk flag: ≥ 10% of the
 *   revenue of the 12 months to as-of − 3 months, none in the last 3): one win-back, High and
 *   ranked first, estimate = its own net spend in the prior 12 months. Its items are withheld
 *   from the other evidence (account.ts): more of a category it has just taken elsewhere is not
 *   the next thing to sell it.
 *
 * Likelihood = the largest of the rule's confidence, the comparable share and the catalog shares
 * (evidence with fewer than 3 supporting accounts does not count). Priority (OPPORTUNITY_PRIORITY): High ≥ 50%,
 * Medium ≥ 25%, else Low (KAP's own rating: PRODUCT.md asks for "a priority" and defines none). A
 * rule alone makes no High where the account's comparable group (industry or tier) barely buys the
 * item (its support Low: under 25% or under 3 accounts): then Medium. A curated rule raises it to its own priority (built-in matrices at most
 * Medium; the user's rules as written). Estimate = the comparable accounts' median spend (the
 * Whitespace Map's figure), else the rule's median spend among accounts buying both
 * (opportunityEstimate). Expected value = likelihood × estimate.
 * The built-in matrices alone naming an item neither the catalog nor the order data has: Low.
 * Rank: priority, then what the data backs (a likelihood, or the user's own rule) before the
 * matrices' assumptions, then expected value, then estimate (both descending), then name.
 */
import { percentText } from "../numberText";
import { MIN_RULE_SUPPORT_ACCOUNTS, OPPORTUNITY_PRIORITY } from "../rules";
import { isMarkedLost } from "../winback";
import type {
  AccountAnalysis,
  CategoryNotBought,
  CrossSellRecommendation,
  LapsedCategory,
  ProductLineGap,
  SwitchedCategory,
  Upsell,
} from "./types";

export type Priority = "High" | "Medium" | "Low";

export type OpportunitySource =
  | "affinity"
  | "comparable accounts"
  | "industry matrix"
  | "product matrix"
  | "user rule"
  | "product-line gap"
  | "upsell"
  | "lapsed category"
  | "switched category";

/**
 * What taking the opportunity means: an item the account has never bought ("new"), the variants
 * it does not buy of a product line it buys in part ("range"), or a premium alternative of a
 * product it buys ("upsell"), a category it stopped buying more than 12 months ago or switched
 * away from in the last 3 months ("win-back").
 */
export type OpportunityKind = "new" | "range" | "upsell" | "win-back";

export interface Opportunity {
  /** 1 = first */
  rank: number;
  /** what to offer (a category, or a curated item's name) */
  offer: string;
  priority: Priority;
  /** 0–1; null when only a curated rule speaks for it */
  likelihood: number | null;
  /** £ a year (the account's currency); null when nothing estimates it */
  annualEstimate: number | null;
  /** likelihood × estimate; null when either is missing */
  expectedValue: number | null;
  /** what the account buys that suggests it (the rule's X, the comparable group, or the curated rule's trigger) */
  because: string;
  /** the reasons in words, strongest first */
  rationale: string;
  sources: OpportunitySource[];
  /** the qualifying data rule, if any */
  rule: CrossSellRecommendation | null;
  /** the comparable-group evidence, if any */
  peers: CategoryNotBought | null;
  /** the words for the comparable group ("comparable Plumber accounts"), for labelling `peers`' figures */
  peerBasis: string;
  curated: CrossSellRecommendation[];
  /** only curated rules speak for it, and neither the catalog nor the order data has the item */
  notStocked: boolean;
  kind: OpportunityKind;
  /** the product-line gap (the catalog's line, variants ticked and crossed), if any */
  lineGap: ProductLineGap | null;
  /** the catalog's premium alternative of a product bought, if any */
  upsell: Upsell | null;
  /** the category it bought and stopped more than 12 months ago, if it is one */
  lapsed: LapsedCategory | null;
  /** the category it switched away from (the risk flag's), if it is one: first on the list */
  switched: SwitchedCategory | null;
  /** product-level rules offering a product of this entry (a missing variant, the premium, a product of the category) */
  productRules: CrossSellRecommendation[];
}

const RANK: Record<Priority, number> = { High: 0, Medium: 1, Low: 2 };

export function priorityOf(likelihood: number | null): Priority {
  if (likelihood === null) return "Low";
  return likelihood >= OPPORTUNITY_PRIORITY.high - 1e-12
    ? "High"
    : likelihood >= OPPORTUNITY_PRIORITY.medium - 1e-12
      ? "Medium"
      : "Low";
}

function higher(a: Priority, b: Priority): Priority {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * Whether the data speaks for an opportunity: a rule or the comparable accounts with enough
 * supporting accounts (a likelihood), or the user's own rule. Else it is only the built-in
 * matrices' assumption.
 */
export function dataBacked(o: Pick<Opportunity, "likelihood" | "curated">): boolean {
  return o.likelihood !== null || o.curated.some((c) => c.source === "user rule");
}

/**
 * Orders opportunities: priority; within one, what the data backs before the matrices'
 * assumptions; then expected value, estimate (descending), then name.
 */
export function compareOpportunities(a: Opportunity, b: Opportunity): number {
  return (
    RANK[a.priority] - RANK[b.priority] ||
    Number(dataBacked(b)) - Number(dataBacked(a)) ||
    (b.expectedValue ?? -1) - (a.expectedValue ?? -1) ||
    (b.annualEstimate ?? -1) - (a.annualEstimate ?? -1) ||
    (a.offer.toLowerCase() < b.offer.toLowerCase()
      ? -1
      : a.offer.toLowerCase() > b.offer.toLowerCase()
        ? 1
        : 0)
  );
}

/**
 * Merges the evidence into the ranked list.
 * @param rules data rules (category level) already filtered to lift ≥ 1.2 and ≥ 3 accounts, one per offer
 * @param notBought categories comparable accounts buy and this account does not
 * @param curated curated suggestions (industry matrix, product matrix, user rules) for items not bought
 * @param peerBasis words for the comparable group, e.g. "comparable Plumber accounts"
 * @param minSupport supporting accounts evidence needs to count (default MIN_RULE_SUPPORT_ACCOUNTS, 3)
 */
export function rankOpportunities(
  rules: readonly CrossSellRecommendation[],
  notBought: readonly CategoryNotBought[],
  curated: readonly CrossSellRecommendation[],
  peerBasis = "comparable accounts",
  minSupport: number = MIN_RULE_SUPPORT_ACCOUNTS,
  /** the workbook's culture: the peers' share in text follows it ("53 %"); none: en-GB */
  culture?: string,
  /**
   * The size of the account's comparable group when it is one (same industry or tier), else null
   * (the peers are all accounts, or none): a rule is not High against that group's Low support.
   */
  comparableGroup: number | null = null,
  /**
   * the catalog's evidence (product-line gaps and premium alternatives; none without a catalog)
   * and the categories lapsed (none bought in the last 12 months)
   */
  more: MoreEvidence = { lineGaps: [], upsell: [] }
): Opportunity[] {
  const catalogEvidence = more;
  const pct = (x: number): string => percentText(Math.round(x * 100), culture);
  const byKey = new Map<string, Opportunity>();
  const get = (offer: string): Opportunity => {
    const k = offer.trim().toLowerCase();
    let o = byKey.get(k);
    if (!o) {
      o = {
        rank: 0,
        offer,
        priority: "Low",
        likelihood: null,
        annualEstimate: null,
        expectedValue: null,
        because: "",
        rationale: "",
        sources: [],
        rule: null,
        peers: null,
        peerBasis,
        curated: [],
        notStocked: false,
        kind: "new",
        lineGap: null,
        upsell: null,
        lapsed: null,
        switched: null,
        productRules: [],
      };
      byKey.set(k, o);
    }
    return o;
  };
  for (const r of rules) get(r.offer).rule = r;
  for (const n of notBought) get(n.category).peers = n;
  for (const c of curated) get(c.offer).curated.push(c);
  for (const l of more.lapsed ?? []) {
    const o = get(l.category);
    o.lapsed = l;
    // the comparable group's share and median, as for a category never bought
    o.peers ??= l.peers;
  }
  for (const g of catalogEvidence.lineGaps) {
    const o = get(g.productLine);
    // the first (largest) gap of a name: lines are unique in the catalog
    if (!o.lineGap) o.lineGap = g;
  }
  for (const u of catalogEvidence.upsell) {
    const o = upsellHost(u, byKey, get);
    // one premium offered in place of two products it buys: the larger gain a year speaks for it
    if (!o.upsell || (u.extraPerYear ?? -Infinity) > (o.upsell.extraPerYear ?? -Infinity))
      o.upsell = u;
  }

  const out: Opportunity[] = [];
  foldProductRules(more, byKey, get);

  for (const o of byKey.values()) {
    const productLikelihood = Math.max(
      -1,
      ...o.productRules
        .filter((r) => r.metrics && r.metrics.bothAccounts >= minSupport)
        .map((r) => r.metrics!.confidence)
    );
    const ruleLikelihood =
      o.rule?.metrics && o.rule.metrics.bothAccounts >= minSupport
        ? o.rule.metrics.confidence
        : null;
    const peerLikelihood = o.peers && o.peers.comparableBuyers >= minSupport ? o.peers.share : null;
    const lineLikelihood =
      o.lineGap && o.lineGap.gapBuyers >= minSupport && o.lineGap.lineBuyers > 0
        ? o.lineGap.gapBuyers / o.lineGap.lineBuyers
        : null;
    const upsellLikelihood =
      o.upsell && o.upsell.premiumBuyers >= minSupport && o.upsell.alternativeBuyers > 0
        ? o.upsell.premiumBuyers / o.upsell.alternativeBuyers
        : null;
    const folded = productLikelihood >= 0 ? productLikelihood : null;
    // a product rule folded into a category's entry is rule evidence as the category's rule is
    // (capped below); into a line gap's or an upsell's, it stands with the catalog's shares
    const onCatalog = o.lineGap !== null || o.upsell !== null;
    const categoryData = [ruleLikelihood, peerLikelihood, onCatalog ? null : folded].filter(
      (x): x is number => x !== null
    );
    let priority = priorityOf(categoryData.length ? Math.max(...categoryData) : null);
    // "1 of 46 comparable Plumber accounts (2%)" beside a portfolio-wide rule's 64%: the rule is
    // evidence (Medium), not a High for an account whose own kind rarely buys it
    if (
      comparableGroup !== null &&
      o.rule?.level !== "sku" &&
      priority === "High" &&
      priorityOf(peerLikelihood ?? 0) === "Low"
    )
      priority = "Medium";
    // the catalog's evidence (buyers of the line, of the product or its premium) rates as its share
    for (const l of [lineLikelihood, upsellLikelihood, onCatalog ? folded : null])
      if (l !== null) priority = higher(priority, priorityOf(l));
    const data = [
      ...categoryData,
      lineLikelihood,
      upsellLikelihood,
      onCatalog ? folded : null,
    ].filter((x): x is number => x !== null);
    o.likelihood = data.length ? Math.max(...data) : null;
    o.kind = o.lapsed
      ? "win-back"
      : o.upsell && !o.peers && !o.rule
        ? "upsell"
        : o.lineGap && !o.peers && !o.rule
          ? "range"
          : "new";
    for (const c of o.curated) {
      const own: Priority = c.priority ?? OPPORTUNITY_PRIORITY.curatedCap;
      // built-in matrices speak for "accounts like this" in general: at most Medium; the user's own rules as written
      priority = higher(
        priority,
        c.source === "user rule" || RANK[own] >= RANK[OPPORTUNITY_PRIORITY.curatedCap]
          ? own
          : OPPORTUNITY_PRIORITY.curatedCap
      );
    }
    o.notStocked =
      !o.rule &&
      !o.peers &&
      !o.lineGap &&
      !o.upsell &&
      o.curated.length > 0 &&
      o.curated.every((c) => c.notStocked);
    // the built-in matrices alone naming an item nothing in the workbook sells: an assumption with
    // no sales behind it, flagged and Low, below every suggestion the data backs and never
    // recommended (the user's own rules keep their priority)
    if (o.notStocked && !dataBacked(o)) priority = "Low";
    o.priority = priority;
    // a win-back the comparable accounts barely buy (under minSupport of them): its own spend
    // before, not the median of one or two accounts (C0071's Test Equipment: 2 of 46 Plumbers'
    // £1,164.33 beside its own £125.56)
    const thinWinBack =
      o.lapsed !== null && !o.rule && (o.peers?.comparableBuyers ?? 0) < minSupport;
    o.annualEstimate =
      (thinWinBack ? o.lapsed!.spendBefore : null) ??
      opportunityEstimate(o.peers, o.rule, o.curated) ??
      lineGapEstimate(o.lineGap) ??
      o.lapsed?.spendBefore ??
      o.upsell?.extraPerYear ??
      null;
    const likelihoodForValue = o.likelihood ?? (o.peers ? o.peers.share : null);
    o.expectedValue =
      likelihoodForValue !== null && o.annualEstimate !== null
        ? likelihoodForValue * o.annualEstimate
        : null;
    if (o.rule || o.productRules.length) o.sources.push("affinity");
    if (o.peers) o.sources.push("comparable accounts");
    if (o.lineGap) o.sources.push("product-line gap");
    if (o.upsell) o.sources.push("upsell");
    if (o.lapsed) o.sources.push("lapsed category");
    for (const c of o.curated)
      if (!o.sources.includes(c.source as OpportunitySource))
        o.sources.push(c.source as OpportunitySource);
    const reasons: { weight: number; text: string }[] = [];
    if (o.peers)
      reasons.push({
        weight: peerLikelihood ?? 0,
        text: `${o.peers.comparableBuyers} of ${o.peers.comparableAccounts} ${peerBasis} (${pct(o.peers.share)}) buy ${o.offer}.`,
      });
    if (o.rule) reasons.push({ weight: ruleLikelihood ?? 0, text: o.rule.rationale });
    if (o.lineGap)
      reasons.push({
        weight: lineLikelihood ?? 0,
        text: lineGapText(o.lineGap, pct, peerBasis),
      });
    if (o.upsell) reasons.push({ weight: upsellLikelihood ?? 0, text: upsellText(o.upsell, pct) });
    // a category's own rule already says it in the category's words ("Cable Ties → Lighting");
    // its product's rule (often the same accounts) adds no reason, only its likelihood
    for (const r of o.rule?.level === "category" ? [] : o.productRules)
      reasons.push({ weight: r.metrics?.confidence ?? 0, text: r.rationale });
    const ordered = reasons.sort((a, b) => b.weight - a.weight).map((r) => r.text);
    // what it bought before comes first: the reason it is a win-back, not a new category
    if (o.lapsed) ordered.unshift(o.lapsed.message);
    for (const c of o.curated)
      ordered.push(
        c.source === "industry matrix"
          ? c.rationale
          : `${c.because} → ${c.offer}: ${c.rationale}${/[.!?]$/.test(c.rationale) ? "" : "."}`
      );
    o.rationale = ordered.join(" ");
    o.because =
      o.rule && (ruleLikelihood ?? 0) >= (peerLikelihood ?? 0)
        ? o.rule.because
        : o.peers
          ? peerBasis
          : o.lineGap
            ? boughtVariants(o.lineGap)
            : o.upsell
              ? o.upsell.currentName
              : (o.curated[0]?.because ?? "");
    out.push(o);
  }
  // a category it switched away from comes first, before anything else to sell it: the account
  // has just taken that spend elsewhere (the caller withholds the category's items: account.ts)
  const switched = (more.switched ?? []).map((w) => switchedWinBack(w, peerBasis));
  const taken = new Set(switched.map((o) => o.offer.trim().toLowerCase()));
  const ranked = [
    ...switched,
    ...out.filter((o) => !taken.has(o.offer.trim().toLowerCase())).sort(compareOpportunities),
  ];
  ranked.forEach((o, i) => (o.rank = i + 1));
  return ranked;
}

/**
 * The win-back of a category the account switched away from: High, priced at its own spend before
 * (SwitchedCategory.spendBefore), with no likelihood (no comparable group's share speaks for it:
 * its own orders do).
 */
function switchedWinBack(w: SwitchedCategory, peerBasis: string): Opportunity {
  return {
    rank: 0,
    offer: w.category,
    priority: "High",
    likelihood: null,
    annualEstimate: w.spendBefore,
    expectedValue: null,
    // its own orders speak for it ("Fixings" beside "Fixings" said nothing)
    because: "its own orders",
    rationale: w.message,
    sources: ["switched category"],
    rule: null,
    peers: null,
    peerBasis,
    curated: [],
    notStocked: false,
    kind: "win-back",
    lineGap: null,
    upsell: null,
    lapsed: null,
    switched: w,
    productRules: [],
  };
}

/**
 * One opportunity's money a year: the one figure the Whitespace Map, the Breakdown, the Cross-Sell
 * sheet, the plan, the QBR and the dashboard show for it. PRODUCT.md §2.2 prices what an account
 * would add by buying a category "at the median rate of comparable accounts", and §2.5 and §2.6a
 * show that median beside each category not bought; so the comparable accounts' median 12-month
 * spend wins whenever they buy it. Else a data rule's median spend of the accounts buying both
 * (§2.6), else a curated rule's estimate; null when nothing prices it.
 */
export function opportunityEstimate(
  peers: Pick<CategoryNotBought, "medianSpend"> | null,
  rule: Pick<CrossSellRecommendation, "annualEstimate"> | null,
  curated: readonly Pick<CrossSellRecommendation, "annualEstimate">[]
): number | null {
  return (
    peers?.medianSpend ??
    rule?.annualEstimate ??
    curated.find((c) => c.annualEstimate !== null)?.annualEstimate ??
    null
  );
}

/** Evidence beside the rules, the comparable group and the curated rules. */
export interface MoreEvidence {
  lineGaps: readonly ProductLineGap[];
  upsell: readonly Upsell[];
  lapsed?: readonly LapsedCategory[];
  /**
   * the categories it switched away from (the risk flag's): each a win-back ranked first; the
   * caller leaves their items out of the other evidence
   */
  switched?: readonly SwitchedCategory[];
  /** product-level rules (level "sku", with their SKU and category) */
  productRules?: readonly CrossSellRecommendation[];
}

/**
 * A product rule's offer is one entry with what else speaks for it, never a second one: a missing
 * variant of a line gap is that gap's, a premium alternative that upsell's, a product of a
 * category already on the list that category's; any other product is an entry of its own.
 */
function foldProductRules(
  more: MoreEvidence,
  byKey: ReadonlyMap<string, Opportunity>,
  get: (offer: string) => Opportunity
): void {
  const key = (s: string) => s.trim().toLowerCase();
  for (const r of more.productRules ?? []) {
    const gap = more.lineGaps.find((g) =>
      g.variants.some((v) => v.sku === r.sku && !v.bought && !v.lapsed)
    );
    const up = more.upsell.find((u) => u.premiumSku === r.sku);
    const host = gap
      ? get(gap.productLine)
      : up
        ? upsellHost(up, byKey, get)
        : r.category !== undefined
          ? byKey.get(key(r.category))
          : undefined;
    if (host) host.productRules.push(r);
    else {
      const o = get(r.offer);
      if (!o.rule) o.rule = r;
    }
  }
}

/**
 * The entry an upsell joins: the category of its premium when that category is itself on the list
 * (a category the account does not buy: offering the category and, beside it, its premium product
 * would be one sale said twice), else an entry of the premium's own.
 */
function upsellHost(
  u: Upsell,
  byKey: ReadonlyMap<string, Opportunity>,
  get: (offer: string) => Opportunity
): Opportunity {
  const category =
    u.premiumCategory !== null ? byKey.get(u.premiumCategory.trim().toLowerCase()) : undefined;
  return category && !category.lineGap ? category : get(u.premiumName);
}

/** A product-line gap's money a year: the sum of its missing variants' medians; null when none has buyers. */
export function lineGapEstimate(g: ProductLineGap | null): number | null {
  return g && g.variants.some((v) => !v.bought && v.medianSpend !== null) ? g.estimate : null;
}

/** The variants of the line the account buys: "Ties 100mm, Ties 300mm". */
function boughtVariants(g: ProductLineGap): string {
  return g.variants
    .filter((v) => v.bought)
    .map((v) => v.name)
    .join(", ");
}

/**
 * "Buys 2 of the 4 Cable Ties variants, not yet Ties 200mm (Ties 400mm lapsed). 3 of 5 other
 * accounts buying the line (60%) buy Ties 200mm."
 */
function lineGapText(g: ProductLineGap, pct: (x: number) => string, peerBasis: string): string {
  const names = (f: (v: ProductLineGap["variants"][number]) => boolean) =>
    g.variants
      .filter(f)
      .map((v) => v.name)
      // variant names hold commas ("Hi-Vis, Vest L"): one name from the next by a semicolon
      .join("; ");
  const missing = names((v) => !v.bought && !v.lapsed);
  const lapsed = names((v) => v.lapsed === true);
  const bought = g.variants.filter((v) => v.bought).map((v) => v.name);
  const what =
    bought.length <= VARIANTS_NAMED ? bought.join(" or ") : `any of its ${bought.length} variants`;
  const peers =
    g.lineBuyers > 0 && g.gapVariant !== null
      ? ` ${g.gapBuyers} of the ${g.lineBuyers} ${peerBasis} that buy ${what} (${pct(g.gapBuyers / g.lineBuyers)}) also buy ${g.gapVariant}.`
      : g.lineBuyers > 0
        ? ` None of the ${g.lineBuyers} ${peerBasis} that buy ${what} buys the rest of the line.`
        : ` None of the ${peerBasis} buys ${what}.`;
  return `Buys ${g.boughtCount} of the ${g.variants.length} ${g.productLine} variants, not yet ${missing}${lapsed ? ` (${lapsed} lapsed)` : ""}.${peers}`;
}

/** The value proposition, then "3 of 5 other accounts buying Ties 300mm or Ties 300mm heavy duty (60%) buy Ties 300mm heavy duty." */
function upsellText(u: Upsell, pct: (x: number) => string): string {
  const peers =
    u.alternativeBuyers > 0
      ? ` ${u.premiumBuyers} of ${u.alternativeBuyers} other accounts buying ${u.currentName} or ${u.premiumName} (${pct(u.premiumBuyers / u.alternativeBuyers)}) buy ${u.premiumName}.`
      : "";
  return `${u.valueProposition}${peers}`;
}

/** Variants a customer is named one by one up to this many; past it, "the rest of the X range". */
const VARIANTS_NAMED = 3;

/**
 * What the customer is offered, as a QBR names it: a product-line gap's missing variants (the
 * account already buys the line, so "Abrasive Discs" alone would name what it has: "Abrasive Discs,
 * Flap 115mm"; two or three joined by "; " as variant names hold commas; more: "the rest of the
 * Abrasive Discs range"); any other entry its offer. Lapsed variants are a win-back, not offered here.
 * `atStart`: the name opens a cell or a list item ("5. The rest of the … range"), not a sentence's
 * middle ("offer the rest of the … range"); names from the data are kept as written.
 */
export function offerToCustomer(
  o: Pick<Opportunity, "offer"> & Partial<Pick<Opportunity, "kind" | "lineGap">>,
  atStart = false
): string {
  const g = o.lineGap;
  if (!g || o.kind !== "range") return o.offer;
  const missing = g.variants.filter((v) => !v.bought && !v.lapsed).map((v) => v.name);
  if (missing.length === 0) return o.offer;
  return missing.length <= VARIANTS_NAMED
    ? missing.join("; ")
    : `${atStart ? "The" : "the"} rest of the ${g.productLine} range`;
}

/**
 * The verb the next step puts before an opportunity: a category the account stopped buying or took
 * elsewhere is won back ("Win back Fixings"), not offered as if it were new to it.
 */
export function offerVerb(o: Partial<Pick<Opportunity, "kind">>): "offer" | "win back" {
  return o.kind === "win-back" ? "win back" : "offer";
}

/**
 * Why an account's ranked list is empty whatever the data suggests, or null when it is not: an
 * account the accounts table marks lost (win-back Stage 5). Its plan is a win-back plan ("no growth
 * target, no new categories or upsell until the account orders again") and its QBR recommends
 * nothing, so the one list (account.ts, opportunitiesOf) is empty and the Breakdown, the Cross-Sell
 * sheet, the plan, the QBR and the dashboard say the same; the sheets print these words in its place.
 */
export function opportunitiesWithheld(
  account: Pick<AccountAnalysis, "name" | "winBack">
): string | null {
  if (!isMarkedLost(account.winBack)) return null;
  return `None: ${account.name} is marked lost in the accounts table. Win it back first: nothing new, no other category and no upsell, is offered until it orders again, as its plan and QBR say. What it used to buy is in the plan's win-back initiatives (Win back, then Recover … for each product it stopped buying) and the Breakdown's dormant products.`;
}

/** The opportunities a QBR or an account plan recommends: High and Medium, in rank order, at most `max`. */
export function recommended(list: readonly Opportunity[], max: number): Opportunity[] {
  return list.filter((o) => o.priority !== "Low").slice(0, max);
}
