/** Cross-Sell for one account (RULES.md §2.6, methodology Step 3 and Appendix C). */
import { noComparableAccountsText } from "../domain/analysis/crossSell";
import { offerToCustomer } from "../domain/analysis/opportunities";
import type { AccountDetail } from "../domain/analysis/types";
import { asOfText, kapName, type LayoutOptions, moneyFor, textMoneyLabel } from "./options";
import { decimalText, shareText } from "../domain/numberText";
import {
  assumptionRankText,
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
      offerToCustomer(o),
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

  section(
    "Products to add (product-level rules within what they buy)",
    // the words in column E and the estimate in F, as in the opportunities above (E is the wide one)
    [
      "They buy",
      "Consider selling",
      "Confidence",
      "Lift",
      "Why (in words)",
      "Annual estimate",
      "Accounts buying both",
      "Rank (priority)",
    ],
    d.skuCrossSell.map((x) => {
      const basis = ruleEstimateBasis(x);
      // the ranked list's entry it speaks for: its own, or the line gap's, upsell's or category's
      const entry = opps.find((o) => o.rule === x || o.productRules.includes(x));
      return [
        x.because,
        x.offer,
        x.metrics ? x.metrics.confidence : null,
        x.metrics ? Math.round(x.metrics.lift * 100) / 100 : null,
        basis === null ? x.rationale : `${x.rationale} Estimate: ${basis}.`,
        x.annualEstimate,
        x.metrics ? x.metrics.bothAccounts : null,
        entry ? `${entry.rank} (${entry.priority})` : null,
      ];
    }),
    [undefined, undefined, FORMATS.percent, "0.00", undefined, money, FORMATS.integer, undefined],
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
    d.competitorDisplacement.map((c) => [
      c.category,
      `${c.industryBuyers} of ${c.industryAccounts}`,
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
    widths: [18, 20, 10, 18, 60, 12, 10, 8, 10, 14],
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
    page: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
  });
}
