/**
 * Whose spend an opportunity's estimate is, in words: one wording for the QBR's recommendations
 * and the Cross-Sell sheet's rows, so the two never describe one estimate two ways.
 */
import type { CrossSellRecommendation, Opportunity } from "../domain/analysis";
import { lineGapEstimate } from "../domain/analysis/opportunities";
import { formatMoney, type MoneyLabel } from "../domain/currency";
import { shareText } from "../domain/numberText";
import { MIN_RULE_SUPPORT_ACCOUNTS, OPPORTUNITY_PRIORITY } from "../domain/rules";

/** Money to the penny in text, as the money cells beside it show it ("£1,018.89"). */
export function money2(n: number, symbolFormat: string, style?: MoneyLabel): string {
  if (style !== undefined) return formatMoney(n, style, 2);
  // a format with no symbol (money naming no currency: "#,##0;-#,##0") is shown with none
  const sym = /^"?([^#0"]+)"?#/.exec(symbolFormat)?.[1] ?? "";
  return formatMoney(n, sym, 2);
}

/**
 * Whose median the estimate is ("the median 12-month spend of the 26 comparable Manufacturing
 * accounts that buy Storage"), or null when there is no estimate. The estimate is the comparable
 * accounts' median when they buy the item (opportunityEstimate: the Whitespace Map's figure), else
 * a data rule's median spend on it of the accounts buying both (PRODUCT.md §2.6, any industry).
 * One or two accounts are said to be a rough figure unless `roughCaveat` is false (the QBR's
 * customer pages: the caveat is the sales team's, on its internal sheet).
 */
export function estimateBasis(o: Opportunity, roughCaveat = true): string | null {
  const e = o.annualEstimate;
  if (e === null) return null;
  const p = o.peers;
  if (p && p.medianSpend === e) {
    if (p.comparableBuyers >= MIN_RULE_SUPPORT_ACCOUNTS)
      return `the median 12-month spend of the ${p.comparableBuyers} ${o.peerBasis} that buy ${o.offer}`;
    // the one value every sheet shows, said to rest on one or two accounts: a rough figure
    const few =
      p.comparableBuyers === 1
        ? `the 12-month spend of the only one of the ${o.peerBasis} that buys ${o.offer}`
        : `the median 12-month spend of the ${p.comparableBuyers} ${o.peerBasis} that buy ${o.offer}`;
    return roughCaveat
      ? `${few}, fewer than ${MIN_RULE_SUPPORT_ACCOUNTS} accounts: a rough figure`
      : few;
  }
  const rule = o.rule && o.rule.annualEstimate === e ? ruleEstimateBasis(o.rule) : null;
  if (rule !== null) return rule;
  const g = o.lineGap;
  if (g && lineGapEstimate(g) === e)
    return g.missingCount === 1
      ? `the median 12-month spend on the variant it does not buy of the accounts buying it`
      : `the sum over the ${g.missingCount} variants it does not buy of the median 12-month spend of the accounts buying each`;
  if (o.switched && o.switched.spendBefore === e) return o.switched.estimateBasis;
  if (o.lapsed && o.lapsed.spendBefore === e)
    return `its own net spend on ${o.offer} in the 12 months to its last purchase`;
  const u = o.upsell;
  if (u && u.extraPerYear === e)
    return u.capped
      ? `its own 12-month spend on ${u.currentName}: the premium's price difference on last year's units came to more, and a switch is counted at most at what it spends on the product now`
      : u.currentListPrice !== null && u.currentPriceBasis === "paid"
        ? `its own 12-month spend on ${u.currentName} × the premium's price difference at list`
        : `the premium's list price less the price a unit now, on last year's units`;
  return `the median 12-month spend of the ${o.peerBasis} that buy ${o.offer}`;
}

/** Whether the estimate is the spend of fewer than 3 comparable accounts (a rough figure). */
export function restsOnFewAccounts(o: Opportunity): boolean {
  const p = o.peers;
  return (
    o.annualEstimate !== null &&
    p !== null &&
    p.medianSpend === o.annualEstimate &&
    p.comparableBuyers < MIN_RULE_SUPPORT_ACCOUNTS
  );
}

/**
 * The estimate and whose spend it is, with its rough-figure caveat, for an estimate resting on one
 * or two accounts (the QBR's internal sheet); null for any other.
 */
export function roughEstimateText(o: Opportunity, cash: (n: number) => string): string | null {
  if (!restsOnFewAccounts(o) || o.annualEstimate === null) return null;
  return `Estimate ${cash(o.annualEstimate)}: ${estimateBasis(o)}.`;
}

/**
 * Whose median a data rule's estimate is (PRODUCT.md §2.6: the median spend on Y of the accounts
 * buying both X and Y), for category and product rules alike; null for a rule without data.
 */
export function ruleEstimateBasis(r: CrossSellRecommendation): string | null {
  if (!r.metrics || r.annualEstimate === null) return null;
  return `the median 12-month spend on ${r.offer} of the ${r.metrics.bothAccounts} accounts that buy ${r.because} and ${r.offer}`;
}

/**
 * A recommendation's reasons and whose spend its estimate is, with the caveat of an item nothing
 * in the workbook sells (the Cross-Sell sheet's "Why", for the sales team).
 */
export function withEstimateBasis(o: Opportunity, cash: (n: number) => string): string {
  const basis = estimateBasis(o);
  if ((basis === null || o.annualEstimate === null) && o.notStocked)
    return `${o.rationale} ${notStockedText(o)}`;
  return reasonAndBasis(o, cash, true);
}

/**
 * A recommendation's reasons and whose spend its estimate is, and nothing else: the QBR's "Why",
 * which the customer reads (the caveats of an item nothing sells and of an estimate resting on one
 * or two accounts are on its internal sheet).
 */
export function reasonWithEstimate(o: Opportunity, cash: (n: number) => string): string {
  return reasonAndBasis(o, cash, false);
}

function reasonAndBasis(o: Opportunity, cash: (n: number) => string, roughCaveat: boolean): string {
  const basis = estimateBasis(o, roughCaveat);
  if (basis === null || o.annualEstimate === null) return o.rationale;
  return `${o.rationale} Estimate ${cash(o.annualEstimate)}: ${basis}.`;
}

/** Why a curated item stands without sales figures: nothing in the workbook sells it. */
export function notStockedText(o: Opportunity): string {
  const from = o.curated.some((c) => c.source === "user rule")
    ? "your cross-sell sheet"
    : o.curated.some((c) => c.source === "industry matrix")
      ? "KAP's built-in industry matrix"
      : "KAP's built-in product matrix";
  return `Not in the catalog or the order data: a suggestion from ${from}, with no sales behind it yet.`;
}

/**
 * The cap on the High/Medium/Low rating (./opportunities.ts, rankOpportunities), in the words
 * every sheet that shows the rating uses: one sentence, so no sheet states a looser rule.
 */
export function ratingCapText(numberCulture: string | undefined): string {
  return `A rule alone is not High when fewer than ${shareText(OPPORTUNITY_PRIORITY.medium, numberCulture)} or fewer than ${MIN_RULE_SUPPORT_ACCOUNTS} of the account's comparable accounts buy the item: then Medium.`;
}

/**
 * Where the built-in matrices' assumptions rank (./opportunities.ts, rankOpportunities), in the
 * words every sheet that lists the opportunities uses.
 */
export function assumptionRankText(): string {
  return "Within a rating, what the data backs comes first; KAP's built-in matrices alone naming an item not in the catalog or the order data make it Low, never recommended.";
}
