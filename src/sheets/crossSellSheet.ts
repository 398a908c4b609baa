/** Cross-Sell for one account (RULES.md §2.6, methodology Step 3 and Appendix C). */
import { noComparableAccountsText } from "../domain/analysis/crossSell";
import { offerToCustomer, opportunitiesWithheld } from "../domain/analysis/opportunities";
import type { Opportunity } from "../domain/analysis/opportunities";
import type { AccountDetail, CrossSellRecommendation } from "../domain/analysis/types";
import { asOfText, kapName, type LayoutOptions, moneyFor, textMoneyLabel } from "./options";
import { decimalText, shareText } from "../domain/numberText";
import {
  assumptionRankText,
  estimateBasis,
  money2,
  ratingCapText,
  ruleEstimateBasis,
  withEstimateBasis,
} from "./estimateBasis";
import {
  MIN_RECOMMENDATION_LIFT,
  MIN_RULE_SUPPORT_ACCOUNTS,
  OPPORTUNITY_PRIORITY,
} from "../domain/rules";
import {
  type Block,
  type CellValue,
  FORMATS,
  PALETTE,
  sheet,
  type SheetSpec,
  title,
  cell,
} from "./spec";

export function crossSellSheet(d: AccountDetail, opts: LayoutOptions): SheetSpec {
  const a = d.account;
  const money = moneyFor(opts, a.currency);
  // the estimate's words name money as the QBR's do: the culture's way when one is set, else the format's symbol
  const moneyText = textMoneyLabel(opts, a.currency);
  const cash = (n: number): string => money2(n, money, moneyText);
  // the only account in its currency: nothing was compared, so no list is "everything they buy"
  const noPeers = noComparableAccountsText(a.currency, a.whitespace.comparableAccounts);
  const blocks: Block[] = [
    title("A1", `Cross-Sell – ${a.name}`),
    cell(
      "A2",
      `Account ${a.accountId} · ${a.industry ?? "industry not given"} · as of ${asOfText(opts.asOf, opts.culture)}`,
      "subtitle"
    ),
  ];
  // widths and page as below: about 180 characters, one landscape page wide
  const widths = [18, 20, 10, 18, 60, 12, 10, 8, 10, 14];
  const page = { orientation: "landscape", fitToWidth: true } as const;
  // a lost account: nothing to cross-sell or upsell (its list is empty, as its plan and QBR say);
  // the reason in place of the ranked list and of the evidence behind it (product rules, line
  // gaps, premium alternatives, competitor displacement), each of them a suggestion to sell
  const withheld = opportunitiesWithheld(a);
  if (withheld !== null) {
    blocks.push(
      cell(
        "A4",
        `Opportunities: none while the account is lost (the same answer as the Breakdown, the plan and the QBR; as of ${asOfText(opts.asOf, opts.culture)})`,
        "label"
      ),
      cell("A5", withheld, "note")
    );
    return sheet(kapName("Cross-Sell", a.accountId), "crossSell", a.key, blocks, {
      // one column: the reason wraps in it across the page, not in the list's 18-wide A
      widths: [130],
      page,
      showGridlines: false,
    });
  }
  let r = 4;
  const section = (
    heading: string,
    header: string[],
    rows: CellValue[][],
    formats: (string | undefined)[],
    empty: string
  ) => {
    blocks.push(cell(`A${r}`, heading, "label"));
    r++;
    blocks.push({
      at: `A${r}`,
      rows: [header, ...(rows.length ? rows : [[empty, ...header.slice(1).map(() => null)]])],
      header: true,
      formats,
      style: undefined,
    });
    const top = r;
    r += Math.max(1, rows.length) + 3;
    return top;
  };

  const opps = d.opportunities;
  const recTop = section(
    `Opportunities, ranked (the same list as the Breakdown, the plan and the QBR; as of ${asOfText(opts.asOf, opts.culture)})`,
    [
      "Rank",
      "Consider selling",
      "Priority",
      "Because",
      "Why (in words)",
      "Annual estimate",
      "Likelihood",
      "Lift",
      "Accounts buying both",
      "Evidence",
    ],
    opps.map((o) => [
      o.rank,
      // what the customer is offered, as the QBR names it (a line gap's missing variants)
      offerToCustomer(o, true),
      o.priority,
      o.because || null,
      // whose spend the estimate is, in the words' column as the QBR says it: a column of its own
      // (60 wide) printed the sheet at about 50%
      withEstimateBasis(o, cash),
      o.annualEstimate,
      o.likelihood,
      o.rule?.metrics ? Math.round(o.rule.metrics.lift * 100) / 100 : null,
      o.rule?.metrics ? o.rule.metrics.bothAccounts : null,
      o.sources.join(", "),
    ]),
    [
      FORMATS.integer,
      undefined,
      undefined,
      undefined,
      undefined,
      money,
      FORMATS.percent,
      "0.00",
      FORMATS.integer,
      undefined,
    ],
    noPeers
      ? `${noPeers} No rule suggests more.`
      : "Buys everything comparable accounts buy; no rule suggests more."
  );
  const recEnd = recTop + Math.max(1, opps.length);
  blocks.push(
    cell(
      `A${r - 2}`,
      `Rules count with lift ≥ ${decimalText(String(MIN_RECOMMENDATION_LIFT), opts.numberCulture)} and ${MIN_RULE_SUPPORT_ACCOUNTS}+ accounts buying both. Likelihood = the larger of the rule's confidence and the share of comparable accounts buying it; High from ${shareText(OPPORTUNITY_PRIORITY.high, opts.numberCulture)}, Medium from ${shareText(OPPORTUNITY_PRIORITY.medium, opts.numberCulture)}. ${ratingCapText(opts.numberCulture)} ${assumptionRankText()} Each estimate is a median 12-month spend; its Why says whose.`,
      "note"
    )
  );

  // A product rule's median (PRODUCT.md §2.6: the median spend on Y of the accounts buying both)
  // is the item's estimate only when the ranked list has no other for it; a premium's upsell or a
  // missing variant's line gap estimates it otherwise (README: one estimate per opportunity), so
  // the table gives the ranked list's figure as the estimate and the rule's median under a header
  // saying it is not one (C0204: Twin Tripod's upsell £12,546.86, its rule's median £669.50).
  const ruleMedianHeader = "Rule's median spend (not an estimate)";
  section(
    "Products to add (product-level rules within what they buy; the estimate is the ranked list's)",
    // the words in column E and the estimate in F, as in the opportunities above (E is the wide one)
    [
      "They buy",
      "Consider selling",
      "Confidence",
      "Lift",
      "Why (in words)",
      "Annual estimate (ranked list)",
      "Accounts buying both",
      "Rank (priority)",
      ruleMedianHeader,
    ],
    d.skuCrossSell.map((x) => {
      // the ranked list's entry it speaks for: its own, or the line gap's, upsell's or category's
      const entry = opps.find((o) => o.rule === x || o.productRules.includes(x));
      const est = productRuleEstimate(x, entry);
      return [
        x.because,
        x.offer,
        x.metrics ? x.metrics.confidence : null,
        x.metrics ? Math.round(x.metrics.lift * 100) / 100 : null,
        `${x.rationale} ${est.words(cash)}`.trim(),
        est.value,
        x.metrics ? x.metrics.bothAccounts : null,
        entry ? `${entry.rank} (${entry.priority})` : null,
        x.metrics ? x.annualEstimate : null,
      ];
    }),
    [
      undefined,
      undefined,
      FORMATS.percent,
      "0.00",
      undefined,
      money,
      FORMATS.integer,
      undefined,
      money,
    ],
    `No product-level rule reaches lift ${decimalText(String(MIN_RECOMMENDATION_LIFT), opts.numberCulture)} with ${MIN_RULE_SUPPORT_ACCOUNTS}+ accounts buying both.`
  );

  // each gap and upsell is one entry of the ranked list above: its rank and priority beside it
  const ranked = (name: string) => opps.find((o) => o.offer.toLowerCase() === name.toLowerCase());
  const rankOf = (name: string): CellValue => {
    const o = ranked(name);
    return o ? `${o.rank} (${o.priority})` : null;
  };
  const gapRows: CellValue[][] = [];
  for (const g of d.productLineGaps) {
    g.variants.forEach((v, i) =>
      gapRows.push([
        g.productLine,
        v.name,
        v.sku,
        v.bought ? "✔ buys" : v.lapsed ? "↺ lapsed: win back" : "✘ not yet",
        v.bought || v.lapsed ? null : v.medianSpend,
        i === 0 ? rankOf(g.productLine) : null,
      ])
    );
  }
  const gapTop = section(
    "Product-line gaps (some variants bought, not all; the line's estimate is the sum of its variants')",
    ["Product line", "Variant", "SKU", "Status", "Estimate if added", "Rank (priority)"],
    gapRows,
    [undefined, undefined, undefined, undefined, money, undefined],
    "No product-line gaps (or no product lines in the catalog)."
  );
  const gapEnd = gapTop + Math.max(1, gapRows.length);

  section(
    "Upsell to premium alternatives",
    // the two products' names in the wide columns A and B, the proposition in E (60 wide), as
    // the opportunities' words are; a name in the 12-wide column C wrapped one word a line
    [
      "Current product",
      "Premium alternative",
      "Current SKU",
      "Premium SKU",
      "Value proposition",
      "Current price (paid 12m; else list)",
      "Premium price (list)",
      "Price difference",
      "Units 12m",
      "Rank (priority)",
    ],
    d.upsell.map((u) => [
      u.currentName,
      u.premiumName,
      u.currentSku,
      u.premiumSku,
      u.valueProposition,
      u.currentPrice,
      u.premiumPrice,
      u.priceDifferencePct === null ? null : u.priceDifferencePct / 100,
      u.unitsLast12,
      // its entry: the premium's own, or its category's when that category is on the list
      ((o) => (o ? `${o.rank} (${o.priority})` : null))(opps.find((o) => o.upsell === u)),
    ]),
    [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      money.replace(/#,##0(?!\.)/g, "#,##0.00"),
      money.replace(/#,##0(?!\.)/g, "#,##0.00"),
      FORMATS.percent,
      FORMATS.integer,
      undefined,
    ],
    "No premium alternatives in the catalog for what they buy."
  );

  section(
    "Competitor displacement (probably bought elsewhere)",
    ["Category", "Same-industry accounts buying", "Share", "Their median spend", "Why"],
    // a category it switched away from: no industry figures (its own orders say it; see Why)
    d.competitorDisplacement.map((c) => [
      c.category,
      c.industryBuyers === null ? null : `${c.industryBuyers} of ${c.industryAccounts}`,
      c.share,
      c.medianSpend,
      c.message,
    ]),
    [undefined, undefined, FORMATS.percent, money, undefined],
    noPeers ?? "Nothing most accounts of this industry buy is missing."
  );

  return sheet(kapName("Cross-Sell", a.accountId), "crossSell", a.key, blocks, {
    // about 180 characters: one landscape page wide at about 75% (277, with a column for the
    // estimate basis, printed at about 50%); the words wrap in E
    widths,
    conditionalFormats: [
      {
        range: `C${recTop + 1}:C${recEnd}`,
        rule: {
          type: "textContains",
          text: "High",
          fill: PALETTE.good,
          fontColor: PALETTE.goodFont,
        },
      },
      {
        range: `C${recTop + 1}:C${recEnd}`,
        rule: {
          type: "textContains",
          text: "Medium",
          fill: PALETTE.neutral,
          fontColor: PALETTE.neutralFont,
        },
      },
      {
        range: `D${gapTop + 1}:D${gapEnd}`,
        rule: {
          type: "textContains",
          text: "✘",
          fill: PALETTE.neutral,
          fontColor: PALETTE.neutralFont,
        },
      },
      {
        range: `D${gapTop + 1}:D${gapEnd}`,
        rule: { type: "textContains", text: "✔", fill: PALETTE.good, fontColor: PALETTE.goodFont },
      },
    ],
    page,
    showGridlines: false,
  });
}

/**
 * The estimate a product rule's row shows, and its words: the ranked list's for the item (PRODUCT.md
 * §2.10, one ranked list feeds every sheet). The rule's own median when the rule is its entry's
 * estimate or on no entry; the upsell's when the item is the premium of an upsell entry; the
 * variant's median, its part of the line's sum, when it is a missing variant of a line-gap entry;
 * none of its own when it is one product of a category's entry (the category is estimated whole).
 */
export function productRuleEstimate(
  x: CrossSellRecommendation,
  entry: Opportunity | undefined
): { value: number | null; words: (cash: (n: number) => string) => string } {
  const basis = ruleEstimateBasis(x);
  const own = {
    value: x.annualEstimate,
    words: () => (basis === null ? "" : `Estimate: ${basis}.`),
  };
  if (!entry || x.annualEstimate === null) return own;
  if (entry.rule === x && entry.annualEstimate === x.annualEstimate) return own;
  const median = (cash: (n: number) => string): string =>
    x.metrics && x.annualEstimate !== null
      ? ` The ${x.metrics.bothAccounts} accounts that buy ${x.because} and ${x.offer} spend a median ${cash(x.annualEstimate)} a year on it: the rule's figure, not an estimate of this opportunity.`
      : "";
  if (entry.rule === x) {
    const e = entry.annualEstimate;
    return {
      value: e,
      words: (cash) =>
        e === null
          ? `No estimate on the ranked list (rank ${entry.rank}).${median(cash)}`
          : `Estimate ${cash(e)}, the ranked list's (rank ${entry.rank}): ${estimateBasis(entry) ?? ""}.${median(cash)}`,
    };
  }
  const u = entry.upsell;
  if (u && x.sku === u.premiumSku && entry.kind === "upsell" && entry.annualEstimate !== null) {
    const e = entry.annualEstimate;
    return {
      value: e,
      words: (cash) =>
        `Estimate ${cash(e)}, the ranked list's (rank ${entry.rank}, the upsell from ${u.currentName}): ${estimateBasis(entry) ?? ""}.${median(cash)}`,
    };
  }
  const v = entry.lineGap?.variants.find((w) => w.sku === x.sku && !w.bought && !w.lapsed);
  if (v && v.medianSpend !== null && entry.annualEstimate !== null) {
    const e = v.medianSpend;
    const line = entry.annualEstimate;
    const many = (entry.lineGap?.missingCount ?? 1) > 1;
    return {
      value: e,
      words: (cash) =>
        many
          ? `Estimate ${cash(e)}, its part of the ranked list's ${cash(line)} for the ${entry.lineGap?.productLine ?? ""} range (rank ${entry.rank}): the median 12-month spend on it of the accounts buying it.${median(cash)}`
          : `Estimate ${cash(e)}, the ranked list's (rank ${entry.rank}, the ${entry.lineGap?.productLine ?? ""} range): the median 12-month spend on it of the accounts buying it.${median(cash)}`,
    };
  }
  // one product of a category's (or another item's) entry: that entry is estimated, not the product
  const e = entry.annualEstimate;
  return {
    value: null,
    words: (cash) =>
      `No estimate of its own: it is part of ${entry.offer} (rank ${entry.rank})${e === null ? "" : `, estimated at ${cash(e)} a year`}.${median(cash)}`,
  };
}
