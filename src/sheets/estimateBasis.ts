/**
 * Whose spend an opportunity's estimate is, in words: one wording for the QBR's recommendations
 * and the Cross-Sell sheet's rows, so the two never describe one estimate two ways.
 */
import type { CrossSellRecommendation, Opportunity } from "../domain/analysis";
import type { Upsell } from "../domain/analysis/types";
import { lineGapEstimate } from "../domain/analysis/opportunities";
import { formatMoney, type MoneyLabel } from "../domain/currency";
import { roundHalfAwayFromZero } from "../domain/numbers";
import { decimalText, shareText, signedPercentText, wholeText } from "../domain/numberText";
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
 * One or two accounts are said to be a rough figure. (Sales-team wording: the Cross-Sell sheet's
 * and the QBR's internal sheet; the QBR's customer pages give no estimate.)
 */
export function estimateBasis(o: Opportunity): string | null {
  const e = o.annualEstimate;
  const from = estimateSource(o);
  if (e === null || from === null) return null;
  const p = o.peers;
  if (p && from === "comparable accounts") {
    if (p.comparableBuyers >= MIN_RULE_SUPPORT_ACCOUNTS)
      return `the median 12-month spend of the ${p.comparableBuyers} ${o.peerBasis} that buy ${o.offer}`;
    // the one value every sheet shows, said to rest on one or two accounts: a rough figure
    const few =
      p.comparableBuyers === 1
        ? `the 12-month spend of the only one of the ${o.peerBasis} that buys ${o.offer}`
        : `the median 12-month spend of the ${p.comparableBuyers} ${o.peerBasis} that buy ${o.offer}`;
    return `${few}, fewer than ${MIN_RULE_SUPPORT_ACCOUNTS} accounts: a rough figure`;
  }
  if (o.rule && from === "rule") return ruleEstimateBasis(o.rule)!;
  const g = o.lineGap;
  if (g && from === "line gap")
    return g.missingCount === 1
      ? `the median 12-month spend on the variant it does not buy of the accounts buying it`
      : `the sum over the ${g.missingCount} variants it does not buy of the median 12-month spend of the accounts buying each`;
  if (o.switched && from === "switched") return o.switched.estimateBasis;
  if (from === "lapsed")
    return `its own net spend on ${o.offer} in the 12 months to its last purchase`;
  const u = o.upsell;
  if (u && from === "upsell")
    return u.capped
      ? `its own 12-month spend on ${u.currentName}: the premium's price difference on last year's units came to more, and a switch is counted at most at what it spends on the product now`
      : u.currentListPrice !== null && u.currentPriceBasis === "paid"
        ? `its own 12-month spend on ${u.currentName} × the premium's price difference at list`
        : `the premium's list price less the price a unit now, on last year's units`;
  return `the median 12-month spend of the ${o.peerBasis} that buy ${o.offer}`;
}

/**
 * Whose spend the estimate is, with the 12 months it is of: the analysis's for the medians of
 * other accounts ("Estimate, 12 months to 31/10/2026: the median 12-month spend of …", `period`);
 * a win-back's own spend names its own 12 months ("Estimate: its own net spend on Fixings in the 12
 * months to 31/10/2025."). Null when there is no estimate.
 */
export function estimateSentence(o: Opportunity, period: string): string | null {
  const basis = estimateBasis(o);
  if (basis === null) return null;
  const from = estimateSource(o);
  return `Estimate${from === "switched" || from === "lapsed" ? "" : `, ${period}`}: ${basis}.`;
}

/** Whose spend an opportunity's estimate is (estimateBasis words it); null when it has none. */
type EstimateSource =
  "comparable accounts" | "rule" | "line gap" | "switched" | "lapsed" | "upsell" | "other";

function estimateSource(o: Opportunity): EstimateSource | null {
  const e = o.annualEstimate;
  if (e === null) return null;
  if (o.peers && o.peers.medianSpend === e) return "comparable accounts";
  if (o.rule && o.rule.annualEstimate === e && ruleEstimateBasis(o.rule) !== null) return "rule";
  if (o.lineGap && lineGapEstimate(o.lineGap) === e) return "line gap";
  if (o.switched && o.switched.spendBefore === e) return "switched";
  if (o.lapsed && o.lapsed.spendBefore === e) return "lapsed";
  if (o.upsell && o.upsell.extraPerYear === e) return "upsell";
  return "other";
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
  if (basis === null || o.annualEstimate === null)
    return o.notStocked ? `${o.rationale} ${notStockedText(o)}` : o.rationale;
  return `${o.rationale} Estimate ${cash(o.annualEstimate)}: ${basis}.`;
}

/**
 * A recommendation's reasons as the customer reads them (the QBR's "Why"): how many comparable
 * accounts buy it, what it goes with; never what it is worth to us. An upsell's value proposition
 * (its price per unit against the product's, "… that is £4,631.35 more per year" on the account's
 * units) is the sales team's, on the QBR's internal sheet (upsellPricingText): here it says only
 * what the premium would replace. Before, a customer whose spend was down 46% read that our
 * proposal would cost it 70% more a unit, £4,631.35 a year.
 */
export function customerReason(o: Pick<Opportunity, "offer" | "rationale" | "upsell">): string {
  const u = o.upsell;
  if (!u) return o.rationale;
  // named when the entry is the premium's category (upsellHost), not the premium itself
  const plain = `${o.offer === u.premiumName ? "The" : `${u.premiumName} is the`} premium alternative to ${u.currentName}, which you buy.`;
  // (a function, so no "$&" in a product's name is read as a pattern)
  return o.rationale.includes(u.valueProposition)
    ? o.rationale.replace(u.valueProposition, () => plain)
    : plain;
}

/**
 * An upsell's prices and what it adds a year, for the sales team (the QBR's internal sheet), each
 * figure with its period: "Upsell from Silicone Sealant 310ml, Clear to Hybrid Polymer Sealant
 * 290ml, Clear (+70% per unit: list £4.60 against £7.82; at the £3.67 a unit it paid in the 12
 * months to 31/10/2026, £6.24): on its 1,803 units in the 12 months to 31/10/2026 (£6,616.22),
 * £4,631.35 more a year for the customer to pay." The figures are upsellOf's (products.ts), the
 * 12 months to the analysis's as-of (`period`).
 */
export function upsellPricingText(
  u: Upsell,
  cash: (n: number) => string,
  period: string,
  culture?: string
): string {
  const pct =
    u.priceDifferencePct === null
      ? ""
      : `${signedPercentText(u.priceDifferencePct, culture)} per unit: `;
  const list = u.currentListPrice;
  const prices =
    u.premiumPrice === null || u.currentPrice === null
      ? null
      : u.currentPriceBasis !== "paid"
        ? `list prices, ${cash(u.currentPrice)} against ${cash(u.premiumPrice)}`
        : list !== null && list > 0
          ? `list ${cash(list)} against ${cash(u.premiumPrice)}; at the ${cash(u.currentPrice)} a unit it paid in the ${period}, ${cash((u.currentPrice * u.premiumPrice) / list)}`
          : `${cash(u.currentPrice)} a unit paid in the ${period} against ${cash(u.premiumPrice)} list`;
  const head = `Upsell from ${u.currentName} to ${u.premiumName}${prices ? ` (${pct}${prices})` : ""}`;
  if (u.extraPerYear === null) return `${head}.`;
  const units = `${wholeText(u.unitsLast12, culture)} unit${u.unitsLast12 === 1 ? "" : "s"} in the ${period}`;
  const spent = u.currentPriceBasis === "paid" ? ` (${cash(u.spendLast12)})` : "";
  const capped = u.capped ? `, capped at its own spend on ${u.currentName}` : "";
  return `${head}: on its ${units}${spent}, ${cash(u.extraPerYear)} more a year for the customer to pay${capped}.`;
}

/**
 * An estimate larger than the account's own spend in the 12 months the estimate is of: said beside
 * it on the QBR's internal sheet, not changed ("£1,204.46 is 21× this account's £57.93 in the 12
 * months to 31/10/2026: comparable accounts are larger; size the offer to the account."). Null when
 * the estimate is within that spend, or there is none.
 */
export function outOfScaleText(
  o: Opportunity,
  spend: number,
  cash: (n: number) => string,
  period: string,
  culture?: string
): string | null {
  const e = o.annualEstimate;
  if (e === null || e <= spend) return null;
  const size = "size the offer to the account";
  if (spend <= 0) return `${cash(e)} against no spend by this account in the ${period}: ${size}.`;
  const why = {
    "comparable accounts": "comparable accounts are larger",
    other: "comparable accounts are larger",
    rule: "the accounts it is estimated from are larger",
    "line gap": "the accounts it is estimated from are larger",
    switched: "it is its own spend before it stopped buying it",
    lapsed: "it is its own spend before it stopped buying it",
    upsell: "it is the premium's price difference on its own units",
  }[estimateSource(o)!];
  return `${cash(e)} is ${timesText(e / spend, culture)} this account's ${cash(spend)} in the ${period}: ${why}; ${size}.`;
}

/** A ratio as "21×" (whole from 10), "6.9×" or "4×" (to one decimal below). */
export function timesText(ratio: number, culture?: string): string {
  return `${ratio >= 10 ? wholeText(Math.round(ratio), culture) : decimalText(String(roundHalfAwayFromZero(ratio, 1)), culture)}×`;
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
